"""The room's screen (`carecoop show WS`) as rich renderables: big timer, step, pictogram."""

from __future__ import annotations

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from carecoop.i18n import _
from carecoop.workshop.room import RoomView
from carecoop.workshop.timer import Urgency

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
        left = view.countdown.remaining()
        clock = f"{int(max(left, 0)) // 60:02d}:{int(max(left, 0)) % 60:02d}" if left > 0 else "00:00"
        parts.append(Text(""))
        parts.append(Align.center(Text(big(clock), style=_STYLE[view.countdown.urgency()])))
        note = _("minutes left") if left > 0 else _("time is over")
        parts.append(Text(note, justify="center"))
    title = Text(view.workshop_title, style="bold")
    return Panel(Group(*parts), title=title, border_style="blue", padding=(1, 2))
