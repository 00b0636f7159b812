"""Handouts to files: one booklet per person, one book of records per group, and both in one go.

A person's booklet holds the modules they attended, one after the other (a module does not
start a new sheet, which would leave half-empty pages). A group's records are printed
once for the group. For printing in one go, every person's booklet, and every group's,
is also joined into one PDF.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Literal

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import PROGRAMME_IDS, Module, Question
from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.outputs import Owner, claim, remember, write_atomic, write_output
from carecoop.render.answers import AnswerBook, Wording
from carecoop.render.batch import PdfJob, render_pdfs
from carecoop.render.care_kind import group_care_kind
from carecoop.render.engine import Paper, render_html, render_markdown
from carecoop.render.exports import (
    MD_BLANK,
    ExportResult,
    Format,
    file_slug,
    owner_of,
    workshop_context,
    workshop_money,
)
from carecoop.render.handouts import BookletView, Part, Person, handout_view, wording_for
from carecoop.render.labels import labels_for
from carecoop.render.meta import DocMeta, date_span, doc_meta
from carecoop.store.db import Store

#: Which copies `export handouts` writes.
Per = Literal["person", "group", "both"]
PERS: tuple[Per, ...] = ("person", "group", "both")
#: The joined files, for printing every copy of a kind in one go.
ALL_PEOPLE = "all-people"
ALL_GROUPS = "all-groups"


def _meta(language: str, author: str, paper: Paper, head: str, part: Part, who: str) -> DocMeta:
    labels = labels_for(language)
    kind = labels["group_records"] if part == "group" else labels["handout"]
    return doc_meta(
        kind="handout",
        title=f"{kind} — {who}" if who else kind,
        language=language,
        author=author,
        paper=paper,
        head_start=head,
        head_end=f"{kind} · {who}" if who else kind,
    )


def _booklet(
    modules: Sequence[Module],
    meta: DocMeta,
    part: Part,
    person: Person,
    book: AnswerBook | None,
    workshop_title: str,
    date_text: str,
    wording: Wording | None = None,
) -> BookletView | None:
    care = group_care_kind(modules, book, person.group) if book is not None else None
    views = [
        handout_view(module, meta, person=person, book=book, part=part, care=care, wording=wording)
        for module in modules
    ]
    views = [view for view in views if not view.empty]
    if not views:
        return None
    return BookletView(meta, workshop_title, date_text, person, part, views)


def _write(
    booklets: list[tuple[BookletView, Path]],
    fmt: Format,
    workers: int | None,
    owner: Owner | str,
    force: bool,
) -> list[Path]:
    if fmt == "md":
        return [
            write_output(path, render_markdown("handout.md.j2", _md_context(b)), owner, force=force)
            for b, path in booklets
        ]
    jobs = [
        PdfJob(
            render_html("handout.html", {"meta": b.meta, "booklet": b}), path,
            tighten=True, notes_label=b.meta.labels["notes"],
        )
        for b, path in booklets
    ]
    written = render_pdfs(jobs, workers)
    remember(written, owner)
    return written


def _md_context(booklet: BookletView) -> dict[str, object]:
    return {"meta": booklet.meta, "booklet": booklet, "blank": MD_BLANK}


def join_pdfs(paths: Sequence[Path], out: Path) -> Path:
    """One PDF of several, page after page (to print every copy in one go); `out` is claimed."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for path in paths:
        writer.append(str(path))
    data = io.BytesIO()
    writer.write(data)
    return write_atomic(out, data.getvalue())


