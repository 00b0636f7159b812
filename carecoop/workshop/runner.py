"""The facilitator's run: a state machine over a programme's activities.

For each activity: attendance (once per module), the activity's card, its steps one at a
time, the questions in their scope, then the key messages, a review where answers can be
edited, an optional note. Every answer goes to the store the moment it is given, so an
interrupted run loses nothing and the next run resumes at the first unanswered question.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Activity, Module, Scope
from carecoop.errors import NextStep, Step, UserError
from carecoop.i18n import _, ngettext
from carecoop.store.db import Store
from carecoop.store.records import Workshop
from carecoop.workshop.prompter import (
    AgendaEntry,
    AskRequest,
    EndChoice,
    Navigation,
    Prompter,
)
from carecoop.workshop.quiz_counts import choice_counts, is_knowledge_check
from carecoop.workshop.room import ANSWERS, CARD, CLOSING
from carecoop.workshop.run_answers import RunAnswers, answer_key
from carecoop.workshop.run_programme import programme_modules
from carecoop.workshop.schedule import build_agenda, session_dates
from carecoop.workshop.targets import Target, effective_scope, targets_for
from carecoop.workshop.timer import Countdown, countdown_for, utc_now

LaterKey = tuple[str, str, int | None, str | None]  # activity, question, participant id, group


class RunOutcome(StrEnum):
    """How a run ended."""

    STOPPED = "stopped"  # the facilitator chose to stop; the rest is for another run
    END = "end"  # the run went past the programme's last activity


@dataclass(frozen=True)
class RunResult:
    """How a run ended, and which activities are still to do."""

    outcome: RunOutcome
    not_done: list[str] = field(default_factory=list)


class Runner:
    """Steps a facilitator through a workshop, recording answers as they come."""

    def __init__(
        self,
        store: Store,
        curriculum: Curriculum,
        workshop: Workshop,
        prompter: Prompter,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.workshop = workshop
        self.prompter = prompter
        self.clock = clock
        modules, self.warnings = programme_modules(curriculum, workshop)
        try:
            first_date: date | None = date.fromisoformat(workshop.start_date)
        except ValueError:
            first_date = None
        self.agenda = build_agenda(
            modules, workshop.day_start, first_date, dates=session_dates(workshop.session_dates)
        )
        self._absent: dict[str, set[int]] = {}
        self.answers = RunAnswers(store, workshop.id, prompter)

    @property
    def ws(self) -> str:
        """The workshop id."""
        return self.workshop.id

    # The agenda ------------------------------------------------------------------------

    def entries(self) -> list[AgendaEntry]:
        """The agenda with progress and answer counts."""
        progress = self.store.progress(self.ws)
        counts: dict[str, int] = {}
        for answer in self.store.answers(self.ws):
            counts[answer.activity_id] = counts.get(answer.activity_id, 0) + 1
        return [
            AgendaEntry(
                index,
                slot,
                progress[slot.activity.id].status if slot.activity.id in progress else "",
                counts.get(slot.activity.id, 0),
            )
            for index, slot in enumerate(self.agenda)
        ]

    def index_of(self, activity_id: str) -> int:
        """The agenda position of an activity id; a UserError when the programme lacks it."""
        for index, slot in enumerate(self.agenda):
            if slot.activity.id == activity_id:
                return index
        raise UserError(
            _(
                "The programme '{programme}' has no activity '{activity_id}'."
            ).format(programme=self.workshop.programme, activity_id=activity_id),
            NextStep(Step.LIST_ACTIVITIES, programme=self.workshop.programme),
        )

    def resume_index(self) -> int | None:
        """Where the workshop stopped: the last activity left unfinished, else the next one."""
        progress = self.store.progress(self.ws)
        position = {slot.activity.id: index for index, slot in enumerate(self.agenda)}
        mine = {aid: p for aid, p in progress.items() if aid in position}
        started = [p for p in mine.values() if p.status == "started"]
        if started:
            latest = max(started, key=lambda p: p.started_at or "")
            return position[latest.activity_id]
        done = [p for p in mine.values() if p.status == "done"]
        after = position[max(done, key=lambda p: p.finished_at or "").activity_id] if done else -1
        found = self.next_index(after)
        return found if found is not None else self.next_index(-1)

    def next_index(self, after: int) -> int | None:
        """The first activity after a position that is not done yet."""
        progress = self.store.progress(self.ws)
        for index in range(after + 1, len(self.agenda)):
            state = progress.get(self.agenda[index].activity.id)
            if state is None or state.status != "done":
                return index
        return None

    # The run ---------------------------------------------------------------------------

    def run(self, start: str | None = None) -> RunResult:
        """Run from an activity (or from the facilitator's choice) until they stop or all is done."""
        for warning, next_step in self.warnings:
            self.prompter.notice(warning, next_step)
        if not self.store.participants(self.ws):
            self.prompter.notice(
                _(
                    "No participants yet: "
                    "questions for each participant are recorded once for the whole room."
                ),
                NextStep(Step.ADD_PARTICIPANTS, workshop=self.ws),
            )
        elif not self.store.groups(self.ws):
            self.prompter.notice(
                _("No groups yet: group questions are recorded once for the whole room."),
                NextStep(Step.GROUP_PARTICIPANTS, workshop=self.ws),
            )
        waiting = len(self.store.deferred(self.ws))
        if waiting:
            self.prompter.notice(
                ngettext(
                    "{count} answer left for later: "
                    "record it from 'What next?' at the end of an activity.",
                    "{count} answers left for later: "
                    "record them from 'What next?' at the end of an activity.",
                    waiting,
                ).format(count=waiting)
            )
        index = self.index_of(start) if start else self._choose()
        if index is None:
            return self._result(RunOutcome.STOPPED)
        while index is not None:
            choice = self.run_activity(index)
            if choice is EndChoice.STOP:
                return self._result(RunOutcome.STOPPED)
            if choice is EndChoice.AGENDA:
                index = self._choose()
                if index is None:
                    return self._result(RunOutcome.STOPPED)
            else:
                index = self.next_index(index)
        return self._result(RunOutcome.END)

    def _choose(self) -> int | None:
        return self.prompter.choose_start(self.entries(), self.resume_index())

    def _result(self, outcome: RunOutcome) -> RunResult:
        progress = self.store.progress(self.ws)
        not_done = [
            slot.activity.id
            for slot in self.agenda
            if slot.activity.id not in progress or progress[slot.activity.id].status != "done"
        ]
        return RunResult(outcome, not_done)

    def run_activity(self, index: int) -> EndChoice:
        """One activity from its card to the facilitator's choice of what comes next."""
        slot = self.agenda[index]
        activity = slot.activity
        absent = self._attendance(slot.module)
        progress = self.store.progress(self.ws).get(activity.id)
        done = progress is not None and progress.status == "done"
        countdown = countdown_for(
            activity.duration, progress.started_at if progress else None, done, self.clock
        )
        if progress is None:
            self.store.mark_progress(self.ws, activity.id, "started")
        entries = self.entries()
        self._show(activity, CARD, countdown)
        self.prompter.show_activity(entries[index], len(entries))
        recorded = self.answers.current(activity)
        if progress is not None and not done and recorded:
            self.prompter.notice(
                ngettext(
                    "Going on where you stopped: {count} answer of this activity recorded already.",
                    "Going on where you stopped: {count} answers of this activity recorded already.",
                    len(recorded),
                ).format(count=len(recorded))
            )
        else:
            self._steps(activity, countdown)
        if activity.questions:
            self._show(activity, ANSWERS, countdown)
        self._ask_pending(activity, absent, countdown)
        self._show(activity, CLOSING, countdown)
        return self._close(index, activity, countdown)

    def _show(self, activity: Activity, step: int | None, countdown: Countdown) -> None:
        """Tell the room's screen where the run is (a screen that cannot be told is no reason to stop)."""
        with suppress(sqlite3.Error):
            self.store.set_screen(self.ws, activity.id, step, countdown.started.isoformat())

    def _steps(self, activity: Activity, countdown: Countdown) -> None:
        step = 0
        while step < len(activity.steps):
            self._show(activity, step, countdown)
            move = self.prompter.show_step(activity, step, countdown)
            step = max(0, step - 1) if move is Navigation.BACK else step + 1

    def _attendance(self, module: Module) -> set[int]:
        """Absent participants of a module, asking for attendance the first time."""
        if module.id in self._absent:
            return self._absent[module.id]
        participants = self.store.participants(self.ws)
        taken = self.store.attendance(self.ws).get(module.id)
        if taken is None and participants:
            present = self.prompter.take_attendance(module, participants)
            taken = {p.id: p.id in present for p in participants}
            self.store.set_attendance(self.ws, module.id, taken)
        absent = {pid for pid, here in (taken or {}).items() if not here}
        self._absent[module.id] = absent
        return absent

    def _ask_pending(self, activity: Activity, absent: set[int], countdown: Countdown) -> None:
        participants = self.store.participants(self.ws)
        groups = self.store.groups(self.ws)
        recorded = self.answers.current(activity)
        later = self._later_keys()
        for question in activity.questions:
            targets = targets_for(question, participants, groups, absent)
            scope = effective_scope(question, bool(participants), bool(groups))
            if not targets and scope is Scope.PARTICIPANT:
                self.prompter.notice(
                    _("Nobody is marked present, so nobody is asked: {question}").format(
                        question=question.prompt
                    ),
                    NextStep(Step.TAKE_ATTENDANCE, workshop=self.ws, module=self._module_of(activity)),
                )
            asked = False
            for position, target in enumerate(targets, start=1):
                answer = recorded.get(answer_key(question, target))
                if answer is not None and not answer.draft:
                    continue
                if (activity.id, question.id, *target.key) in later:
                    continue
                request = AskRequest(
                    question, target, position, len(targets), countdown,
                    current=answer.value if answer else None, resuming=answer is not None,
                    save_draft=self.answers.drafter(activity, question, target),
                )
                self.answers.record(activity, request, self.prompter.ask(request))
                asked = True
            if asked and is_knowledge_check(question):
                answers = [a for a in self.store.answers(self.ws) if a.activity_id == activity.id]
                counts = choice_counts(question, answers, participants)
                if counts:
                    self.prompter.show_counts(question, counts)

    def _module_of(self, activity: Activity) -> str:
        return next(slot.module.id for slot in self.agenda if slot.activity is activity)

    def _later_keys(self) -> set[LaterKey]:
        return set(self.store.deferred(self.ws))

    def record_later(self, countdown: Countdown) -> None:
        """Ask the answers left for later, in the order they were left; `later` keeps one waiting."""
        people = {p.id: p for p in self.store.participants(self.ws)}
        slots = {slot.activity.id: slot for slot in self.agenda}
        waiting = [
            entry for entry in self.store.deferred(self.ws)
            if entry[0] in slots and (entry[2] is None or entry[2] in people)
        ]
        for position, (activity_id, question_id, participant_id, group) in enumerate(waiting, start=1):
            activity = slots[activity_id].activity
            question = activity.question(question_id)
            if question is None:
                continue
            target = Target(participant=people.get(participant_id) if participant_id else None, group=group)
            request = AskRequest(question, target, position, len(waiting), countdown)
            self.answers.record(activity, request, self.prompter.ask(request))

    def _close(self, index: int, activity: Activity, countdown: Countdown) -> EndChoice:
        following = self.next_index(index)
        next_title = self.agenda[following].activity.title if following is not None else None
        again = False
        while True:
            rows = self.answers.rows(activity)
            self.prompter.show_closing(activity, rows, again)
            again = True
            choices = [EndChoice.NEXT]
            if rows:
                choices.append(EndChoice.EDIT)
            if self.store.deferred(self.ws):
                choices.append(EndChoice.LATER)
            choices += [EndChoice.NOTE, EndChoice.AGENDA, EndChoice.STOP]
            choice = self.prompter.end_of_activity(choices, next_title, countdown)
            if choice is EndChoice.EDIT:
                row = self.prompter.pick_answer(rows)
                if row is not None:
                    request = AskRequest(
                        row.question, row.target, 1, 1, countdown, row.value, editing=True,
                        current_text=row.text, can_defer=False,
                    )
                    self.answers.record(activity, request, self.prompter.ask(request))
                continue
            if choice is EndChoice.LATER:
                self.record_later(countdown)
                continue
            if choice is EndChoice.NOTE:
                note = self.prompter.ask_note(activity, countdown)
                if note and note.strip():
                    self.store.add_note(self.ws, activity.id, note.strip())
                continue
            self.store.mark_progress(self.ws, activity.id, "done")
            return choice
