"""`carecoop plan …`: the business plan wizard, its import, the check and the schema.

`carecoop plan WS` (the wizard) and `carecoop plan check WS` share one command group: a
first argument that names no subcommand is routed to the hidden `wizard` command.
"""


import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from carecoop.cli.common import (
    ScreenLang,
    WorkshopId,
    check_screen_language,
    command_line,
    console,
    echo_json,
    err_console,
    handle_errors,
    load_curriculum,
    open_store,
    real_console,
)
from carecoop.errors import ContentError, NoTerminalError, UserError
from carecoop.i18n import _


class _WizardByDefault(TyperGroup):
    """Routes `plan WS …` to `plan wizard WS …`; `plan check …` and `plan schema` stay as they are."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: typer's vendored click Context
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["wizard", *args]
        return super().parse_args(ctx, args)


plan_app = typer.Typer(
    cls=_WizardByDefault,
    help=(
        "The business plan of a group. `carecoop plan WS [--group G] [--section S]` walks "
        "through it step by step; `--from FILE` imports one. The plan file's format: "
        "docs/plan-file.md in the carecoop source; `carecoop plan schema` prints its JSON Schema."
    ),
    no_args_is_help=True,
)

GroupOption = Annotated[
    str | None, typer.Option("--group", "-g", help="The group (default: the workshop's only group).")
]


def register(app: typer.Typer) -> None:
    """Add the `plan` group to the app."""
    app.add_typer(plan_app, name="plan")


@plan_app.command("wizard", hidden=True)
@handle_errors
def wizard(
    workshop: WorkshopId,
    group: GroupOption = None,
    section: Annotated[
        str | None, typer.Option("--section", "-s", help="Start at this section (e.g. financial).")
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", metavar="FILE", help="Import a plan file (YAML or JSON) instead of asking."),
    ] = None,
    screen_lang: ScreenLang = None,
) -> None:
    """Build the plan step by step, or import it with --from FILE."""
    from carecoop.plan import workflow
    from carecoop.plan.field_paths import plan_sections

    check_screen_language(screen_lang)
    store = open_store()
    chosen = workflow.resolve_group(store, workshop, group)
    if from_file is not None:
        plan = workflow.import_plan(store, workshop, chosen, from_file)
        name = plan.cooperative.name or _("the plan")
        imported = _("Imported {name} for group {group} of workshop {workshop}. Check it with: {command}")
        command = command_line("plan", "check", workshop, "--group", chosen)
        console.print(
            imported.format(name=name, group=chosen, workshop=workshop, command=command),
            markup=False,
            soft_wrap=True,
        )
        return
    if section is not None and section not in plan_sections():
        raise UserError(
            _("No plan section '{section}'. Sections: {sections}.").format(
                section=section, sections=", ".join(plan_sections())
            )
        )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminalError(_("There is no terminal to ask on; import a plan with --from FILE instead."))
    _run_wizard(store, workshop, chosen, section)


def _run_wizard(store: Any, workshop: str, group: str, section: str | None) -> None:
    from carecoop.cli.plan_prompter import TerminalPlanPrompter
    from carecoop.plan import workflow
    from carecoop.plan.wizard import PlanWizard

    suggested: dict[str, Any] = {}
    # A group's first plan starts from what its workshop answers make, so that the first
    # answer saved keeps the rest of them (plan check and the exports read the same plan).
    start = workflow.load_plan(store, workshop, group)
    try:
        curriculum = load_curriculum()
        suggested = workflow.suggestions(store, workshop, group, curriculum)
        start = workflow.current_plan(store, curriculum, workshop, group).plan
    except ContentError:
        err_console.print(
            _(
                "The curriculum has problems (see 'carecoop modules validate'); answers recorded in the "
                "workshop are not offered as defaults."
            ),
            markup=False,
        )
    except UserError as error:
        err_console.print(_("Note: {message}").format(message=error), markup=False)
    wizard = PlanWizard(
        TerminalPlanPrompter(real_console(console)),
        start,
        lambda plan: workflow.save_plan(store, workshop, group, plan),
        fallback_country=store.workshop(workshop).country,
        suggested=suggested,
    )
    welcome = _(
        "Business plan of group {group} (workshop {workshop}). Every answer is saved at once; "
        "press Ctrl-C to stop at any time. Enter keeps the value shown, '-' clears it."
    )
    # Wrapped at words: a sentence to read, no command to copy.
    console.print(welcome.format(group=group, workshop=workshop), markup=False)
    try:
        wizard.run(section)
    except (KeyboardInterrupt, EOFError) as stop:
        where = wizard.current_section or section
        resume = command_line("plan", workshop, "--group", group)
        resume += f" --section {where}" if where else ""
        stopped = _("Stopped. Every answer so far is saved. Resume with: {command}")
        err_console.print("\n" + stopped.format(command=resume), markup=False)
        raise typer.Exit(130 if isinstance(stop, KeyboardInterrupt) else 1) from None
    saved = _("Saved. See the full check with: {command}")
    command = command_line("plan", "check", workshop, "--group", group)
    console.print("\n" + saved.format(command=command), markup=False, soft_wrap=True)


@plan_app.command("check")
@handle_errors
def check(
    workshop: WorkshopId,
    group: GroupOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    what_if: Annotated[
        bool,
        typer.Option(
            "--what-if", help="Also show the plan with fewer clients, lower prices and a late payer."
        ),
    ] = False,
    screen_lang: ScreenLang = None,
) -> None:
    """Key figures, the monthly cash table, warnings and a score of 0-100."""
    from carecoop.plan import workflow
    from carecoop.plan.checks import check_plan
    from carecoop.plan.summary import report_json, what_if_json

    check_screen_language(screen_lang)
    store = open_store()
    source = workflow.current_plan(store, load_curriculum(), workshop, group)
    chosen, plan = source.group, source.plan
    if source.from_answers and not as_json:
        unsaved = _(
            "Group {group} has no saved plan yet: this is the plan its workshop answers make. "
            "Save and complete it with: {command}"
        )
        command = command_line("plan", workshop, "--group", chosen)
        err_console.print(unsaved.format(group=chosen, command=command), markup=False)
    profile = workflow.profile_for(store, workshop, plan)
    report = check_plan(plan, profile)
    if as_json:
        data = report_json(report, workshop, chosen)
        if what_if:
            data["what_if"] = what_if_json(plan, report.currency_digits)
        echo_json(data)
        return
    from carecoop.cli.plan_views import check_view, what_if_view
    from carecoop.plan.field_labels import shown

    name = plan.cooperative.name or _("(no name yet)")
    heading = _("{name} — plan of group {group}, workshop {workshop} ({country}, {currency})").format(
        name=name, group=chosen, workshop=workshop, country=shown(profile.name), currency=report.currency
    )
    console.print(check_view(report, plan, profile, heading, workshop=workshop, group=chosen))
    if what_if:
        console.print(what_if_view(plan, profile, report.currency))


@plan_app.command("schema")
@handle_errors
def schema() -> None:
    """The JSON Schema of a plan file."""
    from carecoop.plan.model import Plan

    echo_json(Plan.model_json_schema())
