"""The business plan's pages on money: financial plan, what-if, assumptions.

The same engine figures as `carecoop plan check`, written for a reader who checks every
number; the executive summary (`plan_summary_doc`) gives the few that matter most.
"""

from __future__ import annotations

from collections.abc import Callable

from carecoop.i18n import _, ngettext
from carecoop.plan import finance
from carecoop.plan.checks import refund_reason
from carecoop.plan.money import format_percent
from carecoop.plan.statement import law_minimums_text, surplus_shares
from carecoop.plan.summary import (
    CASH_HEADERS,
    WHAT_IF_HEADERS,
    break_even_texts,
    cash_rows,
    cover_text,
    funding_gap_text,
    safe_level_text,
    score_rows,
    translated_headers,
    what_if_rows,
)
from carecoop.plan.words import PAYERS, in_words
from carecoop.render.charts import cash_chart, income_costs_chart
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table
from carecoop.render.plan_pages import PlanPages, year_label


def _years(count: int) -> str:
    """`5 years`: how long an item lasts."""
    return ngettext("{count} year", "{count} years", count).format(count=count)


class MoneyPages(PlanPages):
    """Builds the money pages of one plan."""

    # The financial plan ---------------------------------------------------------------------

    def financial(self, doc: Document, chapter: Heading) -> None:
        """The financial plan chapter: funding, loans, income, statements, cash, break-even, surplus."""
        fin, figures = self.plan.financial, self.figures
        doc.add(PageBreak(), chapter)
        doc.add(Heading(_("Start-up costs and funding"), 2))
        startup = [
            [c.item, self.money(c.amount), _years(c.useful_life_years) if c.useful_life_years else ""]
            for c in fin.startup_costs
        ]
        startup.append([_("Total start-up costs"), self.money(figures.startup), ""])
        doc.add(
            Table(
                [_("What we buy before opening"), _("Cost"), _("Lasts")],
                startup,
                numeric=[False, True, True],
                strong_rows=[len(startup) - 1],
            )
        )
        funding = [[_("Member shares"), self.money(figures.member_shares)]]
        funding += [[_("Grant: {source}").format(source=g.source), self.money(g.amount)] for g in fin.grants]
        funding += [
            [_("Loan: {lender}").format(lender=loan.lender), self.money(loan.amount)] for loan in fin.loans
        ]
        funding += [
            [_("Other: {source}").format(source=o.source), self.money(o.amount)] for o in fin.other_funding
        ]
        funding.append([_("Total funding"), self.money(figures.funding)])
        funding.append([_("Funding gap"), funding_gap_text(figures, self.money)])
        doc.add(
            Table(
                [_("Where the money comes from"), _("Amount")],
                funding,
                numeric=[False, True],
                strong_rows=[len(funding) - 2, len(funding) - 1],
            )
        )
        if fin.loans:
            doc.add(
                Table(
                    [
                        _("Loan"),
                        _("Amount"),
                        _("Yearly interest (nominal)"),
                        _("Months (grace months)"),
                        _("Monthly payment"),
                        _("Still owed after month {month}").format(month=fin.horizon_months),
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
        doc.add(Heading(_("Income and running costs"), 2))
        if fin.revenue:
            doc.add(
                Table(
                    [
                        _("Service"),
                        _("Price per unit"),
                        _("Food and materials per unit"),
                        _("Units in a full month"),
                        _("Months to get full"),
                        _("Who pays"),
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
            rows.append([_("Total per month"), self.money(finance.fixed_costs(fin))])
            doc.add(
                Table(
                    [_("Fixed monthly cost"), _("Amount")], rows, numeric=[False, True],
                    strong_rows=[len(rows) - 1],
                )
            )
        self.statements(doc)
        doc.add(Heading(_("The first year, month by month"), 2))
        doc.add(
            Table(
                [
                    _("Month"),
                    _("Money in"),
                    _("Staff"),
                    _("Other costs"),
                    _("Surplus"),
                    _("Cash at month end"),
                ],
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
        doc.add(Heading(_("The cash plan"), 2))
        doc.add(cash_chart(figures.months, figures.break_even_month, self.money, self.labels))
        doc.add(income_costs_chart(figures.months, figures.break_even_month, self.money, self.labels))
        doc.add(PageBreak())  # the month-by-month table reads best on a page of its own
        doc.add(
            Table(
                translated_headers(CASH_HEADERS),
                cash_rows(figures, self.profile, self.report.currency),
                numeric=[True] * len(CASH_HEADERS),
                caption=_("Cash plan over {months} months").format(months=fin.horizon_months),
            )
        )
        self.break_even(doc)
        self.surplus_split(doc)

    def statements(self, doc: Document) -> None:
        """The income statement and the loans-and-cash summary, year by year."""
        years = self.figures.years
        doc.add(Heading(_("Income statement, year by year"), 2))
        doc.add(
            Paragraph(
                _(
                    "What the cooperative earns and spends in each year. Equipment is counted "
                    "over the years it lasts (depreciation); loan repayments are not a cost, only "
                    "their interest is."
                )
            )
        )
        doc.add(
            Table(
                ["", _("Revenue"), _("Running costs"), _("Depreciation"), _("Interest"), _("Surplus")],
                [
                    [
                        year_label(y.number),
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
        doc.add(Heading(_("Loans and cash, year by year"), 2))
        doc.add(
            Paragraph(
                _(
                    "Debt-service cover: what the year's work leaves to pay the loans (surplus, "
                    "depreciation and interest added back) divided by the loan payments. Above 1, "
                    "the loans are paid from the work itself."
                )
            )
        )
        doc.add(
            Table(
                [
                    "",
                    _("Loan payments"),
                    _("Debt-service cover"),
                    _("Lowest cash"),
                    _("Cash at year end"),
                    _("Loan still owed"),
                ],
                [
                    [
                        year_label(y.number),
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
        doc.add(Heading(_("Break-even"), 2))
        # The two levels right under the heading, so that the page never parts them from it.
        operating, with_loan = break_even_texts(figures, self.profile)
        doc.add(
            Facts(
                [(_("To cover running costs"), operating)]
                + ([(_("To also repay the loan"), with_loan)] if fin.loans else [])
            )
        )
        if figures.break_even_month is not None:
            doc.add(
                Paragraph(
                    _(
                        "By month {month}, the surpluses add up to more than the deficits of the first "
                        "months: the cooperative has broken even."
                    ).format(month=figures.break_even_month)
                )
            )
        elif fin.revenue:
            doc.add(
                Paragraph(
                    _(
                        "The cooperative does not break even within {months} months. The group must "
                        "raise prices, find more clients, or lower costs."
                    ).format(months=fin.horizon_months),
                    kind="warning",
                )
            )

    def surplus_split(self, doc: Document) -> None:
        """Each year's surplus split, with why a refund is not paid."""
        # The percentages as the law makes them (Colombia raises the funds, adds a solidarity fund).
        shares = surplus_shares(self.plan.financial, self.profile.surplus_rule)
        doc.add(Heading(_("What happens to a surplus"), 2))
        doc.add(
            Paragraph(
                _(
                    "Each year's surplus (after depreciation) goes first to the reserve ({reserve}) and "
                    "the education fund ({education}). Patronage refunds ({refund}) are paid only when "
                    "cash allows."
                ).format(
                    reserve=format_percent(shares.reserve),
                    education=format_percent(shares.education_fund),
                    refund=format_percent(shares.patronage_refund),
                )
            )
        )
        rule = self.profile.surplus_rule
        if rule is not None:
            doc.add(Paragraph(law_minimums_text(rule), kind="note"))
        rows = []
        reasons = []
        for year in self.figures.years:
            a = year.allocation
            solidarity = [self.money(a.solidarity_fund)] if rule else []
            rows.append(
                [
                    year_label(year.number),
                    self.money(a.surplus),
                    self.money(a.reserve),
                    self.money(a.education_fund),
                    *solidarity,
                    self.money(a.patronage_refund),
                    self.money(a.undivided),
                ]
            )
            if a.refund_blocked is not None and (a.planned_refund > 0 or a.refund_blocked == "deficit"):
                reasons.append(
                    _("Year {number}: no patronage refund, because {reason}").format(
                        number=year.number, reason=refund_reason(a, self.money)
                    )
                )
        funds = [_("Reserve"), _("Education fund"), *([_("Solidarity fund")] if rule else [])]
        doc.add(
            Table(
                ["", _("Surplus"), *funds, _("Patronage refunds"), _("Kept in the cooperative")],
                rows,
                numeric=[False] + [True] * (len(funds) + 3),
            )
        )
        if reasons:
            doc.add(Bullets(reasons))

    # What if, assumptions -------------------------------------------------------------------

    def what_if(self, doc: Document) -> None:
        """The what-if page."""
        doc.add(PageBreak(), Heading(_("What if things go worse")))
        doc.add(
            Paragraph(
                _(
                    "The same plan with one thing going wrong at a time. A plan that only works "
                    "when everything goes right needs more reserves before it starts."
                )
            )
        )
        doc.add(
            Table(
                translated_headers(WHAT_IF_HEADERS),
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
        doc.add(PageBreak(), Heading(_("Assumptions and what still needs work")))
        doc.add(Paragraph(_("Every plan rests on guesses. These are ours, so that a reader can judge them.")))
        doc.add(*bullets_or_open(_("Our assumptions"), list(fin.assumptions)))
        doc.add(Heading(_("How the figures are made"), 2))
        made = [
            _("The plan covers {months} months from opening. All funding arrives before month 1.").format(
                months=fin.horizon_months
            ),
            _(
                "A service that takes R months to get full sells 1/(R+1), 2/(R+1)… of its clients in its "
                "first months."
            ),
            _("Staff cost is the wage plus the employer's contributions, from the month each role starts."),
            _(
                "Loans are repaid in equal monthly payments after the grace months, when only interest is "
                "paid. The yearly interest rate is nominal: each month, a twelfth of it is charged on what "
                "is still owed."
            ),
            _(
                "Equipment with a stated life is spread over those years in the income statement; the cash "
                "plan counts it when it is bought."
            ),
        ]
        if wage_source:
            made.append(_("Wages are compared with {source}.").format(source=wage_source))
        doc.add(Bullets(made))
        doc.add(Heading(_("Points still open (from the plan check)"), 2))
        findings = [f.message for f in self.report.findings]
        nothing = _("The plan check found nothing to warn about.")
        doc.add(Bullets(findings) if findings else Paragraph(nothing))
        if self.audience == "group":
            doc.add(Heading(_("How the score was made"), 2))
            doc.add(Paragraph(_("Score: {score} out of 100.").format(score=self.report.score), kind="note"))
            doc.add(Facts(score_rows(self.report)))
