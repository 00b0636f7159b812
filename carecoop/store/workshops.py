"""The store's connection, its transactions and the workshops it holds.

`Store` (in `db.py`) adds the rest; the parts live in `people.py` and `answers.py` so that
each file keeps one job.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from carecoop.errors import NextStep, Step, UserError
from carecoop.i18n import _
from carecoop.store.records import Workshop


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the microsecond."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class WorkshopStore:
    """A connection to the store: transactions and workshops."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

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
                    " facilitator, location, language, country, care_support, created_at, session_dates)"
                    " VALUES (:id, :programme, :title, :start_date, :end_date, :day_start,"
                    " :facilitator, :location, :language, :country, :care_support, :created_at,"
                    " :session_dates)",
                    created.__dict__,
                )
        except sqlite3.IntegrityError:
            raise UserError(_(
                "A workshop '{id}' exists already. Choose another --id."
            ).format(id=workshop.id)) from None
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
                raise UserError(_(
                    "No workshop '{workshop_id}'. Known workshops: {known}."
                ).format(workshop_id=workshop_id, known=', '.join(known)))
            raise UserError(
                _(
                    "No workshop '{workshop_id}'. There are none yet."
                ).format(workshop_id=workshop_id), NextStep(Step.NEW_WORKSHOP)
            )
        return Workshop(**dict(row))

    def workshops(self) -> list[Workshop]:
        """All workshops, newest first."""
        rows = self.connection.execute(
            "SELECT * FROM workshops ORDER BY start_date DESC, created_at DESC"
        ).fetchall()
        return [Workshop(**dict(row)) for row in rows]
