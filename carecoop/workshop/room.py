"""What the room sees on a projector: the step in big type, the pictogram, the timer.

The facilitator's run writes where it is (`Store.set_screen`); `carecoop show WS` in a
second terminal reads it. Only what the room should see is here: never a facilitator's
note, never anyone's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from carecoop.content.curriculum import Curriculum
from carecoop.store.db import Store
from carecoop.store.records import Workshop
from carecoop.workshop.timer import Countdown, utc_now

#: Where the run is within an activity, as `Store.set_screen` records it.
CARD, ANSWERS, CLOSING = None, -2, -1


@dataclass(frozen=True)
class RoomView:
    """One frame of the room's screen."""

    workshop_title: str
    module: str = ""
    activity: str = ""
    pictogram: str = ""
    heading: str = ""  # "Step 2 of 5", "Key messages", …
    lines: list[str] = field(default_factory=list)
    countdown: Countdown | None = None


def room_view(
    store: Store, curriculum: Curriculum, workshop: Workshop, clock: Callable[[], datetime] = utc_now
) -> RoomView:
    """What the room should see now: the run's current step, or a welcome when none runs."""
    where = store.screen(workshop.id)
    if where is None:
        return RoomView(workshop.title, heading="Welcome", lines=[workshop.title])
    activity_id, step, started_at = where
    # The room reads the workshop's language, as the facilitator's screen does.
    language = workshop.language
    modules = [curriculum.localized(m, language)[0] for m in curriculum.modules_of(workshop.programme)]
    found = next(((m, a) for m in modules for a in m.activities if a.id == activity_id), None)
    if found is None:
        return RoomView(workshop.title, heading="Welcome", lines=[workshop.title])
    module, activity = found
    started = datetime.fromisoformat(started_at) if started_at else None
    countdown = Countdown(started, activity.duration, clock) if started else None
    base = RoomView(
        workshop.title, f"Module {module.number}: {module.title}", activity.title, activity.pictogram,
        countdown=countdown,
    )
    if step == CLOSING:
        return _with(base, "Key messages", list(activity.key_messages))
    if step == ANSWERS:
        return _with(base, "Answers are being written down", [])
    if step is not None and 0 <= step < len(activity.steps):
        return _with(base, f"Step {step + 1} of {len(activity.steps)}", [activity.steps[step].text])
    return _with(base, f"{activity.duration} minutes", list(activity.objectives))


def _with(view: RoomView, heading: str, lines: list[str]) -> RoomView:
    return RoomView(
        view.workshop_title, view.module, view.activity, view.pictogram, heading, lines, view.countdown
    )
