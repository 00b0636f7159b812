"""`carecoop export …`: printable documents (handouts, agenda, attendance, certificates, plan)."""


from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from carecoop.cli.common import WorkshopId, console, err_console, handle_errors, load_curriculum, open_store
from carecoop.i18n import _, ngettext

if TYPE_CHECKING:
    from carecoop.render.engine import Paper
    from carecoop.render.exports import ExportResult

export_app = typer.Typer(help="Write printable documents: PDF or Markdown.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the `export` group to the app."""
    app.add_typer(export_app, name="export")


# Workshop documents: handouts, agenda, attendance sheet, certificates -------------------

PaperOption = Annotated[str, typer.Option("--paper", help="a4 (default) or letter.")]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace files carecoop did not write, or wrote for another workshop."),
]
FormatOption = Annotated[
    str | None, typer.Option("--format", help="pdf or md (default: from the --out suffix, else pdf).")
]


def _paper(value: str) -> "Paper":
    from carecoop.errors import UserError
    from carecoop.render.engine import PAPERS

    for paper in PAPERS:
        if value.casefold() == paper:
            return paper
    message = _("Unknown paper '{paper}'. Use one of: {papers}.")
    raise UserError(message.format(paper=value, papers=", ".join(PAPERS)))


def _report(result: "ExportResult", what: str) -> None:
    for warning in result.warnings:
        err_console.print(_("Note: {message}").format(message=warning), markup=False, style="yellow")
    if len(result.paths) == 1:
        console.print(_wrote_one(what).format(path=result.paths[0]), markup=False, soft_wrap=True)
    else:
        folder = result.paths[0].parent if result.paths else ""
        count = len(result.paths)
        wrote = _wrote_many(what, count).format(count=count, folder=folder)
        console.print(wrote, markup=False, soft_wrap=True)


def _wrote_one(what: str) -> str:
    """"Wrote agenda: {path}", for each kind of document, in the screen's language."""
    match what:
        case "handouts":
            return _("Wrote handouts: {path}")
        case "agenda":
            return _("Wrote agenda: {path}")
        case "attendance":
            return _("Wrote attendance sheet: {path}")
        case "certificates":
            return _("Wrote certificates: {path}")
        case "reader-sheets":
            return _("Wrote reader's sheets: {path}")
        case "cards":
            return _("Wrote cards: {path}")
        case _:
            return _("Wrote facilitator's guide: {path}")


def _wrote_many(what: str, count: int) -> str:
    """"Wrote 12 handouts to {folder}", with the plural the language needs for the count."""
    match what:
        case "handouts":
            return ngettext("Wrote {count} handout to {folder}", "Wrote {count} handouts to {folder}", count)
        case "cards":
            return ngettext(
                "Wrote {count} card to {folder}", "Wrote {count} cards to {folder}", count
            )
        case "reader-sheets":
            return ngettext(
                "Wrote {count} reader's sheet to {folder}",
                "Wrote {count} reader's sheets to {folder}",
                count,
            )
        case _:
            return ngettext("Wrote {count} file to {folder}", "Wrote {count} files to {folder}", count)


