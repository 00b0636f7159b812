"""The plan's figures as rows of text (for terminal tables and documents) and as JSON."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal
from typing import Any

from carecoop.countries.profiles import CountryProfile
from carecoop.i18n import N_, _, clause_separator, ngettext
from carecoop.plan import statement
from carecoop.plan.checks import Report
from carecoop.plan.model import SECTION_TITLES, Plan
from carecoop.plan.money import format_money, format_number, format_percent, round_money
from carecoop.plan.score import COMPLETENESS_POINTS, GATE_CAP, VIABILITY_POINTS

#: Column headers are marked here and translated where they are shown (`translated_headers`).
CASH_HEADERS = [
    N_("Month"),
    N_("Cash at the start"),
    N_("Revenue"),
    N_("Costs"),
    N_("Loan repaid"),
    N_("Surplus"),
    N_("Cash at the end"),
]

VIABILITY_LABELS: dict[str, str] = {
    "funding": N_("Funding covers start-up costs"),
    "cash": N_("Cash never below zero"),
    "break_even": N_("Breaks even within the horizon"),
    "wages": N_("Wages at or above the minimum or living wage"),
    "ratios": N_("Clients within places and carers' ratios"),
    "price": N_("Main price within what families can pay and above its cost"),
    "reserve": N_("A reserve share of the surplus"),
}


def translated_headers(headers: list[str]) -> list[str]:
    """Column headers marked with `N_` in the current language."""
    return [_(header) if header else header for header in headers]


def break_even_texts(figures: statement.Figures, profile: CountryProfile) -> tuple[str, str]:
    """The monthly break-even in words: to cover running costs, and to also repay the loan."""
    if figures.main_service is None:
        return _("no revenue line yet"), _("no revenue line yet")

    def units(value: object) -> str:
        if not isinstance(value, Decimal):
            return _("never: a unit of {service} costs at least its price").format(
                service=figures.main_service
            )
        return _("{count} a month of {service}").format(
            count=format_number(value, profile), service=figures.main_service
        )

    return units(figures.break_even_units), units(figures.break_even_units_with_loan)


def funding_gap_text(figures: statement.Figures, money: Callable[[Decimal], str]) -> str:
    """The funding gap, never "none" next to a month of negative cash."""
    if figures.funding_gap > 0:
        text = _("{amount} of the start-up costs not covered").format(amount=money(figures.funding_gap))
        if figures.cash_short > figures.funding_gap:
            text += clause_separator() + _("{amount} in all by month {month}").format(
                amount=money(figures.cash_short), month=figures.lowest_cash_month
            )
        return text
    if figures.cash_short > 0:
        return _(
            "start-up covered, but cash falls to {lowest} in month {month}: {short} more is needed"
        ).format(
            lowest=money(figures.lowest_cash),
            month=figures.lowest_cash_month,
            short=money(figures.cash_short),
        )
    return _("none: cash never goes below zero")


def key_figures(
    figures: statement.Figures, plan: Plan, profile: CountryProfile, currency: str
) -> list[tuple[str, str]]:
    """The key figures as (label, value) pairs."""

    def money(amount: Decimal) -> str:
        return format_money(amount, profile, currency)

    fin = plan.financial
    full = figures.months[-1]
    if not fin.revenue:
        break_even = _("no revenue line yet")
    elif figures.break_even_month is not None:
        break_even = _("month {month}").format(month=figures.break_even_month)
    else:
        break_even = _("not within the horizon ({months} months)").format(months=fin.horizon_months)
    operating, with_loan = break_even_texts(figures, profile)
    allocation = figures.first_year
    rows = [
        (_("Start-up costs"), money(figures.startup)),
        (_("Member shares"), money(figures.member_shares)),
        (_("Total funding"), money(figures.funding)),
        (_("Funding gap"), funding_gap_text(figures, money)),
        (_("Cash at the start of month 1"), money(figures.months[0].opening_cash)),
        (_("Revenue in month {month} (the last)").format(month=full.number), money(full.revenue)),
        (_("Staff cost in month {month}").format(month=full.number), money(full.staff)),
        (_("Fixed costs per month"), money(full.fixed)),
        (_("Surplus in month {month}").format(month=full.number), money(full.surplus)),
        (_("Lowest cash"), _("{amount} in month {month}").format(
            amount=money(figures.lowest_cash), month=figures.lowest_cash_month)),
        (_("Cumulative break-even"), break_even),
        (_("Break-even to cover running costs"), operating),
    ]
    if fin.loans:
        rows += [
            (_("Break-even to also repay the loan"), with_loan),
            (
                _("Loan still owed after month {month}").format(month=fin.horizon_months),
                money(figures.loan_balance),
            ),
        ]
    rows.append((_("First-year surplus"), money(allocation.surplus)))
    if allocation.surplus > 0:
        refund = money(allocation.patronage_refund)
        if allocation.refund_blocked is not None:
            refund += " " + _("(planned {amount}; not paid: cash does not allow it)").format(
                amount=money(allocation.planned_refund)
            )
        rows += [
            ("  " + _("to the reserve"), money(allocation.reserve)),
            ("  " + _("to the education fund"), money(allocation.education_fund)),
            *(
                [("  " + _("to the solidarity fund"), money(allocation.solidarity_fund))]
                if allocation.solidarity_fund
                else []
            ),
            ("  " + _("as patronage refunds"), refund),
            ("  " + _("kept in the cooperative"), money(allocation.undivided)),
        ]
    return rows


def cover_text(cover: Decimal | None, profile: CountryProfile) -> str:
    """Debt-service cover in words: 1.25 means the year's operations pay the loans and a quarter more."""
    if cover is None:
        return _("no loan payments")
    if cover > 100:
        return _("over {number}").format(number=format_number(Decimal(100), profile))
    return format_number(cover, profile, 2)


