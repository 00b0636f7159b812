"""`carecoop run WS`: the facilitator's screen, or recording an answers file."""


import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from carecoop.cli.common import (
    ScreenLang,
    WorkshopId,
    check_screen_language,
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
from carecoop.i18n import _, current_language, ngettext


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
    projector: Annotated[
        bool,
        typer.Option(
            "--projector",
            help="The screen is projected: show the steps in big type and hide notes and answers "
            "(p at a step, or the What next? menu, switches views).",
        ),
    ] = False,
    screen_lang: ScreenLang = None,
) -> None:
    """Run a workshop activity by activity, recording answers; resumes where it stopped."""
    check_screen_language(screen_lang)
    store = open_store()
    workshop = store.workshop(workshop_id)
    resume = command_line("run", workshop.id)
    if answers is not None:
        if activity is not None:
            raise fail(_("Error: {message}").format(message=_("give --activity or --answers, not both.")))
        _record_file(answers, workshop_id)
        return
    if not sys.stdin.isatty():
        needs = _(
            "carecoop run needs a terminal to ask its questions; without one, record answers "
            "from a file: {command}"
        ).format(command=f"{resume} --answers FILE")
        raise fail(_("Error: {message}").format(message=needs))
    curriculum = load_curriculum()
    from carecoop.cli.terminal_prompter import TerminalPrompter
    from carecoop.workshop.runner import Runner, RunOutcome

    # The one place an interruption is handled: every answer is already committed.
    # With --screen-lang the activities are shown in the screen's language too (English where
    # a module has no such translation); what is recorded does not depend on it.
    shown = replace(workshop, language=current_language()) if screen_lang else workshop
    prompter = TerminalPrompter(real_console(console), shown, projector=projector)
    try:
        with store.workshop_lock(workshop.id):
            runner = Runner(store, curriculum, shown, prompter)
            result = runner.run(activity)
    except (KeyboardInterrupt, EOFError):
        prompter.close()
        console.print()
        say(escape(_("Stopped. Every answer given so far is saved.")))
        say(escape(_("To go on where you stopped, run: {command}").format(command=resume)))
        raise typer.Exit(130) from None
    prompter.close()
    console.print()
    if result.outcome is RunOutcome.STOPPED:
        say(escape(_("Stopped for now. Everything is saved.")))
        say(escape(_("To go on where you stopped, run: {command}").format(command=resume)))
    elif result.not_done:
        count = len(result.not_done)
        console.print(
            ngettext(
                "That was the last activity; {count} activity is not done yet.",
                "That was the last activity; {count} activities are not done yet.",
                count,
            ).format(count=count),
            markup=False,
        )
        say(escape(_("To do them, run: {command}").format(command=resume)))
    else:
        say(escape(_("Every activity of the workshop is done. Well done!")))
        command = f"{command_prefix()} answers {workshop.id}"
        say(escape(_("See what was recorded: {command}").format(command=command)))


def _record_file(path: Path, workshop_id: str) -> None:
    from carecoop.workshop.answers_file import record_answers_file

    store = open_store()
    workshop = store.workshop(workshop_id)
    curriculum = load_curriculum()
    with store.workshop_lock(workshop.id):
        result = record_answers_file(path, store, curriculum, workshop)
    if result.skipped:
        recorded = ngettext(
            "Recorded {count} answer ({skipped} skipped) from {path} in {workshop}.",
            "Recorded {count} answers ({skipped} skipped) from {path} in {workshop}.",
            result.answers,
        )
    else:
        recorded = ngettext(
            "Recorded {count} answer from {path} in {workshop}.",
            "Recorded {count} answers from {path} in {workshop}.",
            result.answers,
        )
    facts = {"count": result.answers, "skipped": result.skipped, "path": path, "workshop": workshop.id}
    say(escape(recorded.format(**facts)))
    if result.activities_done:
        done = len(result.activities_done)
        complete = ngettext("{count} activity complete.", "{count} activities complete.", done)
        say(escape(complete.format(count=done)))
