"""Replaying the demo Start.CareCoop workshop (carecoop/demo_data) into two full business plans."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import CliRunner, every_answerer, module_env

from carecoop.cli.app import app
from carecoop.content.curriculum import Curriculum
from carecoop.content.loader import load_curriculum
from carecoop.content.models import Scope
from carecoop.demo_data import DEMO_DIR
from carecoop.plan import finance
from carecoop.plan.answers import get_path
from carecoop.plan.checks import Report, check_plan
from carecoop.plan.field_paths import plan_sections
from carecoop.plan.model import Plan
from carecoop.plan.wages import minimum_wage
from carecoop.plan.workflow import current_plan, export_plan_json, profile_for
from carecoop.store.db import STORE_FILE, Store
from carecoop.store.records import Workshop
from carecoop.workshop.values import check_value
from carecoop.workshop.workshops import new_workshop

runner = CliRunner()
PROGRAMME = "start-carecoop"
SETUP_FILE = DEMO_DIR / "start-workshop.yaml"
ANSWERS_FILE = DEMO_DIR / "start-carecoop-answers.yaml"
SETUP: dict[str, Any] = yaml.safe_load(SETUP_FILE.read_text(encoding="utf-8"))
ENTRIES: list[dict[str, Any]] = yaml.safe_load(ANSWERS_FILE.read_text(encoding="utf-8"))["answers"]
GROUPS: dict[str, list[str]] = SETUP["groups"]
WS: str = SETUP["workshop"]["id"]


@pytest.fixture(scope="module")
def curriculum(tmp_path_factory: pytest.TempPathFactory, parse_cache: Path) -> Curriculum:
    with module_env(tmp_path_factory.mktemp("curriculum"), parse_cache):
        return load_curriculum()


def _plan_fields(curriculum: Curriculum) -> set[str]:
    return {
        q.plan_field for _, a in curriculum.activities_of(PROGRAMME) for q in a.questions if q.plan_field
    }


def _demo_store() -> Store:
    """A store holding the demo workshop and its people, as start-workshop.yaml describes them."""
    opened = Store.open()
    new_workshop(opened, workshop_id=WS, **{k: v for k, v in SETUP["workshop"].items() if k != "id"})
    for group, names in GROUPS.items():
        opened.add_participants(WS, names, group=group)
    return opened


@pytest.fixture
def store(carecoop_home: Path) -> Store:
    return _demo_store()


@pytest.fixture(scope="module")
def replay_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the first replay's store is kept for the module's other tests (missing until then)."""
    return tmp_path_factory.mktemp("replayed") / STORE_FILE


@pytest.fixture
def replayed(carecoop_home: Path, replay_copy: Path) -> Store:
    """The demo store after `carecoop run --answers` of the demo answers file.

    The first test that asks replays it through the CLI; each later one gets its own copy of
    that store, so a test that changes it changes nothing for the others.
    """
    if replay_copy.exists():
        carecoop_home.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(replay_copy)) as source,
            closing(sqlite3.connect(carecoop_home / STORE_FILE)) as target,
        ):
            source.backup(target)
        return Store.open()
    store = _demo_store()
    result = runner.invoke(app, ["run", WS, "--answers", str(ANSWERS_FILE)])
    assert result.exit_code == 0, result.output
    skipped = sum(1 for entry in ENTRIES if entry["value"] is None)
    assert f"Recorded {len(ENTRIES)} answers ({skipped} skipped)" in result.output
    with closing(sqlite3.connect(replay_copy)) as target:
        store.connection.backup(target)
    return store


def _report(store: Store, curriculum: Curriculum, group: str) -> tuple[Plan, Report]:
    """The plan the recorded answers make (no plan is stored) and its check."""
    source = current_plan(store, curriculum, WS, group)
    assert source.from_answers and source.group == group
    return source.plan, check_plan(source.plan, profile_for(store, WS, source.plan))


# The set-up file --------------------------------------------------------------------------


def test_setup_file_is_a_start_carecoop_workshop_with_two_groups() -> None:
    fields = {f.name for f in dataclasses.fields(Workshop)}
    assert set(SETUP) == {"workshop", "groups", "report_title"}
    assert set(SETUP["workshop"]) <= fields
    assert SETUP["workshop"]["programme"] == PROGRAMME
    assert SETUP["workshop"]["country"] == "zw"
    assert list(GROUPS) == ["Tiri Pamwe", "Sisonke Home Care"]
    names = [name for people in GROUPS.values() for name in people]
    assert len(names) == len(set(names)) == 11


def test_setup_file_creates_the_workshop(store: Store) -> None:
    workshop = store.workshop(WS)
    assert (workshop.programme, workshop.start_date, workshop.country) == (PROGRAMME, "2025-10-06", "zw")
    assert workshop.care_support.startswith("A children's corner")
    assert store.groups(WS) == list(GROUPS)
    assert [(p.name, p.group) for p in store.participants(WS)] == [
        (name, group) for group, names in GROUPS.items() for name in names
    ]


# The answers file ---------------------------------------------------------------------------


def test_answers_file_answers_every_question_once_per_answerer(curriculum: Curriculum) -> None:
    expected = every_answerer(curriculum, PROGRAMME, GROUPS)
    given = [(e["activity"], e["question"], e.get("participant"), e.get("group")) for e in ENTRIES]
    assert given == expected  # every question, every answerer, once, in running order


