"""Answers as typed at the run's prompts, and recorded values written back for editing."""

from __future__ import annotations

import pytest

from carecoop.content.models import Choice, Question, QuestionKind
from carecoop.workshop.typed import parse_typed, read_edit, typed_form
from carecoop.workshop.values import ValueProblem

WAGE = Question(id="wage", prompt="Wage?", kind=QuestionKind.MONEY)
HOURS = Question(id="hours", prompt="Hours?", kind=QuestionKind.NUMBER)
PICK = Question(
    id="pick",
    prompt="Pick",
    kind=QuestionKind.CHOICE,
    choices=[Choice(id="a", label="A"), Choice(id="b", label="B")],
)


@pytest.mark.parametrize(
    ("question", "value", "locale", "shown"),
    [
        (WAGE, "12.125", "en", "12.125"),
        (WAGE, "12.125", "es_CO", "12,125"),  # a dot would be read as grouping: 12125
        (WAGE, "1250.50", "es_CO", "1250,50"),
        (WAGE, "1250.50", "fr", "1250,50"),
        (HOURS, 2.5, "es_CO", "2,5"),
        (HOURS, 12, "es_CO", "12"),
        (PICK, "b", "es_CO", "2"),
    ],
)
def test_a_value_is_shown_for_editing_as_the_workshop_writes_it(
    question: Question, value: object, locale: str, shown: str
) -> None:
    assert typed_form(question, value, locale) == shown


def test_enter_on_the_value_shown_keeps_it_in_a_comma_decimal_workshop() -> None:
    shown = typed_form(WAGE, "12.125", "es_CO")
    assert read_edit(WAGE, shown, "12.125", "es_CO") == "12.125"
    # Typed fresh, the same text is ambiguous, and a dot is a thousands mark there.
    with pytest.raises(ValueProblem, match="could be read two ways"):
        parse_typed(WAGE, "12,125", "es_CO")
    assert parse_typed(WAGE, "12.125", "es_CO") == "12125"
    # A changed value is read as typed.
    assert read_edit(WAGE, "13,5", "12.125", "es_CO") == "13.5"
