"""Rich renderables of the facilitator's screen: agenda, activity card, steps, closing."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from carecoop.content.models import Activity, ActivityKind
from carecoop.i18n import N_, _
from carecoop.workshop.prompter import AgendaEntry, AnswerRow

#: Progress marks on the agenda.
MARKS = {"done": "✓", "started": "…", "": ""}

#: Each kind of activity as the screen names it (translated where it is shown).
KIND_NAMES: dict[ActivityKind, str] = {
    ActivityKind.ICEBREAKER: N_("icebreaker"),
    ActivityKind.GAME: N_("game"),
    ActivityKind.DISCUSSION: N_("discussion"),
    ActivityKind.ROLE_PLAY: N_("role-play"),
    ActivityKind.STORY: N_("story"),
    ActivityKind.WORKSHEET: N_("worksheet"),
    ActivityKind.PRESENTATION: N_("presentation"),
    ActivityKind.REFLECTION: N_("reflection"),
    ActivityKind.ENERGISER: N_("energiser"),
    ActivityKind.QUIZ: N_("quiz"),
    ActivityKind.BREAK: N_("break"),
}


def kind_name(kind: ActivityKind) -> str:
    """The kind of an activity in the screen's language."""
    return _(KIND_NAMES.get(kind, str(kind)))


def agenda_table(agenda: Sequence[AgendaEntry], suggested: int | None, title: str) -> Table:
    """Every activity with its planned start, module, minutes and progress mark."""
    table = Table(title=Text(title, style="bold"), title_justify="left", pad_edge=False)
    table.add_column("", width=2)
    table.add_column(_("Time"), no_wrap=True)
    # TRANSLATORS: a narrow column header, short for module.
    table.add_column(_("Mod"), no_wrap=True)
    table.add_column(_("Activity"))
    table.add_column(_("Kind"), no_wrap=True)
    # TRANSLATORS: a narrow column header, short for minutes.
    table.add_column(_("Min"), justify="right")
    table.add_column(_("Answers"), justify="right")
    days = {entry.slot.day for entry in agenda}
    day = 0
    for entry in agenda:
        slot = entry.slot
        if len(days) > 1 and slot.day != day:
            day = slot.day
            if slot.date:
                heading = _("Day {day} ({date})").format(day=day, date=slot.date.isoformat())
            else:
                heading = _("Day {day}").format(day=day)
            table.add_row("", Text(heading, style="bold"), "", "", "", "", "")
        mark = "▶" if entry.index == suggested else MARKS.get(entry.status, "")
        style = "dim" if entry.status == "done" else ("bold" if entry.index == suggested else "")
        table.add_row(
            mark,
            slot.start,
            str(slot.module.number),
            Text(slot.activity.title, style=style),
            kind_name(slot.activity.kind),
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
        Text(
            _("Module {number}: {title}").format(number=slot.module.number, title=slot.module.title),
            style="bold",
        ),
        Text(
            _("{kind} · {minutes} min · planned {start}–{end} · activity {number} of {total}").format(
                kind=kind_name(activity.kind), minutes=activity.duration, start=slot.start, end=slot.end,
                number=entry.index + 1, total=total,
            ),
            style="cyan",
        ),
    ]
    if activity.kind is ActivityKind.BREAK:
        parts.append(Text(_("Time for a break. The timer below counts it down.")))
    parts += _bullets(_("Objectives"), activity.objectives)
    parts += _bullets(_("Materials"), activity.materials)
    parts += _bullets(_("Roles"), activity.roles)
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
            title=Text(
                _("Step {number} of {count} · read aloud").format(
                    number=index + 1, count=len(activity.steps)
                ),
                style="bold",
            ),
            title_align="left",
            border_style="green",
        )
    ]
    if step.note:
        note = _("Facilitator only: {note}").format(note=step.note)
        parts.append(Padding(Text(note, style="italic yellow"), (0, 0, 0, 2)))
    return Group(*parts)


def closing_view(activity: Activity, rows: Sequence[AnswerRow], key_messages: bool) -> Group:
    """The key messages to close with, and the activity's answers for review."""
    parts: list[RenderableType] = []
    if key_messages and activity.key_messages:
        parts.append(
            Panel(
                Group(*[Text(f"• {message}") for message in activity.key_messages]),
                title=Text(_("Key messages · say them to close the activity"), style="bold"),
                title_align="left",
                border_style="magenta",
            )
        )
    if rows:
        table = Table(title=Text(_("Recorded in this activity"), style="bold"), title_justify="left")
        table.add_column(_("Question"), ratio=2)
        table.add_column(_("Who"), ratio=1)
        table.add_column(_("Answer"), ratio=3)
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
