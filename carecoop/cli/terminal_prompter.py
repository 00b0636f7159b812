"""The Prompter of a real terminal: one full screen per prompt, the timer live in its header.

Every prompt uses `unsafe_ask`, so Ctrl-C raises KeyboardInterrupt and reaches the one
handler in `carecoop run`. The screen itself (header, body, paging) is `run_screen`; lists
and tables typed row by row are `row_prompts`. In the projector view the room sees the
steps in big type and the quiz counts, never a facilitator's note or anyone's answer.
This module is imported only when a run starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import questionary
from rich.console import Group, RenderableType
from rich.text import Text

from carecoop.cli.row_prompts import ask_list, ask_table, is_later
from carecoop.cli.run_screen import Screen
from carecoop.cli.run_views import (
    MARKS,
    activity_card,
    agenda_table,
    closing_view,
    counts_view,
    question_view,
    room_step_view,
    step_view,
)
from carecoop.cli.shared_bindings import share_default_key_bindings
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
from carecoop.workshop.quiz_counts import ChoiceCounts
from carecoop.workshop.timer import Countdown
from carecoop.workshop.typed import expected, parse_typed, read_edit, typed_form
from carecoop.workshop.values import ValueProblem, check_value

_SKIP = "__skip__"
_LATER = "__later__"
_PROJECTOR = "__projector__"
_YES = {"y", "yes"}
_NO = {"n", "no"}
#: What `saved` says that is not anyone's answer, so the projector view may show it.
_NOT_ANSWERS = {"left for later", "(skipped)"}
#: Rows of the agenda shown around the next activity on a 24-line screen and up.
_AGENDA_CHROME = 16


class TerminalPrompter:
    """Asks the facilitator in a terminal, one screen at a time."""

    def __init__(self, console: Any, workshop: Workshop, projector: bool = False) -> None:
        share_default_key_bindings()
        self.console = console
        self.workshop = workshop
        self.locale = value_locale(workshop.country, workshop.language)
        self.screen = Screen(console, workshop.title)
        self.screen.projector = projector

    @property
    def projector(self) -> bool:
        """Whether the screen is the room's (answers and notes hidden)."""
        return self.screen.projector

    def _where(self, where: str, countdown: Countdown | None) -> None:
        self.screen.header.where = where
        self.screen.header.countdown = countdown

    def close(self) -> None:
        """The run ends: print what no screen showed yet."""
        self.screen.flush()

    # The Prompter protocol ---------------------------------------------------------------

    def notice(self, text: str, next_step: NextStep | None = None) -> None:
        """A message in yellow at the top of the next screen, with the command for its next step."""
        from carecoop.cli.common import next_step_text

        if next_step is not None:
            text += " " + next_step_text(next_step)
        self.screen.say(Text(text, style="yellow"))

    def choose_start(self, agenda: Sequence[AgendaEntry], suggested: int | None) -> int | None:
        """Agenda, then: continue where the workshop stopped, jump, or stop."""
        header = self.screen.header
        header.module = header.activity = ""
        self._where(_("Agenda"), None)
        title = _("{title} [{id}] · agenda").format(title=self.workshop.title, id=self.workshop.id)
        limit = max(3, self.console.size.height - _AGENDA_CHROME)
        done = sum(1 for entry in agenda if entry.status == "done")
        body = Group(
            agenda_table(agenda, suggested, title, limit),
            Text(
                ngettext(
                    "{done} of {count} activities done.", "{done} of {count} activities done.", len(agenda)
                ).format(done=done, count=len(agenda))
            ),
        )
        choices = []
        if suggested is not None:
            entry = agenda[suggested]
            verb = _("Continue: {time} {title}") if entry.status or done else _("Start: {time} {title}")
            start = verb.format(time=entry.slot.start, title=entry.activity.title)
            choices.append(questionary.Choice(start, "go"))
        choices += [
            questionary.Choice(_("Go to another activity…"), "jump"),
            questionary.Choice(_("Stop"), "stop"),
        ]
        action = self.screen.select(_("Where do you want to start?"), choices, body)
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
        picked: int = self.screen.select(
            _("Which activity?"), jump, default=suggested if suggested is not None else 0
        )
        return picked

    def take_attendance(
        self, module: Module, participants: Sequence[Participant], present: set[int] | None = None
    ) -> set[int]:
        """Tick who is here (everyone, or those `present`, to begin with), then confirm who is absent."""
        self._where(_("Attendance · module {number}").format(number=module.number), None)
        ticked = {p.id for p in participants} if present is None else set(present)
        while True:
            choices = [
                questionary.Choice(
                    p.name + (f"  ({p.group})" if p.group else ""), p.id, checked=p.id in ticked
                )
                for p in participants
            ]
            ticked = set(
                self.screen.checkbox(
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
                self.screen.say(Text(everyone.format(count=len(participants)), style="green"))
                return ticked
            if ticked:
                summary = _("{present} of {count} present. Absent: {absent}.").format(
                    present=len(ticked), count=len(participants), absent=", ".join(absent)
                )
            else:
                summary = (
                    f"Nobody is ticked as present (0 of {len(participants)}): "
                    "questions for each participant will ask nobody."
                )
            if self._yes_no(_("Is that right? y = yes, n = tick again:"), Text(summary, style="yellow")):
                return ticked

    def show_activity(self, entry: AgendaEntry, total: int) -> None:
        """The activity's card, at the top of its first screen."""
        header = self.screen.header
        header.module = _("Module {number}").format(number=entry.module.number)
        header.activity = f"{entry.activity.title} ({entry.index + 1} of {total})"
        self._where("", None)
        if not self.projector:  # the room needs the step, not the facilitator's preparation
            self.screen.say(activity_card(entry, total))

    def show_step(self, activity: Activity, index: int, countdown: Countdown) -> Navigation:
        """One step; Enter goes on, b goes back, p turns the projector view on or off."""
        step = _("Step {number} of {total}").format(number=index + 1, total=len(activity.steps))
        self._where(step, countdown)
        while True:
            if self.projector:
                body: RenderableType = room_step_view(activity, index, countdown)
            else:
                body = step_view(activity, index)
            last = index == len(activity.steps) - 1
            onward = _("Enter: finish the steps") if last else _("Enter: next step")
            back = " · " + _("b: back") if index > 0 else ""
            view = _("p: facilitator view") if self.projector else _("p: projector view")
            typed = self.screen.text(f"{onward}{back} · {view}", body, qmark="›").strip().casefold()
            if typed in ("p", "projector"):
                self.screen.projector = not self.projector
                continue
            return Navigation.BACK if typed in ("b", "back") else Navigation.NEXT

    def ask(self, request: AskRequest) -> Any:
        """Ask one question of one answerer, in the way its kind needs."""
        question = request.question
        where = _("Changing an answer") if request.editing else _("Questions")
        self._where(where, request.countdown)
        heading = question_view(question, request.current_text if request.editing else None, self.projector)
        who = request.target.label
        counter = ""
        if request.total > 1:
            counter = " " + _("({position} of {total})").format(
                position=request.position, total=request.total
            )
        message = f"{who[0].upper()}{who[1:]}{counter}:"
        kind = question.kind
        if kind is QuestionKind.MULTI_CHOICE:
            return self._ask_multi(question, message, request, heading)
        if kind is QuestionKind.LIST:
            return ask_list(self.screen, question, heading, message, request)
        if kind is QuestionKind.TABLE:
            return ask_table(self.screen, question, heading, message, request)
        return self._ask_typed(question, message, request, heading)

    def saved(self, request: AskRequest, text: str) -> None:
        """What was recorded for whom, once the store has committed it; on a projector not the answer."""
        joined = "; ".join(line.removeprefix("• ") for line in text.splitlines())
        shown = joined if len(joined) <= 60 else joined[:59] + "…"
        who = request.target.label
        if self.projector and text not in _NOT_ANSWERS:
            line = "  ✓ " + _("Saved · {who}").format(who=who)
        elif request.editing:
            before = (request.current_text.splitlines() or [""])[0]
            changed = _("Changed · {who}: {before} → {answer}")
            line = "  ✓ " + changed.format(who=who, before=before, answer=shown)
        else:
            line = "  ✓ " + _("Saved · {who}: {answer}").format(who=who, answer=shown)
        self.screen.say(Text(line, style="green"))

    def _yes_no(self, message: str, body: RenderableType | None = None) -> bool:
        """A y or n typed and confirmed with Enter; nothing is assumed."""

        def validate(text: str) -> bool | str:
            return True if text.strip().casefold() in _YES | _NO else _("Type y or n, then Enter")

        typed = self.screen.text(message, body, validate=validate).strip().casefold()
        return typed in _YES

    def _ask_typed(
        self, question: Question, message: str, request: AskRequest, heading: RenderableType
    ) -> Any:
        # Nothing is assumed: an Enter pressed once too often must not record or skip anything.
        escapes = _("- to skip, later to leave it for the break") if request.can_defer else _("- to skip")
        current = typed_form(question, request.current, self.locale) if request.editing else ""

        def special(typed: str) -> Any:
            if typed == "-":
                return SKIPPED
            if request.can_defer and is_later(typed):
                return LATER
            return None

        def read(typed: str) -> Any:
            if request.editing:
                return read_edit(question, typed, request.current, self.locale)
            return parse_typed(question, typed, self.locale)

        def validate(text: str) -> bool | str:
            typed = text.strip()
            if special(typed) is not None:
                return True
            if not typed:
                hint = expected(question, self.locale).hint
                return _("{expected}, or {escapes}").format(expected=hint, escapes=escapes)
            try:
                read(typed)
            except ValueProblem as problem:
                return problem.hint
            return True

        picked = question.kind in (QuestionKind.CHOICE, QuestionKind.YES_NO, QuestionKind.SCALE)
        instruction = f"({expected(question, self.locale).expected}; {escapes})" if picked else f"({escapes})"
        typed = self.screen.text(
            message, heading, default=current, validate=validate, instruction=instruction, secret=True
        ).strip()
        found = special(typed)
        return found if found is not None else read(typed)

    def _ask_multi(
        self, question: Question, message: str, request: AskRequest, heading: RenderableType
    ) -> Any:
        if self.projector:
            return self._ask_multi_hidden(question, message, request, heading)
        current = request.current if isinstance(request.current, list) else []
        choices = [questionary.Choice(c.label, c.id, checked=c.id in current) for c in question.choices]
        extra = [questionary.Choice(_("(skip)"), _SKIP)]
        extra += [questionary.Choice(_("(later)"), _LATER)] if request.can_defer else []

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

        picked = self.screen.checkbox(
            message,
            choices + extra,
            heading,
            validate=validate,
            instruction=_("(Space to tick, Enter when done)"),
        )
        if picked == [_SKIP]:
            return SKIPPED
        return LATER if picked == [_LATER] else check_value(question, picked)

    def _ask_multi_hidden(
        self, question: Question, message: str, request: AskRequest, heading: RenderableType
    ) -> Any:
        """A multiple choice typed as hidden numbers (`1,3`), so the room never sees the ticks."""
        escapes = _("- to skip, later to leave it for the break") if request.can_defer else _("- to skip")

        def read(typed: str) -> Any:
            if typed == "-":
                return SKIPPED
            if request.can_defer and is_later(typed):
                return LATER
            parts = [part.strip() for part in typed.replace(" ", ",").split(",") if part.strip()]
            count = len(question.choices)
            if not parts or not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
                raise ValueProblem("", typed, message=_("Type the numbers of the answers, like 1,3"))
            return check_value(question, list(dict.fromkeys(question.choices[int(p) - 1].id for p in parts)))

        def validate(text: str) -> bool | str:
            try:
                read(text.strip())
            except ValueProblem as problem:
                return problem.hint
            return True

        instruction = "(" + _("the numbers of the answers, like 1,3") + f"; {escapes})"
        typed = self.screen.text(
            message, heading, validate=validate, instruction=instruction, secret=True
        ).strip()
        return read(typed)

    def show_counts(self, question: Question, counts: Sequence[ChoiceCounts]) -> None:
        """How many chose each answer, group by group, at the top of the next screen."""
        self.screen.say(counts_view(question, counts))

    def show_closing(self, activity: Activity, rows: Sequence[AnswerRow], again: bool) -> None:
        """Key messages and the answers of the activity, once: after a change only the change is shown."""
        self._where(_("Key messages · review"), self.screen.header.countdown)
        if not again:
            self.screen.say(closing_view(activity, [] if self.projector else rows, key_messages=True))

    def end_of_activity(
        self, choices: Sequence[EndChoice], next_title: str | None, countdown: Countdown
    ) -> EndChoice:
        """Go on, change an answer, add a note, go elsewhere, or stop; or switch the projector view."""
        self._where(_("What next?"), countdown)
        labels = {
            EndChoice.NEXT: (
                _("Go on: {title}").format(title=next_title)
                if next_title
                else _("Finish: that was the last activity")
            ),
            EndChoice.EDIT: _("Change an answer"),
            EndChoice.NOTE: _("Add a note on this activity"),
            EndChoice.LATER: _("Record the answers left for later"),
            EndChoice.AGENDA: _("Go to another activity (agenda)"),
            EndChoice.STOP: _("Stop here for now"),
        }
        while True:
            view = (
                _("Facilitator view (show answers)") if self.projector else _("Projector view (hide answers)")
            )
            menu = [questionary.Choice(labels[choice], choice) for choice in choices]
            picked: EndChoice | str = self.screen.select(
                _("What next?"),
                [*menu, questionary.Choice(view, _PROJECTOR)],
                crop=_("… (the full list: Change an answer)"),
            )
            if picked != _PROJECTOR:
                return EndChoice(picked)
            self.screen.projector = not self.projector

    def pick_answer(self, rows: Sequence[AnswerRow]) -> AnswerRow | None:
        """The answer to change (on a projector: the question and who, not the answer)."""
        choices = []
        for index, row in enumerate(rows):
            label = f"{row.question.prompt[:45]} · {row.target.label}"
            if not self.projector:
                label += f": {(row.text.splitlines() or [''])[0][:35]}"
            choices.append(questionary.Choice(label, index))
        picked = self.screen.select(_("Which answer?"), [*choices, questionary.Choice(_("Back"), -1)])
        return None if picked == -1 else rows[picked]

    def ask_note(self, activity: Activity, countdown: Countdown) -> str | None:
        """A free-text note; empty cancels. Hidden as it is typed on a projector."""
        self._where(_("A note on this activity"), countdown)
        typed = self.screen.text(
            _("Your note on this activity (Enter on an empty line to cancel):"), secret=True
        ).strip()
        return typed or None
