"""The printed business plan speaks its workshop's language: no English fixed word in es, fr or ar.

The group's own answers are whatever language the group wrote them in, so the plan's free
text is replaced by neutral tokens first: what English is left can only be the plan's own
frame (headings, labels, sentences around the figures, values in words, warnings).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from carecoop.countries.profiles import load_profile
from carecoop.i18n import use_language
from carecoop.plan.checks import check_plan
from carecoop.plan.model import Plan
from carecoop.render.document import Document
from carecoop.render.editable import to_markdown
from carecoop.render.plan_doc import build_plan_document
from carecoop.render.plan_pages import Audience
from tests.helpers import english_leftovers

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"
#: A code value (`families`, `multi-stakeholder`, `zw`, a date) or a currency (`USD`) stays as it is.
_CODE = re.compile(r"^([a-z0-9-]+|[A-Z]{3})$")


def _neutral(value: Any, tokens: dict[str, str]) -> Any:
    """The plan's data with every free text replaced by a token (the same text, the same token)."""
    if isinstance(value, dict):
        return {key: _neutral(item, tokens) for key, item in value.items()}
    if isinstance(value, list):
        return [_neutral(item, tokens) for item in value]
    if isinstance(value, str) and not _CODE.match(value):
        return tokens.setdefault(value, f"Qz{len(tokens)}")
    return value


@pytest.fixture(scope="module")
def plan() -> Plan:
    data = _neutral(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")), {})
    # A loan with grace months and a refund that cash may block: the summary's longest sentences.
    data["financial"]["loans"] = [{"lender": "Qzbank", "amount": 3000, "interest_rate": 12,
                                   "term_months": 24, "grace_months": 3}]
    return Plan.model_validate(data)


_DOCUMENTS: dict[tuple[str, Audience], Document] = {}


def _document(plan: Plan, language: str, audience: Audience) -> Document:
    """The plan document in a language, built once for the tests that read it (none changes it)."""
    if (language, audience) not in _DOCUMENTS:
        profile = load_profile("generic")
        with use_language(language):
            report = check_plan(plan, profile)
            _DOCUMENTS[language, audience] = build_plan_document(
                plan, report, profile, group="Qzgroup", date="3.12.2026", audience=audience
            )
    return _DOCUMENTS[language, audience]


def _markdown(plan: Plan, language: str, audience: Audience) -> str:
    with use_language(language):
        return to_markdown(_document(plan, language, audience))


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
@pytest.mark.parametrize("audience", ["group", "lender"])
def test_plan_has_no_english_fixed_words(plan: Plan, language: str, audience: Audience) -> None:
    text = _markdown(plan, language, audience)
    # The command that prints a lender's copy is a command, not English prose.
    text = text.replace("export plan --for lender", "")
    assert english_leftovers(text) == []
    assert "Qz" in text  # the plan's own words are there, as the group wrote them


def test_plan_in_english_is_unchanged_by_the_catalogs(plan: Plan) -> None:
    text = _markdown(plan, "en", "lender")
    assert "Executive summary" in text
    assert "Break-even to cover running costs" not in text  # the key figures belong to `plan check`
    assert "To cover running costs" in text


def test_spanish_lender_page_frame_is_spanish(plan: Plan) -> None:
    """The printed page adds a frame: contents, running header, page numbers, chart words."""
    from carecoop.render.document_html import document_html

    with use_language("es"):
        document = dataclasses.replace(_document(plan, "es", "lender"), language="es")
        html = document_html(document, kind="plan", paper="a4", head_start="Qzhead")
    # What a reader sees: text between tags, the page footer's words, the charts' SVG text.
    styles = " ".join(re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S))
    body = re.sub(r"<style[^>]*>.*?</style>", "", html, flags=re.S)
    text = " ".join(re.findall(r">([^<]+)<", body)) + " " + " ".join(re.findall(r'"([^"]*)"', styles))
    assert english_leftovers(text) == []
    for spanish in ("Contenido", "Resumen ejecutivo", "Punto de equilibrio", "Qué pasa si las cosas van peor",
                    "Caja al final del mes", "Página"):
        assert spanish in text, spanish
