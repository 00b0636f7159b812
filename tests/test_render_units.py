"""Pieces of the document engine that need no PDF: pictograms, answers, attendance rules, CLI errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import CliRunner, make_workshop

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.content.models import KIND_PICTOGRAM, PICTOGRAMS, Question
from carecoop.paths import handouts_dir
from carecoop.render.agenda import unique_materials
from carecoop.render.answers import AnswerBook, Wording, fill
from carecoop.render.engine import render_html
from carecoop.render.exports import FORMATS
from carecoop.render.formats import choose_format
from carecoop.render.handouts import BookletView, Person, handout_view
from carecoop.render.labels import labels_for, text_direction
from carecoop.render.meta import doc_meta
from carecoop.render.people import modules_attended
from carecoop.store.records import Answer, Participant, Progress

runner = CliRunner()
SVG = "{http://www.w3.org/2000/svg}"
YES_NO = {True: "Yes", False: "No"}
WORDING = Wording(YES_NO)


# Pictograms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PICTOGRAMS)
def test_every_pictogram_is_a_black_line_drawing(name: str) -> None:
    root = ET.parse(handouts_dir() / "icons" / f"{name}.svg").getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 64 64"
    assert root.get("fill") == "none"
    assert root.get("stroke") == "#000"
    assert root.get("stroke-linecap") == "round"
    for element in root.iter():
        assert element.get("fill") in (None, "none"), f"{name}: filled {element.tag}"
        assert element.get("stroke") in (None, "#000"), f"{name}: coloured {element.tag}"
        assert not element.tag.endswith(("image", "use", "text", "style", "script")), name
    assert root.find(f"{SVG}title") is not None


def test_every_activity_kind_has_a_pictogram() -> None:
    assert set(KIND_PICTOGRAM.values()) <= set(PICTOGRAMS)
    assert sorted(p.stem for p in (handouts_dir() / "icons").glob("*.svg")) == sorted(PICTOGRAMS)


# Answers on worksheets ------------------------------------------------------------------------


def answer(value: object, participant: str | None = None, group: str | None = None, qid: str = "q") -> Answer:
    return Answer(1, "ws", "act", qid, participant, group, value, False, "2026-01-01")


def test_answer_book_prefers_own_then_group_then_plenary() -> None:
    book = AnswerBook(
        [answer("plenary"), answer("group", group="Sun"), answer("own", participant="Amina Khalil")]
    )
    found = book.find("act", "q", "amina khalil", "Sun")
    assert found is not None and found.value == "own"
    found = book.find("act", "q", "Tendai", "Sun")
    assert found is not None and found.value == "group"
    found = book.find("act", "q", "Tendai", "Moon")
    assert found is not None and found.value == "plenary"
    assert book.find("act", "other", "Tendai", "Moon") is None


def test_skipped_answers_are_not_printed() -> None:
    skipped = Answer(1, "ws", "act", "q", "Amina", None, "x", True, "")
    assert AnswerBook([skipped]).find("act", "q", "Amina", None) is None


def test_choice_answers_tick_checklist_items_by_label() -> None:
    question = Question.model_validate(
        {
            "id": "r",
            "prompt": "Which R?",
            "kind": "choice",
            "choices": [
                {"id": "recognize", "label": "Recognize - care is real work"},
                {"id": "reward", "label": "Reward - fair pay"},
            ],
        }
    )
    filled = fill(answer("reward"), question, [], WORDING)
    assert filled.lines == ["Reward - fair pay"]
    assert "reward" in filled.keys


def test_table_answers_become_rows_in_column_order() -> None:
    columns = ["Who", "What", "When"]
    value = [{"When": "Monday", "Who": "Ana"}, ["Leila", "Cooking"], "Just a note"]
    filled = fill(answer(value, group="Sun"), None, columns, WORDING)
    assert filled.rows == [["Ana", "", "Monday"], ["Leila", "Cooking", ""], ["Just a note", "", ""]]
    assert filled.source == "group"


def test_values_print_in_plain_words() -> None:
    assert fill(answer(True), None, [], WORDING).lines == ["Yes"]
    assert fill(answer(6.0), None, [], WORDING).lines == ["6"]
    assert fill(answer(["a", "b"]), None, [], WORDING).lines == ["a", "b"]
    assert fill(answer({"amount": "12.50", "currency": "USD"}), None, [], WORDING).lines == ["12.50 USD"]
    assert fill(answer("one\n\ntwo"), None, [], WORDING).lines == ["one", "two"]


def test_handout_drops_activity_items_the_module_worksheet_has() -> None:
    module = load_curriculum().module("tc-1")
    meta = doc_meta(
        kind="handout", title="t", language="en", author="a", paper="a4", head_start="w", head_end="m"
    )
    view = handout_view(module, meta, person=Person("Amina", "Sun"))
    booklet = BookletView(meta, "w", "", Person("Amina", "Sun"), "all", [view])
    main, *activities = view.sections
    module_questions = {item.question for item in module.handout.worksheet if item.question}
    for section in activities:
        assert section.messages or section.items
    shown = [item.prompt for section in activities for item in section.items]
    for activity in module.activities:
        for item in activity.handout.worksheet if activity.handout else []:
            if item.question in module_questions:
                assert item.prompt not in shown or item.prompt in [i.prompt for i in main.items]
    html = render_html("handout.html", {"meta": meta, "booklet": booklet})
    assert html.count('class="item ') == sum(len(s.items) for s in view.sections)


def test_materials_are_listed_once() -> None:
    assert unique_materials(["Markers", "markers.", "Tape", " Markers ", "Paper"]) == [
        "Markers",
        "Tape",
        "Paper",
    ]


# Who attended ---------------------------------------------------------------------------------


def test_modules_attended_follow_the_attendance_rules() -> None:
    modules = load_curriculum().modules_of("think-carecoop")[:3]
    a, b, c = (m.id for m in modules)
    amina, tendai, late = (Participant(i, "ws", name, None) for i, name in ((1, "A"), (2, "T"), (3, "L")))
    # No attendance at all: everyone attended every module.
    assert modules_attended(late, modules, {}, {}) == modules
    attendance = {a: {1: True, 2: True}, b: {1: True, 2: False}}
    # Present where marked; a module nobody took attendance for counts (no progress recorded).
    assert modules_attended(amina, modules, attendance, {}) == modules
    assert [m.id for m in modules_attended(tendai, modules, attendance, {})] == [a, c]
    # Someone with no attendance at all, when it was taken, did not attend.
    assert modules_attended(late, modules, attendance, {}) == []
    # With progress recorded, a module without attendance counts only if it ran.
    progress = {modules[0].activities[0].id: Progress(modules[0].activities[0].id, "done", None, None)}
    assert [m.id for m in modules_attended(amina, modules, attendance, progress)] == [a, b]
    # A module run without typed answers leaves no progress; a later module's shows it ran.
    only = {a: {1: True}}
    late_progress = {modules[2].activities[0].id: Progress(modules[2].activities[0].id, "done", None, None)}
    assert [m.id for m in modules_attended(amina, modules, only, late_progress)] == [a, b, c]


# Labels -----------------------------------------------------------------------------------------


def test_labels_cover_four_languages_and_fall_back_to_english() -> None:
    assert set(labels_for("ar")) == set(labels_for("en"))
    assert labels_for("ar-PS")["agenda"] == "جدول الأعمال"
    assert labels_for("es-CO")["agenda"] == "Agenda"
    assert labels_for("fr")["agenda"] == "Programme de la journée"
    assert labels_for("sw")["agenda"] == "Agenda"
    assert text_direction("ar") == "rtl" and text_direction("es-CO") == "ltr"


def test_every_word_on_a_chart_comes_from_the_labels() -> None:
    from decimal import Decimal

    from carecoop.plan.finance import Month
    from carecoop.render.charts import cash_chart, income_costs_chart

    months = [
        Month(number=n, opening_cash=Decimal(0), revenue=Decimal(100 * n), staff=Decimal(50),
              fixed=Decimal(10), variable=Decimal(5), interest=Decimal(0), principal=Decimal(0))
        for n in (1, 2, 3)
    ]
    keys = [key for key in labels_for("en") if key.startswith("chart_")]
    marked = {key: f"Q{index}Q" for index, key in enumerate(keys)}
    marked["chart_break_even"] = "Q-even-{month}-Q"
    cash = cash_chart(months, 2, str, marked)
    money = income_costs_chart(months, 2, str, marked)
    text = cash.svg + cash.caption + money.svg + money.caption
    for key, label in marked.items():
        assert label.format(month=2) in text, key
    for english in ("Month", "Cash", "Money", "break-even"):
        assert english not in text, english
    assert labels_for("es")["chart_month"] == "Mes" and labels_for("fr")["chart_month"] == "Mois"


# Formats and the command line -----------------------------------------------------------------------


def test_format_comes_from_option_then_suffix() -> None:
    assert choose_format(Path("a.md"), None, FORMATS) == "md"
    assert choose_format(Path("a.pdf"), None, FORMATS) == "pdf"
    assert choose_format(Path("a"), None, FORMATS) == "pdf"
    assert choose_format(Path("a.pdf"), "md", FORMATS) == "md"
    assert choose_format(Path("a.txt"), None, ("pdf", "md", "docx", "json")) == "pdf"
    assert choose_format(Path("a.DOCX"), None, ("pdf", "md", "docx", "json")) == "docx"


BOTH = "Error: Give a workshop, or --programme P for blank handouts (not both)."
EXPORT_ERRORS = [
    (["agenda", "nope", "--out", "x.pdf"], "Error: No workshop 'nope'."),
    (
        ["agenda", "harare-2026", "--out", "x.pdf", "--paper", "a5"],
        "Error: Unknown paper 'a5'. Use one of: a4, letter.",
    ),
    (["agenda", "harare-2026", "--out", "x.pdf", "--format", "docx"], "Error: Unknown format 'docx'."),
    (
        ["attendance", "harare-2026", "--out", "x.md"],
        "Error: This document is available as PDF only (asked for md).",
    ),
    (["handouts", "--out", "d"], BOTH),
    (["handouts", "harare-2026", "--programme", "think-carecoop", "--out", "d"], BOTH),
    (["handouts", "--programme", "nope", "--out", "d"], "Error: Unknown programme 'nope'."),
]


@pytest.mark.parametrize(("args", "message"), EXPORT_ERRORS)
def test_export_errors_are_one_clear_line(carecoop_home: Path, args: list[str], message: str) -> None:
    make_workshop(carecoop_home, people=1).close()
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_unwritable_output_is_a_clear_error(carecoop_home: Path, tmp_path: Path) -> None:
    make_workshop(carecoop_home, people=1).close()
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["export", "attendance", "harare-2026", "--out", str(blocker / "sheet.pdf")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Cannot write {blocker / 'sheet.pdf'}:")


def test_certificates_need_participants(carecoop_home: Path, tmp_path: Path) -> None:
    make_workshop(carecoop_home, people=0).close()
    result = runner.invoke(app, ["export", "certificates", "harare-2026", "--out", str(tmp_path / "c.pdf")])
    assert result.exit_code == 1
    assert "has no participants" in result.output


def test_export_prints_what_it_wrote(carecoop_home: Path, tmp_path: Path) -> None:
    make_workshop(carecoop_home, people=1).close()
    out = tmp_path / "agenda.md"
    result = runner.invoke(app, ["export", "agenda", "harare-2026", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote agenda: {out}\n"
    result = runner.invoke(
        app, ["export", "handouts", "harare-2026", "--format", "md", "--out", str(tmp_path / "h")]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote 2 handouts to {tmp_path / 'h'}\n"  # hers and her group's


def test_forms_follow_the_groups_kind_of_care() -> None:
    from carecoop.render.care_kind import care_kind_in, group_care_kind

    assert care_kind_in(["Day care at Mbare market for vendors' children"]) == "childcare"
    assert care_kind_in(["Home care visits for older people"]) == "adult-care"
    assert care_kind_in(["Childcare and care for older people"]) is None
    assert care_kind_in([]) is None
    curriculum = load_curriculum()
    modules = curriculum.modules_of("start-carecoop")
    # No answer yet: the group's name says it.
    assert group_care_kind(modules, AnswerBook([]), "Sisonke Home Care") == "adult-care"
    services = Answer(1, "ws", "sc1-choose-service", "care-services", None, "Moyo",
                      ["Day care for babies"], False, "")  # fmt: skip
    assert group_care_kind(modules, AnswerBook([services]), "Moyo") == "childcare"
    module = curriculum.module("sc-2")
    meta = doc_meta(
        kind="handout", title="t", language="en", author="a", paper="a4", head_start="w", head_end="m"
    )

    def prompts(care: str | None) -> str:
        view = handout_view(module, meta, part="group", care=care)  # type: ignore[arg-type]
        return " ".join(item.prompt for section in view.sections for item in section.items)

    assert "child under five" not in prompts("adult-care")
    assert "older person" in prompts("adult-care")
    assert "older person" not in prompts("childcare")
    assert "child under five" in prompts(None) and "older person" in prompts(None)


def test_pictures_named_in_the_text_are_printed() -> None:
    module = load_curriculum().module("tc-1")
    meta = doc_meta(
        kind="handout", title="t", language="en", author="a", paper="a4", head_start="w", head_end="m"
    )
    view = handout_view(module, meta, part="person")
    booklet = BookletView(meta, "w", "", Person(), "person", [view])
    html = render_html("handout.html", {"meta": meta, "booklet": booklet})
    for name in ("eye", "bag", "share", "coins", "talk"):
        assert f'src="icons/{name}.svg"' in html


def test_docx_has_the_paper_asked_for_page_numbers_and_repeated_headers() -> None:
    import io

    from docx import Document as DocxDocument
    from docx.shared import Mm

    from carecoop.render.document import Document, Table
    from carecoop.render.editable import docx_bytes

    document = Document(title="Plan", subtitle="s", draft_label="d", author="a", language="en")
    document.add(Table(columns=["Item", "Amount"], rows=[["Rent", "10"]] * 60))
    for paper, (width, height) in (("a4", (210, 297)), ("letter", (215.9, 279.4))):
        docx = DocxDocument(io.BytesIO(docx_bytes(document, paper)))
        section = docx.sections[0]
        assert abs(section.page_width - Mm(width)) < Mm(0.5)
        assert abs(section.page_height - Mm(height)) < Mm(0.5)
        assert 'w:instr="PAGE"' in section.footer._element.xml
        assert "w:tblHeader" in docx.tables[0].rows[0]._tr.xml


def test_reader_sheets_have_steps_and_records_but_no_keys_or_notes(tmp_path: Path) -> None:
    from markupsafe import escape

    from carecoop.render.group_export import reader_sheets_html

    curriculum = load_curriculum()
    modules = curriculum.modules_of("think-carecoop")
    html = reader_sheets_html(modules, "Think.CareCoop", "en", "", "a4")
    activities = [a for m in modules for a in m.activities if a.kind.value != "break"]
    for activity in activities:
        assert str(escape(activity.title)) in html
        for step in activity.steps:
            assert str(escape(step.text)) in html
            if step.note:
                assert str(escape(step.note)) not in html  # the facilitator's note
    quiz = curriculum.module("tc-1").activities[1]
    assert quiz.questions[0].correct
    right = quiz.questions[0].choice_label(str(quiz.questions[0].correct))
    assert str(escape(right)) not in html  # no answer key
    result = runner.invoke(
        app, ["export", "reader-sheets", "--programme", "think-carecoop", "--lang", "ar",
              "--out", str(tmp_path / "r.pdf")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    sheets = PdfReader(tmp_path / "r.pdf").pages
    text = " ".join(page.extract_text() for page in sheets)
    assert "أوراق القارئ" in text
    # Paper: a Think.CareCoop day's sheets for one group's reader took 27 pages in Arabic
    # (35 in English) before the space around the steps was cut; the steps stay 15 pt.
    assert len(sheets) <= 21
    assert text.count("ما نكتبه") == sum(1 for a in activities if a.questions)
