"""One file that carries a workshop from a facilitator's laptop to a coordinator's.

A bundle is a zip of JSON files (the workshop, its people, attendance, the whole answer
history and the plans) and a manifest with the SHA-256 of each file, one checksum over
them all and the version of carecoop that wrote it. It is an export like any other: the
people who did not consent travel as "Anonymous N" with no profile and none of their
answers, and their names are withheld from the groups' free text.

Reading is strict, because a bundle comes by USB stick or a messaging app: exactly the
expected file names (no folders, no links), sizes capped before anything is unpacked,
every checksum checked, every JSON file validated; otherwise a clear refusal.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from carecoop import __version__
from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.store.db import Store
from carecoop.store.records import Participant, Workshop

FORMAT = "carecoop-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_FILES = ("workshop.json", "people.json", "attendance.json", "answers.json", "plans.json")
#: Far above any real workshop (a five-day Start.CareCoop is well under 1 MB), far below harm.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_BUNDLE_BYTES = 16 * 1024 * 1024


def person_key(origin: str | None, participant_id: int) -> str:
    """A person's key in bundles: where they first came from, else their id on this laptop."""
    return origin or f"p{participant_id}"


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _checksum(files: dict[str, str]) -> str:
    return hashlib.sha256(_json(files)).hexdigest()


def bundle_bytes(store: Store, workshop_id: str) -> bytes:
    """The workshop as a bundle (zip bytes)."""
    from carecoop.pilot.redact import redact_value, redactor

    workshop = store.workshop(workshop_id)
    people = store.participants(workshop_id)
    withheld = {p.id for p in people if not p.profile.consent}
    redact = redactor(p.name for p in people if p.id in withheld)
    keys = {p.id: person_key(p.origin, p.id) for p in people}
    by_name = {p.name: p for p in people}
    data: dict[str, Any] = {
        "workshop.json": {"workshop": workshop.__dict__, "groups": store.groups(workshop_id)},
        "people.json": [
            {
                "key": keys[p.id],
                "name": f"Anonymous {p.id}" if p.id in withheld else p.name,
                "group": p.group,
                "sex": None if p.id in withheld else p.profile.sex,
                "age_band": None if p.id in withheld else p.profile.age_band,
                "role": None if p.id in withheld else p.profile.role,
                "disability": None if p.id in withheld else p.profile.disability,
                "consent": p.profile.consent,
            }
            for p in people
        ],
        "attendance.json": [
            {"module": module, "person": keys[pid], "present": present}
            for module, marks in sorted(store.attendance(workshop_id).items())
            for pid, present in sorted(marks.items())
        ],
        "answers.json": [
            {
                "activity": a.activity_id,
                "question": a.question_id,
                "person": keys[by_name[a.participant].id] if a.participant else None,
                "group": a.group,
                "value": redact_value(a.value, redact),
                "skipped": a.skipped,
                "recorded_at": a.recorded_at,
            }
            for a in store.answers(workshop_id, history=True)
            # Drafts, people removed from the workshop and people without consent send no answers.
            if not a.draft and not (a.participant and _left_out(a.participant, by_name, withheld))
        ],
        "plans.json": [
            {"group": group, "data": redact_value(plan, redact), "recorded_at": stamp}
            for group, plan, stamp in store.plan_history(workshop_id)
        ],
    }
    contents = {name: _json(data[name]) for name in DATA_FILES}
    files = {name: hashlib.sha256(body).hexdigest() for name, body in contents.items()}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "tool_version": __version__,
        "workshop_id": workshop_id,
        "files": files,
        "checksum": _checksum(files),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _json(manifest))
        for name, body in contents.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _left_out(name: str, people: dict[str, Participant], withheld: set[int]) -> bool:
    """Whether a person's answers stay home: removed from the workshop, or no consent."""
    return name not in people or people[name].id in withheld


def write_bundle(store: Store, workshop_id: str, out: Path, *, force: bool = False) -> Path:
    """Write a workshop's bundle to a file (never over a file carecoop did not write)."""
    from carecoop.outputs import write_output
    from carecoop.render.exports import owner_of

    workshop = store.workshop(workshop_id)
    return write_output(out, bundle_bytes(store, workshop_id), owner_of(workshop, store), force=force)


# Reading ---------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class BundleWorkshop(_Strict):
    """The workshop and its groups, as a bundle carries them."""

    workshop: Workshop
    groups: list[str]


