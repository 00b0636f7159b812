"""`carecoop doctor`: check the store, keep a backup copy, clear a lock left behind."""


import sys
from typing import Annotated

import typer

from carecoop.cli.common import escape, handle_errors, settings
from carecoop.cli.workshop_cmd import say
from carecoop.i18n import _, ngettext


def register(app: typer.Typer) -> None:
    """Add the `doctor` command."""
    app.command("doctor")(doctor)


def _ask(question: str) -> bool:
    """A y or n typed at the terminal (no terminal: no)."""
    if not sys.stdin.isatty():
        return False
    yes = {"y", "yes", _("y").casefold(), _("yes").casefold()}
    no = {"n", "no", _("n").casefold(), _("no").casefold()}
    while True:
        prompt = f"{question} [{_('y')}/{_('n')}]"
        typed = typer.prompt(prompt, default="", show_default=False).strip().casefold()
        if typed in yes | no:
            return typed in yes


@handle_errors
def doctor(
    yes: Annotated[
        bool, typer.Option("--yes", help="Clear locks left behind without asking (for scripts).")
    ] = False,
    no_backup: Annotated[bool, typer.Option("--no-backup", help="Do not make a backup copy.")] = False,
) -> None:
    """Check the store (integrity, version, locks), keep a backup copy, clear locks left behind."""
    from carecoop.paths import home_dir
    from carecoop.store.db import STORE_FILE
    from carecoop.store.doctor import backup_store, check_store, clear_lock
    from carecoop.store.locks import LockState

    path = home_dir(settings.home) / STORE_FILE
    checkup = check_store(path)
    if not checkup.exists:
        say(escape(_("No store yet at {path}: nothing to check.").format(path=path)))
        return
    say(escape(_("Store: {path}").format(path=path)))
    if checkup.healthy:
        if checkup.workshops is not None:
            healthy = ngettext(
                "Integrity check: ok (schema {schema}; {count} workshop).",
                "Integrity check: ok (schema {schema}; {count} workshops).",
                checkup.workshops,
            )
        else:
            healthy = _("Integrity check: ok (schema {schema}).")
        say("  " + escape(healthy.format(schema=checkup.schema, count=checkup.workshops)))
    for problem in checkup.problems:
        say("  " + escape(_("Problem: {problem}").format(problem=problem)))
    if not no_backup and not path.is_dir():
        try:
            copy = backup_store(path)
            say("  " + escape(_("Backup copy: {path}").format(path=copy)))
        except OSError as error:
            no_copy = _(
                "No backup copy could be written next to the store ({reason}): "
                "copy the file by hand to a USB stick or another folder."
            )
            say("  " + escape(no_copy.format(reason=error.strerror or str(error))))
    for holder, state in checkup.locks:
        who = _("process {pid} on {host}, since {started}").format(
            pid=holder.pid, host=holder.host, started=holder.started_at[:16]
        )
        workshop = holder.workshop_id
        if state is LockState.LIVE:
            live = _("Workshop {workshop} is open in a carecoop that runs ({who}).")
            say("  " + escape(live.format(workshop=workshop, who=who)))
            continue
        if state is LockState.STALE:
            stale = _("Workshop {workshop} has a lock left behind ({who}; gone now).")
            say("  " + escape(stale.format(workshop=workshop, who=who)))
        else:
            elsewhere = _(
                "Workshop {workshop} is marked open on another computer ({who}); "
                "clear it only if no carecoop runs there (or this computer was renamed)."
            )
            say("  " + escape(elsewhere.format(workshop=workshop, who=who)))
        if yes or _ask("  " + _("Clear the lock of {workshop}?").format(workshop=workshop)):
            clear_lock(path, holder)
            say("  " + escape(_("Cleared the lock of {workshop}.").format(workshop=workshop)))
        else:
            say("  " + escape(_("Left as it is.")))
    if not checkup.healthy:
        say(escape(_(
            "The store needs care: keep the backup copy, move the damaged file away, and start a new store "
            "(or send the copy to someone who can repair it)."
        )))
        raise typer.Exit(1)
    say(escape(_("The store is fine.")))
