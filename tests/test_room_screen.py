"""`carecoop show WS`: what the room sees follows the run, and never shows notes or answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.store.db import Store
from carecoop.store.records import Workshop
from carecoop.store.workshops import now
from carecoop.workshop.room import ANSWERS, CLOSING

TINY = Path(__file__).parent / "fixtures" / "run-module"
runner = CliRunner()


@pytest.fixture
def store(carecoop_home: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("CARECOOP_MODULES", str(TINY))
    opened = Store.open(carecoop_home)
    opened.create_workshop(
        Workshop(id="ws", programme="think-carecoop", title="Tiny day", start_date="2025-03-14")
    )
    opened.add_participants("ws", ["Amina"], "Sun")
    return opened


def shown() -> str:
    result = runner.invoke(app, ["show", "ws", "--once"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_room_sees_the_step_the_pictogram_and_the_time_never_the_note(store: Store) -> None:
    assert "WELCOME" in shown()
    store.set_screen("ws", "tiny-welcome", 1, now())
    screen = shown()
    assert "Module 1: Tiny module · Tiny welcome" in screen
    assert "STEP 2 OF 2" in screen
    assert "Second step text." in screen
    assert "[ " in screen and "minutes left" in screen
    assert "███" in screen  # the time left in big digits
    assert "A note only the facilitator sees." not in screen


def test_answers_and_key_messages(store: Store) -> None:
    amina = store.participant("ws", "Amina")
    store.record_answer("ws", "tiny-welcome", "greeting", "A SECRET HELLO", participant_id=amina.id)
    store.set_screen("ws", "tiny-welcome", ANSWERS, now())
    screen = shown()
    assert "ANSWERS ARE BEING WRITTEN DOWN" in screen
    assert "A SECRET HELLO" not in screen
    store.set_screen("ws", "tiny-welcome", CLOSING, now())
    screen = shown()
    assert "KEY MESSAGES" in screen
    assert "Hello is a good start." in screen
    assert "A SECRET HELLO" not in screen
