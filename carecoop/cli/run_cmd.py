"""`carecoop run WS`: the facilitator's screen, or recording an answers file."""


import sys
from pathlib import Path
from typing import Annotated

import typer

from carecoop.cli.common import (
    WorkshopId,
    command_line,
    command_prefix,
    console,
    escape,
    fail,
    handle_errors,
    load_curriculum,
    open_store,
    real_console,
)
from carecoop.cli.workshop_cmd import say


def register(app: typer.Typer) -> None:
    """Add the `run` command."""
    app.command("run", help=RUN_HELP)(run)


#: `\b` keeps click from rewrapping the example.
RUN_HELP = (
    "Run a workshop activity by activity, recording answers; resumes where it stopped.\n\n"
    "With --answers FILE, record a YAML or JSON file of answers instead of asking:\n\n"
    "\b\n"
    "answers:\n"
    "  - activity: tc1-who-cares\n"
    "    question: unpaid-care-hours\n"
    "    participant: Rudo    # or group: NAME; neither = the whole workshop\n"
    "    value: 6\n\n"
    "Nothing is recorded unless the whole file is right. The full format: "
    "docs/answers-file.md in the carecoop source."
)


@handle_errors
def run(
    workshop_id: WorkshopId,
    activity: Annotated[
        str | None, typer.Option("--activity", metavar="ID", help="Start at this activity.")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Record an answers file (YAML or JSON), no prompts."),
    ] = None,
) -> None:
    """Run a workshop activity by activity, recording answers; resumes where it stopped."""
    store = open_store()
    workshop = store.workshop(workshop_id)
    resume = command_line("run", workshop.id)
    if answers is not None:
        if activity is not None:
            raise fail("Error: give --activity or --answers, not both.")
        _record_file(answers, workshop_id)
        return
    if not sys.stdin.isatty():
        raise fail(
            "Error: carecoop run needs a terminal to ask its questions; without one, record answers "
            f"from a file: {resume} --answers FILE"
        )
    curriculum = load_curriculum()
    from carecoop.cli.terminal_prompter import TerminalPrompter
    from carecoop.workshop.runner import Runner, RunOutcome

    # The one place an interruption is handled: every answer is already committed.
    try:
        with store.workshop_lock(workshop.id):
            runner = Runner(store, curriculum, workshop, TerminalPrompter(real_console(console), workshop))
            result = runner.run(activity)
    except (KeyboardInterrupt, EOFError):
        console.print()
        say("Stopped. Every answer given so far is saved.")
        say(f"To go on where you stopped, run: {escape(resume)}")
        raise typer.Exit(130) from None
    console.print()
    if result.outcome is RunOutcome.STOPPED:
        say("Stopped for now. Everything is saved.")
        say(f"To go on where you stopped, run: {escape(resume)}")
    elif result.not_done:
        count = len(result.not_done)
        console.print(
            f"That was the last activity; {count} activit{'ies are' if count != 1 else 'y is'} not done yet."
        )
        say(f"To do them, run: {escape(resume)}")
    else:
        say("Every activity of the workshop is done. Well done!")
        say(f"See what was recorded: {escape(command_prefix())} answers {escape(workshop.id)}")


def _record_file(path: Path, workshop_id: str) -> None:
    from carecoop.workshop.answers_file import record_answers_file

    store = open_store()
    workshop = store.workshop(workshop_id)
    curriculum = load_curriculum()
    with store.workshop_lock(workshop.id):
        result = record_answers_file(path, store, curriculum, workshop)
    skipped = f" ({result.skipped} skipped)" if result.skipped else ""
    plural = "s" if result.answers != 1 else ""
    say(
        f"Recorded {result.answers} answer{plural}{skipped} from {escape(str(path))} in {workshop.id}."
    )
    if result.activities_done:
        done = len(result.activities_done)
        say(f"{done} activit{'ies' if done != 1 else 'y'} complete.")
