"""Merge checked bundles into a coordinator's store: idempotent, all of a bundle or nothing.

People are matched by the key they keep across bundles, answers and plans by their content
and time, so importing the same bundle again changes nothing and a newer bundle of the
same workshop adds only what is new. A workshop with the same id but another origin (its
creation time) is a different workshop: it is refused, not mixed in.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.pilot.bundle import Bundle, BundlePerson, person_key, read_bundle
from carecoop.store.db import Store
from carecoop.store.workshops import now


@dataclass(frozen=True)
class Merged:
    """What one bundle added to the store."""

    path: Path
    workshop_id: str
    title: str
    new_workshop: bool
    people: int
    answers: int
    plans: int
    attendance: int

    @property
    def changed(self) -> bool:
        """Whether the bundle added or changed anything."""
        return self.new_workshop or any((self.people, self.answers, self.plans, self.attendance))


def import_bundles(store: Store, paths: list[Path]) -> list[Merged]:
    """Check every bundle first, then merge each; one bad file and nothing is imported."""
    bundles = [read_bundle(path) for path in paths]
    for bundle in bundles:
        _check_origin(store, bundle)
    return [merge_bundle(store, bundle) for bundle in bundles]


def _check_origin(store: Store, bundle: Bundle) -> None:
    workshop = bundle.workshop.workshop
    row = store.connection.execute("SELECT created_at FROM workshops WHERE id = ?", (workshop.id,)).fetchone()
    if row is not None and row["created_at"] != workshop.created_at:
        raise UserError(
            _(
                "{path}: this store already has a different workshop '{id}' (created {row}, the "
                "bundle's was created {created_at}). Nothing was imported. Import it into another "
                "store with --home DIR."
            ).format(
                path=bundle.path,
                id=workshop.id,
                row=row['created_at'][:16],
                created_at=workshop.created_at[:16],
            )
        )


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def merge_bundle(store: Store, bundle: Bundle) -> Merged:
    """Merge one checked bundle in one transaction."""
    ws, groups = bundle.workshop.workshop, bundle.workshop.groups
    with store.transaction() as db:
        new = _merge_workshop(db, bundle)
        for group in groups:
            db.execute("INSERT OR IGNORE INTO groups (workshop_id, name) VALUES (?, ?)", (ws.id, group))
        ids, people = _merge_people(db, ws.id, bundle.people)
        attendance = 0
        for mark in bundle.attendance:
            if mark.person not in ids:
                continue
            cursor = db.execute(
                "INSERT INTO attendance VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (workshop_id, module_id, participant_id)"
                " DO UPDATE SET present = excluded.present, recorded_at = excluded.recorded_at"
                " WHERE present != excluded.present",
                (ws.id, mark.module, ids[mark.person], int(mark.present), now()),
            )
            attendance += cursor.rowcount
        answers = _merge_answers(db, bundle, ids)
        plans = _merge_plans(db, bundle)
    return Merged(bundle.path, ws.id, ws.title, new, people, answers, plans, attendance)


def _merge_workshop(db: sqlite3.Connection, bundle: Bundle) -> bool:
    fields = dict(bundle.workshop.workshop.__dict__)
    exists = db.execute("SELECT 1 FROM workshops WHERE id = ?", (fields["id"],)).fetchone()
    if exists:
        db.execute(
            "UPDATE workshops SET programme = :programme, title = :title, start_date = :start_date,"
            " end_date = :end_date, day_start = :day_start, facilitator = :facilitator, location = :location,"
            " language = :language, country = :country, care_support = :care_support,"
            " session_dates = :session_dates WHERE id = :id",
            fields,
        )
        return False
    db.execute(
        "INSERT INTO workshops (id, programme, title, start_date, end_date, day_start, facilitator, location,"
        " language, country, care_support, created_at, session_dates) VALUES (:id, :programme, :title,"
        " :start_date, :end_date, :day_start, :facilitator, :location, :language, :country, :care_support,"
        " :created_at, :session_dates)",
        fields,
    )
    return True


def _merge_people(
    db: sqlite3.Connection, ws: str, people: list[BundlePerson]
) -> tuple[dict[str, int], int]:
    """Bundle key → participant id here, and how many people were added or changed."""
    rows = db.execute("SELECT * FROM participants WHERE workshop_id = ?", (ws,)).fetchall()
    here = {person_key(r["origin"], r["id"]): r for r in rows}
    names = {r["name"].casefold(): r["id"] for r in rows}
    ids: dict[str, int] = {}
    changed = 0
    for person in people:
        values = (
            person.group,
            person.sex,
            person.age_band,
            person.role,
            person.disability,
            int(person.consent),
        )
        known = here.get(person.key)
        name = person.name
        taken = names.get(name.casefold())
        if taken is not None and (known is None or taken != known["id"]):
            name = f"{person.name} ({person.key})"  # two people of one name on two laptops
        if known is None:
            cursor = db.execute(
                "INSERT INTO participants (workshop_id, name, group_name, sex, age_band, role, disability,"
                " consent, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ws, name, *values, person.key, now()),
            )
            ids[person.key] = int(cursor.lastrowid or 0)
            names[name.casefold()] = ids[person.key]
            changed += 1
            continue
        ids[person.key] = known["id"]
        old = (
            known["group_name"],
            known["sex"],
            known["age_band"],
            known["role"],
            known["disability"],
            known["consent"],
        )
        if (known["name"], old) != (name, values):
            db.execute(
                "UPDATE participants SET name = ?, group_name = ?, sex = ?, age_band = ?, role = ?,"
                " disability = ?, consent = ? WHERE id = ?",
                (name, *values, known["id"]),
            )
            changed += 1
    return ids, changed


def _merge_answers(db: sqlite3.Connection, bundle: Bundle, ids: dict[str, int]) -> int:
    ws = bundle.workshop.workshop.id
    seen = {
        (
            r["activity_id"],
            r["question_id"],
            r["participant_id"],
            r["group_name"],
            _canonical(json.loads(r["value"])) if r["value"] is not None else "null",
            r["skipped"],
            r["recorded_at"],
        )
        for r in db.execute("SELECT * FROM answers WHERE workshop_id = ?", (ws,))
    }
    added = 0
    for a in bundle.answers:
        if a.person is not None and a.person not in ids:
            continue  # a person the bundle does not list: nothing to hang the answer on
        participant = ids[a.person] if a.person is not None else None
        key = (
            a.activity,
            a.question,
            participant,
            a.group,
            _canonical(a.value),
            int(a.skipped),
            a.recorded_at,
        )
        if key in seen:
            continue
        seen.add(key)
        db.execute(
            "INSERT INTO answers (workshop_id, activity_id, question_id, participant_id, group_name, value,"
            " skipped, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ws,
                a.activity,
                a.question,
                participant,
                a.group,
                json.dumps(a.value, ensure_ascii=False),
                int(a.skipped),
                a.recorded_at,
            ),
        )
        added += 1
    return added


def _merge_plans(db: sqlite3.Connection, bundle: Bundle) -> int:
    ws = bundle.workshop.workshop.id
    seen = {
        (r["group_name"], r["recorded_at"], _canonical(json.loads(r["data"])))
        for r in db.execute("SELECT * FROM plans WHERE workshop_id = ?", (ws,))
    }
    added = 0
    for plan in bundle.plans:
        key = (plan.group, plan.recorded_at, _canonical(plan.data))
        if key in seen:
            continue
        seen.add(key)
        db.execute(
            "INSERT INTO plans (workshop_id, group_name, data, recorded_at) VALUES (?, ?, ?, ?)",
            (ws, plan.group, json.dumps(plan.data, ensure_ascii=False), plan.recorded_at),
        )
        added += 1
    return added
