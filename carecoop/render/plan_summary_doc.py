"""The business plan's executive summary: the one page a loan officer reads first.

Who the cooperative is, the service and who pays, the money asked for and what it buys,
when it breaks even, its lowest cash, how the loan is repaid and the main risks. Every
detail behind these lines is in the chapters after it; nothing here is said twice.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from carecoop.i18n import _, clause_separator, list_separator, ngettext
from carecoop.plan import finance
from carecoop.plan.model import Loan, RevenueLine
from carecoop.plan.money import format_percent, round_money
from carecoop.plan.summary import cover_text, funding_gap_text
from carecoop.plan.words import LEVELS, MEMBERSHIP_KINDS, PAYERS, in_words, translated
from carecoop.render.document import Bullets, Document, Facts, Heading, Paragraph
from carecoop.render.plan_pages import LEVEL_ORDER, PlanPages

#: How many start-up items the summary names before "and N more".
_ITEMS_NAMED = 3
#: How many risks the summary names (the worst ones; all are in the risks chapter).
_RISKS_NAMED = 3


def executive_summary(pages: PlanPages, doc: Document, name: str) -> None:
    """The executive summary, one page: who, what, the money, break-even, repayment, risks.

    The same page in both copies; the group's score is on its cover (`score_note`).
    """
    doc.add(Heading(_("Executive summary"), compact=True))
    doc.add(Paragraph(_who(pages, name), compact=True))
    about = _about(pages)
    if about:
        doc.add(Facts(about, compact=True))
    doc.add(Heading(_("The money we ask for and what it buys"), 2, compact=True))
    doc.add(Facts(_money_asked(pages), compact=True))
    doc.add(Heading(_("When the cooperative pays its way"), 2, compact=True))
    doc.add(Facts(_pays_its_way(pages), compact=True))
    risks = sorted(pages.plan.risks, key=lambda r: (LEVEL_ORDER[r.impact], LEVEL_ORDER[r.likelihood]))
    if risks:
        doc.add(Heading(_("Main risks and what we do about them"), 2, compact=True))
        doc.add(
            Bullets(
                [
                    _("{risk} (how likely: {likelihood}; how bad: {impact}) \N{EM DASH} {response}").format(
                        risk=r.risk,
                        likelihood=in_words(LEVELS, r.likelihood),
                        impact=in_words(LEVELS, r.impact),
                        response=r.response or _("no answer yet"),
                    )
                    for r in risks[:_RISKS_NAMED]
                ],
                compact=True,
            )
        )


def score_note(score: int) -> str:
    """The group copy's line on its self-given score (on the cover: the summary is the lender's page)."""
    return _(
        "Plan check score: {score} out of 100. '{chapter}' lists what to improve. The copy "
        "for a lender ({command}) leaves the score out."
    ).format(
        score=score, chapter=_("Assumptions and what still needs work"), command="export plan --for lender"
    )


def _who(pages: PlanPages, name: str) -> str:
    """One or two sentences: name, kind, place, founding members, the care it gives."""
    coop, plan = pages.plan.cooperative, pages.plan
    model = plan.members.membership_model
    kind = in_words(MEMBERSHIP_KINDS, model) if model else _("a care cooperative")
    members = sum(c.members for c in plan.members.categories)
    kinds = list_separator().join(f"{c.category}: {c.members}" for c in plan.members.categories)
    # Whole sentences, one per case, so that a translator can order them as the language does.
    if coop.location and members:
        who = ngettext(
            "{name} is {kind} in {place}, with {count} founding member ({kinds}).",
            "{name} is {kind} in {place}, with {count} founding members ({kinds}).",
            members,
        )
    elif members:
        who = ngettext(
            "{name} is {kind}, with {count} founding member ({kinds}).",
            "{name} is {kind}, with {count} founding members ({kinds}).",
            members,
        )
    elif coop.location:
        who = _("{name} is {kind} in {place}.")
    else:
        who = _("{name} is {kind}.")
    text = who.format(name=name, kind=kind, place=coop.location, count=members, kinds=kinds)
    if coop.care_services:
        services = clause_separator().join(coop.care_services)
        text += " " + _("It will provide {services}.").format(services=services)
    return text


def _about(pages: PlanPages) -> list[tuple[str, str]]:
    """Legal form and who pays for what."""
    plan = pages.plan
    facts: list[tuple[str, str]] = []
    legal_form = pages.legal_form()
    law = pages.profile.cooperative_law
    if legal_form and law is not None and plan.cooperative.legal_form == "cooperative":
        parts = [legal_form, _("registrar: {registrar}").format(registrar=_(law.registrar))]
        if law.supervisor:
            parts.append(_("supervisor: {supervisor}").format(supervisor=_(law.supervisor)))
        legal_form = clause_separator().join(parts)
    if legal_form:
        facts.append((_("Legal form"), legal_form))
    if plan.financial.revenue:
        lines = [_revenue_line(pages, r) for r in plan.financial.revenue]
        facts.append((_("Who pays"), clause_separator().join(lines)))
    return facts


def _revenue_line(pages: PlanPages, line: RevenueLine) -> str:
    """`Day care (families): US$30.00 each`."""
    payer = in_words(PAYERS, line.payer)
    # The group often names the payer in the service already ("… paid by families").
    # "Other payers" says nothing a reader can use: the service name is all there is to say.
    named = line.payer == "other" or payer.lower() in line.service.lower()
    price = pages.money(line.unit_price)
    if named:
        return _("{service}: {price} each").format(service=line.service, price=price)
    return _("{service} ({payer}): {price} each").format(service=line.service, payer=payer, price=price)


def _money_asked(pages: PlanPages) -> list[tuple[str, str]]:
    """The loans asked for and their repayment, what the money buys, all the funding."""
    fin, figures = pages.plan.financial, pages.figures
    rows: list[tuple[str, str]] = []
    for loan in fin.loans:
        rows.append((_("Loan"), _loan(pages, loan)))
    if not fin.loans:
        rows.append((_("Loan"), _("none: the plan is funded without a loan")))
    rows.append((_("What it buys"), _what_it_buys(pages)))
    sources = [ngettext("the loan", "the loans", len(fin.loans))] if fin.loans else []
    if figures.member_shares:
        share = _share_of(figures.member_shares, figures.funding)
        sources.append(_("member shares {amount} ({share})").format(
            amount=pages.money(figures.member_shares), share=share))
    sources += [_("a grant from {source} {amount}").format(source=g.source, amount=pages.money(g.amount))
                for g in fin.grants]
    sources += [f"{o.source} {pages.money(o.amount)}" for o in fin.other_funding]
    total = pages.money(figures.funding)
    if sources:
        total = _("{total}: {sources}").format(total=total, sources=list_separator().join(sources))
    rows.append((_("All funding"), total))
    rows.append((_("Funding gap"), funding_gap_text(figures, pages.money)))
    return rows


def _share_of(part: Decimal, whole: Decimal) -> str:
    """`23%`: a part of a whole in whole percent."""
    if whole <= 0:
        return "0%"
    return format_percent((part * 100 / whole).quantize(Decimal(1)))


def _loan(pages: PlanPages, loan: Loan) -> str:
    """One loan and its repayment plan in a sentence."""
    horizon = pages.plan.financial.horizon_months
    payment = pages.money(finance.annuity_payment(loan))
    values = {
        "amount": pages.money(loan.amount),
        "lender": loan.lender,
        "rate": format_percent(loan.interest_rate),
        "term": loan.term_months,
        "payment": payment,
        "grace": loan.grace_months,
        "first": loan.grace_months + 1,
    }
    if loan.grace_months:
        text = _(
            "{amount} from {lender}, {rate} a year (nominal, on the balance still owed) over {term} months: "
            "interest only in months 1 to {grace}, then {payment} a month in months {first} to {term}"
        ).format(**values)
    else:
        text = _(
            "{amount} from {lender}, {rate} a year (nominal, on the balance still owed) over {term} months: "
            "{payment} a month in months 1 to {term}"
        ).format(**values)
    balance = round_money(finance.loan_balance(loan, horizon), pages.report.currency_digits)
    if balance > 0:
        owed = _("{amount} still owed after month {month}, the last month of this plan")
        text += clause_separator() + owed.format(amount=pages.money(balance), month=horizon)
    return text


def _what_it_buys(pages: PlanPages) -> str:
    """The start-up costs: the total and the biggest items."""
    costs = pages.plan.financial.startup_costs
    if not costs:
        return _("no start-up costs listed yet")
    biggest = sorted(costs, key=lambda c: c.amount, reverse=True)
    named = list_separator().join(f"{c.item} {pages.money(c.amount)}" for c in biggest[:_ITEMS_NAMED])
    more = len(costs) - _ITEMS_NAMED
    if more > 0:
        rest = ngettext("and {count} smaller item", "and {count} smaller items", more)
        named += " " + rest.format(count=more)
    total = pages.money(pages.figures.startup)
    text = _("start-up costs of {total}: {items}").format(total=total, items=named)
    cash = pages.figures.funding - pages.figures.startup
    if cash > 0:
        other = _("the other {amount} is the cash for the first months")
        text += clause_separator() + other.format(amount=pages.money(cash))
    return text


def _pays_its_way(pages: PlanPages) -> list[tuple[str, str]]:
    """Break-even twice, losses made up, lowest cash, debt-service cover, margin of safety."""
    figures, fin = pages.figures, pages.plan.financial
    rows: list[tuple[str, str]] = [(_("Break-even"), _break_even(pages))]
    even = figures.break_even_month
    rows.append(
        (
            _("Cumulative break-even"),
            _("month {month}: the losses of the first months are made up").format(month=even) if even
            else _("not within the {months} months of this plan").format(months=fin.horizon_months),
        )
    )
    rows.append((_("Lowest cash"), _("{amount} in month {month}").format(
        amount=pages.money(figures.lowest_cash), month=figures.lowest_cash_month)))
    if fin.loans:
        covers = clause_separator().join(
            _("year {number}: {cover}").format(number=y.number, cover=cover_text(y.debt_cover, pages.profile))
            for y in figures.years
        )
        if any(y.debt_cover is not None and y.debt_cover < 1 for y in figures.years):
            covers += " " + _("(under 1: loan payments come partly from the money raised)")
        rows.append((_("Debt-service cover"), covers))
    margin = _margin(pages)
    if margin:
        rows.append((_("Margin of safety"), margin))
    return rows


def _break_even(pages: PlanPages) -> str:
    """The clients a month needed to cover running costs and to also repay the loans."""
    figures, fin = pages.figures, pages.plan.financial
    main = finance.main_service(fin)
    if main is None:
        return _("no revenue line yet")
    operating, with_loan = figures.break_even_units, figures.break_even_units_with_loan
    if operating is None:
        return _("never: a unit of {service} costs at least its price").format(service=main.service)
    text = _("{count} a month of {service} cover the running costs").format(
        count=pages.number(operating), service=main.service
    )
    if fin.loans and with_loan is not None:
        text += clause_separator() + _("{count} also repay the loan").format(count=pages.number(with_loan))
    return text + " " + _("(the plan: {count} when full)").format(count=pages.number(main.units_per_month))


def _margin(pages: PlanPages) -> str | None:
    """The lowest safe level of clients and what 10% fewer clients would do."""
    from carecoop.plan import whatif

    level = whatif.safe_level(pages.plan)
    if level.main_service is None:
        return None
    if level.percent is None:
        return _(
            "cash goes below zero even with {percent} of the planned clients: the plan needs more funding "
            "or lower costs"
        ).format(percent=format_percent(Decimal(whatif.SEARCH_UP_TO)))
    units = pages.number((level.main_units or Decimal(0)).to_integral_value(rounding=ROUND_CEILING))
    text = _("cash stays above zero with at least {percent} of the planned clients ({count} a month)").format(
        percent=format_percent(Decimal(level.percent)), count=units
    )
    fewer = next((s for s in whatif.scenarios(pages.plan, translated(PAYERS)) if s.key == "clients-10"), None)
    if fewer is not None and fewer.first_negative is not None:
        worse = _("with {percent} fewer clients, it goes below zero in month {month}")
        text += clause_separator() + worse.format(
            percent=format_percent(Decimal(10)), month=fewer.first_negative.number
        )
    return text
