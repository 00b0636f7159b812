"""Turning typed or recorded answers into plan values: numbers, yes/no, lists, rows."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from carecoop.plan.fields import COLUMN_SYNONYMS, FieldInfo, row_fields
from carecoop.plan.model import PlanModel

_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(value: Any) -> Decimal:
    """A number from an answer: `1,200`, `1 200`, `12.5%`, `$ 30` and `2,5` are all read.

    A comma is a thousands separator when it groups digits in threes (`1,200`), otherwise
    a decimal comma (`2,5`). Raises ValueError with a plain message when there is no number.
    """
    if isinstance(value, bool):
        raise ValueError("must be a number")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if not isinstance(value, str):
        raise ValueError("must be a number")
    text = re.sub(r"[\s_\u00a0\u202f']", "", value)
    text = re.sub(r"^[^\d\-.,]+|[^\d.,]+$", "", text)  # currency signs, codes, a trailing %
    if "," in text and "." in text:
        text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", "") if _THOUSANDS.match(text) else text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{value}' is not a number") from None
    if not number.is_finite():
        raise ValueError(f"'{value}' is not a number")
    return number


def parse_bool(value: Any) -> bool:
    """Yes/no from an answer: true/false, yes/no, y/n, 1/0."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "y", "true", "1", "oui", "sí", "si"):
        return True
    if text in ("no", "n", "false", "0", "non"):
        return False
    raise ValueError(f"'{value}' is not yes or no")


def _lines(value: str) -> list[str]:
    """Lines of a text, without bullets and blanks."""
    items = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line).strip() for line in value.splitlines()]
    return [item for item in items if item]


def coerce(info: FieldInfo, value: Any, columns: list[str] | None = None) -> Any:
    """An answer in the shape a field wants (validation proper is left to pydantic)."""
    if value is None:
        return None
    kind = info.kind
    if kind == "text":
        if isinstance(value, list):
            return "\n".join(str(v) for v in value if str(v).strip())
        return str(value)
    if kind in ("texts", "choices"):
        if isinstance(value, str):
            return _lines(value)
        if isinstance(value, list):
            return [str(v).strip() for v in value if v is not None and str(v).strip()]
        return [str(value)]
    if kind in ("money", "percent", "number"):
        return parse_number(value)
    if kind == "int":
        number = parse_number(value)
        if number != number.to_integral_value():
            raise ValueError(f"'{value}' is not a whole number")
        return int(number)
    if kind == "bool":
        return parse_bool(value)
    if kind == "choice":
        return str(value)
    assert info.row is not None
    if not isinstance(value, list):
        raise ValueError("must be a list of rows")
    return [row for row in (coerce_row(info.row, item, columns) for item in value) if row]


def slugify(name: str) -> str:
    """A table column name as a row key: "Monthly wage" → `monthly_wage`."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def coerce_row(row: type[PlanModel], item: Any, columns: list[str] | None = None) -> dict[str, Any]:
    """One table row (dict by column name, list by column order, or a bare text) as row data.

    Keys are slugified and mapped through COLUMN_SYNONYMS; unknown keys and blank cells are
    dropped; cells that cannot be read are dropped too, so pydantic reports what is missing.
    """
    fields = {f.path: f for f in row_fields(row)}
    if isinstance(item, str):
        first = next(iter(fields))
        return {first: item.strip()} if item.strip() else {}
    if isinstance(item, list):
        item = dict(zip(columns or [], item, strict=False))
    if not isinstance(item, dict):
        return {}
    data: dict[str, Any] = {}
    for name, cell in item.items():
        key = slugify(str(name))
        if key not in fields:
            key = COLUMN_SYNONYMS.get(key, key)
        if key not in fields or key in data or cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        try:
            data[key] = coerce(fields[key], cell)
        except ValueError:
            continue
    return data