class BundlePerson(_Strict):
    """One person, by the key they keep across bundles."""

    key: str
    name: str
    group: str | None
    sex: str | None
    age_band: str | None
    role: str | None
    disability: str | None
    consent: bool


class BundleAttendance(_Strict):
    """Whether one person was at one module."""

    module: str
    person: str
    present: bool


class BundleAnswer(_Strict):
    """One row of the answer history."""

    activity: str
    question: str
    person: str | None
    group: str | None
    value: Any
    skipped: bool
    recorded_at: str


class BundlePlan(_Strict):
    """One saved version of a group's plan."""

    group: str
    data: dict[str, Any]
    recorded_at: str


@dataclass(frozen=True)
class Bundle:
    """A checked bundle, ready to merge."""

    path: Path
    tool_version: str
    workshop: BundleWorkshop
    people: list[BundlePerson]
    attendance: list[BundleAttendance]
    answers: list[BundleAnswer]
    plans: list[BundlePlan]


def _refuse(path: Path, why: str) -> UserError:
    return UserError(
        _(
            "{path} is not a carecoop bundle, or it was damaged or changed on the way ({why}). Nothing "
            "was imported. Ask for the file again."
        ).format(path=path, why=why)
    )


def read_bundle(path: Path) -> Bundle:
    """Open and check a bundle; a UserError, and nothing read, when anything is wrong."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UserError(_(
            "Cannot read {path}: {value}"
        ).format(path=path, value=error.strerror or error)) from None
    if size > MAX_BUNDLE_BYTES:
        raise _refuse(path, f"{size} bytes is far more than a workshop")
    try:
        with zipfile.ZipFile(path) as archive:
            contents = _unpack(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as error:
        raise _refuse(path, f"not a readable zip file: {error}") from None
    try:
        manifest = json.loads(contents[MANIFEST])
    except ValueError:
        raise _refuse(path, "its manifest is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "it has no carecoop manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise UserError(
            _(
                "{path} was written by a newer carecoop (bundle format {manifest}, this one reads "
                "{format_version}). Upgrade carecoop to import it. Nothing was imported."
            ).format(path=path, manifest=manifest.get('format_version'), format_version=FORMAT_VERSION)
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or sorted(files) != sorted(DATA_FILES):
        raise _refuse(path, "its manifest does not list the workshop's files")
    if manifest.get("checksum") != _checksum(files):
        raise _refuse(path, "the manifest's checksum does not match")
    for name in DATA_FILES:
        if hashlib.sha256(contents[name]).hexdigest() != files[name]:
            raise _refuse(path, f"{name} does not match its checksum")
    try:
        parsed = {name: json.loads(contents[name]) for name in DATA_FILES}
        return Bundle(
            path=path,
            tool_version=str(manifest.get("tool_version", "")),
            workshop=BundleWorkshop.model_validate(parsed["workshop.json"]),
            people=[BundlePerson.model_validate(x) for x in parsed["people.json"]],
            attendance=[BundleAttendance.model_validate(x) for x in parsed["attendance.json"]],
            answers=[BundleAnswer.model_validate(x) for x in parsed["answers.json"]],
            plans=[BundlePlan.model_validate(x) for x in parsed["plans.json"]],
        )
    except (ValueError, TypeError, ValidationError) as error:
        raise _refuse(path, f"its contents do not fit: {str(error).splitlines()[0]}") from None


def _unpack(path: Path, archive: zipfile.ZipFile) -> dict[str, bytes]:
    """The expected members, read with their sizes capped: no paths, no extra files, no bombs."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    expected = {MANIFEST, *DATA_FILES}
    if len(names) != len(set(names)) or set(names) != expected:
        odd = sorted(set(names) - expected) or sorted(expected - set(names))
        raise _refuse(path, f"unexpected or missing files: {', '.join(odd[:5])}")
    total = 0
    contents: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir() or info.file_size > MAX_FILE_BYTES:
            raise _refuse(path, f"{info.filename} is too large")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(path, "its files are too large")
        with archive.open(info) as member:
            # Read one byte more than declared: a member that unpacks to more is lying.
            body = member.read(info.file_size + 1)
        if len(body) != info.file_size:
            raise _refuse(path, f"{info.filename} is not the size it says")
        contents[info.filename] = body
    return contents