def _write_all(
    people: list[tuple[BookletView, Path]],
    groups: list[tuple[BookletView, Path]],
    out_dir: Path,
    fmt: Format,
    workers: int | None,
    owner: Owner,
    force: bool,
) -> list[Path]:
    joined = {
        out_dir / f"{name}.pdf": [path for _, path in copies]
        for name, copies in ((ALL_PEOPLE, people), (ALL_GROUPS, groups))
        if fmt == "pdf" and len(copies) > 1
    }
    # Every target is checked before the first is written: a refusal leaves the folder as it was.
    claim([path for _, path in people + groups] + list(joined), owner, force=force)
    written = _write(people + groups, fmt, workers, owner, force)
    for out, parts in joined.items():
        written.append(join_pdfs(parts, out))
    remember(list(joined), owner)
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
    per: Per = "both",
    only: Collection[str] | None = None,
    force: bool = False,
) -> ExportResult:
    """Each participant's booklet and each group's records, filled with the answers.

    `only` names the people (and groups) to print for, say to replace one lost copy.

    A participant's booklet has the modules they attended (a module whose attendance was
    not taken counts everyone as present) with their own answers. A group's records show
    the group's answers, and the whole workshop's where a question is answered in plenary.
    Without participants, one booklet carries the plenary answers.
    """
    ctx = workshop_context(store, curriculum, workshop_id)
    workshop = ctx.workshop
    participants = store.participants(workshop_id)
    attendance = store.attendance(workshop_id)
    book = AnswerBook(store.answers(workshop_id))
    date_text = date_span(workshop, workshop.language)
    money = workshop_money(workshop)

    def source(activity_id: str, question_id: str) -> Question | None:
        found = curriculum.find_activity(activity_id)
        return found[1].question(question_id) if found else None

    def present(module: Module, ids: set[int]) -> bool:
        marks = attendance.get(module.id)
        return marks is None or not ids or any(marks.get(i, False) for i in ids)

    def booklet(part: Part, person: Person, ids: set[int], who: str) -> BookletView | None:
        meta = _meta(workshop.language, workshop.facilitator, paper, workshop.title, part, who)
        modules = [m for m in ctx.modules if present(m, ids)]
        wording = wording_for(meta, money=money, source=source)
        return _booklet(modules, meta, part, person, book, workshop.title, date_text, wording)

    people: list[tuple[BookletView, Path]] = []
    groups: list[tuple[BookletView, Path]] = []
    if per in ("person", "both"):
        if not participants:
            view = booklet("person", Person(), set(), "")
            if view is not None:
                people.append((view, out_dir / f"handout.{fmt}"))
        for index, participant in enumerate(participants, start=1):
            if not _wanted(participant.name, only):
                continue
            person = Person(participant.name, participant.group)
            view = booklet("person", person, {participant.id}, participant.name)
            if view is not None:
                people.append((view, out_dir / f"{index:02d}-{file_slug(participant.name)}.{fmt}"))
    if per in ("group", "both"):
        names = [*store.groups(workshop_id), *sorted({p.group for p in participants if p.group})]
        for group in dict.fromkeys(names):
            ids = {p.id for p in participants if p.group == group}
            if not ids or not _wanted(group, only):
                continue
            view = booklet("group", Person(None, group), ids, group)
            if view is not None:
                groups.append((view, out_dir / f"group-{file_slug(group)}.{fmt}"))
        if (not participants or any(not p.group for p in participants)) and only is None:
            # People in no group (or nobody yet): the records of the whole workshop.
            view = booklet("group", Person(), {p.id for p in participants if not p.group}, "")
            if view is not None:
                groups.append((view, out_dir / f"group-records.{fmt}"))
    return ExportResult(
        _write_all(people, groups, out_dir, fmt, workers, owner_of(workshop, store), force), ctx.warnings
    )


def _wanted(name: str, only: Collection[str] | None) -> bool:
    return only is None or name.casefold() in {n.casefold() for n in only}


def export_blank_handouts(
    curriculum: Curriculum,
    programme: str,
    out_dir: Path,
    *,
    paper: Paper = "a4",
    fmt: Format = "pdf",
    language: str = "en",
    workers: int | None = None,
    per: Per = "both",
    force: bool = False,
) -> ExportResult:
    """A blank person's booklet and a blank group's records of a programme, for photocopying."""
    if programme not in PROGRAMME_IDS:
        raise UserError(_(
            "Unknown programme '{programme}'. Use one of: {programme_ids}."
        ).format(programme=programme, programme_ids=', '.join(PROGRAMME_IDS)))
    modules = curriculum.modules_of(programme)
    if not modules:
        raise UserError(_(
            "The programme '{programme}' has no modules yet."
        ).format(programme=programme))
    title = curriculum.programmes[programme].title if programme in curriculum.programmes else programme
    localized = [curriculum.localized(module, language)[0] for module in modules]
    written: list[tuple[BookletView, Path]] = []
    parts: list[Part] = ["person", "group"] if per == "both" else [per]
    for part in parts:
        meta = _meta(language, "", paper, title, part, "")
        view = _booklet(localized, meta, part, Person(), None, title, "")
        if view is not None:
            written.append((view, out_dir / f"{programme}-{part}.{fmt}"))
    owner = f"the blank {programme} handouts ({language})"
    claim([path for _, path in written], owner, force=force)
    return ExportResult(_write(written, fmt, workers, owner, force))
