"""Plan data from the answers recorded during a Start.CareCoop run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from carecoop.plan.field_paths import plan_field_exists, plan_field_paths
from carecoop.plan.fields import field_info, path_adapter
from carecoop.plan.model import Plan
from carecoop.plan.values import coerce

if TYPE_CHECKING:
    from carecoop.content.curriculum import Curriculum
    from carecoop.content.models import Question
    from carecoop.store.records import Answer



def target_path(question: Question) -> str | None:
    """The plan field a question fills, when it names one the plan has."""
    if question.plan_field and plan_field_exists(question.plan_field):
        return question.plan_field
    return None


def field_value(path: str, value: Any, columns: list[str] | None = None) -> Any:
    """An answer as the JSON value of a plan field; ValueError when it does not fit.

    Rows that do not validate are left out rather than failing the whole list.
    """
    info = field_info(path)
    coerced = coerce(info, value, columns)
    if info.row is not None:
        rows = []
        for row in coerced:
            try:
                rows.append(info.row.model_validate(row).model_dump(mode="json", exclude_defaults=True))
            except ValidationError:
                continue
        return rows
    adapter = path_adapter(path)
    try:
        checked = adapter.validate_python(coerced)
    except ValidationError as error:
        raise ValueError(error.errors()[0]["msg"]) from None
    return adapter.dump_python(checked, mode="json")


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Put a value at a dotted path, creating sections on the way."""
    *parents, name = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[name] = value


def get_path(data: dict[str, Any], path: str) -> Any:
    """The value at a dotted path, or None."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def plan_from_answers(curriculum: Curriculum, answers: list[Answer], group: str | None) -> dict[str, Any]:
    """Plan data built from recorded answers whose question has a `plan_field`.

    The group's own answers win over plenary ones (no participant, no group); among
    equals the later answer wins. Participants' individual answers are not used. An answer
    that does not fit its field is left out, so the result always validates as a Plan.
    """
    chosen: dict[str, tuple[int, int, Any, list[str]]] = {}
    for answer in answers:
        if answer.skipped or answer.value is None or answer.participant:
            continue
        if answer.group is not None and answer.group != group:
            continue
        found = curriculum.find_activity(answer.activity_id)
        question = found[1].question(answer.question_id) if found else None
        path = target_path(question) if question else None
        if path is None or question is None:
            continue
        rank = (1 if answer.group is not None else 0, answer.id)
        previous = chosen.get(path)
        if previous is None or rank >= previous[:2]:
            chosen[path] = (*rank, answer.value, list(question.columns))
    data: dict[str, Any] = {}
    order: list[str] = []
    for path in plan_field_paths():
        if path not in chosen:
            continue
        _, _, value, columns = chosen[path]
        try:
            converted = field_value(path, value, columns)
        except ValueError:
            continue
        if converted in (None, [], ""):
            continue
        set_path(data, path, converted)
        order.append(path)
    # Checks across fields (allocation over 100%…) can still fail: drop the latest fields.
    while order:
        try:
            Plan.model_validate(data)
            break
        except ValidationError:
            path = order.pop()
            *parents, name = path.split(".")
            holder = get_path(data, ".".join(parents)) if parents else data
            del holder[name]
    return data
