"""The plan as an adviser reads it: income statement, year summaries, surplus split, key figures.

Conventions, beside those of `carecoop.plan.finance` (the cash plan):

- Depreciation: a start-up item with `useful_life_years` = Y costs amount / (12 × Y) a
  month in the income statement for its first 12 × Y months; the cash plan has no
  depreciation (the money went out before month 1) but has loan principal instead.
- The income statement of a year: revenue − variable costs − staff − fixed costs −
  depreciation − loan interest = the year's surplus (negative: a deficit).
- Debt-service cover of a year: what the year's operations leave to pay the loans
  (surplus + depreciation + interest) divided by what the loans ask (interest + principal).
  1 means just enough; under 1, the loans are paid out of other money. None: no payments.
- The surplus split of a year: the reserve and education fund percentages of the year's
  surplus are set aside first (the reserve rule). The patronage refund is paid out only
  when cash allows: no month of the year closes below zero and the cash at the end of the
  year pays the refund. Otherwise nothing is distributed, and the reason is kept. What
  is not shared stays in the cooperative (undivided). A deficit shares nothing.
- Where the country's law sets minimum shares (`CountryProfile.surplus_rule`, e.g. Colombia's
  Ley 79 de 1988 art. 54: reserve 20%, education fund 20%, solidarity fund 10%), the reserve
  and education fund take the larger of the plan's and the law's percentage, the solidarity
  fund the law's, and the patronage refund at most what is left of the 100%.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from carecoop.countries.profiles import SurplusRule
from carecoop.i18n import _
from carecoop.plan import finance
from carecoop.plan.finance import HUNDRED, ZERO, Month, total
from carecoop.plan.model import Financial, Plan
from carecoop.plan.money import format_percent

#: Why a year's patronage refund is not paid.
RefundBlock = Literal["deficit", "negative-cash", "cash-short"]


def depreciation_in_month(fin: Financial, month: int) -> Decimal:
    """Depreciation of the start-up items that have a useful life, in one month."""
    amounts = []
    for cost in fin.startup_costs:
        if cost.useful_life_years is not None and month <= cost.useful_life_years * 12:
            amounts.append(cost.amount / (cost.useful_life_years * 12))
    return total(amounts)


@dataclass(frozen=True)
class SurplusShares:
    """The percentages of a year's surplus set aside for each use, the law's minimums applied."""

    reserve: Decimal
    education_fund: Decimal
    solidarity_fund: Decimal
    patronage_refund: Decimal
    #: Whether a percentage was raised to the law's minimum (the plan asked for less).
    raised: bool = False


def surplus_shares(fin: Financial, rule: SurplusRule | None = None) -> SurplusShares:
    """The plan's percentages of the surplus, raised to the law's minimums where the law sets them."""
    reserve = fin.reserve_percent or ZERO
    education = fin.education_fund_percent or ZERO
    refund = fin.patronage_refund_percent or ZERO
    if rule is None:
        return SurplusShares(reserve, education, ZERO, refund)
    lawful_reserve = max(reserve, rule.reserve_percent)
    lawful_education = max(education, rule.education_fund_percent)
    solidarity = rule.solidarity_fund_percent
    lawful_refund = max(ZERO, min(refund, HUNDRED - lawful_reserve - lawful_education - solidarity))
    raised = (lawful_reserve, lawful_education, lawful_refund) != (reserve, education, refund)
    return SurplusShares(lawful_reserve, lawful_education, solidarity, lawful_refund, raised)


def law_minimums_text(rule: SurplusRule) -> str:
    """The law's minimum shares of the surplus in a sentence, with the law that sets them."""
    return _(
        "The law asks for at least {reserve} to the reserve, {education} to the education fund and "
        "{solidarity} to the solidarity fund ({source})."
    ).format(
        reserve=format_percent(rule.reserve_percent),
        education=format_percent(rule.education_fund_percent),
        solidarity=format_percent(rule.solidarity_fund_percent),
        source=rule.source,
    )


@dataclass(frozen=True)
class Allocation:
    """How a year's surplus is shared."""

    surplus: Decimal
    reserve: Decimal
    education_fund: Decimal
    patronage_refund: Decimal
    #: The refund the percentages ask for, before cash is considered.
    planned_refund: Decimal = ZERO
    #: Why the planned refund is not paid (None: it is paid, or none is planned).
    refund_blocked: RefundBlock | None = None
    #: The solidarity fund, where the law asks for one (Colombia); zero elsewhere.
    solidarity_fund: Decimal = ZERO

    @property
    def undivided(self) -> Decimal:
        """What is left in the cooperative after the shares."""
        kept = self.reserve + self.education_fund + self.solidarity_fund
        return self.surplus - kept - self.patronage_refund


