"""One error hierarchy for the whole tool.

A `UserError` carries a message meant for the person at the keyboard: the CLI prints it
as is and exits 1. Anything else that escapes is a bug and shows a traceback.
"""


class CarecoopError(Exception):
    """Base of every error carecoop raises on purpose."""


class UserError(CarecoopError):
    """A problem the user can fix; its message is shown as is (exit 1)."""


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
