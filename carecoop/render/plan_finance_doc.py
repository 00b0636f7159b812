"""The business plan's pages on money: executive summary, financial plan, what-if, assumptions.

The same engine figures as `carecoop plan check`, written for a reader who has two minutes
(the executive summary) and for one who checks every number (the tables after it).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from carecoop.countries.profiles import CountryProfile
from carecoop.plan import finance
from carecoop.plan.checks import Report, refund_reason
from carecoop.plan.model import Plan
from carecoop.plan.money import format_money, format_number, format_percent
from carecoop.plan.summary import (
    CASH_HEADERS,
    WHAT_IF_HEADERS,
    break_even_texts,
    cash_rows,
    cover_text,
    funding_gap_text,
    safe_level_text,
    score_rows,
    what_if_rows,
)
from carecoop.plan.words import LEGAL_FORMS, MEMBERSHIP_MODELS, PAYERS, in_words
from carecoop.render.charts import cash_chart, income_costs_chart
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table

Audience = Literal["group", "lender"]

CHART_LABELS = {
    "cash": "Cash at the end of the month",
    "below_zero": "Cash below zero",
    "break_even": "Cumulative break-even (month {month})",
    "month": "Month",
    "income": "Money in (revenue)",
    "costs": "Money out (costs and loan repayments)",
    "cash_caption": "Cash in the box at the end of each month. Below the line, the cooperative "
    "cannot pay its bills.",
    "income_caption": "Money in against money out each month. Where the bars rise above the line, "
    "the month ends with a surplus.",
}

_LEVEL_ORDER = {"high": 0, "medium": 1, "low": 2}


class MoneyPages:
    """Builds the money pages of one plan."""

    def __init__(self, plan: Plan, report: Report, profile: CountryProfile, audience: Audience) -> None:
        self.plan = plan
        self.report = report
        self.profile = profile
        self.audience = audience
        self.figures = report.figures

    def money(self, amount: Decimal) -> str:
        """An amount in the plan's currency, as the country writes it."""
        return format_money(amount, self.profile, self.report.currency)

    def number(self, amount: Decimal) -> str:
        """A count in the country's number format."""
        return format_number(amount, self.profile)

    # Executive summary ----------------------------------------------------------------------

    def legal_form(self) -> str | None:
        """The legal form as the country names it, else in plain words."""
        coop = self.plan.cooperative
        if coop.legal_form is None:
            return None
        # The group's own words for its exact form, else the country's name for it: never both,
        # as the group's detail usually repeats the country's name.
        named = next((f.name for f in self.profile.legal_forms if f.form == coop.legal_form), None)
        return coop.legal_form_detail or named or in_words(LEGAL_FORMS, coop.legal_form)

    def summary(self, doc: Document, name: str) -> None:
        """The executive summary: who we are, the money asked for, key figures, fragility, risks."""
        plan, figures, fin = self.plan, self.figures, self.plan.financial
        coop = plan.cooperative
        doc.add(Heading("Executive summary"))
        who = [f"{name} is a care cooperative"]
        if coop.location:
            who.append(f" in {coop.location}")
        who.append(".")
        if coop.care_services:
            who.append(f" It will provide {'; '.join(coop.care_services)}.")
        members = sum(c.members for c in plan.members.categories)
        if members:
            who.append(f" It has {members} founding members.")
        doc.add(Paragraph("".join(who)))
        facts: list[tuple[str, str]] = []
        if self.legal_form():
            facts.append(("Legal form", self.legal_form() or ""))
        if plan.members.membership_model:
            facts.append(("Membership", in_words(MEMBERSHIP_MODELS, plan.members.membership_model)))
        payers = plan.marketing.payers or sorted({line.payer for line in fin.revenue})
        if payers:
            facts.append(("Who pays", ", ".join(in_words(PAYERS, p) for p in payers)))
        if facts:
            doc.add(Facts(facts))
        doc.add(Heading("The money we need and where it comes from", 2))
        ask = [
            ("Start-up costs", self.money(figures.startup)),
            ("Member shares", self.money(figures.member_shares)),
        ]
        ask += [(f"Grant: {g.source}", self.money(g.amount)) for g in fin.grants]
        ask += [
            (
                f"Loan: {loan.lender}",
                f"{self.money(loan.amount)}, {format_percent(loan.interest_rate)} a "
                f"year over {loan.term_months} months ({loan.grace_months} months' grace)",
            )
            for loan in fin.loans
        ]
        ask += [(f"Other: {o.source}", self.money(o.amount)) for o in fin.other_funding]
        ask.append(("Funding gap", funding_gap_text(figures, self.money)))
        doc.add(Facts(ask))
        doc.add(Heading("Key figures", 2))
        doc.add(Facts(self.key_facts()))
        doc.add(Heading("How fragile the plan is", 2))
        doc.add(Bullets(self.fragility()))
        risks = sorted(plan.risks, key=lambda r: (_LEVEL_ORDER[r.impact], _LEVEL_ORDER[r.likelihood]))[:2]
        if risks:
            doc.add(Heading("Main risks and what we do about them", 2))
            doc.add(
                Bullets(
                    [
                        f"{r.risk} ({r.likelihood} likelihood, {r.impact} impact): "
                        f"{r.response or 'no answer yet'}"
                        for r in risks
                    ]
                )
            )
        if self.audience == "group":
            doc.add(
                Paragraph(
                    f"Plan check score: {self.report.score} out of 100. 'Assumptions and what "
                    "still needs work' lists what to improve. The copy for a lender "
                    "(export plan --for lender) leaves the score out.",
                    kind="note",
                )
            )

    def key_facts(self) -> list[tuple[str, str]]:
        """The key figures of the executive summary as (label, value) pairs."""
        figures, fin = self.figures, self.plan.financial
        full = figures.months[-1]
        main = finance.main_service(fin)
        operating, with_loan = break_even_texts(figures, self.profile)
        rows: list[tuple[str, str]] = []
        if main is not None:
            rows.append(
                (
                    "Clients planned in a full month",
                    f"{self.number(main.units_per_month)} of {main.service}, "
                    f"{self.money(main.unit_price)} each",
                )
            )
        rows += [
            (f"Revenue in month {full.number}", self.money(full.revenue)),
            (f"Running costs in month {full.number}", self.money(full.staff + full.fixed + full.variable)),
            ("Break-even to cover running costs", operating),
        ]
        if fin.loans:
            rows.append(("Break-even to also repay the loan", with_loan))
        even = figures.break_even_month
        rows.append(
            ("Cumulative break-even", f"month {even}" if even else f"not within {fin.horizon_months} months")
        )
        rows.append(
            ("Lowest cash", f"{self.money(figures.lowest_cash)} in month {figures.lowest_cash_month}")
        )
        rows.append((f"Cash after month {fin.horizon_months}", self.money(full.closing_cash)))
        if fin.loans:
            covers = ", ".join(
                f"year {y.number}: {cover_text(y.debt_cover, self.profile)}" for y in figures.years
            )
            rows += [
                ("Debt-service cover", covers),
                (f"Loan still owed after month {fin.horizon_months}", self.money(figures.loan_balance)),
            ]
        return rows

    def fragility(self) -> list[str]:
        """One sentence per what-if and the lowest safe level of clients."""
        from carecoop.plan import whatif

        lines = []
        for scenario in whatif.scenarios(self.plan, PAYERS)[1:]:
            negative = scenario.first_negative
            if negative is None:
                lines.append(
                    f"{scenario.label}: cash stays above zero (lowest "
                    f"{self.money(scenario.lowest.closing_cash)})."
                )
            else:
                lines.append(
                    f"{scenario.label}: cash goes below zero in month {negative.number} (lowest "
                    f"{self.money(scenario.lowest.closing_cash)})."
                )
        lines.append(safe_level_text(self.plan, self.profile))
        return lines

    # The financial plan ---------------------------------------------------------------------

    def financial(self, doc: Document, chapter: Heading) -> None:
        """The financial plan chapter: funding, loans, income, statements, cash, break-even, surplus."""
        fin, figures = self.plan.financial, self.figures
        doc.add(PageBreak(), chapter)
        doc.add(Heading("Start-up costs and funding", 2))
        startup = [
            [c.item, self.money(c.amount), f"{c.useful_life_years} years" if c.useful_life_years else ""]
            for c in fin.startup_costs
        ]
        startup.append(["Total start-up costs", self.money(figures.startup), ""])
        doc.add(
            Table(
                ["What we buy before opening", "Cost", "Lasts"],
                startup,
                numeric=[False, True, True],
                strong_rows=[len(startup) - 1],
            )
        )
        funding = [["Member shares", self.money(figures.member_shares)]]
        funding += [[f"Grant: {g.source}", self.money(g.amount)] for g in fin.grants]
        funding += [[f"Loan: {loan.lender}", self.money(loan.amount)] for loan in fin.loans]
        funding += [[f"Other: {o.source}", self.money(o.amount)] for o in fin.other_funding]
        funding.append(["Total funding", self.money(figures.funding)])
        funding.append(["Funding gap", funding_gap_text(figures, self.money)])
        doc.add(
            Table(
                ["Where the money comes from", "Amount"],
                funding,
                numeric=[False, True],
                strong_rows=[len(funding) - 2, len(funding) - 1],
            )
        )
        if fin.loans:
            doc.add(
                Table(
                    [
                        "Loan",
                        "Amount",
                        "Yearly interest",
                        "Months (grace)",
                        "Monthly payment",
                        f"Owed after month {fin.horizon_months}",
                    ],
                    [
                        [
                            loan.lender,
                            self.money(loan.amount),
                            format_percent(loan.interest_rate),
                            f"{loan.term_months} ({loan.grace_months})",
                            self.money(finance.annuity_payment(loan)),
                            self.money(finance.loan_balance(loan, fin.horizon_months)),
                        ]
                        for loan in fin.loans
                    ],
                    numeric=[False, True, True, True, True, True],
                )
            )
        doc.add(Heading("Income and running costs", 2))
        if fin.revenue:
            doc.add(
                Table(
                    [
                        "Service",
                        "Price per unit",
                        "Food and materials per unit",
                        "Units in a full month",
                        "Months to get full",
                        "Who pays",
                    ],
                    [
                        [
                            r.service,
                            self.money(r.unit_price),
                            self.money(r.variable_cost_per_unit),
                            self.number(r.units_per_month),
                            str(r.ramp_up_months),
                            in_words(PAYERS, r.payer),
                        ]
                        for r in fin.revenue
                    ],
                    numeric=[False, True, True, True, True, False],
                )
            )
        if fin.fixed_costs:
            rows = [[c.item, self.money(c.amount)] for c in fin.fixed_costs]
            rows.append(["Total per month", self.money(finance.fixed_costs(fin))])
            doc.add(
                Table(
                    ["Fixed monthly cost", "Amount"], rows, numeric=[False, True], strong_rows=[len(rows) - 1]
                )
            )
        self.statements(doc)
        doc.add(Heading("The first year, month by month", 2))
        doc.add(
            Table(
                ["Month", "Money in", "Staff", "Other costs", "Surplus", "Cash at month end"],
                [
                    [
                        str(m.number),
                        self.money(m.revenue),
                        self.money(m.staff),
                        self.money(m.fixed + m.variable + m.interest),
                        self.money(m.surplus),
                        self.money(m.closing_cash),
                    ]
                    for m in figures.months[:12]
                ],
                numeric=[True] * 6,
            )
        )
        doc.add(Heading("The cash plan", 2))
        doc.add(cash_chart(figures.months, figures.break_even_month, self.money, CHART_LABELS))
        doc.add(income_costs_chart(figures.months, figures.break_even_month, self.money, CHART_LABELS))
        doc.add(PageBreak())  # the month-by-month table reads best on a page of its own
        doc.add(
            Table(
                CASH_HEADERS,
                cash_rows(figures, self.profile, self.report.currency),
                numeric=[True] * len(CASH_HEADERS),
                caption=f"Cash plan over {fin.horizon_months} months",
            )
        )
        self.break_even(doc)
        self.surplus_split(doc)

    def statements(self, doc: Document) -> None:
        """The income statement and the loans-and-cash summary, year by year."""
        years = self.figures.years
        doc.add(Heading("Income statement, year by year", 2))
        doc.add(
            Paragraph(
                "What the cooperative earns and spends in each year. Equipment is counted "
                "over the years it lasts (depreciation); loan repayments are not a cost, only "
                "their interest is."
            )
        )
        doc.add(
            Table(
                ["", "Revenue", "Running costs", "Depreciation", "Interest", "Surplus"],
                [
                    [
                        f"Year\u00a0{y.number}",
                        self.money(y.revenue),
                        self.money(y.variable + y.staff + y.fixed),
                        self.money(y.depreciation),
                        self.money(y.interest),
                        self.money(y.surplus),
                    ]
                    for y in years
                ],
                numeric=[False] + [True] * 5,
            )
        )
        doc.add(Heading("Loans and cash, year by year", 2))
        doc.add(
            Table(
                [
                    "",
                    "Loan payments",
                    "Debt-service cover",
                    "Lowest cash",
                    "Cash at year end",
                    "Loan still owed",
                ],
                [
                    [
                        f"Year\u00a0{y.number}",
                        self.money(y.debt_service),
                        cover_text(y.debt_cover, self.profile),
                        self.money(y.lowest_cash),
                        self.money(y.closing_cash),
                        self.money(y.loan_balance),
                    ]
                    for y in years
                ],
                numeric=[False] + [True] * 5,
            )
        )
        doc.add(
            Paragraph(
                "Debt-service cover: what the year's work leaves to pay the loans (surplus, "
                "depreciation and interest added back) divided by the loan payments. Above 1, "
                "the loans are paid from the work itself.",
                kind="note",
            )
        )

    def break_even(self, doc: Document) -> None:
        """Cumulative break-even and the two monthly break-even levels."""
        figures, fin = self.figures, self.plan.financial
        doc.add(Heading("Break-even", 2))
        if figures.break_even_month is not None:
            doc.add(
                Paragraph(
                    f"By month {figures.break_even_month}, the surpluses add up to more than the "
                    "deficits of the first months: the cooperative has broken even."
                )
            )
        elif fin.revenue:
            doc.add(
                Paragraph(
                    f"The cooperative does not break even within {fin.horizon_months} months. "
                    "The group must raise prices, find more users, or lower costs.",
                    kind="warning",
                )
            )
        operating, with_loan = break_even_texts(figures, self.profile)
        doc.add(
            Facts(
                [("To cover running costs", operating)]
                + ([("To also repay the loan", with_loan)] if fin.loans else [])
            )
        )

    def surplus_split(self, doc: Document) -> None:
        """Each year's surplus split, with why a refund is not paid."""
        fin = self.plan.financial
        doc.add(Heading("What happens to a surplus", 2))
        doc.add(
            Paragraph(
                f"Each year's surplus (after depreciation) goes first to the reserve "
                f"({format_percent(fin.reserve_percent or Decimal(0))}) and the education fund "
                f"({format_percent(fin.education_fund_percent or Decimal(0))}). Patronage refunds "
                f"({format_percent(fin.patronage_refund_percent or Decimal(0))}) are paid only when "
                "cash allows."
            )
        )
        rows = []
        reasons = []
        for year in self.figures.years:
            a = year.allocation
            rows.append(
                [
                    f"Year\u00a0{year.number}",
                    self.money(a.surplus),
                    self.money(a.reserve),
                    self.money(a.education_fund),
                    self.money(a.patronage_refund),
                    self.money(a.undivided),
                ]
            )
            if a.refund_blocked is not None and (a.planned_refund > 0 or a.refund_blocked == "deficit"):
                reasons.append(
                    f"Year {year.number}: no patronage refund, because {refund_reason(a, self.money)}"
                )
        doc.add(
            Table(
                ["", "Surplus", "Reserve", "Education fund", "Patronage refunds", "Kept in the cooperative"],
                rows,
                numeric=[False] + [True] * 5,
            )
        )
        if reasons:
            doc.add(Bullets(reasons))

    # What if, assumptions -------------------------------------------------------------------

    def what_if(self, doc: Document) -> None:
        """The what-if page."""
        doc.add(PageBreak(), Heading("What if things go worse"))
        doc.add(
            Paragraph(
                "The same plan with one thing going wrong at a time. A plan that only works "
                "when everything goes right needs more reserves before it starts."
            )
        )
        doc.add(
            Table(
                WHAT_IF_HEADERS,
                what_if_rows(self.plan, self.profile, self.report.currency),
                numeric=[False, True, True, True, True],
            )
        )
        doc.add(Paragraph(safe_level_text(self.plan, self.profile), kind="note"))

    def assumptions(
        self, doc: Document, bullets_or_open: Callable[[str, list[str]], list[Block]], wage_source: str | None
    ) -> None:
        """Assumptions, how the figures are made, open points, and the score (group copy)."""
        fin = self.plan.financial
        doc.add(PageBreak(), Heading("Assumptions and what still needs work"))
        doc.add(Paragraph("Every plan rests on guesses. These are ours, so that a reader can judge them."))
        doc.add(*bullets_or_open("Our assumptions", list(fin.assumptions)))
        doc.add(Heading("How the figures are made", 2))
        made = [
            f"The plan covers {fin.horizon_months} months from opening. All funding arrives before month 1.",
            "A service that takes R months to get full sells 1/(R+1), 2/(R+1)… of its clients in its "
            "first months.",
            "Staff cost is the wage plus the employer's contributions, from the month each role starts.",
            "Loans are repaid in equal monthly payments after the grace months, when only interest is paid.",
            "Equipment with a stated life is spread over those years in the income statement; the cash "
            "plan counts it when it is bought.",
        ]
        if wage_source:
            made.append(f"Wages are compared with {wage_source}.")
        doc.add(Bullets(made))
        doc.add(Heading("Points still open (from the plan check)", 2))
        findings = [f.message for f in self.report.findings]
        doc.add(Bullets(findings) if findings else Paragraph("The plan check found nothing to warn about."))
        if self.audience == "group":
            doc.add(Heading("How the score was made", 2))
            doc.add(Paragraph(f"Score: {self.report.score} out of 100.", kind="note"))
            doc.add(Facts(score_rows(self.report)))
