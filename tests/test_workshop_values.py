from __future__ import annotations

from typing import Any

import pytest

from carecoop.content.models import Question
from carecoop.workshop.values import ValueProblem, check_value, display, parse_text


def q(kind: str, **fields: Any) -> Question:
    return Question.model_validate({"id": "q", "prompt": "Question?", "kind": kind, **fields})


CHOICES = [
    {"id": "red", "label": "Red roses"},
    {"id": "blue", "label": "Blue sky"},
    {"id": "green", "label": "Green"},
]


def problem(question: Question, raw: Any, typed: bool = False, locale: str = "en") -> ValueProblem:
    with pytest.raises(ValueProblem) as caught:
        parse_text(question, raw, locale) if typed else check_value(question, raw, locale)
    return caught.value


# Numbers -----------------------------------------------------------------------------------


def test_number_typed_and_from_file() -> None:
    hours = q("number", minimum=0, maximum=20)
    assert parse_text(hours, " 12 ") == 12
    assert parse_text(hours, "2.5") == 2.5
    assert parse_text(hours, "2,5", "es_CO") == 2.5
    assert parse_text(hours, "2,5", "fr") == 2.5
    assert problem(hours, "2,5", typed=True).hint == "Type a number between 0 and 20 written like 2.5"
    expected = "Type a number between 0 and 20 written like 2,5"
    assert problem(hours, "2,5,5", typed=True, locale="fr").hint == expected
    assert check_value(hours, 7) == 7
    assert check_value(hours, "7") == 7


@pytest.mark.parametrize("raw", ["abc", "21", "-1", "", "1e3"])
def test_number_out_of_range_or_not_a_number(raw: str) -> None:
    found = problem(q("number", minimum=0, maximum=20), raw, typed=True)
    assert found.hint == "Type a number between 0 and 20"


def test_number_messages_by_limits() -> None:
    assert problem(q("number", minimum=0), "x", typed=True).hint == "Type a number of at least 0"
    assert problem(q("number", maximum=2.5), "x", typed=True).hint == "Type a number of at most 2.5"
    assert problem(q("number"), "x", typed=True).hint == "Type a number"
    assert problem(q("number"), True).in_file() == "expected a number, got true"
    assert problem(q("number", minimum=0, maximum=24), "six").in_file() == (
        "expected a number between 0 and 24, got 'six'"
    )


# Money --------------------------------------------------------------------------------------


def test_money_is_a_decimal_string() -> None:
    wage = q("money", minimum=0)
    assert parse_text(wage, "1250.50") == "1250.50"
    assert parse_text(wage, "1 250,5", "fr") == "1250.5"
    assert parse_text(wage, "1.250,50", "es_CO") == "1250.50"
    assert parse_text(wage, "1,250.50") == "1250.50"
    assert parse_text(wage, "$ 300") == "300"
    assert parse_text(wage, "300") == "300"
    assert parse_text(wage, "12.125") == "12.125"  # dinars have three decimals
    assert check_value(wage, 1250.5) == "1250.5"
    assert check_value(wage, "99.90") == "99.90"


@pytest.mark.parametrize("raw", ["abc", "1.250,50", "12.5.1", "1e3", "$", ""])
def test_money_format(raw: str) -> None:
    assert problem(q("money"), raw, typed=True).hint == "Type an amount of money like 1250.50"


def test_money_limits() -> None:
    assert problem(q("money", minimum=0), "-5", typed=True).hint == "Type an amount of at least 0"
    assert problem(q("money", minimum=0, maximum=100), "101").hint == "Type an amount between 0 and 100"
    assert problem(q("money"), [1]).in_file() == "expected an amount of money like 1250.50, got [1]"


# Choices ------------------------------------------------------------------------------------


def test_choice_by_id_or_label() -> None:
    colour = q("choice", choices=CHOICES)
    assert check_value(colour, "blue") == "blue"
    assert check_value(colour, "Blue sky") == "blue"
    assert check_value(colour, "  RED ROSES ") == "red"
    found = problem(colour, "purple")
    assert found.hint == "Choose one of: red, blue, green"
    assert found.in_file() == "expected one of: red, blue, green, got 'purple'"


