"""The facilitator's screen: a fixed header, the current body, the prompt, a key bar.

Every prompt is one screen drawn from the top of a cleared terminal: the header (workshop,
module, activity, where in it, the live timer), the body (the card, the step, the
question, what was just saved), the prompt, then a bar saying how to stop. Nothing
scrolls away: a body taller than the screen is shown a page at a time. The body is drawn
again at the terminal's width on every redraw, so a resized terminal gets a screen that
fits. Without colour (NO_COLOR) the header is in reverse video and the timer says in words
when time is over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit.application import get_app
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import ANSI, StyleAndTextTuples
from prompt_toolkit.layout import ConditionalContainer, HSplit, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from rich.console import Console, Group, RenderableType

from carecoop.cli.menu_words import checkbox_instruction, select_instruction
from carecoop.i18n import _
from carecoop.workshop.timer import Countdown, Urgency

HEADER_LINES = 2
BAR_LINES = 1
#: The timer's colours: blue, amber at 20% of the time left, red at 5% and when it is over.
URGENCY_STYLE = {
    Urgency.NORMAL: "bg:ansiblue fg:ansiwhite bold",
    Urgency.AMBER: "bg:ansiyellow fg:ansiblack bold",
    Urgency.RED: "bg:ansired fg:ansiwhite bold",
    Urgency.OVER: "bg:ansired fg:ansiwhite bold",
}


def fit(text: str, width: int) -> str:
    """The text cut to a width, with … where it was cut."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


@dataclass
class Header:
    """What the header says: where the run is."""

    workshop: str
    module: str = ""
    activity: str = ""
    where: str = ""  # "Step 2 of 5", "Questions", "Review"…
    countdown: Countdown | None = None

    def lines(self, width: int, projector: bool) -> StyleAndTextTuples:
        """Two lines: workshop · module · activity in reverse video; where we are and the timer."""
        first = " · ".join(part for part in (self.workshop, self.module, self.activity) if part)
        top = fit(f" {first}", width).ljust(width)
        tokens: StyleAndTextTuples = [("reverse bold", top), ("", "\n")]
        where = f" {self.where}" if self.where else ""
        if projector:
            where += "  [" + _("projector view") + "]"
        if self.countdown is None:
            tokens.append(("bold", fit(where, width)))
            return tokens
        timer = " " + _("Timer: {time}").format(time=self.countdown.label()) + " "
        room = max(0, width - len(timer) - 1)
        tokens += [
            ("bold", fit(where, room).ljust(room) + " "),
            (URGENCY_STYLE[self.countdown.urgency()], timer),
        ]
        return tokens


