"""Lists and tables typed row by row, each row saved the moment it is typed.

Each row is its own screen: the question, the rows typed so far (marked saved once the
store has them), and the prompt for the next row. Editing shows each old row as the
default: Enter keeps it, `-` removes it.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from carecoop.cli.run_screen import Screen
from carecoop.content.models import Question
from carecoop.i18n import _
from carecoop.workshop.prompter import LATER, SKIPPED, AskRequest
from carecoop.workshop.values import ValueProblem, check_value


class RowEntry:
    """One list or table being typed: what is shown above each row's prompt."""

    def __init__(
        self, screen: Screen, question: Question, heading: RenderableType, request: AskRequest
    ) -> None:
        self.screen = screen
        self.question = question
        self.heading = heading
        self.request = request
        self.lines: list[Text] = []

    def body(self) -> Group:
        """The question and the rows so far."""
        return Group(self.heading, *self.lines)

    def text(self, label: str, default: str = "") -> str:
        """One field of a row, typed on its own screen under the rows so far."""
        return self.screen.text(label, self.body(), qmark="  ", default=default).strip()

    def shown(self, line: str, saved: bool = False) -> None:
        """Add a row to the screen, marked saved when the store has it."""
        self.lines.append(
            Text(f"    {line}  ✓ " + _("saved"), style="green") if saved else Text(f"    {line}")
        )

    def save(self, rows: list[Any], line: str) -> None:
        """Commit the rows typed so far, then show the row as saved."""
        if self.request.save_draft is not None:
            self.request.save_draft(list(rows))
            self.shown(line, saved=True)
        else:
            self.shown(line)

    def intro(self, what: str) -> None:
        """How editing works, or that the rows typed before a stop are kept (`what`: row or item)."""
        if self.request.editing:
            if what == "row":
                intro = _(
                    "Each row is shown as it is: Enter keeps it, change the text to change it, "
                    "- removes it. Then add new ones; an empty line ends."
                )
            else:
                intro = _(
                    "Each item is shown as it is: Enter keeps it, change the text to change it, "
                    "- removes it. Then add new ones; an empty line ends."
                )
            self.lines.append(Text(intro))
        elif self.request.resuming:
            kept = (
                _("The rows typed before the run stopped are kept:")
                if what == "row"
                else _("The items typed before the run stopped are kept:")
            )
            self.lines.append(Text(kept, style="green"))

    def problem(self, text: str) -> None:
        """Say what is wrong on the next screen."""
        self.lines.append(Text(text, style="yellow"))


def ask_list(
    screen: Screen, question: Question, heading: RenderableType, message: str, request: AskRequest
) -> Any:
    """A list typed one item a line; an empty line ends it."""
    entry = RowEntry(screen, question, heading, request)
    if request.can_defer:
        how = _(
            "type one item a line; an empty line ends the list, - skips it, later leaves it for the break."
        )
    else:
        how = _("type one item a line; an empty line ends the list, - skips it.")
    entry.lines.append(Text(f"{message} {how}"))
    kept = [str(item) for item in request.current] if isinstance(request.current, list) else []
    items: list[str] = []
    entry.intro("item")
    if request.editing:
        for item in kept:
            typed = entry.text(_("Item {number}:").format(number=len(items) + 1), default=item)
            if typed != "-":
                items.append(typed or item)
                entry.shown(f"{len(items)}. {items[-1]}")
    elif request.resuming:
        items = kept
        for number, item in enumerate(items, start=1):
            entry.shown(f"{number}. {item}")
    while True:
        if question.max_items is not None and len(items) >= question.max_items:
            return check_value(question, items)
        typed = entry.text(_("Item {number}:").format(number=len(items) + 1))
        if typed == "-" and not items:
            return SKIPPED
        if is_later(typed) and not items and request.can_defer:
            return LATER
        if typed:
            items.append(typed)
            entry.save(items, f"{len(items)}. {typed}")
        elif items:
            try:
                return check_value(question, items)
            except ValueProblem as problem:
                entry.problem(problem.hint)
        else:
            entry.problem(_("Type at least one item, or - to skip."))


def ask_table(
    screen: Screen, question: Question, heading: RenderableType, message: str, request: AskRequest
) -> Any:
    """A table typed row by row, column by column; an empty first column ends it."""
    columns = question.columns
    entry = RowEntry(screen, question, heading, request)
    how = _("type the table row by row ({columns}); an empty '{first}' ends it, - skips it.").format(
        columns=", ".join(columns), first=columns[0]
    )
    entry.lines.append(Text(f"{message} {how}"))
    current = request.current if isinstance(request.current, list) else []
    kept = [row for row in current if isinstance(row, dict)]
    rows: list[dict[str, str]] = []
    entry.intro("row")
    if request.editing:
        for old in kept:
            number = len(rows) + 1
            first = entry.text(_row_label(number, columns[0]), default=str(old.get(columns[0], "")))
            if first == "-":
                continue
            row = {columns[0]: first or str(old.get(columns[0], ""))}
            for column in columns[1:]:
                row[column] = entry.text(_row_label(number, column), default=str(old.get(column, "")))
            rows.append(row)
            entry.shown(f"{number}. {' · '.join(row.values())}")
    elif request.resuming:
        rows = [{c: str(row.get(c, "")) for c in columns} for row in kept]
        for number, row in enumerate(rows, start=1):
            entry.shown(f"{number}. {' · '.join(row.values())}")
    while question.max_items is None or len(rows) < question.max_items:
        first = entry.text(_row_label(len(rows) + 1, columns[0]))
        if first == "-" and not rows:
            return SKIPPED
        if is_later(first) and not rows and request.can_defer:
            return LATER
        if not first and not rows:
            entry.problem(_("Type at least one row, or - to skip."))
            continue
        if not first:
            break
        row = {columns[0]: first}
        for column in columns[1:]:
            row[column] = entry.text(_row_label(len(rows) + 1, column))
        rows.append(row)
        entry.save(rows, f"{len(rows)}. {' · '.join(row.values())}")
    return check_value(question, rows)


def is_later(typed: str) -> bool:
    """`later`, in English or in the screen's language, leaves a question for the break."""
    # TRANSLATORS: the word typed to leave a question for later; "later" itself always works too.
    return typed.strip().casefold() in {"later", _("later").casefold()}


def _row_label(number: int, column: str) -> str:
    """The prompt for one cell of a table row: `Row 2 · Name:`."""
    return _("Row {number} · {column}:").format(number=number, column=column)
