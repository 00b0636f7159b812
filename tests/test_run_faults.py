"""Store faults during a real run: a read-only home, a disk that fills, a lock left behind.

The full disk is a real one: a 16 MB tmpfs mounted for the test (root, as in CI). Where
mounting is not allowed the test says so and is skipped (shown by -ra), never faked.
A read-only home is a read-only bind mount as root (root ignores file modes), else chmod.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from run_session import CARECOOP, TIMEOUT, Session, make_tiny_workshop, start, values, welcome_steps

from carecoop.store.db import STORE_FILE, Store
from carecoop.store.locks import this_boot, this_host

pytestmark = pytest.mark.slow  # real terminals


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


@pytest.fixture
def read_only_home(carecoop_home: Path) -> Iterator[Path]:
    make_tiny_workshop(carecoop_home)
    if os.geteuid() != 0:
        carecoop_home.chmod(0o555)
        (carecoop_home / STORE_FILE).chmod(0o444)
        yield carecoop_home
        carecoop_home.chmod(0o755)
        return
    if not (_mount("--bind", str(carecoop_home), str(carecoop_home))
            and _mount("-o", "remount,ro,bind", str(carecoop_home))):
        _umount(carecoop_home)
        pytest.skip("cannot make a read-only bind mount here (mount not allowed)")
    yield carecoop_home
    _umount(carecoop_home)


@pytest.fixture
def small_disk(carecoop_home: Path) -> Iterator[Path]:
    carecoop_home.mkdir(parents=True)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=16m", "tmpfs", str(carecoop_home)):
        pytest.skip("a small tmpfs cannot be mounted here (needs root and mount)")
    make_tiny_workshop(carecoop_home)
    yield carecoop_home
    _umount(carecoop_home)


def test_a_read_only_home_reads_and_says_what_to_do_for_a_run(read_only_home: Path) -> None:
    env = {**os.environ, "CARECOOP_HOME": str(read_only_home)}
    listed = pexpect.run(f"{CARECOOP} participants list ws", env=env, encoding="utf-8", withexitstatus=True,
                         timeout=TIMEOUT, cwd=str(read_only_home.parent))
    assert listed[1] == 0, listed[0]
    assert "Amina" in listed[0]
    run = Session(read_only_home)
    run.expect("(read-only), so nothing can be saved: make that folder writable")
    assert run.end() == 1
    assert "Traceback" not in (run.child.before or "")


def test_a_disk_that_fills_mid_run_loses_nothing_shown_as_saved(small_disk: Path) -> None:
    run = Session(small_disk)
    start(run)
    welcome_steps(run)
    run.answer("Amina (1 of 3)", "Hello\r")
    run.expect("✓ Saved · Amina: Hello")
    # Fill the disk to the last byte.
    try:
        with (small_disk / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
    except OSError:
        pass
    shown = ["Amina"]
    for name, position in (("Tendai", 2), ("Rania", 3)):
        run.answer(f"{name} ({position} of 3)", "x" * 3000 + "\r")
        found = run.child.expect_exact([f"✓ Saved · {name}", "is full, so the last change was NOT saved"])
        if found == 1:
            break
        shown.append(name)
    else:
        pytest.fail("the disk never filled up")
    assert run.end() == 1
    screen = run.child.before or ""
    assert "Traceback" not in screen
    (small_disk / "filler").unlink(missing_ok=True)
    assert [who for _, who, _ in values(small_disk)] == shown
    assert not list(small_disk.rglob("*.tmp"))


def test_a_lock_whose_pid_was_reused_or_whose_host_was_renamed_is_taken_over(carecoop_home: Path) -> None:
    make_tiny_workshop(carecoop_home)
    store = Store.open(carecoop_home)
    # Process 1 runs, but it started long after this lock was taken: the id was reused.
    store.connection.execute(
        "INSERT INTO locks (workshop_id, pid, host, started_at, boot) VALUES (?, 1, ?, ?, ?)",
        ("ws", this_host(), "2020-01-01T09:00:00+00:00", this_boot()),
    )
    store.close()
    run = Session(carecoop_home)
    run.answer("Where do you want to start?", "\x03")
    assert run.end() == 130

    # The same computer under an old name, before a restart.
    connection = sqlite3.connect(carecoop_home / STORE_FILE, isolation_level=None)
    connection.execute(
        "INSERT INTO locks (workshop_id, pid, host, started_at, boot) VALUES (?, 1, 'old-name', ?, ?)",
        ("ws", "2020-01-01T09:00:00+00:00", this_boot()),
    )
    connection.close()
    again = Session(carecoop_home)
    again.answer("Where do you want to start?", "\x03")
    assert again.end() == 130
