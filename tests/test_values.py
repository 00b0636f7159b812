"""The one value reader: numbers and money by locale, yes/no, lists; refusals word for word."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given, settings
from hypothesis import strategies as st

from carecoop.values import LIMIT, ValueProblem, read_decimal, read_yes_no, reading_locale, split_list
from carecoop.values.yes_no import NEUTRAL, YES_NO

LOCALES = ["en", "es_CO", "ar_LB", "ar_EG", "fr"]
AMOUNTS = st.decimals(
    min_value=0, max_value=Decimal(10) ** 9, places=2, allow_nan=False, allow_infinity=False
)


def refusal(raw: Any, locale: str | None = "en", **options: Any) -> ValueProblem:
    with pytest.raises(ValueProblem) as caught:
        read_decimal(raw, locale, **options)
    return caught.value


# Round trips: what Babel writes for a locale reads back as the same Decimal ----------------------


@settings(deadline=None)  # Babel loads locale data on first use; no timed tests here
@given(amount=AMOUNTS, locale=st.sampled_from(LOCALES), currency=st.sampled_from(["USD", "EUR"]))
def test_money_round_trips(amount: Decimal, locale: str, currency: str) -> None:
    written = format_currency(amount, currency, locale=locale)
    assert read_decimal(written, locale, kind="money") == amount


@settings(deadline=None)  # Babel loads locale data on first use; no timed tests here
@given(amount=AMOUNTS, locale=st.sampled_from(LOCALES), arabic_digits=st.booleans())
def test_number_round_trips(amount: Decimal, locale: str, arabic_digits: bool) -> None:
    system = "arab" if arabic_digits and locale.startswith("ar") else "latn"
    written = format_decimal(amount, format="#,##0.##", locale=locale, numbering_system=system)
    assert read_decimal(written, locale) == amount


@settings(deadline=None)  # Babel loads locale data on first use; no timed tests here
@given(share=st.decimals(min_value=0, max_value=100, places=1), locale=st.sampled_from(LOCALES))
def test_percent_round_trips(share: Decimal, locale: str) -> None:
    written = format_percent(share / 100, format="#,##0.#%", locale=locale)
    assert read_decimal(written, locale, kind="percent") == share


@settings(deadline=None)  # Babel loads locale data on first use; no timed tests here
@given(
    language=st.sampled_from(sorted(YES_NO)),
    answer=st.booleans(),
    data=st.data(),
)
def test_yes_no_round_trips(language: str, answer: bool, data: st.DataObject) -> None:
    yes, no = YES_NO[language]
    word = data.draw(st.sampled_from(sorted(yes if answer else no)))
    shout = data.draw(st.booleans())
    assert read_yes_no(f" {word.upper() if shout else word} ", language) is answer


@settings(deadline=None)  # Babel loads locale data on first use; no timed tests here
@given(
    items=st.lists(
        st.text(
            st.characters(
                blacklist_categories=["Cc", "Cs", "Zl", "Zp"], blacklist_characters=";\u061b\u0085"
            ),
            min_size=1,
        )
        .map(str.strip)
        .filter(lambda t: t and not t.startswith(("-", "*", "\u2022")) and not t[:1].isdigit()),
        min_size=1,
        max_size=5,
    ),
    joiner=st.sampled_from(["; ", "\n", ";", "\n\n", "\u061b "]),
)
def test_lists_round_trip(items: list[str], joiner: str) -> None:
    assert split_list(joiner.join(items)) == items


# How each locale writes numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text", "kind", "number"),
    [
        ("en", "1,200", "number", "1200"),
        ("en", "1 200", "number", "1200"),
        ("en", "1,234,567.89", "money", "1234567.89"),
        ("en", "$ 30", "money", "30"),
        ("en", "US$30", "money", "30"),
        ("en", "30 USD", "money", "30"),
        ("en", "12.5%", "percent", "12.5"),
        ("en", "12.125", "money", "12.125"),  # a dinar has three decimals: a dot is never a grouping here
        ("en", "-4", "number", "-4"),
        ("es_CO", "1.250,50", "money", "1250.50"),
        ("es_CO", "COP 1.250.000", "money", "1250000"),
        ("es_CO", "1.200", "number", "1200"),
        ("es_CO", "2,5", "number", "2.5"),
        ("es_CO", "1250.50", "money", "1250.50"),  # a machine figure, as carecoop's exports write it
        ("fr", "1 250,50 €", "money", "1250.50"),
        ("fr", "66.67", "percent", "66.67"),  # French uses no dot: a machine figure, as the docs say
        ("ar_LB", "\u200f1.250,50 ل.ل", "number", "1250.50"),
        ("ar_EG", "١٬٢٥٠٫٥٠", "money", "1250.50"),
        (None, "1250.50", "money", "1250.50"),
    ],
)
def test_read_by_locale(locale: str | None, text: str, kind: Any, number: str) -> None:
    found = read_decimal(text, locale, kind=kind)
    assert found == Decimal(number) and isinstance(found, Decimal)


def test_numbers_from_files_are_exact_decimals() -> None:
    assert read_decimal(0.1) == Decimal("0.1")
    assert read_decimal(3) == Decimal(3)
    assert read_decimal(Decimal("2.50")) == Decimal("2.50")


# Refusals, word for word --------------------------------------------------------------------------


def test_an_ambiguous_figure_is_refused_with_how_to_write_it() -> None:
    found = refusal("1,200", "es_CO")
    assert found.hint == "'1,200' could be read two ways: write 1200 or 1.200,50"
    assert found.in_file() == "'1,200' could be read two ways: write 1200 or 1.200,50"
    assert (
        refusal("12,500", "ar_LB", kind="money").hint
        == "'12,500' could be read two ways: write 12500 or 12.500,50"
    )
    assert refusal("1,200", "fr").hint == "'1,200' could be read two ways: write 1200 or 1\u202f200,50"
    assert refusal("1.200", "fr").hint == "'1.200' could be read two ways: write 1200 or 1\u202f200,50"


def test_a_figure_written_another_way_is_refused() -> None:
    assert refusal("1.250,50", "en", kind="money").in_file() == (
        "expected an amount of money like 1250.50, got '1.250,50'"
    )
    assert refusal("1,2,3", "es_CO").hint == "Type a number written like 1250,50"
    assert refusal("2.5.1", "en", minimum=0, maximum=24).in_file() == (
        "expected a number between 0 and 24 written like 2.5, got '2.5.1'"
    )
    assert refusal("abc").in_file() == "expected a number, got 'abc'"
    assert refusal("1e5").in_file() == "expected a number, got '1e5'"
    assert refusal(True).in_file() == "expected a number, got true"
    assert refusal("1250,50", None).in_file() == "expected a number, got '1250,50'"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (float("nan"), "nan is not a number: write a number between 0 and 24"),
        (float("inf"), "inf is not a number: write a number between 0 and 24"),
        (Decimal("NaN"), "NaN is not a number: write a number between 0 and 24"),
        ("nan", "expected a number between 0 and 24, got 'nan'"),
        ("Infinity", "expected a number between 0 and 24, got 'Infinity'"),
    ],
)
def test_nan_and_infinity_are_refused(raw: Any, message: str) -> None:
    assert refusal(raw, minimum=0, maximum=24).in_file() == message


def test_absurd_magnitudes_are_refused() -> None:
    assert read_decimal(LIMIT) == LIMIT
    assert refusal(1e25, kind="money").in_file() == (
        "1e+25 is too large: carecoop takes figures up to 1,000,000,000,000"
    )
    assert refusal("-2,000,000,000,000").hint == (
        "'-2,000,000,000,000' is too large: carecoop takes figures up to 1,000,000,000,000"
    )


def test_ranges_and_whole_numbers() -> None:
    assert refusal("25", minimum=0, maximum=24).hint == "Type a number between 0 and 24"
    assert refusal("-5", kind="money", minimum=0).hint == "Type an amount of at least 0"
    assert refusal("2.5", whole=True).hint == "Type a whole number"
    assert refusal("101", kind="percent", maximum=100).hint == "Type a percent of at most 100"


# Yes/no and lists ----------------------------------------------------------------------------------


def test_no_word_is_yes_in_one_language_and_no_in_another() -> None:
    tables = [*YES_NO.values(), NEUTRAL]
    every_yes = set().union(*(yes for yes, _ in tables))
    every_no = set().union(*(no for _, no in tables))
    assert not every_yes & every_no


@pytest.mark.parametrize(
    ("word", "locale", "answer"),
    [("si", "en", True), ("Sí", "es_CO", True), ("oui", "fr", True), ("non", "en", False),
     ("نعم", "ar_LB", True), ("لا", "ar_EG", False), ("1", "en", True), ("false", "fr", False),
     (0, "en", False)],
)  # fmt: skip
def test_yes_no_in_every_language(word: Any, locale: str, answer: bool) -> None:
    assert read_yes_no(word, locale) is answer


@pytest.mark.parametrize("word", ["maybe", "2", 2, None, ["yes"]])
def test_yes_no_refusals(word: Any) -> None:
    with pytest.raises(ValueProblem) as caught:
        read_yes_no(word)
    assert caught.value.expected == "yes or no"


def test_the_list_rule() -> None:
    assert split_list("cooking, cleaning; washing") == ["cooking, cleaning", "washing"]
    assert split_list("- meals\n* rent\n• 1,200 for cots\n2) training\n\n") == [
        "meals", "rent", "1,200 for cots", "training",
    ]  # fmt: skip
    assert split_list(" ; ;") == []


def test_reading_locale() -> None:
    assert reading_locale("es_CO", "es") == "es_CO"
    assert reading_locale(None, "fr") == "fr"
    assert reading_locale(None, "es-CO") == "es_CO"
    assert reading_locale("xx_YY", "zz") == "en"
    assert reading_locale(None, None) == "en"
