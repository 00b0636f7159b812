from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from carecoop.cli.terminal_prompter import toolbar
from carecoop.workshop.timer import Countdown, Urgency, countdown_for

START = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.parametrize(
    ("elapsed", "urgency", "label"),
    [
        (0, Urgency.NORMAL, "10:00 left of 10 min"),
        (479, Urgency.NORMAL, "02:01 left of 10 min"),
        (480, Urgency.AMBER, "02:00 left of 10 min"),  # 20% left
        (569, Urgency.AMBER, "00:31 left of 10 min"),
        (570, Urgency.RED, "00:30 left of 10 min"),  # 5% left
        (599.5, Urgency.RED, "00:01 left of 10 min"),
        (600, Urgency.OVER, "Time is over (+00:00)"),
        (725, Urgency.OVER, "Time is over (+02:05)"),
    ],
)
def test_the_countdown_turns_amber_then_red_then_over(elapsed: float, urgency: Urgency, label: str) -> None:
    clock = Clock()
    countdown = Countdown(START, 10, clock)
    clock.now = START + timedelta(seconds=elapsed)
    assert countdown.urgency() is urgency
    assert countdown.label() == label


def test_the_toolbar_shows_the_colour_of_the_time_left() -> None:
    clock = Clock()
    bar = toolbar(Countdown(START, 10, clock), "Tiny welcome")
    assert bar() == [
        ("noreverse bg:ansiblue fg:ansiwhite", " Timer: 10:00 left of 10 min "),
        ("noreverse", "  Tiny welcome"),
    ]
    clock.now = START + timedelta(minutes=9)
    assert bar()[0] == ("noreverse bg:ansiyellow fg:ansiblack bold", " Timer: 01:00 left of 10 min ")
    clock.now = START + timedelta(minutes=9, seconds=45)
    assert bar()[0][0] == "noreverse bg:ansired fg:ansiwhite bold"
    clock.now = START + timedelta(minutes=11)
    assert bar()[0] == ("noreverse bg:ansired fg:ansiwhite bold", " Timer: Time is over (+01:00) ")


def test_a_resumed_activity_keeps_its_clock_unless_it_is_long_past() -> None:
    clock = Clock()
    clock.now = START + timedelta(minutes=4)
    assert countdown_for(10, START.isoformat(), done=False, clock=clock).started == START
    clock.now = START + timedelta(hours=2)
    assert countdown_for(10, START.isoformat(), done=False, clock=clock).started == clock.now
    clock.now = START + timedelta(minutes=4)
    assert countdown_for(10, START.isoformat(), done=True, clock=clock).started == clock.now
    assert countdown_for(10, None, done=False, clock=clock).started == clock.now
