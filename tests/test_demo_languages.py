"""Every shipped demo language (carecoop/demo_data and its language folders) replays cleanly.

Each language's demo is its own fictional workshop in a country where the language is
spoken; these tests hold every one to what the English demo keeps: a Start.CareCoop
workshop in that language that answers every question once per answerer, replays through
the CLI, and makes a complete plan for each group. Rendering is left to tests/test_demo.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import CliRunner, every_answerer, read_yaml_file

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.countries.profiles import profile_codes
from carecoop.demo import demo_dir, demo_languages
from carecoop.plan.checks import check_plan
from carecoop.plan.workflow import current_plan, profile_for
from carecoop.store.db import Store

runner = CliRunner()
LANGUAGES = demo_languages()


def read(language: str, name: str) -> Any:
    return read_yaml_file(demo_dir(language) / name)


def test_an_unknown_demo_language_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--lang", "xx", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == f"Error: No demo in 'xx'. Demo languages: {', '.join(LANGUAGES)}.\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("programme", ["start-carecoop", "think-carecoop"])
def test_the_demo_answers_every_question_once_per_answerer(language: str, programme: str) -> None:
    setup = read(language, f"{programme.split('-')[0]}-workshop.yaml")
    assert setup["workshop"]["programme"] == programme
    assert setup["workshop"]["language"] == language
    assert setup["workshop"]["country"] in profile_codes()
    groups: dict[str, list[str]] = setup["groups"]
    people = [name for names in groups.values() for name in names]
    assert len(people) == len(set(people))
    expected = every_answerer(load_curriculum(), programme, groups)
    entries = read(language, f"{programme}-answers.yaml")["answers"]
    given = [(e["activity"], e["question"], e.get("participant"), e.get("group")) for e in entries]
    if programme == "think-carecoop":  # a real day: some people missed a module, so fewer answers
        assert set(given) <= set(expected)
    else:
        assert given == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_replays_into_a_complete_plan_for_each_group(language: str, carecoop_home: Path) -> None:
    setup = read(language, "start-workshop.yaml")
    workshop = setup["workshop"]
    ws = workshop["id"]
    args = ["workshop", "new", "--programme", workshop["programme"], "--title", workshop["title"],
            "--id", ws, "--lang", language, "--country", workshop["country"]]  # fmt: skip
    assert runner.invoke(app, args).exit_code == 0
    for group, names in setup["groups"].items():
        result = runner.invoke(app, ["participants", "add", ws, *names, "--group", group])
        assert result.exit_code == 0, result.output
    answers = demo_dir(language) / "start-carecoop-answers.yaml"
    result = runner.invoke(app, ["run", ws, "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    store = Store.open()
    curriculum = load_curriculum()
    for group in setup["groups"]:
        plan = current_plan(store, curriculum, ws, group).plan
        report = check_plan(plan, profile_for(store, ws, plan))
        missing = {section: n for section, n in report.completeness.items() if n[0] < n[1]}
        assert missing == {}, (language, group)
    store.close()
