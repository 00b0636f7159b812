"""The printable documents of a workshop, from the store and the curriculum to files.

Each `export_*` function gathers the data, builds a view, fills a template and writes
PDF (via WeasyPrint) or Markdown. `*_html` / `*_markdown` helpers return the text for
callers that want bytes rather than files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import PROGRAMME_IDS, Module
from carecoop.errors import NextStep, Step, UserError
from carecoop.outputs import claim, remember, write_output
from carecoop.render.agenda import agenda_view
from carecoop.render.answers import AnswerBook
from carecoop.render.batch import PdfJob, render_pdfs
from carecoop.render.engine import (
    MarkdownText,
    Paper,
    render_html,
    render_markdown,
    shared_renderer,
)
from carecoop.render.handouts import HandoutView, Person, handout_view
from carecoop.render.labels import labels_for
from carecoop.render.meta import DocMeta, date_span, doc_meta, format_day, workshop_days
from carecoop.render.people import Certificate, ModuleLine, attendance_view, modules_attended
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
PORTRAIT_MAX_DAYS = 3


@dataclass
class ExportResult:
    """The files written and anything the user should know about them."""

    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    """A workshop with its modules in its language."""

    workshop: Workshop
    programme_title: str
    modules: list[Module]
    warnings: list[str]


def _context(store: Store, curriculum: Curriculum, workshop_id: str) -> _Context:
    workshop = store.workshop(workshop_id)
    modules = curriculum.modules_of(workshop.programme)
    if not modules:
        raise UserError(f"The programme '{workshop.programme}' has no modules yet.")
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
    programme = curriculum.programmes.get(workshop.programme)
    title = programme.title if programme else workshop.programme
    return _Context(workshop, title, localized, warnings)


def file_slug(name: str) -> str:
    """A name made safe for a file name, keeping letters of any script: `Rania Odeh` → `rania-odeh`."""
    return slug(name, keep_script=True, limit=40) or "participant"


# Handouts ------------------------------------------------------------------------------


def _handout_meta(module: Module, language: str, author: str, paper: Paper, head: str, who: str) -> DocMeta:
    labels = labels_for(language)
    part = f"{labels['module']} {module.number}: {module.title}"
    return doc_meta(
        kind="handout",
        title=f"{part} — {who}" if who else part,
        language=language,
        author=author,
        paper=paper,
        head_start=head,
        head_end=part,
    )


def owner_of(workshop: Workshop) -> str:
    """Whose documents a workshop's exports are, as the record of written files names them."""
    return f"workshop '{workshop.id}'"


def _write_handouts(
    views: list[tuple[HandoutView, Path]], fmt: Format, workers: int | None, owner: str, force: bool
) -> list[Path]:
    # Every target is checked before the first is written: a refusal leaves the folder as it was.
    claim([path for _, path in views], owner, force=force)
    if fmt == "md":
        return [
            write_output(
                path,
                render_markdown("handout.md.j2", {"meta": view.meta, "handout": view, "blank": MD_BLANK}),
                owner,
                force=force,
            )
            for view, path in views
        ]
    jobs = [
        PdfJob(render_html("handout.html", {"meta": view.meta, "handout": view}), path)
        for view, path in views
    ]
    written = render_pdfs(jobs, workers)
    remember(written, owner)
    return written


def export_handouts(
    store: Store,
    curriculum: Curriculum,
    workshop_id: str,
    out_dir: Path,
    *,
    paper: Paper = "a4",
    fmt: Format = "pdf",
    workers: int | None = None,
    force: bool = False,
) -> ExportResult:
    """One handout per module for each participant present at it, filled with their answers.

    A participant's handout shows their own answers, their group's where the question is
    answered by groups, and the whole workshop's where it is answered in plenary. A module
    whose attendance was not taken counts everyone as present. Without participants, one
    handout per module carries the plenary answers.
    """
    ctx = _context(store, curriculum, workshop_id)
    workshop = ctx.workshop
    participants = store.participants(workshop_id)
    attendance = store.attendance(workshop_id)
    book = AnswerBook(store.answers(workshop_id))
    date_text = date_span(workshop, workshop.language)
    views: list[tuple[HandoutView, Path]] = []
    for module in ctx.modules:
        present = attendance.get(module.id)
        people = [p for p in participants if present is None or present.get(p.id, False)]
        if not participants:
            meta = _handout_meta(module, workshop.language, workshop.facilitator, paper, workshop.title, "")
            view = handout_view(module, meta, book=book, workshop_title=workshop.title, date_text=date_text)
            views.append((view, out_dir / f"{module.id}.{fmt}"))
        for person in people:
            index = participants.index(person) + 1
            meta = _handout_meta(
                module, workshop.language, workshop.facilitator, paper, workshop.title, person.name
            )
            view = handout_view(
                module,
                meta,
                person=Person(person.name, person.group),
                book=book,
                workshop_title=workshop.title,
                date_text=date_text,
            )
            views.append((view, out_dir / f"{module.id}-{index:02d}-{file_slug(person.name)}.{fmt}"))
    return ExportResult(_write_handouts(views, fmt, workers, owner_of(workshop), force), ctx.warnings)


