"""Charts of the cash plan, drawn with matplotlib as SVG (for PDF) and PNG (for DOCX).

Every word on a chart (axes, legend, caption) comes from the document labels
(`render/labels.py`, keys `chart_*`), so a chart speaks the language of its document.
A chart's figure is built only when a format first draws it (`lazy_chart`): a Markdown or
JSON export, which draws no chart, builds none.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from carecoop.plan.finance import Month
from carecoop.render.document import Chart

_FIGURE_SIZE = (7.0, 3.4)
#: Our chart style, set when a figure is made and again whenever it is drawn (drawing may come later).
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "svg.fonttype": "none",  # text stays text, so the PDF can be searched and read
    "svg.hashsalt": "carecoop",  # the same plan gives the same SVG
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def new_figure(size: tuple[float, float]) -> tuple[Any, Any]:
    """A figure and its axes in our chart style.

    Made without pyplot, so nothing keeps it alive but the `Chart` that may still draw it as PNG.
    """
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update(_STYLE)
    figure = Figure(figsize=size)
    return figure, figure.subplots()


def to_chart(figure: Any, caption: str) -> Chart:
    """The chart of a finished figure, drawn when a format first asks: SVG for PDF, PNG for DOCX."""
    return lazy_chart(lambda: figure, caption)


def lazy_chart(build: Callable[[], Any], caption: str) -> Chart:
    """The chart whose figure `build` makes when a format first draws it: SVG for PDF, PNG for DOCX.

    Building and drawing are all of a chart's cost; a Markdown export pays for neither.
    `build` runs at most once, so every word it prints must be chosen before (the language
    may have changed by the time a format draws).
    """
    made: list[Any] = []

    def figure_of() -> Any:
        if not made:
            made.append(build())
        return made[0]

    def svg() -> str:
        import matplotlib

        data = io.StringIO()
        # WeasyPrint draws SVG text glyph by glyph: Arabic would come out unjoined and left to
        # right. matplotlib (3.11, through libraqm) shapes and orders it, so a chart with
        # right-to-left words keeps its text as drawn outlines; its caption stays searchable text.
        figure = figure_of()
        fonttype = "path" if _has_right_to_left(figure) else "none"
        with matplotlib.rc_context({**_STYLE, "svg.fonttype": fonttype}):
            figure.savefig(data, format="svg", bbox_inches="tight", metadata={"Date": None})
        return data.getvalue()

    def png() -> bytes:
        import matplotlib

        data = io.BytesIO()
        with matplotlib.rc_context(_STYLE):
            figure_of().savefig(data, format="png", dpi=150, bbox_inches="tight")
        return data.getvalue()

    return Chart(caption=caption, draw_svg=svg, draw_png=png)


def _has_right_to_left(figure: Any) -> bool:
    """Whether a label, title or legend entry of the figure has right-to-left letters."""
    from matplotlib.text import Text

    from carecoop.render.engine import text_direction_of

    return any(
        any(text_direction_of(char) == "rtl" for char in artist.get_text())
        for artist in figure.findobj(Text)
    )


def _finish(axes: Any, months: list[Month], break_even: int | None, money: Callable[[Decimal], str],
            labels: Mapping[str, str]) -> None:
    """What both charts share: break-even line, month axis, money axis, legend below."""
    from matplotlib.ticker import FuncFormatter

    numbers = [m.number for m in months]
    if break_even is not None:
        axes.axvline(break_even, color="#2e7d32", linestyle="--", linewidth=1.5,
                     label=labels["chart_break_even"].format(month=break_even))
    axes.set_xlabel(labels["chart_month"])
    axes.set_xticks(numbers[:: max(1, len(numbers) // 12)])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: money(Decimal(str(value)))))
    # Below the plot, so that the legend never hides a bar or a line.
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False, fontsize=9)
    axes.grid(axis="y", alpha=0.3)


def cash_chart(
    months: list[Month], break_even: int | None, money: Callable[[Decimal], str], labels: Mapping[str, str]
) -> Chart:
    """The cash in the box at the end of each month, with zero and break-even marked."""
    labels = dict(labels)

    def build() -> Any:
        numbers = [m.number for m in months]
        cash = [float(m.closing_cash) for m in months]
        figure, axes = new_figure(_FIGURE_SIZE)
        axes.axhline(0, color="#444444", linewidth=1)
        axes.fill_between(numbers, cash, 0, where=[c < 0 for c in cash], color="#d9534f", alpha=0.25,
                          interpolate=True, label=labels["chart_below_zero"])
        axes.plot(numbers, cash, color="#1f5f8b", linewidth=2.5, marker="o", markersize=3,
                  label=labels["chart_cash"])
        _finish(axes, months, break_even, money, labels)
        return figure

    return lazy_chart(build, labels["chart_cash_caption"])


def income_costs_chart(
    months: list[Month], break_even: int | None, money: Callable[[Decimal], str], labels: Mapping[str, str]
) -> Chart:
    """Money coming in against money going out, month by month."""
    labels = dict(labels)

    def build() -> Any:
        numbers = [m.number for m in months]
        figure, axes = new_figure(_FIGURE_SIZE)
        axes.bar(numbers, [float(m.revenue) for m in months], color="#8fbc8f", label=labels["chart_income"])
        axes.plot(numbers, [float(m.cash_out) for m in months], color="#b22222", linewidth=2.5,
                  label=labels["chart_costs"])
        _finish(axes, months, break_even, money, labels)
        return figure

    return lazy_chart(build, labels["chart_income_caption"])
