"""The pilot report's raw tables as an XLSX workbook, one sheet per table, for analysts.

Only consenting people appear by name; the others are in the headcounts only.
"""

from __future__ import annotations

from typing import Any

from carecoop.i18n import N_, _
from carecoop.pilot.decisions import DECISION_WORDS, recorded_as
from carecoop.pilot.evidence import ProgrammeFigures, WorkshopEvidence
from carecoop.pilot.feedback import COMMENTS, SCALES
from carecoop.pilot.profile import AGE_BANDS, DISABILITY, ROLES, SEXES


def report_tables(
    workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]
) -> dict[str, list[list[Any]]]:
    """Sheet name (English, translated when written) → rows (the first row is the header)."""
    tables: dict[str, list[list[Any]]] = {
        N_("Workshops"): [[
            _("Workshop"), _("Title"), _("Programme"), _("Start date"), _("End date"), _("Place"),
            _("Country"), _("Facilitator"), _("Registered"), _("Consenting"), _("Not consenting"),
            _("Came to all modules"), _("Care support"),
        ]],
        N_("People"): [[
            _("Workshop"), _("Name"), _("Group"), _("Sex"), _("Age band"), _("Role"), _("Disability"),
        ]],
        N_("Attendance"): [[_("Workshop"), _("Module"), _("Title"), _("Present"), _("Registered")]],
        N_("Knowledge per question"): [[
            _("Programme"), _("Check"), _("Number"), _("Question"), _("Right at the start"),
            _("Took it at the start"), _("Right at the end"), _("Took it at the end"),
        ]],
        N_("Knowledge per person"): [[
            _("Workshop"), _("Name"), _("Check"), _("Right at the start"), _("Right at the end"), _("Out of"),
            _("Change"),
        ]],
        N_("Feedback"): [[_("Workshop"), _("Question"), "1", "2", "3", "4", "5", _("Answers"), _("Mean")]],
        N_("Comments"): [[_("Workshop"), _("Question"), _("Comment"), _("From")]],
        N_("Decisions"): [[_("Workshop"), _("Group"), _("Decision"), _("Recorded as")]],
        N_("Plans"): [[_("Workshop"), _("Group"), _("Score"), _("Warnings")]],
    }
    for w in workshops:
        ws = w.workshop
        tables["Workshops"].append([
            ws.id, ws.title, w.programme_title, ws.start_date, ws.end_date or "", ws.location, ws.country,
            ws.facilitator, len(w.people), len(w.consenting), len(w.people) - len(w.consenting),
            w.completed, ws.care_support,
        ])
        for p in w.consenting:
            tables["People"].append([
                ws.id, p.name, p.group or "", _word(SEXES, p.profile.sex),
                _word(AGE_BANDS, p.profile.age_band), _word(ROLES, p.profile.role),
                _word(DISABILITY, p.profile.disability),
            ])
        for m in w.attendance:
            tables["Attendance"].append([ws.id, m.module_id, m.title, m.present, m.registered])
        if w.feedback is not None:
            for question, label in SCALES.items():
                counts = w.feedback.faces[question]
                mean = w.feedback.mean(question)
                tables["Feedback"].append([ws.id, _(label), *(counts.get(f, 0) for f in range(1, 6)),
                                           w.feedback.answered(question),
                                           round(mean, 2) if mean is not None else None])
            for question, label in COMMENTS.items():
                for comment in w.feedback.comments[question]:
                    tables["Comments"].append([ws.id, _(label), comment.text, comment.source])
        for d in w.decisions:
            tables["Decisions"].append([ws.id, d.group, _(DECISION_WORDS[d.decision]), recorded_as(d.answer)])
        for plan in w.plans:
            tables["Plans"].append([ws.id, plan.group, plan.score, "\n".join(plan.warnings)])
    for figure in figures:
        for result in figure.knowledge:
            for number, q in enumerate(result.questions, start=1):
                tables["Knowledge per question"].append([
                    figure.programme, result.check.before.id, number, q.question.prompt,
                    q.right_before, q.took_before, q.right_after, q.took_after,
                ])
            for person in result.people:
                tables["Knowledge per person"].append([
                    person.person[0], person.person[1], result.check.before.id, person.before, person.after,
                    result.out_of, person.change,
                ])
    return tables


def _word(words: dict[str, str], value: str | None) -> str | None:
    """A profile value in the report's words (`Mujer`), empty where it was not given."""
    return None if value is None else _(words.get(value, value))


def xlsx_bytes(tables: dict[str, list[list[Any]]]) -> bytes:
    """The tables as a workbook: bold header, frozen first row, columns wide enough."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for name, rows in tables.items():
        sheet = book.create_sheet(_(name)[:31])
        for row in rows:
            sheet.append([_cell(value) for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    # A typed text starting with = would be a formula in a spreadsheet: keep it text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
