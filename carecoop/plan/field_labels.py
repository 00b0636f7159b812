"""Plan fields and choices as the wizard names them on screen, in the screen's language.

The model's field names are a file format (`monthly_wage`); people read `Monthly wage`,
`Salario mensual`. Hints and examples are marked in `carecoop.plan.model` and translated
here where they are shown; the plan schema and FIELDS.md keep the English.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from carecoop.i18n import N_, _

if TYPE_CHECKING:
    from carecoop.plan.fields import FieldInfo

#: Between the items of a list typed on one line.
SEPARATOR = ";"

#: Every plan field and row column by name (a name means the same wherever it is used).
FIELD_LABELS: dict[str, str] = {
    "action_plan": N_("Action plan"),
    "alternatives": N_("Alternatives"),
    "amount": N_("Amount"),
    "assumptions": N_("Assumptions"),
    "board": N_("Board"),
    "board_size": N_("Board size"),
    "board_term_years": N_("Board term years"),
    "bylaws": N_("Bylaws"),
    "can_pay": N_("What a family can pay"),
    "can_pay_unit": N_("Can pay unit"),
    "capacity": N_("Capacity"),
    "care_services": N_("Care services"),
    "carer": N_("Carer"),
    "carers": N_("Carers"),
    "categories": N_("Categories"),
    "category": N_("Category"),
    "channels": N_("Channels"),
    "committees": N_("Committees"),
    "cooperative": N_("Cooperative"),
    "cost": N_("Cost"),
    "count": N_("Count"),
    "country": N_("Country"),
    "currency": N_("Currency"),
    "daily_routine": N_("Daily routine"),
    "decent_work": N_("Decent work"),
    "decision_rules": N_("Decision rules"),
    "demand_evidence": N_("Demand evidence"),
    "description": N_("Description"),
    "dissolution": N_("Dissolution"),
    "duties": N_("Duties"),
    "education_fund_percent": N_("Education fund percent"),
    "employer_contributions": N_("Employer contributions"),
    "equipment": N_("Equipment"),
    "financial": N_("Financial"),
    "fixed_costs": N_("Fixed costs"),
    "full_time_hours": N_("Full time hours"),
    "general_assembly": N_("General assembly"),
    "governance": N_("Governance"),
    "grace_months": N_("Grace months"),
    "grants": N_("Grants"),
    "health_safety": N_("Health and safety"),
    "horizon_months": N_("Horizon months"),
    "hours": N_("Hours"),
    "hours_per_week": N_("Hours per week"),
    "impact": N_("Impact"),
    "inspections": N_("Inspections"),
    "interest_rate": N_("Interest rate"),
    "item": N_("Item"),
    "items": N_("Services"),
    "kind": N_("Kind"),
    "legal_form": N_("Legal form"),
    "legal_form_detail": N_("Legal form detail"),
    "lender": N_("Lender"),
    "licences": N_("Licences"),
    "likelihood": N_("Likelihood"),
    "loans": N_("Loans"),
    "location": N_("Location"),
    "majority_percent": N_("Majority percent"),
    "management": N_("Management"),
    "market": N_("Market"),
    "marketing": N_("Marketing"),
    "max_clients_per_carer": N_("Most clients per carer allowed"),
    "members": N_("Members"),
    "membership_conditions": N_("Membership conditions"),
    "membership_model": N_("Membership model"),
    "minimum_wage": N_("Minimum wage"),
    "minimum_wage_kind": N_("Minimum wage kind"),
    "minimum_wage_source": N_("Minimum wage source"),
    "mission": N_("Mission"),
    "monthly_wage": N_("Monthly wage"),
    "name": N_("Name"),
    "notice_days": N_("Notice days"),
    "opening_hours": N_("Opening hours"),
    "operations": N_("Operations"),
    "other_funding": N_("Other funding"),
    "partners": N_("Partners"),
    "patronage_refund_percent": N_("Patronage refund percent"),
    "payer": N_("Payer"),
    "payers": N_("Payers"),
    "people_in_need": N_("People in need"),
    "premises": N_("Premises"),
    "pricing": N_("Pricing"),
    "purpose": N_("Purpose"),
    "qualifications": N_("Qualifications"),
    "quality": N_("Quality"),
    "quorum_percent": N_("Quorum percent"),
    "ramp_up_months": N_("Ramp up months"),
    "regulated": N_("Regulated"),
    "regulation": N_("Regulation"),
    "reserve_percent": N_("Reserve percent"),
    "response": N_("Response"),
    "revenue": N_("Revenue"),
    "rights": N_("Rights"),
    "risk": N_("Risk"),
    "risks": N_("Risks"),
    "role": N_("Role"),
    "safeguarding": N_("Safeguarding"),
    "service": N_("Service"),
    "services": N_("Services"),
    "share": N_("Share"),
    "share_refund": N_("Share refund"),
    "share_value": N_("Share value"),
    "social_protection": N_("Social protection"),
    "source": N_("Source"),
    "special_majority_percent": N_("Special majority percent"),
    "staff": N_("Staff"),
    "staffing": N_("Staffing"),
    "start_month": N_("Start month"),
    "startup_costs": N_("Start-up costs"),
    "step": N_("Step"),
    "surplus_use": N_("Surplus use"),
    "term_months": N_("Term months"),
    "training": N_("Training"),
    "unit": N_("Unit"),
    "unit_price": N_("Unit price"),
    "units_per_month": N_("Units per month"),
    "useful_life_years": N_("Useful life years"),
    "values": N_("Values"),
    "variable_cost_per_unit": N_("Variable cost per unit"),
    "vision": N_("Vision"),
    "voice": N_("Voice"),
    "wage_policy": N_("Wage policy"),
    "when": N_("When"),
    "who": N_("Who"),
    "who_needs_care": N_("Who needs care"),
    "withdrawal_notice_months": N_("Withdrawal notice months"),
}

#: The choice ids of the plan (payers, membership models, levels…) in words.
CHOICE_LABELS: dict[str, str] = {
    # legal forms
    "cooperative": N_("Cooperative"),
    "association": N_("Association"),
    "mutual": N_("Mutual"),
    "social-enterprise": N_("Social enterprise"),
    # membership models
    "worker": N_("Worker cooperative (the care workers are the members)"),
    "user": N_("User cooperative (the families are the members)"),
    "multi-stakeholder": N_("Multi-stakeholder (workers, families and supporters together)"),
    "existing-cooperative": N_("An existing cooperative that adds care"),
    # payers
    "families": N_("Families"),
    "public-contract": N_("Public contract"),
    "insurer": N_("Insurer"),
    "employer": N_("Employer"),
    "subsidy": N_("Subsidy"),
    "members": N_("Members"),
    # what people use today
    "public": N_("Public"),
    "private": N_("Private"),
    "family": N_("Family"),
    "informal": N_("Informal"),
    # levels
    "low": N_("Low"),
    "medium": N_("Medium"),
    "high": N_("High"),
    # the wage the plan compares with
    "minimum": N_("Minimum wage (the law)"),
    "living": N_("Living wage"),
    "other": N_("Other"),
}

#: The country profiles' names, as the wizard's country menu shows them.
PROFILE_NAMES = (
    N_("Any country"),
    N_("Colombia"),
    N_("Egypt"),
    N_("Lebanon"),
    N_("Occupied Palestinian territory"),
    N_("Zimbabwe"),
)


def field_label(name: str) -> str:
    """`monthly_wage` → `Monthly wage` in the screen's language."""
    label = FIELD_LABELS.get(name)
    return _(label) if label else name.replace("_", " ").capitalize()


def choice_label(value: str) -> str:
    """A choice id in words (`public-contract` → `Public contract`); an unknown id as it is."""
    label = CHOICE_LABELS.get(value)
    return _(label) if label else value


def shown(text: str) -> str:
    """A hint, an example or a profile name marked in English, in the screen's language."""
    # _("") would be the catalog's header.
    return _(text) if text else text


def shown_example(example: Any) -> Any:
    """An example answer in the screen's language (numbers stay numbers)."""
    if isinstance(example, str):
        return shown(example)
    if isinstance(example, list):
        return [shown_example(item) for item in example]
    return example


def shown_value(column: FieldInfo, value: Any) -> str:
    """A stored cell as a table shows it: yes/no and choice ids in words, the rest as typed."""
    if column.kind == "bool" and isinstance(value, bool):
        return _("yes") if value else _("no")
    if column.kind == "choice" and isinstance(value, str):
        return choice_label(value)
    if column.kind == "choices" and isinstance(value, list):
        return "; ".join(choice_label(str(item)) for item in value)
    return as_text(value)


def as_text(value: Any) -> str:
    """A stored value as editable text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return f"{SEPARATOR} ".join(as_text(v) for v in value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
