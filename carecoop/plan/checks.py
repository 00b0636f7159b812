"""The plan check: warnings in plain sentences with what to do, and a score of 0-100.

Score = completeness (40 points) + viability (60 points):

- completeness: 40 × the share of key fields filled in (KEY_FIELDS, 48 fields over the
  eleven sections; bylaws are optional and not counted);
- viability, each earned in full when its check passes, and only once the plan has
  revenue and monthly costs to judge:
  funding covers start-up costs 10, cash never below zero 15, cumulative break-even
  within the horizon 10, every wage at or above the minimum or living wage 10 (nothing
  when no wage figure is known), clients per carer within the rules 5 (full when no
  service states a rule), main price within what families can pay 5 (nothing when
  unknown), a reserve share of the surplus 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.errors import NextStep, Step
from carecoop.plan import finance
from carecoop.plan.answers import get_path
from carecoop.plan.model import SECTION_TITLES, Plan, StaffRow
from carecoop.plan.money import currency_digits, format_money, format_number

#: The fields whose being filled counts for completeness, per section.
KEY_FIELDS: dict[str, list[str]] = {
    "cooperative": ["name", "care_services", "vision", "mission", "legal_form", "country"],
    "members": ["membership_model", "categories", "rights", "duties"],
    "market": ["who_needs_care", "people_in_need", "can_pay", "alternatives", "demand_evidence"],
    "services": ["items", "regulation.licences", "regulation.qualifications", "regulation.safeguarding",
                 "regulation.quality"],
    "marketing": ["pricing", "payers", "channels", "partners"],
    "operations": ["premises", "equipment", "daily_routine", "staffing"],
    "governance": ["general_assembly", "board", "committees", "management", "decision_rules"],
    "decent_work": ["wage_policy", "hours", "social_protection", "training", "health_safety"],
    "financial": ["startup_costs", "revenue", "staff", "fixed_costs", "minimum_wage", "reserve_percent",
                  "education_fund_percent", "assumptions"],
    "risks": [""],
    "action_plan": [""],
}

#: Points of each viability criterion (they add up to 60).
VIABILITY_POINTS: dict[str, int] = {
    "funding": 10,
    "cash": 15,
    "break_even": 10,
    "wages": 10,
    "ratios": 5,
    "price": 5,
    "reserve": 5,
}
COMPLETENESS_POINTS = 40


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

    figures: finance.Figures
    findings: list[Finding]
    completeness: dict[str, tuple[int, int]]
    viability: dict[str, int]
    score: int
    currency: str
    #: Decimals of `currency` as shown (see `money.currency_digits`).
    currency_digits: int


def _filled(value: object) -> bool:
    return value not in (None, "", [], {})


def completeness(plan: Plan) -> dict[str, tuple[int, int]]:
    """Section → (key fields filled, key fields)."""
    data = plan.model_dump(mode="json")
    result: dict[str, tuple[int, int]] = {}
    for section, names in KEY_FIELDS.items():
        paths = [f"{section}.{name}" if name else section for name in names]
        result[section] = (sum(_filled(get_path(data, p)) for p in paths), len(paths))
    return result


def plan_currency(plan: Plan, profile: CountryProfile) -> str:
    """The plan's currency, or the profile's when the plan names none."""
    return plan.financial.currency or profile.currency


def minimum_wage(plan: Plan, profile: CountryProfile) -> tuple[Decimal, str] | None:
    """The monthly wage to compare with and where it comes from (plan, else profile)."""
    fin = plan.financial
    if fin.minimum_wage is not None:
        source = fin.minimum_wage_source or "stated in the plan"
        return fin.minimum_wage, f"{fin.minimum_wage_kind} wage, {source}"
    figure = profile.figure("minimum_wage")
    if figure and figure.period == "month" and figure.currency == plan_currency(plan, profile):
        return figure.amount, f"minimum wage, {figure.source}, {figure.date.isoformat()}"
    return None


def wage_floor(plan: Plan, row: StaffRow, floor: Decimal) -> Decimal:
    """The least a role may earn a month: the floor, pro rata for part-time hours."""
    full_time = plan.decent_work.full_time_hours
    if row.hours_per_week is not None and full_time is not None and row.hours_per_week < full_time:
        return floor * row.hours_per_week / full_time
    return floor


class _Checker:
    def __init__(self, plan: Plan, profile: CountryProfile) -> None:
        self.plan = plan
        self.profile = profile
        self.currency = plan_currency(plan, profile)
        self.figures = finance.figures(plan)
        self.findings: list[Finding] = []
        self.passed: dict[str, bool] = {}

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

    def empty_sections(self) -> None:
        for section, (filled, _total) in completeness(self.plan).items():
            if filled == 0:
                self.add(
                    "empty-section",
                    section,
                    f"The section '{SECTION_TITLES[section]}' is empty.",
                    NextStep(Step.FILL_PLAN, section=section),
                )

    def funding(self, judged: bool) -> None:
        gap = self.figures.funding_gap
        if gap > 0:
            self.add(
                "funding-gap",
                "financial",
                f"Start-up costs of {self.money(self.figures.startup)} are more than the funding of "
                f"{self.money(self.figures.funding)}: {self.money(gap)} is not covered. Raise more member "
                "shares, find a grant or a loan, or cut start-up costs.",
            )
        self.passed["funding"] = judged and gap == 0

    def cash(self, judged: bool) -> None:
        negative = finance.first_negative_cash(self.figures.months)
        if negative is not None and (judged or self.figures.funding_gap == 0):
            self.add(
                "negative-cash",
                "financial",
                f"Cash falls below zero in month {negative.number} "
                f"({self.money(negative.closing_cash)}); the lowest is "
                f"{self.money(self.figures.lowest_cash)} in month {self.figures.lowest_cash_month}. "
                "Raise more funding before opening, start some costs later, or plan a faster start.",
            )
        if judged and self.figures.break_even_month is None:
            self.add(
                "no-break-even",
                "financial",
                f"The plan does not break even within {self.plan.financial.horizon_months} months: "
                "costs stay above revenue. Look again at prices, the number of clients, or costs.",
            )
        self.passed["cash"] = judged and negative is None
        self.passed["break_even"] = judged and self.figures.break_even_month is not None

    def wages(self, judged: bool) -> None:
        fin = self.plan.financial
        wage = minimum_wage(self.plan, self.profile)
        if wage is None:
            if fin.staff:
                self.add(
                    "no-minimum-wage",
                    "financial",
                    "No minimum or living wage is stated, so wages cannot be checked. Enter the one "
                    "that applies, with its source (financial.minimum_wage).",
                )
            self.passed["wages"] = False
            return
        floor, source = wage
        below = False
        for row in fin.staff:
            needed = wage_floor(self.plan, row, floor)
            if row.monthly_wage < needed:
                below = True
                part = " for its hours" if needed != floor else ""
                self.add(
                    "wage-below-minimum",
                    "financial",
                    f"The monthly wage of {row.role} ({self.money(row.monthly_wage)}) is below "
                    f"{self.money(needed)}{part} ({source}). Raise it to at least that.",
                )
        self.passed["wages"] = judged and not below

    def ratios(self, judged: bool) -> None:
        rule = self.plan.services.regulation.max_clients_per_carer
        carers = sum((row.count for row in self.plan.financial.staff if row.carer), Decimal(0))
        regulated = [s for s in self.plan.services.items if s.regulated]
        ok = True
        for service in self.plan.services.items:
            limit = service.max_clients_per_carer or (rule if service.regulated else None)
            if limit is None:
                if service.regulated:
                    self.add(
                        "no-ratio-rule",
                        "services",
                        f"{service.name} is regulated but no maximum number of clients per carer is "
                        "stated. Find out what the rules allow and enter it.",
                    )
                continue
            staff = Decimal(service.carers) if service.carers is not None else None
            if staff is None and len(regulated) == 1 and service is regulated[0] and carers > 0:
                staff = carers  # one regulated service: every carer of the staff plan works in it
            if staff is None or service.capacity is None:
                continue
            per_carer = Decimal(service.capacity) / staff if staff > 0 else None
            if per_carer is None or per_carer > limit:
                ok = False
                needed = (Decimal(service.capacity) / limit).to_integral_value(rounding="ROUND_CEILING")
                shown = format_number(per_carer, self.profile, 1) if per_carer is not None else "all"
                self.add(
                    "ratio-above-rule",
                    "services",
                    f"{service.name} plans {shown} clients per carer ({service.capacity} places, "
                    f"{format_number(staff, self.profile)} carers); the rules allow "
                    f"{format_number(limit, self.profile)}. Plan at least {needed} carers or fewer places.",
                )
        self.passed["ratios"] = judged and ok

    def price(self, judged: bool) -> None:
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
                f"The price of {main.service} ({self.money(main.unit_price)}) is more than families said "
                f"they can pay ({self.money(can_pay)}{unit}). Lower it, add a sliding scale, or find "
                "another payer (a public contract, an employer, a subsidy).",
            )
        self.passed["price"] = judged and not too_high

    def reserve(self, judged: bool) -> None:
        percent = self.plan.financial.reserve_percent
        if not percent:
            self.add(
                "no-reserve",
                "financial",
                "No share of a surplus goes to a reserve. Set a reserve percentage "
                "(financial.reserve_percent) to carry the cooperative through hard months.",
            )
        self.passed["reserve"] = judged and bool(percent)


def check_plan(plan: Plan, profile: CountryProfile) -> Report:
    """Check a plan: key figures, warnings, completeness and the score (see module docstring)."""
    checker = _Checker(plan, profile)
    checker.run()
    parts = completeness(plan)
    filled = sum(f for f, _ in parts.values())
    total = sum(t for _, t in parts.values())
    viability = {name: points if checker.passed.get(name) else 0 for name, points in VIABILITY_POINTS.items()}
    score = round(COMPLETENESS_POINTS * filled / total) + sum(viability.values())
    digits = currency_digits(profile, checker.currency)
    return Report(checker.figures, checker.findings, parts, viability, score, checker.currency, digits)
