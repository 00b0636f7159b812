"""Scoring the knowledge check a programme runs before and after: per person, per question, paired.

A check is a quiz activity and the later activity that asks the same questions
(`questions_from`). A person took a check when they answered at least one of its
questions; a question they left blank counts as not right, so that the per-question
figures add up to the per-person scores. Only people who took both checks count in the
paired change: the others would compare different people, not what anyone learned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Activity, Question, QuestionKind
from carecoop.store.records import Answer

#: Who answered: (workshop id, participant name); names are unique within a workshop.
PersonKey = tuple[str, str]


@dataclass(frozen=True)
class KnowledgeCheck:
    """A programme's before/after pair and the questions that have a right answer."""

    programme: str
    before: Activity
    after: Activity
    questions: list[Question]


def knowledge_checks(curriculum: Curriculum, programme: str) -> list[KnowledgeCheck]:
    """Every before/after pair of a programme, in running order."""
    activities = {a.id: a for _, a in curriculum.activities_of(programme)}
    checks = []
    for activity in activities.values():
        before = activities.get(activity.questions_from or "")
        if before is None:
            continue
        scored = [q for q in before.questions if q.correct is not None]
        if scored:
            checks.append(KnowledgeCheck(programme, before, activity, scored))
    return checks


def is_right(question: Question, value: Any) -> bool:
    """Whether a stored answer is the question's right answer."""
    correct = question.correct
    if question.kind is QuestionKind.MULTI_CHOICE:
        wanted = correct if isinstance(correct, list) else [correct]
        return isinstance(value, list) and sorted(map(str, value)) == sorted(map(str, wanted))
    if isinstance(correct, list):
        return value in correct
    return bool(value == correct)


@dataclass(frozen=True)
class PersonScore:
    """One person's right answers before and after (None: did not take that check)."""

    person: PersonKey
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """After minus before, for a person who took both."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class QuestionResult:
    """How many got one question right, before and after, of those who took each check."""

    question: Question
    right_before: int
    took_before: int
    right_after: int
    took_after: int


@dataclass
class KnowledgeResult:
    """The scored check: per person, per question, and the paired change."""

    check: KnowledgeCheck
    people: list[PersonScore] = field(default_factory=list)
    questions: list[QuestionResult] = field(default_factory=list)

    @property
    def out_of(self) -> int:
        """The highest score: one point per question with a right answer."""
        return len(self.check.questions)

    @property
    def took_before(self) -> list[PersonScore]:
        """People who took the check before."""
        return [p for p in self.people if p.before is not None]

    @property
    def took_after(self) -> list[PersonScore]:
        """People who took the check after."""
        return [p for p in self.people if p.after is not None]

    @property
    def paired(self) -> list[PersonScore]:
        """People who took both checks: the only ones the change is measured on."""
        return [p for p in self.people if p.change is not None]

    def change_counts(self) -> dict[int, int]:
        """Change in right answers → how many people, from the lowest change to the highest."""
        counts = Counter(p.change for p in self.paired if p.change is not None)
        return dict(sorted(counts.items()))

    def mean(self, which: str, people: list[PersonScore] | None = None) -> float | None:
        """The mean score `before`, `after` or `change` over some people (the paired by default)."""
        chosen = self.paired if people is None else people
        values = [getattr(p, which) for p in chosen if getattr(p, which) is not None]
        return sum(values) / len(values) if values else None


def score_knowledge(
    check: KnowledgeCheck, answers: Iterable[Answer], counted: set[PersonKey] | None = None
) -> KnowledgeResult:
    """Score a check from current answers; only people in `counted` when it is given.

    Answers given by a group or the whole room are not a person's score and are left out.
    """
    by_id = {q.id: q for q in check.questions}
    right: dict[str, dict[PersonKey, dict[str, bool]]] = {check.before.id: {}, check.after.id: {}}
    for answer in answers:
        if answer.activity_id not in right or answer.participant is None or answer.skipped:
            continue
        question = by_id.get(answer.question_id)
        person = (answer.workshop_id, answer.participant)
        if question is None or (counted is not None and person not in counted):
            continue
        right[answer.activity_id].setdefault(person, {})[question.id] = is_right(question, answer.value)
    before, after = right[check.before.id], right[check.after.id]
    result = KnowledgeResult(check)
    for person in sorted(set(before) | set(after)):
        result.people.append(
            PersonScore(
                person,
                sum(before[person].values()) if person in before else None,
                sum(after[person].values()) if person in after else None,
            )
        )
    for question in check.questions:
        result.questions.append(
            QuestionResult(
                question,
                sum(1 for marks in before.values() if marks.get(question.id)),
                len(before),
                sum(1 for marks in after.values() if marks.get(question.id)),
                len(after),
            )
        )
    return result
