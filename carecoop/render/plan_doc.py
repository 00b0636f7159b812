"""The draft business plan as a Document.

Every section in plain language, the financial plan as tables and charts, and the plan
check's warnings and the assumptions, honestly.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.plan import finance
from carecoop.plan.checks import Report, minimum_wage, wage_floor
from carecoop.plan.model import SECTION_TITLES, Plan
from carecoop.plan.money import format_money, format_number, format_percent
from carecoop.plan.summary import CASH_HEADERS, cash_rows, key_figures, score_rows
from carecoop.render.charts import cash_chart, income_costs_chart
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table

NOT_YET = "Not written yet."

_CHART_LABELS = {
    "cash": "Cash at the end of the month",
    "below_zero": "Cash below zero",
    "break_even": "Break-even (month {month})",
    "month": "Month",
    "income": "Money in (revenue)",
    "costs": "Money out (costs and loan repayments)",
    "cash_caption": "Cash in the box at the end of each month. Below the line, the cooperative "
    "cannot pay its bills.",
    "income_caption": "Money in against money out each month. Where the bars rise above the line, "
    "the month ends with a surplus.",
}


def _text(value: object) -> str:
    if value is None or value == "" or value == []:
        return NOT_YET
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    return str(value).replace("-", " ") if str(value).islower() and " " not in str(value) else str(value)


def _facts(pairs: list[tuple[str, object]]) -> Facts:
    return Facts([(label, _text(value)) for label, value in pairs])


def _bullets_or_open(title: str, items: list[str]) -> list[Block]:
    if not items:
        return [Paragraph(f"{title}: {NOT_YET}", kind="open")]
    return [Paragraph(f"{title}:"), Bullets(list(items))]


class _Builder:
    def __init__(self, plan: Plan, report: Report, profile: CountryProfile) -> None:
        self.plan = plan
        self.report = report
        self.profile = profile
        self.currency = report.currency

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.profile, self.currency)

    def number(self, amount: Decimal) -> str:
        return format_number(amount, self.profile)

    def chapter(self, key: str) -> Heading:
        return Heading(SECTION_TITLES.get(key, key.replace("_", " ").capitalize()))


def build_plan_document(
    plan: Plan, report: Report, profile: CountryProfile, *, group: str, date: str
) -> Document:
    """The group's draft business plan, ready to print or edit."""
    b = _Builder(plan, report, profile)
    coop = plan.cooperative
    members = sum(c.members for c in plan.members.categories)
    name = coop.name or f"The care cooperative of group {group}"
    document = Document(
        title=name,
        subtitle="Draft business plan",
        language="en",
        author=name,
        cover_lines=[
            f"Care services: {_text(coop.care_services)}",
            f"Members: {members}" if members else "Members: not counted yet",
            f"Where: {coop.location}" if coop.location else f"Country: {profile.name}",
            f"Prepared by group {group} on {date}",
        ],
        draft_label="Draft",
    )
    _summary(b, document)
    _cooperative(b, document)
    _members(b, document)
    _market(b, document)
    _services(b, document)
    _marketing_operations(b, document)
    _governance_work(b, document)
    _financial(b, document)
    _risks_actions(b, document)
    _honesty(b, document)
    return document


def _summary(b: _Builder, doc: Document) -> None:
    coop = b.plan.cooperative
    doc.add(Heading("Summary"))
    if coop.mission:
        doc.add(Paragraph(coop.mission))
    doc.add(Facts(key_figures(b.report.figures, b.plan, b.profile, b.currency)[:11]))
    doc.add(Paragraph(f"Plan check score: {b.report.score} out of 100. Section 'What still needs "
                      "work' lists what to improve.", kind="note"))


def _cooperative(b: _Builder, doc: Document) -> None:
    coop = b.plan.cooperative
    doc.add(PageBreak(), b.chapter("cooperative"))
    doc.add(_facts([
        ("Name", coop.name),
        ("Care services", coop.care_services),
        ("Legal form", coop.legal_form + (f" ({coop.legal_form_detail})" if coop.legal_form_detail else "")
         if coop.legal_form else None),
        ("Where", coop.location),
        ("Country", b.profile.name),
    ]))
    doc.add(Heading("Vision", 2), Paragraph(coop.vision or NOT_YET, kind="" if coop.vision else "open"))
    doc.add(Heading("Mission", 2), Paragraph(coop.mission or NOT_YET, kind="" if coop.mission else "open"))
    doc.add(*_bullets_or_open("Our values", list(coop.values)))


