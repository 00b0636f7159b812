"""The finance engine against figures worked out by hand, and its invariants."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecoop.plan import finance, statement
from carecoop.plan.model import Loan, Plan, RevenueLine

CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def hand_plan(**financial: Any) -> Plan:
    """The plan worked by hand below."""
    data: dict[str, Any] = {
        "startup_costs": [{"item": "repairs", "amount": 1000}, {"item": "equipment", "amount": 500}],
        "grants": [{"source": "fund", "amount": 600}],
        "loans": [
            {
                "lender": "savings group",
                "amount": 1200,
                "interest_rate": 12,
                "term_months": 6,
                "grace_months": 2,
            }
        ],
        "revenue": [
            {
                "service": "A",
                "unit_price": 20,
                "units_per_month": 100,
                "ramp_up_months": 1,
                "variable_cost_per_unit": 5,
            },
            {"service": "B", "unit_price": 10, "units_per_month": 30},
        ],
        "staff": [
            {"role": "carer", "count": 2, "monthly_wage": 400, "employer_contributions": 10},
            {"role": "coordinator", "monthly_wage": 300, "start_month": 3},
        ],
        "fixed_costs": [{"item": "rent", "amount": 200}],
        "reserve_percent": 30,
        "education_fund_percent": 5,
        "patronage_refund_percent": 10,
        "horizon_months": 12,
    }
    data.update(financial)
    return Plan.model_validate(
        {"members": {"categories": [{"category": "all", "members": 10, "share": 50}]}, "financial": data}
    )


def test_start_up_and_funding_by_hand() -> None:
    plan = hand_plan()
    # start-up 1000 + 500 = 1500; shares 10 × 50 = 500; funding 500 + 600 + 1200 = 2300
    assert finance.startup_total(plan) == Decimal(1500)
    assert finance.member_shares(plan) == Decimal(500)
    assert finance.funding_total(plan) == Decimal(2300)
    assert finance.funding_gap(plan) == Decimal(0)
    # month 1 opens with 2300 − 1500 = 800
    assert finance.opening_cash(plan) == Decimal(800)


def test_funding_gap_by_hand() -> None:
    plan = hand_plan(grants=[], loans=[])
    # funding is the 500 of member shares only: 1500 − 500 = 1000 not covered
    assert finance.funding_gap(plan) == Decimal(1000)
    assert finance.opening_cash(plan) == Decimal(-1000)


def test_ramp_up_units() -> None:
    line = RevenueLine(service="x", unit_price=Decimal(1), units_per_month=Decimal(40), ramp_up_months=3)
    # ramp 3: month m sells m/4 of 40 → 10, 20, 30, then 40
    assert [finance.units_in_month(line, m) for m in (1, 2, 3, 4, 5)] == [10, 20, 30, 40, 40]


def test_annuity_by_hand() -> None:
    loan = Loan(lender="x", amount=Decimal(1200), interest_rate=Decimal(12), term_months=6, grace_months=2)
    # i = 12% / 12 = 1% a month, n = 6 − 2 = 4 payments:
    # A = 1200 × 0.01 / (1 − 1.01^−4) = 12 / (1 − 0.96098034) = 12 / 0.03901966 = 307.5378
    assert cents(finance.annuity_payment(loan)) == Decimal("307.54")
    schedule = finance.loan_schedule(loan, 8)
    # grace: interest only, 1200 × 1% = 12 in months 1 and 2
    assert schedule[0] == (Decimal(12), Decimal(0))
    assert schedule[1] == (Decimal(12), Decimal(0))
    # month 3: interest 12, principal 307.5378 − 12 = 295.54
    assert cents(schedule[2][0]) == Decimal("12.00")
    assert cents(schedule[2][1]) == Decimal("295.54")
    # month 4: balance 1200 − 295.5378 = 904.4622, interest 9.04, principal 298.49
    assert cents(schedule[3][0]) == Decimal("9.04")
    assert cents(schedule[3][1]) == Decimal("298.49")
    # the whole principal is repaid by month 6, nothing after
    assert sum(p for _, p in schedule) == Decimal(1200)
    assert schedule[6] == schedule[7] == (Decimal(0), Decimal(0))


def test_interest_free_loan_is_split_evenly() -> None:
    loan = Loan(lender="family", amount=Decimal(900), term_months=3)
    # 900 / 3 = 300 a month, no interest
    assert finance.loan_schedule(loan, 4) == [
        (Decimal(0), Decimal(300)),
        (Decimal(0), Decimal(300)),
        (Decimal(0), Decimal(300)),
        (Decimal(0), Decimal(0)),
    ]


def test_months_by_hand() -> None:
    months = finance.months(hand_plan())
    first, second, third = months[0], months[1], months[2]
    # month 1: A sells 100 × 1/2 = 50 units → 50 × 20 = 1000, B 30 × 10 = 300: revenue 1300
    #   variable 50 × 5 = 250; staff 2 × 400 × 1.10 = 880; fixed 200; interest 12 (grace)
    #   surplus 1300 − 250 − 880 − 200 − 12 = −42; cash 800 − 42 = 758
    assert first.revenue == Decimal(1300)
    assert first.variable == Decimal(250)
    assert first.staff == Decimal(880)
    assert first.surplus == Decimal(-42)
    assert first.closing_cash == Decimal(758)
    # month 2: revenue 2000 + 300 = 2300; variable 500; surplus 2300 − 500 − 880 − 200 − 12 = 708
    #   cash 758 + 708 = 1466
    assert second.surplus == Decimal(708)
    assert second.closing_cash == Decimal(1466)
    # month 3: the coordinator starts (300, no contributions): staff 1180
    #   surplus 2300 − 500 − 1180 − 200 − 12 = 408; principal 295.54 also goes out
    #   cash 1466 + 408 − 295.54 = 1578.46
    assert third.staff == Decimal(1180)
    assert third.surplus == Decimal(408)
    assert cents(third.closing_cash) == Decimal("1578.46")
    # month 7 on, the loan is repaid: surplus 2300 − 500 − 1180 − 200 = 420 a month
    assert months[6].surplus == Decimal(420)
    # month 12 closes with 800 + Σ surpluses − 1200 principal:
    #   surpluses −42 + 708 + 408 + 410.96 + 413.94 + 416.96 + 6 × 420 = 4835.85 (interest 54.15)
    #   800 + 4835.85 − 1200 = 4435.85
    assert cents(months[-1].closing_cash) == Decimal("4435.85")


def test_key_figures_by_hand() -> None:
    figures = statement.figures(hand_plan())
    # lowest cash: month 1 at 758 (cash rises every month after)
    assert (figures.lowest_cash_month, figures.lowest_cash) == (1, Decimal(758))
    # cumulative surplus: −42 after month 1, +666 after month 2 → break-even in month 2
    assert figures.break_even_month == 2
    # main service A (2000 a full month vs 300). Running costs of a full month: staff 1180
    # + fixed 200 = 1380; B contributes 30 × 10 = 300; each A unit 20 − 5 = 15:
    # (1380 − 300) / 15 = 72 units to cover running costs.
    # To also repay the loan, add the annuity 307.54: (1687.54 − 300) / 15 = 92.50 → 93 units
    assert figures.main_service == "A"
    assert figures.break_even_units == Decimal(72)
    assert figures.break_even_units_with_loan == Decimal(93)
    # first year: surplus 4835.85; reserve 30% = 1450.76, education 5% = 241.79,
    # patronage 10% = 483.59 (483.585), undivided 55% = 2659.72
    allocation = figures.first_year
    assert cents(allocation.surplus) == Decimal("4835.85")
    assert cents(allocation.reserve) == Decimal("1450.76")
    assert cents(allocation.education_fund) == Decimal("241.79")
    assert cents(allocation.patronage_refund) == Decimal("483.59")
    assert cents(allocation.undivided) == Decimal("2659.72")


def test_deficit_allocates_nothing_and_no_break_even() -> None:
    plan = hand_plan(fixed_costs=[{"item": "rent", "amount": 5000}])
    figures = statement.figures(plan)
    assert figures.break_even_month is None
    assert figures.first_year.surplus < 0
    assert figures.first_year.reserve == 0
    assert finance.first_negative_cash(figures.months) is not None


def test_break_even_after_a_dip_counts_from_the_last_recovery() -> None:
    months = [
        finance.Month(n, Decimal(r), Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0))
        for n, r in ((1, 10), (2, -20), (3, 15), (4, 5))
    ]
    # cumulative 10, −10, 5, 10: zero or more from month 3 on
    assert finance.break_even_month(months) == 3


def test_break_even_units_none_when_unit_costs_its_price() -> None:
    plan = hand_plan(
        revenue=[{"service": "A", "unit_price": 5, "units_per_month": 10, "variable_cost_per_unit": 5}]
    )
    assert finance.break_even_units(plan.financial) is None


def test_empty_plan_has_figures() -> None:
    figures = statement.figures(Plan())
    assert len(figures.months) == 36
    assert [(y.first_month, y.last_month) for y in figures.years] == [(1, 12), (13, 24), (25, 36)]
    assert figures.main_service is None
    assert figures.lowest_cash == 0


money = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
percent = st.decimals(min_value=0, max_value=30, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    revenue = [
        {
            "service": f"s{i}",
            "unit_price": draw(money),
            "units_per_month": draw(st.integers(0, 500)),
            "ramp_up_months": draw(st.integers(0, 6)),
            "variable_cost_per_unit": draw(money),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    staff = [
        {
            "role": f"r{i}",
            "count": draw(st.integers(0, 5)),
            "monthly_wage": draw(money),
            "employer_contributions": draw(percent),
            "start_month": draw(st.integers(1, 12)),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    loans = []
    for i in range(draw(st.integers(0, 2))):
        term = draw(st.integers(1, 36))
        loans.append(
            {
                "lender": f"l{i}",
                "amount": draw(money),
                "interest_rate": draw(percent),
                "term_months": term,
                "grace_months": draw(st.integers(0, term - 1)),
            }
        )
    return Plan.model_validate(
        {
            "financial": {
                "startup_costs": [{"item": "x", "amount": draw(money)}],
                "grants": [{"source": "g", "amount": draw(money)}],
                "loans": loans,
                "revenue": revenue,
                "staff": staff,
                "fixed_costs": [{"item": "f", "amount": draw(money)}],
                "horizon_months": draw(st.integers(12, 36)),
            }
        }
    )


@settings(max_examples=60, deadline=None)
@given(plans())
def test_cash_closes_as_opens_plus_in_minus_out(plan: Plan) -> None:
    months = finance.months(plan)
    assert months[0].opening_cash == finance.funding_total(plan) - finance.startup_total(plan)
    for before, after in zip(months, months[1:], strict=False):
        assert after.opening_cash == before.closing_cash
    for month in months:
        assert month.closing_cash == month.opening_cash + month.cash_in - month.cash_out


@settings(max_examples=60, deadline=None)
@given(plans(), st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_a_higher_price_never_lowers_the_surplus(plan: Plan, increase: Decimal) -> None:
    if not plan.financial.revenue:
        return
    raised = plan.model_copy(deep=True)
    raised.financial.revenue[0].unit_price += increase
    for low, high in zip(finance.months(plan), finance.months(raised), strict=True):
        assert high.surplus >= low.surplus
        assert high.closing_cash >= low.closing_cash


@settings(max_examples=40, deadline=None)
@given(plans())
def test_loans_repay_exactly_their_amount(plan: Plan) -> None:
    for loan in plan.financial.loans:
        schedule = finance.loan_schedule(loan, 36)
        repaid = sum((p for _, p in schedule), Decimal(0))
        assert abs(repaid - loan.amount) < Decimal("0.000001")


@pytest.mark.parametrize("rate", [0, 6, 24])
def test_grace_months_pay_interest_only(rate: int) -> None:
    loan = Loan(lender="x", amount=Decimal(1000), interest_rate=Decimal(rate), term_months=12, grace_months=4)
    schedule = finance.loan_schedule(loan, 12)
    for interest, principal in schedule[:4]:
        assert principal == 0
        assert interest == Decimal(1000) * rate / 100 / 12


def childcare_case(**financial: Any) -> Plan:
    """A childcare case worked by hand: 50 a child a month, 10 of food, one loan."""
    data: dict[str, Any] = {
        "startup_costs": [
            {"item": "cots and toys", "amount": 2400, "useful_life_years": 2},
            {"item": "registration", "amount": 600},
        ],
        "grants": [{"source": "fund", "amount": 1000}],
        "loans": [{"lender": "savings group", "amount": 3000, "term_months": 24}],
        "revenue": [
            {"service": "childcare", "unit_price": 50, "units_per_month": 30, "variable_cost_per_unit": 10}
        ],
        "staff": [
            {"role": "carer", "count": 2, "monthly_wage": 350, "carer": True},
            {"role": "second coordinator", "monthly_wage": 500, "start_month": 30},
        ],
        "fixed_costs": [{"item": "rent", "amount": 252}],
        "reserve_percent": 30,
        "education_fund_percent": 5,
        "patronage_refund_percent": 20,
        "horizon_months": 24,
    }
    data.update(financial)
    return Plan.model_validate({"financial": data})


def test_operating_break_even_is_the_hand_worked_number() -> None:
    figures = statement.figures(childcare_case())
    # running costs of a full month: carers 2 × 350 = 700 + rent 252 = 952 (the coordinator
    # starts in month 30, after the 24-month horizon: not counted); each child 50 − 10 = 40:
    # 952 / 40 = 23.8 → 24 children to cover running costs
    assert figures.break_even_units == Decimal(24)
    # to also repay the loan: 3000 at 0% over 24 months = 125 a month: 1077 / 40 = 26.9 → 27
    assert figures.break_even_units_with_loan == Decimal(27)


def test_income_statement_year_by_hand() -> None:
    first = statement.figures(childcare_case()).years[0]
    # revenue 12 × 30 × 50 = 18000; food 12 × 300 = 3600; staff 12 × 700 = 8400; rent 12 × 252 = 3024
    # depreciation: 2400 over 2 years = 100 a month → 1200; no interest (0% loan)
    assert (first.revenue, first.variable, first.staff, first.fixed) == (18000, 3600, 8400, 3024)
    assert first.depreciation == Decimal(1200)
    assert first.interest == 0
    # surplus 18000 − 3600 − 8400 − 3024 − 1200 = 1776
    assert first.surplus == Decimal(1776)
    # loan payments 12 × 125 = 1500; cover (1776 + 1200 + 0) / 1500 = 1.984
    assert first.debt_service == Decimal(1500)
    assert first.debt_cover == Decimal("1.984")
    # loan still owed after month 12: 3000 − 1500 = 1500
    assert first.loan_balance == Decimal(1500)
    # the split comes from the surplus after depreciation: reserve 30% = 532.80, education
    # 5% = 88.80, refund 20% = 355.20; cash allows it: month 1 opens with 4000 − 3000 = 1000
    # and each month adds 1500 − 300 − 700 − 252 − 125 = 123
    allocation = first.allocation
    assert allocation.reserve == Decimal("532.8")
    assert allocation.education_fund == Decimal("88.8")
    assert allocation.patronage_refund == Decimal("355.2")
    assert allocation.refund_blocked is None
    # cash at the end of year 1: 1000 + 12 × 123 = 2476
    assert first.closing_cash == Decimal(2476)


def test_refund_withheld_when_cash_does_not_allow_it() -> None:
    # no grant: month 1 opens with 3000 − 3000 = 0. With a rent of 300 each month adds
    # 1500 − 300 − 700 − 300 − 125 = 75: cash ends the year at 12 × 75 = 900
    plan = childcare_case(grants=[], fixed_costs=[{"item": "rent", "amount": 300}])
    first = statement.figures(plan).years[0]
    assert first.closing_cash == Decimal(900)
    # surplus 18000 − 3600 − 8400 − 3600 − 1200 = 1200 → refund 20% = 240, within the 900: paid
    assert first.allocation.patronage_refund == Decimal(240)
    poorer = childcare_case(grants=[], fixed_costs=[{"item": "rent", "amount": 380}])
    year = statement.figures(poorer).years[0]
    # each month: 1500 − 300 − 700 − 380 − 125 = −5: cash below zero from month 1;
    # surplus 18000 − 3600 − 8400 − 4560 − 1200 = 240 > 0, but no refund is paid
    assert year.surplus == Decimal(240)
    assert year.allocation.planned_refund == Decimal(48)
    assert year.allocation.patronage_refund == 0
    assert year.allocation.refund_blocked == "negative-cash"
    assert year.allocation.undivided == Decimal(240) - Decimal(72) - Decimal(12)


def test_a_late_payer_moves_cash_not_revenue() -> None:
    plan = childcare_case()
    on_time = finance.months(plan)
    late = finance.months(plan, {"families": 3})
    # families pay three months late: nothing comes in during months 1-3
    assert [m.cash_in for m in late[:4]] == [0, 0, 0, 1500]
    assert [m.revenue for m in late] == [m.revenue for m in on_time]
    # by month 24 the cash is three months of fees (3 × 1500) short
    assert on_time[-1].closing_cash - late[-1].closing_cash == Decimal(4500)
