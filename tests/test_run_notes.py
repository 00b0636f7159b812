"""The facilitator's notes typed during the run, read back in the pilot report and the run sheet."""

from __future__ import annotations

from pathlib import Path

from helpers import make_workshop as make_day
from pilot_data import SECRET, make_workshop

from carecoop.content.loader import load_curriculum
from carecoop.pilot.report import export_report
from carecoop.render.exports import agenda_text
from carecoop.store.db import Store


def test_the_pilot_report_prints_the_notes_in_programme_order_without_the_secret_name(tmp_path: Path) -> None:
    store = make_workshop(Store.open())
    curriculum = load_curriculum()
    first, second = [activity for _, activity in curriculum.activities_of("think-carecoop")][:2]
    store.add_note("ws", second.id, f"{SECRET.split()[0]} helped the quiet ones speak.")
    store.add_note("ws", first.id, "Started 20 minutes late: the bus.")
    store.add_note("ws", first.id, "Chairs were short; we sat on mats.")
    out = tmp_path / "report.md"
    export_report(store, curriculum, ["ws"], out, fmt="md")
    text = out.read_text(encoding="utf-8")
    section = text[text.index("The facilitator's notes") :]
    assert section.index(first.title) < section.index("Started 20 minutes late") < section.index(second.title)
    assert "Chairs were short; we sat on mats." in section
    assert "helped the quiet ones speak." in section
    assert "Qwzxy" not in text


def test_a_report_without_notes_says_so(tmp_path: Path) -> None:
    store = make_workshop(Store.open())
    out = tmp_path / "report.md"
    export_report(store, load_curriculum(), ["ws"], out, fmt="md")
    assert "No notes were written during the runs." in out.read_text(encoding="utf-8")


def test_the_run_sheet_carries_the_notes_under_their_activity() -> None:
    store = make_day(people=2)
    curriculum = load_curriculum()
    activity = curriculum.module("tc-1").activities[0]
    store.add_note("harare-2026", activity.id, "Bring the big ball next time.")
    text, _ = agenda_text(store, curriculum, "harare-2026", paper="a4", fmt="md", detail=True)
    line = next(line for line in text.splitlines() if activity.title in line)
    assert "Notes: Bring the big ball next time." in line
    html, _ = agenda_text(store, curriculum, "harare-2026", paper="a4", fmt="pdf", detail=True)
    assert (
        '<div class="run-notes"><p class="label">Notes</p><ul><li>Bring the big ball next time.</li>' in html
    )
    # The wall timetable is for the room: no notes there.
    timetable, _ = agenda_text(store, curriculum, "harare-2026", paper="a4", fmt="md", detail=False)
    assert "Bring the big ball" not in timetable
