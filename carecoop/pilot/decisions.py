"""Each group's decision from its programme's readiness check, as go / not yet / no."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from carecoop.i18n import N_, _, pgettext
from carecoop.store.records import Answer

#: Decision → its words (marked only: translate with `_()` where they are shown).
DECISION_WORDS = {"go": N_("Go"), "not-yet": N_("Not yet"), "no": N_("No")}


def recorded_as(answer: str) -> str:
    """The readiness answer a decision came from (`yellow`, `not-yet`) in the current language."""
    words = {
        "green": pgettext("readiness answer", "green"),
        "yellow": pgettext("readiness answer", "yellow"),
        "red": pgettext("readiness answer", "red"),
        "go": pgettext("readiness answer", "go"),
        "not-yet": pgettext("readiness answer", "not yet"),
        "no": pgettext("readiness answer", "no"),
    }
    return words.get(answer, answer.replace("-", " "))


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
            found.append(GroupDecision(answer.workshop_id, answer.group or _("Whole workshop"), decision,
                                       str(answer.value)))
    return found
