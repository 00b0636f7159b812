"""The reader's sheets: what one member reads aloud to their group, activity by activity.

The peer-led method has a literate member of each group read the steps while another keeps
time. Their sheet has the steps in big type, the activity's picture and time, and what the
group writes down. It never shows answer keys or the facilitator's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carecoop.content.models import ActivityKind, Module, Scope
from carecoop.render.meta import DocMeta


@dataclass(frozen=True)
class ReaderStep:
    """One step to read aloud, with its picture if the module gives one."""

    text: str
    picture: str | None


@dataclass(frozen=True)
class ReaderRecord:
    """Something the group writes down, and who answers it."""

    prompt: str
    who: str


@dataclass(frozen=True)
class ReaderActivity:
    """One activity's sheet."""

    module_number: int
    title: str
    pictogram: str
    minutes: int
    steps: list[ReaderStep]
    records: list[ReaderRecord]


@dataclass(frozen=True)
class ReaderView:
    """Everything the reader's sheets template prints."""

    meta: DocMeta
    title: str
    activities: list[ReaderActivity]


def reader_view(modules: Sequence[Module], meta: DocMeta, title: str) -> ReaderView:
    """The reader's sheets of these modules: every activity but the breaks."""
    labels = meta.labels
    who = {
        Scope.GROUP: labels["records_group"],
        Scope.WORKSHOP: labels["records_workshop"],
        Scope.PARTICIPANT: labels["records_each"],
    }
    activities = [
        ReaderActivity(
            module_number=module.number,
            title=activity.title,
            pictogram=activity.pictogram,
            minutes=activity.duration,
            # Only the text to read: a step's note is for the facilitator.
            steps=[
                ReaderStep(step.text, str(step.picture) if step.picture else None) for step in activity.steps
            ],
            # Only the prompts: choices and right answers stay in the facilitator's guide.
            records=[ReaderRecord(q.prompt, who[q.scope]) for q in activity.questions],
        )
        for module in modules
        for activity in module.activities
        if activity.kind is not ActivityKind.BREAK
    ]
    return ReaderView(meta, title, activities)
