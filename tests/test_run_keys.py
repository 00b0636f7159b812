"""The facilitator's keys in a real terminal: nothing recorded by a stray key, nothing lost mid-list.

Issue 18: a stray Enter after the steps, `no⏎` at a yes/no question, Ctrl-C in a list row,
answers left for later, and attendance taken again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from run_session import TINY, Session, answers, finish, home, spawn, values

from carecoop.store.db import Store

pytestmark = pytest.mark.slow  # real terminals
__all__ = ["home"]  # the fixture, shared with test_run_terminal

DOWN = "\x1b[B"


def drafts(home: Path) -> list[tuple[str, str, object, bool]]:
    store = Store.open(home)
    try:
        return [(a.question_id, a.who, a.value, a.draft) for a in store.answers("ws")]
    finally:
        store.close()


def _to_ready(run: Session) -> None:
    """From the start of Tiny needs to its yes/no question."""
    run.answer("Who is here?", "\r")
    run.answer("Step 1 of 1", "\r")
    run.answer("Group Sun (1 of 2)", "4\r")
    run.answer("Group Moon (2 of 2)", "6\r")
    run.answer("Plenary:", "100\r")


def test_ctrl_c_in_a_list_row_keeps_the_rows_and_no_enter_records_no_for_one_group_only(home: Path) -> None:
    run = Session(home, "--activity", "tiny-needs")
    _to_ready(run)
    run.answer("Item 1:", "childcare\r")
    run.expect("1. childcare  ✓ saved")
    run.answer("Item 2:", "elder care\r")
    run.expect("2. elder care  ✓ saved")
    run.answer("Item 3:", "home ca")
    run.child.sendintr()
    run.expect("Stopped. Every answer given so far is saved.")
    assert run.end() == 130
    assert drafts(home)[-1] == ("needs", "plenary", ["childcare", "elder care"], True)

    again = Session(home)
    again.answer("Where do you want to start?", "\r")
    again.expect("The items typed before the run stopped are kept:")
    again.expect("2. elder care")
    again.answer("Item 3:", "home care\r")
    again.answer("Item 4:", "\r")
    again.expect("✓ Saved · plenary: childcare")
    assert drafts(home)[-1] == ("needs", "plenary", ["childcare", "elder care", "home care"], False)
    # At a yes/no question `no⏎` records No; Enter alone is not an answer.
    again.answer("Group Sun (1 of 2)", "no\r")
    again.expect("✓ Saved · group Sun: No")
    again.expect("Group Moon (2 of 2)")
    again.child.send("\r")
    again.expect("Type yes or no")
    again.child.sendintr()
    assert again.end() == 130
    assert [v for v in values(home) if v[0] == "ready"] == [("ready", "group Sun", False)]


def test_a_stray_enter_records_nothing_and_an_answer_left_for_later_is_recorded_from_the_list(
    home: Path,
) -> None:
    run = Session(home, "--activity", "tc1-knowledge-before")
    run.answer("Who is here?", "\r")
    run.answer("Step 1 of 1", "\r\r\r")  # two Enters too many
    run.expect("Type the number of a choice, 1 to 2")
    assert values(home) == [], "a stray Enter after the steps recorded an answer"
    run.child.send("2\r")
    run.expect("✓ Saved · Amina: A business one person owns")
    run.answer("Tendai (2 of 3)", "later\r")
    run.expect("✓ Saved · Tendai: left for later")
    run.answer("Rania (3 of 3)", "1\r")
    run.expect("✓ Saved · Rania: A business its members own and run")
    run.expect("What next?")
    assert values(home) == [
        ("what-is-a-cooperative", "Amina", "one-owner"),
        ("what-is-a-cooperative", "Rania", "members-own-and-run"),
    ], "an answer left for later was recorded"
    run.child.send(DOWN * 2 + "\r")  # Go on, Change an answer, Record the answers left for later
    run.answer("Tendai:", "2\r")
    run.expect("✓ Saved · Tendai: A business one person owns")
    run.answer("What next?", "\x03")
    assert run.end() == 130
    assert values(home)[-1] == ("what-is-a-cooperative", "Tendai", "one-owner")
    assert Store.open(home).deferred("ws") == []


def test_attendance_taken_again_decides_who_is_asked(home: Path) -> None:
    # One `a` unticks everyone: the screen says so and asks before recording it.
    run = Session(home, "--activity", "tc1-knowledge-before")
    run.answer("Who is here?", "a\r")
    run.expect("Nobody is ticked as present (0 of 3)")
    run.answer("Is that right?", "n\r")
    run.answer("Who is here?", "a\r")  # ticks everyone again
    run.expect("All 3 present.")
    run.answer("Step 1 of 1", "\x03")
    assert run.end() == 130

    again = spawn(["attendance", "ws", "1"], {"CARECOOP_HOME": str(home), "CARECOOP_MODULES": str(TINY)})
    again.expect_exact("Who is here?")
    again.send(DOWN + " \r")  # Tendai went home
    again.expect_exact("2 of 3 present. Absent: Tendai.")
    again.expect_exact("Is that right?")
    again.send("y\r")
    again.expect_exact("saved: 2 of 3 present.")
    assert finish(again) == 0

    quiz = Session(home, "--activity", "tc1-knowledge-before")
    quiz.answer("Step 1 of 1", "\r")
    quiz.answer("Amina (1 of 2)", "1\r")
    quiz.answer("Rania (2 of 2)", "1\r")
    quiz.answer("What next?", "\x03")
    assert quiz.end() == 130
    assert [who for _, who, _ in values(home)] == ["Amina", "Rania"]
    assert len(answers(home)) == 2
