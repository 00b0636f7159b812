"""What a workshop has recorded, in running order, and as an answers file.

`answers_document` writes exactly the answers-file format, so recording its output with
`carecoop run WS --answers FILE` gives the same answers again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Question
from carecoop.store.db import Store
from carecoop.store.records import Answer, Workshop
from carecoop.workshop.values import display


@dataclass(frozen=True)
class AnswerLine:
    """One recorded answer with the curriculum text around it."""

    answer: Answer
    activity_title: str
    question: Question | None
    current: bool  # the newest value of its question and answerer

    @property
    def prompt(self) -> str:
        """The question as asked (its id when the curriculum no longer has it)."""
        return self.question.prompt if self.question else self.answer.question_id

    @property
    def text(self) -> str:
        """The value as a person reads it."""
        return "(skipped)" if self.answer.skipped else display(self.question, self.answer.value)


def answer_lines(
    store: Store, curriculum: Curriculum, workshop: Workshop, history: bool = False
) -> list[AnswerLine]:
    """Recorded answers in running order: activity, question, then who answered first.

    Only the current values, or with `history` every value, oldest first.
    """
    rows = store.answers(workshop.id, history=True)
    current_ids = {a.id for a in store.answers(workshop.id)}
    activity_order: dict[str, int] = {}
    questions: dict[tuple[str, str], tuple[int, Question]] = {}
    titles: dict[str, str] = {}
    for position, (_, activity) in enumerate(curriculum.activities_of(workshop.programme)):
        activity_order[activity.id] = position
        titles[activity.id] = activity.title
        for number, question in enumerate(activity.questions):
            questions[(activity.id, question.id)] = (number, question)
    first_seen: dict[tuple[str, str, str | None, str | None], int] = {}
    for row in rows:
        first_seen.setdefault((row.activity_id, row.question_id, row.participant, row.group), row.id)

    def order(row: Answer) -> tuple[int, int, int, int]:
        key = (row.activity_id, row.question_id, row.participant, row.group)
        activity_rank = activity_order.get(row.activity_id, len(activity_order))
        question_rank = questions.get((row.activity_id, row.question_id), (len(questions), None))[0]
        return (activity_rank, question_rank, first_seen[key], row.id)

    chosen = rows if history else [row for row in rows if row.id in current_ids]
    return [
        AnswerLine(
            answer=row,
            activity_title=titles.get(row.activity_id, row.activity_id),
            question=questions.get((row.activity_id, row.question_id), (0, None))[1],
            current=row.id in current_ids,
        )
        for row in sorted(chosen, key=order)
    ]


def answers_document(lines: list[AnswerLine], history: bool = False) -> dict[str, Any]:
    """The answers in the answers-file format (`recorded_at` added with history)."""
    entries: list[dict[str, Any]] = []
    for line in lines:
        answer = line.answer
        entry: dict[str, Any] = {"activity": answer.activity_id, "question": answer.question_id}
        if answer.participant:
            entry["participant"] = answer.participant
        elif answer.group:
            entry["group"] = answer.group
        entry["value"] = None if answer.skipped else answer.value
        if history:
            entry["recorded_at"] = answer.recorded_at
        entries.append(entry)
    return {"answers": entries}
