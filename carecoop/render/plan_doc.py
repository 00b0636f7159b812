"""The draft business plan as a Document.

Every section in plain language, the financial plan as tables and charts, and the plan
check's warnings and the assumptions, honestly.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import ASK_THE_REGISTRAR, CountryProfile
from carecoop.plan.checks import Report
from carecoop.plan.model import SECTION_TITLES, Plan
from carecoop.plan.money import format_money, format_number
from carecoop.plan.wages import minimum_wage, wage_floor
from carecoop.plan.words import ALTERNATIVE_KINDS, LEVELS, MEMBERSHIP_MODELS, PAYERS, in_words
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table
from carecoop.render.plan_finance_doc import MoneyPages
from carecoop.render.plan_pages import Audience
from carecoop.render.plan_summary_doc import executive_summary

NOT_YET = "Not written yet."


def _text(value: object) -> str:
    if value is None or value == "" or value == []:
        return NOT_YET
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    return str(value)


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
    plan: Plan,
    report: Report,
    profile: CountryProfile,
    *,
    group: str,
    date: str,
    audience: Audience = "group",
) -> Document:
    """The group's business plan, ready to print or edit: its working copy, or a lender's copy.

    A lender's copy has no self-given score; both have the executive summary, the key
    figures, the what-if page and the assumptions.
    """
    language = "en"  # the plan's words are English until the plan is translated (issue 17)
    b = _Builder(plan, report, profile)
    money_pages = MoneyPages(plan, report, profile, audience, language)
    coop = plan.cooperative
    members = sum(c.members for c in plan.members.categories)
    name = plan.bylaws.name or coop.name or f"The care cooperative of group {group}"
    prepared = f"Prepared by its founding members on {date}" if audience == "lender" else (
        f"Prepared by group {group} on {date}")
    document = Document(
        title=name,
        subtitle="Business plan" if audience == "lender" else "Draft business plan",
        language=language,
        author=name,
        cover_lines=[
            f"Care services: {_text(coop.care_services)}",
            f"Members: {members}" if members else "Members: not counted yet",
            f"Where: {coop.location}" if coop.location else f"Country: {profile.name}",
            prepared,
        ],
        draft_label="For discussion with a lender" if audience == "lender" else "Draft",
    )
    executive_summary(money_pages, document, name)
    _cooperative(b, document, name, money_pages.legal_form())
    _members(b, document)
    _market(b, document)
    _services(b, document)
    _marketing_operations(b, document)
    _governance_work(b, document)
    money_pages.financial(document, b.chapter("financial"))
    money_pages.what_if(document)
    _risks_actions(b, document)
    wage = minimum_wage(plan, profile)
    source = f"{b.money(wage[0])} a month ({wage[1]})" if wage else None
    money_pages.assumptions(document, _bullets_or_open, source)
    return document


def _cooperative(b: _Builder, doc: Document, name: str, legal_form: str | None) -> None:
    coop = b.plan.cooperative
    doc.add(PageBreak(), b.chapter("cooperative"))
    # One name throughout (the bylaws' name where there is one); the group's short name beside it.
    short = [("Short name", coop.name)] if coop.name and coop.name != name else []
    doc.add(_facts([
        ("Name", name),
        *short,
        ("Care services", coop.care_services),
        ("Legal form", legal_form),
        *_law_facts(b),
        ("Where", coop.location),
        ("Country", b.profile.name),
    ]))
    doc.add(Heading("Vision", 2), Paragraph(coop.vision or NOT_YET, kind="" if coop.vision else "open"))
    doc.add(Heading("Mission", 2), Paragraph(coop.mission or NOT_YET, kind="" if coop.mission else "open"))
    doc.add(*_bullets_or_open("Our values", list(coop.values)))


def _law_facts(b: _Builder) -> list[tuple[str, object]]:
    """The cooperative law and who registers and supervises, from the country profile."""
    if b.plan.cooperative.legal_form not in (None, "cooperative"):
        return []
    law = b.profile.cooperative_law
    if law is None:
        return [("Cooperative law", ASK_THE_REGISTRAR)]
    facts: list[tuple[str, object]] = [("Cooperative law", law.names()), ("Registrar", law.registrar)]
    if law.supervisor:
        facts.append(("Supervisor", law.supervisor))
    return facts


def _members(b: _Builder, doc: Document) -> None:
    members = b.plan.members
    doc.add(b.chapter("members"))
    model = members.membership_model
    doc.add(_facts([("Membership model", in_words(MEMBERSHIP_MODELS, model) if model else None)]))
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
                      [[a.description, in_words(ALTERNATIVE_KINDS, a.kind),
                        b.money(a.cost) if a.cost is not None else ""]
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
    payers = [in_words(PAYERS, payer) for payer in marketing.payers]
    doc.add(_facts([("How we set prices", marketing.pricing), ("Who pays", payers)]))
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
                if needed is None:
                    compared = "full-time hours not stated"
                else:
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


def _risks_actions(b: _Builder, doc: Document) -> None:
    doc.add(b.chapter("risks"))
    if b.plan.risks:
        doc.add(Table(["Risk", "How likely", "How bad", "What we do about it"],
                      [[r.risk, in_words(LEVELS, r.likelihood), in_words(LEVELS, r.impact), r.response or ""]
                       for r in b.plan.risks]))
    else:
        doc.add(Paragraph(f"Risks: {NOT_YET}", kind="open"))
    doc.add(b.chapter("action_plan"))
    if b.plan.action_plan:
        doc.add(Table(["Step", "Who", "When"],
                      [[a.step, a.who or "", a.when or ""] for a in b.plan.action_plan]))
    else:
        doc.add(Paragraph(f"Action plan: {NOT_YET}", kind="open"))


def money_formatter(profile: CountryProfile, currency: str) -> Callable[[Decimal], str]:
    """A one-argument money formatter for a profile and currency (for the bylaws)."""
    return lambda amount: format_money(amount, profile, currency)
