"""Write the pilot report of a workshop, or the programme report of many, as PDF, Markdown or XLSX."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carecoop.errors import UserError
from carecoop.i18n import _, current_language, use_language

if TYPE_CHECKING:
    from carecoop.content.curriculum import Curriculum
    from carecoop.pilot.evidence import ProgrammeFigures, WorkshopEvidence
    from carecoop.render.engine import Paper
    from carecoop.store.db import Store

REPORT_FORMATS = ("pdf", "md", "xlsx")


@dataclass(frozen=True)
class WrittenReport:
    """The report written and its figures, for the command to sum up."""

    path: Path
    workshops: list[WorkshopEvidence]
    figures: list[ProgrammeFigures]


def choose_workshops(store: Store, workshop_id: str | None, every: bool, country: str | None) -> list[str]:
    """The workshops a report covers: the one named, or all (of a country), oldest first."""
    if workshop_id is not None:
        if every or country:
            raise UserError(_(
                "Give a workshop, or --all (with --country to choose one country), not both."
            ))
        return [store.workshop(workshop_id).id]
    if not every and not country:
        raise UserError(_("Name a workshop, or use --all for every workshop in this store."))
    chosen = [w for w in store.workshops() if not country or w.country.casefold() == country.casefold()]
    if not chosen:
        if country:
            message = _(
                "No workshops for country '{country}' in this store. "
                "Import bundles with 'carecoop import FILE...'."
            )
        else:
            message = _("No workshops in this store. Import bundles with 'carecoop import FILE...'.")
        raise UserError(message.format(country=country))
    return [w.id for w in sorted(chosen, key=lambda w: (w.start_date, w.id))]


def _localized(curriculum: Curriculum, language: str) -> Curriculum:
    """The curriculum with its modules in a language: module titles and quiz questions as printed."""
    from dataclasses import replace

    from carecoop.content.curriculum import SourcedModule

    if language == "en":
        return curriculum
    sourced = [SourcedModule(curriculum.localized(s.module, language)[0], s.path) for s in curriculum.sourced]
    return replace(curriculum, sourced=sourced)


def export_report(
    store: Store,
    curriculum: Curriculum,
    workshop_ids: list[str],
    out: Path,
    *,
    fmt: str = "pdf",
    title: str | None = None,
    paper: Paper = "a4",
    force: bool = False,
) -> WrittenReport:
    """Gather the evidence of the workshops and write the report in one format."""
    from carecoop.outputs import Owner, claim
    from carecoop.pilot.evidence import programme_figures, workshop_evidence
    from carecoop.render.exports import owner_of

    if fmt not in REPORT_FORMATS:
        raise UserError(_(
            "Unknown format '{fmt}'. Use one of: {report_formats}."
        ).format(fmt=fmt, report_formats=', '.join(REPORT_FORMATS)))
    owner = (
        owner_of(store.workshop(workshop_ids[0]), store)
        if len(workshop_ids) == 1
        else Owner("a programme report", store.path.parent)
    )
    claim([out], owner, force=force)
    # The workshops' language when they share one (as a plan is printed in its workshop's
    # language, whatever the screen speaks); a report over many languages keeps the screen's.
    languages = {store.workshop(ws).language for ws in workshop_ids}
    language = languages.pop() if len(languages) == 1 else current_language()
    curriculum = _localized(curriculum, language)
    with use_language(language):
        # Inside: the evidence carries words too (a comment's "Group Sun", the plan check's warnings).
        workshops = [workshop_evidence(store, curriculum, ws) for ws in workshop_ids]
        figures = programme_figures(curriculum, workshops)
        if fmt == "xlsx":
            from carecoop.outputs import write_output
            from carecoop.pilot.report_xlsx import report_tables, xlsx_bytes

            write_output(out, xlsx_bytes(report_tables(workshops, figures)), owner, force=force)
            return WrittenReport(out, workshops, figures)
        from carecoop.pilot.report_doc import build_pilot_document
        from carecoop.render.plan_export import _in_language, _today_text, _write

        if title is None:
            title = workshops[0].workshop.title if len(workshops) == 1 else _("All workshops")
        date = _today_text(language)
        document = _in_language(build_pilot_document(workshops, figures, title=title, date=date), language)
        head = workshops[0].workshop.title if len(workshops) == 1 else title
        _write(document, fmt, out, kind="report", paper=paper, head=head, owner=owner, force=force)
    return WrittenReport(out, workshops, figures)
