"""The interface between the runner and whoever asks the questions.

The runner never talks to a terminal; it calls a `Prompter`. The command line implements
it with questionary, tests with a script of answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from carecoop.content.models import Activity, Module, Question
from carecoop.errors import NextStep
from carecoop.store.records import Participant
from carecoop.workshop.quiz_counts import ChoiceCounts
from carecoop.workshop.schedule import Slot
from carecoop.workshop.targets import Target
from carecoop.workshop.timer import Countdown


class Skipped:
    """The answer `ask` returns when someone is skipped."""

    def __repr__(self) -> str:
        return "SKIPPED"


SKIPPED = Skipped()


class Later:
    """The answer `ask` returns when an answer is left for later (the "to record" list)."""

    def __repr__(self) -> str:
        return "LATER"


LATER = Later()


class Navigation(StrEnum):
    """Where to go from a step."""

    NEXT = "next"
    BACK = "back"


class EndChoice(StrEnum):
    """What to do once an activity's answers are in."""

    NEXT = "next"
    EDIT = "edit"
    NOTE = "note"
    LATER = "later"  # record the answers left for later
    AGENDA = "agenda"
    STOP = "stop"


@dataclass(frozen=True)
class AgendaEntry:
    """An activity on the agenda with where the workshop stands on it."""

    index: int
    slot: Slot
    status: str  # "done", "started" or ""
    answers: int

    @property
    def activity(self) -> Activity:
        """The activity."""
        return self.slot.activity

    @property
    def module(self) -> Module:
        """The activity's module."""
        return self.slot.module


@dataclass(frozen=True)
class AskRequest:
    """One question to ask one answerer."""

    question: Question
    target: Target
    position: int  # 1-based, among the answerers of this question
    total: int
    countdown: Countdown
    current: Any = None  # the value being edited, if any
    editing: bool = False
    current_text: str = ""  # the value being edited as a person reads it
    #: Saves the rows of a list or table typed so far (committed before it returns), so
    #: an interrupted list keeps them; None where drafts are not kept.
    save_draft: Callable[[Any], None] | None = None
    resuming: bool = False  # `current` holds the rows of a list interrupted earlier
    can_defer: bool = True  # whether `later` may leave this answer for the break


@dataclass(frozen=True)
class AnswerRow:
    """A recorded answer of the current activity, for review."""

    question: Question
    target: Target
    value: Any
    skipped: bool
    text: str  # the value as a person reads it


class Prompter(Protocol):
    """Everything the runner needs from the person at the keyboard."""

    def notice(self, text: str, next_step: NextStep | None = None) -> None:
        """Tell the facilitator something (no answer needed), with what to do next if any."""

    def choose_start(self, agenda: Sequence[AgendaEntry], suggested: int | None) -> int | None:
        """Show the agenda; the index of the activity to start at, or None to stop."""

    def take_attendance(self, module: Module, participants: Sequence[Participant]) -> set[int]:
        """The ids of the participants present for a module."""

    def show_activity(self, entry: AgendaEntry, total: int) -> None:
        """Show an activity's title, kind, objectives, minutes and materials."""

    def show_step(self, activity: Activity, index: int, countdown: Countdown) -> Navigation:
        """Show one step (text to read aloud, facilitator note); go on or back."""

    def ask(self, request: AskRequest) -> Any:
        """The answer as typed and checked (a canonical value), SKIPPED, or LATER."""

    def saved(self, request: AskRequest, text: str) -> None:
        """Say what was recorded for whom; called only once the answer is committed."""

    def show_counts(self, question: Question, counts: Sequence[ChoiceCounts]) -> None:
        """Show the room how many chose each answer of a knowledge check (no names)."""

    def show_closing(self, activity: Activity, rows: Sequence[AnswerRow], again: bool) -> None:
        """Show the key messages and the answers recorded for the activity.

        `again` after an answer was changed: a screen that still shows the table needs
        nothing more than the `saved` message for the change.
        """

    def end_of_activity(
        self, choices: Sequence[EndChoice], next_title: str | None, countdown: Countdown
    ) -> EndChoice:
        """What to do now that the activity's answers are in."""

    def pick_answer(self, rows: Sequence[AnswerRow]) -> AnswerRow | None:
        """The answer to edit, or None to go back."""

    def ask_note(self, activity: Activity, countdown: Countdown) -> str | None:
        """A free-text facilitator's note on the activity, or None."""
