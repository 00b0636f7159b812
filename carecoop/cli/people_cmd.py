"""`carecoop participants rename|move|remove` and `carecoop attendance WS MODULE`."""


import sys
from typing import Annotated

import typer

from carecoop.cli.common import (
    WorkshopId,
    command_prefix,
    escape,
    fail,
    handle_errors,
    load_curriculum,
    open_store,
    real_console,
)
from carecoop.cli.workshop_cmd import participants_app, say
from carecoop.i18n import _

Name = Annotated[str, typer.Argument(metavar="NAME", help="The participant's name as it is now.")]


def register(app: typer.Typer) -> None:
    """Add `participants rename|move|remove` and `attendance`."""
    participants_app.command("rename")(rename)
    participants_app.command("move")(move)
    participants_app.command("remove")(remove)
    app.command("attendance")(attendance)


@handle_errors
def rename(
    workshop_id: WorkshopId,
    name: Name,
    new_name: Annotated[str, typer.Argument(metavar="NEW_NAME", help="The name to use from now on.")],
) -> None:
    """Correct a participant's name; what they answered stays theirs."""
    store = open_store()
    old = store.participant(workshop_id, name).name
    person = store.rename_participant(workshop_id, name, new_name)
    renamed = _("Renamed {old} to {new} in {workshop}; their answers follow.")
    say(escape(renamed.format(old=old, new=person.name, workshop=workshop_id)))


@handle_errors
def move(
    workshop_id: WorkshopId,
    name: Name,
    group: Annotated[str | None, typer.Option("--group", help="The new group (leave out: no group).")] = None,
) -> None:
    """Put a participant in another group; group answers already given stay with the old group."""
    person = open_store().move_participant(workshop_id, name, group)
    if person.group:
        moved = _("{name} is now in group {group}.").format(name=person.name, group=person.group)
    else:
        moved = _("{name} is now in no group.").format(name=person.name)
    say(escape(moved))


@handle_errors
def remove(workshop_id: WorkshopId, name: Name) -> None:
    """Take a participant off the list; their answers stay in the history."""
    person = open_store().remove_participant(workshop_id, name)
    removed = _(
        "Removed {name} from {workshop}: not asked any more; "
        "what they answered stays in the answers and their history."
    )
    say(escape(removed.format(name=person.name, workshop=workshop_id)))


@handle_errors
def attendance(
    workshop_id: WorkshopId,
    module: Annotated[str, typer.Argument(metavar="MODULE", help="The module's id or number.")],
    absent: Annotated[
        list[str] | None,
        typer.Option("--absent", metavar="NAME", help="Someone absent (repeatable); no prompts."),
    ] = None,
    everyone: Annotated[bool, typer.Option("--everyone", help="Everyone was present; no prompts.")] = False,
) -> None:
    """Take a module's attendance again: who is asked its questions from now on."""
    from carecoop.workshop.attendance import (
        absent_by_name,
        present_now,
        record_attendance,
        workshop_module,
    )

    store = open_store()
    workshop = store.workshop(workshop_id)
    chosen = workshop_module(load_curriculum(), workshop, module)
    people = store.participants(workshop.id)
    with store.workshop_lock(workshop.id):
        if absent or everyone:
            away = absent_by_name(store, workshop.id, absent or [])
            present = {p.id for p in people} - away
        elif not sys.stdin.isatty():
            command = f"{command_prefix()} attendance {workshop.id} {chosen.id} --absent NAME"
            needs = _("without a terminal, say who was absent: {command} (or --everyone)")
            raise fail(_("Error: {message}").format(message=needs.format(command=command)))
        else:
            from carecoop.cli.common import console
            from carecoop.cli.terminal_prompter import TerminalPrompter

            prompter = TerminalPrompter(real_console(console), workshop)
            before = present_now(store, workshop.id, chosen.id)
            try:
                present = prompter.take_attendance(chosen, people, before)
            except (KeyboardInterrupt, EOFError):
                say("\n" + escape(_("Stopped: attendance is as it was.")))
                raise typer.Exit(130) from None
        count = record_attendance(store, workshop.id, chosen.id, present)
    saved = _(
        "Attendance of module {number} ({module}) saved: {count} of {total} present. "
        "Questions not answered yet go to the people present."
    )
    say(escape(saved.format(number=chosen.number, module=chosen.id, count=count, total=len(people))))
