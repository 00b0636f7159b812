"""The plan's figures as rows of text (for terminal tables and documents) and as JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from carecoop.countries.profiles import CountryProfile
from carecoop.plan import finance
from carecoop.plan.checks import COMPLETENESS_POINTS, VIABILITY_POINTS, Report
from carecoop.plan.model import SECTION_TITLES, Plan
from carecoop.plan.money import format_money, format_number, round_money

CASH_HEADERS = ["Month", "Opening cash", "Revenue", "Costs", "Loan principal", "Surplus", "Closing cash"]

VIABILITY_LABELS: dict[str, str] = {
    "funding": "Funding covers start-up costs",
    "cash": "Cash never below zero",
    "break_even": "Breaks even within the horizon",
    "wages": "Wages at or above the minimum or living wage",
    "ratios": "Clients per carer within the rules",
    "price": "Main price within what families can pay",
    "reserve": "A reserve share of the surplus",
}


def key_figures(
    figures: finance.Figures, plan: Plan, profile: CountryProfile, currency: str
) -> list[tuple[str, str]]:
    """The key figures as (label, value) pairs."""

    def money(amount: Decimal) -> str:
        return format_money(amount, profile, currency)

    fin = plan.financial
    full = figures.months[-1]
    if not fin.revenue:
        break_even = "no revenue line yet"
    elif figures.break_even_month is not None:
        break_even = f"month {figures.break_even_month}"
    else:
        break_even = f"not within the horizon ({fin.horizon_months} months)"
    if figures.main_service is None:
        units = "no revenue line yet"
    elif figures.break_even_units is None:
        units = f"never: a unit of {figures.main_service} costs at least its price"
    else:
        units = f"{format_number(figures.break_even_units, profile)} units of {figures.main_service}"
    allocation = figures.first_year
    rows = [
        ("Start-up costs", money(figures.startup)),
        ("Member shares", money(figures.member_shares)),
        ("Total funding", money(figures.funding)),
        ("Funding gap", money(figures.funding_gap) if figures.funding_gap else "none"),
        ("Cash at the start of month 1", money(figures.months[0].opening_cash)),
        (f"Revenue in month {full.number} (the last)", money(full.revenue)),
        (f"Staff cost in month {full.number}", money(full.staff)),
        ("Fixed costs per month", money(full.fixed)),
        (f"Surplus in month {full.number}", money(full.surplus)),
        ("Lowest cash", f"{money(figures.lowest_cash)} in month {figures.lowest_cash_month}"),
        ("Cumulative break-even", break_even),
        ("Break-even per month", units),
        ("First-year surplus", money(allocation.surplus)),
    ]
    if allocation.surplus > 0:
        rows += [
            ("  to the reserve", money(allocation.reserve)),
            ("  to the education fund", money(allocation.education_fund)),
            ("  as patronage refunds", money(allocation.patronage_refund)),
            ("  undivided", money(allocation.undivided)),
        ]
    return rows


def cash_rows(figures: finance.Figures, profile: CountryProfile, currency: str) -> list[list[str]]:
    """One row of text per month, in the order of CASH_HEADERS."""

    def money(amount: Decimal) -> str:
        return format_money(amount, profile, currency)

    return [
        [
            str(m.number),
            money(m.opening_cash),
            money(m.revenue),
            money(m.costs),
            money(m.principal),
            money(m.surplus),
            money(m.closing_cash),
        ]
        for m in figures.months
    ]


def score_rows(report: Report) -> list[tuple[str, str]]:
    """How the score was made: (criterion, points earned / points possible)."""
    filled = sum(f for f, _ in report.completeness.values())
    total = sum(t for _, t in report.completeness.values())
    rows = [
        (
            f"Completeness ({filled} of {total} key fields)",
            f"{round(COMPLETENESS_POINTS * filled / total)} / {COMPLETENESS_POINTS}",
        )
    ]
    rows += [
        (VIABILITY_LABELS[name], f"{report.viability[name]} / {points}")
        for name, points in VIABILITY_POINTS.items()
    ]
    return rows


def report_json(report: Report, workshop: str, group: str) -> dict[str, Any]:
    """The whole check as JSON-ready data; amounts are decimal strings rounded as shown."""
    digits = report.currency_digits

    def _number(value: Decimal | None) -> str | None:
        return None if value is None else str(round_money(value, digits))

    figures = report.figures
    allocation = figures.first_year
    return {
        "workshop": workshop,
        "group": group,
        "currency": report.currency,
        "score": report.score,
        "score_parts": {
            "completeness": {
                "points": round(
                    COMPLETENESS_POINTS
                    * sum(f for f, _ in report.completeness.values())
                    / sum(t for _, t in report.completeness.values())
                ),
                "of": COMPLETENESS_POINTS,
                "sections": {
                    s: {"title": SECTION_TITLES[s], "filled": f, "of": t}
                    for s, (f, t) in report.completeness.items()
                },
            },
            "viability": {
                name: {"label": VIABILITY_LABELS[name], "points": report.viability[name], "of": points}
                for name, points in VIABILITY_POINTS.items()
            },
        },
        "figures": {
            "startup_costs": _number(figures.startup),
            "member_shares": _number(figures.member_shares),
            "funding": _number(figures.funding),
            "funding_gap": _number(figures.funding_gap),
            "lowest_cash": {"month": figures.lowest_cash_month, "amount": _number(figures.lowest_cash)},
            "break_even_month": figures.break_even_month,
            "main_service": figures.main_service,
            "break_even_units": None if figures.break_even_units is None else int(figures.break_even_units),
            "first_year": {
                "surplus": _number(allocation.surplus),
                "reserve": _number(allocation.reserve),
                "education_fund": _number(allocation.education_fund),
                "patronage_refund": _number(allocation.patronage_refund),
                "undivided": _number(allocation.undivided),
            },
        },
        "months": [
            {
                "month": m.number,
                "opening_cash": _number(m.opening_cash),
                "revenue": _number(m.revenue),
                "staff": _number(m.staff),
                "fixed": _number(m.fixed),
                "variable": _number(m.variable),
                "interest": _number(m.interest),
                "principal": _number(m.principal),
                "surplus": _number(m.surplus),
                "closing_cash": _number(m.closing_cash),
            }
            for m in figures.months
        ],
        "warnings": [{"code": f.code, "section": f.section, "message": f.message} for f in report.findings],
    }
