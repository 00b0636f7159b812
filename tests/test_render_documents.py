"""The printed documents, rendered once per module through the CLI and read back with pypdf.

The handouts are made from three modules (`MODULES`), which drive every branch a full day
does; how much paper a full day takes is test_page_budgets.py's job. Who gets which module
and which answers is read from the handouts' HTML (what WeasyPrint would lay out); what only
a PDF shows (page numbers, metadata, paper, joined copies, margins) is read from the handouts
of the run's demo (tests/shared_demo.py), which prints them anyway, as is the English run
sheet. The blank handouts are printed here, on letter paper.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpers import (
    CliRunner,
    html_words,
    make_workshop,
    read_yaml_file,
    small_curriculum,
    words_outside_margins,
)
from pypdf import PdfReader
from shared_demo import shared_demo

import carecoop.cli.export_cmd as export_cmd
import carecoop.render.handout_export as handout_export
from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.demo_data import DEMO_DIR
from carecoop.render.batch import PdfJob

runner = CliRunner()

A4 = (595, 842)
LETTER = (612, 792)
WS = "harare-2026"
PEOPLE = 3
#: Module 1 (a person's and group Sun's answers), module 2 (the last person missed it; a
#: plenary answer) and module 6 (nobody took attendance, so everyone counts as present).
MODULES = ("tc-1", "tc-2", "tc-6")


def export(home: Path, *args: str) -> str:
    result = runner.invoke(app, ["--home", str(home), "export", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document type of one sample workshop, on A4 and on Letter.

    The one-page agenda and the certificates are of the whole programme. (The sign-in sheet
    is checked on test_page_budgets.py's 20-person day, on A4 and Letter.)
    """
    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("out")
    make_workshop(home, people=PEOPLE).close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(export_cmd, "load_curriculum", lambda: small_curriculum(*MODULES))
        with pytest.MonkeyPatch.context() as html_only:
            # Each copy's HTML is written where its PDF would go, and a joined file lists its parts.
            html_only.setattr(handout_export, "render_pdfs", write_html)
            html_only.setattr(handout_export, "join_pdfs", list_parts)
            export(home, "handouts", WS, "--out", str(out / "handouts"))
        export(home, "handouts", "--programme", "think-carecoop", "--paper", "letter",
               "--out", str(out / "blank"))  # fmt: skip
    export(home, "handouts", WS, "--format", "md", "--out", str(out / "handouts-md"))
    for paper in ("a4", "letter"):
        for kind in ("agenda", "certificates"):
            export(home, kind, WS, "--paper", paper, "--out", str(out / f"{kind}-{paper}.pdf"))
    export(home, "agenda", WS, "--detail", "--out", str(out / "agenda.md"))
    return {
        "handouts": out / "handouts",
        "blank": out / "blank",
        "handouts-md": out / "handouts-md",
        "agenda.md": out / "agenda.md",
        **{f"{kind}-{paper}": out / f"{kind}-{paper}.pdf"
           for kind in ("agenda", "certificates") for paper in ("a4", "letter")},
    }  # fmt: skip


def write_html(jobs: Sequence[PdfJob], workers: int | None = None) -> list[Path]:
    """Stands in for render_pdfs: each job's HTML, written to its path, no layout."""
    for job in jobs:
        job.path.parent.mkdir(parents=True, exist_ok=True)
        job.path.write_text(job.html, encoding="utf-8")
    return [job.path for job in jobs]


def list_parts(paths: Sequence[Path], out: Path) -> Path:
    """Stands in for join_pdfs: the names of the parts, one a line."""
    out.write_text("\n".join(path.name for path in paths), encoding="utf-8")
    return out


def html_text(path: Path) -> str:
    """The words of a handout's HTML, as written where its PDF would go."""
    return html_words(path.read_text(encoding="utf-8"))


def demo_handouts() -> Path:
    return shared_demo().out / "handouts"


def demo_workshop() -> dict[str, str]:
    workshop: dict[str, str] = read_yaml_file(DEMO_DIR / "start-workshop.yaml")["workshop"]
    return workshop


