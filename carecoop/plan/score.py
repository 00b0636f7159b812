"""The parts of the plan check's score: completeness of the key fields, viability points, the cap.

The rules are in `carecoop.plan.checks` (module docstring) and docs/plan-score.md.
"""

from __future__ import annotations

from carecoop.plan.answers import get_path
from carecoop.plan.model import Plan

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
#: The most a plan that fails a viability gate can score.
GATE_CAP = 49

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