def export_blank_handouts(
    curriculum: Curriculum,
    programme: str,
    out_dir: Path,
    *,
    paper: Paper = "a4",
    fmt: Format = "pdf",
    language: str = "en",
    workers: int | None = None,
    force: bool = False,
) -> ExportResult:
    """One blank handout per module of a programme, for photocopying."""
    if programme not in PROGRAMME_IDS:
        raise UserError(f"Unknown programme '{programme}'. Use one of: {', '.join(PROGRAMME_IDS)}.")
    modules = curriculum.modules_of(programme)
    if not modules:
        raise UserError(f"The programme '{programme}' has no modules yet.")
    title = curriculum.programmes[programme].title if programme in curriculum.programmes else programme
    views = []
    for module in modules:
        module, _ = curriculum.localized(module, language)
        meta = _handout_meta(module, language, "", paper, title, "")
        views.append((handout_view(module, meta, workshop_title=title), out_dir / f"{module.id}.{fmt}"))
    owner = f"the blank {programme} handouts ({language})"
    return ExportResult(_write_handouts(views, fmt, workers, owner, force))


# Agenda --------------------------------------------------------------------------------


def agenda_text(
    store: Store, curriculum: Curriculum, workshop_id: str, *, paper: Paper, fmt: Format
) -> tuple[str, list[str]]:
    """The agenda as HTML (for PDF) or Markdown, and warnings."""
    ctx = _context(store, curriculum, workshop_id)
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
        workshop, ctx.programme_title, ctx.modules, meta, date_span(workshop, workshop.language)
    )
    context = {"meta": meta, "agenda": view}
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
) -> ExportResult:
    """The facilitator's timed agenda with materials, preparation and care support."""
    owner = owner_of(store.workshop(workshop_id))
    claim([out], owner, force=force)
    text, warnings = agenda_text(store, curriculum, workshop_id, paper=paper, fmt=fmt)
    data: str | bytes = text if fmt == "md" else shared_renderer().pdf(text)
    return ExportResult([write_output(out, data, owner, force=force)], warnings)


# Attendance and certificates -------------------------------------------------------------


def attendance_html(store: Store, curriculum: Curriculum, workshop_id: str, *, paper: Paper) -> str:
    """The sign-in sheet as HTML."""
    ctx = _context(store, curriculum, workshop_id)
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
    )
    return render_html("attendance.html", {"meta": meta, "sheet": view})


def export_attendance(
    store: Store, curriculum: Curriculum, workshop_id: str, out: Path, *, paper: Paper = "a4",
    force: bool = False,
) -> ExportResult:
    """The sign-in sheet: participants by group, a signature box per workshop day."""
    owner = owner_of(store.workshop(workshop_id))
    claim([out], owner, force=force)
    html = attendance_html(store, curriculum, workshop_id, paper=paper)
    return ExportResult([write_output(out, shared_renderer().pdf(html), owner, force=force)])


def certificates_html(store: Store, curriculum: Curriculum, workshop_id: str, *, paper: Paper) -> str:
    """One certificate page per participant who attended, as HTML."""
    ctx = _context(store, curriculum, workshop_id)
    workshop = ctx.workshop
    labels = labels_for(workshop.language)
    participants = store.participants(workshop_id)
    if not participants:
        raise UserError(
            f"Workshop '{workshop_id}' has no participants.",
            NextStep(Step.ADD_PARTICIPANTS, workshop=workshop_id),
        )
    attendance = store.attendance(workshop_id)
    progress = store.progress(workshop_id)
    people = []
    for participant in participants:
        attended = modules_attended(participant, ctx.modules, attendance, progress)
        if attended:
            lines = [ModuleLine(m.number, m.title) for m in attended]
            people.append(Certificate(participant.name, lines))
    if not people:
        raise UserError(
            f"Nobody is marked present in workshop '{workshop_id}', so there are no certificates."
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
    view = _CertificatesView(
        meta=meta,
        workshop_title=workshop.title,
        programme_title=ctx.programme_title,
        date_text=date_span(workshop, workshop.language),
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
    owner = owner_of(store.workshop(workshop_id))
    claim([out], owner, force=force)
    html = certificates_html(store, curriculum, workshop_id, paper=paper)
    return ExportResult([write_output(out, shared_renderer().pdf(html), owner, force=force)])
