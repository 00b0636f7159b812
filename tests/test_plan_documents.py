"""The printed business plan and draft bylaws: figures match the finance engine.

The group's copy of a plan and its bylaws are read from the run's demo (tests/shared_demo.py),
which prints them for its groups anyway; the lender's copy and the other formats are
exported here from tests/fixtures/plan-childcare.yaml.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import pytest
from helpers import module_env
from pypdf import PdfReader
from shared_demo import shared_demo

from carecoop.content.loader import load_curriculum
from carecoop.countries.profiles import load_profile
from carecoop.plan import finance
from carecoop.plan.checks import check_plan
from carecoop.plan.money import format_money
from carecoop.plan.workflow import import_plan, read_plan_file
from carecoop.render.bylaws import build_bylaws
from carecoop.render.bylaws_base import OPEN
from carecoop.render.editable import to_markdown
from carecoop.render.plan_doc import money_formatter
from carecoop.render.plan_export import export_bylaws, export_plan
from carecoop.store.db import Store
from carecoop.store.records import Workshop

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"
#: The demo group whose plan and bylaws the demo prints (with its plan as JSON beside them).
DEMO_GROUP = "tiri-pamwe"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, parse_cache: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("plan-docs")
    with module_env(folder / "home", parse_cache):
        paths = _export_all(folder)
    demo = shared_demo().out
    for fmt in ("pdf", "json"):
        paths[f"plan.{fmt}"] = demo / f"business-plan-{DEMO_GROUP}.{fmt}"
    paths["bylaws.pdf"] = demo / f"bylaws-{DEMO_GROUP}.pdf"
    paths["bylaws.md"] = demo / f"bylaws-{DEMO_GROUP}.md"
    return paths


def _export_all(folder: Path) -> dict[str, Path]:
    store = Store.open(folder / "home")
    store.create_workshop(Workshop(id="demo", programme="start-carecoop", title="Demo workshop",
                                   start_date="2026-11-25", country="zw"))
    store.add_participants("demo", ["Tendai", "Rudo"], group="Tiri Pamwe")
    import_plan(store, "demo", "Tiri Pamwe", FIXTURE)
    curriculum = load_curriculum()
    paths: dict[str, Path] = {}
    for fmt in ("md", "docx", "json"):
        paths[f"fixture-plan.{fmt}"] = folder / f"plan.{fmt}"
        export_plan(store, curriculum, "demo", paths[f"fixture-plan.{fmt}"], fmt=fmt)
    # The demo's group copy is on the default A4 and the lender copy on letter paper, so two
    # PDFs show both papers.
    paths["plan-lender.pdf"] = folder / "plan-lender.pdf"
    export_plan(store, curriculum, "demo", paths["plan-lender.pdf"], audience="lender", paper="letter")
    paths["fixture-bylaws.docx"] = folder / "bylaws.docx"
    export_bylaws(store, curriculum, "demo", paths["fixture-bylaws.docx"], fmt="docx")
    return paths


@functools.cache
def page_texts(path: Path) -> tuple[str, ...]:
    """The text of each page of a PDF, read once for all the tests that look at it."""
    return tuple(page.extract_text() for page in PdfReader(path).pages)


def pdf_text(path: Path) -> str:
    return "\n".join(page_texts(path))


def test_plan_pdf_shows_the_engine_figures(exported: dict[str, Path]) -> None:
    plan = read_plan_file(exported["plan.json"])  # the plan the demo printed
    profile = load_profile(plan.cooperative.country)
    report = check_plan(plan, profile)
    figures = report.figures
    text = pdf_text(exported["plan.pdf"])
    money = money_formatter(profile, report.currency)
    assert "Draft business plan" in text
    assert plan.cooperative.name is not None and plan.cooperative.name in text
    assert f"Total start-up costs {money(figures.startup)}" in text
    assert f"Total funding {money(figures.funding)}" in text
    assert money(figures.months[11].closing_cash) in text
    assert money(figures.first_year.surplus) in text
    if figures.break_even_month is not None:
        assert f"By month {figures.break_even_month}" in text
    assert f"Score: {report.score} out of 100." in text
    for title in ("Contents", "Members", "Decent work", "Financial plan", "Risks", "Action plan",
                  "Assumptions and what still needs work"):
        assert title in text
    reader = PdfReader(exported["plan.pdf"])
    assert reader.metadata is not None and reader.metadata.title is not None
    assert "Draft business plan" in reader.metadata.title
    pages = len(page_texts(exported["plan.pdf"]))
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_paper_sizes(exported: dict[str, Path]) -> None:
    a4 = PdfReader(exported["plan.pdf"]).pages[0].mediabox  # the default paper
    letter = PdfReader(exported["plan-lender.pdf"]).pages[0].mediabox  # --paper letter
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_docx_has_the_same_headings_as_the_markdown(exported: dict[str, Path]) -> None:
    from docx import Document

    docx = Document(str(exported["fixture-plan.docx"]))
    docx_headings = [p.text for p in docx.paragraphs if p.style.name.startswith("Heading")]
    markdown = exported["fixture-plan.md"].read_text()
    md_headings = [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("## ")]
    assert md_headings and md_headings == [h for h in docx_headings if h in md_headings]
    assert set(md_headings) <= set(docx_headings)
    assert len(docx.tables) >= 8


def test_json_round_trips(exported: dict[str, Path]) -> None:
    assert read_plan_file(exported["fixture-plan.json"]) == read_plan_file(FIXTURE)


def test_bylaws_mark_open_points_and_lawyer_note(exported: dict[str, Path]) -> None:
    text = pdf_text(exported["bylaws.pdf"])
    assert "Draft bylaws of" in text
    assert "lawyer" in text and "registrar" in text
    assert "Article 1. Name" in text and "Dissolution" in text
    markdown = exported["bylaws.md"].read_text()
    assert "Article 8. Member shares and liability" in markdown
    assert "Adopted by the founding members" in markdown


def test_lender_copy_has_no_self_score_and_reads_in_words(exported: dict[str, Path]) -> None:
    lender = " ".join(pdf_text(exported["plan-lender.pdf"]).split())
    group = pdf_text(exported["plan.pdf"])
    assert "Score" not in lender and "score" not in lender
    assert "Plan check score" in group
    for part in ("Executive summary", "The money we ask for and what it buys", "What if things go worse",
                 "25% fewer clients", "To cover running costs", "To also repay the loan",
                 "Income statement, year by year", "Debt-service cover", "Our assumptions"):
        assert part in lender, part
    # values in words, not code values; the cooperative's name in the running header
    assert "multi-stakeholder cooperative" in lender and "Multi-stakeholder cooperative" in lender
    assert "multi-stakeholder:" not in lender and "public-contract" not in lender
    page = " ".join(page_texts(exported["plan-lender.pdf"])[2].split())
    assert "Tiri Pamwe Childcare Cooperative Business plan" in page  # the running header
    assert "Demo workshop" not in lender


def test_lender_summary_is_one_page_with_what_a_loan_officer_asks(exported: dict[str, Path]) -> None:
    plan = read_plan_file(FIXTURE)
    profile = load_profile(plan.cooperative.country)
    figures = check_plan(plan, profile).figures
    money = money_formatter(profile, check_plan(plan, profile).currency)
    pages = page_texts(exported["plan-lender.pdf"])
    summary = " ".join(pages[2].split())
    after = " ".join(pages[3].split())
    assert "Executive summary" in summary and "Executive summary" not in after
    loan = plan.financial.loans[0]
    payment = money(finance.annuity_payment(loan))
    for part in (
        "founding members",  # who
        "Who pays",  # the service and its payers
        f"{money(loan.amount)} from {loan.lender}",  # the money asked for
        f"interest only in months 1 to {loan.grace_months}, then {payment} a month",  # repayment
        f"start-up costs of {money(figures.startup)}",  # what it buys
        "cover the running costs", "also repay the loan",  # break-even twice
        f"{money(figures.lowest_cash)} in month {figures.lowest_cash_month}",  # cash low point
        "Main risks and what we do about them",
    ):
        assert part in summary, part
    # the chapter after the summary starts on the next page: nothing of the summary spills over
    assert after.startswith("The cooperative")


def test_bylaws_of_an_empty_plan_are_all_open() -> None:
    from carecoop.plan.model import Plan

    document = build_bylaws(Plan(), lambda amount: str(amount), "today")
    markdown = to_markdown(document)
    for point in ("the name.", "the value of one member share",
                  "the quorum", "how many people sit on the board",
                  "which cooperative or cooperative purpose"):
        assert point in markdown
    assert markdown.count("To be decided by the group") >= 10
    assert OPEN == "To be decided by the group"


def test_money_is_formatted_by_the_profile() -> None:
    profile = load_profile("co")
    assert format_money(finance.total([]), profile) != ""


def test_qpdf_accepts_the_documents(exported: dict[str, Path]) -> None:
    # The demo's group plan and bylaws are checked by tests/test_demo.py.
    for name in ("plan-lender.pdf",):
        result = subprocess.run(["qpdf", "--check", str(exported[name])], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_agenda_starts_a_new_day_where_an_activity_says_so() -> None:
    from carecoop.content.models import Module
    from carecoop.workshop.schedule import build_agenda

    activity = {"kind": "discussion", "objectives": ["x"], "steps": ["Talk."], "key_messages": ["y"]}
    module = Module.model_validate({
        "id": "tc-9", "programme": "think-carecoop", "number": 9, "title": "T", "summary": "S",
        "objectives": ["o"], "handout": {},
        "activities": [{**activity, "id": "tc9-a", "title": "A", "duration": 60},
                       {**activity, "id": "tc9-b", "title": "B", "duration": 30, "new_day": True}],
    })
    slots = build_agenda([module])
    assert [(s.day, s.start) for s in slots] == [(1, "09:00"), (2, "09:00")]


def test_plan_names_the_cooperative_law_its_registrar_and_supervisor() -> None:
    from carecoop.render.document import Facts
    from carecoop.render.plan_doc import build_plan_document

    plan = read_plan_file(FIXTURE)
    expected = {
        "zw": [("Cooperative law", "Co-operative Societies Act [Chapter 24:05]"),
               ("Registrar", "Registrar of Co-operative Societies")],
        "co": [("Registrar", "Cámara de Comercio of the cooperative's seat"),
               ("Supervisor", "Superintendencia de la Economía Solidaria (Supersolidaria)")],
        "generic": [("Cooperative law", "to be checked with the registrar of cooperatives")],
    }
    for code, pairs in expected.items():
        profile = load_profile(code)
        document = build_plan_document(plan, check_plan(plan, profile), profile, group="g", date="today",
                                       audience="lender")
        facts = [pair for block in document.blocks if isinstance(block, Facts) for pair in block.pairs]
        for pair in pairs:
            assert pair in facts, (code, pair)
        summary_form = next(value for label, value in facts if label == "Legal form")
        assert ("registrar: Registrar of Co-operative Societies" in summary_form) == (code == "zw")
