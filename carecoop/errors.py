"""One error hierarchy for the whole tool.

A `UserError` carries a message meant for the person at the keyboard: the CLI prints it
as is and exits 1. Anything else that escapes is a bug and shows a traceback.

The core never spells a command line: where the user has an obvious next step, an error
(or a finding, or a notice) carries a `NextStep` as data, and the CLI turns it into a
command with the real workshop id, quoting and `--home`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Step(enum.Enum):
    """What the user can do next; the CLI knows the command for each."""

    ADD_PARTICIPANTS = "add-participants"
    GROUP_PARTICIPANTS = "group-participants"
    FILL_PLAN = "fill-plan"
    FIX_PLAN = "fix-plan"
    IMPORT_PLAN = "import-plan"
    NEW_WORKSHOP = "new-workshop"
    LIST_ACTIVITIES = "list-activities"
    SHOW_TRANSLATION = "show-translation"
    TAKE_ATTENDANCE = "take-attendance"


@dataclass(frozen=True)
class NextStep:
    """A next step and the facts it needs (which fields matter depends on the step)."""

    step: Step
    workshop: str | None = None
    group: str | None = None
    section: str | None = None
    module: str | None = None
    language: str | None = None
    programme: str | None = None


class CarecoopError(Exception):
    """Base of every error carecoop raises on purpose."""


class UserError(CarecoopError):
    """A problem the user can fix; its message is shown as is (exit 1), then its next step."""

    def __init__(self, message: str, next_step: NextStep | None = None) -> None:
        self.next_step = next_step
        super().__init__(message)


class ContentError(UserError):
    """One or more problems in module files, each a `file:line: path: message` line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class NoTerminalError(UserError):
    """A prompt was needed but there is no terminal to ask on."""


class WorkshopLockedError(UserError):
    """Another carecoop process has the workshop open."""


class AnswersFileError(ContentError):
    """Problems in an answers file, one located line each; nothing was recorded."""
