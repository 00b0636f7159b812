"""The plan check: warnings in plain sentences with what to do, and a score of 0-100.

Score = completeness (40 points) + viability (60 points), then the viability gates
(docs/plan-score.md says the same for members and facilitators):

- completeness: 40 × the share of key fields filled in (KEY_FIELDS, 48 fields over the
  eleven sections; bylaws are optional and not counted);
- viability, each earned in full when its check passes, and only once the plan has
  revenue and monthly costs to judge:
  funding covers start-up costs 10, cash never below zero 15, cumulative break-even
  within the horizon 10, every wage at or above the minimum or living wage 10 (nothing
  when no wage figure is known), clients within places and carers' ratios 5 (full when no
  service states a limit), main price within what families can pay and above its
  variable cost 5 (nothing when what families can pay is unknown), a reserve share 5;
- gates: a plan whose cash goes below zero, whose funding does not cover the start-up
  costs, or whose wages are under the floor scores at most GATE_CAP (49, under half),
  whatever its completeness, and the report says which gate closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.errors import NextStep, Step
from carecoop.i18n import _
from carecoop.plan import finance, statement
from carecoop.plan.model import SECTION_TITLES, Plan, RevenueLine, Service
from carecoop.plan.money import currency_digits, format_money, format_number
from carecoop.plan.score import COMPLETENESS_POINTS, GATE_CAP, VIABILITY_POINTS, completeness
from carecoop.plan.wages import plan_currency, wage_floor, wage_floor_of


@dataclass(frozen=True)
class Finding:
    """One warning: a plain sentence with what to do."""

    code: str
    section: str
    message: str
    #: What to run to fix it; the CLI adds the workshop and group it checked.
    next_step: NextStep | None = None


@dataclass(frozen=True)
class Report:
    """Everything `plan check` shows."""

    figures: statement.Figures
    findings: list[Finding]
    completeness: dict[str, tuple[int, int]]
    viability: dict[str, int]
    score: int
    currency: str
    #: Decimals of `currency` as shown (see `money.currency_digits`).
    currency_digits: int
    #: Why the score is capped at GATE_CAP (empty: no gate closed).
    gates: list[str] = field(default_factory=list)

    @property
    def completeness_points(self) -> int:
        """Points earned for completeness."""
        filled = sum(f for f, _ in self.completeness.values())
        return round(COMPLETENESS_POINTS * filled / sum(t for _, t in self.completeness.values()))


def service_of(plan: Plan, line: RevenueLine) -> Service | None:
    """The service a revenue line sells (same name, ignoring case), if the plan lists it."""
    name = line.service.casefold()
    return next((s for s in plan.services.items if s.name.casefold() == name), None)


class _Checker:
    def __init__(self, plan: Plan, profile: CountryProfile, today: dt.date | None) -> None:
        self.plan = plan
        self.profile = profile
        self.today = today
        self.currency = plan_currency(plan, profile)
        self.figures = statement.figures(plan, profile.surplus_rule)
        self.findings: list[Finding] = []
        self.passed: dict[str, bool] = {}
        self.gates: list[str] = []

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.profile, self.currency)

    def add(self, code: str, section: str, message: str, next_step: NextStep | None = None) -> None:
        self.findings.append(Finding(code, section, message, next_step))

    def run(self) -> None:
        fin = self.plan.financial
        judged = bool(fin.revenue) and bool(fin.staff or fin.fixed_costs)
        self.empty_sections()
        self.funding(judged)
        self.cash(judged)
        self.wages(judged)
        self.ratios(judged)
        self.price(judged)
        self.reserve(judged)
        self.refunds()

    def empty_sections(self) -> None:
        for section, (filled, _total) in completeness(self.plan).items():
            if filled == 0:
                self.add(
                    "empty-section",
                    section,
                    _(
                        "The section '{section}' is empty."
                    ).format(section=_(SECTION_TITLES[section])),
                    NextStep(Step.FILL_PLAN, section=section),
                )

    def funding(self, judged: bool) -> None:
        gap = self.figures.funding_gap
        if gap > 0:
            self.add(
                "funding-gap",
                "financial",
                _(
                    "Start-up costs of {startup} are more than the funding of {funding}: {gap} is not "
                    "covered. Raise more member shares, find a grant or a loan, or cut start-up costs."
                ).format(
                    startup=self.money(self.figures.startup),
                    funding=self.money(self.figures.funding),
                    gap=self.money(gap),
                ),
            )
        self.passed["funding"] = judged and gap == 0
        if gap > 0:
            self.gates.append(_(
                "the funding does not cover the start-up costs ({gap} short)"
            ).format(gap=self.money(gap)))

    def cash(self, judged: bool) -> None:
        figures = self.figures
        negative = finance.first_negative_cash(figures.months)
        if negative is not None and (judged or figures.funding_gap == 0):
            start = (
                _("before opening")
                if figures.funding_gap > 0
                else _("on top of the funding, even though it covers the start-up costs")
            )
            self.add(
                "negative-cash",
                "financial",
                _(
                    "Cash falls below zero in month {number} ({closing_cash}); the lowest is "
                    "{lowest_cash} in month {lowest_cash_month}. In all, {cash_short} more is needed "
                    "{start}. Raise more funding before opening, start some costs later, or plan a "
                    "faster start."
                ).format(
                    number=negative.number,
                    closing_cash=self.money(negative.closing_cash),
                    lowest_cash=self.money(figures.lowest_cash),
                    lowest_cash_month=figures.lowest_cash_month,
                    cash_short=self.money(figures.cash_short),
                    start=start,
                ),
            )
        if negative is not None:
            self.gates.append(_(
                "cash goes below zero in month {number}"
            ).format(number=negative.number))
        if judged and figures.break_even_month is None:
            self.add(
                "no-break-even",
                "financial",
                _(
                    "The plan does not break even within {horizon_months} months: costs stay above "
                    "revenue. Look again at prices, the number of clients, or costs."
                ).format(horizon_months=self.plan.financial.horizon_months),
            )
        self.passed["cash"] = judged and negative is None
        self.passed["break_even"] = judged and figures.break_even_month is not None

    def wages(self, judged: bool) -> None:
        fin = self.plan.financial
        floor = wage_floor_of(self.plan, self.profile, self.today)
        if floor is None:
            if fin.staff:
                self.add(
                    "no-minimum-wage",
                    "financial",
                    _(
                        "No minimum or living wage is stated, so wages cannot be checked. Enter the "
                        "one that applies, with its source (financial.minimum_wage)."
                    ),
                )
            self.passed["wages"] = False
            return
        if floor.stale and floor.dated is not None:
            self.add(
                "stale-figure",
                "financial",
                _(
                    "The minimum wage of {amount} in the {name} profile dates from {dated}, more than "
                    "12 months ago. Check the current figure and enter it with its source "
                    "(financial.minimum_wage and financial.minimum_wage_source)."
                ).format(
                    amount=self.money(floor.amount),
                    name=self.profile.name,
                    dated=floor.dated.isoformat(),
                ),
            )
        below = False
        unknown_hours: list[str] = []
        for row in fin.staff:
            needed = wage_floor(self.plan, row, floor.amount)
            if needed is None:
                unknown_hours.append(row.role)
                continue
            if row.monthly_wage < needed:
                below = True
                if row.hours_per_week is not None:
                    part = " " + _("for its hours")
                    advice = _("Raise it to at least that.")
                else:
                    part = " " + _("for a full-time week")
                    advice = _(
                        "Raise it to at least that, or, if the role is part-time, enter its hours a week "
                        "(financial.staff.hours_per_week) so that the wage is compared for those hours."
                    )
                self.add(
                    "wage-below-minimum",
                    "financial",
                    _(
                        "The monthly wage of {role} ({monthly_wage}) is below {needed}{part} "
                        "({source}). {advice}"
                    ).format(
                        role=row.role,
                        monthly_wage=self.money(row.monthly_wage),
                        needed=self.money(needed),
                        part=part,
                        source=floor.source,
                        advice=advice,
                    ),
                )
        if unknown_hours:
            self.add(
                "no-full-time-hours",
                "decent_work",
                _(
                    "{unknown_hours} work part-time hours, but the plan does not say how many hours a "
                    "full-time week has, so their wages cannot be compared with the {amount} a month. "
                    "Enter them (decent_work.full_time_hours)."
                ).format(unknown_hours=', '.join(unknown_hours), amount=self.money(floor.amount)),
            )
        if below:
            self.gates.append(_("a wage is under the minimum or living wage"))
        self.passed["wages"] = judged and not below

    def carers(self) -> Decimal:
        """Carers of the staff plan: the roles marked as working directly with clients."""
        return sum((row.count for row in self.plan.financial.staff if row.carer), Decimal(0))

    def ratios(self, judged: bool) -> None:
        rule = self.plan.services.regulation.max_clients_per_carer
        regulated = [s for s in self.plan.services.items if s.regulated]
        ok = True
        needs_staff_plan = False
        for service in self.plan.services.items:
            limit = service.max_clients_per_carer or (rule if service.regulated else None)
            if limit is None:
                if service.regulated:
                    self.add(
                        "no-ratio-rule",
                        "services",
                        _(
                            "{name} is regulated but no maximum number of clients per carer is stated. "
                            "Find out what the rules allow and enter it."
                        ).format(name=service.name),
                    )
                continue
            staff = self.service_carers(service, regulated)
            if staff is None:
                needs_staff_plan = service.carers is None
                continue
            if service.capacity is not None and not self.within(service, service.capacity, staff, limit,
                                                                 "places"):
                ok = False
        ok = self.clients_sold(rule, regulated) and ok
        unmarked = [row.role for row in self.plan.financial.staff if row.carer is None]
        if needs_staff_plan and unmarked:
            self.add(
                "carer-not-marked",
                "financial",
                _(
                    "Say which roles work directly with clients ({unmarked}): mark each role as a "
                    "carer or not (financial.staff.carer), so that clients per carer can be checked."
                ).format(unmarked=', '.join(unmarked)),
            )
        self.passed["ratios"] = judged and ok

    def service_carers(self, service: Service, regulated: list[Service]) -> Decimal | None:
        """The carers of a service: its own count, else the staff plan's when it is the only one."""
        if service.carers is not None:
            return Decimal(service.carers)
        carers = self.carers()
        if len(regulated) == 1 and service is regulated[0] and carers > 0:
            return carers  # one regulated service: every carer of the staff plan works in it
        return None

    def within(self, service: Service, clients: Decimal | int, staff: Decimal, limit: Decimal,
               what: str) -> bool:
        """Whether clients per carer stay within the rule; a finding when not."""
        per_carer = Decimal(clients) / staff if staff > 0 else None
        if per_carer is not None and per_carer <= limit:
            return True
        needed = (Decimal(clients) / limit).to_integral_value(rounding=ROUND_CEILING)
        shown = format_number(per_carer, self.profile, 1) if per_carer is not None else _("all")
        count = format_number(Decimal(clients), self.profile)
        counted = (_("{count} places") if what == "places" else _("{count} clients sold")).format(count=count)
        fewer = _("fewer places") if what == "places" else _("fewer clients")
        self.add(
            "ratio-above-rule",
            "services",
            _(
                "{name} plans {shown} clients per carer ({counted}, {staff} carers); the rules allow "
                "{limit}. Plan at least {needed} carers or {fewer}."
            ).format(
                name=service.name,
                shown=shown,
                counted=counted,
                staff=format_number(staff, self.profile),
                limit=format_number(limit, self.profile),
                needed=needed,
                fewer=fewer,
            ),
        )
        return False

    def clients_sold(self, rule: Decimal | None, regulated: list[Service]) -> bool:
        """Clients sold in a full month within the service's places and its carers' ratio."""
        ok = True
        for line in self.plan.financial.revenue:
            service = service_of(self.plan, line)
            if service is None:
                continue
            units = line.units_per_month
            if service.capacity is not None and units > service.capacity:
                ok = False
                self.add(
                    "clients-above-places",
                    "financial",
                    _(
                        "The plan sells {units} units of {service} a month, but {name} has {capacity} "
                        "places. Sell at most {capacity}, or plan more places (and the carers they "
                        "need)."
                    ).format(
                        units=format_number(units, self.profile),
                        service=line.service,
                        name=service.name,
                        capacity=service.capacity,
                    ),
                )
            limit = service.max_clients_per_carer or (rule if service.regulated else None)
            staff = self.service_carers(service, regulated)
            capacity_checked = service.capacity is not None and units <= service.capacity
            if limit is not None and staff is not None and not capacity_checked:
                ok = self.within(service, units, staff, limit, "clients sold") and ok
        return ok

    def price(self, judged: bool) -> None:
        for line in self.plan.financial.revenue:
            if line.variable_cost_per_unit > 0 and line.unit_price <= line.variable_cost_per_unit:
                self.add(
                    "price-below-cost",
                    "financial",
                    _(
                        "The price of {service} ({unit_price}) does not cover what one unit costs in "
                        "food or materials ({variable_cost_per_unit}): every client sold loses money. "
                        "Raise the price or find another payer for the difference."
                    ).format(
                        service=line.service,
                        unit_price=self.money(line.unit_price),
                        variable_cost_per_unit=self.money(line.variable_cost_per_unit),
                    ),
                )
        can_pay = self.plan.market.can_pay
        main = finance.main_service(self.plan.financial)
        if can_pay is None or main is None:
            self.passed["price"] = False
            return
        too_high = main.payer in ("families", "members") and main.unit_price > can_pay
        if too_high:
            unit = f" {self.plan.market.can_pay_unit}" if self.plan.market.can_pay_unit else ""
            self.add(
                "price-above-ability",
                "marketing",
                _(
                    "The price of {service} ({unit_price}) is more than families said they can pay "
                    "({can_pay}{unit}). Lower it, add a sliding scale, or find another payer (a public "
                    "contract, an employer, a subsidy)."
                ).format(
                    service=main.service,
                    unit_price=self.money(main.unit_price),
                    can_pay=self.money(can_pay),
                    unit=unit,
                ),
            )
        covers_cost = main.unit_price > main.variable_cost_per_unit
        self.passed["price"] = judged and not too_high and covers_cost

    def reserve(self, judged: bool) -> None:
        percent = self.plan.financial.reserve_percent
        if not percent:
            self.add(
                "no-reserve",
                "financial",
                _(
                    "No share of a surplus goes to a reserve. Set a reserve percentage "
                    "(financial.reserve_percent) to carry the cooperative through hard months."
                ),
            )
        self.passed["reserve"] = judged and bool(percent)

    def refunds(self) -> None:
        first = self.figures.first_year
        if first.refund_blocked in ("negative-cash", "cash-short"):
            self.add(
                "refund-not-paid",
                "financial",
                _(
                    "The first year's patronage refund of {refund} cannot be paid: {reason} "
                    "It stays in the cooperative until cash allows."
                ).format(refund=self.money(first.planned_refund), reason=refund_reason(first, self.money)),
            )


