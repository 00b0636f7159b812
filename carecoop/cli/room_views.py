"""The room's screen (`carecoop show WS`) as rich renderables: big timer, step, pictogram."""

from __future__ import annotations

from rich.align import Align
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.text import Text

from carecoop.i18n import _
from carecoop.workshop.room import RoomView
from carecoop.workshop.timer import Countdown, Urgency

#: Digits five rows high, so the time left reads from the back of a hall.
_BIG = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": [" █ ", "██ ", " █ ", " █ ", "███"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    ":": ["   ", " █ ", "   ", " █ ", "   "],
    "+": ["   ", " █ ", "███", " █ ", "   "],
}
_STYLE = {
    Urgency.NORMAL: "bold", Urgency.AMBER: "bold yellow", Urgency.RED: "bold red", Urgency.OVER: "bold red"
}


def big(text: str) -> str:
    """`04:12` in digits five rows high."""
    rows = ["", "", "", "", ""]
    for char in text:
        glyph = _BIG.get(char, ["   "] * 5)
        for index in range(5):
            rows[index] += glyph[index] + " "
    return "\n".join(row.rstrip() for row in rows)


class TimeLeft:
    """The time left in big digits and a word under them, read from the clock when drawn.

    The screen that shows it is made once and redrawn every tick, so the digits are
    worked out at each drawing, not when the screen is made: the room sees them count down.
    """

    def __init__(self, countdown: Countdown) -> None:
        self.countdown = countdown

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        left = self.countdown.remaining()
        clock = f"{int(left) // 60:02d}:{int(left) % 60:02d}" if left > 0 else "00:00"
        yield Align.center(Text(big(clock), style=_STYLE[self.countdown.urgency()]))
        yield Text(_("minutes left") if left > 0 else _("time is over"), justify="center")


def room_screen(view: RoomView) -> RenderableType:
    """One frame: where we are, the step in big bold type, the timer in big digits."""
    parts: list[RenderableType] = []
    where = " · ".join(part for part in (view.module, view.activity) if part)
    if where:
        parts.append(Text(where, style="bold cyan", justify="center"))
    if view.pictogram:
        parts.append(Text(f"[ {view.pictogram} ]", style="magenta", justify="center"))
    parts.append(Text(""))
    parts.append(Text(view.heading.upper(), style="bold", justify="center"))
    for line in view.lines:
        parts.append(Text(""))
        parts.append(Text(line, style="bold", justify="center"))
    if view.countdown is not None:
        parts += [Text(""), TimeLeft(view.countdown)]
    title = Text(view.workshop_title, style="bold")
    return Panel(Group(*parts), title=title, border_style="blue", padding=(1, 2))
