"""The `carecoop` command: global options and the command groups."""


from pathlib import Path
from typing import Annotated

import typer

from carecoop import __version__
from carecoop.cli import (
    demo_cmd,
    doctor_cmd,
    export_cmd,
    modules_cmd,
    people_cmd,
    pilot_cmd,
    plan_cmd,
    run_cmd,
    show_cmd,
    workshop_cmd,
)
from carecoop.cli.common import settings

app = typer.Typer(
    name="carecoop",
    help="Deliver the Think.CareCoop and Start.CareCoop workshops on care cooperatives.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"carecoop {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    home: Annotated[
        Path | None,
        typer.Option("--home", metavar="DIR", help="Folder of the workshop store (default: CARECOOP_HOME)."),
    ] = None,
    modules: Annotated[
        list[Path] | None,
        typer.Option("--modules", metavar="DIR", help="A folder of adapted or added modules (repeatable)."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", metavar="CODE", envvar="CARECOOP_LANG",
            help="Language of the screen (en, es, fr, ar) when the workshop has none; default: the system's.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Deliver the Think.CareCoop and Start.CareCoop workshops on care cooperatives."""
    settings.home = home
    settings.module_dirs = list(modules or [])
    settings.lang = lang


# Each command group lives in its own file with a `register(app)` function. These files
# do not use `from __future__ import annotations`: typer would then evaluate every
# annotation string again when it builds the commands, which slows `carecoop --help`.
for _group in (
    modules_cmd, workshop_cmd, run_cmd, plan_cmd, export_cmd, pilot_cmd, people_cmd, doctor_cmd, show_cmd,
    demo_cmd,
):
    _group.register(app)


def _usable_streams() -> None:
    """Closed standard streams read as empty and write nowhere; any encoding prints something.

    `carecoop run WS <&-` starts with no stdin at all, and a terminal set to ASCII
    (`PYTHONIOENCODING=ascii`, an old Windows console) cannot encode `Bogotá`: both
    must end in a clear message or a readable output, never a traceback.
    """
    import os
    import sys

    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    """Entry point of the console script."""
    _usable_streams()
    app()
