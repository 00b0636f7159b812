"""`carecoop participants import`, and the pilot evidence commands."""


from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from carecoop.cli.common import WorkshopId, escape, handle_errors, open_store
from carecoop.cli.export_cmd import ForceOption
from carecoop.cli.workshop_cmd import participants_app, say
from carecoop.i18n import _, ngettext

if TYPE_CHECKING:
    from carecoop.pilot.report import WrittenReport


def register(app: typer.Typer) -> None:
    """Add `participants import`, `report`, `bundle` and `import`."""
    participants_app.command("import")(import_people)
    app.command("report")(report)
    app.command("bundle")(bundle)
    app.command("import")(import_bundles)


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
    imported = ngettext(
        "Imported {count} participant into {workshop}: {new} new, {updated} updated; "
        "{consenting} consent to be counted in reports.",
        "Imported {count} participants into {workshop}: {new} new, {updated} updated; "
        "{consenting} consent to be counted in reports.",
        total,
    )
    facts = {"new": len(result.added), "updated": len(result.updated), "consenting": result.consenting}
    say(escape(imported.format(count=total, workshop=workshop_id, **facts)))
    if result.ignored_columns:
        unused = _("Columns not used: {columns}").format(columns=", ".join(result.ignored_columns))
        say(escape(unused))


@handle_errors
def report(
    workshop_id: Annotated[
        str | None, typer.Argument(metavar="[WS]", help="The workshop (or --all for a programme report).")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every workshop in this store, one row each.")] = False,
    country: Annotated[
        str | None, typer.Option("--country", metavar="C", help="With --all: only this country's workshops.")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="pdf, md or xlsx (default: from --out).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Where to write it (default: here).")
    ] = None,
    force: ForceOption = False,
) -> None:
    """Write the pilot report of a workshop, or with --all the programme report of many.

    Who took part (consenting people by sex, age band, role and disability), attendance,
    the knowledge check before and after, feedback, each group's decision and plan score,
    and the care support. Nobody is named; people without consent are only counted.
    """
    from carecoop.cli.common import load_curriculum
    from carecoop.pilot.report import choose_workshops, export_report
    from carecoop.render.formats import choose_format

    store = open_store()
    chosen = choose_workshops(store, workshop_id, every, country)
    if out is None:
        stem = f"pilot-report-{workshop_id}" if workshop_id else (
            f"programme-report-{country.lower()}" if country else "programme-report"
        )
        out = Path(f"{stem}.{(fmt or 'pdf').lower().replace('markdown', 'md')}")
    chosen_format = choose_format(out, fmt, ("pdf", "md", "xlsx"))
    title = None if workshop_id else (f"Workshops in {country.upper()}" if country else "All workshops")
    written = export_report(
        store, load_curriculum(), chosen, out, fmt=chosen_format, title=title, force=force
    )
    say(escape(_("Wrote {path}").format(path=written.path)))
    for line in report_summary(written):
        say(f"  {escape(line)}")


def report_summary(written: "WrittenReport") -> list[str]:
    """The report's key figures in a few lines, for the terminal."""
    from carecoop.pilot.report_doc import share

    people = sum(len(w.people) for w in written.workshops)
    consenting = sum(len(w.consenting) for w in written.workshops)
    count = len(written.workshops)
    plural = "s" if count != 1 else ""
    lines = [f"{count} workshop{plural}, {people} participants, {consenting} counted with consent"]
    for figure in written.figures:
        for result in figure.knowledge:
            paired = result.paired
            if paired:
                lines.append(
                    f"{figure.programme_title} quiz: {len(paired)} took both; mean "
                    f"{result.mean('before'):.1f} → {result.mean('after'):.1f} of {result.out_of} "
                    f"(change {result.mean('change'):+.1f})"
                )
        if figure.feedback is not None and figure.feedback.answered("useful"):
            useful = figure.feedback.mean("useful") or 0.0
            lines.append(f"{figure.programme_title} feedback: useful {useful:.1f} of 5 "
                         f"({figure.feedback.answered('useful')} answers)")
        decisions = [d for w in figure.workshops for d in w.decisions]
        if decisions:
            go = sum(1 for d in decisions if d.decision == "go")
            lines.append(f"{figure.programme_title} decisions: go {share(go, len(decisions))}")
    return lines


@handle_errors
def bundle(
    workshop_id: WorkshopId,
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="The bundle to write, like ws.carecoop.")
    ],
    force: ForceOption = False,
) -> None:
    """Write one file that carries a workshop to a coordinator (USB stick, messaging app).

    People who did not consent travel as "Anonymous N", without profile or answers.
    """
    from carecoop.cli.common import command_line
    from carecoop.pilot.bundle import write_bundle

    store = open_store()
    path = write_bundle(store, workshop_id, out, force=force)
    people = store.participants(workshop_id)
    anonymous = sum(1 for p in people if not p.profile.consent)
    wrote = ngettext(
        "Wrote {path}: workshop {workshop}, {count} person "
        "({anonymous} without consent travel as Anonymous).",
        "Wrote {path}: workshop {workshop}, {count} people "
        "({anonymous} without consent travel as Anonymous).",
        len(people),
    )
    say(escape(wrote.format(path=path, workshop=workshop_id, count=len(people), anonymous=anonymous)))
    laptop = _("On the coordinator's laptop: {command}")
    say(escape(laptop.format(command=command_line("import", path.name))))


@handle_errors
def import_bundles(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="Bundles written by 'carecoop bundle'.")
    ],
) -> None:
    """Merge workshop bundles into this store; importing one twice changes nothing.

    Every file is checked first; a damaged or changed one is refused and nothing is imported.
    """
    from carecoop.cli.common import command_line
    from carecoop.pilot.merge import import_bundles as merge

    results = merge(open_store(), files)
    for r in results:
        if not r.changed:
            nothing = _("{file}: nothing new for {workshop} (already imported).")
            say(escape(nothing.format(file=r.path.name, workshop=r.workshop_id)))
            continue
        if r.new_workshop:
            merged = _(
                "{file}: {workshop} (new workshop): {people} people, {answers} answers, "
                "{plans} plan versions, {attendance} attendance marks added or changed."
            )
        else:
            merged = _(
                "{file}: {workshop} (updated): {people} people, {answers} answers, "
                "{plans} plan versions, {attendance} attendance marks added or changed."
            )
        facts = {"people": r.people, "answers": r.answers, "plans": r.plans, "attendance": r.attendance}
        say(escape(merged.format(file=r.path.name, workshop=r.workshop_id, **facts)))
    say(escape(_("Next: {command}").format(command=command_line("report", "--all"))))
