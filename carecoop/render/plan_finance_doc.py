"""The business plan's pages on money: financial plan, what-if, assumptions.

The same engine figures as `carecoop plan check`, written for a reader who checks every
number; the executive summary (`plan_summary_doc`) gives the few that matter most.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.plan import finance
from carecoop.plan.checks import refund_reason
from carecoop.plan.money import format_percent
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
from carecoop.plan.words import PAYERS, in_words
from carecoop.render.charts import cash_chart, income_costs_chart
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table
from carecoop.render.plan_pages import PlanPages


class MoneyPages(PlanPages):
    """Builds the money pages of one plan."""

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
        doc.add(cash_chart(figures.months, figures.break_even_month, self.money, self.labels))
        doc.add(income_costs_chart(figures.months, figures.break_even_month, self.money, self.labels))
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
            Paragraph(
                "Debt-service cover: what the year's work leaves to pay the loans (surplus, "
                "depreciation and interest added back) divided by the loan payments. Above 1, "
                "the loans are paid from the work itself."
            )
        )
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

    def break_even(self, doc: Document) -> None:
        """The two monthly break-even levels, then the cumulative break-even."""
        figures, fin = self.figures, self.plan.financial
        doc.add(Heading("Break-even", 2))
        # The two levels right under the heading, so that the page never parts them from it.
        operating, with_loan = break_even_texts(figures, self.profile)
        doc.add(
            Facts(
                [("To cover running costs", operating)]
                + ([("To also repay the loan", with_loan)] if fin.loans else [])
            )
        )
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