def text_of(path: Path) -> str:
    """All text of a PDF with runs of white space (line breaks in table cells) made one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def size_of(path: Path, page: int = 0) -> tuple[int, int]:
    box = PdfReader(path).pages[page].mediabox
    return round(float(box.width)), round(float(box.height))


def first_handout() -> Path:
    """The first person's printed copy in the demo (Rudo's)."""
    return demo_handouts() / "01-rudo.pdf"


# Handouts ------------------------------------------------------------------------------


def test_one_booklet_per_participant_and_one_record_per_group(docs: dict[str, Path]) -> None:
    names = sorted(p.name for p in docs["handouts"].iterdir())
    assert names == [
        "01-amina-khalil.pdf", "02-tendai-moyo.pdf", "03-rania-odeh.pdf",
        "all-groups.pdf", "all-people.pdf", "group-moon.pdf", "group-star.pdf", "group-sun.pdf",
    ]  # fmt: skip
    # The last participant was absent from module 2; modules without attendance count everyone.
    rania = html_text(docs["handouts"] / "03-rania-odeh.pdf")
    assert "Care in our lives" in rania and "Is a cooperative right for us?" in rania
    assert "Stronger together" not in rania
    assert "Stronger together" in html_text(docs["handouts"] / "02-tendai-moyo.pdf")
    # Printing in one go: every booklet, page after page (the demo's printed copies).
    assert (docs["handouts"] / "all-people.pdf").read_text().split() == names[:3]
    assert sorted((docs["handouts"] / "all-groups.pdf").read_text().split()) == names[5:]
    demo = demo_handouts()
    for joined, pattern in (("all-people.pdf", "[0-9][0-9]-*.pdf"), ("all-groups.pdf", "group-*.pdf")):
        parts = sorted(demo.glob(pattern))
        assert len(PdfReader(demo / joined).pages) == sum(len(PdfReader(p).pages) for p in parts), joined


def test_handout_carries_name_and_page_numbers(docs: dict[str, Path]) -> None:
    path = first_handout()
    text = text_of(path)
    pages = len(PdfReader(path).pages)
    assert "Rudo" in text
    assert " ".join(load_curriculum().module("sc-1").title.split()) in text
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text
    amina = html_text(docs["handouts"] / "01-amina-khalil.pdf")
    assert "Amina Khalil" in amina and "Care in our lives" in amina
    # Group records are not in a person's copy: the group keeps one.
    assert "Grandmothers are tired" not in amina


def test_group_records_carry_the_group_answers_once(docs: dict[str, Path]) -> None:
    sun = html_text(docs["handouts"] / "group-sun.pdf")
    assert "Group records" in sun and "Sun" in sun
    assert "Grandmothers are tired" in sun
    assert "Amina Khalil" not in sun
    # Group Moon's records do not have group Sun's care map; a plenary answer is in every group's.
    moon = html_text(docs["handouts"] / "group-moon.pdf")
    assert "Grandmothers are tired" not in moon
    assert "Take turns and write it down." in moon


def test_handout_metadata() -> None:
    reader = PdfReader(first_handout())
    assert reader.metadata is not None
    assert reader.metadata.title == "Handout — Rudo"
    assert reader.metadata.author == demo_workshop()["facilitator"]
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_handouts_on_a4_and_blank_on_letter(docs: dict[str, Path]) -> None:
    assert size_of(first_handout()) == A4
    blank = sorted(docs["blank"].iterdir())
    assert [p.name for p in blank] == ["think-carecoop-group.pdf", "think-carecoop-person.pdf"]
    for path in blank:
        assert size_of(path) == LETTER
    text = text_of(blank[1])
    assert "Care in our lives" in text
    assert "Amina" not in text


def test_markdown_handouts_escape_what_people_typed(docs: dict[str, Path]) -> None:
    text = (docs["handouts-md"] / "01-amina-khalil.md").read_text(encoding="utf-8")
    assert text.startswith("# Handout\n")
    assert "## Module 1: Care in our lives\n" in text
    assert "**Name:** Amina Khalil" in text
    group = (docs["handouts-md"] / "group-sun.md").read_text(encoding="utf-8")
    row = "| Small children | Watching during market hours | Grandmothers | Grandmothers are tired |"
    assert row in group


# Agenda --------------------------------------------------------------------------------


def test_agenda_is_a_one_page_timetable(docs: dict[str, Path]) -> None:
    for paper in ("a4", "letter"):
        reader = PdfReader(docs[f"agenda-{paper}"])
        assert len(reader.pages) == 1
        text = text_of(docs[f"agenda-{paper}"])
        for _, activity in load_curriculum().activities_of("think-carecoop"):
            assert " ".join(activity.title.split()) in text
        assert "Materials checklist" not in text


def test_run_sheet_lists_activities_times_materials_and_care() -> None:
    # The demo's run sheet (`agenda --detail` of a five-day Start.CareCoop workshop).
    path = shared_demo().out / "run-sheet.pdf"
    workshop = demo_workshop()
    text = text_of(path)
    pages = len(PdfReader(path).pages)
    assert f"Run sheet: {workshop['title']}" in text
    assert "09:00" in text
    first_activity = load_curriculum().module("sc-1").activities[0]
    assert " ".join(first_activity.title.split()) in text
    assert "Materials checklist" in text
    assert " ".join(workshop["care_support"].split()) in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    reader = PdfReader(path)
    assert reader.metadata is not None
    assert reader.metadata.title == f"Agenda: {workshop['title']}"
    # The timetable comes first, then the run sheet.
    assert "Run sheet" not in reader.pages[0].extract_text()


def test_agenda_markdown(docs: dict[str, Path]) -> None:
    text = docs["agenda.md"].read_text(encoding="utf-8")
    assert text.startswith("# Agenda: Care cooperatives day\n")
    assert "## Care support for participants" in text
    assert "### Materials checklist · Day 1" in text
    assert "- [ ] " in text


# Attendance and certificates -------------------------------------------------------------


def test_certificates_one_page_per_participant(docs: dict[str, Path]) -> None:
    reader = PdfReader(docs["certificates-a4"])
    assert len(reader.pages) == PEOPLE
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "Amina Khalil" in pages[0]
    assert "Module 2: Stronger together" in pages[0]
    # Rania missed module 2.
    assert "Rania Odeh" in pages[2]
    assert "Module 2: Stronger together" not in pages[2]
    assert "Module 1: Care in our lives" in pages[2]
    # The programme's name once, and the hours of the modules attended.
    assert pages[0].count("Think.CareCoop") == 1
    hours = sum(m.activity_minutes for m in load_curriculum().modules_of("think-carecoop")) / 60
    assert f"{round(hours * 2) / 2:g} hours of activities" in pages[0]


@pytest.mark.parametrize("kind", ["agenda", "certificates"])
def test_paper_sizes(docs: dict[str, Path], kind: str) -> None:
    a4, letter = size_of(docs[f"{kind}-a4"]), size_of(docs[f"{kind}-letter"])
    if kind == "certificates":  # printed across the page
        assert a4 == A4[::-1] and letter == LETTER[::-1]
    else:
        assert a4 == A4 and letter == LETTER


def test_every_document_type_passes_qpdf_check(docs: dict[str, Path]) -> None:
    # The demo's handouts are checked in test_demo.py, the sign-in sheet in test_page_budgets.py.
    paths = [
        docs["blank"] / "think-carecoop-person.pdf",
        docs["agenda-a4"],
        docs["certificates-a4"],
    ]
    for path in paths:
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{path.name}: {result.stdout}{result.stderr}"


# A multi-day workshop and an Arabic one ----------------------------------------------------


def test_attendance_of_a_multi_day_workshop_is_landscape(tmp_path: Path) -> None:
    store = make_workshop(tmp_path / "home", people=2)
    store.update_workshop(WS, end_date="2026-03-19")
    store.close()
    out = tmp_path / "sheet.pdf"
    export(tmp_path / "home", "attendance", WS, "--out", str(out))
    assert size_of(out) == A4[::-1]
    text = text_of(out)
    assert "Signature · Day 6" in text
    assert "March 19, 2026" in text


@pytest.fixture(scope="module")
def arabic_agenda(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home-ar")
    make_workshop(home, people=2, language="ar").close()
    out = tmp_path_factory.mktemp("out-ar") / "agenda.pdf"
    with pytest.MonkeyPatch.context() as patch:
        # Module 1 alone: the timetable's page, then three run-sheet pages set right to left.
        patch.setattr(export_cmd, "load_curriculum", lambda: small_curriculum("tc-1"))
        export(home, "agenda", WS, "--detail", "--out", str(out))
    return out


def test_arabic_agenda_reads_in_logical_order(arabic_agenda: Path) -> None:
    reader = PdfReader(arabic_agenda)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert reader.metadata is not None
    assert reader.metadata.title == "جدول الأعمال: يوم تعاونيات الرعاية"
    text = reader.pages[1].extract_text()
    # Headings come out as words in reading order, and in the order of the page.
    positions = [text.index(heading) for heading in ("دليل سير اليوم", "التاريخ", "دعم الرعاية للمشاركين")]
    assert positions == sorted(positions)
    assert "المواد" in text and "التحضير" in text
    assert "قائمة المواد" in "".join(page.extract_text() for page in reader.pages)
    # Module text with an Arabic translation is in Arabic, in reading order.
    curriculum = load_curriculum()
    module, _ = curriculum.localized(curriculum.module("tc-1"), "ar")
    assert module.activities[0].title in reader.pages[0].extract_text()
    assert "يوم تعاونيات الرعاية" in text
    # English text (no translation yet) keeps its own order inside the Arabic page.
    assert "A childminder (Mai Rudo) watches children in the side room from 08:45." in text
    assert "صفحة" in text  # "Page" of the Arabic footer


def test_nothing_runs_off_the_page(docs: dict[str, Path]) -> None:
    # 14 pt is 5 mm, what most printers cannot print at the edge.
    for path in (
        first_handout(),
        docs["agenda-letter"],
        docs["certificates-letter"],
    ):
        assert words_outside_margins(path, margin=14) == [], path.name
