"""The facilitator's run in a real pseudo-terminal: a whole module, Ctrl-C, kill -9, resume.

The tiny module in fixtures/run-module replaces Think.CareCoop's first module, so a run
starts with its three short activities.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from carecoop.store.db import Store
from carecoop.store.records import Workshop

#: The `carecoop` installed beside the Python that runs the tests, wherever its venv is.
CARECOOP = Path(sys.executable).parent / "carecoop"
TINY = Path(__file__).parent / "fixtures" / "run-module"
DOWN = "\x1b[B"
TIMEOUT = 20

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True, scope="module")
def _carecoop_is_installed() -> None:
    # A missing command is a broken set-up, not a reason to skip: fail loudly.
    assert CARECOOP.exists(), f"{CARECOOP} not found: run `bash scripts/setup.sh` first"


@pytest.fixture
def home(carecoop_home: Path) -> Path:
    store = Store.open(carecoop_home)
    store.create_workshop(
        Workshop(id="ws", programme="think-carecoop", title="Tiny day", start_date="2025-03-14")
    )
    store.add_participants("ws", ["Amina", "Tendai"], "Sun")
    store.add_participants("ws", ["Rania"], "Moon")
    store.close()
    return carecoop_home


class Session:
    """One `carecoop run` in a pseudo-terminal of 40 rows and 120 columns."""

    def __init__(self, home: Path, *args: str) -> None:
        env = {
            **os.environ,
            "CARECOOP_HOME": str(home),
            "CARECOOP_MODULES": str(TINY),
            "TERM": "xterm",
            "PROMPT_TOOLKIT_NO_CPR": "1",  # a test terminal does not answer cursor position requests
        }
        env.pop("COLUMNS", None)
        self.child = pexpect.spawn(
            str(CARECOOP),
            ["run", "ws", *args],
            env=env,
            dimensions=(40, 120),
            encoding="utf-8",
            timeout=TIMEOUT,
        )

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def answer(self, prompt: str, keys: str) -> None:
        self.expect(prompt)
        self.child.send(keys)

    def end(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status: int = self.child.exitstatus if self.child.exitstatus is not None else -self.child.signalstatus
        return status


def answers(home: Path) -> list[tuple[str, str, Any, Any, bool]]:
    store = Store.open(home)
    try:
        return [(a.question_id, a.who, a.value, a.recorded_at, a.skipped) for a in store.answers("ws")]
    finally:
        store.close()


def values(home: Path) -> list[tuple[str, str, Any]]:
    return [(question, who, value) for question, who, value, _, _ in answers(home)]


def start(session: Session, attendance: bool = True) -> None:
    session.answer("Where do you want to start?", "\r")
    if attendance:
        session.answer("Who is here?", "\r")


def welcome_steps(session: Session) -> None:
    session.answer("Step 1 of 2", "\r")
    session.expect("Step 2 of 2")
    session.answer("A note only the facilitator sees.", "b\r")
    session.answer("Step 1 of 2", "\r")
    session.answer("Step 2 of 2", "\r")


def test_a_module_from_start_to_end(home: Path) -> None:
    run = Session(home)
    start(run)
    welcome_steps(run)
    run.expect("How do you say hello?")
    run.answer("Amina (1 of 3)", "Hello\r")
    run.answer("Tendai (2 of 3)", "-\r")
    run.answer("Rania (3 of 3)", "Salam\r")
    run.expect("Hello is a good start.")
    run.expect("What next?")
    run.answer("Timer: ", "\r")  # the countdown under the prompt
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


def test_ctrl_c_saves_and_the_next_run_resumes_at_the_next_question(home: Path) -> None:
    first = Session(home)
    start(first)
    welcome_steps(first)
    first.answer("Amina (1 of 3)", "Hello\r")
    first.answer("Tendai (2 of 3)", "Hi th")
    first.child.sendintr()
    first.expect("Stopped. Every answer given so far is saved.")
    first.expect("To go on where you stopped, run: carecoop run ws")
    assert first.end() == 130
    assert values(home) == [("greeting", "Amina", "Hello")]

    again = Session(home)
    again.expect("Where do you want to start?")
    again.answer("Continue: 09:00 Tiny welcome", "\r")
    again.expect("Going on where you stopped: 1 answer of this activity recorded already.")
    again.answer("Tendai (2 of 3)", "Hi there\r")
    again.answer("Rania (3 of 3)", "\x03")
    again.expect("To go on where you stopped, run: carecoop run ws")
    assert again.end() == 130
    assert values(home) == [("greeting", "Amina", "Hello"), ("greeting", "Tendai", "Hi there")]


def test_kill_9_loses_only_the_answer_being_typed(home: Path) -> None:
    first = Session(home)
    start(first)
    welcome_steps(first)
    first.answer("Amina (1 of 3)", "Hello\r")
    first.answer("Tendai (2 of 3)", "Hi\r")
    first.answer("Rania (3 of 3)", "Sal")
    before = answers(home)
    first.child.kill(signal.SIGKILL)
    assert first.end() == -signal.SIGKILL
    assert answers(home) == before
    assert values(home) == [("greeting", "Amina", "Hello"), ("greeting", "Tendai", "Hi")]

    # The lock the killed run left behind is taken over: its process is gone.
    again = Session(home)
    start(again, attendance=False)
    again.answer("Rania (3 of 3)", "Salam\r")
    again.answer("What next?", DOWN * 4 + "\r")
    assert again.end() == 0
    assert values(home)[-1] == ("greeting", "Rania", "Salam")


def test_a_second_run_of_the_same_workshop_is_refused(home: Path) -> None:
    first = Session(home)
    first.expect("Where do you want to start?")
    second = Session(home)
    second.expect("is open in another carecoop (process")
    second.expect("Close it there first.")
    assert second.end() == 1
    first.child.sendintr()
    assert first.end() == 130


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
