"""Plan checks: each warning in words with what to do, and the score's weights."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from carecoop.countries.profiles import load_profile
from carecoop.plan.checks import check_plan
from carecoop.plan.model import Plan
from carecoop.plan.score import COMPLETENESS_POINTS, GATE_CAP, KEY_FIELDS, VIABILITY_POINTS

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"


def fixture_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return data


def check(data: dict[str, Any], country: str = "zw") -> tuple[list[tuple[str, str]], int]:
    report = check_plan(Plan.model_validate(data), load_profile(country))
    return [(f.code, f.message) for f in report.findings], report.score


def test_weights_add_up_to_100() -> None:
    assert COMPLETENESS_POINTS + sum(VIABILITY_POINTS.values()) == 100
    assert sum(len(v) for v in KEY_FIELDS.values()) == 48


def test_fixture_is_clean() -> None:
    assert check(fixture_data()) == ([], 100)


def test_funding_gap() -> None:
    data = fixture_data()
    data["financial"]["grants"] = []
    data["financial"]["loans"] = []
    data["financial"]["other_funding"] = []
    findings, score = check(data)
    # start-up 1950, funding = member shares 500 only → 1450 not covered
    assert findings[0] == (
        "funding-gap",
        "Start-up costs of US$1,950.00 are more than the funding of US$500.00: US$1,450.00 is not "
        "covered. Raise more member shares, find a grant or a loan, or cut start-up costs.",
    )
    assert findings[1][0] == "negative-cash"
    # month 1: −1450 + 573.33 revenue − 81.67 food − 1222.65 staff − 280 fixed = −2460.98
    assert findings[1][1].startswith("Cash falls below zero in month 1 (-US$2,460.98)")
    # the gap and the negative cash are stated together: what is needed in all
    assert "more is needed before opening" in findings[1][1]
    # completeness 40 + viability 60 − 10 − 15 = 75, but two gates cap it under half
    assert score == GATE_CAP


def test_wage_below_minimum_and_part_time() -> None:
    data = fixture_data()
    data["financial"]["staff"].append({"role": "Cook", "count": 1, "monthly_wage": 90, "hours_per_week": 20})
    data["financial"]["staff"].append({"role": "Cleaner", "count": 1, "monthly_wage": 150})
    findings, score = check(data)
    wages = [message for code, message in findings if code == "wage-below-minimum"]
    # full time is 45 hours: 180 × 20/45 = 80 for the cook's hours, so only the cleaner is below
    assert wages == [
        "The monthly wage of Cleaner (US$150.00) is below US$180.00 for a full-time week (living wage, "
        "members' own estimate of a living wage from household budgets, 2025). Raise it to at least "
        "that, or, if the role is part-time, enter its hours a week (financial.staff.hours_per_week) so "
        "that the wage is compared for those hours."
    ]
    assert score == GATE_CAP  # a wage under the floor closes a gate


def test_profile_minimum_wage_is_used_when_the_plan_states_none() -> None:
    data = fixture_data()
    data["cooperative"]["country"] = "co"
    data["financial"]["currency"] = "COP"
    del data["financial"]["minimum_wage"]
    data["financial"]["minimum_wage_source"] = None
    data["financial"]["staff"] = [{"role": "Cuidadora", "count": 1, "monthly_wage": 1_000_000}]
    findings, _ = check(data, "co")
    wages = [message for code, message in findings if code == "wage-below-minimum"]
    assert len(wages) == 1
    assert "Decreto 1572 de 2024" in wages[0] and "2025-01-01" in wages[0]


def test_no_minimum_wage_known() -> None:
    data = fixture_data()
    del data["financial"]["minimum_wage"]
    findings, score = check(data)
    assert (
        "no-minimum-wage",
        "No minimum or living wage is stated, so wages cannot be checked. Enter the "
        "one that applies, with its source (financial.minimum_wage).",
    ) in findings
    assert score == 100 - 10 - round(40 / 48)  # the wage points and one key field


def test_ratio_above_rule() -> None:
    data = fixture_data()
    data["services"]["items"][0]["carers"] = 3
    findings, score = check(data)
    assert findings == [
        (
            "ratio-above-rule",
            "Full-day childcare plans 13.3 clients per carer (40 places, 3 carers); the rules allow 10. "
            "Plan at least 4 carers or fewer places.",
        )
    ]
    assert score == 95


def test_ratio_uses_the_staff_plan_for_a_single_regulated_service() -> None:
    data = fixture_data()
    data["services"]["items"] = [
        {"name": "Childcare", "capacity": 60, "regulated": True, "max_clients_per_carer": 8}
    ]
    findings, _ = check(data)
    # 5 carers in the staff plan (the coordinator is not a carer): 60 / 5 = 12 > 8
    assert findings[0][1].startswith("Childcare plans 12 clients per carer (60 places, 5 carers)")


def test_regulated_service_without_a_rule() -> None:
    data = fixture_data()
    del data["services"]["regulation"]["max_clients_per_carer"]
    findings, _ = check(data)
    assert [code for code, _ in findings] == ["no-ratio-rule", "no-ratio-rule"]


def test_price_above_what_families_can_pay() -> None:
    data = fixture_data()
    data["market"]["can_pay"] = 30
    findings, score = check(data)
    assert findings == [
        (
            "price-above-ability",
            "The price of Full-day childcare (US$40.00) is more than families said they can pay "
            "(US$30.00 per child per month). Lower it, add a sliding scale, or find another payer "
            "(a public contract, an employer, a subsidy).",
        )
    ]
    assert score == 95


def test_no_reserve() -> None:
    data = fixture_data()
    data["financial"]["reserve_percent"] = 0
    findings, score = check(data)
    assert [code for code, _ in findings] == ["no-reserve"]
    assert score == 95


def test_no_break_even() -> None:
    data = fixture_data()
    data["financial"]["fixed_costs"].append({"item": "Second building", "amount": 900})
    findings, _ = check(data)
    codes = [code for code, _ in findings]
    assert "no-break-even" in codes
    assert "negative-cash" in codes


def test_empty_sections_and_completeness() -> None:
    data = fixture_data()
    del data["risks"]
    del data["governance"]
    findings, score = check(data)
    assert findings == [
        ("empty-section", "The section 'Organisation and governance' is empty."),
        ("empty-section", "The section 'Risks' is empty."),
    ]
    # 6 of 48 key fields missing: round(40 × 42 / 48) = 35
    assert score == 35 + 60


def test_score_of_numbers_without_words() -> None:
    data = {"financial": fixture_data()["financial"]}
    report = check_plan(Plan.model_validate(data), load_profile("zw"))
    # 8 financial key fields of 48: round(40 × 8 / 48) = 7; the price is unknown (no can_pay);
    # without the 500 of member shares month 1 opens with 1550, less than the 1594 of deficits
    # in months 1-3, so cash goes below zero
    assert report.score == 7 + 60 - VIABILITY_POINTS["price"] - VIABILITY_POINTS["cash"]
    assert report.figures.startup == Decimal(1950)


def test_part_time_without_full_time_hours_is_asked_not_flagged() -> None:
    data = fixture_data()
    del data["decent_work"]["full_time_hours"]
    data["financial"]["staff"].append({"role": "Cook", "count": 1, "monthly_wage": 90, "hours_per_week": 20})
    findings, score = check(data)
    # 90 is under the 180 of a full-time week, but the cook works 20 hours of an unknown week
    assert [code for code, _ in findings] == ["no-full-time-hours"]
    assert findings[0][1].startswith("Cook work part-time hours, but the plan does not say how many hours")
    assert score == 100


def test_clients_sold_above_places() -> None:
    data = fixture_data()
    data["financial"]["revenue"][0]["units_per_month"] = 45
    findings, score = check(data)
    assert findings[0] == (
        "clients-above-places",
        "The plan sells 45 units of Full-day childcare a month, but Full-day childcare has 40 places. "
        "Sell at most 40, or plan more places (and the carers they need).",
    )
    assert score == 95


def test_clients_sold_above_the_carers_ratio() -> None:
    data = fixture_data()
    item = data["services"]["items"][0]
    del item["capacity"]
    item["carers"] = 3
    findings, _ = check(data)
    # 40 children sold, 3 carers at most 10 each: 13.3 a carer
    assert findings == [
        (
            "ratio-above-rule",
            "Full-day childcare plans 13.3 clients per carer (40 clients sold, 3 carers); the rules allow "
            "10. Plan at least 4 carers or fewer clients.",
        )
    ]


def test_a_coordinator_is_not_a_carer_unless_marked() -> None:
    data = fixture_data()
    data["services"]["items"] = [{"name": "Full-day childcare", "capacity": 36, "regulated": True,
                                  "max_clients_per_carer": 6}]
    data["financial"]["revenue"][0]["units_per_month"] = 36
    data["financial"]["staff"] = [
        {"role": "Carer", "count": 5, "monthly_wage": 190, "carer": True},
        {"role": "Coordinator", "count": 1, "monthly_wage": 220},
    ]
    findings, _ = check(data)
    # 5 carers only (the coordinator is not marked): 36 / 5 = 7.2 > 6
    assert findings[0][1].startswith("Full-day childcare plans 7.2 clients per carer (36 places, 5 carers)")
    # and nobody is counted as a carer by default: unmarked roles are asked about
    data["financial"]["staff"][0]["carer"] = None
    findings, _ = check(data)
    assert (
        "carer-not-marked",
        "Say which roles work directly with clients (Carer, Coordinator): mark each role as a carer or "
        "not (financial.staff.carer), so that clients per carer can be checked.",
    ) in findings


def test_price_below_variable_cost() -> None:
    data = fixture_data()
    data["financial"]["revenue"][1]["unit_price"] = 3
    findings, _ = check(data)
    assert findings[0] == (
        "price-below-cost",
        "The price of Half-day care (US$3.00) does not cover what one unit costs in food or materials "
        "(US$3.50): every client sold loses money. Raise the price or find another payer for the difference.",
    )


def test_old_profile_figure_is_dated_and_flagged() -> None:
    data = fixture_data()
    data["cooperative"]["country"] = "co"
    data["financial"]["currency"] = "COP"
    del data["financial"]["minimum_wage"]
    data["financial"]["staff"] = [{"role": "Cuidadora", "count": 1, "monthly_wage": 2_000_000, "carer": True}]
    plan = Plan.model_validate(data)
    fresh = check_plan(plan, load_profile("co"), today=date(2025, 6, 1))
    assert "stale-figure" not in [f.code for f in fresh.findings]
    old = check_plan(plan, load_profile("co"), today=date(2026, 3, 1))
    stale = [f.message for f in old.findings if f.code == "stale-figure"]
    assert len(stale) == 1
    assert "dates from 2025-01-01, more than 12 months ago. Check the current figure" in stale[0]


def hopeless_plan() -> dict[str, Any]:
    """The fixture, complete, but losing money every month: rent of 1,800."""
    data = fixture_data()
    data["financial"]["fixed_costs"].append({"item": "A second building", "amount": 1800})
    return data


def test_a_hopeless_plan_scores_under_half_and_says_why() -> None:
    report = check_plan(Plan.model_validate(hopeless_plan()), load_profile("zw"))
    assert report.score < 50
    assert report.score == GATE_CAP
    # 40 + 60 − 15 (cash) − 10 (no break-even) = 75 before the gate
    assert report.completeness_points + sum(report.viability.values()) == 75
    assert report.gates == ["cash goes below zero in month 1"]
    assert report.completeness_points == COMPLETENESS_POINTS  # complete, and still under half


def test_a_good_plan_scores_high() -> None:
    report = check_plan(Plan.model_validate(fixture_data()), load_profile("zw"))
    assert report.score == 100 and report.gates == []


def test_refund_not_paid_when_cash_goes_negative() -> None:
    data = fixture_data()
    data["financial"]["grants"] = []
    data["financial"]["other_funding"] = []
    findings, _ = check(data)
    assert [code for code, _ in findings] == ["funding-gap", "negative-cash", "refund-not-paid"]
    # the first year ends with a surplus, but cash is below zero from month 1: no refund
    assert findings[2][1] == (
        "The first year's patronage refund of US$193.82 cannot be paid: cash goes below zero during "
        "the year. It stays in the cooperative until cash allows."
    )
