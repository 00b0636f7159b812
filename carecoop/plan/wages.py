"""The wage floor a plan's wages are compared with: the plan's own figure, else the profile's.

A figure from a country profile older than 12 months is still shown, with its date and a
"check the current figure" note, never used silently as the legal floor. Part-time roles
are compared pro rata, and only when the plan says how many hours a full-time week has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.i18n import _
from carecoop.plan.model import Plan, StaffRow

#: A country-profile figure older than this many days is shown with a "check it" warning.
STALE_AFTER_DAYS = 365


def plan_currency(plan: Plan, profile: CountryProfile) -> str:
    """The plan's currency, or the profile's when the plan names none."""
    return plan.financial.currency or profile.currency


@dataclass(frozen=True)
class WageFloor:
    """The monthly wage to compare with, where it comes from, and its date if from a profile."""

    amount: Decimal
    source: str
    dated: dt.date | None = None
    stale: bool = False


def wage_floor_of(plan: Plan, profile: CountryProfile, today: dt.date | None = None) -> WageFloor | None:
    """The wage floor: the plan's own figure, else the profile's (flagged when over 12 months old)."""
    fin = plan.financial
    if fin.minimum_wage is not None:
        source = fin.minimum_wage_source or _("stated in the plan")
        kind = _("living wage") if fin.minimum_wage_kind == "living" else _("minimum wage")
        return WageFloor(fin.minimum_wage, f"{kind}, {source}")
    figure = profile.figure("minimum_wage")
    if figure and figure.period == "month" and figure.currency == plan_currency(plan, profile):
        stale = ((today or dt.date.today()) - figure.date).days > STALE_AFTER_DAYS
        kind = _("minimum wage")
        source = f"{kind}, {figure.source}, {figure.date.isoformat()}"
        if stale:
            source += ", " + _("more than 12 months old: check the current figure")
        return WageFloor(figure.amount, source, figure.date, stale)
    return None


def minimum_wage(plan: Plan, profile: CountryProfile) -> tuple[Decimal, str] | None:
    """The monthly wage to compare with and where it comes from (plan, else profile)."""
    floor = wage_floor_of(plan, profile)
    return None if floor is None else (floor.amount, floor.source)


def wage_floor(plan: Plan, row: StaffRow, floor: Decimal) -> Decimal | None:
    """The least a role may earn a month: the floor, pro rata for part-time hours.

    None when the role works part-time hours but the plan does not say how many hours a
    full-time week has: then the wage cannot be compared (the check asks for them).
    """
    full_time = plan.decent_work.full_time_hours
    if row.hours_per_week is None:
        return floor
    if full_time is None:
        return None
    if row.hours_per_week < full_time:
        return floor * row.hours_per_week / full_time
    return floor
