"""The store's schema as forward migrations; `PRAGMA user_version` says how far a file is.

Add a migration at the end of MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from carecoop.i18n import _

MIGRATIONS: list[str] = [
    # 1: workshops, people, answers as an append-only history, progress, plans, locks.
    """
    CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        programme TEXT NOT NULL,
        title TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        day_start TEXT NOT NULL DEFAULT '09:00',
        facilitator TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        country TEXT NOT NULL DEFAULT 'generic',
        care_support TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE groups (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        PRIMARY KEY (workshop_id, name)
    );
    CREATE TABLE participants (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        group_name TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (workshop_id, name)
    );
    CREATE TABLE attendance (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        module_id TEXT NOT NULL,
        participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        present INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, module_id, participant_id)
    );
    CREATE TABLE progress (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('started', 'done')),
        started_at TEXT,
        finished_at TEXT,
        PRIMARY KEY (workshop_id, activity_id)
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
        group_name TEXT,
        value TEXT,
        skipped INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX answers_by_question ON answers (workshop_id, activity_id, question_id);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        text TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        group_name TEXT NOT NULL,
        data TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX plans_by_group ON plans (workshop_id, group_name);
    CREATE TABLE locks (
        workshop_id TEXT PRIMARY KEY,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        started_at TEXT NOT NULL
    );
    """,
    # 2: the participant profile of pilot reports (every field optional, consent default no),
    # and, for people merged from a bundle, the key they have on the laptop they came from.
    """
    ALTER TABLE participants ADD COLUMN sex TEXT;
    ALTER TABLE participants ADD COLUMN age_band TEXT;
    ALTER TABLE participants ADD COLUMN role TEXT;
    ALTER TABLE participants ADD COLUMN disability TEXT;
    ALTER TABLE participants ADD COLUMN consent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE participants ADD COLUMN origin TEXT;
    CREATE UNIQUE INDEX participants_by_origin ON participants (workshop_id, origin);
    """,
    # 3: a list answered row by row keeps its rows as a draft; answers left for later;
    # people removed from a workshop keep their history; what the room sees (projector).
    """
    ALTER TABLE answers ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE participants ADD COLUMN removed_at TEXT;
    CREATE TABLE deferred (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
        group_name TEXT,
        recorded_at TEXT NOT NULL
    );
    CREATE TABLE screen (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        step INTEGER,
        started_at TEXT,
        updated_at TEXT NOT NULL
    );
    """,
    # 4: the boot a lock was taken in: after a restart its process id may be someone else's.
    """
    ALTER TABLE locks ADD COLUMN boot TEXT;
    """,
    # 5: the dates of a workshop's days when they are not one after another (Start.CareCoop
    # spread over weeks): ISO dates joined by commas; empty for consecutive days.
    """
    ALTER TABLE workshops ADD COLUMN session_dates TEXT NOT NULL DEFAULT '';
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, path: Path, writable: bool = True) -> None:
    """Bring a store up to the newest schema, one migration per transaction."""
    from carecoop.store import faults

    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise faults.StoreFault(
            "newer", path,
            _(
                "The store {path} was written by a newer carecoop (schema {version}, this one knows "
                "{schema_version}): upgrade carecoop to open it (pip install --upgrade carecoop)."
            ).format(path=path, version=version, schema_version=SCHEMA_VERSION),
        )
    if version == 0 and connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
        raise faults.foreign(path)
    if version < SCHEMA_VERSION and not writable:
        raise faults.read_only(path)
    for number in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise
