"""The business plan's executive summary: the one page a loan officer reads first.

Who the cooperative is, the service and who pays, the money asked for and what it buys,
when it breaks even, its lowest cash, how the loan is repaid and the main risks. Every
detail behind these lines is in the chapters after it; nothing here is said twice.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from carecoop.plan import finance
from carecoop.plan.model import Loan, RevenueLine
from carecoop.plan.money import format_percent, round_money
from carecoop.plan.summary import cover_text, funding_gap_text
from carecoop.plan.words import LEVELS, MEMBERSHIP_KINDS, PAYERS, in_words
from carecoop.render.document import Bullets, Document, Facts, Heading, Paragraph
from carecoop.render.plan_pages import LEVEL_ORDER, PlanPages

#: How many start-up items the summary names before "and N more".
_ITEMS_NAMED = 3
#: How many risks the summary names (the worst ones; all are in the risks chapter).
_RISKS_NAMED = 3


def executive_summary(pages: PlanPages, doc: Document, name: str) -> None:
    """The executive summary, one page: who, what, the money, break-even, repayment, risks."""
    doc.add(Heading("Executive summary", compact=True))
    doc.add(Paragraph(_who(pages, name), compact=True))
    about = _about(pages)
    if about:
        doc.add(Facts(about, compact=True))
    doc.add(Heading("The money we ask for and what it buys", 2, compact=True))
    doc.add(Facts(_money_asked(pages), compact=True))
    doc.add(Heading("When the cooperative pays its way", 2, compact=True))
    doc.add(Facts(_pays_its_way(pages), compact=True))
    risks = sorted(pages.plan.risks, key=lambda r: (LEVEL_ORDER[r.impact], LEVEL_ORDER[r.likelihood]))
    if risks:
        doc.add(Heading("Main risks and what we do about them", 2, compact=True))
        doc.add(
            Bullets(
                [
                    f"{r.risk} (likely: {in_words(LEVELS, r.likelihood)}, impact: "
                    f"{in_words(LEVELS, r.impact)}) \N{EM DASH} {r.response or 'no answer yet'}"
                    for r in risks[:_RISKS_NAMED]
                ],
                compact=True,
            )
        )
    if pages.audience == "group":
        doc.add(
            Paragraph(
                f"Plan check score: {pages.report.score} out of 100. 'Assumptions and what "
                "still needs work' lists what to improve. The copy for a lender "
                "(export plan --for lender) leaves the score out.",
                kind="note",
                compact=True,
            )
        )


def _who(pages: PlanPages, name: str) -> str:
    """One or two sentences: name, kind, place, founding members, the care it gives."""
    coop, plan = pages.plan.cooperative, pages.plan
    model = plan.members.membership_model
    kind = in_words(MEMBERSHIP_KINDS, model) if model else "a care cooperative"
    who = [f"{name} is {kind}"]
    if coop.location:
        who.append(f" in {coop.location}")
    members = sum(c.members for c in plan.members.categories)
    if members:
        kinds = ", ".join(f"{c.category}: {c.members}" for c in plan.members.categories)
        who.append(f", with {members} founding members ({kinds})")
    who.append(".")
    if coop.care_services:
        who.append(f" It will provide {'; '.join(coop.care_services)}.")
    return "".join(who)


def _about(pages: PlanPages) -> list[tuple[str, str]]:
    """Legal form and who pays for what."""
    plan = pages.plan
    facts: list[tuple[str, str]] = []
    legal_form = pages.legal_form()
    law = pages.profile.cooperative_law
    if legal_form and law is not None and plan.cooperative.legal_form == "cooperative":
        legal_form += f"; registrar: {law.registrar}"
        if law.supervisor:
            legal_form += f"; supervisor: {law.supervisor}"
    if legal_form:
        facts.append(("Legal form", legal_form))
    if plan.financial.revenue:
        facts.append(("Who pays", "; ".join(_revenue_line(pages, r) for r in plan.financial.revenue)))
    return facts


def _revenue_line(pages: PlanPages, line: RevenueLine) -> str:
    """`Day care, paid by families: US$30.00 each`."""
    payer = in_words(PAYERS, line.payer)
    # The group often names the payer in the service already ("… paid by families").
    # "Other payers" says nothing a reader can use: the service name is all there is to say.
    named = line.payer == "other" or payer.lower() in line.service.lower()
    paid_by = "" if named else f" ({payer})"
    return f"{line.service}{paid_by}: {pages.money(line.unit_price)} each"


def _money_asked(pages: PlanPages) -> list[tuple[str, str]]:
    """The loans asked for and their repayment, what the money buys, all the funding."""
    fin, figures = pages.plan.financial, pages.figures
    rows: list[tuple[str, str]] = []
    for loan in fin.loans:
        rows.append(("Loan", _loan(pages, loan)))
    if not fin.loans:
        rows.append(("Loan", "none: the plan is funded without a loan"))
    rows.append(("What it buys", _what_it_buys(pages)))
    sources = ["the loan" if len(fin.loans) == 1 else "the loans"] if fin.loans else []
    if figures.member_shares:
        share = _share_of(figures.member_shares, figures.funding)
        sources.append(f"member shares {pages.money(figures.member_shares)} ({share})")
    sources += [f"a grant from {g.source} {pages.money(g.amount)}" for g in fin.grants]
    sources += [f"{o.source} {pages.money(o.amount)}" for o in fin.other_funding]
    rows.append(("All funding", f"{pages.money(figures.funding)}: {', '.join(sources)}" if sources
                 else pages.money(figures.funding)))
    rows.append(("Funding gap", funding_gap_text(figures, pages.money)))
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
    text = (
        f"{pages.money(loan.amount)} from {loan.lender}, {format_percent(loan.interest_rate)} a year "
        f"over {loan.term_months} months: "
    )
    if loan.grace_months:
        text += (
            f"interest only in months 1 to {loan.grace_months}, then {payment} a month in months "
            f"{loan.grace_months + 1} to {loan.term_months}"
        )
    else:
        text += f"{payment} a month in months 1 to {loan.term_months}"
    balance = round_money(finance.loan_balance(loan, horizon), pages.report.currency_digits)
    if balance > 0:
        text += f"; {pages.money(balance)} still owed after month {horizon}, the last month of this plan"
    return text


def _what_it_buys(pages: PlanPages) -> str:
    """The start-up costs: the total and the biggest items."""
    costs = pages.plan.financial.startup_costs
    if not costs:
        return "no start-up costs listed yet"
    biggest = sorted(costs, key=lambda c: c.amount, reverse=True)
    named = ", ".join(f"{c.item} {pages.money(c.amount)}" for c in biggest[:_ITEMS_NAMED])
    more = len(costs) - _ITEMS_NAMED
    rest = f" and {more} smaller items" if more > 1 else (" and one smaller item" if more == 1 else "")
    text = f"start-up costs of {pages.money(pages.figures.startup)}: {named}{rest}"
    cash = pages.figures.funding - pages.figures.startup
    if cash > 0:
        text += f"; the other {pages.money(cash)} is the cash for the first months"
    return text


def _pays_its_way(pages: PlanPages) -> list[tuple[str, str]]:
    """Break-even twice, losses made up, lowest cash, debt-service cover, margin of safety."""
    figures, fin = pages.figures, pages.plan.financial
    rows: list[tuple[str, str]] = [("Break-even", _break_even(pages))]
    even = figures.break_even_month
    rows.append(
        (
            "Cumulative break-even",
            f"month {even}: the losses of the first months are made up" if even
            else f"not within the {fin.horizon_months} months of this plan",
        )
    )
    rows.append(("Lowest cash", f"{pages.money(figures.lowest_cash)} in month {figures.lowest_cash_month}"))
    if fin.loans:
        covers = ", ".join(
            f"year {y.number}: {cover_text(y.debt_cover, pages.profile)}" for y in figures.years
        )
        if any(y.debt_cover is not None and y.debt_cover < 1 for y in figures.years):
            covers += " (under 1: loan payments come partly from the money raised)"
        rows.append(("Debt-service cover", covers))
    margin = _margin(pages)
    if margin:
        rows.append(("Margin of safety", margin))
    return rows


def _break_even(pages: PlanPages) -> str:
    """The clients a month needed to cover running costs and to also repay the loans."""
    figures, fin = pages.figures, pages.plan.financial
    main = finance.main_service(fin)
    if main is None:
        return "no revenue line yet"
    operating, with_loan = figures.break_even_units, figures.break_even_units_with_loan
    if operating is None:
        return f"never: a unit of {main.service} costs at least its price"
    text = f"{pages.number(operating)} a month of {main.service} cover the running costs"
    if fin.loans and with_loan is not None:
        text += f"; {pages.number(with_loan)} also repay the loan"
    return text + f" (the plan: {pages.number(main.units_per_month)} when full)"


def _margin(pages: PlanPages) -> str | None:
    """The lowest safe level of clients and what 10% fewer clients would do."""
    from carecoop.plan import whatif

    level = whatif.safe_level(pages.plan)
    if level.main_service is None:
        return None
    if level.percent is None:
        return (
            f"cash goes below zero even with {whatif.SEARCH_UP_TO}% of the planned clients: "
            "the plan needs more funding or lower costs"
        )
    units = pages.number((level.main_units or Decimal(0)).to_integral_value(rounding=ROUND_CEILING))
    text = f"cash stays above zero with at least {level.percent}% of the planned clients ({units} a month)"
    fewer = next((s for s in whatif.scenarios(pages.plan, PAYERS) if s.key == "clients-10"), None)
    if fewer is not None and fewer.first_negative is not None:
        text += f"; with 10% fewer, it goes below zero in month {fewer.first_negative.number}"
    return text
