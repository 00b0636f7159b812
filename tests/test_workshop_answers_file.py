from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.content.models import Question, QuestionKind
from carecoop.store.db import Store
from carecoop.workshop.targets import targets_for
from carecoop.workshop.values import check_value, scale_bounds

runner = CliRunner()
TINY = Path(__file__).parent / "fixtures" / "run-module"


@pytest.fixture
def workshop(carecoop_home: Path) -> str:
    for args in (
        [
            "workshop",
            "new",
            "--programme",
            "think-carecoop",
            "--title",
            "T",
            "--id",
            "ws",
            "--date",
            "2025-03-14",
        ],
        ["participants", "add", "ws", "Amina", "Tendai", "--group", "Sun"],
        ["participants", "add", "ws", "Rania", "--group", "Moon"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    return "ws"


BAD = """\
answers:
  - activity: tiny-needs
    question: hours
    group: Sun
    value: twenty
  - activity: tiny-nope
    question: x
    value: 1
  - activity: tiny-needs
    question: nope
    value: 1
  - activity: tiny-needs
    question: hours
    value: 3
  - activity: tiny-needs
    question: wage
    group: Stars
    value: 10
  - activity: tiny-welcome
    question: greeting
    participant: Bob
    value: hi
  - activity: tiny-welcome
    question: greeting
    group: Sun
    value: hi
    colour: blue
  - activity: tc1-knowledge-before
    question: what-is-a-cooperative
    participant: amina
    value: everything
  - activity: tiny-needs
    question: map
    group: moon
    value: [{Who: kids, Where: here}]
  - activity: tiny-needs
    question: needs
    value: [childcare]
  - activity: tiny-needs
    question: wage
  - just a string
"""


def test_a_wrong_file_lists_every_problem_and_records_nothing(workshop: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    result = runner.invoke(app, ["--modules", str(TINY), "run", workshop, "--answers", str(path)])
    assert result.exit_code == 1
    f = str(path)
    assert result.stderr.splitlines() == [
        f"{f}:5: answers.0.value: expected a number between 0 and 20, got 'twenty'",
        f"{f}:6: answers.1.activity: no activity 'tiny-nope' in think-carecoop",
        f"{f}:10: answers.2.question: activity 'tiny-needs' has no question 'nope' "
        "(its questions: hours, wage, needs, ready, map, feeling, helpers)",
        f"{f}:12: answers.3: question 'hours' is answered by each group: add 'group: NAME'",
        f"{f}:17: answers.4.group: no group 'Stars' in workshop 'ws' (its groups: Sun, Moon)",
        f"{f}:15: answers.4: question 'wage' is answered once for the whole workshop: remove 'group'",
        f"{f}:21: answers.5.participant: no participant 'Bob' in workshop 'ws'",
        f"{f}:27: answers.6.colour: unknown key "
        "(an answer has activity, question, participant, group, value)",
        f"{f}:23: answers.6: question 'greeting' is answered by each participant: "
        "use 'participant: NAME' instead of 'group'",
        f"{f}:31: answers.7.value: expected one of: members-own-and-run, one-owner, got 'everything'",
        f"{f}:35: answers.8.value: expected the columns: Who, What, got a column 'Where'",
        f"{f}:39: answers.10: 'value' is missing",
        f"{f}:41: answers.11: must be a mapping with activity, question and value",
        "Nothing was recorded: fix the 13 problems above and run again.",
    ]
    assert Store.open().answers(workshop) == []


NOT_ANSWERS = "must be a mapping with a list under 'answers:' (see 'carecoop run --help')"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", f": {NOT_ANSWERS}"),
        ("answers: 3\n", f":1: {NOT_ANSWERS}"),
        ("- activity: x\n", f":1: {NOT_ANSWERS}"),
        ("answers: [\n", ":2: YAML syntax error: did not find expected node content"),
    ],
)
def test_a_file_that_is_not_an_answers_file(workshop: str, tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["run", workshop, "--answers", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{path}{problem}"


def test_a_missing_file(workshop: str, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["run", workshop, "--answers", str(tmp_path / "none.yaml")])
    assert (missing.exit_code, missing.stderr) == (1, f"{tmp_path / 'none.yaml'}: no such file\n")


def sample(question: Question) -> Any:
    """One valid value of a question, in its canonical form."""
    kind = question.kind
    low, high = question.minimum, question.maximum
    if kind is QuestionKind.NUMBER:
        value: Any = int(low if low is not None else 0) + (1 if high is None or high >= (low or 0) + 1 else 0)
    elif kind is QuestionKind.MONEY:
        value = (
            "1250.50"
            if (high is None or high >= 1250.5) and (low is None or low <= 1250.5)
            else str(Decimal(low))
        )
    elif kind is QuestionKind.CHOICE:
        value = question.choice_ids[-1]
    elif kind is QuestionKind.MULTI_CHOICE:
        value = question.choice_ids[: max(question.min_items or 2, 1)][: question.max_items]
    elif kind is QuestionKind.YES_NO:
        value = True
    elif kind is QuestionKind.SCALE:
        value = scale_bounds(question)[1]
    elif kind is QuestionKind.LIST:
        count = max(question.min_items or 2, 1)
        value = [f"item {n}" for n in range(1, count + 1)][: question.max_items]
    elif kind is QuestionKind.TABLE:
        value = [{column: f"{column} {row}" for column in question.columns} for row in (1, 2)]
    else:
        value = f"Answer to {question.id}"
    assert check_value(question, value) == value
    return value


def test_a_whole_workshop_replays_and_round_trips(workshop: str, tmp_path: Path) -> None:
    curriculum = load_curriculum()
    store = Store.open()
    people, groups = store.participants(workshop), store.groups(workshop)
    entries: list[dict[str, Any]] = []
    for _, activity in curriculum.activities_of("think-carecoop"):
        for question in activity.questions:
            for target in targets_for(question, people, groups):
                entry: dict[str, Any] = {"activity": activity.id, "question": question.id}
                if target.participant:
                    entry["participant"] = target.participant.name
                elif target.group:
                    entry["group"] = target.group
                entry["value"] = sample(question)
                entries.append(entry)
    document = {"answers": entries}
    path = tmp_path / "whole.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(app, ["run", workshop, "--answers", str(path)])
    assert result.exit_code == 0, result.output
    with_questions = sum(1 for _, a in curriculum.activities_of("think-carecoop") if a.questions)
    assert result.output == (
        f"Recorded {len(entries)} answers from {path} in ws.\n{with_questions} activities complete.\n"
    )
    exported = runner.invoke(app, ["answers", workshop, "--json"])
    assert exported.exit_code == 0
    assert json.loads(exported.output) == document


def test_history_replays_into_another_workshop(workshop: str, tmp_path: Path) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(
        "answers:\n"
        "  - {activity: tiny-needs, question: hours, group: Sun, value: 4}\n"
        "  - {activity: tiny-needs, question: wage, value: '900'}\n"
        "  - {activity: tiny-welcome, question: greeting, participant: Rania, value: null}\n",
        encoding="utf-8",
    )
    second.write_text(
        "answers:\n  - {activity: tiny-needs, question: hours, group: Sun, value: '5'}\n", encoding="utf-8"
    )
    base = ["--modules", str(TINY)]
    assert runner.invoke(app, [*base, "run", workshop, "--answers", str(first)]).output == (
        f"Recorded 3 answers (1 skipped) from {first} in ws.\n"
    )
    runner.invoke(app, [*base, "run", workshop, "--answers", str(second)])
    current = json.loads(runner.invoke(app, [*base, "answers", workshop, "--json"]).output)
    assert current == {
        "answers": [
            {"activity": "tiny-welcome", "question": "greeting", "participant": "Rania", "value": None},
            {"activity": "tiny-needs", "question": "hours", "group": "Sun", "value": 5},
            {"activity": "tiny-needs", "question": "wage", "value": "900"},
        ]
    }
    history = json.loads(runner.invoke(app, [*base, "answers", workshop, "--json", "--history"]).output)
    assert [(a["question"], a["value"]) for a in history["answers"]] == [
        ("greeting", None),
        ("hours", 4),
        ("hours", 5),
        ("wage", "900"),
    ]
    assert all(a["recorded_at"] for a in history["answers"])
    runner.invoke(
        app, ["workshop", "new", "--programme", "think-carecoop", "--title", "Copy", "--id", "copy"]
    )
    runner.invoke(app, ["participants", "add", "copy", "Amina", "Tendai", "--group", "Sun"])
    runner.invoke(app, ["participants", "add", "copy", "Rania", "--group", "Moon"])
    replay = tmp_path / "history.json"
    replay.write_text(json.dumps(history), encoding="utf-8")
    result = runner.invoke(app, [*base, "run", "copy", "--answers", str(replay)])
    assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(app, [*base, "answers", "copy", "--json"]).output) == current
