"""Documents for the groups of the peer-led method: the reader's sheets and the card sets.

Each is printed for a workshop (in its language) or for a whole programme without one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import PROGRAMME_IDS, Module
from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.outputs import Owner, claim, write_output
from carecoop.render.cards import CardsView, cards_view
from carecoop.render.engine import Paper, render_html, render_markdown, shared_renderer
from carecoop.render.exports import ExportResult, owner_of, workshop_context
from carecoop.render.labels import labels_for
from carecoop.render.meta import DocMeta, doc_meta
from carecoop.render.reader import reader_view
from carecoop.store.db import Store


def group_source(
    curriculum: Curriculum,
    store: Store | None,
    workshop_id: str | None,
    programme: str | None,
    language: str,
) -> tuple[list[Module], str, str, str, Owner | str, list[str]]:
    """Modules, title, language, author and owner of a workshop's or a programme's documents."""
    if workshop_id is not None:
        if store is None:
            raise UserError(_("A workshop's documents need its store."))
        ctx = workshop_context(store, curriculum, workshop_id)
        workshop = ctx.workshop
        owner = owner_of(workshop, store)
        return ctx.modules, workshop.title, workshop.language, workshop.facilitator, owner, ctx.warnings
    if programme not in PROGRAMME_IDS:
        raise UserError(_(
            "Unknown programme '{programme}'. Use one of: {programme_ids}."
        ).format(programme=programme, programme_ids=', '.join(PROGRAMME_IDS)))
    modules = [curriculum.localized(m, language)[0] for m in curriculum.modules_of(programme)]
    if not modules:
        raise UserError(_(
            "The programme '{programme}' has no modules yet."
        ).format(programme=programme))
    found = curriculum.programmes.get(programme)
    title = found.title if found else programme
    return modules, title, language, "", f"the {programme} documents ({language})", []


def export_reader_sheets(
    curriculum: Curriculum,
    out: Path,
    *,
    store: Store | None = None,
    workshop_id: str | None = None,
    programme: str | None = None,
    language: str = "en",
    paper: Paper = "a4",
    force: bool = False,
) -> ExportResult:
    """The reader's sheets of a workshop's or a programme's activities, as one PDF."""
    modules, title, language, author, owner, warnings = group_source(
        curriculum, store, workshop_id, programme, language
    )
    claim([out], owner, force=force)
    html = reader_sheets_html(modules, title, language, author, paper)
    return ExportResult([write_output(out, shared_renderer().pdf(html), owner, force=force)], warnings)


def reader_sheets_html(
    modules: Sequence[Module], title: str, language: str, author: str, paper: Paper
) -> str:
    """The reader's sheets as HTML."""
    meta = _group_meta("reader", "reader_sheets", title, language, author, paper)
    return render_html("reader.html", {"meta": meta, "reader": reader_view(modules, meta, title)})


def export_cards(
    curriculum: Curriculum,
    out: Path,
    *,
    store: Store | None = None,
    workshop_id: str | None = None,
    programme: str | None = None,
    language: str = "en",
    paper: Paper = "a4",
    fmt: str = "pdf",
    groups: int | None = None,
    people: int | None = None,
    force: bool = False,
) -> ExportResult:
    """Every card set of a workshop's or a programme's activities, laid out to cut, as one file.

    A workshop prints a set once for the room, once per group or once per person by the
    set's rule; a programme prints each set once unless `groups` or `people` say otherwise.
    """
    modules, title, language, author, owner, warnings = group_source(
        curriculum, store, workshop_id, programme, language
    )
    counts = {"room": 1, "group": groups or 1, "person": people or 1}
    if store is not None and workshop_id is not None:
        counts["group"] = groups or len(store.groups(workshop_id)) or 1
        counts["person"] = people or len(store.participants(workshop_id)) or 1
    claim([out], owner, force=force)
    view = cards_view_of(modules, title, language, author, paper, counts)
    if not view.sets:
        raise UserError(_("No activity of these modules has a card set to print."))
    if fmt == "md":
        data = render_markdown("cards.md.j2", {"meta": view.meta, "cards": view}).encode("utf-8")
    else:
        data = shared_renderer().pdf(render_html("cards.html", {"meta": view.meta, "cards": view}))
    return ExportResult([write_output(out, data, owner, force=force)], warnings)


def cards_view_of(
    modules: Sequence[Module], title: str, language: str, author: str, paper: Paper, counts: Mapping[str, int]
) -> CardsView:
    """The card sheets of these modules (the view both formats print)."""
    meta = _group_meta("cards", "cards", title, language, author, paper)
    return cards_view(modules, meta, title, paper, counts)


def _group_meta(kind: str, label: str, title: str, language: str, author: str, paper: Paper) -> DocMeta:
    """The frame of a group document: its name (a label) after the workshop's or programme's title."""
    name = labels_for(language)[label]
    return doc_meta(
        kind=kind, title=f"{name}: {title}", language=language, author=author, paper=paper,
        head_start=title, head_end=name,
    )
