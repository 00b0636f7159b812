"""Rich views of a plan check: key figures, the monthly cash table, warnings, the score."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from carecoop.countries.profiles import CountryProfile
from carecoop.i18n import _
from carecoop.plan.checks import Report
from carecoop.plan.model import Plan
from carecoop.plan.summary import (
    CASH_HEADERS,
    WHAT_IF_HEADERS,
    YEAR_HEADERS,
    cash_rows,
    key_figures,
    safe_level_text,
    score_rows,
    translated_headers,
    what_if_rows,
    year_rows,
)


def _pairs(title: str, rows: list[tuple[str, str]]) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False, pad_edge=False)
    table.add_column("")
    table.add_column("", justify="right")
    for label, value in rows:
        table.add_row(escape(label), escape(value))
    return table


def check_view(
    report: Report, plan: Plan, profile: CountryProfile, heading: str, *, workshop: str, group: str
) -> RenderableType:
    """Everything `carecoop plan check` prints; next steps name the workshop and group checked."""
    from carecoop.cli.common import next_step_text

    parts: list[RenderableType] = [Text(heading, style="bold"), Text("")]
    parts.append(_pairs(_("Key figures"), key_figures(report.figures, plan, profile, report.currency)))
    parts.append(Text(""))
    cash = Table(title=Text(_("Cash month by month"), style="bold"), title_justify="left", pad_edge=False)
    for index, header in enumerate(translated_headers(CASH_HEADERS)):
        cash.add_column(header, justify="right" if index else "left", no_wrap=True)
    for number, row in enumerate(cash_rows(report.figures, profile, report.currency), start=1):
        low = report.figures.months[number - 1].closing_cash < 0
        cash.add_row(*(escape(cell) for cell in row), style="red" if low else None)
    parts += [cash, Text("")]
    parts += [_table(_("Year by year (income statement, loans and cash)"), translated_headers(YEAR_HEADERS),
                     year_rows(report.figures, profile, report.currency)), Text("")]
    parts.append(Text(_("Warnings"), style="bold"))
    if report.findings:
        for finding in report.findings:
            line = f"- {finding.message}"
            if finding.next_step is not None:
                line += " " + next_step_text(finding.next_step, workshop=workshop, group=group)
            parts.append(Text(line))
    else:
        parts.append(Text(_("No warnings.")))
    parts.append(Text(""))
    parts.append(_pairs(_("Score: completeness 40 points, viability 60"), score_rows(report)))
    parts.append(Text(_("Score: {score} / 100").format(score=report.score), style="bold"))
    if report.gates:
        because = _("The score stays under 50 because {reasons}.").format(reasons="; ".join(report.gates))
        parts.append(Text(because, style="bold red"))
    return Group(*parts)


def _table(title: str, headers: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left", pad_edge=False)
    for index, header in enumerate(headers):
        table.add_column(header, justify="right" if index else "left")
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table


def what_if_view(plan: Plan, profile: CountryProfile, currency: str) -> RenderableType:
    """What `plan check --what-if` adds: the plan with fewer clients, lower prices, a late payer."""
    table = _table(_("What if"), translated_headers(WHAT_IF_HEADERS), what_if_rows(plan, profile, currency))
    return Group(Text(""), table, Text(safe_level_text(plan, profile)))
