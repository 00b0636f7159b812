"""The draft bylaws in Spanish (Colombia), French and Arabic: no English fixed wording left.

And the country's law where the profile knows it: Colombia's surplus rule (Ley 79 de 1988,
art. 54: 20% reserve, 20% education fund, 10% solidarity fund) in the bylaws and in the
plan's split, worked by hand; Egypt's laws that may apply, printed as a point to check.
"""

from __future__ import annotations

import io
import itertools
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from carecoop.countries.profiles import load_profile
from carecoop.i18n import use_language
from carecoop.plan.model import Financial, Plan
from carecoop.plan.statement import allocate, surplus_shares
from carecoop.render.bylaws import build_bylaws
from carecoop.render.document import Bullets, Document, Heading, Paragraph
from tests.helpers import english_leftovers

#: A small plan in each language: the group's own words are in that language too.
PLANS: dict[str, dict[str, Any]] = {
    "es": {
        "cooperative": {"name": "Cooperativa Manos que Cuidan", "legal_form": "cooperative",
                        "location": "Mojica, Cali", "care_services": ["Visitas de cuidado en casa"]},
        "members": {"membership_model": "worker", "rights": ["Votar en la asamblea"],
                    "duties": ["Pagar el aporte"], "categories": [{"category": "Cuidadoras", "members": 12,
                                                                   "share": 50000}]},
        "governance": {"management": "Una coordinadora elegida entre las cuidadoras.",
                       "committees": ["Junta de vigilancia", "Comité de educación"]},
        "bylaws": {"purpose": "Dar buen cuidado en casa a las personas mayores.",
                   "membership_conditions": ["Trabaja como cuidadora"], "withdrawal_notice_months": 1,
                   "notice_days": 15, "quorum_percent": 50, "majority_percent": 50,
                   "special_majority_percent": "66.67", "board_size": 5, "board_term_years": 2,
                   "share_refund": "Dentro de seis meses.", "dissolution": "Otra cooperativa del Cauca."},
        "financial": {"reserve_percent": 30, "education_fund_percent": 10, "patronage_refund_percent": 20},
    },
    "fr": {
        "cooperative": {"name": "Petites Graines d'Adjamé", "legal_form": "cooperative",
                        "location": "Adjamé"},
        "members": {"membership_model": "multi-stakeholder"},
        "bylaws": {"withdrawal_notice_months": 3, "notice_days": 1, "quorum_percent": 50,
                   "special_majority_percent": 75, "board_size": 3, "board_term_years": 1},
        "financial": {"reserve_percent": 20},
    },
    "ar": {
        "cooperative": {"name": "أيادي الرعاية في رفيديا", "legal_form": "cooperative", "location": "نابلس"},
        "members": {"membership_model": "user"},
        "bylaws": {"withdrawal_notice_months": 2, "notice_days": 14, "quorum_percent": "66.67",
                   "majority_percent": 50, "special_majority_percent": 75, "board_size": 7,
                   "board_term_years": 3, "share_value": 50},
        "financial": {"reserve_percent": 25, "education_fund_percent": 5, "patronage_refund_percent": 10},
    },
}
COUNTRY = {"es": "co", "fr": "generic", "ar": "ps"}


def _lines(document: Document) -> list[str]:
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            lines.append(block.text)
        elif isinstance(block, Bullets):
            lines.extend(block.items)
    return lines


def _bylaws(language: str, data: dict[str, Any], country: str) -> Document:
    with use_language(language):
        return build_bylaws(Plan.model_validate(data), lambda amount: f"{amount:,.0f}", "3/12/2026",
                            load_profile(country))


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_bylaws_pdf_has_no_english_fixed_wording(language: str) -> None:
    from carecoop.render.document_html import document_html
    from carecoop.render.engine import shared_renderer

    document = _bylaws(language, PLANS[language], COUNTRY[language])
    assert document.language == language
    html = document_html(document, kind="bylaws", paper="a4", head_start="x")
    reader = PdfReader(io.BytesIO(shared_renderer().pdf(html)))
    assert str(reader.root_object["/Lang"]) == language
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert english_leftovers(text) == [], language
    assert "Article" not in text or language == "fr"  # French says "Article" too
    # The letters come out in reading order, not mirrored glyph by glyph (the Arabic plan's
    # cover, in test_plan_rtl.py, is read from its HTML and relies on this).
    assert PLANS[language]["cooperative"]["name"] in " ".join(reader.pages[0].extract_text().split())


