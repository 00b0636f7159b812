from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from carecoop.cli.run_screen import Header, _pages
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


def test_the_header_shows_where_the_run_is_and_the_colour_of_the_time_left() -> None:
    clock = Clock()
    header = Header(
        "Tiny day", "Module 1", "Tiny welcome (1 of 3)", "Step 1 of 2", Countdown(START, 10, clock)
    )
    lines = header.lines(80, projector=False)
    assert lines[0] == ("reverse bold", " Tiny day · Module 1 · Tiny welcome (1 of 3)".ljust(80))
    assert lines[2] == ("bold", " Step 1 of 2".ljust(50) + " ")
    assert lines[3] == ("bg:ansiblue fg:ansiwhite bold", " Timer: 10:00 left of 10 min ")
    assert sum(len(text) for _, text in lines[2:]) == 80  # the timer ends at the right edge
    clock.now = START + timedelta(minutes=9)
    assert header.lines(80, False)[3] == ("bg:ansiyellow fg:ansiblack bold", " Timer: 01:00 left of 10 min ")
    clock.now = START + timedelta(minutes=9, seconds=45)
    assert header.lines(80, False)[3][0] == "bg:ansired fg:ansiwhite bold"
    clock.now = START + timedelta(minutes=11)
    assert header.lines(80, False)[3] == ("bg:ansired fg:ansiwhite bold", " Timer: Time is over (+01:00) ")
    # A narrow terminal cuts the words, never the timer; the projector view says so.
    narrow = header.lines(40, projector=True)
    assert narrow[0][1] == " Tiny day · Module 1 · Tiny welcome (1 …"
    assert narrow[3][1] == " Timer: Time is over (+01:00) "
    assert narrow[2][1] == " Step 1 … "


def test_a_resumed_activity_keeps_its_clock_unless_it_is_long_past() -> None:
    clock = Clock()
    clock.now = START + timedelta(minutes=4)
    assert countdown_for(10, START.isoformat(), done=False, clock=clock).started == START
    clock.now = START + timedelta(hours=2)
    assert countdown_for(10, START.isoformat(), done=False, clock=clock).started == clock.now
    clock.now = START + timedelta(minutes=4)
    assert countdown_for(10, START.isoformat(), done=True, clock=clock).started == clock.now
    assert countdown_for(10, None, done=False, clock=clock).started == clock.now


@pytest.mark.parametrize(
    ("lines", "pages"),
    [
        (10, [10]),  # fits with the prompt
        (37, [20, 17]),
        (40, [20, 3, 17]),  # the prompt keeps the end of the text, never stands alone
        (18, [1, 17]),
    ],
)
def test_a_body_taller_than_the_screen_is_paged_and_the_last_page_fits_the_prompt(
    lines: int, pages: list[int]
) -> None:
    cut = _pages([str(n) for n in range(lines)], 20, 17)
    assert [len(page) for page in cut] == pages
    assert [line for page in cut for line in page] == [str(n) for n in range(lines)]


def test_the_timer_speaks_the_screens_language() -> None:
    from carecoop.i18n import use_language

    clock = Clock()
    countdown = Countdown(START, 10, clock)
    clock.now = START + timedelta(seconds=479)
    with use_language("es"):
        assert countdown.label() == "Quedan 02:01 de 10 min"
        clock.now = START + timedelta(seconds=725)
        assert countdown.label() == "Se acabó el tiempo (+02:05)"


def test_the_projectors_big_digits_count_down_while_the_step_is_shown() -> None:
    from rich.console import Console

    from carecoop.cli.room_views import big
    from carecoop.cli.run_views import room_step_view
    from carecoop.content.loader import load_curriculum

    tiny = Path(__file__).parent / "fixtures" / "run-module"
    activity = load_curriculum((tiny,)).module("tc-1").activities[0]
    clock = Clock()
    view = room_step_view(activity, 0, Countdown(START, 10, clock))  # made once, drawn many times

    def drawn() -> str:
        console = Console(width=60, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(view)
        return console.export_text()

    def shows(clock_text: str, screen: str) -> bool:
        return all(row.strip() in screen for row in big(clock_text).splitlines())

    first = drawn()
    assert shows("10:00", first) and "minutes left" in first
    clock.now = START + timedelta(minutes=9, seconds=1)
    later = drawn()
    assert shows("00:59", later) and not shows("10:00", later) and "minutes left" in later
    clock.now = START + timedelta(minutes=11)
    assert "time is over" in drawn()
