"""How many chose each answer of a knowledge-check question, group by group: counts, no names.

After a quiz question the room sees the counts, which start the discussion of the right
answer without pointing at anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from carecoop.content.models import Question, QuestionKind
from carecoop.store.records import Answer, Participant

#: The kinds of question whose answers can be counted choice by choice.
COUNTABLE = (QuestionKind.CHOICE, QuestionKind.MULTI_CHOICE, QuestionKind.YES_NO)
EVERYONE = "Everyone"


@dataclass(frozen=True)
class ChoiceCounts:
    """One column of counts: a group (or everyone), how many chose each answer, how many skipped."""

    label: str
    counts: dict[str, int] = field(default_factory=dict)
    skipped: int = 0


def is_knowledge_check(question: Question) -> bool:
    """A question with a right answer whose answers can be counted."""
    return question.correct is not None and question.kind in COUNTABLE


def choice_labels(question: Question) -> list[tuple[str, str]]:
    """The answers a count is kept for, as (key, label), in the question's order."""
    if question.kind is QuestionKind.YES_NO:
        return [("yes", "Yes"), ("no", "No")]
    return [(choice.id, choice.label) for choice in question.choices]


def _keys(question: Question, answer: Answer) -> list[str]:
    if question.kind is QuestionKind.YES_NO:
        return ["yes" if answer.value else "no"]
    if isinstance(answer.value, list):
        return [str(item) for item in answer.value]
    return [str(answer.value)]


def choice_counts(
    question: Question, answers: Sequence[Answer], participants: Sequence[Participant]
) -> list[ChoiceCounts]:
    """Counts per group (in the groups' order) and for everyone; one column when there are no groups."""
    group_of = {p.name: p.group for p in participants}
    order = list(dict.fromkeys(p.group for p in participants if p.group))
    columns: dict[str, ChoiceCounts] = {}
    mine = [a for a in answers if a.question_id == question.id and not a.draft]
    for answer in mine:
        group = answer.group or group_of.get(answer.participant or "")
        for label in ([group] if group else []) + [EVERYONE]:
            column = columns.setdefault(label, ChoiceCounts(label))
            if answer.skipped or answer.value is None:
                columns[label] = ChoiceCounts(label, column.counts, column.skipped + 1)
                continue
            for key in _keys(question, answer):
                column.counts[key] = column.counts.get(key, 0) + 1
    if EVERYONE not in columns:
        return []
    groups = [columns[group] for group in order if group in columns]
    groups += [column for label, column in columns.items() if label != EVERYONE and label not in order]
    # One group is the whole room: its column would repeat everyone's.
    return [*groups, columns[EVERYONE]] if len(groups) > 1 else [columns[EVERYONE]]
