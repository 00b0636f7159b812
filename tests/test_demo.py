"""`carecoop demo` builds a whole workshop and writes every document type."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import CliRunner
from pypdf import PdfReader
from shared_demo import shared_demo

from carecoop.cli.app import app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_out() -> tuple[Path, str]:
    """The run's one demo (tests/shared_demo.py): other files check their documents on it too."""
    demo = shared_demo()
    return demo.out, demo.output


def test_demo_writes_every_document_type(demo_out: tuple[Path, str]) -> None:
    out, output = demo_out
    for name in ("agenda.pdf", "run-sheet.pdf", "agenda.md", "attendance.pdf", "certificates.pdf"):
        assert (out / name).is_file(), name
    for group in ("tiri-pamwe", "sisonke-home-care"):
        for fmt in ("pdf", "docx", "md", "json"):
            assert (out / f"business-plan-{group}.{fmt}").is_file()
        for fmt in ("pdf", "docx", "md"):
            assert (out / f"bylaws-{group}.{fmt}").is_file()
    handouts = sorted((out / "handouts").glob("*.pdf"))
    # Eleven participants, two groups, and every copy of each kind joined to print in one go.
    assert len(handouts) == 11 + 2 + 2
    assert "carecoop demo wrote" in output and "Done in" in output


def test_demo_documents_are_valid_and_readable(demo_out: tuple[Path, str]) -> None:
    out, _ = demo_out
    pdfs = [out / "agenda.pdf", out / "attendance.pdf", out / "certificates.pdf",
            out / "business-plan-tiri-pamwe.pdf", out / "bylaws-tiri-pamwe.pdf",
            next((out / "handouts").glob("01-*.pdf"))]
    for pdf in pdfs:
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, f"{pdf.name}: {check.stdout}{check.stderr}"
    certificates = PdfReader(out / "certificates.pdf")
    assert len(certificates.pages) == 11
    plan_text = "\n".join(p.extract_text() for p in PdfReader(out / "business-plan-tiri-pamwe.pdf").pages)
    assert "Tiri Pamwe" in plan_text and "The cash plan" in plan_text
    from docx import Document

    headings = [p.text for p in Document(str(out / "bylaws-tiri-pamwe.docx")).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[0].startswith("Article 1.")


def test_demo_into_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["demo", "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert "Cannot create the folder" in result.output


def test_demo_writes_the_pilot_and_programme_reports_without_names_of_people_who_did_not_consent(
    demo_out: tuple[Path, str],
) -> None:
    import zipfile

    out, output = demo_out
    for name in ("pilot-report.pdf", "pilot-report.md", "pilot-report.xlsx", "programme-report.pdf",
                 "programme-report.md", "bundles/start-demo-harare.carecoop",
                 "bundles/think-demo-bulawayo.carecoop"):
        assert (out / name).is_file(), name
    pilot = (out / "pilot-report.md").read_text(encoding="utf-8")
    programme = (out / "programme-report.md").read_text(encoding="utf-8")
    assert "- **Counted with their consent:** 9 of 11 (82%)" in pilot
    assert "- **Mean change, for the pairs:** +3.0" in pilot
    assert "- **Counted with their consent:** 17 of 21 (81%)" in programme
    assert programme.startswith("# Care cooperatives in Zimbabwe: two pilot workshops")
    pdf = PdfReader(out / "programme-report.pdf")
    texts = [pilot, programme, " ".join(page.extract_text() for page in pdf.pages)]
    for bundle in (out / "bundles").glob("*.carecoop"):
        with zipfile.ZipFile(bundle) as archive:
            texts.append(" ".join(archive.read(n).decode() for n in archive.namelist()))
    for text in texts:
        for name in ("Mr Moyo", "Thandiwe", "Zanele", "Sarah"):  # no consent (start- and think-people.csv)
            assert name not in text, name
    assert "Programme report" in output


def test_demo_keeps_the_start_carecoop_paper_budget(demo_out: tuple[Path, str]) -> None:
    from pagefill import page_fill

    out, _ = demo_out
    people = sorted((out / "handouts").glob("[0-9][0-9]-*.pdf"))
    assert len(people) == 11
    counts = {path.name: len(PdfReader(path).pages) for path in people}
    assert max(counts.values()) <= 16, counts  # the whole programme, per person
    # The agenda: one timetable page per day; the run sheet is a separate document.
    assert len(PdfReader(out / "agenda.pdf").pages) == 5
    for path in [people[0], people[-1], *(out / "handouts").glob("group-*.pdf"),
                 out / "agenda.pdf", out / "attendance.pdf"]:  # fmt: skip
        fills = page_fill(path)
        assert len(fills) == 1 or min(fills) >= 0.25, (path.name, [round(f, 2) for f in fills])
