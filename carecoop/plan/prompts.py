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

from carecoop.i18n import N_, _
from carecoop.plan.field_labels import field_label
from carecoop.plan.fields import FieldInfo, field_adapter
from carecoop.plan.model import Plan, PlanModel
from carecoop.plan.values import coerce
from carecoop.values.lists import split_list

#: Typed as an answer to clear a field.
CLEAR = "-"

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
    """`monthly_wage` → `Monthly wage`, in the screen's language."""
    return field_label(name)


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


def sentence(message: str) -> str:
    """A message starting with a capital."""
    message = message.strip()
    return message[:1].upper() + message[1:] if message else _("This answer does not fit.")


def plain_error(error: ValidationError) -> str:
    """A pydantic error as one or two plain sentences in the screen's language."""
    parts = []
    for item in error.errors()[:2]:
        # Row numbers and pydantic's validator names say nothing to a person.
        where = ".".join(
            str(p) for p in item["loc"] if not isinstance(p, int) and not str(p).startswith("function-")
        )
        message = _plain_message(dict(item))
        name = label_of(where.rsplit(".", 1)[-1]) if where else ""
        parts.append(f"{name} {message}".strip() if name else message)
    return sentence("; ".join(parts)) + "."


#: pydantic's error types a typed answer can meet, in plain words ({limit}: the bound).
_PLAIN_MESSAGES: dict[str, str] = {
    "greater_than_equal": N_("must be {limit} or more"),
    "greater_than": N_("must be more than {limit}"),
    "less_than_equal": N_("must be {limit} or less"),
    "less_than": N_("must be less than {limit}"),
    "missing": N_("is needed"),
    "string_too_short": N_("must not be empty"),
    "decimal_max_places": N_("can have at most {limit} digits after the decimal point"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "decimal_parsing": N_("must be a number"),
    "string_pattern_mismatch": N_("is not written the way it should be"),
    "literal_error": N_("is not one of the choices"),
}


def _plain_message(item: dict[str, Any]) -> str:
    """One pydantic error as a short phrase; our own validators' messages are already translated."""
    kind = str(item["type"])
    context = item.get("ctx") or {}
    if kind == "value_error":
        return str(context.get("error", item["msg"]))
    plain = _PLAIN_MESSAGES.get(kind)
    if plain is None:
        from carecoop.content.messages import known_keys, rewrite

        return rewrite(item, known_keys([Plan]))
    limit = next((context[key] for key in ("ge", "gt", "le", "lt", "decimal_places") if key in context), "")
    return _(plain).format(limit=limit)


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
            return _("This one is needed.")
        return None
    try:
        value = parse_cell(column, raw, None, locale)
        field_adapter(row_model, column.path).validate_python(to_json(value))
    except ValueError as error:
        if isinstance(error, ValidationError):
            return plain_error(error)
        return sentence(str(error))
    return None
