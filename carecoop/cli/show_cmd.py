"""`carecoop show WS`: the room's screen, in a second terminal on the projector."""


import time
from typing import Annotated

import typer

from carecoop.cli.common import WorkshopId, console, handle_errors, load_curriculum, open_store, real_console


def register(app: typer.Typer) -> None:
    """Add the `show` command."""
    app.command("show")(show)


@handle_errors
def show(
    workshop_id: WorkshopId,
    once: Annotated[bool, typer.Option("--once", help="Show the screen once and stop.")] = False,
) -> None:
    """Show the room what it should see while `carecoop run WS` goes on in another terminal.

    The step in big type, the pictogram's name and the time left; never a facilitator's
    note, never anyone's answer. Make the terminal's font large; Ctrl-C stops it.
    """
    from rich.live import Live

    from carecoop.cli.room_views import room_screen
    from carecoop.workshop.room import room_view

    store = open_store()
    workshop = store.workshop(workshop_id)
    curriculum = load_curriculum()
    if once:
        console.print(room_screen(room_view(store, curriculum, workshop)))
        return
    try:
        with Live(console=real_console(console), screen=True, auto_refresh=False) as live:
            while True:
                live.update(room_screen(room_view(store, curriculum, workshop)), refresh=True)
                time.sleep(0.5)
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
