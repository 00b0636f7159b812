"""Lists of rows in the wizard: shown as a table, entered row by row (add, change, remove)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from pydantic import ValidationError
from pydantic_core import PydanticUndefined

from carecoop.i18n import _, pgettext
from carecoop.plan.answers import get_path
from carecoop.plan.field_labels import as_text, shown, shown_value
from carecoop.plan.fields import FieldInfo, row_fields
from carecoop.plan.model import PlanModel
from carecoop.plan.prompts import (
    Ask,
    PlanPrompter,
    check_cell,
    label_of,
    parse_cell,
    plain_error,
    to_json,
)


class RowHost(Protocol):
    """What a row editor needs from the wizard that runs it (the wizard imports this file, not back)."""

    prompter: PlanPrompter
    suggested: dict[str, Any]

    @property
    def locale(self) -> str:
        """How typed numbers are written (`es_CO`)."""

    def current(self, path: str) -> Any:
        """The plan's value at a path (JSON form)."""

    def apply(self, path: str, value: Any) -> None:
        """Set a value and save the plan at once."""

    def after_field(self, path: str) -> None:
        """Show the figures after a step that changes them."""

    def running_total(self, path: str) -> str:
        """One line on what a list now adds up to."""

    def make_ask(
        self, name: str, info: FieldInfo, default: Any, validate: Callable[[str], str | None]
    ) -> Ask:
        """An Ask for a field or a row column."""


def model_default(row_model: type[PlanModel], name: str) -> Any:
    """A column's default value in JSON form (None when it has none)."""
    default = row_model.model_fields[name].default
    if default is PydanticUndefined or default is None:
        return None
    return to_json(default)


class RowEditor:
    """Edits one list-of-rows field of the wizard's plan; every change is saved at once."""

    def __init__(self, wizard: RowHost, info: FieldInfo) -> None:
        assert info.row is not None
        self.wizard = wizard
        self.prompter = wizard.prompter
        self.info = info
        self.row_model: type[PlanModel] = info.row
        self.columns = row_fields(info.row)
        self.title = label_of(info.path.rsplit(".", 1)[-1])

    def rows(self) -> list[dict[str, Any]]:
        """The rows the plan has now."""
        return list(self.wizard.current(self.info.path) or [])

    def run(self) -> None:
        """Show the rows, then add, change or remove until done."""
        path = self.info.path
        self.prompter.note(f"{self.title}: {shown(self.info.hint)}")
        rows = self.rows()
        suggestion = get_path(self.wizard.suggested, path)
        if not rows and suggestion:
            self.show(suggestion)
            if self.prompter.confirm(_("Use these rows from the answers recorded in the workshop?"), True):
                self.wizard.apply(path, suggestion)
                rows = self.rows()
        last = ""
        while True:
            self.show(rows)
            options = [("add", _("Add a row"))]
            if rows:
                options += [("edit", _("Change a row")), ("remove", _("Remove a row"))]
            options.append(("done", pgettext("row menu", "Done") if rows else _("Skip (no rows)")))
            # Right after adding a row, another one is the likelier next step.
            default = "add" if not rows or last == "add" else "done"
            action = self.prompter.select(_("{list}: what next?").format(list=self.title), options, default)
            last = action
            if action == "done":
                if rows:
                    self.wizard.after_field(path)
                return
            if action == "add":
                added = self.ask_row({})
                if added is None:
                    last = ""
                    continue
                rows.append(added)
            else:
                which = self.pick(rows, action)
                if which is None:
                    continue
                if action == "edit":
                    rows[which] = self.ask_row(rows[which]) or rows[which]
                elif self.prompter.confirm(_("Remove row {number}?").format(number=which + 1), False):
                    rows.pop(which)
            self.wizard.apply(path, rows)
            rows = self.rows()
            line = self.wizard.running_total(path)
            if line:
                self.prompter.note(line)

    def pick(self, rows: list[dict[str, Any]], action: str) -> int | None:
        """Which row to change or remove (None: go back)."""
        first = self.columns[0].path
        options = [(str(i), f"{i + 1}. {as_text(row.get(first))}") for i, row in enumerate(rows)]
        options.append(("back", _("Go back")))
        question = _("Which row to change?") if action == "edit" else _("Which row to remove?")
        chosen = self.prompter.select(question, options, "back")
        return None if chosen == "back" else int(chosen)

    def ask_row(self, current: dict[str, Any]) -> dict[str, Any] | None:
        """Ask each column until the row is valid; the row in its stored form.

        A new row whose first column is left empty is cancelled (None).
        """
        while True:
            row: dict[str, Any] = {}
            for number, column in enumerate(self.columns):
                default = current.get(column.path, model_default(self.row_model, column.path))
                if column.path not in current and column.kind == "text" and isinstance(default, str):
                    # A model's own words ("per client per month") are offered, and kept, in the
                    # screen's language, so the printed plan does not say them in English.
                    default = shown(default)
                check = functools.partial(check_cell, self.row_model, column, locale=self.wizard.locale)
                if column.path in current or column.kind in ("choice", "bool") or default is None:
                    ask = self.wizard.make_ask(column.path, column, default, check)
                else:
                    # A model default is not typed into the box (typing would add to it): Enter takes it.
                    ask = self.wizard.make_ask(column.path, column, None, check)
                    enter = _("Enter: {value}.").format(value=shown_value(column, default))
                    ask = replace(ask, hint=f"{ask.hint} {enter}".strip())
                cancel = number == 0 and not current
                if cancel:
                    cancel_hint = _("Leave it empty to cancel this row.")
                    hint = f"{ask.hint} {cancel_hint}".strip()
                    ask = replace(ask, required=False, hint=hint)
                raw = self.prompter.ask(ask)
                value = parse_cell(column, raw, default, self.wizard.locale)
                if cancel and value is None:
                    return None
                if value is not None:
                    row[column.path] = value
            try:
                checked = self.row_model.model_validate(to_json(row))
            except ValidationError as error:
                problem = _("This row does not fit yet: {problem} Please enter it again.")
                self.prompter.note(problem.format(problem=plain_error(error)))
                current = row
                continue
            return checked.model_dump(mode="json", exclude_defaults=True)

    def show(self, rows: list[dict[str, Any]]) -> None:
        """The rows as a numbered table (defaults filled in)."""
        if not rows:
            self.prompter.note(_("{list}: no rows yet.").format(list=self.title))
            return
        headers = ["#"] + [label_of(c.path) for c in self.columns]
        body = [
            [str(i + 1)]
            + [shown_value(c, row.get(c.path, model_default(self.row_model, c.path))) for c in self.columns]
            for i, row in enumerate(rows)
        ]
        self.prompter.table(self.title, headers, body)
