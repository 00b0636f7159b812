"""Draft bylaws a registrar would recognise: every article, decisions in words, no clause twice.

A decision table runs every combination of the group's choices through the bylaws and
checks that each yields consistent text.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import pytest

from carecoop.countries.profiles import load_profile
from carecoop.plan.model import Plan
from carecoop.render.bylaws import build_bylaws
from carecoop.render.bylaws_base import OPEN, share_in_words
from carecoop.render.document import Bullets, Heading, Paragraph

ARTICLES = [
    "Name",
    "Object",
    "Legal form, seat and area",
    "Admission of members",
    "Rights and duties of members",
    "Leaving the",
    "Expulsion",
    "liability",
    "General assembly",
    "Board",
    "Supervisory committee",
    "Books, records and annual accounts",
    "Surplus and reserves",
    "Disputes",
    "Changing these bylaws",
    "Dissolution",
]


def texts(plan: Plan) -> tuple[list[str], list[str]]:
    document = build_bylaws(plan, lambda amount: f"${amount:.2f}", "1 May 2026", load_profile("zw"))
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Bullets):
            lines.extend(block.items)
    return headings, lines


@pytest.mark.parametrize(
    ("percent", "words"),
    [
        ("50", "half"),
        ("66.67", "two thirds"),
        ("67", "two thirds"),
        ("75", "three quarters"),
        ("33.33", "one third"),
        ("55", "55 per cent"),
        ("100", "all"),
    ],
)
def test_shares_in_words(percent: str, words: str) -> None:
    assert share_in_words(Decimal(percent)) == words


FORMS = [None, "cooperative", "association"]
SHARE = [None, 20]
REFUND = [None, "within 12 months, less any losses of that year"]
NOTICE = [None, 3]
QUORUM = [None, 50]
MAJORITY = [None, 50, 67]
SPECIAL = [None, "66.67", 75]
BOARD = [(None, None), (5, 2)]
SURPLUS = [None, (30, 5, 10)]
DISSOLUTION = [None, "the Harare cooperative union's training fund"]


def decision_plans() -> list[tuple[dict[str, Any], Plan]]:
    plans = []
    for (
        form,
        share,
        refund,
        notice,
        quorum,
        majority,
        special,
        board,
        surplus,
        dissolution,
    ) in itertools.product(
        FORMS, SHARE, REFUND, NOTICE, QUORUM, MAJORITY, SPECIAL, BOARD, SURPLUS, DISSOLUTION
    ):
        choices = dict(
            form=form,
            share=share,
            refund=refund,
            notice=notice,
            quorum=quorum,
            majority=majority,
            special=special,
            board=board,
            surplus=surplus,
            dissolution=dissolution,
        )
        laws: dict[str, Any] = {
            "name": "Tiri Pamwe",
            "share_value": share,
            "share_refund": refund,
            "withdrawal_notice_months": notice,
            "quorum_percent": quorum,
            "majority_percent": majority,
            "special_majority_percent": special,
            "board_size": board[0],
            "board_term_years": board[1],
            "dissolution": dissolution,
        }
        financial: dict[str, Any] = {}
        if surplus:
            financial = dict(
                zip(
                    ("reserve_percent", "education_fund_percent", "patronage_refund_percent"),
                    surplus,
                    strict=True,
                )
            )
        data = {
            "cooperative": {"legal_form": form},
            "bylaws": {k: v for k, v in laws.items() if v is not None},
            "financial": financial,
        }
        plans.append((choices, Plan.model_validate(data)))
    return plans


def test_every_combination_of_decisions_reads_consistently() -> None:
    combos = decision_plans()
    assert len(combos) == 3 * 2 * 2 * 2 * 2 * 3 * 3 * 2 * 2 * 2
    for choices, plan in combos:
        headings, lines = texts(plan)
        where = f"{choices}"
        # every article of model bylaws, in order, each once
        for title in ARTICLES:
            assert sum(title in h for h in headings) == 1, (title, where)
        assert headings[-1] == "Adopted by the founding members"
        # no clause said twice
        assert len(lines) == len(set(lines)), where
        text = "\n".join(lines)
        # majorities in words, never as a bare percentage
        assert "66.67" not in text and "67%" not in text and "50%" not in text, where
        # leaving: a notice period is never contradicted by "at any time"
        assert "at any time" not in text, where
        # each decision: stated when taken, open when not
        assert ((OPEN + ": how long ahead") in text) == (choices["notice"] is None), where
        assert ("three months ahead" in text) == (choices["notice"] == 3), where
        assert ((OPEN + ": the quorum") in text) == (choices["quorum"] is None), where
        assert ((OPEN + ": the majority needed to change") in text) == (choices["special"] is None), where
        if choices["special"] == "66.67":
            assert "at least two thirds of the votes cast" in text, where
        if choices["special"] == 75:
            assert "at least three quarters of the votes cast" in text, where
        if choices["majority"] == 50:
            assert "Its decisions need more than half of the votes cast" in text, where
        assert ((OPEN + ": the value of one member share") in text) == (choices["share"] is None), where
        assert ((OPEN + ": how many people sit on the board") in text) == (choices["board"][0] is None), where
        assert ((OPEN + ": which cooperative") in text) == (choices["dissolution"] is None), where
        # assets never go to members; liability limited to shares
        assert "is never shared among the members" in text, where
        assert "liability is limited to the value of the member's shares" in text, where
        # a share refund is a cooperative's clause only
        is_coop = choices["form"] in (None, "cooperative")
        refund_open = (OPEN + ": how and when a share is paid back") in text
        assert refund_open == (is_coop and choices["refund"] is None), where
        if not is_coop:
            assert "The organisation alone answers for its debts." in text, where
        # the cooperative law and its registrar (zw profile), only where the cooperative law applies
        registrar = "The office that registers it: Registrar of Co-operative Societies."
        assert (registrar in text) == is_coop, where
        assert ("Co-operative Societies Act" in text) == is_coop, where  # named once, never twice
        assert text.count("Co-operative Societies Act") <= 1, where
        if choices["surplus"]:
            assert "30% goes to a reserve that is never shared among members" in text, where
        else:
            assert (OPEN + ": what happens to a surplus") in text, where


def test_expulsion_gives_the_right_to_be_heard() -> None:
    _, lines = texts(Plan())
    expulsion = next(line for line in lines if line.startswith("The board may propose to expel"))
    assert "right to be heard" in expulsion


@pytest.mark.parametrize(
    ("code", "named"),
    [
        ("zw", ["Registrar of Co-operative Societies", "Co-operative Societies Act"]),
        ("co", ["Cámara de Comercio", "Ley 79 de 1988 (cooperative law) and Ley 454 de 1998",
                "The body that supervises it: Superintendencia de la Economía Solidaria (Supersolidaria)."]),
        ("lb", ["Directorate General of Cooperatives", "Decree-Law No. 17199 of 1964"]),
        ("ps", ["Cooperative Work Agency", "Decree-Law No. 20 of 2017"]),
    ],
)
def test_bylaws_name_the_cooperative_law_and_registrar_of_the_country(code: str, named: list[str]) -> None:
    plan = Plan.model_validate({"cooperative": {"legal_form": "cooperative"}})
    document = build_bylaws(plan, str, "1 May 2026", load_profile(code))
    text = "\n".join(b.text for b in document.blocks if isinstance(b, Paragraph))
    for part in named:
        assert part in text, part
    assert "to be checked with the registrar" not in text


@pytest.mark.parametrize("code", ["generic", "eg"])
def test_without_a_sure_law_the_bylaws_say_to_ask_the_registrar(code: str) -> None:
    document = build_bylaws(Plan(), str, "1 May 2026", load_profile(code))
    asked = [b for b in document.blocks if isinstance(b, Paragraph) and "registrar of cooperatives" in b.text]
    assert len(asked) == 1 and asked[0].kind == "open"
    assert asked[0].text.endswith("to be checked with the registrar of cooperatives.")