def test_multi_choice() -> None:
    colours = q("multi-choice", choices=CHOICES, max_items=2)
    assert check_value(colours, ["blue", "Red roses", "blue"]) == ["blue", "red"]
    assert parse_text(colours, "red; green") == ["red", "green"]
    assert (
        problem(colours, ["red", "pink"]).in_file() == "expected choices from: red, blue, green, got 'pink'"
    )
    too_many = problem(colours, ["red", "blue", "green"])
    assert too_many.hint == "Choose at most 2 choices"
    assert too_many.in_file() == "expected at most 2 choices, got 3"
    assert (
        problem(q("multi-choice", choices=CHOICES, min_items=2), ["red"]).hint == "Choose at least 2 choices"
    )
    assert problem(colours, 5).hint == "Choose a list of choices from: red, blue, green"


# Yes-no and scale -----------------------------------------------------------------------------


def test_yes_no() -> None:
    ready = q("yes-no")
    assert check_value(ready, True) is True
    assert parse_text(ready, "Yes") is True
    assert parse_text(ready, "n") is False
    assert problem(ready, "maybe", typed=True).hint == "Type yes or no"
    assert problem(ready, 2).in_file() == "expected yes or no, got 2"
    assert parse_text(ready, "si") is True  # the plan has always understood it; now the run does too
    assert parse_text(ready, "Oui", "fr") is True
    assert parse_text(ready, "لا", "ar_LB") is False


def test_scale() -> None:
    feeling = q("scale")
    assert parse_text(feeling, "4") == 4
    assert check_value(feeling, 5.0) == 5
    assert problem(feeling, "6", typed=True).hint == "Type a whole number from 1 to 5"
    assert problem(feeling, 2.5).hint == "Type a whole number from 1 to 5"
    assert problem(q("scale", minimum=0, maximum=10), 11).hint == "Type a whole number from 0 to 10"


# Text, lists, tables -----------------------------------------------------------------------------


def test_texts() -> None:
    assert check_value(q("short-text"), "  two\n lines ") == "two lines"
    assert check_value(q("long-text"), "first\nsecond") == "first\nsecond"
    assert check_value(q("short-text"), 12) == "12"
    assert problem(q("short-text"), "   ", typed=True).hint == "Type a short answer on one line"
    assert problem(q("long-text"), None).in_file() == "expected an answer, got nothing"
    assert problem(q("long-text"), {"a": 1}).in_file() == 'expected an answer, got {"a": 1}'


def test_list() -> None:
    hopes = q("list", max_items=3)
    assert check_value(hopes, [" learn ", "", "meet people", 3]) == ["learn", "meet people", "3"]
    assert parse_text(hopes, "learn; meet people") == ["learn", "meet people"]
    assert problem(hopes, "learn").in_file() == "expected a list of items, like [first, second], got 'learn'"
    assert problem(hopes, []).hint == "Give at least one item"
    assert problem(hopes, ["a", "b", "c", "d"]).hint == "Give at most 3 items"
    assert problem(q("list", min_items=2), ["a"]).in_file() == "expected at least 2 items, got 1"


def test_table() -> None:
    needs = q("table", columns=["Who", "What care"])
    assert check_value(needs, [{"Who": "Children", "what care": "Meals"}, {"Who": "Elders"}]) == [
        {"Who": "Children", "What care": "Meals"},
        {"Who": "Elders", "What care": ""},
    ]
    assert problem(needs, [{"Who": "x", "Where": "y"}]).in_file() == (
        "expected the columns: Who, What care, got a column 'Where'"
    )
    assert problem(needs, "children").in_file() == (
        "expected a list of rows with the columns: Who, What care, got 'children'"
    )
    assert problem(needs, ["children"]).in_file() == (
        "expected each row to be a mapping of: Who, What care, got 'children'"
    )
    assert problem(needs, [{"Who": ""}]).hint == "Give at least one row with something written in it"


def test_display() -> None:
    assert display(q("choice", choices=CHOICES), "blue") == "Blue sky"
    assert display(q("multi-choice", choices=CHOICES), ["red", "green"]) == "Red roses; Green"
    assert display(q("yes-no"), False) == "No"
    assert display(q("list"), ["a", "b"]) == "• a\n• b"
    assert display(q("scale"), 4) == "4 of 5"
    table = q("table", columns=["Who", "What care"])
    assert display(table, [{"Who": "Children", "What care": "Meals"}]) == "Who: Children | What care: Meals"
    assert display(table, [{"Who": "Children", "What care": ""}, {"Who": "Elders", "What care": "Food"}]) == (
        "• Who: Children\n• Who: Elders | What care: Food"
    )
    assert display(q("money"), "1250.50") == "1250.50"
    assert display(None, {"x": 1}) == '{"x": 1}'
