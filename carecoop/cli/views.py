"""Rich renderables for the curriculum: tables and reading views."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from carecoop.content.models import Activity, ActivityKind, Module, Programme


def hours(minutes: int) -> str:
    """`95` → `1 h 35 min`."""
    whole, rest = divmod(minutes, 60)
    if not whole:
        return f"{rest} min"
    return f"{whole} h {rest:02d} min" if rest else f"{whole} h"


def plural(count: int, noun: str) -> str:
    """`1 module`, `2 modules`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def programme_table(entry: dict[str, Any]) -> Table:
    """A programme's modules with activities and minutes, and the total."""
    table = Table(title=f"{entry['title']} ({entry['id']})", title_justify="left")
    table.add_column("Module")
    table.add_column("Title")
    table.add_column("Activities", justify="right")
    table.add_column("Minutes", justify="right")
    table.add_column("Breaks", justify="right")
    for module in entry["modules"]:
        table.add_row(
            module["id"],
            module["title"],
            str(module["activities"]),
            str(module["activity_minutes"]),
            str(module["break_minutes"]) if module["break_minutes"] else "",
        )
    breaks = entry["minutes"] - entry["activity_minutes"]
    table.add_section()
    table.add_row(
        "Total",
        f"{plural(len(entry['modules']), 'module')}, {hours(entry['minutes'])} with breaks",
        str(sum(m["activities"] for m in entry["modules"])),
        str(entry["activity_minutes"]),
        str(breaks) if breaks else "",
    )
    return table


def programme_view(programme: Programme, entry: dict[str, Any]) -> Group:
    """A programme for reading: what it is, for whom, its modules, and where it comes from."""
    parts: list[RenderableType] = [
        Text(f"{programme.title}  [{programme.id}]", style="bold underline"),
        Text(f"{programme.days:g} {'day' if programme.days == 1 else 'days'}"),
        Text(programme.summary + "\n"),
        Text(f"For: {programme.audience}\n"),
        programme_table(entry),
        Text(""),
    ]
    if programme.credit:
        parts += [Text("Credit", style="bold"), Text(programme.credit + "\n")]
    first = entry["modules"][0]["id"] if entry["modules"] else None
    if first:
        parts.append(Text(f"Show one module: carecoop modules show {first}"))
    return Group(*parts)


def _bullets(title: str, items: list[str]) -> list[RenderableType]:
    if not items:
        return []
    lines: list[RenderableType] = [Text(title, style="bold")]
    lines.extend(Padding(Text(f"• {item}"), (0, 0, 0, 2)) for item in items)
    lines.append(Text(""))
    return lines


def module_view(module: Module) -> Group:
    """A module for reading: summary, objectives, agenda of activities, handout."""
    parts: list[RenderableType] = [
        Text(f"Module {module.number}: {module.title}  [{module.id}]", style="bold underline"),
        Text(f"{module.minutes} minutes · language {module.language}\n"),
        Text(module.summary + "\n"),
    ]
    parts += _bullets("Objectives", module.objectives)
    table = Table(title="Activities", title_justify="left")
    table.add_column("Id")
    table.add_column("Activity")
    table.add_column("Kind")
    table.add_column("Min", justify="right")
    table.add_column("Records", justify="right")
    for activity in module.activities:
        table.add_row(
            activity.id,
            activity.title,
            str(activity.kind),
            str(activity.duration),
            str(len(activity.questions)) if activity.questions else "",
        )
    parts += [table, Text("")]
    parts += _bullets("Handout key messages", module.handout.key_messages)
    parts.append(Text(f"Show one activity: carecoop modules show {module.activities[0].id}"))
    return Group(*parts)


def activity_view(module: Module, activity: Activity) -> Group:
    """An activity for reading: everything a facilitator needs to run it."""
    parts: list[RenderableType] = [
        Text(f"{activity.title}  [{activity.id}]", style="bold underline"),
        Text(
            f"Module {module.number}: {module.title} · {activity.kind} · "
            f"{activity.duration} minutes\n"
        ),
    ]
    if activity.kind is ActivityKind.BREAK:
        return Group(*parts)
    parts += _bullets("Objectives", activity.objectives)
    parts += _bullets("Materials", activity.materials)
    parts += _bullets("Preparation", activity.preparation)
    parts += _bullets("Roles", activity.roles)
    parts.append(Text("Steps (read aloud)", style="bold"))
    for number, step in enumerate(activity.steps, start=1):
        parts.append(Padding(Text(f"{number}. {step.text}"), (0, 0, 0, 2)))
        if step.note:
            parts.append(Padding(Text(f"Facilitator: {step.note}", style="italic"), (0, 0, 0, 5)))
    parts.append(Text(""))
    parts += _bullets("Key messages", activity.key_messages)
    if activity.questions:
        parts.append(Text("What gets recorded", style="bold"))
        for question in activity.questions:
            parts.append(
                Padding(
                    Text(f"• {question.prompt} ({question.kind}, each {question.scope})"),
                    (0, 0, 0, 2),
                )
            )
            # Choices are shown so that a facilitator can print or copy them for the group.
            for letter, choice in zip("abcdefghijklmnopqrstuvwxyz", question.choices, strict=False):
                right = question.correct == choice.id or (
                    isinstance(question.correct, list) and choice.id in question.correct
                )
                mark = "  ← right answer" if right else ""
                parts.append(Padding(Text(f"{letter}) {choice.label}{mark}"), (0, 0, 0, 5)))
        parts.append(Text(""))
    parts += _bullets("Adapting it to your place", activity.adaptation)
    return Group(*parts)
