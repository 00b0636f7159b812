"""Participants with their profile: set it on the command line or import a whole sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from carecoop.errors import ContentError, UserError
from carecoop.i18n import _
from carecoop.pilot.profile import parse_age_band, parse_consent, parse_disability, parse_role, parse_sex
from carecoop.store.db import Store
from carecoop.store.records import Participant, Profile

#: A column of the people sheet → the names a person may give it (compared without case).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "nickname", "first name", "participant", "nombre", "الاسم"),
    "group": ("group", "home group", "grupo"),
    "sex": ("sex", "gender", "sexo"),
    "age_band": ("age band", "age_band", "age", "edad"),
    "role": ("role", "rol"),
    "disability": ("disability", "disability (wg)", "wg disability", "discapacidad"),
    "consent": ("consent", "consent to be counted", "consents", "consentimiento"),
}
_PARSERS: dict[str, Callable[[str], str]] = {
    "sex": parse_sex,
    "age_band": parse_age_band,
    "role": parse_role,
    "disability": parse_disability,
}


def updated_profile(old: Profile, **given: str | bool | None) -> Profile:
    """A profile with the fields given (not None) parsed and replaced, the others kept."""
    changes: dict[str, str | bool] = {}
    for name, value in given.items():
        if value is None:
            continue
        if name == "consent":
            changes[name] = value if isinstance(value, bool) else parse_consent(str(value))
        else:
            changes[name] = _PARSERS[name](str(value))
    return replace(old, **changes)  # type: ignore[arg-type]


def set_profiles(
    store: Store, workshop_id: str, people: list[Participant], **given: str | bool | None
) -> list[Participant]:
    """Change the given profile fields of these people; return them as now stored."""
    if all(value is None for value in given.values()):
        return people
    profiles = {p.id: updated_profile(p.profile, **given) for p in people}
    store.set_profile(workshop_id, profiles)
    now = {p.id: p for p in store.participants(workshop_id)}
    return [now[p.id] for p in people]


@dataclass
class PeopleImport:
    """What an import did: people added, people updated, and columns it did not know."""

    added: list[Participant] = field(default_factory=list)
    updated: list[Participant] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def consenting(self) -> int:
        """How many of the imported people consent to be counted."""
        return sum(1 for p in self.added + self.updated if p.profile.consent)


@dataclass(frozen=True)
class _Row:
    line: int
    name: str
    group: str | None
    profile: Profile


def import_people(store: Store, workshop_id: str, path: Path) -> PeopleImport:
    """Add or update the people of a .csv or .xlsx sheet; every bad row is reported, nothing written."""
    from carecoop.pilot.sheets import read_sheet

    store.workshop(workshop_id)
    header, rows = read_sheet(path)
    columns, ignored = _map_columns(header)
    problems: list[str] = []
    parsed: list[_Row] = []
    seen: dict[str, int] = {}
    known = {p.name.casefold(): p for p in store.participants(workshop_id)}
    unnamed = _free_labels(set(known) | {r.cells.get(h, "").casefold() for r in rows for h in header})
    for row in rows:
        cells = {field_name: row.cells.get(written, "") for written, field_name in columns.items()}
        name = " ".join(cells.get("name", "").split()) or next(unnamed)
        here = f"{path.name}:{row.line}"
        if name.casefold() in seen:
            problems.append(f"{here}: name: '{name}' is already on line {seen[name.casefold()]}")
            continue
        seen[name.casefold()] = row.line
        profile = Profile()
        for field_name in ("sex", "age_band", "role", "disability", "consent"):
            value = cells.get(field_name, "")
            if not value:
                continue
            try:
                profile = updated_profile(profile, **{field_name: value})
            except UserError as error:
                problems.append(f"{here}: {field_name.replace('_', ' ')}: {error}")
        group = " ".join(cells.get("group", "").split()) or None
        parsed.append(_Row(row.line, known[name.casefold()].name if name.casefold() in known else name,
                           group, profile))
    if problems:
        problems.append(_("Nothing was imported from {file}: fix these lines and try again.").format(
            file=path.name))
        raise ContentError(problems)
    return _write(store, workshop_id, parsed, known, ignored)


def _write(
    store: Store, workshop_id: str, rows: list[_Row], known: dict[str, Participant], ignored: list[str]
) -> PeopleImport:
    from carecoop.workshop.workshops import add_people

    result = PeopleImport(ignored_columns=ignored)
    by_group: dict[str | None, list[_Row]] = {}
    for row in rows:
        by_group.setdefault(row.group, []).append(row)
    stored: dict[str, Participant] = {}
    for group, members in by_group.items():
        added, existing = add_people(store, workshop_id, [r.name for r in members], group)
        stored.update({p.name.casefold(): p for p in added + existing})
    store.set_profile(workshop_id, {stored[r.name.casefold()].id: r.profile for r in rows})
    now = {p.id: p for p in store.participants(workshop_id)}
    for row in rows:
        person = now[stored[row.name.casefold()].id]
        (result.updated if row.name.casefold() in known else result.added).append(person)
    return result


def _map_columns(header: list[str]) -> tuple[dict[str, str], list[str]]:
    """Written column → field name, and the columns that name no field."""
    names = {alias.casefold(): field_name for field_name, aliases in COLUMNS.items() for alias in aliases}
    mapped: dict[str, str] = {}
    ignored: list[str] = []
    for written in header:
        field_name = names.get(" ".join(written.replace("_", " ").split()).casefold()) or names.get(
            written.casefold()
        )
        if field_name and field_name not in mapped.values():
            mapped[written] = field_name
        elif written:
            ignored.append(written)
    if not mapped:
        raise UserError(
            _(
                "The first row must name the columns, like: name,group,sex,age "
                "band,role,disability,consent"
            )
        )
    return mapped, ignored


def _free_labels(taken: set[str]) -> Iterator[str]:
    """`Person 1`, `Person 2`, … skipping names already used: for rows with no name at all."""
    number = 1
    while True:
        candidate = f"Person {number}"
        if candidate.casefold() not in taken:
            yield candidate
        number += 1

