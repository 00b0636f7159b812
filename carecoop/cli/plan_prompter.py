"""The plan wizard's prompter for a terminal: questionary prompts, rich output.

Every prompt uses `unsafe_ask`, so Ctrl-C raises KeyboardInterrupt for the command to
handle once; with no terminal prompt_toolkit raises EOFError.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from carecoop.cli.menu_words import checkbox_instruction, select_instruction
from carecoop.i18n import N_, _
from carecoop.plan.prompts import CLEAR, Ask

_NOT_DECIDED = N_("(not decided yet)")


def yes_no(message: str, default: bool) -> bool:
    """Yes or No as a two-line menu in the screen's language.

    questionary's confirm prints "(Y/n)" and answers "Yes" or "No" in English whatever the
    language; a menu shows our own words. y and n (and the screen language's first letters
    of yes and no) still answer at once.
    """
    import questionary
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
    from questionary.prompts.common import InquirerControl

    question = questionary.select(
        message,
        choices=[questionary.Choice(_("Yes"), value="yes"), questionary.Choice(_("No"), value="no")],
        default="yes" if default else "no",
        instruction=_("(y or n, or arrow keys and Enter)"),
    )
    application = question.application
    # The menu itself, so that a letter shows its answer as Enter would ("? Go on? Yes").
    menu = next(c for c in application.layout.find_all_controls() if isinstance(c, InquirerControl))

    def answer_with(index: int) -> Callable[[KeyPressEvent], None]:
        def answer(event: KeyPressEvent) -> None:
            menu.pointed_at = index
            menu.is_answered = True
            event.app.exit(result=menu.get_pointed_at().value)

        return answer

    keys = KeyBindings()
    # TRANSLATORS: the key that answers "yes" at once in a yes/no menu (one letter; y always works too).
    yes_keys = {"y", "Y", *_("y")}
    # TRANSLATORS: the key that answers "no" at once in a yes/no menu (one letter; n always works too).
    no_keys = {"n", "N", *_("n")}
    for key in yes_keys - no_keys:
        keys.add(key, eager=True)(answer_with(0))
    for key in no_keys - yes_keys:
        keys.add(key, eager=True)(answer_with(1))
    application.key_bindings = merge_key_bindings([keys, application.key_bindings or KeyBindings()])
    answer: str = question.unsafe_ask()
    return answer == "yes"


class TerminalPlanPrompter:
    """Implements carecoop.plan.wizard.PlanPrompter with questionary and rich."""

    def __init__(self, console: Console) -> None:
        from carecoop.cli.shared_bindings import share_default_key_bindings

        share_default_key_bindings()
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
            self.note(_("For example: {example}").format(example=ask.example))
        if ask.kind == "bool":
            return yes_no(ask.label, (ask.selected or ["no"])[0] == "yes")
        if ask.kind == "choice":
            choices = [questionary.Choice(label, value=value) for value, label in ask.choices]
            if not ask.required:
                choices.append(questionary.Choice(_(_NOT_DECIDED), value=CLEAR))
            initial = ask.selected[0] if ask.selected else (CLEAR if not ask.required else None)
            question = questionary.select(
                ask.label, choices=choices, default=initial, instruction=select_instruction()
            )
            return question.unsafe_ask()
        if ask.kind == "choices":
            choices = [
                questionary.Choice(label, value=value, checked=value in ask.selected)
                for value, label in ask.choices
            ]
            return questionary.checkbox(
                ask.label, choices=choices, instruction=checkbox_instruction()
            ).unsafe_ask()

        def validate(text: str) -> bool | str:
            if ask.required and not text.strip() and not ask.default:
                return _("This one is needed.")
            problem = ask.validate(text) if ask.validate else None
            return problem or True

        return questionary.text(ask.label, default=ask.default, validate=validate).unsafe_ask()

    def select(self, message: str, options: list[tuple[str, str]], default: str | None = None) -> str:
        """One of a few actions."""
        import questionary

        choices = [questionary.Choice(label, value=value) for value, label in options]
        instruction = select_instruction()
        question = questionary.select(message, choices=choices, default=default, instruction=instruction)
        answer: str = question.unsafe_ask()
        return answer

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no."""
        return yes_no(message, default)
