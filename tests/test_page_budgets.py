"""Paper budgets: what a facilitator prints for a 20-person Think.CareCoop day.

Each person's handout stays within 8 pages, 20 names fit one page of the sign-in sheet, and
no page of a document is left blank or nearly so. (The one-page agenda of the whole day,
which does not depend on how many people come, is checked on A4 and Letter in
test_render_documents.py; Start.CareCoop's budget on the demo, in test_demo.py.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import GROUPS, NAMES, make_workshop, words_outside_margins
from pagefill import page_fill
from pypdf import PdfReader

from carecoop.content.loader import load_curriculum
from carecoop.render import exports
from carecoop.render.handout_export import ALL_GROUPS, ALL_PEOPLE, export_handouts

WS = "harare-2026"
PEOPLE = 20
#: A page whose content stops above this share of its body is near-empty.
NEAR_EMPTY = 0.25
THINK_PAGES_PER_PERSON = 8


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document of a 20-person Think.CareCoop day."""
    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("day")
    store = make_workshop(home, people=PEOPLE)
    curriculum = load_curriculum()
    # Every copy of a person is the same layout but for their name and own answers: the first
    # person (with answers of her own), the second (with none; the other seventeen who came
    # to every module print as she does) and every group stand for the twenty.
    export_handouts(store, curriculum, WS, out / "handouts", only=[*NAMES[:2], *GROUPS])
    exports.export_attendance(store, curriculum, WS, out / "attendance.pdf")
    exports.export_attendance(store, curriculum, WS, out / "attendance-letter.pdf", paper="letter")
    store.close()
    return {"handouts": out / "handouts", "attendance": out / "attendance.pdf",
            "attendance-letter": out / "attendance-letter.pdf"}  # fmt: skip


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def person_copies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("[0-9][0-9]-*.pdf"))


def test_each_person_gets_at_most_eight_pages(day: dict[str, Path]) -> None:
    copies = person_copies(day["handouts"])
    assert len(copies) == 2
    counts = {path.name: pages(path) for path in copies}
    assert max(counts.values()) <= THINK_PAGES_PER_PERSON, counts
    assert pages(day["handouts"] / f"{ALL_PEOPLE}.pdf") == sum(counts.values())


def test_group_records_are_printed_once_per_group(day: dict[str, Path]) -> None:
    groups = sorted(p.name for p in day["handouts"].glob("group-*.pdf"))
    assert groups == ["group-moon.pdf", "group-star.pdf", "group-sun.pdf"]
    assert pages(day["handouts"] / f"{ALL_GROUPS}.pdf") == sum(
        pages(day["handouts"] / name) for name in groups
    )


@pytest.mark.parametrize("sheet", ["attendance", "attendance-letter"])
def test_twenty_names_fit_one_page_of_the_sign_in_sheet(day: dict[str, Path], sheet: str) -> None:
    first = PdfReader(day[sheet]).pages[0].extract_text()
    for name in NAMES[:PEOPLE]:
        assert name in first


def test_sign_in_sheet_has_everyone_by_group_on_a4_and_letter(day: dict[str, Path]) -> None:
    """(Moved here from test_render_documents.py, which printed a 3-person sheet for it.)"""
    for sheet, size in (("attendance", (595, 842)), ("attendance-letter", (612, 792))):
        reader = PdfReader(day[sheet])
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size, sheet
        text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
        assert "Signature · Day 1" in text
        assert "Sex" in text and "Other" in text
        for group in GROUPS:
            assert group in text
        assert "New participants" in text
    # 14 pt is 5 mm, what most printers cannot print at the edge.
    assert words_outside_margins(day["attendance"], margin=14) == []
    check = subprocess.run(["qpdf", "--check", str(day["attendance-letter"])], capture_output=True, text=True,
                           check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr


def test_no_page_is_blank_or_nearly_empty(day: dict[str, Path]) -> None:
    documents = [
        *person_copies(day["handouts"]),
        *day["handouts"].glob("group-*.pdf"),
        day["attendance"],
        day["attendance-letter"],
    ]
    for path in documents:
        fills = page_fill(path)
        if len(fills) > 1:
            assert min(fills) >= NEAR_EMPTY, (path.name, [round(f, 2) for f in fills])


def test_arabic_copies_on_letter_keep_the_budget(tmp_path: Path) -> None:
    """Arabic runs longer and Letter is shorter than A4: a person's copy still fits 8 pages,
    a group's records 2 sheets, with two-column tick lists set right to left."""
    store = make_workshop(tmp_path / "home", people=3, language="ar")
    out = tmp_path / "handouts"
    export_handouts(store, load_curriculum(), WS, out, paper="letter", only=[NAMES[0], GROUPS[0]])
    store.close()
    person = person_copies(out)[0]
    assert pages(person) <= THINK_PAGES_PER_PERSON
    group = out / f"group-{GROUPS[0].lower()}.pdf"
    assert pages(group) <= 4
    for path in (person, group):
        assert min(page_fill(path)) >= NEAR_EMPTY, path.name