def test_spanish_bylaws_use_colombian_terms_and_the_solidarity_fund() -> None:
    text = "\n".join(_lines(_bylaws("es", PLANS["es"], "co")))
    for term in ("Consejo de administración", "Junta de vigilancia", "aportes sociales", "revisor fiscal",
                 "Cámara de Comercio del domicilio de la cooperativa", "Ley 79 de 1988 (ley de cooperativas)",
                 "La entidad que la vigila: Superintendencia de la Economía Solidaria (Supersolidaria)."):
        assert term in text, term
    # numbers in words, majorities in words
    assert "un consejo de administración de cinco miembros por dos años" in text
    assert "con un mes de anticipación" in text
    assert "por lo menos quince días de anticipación" in text
    assert "por lo menos dos terceras partes de los votos emitidos" in text
    # the surplus article: the group's reserve (30%) kept, its education fund (10%) raised to the
    # law's 20%, the law's 10% solidarity fund added, the refund (20%) within what is left.
    assert "30% va a la reserva de protección de aportes" in text
    assert "20% va al fondo de educación" in text
    assert "10% va al fondo de solidaridad" in text
    assert "20% puede devolverse a las personas asociadas" in text
    assert "(Ley 79 de 1988, art. 54)" in text
    # the group's "Junta de vigilancia" is the supervisory committee already set up: not listed again
    assert text.count("Junta de vigilancia") == 1
    assert "Comité de educación" in text


def test_arabic_bylaws_write_counts_in_digits_and_fractions_in_words() -> None:
    text = "\n".join(_lines(_bylaws("ar", PLANS["ar"], "ps")))
    assert "مجلس إدارة من 7 أعضاء لمدة 3 سنوات" in text
    assert "قبل شهرين (2)" in text
    assert "قبل 14 يوماً على الأقل" in text
    assert "ما لا يقل عن ثلثي الأعضاء" in text
    assert "ما لا يقل عن ثلاثة أرباع الأصوات المُدلى بها" in text
    assert "هيئة العمل التعاوني" in text and "الأرض الفلسطينية المحتلة" in text
    assert "صندوق التضامن" not in text  # no solidarity fund outside Colombia


# Colombia's split, worked by hand ---------------------------------------------------------


def test_colombian_split_raises_the_funds_to_the_law_and_adds_the_solidarity_fund() -> None:
    rule = load_profile("co").surplus_rule
    assert rule is not None
    fin = Financial(reserve_percent=Decimal(30), education_fund_percent=Decimal(10),
                    patronage_refund_percent=Decimal(20))
    # 1,000,000 of surplus, cash enough: reserve 30% = 300,000 (above the law's 20%);
    # education 10% raised to 20% = 200,000; solidarity 10% = 100,000; refund 20% = 200,000
    # (20 ≤ 100 − 30 − 20 − 10 = 40); kept undivided 1,000,000 − 800,000 = 200,000.
    split = allocate(fin, Decimal(1_000_000), Decimal(5), Decimal(2_000_000), rule)
    assert (split.reserve, split.education_fund, split.solidarity_fund, split.patronage_refund) == (
        Decimal(300_000), Decimal(200_000), Decimal(100_000), Decimal(200_000))
    assert split.undivided == Decimal(200_000)
    # The same plan without the rule (another country): no solidarity fund, education stays 10%.
    plain = allocate(fin, Decimal(1_000_000), lowest_cash=Decimal(5), closing_cash=Decimal(2_000_000))
    assert (plain.education_fund, plain.solidarity_fund, plain.undivided) == (
        Decimal(100_000), Decimal(0), Decimal(400_000))


def test_colombian_split_caps_the_refund_at_what_the_law_leaves() -> None:
    rule = load_profile("co").surplus_rule
    # A group that planned no reserve and 70% refunds: the law takes 20 + 20 + 10 = 50%, so the
    # refund is at most 50%. Of 360,000: 72,000 + 72,000 + 36,000 + 180,000, nothing kept.
    fin = Financial(patronage_refund_percent=Decimal(70))
    shares = surplus_shares(fin, rule)
    assert (shares.reserve, shares.education_fund, shares.solidarity_fund, shares.patronage_refund) == (
        Decimal(20), Decimal(20), Decimal(10), Decimal(50))
    assert shares.raised
    split = allocate(fin, Decimal(360_000), Decimal(0), Decimal(1_000_000), rule)
    assert (split.reserve, split.education_fund, split.solidarity_fund, split.patronage_refund) == (
        Decimal(72_000), Decimal(72_000), Decimal(36_000), Decimal(180_000))
    assert split.undivided == 0
    # A deficit shares nothing, the law's funds included.
    loss = allocate(fin, Decimal(-1), lowest_cash=Decimal(0), closing_cash=Decimal(0), rule=rule)
    assert (loss.reserve, loss.solidarity_fund, loss.undivided) == (Decimal(0), Decimal(0), Decimal(-1))


