"""The timed agenda: planned day and start time of every activity of a programme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from carecoop.content.models import Activity, Module

#: A workshop day is at most this long (09:00 to 17:00 by default); an activity that
#: would run past it moves to the next day.
DAY_MINUTES = 8 * 60


@dataclass(frozen=True)
class Slot:
    """One activity placed on the agenda."""

    module: Module
    activity: Activity
    day: int  # 1-based
    start_minute: int  # minutes after midnight
    date: date | None

    @property
    def start(self) -> str:
        """Start time as HH:MM."""
        return _clock(self.start_minute)

    @property
    def end(self) -> str:
        """End time as HH:MM."""
        return _clock(self.start_minute + self.activity.duration)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_clock(value: str) -> int:
    """`09:30` → 570 minutes after midnight."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def session_dates(text: str) -> list[date]:
    """The dates a workshop stores for its days (`2027-01-12,2027-01-19`); none when consecutive."""
    days: list[date] = []
    for part in text.split(","):
        try:
            days.append(date.fromisoformat(part.strip()))
        except ValueError:
            continue
    return days


def day_date(day: int, first_date: date | None, dates: Sequence[date] = ()) -> date | None:
    """The date of a workshop day (1-based): its session date, else counted on from the first day."""
    if day <= len(dates):
        return dates[day - 1]
    if dates:
        return dates[-1] + timedelta(days=day - len(dates))
    return first_date + timedelta(days=day - 1) if first_date else None


def build_agenda(
    modules: list[Module],
    day_start: str = "09:00",
    first_date: date | None = None,
    day_minutes: int = DAY_MINUTES,
    dates: Sequence[date] = (),
) -> list[Slot]:
    """Place every activity, breaks included, one after the other, day by day.

    Day n falls on `dates[n - 1]` when the workshop's days are spread out, else n - 1 days
    after `first_date`.
    """
    start_of_day = parse_clock(day_start)
    day, used = 1, 0
    slots: list[Slot] = []
    for module in modules:
        for activity in module.activities:
            if used and (activity.new_day or used + activity.duration > day_minutes):
                day, used = day + 1, 0
            slots.append(
                Slot(
                    module=module,
                    activity=activity,
                    day=day,
                    start_minute=start_of_day + used,
                    date=day_date(day, first_date, dates),
                )
            )
            used += activity.duration
    return slots
