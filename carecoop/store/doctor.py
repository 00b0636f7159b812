"""`carecoop doctor`: check the store file, keep a backup copy, find locks left behind.

It reads the file with plain SQLite, never through `Store.open`, so that a damaged, foreign
or newer file can still be looked at (and copied) instead of refused.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from carecoop.store.faults import SQLITE_HEADER
from carecoop.store.locks import LockHolder, LockState, lock_state
from carecoop.store.schema import SCHEMA_VERSION


@dataclass
class Checkup:
    """What the doctor found in a store file."""

    path: Path
    exists: bool
    healthy: bool = False
    problems: list[str] = field(default_factory=list)
    schema: int | None = None
    workshops: int | None = None
    locks: list[tuple[LockHolder, LockState]] = field(default_factory=list)


def check_store(path: Path) -> Checkup:
    """Look at a store file without changing it: header, integrity, schema, locks."""
    if path.is_dir():
        return Checkup(path, True, problems=[f"{path} is a folder, not a store file"])
    if not path.exists():
        return Checkup(path, False, healthy=True)
    checkup = Checkup(path, True)
    try:
        with path.open("rb") as file:
            header = file.read(16)
    except OSError as error:
        checkup.problems.append(f"the file cannot be read ({error.strerror})")
        return checkup
    if header and header != SQLITE_HEADER:
        checkup.problems.append("the file is not an SQLite database (its first bytes are something else)")
        return checkup
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        checkup.problems.append(f"the file cannot be opened ({error})")
        return checkup
    try:
        verdict = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
        if verdict != ["ok"]:
            checkup.problems.extend(f"integrity check: {line}" for line in verdict)
        checkup.schema = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if checkup.schema == 0 and tables:
            checkup.problems.append("this is a database of another program, not a carecoop store")
        elif checkup.schema > SCHEMA_VERSION:
            checkup.problems.append(
                f"a newer carecoop wrote it (schema {checkup.schema}; this one knows {SCHEMA_VERSION}): "
                "upgrade carecoop"
            )
        if "workshops" in tables:
            checkup.workshops = int(connection.execute("SELECT COUNT(*) FROM workshops").fetchone()[0])
        if "locks" in tables:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(locks)")}
            boot = ", boot" if "boot" in columns else ", NULL"
            for row in connection.execute(f"SELECT workshop_id, pid, host, started_at{boot} FROM locks"):
                holder = LockHolder(row[0], int(row[1]), row[2], row[3], row[4])
                checkup.locks.append((holder, lock_state(holder)))
    except sqlite3.Error as error:
        checkup.problems.append(f"the file cannot be read as a database ({error})")
    finally:
        connection.close()
    checkup.healthy = not checkup.problems
    return checkup


def backup_store(path: Path, folder: Path | None = None) -> Path:
    """Copy the store (and its write-ahead log) to a dated file; the copy's path.

    A sound store is copied with SQLite's backup, which includes what is still in the log;
    a damaged one byte for byte with its -wal file, so nothing is lost to the copy itself.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target_dir = folder or path.parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{path.stem}-{stamp}{path.suffix}"
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error:
        target.unlink(missing_ok=True)
        shutil.copy2(path, target)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def clear_lock(path: Path, holder: LockHolder) -> None:
    """Remove one workshop lock from the store (the caller asked the facilitator first)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        connection.execute(
            "DELETE FROM locks WHERE workshop_id = ? AND pid = ? AND started_at = ?",
            (holder.workshop_id, holder.pid, holder.started_at),
        )
    finally:
        connection.close()