def check_plan(plan: Plan, profile: CountryProfile, today: dt.date | None = None) -> Report:
    """Check a plan: key figures, warnings, completeness and the score (see module docstring).

    `today` dates the check (profile figures older than 12 months are flagged).
    """
    checker = _Checker(plan, profile, today)
    checker.run()
    parts = completeness(plan)
    filled = sum(f for f, _ in parts.values())
    total = sum(t for _, t in parts.values())
    viability = {name: points if checker.passed.get(name) else 0 for name, points in VIABILITY_POINTS.items()}
    score = round(COMPLETENESS_POINTS * filled / total) + sum(viability.values())
    if checker.gates:
        score = min(score, GATE_CAP)
    digits = currency_digits(profile, checker.currency)
    return Report(
        checker.figures, checker.findings, parts, viability, score, checker.currency, digits, checker.gates
    )


def refund_reason(allocation: statement.Allocation, money: Callable[[Decimal], str]) -> str:
    """Why a year's patronage refund is not paid, in a sentence (empty when it is paid)."""
    if allocation.refund_blocked == "deficit":
        return _("the year ends with a deficit, so there is nothing to share.")
    if allocation.refund_blocked == "negative-cash":
        return _("cash goes below zero during the year.")
    if allocation.refund_blocked == "cash-short":
        needed = money(allocation.planned_refund)
        short = _("the cash left at the end of the year is less than the {needed} it needs.")
        return short.format(needed=needed)
    return ""
