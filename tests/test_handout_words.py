"""Recorded answers on a group's records in the workshop's language and money (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import english_leftovers

from carecoop.content.loader import load_curriculum
from carecoop.content.models import Activity
from carecoop.i18n import translate
from carecoop.render.handout_export import export_handouts
from carecoop.store.db import Store
from carecoop.store.records import Workshop

WS = "cali"
GROUP = "Manos que Cuidan"
ALTERNATIVES = [
    # Rows as an answers file or the demo records them: the English column names, plan codes.
    {"Kind": "family", "Description": "Una nieta se queda en la casa", "Cost": "0"},
    {"Kind": "private", "Description": "Una agencia de enfermería", "Cost": "1500000"},
]


def group_records(home: Path, out: Path, language: str, country: str) -> str:
    store = Store.open(home)
    store.create_workshop(Workshop(
        id=WS, programme="start-carecoop", title="Taller", start_date="2026-03-14",
        facilitator="Luz", location="Cali", language=language, country=country,
    ))  # fmt: skip
    store.add_participants(WS, ["Yurani", "Marleny"], group=GROUP)
    store.record_answer(WS, "sc2-who-pays", "can-pay", "15000", group=GROUP)
    store.record_answer(WS, "sc2-money-check", "money-in", "7800000", group=GROUP)
    store.record_answer(WS, "sc2-who-gives-care-today", "alternatives", ALTERNATIVES, group=GROUP)
    store.close()
    store = Store.open(home)
    export_handouts(store, load_curriculum(), WS, out, fmt="md", per="group")
    return (out / "group-manos-que-cuidan.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> str:
    return group_records(tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("out"), "es", "co")


def test_spanish_group_records_write_money_as_colombia_does(spanish: str) -> None:
    # Babel's es_CO: the peso sign, a dot between thousands, no cents (the profile says so).
    assert "$15.000" in spanish
    assert "$7.800.000" in spanish
    assert "$1.500.000" in spanish and "| $0 |" in spanish
    assert "7800000" not in spanish and "1500000" not in spanish


def test_spanish_group_records_name_plan_codes_in_spanish(spanish: str) -> None:
    rows = [line for line in spanish.splitlines() if "Una nieta" in line or "Una agencia" in line]
    assert len(rows) == 2
    assert "| familiar |" in rows[0] and "| privado |" in rows[1]
    assert "family" not in spanish and "private" not in spanish
    assert english_leftovers(spanish) == []


def test_arabic_group_records_write_shekels_and_arabic_words(tmp_path: Path) -> None:
    text = group_records(tmp_path / "home", tmp_path / "out", "ar", "ps")
    assert f"| {translate('family', 'ar')} |" in text and f"| {translate('private', 'ar')} |" in text
    assert "family" not in text and "private" not in text
    assert "₪" in text and "1,500,000.00" in text


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_questions_copied_from_another_activity_are_in_its_language(language: str) -> None:
    # tc6-knowledge-after asks tc1-knowledge-before's quiz again (questions_from): its reader's
    # sheet, handout and screen ask it in the workshop's language, not in English.
    curriculum = load_curriculum()

    def activity(module: str, activity_id: str, language: str) -> Activity:
        localized = curriculum.localized(curriculum.module(module), language)[0]
        return next(a for a in localized.activities if a.id == activity_id)

    before = activity("tc-1", "tc1-knowledge-before", language)
    after = activity("tc-6", "tc6-knowledge-after", language)
    assert [q.prompt for q in after.questions] == [q.prompt for q in before.questions]
    english = activity("tc-6", "tc6-knowledge-after", "en")
    assert after.questions[0].prompt != english.questions[0].prompt


def test_rows_recorded_with_translated_column_names_find_their_plan_fields() -> None:
    # A Spanish run records a table under the Spanish column names; the plan field behind
    # each column is found by its place among the English ones.
    from carecoop.render.answers import Wording, fill
    from carecoop.store.records import Answer

    curriculum = load_curriculum()
    module = curriculum.localized(curriculum.module("sc-2"), "es")[0]
    activity = next(a for a in module.activities if a.id == "sc2-who-gives-care-today")
    question = activity.question("alternatives")
    english = curriculum.find_activity("sc2-who-gives-care-today")
    assert question is not None and english is not None
    rows = [dict(zip(question.columns, ["private", "Una agencia", "1500000"], strict=True))]
    answer = Answer(1, WS, "sc2-who-gives-care-today", "alternatives", None, GROUP, rows, False, "")
    wording = Wording({True: "Sí", False: "No"}, "es", money=lambda amount: f"${amount:,.0f}",
                      source=lambda a, q: english[1].question(q))  # fmt: skip
    filled = fill(answer, question, question.columns, wording)
    assert filled.rows == [["privado", "Una agencia", "$1,500,000"]]
