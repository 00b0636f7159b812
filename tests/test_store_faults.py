"""Store faults end in one sentence saying what to do, never a traceback.

Issue 18 point 9 and issue 12 point 10.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.store import db as store_db
from carecoop.store.db import STORE_FILE, Store
from carecoop.store.records import Workshop

runner = CliRunner()


def make_store(home: Path) -> Path:
    store = Store.open(home)
    store.create_workshop(Workshop(id="ws", programme="think-carecoop", title="T", start_date="2025-03-14"))
    store.add_participants("ws", [f"Person {n}" for n in range(200)], "Sun")
    store.close()
    return home / STORE_FILE


def one_sentence(args: list[str], *expected: str) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    for text in expected:
        assert text in result.output
    return result.output


def test_a_file_that_is_not_sqlite(carecoop_home: Path) -> None:
    carecoop_home.mkdir()
    (carecoop_home / STORE_FILE).write_text("hello, not a database\n")
    one_sentence(["workshop", "list"], "is damaged (it is not an SQLite file)", "carecoop doctor")


def test_a_truncated_store(carecoop_home: Path) -> None:
    path = make_store(carecoop_home)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    one_sentence(["participants", "list", "ws"], "is damaged", "carecoop doctor")


def test_a_database_of_another_program(carecoop_home: Path) -> None:
    carecoop_home.mkdir()
    other = sqlite3.connect(carecoop_home / STORE_FILE)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    one_sentence(["workshop", "list"], "a database of another program, not a carecoop store")
    assert sqlite3.connect(carecoop_home / STORE_FILE).execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_store_of_a_newer_carecoop(carecoop_home: Path) -> None:
    path = make_store(carecoop_home)
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    one_sentence(["workshop", "list"], "written by a newer carecoop (schema 99", "upgrade carecoop")


def test_a_folder_where_the_store_file_should_be(carecoop_home: Path) -> None:
    (carecoop_home / STORE_FILE).mkdir(parents=True)
    one_sentence(["workshop", "list"], "is a folder, but carecoop keeps its store in a file of that name")


def test_a_store_busy_for_longer_than_the_wait(carecoop_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_store(carecoop_home)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT", 0.2)  # the real wait is 10 seconds
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        one_sentence(["participants", "add", "ws", "Amina"], "has been busy for more than 10 seconds")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_doctor_checks_backs_up_and_clears_a_lock_left_behind(carecoop_home: Path) -> None:
    path = make_store(carecoop_home)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(
        "INSERT INTO locks (workshop_id, pid, host, started_at, boot) VALUES ('ws', 1, 'old-laptop', "
        "'2020-01-01T09:00:00+00:00', 'a-boot-long-gone')"
    )
    connection.close()
    result = runner.invoke(app, ["doctor", "--yes"])
    assert result.exit_code == 0, result.output
    assert "Integrity check: ok (schema" in result.output
    assert "marked open on another computer (process 1 on old-laptop" in result.output
    assert "Cleared the lock of ws." in result.output
    assert result.output.rstrip().endswith("The store is fine.")
    backups = list((carecoop_home / "backups").glob("carecoop-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT COUNT(*) FROM participants").fetchone()[0] == 200
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM locks").fetchone()[0] == 0


def test_doctor_on_a_damaged_store_keeps_a_copy_and_says_so(carecoop_home: Path) -> None:
    path = make_store(carecoop_home)
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00garbage" * 2000)
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert "Problem:" in result.output
    assert "The store needs care" in result.output
    assert len(list((carecoop_home / "backups").glob("carecoop-*.sqlite3"))) == 1


def test_the_parse_cache_lives_in_the_cache_folder_and_its_failure_stops_nothing(
    carecoop_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from carecoop.paths import cache_dir

    # CARECOOP_CACHE names the folder; else with CARECOOP_HOME set, everything stays in that
    # one folder; without either, the platform's.
    assert cache_dir() == Path(os.environ["CARECOOP_CACHE"])
    monkeypatch.setenv("CARECOOP_CACHE", str(tmp_path / "shared"))
    assert cache_dir() == tmp_path / "shared"
    monkeypatch.delenv("CARECOOP_CACHE")
    assert cache_dir() == carecoop_home / "cache"
    monkeypatch.delenv("CARECOOP_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "carecoop"
    monkeypatch.setenv("CARECOOP_HOME", str(carecoop_home))
    carecoop_home.mkdir()
    (carecoop_home / "cache").write_text("a file in the way")
    result = runner.invoke(app, ["modules", "list"])
    assert result.exit_code == 0, result.output
    assert "tc-1" in result.output
    assert not list(carecoop_home.rglob("*.tmp"))
