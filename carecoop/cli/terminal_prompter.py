"""The Prompter of a real terminal: questionary prompts with a live countdown underneath.

Every prompt uses `unsafe_ask`, so Ctrl-C raises KeyboardInterrupt and reaches the one
handler in `carecoop run`. This module is imported only when a run starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.layout import ConditionalContainer, HSplit, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from rich.console import Console
from rich.text import Text

from carecoop.cli.run_views import MARKS, activity_card, agenda_table, closing_view, step_view
from carecoop.content.models import Activity, Module, Question, QuestionKind
from carecoop.countries.profiles import value_locale
from carecoop.errors import NextStep
from carecoop.i18n import _, ngettext
from carecoop.store.records import Participant, Workshop
from carecoop.workshop.prompter import (
    LATER,
    SKIPPED,
    AgendaEntry,
    AnswerRow,
    AskRequest,
    EndChoice,
    Navigation,
)
from carecoop.workshop.timer import Countdown, Urgency
from carecoop.workshop.values import ValueProblem, check_value, expectation, parse_text, scale_bounds

_SKIP = "__skip__"
_LATER = "__later__"
_YES = {"y", "yes"}
_NO = {"n", "no"}
_URGENCY_STYLE = {
    Urgency.NORMAL: "noreverse bg:ansiblue fg:ansiwhite",
    Urgency.AMBER: "noreverse bg:ansiyellow fg:ansiblack bold",
    Urgency.RED: "noreverse bg:ansired fg:ansiwhite bold",
    Urgency.OVER: "noreverse bg:ansired fg:ansiwhite bold",
}
Toolbar = Callable[[], StyleAndTextTuples]


def toolbar(countdown: Countdown, title: str) -> Toolbar:
    """The bottom toolbar: time left, amber at 20%, red at 5%, and when time is over."""

    def render() -> StyleAndTextTuples:
        style = _URGENCY_STYLE[countdown.urgency()]
        timer = _("Timer: {time}").format(time=countdown.label())
        return [(style, f" {timer} "), ("noreverse", f"  {title}")]

    return render


def _with_toolbar(question: questionary.Question, bar: Toolbar) -> questionary.Question:
    """Add the countdown under a list prompt (questionary's select cannot take bottom_toolbar)."""
    application = question.application
    line = ConditionalContainer(Window(FormattedTextControl(bar), height=1), filter=~is_done)
    application.layout.container = HSplit([application.layout.container, line])
    application.refresh_interval = 0.5
    return question


class TerminalPrompter:
    """Asks the facilitator in a terminal."""

    def __init__(self, console: Console, workshop: Workshop) -> None:
        self.console = console
        self.workshop = workshop
        self.locale = value_locale(workshop.country, workshop.language)
        self._bar: Toolbar | None = None
        self._title = ""
        self._last_question: tuple[str, str] | None = None

    # Plumbing ----------------------------------------------------------------------------

    def _timed(self, countdown: Countdown) -> None:
        self._bar = toolbar(countdown, self._title)

    def _text(self, message: str, **kwargs: Any) -> str:
        if self._bar is not None:
            kwargs.update(bottom_toolbar=self._bar, refresh_interval=0.5)
        answer: str = questionary.text(message, **kwargs).unsafe_ask()
        return answer

    def _select(self, message: str, choices: Sequence[questionary.Choice], **kwargs: Any) -> Any:
        question = questionary.select(message, choices=list(choices), **kwargs)
        if self._bar is not None:
            _with_toolbar(question, self._bar)
        return question.unsafe_ask()

    def _checkbox(self, message: str, choices: Sequence[questionary.Choice], **kwargs: Any) -> list[Any]:
        question = questionary.checkbox(message, choices=list(choices), **kwargs)
        if self._bar is not None:
            _with_toolbar(question, self._bar)
        answer: list[Any] = question.unsafe_ask()
        return answer

    # The Prompter protocol ---------------------------------------------------------------

    def notice(self, text: str, next_step: NextStep | None = None) -> None:
        """Print a message in yellow, and the command for its next step."""
        from carecoop.cli.common import next_step_text

        if next_step is not None:
            text += " " + next_step_text(next_step)
        self.console.print(Text(text, style="yellow"))

    def choose_start(self, agenda: Sequence[AgendaEntry], suggested: int | None) -> int | None:
        """Agenda, then: continue where the workshop stopped, jump, or stop."""
        self._bar = None
        self.console.print()
        title = _("{title} [{id}] · agenda").format(title=self.workshop.title, id=self.workshop.id)
        self.console.print(agenda_table(agenda, suggested, title))
        done = sum(1 for entry in agenda if entry.status == "done")
        self.console.print(
            ngettext(
                "{done} of {count} activities done.", "{done} of {count} activities done.", len(agenda)
            ).format(done=done, count=len(agenda)),
            markup=False,
        )
        choices = []
        if suggested is not None:
            entry = agenda[suggested]
            verb = _("Continue: {time} {title}") if entry.status or done else _("Start: {time} {title}")
            start = verb.format(time=entry.slot.start, title=entry.activity.title)
            choices.append(questionary.Choice(start, "go"))
        choices += [
            questionary.Choice(_("Go to another activity…"), "jump"), questionary.Choice(_("Stop"), "stop")
        ]
        action = self._select(_("Where do you want to start?"), choices)
        if action == "go":
            return suggested
        if action == "stop":
            return None
        jump = [
            questionary.Choice(
                f"{MARKS.get(e.status) or ' '} {e.slot.start}  {e.module.number}. {e.activity.title}", e.index
            )
            for e in agenda
        ]
        first = suggested if suggested is not None else 0
        picked: int = self._select(_("Which activity?"), jump, default=first)
        return picked

    def take_attendance(
        self, module: Module, participants: Sequence[Participant], present: set[int] | None = None
    ) -> set[int]:
        """Tick who is here (everyone, or those `present`, to begin with), then confirm who is absent."""
        self._bar = None
        ticked = {p.id for p in participants} if present is None else set(present)
        while True:
            self.console.print()
            choices = [
                questionary.Choice(
                    p.name + (f"  ({p.group})" if p.group else ""), p.id, checked=p.id in ticked
                )
                for p in participants
            ]
            ticked = set(
                self._checkbox(
                    _("Attendance for module {number}: {title}. Who is here?").format(
                        number=module.number, title=module.title
                    ),
                    choices,
                    instruction=_("(Space to untick someone who is absent, Enter when done)"),
                )
            )
            absent = [p.name for p in participants if p.id not in ticked]
            if not absent:
                everyone = ngettext("All {count} present.", "All {count} present.", len(participants))
                self.console.print(Text(everyone.format(count=len(participants)), style="green"))
                return ticked
            if ticked:
                summary = _("{present} of {count} present. Absent: {absent}.").format(
                    present=len(ticked), count=len(participants), absent=", ".join(absent)
                )
            else:
                summary = _(
                    "Nobody is ticked as present (0 of {count}): "
                    "questions for each participant will ask nobody."
                ).format(count=len(participants))
            self.console.print(Text(summary, style="yellow"))
            if self._yes_no(_("Is that right? y = yes, n = tick again:")):
                return ticked

    def show_activity(self, entry: AgendaEntry, total: int) -> None:
        """The activity's card."""
        self.console.print()
        self.console.print(activity_card(entry, total))
        self._title = entry.activity.title
        self._last_question = None

    def show_step(self, activity: Activity, index: int, countdown: Countdown) -> Navigation:
        """One step; Enter goes on, b goes back."""
        self._timed(countdown)
        self.console.print(step_view(activity, index))
        last = index == len(activity.steps) - 1
        onward = _("Enter: finish the steps") if last else _("Enter: next step")
        back = " · " + _("b: back") if index > 0 else ""
        typed = self._text(f"{onward}{back}", qmark="›")
        return Navigation.BACK if typed.strip().casefold() in ("b", "back") else Navigation.NEXT

    def ask(self, request: AskRequest) -> Any:
        """Ask one question of one answerer, in the way its kind needs."""
        question = request.question
        self._timed(request.countdown)
        if self._last_question != (question.id, str(request.editing)) or request.editing:
            self.console.print()
            self.console.print(Text(question.prompt, style="bold"))
            if question.help:
                self.console.print(Text(question.help, style="dim"))
            for number, label in enumerate(_numbered(question), start=1):
                self.console.print(Text(f"  {number}  {label}"))
            if request.editing:
                self.console.print(Text(_("Now: {answer}").format(answer=request.current_text), style="dim"))
        self._last_question = (question.id, str(request.editing))
        who = request.target.label
        counter = ""
        if request.total > 1:
            counter = " " + _("({position} of {total})").format(
                position=request.position, total=request.total
            )
        message = f"{who[0].upper()}{who[1:]}{counter}:"
        kind = question.kind
        if kind is QuestionKind.MULTI_CHOICE:
            return self._ask_multi(question, message, request)
        if kind is QuestionKind.LIST:
            return self._ask_list(question, message, request)
        if kind is QuestionKind.TABLE:
            return self._ask_table(question, message, request)
        return self._ask_typed(question, message, request)

    def saved(self, request: AskRequest, text: str) -> None:
        """What was recorded for whom, printed once the store has committed it."""
        joined = "; ".join(line.removeprefix("• ") for line in text.splitlines())
        shown = joined if len(joined) <= 60 else joined[:59] + "…"
        saved = _("Saved · {who}: {answer}").format(who=request.target.label, answer=shown)
        self.console.print(Text(f"  ✓ {saved}", style="green"))

    def _yes_no(self, message: str) -> bool:
        """A y or n typed and confirmed with Enter; nothing is assumed."""

        def validate(text: str) -> bool | str:
            return True if text.strip().casefold() in _YES | _NO else _("Type y or n, then Enter")

        typed = self._text(message, validate=validate, erase_when_done=True).strip().casefold()
        return typed in _YES

    def _ask_typed(self, question: Question, message: str, request: AskRequest) -> Any:
        # Nothing is assumed: an Enter pressed once too often must not record or skip anything.
        escapes = _("- to skip, later to leave it for the break") if request.can_defer else _("- to skip")

        def special(typed: str) -> Any:
            if typed == "-":
                return SKIPPED
            if request.can_defer and _is_later(typed):
                return LATER
            return None

        def validate(text: str) -> bool | str:
            typed = text.strip()
            if special(typed) is not None:
                return True
            if not typed:
                hint = _expected(question, self.locale).hint
                return _("{expected}, or {escapes}").format(expected=hint, escapes=escapes)
            try:
                _parse(question, typed, self.locale)
            except ValueProblem as problem:
                return problem.hint
            return True

        current = _typed_form(question, request.current) if request.editing else ""
        picked = question.kind in (QuestionKind.CHOICE, QuestionKind.YES_NO, QuestionKind.SCALE)
        expected = _expected(question, self.locale).expected
        instruction = f"({expected}; {escapes})" if picked else f"({escapes})"
        typed = self._text(
            message, default=current, validate=validate, instruction=instruction, erase_when_done=True
        ).strip()
        found = special(typed)
        return found if found is not None else _parse(question, typed, self.locale)

    def _ask_multi(self, question: Question, message: str, request: AskRequest) -> Any:
        current = request.current if isinstance(request.current, list) else []
        choices = [questionary.Choice(c.label, c.id, checked=c.id in current) for c in question.choices]
        later = [questionary.Choice(_("(later)"), _LATER)] if request.can_defer else []
        extra = self._skip_choice() + later

        def validate(picked: list[str]) -> bool | str:
            if _SKIP in picked or _LATER in picked:
                return True if len(picked) == 1 else _("Tick (skip) or (later) alone, or untick it")
            if not picked:
                return _("Tick at least one with Space, or tick (skip)")
            try:
                check_value(question, picked)
            except ValueProblem as problem:
                return problem.hint
            return True

        picked = self._checkbox(
            message, choices + extra, validate=validate, instruction=_("(Space to tick, Enter when done)"),
        )
        if picked == [_SKIP]:
            return SKIPPED
        return LATER if picked == [_LATER] else check_value(question, picked)

    def _skip_choice(self) -> list[questionary.Choice]:
        return [questionary.Choice(_("(skip)"), _SKIP)]

    def _rows_intro(self, request: AskRequest, what: str) -> None:
        if request.editing:
            if what == "row":
                intro = _(
                    "Each row is shown as it is: Enter keeps it, change the text to change it, "
                    "- removes it. Then add new ones; an empty line ends."
                )
            else:
                intro = _(
                    "Each item is shown as it is: Enter keeps it, change the text to change it, "
                    "- removes it. Then add new ones; an empty line ends."
                )
            self.console.print(intro, markup=False)
        elif request.resuming:
            kept = _("The rows typed before the run stopped are kept:") if what == "row" else _(
                "The items typed before the run stopped are kept:"
            )
            self.console.print(Text(kept, style="green"))

    def _ask_list(self, question: Question, message: str, request: AskRequest) -> Any:
        if request.can_defer:
            how = _(
                "type one item a line; an empty line ends the list, - skips it, "
                "later leaves it for the break."
            )
        else:
            how = _("type one item a line; an empty line ends the list, - skips it.")
        self.console.print(f"{message} {how}", markup=False)
        kept = [str(item) for item in request.current] if isinstance(request.current, list) else []
        items: list[str] = []
        self._rows_intro(request, "item")
        if request.editing:
            for item in kept:
                label = _("Item {number}:").format(number=len(items) + 1)
                typed = self._text(label, qmark="  ", default=item, erase_when_done=True).strip()
                if typed != "-":
                    items.append(typed or item)
                    self.console.print(f"    {len(items)}. {items[-1]}")
        elif request.resuming:
            items = kept
            for number, item in enumerate(items, start=1):
                self.console.print(f"    {number}. {item}")
        while True:
            if question.max_items is not None and len(items) >= question.max_items:
                return check_value(question, items)
            label = _("Item {number}:").format(number=len(items) + 1)
            typed = self._text(label, qmark="  ", erase_when_done=True).strip()
            if typed == "-" and not items:
                return SKIPPED
            if _is_later(typed) and not items and request.can_defer:
                return LATER
            if typed:
                items.append(typed)
                self._save_rows(request, items, f"{len(items)}. {typed}")
            elif items:
                try:
                    return check_value(question, items)
                except ValueProblem as problem:
                    self.notice(problem.hint)
            else:
                self.notice(_("Type at least one item, or - to skip."))

    def _save_rows(self, request: AskRequest, rows: list[Any], shown: str) -> None:
        """Commit the rows typed so far, then show the row as saved."""
        if request.save_draft is not None:
            request.save_draft(list(rows))
            self.console.print(Text(f"    {shown}  ✓ " + _("saved"), style="green"))
        else:
            self.console.print(f"    {shown}")

    def _ask_table(self, question: Question, message: str, request: AskRequest) -> Any:
        columns = question.columns
        how = _("type the table row by row ({columns}); an empty '{first}' ends it, - skips it.").format(
            columns=", ".join(columns), first=columns[0]
        )
        self.console.print(f"{message} {how}", markup=False)
        current = request.current if isinstance(request.current, list) else []
        kept = [row for row in current if isinstance(row, dict)]
        rows: list[dict[str, str]] = []
        self._rows_intro(request, "row")
        if request.editing:
            for old in kept:
                number = len(rows) + 1
                first = self._text(
                    _row_label(number, columns[0]), qmark="  ", default=str(old.get(columns[0], "")),
                    erase_when_done=True,
                ).strip()
                if first == "-":
                    continue
                row = {columns[0]: first or str(old.get(columns[0], ""))}
                for column in columns[1:]:
                    row[column] = self._text(
                        _row_label(number, column), qmark="  ", default=str(old.get(column, "")),
                        erase_when_done=True,
                    ).strip()
                rows.append(row)
                self.console.print(f"    {number}. {' · '.join(row.values())}")
        elif request.resuming:
            rows = [{c: str(row.get(c, "")) for c in columns} for row in kept]
            for number, row in enumerate(rows, start=1):
                self.console.print(f"    {number}. {' · '.join(row.values())}")
        while question.max_items is None or len(rows) < question.max_items:
            label = _row_label(len(rows) + 1, columns[0])
            first = self._text(label, qmark="  ", erase_when_done=True).strip()
            if first == "-" and not rows:
                return SKIPPED
            if _is_later(first) and not rows and request.can_defer:
                return LATER
            if not first and not rows:
                self.notice(_("Type at least one row, or - to skip."))
                continue
            if not first:
                break
            row = {columns[0]: first}
            for column in columns[1:]:
                row[column] = self._text(_row_label(len(rows) + 1, column), qmark="  ").strip()
            rows.append(row)
            self._save_rows(request, rows, f"{len(rows)}. {' · '.join(row.values())}")
        return check_value(question, rows)

    def show_closing(self, activity: Activity, rows: Sequence[AnswerRow], again: bool) -> None:
        """Key messages (the first time) and the answers of the activity."""
        self.console.print()
        self.console.print(closing_view(activity, rows, key_messages=not again))

    def end_of_activity(
        self, choices: Sequence[EndChoice], next_title: str | None, countdown: Countdown
    ) -> EndChoice:
        """Go on, change an answer, add a note, go elsewhere, or stop."""
        labels = {
            EndChoice.NEXT: (
                _("Go on: {title}").format(title=next_title) if next_title
                else _("Finish: that was the last activity")
            ),
            EndChoice.EDIT: _("Change an answer"),
            EndChoice.NOTE: _("Add a note on this activity"),
            EndChoice.LATER: _("Record the answers left for later"),
            EndChoice.AGENDA: _("Go to another activity (agenda)"),
            EndChoice.STOP: _("Stop here for now"),
        }
        picked: EndChoice = self._select(
            _("What next?"), [questionary.Choice(labels[choice], choice) for choice in choices]
        )
        return picked

    def pick_answer(self, rows: Sequence[AnswerRow]) -> AnswerRow | None:
        """The answer to change."""
        choices = [
            questionary.Choice(
                f"{row.question.prompt[:45]} · {row.target.label}: {(row.text.splitlines() or [''])[0][:35]}",
                index,
            )
            for index, row in enumerate(rows)
        ]
        picked = self._select(_("Which answer?"), [*choices, questionary.Choice(_("Back"), -1)])
        return None if picked == -1 else rows[picked]

    def ask_note(self, activity: Activity, countdown: Countdown) -> str | None:
        """A free-text note; empty cancels."""
        self._timed(countdown)
        typed = self._text(_("Your note on this activity (Enter on an empty line to cancel):")).strip()
        return typed or None


def _is_later(typed: str) -> bool:
    """`later`, in English or in the screen's language, leaves a question for the break."""
    # TRANSLATORS: the word typed to leave a question for later; "later" itself always works too.
    return typed.strip().casefold() in {"later", _("later").casefold()}


def _row_label(number: int, column: str) -> str:
    """The prompt for one cell of a table row: `Row 2 · Name:`."""
    return _("Row {number} · {column}:").format(number=number, column=column)


def _numbered(question: Question) -> list[str]:
    """The choices a facilitator picks by number (a choice question), else none."""
    if question.kind is QuestionKind.CHOICE:
        return [choice.label for choice in question.choices]
    return []


def _expected(question: Question, locale: str) -> ValueProblem:
    """What a prompt of this question expects, as the problem to show when it is not typed."""
    if question.kind is QuestionKind.CHOICE:
        return ValueProblem(_(
            "the number of a choice, 1 to {count}"
        ).format(count=len(question.choices)))
    if question.kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        return ValueProblem(_(
            "a number from {low} (least) to {high} (most)"
        ).format(low=low, high=high))
    return expectation(question, locale)


def _parse(question: Question, typed: str, locale: str) -> Any:
    """A typed answer as the question's canonical value; ValueProblem when it does not fit.

    A choice is typed as its number; yes and no in the workshop's language (or y, n).
    """
    if question.kind is QuestionKind.CHOICE:
        if typed.isdigit() and 1 <= int(typed) <= len(question.choices):
            return question.choices[int(typed) - 1].id
        raise _expected(question, locale)
    if question.kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        if typed.lstrip("-").isdigit() and low <= int(typed) <= high:
            return int(typed)
        raise _expected(question, locale)
    return parse_text(question, typed, locale)


def _typed_form(question: Question, value: Any) -> str:
    """A recorded value as the facilitator would type it again (for editing)."""
    if value is None:
        return ""
    if question.kind is QuestionKind.CHOICE:
        ids = question.choice_ids
        return str(ids.index(value) + 1) if value in ids else ""
    if question.kind is QuestionKind.YES_NO:
        return "y" if value else "n"
    return str(value)
