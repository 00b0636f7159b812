"""`carecoop participants import`, and the pilot evidence commands."""


from pathlib import Path
from typing import Annotated

import typer

from carecoop.cli.common import WorkshopId, escape, handle_errors, open_store
from carecoop.cli.workshop_cmd import participants_app, say


def register(app: typer.Typer) -> None:
    """Add `participants import`."""
    participants_app.command("import")(import_people)


@handle_errors
def import_people(
    workshop_id: WorkshopId,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A .csv or .xlsx sheet, one person a row.")],
) -> None:
    """Add or update participants from a sheet: name, group, sex, age band, role, disability, consent.

    Only the name column is needed; a row without a name gets "Person 1", "Person 2"…
    Every bad row is reported with its line, and then nothing is imported.
    """
    from carecoop.pilot.people import import_people as run_import

    result = run_import(open_store(), workshop_id, file)
    total = len(result.added) + len(result.updated)
    say(
        f"Imported {total} participant{'s' if total != 1 else ''} into {escape(workshop_id)}: "
        f"{len(result.added)} new, {len(result.updated)} updated; {result.consenting} consent to be "
        "counted in reports."
    )
    if result.ignored_columns:
        say(f"Columns not used: {escape(', '.join(result.ignored_columns))}")
