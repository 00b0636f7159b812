"""`carecoop doctor`: check the store, keep a backup copy, clear a lock left behind."""


import sys
from typing import Annotated

import typer

from carecoop.cli.common import escape, handle_errors, settings
from carecoop.cli.workshop_cmd import say


def register(app: typer.Typer) -> None:
    """Add the `doctor` command."""
    app.command("doctor")(doctor)


def _ask(question: str) -> bool:
    """A y or n typed at the terminal (no terminal: no)."""
    if not sys.stdin.isatty():
        return False
    while True:
        typed = typer.prompt(f"{question} [y/n]", default="", show_default=False).strip().casefold()
        if typed in ("y", "yes", "n", "no"):
            return typed in ("y", "yes")


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
        say(f"No store yet at {escape(str(path))}: nothing to check.")
        return
    say(f"Store: {escape(str(path))}")
    if checkup.healthy:
        count = ""
        if checkup.workshops is not None:
            count = f"; {checkup.workshops} workshop{'s' if checkup.workshops != 1 else ''}"
        say(f"  Integrity check: ok (schema {checkup.schema}{count}).")
    for problem in checkup.problems:
        say(f"  Problem: {escape(problem)}")
    if not no_backup and not path.is_dir():
        try:
            copy = backup_store(path)
            say(f"  Backup copy: {escape(str(copy))}")
        except OSError as error:
            say(
                "  No backup copy could be written next to the store "
                f"({escape(error.strerror or str(error))}): "
                "copy the file by hand to a USB stick or another folder."
            )
    for holder, state in checkup.locks:
        who = f"process {holder.pid} on {holder.host}, since {holder.started_at[:16]}"
        if state is LockState.LIVE:
            say(f"  Workshop {escape(holder.workshop_id)} is open in a carecoop that runs ({escape(who)}).")
            continue
        if state is LockState.STALE:
            say(f"  Workshop {escape(holder.workshop_id)} has a lock left behind ({escape(who)}; gone now).")
        else:
            say(
                f"  Workshop {escape(holder.workshop_id)} is marked open on another computer "
                f"({escape(who)}); "
                "clear it only if no carecoop runs there (or this computer was renamed)."
            )
        if yes or _ask(f"  Clear the lock of {holder.workshop_id}?"):
            clear_lock(path, holder)
            say(f"  Cleared the lock of {escape(holder.workshop_id)}.")
        else:
            say("  Left as it is.")
    if not checkup.healthy:
        say(
            "The store needs care: keep the backup copy, move the damaged file away, and start a new store "
            "(or send the copy to someone who can repair it)."
        )
        raise typer.Exit(1)
    say("The store is fine.")
