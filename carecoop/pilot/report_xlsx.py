"""The pilot report's raw tables as an XLSX workbook, one sheet per table, for analysts.

Only consenting people appear by name; the others are in the headcounts only.
"""

from __future__ import annotations

from typing import Any

from carecoop.pilot.decisions import DECISION_WORDS
from carecoop.pilot.evidence import ProgrammeFigures, WorkshopEvidence
from carecoop.pilot.feedback import COMMENTS, SCALES


def report_tables(
    workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]
) -> dict[str, list[list[Any]]]:
    """Sheet name → rows (the first row is the header)."""
    tables: dict[str, list[list[Any]]] = {
        "Workshops": [["Workshop", "Title", "Programme", "Start date", "End date", "Place", "Country",
                       "Facilitator", "Registered", "Consenting", "Not consenting", "Came to all modules",
                       "Care support"]],
        "People": [["Workshop", "Name", "Group", "Sex", "Age band", "Role", "Disability"]],
        "Attendance": [["Workshop", "Module", "Title", "Present", "Registered"]],
        "Knowledge per question": [["Programme", "Check", "Number", "Question", "Right at the start",
                                    "Took it at the start", "Right at the end", "Took it at the end"]],
        "Knowledge per person": [["Workshop", "Name", "Check", "Right at the start", "Right at the end",
                                  "Out of", "Change"]],
        "Feedback": [["Workshop", "Question", "1", "2", "3", "4", "5", "Answers", "Mean"]],
        "Comments": [["Workshop", "Question", "Comment", "From"]],
        "Decisions": [["Workshop", "Group", "Decision", "Recorded as"]],
        "Plans": [["Workshop", "Group", "Score", "Warnings"]],
    }
    for w in workshops:
        ws = w.workshop
        tables["Workshops"].append([
            ws.id, ws.title, w.programme_title, ws.start_date, ws.end_date or "", ws.location, ws.country,
            ws.facilitator, len(w.people), len(w.consenting), len(w.people) - len(w.consenting),
            w.completed, ws.care_support,
        ])
        for p in w.consenting:
            tables["People"].append([ws.id, p.name, p.group or "", p.profile.sex, p.profile.age_band,
                                     p.profile.role, p.profile.disability])
        for m in w.attendance:
            tables["Attendance"].append([ws.id, m.module_id, m.title, m.present, m.registered])
        if w.feedback is not None:
            for question, label in SCALES.items():
                counts = w.feedback.faces[question]
                mean = w.feedback.mean(question)
                tables["Feedback"].append([ws.id, label, *(counts.get(f, 0) for f in range(1, 6)),
                                           w.feedback.answered(question),
                                           round(mean, 2) if mean is not None else None])
            for question, label in COMMENTS.items():
                for comment in w.feedback.comments[question]:
                    tables["Comments"].append([ws.id, label, comment.text, comment.source])
        for d in w.decisions:
            tables["Decisions"].append([ws.id, d.group, DECISION_WORDS[d.decision], d.answer])
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
        sheet = book.create_sheet(name[:31])
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
