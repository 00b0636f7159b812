"""Documents for the groups of the peer-led method: the reader's sheets (cards to come).

Each is printed for a workshop (in its language) or for a whole programme without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import PROGRAMME_IDS, Module
from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.outputs import Owner, claim, write_output
from carecoop.render.engine import Paper, render_html, shared_renderer
from carecoop.render.exports import ExportResult, owner_of, workshop_context
from carecoop.render.labels import labels_for
from carecoop.render.meta import doc_meta
from carecoop.render.reader import reader_view
from carecoop.store.db import Store


def _source(
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
    modules, title, language, author, owner, warnings = _source(
        curriculum, store, workshop_id, programme, language
    )
    claim([out], owner, force=force)
    html = reader_sheets_html(modules, title, language, author, paper)
    return ExportResult([write_output(out, shared_renderer().pdf(html), owner, force=force)], warnings)


def reader_sheets_html(
    modules: Sequence[Module], title: str, language: str, author: str, paper: Paper
) -> str:
    """The reader's sheets as HTML."""
    labels = labels_for(language)
    meta = doc_meta(
        kind="reader",
        title=f"{labels['reader_sheets']}: {title}",
        language=language,
        author=author,
        paper=paper,
        head_start=title,
        head_end=labels["reader_sheets"],
    )
    return render_html("reader.html", {"meta": meta, "reader": reader_view(modules, meta, title)})
