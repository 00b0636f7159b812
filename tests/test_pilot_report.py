"""The pilot report: its figures against the answers they come from, consent, formats, the command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.pilot.report import export_report
from carecoop.store.db import Store
from carecoop.store.records import Profile, Workshop

runner = CliRunner()
BEFORE, AFTER, FEEDBACK = "tc1-knowledge-before", "tc6-knowledge-after", "tc6-feedback"
RIGHT = [
    "members-own-and-run",
    "one-each",
    "no-free-choice",
    "the-members",
    "workers-families-or-both",
    "members-together",
    "no-unfair-pay",
    "fair-care-work",
]
QUESTIONS = [
    "what-is-a-cooperative",
    "votes-per-member",
    "joining",
    "who-chooses-leaders",
    "kinds-of-care-cooperative",
    "surplus",
    "fair-price",
    "five-r",
]
WRONG = [
    "charity",
    "leaders-only",
    "yes-if-leader",
    "the-mayor",
    "nurses-only",
    "manager-alone",
    "yes-poor-families",
    "meeting-rules",
]
#: Someone who did not consent: nothing about them may reach a report or an export.
SECRET = "Qwzxy Secretname"


def quiz(person: int, activity: str, right: list[int]) -> list[dict[str, Any]]:
    return [
        {
            "activity": activity,
            "question": q,
            "participant_id": person,
            "value": RIGHT[i] if i in right else WRONG[i],
        }
        for i, q in enumerate(QUESTIONS)
    ]


@pytest.fixture
def store() -> Store:
    """A Think.CareCoop day: Amina, Beth and Chipo consent; the secret person does not."""
    store = Store.open()
    store.create_workshop(
        Workshop(
            id="ws",
            programme="think-carecoop",
            title="Care day",
            start_date="2025-03-14",
            location="Mbare",
            country="zw",
            care_support="A childminder next door",
        )
    )
    people = store.add_participants("ws", ["Amina", "Beth"], group="Sun")
    people += store.add_participants("ws", ["Chipo", SECRET], group="Moon")
    amina, beth, chipo, secret = (p.id for p in people)
    store.set_profile(
        "ws",
        {
            amina: Profile("female", "25-34", "care-worker", "no", True),
            beth: Profile("female", "35-49", "family", "yes", True),
            chipo: Profile("male", "25-34", "care-worker", None, True),
            secret: Profile("other", "65-plus", "community", "prefer-not-to-say", False),
        },
    )
    modules = [m.id for m in load_curriculum().modules_of("think-carecoop")]
    for module in modules:
        store.set_attendance("ws", module, {amina: True, beth: module != "tc-6", chipo: True, secret: True})
    answers = (
        quiz(amina, BEFORE, [0, 1])
        + quiz(amina, AFTER, [0, 1, 2, 3, 4, 5])  # 2 → 6: +4
        + quiz(beth, BEFORE, [0, 1, 2])  # 3, gone before the end
        + quiz(chipo, BEFORE, [0, 2, 4, 6])
        + quiz(chipo, AFTER, [0, 2, 4])  # 4 → 3: −1
        + quiz(secret, BEFORE, [])
        + quiz(secret, AFTER, list(range(8)))  # 0 → 8, never counted
        + [
            {"activity": FEEDBACK, "question": "useful", "participant_id": amina, "value": 5},
            {"activity": FEEDBACK, "question": "useful", "participant_id": chipo, "value": 3},
            {"activity": FEEDBACK, "question": "useful", "participant_id": secret, "value": 1},
            {"activity": FEEDBACK, "question": "clear", "participant_id": amina, "value": 4},
            {"activity": FEEDBACK, "question": "used-care-support", "participant_id": amina, "value": True},
            {
                "activity": FEEDBACK,
                "question": "used-care-support",
                "participant_id": chipo,
                "value": False,
            },
            {
                "activity": FEEDBACK,
                "question": "used-care-support",
                "participant_id": secret,
                "value": True,
            },
            {"activity": FEEDBACK, "question": "best", "group": "Sun", "value": "The story of the crèche"},
            {
                "activity": FEEDBACK,
                "question": "change",
                "participant_id": secret,
                "value": "Secret remark zq",
            },
            {
                "activity": "tc6-readiness-checklist",
                "question": "readiness-band",
                "group": "Sun",
                "value": "green",
            },
            {
                "activity": "tc6-readiness-checklist",
                "question": "readiness-band",
                "group": "Moon",
                "value": "red",
            },
        ]
    )
    store.record_answers("ws", answers)
    return store


def markdown(store: Store, tmp_path: Path) -> str:
    out = tmp_path / "report.md"
    export_report(store, load_curriculum(), ["ws"], out, fmt="md")
    return out.read_text(encoding="utf-8")


def test_the_figures_are_the_answers_counted_by_hand(store: Store, tmp_path: Path) -> None:
    text = markdown(store, tmp_path)
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
        "| Sun | Go | green |",
        "| Moon | No | red |",
        "Used it, by their own answer at the end: 1 of 2 (50%) of the people who answered (consenting only).",
        "A childminder next door",
    ]:
        assert line in text, line


def test_a_person_without_consent_never_appears(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    curriculum = load_curriculum()
    texts = [markdown(store, tmp_path)]
    export_report(store, curriculum, ["ws"], tmp_path / "report.pdf", fmt="pdf")
    texts.append(" ".join(page.extract_text() for page in PdfReader(tmp_path / "report.pdf").pages))
    export_report(store, curriculum, ["ws"], tmp_path / "report.xlsx", fmt="xlsx")
    book = load_workbook(tmp_path / "report.xlsx")
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    texts.append(" ".join(cells))
    assert "Amina" in texts[2]  # consenting people are in the raw tables
    for text in texts:
        assert "Qwzxy" not in text and "Secretname" not in text
        assert "Secret remark" not in text
        assert "65 and over" not in text and "65-plus" not in text
        assert "Other" not in text.replace("Other ways", "")  # the secret person's sex
    assert "- **Not consenting:** 1: in the headcounts and attendance only" in texts[0]


def test_the_pdf_has_the_sections_and_the_charts(store: Store, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    export_report(store, load_curriculum(), ["ws"], out)
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    for heading in [
        "Pilot report",
        "Who took part",
        "Think.CareCoop: attendance",
        "Think.CareCoop: what people learned",
        "What these figures can and cannot show",
        "Think.CareCoop: what people thought",
        "Think.CareCoop: what the groups decided",
        "Care support for participants",
        "People with the right answer",
    ]:
        assert heading in text, heading
    assert 6 <= len(reader.pages) <= 12


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
