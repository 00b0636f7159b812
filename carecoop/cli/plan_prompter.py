"""The plan wizard's prompter for a terminal: questionary prompts, rich output.

Every prompt uses `unsafe_ask`, so Ctrl-C raises KeyboardInterrupt for the command to
handle once; with no terminal prompt_toolkit raises EOFError.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from carecoop.plan.prompts import CLEAR, Ask

_NOT_DECIDED = "(not decided yet)"


class TerminalPlanPrompter:
    """Implements carecoop.plan.wizard.PlanPrompter with questionary and rich."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def heading(self, text: str) -> None:
        """A rule with the section's title."""
        self.console.print()
        self.console.rule(f"[bold]{escape(text)}[/bold]", align="left")

    def note(self, text: str) -> None:
        """A dim line of explanation."""
        self.console.print(f"[dim]{escape(text)}[/dim]")

    def table(self, title: str, headers: list[str], rows: list[list[str]]) -> None:
        """A small table; headers all empty means none are shown."""
        table = Table(
            title=escape(title), title_justify="left", show_header=any(headers), pad_edge=False
        )
        for index, header in enumerate(headers):
            table.add_column(escape(header), justify="right" if index and not any(headers) else "left")
        for row in rows:
            table.add_row(*(escape(cell) for cell in row))
        self.console.print(table)

    def ask(self, ask: Ask) -> Any:
        """One value, with its hint and example shown above the prompt."""
        import questionary

        if ask.hint:
            self.note(ask.hint)
        if ask.example:
            self.note(f"For example: {ask.example}")
        if ask.kind == "bool":
            default = (ask.selected or ["no"])[0] == "yes"
            return questionary.confirm(ask.label, default=default).unsafe_ask()
        if ask.kind == "choice":
            choices = [questionary.Choice(label, value=value) for value, label in ask.choices]
            if not ask.required:
                choices.append(questionary.Choice(_NOT_DECIDED, value=CLEAR))
            initial = ask.selected[0] if ask.selected else (CLEAR if not ask.required else None)
            return questionary.select(ask.label, choices=choices, default=initial).unsafe_ask()
        if ask.kind == "choices":
            choices = [
                questionary.Choice(label, value=value, checked=value in ask.selected)
                for value, label in ask.choices
            ]
            return questionary.checkbox(ask.label, choices=choices).unsafe_ask()

        def validate(text: str) -> bool | str:
            if ask.required and not text.strip() and not ask.default:
                return "This one is needed."
            problem = ask.validate(text) if ask.validate else None
            return problem or True

        return questionary.text(ask.label, default=ask.default, validate=validate).unsafe_ask()

    def select(self, message: str, options: list[tuple[str, str]], default: str | None = None) -> str:
        """One of a few actions."""
        import questionary

        choices = [questionary.Choice(label, value=value) for value, label in options]
        answer: str = questionary.select(message, choices=choices, default=default).unsafe_ask()
        return answer

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no."""
        import questionary

        answer: bool = questionary.confirm(message, default=default).unsafe_ask()
        return answer
