"""The facilitator's notes (typed at the end of an activity during the run) in the pilot report.

Gathered in agenda order with the activity's title, names of people who did not consent
taken out like every other free text the report prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from carecoop.content.curriculum import Curriculum
from carecoop.i18n import _
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
    """The report's section: each workshop's notes under its activities' titles.

    A workshop's label (its title in a programme report, else empty) goes before each title.
    """
    blocks: list[Block] = [Heading(_("The facilitator's notes"))]
    if not any(notes for _label, notes in workshops):
        return [*blocks, Paragraph(_("No notes were written during the runs."), kind="note")]
    for label, notes in workshops:
        for entry in notes:
            title = entry.title
            if label:
                title = _("{workshop}: {activity}").format(workshop=label, activity=entry.title)
            blocks.append(Heading(title, 3))
            blocks.append(Bullets(entry.notes))
    return blocks
