from __future__ import annotations

from helpers import CliRunner

from carecoop import __version__
from carecoop.cli.app import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"carecoop {__version__}\n"


def test_unknown_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command 'frobnicate'" in result.output


def test_modules_list_json_matches_the_curriculum() -> None:
    import json

    from carecoop.content.loader import load_curriculum

    result = runner.invoke(app, ["modules", "list", "--programme", "think-carecoop", "--json"])
    assert result.exit_code == 0
    (programme,) = json.loads(result.output)
    curriculum = load_curriculum()
    modules = curriculum.modules_of("think-carecoop")
    assert [m["id"] for m in programme["modules"]] == [m.id for m in modules]
    assert programme["minutes"] == sum(m.minutes for m in modules)


def test_modules_list_table_shows_module_one_with_its_minutes() -> None:
    from carecoop.content.loader import load_curriculum

    module = load_curriculum().module("tc-1")
    result = runner.invoke(app, ["modules", "list", "-p", "think-carecoop"])
    assert result.exit_code == 0
    line = next(row for row in result.output.splitlines() if "tc-1" in row)
    assert module.title in line and str(module.activity_minutes) in line


def test_modules_show_module_and_activity() -> None:
    result = runner.invoke(app, ["modules", "show", "tc-1"])
    assert result.exit_code == 0
    assert "Module 1: Care in our lives  [tc-1]" in result.output
    result = runner.invoke(app, ["modules", "show", "tc1-knowledge-before"])
    assert result.exit_code == 0
    assert "← right answer" in result.output
    assert "Steps (read aloud)" in result.output


def test_modules_show_unknown_id() -> None:
    result = runner.invoke(app, ["modules", "show", "nope"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No module 'nope'. Known modules: tc-1, tc-2")


def test_modules_list_unknown_programme() -> None:
    result = runner.invoke(app, ["modules", "list", "-p", "nope"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: unknown programme 'nope'. Use one of: think-carecoop, start-carecoop\n"
    )


def test_modules_schema_is_json_schema() -> None:
    import json

    result = runner.invoke(app, ["modules", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Module"
    assert "activities" in schema["properties"]
    assert schema["additionalProperties"] is False