@export_app.command("handouts")
@handle_errors
def handouts(
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for the handouts.")],
    workshop_id: Annotated[
        str | None, typer.Argument(metavar="WS", help="The workshop (omit it with --programme).")
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--programme", help="Blank handouts of a programme; no workshop needed.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of blank handouts.")] = "en",
    per: Annotated[
        str,
        typer.Option(
            "--per", help="person: each person's copy; group: each group's records once; both (default)."
        ),
    ] = "both",
    paper: PaperOption = "a4",
    fmt: FormatOption = None,
    force: ForceOption = False,
) -> None:
    """Handouts: each person's copy of the modules they attended, and each group's records once."""
    from carecoop.errors import UserError
    from carecoop.render.exports import FORMATS
    from carecoop.render.formats import choose_format
    from carecoop.render.handout_export import PERS, export_blank_handouts, export_handouts

    if (workshop_id is None) == (programme is None):
        raise UserError(_("Give a workshop, or --programme P for blank handouts (not both)."))
    chosen_per = next((p for p in PERS if p == per.casefold()), None)
    if chosen_per is None:
        message = _("Unknown --per '{per}'. Use one of: {choices}.")
        raise UserError(message.format(per=per, choices=", ".join(PERS)))
    chosen = choose_format(Path("handouts.pdf"), fmt, FORMATS)
    if programme is not None:
        result = export_blank_handouts(
            load_curriculum(), programme, out, paper=_paper(paper), fmt=chosen, language=lang,
            force=force, per=chosen_per,
        )
    else:
        assert workshop_id is not None
        store = open_store()
        try:
            result = export_handouts(
                store, load_curriculum(), workshop_id, out, paper=_paper(paper), fmt=chosen, force=force,
                per=chosen_per,
            )
        finally:
            store.close()
    _report(result, "handouts")


@export_app.command("agenda")
@handle_errors
def agenda(
    workshop_id: WorkshopId,
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The file to write (.pdf or .md).")],
    detail: Annotated[
        bool, typer.Option("--detail", help="Add the run sheet: materials, preparation, care support.")
    ] = False,
    paper: PaperOption = "a4",
    fmt: FormatOption = None,
    force: ForceOption = False,
) -> None:
    """A one-page timetable per day to pin on the wall; --detail adds the facilitator's run sheet."""
    from carecoop.render.exports import FORMATS, export_agenda
    from carecoop.render.formats import choose_format

    chosen = choose_format(out, fmt, FORMATS)
    store = open_store()
    try:
        result = export_agenda(
            store, load_curriculum(), workshop_id, out, paper=_paper(paper), fmt=chosen, force=force,
            detail=detail,
        )
    finally:
        store.close()
    _report(result, "agenda")


@export_app.command("attendance")
@handle_errors
def attendance(
    workshop_id: WorkshopId,
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The PDF to write.")],
    paper: PaperOption = "a4",
    force: ForceOption = False,
) -> None:
    """The sign-in sheet: participants by group, a signature box per workshop day."""
    from carecoop.render.exports import export_attendance

    _pdf_only(export_attendance, workshop_id, out, paper, "attendance", force)


@export_app.command("certificates")
@handle_errors
def certificates(
    workshop_id: WorkshopId,
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The PDF to write.")],
    paper: PaperOption = "a4",
    force: ForceOption = False,
) -> None:
    """Certificates of participation, one page per participant who attended."""
    from carecoop.render.exports import export_certificates

    _pdf_only(export_certificates, workshop_id, out, paper, "certificates", force)


def _pdf_only(exporter: Callable[..., "ExportResult"], workshop_id: str, out: Path, paper: str,
              what: str, force: bool) -> None:
    """Run an export that only writes PDF, and report what it wrote."""
    from carecoop.render.formats import choose_format

    choose_format(out, None, ("pdf",))
    store = open_store()
    try:
        result = exporter(store, load_curriculum(), workshop_id, out, paper=_paper(paper), force=force)
    finally:
        store.close()
    _report(result, what)


# The business plan and the draft bylaws --------------------------------------------------

GroupOption = Annotated[
    str | None, typer.Option("--group", "-g", help="The group (default: the workshop's only group).")
]


@export_app.command("plan")
@handle_errors
def plan(
    workshop_id: WorkshopId,
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The file to write.")],
    group: GroupOption = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="pdf, md, docx or json (default: from the --out suffix, else pdf)."),
    ] = None,
    paper: PaperOption = "a4",
    force: ForceOption = False,
    audience: Annotated[
        str,
        typer.Option(
            "--for",
            metavar="READER",
            help="group (the working copy, with the plan check's score) or lender (no self-score; "
            "an executive summary first).",
        ),
    ] = "group",
) -> None:
    """A group's business plan; json writes a plan file that `carecoop plan WS --from FILE` reads."""
    from carecoop.render.formats import choose_format
    from carecoop.render.plan_export import PLAN_FORMATS, choose_audience, export_plan

    chosen = choose_format(out, fmt, PLAN_FORMATS)
    reader = choose_audience(audience)
    store = open_store()
    try:
        source = export_plan(store, load_curriculum(), workshop_id, out, group=group, fmt=chosen,
                             paper=_paper(paper), force=force, audience=reader)
    finally:
        store.close()
    _note_source(source.from_answers, source.group)
    wrote = _("Wrote the plan of group {group}: {path}").format(group=source.group, path=out)
    console.print(wrote, markup=False, soft_wrap=True)