YEAR_HEADERS = ["", N_("Revenue"), N_("Running costs"), N_("Depreciation"), N_("Interest"), N_("Surplus"),
                N_("Loan payments"), N_("Debt-service cover"), N_("Cash at year end"), N_("Loan still owed")]


def year_rows(figures: statement.Figures, profile: CountryProfile, currency: str) -> list[list[str]]:
    """The year-by-year summary: one row of text per year, in the order of YEAR_HEADERS."""

    def money(amount: Decimal) -> str:
        return format_money(amount, profile, currency)

    rows = []
    for year in figures.years:
        cover = year.debt_cover
        rows.append([
            _("Year {number} (months {first}-{last})").format(
                number=year.number, first=year.first_month, last=year.last_month
            ),
            money(year.revenue),
            money(year.variable + year.staff + year.fixed),
            money(year.depreciation),
            money(year.interest),
            money(year.surplus),
            money(year.debt_service),
            cover_text(cover, profile),
            money(year.closing_cash),
            money(year.loan_balance),
        ])
    return rows


def cash_rows(figures: statement.Figures, profile: CountryProfile, currency: str) -> list[list[str]]:
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


CENT = Decimal("0.01")


def score_rows(report: Report) -> list[tuple[str, str]]:
    """How the score was made: (criterion, points earned / points possible)."""
    filled = sum(f for f, _ in report.completeness.values())
    total = sum(t for _, t in report.completeness.values())
    rows = [
        (
            ngettext(
                "Completeness ({filled} of {count} key field)",
                "Completeness ({filled} of {count} key fields)",
                total,
            ).format(filled=filled, count=total),
            f"{round(COMPLETENESS_POINTS * filled / total)} / {COMPLETENESS_POINTS}",
        )
    ]
    rows += [
        (_(VIABILITY_LABELS[name]), f"{report.viability[name]} / {points}")
        for name, points in VIABILITY_POINTS.items()
    ]
    if report.gates:
        reasons = clause_separator().join(report.gates)
        rows.append((_("Capped at {cap}: {reasons}").format(cap=GATE_CAP, reasons=reasons),
                     f"{report.score} / 100"))
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
        "score_capped_because": report.gates,
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
            "break_even_units_with_loan": (
                None
                if figures.break_even_units_with_loan is None
                else int(figures.break_even_units_with_loan)
            ),
            "cash_short": _number(figures.cash_short),
            "loan_balance_at_horizon": _number(figures.loan_balance),
            "first_year": {
                "surplus": _number(allocation.surplus),
                "reserve": _number(allocation.reserve),
                "education_fund": _number(allocation.education_fund),
                "solidarity_fund": _number(allocation.solidarity_fund),
                "patronage_refund": _number(allocation.patronage_refund),
                "undivided": _number(allocation.undivided),
                "planned_refund": _number(allocation.planned_refund),
                "refund_blocked": allocation.refund_blocked,
            },
        },
        "years": [
            {
                "year": y.number,
                "months": [y.first_month, y.last_month],
                "revenue": _number(y.revenue),
                "variable": _number(y.variable),
                "staff": _number(y.staff),
                "fixed": _number(y.fixed),
                "depreciation": _number(y.depreciation),
                "interest": _number(y.interest),
                "surplus": _number(y.surplus),
                "principal": _number(y.principal),
                "debt_cover": (
                    None if y.debt_cover is None else str(min(y.debt_cover, Decimal(1000)).quantize(CENT))
                ),
                "closing_cash": _number(y.closing_cash),
                "loan_balance": _number(y.loan_balance),
                "reserve": _number(y.allocation.reserve),
                "education_fund": _number(y.allocation.education_fund),
                "solidarity_fund": _number(y.allocation.solidarity_fund),
                "patronage_refund": _number(y.allocation.patronage_refund),
                "refund_blocked": y.allocation.refund_blocked,
            }
            for y in figures.years
        ],
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


