"""Plain-language rewrites of pydantic's validation messages for module files."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from carecoop.content.models import PICTOGRAMS

#: Messages for a field whose meaning the generic message would hide.
_FIELD_MESSAGES: dict[tuple[str, str], str] = {
    ("duration", "greater_than"): "must be a positive number of minutes",
    ("duration", "int_parsing"): "must be a whole number of minutes",
    ("duration", "int_type"): "must be a whole number of minutes",
    ("duration", "int_from_float"): "must be a whole number of minutes",
    ("duration", "less_than_equal"): "must be at most 600 minutes (split a longer activity)",
    ("id", "string_pattern_mismatch"): (
        "must be lowercase letters, digits and hyphens, like 'tc1-welcome'"
    ),
    ("language", "string_pattern_mismatch"): "must be a language code like 'en' or 'ar'",
    ("day_start", "string_pattern_mismatch"): "must be a time like '09:00'",
}


def known_keys(models: list[type[BaseModel]]) -> set[str]:
    """Every field name of these models and the models nested in them."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    pending = list(models)
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            names.add(name)
            pending.extend(_nested_models(field.annotation))
    return names


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_nested_models(argument))
    return found


def _field_name(location: tuple[str | int, ...]) -> str:
    for part in reversed(location):
        if isinstance(part, str):
            return part
    return ""


def rewrite(error: dict[str, Any], keys: set[str]) -> str:
    """One pydantic error as a short sentence a module author understands."""
    kind = str(error["type"])
    location = tuple(error["loc"])
    special = _FIELD_MESSAGES.get((_field_name(location), kind))
    if special:
        return special
    if kind == "extra_forbidden":
        key = str(location[-1]) if location else ""
        # Never suggest the very key being refused.
        close = difflib.get_close_matches(key, sorted(keys - {key}), n=1, cutoff=0.7)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{key}'{hint}"
    if kind == "literal_error" and _field_name(location) in ("picture", "pictures"):
        return f"there is no pictogram '{error.get('input')}'; use one of: {', '.join(PICTOGRAMS)}"
    if kind == "missing":
        return "is required"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        minimum = error.get("ctx", {}).get("min_length", 1)
        return f"needs at least {minimum} item{'s' if minimum != 1 else ''}"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {
            "string_type": "text",
            "list_type": "a list",
            "dict_type": "a mapping of keys to values",
            "model_type": "a mapping of keys to values",
            "model_attributes_type": "a mapping of keys to values",
        }[kind]
        return f"must be {wanted}"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    message = message.replace("Input should be", "must be")
    return message[:1].lower() + message[1:]


def dotted(location: tuple[str | int, ...]) -> str:
    """`('activities', 2, 'duration')` → `activities.2.duration`."""
    return ".".join(str(part) for part in location)


def validation_problems(
    error: ValidationError, keys: set[str]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Each problem of a validation error as (location, message), tagged unions unwrapped."""
    problems = []
    for item in error.errors():
        # pydantic puts a function-validator or union tag into the location; drop it.
        location = tuple(
            part
            for part in item["loc"]
            if not (isinstance(part, str) and ("[" in part or part.startswith("function-")))
        )
        problems.append((location, rewrite(dict(item), keys)))
    return problems