@export_app.command("bylaws")
@handle_errors
def bylaws(
    workshop_id: WorkshopId,
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The file to write.")],
    group: GroupOption = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="pdf, md or docx (default: from the --out suffix, else pdf)."),
    ] = None,
    paper: PaperOption = "a4",
    force: ForceOption = False,
) -> None:
    """A group's draft bylaws, with every point not yet decided marked as such."""
    from carecoop.render.formats import choose_format
    from carecoop.render.plan_export import BYLAWS_FORMATS, export_bylaws

    chosen = choose_format(out, fmt, BYLAWS_FORMATS)
    store = open_store()
    try:
        source = export_bylaws(store, load_curriculum(), workshop_id, out, group=group, fmt=chosen,
                               paper=_paper(paper), force=force)
    finally:
        store.close()
    _note_source(source.from_answers, source.group)
    wrote = _("Wrote the draft bylaws of group {group}: {path}").format(group=source.group, path=out)
    console.print(wrote, markup=False, soft_wrap=True)


def _note_source(from_answers: bool, group: str) -> None:
    if from_answers:
        unsaved = _("Note: group {group} has no saved plan yet; this is the plan its workshop answers make.")
        err_console.print(unsaved.format(group=group), markup=False)


@export_app.command("reader-sheets")
@handle_errors
def reader_sheets(
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The PDF to write.")],
    workshop_id: Annotated[
        str | None, typer.Argument(metavar="WS", help="The workshop (omit it with --programme).")
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--programme", help="A programme's sheets; no workshop needed.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of a programme's sheets.")] = "en",
    paper: PaperOption = "a4",
    force: ForceOption = False,
) -> None:
    """A group reader's sheets: the steps to read aloud in big type, time and what to write down."""
    from carecoop.render.formats import choose_format
    from carecoop.render.group_export import export_reader_sheets

    choose_format(out, None, ("pdf",))
    result = _workshop_or_programme(
        export_reader_sheets, out, workshop_id, programme, language=lang, paper=_paper(paper), force=force
    )
    _report(result, "reader-sheets")


@export_app.command("cards")
@handle_errors
def cards(
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The file to write (.pdf or .md).")],
    workshop_id: Annotated[
        str | None, typer.Argument(metavar="WS", help="The workshop (omit it with --programme).")
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--programme", help="A programme's card sets; no workshop needed.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of a programme's cards.")] = "en",
    groups: Annotated[
        int | None,
        typer.Option("--groups", min=1, max=50, help="Copies for N groups (default: the workshop's)."),
    ] = None,
    people: Annotated[
        int | None,
        typer.Option("--people", min=1, max=500, help="Copies for N people (default: the workshop's)."),
    ] = None,
    paper: PaperOption = "a4",
    fmt: FormatOption = None,
    force: ForceOption = False,
) -> None:
    """Every card set and story sheet the activities use, laid out to cut, with crop marks."""
    from carecoop.render.exports import FORMATS
    from carecoop.render.formats import choose_format
    from carecoop.render.group_export import export_cards

    chosen = choose_format(out, fmt, FORMATS)
    result = _workshop_or_programme(
        export_cards, out, workshop_id, programme, language=lang, paper=_paper(paper), fmt=chosen,
        groups=groups, people=people, force=force,
    )
    _report(result, "cards")


def _workshop_or_programme(
    exporter: Callable[..., "ExportResult"], out: Path, workshop_id: str | None, programme: str | None,
    **options: object,
) -> "ExportResult":
    """Run a group document's export for a workshop (with its store) or a whole programme."""
    from carecoop.errors import UserError

    if (workshop_id is None) == (programme is None):
        raise UserError(_("Give a workshop, or --programme P (not both)."))
    store = open_store() if workshop_id is not None else None
    try:
        return exporter(
            load_curriculum(), out, store=store, workshop_id=workshop_id, programme=programme, **options
        )
    finally:
        if store is not None:
            store.close()


@export_app.command("guide")
@handle_errors
def guide(
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="The PDF to write.")],
    workshop_id: Annotated[
        str | None,
        typer.Argument(metavar="WS", help="A workshop: its language, dates and place (or --programme)."),
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--programme", help="A programme's guide; no workshop needed.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of a programme's guide.")] = "en",
    duplex: Annotated[
        bool, typer.Option("--duplex", help="For double-sided printing: every module starts on an odd page.")
    ] = False,
    paper: PaperOption = "a4",
    force: ForceOption = False,
) -> None:
    """The facilitator's guide as a book: day plan, then every activity with notes and answer keys."""
    from carecoop.render.formats import choose_format
    from carecoop.render.guide_export import export_guide

    choose_format(out, None, ("pdf",))
    result = _workshop_or_programme(
        export_guide, out, workshop_id, programme, language=lang, paper=_paper(paper), duplex=duplex,
        force=force,
    )
    _report(result, "guide")
