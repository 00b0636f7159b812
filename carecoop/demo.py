"""`carecoop demo`: a complete fictional Start.CareCoop workshop, from set-up to documents.

Everything happens in a temporary store, so the demo never touches a facilitator's
workshops; only the documents are written, into the folder asked for.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecoop.demo_data import DEMO_DIR
from carecoop.errors import UserError
from carecoop.i18n import _

if TYPE_CHECKING:
    from carecoop.content.curriculum import Curriculum
    from carecoop.store.db import Store


@dataclass(frozen=True)
class WrittenFile:
    """One document the demo wrote."""

    document: str
    path: Path
    pages: int | None


@dataclass(frozen=True)
class DemoStep:
    """One piece of work of the demo, named for the progress bar."""

    label: str
    run: Callable[[], list[WrittenFile]]


def demo_languages() -> list[str]:
    """English and every language with a demo folder."""
    return ["en", *sorted(p.name for p in DEMO_DIR.iterdir() if (p / "start-workshop.yaml").is_file())]


def demo_dir(language: str) -> Path:
    """The folder of the demo in a language; a UserError naming the demo languages otherwise."""
    if language == "en":
        return DEMO_DIR
    if language not in demo_languages():
        shown = language if len(language) <= 20 and language.isprintable() else _("that language")
        raise UserError(_("No demo in '{language}'. Demo languages: {languages}.").format(
            language=shown, languages=", ".join(demo_languages())
        ))
    return DEMO_DIR / language


def _setup_data(folder: Path) -> dict[str, Any]:
    from carecoop.content.yamlfile import read_yaml

    data = read_yaml(folder / "start-workshop.yaml")
    if not isinstance(data, dict) or not {"workshop", "groups", "report_title"} <= set(data):
        raise UserError(_("The bundled demo workshop file is damaged; reinstall carecoop."))
    return data


def _pages(path: Path) -> int | None:
    if path.suffix != ".pdf":
        return None
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def demo_steps(out: Path, home: Path, language: str = "en") -> list[DemoStep]:
    """The demo as steps: set up and record the workshop, then export every document."""
    from carecoop.content.loader import load_curriculum
    from carecoop.plan.field_paths import plan_field_exists
    from carecoop.plan.workflow import current_plan, save_plan
    from carecoop.render import exports
    from carecoop.render.handout_export import export_handouts
    from carecoop.render.plan_export import export_bylaws, export_plan
    from carecoop.store.db import Store
    from carecoop.store.records import Workshop
    from carecoop.workshop.answers_file import record_answers_file

    folder = demo_dir(language)
    setup = _setup_data(folder)
    store = Store.open(home)
    curriculum = load_curriculum(plan_field_ok=plan_field_exists)
    workshop = Workshop(**setup["workshop"])
    ws = workshop.id
    groups: dict[str, list[str]] = setup["groups"]

    def record() -> list[WrittenFile]:
        from carecoop.pilot.people import import_people

        store.create_workshop(workshop)
        for group, names in groups.items():
            store.add_participants(ws, names, group=group)
        import_people(store, ws, folder / "start-people.csv")  # profiles and consent
        present = {p.id: True for p in store.participants(ws)}
        for module in curriculum.modules_of(workshop.programme):
            store.set_attendance(ws, module.id, present)
        record_answers_file(folder / "start-carecoop-answers.yaml", store, curriculum, store.workshop(ws))
        for group in groups:
            # The group's plan as its answers made it, stored as the wizard would.
            save_plan(store, ws, group, current_plan(store, curriculum, ws, group).plan)
        return []

    def written(document: str, paths: list[Path]) -> list[WrittenFile]:
        return [WrittenFile(document, path, _pages(path)) for path in paths]

    def handouts() -> list[WrittenFile]:
        result = export_handouts(store, curriculum, ws, out / "handouts")
        return written("Handout", result.paths)

    def agenda() -> list[WrittenFile]:
        paths = exports.export_agenda(store, curriculum, ws, out / "agenda.pdf").paths
        paths += exports.export_agenda(store, curriculum, ws, out / "run-sheet.pdf", detail=True).paths
        paths += exports.export_agenda(store, curriculum, ws, out / "agenda.md", fmt="md", detail=True).paths
        return written("Agenda", paths)

    def attendance() -> list[WrittenFile]:
        return written("Attendance sheet",
                       exports.export_attendance(store, curriculum, ws, out / "attendance.pdf").paths)

    def certificates() -> list[WrittenFile]:
        return written("Certificates",
                       exports.export_certificates(store, curriculum, ws, out / "certificates.pdf").paths)

    def group_documents(group: str) -> Callable[[], list[WrittenFile]]:
        slug = exports.file_slug(group)

        def run() -> list[WrittenFile]:
            files: list[WrittenFile] = []
            for fmt in ("pdf", "docx", "md", "json"):
                path = out / f"business-plan-{slug}.{fmt}"
                export_plan(store, curriculum, ws, path, group=group, fmt=fmt)
                files += written("Business plan", [path])
            for fmt in ("pdf", "docx", "md"):
                path = out / f"bylaws-{slug}.{fmt}"
                export_bylaws(store, curriculum, ws, path, group=group, fmt=fmt)
                files += written("Draft bylaws", [path])
            return files

        return run

    def pilot_report() -> list[WrittenFile]:
        from carecoop.pilot.report import export_report

        paths = []
        for fmt in ("pdf", "md", "xlsx"):
            paths.append(out / f"pilot-report.{fmt}")
            export_report(store, curriculum, [ws], paths[-1], fmt=fmt)
        return written("Pilot report", paths)

    def programme_report() -> list[WrittenFile]:
        from carecoop.pilot.bundle import write_bundle
        from carecoop.pilot.merge import import_bundles
        from carecoop.pilot.report import export_report

        # A second facilitator's laptop ran a Think.CareCoop day; both send a bundle to a
        # coordinator, whose store holds only what the bundles carry.
        laptop = Store.open(home / "second-laptop")
        other = _record_think_day(laptop, curriculum, folder)
        bundles = [write_bundle(store, ws, out / "bundles" / f"{ws}.carecoop"),
                   write_bundle(laptop, other, out / "bundles" / f"{other}.carecoop")]
        coordinator = Store.open(home / "coordinator")
        merged = import_bundles(coordinator, bundles)
        paths = []
        for fmt in ("pdf", "md"):
            paths.append(out / f"programme-report.{fmt}")
            export_report(coordinator, curriculum, [m.workshop_id for m in merged], paths[-1], fmt=fmt,
                          title=setup["report_title"])
        return written("Workshop bundle", bundles) + written("Programme report", paths)

    steps = [
        DemoStep("Recording the workshop's answers", record),
        DemoStep("Handouts for every participant", handouts),
        DemoStep("Agenda", agenda),
        DemoStep("Attendance sheet", attendance),
        DemoStep("Certificates", certificates),
    ]
    steps += [DemoStep(f"Business plan and bylaws of {group}", group_documents(group)) for group in groups]
    steps += [DemoStep("Pilot report", pilot_report),
              DemoStep("Programme report from two workshops' bundles", programme_report)]
    return steps


def _record_think_day(store: Store, curriculum: Curriculum, folder: Path) -> str:
    """Record the demo Think.CareCoop day (think-workshop.yaml in `folder`) in a store; return its id."""
    from carecoop.content.yamlfile import read_yaml
    from carecoop.pilot.people import import_people
    from carecoop.store.records import Workshop
    from carecoop.workshop.answers_file import record_answers_file

    setup = read_yaml(folder / "think-workshop.yaml")
    if not isinstance(setup, dict) or not {"workshop", "groups", "absent"} <= set(setup):
        raise UserError(_("The bundled demo Think.CareCoop file is damaged; reinstall carecoop."))
    workshop = store.create_workshop(Workshop(**setup["workshop"]))
    for group, names in setup["groups"].items():
        store.add_participants(workshop.id, names, group=group)
    import_people(store, workshop.id, folder / "think-people.csv")
    people = store.participants(workshop.id)
    for module in curriculum.modules_of(workshop.programme):
        absent = set(setup["absent"].get(module.id, []))
        store.set_attendance(workshop.id, module.id, {p.id: p.name not in absent for p in people})
    record_answers_file(folder / "think-carecoop-answers.yaml", store, curriculum, workshop)
    return workshop.id


def run_demo(
    out: Path, on_step: Callable[[str, int, int], None] | None = None, language: str = "en"
) -> list[WrittenFile]:
    """Build the demo workshop (in `language`) in a temporary store and write every document into `out`."""
    demo_dir(language)  # an unknown language is refused before any folder is made
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(_(
            "Cannot create the folder {out}: {value}"
        ).format(out=out, value=error.strerror or error)) from None
    files: list[WrittenFile] = []
    with tempfile.TemporaryDirectory(prefix="carecoop-demo-") as home:
        steps = demo_steps(out, Path(home), language)
        for number, step in enumerate(steps, start=1):
            if on_step is not None:
                on_step(step.label, number, len(steps))
            files += step.run()
    return files
