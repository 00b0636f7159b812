"""What a run records in the store.

Progress, answers (append-only), questions left for later, where the screen is, and the
facilitator's notes.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from carecoop.store.records import Answer, Progress
from carecoop.store.workshops import WorkshopStore, now


class AnswerStore(WorkshopStore):
    """Progress, answers, deferred questions, the room's screen and notes."""

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


def _undefer(
    db: sqlite3.Connection, workshop_id: str, activity_id: str, question_id: str,
    participant_id: int | None, group: str | None,
) -> None:
    db.execute(
        "DELETE FROM deferred WHERE workshop_id = ? AND activity_id = ? AND question_id = ?"
        " AND participant_id IS ? AND group_name IS ?",
        (workshop_id, activity_id, question_id, participant_id, group),
    )
