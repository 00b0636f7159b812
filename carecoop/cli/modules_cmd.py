"""`carecoop modules …`: browse, show and check the curriculum."""


from pathlib import Path
from typing import Annotated

import typer

from carecoop.cli.common import console, echo_json, fail, handle_errors, load_curriculum

modules_app = typer.Typer(help="Browse and check the curriculum.", no_args_is_help=True)

Programme = Annotated[
    str | None,
    typer.Option("--programme", "-p", help="think-carecoop or start-carecoop."),
]


def register(app: typer.Typer) -> None:
    """Add the `modules` group to the app."""
    app.add_typer(modules_app, name="modules")


@modules_app.command("list")
@handle_errors
def list_modules(
    programme: Programme = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List programmes and modules with their activities and minutes."""
    from carecoop.content.models import PROGRAMME_IDS
    from carecoop.content.summary import curriculum_summary

    if programme is not None and programme not in PROGRAMME_IDS:
        raise fail(f"Error: unknown programme '{programme}'. Use one of: {', '.join(PROGRAMME_IDS)}")
    summary = curriculum_summary(load_curriculum(), programme)
    if as_json:
        echo_json(summary)
        return
    from carecoop.cli.views import programme_table

    for entry in summary:
        console.print(programme_table(entry))


@modules_app.command("show")
@handle_errors
def show(
    item_id: Annotated[
        str, typer.Argument(metavar="ID", help="A programme, a module or an activity id.")
    ],
    lang: Annotated[str | None, typer.Option("--lang", help="Show a translation.")] = None,
) -> None:
    """Show a programme, a module or an activity, laid out for reading."""
    from carecoop.cli.views import activity_view, module_view, programme_view
    from carecoop.content.summary import curriculum_summary

    curriculum = load_curriculum()
    if lang is not None:
        lang = curriculum.check_language(lang)
    if item_id in curriculum.programmes:
        entry = curriculum_summary(curriculum, item_id)[0]
        console.print(programme_view(curriculum.programme(item_id, lang or "en"), entry))
        return
    found = curriculum.find_activity(item_id)
    if found is not None:
        module, activity = found
        if lang:
            module, warnings = curriculum.localized(module, lang)
            activity = next(a for a in module.activities if a.id == item_id)
            for warning in warnings:
                console.print(warning, style="yellow", markup=False)
        console.print(activity_view(module, activity))
        return
    module = curriculum.module(item_id)
    if lang:
        module, warnings = curriculum.localized(module, lang)
        for warning in warnings:
            console.print(warning, style="yellow", markup=False)
    console.print(module_view(module))


@modules_app.command("validate")
@handle_errors
def validate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Files or folders.")],
) -> None:
    """Check module files; print `file:line: field: message` for every problem."""
    from carecoop.content.loader import expand_paths, validate_paths
    from carecoop.plan.field_paths import plan_field_exists

    problems = validate_paths(paths, plan_field_exists)
    if problems:
        for line in problems:
            typer.echo(line, err=True)
        raise typer.Exit(1)
    count = len(expand_paths(paths))
    typer.echo(f"OK: {count} file{'s' if count != 1 else ''} valid.")


@modules_app.command("schema")
@handle_errors
def schema() -> None:
    """Print the JSON Schema of a module file, for editors that check as you type."""
    from carecoop.content.models import Module

    echo_json(Module.model_json_schema())
