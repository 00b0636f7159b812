"""Card sets to cut (`export cards`): the layout, the PDF's text, the command and the paper used."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum
from carecoop.content.models import Module
from carecoop.render.cards import INSET, PRINTABLE
from carecoop.render.engine import render_html, shared_renderer
from carecoop.render.group_export import cards_view_of
from tests.helpers import CliRunner, make_workshop, words_outside_margins

runner = CliRunner()
#: A Think.CareCoop day: three home groups of about seven people.
DAY = {"room": 1, "group": 3, "person": 20}


def _module(module_id: str, language: str, activities: int) -> Module:
    """A module in a language, cut to its first activities: a small PDF proves the same."""
    curriculum = load_curriculum()
    module, _ = curriculum.localized(curriculum.module(module_id), language)
    return module.model_copy(update={"activities": module.activities[:activities]})


def _pdf(
    module_id: str, language: str, tmp_path: Path, counts: dict[str, int], activities: int = 99
) -> tuple[Path, int]:
    module = _module(module_id, language, activities)
    view = cards_view_of([module], "Think.CareCoop", language, "", "a4", counts)
    path = tmp_path / f"cards-{language}.pdf"
    path.write_bytes(shared_renderer().pdf(render_html("cards.html", {"meta": view.meta, "cards": view})))
    return path, len(view.sheets)


def test_one_module_prints_each_card_with_its_set_and_activity(tmp_path: Path) -> None:
    path, sheets = _pdf("tc-1", "en", tmp_path, {"room": 1, "group": 2, "person": 3}, activities=2)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    assert len(pages) == sheets  # one sheet is one page: the budget below counts sheets
    text = "\n".join(pages)
    # Role cards: one set per group (2), three cards each.
    assert text.count("Reader: reads the steps aloud") == 2
    assert text.count("Role cards · Module 1: Names and caring hands") == 6
    # Answer cards: one set per person (3).
    assert text.count("Answer cards · Module 1: What do we know already?") == 9
    assert all("Page" in page for page in pages)
    # Nothing reaches the page edge: crop marks and cards stay inside the margins.
    assert words_outside_margins(path, margin=14) == []


def test_card_text_is_at_least_16_points_and_a_folded_card_prints_its_back(tmp_path: Path) -> None:
    path, _ = _pdf("tc-5", "en", tmp_path, {"room": 1, "group": 1, "person": 1}, activities=1)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert text.count("Usually: the general assembly") == 4
    assert text.count("Usually: the manager") == 2
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if text.strip():
            sizes[text.strip()] = max(sizes.get(text.strip(), 0.0), size * scale)

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    for words in ("Choose the board", "Usually: the board", "Manager:"):
        found = [size for text, size in sizes.items() if words in text]
        assert found and min(found) >= 16 * 0.999, (words, found)


def test_arabic_cards_run_right_to_left(tmp_path: Path) -> None:
    curriculum = load_curriculum()
    module, _ = curriculum.localized(curriculum.module("tc-1"), "ar")
    view = cards_view_of([module], "Think.CareCoop", "ar", "", "a4", {"room": 1, "group": 1, "person": 1})
    first = view.sheets[0]
    # The first card of a row is at the right.
    assert first.cards[0].left > first.cards[1].left > first.cards[2].left
    assert 'dir="rtl"' in render_html("cards.html", {"meta": view.meta, "cards": view})
    path, _ = _pdf("tc-1", "ar", tmp_path, {"room": 1, "group": 1, "person": 1}, activities=2)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "بطاقات الأدوار" in text and "بطاقات للقصّ" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_think_carecoop_day_for_three_groups_fits_its_paper_budget(paper: str) -> None:
    modules = load_curriculum().modules_of("think-carecoop")
    view = cards_view_of(modules, "Think.CareCoop", "en", "", paper, DAY)
    # 26 sets: role, answer and picture cards, wall posters and story sheets; measured 59.
    assert len(view.sets) >= 25
    assert len(view.sheets) <= 60
    width, height = PRINTABLE[paper]
    for sheet in view.sheets:
        assert sheet.height <= height and sheet.width <= width
        for placed in sheet.cards:
            assert placed.left + sheet.card_width <= width - INSET + 0.01
            assert placed.top + sheet.card_height <= sheet.height - INSET + 0.01


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Give a workshop, or --programme P (not both)."),
        (["harare-2026", "--programme", "think-carecoop"], "Give a workshop, or --programme P (not both)."),
        (["--programme", "nope"], "Unknown programme 'nope'. Use one of: think-carecoop, start-carecoop."),
        (["harare-2026", "--format", "docx"], "Unknown format 'docx'. Use one of: pdf, md."),
        (["nowhere"], "No workshop 'nowhere'"),
    ],
)
def test_export_cards_errors(carecoop_home: Path, tmp_path: Path, args: list[str], message: str) -> None:
    make_workshop(carecoop_home, people=1).close()
    result = runner.invoke(app, ["export", "cards", *args, "--out", str(tmp_path / "c.pdf")])
    assert result.exit_code == 1, result.output
    assert message in result.output


def test_export_cards_of_a_workshop_as_markdown(carecoop_home: Path, tmp_path: Path) -> None:
    make_workshop(carecoop_home, people=7).close()
    out = tmp_path / "cards.md"
    result = runner.invoke(app, ["export", "cards", "harare-2026", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote cards: {out}\n"
    text = out.read_text(encoding="utf-8")
    # Three groups, seven people, one room.
    assert "## Role cards\n\nModule 1: Names and caring hands · 3 copies · 3 cards" in text
    assert "## Answer cards\n\nModule 1: What do we know already? · 7 copies · 3 cards" in text
    assert "## The 5R cards\n\nModule 1: The 5R - five steps to fair care work · 1 copies · 5 cards" in text
    assert "1. (eye) Recognize: see it" in text
    assert "1. (vote) Choose the board / Usually: the general assembly" in text
    # A story sheet is printed from the steps that tell it.
    assert "Listen to the story of Tendai." in text
    again = runner.invoke(app, ["export", "cards", "--programme", "think-carecoop", "--groups", "5",
                                "--lang", "es", "--out", str(tmp_path / "es.md")])  # fmt: skip
    assert again.exit_code == 0, again.output
    assert "## Tarjetas de roles\n\nMódulo 1:" in (tmp_path / "es.md").read_text(encoding="utf-8")
    assert "· 5 copias · 3 tarjetas" in (tmp_path / "es.md").read_text(encoding="utf-8")


def _faces_overflowing(html: str) -> list[str]:
    """Texts and pictures that run past their card (above the card's small label)."""

    def walk(box: object) -> list[object]:
        found = [box]
        for child in getattr(box, "children", None) or []:
            found.extend(walk(child))
        return found

    def has(box: object, name: str) -> bool:
        element = getattr(box, "element", None)
        return element is not None and name in (element.get("class") or "").split()

    bad = []
    for page in shared_renderer().layout(html).pages:
        for face in (box for box in walk(page._page_box) if has(box, "face")):
            label = next(box for box in walk(face) if has(box, "card-label"))
            for inner in walk(face):
                if has(inner, "card-text") or has(inner, "card-picture"):
                    bottom = inner.position_y + inner.margin_height()  # type: ignore[attr-defined]
                    if bottom > label.position_y + 0.5:  # type: ignore[attr-defined]
                        bad.append(str(inner.element.text_content())[:40])  # type: ignore[attr-defined]
    return bad


def test_long_spanish_cards_stay_inside_their_cards() -> None:
    module = _module("tc-3", "es", 4)
    # The example cards (wide), the principle cards (medium) and the story (sheets) only.
    module = module.model_copy(update={"activities": module.activities[2:]})
    view = cards_view_of([module], "Think.CareCoop", "es", "", "letter", {"room": 1, "group": 1, "person": 1})
    assert {sheet.size for sheet in view.sheets} == {"medium", "wide", "sheet"}
    assert _faces_overflowing(render_html("cards.html", {"meta": view.meta, "cards": view})) == []


#: The Start.CareCoop card sets that activities once only named ("make the value cards"), now printed.
NAMED_SETS = {
    "sc1-membership-model": "role-cards",
    "sc1-name-and-values": "value-cards",
    "sc2-visit-a-family": "family-cards",
    "sc2-who-pays": "price-cards",
    "sc2-who-gives-care-today": "choice-cards",
    "sc3-prices-and-users": "month-cards",
    "sc3-reaching-users": "name-cards",
    "sc4-who-decides": "who-decides-cards",
    "sc4-first-general-assembly": "assembly-cards",
}


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_start_carecoops_named_card_sets_are_written_in_every_language(language: str) -> None:
    curriculum = load_curriculum()
    for activity_id, set_id in NAMED_SETS.items():
        module, activity = curriculum.find_activity(activity_id) or pytest.fail(activity_id)
        english = next(s for s in activity.card_sets if s.id == set_id)
        local = curriculum.localized(module, language)[0]
        activity_there = next(a for a in local.activities if a.id == activity_id)
        translated = next(s for s in activity_there.card_sets if s.id == set_id)
        assert translated.title != english.title, (activity_id, language)
        assert all(card.picture for card in english.cards)
        # Every card says its words in the language; only the price cards' numbers stay as they are.
        assert all(
            t.text != e.text
            for t, e in zip(translated.cards, english.cards, strict=True)
            if e.text and not e.text.isdigit()
        ), (activity_id, language)


def test_export_cards_prints_start_carecoops_named_sets(tmp_path: Path) -> None:
    out = tmp_path / "sc.md"
    args = ["export", "cards", "--programme", "start-carecoop", "--lang", "ar", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for title in ("بطاقات الأدوار: لمن التعاونية؟", "بطاقات القيَم", "بطاقات أدوار العائلات", "بطاقات الأسعار",
                  "خيارات رودو الستة", "بطاقات الأشهر", "بطاقات الأسماء: ثلاثة مشاهد في السوق",
                  "من يقرّر: ثلاث بطاقات فيها صور", "بطاقات الأسماء للهيئة العامة"):  # fmt: skip
        assert f"## {title}\n" in text
    assert "(umbrella) التضامن: نقف مع بعضنا في الأوقات الصعبة." in text
