"""Answers as a facilitator types them at a prompt, and recorded ones written back for editing.

A choice is typed as its number, a scale as a whole number, yes and no in the workshop's
language; numbers and money in the workshop's own number format (`1.250,50` in Colombia).
A value being edited is shown in that same format, so that Enter on it keeps it: `12.125`
shown to a Colombian workshop would be read back as twelve thousand.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from carecoop.content.models import Question, QuestionKind
from carecoop.i18n import _
from carecoop.values.numbers import example
from carecoop.workshop.values import ValueProblem, expectation, parse_text, scale_bounds


def numbered(question: Question) -> list[str]:
    """The choices a facilitator picks by number (a choice question), else none."""
    if question.kind is QuestionKind.CHOICE:
        return [choice.label for choice in question.choices]
    return []


def expected(question: Question, locale: str) -> ValueProblem:
    """What a prompt of this question expects, as the problem to show when it is not typed."""
    if question.kind is QuestionKind.CHOICE:
        return ValueProblem(_("the number of a choice, 1 to {count}").format(count=len(question.choices)))
    if question.kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        return ValueProblem(_("a number from {low} (least) to {high} (most)").format(low=low, high=high))
    return expectation(question, locale)


def parse_typed(question: Question, typed: str, locale: str) -> Any:
    """A typed answer as the question's canonical value; ValueProblem when it does not fit.

    A choice is typed as its number; yes and no in the workshop's language (or y, n).
    """
    if question.kind is QuestionKind.CHOICE:
        if typed.isdigit() and 1 <= int(typed) <= len(question.choices):
            return question.choices[int(typed) - 1].id
        raise expected(question, locale)
    if question.kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        if typed.lstrip("-").isdigit() and low <= int(typed) <= high:
            return int(typed)
        raise expected(question, locale)
    return parse_text(question, typed, locale)


def typed_form(question: Question, value: Any, locale: str) -> str:
    """A recorded value as the facilitator would type it again, in the workshop's format."""
    if value is None:
        return ""
    if question.kind is QuestionKind.CHOICE:
        ids = question.choice_ids
        return str(ids.index(value) + 1) if value in ids else ""
    if question.kind is QuestionKind.YES_NO:
        return "y" if value else "n"
    if question.kind in (QuestionKind.NUMBER, QuestionKind.MONEY) and not isinstance(value, bool):
        try:
            figure = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        # Without grouping marks, with the decimals the value has: `1250,50`, `12,125`.
        return example(locale, figure) if figure.is_finite() else str(value)
    return str(value)


def read_edit(question: Question, typed: str, current: Any, locale: str) -> Any:
    """An edited answer: the current value when its shown form is kept, else the typed one read.

    `12,125` (a Colombian amount of three decimals) would otherwise be refused as
    ambiguous; Enter on the value shown must never change it.
    """
    if typed == typed_form(question, current, locale):
        return current
    return parse_typed(question, typed, locale)
