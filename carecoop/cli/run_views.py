"""Rich renderables of the facilitator's screen: agenda, activity card, steps, closing."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from carecoop.content.models import Activity, ActivityKind
from carecoop.workshop.prompter import AgendaEntry, AnswerRow

#: Progress marks on the agenda.
MARKS = {"done": "✓", "started": "…", "": ""}


def agenda_table(agenda: Sequence[AgendaEntry], suggested: int | None, title: str) -> Table:
    """Every activity with its planned start, module, minutes and progress mark."""
    table = Table(title=Text(title, style="bold"), title_justify="left", pad_edge=False)
    table.add_column("", width=2)
    table.add_column("Time", no_wrap=True)
    table.add_column("Mod", no_wrap=True)
    table.add_column("Activity")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Min", justify="right")
    table.add_column("Answers", justify="right")
    days = {entry.slot.day for entry in agenda}
    day = 0
    for entry in agenda:
        slot = entry.slot
        if len(days) > 1 and slot.day != day:
            day = slot.day
            when = f" ({slot.date.isoformat()})" if slot.date else ""
            table.add_row("", Text(f"Day {day}{when}", style="bold"), "", "", "", "", "")
        mark = "▶" if entry.index == suggested else MARKS.get(entry.status, "")
        style = "dim" if entry.status == "done" else ("bold" if entry.index == suggested else "")
        table.add_row(
            mark,
            slot.start,
            str(slot.module.number),
            Text(slot.activity.title, style=style),
            str(slot.activity.kind),
            str(slot.activity.duration),
            str(entry.answers) if entry.answers else "",
        )
    return table


def _bullets(title: str, items: Sequence[str]) -> list[RenderableType]:
    if not items:
        return []
    parts: list[RenderableType] = [Text(title, style="bold")]
    parts += [Padding(Text(f"• {item}"), (0, 0, 0, 2)) for item in items]
    return parts


def activity_card(entry: AgendaEntry, total: int) -> Panel:
    """Title, kind, objectives, minutes and materials of the activity about to start."""
    slot = entry.slot
    activity = slot.activity
    parts: list[RenderableType] = [
        Text(f"Module {slot.module.number}: {slot.module.title}", style="bold"),
        Text(
            f"{activity.kind} · {activity.duration} min · planned {slot.start}–{slot.end} · "
            f"activity {entry.index + 1} of {total}",
            style="cyan",
        ),
    ]
    if activity.kind is ActivityKind.BREAK:
        parts.append(Text("Time for a break. The timer below counts it down."))
    parts += _bullets("Objectives", activity.objectives)
    parts += _bullets("Materials", activity.materials)
    parts += _bullets("Roles", activity.roles)
    return Panel(
        Group(*parts),
        title=Text(f"{activity.title}  [{activity.id}]", style="bold"),
        title_align="left",
        border_style="blue",
    )


def step_view(activity: Activity, index: int) -> Group:
    """One step to read aloud, and the facilitator's note set apart."""
    step = activity.steps[index]
    parts: list[RenderableType] = [
        Panel(
            Text(step.text),
            title=Text(f"Step {index + 1} of {len(activity.steps)} · read aloud", style="bold"),
            title_align="left",
            border_style="green",
        )
    ]
    if step.note:
        parts.append(Padding(Text(f"Facilitator only: {step.note}", style="italic yellow"), (0, 0, 0, 2)))
    return Group(*parts)


def closing_view(activity: Activity, rows: Sequence[AnswerRow], key_messages: bool) -> Group:
    """The key messages to close with, and the activity's answers for review."""
    parts: list[RenderableType] = []
    if key_messages and activity.key_messages:
        parts.append(
            Panel(
                Group(*[Text(f"• {message}") for message in activity.key_messages]),
                title=Text("Key messages · say them to close the activity", style="bold"),
                title_align="left",
                border_style="magenta",
            )
        )
    if rows:
        table = Table(title=Text("Recorded in this activity", style="bold"), title_justify="left")
        table.add_column("Question", ratio=2)
        table.add_column("Who", ratio=1)
        table.add_column("Answer", ratio=3)
        previous = ""
        for row in rows:
            prompt = row.question.prompt
            table.add_row(
                Text("" if prompt == previous else prompt),
                Text(row.target.label),
                Text(row.text, style="dim" if row.skipped else ""),
            )
            previous = prompt
        parts.append(table)
    return Group(*parts)
