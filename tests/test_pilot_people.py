"""Participant profiles with consent: the store migration, `participants add` and `import`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.errors import ContentError, UserError
from carecoop.pilot.people import import_people
from carecoop.pilot.profile import parse_age_band, parse_consent, parse_sex
from carecoop.store.db import STORE_FILE, Store
from carecoop.store.records import Profile, Workshop
from carecoop.store.schema import MIGRATIONS, SCHEMA_VERSION

runner = CliRunner()


def test_a_store_made_by_the_first_schema_opens_and_keeps_working(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / STORE_FILE)
    old.executescript(MIGRATIONS[0])
    old.executescript(
        "PRAGMA user_version = 1;"
        "INSERT INTO workshops (id, programme, title, start_date, created_at)"
        " VALUES ('old', 'think-carecoop', 'Old day', '2025-01-02', '2025-01-01T00:00:00');"
        "INSERT INTO participants (workshop_id, name, group_name, created_at)"
        " VALUES ('old', 'Rudo', 'Sun', '2025-01-01T00:00:00');"
        "INSERT INTO answers (workshop_id, activity_id, question_id, participant_id, value, recorded_at)"
        " VALUES ('old', 'tc1-knowledge-before', 'surplus', 1, '\"members-together\"',"
        " '2025-01-02T09:00:00');"
    )
    old.commit()
    old.close()

    store = Store.open(tmp_path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (rudo,) = store.participants("old")
    assert (rudo.name, rudo.group, rudo.profile, rudo.origin) == ("Rudo", "Sun", Profile(), None)
    assert [a.participant for a in store.answers("old")] == ["Rudo"]
    store.set_profile("old", {rudo.id: Profile(sex="female", consent=True)})
    store.add_participants("old", ["Chipo"], group="Sun")
    people = store.participants("old")
    assert [(p.name, p.profile.sex, p.profile.consent) for p in people] == [
        ("Rudo", "female", True), ("Chipo", None, False)
    ]
    store.close()
    assert Store.open(tmp_path).participants("old")[0].profile.consent is True  # opening again is a no-op


@pytest.mark.parametrize(
    ("raw", "band"), [("17", "under-18"), ("18", "18-24"), ("34", "25-34"), ("35", "35-49"), ("64", "50-64"),
                      ("65", "65-plus"), ("65+", "65-plus"), ("25 to 34", "25-34"), ("35–49", "35-49")]
)
def test_age_bands_from_a_band_or_an_age(raw: str, band: str) -> None:
    assert parse_age_band(raw) == band


def test_profile_words_are_read_kindly_but_never_guessed() -> None:
    assert [parse_sex(w) for w in ("F", "woman", "Mujer", "male", "Prefer not to say")] == [
        "female", "female", "female", "male", "prefer-not-to-say"
    ]
    assert [parse_consent(w) for w in ("yes", "Sí", "", "no", "1")] == [True, True, False, False, True]
    with pytest.raises(UserError, match="'maybe' is not a consent answer"):
        parse_consent("maybe")
    with pytest.raises(UserError, match="'200' is not an age"):
        parse_age_band("200")


@pytest.fixture
def store() -> Store:
    store = Store.open()
    store.create_workshop(Workshop(id="ws", programme="think-carecoop", title="T", start_date="2025-03-14"))
    store.add_participants("ws", ["Rudo"], group="Sun")
    return store


def test_import_a_csv_sheet(store: Store, tmp_path: Path) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "Name;Group;Gender;Age;Role;Disability;Consent;Phone\n"
        "rudo;Sun;F;42;care worker;no;yes;0771\n"
        ";Moon;female;;family;;no;\n"  # no name: at legal risk, counted as Person 1
        "Mr Moyo;Moon;M;65+;community member;prefer not to say;;\n"
        "\n",
        encoding="utf-8",
    )
    result = import_people(store, "ws", sheet)
    assert [p.name for p in result.added] == ["Person 1", "Mr Moyo"]
    assert [p.name for p in result.updated] == ["Rudo"]
    assert result.ignored_columns == ["Phone"]
    assert result.consenting == 1
    people = {p.name: p for p in store.participants("ws")}
    assert people["Rudo"].profile == Profile("female", "35-49", "care-worker", "no", True)
    assert people["Person 1"].group == "Moon"
    assert people["Mr Moyo"].profile == Profile("male", "65-plus", "community", "prefer-not-to-say", False)


def test_import_an_xlsx_sheet(store: Store, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "group", "sex", "age band", "consent"])
    sheet.append(["Tendai", "Sun", "female", 23, True])
    sheet.append(["Chipo", None, "other", "50-64", False])
    book.save(tmp_path / "people.xlsx")
    result = import_people(store, "ws", tmp_path / "people.xlsx")
    assert [(p.name, p.group, p.profile.age_band, p.profile.consent) for p in result.added] == [
        ("Tendai", "Sun", "18-24", True), ("Chipo", None, "50-64", False)
    ]


def test_bad_rows_are_reported_with_their_line_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,sex,age band,consent\nAmina,F,30,yes\nBeth,robot,30,yes\nCarla,F,300,perhaps\n"
                     "amina,F,30,no\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        import_people(store, "ws", sheet)
    assert caught.value.problems == [
        "people.csv:3: sex: 'robot' is not a sex. Use one of: female, male, other, prefer-not-to-say.",
        "people.csv:4: age band: '300' is not an age in years.",
        "people.csv:4: consent: 'perhaps' is not a consent answer. Use yes or no.",
        "people.csv:5: name: 'amina' is already on line 2",
        "Nothing was imported from people.csv: fix these lines and try again.",
    ]
    assert [p.name for p in store.participants("ws")] == ["Rudo"]


def test_files_that_are_not_sheets_are_refused(store: Store, tmp_path: Path) -> None:
    (tmp_path / "people.txt").write_text("name\nA\n")
    with pytest.raises(UserError, match="use a .csv or .xlsx file"):
        import_people(store, "ws", tmp_path / "people.txt")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="not a readable .xlsx file"):
        import_people(store, "ws", tmp_path / "broken.xlsx")
    (tmp_path / "empty.csv").write_text("\n\n")
    with pytest.raises(UserError, match="the file is empty"):
        import_people(store, "ws", tmp_path / "empty.csv")


def test_participants_import_command(store: Store, tmp_path: Path) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,group,sex,consent,notes\nRudo,Sun,F,yes,x\nChipo,Sun,F,no,y\n", encoding="utf-8")
    result = runner.invoke(app, ["participants", "import", "ws", str(sheet)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Imported 2 participants into ws: 1 new, 1 updated; 1 consent to be counted in reports.\n"
        "Columns not used: notes\n"
    )
    sheet.write_text("name,sex\nX,robot\n", encoding="utf-8")
    result = runner.invoke(app, ["participants", "import", "ws", str(sheet)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("people.csv:2: sex: 'robot' is not a sex.")
