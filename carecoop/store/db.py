"""SQLite persistence: one file, WAL mode, every write committed in its own transaction.

Answers and plans are append-only histories: an edit adds a row, the newest row is the
current value, and earlier values stay with their time stamps.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from carecoop.errors import UserError, WorkshopLockedError
from carecoop.i18n import _
from carecoop.store import faults
from carecoop.store.answers import AnswerStore
from carecoop.store.locks import LockHolder, LockState, lock_state, this_boot, this_host
from carecoop.store.people import PeopleStore
from carecoop.store.schema import migrate
from carecoop.store.workshops import now

STORE_FILE = "carecoop.sqlite3"
#: Seconds a command waits for another one writing to the store before it gives up.
BUSY_TIMEOUT = 10.0


class Store(PeopleStore, AnswerStore):
    """The workshop store. Open one with `Store.open(home)`."""

    @classmethod
    def open(cls, home: Path | None = None) -> Store:
        """Open (creating if needed) the store under `home` or CARECOOP_HOME.

        A folder nobody may write in still opens read-only, so read-only commands work;
        anything wrong with the file is a `StoreFault` saying what to do.
        """
        from carecoop.paths import home_dir

        folder = home_dir(home)
        path = folder / STORE_FILE
        try:
            return cls._open(folder, path)
        except (OSError, sqlite3.Error) as error:
            fault = faults.explain(error, path)
            if fault is None:
                raise UserError(_(
                    "Cannot open the store in {folder}: {error}"
                ).format(folder=folder, error=error)) from None
            raise fault from None

    @classmethod
    def _open(cls, folder: Path, path: Path) -> Store:
        if folder.exists() and not folder.is_dir():
            raise faults.StoreFault(
                "folder", path, _(
                    "{folder} is a file, but carecoop keeps its store in a folder of that name: move the "
                    "file away (or use --home DIR), then run the command again."
                ).format(folder=folder),
            )
        if path.is_dir():
            raise faults.folder_in_the_way(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            if not path.exists():
                raise
        writable = os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
        if not writable and not path.exists():
            raise faults.read_only(path)
        faults.check_header(path)
        if writable:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per change.
            connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
        else:
            connection = _read_only(path)
        connection.row_factory = sqlite3.Row
        if writable:
            connection.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed answer survives a power cut, not only a killed process.
            connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        migrate(connection, path, writable)
        return cls(connection, path)

    # Plans -------------------------------------------------------------------------------

    def save_plan(self, workshop_id: str, group: str, data: dict[str, Any]) -> None:
        """Append a new version of a group's plan data (the newest is current)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO plans (workshop_id, group_name, data, recorded_at) VALUES (?, ?, ?, ?)",
                (workshop_id, group, json.dumps(data, ensure_ascii=False), now()),
            )

    def plan(self, workshop_id: str, group: str) -> dict[str, Any] | None:
        """The newest plan data of a group, or None when it has none yet."""
        row = self.connection.execute(
            "SELECT data FROM plans WHERE workshop_id = ? AND group_name = ? ORDER BY id DESC LIMIT 1",
            (workshop_id, group),
        ).fetchone()
        return json.loads(row["data"]) if row else None

    def plan_history(self, workshop_id: str) -> list[tuple[str, dict[str, Any], str]]:
        """Every saved version of every group's plan, oldest first: (group, data, recorded_at)."""
        rows = self.connection.execute(
            "SELECT group_name, data, recorded_at FROM plans WHERE workshop_id = ? ORDER BY id",
            (workshop_id,),
        ).fetchall()
        return [(r["group_name"], json.loads(r["data"]), r["recorded_at"]) for r in rows]

    # Locks -------------------------------------------------------------------------------

    @contextmanager
    def workshop_lock(self, workshop_id: str) -> Iterator[None]:
        """Hold the workshop for one run; a lock its carecoop left behind is taken over.

        Left behind: its process is gone, the computer restarted since, or the process id now
        belongs to a program started after the lock (see `carecoop.store.locks`).
        """
        with self.transaction() as db:
            row = db.execute(
                "SELECT pid, host, started_at, boot FROM locks WHERE workshop_id = ?", (workshop_id,)
            ).fetchone()
            if row and row["pid"] != os.getpid():
                holder = LockHolder(workshop_id, row["pid"], row["host"], row["started_at"], row["boot"])
                state = lock_state(holder)
                facts = {
                    "workshop_id": workshop_id, "pid": holder.pid, "host": holder.host,
                    "started_at": holder.started_at[:16],
                }
                if state is LockState.LIVE:
                    raise WorkshopLockedError(
                        _(
                            "Workshop '{workshop_id}' is open in another carecoop (process {pid} on "
                            "{host}, since {started_at}). Close it there first."
                        ).format(**facts)
                    )
                if state is LockState.ELSEWHERE:
                    raise WorkshopLockedError(
                        _(
                            "Workshop '{workshop_id}' is marked open on computer {host} (process "
                            "{pid}, since {started_at}). If no carecoop runs there, or this computer "
                            "was renamed, clear it with: carecoop doctor"
                        ).format(**facts)
                    )
            db.execute(
                "INSERT OR REPLACE INTO locks (workshop_id, pid, host, started_at, boot)"
                " VALUES (?, ?, ?, ?, ?)",
                (workshop_id, os.getpid(), this_host(), now(), this_boot()),
            )
        try:
            yield
        finally:
            # A lock that cannot be removed (a full disk) is taken over by the next run.
            with suppress(sqlite3.Error), self.transaction() as db:
                db.execute(
                    "DELETE FROM locks WHERE workshop_id = ? AND pid = ?", (workshop_id, os.getpid())
                )


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a store in a folder nobody may write in.

    SQLite needs a -shm file beside a WAL store; where none can be made, the file is read as
    immutable, which is right as long as nothing can write to it either.
    """
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.Error:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
