"""The curriculum is complete, plain, factual and stable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carecoop.content.curriculum import Curriculum
from carecoop.content.loader import load_curriculum
from carecoop.content.models import ActivityKind, Module, QuestionKind, sentence_lengths

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_curriculum()


def module_text(module: Module) -> str:
    return module.model_dump_json().lower()


def test_every_activity_is_complete(curriculum: Curriculum) -> None:
    incomplete = []
    for module in curriculum.modules:
        assert module.handout.key_messages, f"{module.id}: handout has no key messages"
        assert module.handout.pictures, f"{module.id}: handout has no pictures"
        assert module.handout.worksheet, f"{module.id}: handout has no worksheet"
        for activity in module.activities:
            if activity.kind is ActivityKind.BREAK:
                continue
            for field in ("objectives", "materials", "preparation", "steps", "key_messages",
                          "adaptation", "roles"):
                if not getattr(activity, field):
                    incomplete.append(f"{activity.id}: no {field}")
    assert incomplete == []


def test_every_module_records_something(curriculum: Curriculum) -> None:
    for module in curriculum.modules:
        assert any(a.questions for a in module.activities), module.id


def test_steps_are_plain_language(curriculum: Curriculum) -> None:
    """Steps are read aloud: under 15 words a sentence on average, for every step."""
    too_long = []
    for module in curriculum.modules:
        for activity in module.activities:
            for number, step in enumerate(activity.steps, start=1):
                lengths = sentence_lengths(step.text)
                average = sum(lengths) / len(lengths)
                if average >= 15:
                    too_long.append(f"{activity.id} step {number}: {average:.1f} words a sentence")
    assert too_long == []


def test_sentence_lengths_are_measured_sensibly() -> None:
    assert sentence_lengths("One two three. Four five!\nSix") == [3, 2, 1]


def test_ids_are_stable(curriculum: Curriculum) -> None:
    """Saved answers refer to these ids; none may disappear."""
    current = set()
    for module in curriculum.modules:
        current.add(module.id)
        for activity in module.activities:
            current.add(activity.id)
            current.update(f"{activity.id}/{q.id}" for q in activity.questions)
    lines = (FIXTURES / "stable-ids.txt").read_text().splitlines()
    stable = {line for line in lines if line and not line.startswith("#")}
    assert sorted(stable - current) == []


def test_think_carecoop_fits_one_day(curriculum: Curriculum) -> None:
    modules = curriculum.modules_of("think-carecoop")
    assert 6 <= len(modules) <= 7
    activity_minutes = sum(m.activity_minutes for m in modules)
    total = sum(m.minutes for m in modules)
    assert 320 <= activity_minutes <= 380
    # A full day a real room can keep: about seven to seven and a half hours with breaks.
    assert 7 * 60 <= total <= 7.5 * 60
    assert [m.number for m in modules] == list(range(1, len(modules) + 1))


SEVEN_PRINCIPLES = [
    "voluntary and open membership",
    "democratic member control",
    "member economic participation",
    "autonomy and independence",
    "education, training and information",
    "cooperation among cooperatives",
    "concern for community",
]
VALUES = ["self-help", "self-responsibility", "democracy", "equality", "equity", "solidarity"]
ETHICAL_VALUES = ["honesty", "openness", "social responsibility", "caring for others"]
FIVE_R = ["recognize", "reduce", "redistribute", "reward", "represent"]


def test_programme_facts_appear_where_they_should(curriculum: Curriculum) -> None:
    care_in_our_lives = module_text(curriculum.module("tc-1"))
    for word in FIVE_R:
        assert word in care_in_our_lives, f"tc-1 lacks the 5R word {word!r}"
    what_a_coop_is = module_text(curriculum.module("tc-3"))
    for phrase in SEVEN_PRINCIPLES + VALUES + ETHICAL_VALUES:
        assert phrase in what_a_coop_is, f"tc-3 lacks {phrase!r}"
    kinds = module_text(curriculum.module("tc-4"))
    for phrase in ["worker cooperative", "multi-stakeholder", "famil", "association"]:
        assert phrase in kinds, f"tc-4 lacks {phrase!r}"
    works = module_text(curriculum.module("tc-5"))
    for phrase in ["general assembly", "board", "one member", "share", "reserve", "minimum wage"]:
        assert phrase in works, f"tc-5 lacks {phrase!r}"


def test_knowledge_check_before_and_after(curriculum: Curriculum) -> None:
    before = curriculum.find_activity("tc1-knowledge-before")
    after = curriculum.find_activity("tc6-knowledge-after")
    assert before is not None and after is not None
    questions = before[1].questions
    assert 8 <= len(questions) <= 10
    for question in questions:
        assert question.kind in (QuestionKind.CHOICE, QuestionKind.YES_NO)
        assert question.correct is not None, question.id
    assert [q.id for q in after[1].questions] == [q.id for q in questions]


def test_no_placeholder_text(curriculum: Curriculum) -> None:
    for module in curriculum.modules:
        text = module_text(module)
        assert not re.search(r"\b(todo|tbd|lorem|xxx|placeholder)\b", text), module.id


def test_every_translation_key_points_at_a_text(curriculum: Curriculum) -> None:
    """An edit of the English that moves a text must move its translations too."""
    stale = []
    for (module_id, language), _translation in curriculum.translations.items():
        _, warnings = curriculum.localized(curriculum.module(module_id), language)
        stale += [w for w in warnings if "no text at" in w]
    assert stale == []
    assert ("tc-1", "ar") in curriculum.translations


def test_every_translated_list_has_the_english_length(curriculum: Curriculum) -> None:
    """Lists are translated by position: one item more or less in English shifts every later one."""
    from carecoop.content.curriculum import misaligned_lists

    misaligned = [
        f"{module_id}.{language}: {problem.message}"
        for (module_id, language), translation in sorted(curriculum.translations.items())
        for problem in misaligned_lists(curriculum.module(module_id), translation)
    ]
    assert misaligned == []