def test_the_plan_check_carries_the_colombian_split() -> None:
    from carecoop.plan.checks import check_plan

    plan = Plan.model_validate({"financial": {"reserve_percent": 30, "revenue": [
        {"service": "Visitas", "unit_price": 100000, "units_per_month": 30}]}})
    report = check_plan(plan, load_profile("co"))
    first = report.figures.first_year
    # 36,000,000 a year of revenue, no costs: reserve 30%, education 20%, solidarity 10%.
    assert first.surplus == Decimal(36_000_000)
    assert (first.reserve, first.education_fund, first.solidarity_fund) == (
        Decimal(10_800_000), Decimal(7_200_000), Decimal(3_600_000))
    zimbabwe = check_plan(plan, load_profile("zw")).figures.first_year
    assert (zimbabwe.education_fund, zimbabwe.solidarity_fund) == (Decimal(0), Decimal(0))


def test_egypt_names_the_laws_that_may_apply_as_a_point_to_check() -> None:
    document = build_bylaws(Plan(), str, "1 May 2026", load_profile("eg"))
    open_points = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.kind == "open"]
    maybe = [text for text in open_points if text.startswith("These laws may apply (check):")]
    assert maybe == [
        "These laws may apply (check): Law No. 110 of 1975 on productive cooperation (cooperatives of "
        "workers in crafts, industry and services) and Law No. 317 of 1956 on cooperative societies."
    ]


# A decision table in Spanish -------------------------------------------------------------

NOTICE = [None, 0, 1, 3]
SPECIAL = [None, "66.67", 75]
BOARD = [(None, None), (1, 1), (7, 3)]
SURPLUS = [None, (10, 30, 60)]
FORMS = ["cooperative", "association"]


def test_every_combination_reads_consistently_in_spanish() -> None:
    for notice, special, board, surplus, form in itertools.product(NOTICE, SPECIAL, BOARD, SURPLUS, FORMS):
        where = (notice, special, board, surplus, form)
        laws: dict[str, Any] = {"withdrawal_notice_months": notice, "special_majority_percent": special,
                                "board_size": board[0], "board_term_years": board[1]}
        financial = {} if surplus is None else dict(zip(
            ("reserve_percent", "education_fund_percent", "patronage_refund_percent"), surplus, strict=True))
        data = {"cooperative": {"legal_form": form, "name": "Manos que Cuidan"},
                "bylaws": {k: v for k, v in laws.items() if v is not None}, "financial": financial}
        lines = _lines(_bylaws("es", data, "co"))
        text = "\n".join(lines)
        assert len(lines) == len(set(lines)), where
        assert english_leftovers(text) == [], where
        assert ("Por decidir en el grupo: con cuánta anticipación" in text) == (notice is None), where
        assert ("sin plazo de aviso" in text) == (notice == 0), where
        assert ("con un mes de anticipación" in text) == (notice == 1), where
        assert ("con tres meses de anticipación" in text) == (notice == 3), where
        assert ("dos terceras partes de los votos" in text) == (special == "66.67"), where
        assert ("tres cuartas partes de los votos" in text) == (special == 75), where
        assert ("un consejo de administración de un miembro por un año" in text) == (board[0] == 1), where
        seven = "un consejo de administración de siete miembros por tres años"
        assert (seven in text) == (board[0] == 7), where
        body = "la cooperativa" if form == "cooperative" else "la organización"
        assert f"Lo que no se reparte se queda en {body}." in text, where
        assert f"{body.capitalize()} es la única que responde por sus deudas." in text, where
        # the law's minimums always, the group's larger choices kept, the refund capped
        assert "10% va al fondo de solidaridad" in text, where
        if surplus is None:
            assert "20% va a la reserva" in text and "20% va al fondo de educación" in text, where
            assert "puede devolverse" not in text, where
        else:
            assert "20% va a la reserva" in text and "30% va al fondo de educación" in text, where
            assert "40% puede devolverse" in text, where  # 60% asked, 100 − 20 − 30 − 10 left


def test_a_law_the_arabic_legal_form_names_is_not_named_twice() -> None:
    detail = "جمعية تعاونية حسب القرار بقانون رقم 20 لسنة 2017 بشأن التعاونيات"
    data = {"cooperative": {"legal_form": "cooperative", "legal_form_detail": detail}}
    text = "\n".join(_lines(_bylaws("ar", data, "ps")))
    assert text.count("رقم 20 لسنة 2017") == 1
    assert "الجهة التي تسجّلها: هيئة العمل التعاوني." in text