def _members(b: _Builder, doc: Document) -> None:
    members = b.plan.members
    doc.add(b.chapter("members"))
    doc.add(_facts([("Membership model", members.membership_model)]))
    if members.categories:
        rows = [[c.category, str(c.members), b.money(c.share), b.money(c.share * c.members)]
                for c in members.categories]
        total_members = sum(c.members for c in members.categories)
        total_shares = sum((c.share * c.members for c in members.categories), Decimal(0))
        rows.append(["Total", str(total_members), "", b.money(total_shares)])
        doc.add(Table(["Kind of member", "Members", "Share each", "Shares in all"], rows,
                      numeric=[False, True, True, True], strong_rows=[len(rows) - 1]))
    else:
        doc.add(Paragraph(f"Member categories: {NOT_YET}", kind="open"))
    doc.add(*_bullets_or_open("Members' rights", list(members.rights)))
    doc.add(*_bullets_or_open("Members' duties", list(members.duties)))


def _market(b: _Builder, doc: Document) -> None:
    market = b.plan.market
    doc.add(b.chapter("market"))
    can_pay = f"{b.money(market.can_pay)} {market.can_pay_unit or ''}".strip() if market.can_pay else None
    doc.add(_facts([
        ("Who needs the care", market.who_needs_care),
        ("How many people", market.people_in_need),
        ("What they can pay", can_pay),
    ]))
    if market.alternatives:
        doc.add(Table(["What people use today", "Kind", "Cost per month"],
                      [[a.description, _text(a.kind), b.money(a.cost) if a.cost is not None else ""]
                       for a in market.alternatives], numeric=[False, False, True]))
    doc.add(*_bullets_or_open("How we know people want it", list(market.demand_evidence)))


def _services(b: _Builder, doc: Document) -> None:
    services = b.plan.services
    regulation = services.regulation
    doc.add(b.chapter("services"))
    for regulated, title in ((True, "Regulated services (licence, inspections or ratios)"),
                             (False, "Services without special rules")):
        items = [s for s in services.items if s.regulated is regulated]
        if not items:
            continue
        doc.add(Heading(title, 2))
        doc.add(Table(["Service", "Unit", "Capacity", "Carers", "Most clients per carer", "Hours"],
                      [[s.name, s.unit, _opt(s.capacity), _opt(s.carers), _opt(s.max_clients_per_carer),
                        s.opening_hours or ""] for s in items],
                      numeric=[False, False, True, True, True, False]))
    if not services.items:
        doc.add(Paragraph(f"Services: {NOT_YET}", kind="open"))
    doc.add(Heading("Rules we must follow", 2))
    doc.add(*_bullets_or_open("Licences and registrations", list(regulation.licences)))
    doc.add(*_bullets_or_open("Inspections", list(regulation.inspections)))
    doc.add(*_bullets_or_open("Staff qualifications", list(regulation.qualifications)))
    if regulation.max_clients_per_carer is not None:
        doc.add(Paragraph(f"The rules allow at most {b.number(regulation.max_clients_per_carer)} "
                          "clients per carer."))
    doc.add(Heading("Keeping people safe and care good", 2))
    doc.add(*_bullets_or_open("Safeguarding", list(regulation.safeguarding)))
    doc.add(*_bullets_or_open("Quality commitments", list(regulation.quality)))


def _opt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _marketing_operations(b: _Builder, doc: Document) -> None:
    marketing, operations = b.plan.marketing, b.plan.operations
    doc.add(b.chapter("marketing"))
    doc.add(_facts([("How we set prices", marketing.pricing), ("Who pays", marketing.payers)]))
    doc.add(*_bullets_or_open("How people hear of us", list(marketing.channels)))
    doc.add(*_bullets_or_open("Partners", list(marketing.partners)))
    doc.add(b.chapter("operations"))
    doc.add(_facts([("Premises", operations.premises), ("A normal day", operations.daily_routine),
                    ("Staffing", operations.staffing)]))
    doc.add(*_bullets_or_open("Equipment", list(operations.equipment)))


