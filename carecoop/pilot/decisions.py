"""Each group's decision from its programme's readiness check, as go / not yet / no."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from carecoop.store.records import Answer

DECISION_WORDS = {"go": "Go", "not-yet": "Not yet", "no": "No"}


@dataclass(frozen=True)
class ReadinessQuestion:
    """Where a programme records a group's decision, and how its choices read as a decision."""

    activity: str
    question: str
    decisions: dict[str, str]


#: Think.CareCoop's checklist gives a colour; Start.CareCoop's go decision says it in words.
READINESS: dict[str, ReadinessQuestion] = {
    "think-carecoop": ReadinessQuestion(
        "tc6-readiness-checklist", "readiness-band", {"green": "go", "yellow": "not-yet", "red": "no"}
    ),
    "start-carecoop": ReadinessQuestion(
        "sc2-go-decision", "decision", {"go": "go", "not-yet": "not-yet", "no": "no"}
    ),
}


@dataclass(frozen=True)
class GroupDecision:
    """A group's decision: go, not-yet or no, and the answer it came from (a colour, say)."""

    workshop_id: str
    group: str
    decision: str
    answer: str


def group_decisions(programme: str, answers: Iterable[Answer]) -> list[GroupDecision]:
    """The decisions groups recorded, in the order of the answers."""
    where = READINESS.get(programme)
    if where is None:
        return []
    found = []
    for answer in answers:
        if (answer.activity_id, answer.question_id) != (where.activity, where.question) or answer.skipped:
            continue
        decision = where.decisions.get(str(answer.value))
        if decision is not None:
            found.append(GroupDecision(answer.workshop_id, answer.group or "Whole workshop", decision,
                                       str(answer.value)))
    return found
