"""Names compared as people read them (NFC), and rename, move, remove keeping the history."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.store.db import Store
from carecoop.store.records import Workshop

runner = CliRunner()
DECOMPOSED = unicodedata.normalize("NFD", "Zoë")


def make(home: Path) -> Store:
    store = Store.open(home)
    store.create_workshop(Workshop(id="ws", programme="think-carecoop", title="T", start_date="2025-03-14"))
    store.add_participants("ws", ["Zoë", "Amina"], "Sun")
    return store


def test_a_decomposed_name_is_the_same_person(carecoop_home: Path) -> None:
    store = make(carecoop_home)
    assert DECOMPOSED != "Zoë"
    result = runner.invoke(app, ["participants", "add", "ws", DECOMPOSED])
    assert result.exit_code == 0
    assert result.output == "Already in ws (nothing changed): Zoë\n"
    assert [p.name for p in store.participants("ws")] == ["Zoë", "Amina"]
    assert store.participant("ws", DECOMPOSED).name == "Zoë"


def test_rename_move_remove_keep_the_answers(carecoop_home: Path) -> None:
    store = make(carecoop_home)
    zoe = store.participant("ws", "Zoë")
    store.record_answer("ws", "a", "q", "hello", participant_id=zoe.id)
    assert runner.invoke(app, ["participants", "rename", "ws", DECOMPOSED, "Zoë Moyo"]).output == (
        "Renamed Zoë to Zoë Moyo in ws; their answers follow.\n"
    )
    assert runner.invoke(app, ["participants", "move", "ws", "zoë moyo", "--group", "Moon"]).output == (
        "Zoë Moyo is now in group Moon.\n"
    )
    assert store.groups("ws") == ["Sun", "Moon"]
    result = runner.invoke(app, ["participants", "remove", "ws", "Zoë Moyo"])
    assert result.exit_code == 0
    assert [p.name for p in store.participants("ws")] == ["Amina"]
    assert [(a.participant, a.value) for a in store.answers("ws")] == [("Zoë Moyo", "hello")]
    # Added again, the same person comes back with their history.
    runner.invoke(app, ["participants", "add", "ws", "Zoë Moyo"])
    assert store.participant("ws", "Zoë Moyo").id == zoe.id


def test_rename_onto_someone_else_is_refused(carecoop_home: Path) -> None:
    make(carecoop_home)
    result = runner.invoke(app, ["participants", "rename", "ws", "Amina", DECOMPOSED])
    assert result.exit_code == 1
    assert "'Zoë' is already in workshop 'ws'." in result.output


def test_attendance_without_a_terminal_needs_the_absent_names(carecoop_home: Path) -> None:
    store = make(carecoop_home)
    result = runner.invoke(app, ["attendance", "ws", "1", "--absent", "amina"])
    assert result.exit_code == 0, result.output
    assert "saved: 1 of 2 present." in result.output
    amina = store.participant("ws", "Amina").id
    assert store.attendance("ws")["tc-1"][amina] is False
    result = runner.invoke(app, ["attendance", "ws", "tc-9", "--everyone"])
    assert result.exit_code == 1
    assert "has no module 'tc-9'" in result.output


def test_answers_notes_reads_the_notes_back_in_agenda_order(carecoop_home: Path) -> None:
    store = make(carecoop_home)
    result = runner.invoke(app, ["answers", "ws", "--notes"])
    assert result.output == "No notes in ws yet. Add one at the end of an activity in: carecoop run ws\n"
    store.add_note("ws", "tc1-knowledge-before", "Do the quiz answers in the break.")
    store.add_note("ws", "tc1-welcome-circle", "Two mothers came late: the bus.")
    result = runner.invoke(app, ["answers", "ws", "--notes"])
    assert result.exit_code == 0
    assert result.output == (
        "Names and caring hands  [tc1-welcome-circle]\n"
        "  • Two mothers came late: the bus.\n"
        "What do we know already?  [tc1-knowledge-before]\n"
        "  • Do the quiz answers in the break.\n"
    )