WHAT_IF_HEADERS = [N_("What if"), N_("Lowest cash"), N_("Cash below zero from"), N_("Cash at the end"),
                   N_("Breaks even")]


def what_if_rows(plan: Plan, profile: CountryProfile, currency: str) -> list[list[str]]:
    """The plan and its what-ifs, one row of text each, in the order of WHAT_IF_HEADERS."""
    from carecoop.plan import whatif
    from carecoop.plan.words import PAYERS, translated

    def money(amount: Decimal) -> str:
        return format_money(amount, profile, currency)

    rows = []
    for scenario in whatif.scenarios(plan, translated(PAYERS)):
        lowest, negative, even = scenario.lowest, scenario.first_negative, scenario.break_even_month
        rows.append([
            scenario.title(),
            _("{amount} (month {month})").format(amount=money(lowest.closing_cash), month=lowest.number),
            _("month {month}").format(month=negative.number) if negative else _("never"),
            money(scenario.closing_cash),
            _("month {month}").format(month=even) if even else _("not within the horizon"),
        ])
    return rows


def safe_level_text(plan: Plan, profile: CountryProfile) -> str:
    """The lowest level of clients at which cash never goes below zero, in a sentence."""
    from carecoop.plan import whatif

    level = whatif.safe_level(plan)
    if level.main_service is None:
        return _("No revenue line yet: the lowest safe level of clients cannot be worked out.")
    if level.percent is None:
        return _(
            "Even with {percent} of the planned clients, cash goes below zero: the plan needs more "
            "funding or lower costs, not only more clients."
        ).format(percent=format_percent(Decimal(whatif.SEARCH_UP_TO)))
    units = format_number((level.main_units or Decimal(0)).to_integral_value(rounding=ROUND_CEILING), profile)
    return _(
        "Cash never goes below zero as long as the cooperative keeps at least {percent} of the clients "
        "it plans: {count} a month of {service} once it is full."
    ).format(percent=format_percent(Decimal(level.percent)), count=units, service=level.main_service)


def what_if_json(plan: Plan, digits: int) -> dict[str, Any]:
    """The what-ifs as JSON-ready data (amounts as decimal strings rounded as shown)."""
    from carecoop.plan import whatif

    level = whatif.safe_level(plan)
    return {
        "scenarios": [
            {
                "key": s.key,
                "label": s.label,
                "lowest_cash": {
                    "month": s.lowest.number,
                    "amount": str(round_money(s.lowest.closing_cash, digits)),
                },
                "first_negative_month": s.first_negative.number if s.first_negative else None,
                "closing_cash": str(round_money(s.closing_cash, digits)),
                "break_even_month": s.break_even_month,
            }
            for s in whatif.scenarios(plan)
        ],
        "lowest_safe_clients_percent": level.percent,
    }