def _governance_work(b: _Builder, doc: Document) -> None:
    governance, work = b.plan.governance, b.plan.decent_work
    doc.add(b.chapter("governance"))
    doc.add(_facts([
        ("General assembly", governance.general_assembly),
        ("Board", governance.board),
        ("Management", governance.management),
        ("How we decide", governance.decision_rules),
    ]))
    doc.add(*_bullets_or_open("Committees", list(governance.committees)))
    doc.add(b.chapter("decent_work"))
    doc.add(_facts([("How wages are set", work.wage_policy), ("Working hours", work.hours),
                    ("Carers' voice", work.voice)]))
    staff = b.plan.financial.staff
    if staff:
        wage = minimum_wage(b.plan, b.profile)
        rows = []
        for row in staff:
            compared = ""
            if wage is not None:
                # Part-time roles are compared with the floor for their hours, as the check does.
                needed = wage_floor(b.plan, row, wage[0])
                word = "at or above" if row.monthly_wage >= needed else "BELOW"
                compared = f"{word} {b.money(needed)}"
            rows.append([row.role, _opt(row.count), b.money(row.monthly_wage),
                         _opt(row.hours_per_week), compared])
        title = f"compared with the {b.plan.financial.minimum_wage_kind} wage"
        doc.add(Table(["Role", "People", "Monthly wage", "Hours a week", title], rows,
                      numeric=[False, True, True, True, False]))
        if wage is not None:
            full_time = b.plan.decent_work.full_time_hours
            hours = f" for {_opt(full_time)} hours a week" if full_time else ""
            doc.add(Paragraph(f"The wage we compare with is {b.money(wage[0])} a month{hours} "
                              f"({wage[1]}); part-time roles are compared pro rata.", kind="note"))
    doc.add(*_bullets_or_open("Social protection", list(work.social_protection)))
    doc.add(*_bullets_or_open("Training", list(work.training)))
    doc.add(*_bullets_or_open("Health and safety", list(work.health_safety)))


