"""Issue 12, points 2, 3, 5, 6 and 12: every file carecoop reads keeps the user's text and stays small."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content.yamlfile import MAX_FILE_BYTES, parse_yaml, read_yaml, read_yaml_cached
from carecoop.errors import ContentError
from carecoop.store.db import STORE_FILE

runner = CliRunner()
TINY = Path(__file__).parent / "fixtures" / "run-module"
BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def workshop(carecoop_home: Path) -> str:
    for args in (
        ["workshop", "new", "--programme", "think-carecoop", "--title", "T", "--id", "ws"],
        ["participants", "add", "ws", "Amina", "Tendai", "--group", "Sun"],
    ):
        assert invoke(*args)[0] == 0
    return "ws"


def answers(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text("answers:\n" + body, encoding="utf-8")
    return path


def stored_values(home: Path) -> list[object]:
    with sqlite3.connect(home / STORE_FILE) as db:
        return [json.loads(row[0]) for row in db.execute("SELECT value FROM answers ORDER BY id")]


# Point 2: scalars are kept as written ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [("12:30", "12:30"), ("0771234567", "0771234567"), ("yes", "yes"), ("on", "on"), ("1.50", "1.50"),
     ("2026-03-14", "2026-03-14"), ("0x1F", "0x1F"), ("1e3", "1e3"), (".nan", ".nan"), (".inf", ".inf"),
     ("6", 6), ("6.5", 6.5), ("true", True), ("~", None)],
)  # fmt: skip
def test_plain_scalars_keep_their_text(written: str, read: object) -> None:
    assert parse_yaml(f"value: {written}\n", "x") == {"value": read}


def test_a_time_and_a_phone_number_are_stored_as_typed(
    workshop: str, tmp_path: Path, carecoop_home: Path
) -> None:
    path = answers(
        tmp_path,
        "  - {activity: tiny-welcome, question: greeting, participant: Amina, value: 12:30}\n"
        "  - {activity: tiny-welcome, question: greeting, participant: Tendai, value: 0771234567}\n",
    )
    code, output = invoke("--modules", str(TINY), "run", workshop, "--answers", str(path))
    assert code == 0, output
    assert stored_values(carecoop_home) == ["12:30", "0771234567"]


# Point 3: NaN and infinity ----------------------------------------------------------------------


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "!!float nan", "1e400", "9" * 5000, "1e13"])
def test_non_finite_or_absurd_numbers_are_a_located_error(
    workshop: str, tmp_path: Path, carecoop_home: Path, value: str
) -> None:
    path = answers(tmp_path, f"  - {{activity: tiny-needs, question: hours, group: Sun, value: {value}}}\n")
    result = runner.invoke(app, ["--modules", str(TINY), "run", workshop, "--answers", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{path}:2: answers.0.value: ")
    assert "Nothing was recorded" in result.stderr
    assert stored_values(carecoop_home) == []


def test_answers_json_never_prints_nan(workshop: str, carecoop_home: Path) -> None:
    from carecoop.store.db import Store

    store = Store.open()
    store.record_answer(workshop, "tc1-who-cares", "unpaid-care-hours", 5, participant_id=1)
    store.close()
    with sqlite3.connect(carecoop_home / STORE_FILE) as db:  # as an older carecoop could store it
        db.execute("UPDATE answers SET value = 'NaN'")
    code, output = invoke("answers", workshop, "--json")
    assert code == 0, output
    assert "NaN" not in output
    json.loads(output)


# Point 5: the parse cache sees every edit --------------------------------------------------------


def test_an_edit_keeping_size_and_mtime_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("value: 1\n", encoding="utf-8")
    assert read_yaml_cached(path) == {"value": 1}
    stamp = path.stat()
    path.write_text("value: 2\n", encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert read_yaml_cached(path) == {"value": 2}


# Point 6: aliases, big files, pipes and devices ----------------------------------------------------


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    assert len(BOMB.encode()) < 600
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_yaml(path)
    assert caught.value.problems == [
        f"{path}:2: aliases (*name) are not allowed; write the value out in full"
    ]


def test_an_alias_bomb_in_a_modules_folder_is_an_error_for_every_command(tmp_path: Path) -> None:
    folder = tmp_path / "mods"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    code, output = invoke("--modules", str(folder), "modules", "list")
    assert code == 1
    assert "aliases (*name) are not allowed" in output


def test_an_alias_bomb_as_an_answer_is_refused(workshop: str, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        BOMB + "answers:\n  - {activity: tiny-welcome, question: greeting, participant: Amina, value: *i}\n",
        encoding="utf-8",
    )
    code, output = invoke("--modules", str(TINY), "run", workshop, "--answers", str(path))
    assert code == 1 and "aliases" in output


def test_a_fifo_named_yaml_is_refused_without_blocking(workshop: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list[tuple[int, str]] = []
    base = ("--modules", str(TINY), "run", workshop, "--answers")
    thread = threading.Thread(target=lambda: outcome.append(invoke(*base, str(fifo))), daemon=True)
    thread.start()
    thread.join(timeout=20)
    assert outcome, "reading a pipe blocked"
    code, output = outcome[0]
    assert code == 1 and "is not a plain file" in output
    # The workshop is not left locked.
    again = invoke(*base, str(answers(tmp_path, "  - {activity: tiny-welcome, question: greeting, "
                                                "participant: Amina, value: hi}\n")))
    assert again[0] == 0, again[1]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(workshop: str, device: str) -> None:
    code, output = invoke("run", workshop, "--answers", device)
    assert code == 1
    assert output == f"{device}: is not a plain file (a pipe or a device); give a file\n"


def test_a_big_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(ContentError, match="is too big"):
        read_yaml(path)


# Point 12: an integer with thousands of digits ------------------------------------------------------


def test_an_integer_of_5000_digits_in_a_module_is_a_located_error(tmp_path: Path) -> None:
    folder = tmp_path / "mods"
    folder.mkdir()
    text = (TINY / "01-tiny.yaml").read_text(encoding="utf-8")
    import re

    changed = re.sub(r"maximum: 20", "maximum: " + "9" * 5000, text, count=1)
    assert changed != text
    (folder / "01-tiny.yaml").write_text(changed, encoding="utf-8")
    code, output = invoke("modules", "validate", str(folder))
    assert code == 1
    assert "01-tiny.yaml:" in output and "maximum" in output
    assert "Traceback" not in output
