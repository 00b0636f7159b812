"""Plans and bylaws of an Arabic workshop read right to left; money is written in the workshop's language.

The Arabic plan's export is read as the HTML it hands WeasyPrint (tagged `ar`, right to left,
the cover in Arabic): that Arabic text set by the same document template comes out of a PDF
in reading order is read with pypdf from the Arabic bylaws (test_bylaws_languages.py) and
the Arabic pilot report (test_pilot_report.py), and the plan's PDF from the English ones
(test_plan_documents.py, test_demo.py).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from helpers import HtmlOnly, module_env

import carecoop.render.engine as engine
from carecoop.content.loader import load_curriculum
from carecoop.countries.profiles import load_profile
from carecoop.plan.money import currency_digits, format_money, in_language
from carecoop.plan.workflow import import_plan
from carecoop.render.engine import FSI, PDI, isolate_figures
from carecoop.render.plan_export import export_bylaws, export_plan
from carecoop.store.db import Store
from carecoop.store.records import Workshop

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"
NAME = "تعاونية رعاية الأطفال في السوق"


def _store(folder: Path, *, language: str, country: str, changes: dict[str, object]) -> Store:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        section, key = dotted.split(".")
        data[section][key] = value
    plan_file = folder / "plan.yaml"
    plan_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    store = Store.open(folder / "home")
    store.create_workshop(Workshop(id="w", programme="start-carecoop", title="ورشة نابلس",
                                   start_date="2026-11-25", country=country, language=language))
    store.add_participants("w", ["سلمى", "رنا"], group="أ")
    import_plan(store, "w", "أ", plan_file)
    return store


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory, parse_cache: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rtl-plan")
    with module_env(folder / "home", parse_cache):
        return _export_arabic(folder)


def _export_arabic(folder: Path) -> dict[str, Path]:
    store = _store(folder, language="ar", country="ps",
                   changes={"cooperative.name": NAME, "bylaws.name": NAME, "cooperative.country": "ps",
                            "cooperative.location": "نابلس", "financial.currency": "ILS"})
    curriculum = load_curriculum()
    paths = {"plan": folder / "plan.html", "bylaws": folder / "bylaws.md"}
    with pytest.MonkeyPatch.context() as patch:
        # The PDF export as far as the HTML WeasyPrint would lay out, written as it is.
        patch.setattr(engine, "shared_renderer", lambda: HtmlOnly())
        export_plan(store, curriculum, "w", paths["plan"])
    # The bylaws' PDF in Arabic (tagged `ar`) is laid out in test_bylaws_languages.py; here the
    # export shows it sets the bylaws of an Arabic workshop in Arabic, right to left.
    export_bylaws(store, curriculum, "w", paths["bylaws"], fmt="md")
    return paths


def test_arabic_plan_is_tagged_arabic_and_right_to_left(arabic: dict[str, Path]) -> None:
    html = arabic["plan"].read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html  # the PDF's /Lang and the page's direction
    cover = html[html.index('<section class="cover">') : html.index("</section>")]
    assert NAME in cover
    assert "نابلس" in cover
    bylaws = arabic["bylaws"].read_text(encoding="utf-8")
    assert bylaws.startswith('<div dir="rtl" lang="ar">') and NAME in bylaws


def test_arabic_plan_html_isolates_money_runs() -> None:
    from carecoop.render.document import Document, Paragraph, Table
    from carecoop.render.document_html import document_html

    amount = format_money(Decimal("-640"), load_profile("ps"))
    document = Document(title=NAME, subtitle="خطة", language="ar", author="x", cover_lines=[],
                        draft_label="مسودة")
    document.add(Paragraph(f"الرصيد في الشهر الثالث {amount} أي 14%"))
    document.add(Paragraph("Income: ₪ 6,000.00 a year, 14%"))
    document.add(Table(columns=["الشهر", "الرصيد"], rows=[["3", amount]], numeric=[False, True]))
    html = document_html(document, kind="bylaws", paper="a4", head_start=NAME)
    assert '<html lang="ar" dir="rtl">' in html
    assert f"الرصيد في الشهر الثالث {FSI}{amount}{PDI} أي {FSI}14%{PDI}" in html
    assert f'<td class="num">{FSI}{amount}{PDI}</td>' in html
    # An English sentence keeps its own order, as one left-to-right run.
    assert f'<span dir="ltr">Income: {FSI}₪ 6,000.00{PDI} a year, {FSI}14%{PDI}</span>' in html
    # The mark before a minus is the number's, not the sentence's: this one is English.
    document.add(Paragraph(f"{amount} in month 3"))
    html = document_html(document, kind="bylaws", paper="a4", head_start=NAME)
    assert f'<span dir="ltr">{FSI}{amount}{PDI} in month {FSI}3{PDI}</span>' in html


def test_figures_are_isolated_with_their_symbol_and_sign() -> None:
    amount = "\u200f-640.00\xa0₪"
    assert isolate_figures(f"{amount} في الشهر 3") == f"{FSI}{amount}{PDI} في الشهر {FSI}3{PDI}"
    assert isolate_figures("يوم 2026-03-14") == f"يوم {FSI}2026-03-14{PDI}"
    assert isolate_figures("15\u202f000\xa0F\u202fCFA") == f"{FSI}15\u202f000\xa0F\u202fCFA{PDI}"


def test_generic_profile_writes_money_in_the_workshop_language() -> None:
    french = in_language(load_profile("generic"), "fr")
    assert format_money(Decimal("15000"), french, "XOF") == "15\u202f000\xa0F\u202fCFA"
    assert format_money(Decimal("-640.40"), french, "XOF") == "-640\xa0F\u202fCFA"
    assert in_language(load_profile("generic"), "en") == load_profile("generic")
    assert in_language(load_profile("zw"), "fr") == load_profile("zw")
    assert currency_digits(load_profile("generic"), "XAF") == 0
    assert currency_digits(load_profile("generic"), "EUR") == 2


def test_french_generic_plan_prints_cfa_francs_without_cents(tmp_path: Path) -> None:
    store = _store(tmp_path, language="fr", country="generic",
                   changes={"cooperative.country": "generic", "financial.currency": "XOF"})
    out = tmp_path / "plan.md"
    export_plan(store, load_curriculum(), "w", out, fmt="md")
    text = out.read_text(encoding="utf-8")
    # Markdown writes every space as a plain one; the amount is French: 1 950 F CFA.
    assert re.search(r"\b1 950 F CFA\b", text)
    assert not re.search("CFA\\d", text)  # never the English "F CFA15,000.00"
    assert not re.search(r"\d[.,]\d\d F", text)  # francs CFA have no cents


def test_arabic_chart_labels_are_drawn_shaped_and_english_ones_stay_text() -> None:
    from carecoop.render.charts import new_figure, to_chart

    def chart(label: str) -> str:
        figure, axes = new_figure((3.0, 2.0))
        axes.plot([1, 2], [1, 2], label=label)
        axes.set_xlabel(label)
        axes.legend()
        return to_chart(figure, label).svg

    # WeasyPrint cannot shape SVG text, so Arabic words become outlines matplotlib shaped.
    arabic = chart("الشهر")
    assert "<text" not in arabic and "<!-- الشهر -->" in arabic  # outlines, the word as a comment
    assert "<text" in chart("Month")


def test_negative_amounts_carry_the_locales_minus_sign() -> None:
    # Arabic's minus carries a left-to-right mark, so it stays left of Latin digits: -640.00 ₪.
    assert format_money(Decimal("-640"), load_profile("ps")) == "\u200f\u200e-640.00\xa0₪"
    assert format_money(Decimal("640"), load_profile("ps")) == "\u200f640.00\xa0₪"
    assert format_money(Decimal("-640"), load_profile("zw")) == "-US$640.00"
