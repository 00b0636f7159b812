"""The plan's arithmetic: pure functions over Decimal, never rounded (rounding is for display).

Conventions, so that members and facilitators can redo every figure by hand:

- Month 1 opens with all funding (member shares, grants, loans, other) minus the start-up
  costs. Funding arrives once, before month 1.
- Member shares are the sum over member categories of members × share per member.
- A revenue line with `ramp_up_months` = R sells m/(R+1) of its full units in month m ≤ R,
  and all of them from month R+1 (R = 3: 25%, 50%, 75%, then 100%).
- Staff cost = count × monthly wage × (1 + employer contributions %), from the row's
  `start_month` on.
- Loans: `term_months` is the whole loan, grace included. During the grace months only
  interest is paid (balance × yearly rate / 12). After them an annuity (equal monthly
  payments of interest and principal) repays the loan over term − grace months.
- Surplus (negative: deficit) of a month = revenue − staff − fixed − variable costs − loan
  interest. Loan principal is not a cost but it is cash out, so
  closing cash = opening cash + revenue − (staff + fixed + variable + interest + principal).
- Cumulative break-even is the first month from which the cumulative surplus (start-up
  costs left out: the funding covers them) stays at zero or above until the horizon.
- Break-even units, twice, in whole units of the main service (the line that earns most in
  a full month) sold each month of a full month (every role that starts within the horizon
  hired, the other lines at full units):
  "to cover running costs" pays staff, fixed and variable costs (the operating break-even);
  "to also repay the loan" pays, on top, each loan's full annuity payment.
- A payer paid late (the what-if of a late main payer) shifts the cash of its lines, not
  their revenue: what is earned in month m arrives in month m + delay.
- The income statement, the year summaries and the surplus split are in
  `carecoop.plan.statement`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from carecoop.plan.model import Financial, Loan, Plan, RevenueLine, StaffRow

ZERO = Decimal(0)
HUNDRED = Decimal(100)
TWELVE = Decimal(12)


def total(amounts: list[Decimal]) -> Decimal:
    """Sum of amounts (Decimal zero for none)."""
    return sum(amounts, ZERO)


# Start-up and funding ----------------------------------------------------------------------


def startup_total(plan: Plan) -> Decimal:
    """All start-up costs."""
    return total([cost.amount for cost in plan.financial.startup_costs])


def member_shares(plan: Plan) -> Decimal:
    """Member share capital: members × share per member over every category."""
    return total([c.share * c.members for c in plan.members.categories])


def funding_total(plan: Plan) -> Decimal:
    """All money available before month 1."""
    fin = plan.financial
    return (
        member_shares(plan)
        + total([g.amount for g in fin.grants])
        + total([loan.amount for loan in fin.loans])
        + total([o.amount for o in fin.other_funding])
    )


def funding_gap(plan: Plan) -> Decimal:
    """How much of the start-up costs no funding covers (zero when covered)."""
    return max(ZERO, startup_total(plan) - funding_total(plan))


# One month ---------------------------------------------------------------------------------


def units_in_month(line: RevenueLine, month: int) -> Decimal:
    """Units a revenue line sells in a month, with its ramp-up."""
    ramp = line.ramp_up_months
    if month > ramp:
        return line.units_per_month
    return line.units_per_month * month / (ramp + 1)


def revenue_in_month(fin: Financial, month: int) -> Decimal:
    """Revenue of all lines in a month."""
    return total([units_in_month(line, month) * line.unit_price for line in fin.revenue])


def receipts_in_month(fin: Financial, month: int, delays: Mapping[str, int]) -> Decimal:
    """Money received in a month when some payers pay `delays[payer]` months late."""
    received = ZERO
    for line in fin.revenue:
        earned_in = month - delays.get(line.payer, 0)
        if earned_in >= 1:
            received += units_in_month(line, earned_in) * line.unit_price
    return received


def variable_costs_in_month(fin: Financial, month: int) -> Decimal:
    """Variable costs of all lines in a month."""
    return total([units_in_month(line, month) * line.variable_cost_per_unit for line in fin.revenue])


def staff_row_cost(row: StaffRow) -> Decimal:
    """Monthly cost of a staff row: count × wage × (1 + contributions %)."""
    return row.count * row.monthly_wage * (1 + row.employer_contributions / HUNDRED)


def staff_cost_in_month(fin: Financial, month: int) -> Decimal:
    """Cost of the staff paid in a month, employer contributions included."""
    return total([staff_row_cost(row) for row in fin.staff if row.start_month <= month])


def fixed_costs(fin: Financial) -> Decimal:
    """Fixed costs of one month."""
    return total([cost.amount for cost in fin.fixed_costs])


def annuity_payment(loan: Loan) -> Decimal:
    """The equal monthly payment after the grace months: P·i / (1 − (1+i)^−n), or P/n at 0%."""
    months = loan.term_months - loan.grace_months
    rate = loan.interest_rate / HUNDRED / TWELVE
    if rate == 0:
        return loan.amount / months
    return loan.amount * rate / (1 - (1 + rate) ** -months)


def loan_schedule(loan: Loan, horizon: int) -> list[tuple[Decimal, Decimal]]:
    """(interest, principal) paid in each month 1..horizon."""
    rate = loan.interest_rate / HUNDRED / TWELVE
    payment = annuity_payment(loan)
    balance = loan.amount
    schedule: list[tuple[Decimal, Decimal]] = []
    for month in range(1, horizon + 1):
        if month > loan.term_months or balance <= 0:
            schedule.append((ZERO, ZERO))
            continue
        interest = balance * rate
        if month <= loan.grace_months:
            principal = ZERO
        elif month == loan.term_months:
            principal = balance  # the last payment clears what is left
        else:
            principal = payment - interest
        balance -= principal
        schedule.append((interest, principal))
    return schedule


# The months of the horizon -------------------------------------------------------------------


@dataclass(frozen=True)
class Month:
    """The money of one month."""

    number: int
    revenue: Decimal
    staff: Decimal
    fixed: Decimal
    variable: Decimal
    interest: Decimal
    principal: Decimal
    opening_cash: Decimal
    #: Money received, when it differs from the revenue earned (a payer paying late).
    received: Decimal | None = None

    @property
    def costs(self) -> Decimal:
        """Staff, fixed and variable costs and loan interest."""
        return self.staff + self.fixed + self.variable + self.interest

    @property
    def surplus(self) -> Decimal:
        """Revenue minus costs (negative: a deficit)."""
        return self.revenue - self.costs

    @property
    def cash_in(self) -> Decimal:
        """Money coming in during the month."""
        return self.revenue if self.received is None else self.received

    @property
    def cash_out(self) -> Decimal:
        """Money going out: costs and loan principal."""
        return self.costs + self.principal

    @property
    def closing_cash(self) -> Decimal:
        """Cash at the end of the month."""
        return self.opening_cash + self.cash_in - self.cash_out


def opening_cash(plan: Plan) -> Decimal:
    """Cash at the start of month 1: funding minus start-up costs."""
    return funding_total(plan) - startup_total(plan)


def months(plan: Plan, delays: Mapping[str, int] | None = None) -> list[Month]:
    """Every month of the horizon, each opening with the previous month's closing cash.

    `delays` maps a payer to the months it pays late (for the what-if of a late payer).
    """
    fin = plan.financial
    horizon = fin.horizon_months
    schedules = [loan_schedule(loan, horizon) for loan in fin.loans]
    result: list[Month] = []
    cash = opening_cash(plan)
    for number in range(1, horizon + 1):
        month = Month(
            number=number,
            revenue=revenue_in_month(fin, number),
            staff=staff_cost_in_month(fin, number),
            fixed=fixed_costs(fin),
            variable=variable_costs_in_month(fin, number),
            interest=total([s[number - 1][0] for s in schedules]),
            principal=total([s[number - 1][1] for s in schedules]),
            opening_cash=cash,
            received=receipts_in_month(fin, number, delays) if delays else None,
        )
        result.append(month)
        cash = month.closing_cash
    return result


def lowest_cash(table: list[Month]) -> tuple[int, Decimal]:
    """The month with the lowest closing cash (the earliest of equals) and that cash."""
    lowest = min(table, key=lambda m: (m.closing_cash, m.number))
    return lowest.number, lowest.closing_cash


def first_negative_cash(table: list[Month]) -> Month | None:
    """The first month that closes with less than zero cash."""
    return next((m for m in table if m.closing_cash < 0), None)


def break_even_month(table: list[Month]) -> int | None:
    """First month from which the cumulative surplus stays at zero or more; None if never."""
    cumulative = ZERO
    candidate: int | None = None
    for month in table:
        cumulative += month.surplus
        if cumulative < 0:
            candidate = None
        elif candidate is None:
            candidate = month.number
    return candidate


def main_service(fin: Financial) -> RevenueLine | None:
    """The revenue line that earns most in a full month (the first of equals)."""
    if not fin.revenue:
        return None
    best = fin.revenue[0]
    for line in fin.revenue[1:]:
        if line.units_per_month * line.unit_price > best.units_per_month * best.unit_price:
            best = line
    return best


def break_even_units(fin: Financial, *, with_loans: bool = False) -> Decimal | None:
    """Whole units of the main service a full month needs to cover its costs.

    Running costs only (the operating break-even), or with each loan's full annuity payment
    too. Roles that start after the horizon are not counted. None when there is no revenue
    line or when a unit of it costs at least its price.
    """
    main = main_service(fin)
    if main is None:
        return None
    margin = main.unit_price - main.variable_cost_per_unit
    if margin <= 0:
        return None
    others = total(
        [
            line.units_per_month * (line.unit_price - line.variable_cost_per_unit)
            for line in fin.revenue
            if line is not main
        ]
    )
    monthly = total(
        [staff_row_cost(row) for row in fin.staff if row.start_month <= fin.horizon_months]
    ) + fixed_costs(fin)
    if with_loans:
        monthly += total([annuity_payment(loan) for loan in fin.loans])
    needed = (monthly - others) / margin
    return max(ZERO, needed.to_integral_value(rounding=ROUND_CEILING))


def loan_balance(loan: Loan, month: int) -> Decimal:
    """What is still owed on a loan at the end of a month (the amount before month 1)."""
    repaid = total([principal for _, principal in loan_schedule(loan, month)])
    return max(ZERO, loan.amount - repaid)
