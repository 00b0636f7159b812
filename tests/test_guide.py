"""The facilitator's guide (`export guide`) and the programme translations it prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CliRunner, make_workshop, small_curriculum
from pypdf import PdfReader

from carecoop.cli.app import app
from carecoop.content.loader import load_curriculum, validate_paths

runner = CliRunner()

#: What the credit must say in each language (issue 13): independent, inspired by the ILO's
#: tools, not an ILO product.
TOOLS = ["Think.COOP", "Start.COOP", "Think.CareCoop", "Start.CareCoop"]
CREDIT_FACTS = {
    "en": ["independent", *TOOLS, "not an ILO product"],
    "es": ["independiente", *TOOLS, "no es un producto de la OIT"],
    "fr": ["indépendante", *TOOLS, "pas un produit de l'OIT"],
    "ar": ["مستقلّ", *TOOLS, "ليس من منتجات منظمة العمل الدولية"],
}


@pytest.mark.parametrize("language", sorted(CREDIT_FACTS))
def test_each_programme_has_its_credit_in_each_language(language: str) -> None:
    curriculum = load_curriculum()
    for programme_id in ("think-carecoop", "start-carecoop"):
        programme = curriculum.programme(programme_id, language)
        assert programme.credit is not None
        for fact in CREDIT_FACTS[language]:
            assert fact in programme.credit, (programme_id, language, fact)
        if language != "en":
            english = curriculum.programme(programme_id)
            assert programme.summary != english.summary and programme.audience != english.audience


def test_a_programme_translation_is_checked_like_a_module_translation(tmp_path: Path) -> None:
    bad = tmp_path / "programme.es.yaml"
    bad.write_text("translation_of: think-carecoop\nlanguage: es\ntexts:\n  title: T\n  days: cinco\n")
    assert validate_paths([bad]) == [
        f"{bad}:5: texts.days: a programme translation gives only title, summary, audience, credit"
    ]
    assert validate_paths([Path("modules")]) == []


def test_modules_show_prints_the_credit_in_the_language_asked() -> None:
    result = runner.invoke(app, ["modules", "show", "start-carecoop", "--lang", "es"])
    assert result.exit_code == 0, result.output
    assert "no es un producto de la OIT" in " ".join(result.output.split())


def test_guide_needs_a_workshop_or_a_programme(tmp_path: Path) -> None:
    out = str(tmp_path / "g.pdf")
    for args in ([], ["harare-2026", "--programme", "think-carecoop"]):
        result = runner.invoke(app, ["export", "guide", *args, "--out", out])
        assert result.exit_code == 1
        assert result.output == "Error: Give a workshop, or --programme P (not both).\n"
    result = runner.invoke(app, ["export", "guide", "--programme", "think-coop", "--out", out])
    assert result.exit_code == 1
    assert result.output == (
        "Error: Unknown programme 'think-coop'. Use one of: think-carecoop, start-carecoop.\n"
    )
    result = runner.invoke(
        app, ["export", "guide", "--programme", "think-carecoop", "--lang", "xx", "--out", out]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: No module is in 'xx'.")
    assert not (tmp_path / "g.pdf").exists()


def test_guide_of_a_module_has_everything_a_facilitator_runs_it_with() -> None:
    import io

    from carecoop.render.engine import shared_renderer
    from carecoop.render.guide_export import guide_html, guide_source

    curriculum = small_curriculum("tc-2")
    source = guide_source(curriculum, None, None, "think-carecoop", "en")
    html = guide_html(curriculum, source, paper="a4", duplex=False)
    reader = PdfReader(io.BytesIO(shared_renderer().pdf(html)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    text = " ".join(pages)
    module = curriculum.module("tc-2")
    assert "FACILITATOR'S GUIDE" in pages[0] and "Think.CareCoop" in pages[0]
    assert "Page" not in pages[0]  # the cover has no page number
    assert "not an ILO product" in pages[1] and "How to use this guide" in pages[1]
    assert "The programme at a glance" in pages[2] and "Day 1" in pages[2]
    assert pages[3].startswith(f"Module 2 {module.title} {module.minutes} min")
    for activity in (a for a in module.activities if a.kind.value != "break"):
        assert " ".join(activity.title.split()) in text
        for step in activity.steps:
            if step.note:
                assert " ".join(step.note.split())[:40] in text  # the facilitator's notes are in
        for line in activity.key_messages + activity.adaptation:
            assert " ".join(line.split())[:40] in text
    for heading in ("OBJECTIVES", "MATERIALS", "STEPS", "KEY MESSAGES", "WHAT GETS RECORDED", "ADAPTING IT"):
        assert heading in text
    # The back of the book: every card set with where it is used, then the key words.
    index = next(n for n, page in enumerate(pages) if page.startswith("Card sets to print"))
    puzzle = next(a for a in module.activities if a.card_sets)
    used_on = next(n for n, page in enumerate(pages, 1) if puzzle.objectives[0][:30] in page)
    assert f"Care scene cards 2 · {puzzle.title} 5 one per group {used_on}" in pages[index]
    assert pages[index].count(" · ") == sum(len(a.card_sets) for a in module.activities) == 3
    # The key words follow the card sets on the same page when there is room.
    back = " ".join(pages[index:])
    assert back.index("Words we use") > back.index("Care scene cards")
    assert "patronage refund Part of the surplus given back to members" in back
    assert pages[1].count("Card sets to print") == 1 and "Words we use" in pages[1]  # in the contents


def test_duplex_guide_starts_every_module_on_an_odd_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import carecoop.cli.export_cmd as export_cmd

    monkeypatch.setattr(export_cmd, "load_curriculum", lambda: small_curriculum("tc-2"))
    out = tmp_path / "guide.pdf"
    args = ["--programme", "think-carecoop", "--lang", "ar", "--duplex", "--out", str(out)]
    result = runner.invoke(app, ["export", "guide", *args])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote facilitator's guide: {out}\n"
    reader = PdfReader(out)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    curriculum = load_curriculum()
    starts = []
    for module_id in ("tc-2",):
        summary = " ".join(curriculum.localized(curriculum.module(module_id), "ar")[0].summary.split())[:30]
        starts.append(next(n for n, page in enumerate(pages, 1) if n > 2 and summary in page))
    assert all(n % 2 == 1 for n in starts), starts
    plan = next(n for n, page in enumerate(pages, 1) if "البرنامج في لمحة" in page and n > 2)
    assert plan % 2 == 1
    assert "ليس من منتجات منظمة العمل الدولية" in pages[1]
    assert any("مجموعات البطاقات للطباعة" in page and "واحدة لكل مجموعة" in page for page in pages)
    glossary = next(page for page in pages if "الكلمات التي نستعملها" in page and "النظام الداخلي" in page)
    assert "كتاب قواعدنا المكتوبة" in glossary
    assert reader.trailer["/Root"]["/Lang"] == "ar"


def test_a_workshops_guide_carries_its_dates_and_place() -> None:
    from carecoop.render.guide_export import guide_html, guide_source

    store = make_workshop(people=2)
    curriculum = small_curriculum("tc-2")
    source = guide_source(curriculum, store, "harare-2026", None, "en")
    html = guide_html(curriculum, source, paper="letter", duplex=False)
    assert "Mbare community hall, Harare" in html
    assert "March 14, 2026" in html
    assert "size: letter" in html