def _financial(b: _Builder, doc: Document) -> None:
    fin, figures = b.plan.financial, b.report.figures
    doc.add(PageBreak(), b.chapter("financial"))
    doc.add(Heading("Start-up costs and funding", 2))
    startup = [[c.item, b.money(c.amount)] for c in fin.startup_costs]
    startup.append(["Total start-up costs", b.money(figures.startup)])
    doc.add(Table(["What we buy before opening", "Cost"], startup, numeric=[False, True],
                  strong_rows=[len(startup) - 1]))
    funding = [["Member shares", b.money(figures.member_shares)]]
    funding += [[f"Grant: {g.source}", b.money(g.amount)] for g in fin.grants]
    funding += [[f"Loan: {loan.lender} ({format_percent(loan.interest_rate)} a year, {loan.term_months} "
                 f"months, {loan.grace_months} months' grace)", b.money(loan.amount)] for loan in fin.loans]
    funding += [[f"Other: {o.source}", b.money(o.amount)] for o in fin.other_funding]
    funding.append(["Total funding", b.money(figures.funding)])
    gap = "none" if figures.funding_gap <= 0 else b.money(figures.funding_gap)
    funding.append(["Funding gap", gap])
    doc.add(Table(["Where the money comes from", "Amount"], funding, numeric=[False, True],
                  strong_rows=[len(funding) - 2, len(funding) - 1]))
    doc.add(Heading("Income and running costs", 2))
    if fin.revenue:
        columns = ["Service", "Price per unit", "Units in a full month", "Months to get full", "Who pays"]
        doc.add(Table(columns,
                      [[r.service, b.money(r.unit_price), b.number(r.units_per_month), str(r.ramp_up_months),
                        _text(r.payer)] for r in fin.revenue], numeric=[False, True, True, True, False]))
    if fin.fixed_costs:
        rows = [[c.item, b.money(c.amount)] for c in fin.fixed_costs]
        rows.append(["Total per month", b.money(finance.fixed_costs(fin))])
        doc.add(Table(["Fixed monthly cost", "Amount"], rows, numeric=[False, True],
                      strong_rows=[len(rows) - 1]))
    doc.add(Heading("The first year, month by month", 2))
    first_year = figures.months[:12]
    doc.add(Table(
        ["Month", "Money in", "Staff", "Other costs", "Surplus", "Cash at month end"],
        [[str(m.number), b.money(m.revenue), b.money(m.staff), b.money(m.fixed + m.variable + m.interest),
          b.money(m.surplus), b.money(m.closing_cash)] for m in first_year],
        numeric=[True] * 6,
    ))
    doc.add(Heading("The cash plan", 2))
    doc.add(cash_chart(figures.months, figures.break_even_month, b.money, _CHART_LABELS))
    doc.add(income_costs_chart(figures.months, figures.break_even_month, b.money, _CHART_LABELS))
    doc.add(PageBreak())  # the month-by-month table reads best on a page of its own
    doc.add(Table(CASH_HEADERS, cash_rows(figures, b.profile, b.currency),
                  numeric=[True] * len(CASH_HEADERS), caption=f"Cash plan over {fin.horizon_months} months"))
    doc.add(Heading("Break-even", 2))
    if figures.break_even_month is not None:
        doc.add(Paragraph(f"By month {figures.break_even_month}, the surpluses add up to more than the "
                          "deficits of the first months: the cooperative has broken even."))
    else:
        doc.add(Paragraph(f"The cooperative does not break even within {fin.horizon_months} months. "
                          "The group must raise prices, find more users, or lower costs.", kind="warning"))
    if figures.break_even_units is not None and figures.main_service:
        doc.add(Paragraph(f"To cover its monthly costs, the cooperative must sell about "
                          f"{b.number(figures.break_even_units)} units of {figures.main_service} a month."))
    doc.add(Heading("What happens to a surplus", 2))
    allocation = figures.first_year
    doc.add(Facts([
        ("First-year surplus", b.money(allocation.surplus)),
        (f"Reserve ({format_percent(fin.reserve_percent or Decimal(0))})", b.money(allocation.reserve)),
        (f"Education fund ({format_percent(fin.education_fund_percent or Decimal(0))})",
         b.money(allocation.education_fund)),
        (f"Patronage refunds ({format_percent(fin.patronage_refund_percent or Decimal(0))})",
         b.money(allocation.patronage_refund)),
    ]))


def _risks_actions(b: _Builder, doc: Document) -> None:
    doc.add(b.chapter("risks"))
    if b.plan.risks:
        doc.add(Table(["Risk", "How likely", "How bad", "What we do about it"],
                      [[r.risk, r.likelihood, r.impact, r.response or ""] for r in b.plan.risks]))
    else:
        doc.add(Paragraph(f"Risks: {NOT_YET}", kind="open"))
    doc.add(b.chapter("action_plan"))
    if b.plan.action_plan:
        doc.add(Table(["Step", "Who", "When"],
                      [[a.step, a.who or "", a.when or ""] for a in b.plan.action_plan]))
    else:
        doc.add(Paragraph(f"Action plan: {NOT_YET}", kind="open"))


def _honesty(b: _Builder, doc: Document) -> None:
    doc.add(PageBreak(), Heading("Assumptions and what still needs work"))
    doc.add(Paragraph("Every plan rests on guesses. These are ours, so that a reader can judge them."))
    doc.add(*_bullets_or_open("Our assumptions", list(b.plan.financial.assumptions)))
    doc.add(Heading("Warnings from the plan check", 2))
    if b.report.findings:
        doc.add(Bullets([finding.message for finding in b.report.findings]))
    else:
        doc.add(Paragraph("The plan check found nothing to warn about."))
    doc.add(Heading("How the score was made", 2))
    # The total first: alone at the end, it can be pushed onto a page of its own.
    doc.add(Paragraph(f"Score: {b.report.score} out of 100.", kind="note"))
    doc.add(Facts(score_rows(b.report)))


def money_formatter(profile: CountryProfile, currency: str) -> Callable[[Decimal], str]:
    """A one-argument money formatter for a profile and currency (for the bylaws)."""
    return lambda amount: format_money(amount, profile, currency)
