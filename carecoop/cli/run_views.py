"""Rich renderables of the facilitator's screen: agenda, activity card, steps, closing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from carecoop.cli.room_views import TimeLeft
from carecoop.content.models import Activity, ActivityKind, Question, QuestionKind
from carecoop.i18n import N_, _
from carecoop.workshop.prompter import AgendaEntry, AnswerRow
from carecoop.workshop.quiz_counts import ChoiceCounts, choice_labels
from carecoop.workshop.timer import Countdown

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


def agenda_table(
    agenda: Sequence[AgendaEntry], suggested: int | None, title: str, limit: int | None = None
) -> Table:
    """The activities with their planned start, module, minutes and progress mark.

    With a `limit`, only that many rows around the suggested activity, and how many more
    there are before and after (the whole agenda is in the "Go to another activity" list).
    """
    first, last = 0, len(agenda)
    if limit is not None and len(agenda) > limit:
        first = max(0, min((suggested or 0) - 2, len(agenda) - limit))
        last = first + limit
    table = Table(title=Text(title, style="bold"), title_justify="left", pad_edge=False, box=None)
    table.add_column("", width=2)

    def narrow(header: str, width: int, **options: Any) -> None:
        # At 80 columns only the activity's title may shrink: a time cut to "09…" is useless.
        table.add_column(header, no_wrap=True, min_width=max(width, len(header)), **options)

    narrow(_("Time"), 5)
    # TRANSLATORS: a narrow column header, short for module.
    narrow(_("Mod"), 2)
    # Wrappable columns are the ones rich narrows first; their cells keep to one line.
    table.add_column(_("Activity"))
    table.add_column(_("Kind"), max_width=14)
    # TRANSLATORS: a narrow column header, short for minutes.
    narrow(_("Min"), 3, justify="right")
    narrow(_("Answers"), 2, justify="right")
    days = {entry.slot.day for entry in agenda}
    day = 0
    if first:
        table.add_row("", "", "", Text(f"… {first}", style="dim"), "", "", "")
    for entry in agenda[first:last]:
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
            Text(slot.activity.title, style=style, no_wrap=True, overflow="ellipsis"),
            Text(kind_name(slot.activity.kind), no_wrap=True, overflow="ellipsis"),
            str(slot.activity.duration),
            str(entry.answers) if entry.answers else "",
        )
    if last < len(agenda):
        table.add_row("", "", "", Text(f"… +{len(agenda) - last}", style="dim"), "", "", "")
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


def room_step_view(activity: Activity, index: int, countdown: Countdown | None) -> Group:
    """A step as the room sees it: the pictogram, the step in bold, the time left in big digits.

    Never the facilitator's note. The header above already says the module and activity.
    """
    step = activity.steps[index]
    parts: list[RenderableType] = []
    if activity.pictogram:
        parts.append(Text(f"[ {activity.pictogram} ]", style="magenta", justify="center"))
    parts += [
        Text(""),
        Text(
            _("STEP {number} OF {total}").format(number=index + 1, total=len(activity.steps)),
            style="bold",
            justify="center",
        ),
        Text(""),
        Text(step.text, style="bold", justify="center"),
    ]
    if countdown is not None:
        parts += [Text(""), TimeLeft(countdown)]
    return Group(*parts)


def question_view(question: Question, editing_text: str | None, hidden: bool) -> Group:
    """The question, its help and numbered choices; the value being changed unless `hidden`."""
    parts: list[RenderableType] = [Text(question.prompt, style="bold")]
    if question.help:
        parts.append(Text(question.help, style="dim"))
    # On the projector a multiple choice is typed as numbers too: ticks would show the room.
    if question.kind is QuestionKind.CHOICE or (hidden and question.kind is QuestionKind.MULTI_CHOICE):
        parts += [Text(f"  {number}  {choice.label}") for number, choice in enumerate(question.choices, 1)]
    if editing_text is not None:
        now = _("(hidden on the projector)") if hidden else editing_text
        parts.append(Text(_("Now: {answer}").format(answer=now), style="dim"))
    return Group(*parts)


def counts_view(question: Question, counts: Sequence[ChoiceCounts]) -> Group:
    """How many chose each answer, group by group: numbers only, never names."""
    title = Text(_("How the room answered: {question}").format(question=question.prompt), style="bold")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(_("Answer"))
    for each in counts:
        table.add_column(each.label, justify="right")
    for choice_id, label in choice_labels(question):
        table.add_row(Text(label), *[str(each.counts.get(choice_id, 0)) for each in counts])
    if any(each.skipped for each in counts):
        table.add_row(Text("(skipped)", style="dim"), *[str(each.skipped) for each in counts])
    return Group(table)


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
        title = Text(_("Recorded in this activity"), style="bold")
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
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
