"""Issue 12, points 6 to 12: escaping on output, clean text on input, clear messages not tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content.yamlfile import parse_yaml
from carecoop.render.document import Document, Heading, Paragraph, Table
from carecoop.render.editable import to_markdown
from carecoop.render.engine import markdown_escape
from carecoop.store.db import Store

runner = CliRunner()
ESCAPES = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ \x1b[31mred\x1b[0m \x07"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def workshop(carecoop_home: Path) -> str:
    assert invoke("workshop", "new", "--programme", "think-carecoop", "--title", "T", "--id", "ws")[0] == 0
    return "ws"


# Point 7 (issue 6/7): Markdown exports escape user text ----------------------------------------


def test_markdown_of_a_plan_carries_no_markup_from_user_text() -> None:
    hostile = '<img src="http://example.com/x.png"> [click](http://example.com) # Heading'
    document = Document(title=hostile, subtitle="s", language="en", author="a")
    document.add(Heading(hostile, level=1), Paragraph(hostile), Paragraph("---"),
                 Table(columns=["a|b"], rows=[[hostile]], numeric=[False]))  # fmt: skip
    text = to_markdown(document)
    import re

    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(http|^---$", text, re.MULTILINE)
    assert "\\<img" in text and "\\[click\\]" in text and "\\---" in text


@pytest.mark.parametrize("answer", ["---", "===", "- item", "1. first", "+ plus", "***"])
def test_an_answer_never_becomes_a_rule_list_or_heading(answer: str) -> None:
    escaped = markdown_escape(answer)
    assert escaped.startswith("\\") or escaped[0].isdigit() and "\\" in escaped


# Point 8 (issue 8): terminal injection -----------------------------------------------------------------


def test_control_characters_never_enter_the_store(workshop: str, carecoop_home: Path) -> None:
    assert invoke("participants", "add", "ws", f"Amina {ESCAPES}", "--group", f"Sun{ESCAPES}")[0] == 0
    people = Store.open().participants("ws")
    assert all(ord(c) >= 0x20 for p in people for c in p.name + (p.group or ""))


def test_stored_escape_sequences_are_not_printed(workshop: str, carecoop_home: Path) -> None:
    store = Store.open()
    store.add_participants("ws", ["Amina"], group="Sun")
    # As an older carecoop (or a hand edit) could have stored it:
    store.connection.execute("UPDATE participants SET name = ?", (f"Amina {ESCAPES}",))
    store.close()
    for command in (["participants", "list", "ws"], ["workshop", "show", "ws"]):
        code, output = invoke(*command)
        assert code == 0, output
        assert "\x1b" not in output and "\x07" not in output, command
        assert "Amina" in output


def test_yaml_strings_lose_their_control_characters() -> None:
    assert parse_yaml('value: "a\\e[31mb\\x07c\\u009bd"\n', "x") == {"value": "a[31mbcd"}


def test_lang_cannot_inject_markup(workshop: str) -> None:
    code, output = invoke("modules", "show", "tc-1", "--lang", "[/x]")
    assert code == 1
    assert output == "Error: No module is in '[/x]'. Languages: en, ar, es, fr.\n"
    code, output = invoke("modules", "show", "tc-1", "--lang", "[link=http://evil.example]x")
    assert code == 1 and "Languages:" in output


# Point 8 of the brief (issue 11): translations validated like modules ------------------------------------


def test_a_translation_changing_a_kind_fails_validation_and_never_crashes_show(tmp_path: Path) -> None:
    folder = tmp_path / "mods"
    folder.mkdir()
    (folder / "01-care.ar.yaml").write_text(
        "translation_of: tc-1\nlanguage: ar\ntexts:\n  title: رعاية\n  activities.tc1-who-cares.kind: bad\n",
        encoding="utf-8",
    )
    code, output = invoke("modules", "validate", str(folder))
    assert code == 1
    assert output.splitlines() == [
        f"{folder / '01-care.ar.yaml'}:5: texts.activities.tc1-who-cares.kind: "
        "names no text of the module (only texts are translated)"
    ]
    code, output = invoke("--modules", str(folder), "modules", "show", "tc-1", "--lang", "ar")
    assert code == 0, output
    assert "no text at 'activities.tc1-who-cares.kind'" in output


# Point 9 of the brief (issue 12): the other tracebacks -----------------------------------------------------


def test_a_far_date_is_a_clear_error(carecoop_home: Path) -> None:
    new = ("workshop", "new", "--programme", "start-carecoop", "--title", "T")
    code, output = invoke(*new, "--date", "9999-12-31")
    assert code == 1
    assert output == "Error: '9999-12-31' is too far away. Give a date between 1990 and 2200.\n"


def test_a_five_megabyte_name_is_refused_where_it_enters(workshop: str) -> None:
    code, output = invoke("participants", "add", "ws", "x" * 5_000_000)
    assert code == 1
    assert output == "Error: A participant's name is too long (5,000,000 characters; at most 100).\n"
    code, output = invoke("workshop", "new", "--programme", "think-carecoop", "--title", "y" * 400)
    assert code == 1 and "The title is too long" in output


def _carecoop(
    *args: str, env: dict[str, str] | None = None, **options: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "carecoop", *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})}, **options,  # type: ignore[arg-type]
    )  # fmt: skip


def test_run_without_stdin_and_an_ascii_terminal_print_messages(workshop: str) -> None:
    assert invoke("participants", "add", "ws", "Lucía Pérez")[0] == 0
    closed = _carecoop("run", "ws", stdin=None, pass_fds=(), preexec_fn=lambda: os.close(0))
    assert closed.returncode == 1, closed.stderr
    assert "Traceback" not in closed.stderr and "--answers FILE" in closed.stderr
    for command in (["participants", "list", "ws"], ["modules", "show", "tc-1"], ["workshop", "list"]):
        ascii_run = _carecoop(*command, env={"PYTHONIOENCODING": "ascii"})
        assert ascii_run.returncode == 0, ascii_run.stderr
        assert "Traceback" not in ascii_run.stderr


def test_an_argument_that_is_not_utf8_is_refused_and_changes_nothing() -> None:
    from tests.helpers import carecoop_output

    carecoop_output("workshop", "new", "--programme", "think-carecoop", "--title", "T", "--id", "ws")
    # Bytes that are not UTF-8 in an argument reach Python as a lone surrogate.
    refused = (
        "Error: a name or value has characters that are not UTF-8 text; type it again in a terminal "
        "set to UTF-8.\n"
    )
    assert carecoop_output("participants", "add", "ws", "--", "Amina\udcff", code=1) == refused
    assert carecoop_output("workshop", "show", "--", "\ud800", code=1) == refused
    assert carecoop_output("participants", "list", "ws").startswith("No participants in ws yet.")
