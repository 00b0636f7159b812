"""The facilitator's notes (typed at the end of an activity during the run) in the pilot report.

Gathered in agenda order with the activity's title, names of people who did not consent
taken out like every other free text the report prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from carecoop.content.curriculum import Curriculum
from carecoop.render.document import Block, Bullets, Heading, Paragraph
from carecoop.store.db import Store
from carecoop.store.records import Workshop


@dataclass(frozen=True)
class ActivityNotes:
    """The notes on one activity, oldest first."""

    activity_id: str
    title: str
    notes: list[str]


def activity_notes(
    store: Store, curriculum: Curriculum, workshop: Workshop, redact: Callable[[str], str]
) -> list[ActivityNotes]:
    """The workshop's notes, activity by activity in programme order (unknown activities last)."""
    written = store.notes(workshop.id)
    titles = {
        activity.id: activity.title
        for module in curriculum.modules_of(workshop.programme)
        for activity in module.activities
    }
    order = [aid for aid in titles if aid in written] + [aid for aid in written if aid not in titles]
    return [
        ActivityNotes(aid, titles.get(aid, aid), [redact(text) for text in written[aid]]) for aid in order
    ]


def notes_blocks(workshops: Sequence[tuple[str, list[ActivityNotes]]]) -> list[Block]:
    """The report's section: each workshop's notes under its activities' titles."""
    blocks: list[Block] = [Heading("The facilitator's notes")]
    if not any(notes for _, notes in workshops):
        return [*blocks, Paragraph("No notes were written during the runs.", kind="note")]
    for label, notes in workshops:
        for entry in notes:
            blocks.append(Heading(f"{label}{entry.title}", 3))
            blocks.append(Bullets(entry.notes))
    return blocks
