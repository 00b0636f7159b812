"""The business plan of one group: pydantic models, every field optional until checked.

A plan grows answer by answer, so every field has a default and a half-filled plan is
valid. What a finished plan still lacks is the job of `carecoop.plan.checks`.

Field names are a public contract: module files point at them with `plan_field`
(a dotted path, lists addressed without an index) and FIELDS.md lists them. Add fields;
never rename one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic.config import JsonDict

from carecoop.i18n import N_, _
from carecoop.plan.kinds import (
    AlternativeKind,
    Count,
    CurrencyCode,
    LegalForm,
    Level,
    Long,
    MembershipModel,
    Money,
    Name,
    Payer,
    Percent,
    Ratio,
    Short,
    WageKind,
    WholeCount,
    at_most,
)


class PlanModel(BaseModel):
    """Base of the plan models: unknown keys are errors, blank answers count as not given."""

    # defer_build: the module loader only needs field names; schemas build on first use.
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, validate_assignment=True, defer_build=True
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_blanks(cls, data: Any) -> Any:
        # A blank answer means "not decided yet": the field keeps its default.
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data


def _hint(text: str, example: Any = None) -> Any:
    """An optional field (default None) with the hint shown to members and an example answer."""
    extra: JsonDict | None = {"examples": [example]} if example is not None else None
    return Field(default=None, description=text, json_schema_extra=extra)


def _many(text: str, example: Any = None) -> Any:
    """A list field (default empty) with its hint and an example answer."""
    extra: JsonDict | None = {"examples": [example]} if example is not None else None
    return Field(default_factory=list, description=text, json_schema_extra=extra)


# Rows of list fields ----------------------------------------------------------------------


class MemberCategory(PlanModel):
    """One kind of member (care workers, families…) with how many and their share."""

    category: Name
    members: WholeCount = Field(default=0, description=N_("How many members of this kind."))
    share: Money = Field(default=Decimal(0), description=N_("What each one pays for a member share."))


class Alternative(PlanModel):
    """What people in need use today instead of the cooperative."""

    kind: AlternativeKind = "other"
    description: Short
    cost: Money | None = Field(default=None, description=N_("What it costs per month, if known."))


class Service(PlanModel):
    """One care service the cooperative offers."""

    name: Name
    unit: Name = Field(default=N_("per client per month"), description=N_("What one unit of it is."))
    capacity: WholeCount | None = Field(default=None, description=N_("How many clients at most."))
    carers: WholeCount | None = Field(default=None, description=N_("Carers working in this service."))
    max_clients_per_carer: Ratio | None = Field(
        default=None, description=N_("The most clients per carer the rules allow for it.")
    )
    opening_hours: Short | None = Field(default=None, description=N_("When it is open."))
    regulated: bool = Field(default=False, description=N_("Needs a licence, inspections or ratios."))
    description: Short | None = Field(default=None, description=N_("What it is, in a sentence."))


class Cost(PlanModel):
    """An amount of money spent on one item."""

    item: Name
    amount: Money
    useful_life_years: int | None = Field(
        default=None,
        ge=1,
        le=50,
        description=N_(
            "For equipment bought at the start: the years it lasts (its cost is spread over them)."
        ),
    )


class FundingSource(PlanModel):
    """A grant or other money that comes in once, at the start."""

    source: Name
    amount: Money


class Loan(PlanModel):
    """A loan received at the start and repaid monthly.

    `term_months` is the whole life of the loan, grace months included.
    """

    lender: Name
    amount: Money
    interest_rate: Percent = Field(default=Decimal(0), description=N_("Yearly interest, in percent."))
    term_months: int = Field(default=12, ge=1, le=360, description=N_("Months until repaid, grace included."))
    grace_months: int = Field(default=0, ge=0, description=N_("Months at the start with interest only."))

    @model_validator(mode="after")
    def _grace_within_term(self) -> Loan:
        if self.grace_months >= self.term_months:
            raise ValueError(_(
                "the grace months must be fewer than the term months (the term includes them)"
            ))
        return self


class RevenueLine(PlanModel):
    """Money earned by one service: units sold each month at a price."""

    service: Name
    unit_price: Money
    units_per_month: Count = Field(description=N_("Units sold in a full month."))
    ramp_up_months: int = Field(
        default=0, ge=0, le=36, description=N_("Months before full: month m sells m/(ramp+1) of full.")
    )
    variable_cost_per_unit: Money = Field(default=Decimal(0), description=N_("Food, materials… per unit."))
    payer: Payer = "families"


class StaffRow(PlanModel):
    """People in one role, with their pay."""

    role: Name
    count: Count = Field(default=Decimal(1))
    monthly_wage: Money = Field(description=N_("Monthly gross wage of one person."))
    employer_contributions: Percent = Field(
        default=Decimal(0), description=N_("Social security and other employer costs, % of the wage.")
    )
    hours_per_week: Decimal | None = Field(
        default=None, gt=0, le=84, decimal_places=2, description=N_("Hours a week, if part-time.")
    )
    start_month: int = Field(default=1, ge=1, le=36, description=N_("Month the role starts being paid."))
    carer: bool | None = Field(
        default=None,
        description=N_("Works directly with clients and counts for the clients-per-carer rule (yes or no)."),
    )


class Risk(PlanModel):
    """Something that could go wrong and what the group will do about it."""

    risk: Short
    likelihood: Level = "medium"
    impact: Level = "medium"
    response: Short | None = Field(default=None, description=N_("What we do about it."))


class Action(PlanModel):
    """One step of the action plan."""

    step: Short
    who: Name | None = Field(default=None, description=N_("Who does it."))
    when: Name | None = Field(default=None, description=N_("By when."))


# Sections ---------------------------------------------------------------------------------


class Cooperative(PlanModel):
    """Who we are and what we want to do."""

    name: Name | None = _hint(N_("The name of the cooperative."), N_("Tiri Pamwe Childcare Cooperative"))
    care_services: list[Short] = _many(
        N_("The kinds of care you will provide."), [N_("childcare for 0-5 year olds")]
    )
    vision: Long | None = _hint(N_("The change you want to see in your community."))
    mission: Long | None = _hint(N_("What the cooperative does, for whom, how."))
    values: list[Short] = _many(N_("Values you share."), [N_("solidarity"), N_("care for each other")])
    legal_form: LegalForm | None = _hint(N_("The legal form the group will register as."), "cooperative")
    legal_form_detail: Short | None = _hint(N_("The exact legal form, if 'other' or special."))
    country: Name | None = _hint(N_("Country profile code: generic, zw, co, ps, lb or eg."), "zw")
    location: Name | None = _hint(N_("Town or area where the cooperative works."), N_("Mbare, Harare"))


class Members(PlanModel):
    """Who the members are, what they bring and what they decide."""

    membership_model: MembershipModel | None = _hint(
        N_("worker, user (families), multi-stakeholder, or existing-cooperative adding care."), "worker"
    )
    categories: list[MemberCategory] = _many(N_("Kinds of members, how many, share per member."))
    rights: list[Short] = _many(N_("What members may do."), [N_("one member, one vote")])
    duties: list[Short] = _many(N_("What members must do."), [N_("attend the general assembly")])


class Market(PlanModel):
    """Who needs the care and what they use today."""

    who_needs_care: Long | None = _hint(
        N_("Who needs the care."), N_("children of market vendors, 0-5 years")
    )
    people_in_need: Annotated[int, Field(ge=0), at_most(10**9, N_("numbers of people"))] | None = Field(
        default=None, description=N_("How many people need it.")
    )
    can_pay: Money | None = _hint(
        N_("What a family can pay, per unit of the main service (same unit as its price)."), 30
    )
    can_pay_unit: Name | None = _hint(N_("The unit of that amount."), N_("per child per month"))
    alternatives: list[Alternative] = _many(N_("What people use today: public, private, family…"))
    demand_evidence: list[Short] = _many(N_("How you know people want it."), [N_("survey of 60 vendors")])


class Regulation(PlanModel):
    """What the rules ask of regulated services."""

    licences: list[Short] = _many(
        N_("Licences or registrations needed."), [N_("early childhood centre licence")]
    )
    inspections: list[Short] = _many(N_("Inspections to pass."), [N_("health inspection of the premises")])
    qualifications: list[Short] = _many(
        N_("Staff qualifications required."), [N_("early childhood certificate")]
    )
    max_clients_per_carer: Ratio | None = Field(
        default=None, description=N_("The most clients per carer the rules allow (all services).")
    )
    safeguarding: list[Short] = _many(
        N_("How you keep clients safe."), [N_("police clearance for all staff")]
    )
    quality: list[Short] = _many(N_("Quality commitments."), [N_("monthly meeting with parents")])


class Services(PlanModel):
    """The services offered and what regulation they fall under."""

    items: list[Service] = _many(N_("Each service with unit, capacity, carers, hours, regulated or not."))
    regulation: Regulation = Field(default_factory=Regulation)


class Marketing(PlanModel):
    """Prices, payers and how people hear of the cooperative."""

    pricing: Long | None = _hint(N_("How prices are set and kept affordable."), N_("sliding scale by income"))
    payers: list[Payer] = _many(
        N_("Who pays: families, public-contract, insurer, employer, subsidy, members, other."), ["families"]
    )
    channels: list[Short] = _many(N_("How people hear of it."), [N_("word of mouth at the market")])
    partners: list[Short] = _many(N_("Partners who help."), [N_("market traders' association")])


class Operations(PlanModel):
    """Where and how the work is done."""

    premises: Long | None = _hint(N_("Where the service runs."), N_("two rooms rented next to the market"))
    equipment: list[Short] = _many(
        N_("Equipment needed."), [N_("mattresses"), N_("toys"), N_("first aid kit")]
    )
    daily_routine: Long | None = _hint(N_("A normal day."), N_("06:30 open, 10:00 porridge, 17:30 close"))
    staffing: Long | None = _hint(N_("Who works when, cover for absences."))


class Governance(PlanModel):
    """How members decide and who manages."""

    general_assembly: Long | None = _hint(
        N_("Who attends and how often it meets."), N_("all members, twice a year")
    )
    board: Long | None = _hint(N_("Board size, how elected, term."), N_("5 members elected for 2 years"))
    committees: list[Short] = _many(N_("Committees and what they do."), [N_("parents' committee")])
    management: Long | None = _hint(N_("Who manages day to day."))
    decision_rules: Long | None = _hint(
        N_("How decisions are taken."), N_("one member one vote, simple majority")
    )


class DecentWork(PlanModel):
    """Pay and conditions of the people who work in the cooperative.

    Wages per role are in `financial.staff`; this section holds the policies around them.
    """

    wage_policy: Long | None = _hint(N_("How wages are set."), N_("equal hourly pay, above the minimum wage"))
    full_time_hours: Decimal | None = Field(
        default=None,
        gt=0,
        le=84,
        decimal_places=2,
        description=N_("Hours of a full-time week (for part-time wage checks)."),
    )
    hours: Long | None = _hint(N_("Working hours and rest."), N_("two shifts of 6 hours, 5 days a week"))
    social_protection: list[Short] = _many(N_("Social protection."), [N_("NSSA pension contributions")])
    training: list[Short] = _many(
        N_("Training planned."), [N_("first aid"), N_("early childhood development")]
    )
    health_safety: list[Short] = _many(N_("Health and safety measures."), [N_("hand washing station")])
    voice: Long | None = _hint(
        N_("How carers have a say in their work and can raise a problem without fear."),
        N_("a carers' meeting every month; carers elect two board members"),
    )


class Financial(PlanModel):
    """The numbers: start-up, funding, revenue, costs and assumptions."""

    startup_costs: list[Cost] = _many(N_("Things bought once before opening."))
    grants: list[FundingSource] = _many(N_("Grants or donations received at the start."))
    loans: list[Loan] = _many(N_("Loans with amount, yearly interest %, term and grace months."))
    other_funding: list[FundingSource] = _many(N_("Other money at the start (savings, own reserves)."))
    revenue: list[RevenueLine] = _many(N_("Each service's price, units per month, ramp-up and payer."))
    staff: list[StaffRow] = _many(N_("Each role: how many, monthly gross wage, employer contributions %."))
    fixed_costs: list[Cost] = _many(N_("Costs paid every month whatever the number of clients."))
    reserve_percent: Percent | None = _hint(N_("Share of a surplus kept as reserve."), 30)
    education_fund_percent: Percent | None = _hint(N_("Share for the education and training fund."), 5)
    patronage_refund_percent: Percent | None = _hint(N_("Share returned to members by use or work."), 0)
    minimum_wage: Money | None = _hint(N_("Monthly minimum or living wage for a full-time worker."))
    minimum_wage_kind: WageKind = Field(default="minimum", description=N_("minimum (legal) or living wage."))
    minimum_wage_source: Short | None = _hint(N_("Where that figure comes from, and its date."))
    assumptions: list[Short] = _many(N_("Assumptions in words."), [N_("families pay on time")])
    horizon_months: int = Field(default=36, ge=12, le=36, description=N_("Months the budget covers (12-36)."))
    currency: CurrencyCode | None = _hint(
        N_("ISO currency code; default from the country profile."), "USD"
    )

    @model_validator(mode="after")
    def _allocation_fits(self) -> Financial:
        shares = [self.reserve_percent, self.education_fund_percent, self.patronage_refund_percent]
        if sum(p for p in shares if p is not None) > 100:
            raise ValueError(_(
                "reserve, education fund and patronage refund add up to more than 100%"
            ))
        return self


class Bylaws(PlanModel):
    """Decisions the bylaws record; a bylaws document is generated from them."""

    name: Name | None = _hint(N_("The registered name."), N_("Tiri Pamwe Childcare Cooperative"))
    purpose: Long | None = _hint(N_("What the cooperative exists to do."), N_("safe, affordable childcare"))
    membership_conditions: list[Short] = _many(N_("Who can join and how."), [N_("works at Mbare market")])
    share_value: Money | None = _hint(N_("Value of one member share."), 20)
    general_assembly: Long | None = _hint(N_("How the general assembly is called and meets."))
    quorum_percent: Percent | None = _hint(N_("Members present for a valid general assembly, %."), 50)
    majority_percent: Percent | None = _hint(N_("Votes needed for ordinary decisions, %."), 50)
    special_majority_percent: Percent | None = _hint(N_("Votes needed to change the bylaws, %."), 67)
    board_size: int | None = Field(default=None, ge=1, le=50, description=N_("Members of the board."))
    board_term_years: int | None = Field(default=None, ge=1, le=10, description=N_("Years on the board."))
    surplus_use: Long | None = _hint(N_("How a surplus is shared."), N_("30% reserve, 5% education fund"))
    withdrawal_notice_months: int | None = Field(
        default=None, ge=0, le=24, description=N_("Months of notice a member gives before leaving.")
    )
    notice_days: int | None = Field(
        default=None, ge=1, le=90, description=N_("Days ahead members are called to a general assembly.")
    )
    share_refund: Short | None = _hint(
        N_("How and when a member who leaves gets the share back."),
        N_("within 12 months, less any losses of that year"),
    )
    dissolution: Short | None = _hint(N_("What happens to assets if the cooperative closes."))


class Plan(PlanModel):
    """A group's draft business plan."""

    cooperative: Cooperative = Field(default_factory=Cooperative)
    members: Members = Field(default_factory=Members)
    market: Market = Field(default_factory=Market)
    services: Services = Field(default_factory=Services)
    marketing: Marketing = Field(default_factory=Marketing)
    operations: Operations = Field(default_factory=Operations)
    governance: Governance = Field(default_factory=Governance)
    decent_work: DecentWork = Field(default_factory=DecentWork)
    financial: Financial = Field(default_factory=Financial)
    risks: list[Risk] = _many(N_("What could go wrong, how likely, how bad, and what we do about it."))
    action_plan: list[Action] = _many(N_("The next steps: what, who, by when."))
    bylaws: Bylaws = Field(default_factory=Bylaws)


#: Section titles, in plan order.
SECTION_TITLES: dict[str, str] = {
    "cooperative": N_("The cooperative"),
    "members": N_("Members"),
    "market": N_("Needs and market"),
    "services": N_("Services and quality"),
    "marketing": N_("Marketing"),
    "operations": N_("Operations"),
    "governance": N_("Organisation and governance"),
    "decent_work": N_("Decent work"),
    "financial": N_("Financial plan"),
    "risks": N_("Risks"),
    "action_plan": N_("Action plan"),
    "bylaws": N_("Bylaws decisions"),
}
