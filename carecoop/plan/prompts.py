"""The wizard's side of prompting: what to ask and who asks.

`Ask` and `PlanPrompter` are the interface; the helpers turn typed text into values with
plain-language messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from pydantic import ValidationError

from carecoop.plan.fields import FieldInfo, field_adapter
from carecoop.plan.model import Plan, PlanModel
from carecoop.plan.values import coerce
from carecoop.values.lists import split_list

#: Typed as an answer to clear a field.
CLEAR = "-"
#: Between the items of a list typed on one line.
SEPARATOR = ";"

#: Labels where the field name does not read well.
LABELS: dict[str, str] = {
    "startup_costs": "Start-up costs",
    "items": "Services",
    "other_funding": "Other funding",
    "can_pay": "What a family can pay",
    "max_clients_per_carer": "Most clients per carer allowed",
    "health_safety": "Health and safety",
    "decent_work": "Decent work",
    "employer_contributions": "Employer contributions",
}


@dataclass(frozen=True)
class Ask:
    """One value to ask for: the prompter shows it and returns the raw answer."""

    label: str
    kind: str  # a FieldKind: text, texts, int, number, money, percent, choice, choices, bool
    hint: str = ""
    example: str = ""
    default: str = ""  # as text, ready to be edited; "" for none
    required: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)  # (id, label)
    selected: list[str] = field(default_factory=list)  # for choices / choice / bool defaults
    validate: Callable[[str], str | None] | None = None  # an error message, or None when fine


class PlanPrompter(Protocol):
    """What the wizard needs from whoever asks the questions."""

    def heading(self, text: str) -> None:
        """Show a section heading."""

    def note(self, text: str) -> None:
        """Show a line of explanation."""

    def table(self, title: str, headers: list[str], rows: list[list[str]]) -> None:
        """Show a small table."""

    def ask(self, ask: Ask) -> Any:
        """Ask for a value: text for text-like kinds, an id for choice, ids for choices, bool for bool."""

    def select(self, message: str, options: list[tuple[str, str]], default: str | None = None) -> str:
        """Pick one option id."""

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no."""


def label_of(name: str) -> str:
    """`monthly_wage` → `Monthly wage`."""
    return LABELS.get(name) or name.replace("_", " ").capitalize()


def as_text(value: Any) -> str:
    """A stored value as editable text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return f"{SEPARATOR} ".join(as_text(v) for v in value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


def sentence(message: str) -> str:
    """A message starting with a capital."""
    message = message.strip()
    return message[:1].upper() + message[1:] if message else "This answer does not fit."


def plain_error(error: ValidationError) -> str:
    """A pydantic error as one or two plain sentences."""
    from carecoop.content.messages import known_keys, rewrite

    keys = known_keys([Plan])
    parts = []
    for item in error.errors()[:2]:
        where = ".".join(str(p) for p in item["loc"] if not str(p).startswith("function-"))
        message = rewrite(dict(item), keys)
        name = label_of(where.rsplit(".", 1)[-1]) if where else ""
        parts.append(f"{name} {message}".strip() if name else message)
    text = "; ".join(parts)
    for wordy, plain in (
        ("greater than or equal to 0", "0 or more"),
        ("less than or equal to 100", "100 or less"),
    ):
        text = text.replace(wordy, plain)
    return sentence(text) + "."


def to_json(value: Any) -> Any:
    """Decimals as strings, inside lists and mappings too."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def parse_cell(column: FieldInfo, raw: Any, default: Any, locale: str = "en") -> Any:
    """A typed cell as a value: blank keeps the default, '-' clears; numbers as `locale` writes them."""
    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    if text == "":
        return default
    if text == CLEAR:
        return None
    if column.kind == "texts":
        return split_list(text)
    return coerce(column, text, locale=locale)


def check_cell(row_model: type[PlanModel], column: FieldInfo, raw: str, locale: str = "en") -> str | None:
    """A message when a typed cell does not fit its column."""
    if raw.strip() in ("", CLEAR):
        if column.required and raw.strip() == CLEAR:
            return "This one is needed."
        return None
    try:
        value = parse_cell(column, raw, None, locale)
        field_adapter(row_model, column.path).validate_python(to_json(value))
    except ValueError as error:
        if isinstance(error, ValidationError):
            return plain_error(error)
        return sentence(str(error))
    return None
