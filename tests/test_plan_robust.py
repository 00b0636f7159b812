"""No plan reaches a traceback: amounts beyond a sane range are refused where they are typed.

A hypothesis test drives generated plan files through the command line: import, the
check as JSON and the exported plan. Every run ends with exit 0, or exit 1 and a located
message; never a traceback.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecoop.cli.app import app
from carecoop.plan.kinds import MAX_COUNT, MAX_MONEY
from carecoop.store.db import Store
from carecoop.store.records import Workshop
from carecoop.text import LONG_TEXT_LIMIT, PLAN_NAME_LIMIT, SHORT_TEXT_LIMIT

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"
runner = CliRunner()


def _workshop(home: Path) -> None:
    store = Store.open(home)
    if not store.workshops():
        store.create_workshop(
            Workshop(
                id="hre", programme="start-carecoop", title="Harare", start_date="2026-11-25", country="zw"
            )
        )
        store.add_participants("hre", ["Rudo"], group="vendors")
    store.close()


def _fixture() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return data


def test_an_amount_beyond_range_is_refused_at_import_with_its_line(
    carecoop_home: Path, tmp_path: Path
) -> None:
    _workshop(carecoop_home)
    data = _fixture()
    data["financial"]["fixed_costs"][0]["amount"] = 10**26  # written out in digits
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = runner.invoke(app, ["plan", "hre", "--from", str(path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if "fixed_costs.0.amount" in line]
    assert len(lines) == 1
    line_number = yaml.safe_dump(data, sort_keys=False).splitlines().index("  - item: Rent") + 2
    # the value reader or the model refuses it, at its line, in words
    assert f"plan.yaml:{line_number}: financial.fixed_costs.0.amount: " in lines[0]
    assert "is too large" in lines[0] and "1,000,000,000,000" in lines[0]
    # nothing was stored: the check runs on the plan the answers make, without a crash
    assert runner.invoke(app, ["plan", "check", "hre", "--json"]).exit_code == 0


def test_a_stored_plan_out_of_range_is_named_not_a_traceback(carecoop_home: Path) -> None:
    _workshop(carecoop_home)
    data = _fixture()
    data["financial"]["fixed_costs"][0]["amount"] = "1e26"
    store = Store.open(carecoop_home)
    store.save_plan("hre", "vendors", data)  # as an older carecoop could have stored it
    store.close()
    result = runner.invoke(app, ["plan", "check", "hre", "--json"])
    assert result.exit_code == 1
    assert "financial.fixed_costs.0.amount: is too large" in result.output
    assert "carecoop plan hre --group vendors --from FILE" in result.output


def test_the_largest_amounts_check_and_print(carecoop_home: Path, tmp_path: Path) -> None:
    _workshop(carecoop_home)
    data = _fixture()
    fin = data["financial"]
    for rows in ("startup_costs", "fixed_costs", "grants", "other_funding"):
        for row in fin[rows]:
            row["amount"] = str(MAX_MONEY)
    for line in fin["revenue"]:
        line.update(unit_price=str(MAX_MONEY), units_per_month=MAX_COUNT, variable_cost_per_unit="0.0001")
    for row in fin["staff"]:
        row.update(monthly_wage=str(MAX_MONEY), count=MAX_COUNT)
    fin["loans"][0].update(amount=str(MAX_MONEY), interest_rate=100, term_months=360, grace_months=359)
    fin["horizon_months"] = 36
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert runner.invoke(app, ["plan", "hre", "--from", str(path)]).exit_code == 0
    result = runner.invoke(app, ["plan", "check", "hre", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["figures"]["startup_costs"] == str(6 * MAX_MONEY) + ".00"
    out = tmp_path / "plan.pdf"
    result = runner.invoke(app, ["export", "plan", "hre", "--out", str(out), "--for", "lender"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


#: Amounts and counts the model takes, from nothing to the largest it accepts.
money = st.one_of(
    st.sampled_from(["0", "0.0001", str(MAX_MONEY)]),
    st.decimals(min_value=0, max_value=MAX_MONEY, places=2, allow_nan=False, allow_infinity=False).map(str),
)
count = st.one_of(st.sampled_from([0, MAX_COUNT]), st.integers(0, 500))
#: Values refused at import.
bad_money = st.sampled_from([str(MAX_MONEY + 1), "1e26", "-1"])
bad_count = st.sampled_from([MAX_COUNT + 1, "0.01", -1])


@st.composite
def plan_files(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], str]:
    """A sound plan file built on the fixture, a copy of it with one value out of range, and its path.

    Out-of-range values everywhere stopped nearly every plan at the import (23 of 25), so
    each example now proves both: the spoiled copy is refused, the sound plan goes on
    through the checks and both exports.
    """
    data = _fixture()
    fin = data["financial"]
    #: Where each generated amount (True) or count (False) sits, to spoil one of them.
    slots: list[tuple[tuple[str | int, ...], bool]] = []

    def put(where: tuple[str | int, ...], holder: dict[str, Any], key: str, is_money: bool) -> None:
        holder[key] = draw(money if is_money else count)
        slots.append(((*where, key), is_money))

    for rows in ("startup_costs", "fixed_costs", "grants", "other_funding"):
        for n, row in enumerate(fin[rows]):
            put(("financial", rows, n), row, "amount", True)
    for n, line in enumerate(fin["revenue"]):
        put(("financial", "revenue", n), line, "unit_price", True)
        put(("financial", "revenue", n), line, "units_per_month", False)
        put(("financial", "revenue", n), line, "variable_cost_per_unit", True)
        line["ramp_up_months"] = draw(st.integers(0, 36))
    for n, row in enumerate(fin["staff"]):
        put(("financial", "staff", n), row, "monthly_wage", True)
        put(("financial", "staff", n), row, "count", False)
        row.update(
            start_month=draw(st.integers(1, 36)),
            hours_per_week=draw(st.one_of(st.none(), st.sampled_from(["0.5", "20", "84"]))),
        )
    term = draw(st.integers(1, 360))
    loan = fin["loans"][0]
    put(("financial", "loans", 0), loan, "amount", True)
    loan.update(
        interest_rate=draw(st.sampled_from([0, "0.0001", 12, 100])),
        term_months=term,
        grace_months=draw(st.integers(0, term - 1)),
    )
    fin["horizon_months"] = draw(st.integers(12, 36))
    put(("services", "items", 0), data["services"]["items"][0], "capacity", False)
    category = data["members"]["categories"][0]
    put(("members", "categories", 0), category, "members", False)
    put(("members", "categories", 0), category, "share", True)
    if draw(st.booleans()):
        put(("financial",), fin, "minimum_wage", True)
    where, is_money = draw(st.sampled_from(slots))
    spoiled = json.loads(json.dumps(data, default=str))
    holder: Any = spoiled
    for key in where[:-1]:
        holder = holder[key]
    holder[where[-1]] = draw(bad_money if is_money else bad_count)
    return data, spoiled, ".".join(str(key) for key in where)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=plan_files())
def test_no_plan_reaches_a_traceback(
    generated: tuple[dict[str, Any], dict[str, Any], str], carecoop_home: Path, tmp_path: Path
) -> None:
    data, spoiled, where = generated
    _workshop(carecoop_home)
    path = tmp_path / "plan.json"
    for plan, code in ((spoiled, 1), (data, 0)):
        path.write_text(json.dumps(plan, default=str), encoding="utf-8")
        imported = runner.invoke(app, ["plan", "hre", "--from", str(path)])
        assert imported.exception is None or isinstance(imported.exception, SystemExit), imported.output
        # A value out of range is refused, located in the file; the sound plan imports.
        assert imported.exit_code == code, imported.output
        if code == 1:
            assert "plan.json:" in imported.output and f" {where}: " in imported.output, imported.output
    result = runner.invoke(app, ["plan", "check", "hre", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["figures"]
    assert Decimal(figures["funding"]) >= 0
    for extra in ([], ["--what-if"]):
        shown = runner.invoke(app, ["plan", "check", "hre", *extra])
        assert shown.exit_code == 0, shown.output
    out = tmp_path / "plan.md"
    for audience in ("group", "lender"):
        result = runner.invoke(app, ["export", "plan", "hre", "--out", str(out), "--for", audience])
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("where", "limit"),
    [
        (("cooperative", "name"), PLAN_NAME_LIMIT),
        (("cooperative", "mission"), LONG_TEXT_LIMIT),
        (("members", "rights", 0), SHORT_TEXT_LIMIT),
        (("financial", "loans", 0, "lender"), PLAN_NAME_LIMIT),
    ],
)
def test_a_text_beyond_its_field_length_is_refused_at_import_with_its_line(
    where: tuple[str | int, ...], limit: int, carecoop_home: Path, tmp_path: Path
) -> None:
    _workshop(carecoop_home)
    data = _fixture()
    holder: Any = data
    for key in where[:-1]:
        holder = holder[key]
    holder[where[-1]] = "x" * (limit + 1)
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=10**9), encoding="utf-8")
    result = runner.invoke(app, ["plan", "hre", "--from", str(path)])
    assert result.exit_code == 1, result.output
    dotted = ".".join(str(part) for part in where)
    lines = [line for line in result.output.splitlines() if f"{dotted}: " in line]
    assert len(lines) == 1, result.output
    assert re.search(rf"plan\.yaml:\d+: {re.escape(dotted)}: ", lines[0]), lines[0]
    assert f"is too long: {limit + 1:,} characters; carecoop accepts at most {limit:,} here" in lines[0]
    # exactly at the limit it imports
    holder[where[-1]] = "x" * limit
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=10**9), encoding="utf-8")
    assert runner.invoke(app, ["plan", "hre", "--from", str(path)]).exit_code == 0


def test_a_three_megabyte_name_is_refused_at_once(carecoop_home: Path, tmp_path: Path) -> None:
    _workshop(carecoop_home)
    path = tmp_path / "plan.yaml"
    path.write_text("cooperative:\n  name: " + "x" * 3_000_000 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["plan", "hre", "--from", str(path)])
    assert result.exit_code == 1
    assert "plan.yaml:2: cooperative.name: is too long: 3,000,000 characters" in result.output
    assert "Traceback" not in result.output
