"""Turning typed or recorded answers into plan values: numbers, yes/no, lists, rows.

Numbers, yes/no and lists are read by `carecoop.values`, the reader the workshop run
uses too; this module only knows the plan's field kinds.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from carecoop.i18n import _
from carecoop.plan.field_paths import plan_field_paths
from carecoop.plan.fields import COLUMN_SYNONYMS, FieldInfo, field_info, row_fields
from carecoop.plan.model import PlanModel
from carecoop.slugs import slug
from carecoop.values.lists import split_list
from carecoop.values.numbers import Kind, read_decimal
from carecoop.values.problem import ValueProblem
from carecoop.values.yes_no import read_yes_no

_NUMBER_KINDS: dict[str, Kind] = {"money": "money", "percent": "percent", "number": "number", "int": "number"}


def read_number(info: FieldInfo, value: Any, locale: str | None) -> Decimal:
    """A number field's value; `locale` None reads only canonical values (stored answers)."""
    return read_decimal(value, locale, kind=_NUMBER_KINDS[info.kind], whole=info.kind == "int")


def coerce(info: FieldInfo, value: Any, columns: list[str] | None = None, locale: str | None = None) -> Any:
    """An answer in the shape a field wants (validation proper is left to pydantic).

    `locale` is how typed numbers are written (`es_CO`); None for stored, canonical values.
    """
    if value is None:
        return None
    kind = info.kind
    if kind == "text":
        if isinstance(value, list):
            return "\n".join(str(v) for v in value if str(v).strip())
        return str(value)
    if kind in ("texts", "choices"):
        if isinstance(value, str):
            return split_list(value)
        if isinstance(value, list):
            return [str(v).strip() for v in value if v is not None and str(v).strip()]
        return [str(value)]
    if kind in ("money", "percent", "number"):
        return read_number(info, value, locale)
    if kind == "int":
        return int(read_number(info, value, locale))
    if kind == "bool":
        return read_yes_no(value, locale or "en")
    if kind == "choice":
        return str(value)
    assert info.row is not None
    if not isinstance(value, list):
        raise ValueError(_("must be a list of rows"))
    return [row for row in (coerce_row(info.row, item, columns, locale) for item in value) if row]


def slugify(name: str) -> str:
    """A table column name as a row key: "Monthly wage" → `monthly_wage`."""
    return slug(name, "_")


def row_field(row: type[PlanModel], name: str) -> FieldInfo | None:
    """The field of a row model a table column fills ("Cost" → `amount`), if any."""
    fields = {f.path: f for f in row_fields(row)}
    return fields.get(_row_key(fields, name))


def _row_key(fields: dict[str, FieldInfo], name: str) -> str:
    key = slugify(str(name))
    return key if key in fields else COLUMN_SYNONYMS.get(key, key)


def coerce_row(
    row: type[PlanModel], item: Any, columns: list[str] | None = None, locale: str | None = None
) -> dict[str, Any]:
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
        key = _row_key(fields, name)
        if key not in fields or key in data or cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        try:
            data[key] = coerce(fields[key], cell, locale=locale)
        except ValueError:
            continue
    return data


Location = tuple[str | int, ...]


def _read_leaf(info: FieldInfo, value: Any, locale: str) -> Any:
    if info.kind in _NUMBER_KINDS:
        number = read_number(info, value, locale)
        return int(number) if info.kind == "int" else number
    return read_yes_no(value, locale)


def read_file_values(data: dict[str, Any], locale: str) -> list[tuple[Location, str]]:
    """Read the numbers and yes/no of a plan file's data in place, as `locale` writes them.

    `1.250,50` in a Colombian plan becomes Decimal 1250.50 before pydantic sees it. A value
    that cannot be read is removed from the data and reported at its location; other
    problems are left to pydantic.
    """
    problems: list[tuple[Location, str]] = []

    def visit(node: dict[str, Any], where: Location, key: str, info: FieldInfo) -> None:
        value = node.get(key)
        if value is None:
            return
        if info.kind in (*_NUMBER_KINDS, "bool"):
            try:
                node[key] = _read_leaf(info, value, locale)
            except ValueError as problem:
                del node[key]
                message = problem.in_file() if isinstance(problem, ValueProblem) else str(problem)
                problems.append(((*where, key), message))
        elif info.kind == "rows" and info.row is not None and isinstance(value, list):
            columns = row_fields(info.row)
            for index, row in enumerate(value):
                if isinstance(row, dict):
                    for column in columns:
                        visit(row, (*where, key, index), column.path, column)

    for path in plan_field_paths():
        *parents, name = path.split(".")
        node: Any = data
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            visit(node, tuple(parents), name, field_info(path))
    return problems
