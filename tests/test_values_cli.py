"""The value bugs of issue 11 and the NaN/infinity of issue 12, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.store.db import Store
from carecoop.store.records import Workshop

runner = CliRunner()
TINY = Path(__file__).parent / "fixtures" / "run-module" / "01-tiny.yaml"


@pytest.fixture
def modules(tmp_path: Path) -> Path:
    """The tiny run module, with no upper limit on the hours question (so 1200 fits)."""
    folder = tmp_path / "modules"
    folder.mkdir()
    text = TINY.read_text(encoding="utf-8")
    assert "        maximum: 20\n" in text
    (folder / TINY.name).write_text(text.replace("        maximum: 20\n", "", 1), encoding="utf-8")
    return folder


def _workshop(*extra: str) -> None:
    for args in (
        ["workshop", "new", "--programme", "think-carecoop", "--title", "T", "--id", "ws", *extra],
        ["participants", "add", "ws", "Amina", "--group", "Sun"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output


def _run(modules: Path, tmp_path: Path, answers: str) -> Any:
    path = tmp_path / "answers.yaml"
    path.write_text(f"answers:\n{answers}", encoding="utf-8")
    return runner.invoke(app, ["--modules", str(modules), "run", "ws", "--answers", str(path)])


def _recorded(modules: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["--modules", str(modules), "answers", "ws", "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "question" in node and "value" in node:
                found[node["question"]] = node["value"]
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads(result.output))
    return found


HOURS = "- {activity: tiny-needs, question: hours, group: Sun, value: %s}\n"


def test_1200_in_an_english_workshop_is_1200(carecoop_home: Path, modules: Path, tmp_path: Path) -> None:
    _workshop()
    result = _run(modules, tmp_path, HOURS % '"1,200"')
    assert result.exit_code == 0, result.output
    assert _recorded(modules)["hours"] == 1200  # was 1.2


def test_si_is_yes_in_the_run(carecoop_home: Path, modules: Path, tmp_path: Path) -> None:
    _workshop()
    result = _run(modules, tmp_path, "- {activity: tiny-needs, question: ready, group: Sun, value: si}\n")
    assert result.exit_code == 0, result.output
    assert _recorded(modules)["ready"] is True


def test_a_colombian_workshop_reads_colombian_figures(
    carecoop_home: Path, modules: Path, tmp_path: Path
) -> None:
    _workshop("--country", "co", "--lang", "es")
    result = _run(modules, tmp_path, "- {activity: tiny-needs, question: wage, value: '1.250,50'}\n")
    assert result.exit_code == 0, result.output
    assert _recorded(modules)["wage"] == "1250.50"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # The loader keeps `.nan`, `.inf` and `1.0e+25` as the text they are (issue 12).
        (".nan", "expected a number of at least 0, got '.nan'"),
        (".inf", "expected a number of at least 0, got '.inf'"),
        ("1.0e+25", "expected a number of at least 0, got '1.0e+25'"),
        ("10000000000000", "10000000000000 is too large: carecoop takes figures up to 1,000,000,000,000"),
        ('"1.250,50"', "expected a number of at least 0 written like 1250.50, got '1.250,50'"),
    ],
)
def test_nan_infinity_and_absurd_figures_are_refused_where_they_enter(
    carecoop_home: Path, modules: Path, tmp_path: Path, value: str, message: str
) -> None:
    _workshop()
    result = _run(modules, tmp_path, HOURS % value)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'answers.yaml'}:2: answers.0.value: {message}"
    assert Store.open().answers("ws") == []


@pytest.fixture
def bogota(carecoop_home: Path) -> Store:
    store = Store.open(carecoop_home)
    store.create_workshop(
        Workshop(id="bog", programme="start-carecoop", title="Bogotá", start_date="2026-11-25", country="co")
    )
    store.add_participants("bog", ["Ana", "Paula"], group="cuidadoras")
    return store


def _plan_file(tmp_path: Path, amount: str, rate: str = "'12,5'") -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(
        f"financial:\n  startup_costs:\n    - {{item: Cunas, amount: {amount}}}\n  reserve_percent: {rate}\n",
        encoding="utf-8",
    )
    return path


def test_plan_import_reads_1250_50_in_a_colombian_workshop(bogota: Store, tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", "bog", "--from", str(_plan_file(tmp_path, "'1.250,50'"))])
    assert result.exit_code == 0, result.output
    stored = bogota.plan("bog", "cuidadoras")
    assert stored is not None
    assert stored["financial"]["startup_costs"][0]["amount"] == "1250.50"  # was 1.2505
    assert stored["financial"]["reserve_percent"] == "12.5"


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("'1,200'", "'1,200' could be read two ways: write 1200 or 1.200,50"),
        (".nan", "expected an amount of money like 1250,50, got '.nan'"),
        ("1.0e+25", "expected an amount of money like 1250,50, got '1.0e+25'"),
        ("10000000000000", "10000000000000 is too large: carecoop takes figures up to 1,000,000,000,000"),
        ("'1,250.50'", "expected an amount of money like 1250,50, got '1,250.50'"),
    ],
)
def test_plan_import_refuses_what_it_cannot_read(
    bogota: Store, tmp_path: Path, amount: str, message: str
) -> None:
    path = _plan_file(tmp_path, amount)
    result = runner.invoke(app, ["plan", "bog", "--from", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"{path}:3: financial.startup_costs.0.amount: {message}"]
    assert bogota.plan("bog", "cuidadoras") is None
