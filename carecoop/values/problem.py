"""A value that does not fit: what was expected, what came, and how to say it."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from carecoop.i18n import _


class ValueProblem(ValueError):
    """A value that does not fit its question or field: what was expected, and what came.

    `message`, when given, is the whole sentence (for a prompt and for a file alike).
    """

    def __init__(
        self, expected: str, got: str | None = None, verb: str = "Type", message: str | None = None
    ) -> None:
        self.expected = expected
        self.got = got
        self.verb = verb
        self.message = message
        super().__init__(self.hint)

    @property
    def hint(self) -> str:
        """The message for someone at the keyboard: `Type a number between 0 and 20`."""
        if self.message:
            return self.message
        verbs = {
            "Type": _("Type {expected}"), "Choose": _("Choose {expected}"),
            "Give": _("Give {expected}"), "Write": _("Write {expected}"),
        }
        return verbs.get(self.verb, f"{self.verb} {{expected}}").format(expected=self.expected)

    def in_file(self) -> str:
        """The message for an answers file: `expected a number between 0 and 20, got 'abc'`."""
        if self.message:
            return self.message
        if self.got:
            return _("expected {expected}, got {got}").format(expected=self.expected, got=self.got)
        return _("expected {expected}").format(expected=self.expected)


def shown(raw: Any) -> str:
    """A value as quoted in a message, cut short when long."""
    if isinstance(raw, float | Decimal) and not isinstance(raw, bool):
        text = str(raw)
    else:
        text = f"'{raw}'" if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def figure(value: float | Decimal) -> str:
    """A bound as written in a message: `20`, `2.5`."""
    number = Decimal(str(value))
    return str(int(number)) if number == number.to_integral_value() else str(number)


def range_phrase(noun: str, minimum: float | Decimal | None, maximum: float | Decimal | None) -> str:
    """`a number between 0 and 20`, `a number of at least 0`, or just `a number`."""
    if minimum is not None and maximum is not None:
        between = _("{noun} between {low} and {high}")
        return between.format(noun=noun, low=figure(minimum), high=figure(maximum))
    if minimum is not None:
        return _("{noun} of at least {low}").format(noun=noun, low=figure(minimum))
    if maximum is not None:
        return _("{noun} of at most {high}").format(noun=noun, high=figure(maximum))
    return noun
