"""The pilot report: its figures against the answers they come from, consent, formats, the command."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CliRunner, module_env
from pilot_data import make_workshop

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.pilot.report import export_report
from carecoop.store.db import Store

runner = CliRunner()


@pytest.fixture
def store() -> Store:
    return make_workshop(Store.open())


def markdown(store: Store, tmp_path: Path) -> str:
    out = tmp_path / "report.md"
    export_report(store, load_curriculum(), ["ws"], out, fmt="md")
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory, parse_cache: Path) -> str:
    """The English report of the workshop as Markdown, made once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("pilot-report")
    with module_env(folder / "home", parse_cache):
        return markdown(make_workshop(Store.open()), folder)


def test_the_figures_are_the_answers_counted_by_hand(english: str) -> None:
    text = english
    for line in [
        "- **Registered participants:** 4",
        "- **Counted with their consent:** 3 of 4 (75%)",
        # Profiles: consenting people only.
        "| Female | 2 of 3 (67%) |",
        "| Male | 1 of 3 (33%) |",
        "| 25 to 34 | 2 of 3 (67%) |",
        "| 35 to 49 | 1 of 3 (33%) |",
        "| Not given | 1 of 3 (33%) |",  # Chipo's disability
        # Attendance counts everyone; Beth missed module 6.
        "| Care in our lives | 4 of 4 (100%) | 4 |",
        "| Is a cooperative right for us? | 3 of 4 (75%) | 4 |",
        "Came to every module where attendance was taken: 3 of 4 (75%).",
        # Knowledge: Amina 2 → 6, Beth 3 → –, Chipo 4 → 3; the secret person is never scored.
        "- **Took it at the start:** 3",
        "- **Took it at the end:** 2",
        "- **Took both (the change):** 2",
        "- **Mean at the start, of 8:** 3.0",  # (2 + 3 + 4) / 3
        "- **Mean at the end, of 8:** 4.5",  # (6 + 3) / 2
        "- **Mean change, for the pairs:** +1.5",  # (+4 − 1) / 2
        "| 1. What is a cooperative? | 3 of 3 (100%) | 2 of 2 (100%) |",
        "| 2. At a cooperative's meeting, how many votes does each member have? "
        "| 2 of 3 (67%) | 1 of 2 (50%) |",
        "| 6. A care cooperative has money left at the end of the year. Who decides what to do with it? "
        "| 0 of 3 (0%) | 1 of 2 (50%) |",
        "Of the 2 people who took both: 1 got more right at the end, 0 the same, 1 fewer.",
        # Feedback: Amina 5, Chipo 3.
        "| Useful | 0 | 0 | 1 | 0 | 1 | 2 | 4.0 |",
        "| Clear | 0 | 0 | 0 | 1 | 0 | 1 | 4.0 |",
        "- The story of the crèche (Group Sun)",
        "- \\[name withheld\\]'s song at lunch (Group Moon)",  # Markdown-escaped, as all user text
        "| Sun | Go | green |",
        "| Moon | No | red |",
        "Used it, by their own answer at the end: 1 of 2 (50%) of the people who answered (consenting only).",
        "A childminder next door",
    ]:
        assert line in text, line


def test_a_person_without_consent_never_appears(store: Store, tmp_path: Path, english: str) -> None:
    from openpyxl import load_workbook

    # The PDF is checked on the programme report made from bundles (test_pilot_bundle.py): one
    # PDF is enough to show that the document model carries only what Markdown carries.
    curriculum = load_curriculum()
    texts = [english]
    export_report(store, curriculum, ["ws"], tmp_path / "report.xlsx", fmt="xlsx")
    book = load_workbook(tmp_path / "report.xlsx")
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    texts.append(" ".join(cells))
    assert "Amina" in texts[1]  # consenting people are in the raw tables
    for text in texts:
        assert "Qwzxy" not in text and "Secretname" not in text
        assert "Secret remark" not in text
        assert "65 and over" not in text and "65-plus" not in text
        assert "Other" not in text.replace("Other ways", "")  # the secret person's sex
    assert "- **Not consenting:** 1: in the headcounts and attendance only" in texts[0]


def test_report_command(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "ws", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Wrote pilot-report-ws.md\n"
        "  1 workshop, 4 participants, 3 counted with consent\n"
        "  Think.CareCoop quiz: 2 took both; mean 3.0 → 4.5 of 8 (change +1.5)\n"
        "  Think.CareCoop feedback: useful 4.0 of 5 (2 answers)\n"
        "  Think.CareCoop decisions: go 1 of 2 (50%)\n"
    )
    assert (tmp_path / "pilot-report-ws.md").is_file()
    result = runner.invoke(app, ["report", "--all", "--out", "all.xlsx"])
    assert result.exit_code == 0 and (tmp_path / "all.xlsx").is_file()
    for args, message in [
        (["report"], "Error: Name a workshop, or use --all for every workshop in this store.\n"),
        (
            ["report", "ws", "--all"],
            "Error: Give a workshop, or --all (with --country to choose one country), not both.\n",
        ),
        (
            ["report", "--all", "--country", "co"],
            "Error: No workshops for country 'co' in this store. Import "
            "bundles with 'carecoop import FILE...'.\n",
        ),
        (["report", "ws", "--out", "r.docx"], "Error: Unknown format 'docx'. Use one of: pdf, md, xlsx.\n"),
    ]:
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stderr) == (1, message), args



def test_an_arabic_workshops_report_reads_right_to_left(store: Store, tmp_path: Path) -> None:
    from pypdf import PdfReader

    store.update_workshop("ws", language="ar")
    out = tmp_path / "report.pdf"
    export_report(store, load_curriculum(), ["ws"], out, fmt="pdf")
    reader = PdfReader(out)
    assert str(reader.root_object["/Lang"]) == "ar"
    assert "صفحة" in reader.pages[0].extract_text()  # "page", from the Arabic labels


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("es", ["| Mujer | 2 de 3 (67%) |", "| El cuidado en nuestras vidas | 4 de 4 (100%) | 4 |",
                "- **Promedio al comienzo, de 8:** 3,0", "| Moon | No | rojo |"]),
        ("ar", ["| أنثى | 2 من 3 (67%) |", "- \\[اسم محجوب\\]'s song at lunch (المجموعة Moon)",
                "| Moon | لا | أحمر |"]),
    ],
)
def test_a_report_in_the_workshops_language_has_no_english_left(
    store: Store, tmp_path: Path, language: str, lines: list[str]
) -> None:
    from helpers import english_leftovers

    store.update_workshop("ws", language=language)
    text = markdown(store, tmp_path)
    for line in lines:
        assert line in text, line
    # A group's own answer stays as the group wrote it; every other word is the report's.
    answers = ("The story of the crèche", "'s song at lunch")
    for answer in answers:
        assert answer in text
        text = text.replace(answer, "")
    assert english_leftovers(text) == []
