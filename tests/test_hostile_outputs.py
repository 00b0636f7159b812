"""Issue 12, points 1 and 4: exports never write onto the store or a file carecoop did not write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import CliRunner, make_workshop

from carecoop.cli.app import app
from carecoop.outputs import claim, write_atomic, write_output
from carecoop.render.editable import docx_bytes
from carecoop.store.db import STORE_FILE

WS = "harare-2026"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _store_rows(home: Path) -> int:
    with sqlite3.connect(home / STORE_FILE) as db:
        return int(db.execute("SELECT count(*) FROM participants").fetchone()[0])


@pytest.mark.parametrize("name", [STORE_FILE, f"{STORE_FILE}-wal", f"{STORE_FILE}-shm"])
def test_an_export_never_writes_onto_the_store(carecoop_home: Path, name: str) -> None:
    make_workshop().close()
    target = carecoop_home / name
    before = target.read_bytes() if target.exists() else None
    for force in ([], ["--force"]):
        code, output = invoke("export", "agenda", WS, "--format", "md", "--out", str(target), *force)
        assert code == 1, output
        assert "database" in output or "did not write" in output
    assert (target.read_bytes() if target.exists() else None) == before or name.endswith("-shm")
    assert _store_rows(carecoop_home) == 8
    assert invoke("workshop", "show", WS)[0] == 0


def test_the_record_of_written_files_follows_home(carecoop_home: Path, tmp_path: Path) -> None:
    other = tmp_path / "usb-stick"
    make_workshop(other).close()
    out = tmp_path / "agenda.md"
    assert invoke("--home", str(other), "export", "agenda", WS, "--out", str(out))[0] == 0
    assert (other / "written.json").exists()
    assert not (carecoop_home / "written.json").exists()
    # the file is known as carecoop's own: a second export replaces it without --force
    assert invoke("--home", str(other), "export", "agenda", WS, "--out", str(out))[0] == 0
    # and a later command without --home is back on CARECOOP_HOME
    make_workshop().close()
    assert invoke("export", "agenda", WS, "--out", str(tmp_path / "again.md"))[0] == 0
    assert (carecoop_home / "written.json").exists()


def test_any_sqlite_file_is_refused_even_with_force(tmp_path: Path) -> None:
    other = tmp_path / "accounts.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(Exception, match="database"):
        write_output(other, "x", "test", force=True)


def test_a_file_carecoop_did_not_write_needs_force(tmp_path: Path) -> None:
    make_workshop().close()
    mine = tmp_path / "notes.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    code, output = invoke("export", "agenda", WS, "--out", str(mine))
    assert code == 1
    refusal = f"Error: {mine} already exists and carecoop did not write it. Use --force to replace it.\n"
    assert output == refusal
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert invoke("export", "agenda", WS, "--out", str(mine), "--force")[0] == 0
    # Its own file it replaces freely; once a person edits it, it is theirs again.
    assert invoke("export", "agenda", WS, "--out", str(mine))[0] == 0
    mine.write_text("edited by hand\n", encoding="utf-8")
    assert invoke("export", "agenda", WS, "--out", str(mine))[0] == 1


def test_a_failed_docx_export_leaves_the_earlier_file_whole(tmp_path: Path) -> None:
    store = make_workshop()
    store.close()
    out = tmp_path / "documents" / "mine.docx"
    # The draft bylaws: a Word file written the way the plan's is, without the plan's charts.
    assert invoke("export", "bylaws", WS, "--group", "Sun", "--out", str(out))[0] == 0
    before = out.read_bytes()
    assert len(before) > 1000
    # A write that fails half way (here: the disk refuses) must not leave a 0-byte file.
    import carecoop.outputs as outputs

    real = outputs.os.replace

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    outputs.os.replace = refuse  # type: ignore[assignment]
    try:
        code, output = invoke("export", "bylaws", WS, "--group", "Sun", "--out", str(out))
    finally:
        outputs.os.replace = real
    assert code == 1 and "No space left on device" in output
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["mine.docx"]  # no temporary left behind


def test_docx_of_a_long_or_control_character_name_is_an_error_or_a_file(tmp_path: Path) -> None:
    from carecoop.render.document import Document, Paragraph

    document = Document(title="x" * 300, subtitle="s", draft_label="d", author="a", language="en")
    document.add(Paragraph("bell \x07 and escape \x1b[31m"))
    data = docx_bytes(document)
    assert data[:2] == b"PK"


def test_write_atomic_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert list(tmp_path.iterdir()) == [target]


def test_folders_links_and_pipes_are_refused(tmp_path: Path) -> None:
    import os

    (tmp_path / "dir").mkdir()
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(tmp_path / "dir")
    for name in ("dir", "pipe", "link"):
        with pytest.raises(Exception, match="folder|not a plain file"):
            claim([tmp_path / name], "test", force=True)


def test_two_workshops_into_one_folder_do_not_overwrite_each_other(tmp_path: Path) -> None:
    make_workshop().close()
    make_workshop(workshop_id="nablus-2026").close()
    out = tmp_path / "handouts"
    assert invoke("export", "handouts", WS, "--out", str(out), "--format", "md")[0] == 0
    first = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    code, output = invoke("export", "handouts", "nablus-2026", "--out", str(out), "--format", "md")
    assert code == 1
    assert f"holds a document of workshop '{WS}', not workshop 'nablus-2026'" in output
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == first
    # The same workshop again replaces its own handouts.
    assert invoke("export", "handouts", WS, "--out", str(out), "--format", "md")[0] == 0