class Screen:
    """Draws each prompt as a full screen; keeps what was said until the next one shows it."""

    def __init__(self, console: Console, workshop_title: str) -> None:
        self.console = console
        self.header = Header(workshop_title)
        self.projector = False
        self._said: list[RenderableType] = []

    def say(self, renderable: RenderableType) -> None:
        """Show something at the top of the next screen (a notice, what was saved)."""
        self._said.append(renderable)

    def flush(self) -> None:
        """Print what is still to be said, once no screen follows (the run ends)."""
        for renderable in self._said:
            self.console.print(renderable)
        self._said = []

    # Rendering -----------------------------------------------------------------------------

    def _size(self) -> tuple[int, int]:
        try:
            size = get_app().output.get_size()
            return size.columns, size.rows
        except Exception:  # noqa: BLE001 - outside an application: the console knows
            return self.console.size.width, self.console.size.height

    def render(self, renderable: RenderableType, width: int) -> str:
        """A renderable as ANSI text at a width, with this console's colours (or none)."""
        console = Console(
            width=max(20, width),
            color_system=self.console.color_system,  # type: ignore[arg-type]
            no_color=self.console.no_color,
            force_terminal=True,
            highlight=False,
            emoji=False,
        )
        with console.capture() as captured:
            console.print(renderable)
        return captured.get().rstrip("\n")

    def _drawn(self, content: RenderableType, width: int) -> Callable[[int], str]:
        """The body as ANSI text at a width, rendered once per width and second shown.

        prompt_toolkit redraws the screen at every key and every tick of the timer; the
        body changes only with the width and, on the projector, with the time left its
        big digits show, so it is rendered again only when one of those changes.
        """
        rendered: dict[tuple[int, str], str] = {}

        def at(width: int) -> str:
            key = (width, self.header.countdown.label() if self.header.countdown else "")
            if key not in rendered:
                rendered.clear()  # only the latest second is ever drawn again
                rendered[key] = self.render(content, width)
            return rendered[key]

        return at

    def _header(self) -> StyleAndTextTuples:
        return self.header.lines(self._size()[0], self.projector)

    def _bar(self) -> StyleAndTextTuples:
        stop = " " + _("Ctrl-C: stop for now (every answer given is saved)") + " "
        return [("reverse", fit(stop, self._size()[0]))]

    # Prompts -------------------------------------------------------------------------------

    def ask(
        self,
        question: questionary.Question,
        body: RenderableType | None = None,
        reserve: int = 2,
        crop: str | None = None,
    ) -> Any:
        """Clear the terminal, draw the header and body above the question, and ask it.

        `reserve` is the number of lines the prompt itself needs (a menu's choices); a body
        that leaves it no room is shown first a page at a time, or else cut, ending with
        the line `crop`.
        """
        parts = [*self._said, *([body] if body is not None else [])]
        self._said = []
        content: RenderableType = Group(*parts)
        width, rows = self.console.size.width, self.console.size.height
        room = max(3, rows - HEADER_LINES - BAR_LINES - reserve - 1)
        drawn = self._drawn(content, width) if parts else None
        lines = drawn(width).split("\n") if drawn is not None else []
        if len(lines) > room and crop is not None:
            # A menu the facilitator needs at once (What next?) is never behind pages.
            return self._run(question, _fixed([*lines[: room - 1], crop]))
        if len(lines) > room:
            pages = _pages(lines, max(3, rows - HEADER_LINES - BAR_LINES - 2), room)
            for number, page in enumerate(pages[:-1], start=1):
                more_text = _("Enter: more (page {number} of {total})")
                more_text = more_text.format(number=number, total=len(pages))
                more = questionary.text(more_text, qmark="›")
                self._run(more, _fixed(page))
            return self._run(question, _fixed(pages[-1]))
        return self._run(question, drawn)

    def _run(self, question: questionary.Question, body: Callable[[int], str] | None) -> Any:
        application = question.application
        parts: list[Any] = [Window(FormattedTextControl(self._header), height=HEADER_LINES)]
        if body is not None:
            control = FormattedTextControl(lambda: ANSI(body(self._size()[0])))
            parts.append(Window(control, wrap_lines=True, dont_extend_height=True))
        parts.append(application.layout.container)
        parts.append(
            ConditionalContainer(Window(FormattedTextControl(self._bar), height=BAR_LINES), ~is_done)
        )
        application.layout.container = HSplit(parts)
        application.refresh_interval = 0.5
        self.console.clear()
        return question.unsafe_ask()

    def text(self, message: str, body: RenderableType | None = None, **kwargs: Any) -> str:
        """A line typed and confirmed with Enter."""
        if self.projector and kwargs.pop("secret", False):
            kwargs["is_password"] = True
        kwargs.pop("secret", None)
        answer: str = self.ask(questionary.text(message, **kwargs), body, reserve=3)
        return answer

    def select(
        self,
        message: str,
        choices: Sequence[questionary.Choice],
        body: RenderableType | None = None,
        crop: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """One of a menu's choices; with `crop`, a long body is cut rather than paged."""
        kwargs.setdefault("instruction", select_instruction())
        question = questionary.select(message, choices=list(choices), **kwargs)
        return self.ask(question, body, reserve=len(choices) + 2, crop=crop)

    def checkbox(
        self,
        message: str,
        choices: Sequence[questionary.Choice],
        body: RenderableType | None = None,
        **kwargs: Any,
    ) -> list[Any]:
        """The choices ticked."""
        kwargs.setdefault("instruction", checkbox_instruction())
        question = questionary.checkbox(message, choices=list(choices), **kwargs)
        answer: list[Any] = self.ask(question, body, reserve=len(choices) + 3)
        return answer


def _fixed(lines: list[str]) -> Callable[[int], str]:
    text = "\n".join(lines)
    return lambda _width: text


def _pages(lines: list[str], size: int, last: int) -> list[list[str]]:
    """Lines cut into full pages of `size`; the last shares the screen with the prompt: at most `last`."""
    pages: list[list[str]] = []
    rest = list(lines)
    while len(rest) > last:
        pages.append(rest[:size])
        rest = rest[size:]
    if not rest and pages:  # the prompt never stands alone: it keeps the page's end
        page = pages.pop()
        keep = max(0, len(page) - last)
        pages += [page[:keep]] if keep else []
        rest = page[keep:]
    return [*pages, rest]
