"""A run's answers in the store: recorded the moment they are given, read back for review."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from carecoop.content.models import Activity, Question
from carecoop.store.db import Store
from carecoop.store.records import Answer
from carecoop.workshop.prompter import LATER, SKIPPED, AnswerRow, AskRequest, Prompter
from carecoop.workshop.targets import Target
from carecoop.workshop.values import check_value, display

AnswerKey = tuple[str, str | None, str | None]  # question id, participant name, group


def answer_key(question: Question, target: Target) -> AnswerKey:
    """The key of one answerer's answer to a question, as `RunAnswers.current` has them."""
    return (question.id, target.participant.name if target.participant else None, target.group)


class RunAnswers:
    """Records and reads back the answers of one workshop's run."""

    def __init__(self, store: Store, workshop_id: str, prompter: Prompter) -> None:
        self.store = store
        self.ws = workshop_id
        self.prompter = prompter

    def current(self, activity: Activity) -> dict[AnswerKey, Answer]:
        """The activity's recorded answers (drafts too), by question and answerer."""
        return {
            (a.question_id, a.participant, a.group): a
            for a in self.store.answers(self.ws)
            if a.activity_id == activity.id
        }

    def drafter(self, activity: Activity, question: Question, target: Target) -> Callable[[Any], None]:
        """What saves the rows of a list or table typed so far, as a draft of the answer."""
        participant_id, group = target.key

        def save(rows: Any) -> None:
            self.store.record_answer(
                self.ws, activity.id, question.id, rows,
                participant_id=participant_id, group=group, draft=True,
            )

        return save

    def record(self, activity: Activity, request: AskRequest, value: Any) -> None:
        """Commit one answer, then (only then) let the prompter say it is saved."""
        question = request.question
        participant_id, group = request.target.key
        if value is LATER:
            self.store.defer(self.ws, activity.id, question.id, participant_id, group)
            self.prompter.saved(request, "left for later")
            return
        if value is SKIPPED:
            self.store.record_answer(
                self.ws, activity.id, question.id, None,
                participant_id=participant_id, group=group, skipped=True,
            )
            self.prompter.saved(request, "(skipped)")
            return
        # The prompter has read what was typed in the workshop's locale: what it hands over
        # is canonical (`1250.50`), so it is checked as such, never re-read.
        checked = check_value(question, value, None)
        self.store.record_answer(
            self.ws, activity.id, question.id, checked, participant_id=participant_id, group=group
        )
        self.prompter.saved(request, display(question, checked))

    def rows(self, activity: Activity) -> list[AnswerRow]:
        """The activity's current answers, question by question."""
        people = self.store.participants(self.ws)
        by_name = {p.name: p for p in people}
        order = {p.name: index for index, p in enumerate(people)}
        group_order = {g: index for index, g in enumerate(self.store.groups(self.ws))}
        recorded = self.current(activity)
        rows: list[AnswerRow] = []
        for question in activity.questions:
            mine = sorted(
                (key for key in recorded if key[0] == question.id),
                key=lambda key: (order.get(key[1] or "", -1), group_order.get(key[2] or "", -1)),
            )
            for key in mine:
                answer = recorded[key]
                target = Target(participant=by_name.get(key[1]) if key[1] else None, group=key[2])
                text = "(skipped)" if answer.skipped else display(question, answer.value)
                if answer.draft:
                    text += " (unfinished)"
                rows.append(AnswerRow(question, target, answer.value, answer.skipped, text))
        return rows
