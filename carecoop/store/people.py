"""The people of a workshop in the store: groups, participants, profiles and attendance."""

from __future__ import annotations

import sqlite3

from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.store.records import Participant, Profile, clean_name, same_name
from carecoop.store.workshops import WorkshopStore, now
from carecoop.text import NAME_LIMIT, one_line


class PeopleStore(WorkshopStore):
    """Groups, participants and who attended which module."""

    # People ------------------------------------------------------------------------------

    def add_group(self, workshop_id: str, name: str) -> None:
        """Add a group (nothing happens when it exists)."""
        self.workshop(workshop_id)
        name = one_line(name, _("A group's name"), NAME_LIMIT)
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
        cleaned = [one_line(clean_name(name), _("A participant's name"), NAME_LIMIT) for name in names]
        group = one_line(clean_name(group), _("A group's name"), NAME_LIMIT) if group else group
        if any(not name for name in cleaned):
            raise UserError(_("A participant's name cannot be empty."))
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
        raise UserError(_(
            "No participant '{name}' in workshop '{workshop_id}'."
        ).format(name=name, workshop_id=workshop_id))

    def rename_participant(self, workshop_id: str, name: str, new_name: str) -> Participant:
        """Give someone another name; their answers stay theirs (they point at the person)."""
        person = self.participant(workshop_id, name)
        cleaned = clean_name(new_name)
        if not cleaned:
            raise UserError(_("A participant's name cannot be empty."))
        people = self.participants(workshop_id)
        clash = [p for p in people if same_name(p.name, cleaned) and p.id != person.id]
        if clash:
            raise UserError(_(
                "'{name}' is already in workshop '{workshop_id}'."
            ).format(name=clash[0].name, workshop_id=workshop_id))
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


def _participant(row: sqlite3.Row) -> Participant:
    profile = Profile(
        sex=row["sex"],
        age_band=row["age_band"],
        role=row["role"],
        disability=row["disability"],
        consent=bool(row["consent"]),
    )
    return Participant(row["id"], row["workshop_id"], row["name"], row["group_name"], profile, row["origin"])
