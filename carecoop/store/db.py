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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from carecoop.errors import NextStep, Step, UserError, WorkshopLockedError
from carecoop.store import faults
from carecoop.store.locks import LockHolder, LockState, lock_state, this_boot, this_host
from carecoop.store.records import (
    Answer,
    Participant,
    Profile,
    Progress,
    Workshop,
    clean_name,
    same_name,
)
from carecoop.store.schema import migrate
from carecoop.text import NAME_LIMIT, one_line

STORE_FILE = "carecoop.sqlite3"
#: Seconds a command waits for another one writing to the store before it gives up.
BUSY_TIMEOUT = 10.0


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the microsecond."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store:
    """The workshop store. Open one with `Store.open(home)`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

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
                raise UserError(f"Cannot open the store in {folder}: {error}") from None
            raise fault from None

    @classmethod
    def _open(cls, folder: Path, path: Path) -> Store:
        if folder.exists() and not folder.is_dir():
            raise faults.StoreFault(
                "folder", path, f"{folder} is a file, but carecoop keeps its store in a folder of that "
                "name: move the file away (or use --home DIR), then run the command again.",
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

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed on leaving, rolled back on error."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            # A full disk can fail the rollback too; the first error is the one to report.
            with suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            raise
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error:
            with suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            raise

    # Workshops ---------------------------------------------------------------------------

    def create_workshop(self, workshop: Workshop) -> Workshop:
        """Add a workshop; a UserError if its id is taken."""
        created = Workshop(**{**workshop.__dict__, "created_at": now()})
        try:
            with self.transaction() as db:
                db.execute(
                    "INSERT INTO workshops (id, programme, title, start_date, end_date, day_start,"
                    " facilitator, location, language, country, care_support, created_at)"
                    " VALUES (:id, :programme, :title, :start_date, :end_date, :day_start,"
                    " :facilitator, :location, :language, :country, :care_support, :created_at)",
                    created.__dict__,
                )
        except sqlite3.IntegrityError:
            raise UserError(f"A workshop '{workshop.id}' exists already. Choose another --id.") from None
        return created

    def update_workshop(self, workshop_id: str, **fields: str | None) -> Workshop:
        """Change some fields of a workshop."""
        allowed = set(Workshop.__dataclass_fields__) - {"id", "created_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not workshop fields: {sorted(unknown)}")
        self.workshop(workshop_id)
        with self.transaction() as db:
            for name, value in fields.items():
                db.execute(f"UPDATE workshops SET {name} = ? WHERE id = ?", (value, workshop_id))
        return self.workshop(workshop_id)

    def workshop(self, workshop_id: str) -> Workshop:
        """A workshop by id; a UserError naming the known ones when there is none."""
        row = self.connection.execute(
            "SELECT * FROM workshops WHERE id = ?", (workshop_id,)
        ).fetchone()
        if row is None:
            known = [w.id for w in self.workshops()]
            if known:
                raise UserError(f"No workshop '{workshop_id}'. Known workshops: {', '.join(known)}.")
            raise UserError(
                f"No workshop '{workshop_id}'. There are none yet.", NextStep(Step.NEW_WORKSHOP)
            )
        return Workshop(**dict(row))

    def workshops(self) -> list[Workshop]:
        """All workshops, newest first."""
        rows = self.connection.execute(
            "SELECT * FROM workshops ORDER BY start_date DESC, created_at DESC"
        ).fetchall()
        return [Workshop(**dict(row)) for row in rows]

    # People ------------------------------------------------------------------------------

    def add_group(self, workshop_id: str, name: str) -> None:
        """Add a group (nothing happens when it exists)."""
        self.workshop(workshop_id)
        name = one_line(name, "A group's name", NAME_LIMIT)
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO groups (workshop_id, name) VALUES (?, ?)", (workshop_id, name)
            )

    def groups(self, workshop_id: str) -> list[str]:
        """The workshop's groups, in the order they were added."""
        rows = self.connection.execute(
            "SELECT name FROM groups WHERE workshop_id = ? ORDER BY rowid", (workshop_id,)
        ).fetchall()
        return [row["name"] for row in rows]

    def add_participants(
        self, workshop_id: str, names: list[str], group: str | None = None
    ) -> list[Participant]:
        """Add people (all or none); someone already there moves to the group given."""
        self.workshop(workshop_id)
        # Every name enters here: no control characters, no book-length names.
        cleaned = [one_line(clean_name(name), "A participant's name", NAME_LIMIT) for name in names]
        group = one_line(clean_name(group), "A group's name", NAME_LIMIT) if group else group
        if any(not name for name in cleaned):
            raise UserError("A participant's name cannot be empty.")
        with self.transaction() as db:
            if group:
                db.execute(
                    "INSERT OR IGNORE INTO groups (workshop_id, name) VALUES (?, ?)",
                    (workshop_id, group),
                )
            for name in cleaned:
                db.execute(
                    "INSERT INTO participants (workshop_id, name, group_name, created_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (workshop_id, name) DO UPDATE"
                    " SET group_name = COALESCE(excluded.group_name, group_name), removed_at = NULL",
                    (workshop_id, name, group, now()),
                )
        by_name = {p.name: p for p in self.participants(workshop_id)}
        return [by_name[name] for name in cleaned]

    def participants(self, workshop_id: str) -> list[Participant]:
        """The workshop's participants in the order they were added."""
        rows = self.connection.execute(
            "SELECT * FROM participants WHERE workshop_id = ? AND removed_at IS NULL ORDER BY id",
            (workshop_id,),
        ).fetchall()
        return [_participant(row) for row in rows]

    def set_profile(self, workshop_id: str, profiles: dict[int, Profile]) -> None:
        """Replace the profile of some participants (participant id → profile), all or none."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE participants SET sex = ?, age_band = ?, role = ?, disability = ?, consent = ?"
                " WHERE workshop_id = ? AND id = ?",
                [
                    (p.sex, p.age_band, p.role, p.disability, int(p.consent), workshop_id, pid)
                    for pid, p in profiles.items()
                ],
            )

    def participant(self, workshop_id: str, name: str) -> Participant:
        """A participant by name; a UserError when there is none."""
        for participant in self.participants(workshop_id):
            if same_name(participant.name, name):
                return participant
        raise UserError(f"No participant '{name}' in workshop '{workshop_id}'.")

    def rename_participant(self, workshop_id: str, name: str, new_name: str) -> Participant:
        """Give someone another name; their answers stay theirs (they point at the person)."""
        person = self.participant(workshop_id, name)
        cleaned = clean_name(new_name)
        if not cleaned:
            raise UserError("A participant's name cannot be empty.")
        people = self.participants(workshop_id)
        clash = [p for p in people if same_name(p.name, cleaned) and p.id != person.id]
        if clash:
            raise UserError(f"'{clash[0].name}' is already in workshop '{workshop_id}'.")
        with self.transaction() as db:
            # A person removed earlier may hold the name: free it, their history stays.
            db.execute(
                "UPDATE participants SET name = name || ' (removed ' || id || ')'"
                " WHERE workshop_id = ? AND name = ? AND removed_at IS NOT NULL",
                (workshop_id, cleaned),
            )
            db.execute("UPDATE participants SET name = ? WHERE id = ?", (cleaned, person.id))
        return self.participant(workshop_id, cleaned)

    def move_participant(self, workshop_id: str, name: str, group: str | None) -> Participant:
        """Put someone in another group (or in none); answers already given stay where they were."""
        person = self.participant(workshop_id, name)
        cleaned = clean_name(group) if group else None
        with self.transaction() as db:
            if cleaned:
                db.execute(
                    "INSERT OR IGNORE INTO groups (workshop_id, name) VALUES (?, ?)", (workshop_id, cleaned)
                )
            db.execute("UPDATE participants SET group_name = ? WHERE id = ?", (cleaned, person.id))
        return self.participant(workshop_id, person.name)

    def remove_participant(self, workshop_id: str, name: str) -> Participant:
        """Take someone off the list; what they answered stays in the history."""
        person = self.participant(workshop_id, name)
        with self.transaction() as db:
            db.execute("UPDATE participants SET removed_at = ? WHERE id = ?", (now(), person.id))
        return person

    # Attendance and progress -------------------------------------------------------------

    def set_attendance(
        self, workshop_id: str, module_id: str, present: dict[int, bool]
    ) -> None:
        """Record who was present at a module (participant id → present)."""
        with self.transaction() as db:
            for participant_id, is_present in present.items():
                db.execute(
                    "INSERT INTO attendance VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (workshop_id, module_id, participant_id)"
                    " DO UPDATE SET present = excluded.present, recorded_at = excluded.recorded_at",
                    (workshop_id, module_id, participant_id, int(is_present), now()),
                )

    def attendance(self, workshop_id: str) -> dict[str, dict[int, bool]]:
        """Module id → participant id → present, for modules where it was taken."""
        result: dict[str, dict[int, bool]] = {}
        for row in self.connection.execute(
            "SELECT module_id, participant_id, present FROM attendance WHERE workshop_id = ?",
            (workshop_id,),
        ):
            result.setdefault(row["module_id"], {})[row["participant_id"]] = bool(row["present"])
        return result

    def mark_progress(self, workshop_id: str, activity_id: str, status: str) -> None:
        """Mark an activity as started or done."""
        stamp = now()
        with self.transaction() as db:
            if status == "started":
                db.execute(
                    "INSERT INTO progress VALUES (?, ?, 'started', ?, NULL)"
                    " ON CONFLICT (workshop_id, activity_id) DO NOTHING",
                    (workshop_id, activity_id, stamp),
                )
            else:
                db.execute(
                    "INSERT INTO progress VALUES (?, ?, 'done', ?, ?)"
                    " ON CONFLICT (workshop_id, activity_id)"
                    " DO UPDATE SET status = 'done', finished_at = excluded.finished_at",
                    (workshop_id, activity_id, stamp, stamp),
                )

    def progress(self, workshop_id: str) -> dict[str, Progress]:
        """Activity id → progress, for activities that were started."""
        rows = self.connection.execute(
            "SELECT activity_id, status, started_at, finished_at FROM progress"
            " WHERE workshop_id = ?",
            (workshop_id,),
        ).fetchall()
        return {r["activity_id"]: Progress(**dict(r)) for r in rows}

    # Answers -----------------------------------------------------------------------------

    def record_answer(
        self,
        workshop_id: str,
        activity_id: str,
        question_id: str,
        value: Any,
        *,
        participant_id: int | None = None,
        group: str | None = None,
        skipped: bool = False,
        draft: bool = False,
    ) -> int:
        """Append one answer, durably committed before returning its row id.

        A draft is a list or table still being typed: its rows so far, kept should the run stop.
        """
        with self.transaction() as db:
            _undefer(db, workshop_id, activity_id, question_id, participant_id, group)
            cursor = db.execute(
                "INSERT INTO answers (workshop_id, activity_id, question_id, participant_id,"
                " group_name, value, skipped, recorded_at, draft) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    workshop_id,
                    activity_id,
                    question_id,
                    participant_id,
                    group,
                    json.dumps(value, ensure_ascii=False),
                    int(skipped),
                    now(),
                    int(draft),
                ),
            )
            return int(cursor.lastrowid or 0)

    def defer(
        self, workshop_id: str, activity_id: str, question_id: str,
        participant_id: int | None, group: str | None,
    ) -> None:
        """Leave an answer for later: it goes on the list of answers to record."""
        with self.transaction() as db:
            _undefer(db, workshop_id, activity_id, question_id, participant_id, group)
            db.execute(
                "INSERT INTO deferred (workshop_id, activity_id, question_id, participant_id,"
                " group_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                (workshop_id, activity_id, question_id, participant_id, group, now()),
            )

    def deferred(self, workshop_id: str) -> list[tuple[str, str, int | None, str | None]]:
        """Answers left for later: activity, question, participant id and group, oldest first."""
        rows = self.connection.execute(
            "SELECT activity_id, question_id, participant_id, group_name FROM deferred"
            " WHERE workshop_id = ? ORDER BY id",
            (workshop_id,),
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def record_answers(self, workshop_id: str, answers: list[dict[str, Any]]) -> int:
        """Append many answers in one transaction (all or nothing); return how many.

        Each answer is a mapping of activity, question, value and optionally participant_id,
        group and skipped.
        """
        stamp = now()
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO answers (workshop_id, activity_id, question_id, participant_id,"
                " group_name, value, skipped, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        workshop_id,
                        a["activity"],
                        a["question"],
                        a.get("participant_id"),
                        a.get("group"),
                        json.dumps(a["value"], ensure_ascii=False),
                        int(bool(a.get("skipped", False))),
                        stamp,
                    )
                    for a in answers
                ],
            )
        return len(answers)

    def answers(self, workshop_id: str, *, history: bool = False) -> list[Answer]:
        """Current answers (newest per question and person), or every row with history."""
        query = (
            "SELECT a.*, p.name AS participant FROM answers a"
            " LEFT JOIN participants p ON p.id = a.participant_id WHERE a.workshop_id = ?"
        )
        if not history:
            query += (
                " AND a.id = (SELECT MAX(b.id) FROM answers b WHERE b.workshop_id = a.workshop_id"
                " AND b.activity_id = a.activity_id AND b.question_id = a.question_id"
                " AND b.participant_id IS a.participant_id AND b.group_name IS a.group_name)"
            )
        rows = self.connection.execute(query + " ORDER BY a.id", (workshop_id,)).fetchall()
        return [
            Answer(
                id=r["id"],
                workshop_id=r["workshop_id"],
                activity_id=r["activity_id"],
                question_id=r["question_id"],
                participant=r["participant"],
                group=r["group_name"],
                value=json.loads(r["value"]) if r["value"] is not None else None,
                skipped=bool(r["skipped"]),
                recorded_at=r["recorded_at"],
                draft=bool(r["draft"]),
            )
            for r in rows
        ]

    def set_screen(
        self, workshop_id: str, activity_id: str, step: int | None, countdown_start: str | None
    ) -> None:
        """Record where the run is, for the room's screen (`carecoop show`)."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO screen (workshop_id, activity_id, step, started_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (workshop_id, activity_id, step, countdown_start, now()),
            )

    def screen(self, workshop_id: str) -> tuple[str, int | None, str | None] | None:
        """Where the run is: activity, step (see `workshop.room`) and countdown start, or None."""
        row = self.connection.execute(
            "SELECT activity_id, step, started_at FROM screen WHERE workshop_id = ?", (workshop_id,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def add_note(self, workshop_id: str, activity_id: str, text: str) -> None:
        """Append a facilitator's note on an activity."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO notes (workshop_id, activity_id, text, recorded_at) VALUES (?, ?, ?, ?)",
                (workshop_id, activity_id, text, now()),
            )

    def notes(self, workshop_id: str) -> dict[str, list[str]]:
        """Activity id → the facilitator's notes, oldest first."""
        result: dict[str, list[str]] = {}
        for row in self.connection.execute(
            "SELECT activity_id, text FROM notes WHERE workshop_id = ? ORDER BY id", (workshop_id,)
        ):
            result.setdefault(row["activity_id"], []).append(row["text"])
        return result

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
                if state is LockState.LIVE:
                    raise WorkshopLockedError(
                        f"Workshop '{workshop_id}' is open in another carecoop (process "
                        f"{holder.pid} on {holder.host}, since {holder.started_at[:16]}). Close it "
                        "there first."
                    )
                if state is LockState.ELSEWHERE:
                    raise WorkshopLockedError(
                        f"Workshop '{workshop_id}' is marked open on computer {holder.host} (process "
                        f"{holder.pid}, since {holder.started_at[:16]}). If no carecoop runs there, or "
                        "this computer was renamed, clear it with: carecoop doctor"
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


def _participant(row: sqlite3.Row) -> Participant:
    profile = Profile(
        sex=row["sex"],
        age_band=row["age_band"],
        role=row["role"],
        disability=row["disability"],
        consent=bool(row["consent"]),
    )
    return Participant(row["id"], row["workshop_id"], row["name"], row["group_name"], profile, row["origin"])


def _undefer(
    db: sqlite3.Connection, workshop_id: str, activity_id: str, question_id: str,
    participant_id: int | None, group: str | None,
) -> None:
    db.execute(
        "DELETE FROM deferred WHERE workshop_id = ? AND activity_id = ? AND question_id = ?"
        " AND participant_id IS ? AND group_name IS ?",
        (workshop_id, activity_id, question_id, participant_id, group),
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
