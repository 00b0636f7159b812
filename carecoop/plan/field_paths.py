"""Addresses of plan fields: the dotted paths module files name with `plan_field`.

A list of rows is addressed without an index (`financial.loans`); sections themselves are
not fields. The names are a public contract (see `carecoop.plan.model`).
"""

from __future__ import annotations

import functools
from typing import Any, get_args, get_origin

from carecoop.plan.model import Plan, PlanModel


def _model_of(annotation: Any) -> type[PlanModel] | None:
    """The section model of a nested-section annotation."""
    if isinstance(annotation, type) and issubclass(annotation, PlanModel):
        return annotation
    return None


def _row_model(annotation: Any) -> type[PlanModel] | None:
    """The row model of a `list[Row]` annotation."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if isinstance(item, type) and issubclass(item, PlanModel):
            return item
    return None


@functools.cache
def plan_field_paths() -> dict[str, Any]:
    """Every addressable field path → its annotation (sections themselves are not fields).

    Cached: the loader asks once per question. Callers must not change the dict.
    """
    paths: dict[str, Any] = {}

    def walk(model: type[PlanModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            path = f"{prefix}{name}"
            nested = _model_of(field.annotation)
            if nested is not None:
                walk(nested, f"{path}.")
            else:
                paths[path] = field.annotation

    walk(Plan, "")
    return paths


def plan_field_exists(path: str) -> bool:
    """Whether a dotted `plan_field` names a field of the plan (lists without an index)."""
    return path in plan_field_paths()


def plan_sections() -> list[str]:
    """The top-level section names, in plan order."""
    return list(Plan.model_fields)


def row_model(path: str) -> type[PlanModel] | None:
    """The row model of a list-of-rows field path, or None for any other field."""
    annotation = plan_field_paths().get(path)
    return _row_model(annotation) if annotation is not None else None
