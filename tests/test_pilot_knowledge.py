"""Knowledge check scoring, worked out by hand, and the Start.CareCoop before/after pair."""

from __future__ import annotations

from typing import Any

import pytest

from carecoop.content.curriculum import Curriculum
from carecoop.content.loader import load_curriculum
from carecoop.content.models import Question, QuestionKind, sentence_lengths
from carecoop.pilot.knowledge import KnowledgeCheck, is_right, knowledge_checks, score_knowledge
from carecoop.store.records import Answer


def _quiz() -> list[Question]:
    found = load_curriculum().find_activity("tc1-knowledge-before")
    assert found is not None
    return found[1].questions


#: tc1-knowledge-before's right answer and one wrong answer per question, in order. The
#: hand-worked cases below say which questions each person got right; the curriculum says
#: which choice that is, so a content edit of a question does not change the arithmetic.
RIGHT = {q.id: str(q.correct) for q in _quiz()}
WRONG = {q.id: next(c for c in q.choice_ids if c != q.correct) for q in _quiz()}


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_curriculum()


@pytest.fixture(scope="module")
def think(curriculum: Curriculum) -> KnowledgeCheck:
    (check,) = knowledge_checks(curriculum, "think-carecoop")
    return check


def answer(activity: str, question: str, value: Any, *, who: str | None = None, group: str | None = None,
           skipped: bool = False, ws: str = "ws") -> Answer:
    return Answer(0, ws, activity, question, who, group, value, skipped, "2025-01-01T10:00:00")


def sheet(
    activity: str, who: str, right: list[str], wrong: list[str] | None = None, ws: str = "ws"
) -> list[Answer]:
    return [answer(activity, q, RIGHT[q], who=who, ws=ws) for q in right] + [
        answer(activity, q, WRONG[q], who=who, ws=ws) for q in wrong or []
    ]


BEFORE, AFTER = "tc1-knowledge-before", "tc6-knowledge-after"


def test_the_think_check_pairs_its_eight_questions(think: KnowledgeCheck) -> None:
    assert (think.before.id, think.after.id) == (BEFORE, AFTER)
    assert len(think.questions) == 8 and all(q.correct in q.choice_ids for q in think.questions)


def test_scores_worked_by_hand(think: KnowledgeCheck) -> None:
    everyone = list(RIGHT)
    answers = (
        # Amina: 1 right, 1 wrong, 6 blank before (blank is not right); all 8 right after: +7.
        sheet(BEFORE, "Amina", ["what-is-a-cooperative"], ["votes-per-member"])
        + sheet(AFTER, "Amina", everyone)
        # Bongi: 4 right before, then left at lunch: no after, so not paired.
        + sheet(BEFORE, "Bongi", everyone[:4], everyone[4:])
        # Chipo: 5 right before, 4 right after: -1.
        + sheet(BEFORE, "Chipo", everyone[:5], everyone[5:])
        + sheet(AFTER, "Chipo", everyone[1:5], [everyone[0], *everyone[5:]])
        # Dudu came late: after only, 6 right.
        + sheet(AFTER, "Dudu", everyone[:6], everyone[6:])
        # Not a person's score: a group's answer, a skipped answer, a question of another activity.
        + [answer(BEFORE, "surplus", RIGHT["surplus"], group="Sun"),
           answer(AFTER, "five-r", None, who="Bongi", skipped=True),
           answer("tc6-closing-reflection", "take-home", "x", who="Bongi")]
    )
    result = score_knowledge(think, answers)
    scores = {p.person[1]: (p.before, p.after, p.change) for p in result.people}
    assert scores == {
        "Amina": (1, 8, 7), "Bongi": (4, None, None), "Chipo": (5, 4, -1), "Dudu": (None, 6, None)
    }
    assert result.out_of == 8
    assert [p.person[1] for p in result.paired] == ["Amina", "Chipo"]
    assert (len(result.took_before), len(result.took_after)) == (3, 3)
    assert result.change_counts() == {-1: 1, 7: 1}
    assert result.mean("before") == 3.0 and result.mean("after") == 6.0 and result.mean("change") == 3.0
    assert result.mean("before", result.took_before) == pytest.approx(10 / 3)
    first = result.questions[0]  # question 1: right before Amina, Bongi, Chipo; after Amina, Dudu
    assert (first.right_before, first.took_before, first.right_after, first.took_after) == (3, 3, 2, 3)
    sixth = result.questions[5]  # nobody right before; after Amina and Dudu
    assert (sixth.right_before, sixth.right_after) == (0, 2)
    # The per-question counts add up to the per-person scores.
    assert sum(q.right_before for q in result.questions) == sum(p.before or 0 for p in result.people)
    assert sum(q.right_after for q in result.questions) == sum(p.after or 0 for p in result.people)


def test_only_counted_people_are_scored(think: KnowledgeCheck) -> None:
    answers = sheet(BEFORE, "Amina", list(RIGHT)) + sheet(BEFORE, "Amina", list(RIGHT), ws="other")
    result = score_knowledge(think, answers, counted={("other", "Amina")})
    assert [p.person for p in result.people] == [("other", "Amina")]


def test_is_right_compares_with_the_right_choice(think: KnowledgeCheck) -> None:
    question = think.questions[0]
    assert is_right(question, RIGHT[question.id]) and not is_right(question, WRONG[question.id])
    assert not is_right(question, None)


def test_start_carecoop_has_its_own_pair_in_its_first_and_last_modules(curriculum: Curriculum) -> None:
    (check,) = knowledge_checks(curriculum, "start-carecoop")
    modules = curriculum.modules_of("start-carecoop")
    assert check.before in modules[0].activities and check.after in modules[-1].activities
    assert 6 <= len(check.questions) <= 8
    think_prompts = {q.prompt for q in knowledge_checks(curriculum, "think-carecoop")[0].questions}
    positions = []
    for question in check.questions:
        assert question.kind is QuestionKind.CHOICE and len(question.choices) == 3
        assert isinstance(question.correct, str) and question.correct in question.choice_ids
        assert question.prompt not in think_prompts
        assert max(sentence_lengths(question.prompt)) <= 20, question.id
        # No giveaway: the right answer is never the one clearly longer than both others.
        lengths = {c.id: len(c.label) for c in question.choices}
        others = [n for cid, n in lengths.items() if cid != question.correct]
        assert lengths[question.correct] <= max(others) + 12, question.id
        positions.append(question.choice_ids.index(question.correct))
    assert len(set(positions)) == 3  # the right answer is not always in the same place
