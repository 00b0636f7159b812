"""The facilitator's run in a real pseudo-terminal: a whole module, Ctrl-C, kill -9, resume."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from run_session import DOWN, Session, answers, home, start, values, welcome_steps

from carecoop.store.db import Store

pytestmark = pytest.mark.slow
__all__ = ["home"]  # the fixture the tests below take, shared with the other terminal tests


def test_a_module_from_start_to_end(home: Path) -> None:
    run = Session(home)
    start(run)
    welcome_steps(run)
    run.expect("How do you say hello?")
    run.answer("Amina (1 of 3)", "Hello\r")
    run.answer("Tendai (2 of 3)", "-\r")
    run.answer("Rania (3 of 3)", "Salam\r")
    run.expect("Timer: ")  # the countdown in the header, above the key messages
    run.expect("Hello is a good start.")
    run.answer("What next?", "\r")
    # The quiz: a choice is its number, typed and confirmed.
    run.answer("Step 1 of 1", "\r")
    run.answer("Amina (1 of 3)", "1\r")
    run.answer("Tendai (2 of 3)", "2\r")
    run.answer("Rania (3 of 3)", "1\r")
    run.answer("What next?", "\r")
    # Every other kind: number with limits, money, list, yes-no, table.
    run.answer("Step 1 of 1", "\r")
    run.answer("Group Sun (1 of 2)", "4\r")
    run.answer("Group Moon (2 of 2)", "25\r")
    run.expect("Type a number between 0 and 20")
    run.child.send("\x7f\x7f6\r")
    run.answer("Plenary:", "12,50,0\r")
    run.expect("Type an amount of money like 1250.50")
    run.child.send("\x15" + "1250.50\r")
    run.answer("Item 1:", "childcare\r")
    run.answer("Item 2:", "elder care\r")
    run.answer("Item 3:", "\r")
    run.answer("Group Sun (1 of 2)", "y\r")
    run.answer("Group Moon (2 of 2)", "n\r")
    run.answer("Row 1 · Who:", "Children\r")
    run.answer("Row 1 · What:", "Meals\r")
    run.answer("Row 2 · Who:", "\r")
    run.answer("Row 1 · Who:", "Elders\r")
    run.answer("Row 1 · What:", "\r")
    run.answer("Row 2 · Who:", "\r")
    run.answer("a number from 1 (least) to 5 (most);", "4\r")  # the scale
    run.expect("Who helps with care?")
    run.answer("Space to tick", " " + DOWN * 2 + " \r")  # Mothers and Neighbours
    run.expect("Recorded in this activity")
    run.answer("What next?", DOWN * 4 + "\r")
    run.expect("Stopped for now. Everything is saved.")
    assert run.end() == 0
    assert values(home) == [
        ("greeting", "Amina", "Hello"),
        ("greeting", "Tendai", None),
        ("greeting", "Rania", "Salam"),
        ("what-is-a-cooperative", "Amina", "members-own-and-run"),
        ("what-is-a-cooperative", "Tendai", "one-owner"),
        ("what-is-a-cooperative", "Rania", "members-own-and-run"),
        ("hours", "group Sun", 4),
        ("hours", "group Moon", 6),
        ("wage", "plenary", "1250.50"),
        ("needs", "plenary", ["childcare", "elder care"]),
        ("ready", "group Sun", True),
        ("ready", "group Moon", False),
        ("map", "group Sun", [{"Who": "Children", "What": "Meals"}]),
        ("map", "group Moon", [{"Who": "Elders", "What": ""}]),
        ("feeling", "plenary", 4),
        ("helpers", "plenary", ["mothers", "neighbours"]),
    ]
    store = Store.open(home)
    assert {aid: p.status for aid, p in store.progress("ws").items()} == {
        "tiny-welcome": "done",
        "tc1-knowledge-before": "done",
        "tiny-needs": "done",
    }
    assert store.attendance("ws") == {"tc-1": {1: True, 2: True, 3: True}}


def test_ctrl_c_and_kill_9_lose_only_the_answer_being_typed_and_the_next_runs_resume(home: Path) -> None:
    first = Session(home)
    start(first)
    welcome_steps(first)
    first.answer("Amina (1 of 3)", "Hello\r")
    first.answer("Tendai (2 of 3)", "Hi th")
    first.child.sendintr()
    first.expect("Stopped. Every answer given so far is saved.")
    first.expect("To go on where you stopped, run: carecoop run ws")
    assert first.end() == 130
    assert values(home) == [("greeting", "Amina", "Hello")], "Ctrl-C kept the half-typed answer or lost one"

    again = Session(home)
    again.expect("Where do you want to start?")
    again.answer("Continue: 09:00 Tiny welcome", "\r")
    again.expect("Going on where you stopped: 1 answer of this activity recorded already.")
    again.answer("Tendai (2 of 3)", "Hi there\r")
    again.answer("Rania (3 of 3)", "Sal")
    before = answers(home)
    again.child.kill(signal.SIGKILL)
    assert again.end() == -signal.SIGKILL
    assert answers(home) == before, "kill -9 changed the store"
    assert values(home) == [("greeting", "Amina", "Hello"), ("greeting", "Tendai", "Hi there")]

    # The lock the killed run left behind is taken over: its process is gone. The new
    # run's own lock refuses a second run of the same workshop.
    third = Session(home)
    start(third, attendance=False)
    third.expect("Rania (3 of 3)")
    second = Session(home)
    second.expect("is open in another carecoop (process")
    second.expect("Close it there first.")
    assert second.end() == 1, "a second run of an open workshop was not refused"
    third.child.send("Salam\r")
    third.answer("What next?", DOWN * 4 + "\r")
    assert third.end() == 0
    assert values(home)[-1] == ("greeting", "Rania", "Salam")


def test_start_at_an_activity(home: Path) -> None:
    run = Session(home, "--activity", "tc1-knowledge-before")
    run.answer("Who is here?", DOWN + " \r")  # Tendai is absent
    run.expect("2 of 3 present. Absent: Tendai.")
    run.answer("Is that right?", "y\r")
    run.answer("Step 1 of 1", "\r")
    run.answer("Amina (1 of 2)", "1\r")
    run.answer("Rania (2 of 2)", "-\r")
    run.answer("What next?", DOWN * 4 + "\r")
    assert run.end() == 0
    assert [(q, who, v, skipped) for q, who, v, _, skipped in answers(home)] == [
        ("what-is-a-cooperative", "Amina", "members-own-and-run", False),
        ("what-is-a-cooperative", "Rania", None, True),
    ]
