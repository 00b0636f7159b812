"""Bundles: a round trip to a coordinator's store, idempotence, newer bundles, damaged files, consent."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from helpers import CliRunner, HtmlOnly, html_words
from pilot_data import make_workshop

import carecoop.render.engine as engine
from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.errors import UserError
from carecoop.pilot.bundle import bundle_bytes, read_bundle, write_bundle
from carecoop.pilot.merge import import_bundles
from carecoop.pilot.report import export_report
from carecoop.store.db import Store

runner = CliRunner()


@pytest.fixture
def laptop(tmp_path: Path) -> Store:
    return make_workshop(Store.open(tmp_path / "laptop"))


@pytest.fixture
def coordinator(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "coordinator")


def table_counts(store: Store) -> dict[str, int]:
    return {
        table: store.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("workshops", "groups", "participants", "attendance", "answers", "plans")
    }


def test_round_trip_and_import_twice_changes_nothing(
    laptop: Store, coordinator: Store, tmp_path: Path
) -> None:
    laptop.save_plan("ws", "Sun", {"cooperative": {"name": "Sun care"}})
    bundle = write_bundle(laptop, "ws", tmp_path / "ws.carecoop")
    (merged,) = import_bundles(coordinator, [bundle])
    assert (merged.new_workshop, merged.people, merged.plans) == (True, 4, 1)
    original, copy = laptop.workshop("ws"), coordinator.workshop("ws")
    assert copy == original  # every field, the creation time included
    assert coordinator.groups("ws") == ["Sun", "Moon"]
    people = coordinator.participants("ws")
    assert [p.name for p in people] == [
        "Amina",
        "Beth",
        "Chipo",
        f"Anonymous {laptop.participants('ws')[3].id}",
    ]
    assert [p.profile for p in people[:3]] == [p.profile for p in laptop.participants("ws")[:3]]
    assert people[3].profile.consent is False and people[3].profile.sex is None
    assert coordinator.attendance("ws") == {
        module: {people[i].id: present for i, present in enumerate(marks.values())}
        for module, marks in laptop.attendance("ws").items()
    }
    secret_id = laptop.participants("ws")[3].id
    kept = [
        a for a in laptop.answers("ws", history=True) if a.participant != laptop.participants("ws")[3].name
    ]
    assert (
        len(coordinator.answers("ws", history=True)) == len(kept) < len(laptop.answers("ws", history=True))
    )
    assert coordinator.plan("ws", "Sun") == {"cooperative": {"name": "Sun care"}}
    assert secret_id  # the person without consent keeps their key across bundles

    before = table_counts(coordinator)
    (again,) = import_bundles(coordinator, [bundle])
    assert not again.changed
    assert table_counts(coordinator) == before


def test_a_newer_bundle_adds_only_what_is_new(laptop: Store, coordinator: Store, tmp_path: Path) -> None:
    import_bundles(coordinator, [write_bundle(laptop, "ws", tmp_path / "1.carecoop")])
    before = table_counts(coordinator)
    amina = laptop.participant("ws", "Amina")
    laptop.record_answer(
        "ws", "tc6-feedback", "clear", 5, participant_id=amina.id
    )  # an edit: history grows
    laptop.add_participants("ws", ["Dudu"], group="Sun")
    (merged,) = import_bundles(coordinator, [write_bundle(laptop, "ws", tmp_path / "2.carecoop")])
    assert (merged.new_workshop, merged.people, merged.answers) == (False, 1, 1)
    after = table_counts(coordinator)
    assert after["answers"] == before["answers"] + 1 and after["participants"] == before["participants"] + 1
    clear = [
        a.value for a in coordinator.answers("ws") if a.question_id == "clear" and a.participant == "Amina"
    ]
    assert clear == [5]


def test_the_reports_from_bundles_match_the_laptops_and_name_nobody_without_consent(
    laptop: Store, coordinator: Store, tmp_path: Path
) -> None:
    make_workshop(laptop, "ws2")
    bundles = [write_bundle(laptop, ws, tmp_path / f"{ws}.carecoop") for ws in ("ws", "ws2")]
    import_bundles(coordinator, bundles)
    curriculum = load_curriculum()
    texts = {}
    for name, store in (("laptop", laptop), ("coordinator", coordinator)):
        out = tmp_path / f"{name}.md"
        export_report(store, curriculum, ["ws", "ws2"], out, fmt="md", title="Programme")
        texts[name] = out.read_text(encoding="utf-8")
    assert texts["coordinator"] == texts["laptop"]
    text = texts["coordinator"]
    assert "- **Registered participants:** 8" in text and "- **Mean change, for the pairs:** +1.5" in text
    with pytest.MonkeyPatch.context() as patch:
        # The PDF export as far as the HTML WeasyPrint would lay out: the demo's programme
        # report from two bundles is printed and read with pypdf in test_demo.py.
        patch.setattr(engine, "shared_renderer", lambda: HtmlOnly())
        export_report(coordinator, curriculum, ["ws", "ws2"], tmp_path / "p.pdf", title="Programme")
    export_report(coordinator, curriculum, ["ws", "ws2"], tmp_path / "p.xlsx", fmt="xlsx")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "p.xlsx")
    everything = [
        text,
        html_words((tmp_path / "p.pdf").read_text(encoding="utf-8")),
        " ".join(str(c) for s in book.worksheets for row in s.iter_rows(values_only=True) for c in row),
    ]
    for bundle in bundles:
        with zipfile.ZipFile(bundle) as archive:
            everything.append(" ".join(archive.read(n).decode() for n in archive.namelist()))
    pdf = everything[1]
    for heading in [
        "Programme report",
        "The workshops, one row each",
        "Who took part",
        "Think.CareCoop: attendance",
        "Think.CareCoop: what people learned",
        "What these figures can and cannot show",
        "People with the right answer",
        "Think.CareCoop: what people thought",
        "Think.CareCoop: what the groups decided",
        "Care support for participants",
    ]:
        assert heading in pdf, heading
    for shown in everything:
        assert "Qwzxy" not in shown and "Secretname" not in shown and "Secret remark" not in shown
        assert "65-plus" not in shown and "65 and over" not in shown


def test_a_changed_or_cut_bundle_is_refused_and_nothing_is_written(
    laptop: Store, coordinator: Store, tmp_path: Path
) -> None:
    good = bundle_bytes(laptop, "ws")
    truncated = tmp_path / "cut.carecoop"
    truncated.write_bytes(good[: len(good) // 2])
    tampered = tmp_path / "tampered.carecoop"
    with zipfile.ZipFile(tmp_path / "good.zip", "w") as _:
        pass
    source = zipfile.ZipFile(__import__("io").BytesIO(good))
    with zipfile.ZipFile(tampered, "w") as out:
        for name in source.namelist():
            body = source.read(name)
            if name == "answers.json":
                body = body.replace(b'"value": 5', b'"value": 1')
            out.writestr(name, body)
    (tmp_path / "good.carecoop").write_bytes(good)
    for bad, why in [
        (truncated, "not a readable zip file"),
        (tampered, "answers.json does not match its checksum"),
    ]:
        with pytest.raises(UserError) as caught:
            import_bundles(coordinator, [tmp_path / "good.carecoop", bad])
        assert why in str(caught.value) and "Nothing was imported" in str(caught.value)
        assert coordinator.workshops() == []


def test_zip_bombs_and_paths_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.carecoop"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("manifest.json", "{}")
        for name in ("workshop.json", "people.json", "attendance.json", "answers.json"):
            out.writestr(name, "[]")
        out.writestr("plans.json", b"0" * (40 * 1024 * 1024))  # 40 MB of zeros, a few kB packed
    with pytest.raises(UserError, match="plans.json is too large"):
        read_bundle(bomb)
    sneaky = tmp_path / "sneaky.carecoop"
    with zipfile.ZipFile(sneaky, "w") as out:
        out.writestr("../../.bashrc", "echo hi")
    with pytest.raises(UserError, match=r"unexpected or missing files: \.\./\.\./\.bashrc"):
        read_bundle(sneaky)
    (tmp_path / "notes.carecoop").write_text("hello")
    with pytest.raises(UserError, match="not a readable zip file"):
        read_bundle(tmp_path / "notes.carecoop")


def test_another_workshop_with_the_same_id_is_refused(
    laptop: Store, coordinator: Store, tmp_path: Path
) -> None:
    make_workshop(coordinator)  # created here, at another time: not the laptop's workshop
    with pytest.raises(UserError, match="already has a different workshop 'ws'"):
        import_bundles(coordinator, [write_bundle(laptop, "ws", tmp_path / "ws.carecoop")])


def test_the_manifest_says_what_and_who_wrote_it(laptop: Store) -> None:
    import hashlib
    import io

    with zipfile.ZipFile(io.BytesIO(bundle_bytes(laptop, "ws"))) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        for name, digest in manifest["files"].items():
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    assert manifest["format"] == "carecoop-bundle" and manifest["tool_version"]
    assert len(manifest["checksum"]) == 64


def test_bundle_and_import_commands(laptop: Store, tmp_path: Path) -> None:
    home = ["--home", str(tmp_path / "laptop")]
    result = runner.invoke(app, [*home, "bundle", "ws", "--out", str(tmp_path / "ws.carecoop")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"Wrote {tmp_path / 'ws.carecoop'}: workshop ws, 4 people (1 without consent travel as Anonymous)."
    )
    coordinator = ["--home", str(tmp_path / "coordinator")]
    result = runner.invoke(app, [*coordinator, "import", str(tmp_path / "ws.carecoop")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("ws.carecoop: ws (new workshop): 4 people, ")
    result = runner.invoke(app, [*coordinator, "import", str(tmp_path / "ws.carecoop")])
    assert result.output.splitlines()[0] == "ws.carecoop: nothing new for ws (already imported)."