def allocate(
    fin: Financial,
    surplus: Decimal,
    lowest_cash: Decimal,
    closing_cash: Decimal,
    rule: SurplusRule | None = None,
) -> Allocation:
    """A year's surplus shared by the plan's percentages, the law's minimums applied.

    The patronage refund is paid only when cash allows.
    """
    shares = surplus_shares(fin, rule)

    def share(percent: Decimal) -> Decimal:
        return surplus * percent / HUNDRED

    if surplus <= 0:
        blocked: RefundBlock | None = "deficit" if shares.patronage_refund else None
        return Allocation(surplus, ZERO, ZERO, ZERO, ZERO, blocked)
    planned = share(shares.patronage_refund)
    blocked = None
    if planned > 0 and lowest_cash < 0:
        blocked = "negative-cash"
    elif planned > 0 and closing_cash < planned:
        blocked = "cash-short"
    refund = ZERO if blocked else planned
    return Allocation(
        surplus,
        share(shares.reserve),
        share(shares.education_fund),
        refund,
        planned,
        blocked,
        share(shares.solidarity_fund),
    )


@dataclass(frozen=True)
class Year:
    """One year of the horizon (the last may be shorter): income statement and cash."""

    number: int
    first_month: int
    last_month: int
    revenue: Decimal
    variable: Decimal
    staff: Decimal
    fixed: Decimal
    depreciation: Decimal
    interest: Decimal
    principal: Decimal
    closing_cash: Decimal
    lowest_cash: Decimal
    loan_balance: Decimal
    allocation: Allocation

    @property
    def surplus(self) -> Decimal:
        """The year's surplus in the income statement (negative: a deficit)."""
        return self.revenue - self.variable - self.staff - self.fixed - self.depreciation - self.interest

    @property
    def debt_service(self) -> Decimal:
        """Interest and principal paid on the loans in the year."""
        return self.interest + self.principal

    @property
    def debt_cover(self) -> Decimal | None:
        """Debt-service cover: (surplus + depreciation + interest) / debt service; None if none."""
        if self.debt_service <= 0:
            return None
        return (self.surplus + self.depreciation + self.interest) / self.debt_service


def years(plan: Plan, table: list[Month], rule: SurplusRule | None = None) -> list[Year]:
    """The horizon in years of 12 months (the last one shorter when the horizon is)."""
    fin = plan.financial
    result: list[Year] = []
    for start in range(0, len(table), 12):
        chunk = table[start : start + 12]
        first, last = chunk[0].number, chunk[-1].number
        depreciation = total([depreciation_in_month(fin, m.number) for m in chunk])
        revenue = total([m.revenue for m in chunk])
        variable = total([m.variable for m in chunk])
        staff = total([m.staff for m in chunk])
        fixed = total([m.fixed for m in chunk])
        interest = total([m.interest for m in chunk])
        surplus = revenue - variable - staff - fixed - depreciation - interest
        lowest = min(m.closing_cash for m in chunk)
        result.append(
            Year(
                number=len(result) + 1,
                first_month=first,
                last_month=last,
                revenue=revenue,
                variable=variable,
                staff=staff,
                fixed=fixed,
                depreciation=depreciation,
                interest=interest,
                principal=total([m.principal for m in chunk]),
                closing_cash=chunk[-1].closing_cash,
                lowest_cash=lowest,
                loan_balance=total([finance.loan_balance(loan, last) for loan in fin.loans]),
                allocation=allocate(fin, surplus, lowest, chunk[-1].closing_cash, rule),
            )
        )
    return result


@dataclass(frozen=True)
class Figures:
    """The key figures of a plan."""

    startup: Decimal
    member_shares: Decimal
    funding: Decimal
    funding_gap: Decimal
    months: list[Month]
    years: list[Year]
    lowest_cash_month: int
    lowest_cash: Decimal
    break_even_month: int | None
    main_service: str | None
    #: Units of the main service a month to cover running costs (the operating break-even).
    break_even_units: Decimal | None
    #: Units of the main service a month to cover running costs and repay the loans.
    break_even_units_with_loan: Decimal | None
    loan_balance: Decimal

    @property
    def first_year(self) -> Allocation:
        """The surplus split of the first year."""
        return self.years[0].allocation

    @property
    def cash_short(self) -> Decimal:
        """Money still to find so that cash never goes below zero (zero when none)."""
        return max(ZERO, -self.lowest_cash)


def figures(plan: Plan, rule: SurplusRule | None = None) -> Figures:
    """Every key figure of a plan (the surplus split under the country's rule, if it has one)."""
    fin = plan.financial
    table = finance.months(plan)
    low_month, low_cash = finance.lowest_cash(table)
    main = finance.main_service(fin)
    return Figures(
        startup=finance.startup_total(plan),
        member_shares=finance.member_shares(plan),
        funding=finance.funding_total(plan),
        funding_gap=finance.funding_gap(plan),
        months=table,
        years=years(plan, table, rule),
        lowest_cash_month=low_month,
        lowest_cash=low_cash,
        break_even_month=finance.break_even_month(table),
        main_service=main.service if main else None,
        break_even_units=finance.break_even_units(fin),
        break_even_units_with_loan=finance.break_even_units(fin, with_loans=True),
        loan_balance=total([finance.loan_balance(loan, fin.horizon_months) for loan in fin.loans]),
    )
