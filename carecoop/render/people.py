"""The sign-in sheet and the certificates: who is in the workshop, and who took part in what."""

from __future__ import annotations

from dataclasses import dataclass

from carecoop.content.models import Module
from carecoop.render.meta import DocMeta
from carecoop.store.records import Participant, Progress

#: Empty numbered rows at the end of the sign-in sheet for people who come on the day (at
#: least; the sheet fills its last page with them).
WALK_IN_ROWS = 3


@dataclass(frozen=True)
class SheetPerson:
    """A numbered line of the sign-in sheet."""

    number: int
    name: str


@dataclass(frozen=True)
class SheetGroup:
    """The people of one group (or of none)."""

    title: str
    people: list[SheetPerson]


@dataclass(frozen=True)
class AttendanceView:
    """Everything the attendance template prints."""

    meta: DocMeta
    workshop_title: str
    programme_title: str
    date_text: str
    location: str
    #: One entry per workshop day: its date written out, or "".
    days: list[str]
    groups: list[SheetGroup]
    show_groups: bool
    blank_numbers: list[int]


def attendance_view(
    participants: list[Participant],
    groups: list[str],
    days: list[str],
    meta: DocMeta,
    *,
    workshop_title: str,
    programme_title: str,
    date_text: str,
    location: str,
    walk_ins: int = WALK_IN_ROWS,
) -> AttendanceView:
    """Participants by group (in the order groups were made), one signature box per day."""
    order = [*groups, *sorted({p.group for p in participants if p.group and p.group not in groups})]
    sheet_groups: list[SheetGroup] = []
    number = 0
    for title, members in [
        *[(g, [p for p in participants if p.group == g]) for g in order],
        (meta.labels["no_group"], [p for p in participants if not p.group]),
    ]:
        if not members:
            continue
        people = []
        for person in members:
            number += 1
            people.append(SheetPerson(number, person.name))
        sheet_groups.append(SheetGroup(title, people))
    return AttendanceView(
        meta=meta,
        workshop_title=workshop_title,
        programme_title=programme_title,
        date_text=date_text,
        location=location,
        days=days,
        groups=sheet_groups,
        show_groups=any(p.group for p in participants),
        blank_numbers=list(range(number + 1, number + 1 + walk_ins)),
    )


@dataclass(frozen=True)
class ModuleLine:
    """A module as listed on a certificate."""

    number: int
    title: str


@dataclass(frozen=True)
class Certificate:
    """One participant's certificate."""

    name: str
    modules: list[ModuleLine]
    #: Hours of activities in the modules attended, written out ("6 hours of activities").
    hours: str = ""


@dataclass(frozen=True)
class CertificatesView:
    """Everything the certificates template prints."""

    meta: DocMeta
    workshop_title: str
    programme_title: str
    date_text: str
    location: str
    facilitator: str
    people: list[Certificate]


def modules_attended(
    participant: Participant,
    modules: list[Module],
    attendance: dict[str, dict[int, bool]],
    progress: dict[str, Progress],
) -> list[Module]:
    """The modules a participant attended; empty when they count as not having attended.

    With no attendance taken in the whole workshop, everyone attended every module that
    ran. Otherwise a participant needs at least one module marked present; a module where
    nobody's attendance was taken counts for them if it ran. A module "ran" when any of
    its activities was started, or a later module's was (modules run in order, and one
    run without typed answers leaves no trace of its own), or when no progress was
    recorded at all.
    """
    started = [i for i, m in enumerate(modules) if any(a.id in progress for a in m.activities)]
    last_run = max(started, default=-1)

    def ran(module: Module) -> bool:
        return not progress or modules.index(module) <= last_run

    if not attendance:
        return [m for m in modules if ran(m)]
    if not any(marks.get(participant.id) for marks in attendance.values()):
        return []
    return [
        m for m in modules if (attendance[m.id].get(participant.id, False) if m.id in attendance else ran(m))
    ]