def test_only_optional_participant_answers_are_skipped(curriculum: Curriculum) -> None:
    for entry in ENTRIES:
        if entry["value"] is not None:
            continue
        found = curriculum.find_activity(entry["activity"])
        assert found is not None
        question = found[1].question(entry["question"])
        assert question is not None and not question.required, entry
        assert question.scope is Scope.PARTICIPANT and "participant" in entry, entry


# Replaying it through the CLI --------------------------------------------------------------------


def test_replay_completes_every_activity(replayed: Store, curriculum: Curriculum) -> None:
    progress = replayed.progress(WS)
    with_questions = [a.id for _, a in curriculum.activities_of(PROGRAMME) if a.questions]
    assert {activity: progress[activity].status for activity in with_questions} == dict.fromkeys(
        with_questions, "done"
    )


def test_answers_json_round_trips_the_file(replayed: Store, curriculum: Curriculum) -> None:
    result = runner.invoke(app, ["answers", WS, "--json"])
    assert result.exit_code == 0, result.output
    exported = json.loads(result.output)["answers"]

    def canonical(entry: dict[str, Any]) -> dict[str, Any]:
        found = curriculum.find_activity(entry["activity"])
        assert found is not None
        question = found[1].question(entry["question"])
        assert question is not None
        value = entry["value"]
        return {**entry, "value": None if value is None else check_value(question, value)}

    assert exported == [canonical(entry) for entry in ENTRIES]


# The two business plans ----------------------------------------------------------------------------


@pytest.mark.parametrize("group", list(GROUPS))
def test_plan_from_the_answers_has_no_empty_section(
    replayed: Store, curriculum: Curriculum, group: str
) -> None:
    plan, report = _report(replayed, curriculum, group)
    assert {s: filled for s, (filled, _) in report.completeness.items() if filled == 0} == {}
    assert [f.message for f in report.findings if f.code == "empty-section"] == []
    data = plan.model_dump(mode="json")
    blank = Plan().model_dump(mode="json")
    # Bylaws do not count for completeness; they must be filled all the same.
    assert [section for section in plan_sections() if data[section] == blank[section]] == []
    # No answer was lost on its way into the plan.
    lost = [p for p in sorted(_plan_fields(curriculum)) if get_path(data, p) in (None, "", [], {})]
    assert lost == []


def test_tiri_pamwe_plan_dips_then_breaks_even(replayed: Store, curriculum: Curriculum) -> None:
    plan, report = _report(replayed, curriculum, "Tiri Pamwe")
    figures = report.figures
    assert (figures.startup, figures.member_shares, figures.funding) == (1000, 500, 2200)
    assert 0 <= figures.lowest_cash < finance.opening_cash(plan)  # dips, never runs out
    assert figures.break_even_month is not None
    assert figures.break_even_month <= plan.financial.horizon_months
    wage = minimum_wage(plan, profile_for(replayed, WS, plan))
    assert wage is not None
    full_time = plan.decent_work.full_time_hours
    assert full_time is not None
    for row in plan.financial.staff:  # part-time rows earn at least the minimum for their hours
        hours = min(row.hours_per_week or full_time, full_time)
        assert row.monthly_wage >= wage[0] * hours / full_time, row.role
        assert row.employer_contributions > 0, row.role
    # Six carers in two shifts: three with the children at every hour, ten children each.
    assert sum(row.count for row in plan.financial.staff if row.carer) == 6
    assert [(s.capacity, s.carers) for s in plan.services.items] == [(30, 3)]
    assert report.findings == []
    assert report.viability == {
        "funding": 10, "cash": 15, "break_even": 10, "wages": 10, "ratios": 5, "price": 5, "reserve": 5
    }
    # Module 4's launch plan replaces module 3's action plan; module 3's shares replace module 1's.
    assert plan.action_plan[0].step == "Check that the name is free"
    assert [c.share for c in plan.members.categories] == [25, 25, 25]


def test_sisonke_plan_is_complete_but_honestly_warned(replayed: Store, curriculum: Curriculum) -> None:
    plan, report = _report(replayed, curriculum, "Sisonke Home Care")
    codes = {finding.code for finding in report.findings}
    assert {"negative-cash", "price-above-ability"} <= codes
    assert not codes & {"empty-section", "wage-below-minimum", "no-break-even", "funding-gap"}
    assert report.figures.break_even_month is not None
    assert plan.members.membership_model == "worker"


def test_plan_check_cli_on_the_imported_plan(replayed: Store, curriculum: Curriculum, tmp_path: Path) -> None:
    # `plan check` judges the stored plan: store the one the answers make (as a plan file), then check.
    for group in GROUPS:
        plan, report = _report(replayed, curriculum, group)
        plan_file = tmp_path / f"{group}.json"
        export_plan_json(plan, plan_file, "a test")
        result = runner.invoke(app, ["plan", WS, "--group", group, "--from", str(plan_file)])
        assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["plan", "check", WS, "--group", group, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["score"] == report.score


# Reach of the curriculum ------------------------------------------------------------------------


@pytest.mark.parametrize("section", plan_sections())
def test_some_start_carecoop_question_fills_each_plan_section(curriculum: Curriculum, section: str) -> None:
    reached = [p for p in _plan_fields(curriculum) if p == section or p.startswith(f"{section}.")]
    assert reached, f"no Start.CareCoop question has a plan_field in the plan section '{section}'"
