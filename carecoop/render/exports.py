"""The printable documents of a workshop, from the store and the curriculum to files.

Each `export_*` function gathers the data, builds a view, fills a template and writes
PDF (via WeasyPrint) or Markdown. `*_html` / `*_markdown` helpers return the text for
callers that want bytes rather than files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Module
from carecoop.errors import NextStep, Step, UserError
from carecoop.i18n import _
from carecoop.outputs import Owner, claim, write_output
from carecoop.render.agenda import agenda_view
from carecoop.render.engine import (
    MarkdownText,
    Paper,
    render_html,
    render_markdown,
    shared_renderer,
)
from carecoop.render.fit import page_area_height, room_on_last_page, row_height
from carecoop.render.labels import labels_for
from carecoop.render.meta import date_span, doc_meta, format_day, workshop_days
from carecoop.render.people import WALK_IN_ROWS, Certificate, ModuleLine, attendance_view, modules_attended
from carecoop.render.people import CertificatesView as _CertificatesView
from carecoop.slugs import slug
from carecoop.store.db import Store
from carecoop.store.records import Workshop
from carecoop.workshop.schedule import build_agenda

Format = Literal["pdf", "md"]
FORMATS: tuple[Format, ...] = ("pdf", "md")
#: A blank to write on in Markdown (escaped, so it is not read as a rule or emphasis).
MD_BLANK = MarkdownText("\\_" * 32)
#: Attendance sheets with more days than this are printed across the page (landscape).
PORTRAIT_MAX_DAYS = 5


@dataclass
class ExportResult:
    """The files written and anything the user should know about them."""

    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WorkshopContext:
    """A workshop with its modules in its language."""

    workshop: Workshop
    programme_title: str
    modules: list[Module]
    warnings: list[str]


def workshop_context(store: Store, curriculum: Curriculum, workshop_id: str) -> WorkshopContext:
    """A workshop with its programme's modules in the workshop's language, and warnings."""
    workshop = store.workshop(workshop_id)
    modules = curriculum.modules_of(workshop.programme)
    if not modules:
        raise UserError(_(
            "The programme '{programme}' has no modules yet."
        ).format(programme=workshop.programme))
    localized: list[Module] = []
    english: list[str] = []
    for module in modules:
        translated, warnings = curriculum.localized(module, workshop.language)
        localized.append(translated)
        if warnings:
            english.append(module.id)
    warnings = []
    if english:
        warnings.append(
            f"Text of {', '.join(english)} is partly or wholly in English: "
            f"no full '{workshop.language}' translation."
        )
    title = workshop.programme
    if workshop.programme in curriculum.programmes:
        title = curriculum.programme(workshop.programme, workshop.language).title
    return WorkshopContext(workshop, title, localized, warnings)


def workshop_money(workshop: Workshop) -> Callable[[Decimal], str]:
    """Money as the workshop's country writes it, in the workshop's language (its answers' money)."""
    from carecoop.countries.profiles import load_profile
    from carecoop.plan.money import format_money, in_language

    try:
        profile = load_profile(workshop.country or "generic")
    except UserError:
        profile = load_profile("generic")
    profile = in_language(profile, workshop.language)
    return lambda amount: format_money(amount, profile)


def file_slug(name: str) -> str:
    """A name made safe for a file name, keeping letters of any script: `Rania Odeh` → `rania-odeh`."""
    return slug(name, keep_script=True, limit=40) or "participant"


# Handouts ------------------------------------------------------------------------------


def owner_of(workshop: Workshop, store: Store | None = None) -> Owner:
    """Whose documents a workshop's exports are, remembered beside the store they come from."""
    return Owner(f"workshop '{workshop.id}'", store.path.parent if store is not None else None)


# Agenda --------------------------------------------------------------------------------


def agenda_text(
    store: Store, curriculum: Curriculum, workshop_id: str, *, paper: Paper, fmt: Format, detail: bool = False
) -> tuple[str, list[str]]:
    """The agenda as HTML (for PDF) or Markdown, and warnings; `detail` adds the run sheet."""
    ctx = workshop_context(store, curriculum, workshop_id)
    workshop = ctx.workshop
    labels = labels_for(workshop.language)
    meta = doc_meta(
        kind="agenda",
        title=f"{labels['agenda']}: {workshop.title}",
        language=workshop.language,
        author=workshop.facilitator,
        paper=paper,
        head_start=workshop.title,
        head_end=labels["agenda"],
    )
    view = agenda_view(
        workshop,
        ctx.programme_title,
        ctx.modules,
        meta,
        date_span(workshop, workshop.language),
        store.notes(workshop.id),
    )
    context = {"meta": meta, "agenda": view, "detail": detail}
    if fmt == "md":
        return render_markdown("agenda.md.j2", context), ctx.warnings
    return render_html("agenda.html", context), ctx.warnings


def export_agenda(
    store: Store,
    curriculum: Curriculum,
    workshop_id: str,
    out: Path,
    *,
    paper: Paper = "a4",
    fmt: Format = "pdf",
    force: bool = False,
    detail: bool = False,
) -> ExportResult:
    """A one-page timetable per day; with `detail`, then the run sheet (materials, preparation, care)."""
    owner = owner_of(store.workshop(workshop_id), store)
    claim([out], owner, force=force)
    text, warnings = agenda_text(store, curriculum, workshop_id, paper=paper, fmt=fmt, detail=detail)
    data: str | bytes = text if fmt == "md" else shared_renderer().pdf(text)
    return ExportResult([write_output(out, data, owner, force=force)], warnings)


# Attendance and certificates -------------------------------------------------------------


def attendance_html(
    store: Store, curriculum: Curriculum, workshop_id: str, *, paper: Paper, walk_ins: int = WALK_IN_ROWS
) -> str:
    """The sign-in sheet as HTML, with this many empty rows for people who come on the day."""
    ctx = workshop_context(store, curriculum, workshop_id)
    workshop = ctx.workshop
    labels = labels_for(workshop.language)
    slots = build_agenda(ctx.modules, day_start=workshop.day_start or "09:00")
    days = workshop_days(workshop, max(slot.day for slot in slots))
    meta = doc_meta(
        kind="attendance",
        title=f"{labels['attendance_sheet']}: {workshop.title}",
        language=workshop.language,
        author=workshop.facilitator,
        paper=paper,
        head_start=workshop.title,
        head_end=labels["attendance_sheet"],
        landscape=len(days) > PORTRAIT_MAX_DAYS,
    )
    view = attendance_view(
        store.participants(workshop_id),
        store.groups(workshop_id),
        [format_day(day, workshop.language) for day in days],
        meta,
        workshop_title=workshop.title,
        programme_title=ctx.programme_title,
        date_text=date_span(workshop, workshop.language),
        location=workshop.location,
        walk_ins=walk_ins,
    )
    return render_html("attendance.html", {"meta": meta, "sheet": view})


def export_attendance(
    store: Store, curriculum: Curriculum, workshop_id: str, out: Path, *, paper: Paper = "a4",
    force: bool = False,
) -> ExportResult:
    """The sign-in sheet: participants by group, a signature box per workshop day.

    Empty rows for people who come on the day fill the rest of the last page; when fewer
    than WALK_IN_ROWS would fit there, they fill one more page instead of a few lines of it.
    """
    owner = owner_of(store.workshop(workshop_id), store)
    claim([out], owner, force=force)
    renderer = shared_renderer()
    first = renderer.layout(attendance_html(store, curriculum, workshop_id, paper=paper, walk_ins=0))
    pitch = row_height(first, "person-row")
    heading = row_height(first, "group-row")
    walk_ins = WALK_IN_ROWS
    if pitch:
        walk_ins = int((room_on_last_page(first) - heading) // pitch)
        if walk_ins < WALK_IN_ROWS:
            head = row_height(first, "head-row")
            walk_ins = max(walk_ins, 0) + int((page_area_height(first) - head - heading) // pitch)
    html = attendance_html(store, curriculum, workshop_id, paper=paper, walk_ins=walk_ins)
    return ExportResult([write_output(out, renderer.pdf(html), owner, force=force)])


def certificates_html(store: Store, curriculum: Curriculum, workshop_id: str, *, paper: Paper) -> str:
    """One certificate page per participant who attended, as HTML."""
    ctx = workshop_context(store, curriculum, workshop_id)
    workshop = ctx.workshop
    labels = labels_for(workshop.language)
    participants = store.participants(workshop_id)
    if not participants:
        raise UserError(
            _("Workshop '{workshop_id}' has no participants.").format(workshop_id=workshop_id),
            NextStep(Step.ADD_PARTICIPANTS, workshop=workshop_id),
        )
    attendance = store.attendance(workshop_id)
    progress = store.progress(workshop_id)
    people = []
    for participant in participants:
        attended = modules_attended(participant, ctx.modules, attendance, progress)
        if attended:
            lines = [ModuleLine(m.number, m.title) for m in attended]
            hours = sum(m.activity_minutes for m in attended) / 60
            text = labels["hours_attended"].format(hours=f"{round(hours * 2) / 2:g}")
            people.append(Certificate(participant.name, lines, text))
    if not people:
        raise UserError(
            _(
                "Nobody is marked present in workshop '{workshop_id}', so there are no certificates."
            ).format(workshop_id=workshop_id)
        )
    meta = doc_meta(
        kind="certificate",
        title=f"{labels['certificate']}: {workshop.title}",
        language=workshop.language,
        author=workshop.facilitator,
        paper=paper,
        head_start=workshop.title,
        head_end=labels["certificate"],
        landscape=True,
    )
    planned_days = max(slot.day for slot in build_agenda(ctx.modules))
    view = _CertificatesView(
        meta=meta,
        workshop_title=workshop.title,
        programme_title=ctx.programme_title,
        date_text=date_span(workshop, workshop.language, planned_days),
        location=workshop.location,
        facilitator=workshop.facilitator,
        people=people,
    )
    return render_html("certificates.html", {"meta": meta, "certificates": view})


def export_certificates(
    store: Store, curriculum: Curriculum, workshop_id: str, out: Path, *, paper: Paper = "a4",
    force: bool = False,
) -> ExportResult:
    """Certificates of participation, one page each."""
    owner = owner_of(store.workshop(workshop_id), store)
    claim([out], owner, force=force)
    html = certificates_html(store, curriculum, workshop_id, paper=paper)
    return ExportResult([write_output(out, shared_renderer().pdf(html), owner, force=force)])
