"""The draft business plan as a Document.

Every section in plain language, the financial plan as tables and charts, and the plan
check's warnings and the assumptions, honestly.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import ASK_THE_REGISTRAR, CountryProfile
from carecoop.i18n import N_, _, current_language, list_separator
from carecoop.plan.checks import Report
from carecoop.plan.model import SECTION_TITLES, Plan
from carecoop.plan.money import format_money, format_number
from carecoop.plan.wages import minimum_wage, wage_floor
from carecoop.plan.words import ALTERNATIVE_KINDS, LEVELS, MEMBERSHIP_MODELS, PAYERS, in_words
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table
from carecoop.render.plan_finance_doc import MoneyPages
from carecoop.render.plan_pages import Audience
from carecoop.render.plan_summary_doc import executive_summary, score_note

NOT_YET = N_("Not written yet.")


def _text(value: object) -> str:
    if value is None or value == "" or value == []:
        return _(NOT_YET)
    if isinstance(value, list):
        return list_separator().join(_text(item) for item in value)
    return str(value)


def _facts(pairs: list[tuple[str, object]]) -> Facts:
    return Facts([(label, _text(value)) for label, value in pairs])


def _bullets_or_open(title: str, items: list[str]) -> list[Block]:
    if not items:
        return [Paragraph(_open(title), kind="open")]
    return [Paragraph(_("{title}:").format(title=title)), Bullets(list(items))]


def _open(title: str) -> str:
    """`Risks: Not written yet.`, in the current language."""
    return _("{title}: {not_yet}").format(title=title, not_yet=_(NOT_YET))


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
        title = SECTION_TITLES.get(key)
        return Heading(_(title) if title else key.replace("_", " ").capitalize())


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
    language = current_language()  # the caller sets it: the workshop's (plan_export)
    b = _Builder(plan, report, profile)
    money_pages = MoneyPages(plan, report, profile, audience, language)
    coop = plan.cooperative
    members = sum(c.members for c in plan.members.categories)
    name = plan.bylaws.name or coop.name or _("The care cooperative of group {group}").format(group=group)
    prepared = (
        _("Prepared by its founding members on {date}").format(date=date)
        if audience == "lender"
        else _("Prepared by group {group} on {date}").format(group=group, date=date)
    )
    document = Document(
        title=name,
        subtitle=_("Business plan") if audience == "lender" else _("Draft business plan"),
        language=language,
        author=name,
        cover_lines=[
            _("Care services: {services}").format(services=_text(coop.care_services)),
            _("Founding members: {count}").format(count=members) if members
            else _("Founding members: not counted yet"),
            _("Where: {place}").format(place=coop.location) if coop.location
            else _("Country: {country}").format(country=_(profile.name)),
            prepared,
            *([score_note(report.score)] if audience == "group" else []),
        ],
        draft_label=_("For discussion with a lender") if audience == "lender" else _("Draft"),
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
    source = None
    if wage:
        source = _("{amount} a month ({source})").format(amount=b.money(wage[0]), source=wage[1])
    money_pages.assumptions(document, _bullets_or_open, source)
    return document


def _cooperative(b: _Builder, doc: Document, name: str, legal_form: str | None) -> None:
    coop = b.plan.cooperative
    doc.add(PageBreak(), b.chapter("cooperative"))
    # One name throughout (the bylaws' name where there is one); the group's short name beside it.
    short = [(_("Short name"), coop.name)] if coop.name and coop.name != name else []
    doc.add(_facts([
        (_("Name"), name),
        *short,
        (_("Care services"), coop.care_services),
        (_("Legal form"), legal_form),
        *_law_facts(b),
        (_("Where"), coop.location),
        (_("Country"), _(b.profile.name)),
    ]))
    doc.add(Heading(_("Vision"), 2), Paragraph(coop.vision or _(NOT_YET), kind="" if coop.vision else "open"))
    doc.add(Heading(_("Mission"), 2),
            Paragraph(coop.mission or _(NOT_YET), kind="" if coop.mission else "open"))
    doc.add(*_bullets_or_open(_("Our values"), list(coop.values)))


def _law_facts(b: _Builder) -> list[tuple[str, object]]:
    """The cooperative law and who registers and supervises, from the country profile."""
    if b.plan.cooperative.legal_form not in (None, "cooperative"):
        return []
    law = b.profile.cooperative_law
    if law is None:
        return [(_("Cooperative law"), _(ASK_THE_REGISTRAR))]
    facts: list[tuple[str, object]] = [
        (_("Cooperative law"), law.names()),
        (_("Registrar"), _(law.registrar)),
    ]
    if law.supervisor:
        facts.append((_("Supervisor"), _(law.supervisor)))
    return facts


def _members(b: _Builder, doc: Document) -> None:
    members = b.plan.members
    doc.add(b.chapter("members"))
    model = members.membership_model
    doc.add(_facts([(_("Membership model"), in_words(MEMBERSHIP_MODELS, model) if model else None)]))
    if members.categories:
        rows = [[c.category, str(c.members), b.money(c.share), b.money(c.share * c.members)]
                for c in members.categories]
        total_members = sum(c.members for c in members.categories)
        total_shares = sum((c.share * c.members for c in members.categories), Decimal(0))
        rows.append([_("Total"), str(total_members), "", b.money(total_shares)])
        doc.add(Table([_("Kind of member"), _("Members"), _("Share each"), _("Shares in all")], rows,
                      numeric=[False, True, True, True], strong_rows=[len(rows) - 1]))
    else:
        doc.add(Paragraph(_open(_("Member categories")), kind="open"))
    doc.add(*_bullets_or_open(_("Members' rights"), list(members.rights)))
    doc.add(*_bullets_or_open(_("Members' duties"), list(members.duties)))


def _market(b: _Builder, doc: Document) -> None:
    market = b.plan.market
    doc.add(b.chapter("market"))
    can_pay = f"{b.money(market.can_pay)} {market.can_pay_unit or ''}".strip() if market.can_pay else None
    doc.add(_facts([
        (_("Who needs the care"), market.who_needs_care),
        (_("How many people"), market.people_in_need),
        (_("What they can pay"), can_pay),
    ]))
    if market.alternatives:
        doc.add(Table([_("What people use today"), _("Kind"), _("Cost per month")],
                      [[a.description, in_words(ALTERNATIVE_KINDS, a.kind),
                        b.money(a.cost) if a.cost is not None else ""]
                       for a in market.alternatives], numeric=[False, False, True]))
    doc.add(*_bullets_or_open(_("How we know people want it"), list(market.demand_evidence)))


def _services(b: _Builder, doc: Document) -> None:
    services = b.plan.services
    regulation = services.regulation
    doc.add(b.chapter("services"))
    for regulated, title in ((True, _("Regulated services (licence, inspections or ratios)")),
                             (False, _("Services without special rules"))):
        items = [s for s in services.items if s.regulated is regulated]
        if not items:
            continue
        doc.add(Heading(title, 2))
        doc.add(Table([_("Service"), _("Unit"), _("Places"), _("Carers"), _("Most clients per carer"),
                       _("Opening hours")],
                      [[s.name, s.unit, _opt(s.capacity), _opt(s.carers), _opt(s.max_clients_per_carer),
                        s.opening_hours or ""] for s in items],
                      numeric=[False, False, True, True, True, False]))
    if not services.items:
        doc.add(Paragraph(_open(_("Services")), kind="open"))
    doc.add(Heading(_("Rules we must follow"), 2))
    doc.add(*_bullets_or_open(_("Licences and registrations"), list(regulation.licences)))
    doc.add(*_bullets_or_open(_("Inspections"), list(regulation.inspections)))
    doc.add(*_bullets_or_open(_("Staff qualifications"), list(regulation.qualifications)))
    if regulation.max_clients_per_carer is not None:
        doc.add(Paragraph(_("The rules allow at most {count} clients per carer.").format(
            count=b.number(regulation.max_clients_per_carer))))
    doc.add(Heading(_("Keeping people safe and care good"), 2))
    doc.add(*_bullets_or_open(_("Safeguarding"), list(regulation.safeguarding)))
    doc.add(*_bullets_or_open(_("Quality commitments"), list(regulation.quality)))


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
    doc.add(_facts([(_("How we set prices"), marketing.pricing), (_("Who pays"), payers)]))
    doc.add(*_bullets_or_open(_("How people hear of us"), list(marketing.channels)))
    doc.add(*_bullets_or_open(_("Partners"), list(marketing.partners)))
    doc.add(b.chapter("operations"))
    doc.add(_facts([(_("Premises"), operations.premises), (_("A normal day"), operations.daily_routine),
                    (_("Staffing"), operations.staffing)]))
    doc.add(*_bullets_or_open(_("Equipment"), list(operations.equipment)))


def _governance_work(b: _Builder, doc: Document) -> None:
    governance, work = b.plan.governance, b.plan.decent_work
    doc.add(b.chapter("governance"))
    doc.add(_facts([
        (_("General assembly"), governance.general_assembly),
        (_("Board"), governance.board),
        (_("Management"), governance.management),
        (_("How we decide"), governance.decision_rules),
    ]))
    doc.add(*_bullets_or_open(_("Committees"), list(governance.committees)))
    doc.add(b.chapter("decent_work"))
    doc.add(_facts([(_("How wages are set"), work.wage_policy), (_("Working hours"), work.hours),
                    (_("Carers' voice"), work.voice)]))
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
                    compared = _("full-time hours not stated")
                elif row.monthly_wage >= needed:
                    compared = _("at or above {amount}").format(amount=b.money(needed))
                else:
                    compared = _("BELOW {amount}").format(amount=b.money(needed))
            rows.append([row.role, _opt(row.count), b.money(row.monthly_wage),
                         _opt(row.hours_per_week), compared])
        title = (_("Compared with the living wage") if b.plan.financial.minimum_wage_kind == "living"
                 else _("Compared with the minimum wage"))
        doc.add(Table([_("Role"), _("People"), _("Monthly wage"), _("Hours a week"), title], rows,
                      numeric=[False, True, True, True, False]))
        if wage is not None:
            full_time = b.plan.decent_work.full_time_hours
            if full_time:
                text = _(
                    "The wage we compare with is {amount} a month for {hours} hours a week ({source}); "
                    "part-time roles are compared for their hours."
                ).format(amount=b.money(wage[0]), hours=_opt(full_time), source=wage[1])
            else:
                text = _(
                    "The wage we compare with is {amount} a month ({source}); part-time roles are "
                    "compared for their hours."
                ).format(amount=b.money(wage[0]), source=wage[1])
            doc.add(Paragraph(text, kind="note"))
    doc.add(*_bullets_or_open(_("Social protection"), list(work.social_protection)))
    doc.add(*_bullets_or_open(_("Training"), list(work.training)))
    doc.add(*_bullets_or_open(_("Health and safety"), list(work.health_safety)))


def _risks_actions(b: _Builder, doc: Document) -> None:
    doc.add(b.chapter("risks"))
    if b.plan.risks:
        doc.add(Table([_("Risk"), _("How likely"), _("How bad"), _("What we do about it")],
                      [[r.risk, in_words(LEVELS, r.likelihood), in_words(LEVELS, r.impact), r.response or ""]
                       for r in b.plan.risks]))
    else:
        doc.add(Paragraph(_open(_("Risks")), kind="open"))
    doc.add(b.chapter("action_plan"))
    if b.plan.action_plan:
        doc.add(Table([_("Step"), _("Who"), _("When")],
                      [[a.step, a.who or "", a.when or ""] for a in b.plan.action_plan]))
    else:
        doc.add(Paragraph(_open(_("Action plan")), kind="open"))


def money_formatter(profile: CountryProfile, currency: str) -> Callable[[Decimal], str]:
    """A one-argument money formatter for a profile and currency (for the bylaws)."""
    return lambda amount: format_money(amount, profile, currency)
