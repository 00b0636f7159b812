from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from carecoop.errors import WorkshopLockedError
from carecoop.store.db import Store
from carecoop.store.records import Workshop
from carecoop.store.workshops import now


@pytest.fixture
def store(carecoop_home: Path) -> Store:
    opened = Store.open(carecoop_home)
    opened.create_workshop(Workshop(id="ws", programme="think-carecoop", title="T", start_date="2025-03-14"))
    return opened


def test_an_edit_appends_and_history_keeps_every_value(store: Store) -> None:
    amina = store.add_participants("ws", ["Amina"])[0]
    store.record_answer("ws", "tc1-who-cares", "unpaid-care-hours", 4, participant_id=amina.id)
    store.record_answer("ws", "tc1-who-cares", "unpaid-care-hours", 6, participant_id=amina.id)
    store.record_answer("ws", "tc1-who-cares", "paid-care-work", "little", group="A")
    current = store.answers("ws")
    assert [(a.question_id, a.participant, a.group, a.value) for a in current] == [
        ("unpaid-care-hours", "Amina", None, 6),
        ("paid-care-work", None, "A", "little"),
    ]
    history = store.answers("ws", history=True)
    assert [a.value for a in history] == [4, 6, "little"]
    assert history[0].recorded_at < history[1].recorded_at


def test_record_answers_keeps_skips_and_is_all_or_nothing(store: Store) -> None:
    count = store.record_answers(
        "ws",
        [
            {"activity": "a", "question": "q", "value": "x"},
            {"activity": "a", "question": "r", "value": None, "skipped": True},
        ],
    )
    assert count == 2
    assert [(a.value, a.skipped) for a in store.answers("ws")] == [("x", False), (None, True)]
    with pytest.raises(KeyError):
        store.record_answers("ws", [{"activity": "a", "question": "s", "value": 1}, {"activity": "a"}])
    assert len(store.answers("ws")) == 2


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_lock_left_by_a_dead_process_is_taken_over(store: Store) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT INTO locks (workshop_id, pid, host, started_at)"
            " VALUES ('ws', ?, ?, '2025-03-14T09:00:00')",
            (_dead_pid(), socket.gethostname()),
        )
    with store.workshop_lock("ws"):
        row = store.connection.execute("SELECT pid FROM locks WHERE workshop_id = 'ws'").fetchone()
        assert row["pid"] == os.getpid()
    assert store.connection.execute("SELECT COUNT(*) FROM locks").fetchone()[0] == 0


def test_a_lock_held_by_a_live_process_refuses(store: Store) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    taken = now()  # after the process started: a process id reused since would start later
    try:
        with store.transaction() as db:
            db.execute(
                "INSERT INTO locks (workshop_id, pid, host, started_at) VALUES ('ws', ?, ?, ?)",
                (sleeper.pid, socket.gethostname(), taken),
            )
        with pytest.raises(WorkshopLockedError) as caught, store.workshop_lock("ws"):
            pass
        assert str(caught.value) == (
            f"Workshop 'ws' is open in another carecoop (process {sleeper.pid} on {socket.gethostname()}, "
            f"since {taken[:16]}). Close it there first."
        )
    finally:
        sleeper.kill()
        sleeper.wait()
