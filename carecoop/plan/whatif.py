"""What if the plan goes worse than hoped: fewer clients, a lower price, a late payer.

Each scenario changes one thing and runs the same cash plan (`carecoop.plan.finance`):

- fewer clients: every revenue line sells 10% (or 25%) fewer units each month;
- a lower price: every price 10% lower (variable costs unchanged);
- a late main payer: the payer that brings most revenue in a full month pays three months
  late, so its money of month m arrives in month m + 3;
- the lowest level of clients at which cash never goes below zero: the smallest whole
  percentage of the planned units (every line, the same ramp-up) whose cash plan never
  closes a month below zero, searched up to three times the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carecoop.i18n import N_, _, ngettext
from carecoop.plan import finance
from carecoop.plan.finance import Month
from carecoop.plan.model import Plan
from carecoop.plan.money import format_percent

#: Months the main payer pays late in the what-if.
PAYER_DELAY = 3
#: The highest level of clients searched, in percent of the plan.
SEARCH_UP_TO = 300

#: The what-ifs as a table names them, with the percentage they change (the late payer's
#: title is made where it is shown, with the payer's name).
TITLES: dict[str, tuple[str, int | None]] = {
    "plan": (N_("As planned"), None),
    "clients-10": (N_("{percent} fewer clients"), 10),
    "clients-25": (N_("{percent} fewer clients"), 25),
    "price-10": (N_("Prices {percent} lower"), 10),
}


@dataclass(frozen=True)
class Scenario:
    """The cash plan of one what-if."""

    key: str
    #: The English label (kept in the JSON); `title()` gives it in the reader's language.
    label: str
    months: list[Month]
    #: The late payer in words (only for the late-payer what-if).
    payer: str | None = None

    def title(self) -> str:
        """The what-if as a table names it, in the current language."""
        if self.key == "late-payer":
            return ngettext(
                "The main payer ({payer}) pays {count} month late",
                "The main payer ({payer}) pays {count} months late",
                PAYER_DELAY,
            ).format(payer=self.payer, count=PAYER_DELAY)
        title, percent = TITLES[self.key]
        return _(title).format(percent=format_percent(Decimal(percent or 0)))

    @property
    def lowest(self) -> Month:
        """The month that closes with the least cash (the earliest of equals)."""
        return min(self.months, key=lambda m: (m.closing_cash, m.number))

    @property
    def first_negative(self) -> Month | None:
        """The first month that closes below zero."""
        return finance.first_negative_cash(self.months)

    @property
    def closing_cash(self) -> Decimal:
        """Cash at the end of the horizon."""
        return self.months[-1].closing_cash

    @property
    def break_even_month(self) -> int | None:
        """The cumulative break-even month, if within the horizon."""
        return finance.break_even_month(self.months)


@dataclass(frozen=True)
class SafeLevel:
    """The lowest level of clients at which cash never goes below zero."""

    percent: int | None  # None: not even at SEARCH_UP_TO percent
    main_service: str | None
    main_units: Decimal | None  # units of the main service a full month at that level


def _scaled(plan: Plan, *, units: Decimal = Decimal(1), price: Decimal = Decimal(1)) -> Plan:
    """The plan with every line's units and price scaled (copies: the plan is not changed)."""
    fin = plan.financial
    revenue = [
        line.model_copy(
            update={"units_per_month": line.units_per_month * units, "unit_price": line.unit_price * price}
        )
        for line in fin.revenue
    ]
    return plan.model_copy(update={"financial": fin.model_copy(update={"revenue": revenue})})


def main_payer(plan: Plan) -> str | None:
    """The payer that brings most revenue in a full month (the first of equals)."""
    totals: dict[str, Decimal] = {}
    for line in plan.financial.revenue:
        totals[line.payer] = totals.get(line.payer, Decimal(0)) + line.units_per_month * line.unit_price
    if not totals:
        return None
    return max(totals, key=lambda payer: (totals[payer], -list(totals).index(payer)))


def scenarios(plan: Plan, payer_names: dict[str, str] | None = None) -> list[Scenario]:
    """The plan as planned and its what-ifs, in the order they are shown."""
    result = [
        Scenario("plan", "As planned", finance.months(plan)),
        Scenario("clients-10", "10% fewer clients", finance.months(_scaled(plan, units=Decimal("0.9")))),
        Scenario("clients-25", "25% fewer clients", finance.months(_scaled(plan, units=Decimal("0.75")))),
        Scenario("price-10", "Prices 10% lower", finance.months(_scaled(plan, price=Decimal("0.9")))),
    ]
    payer = main_payer(plan)
    if payer is not None:
        name = (payer_names or {}).get(payer, payer)
        result.append(
            Scenario(
                "late-payer",
                f"The main payer ({name}) pays {PAYER_DELAY} months late",
                finance.months(plan, {payer: PAYER_DELAY}),
                name,
            )
        )
    return result


def _safe(plan: Plan, percent: int) -> bool:
    scaled = _scaled(plan, units=Decimal(percent) / 100)
    return finance.first_negative_cash(finance.months(scaled)) is None


def safe_level(plan: Plan) -> SafeLevel:
    """The lowest whole percentage of the planned clients at which cash never goes below zero.

    Searched by halving, which assumes more clients never mean less cash; a line sold below
    its cost breaks that, and its own warning (price-below-cost) says so.
    """
    main = finance.main_service(plan.financial)
    name = main.service if main else None
    if not plan.financial.revenue or not _safe(plan, SEARCH_UP_TO):
        return SafeLevel(None, name, None)
    low, high = 0, SEARCH_UP_TO  # invariant: high is safe
    if _safe(plan, 0):
        high = 0
    while high - low > 1:
        middle = (low + high) // 2
        if _safe(plan, middle):
            high = middle
        else:
            low = middle
    units = None if main is None else main.units_per_month * high / 100
    return SafeLevel(high, name, units)
