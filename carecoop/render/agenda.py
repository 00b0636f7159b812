"""The facilitator's timed agenda: every activity with its time, materials and preparation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from carecoop.content.models import ActivityKind, Module
from carecoop.render.meta import DocMeta, format_day, parse_date
from carecoop.store.records import Workshop
from carecoop.workshop.schedule import build_agenda, session_dates


@dataclass(frozen=True)
class AgendaRow:
    """One activity on the agenda."""

    start: str
    end: str
    minutes: int
    pictogram: str
    title: str
    module_number: int
    module_title: str
    is_break: bool
    materials: list[str]
    preparation: list[str]
    #: The facilitator's notes typed during the run (`carecoop answers WS --notes`).
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AgendaDay:
    """One workshop day: its activities and the materials it needs."""

    number: int
    date_text: str
    start: str
    end: str
    minutes: int
    rows: list[AgendaRow]
    materials: list[str]


@dataclass(frozen=True)
class AgendaView:
    """Everything the agenda template prints."""

    meta: DocMeta
    workshop_title: str
    programme_title: str
    date_text: str
    location: str
    facilitator: str
    care_support: list[str]
    days: list[AgendaDay]


def agenda_days(
    modules: list[Module],
    day_start: str,
    first_date: str | None,
    language: str,
    notes: dict[str, list[str]] | None = None,
    dates: str = "",
) -> list[AgendaDay]:
    """The agenda of these modules, day by day, starting at `day_start` on `first_date`.

    `notes` are the facilitator's, by activity id, printed on the run sheet. `dates` are a
    workshop's session dates (ISO, joined by commas) when its days are spread out.
    """
    slots = build_agenda(
        modules, day_start=day_start, first_date=parse_date(first_date), dates=session_dates(dates)
    )
    days: list[AgendaDay] = []
    for number in sorted({slot.day for slot in slots}):
        todays = [slot for slot in slots if slot.day == number]
        rows = [
            AgendaRow(
                start=slot.start,
                end=slot.end,
                minutes=slot.activity.duration,
                pictogram=slot.activity.pictogram,
                title=slot.activity.title,
                module_number=slot.module.number,
                module_title=slot.module.title,
                is_break=slot.activity.kind is ActivityKind.BREAK,
                materials=list(slot.activity.materials),
                preparation=list(slot.activity.preparation),
                notes=list((notes or {}).get(slot.activity.id, [])),
            )
            for slot in todays
        ]
        days.append(
            AgendaDay(
                number=number,
                date_text=format_day(todays[0].date, language),
                start=todays[0].start,
                end=todays[-1].end,
                minutes=sum(row.minutes for row in rows),
                rows=rows,
                materials=unique_materials(m for row in rows for m in row.materials),
            )
        )
    return days


def unique_materials(materials: Iterable[str]) -> list[str]:
    """Materials once each, in first-use order; case, spacing and a final full stop ignored."""
    seen: set[str] = set()
    result: list[str] = []
    for item in materials:
        key = re.sub(r"\s+", " ", item).strip().rstrip(".").casefold()
        if key and key not in seen:
            seen.add(key)
            result.append(item.strip())
    return result


def agenda_view(
    workshop: Workshop,
    programme_title: str,
    modules: list[Module],
    meta: DocMeta,
    date_text: str,
    notes: dict[str, list[str]] | None = None,
) -> AgendaView:
    """The agenda of a workshop (modules already in the workshop's language), with its notes."""
    return AgendaView(
        meta=meta,
        workshop_title=workshop.title,
        programme_title=programme_title,
        date_text=date_text,
        location=workshop.location,
        facilitator=workshop.facilitator,
        care_support=[line.strip() for line in workshop.care_support.splitlines() if line.strip()],
        days=agenda_days(
            modules, workshop.day_start or "09:00", workshop.start_date, workshop.language, notes,
            workshop.session_dates,
        ),
    )
