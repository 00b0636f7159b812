"""`carecoop plan …` and `carecoop export plan`: import, check, schema, group choice, routing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.store.db import Store
from carecoop.store.records import Workshop

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"
runner = CliRunner()


@pytest.fixture
def store(carecoop_home: Path) -> Store:
    store = Store.open(carecoop_home)
    store.create_workshop(
        Workshop(id="hre", programme="start-carecoop", title="Harare", start_date="2026-11-25", country="zw")
    )
    store.add_participants("hre", ["Rudo", "Tendai"], group="vendors")
    return store


def test_import_then_check_is_clean(store: Store) -> None:
    result = runner.invoke(app, ["plan", "hre", "--from", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Imported Tiri Pamwe Childcare Cooperative for group vendors of workshop hre."
    )
    result = runner.invoke(app, ["plan", "check", "hre"])
    assert result.exit_code == 0, result.output
    assert (
        "Tiri Pamwe Childcare Cooperative — plan of group vendors, workshop hre (Zimbabwe, USD)"
        in result.output
    )
    assert "No warnings." in result.output
    assert "Score: 100 / 100" in result.output
    assert "Cumulative break-even" in result.output
    assert "US$2,050.00" in result.output  # cash at the start of month 1: 4000 − 1950


def test_check_json(store: Store) -> None:
    runner.invoke(app, ["plan", "hre", "--from", str(FIXTURE)])
    result = runner.invoke(app, ["plan", "check", "hre", "--group", "vendors", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["score"] == 100
    assert data["warnings"] == []
    assert data["figures"]["startup_costs"] == "1950.00"
    assert data["figures"]["funding"] == "4000.00"
    assert data["figures"]["break_even_month"] == 8
    assert data["figures"]["break_even_units"] == 28  # to cover running costs
    assert data["figures"]["break_even_units_with_loan"] == 30
    assert len(data["months"]) == 24
    assert data["months"][0]["opening_cash"] == "2050.00"
    assert data["score_parts"]["viability"]["cash"] == {
        "label": "Cash never below zero",
        "points": 15,
        "of": 15,
    }


def test_check_of_an_empty_plan_warns_about_every_section(store: Store) -> None:
    # No saved plan and no answers: only the country comes from the workshop (1 of 48 fields).
    result = runner.invoke(app, ["plan", "check", "hre", "--json"])
    data = json.loads(result.output)
    assert data["score"] == 1
    empty = [w["section"] for w in data["warnings"] if w["code"] == "empty-section"]
    assert empty == [
        "members",
        "market",
        "services",
        "marketing",
        "operations",
        "governance",
        "decent_work",
        "financial",
        "risks",
        "action_plan",
    ]


def test_import_errors_are_located_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "cooperative:\n"
        "  name: X\n"
        "  legal_form: kingdom\n"
        "financial:\n"
        "  staf: []\n"
        "  revenue:\n"
        "    - service: care\n"
        "      unit_price: -3\n"
        "      units_per_month: 10\n"
        "  horizon_months: 60\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["plan", "hre", "--from", str(bad)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [
        f"{bad}:3: cooperative.legal_form: must be 'cooperative', 'association', 'mutual', "
        "'social-enterprise' or 'other'",
        f"{bad}:8: financial.revenue.0.unit_price: must be greater than or equal to 0",
        f"{bad}:10: financial.horizon_months: must be less than or equal to 36",
        f"{bad}:5: financial.staf: unknown key 'staf' (did you mean 'staff'?)",
    ]
    assert store.plan("hre", "vendors") is None


def test_import_rejects_an_unknown_country(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text(json.dumps({"cooperative": {"country": "xx"}}), encoding="utf-8")
    result = runner.invoke(app, ["plan", "hre", "--from", str(bad)])
    assert result.exit_code == 1
    assert "cooperative.country: no country profile 'xx'" in result.output
    assert store.plan("hre", "vendors") is None


def test_import_of_a_missing_file(store: Store, tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", "hre", "--from", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.output == f"{tmp_path / 'nope.yaml'}: no such file\n"


def test_group_must_be_named_when_there_are_several(store: Store) -> None:
    store.add_participants("hre", ["Ana"], group="nurses")
    result = runner.invoke(app, ["plan", "check", "hre"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: Workshop 'hre' has several groups; choose one with --group: vendors, nurses.\n"
    )
    result = runner.invoke(app, ["plan", "check", "hre", "--group", "choir"])
    assert result.exit_code == 1
    assert result.output == "Error: Workshop 'hre' has no group 'choir'. Groups: vendors, nurses.\n"
    result = runner.invoke(app, ["plan", "check", "hre", "--group", "Nurses", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["group"] == "nurses"


def test_unknown_workshop(store: Store) -> None:
    result = runner.invoke(app, ["plan", "nowhere"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No workshop 'nowhere'.")


def test_wizard_without_a_terminal_names_from_file(store: Store) -> None:
    result = runner.invoke(app, ["plan", "hre"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: There is no terminal to ask on; import a plan with --from FILE instead.\n"
    )


def test_wizard_rejects_an_unknown_section(store: Store) -> None:
    result = runner.invoke(app, ["plan", "hre", "--section", "money"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No plan section 'money'. Sections: cooperative, members,")


def test_options_before_the_workshop_still_reach_the_wizard(store: Store) -> None:
    result = runner.invoke(app, ["plan", "--group", "vendors", "hre", "--from", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert store.plan("hre", "vendors") is not None


def test_plan_help_lists_check_and_schema() -> None:
    result = runner.invoke(app, ["plan", "--help"])
    assert result.exit_code == 0
    assert "check" in result.output and "schema" in result.output
    assert "wizard" not in result.output.split("Commands")[-1]


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["plan", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Plan"
    assert set(schema["properties"]) >= {"cooperative", "financial", "risks", "bylaws"}
    assert schema["additionalProperties"] is False


def test_export_json_round_trips(store: Store, tmp_path: Path) -> None:
    runner.invoke(app, ["plan", "hre", "--from", str(FIXTURE)])
    out = tmp_path / "out" / "plan.json"
    result = runner.invoke(app, ["export", "plan", "hre", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "plan of group vendors" in result.output
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported == store.plan("hre", "vendors")
    store.add_participants("hre", ["Ana"], group="copy")
    result = runner.invoke(app, ["plan", "hre", "--group", "copy", "--from", str(out)])
    assert result.exit_code == 0, result.output
    assert store.plan("hre", "copy") == exported


def test_export_to_an_unwritable_path(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(
        app, ["export", "plan", "hre", "--format", "json", "--out", str(blocker / "plan.json")]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Cannot write {blocker / 'plan.json'}")
