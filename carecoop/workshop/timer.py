"""The activity countdown: time left, and how urgent it looks (normal, amber, red, over)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from carecoop.i18n import _

#: A run resumed within this long after an activity's planned end keeps the activity's
#: clock: the room went on while the laptop restarted. Later (another day), it starts anew.
RESUME_GRACE = timedelta(hours=1)


def utc_now() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)


class Urgency(StrEnum):
    """How the countdown should look."""

    NORMAL = "normal"
    AMBER = "amber"  # at most 20% of the time left
    RED = "red"  # at most 5% of the time left
    OVER = "over"


@dataclass(frozen=True)
class Countdown:
    """Counts down an activity's minutes from when it started."""

    started: datetime
    minutes: int
    clock: Callable[[], datetime] = field(default=utc_now, compare=False)

    @property
    def total_seconds(self) -> float:
        """The activity's length in seconds."""
        return self.minutes * 60.0

    def remaining(self) -> float:
        """Seconds left; negative once the time is over."""
        return self.total_seconds - (self.clock() - self.started).total_seconds()

    def urgency(self) -> Urgency:
        """Normal, amber at 20% of the time left, red at 5%, then over."""
        left = self.remaining()
        if left <= 0:
            return Urgency.OVER
        if left <= 0.05 * self.total_seconds:
            return Urgency.RED
        if left <= 0.20 * self.total_seconds:
            return Urgency.AMBER
        return Urgency.NORMAL

    def label(self) -> str:
        """`04:12 left of 10 min`, or `Time is over (+01:05)`."""
        left = self.remaining()
        if left <= 0:
            return _("Time is over (+{time})").format(time=_mmss(-left))
        return _("{time} left of {minutes} min").format(time=_mmss(left), minutes=self.minutes)


def _mmss(seconds: float) -> str:
    whole = int(seconds + 0.999) if seconds > 0 else 0
    minutes, rest = divmod(whole, 60)
    return f"{minutes:02d}:{rest:02d}"


def countdown_for(
    minutes: int,
    started_at: str | None,
    done: bool,
    clock: Callable[[], datetime] = utc_now,
) -> Countdown:
    """The countdown of an activity, continuing an interrupted one (see RESUME_GRACE)."""
    now = clock()
    if started_at and not done:
        started = datetime.fromisoformat(started_at)
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        if timedelta(0) <= now - started <= timedelta(minutes=minutes) + RESUME_GRACE:
            return Countdown(started, minutes, clock)
    return Countdown(now, minutes, clock)
