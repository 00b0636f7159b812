"""Charts of the pilot report: knowledge before and after, change per person, the five faces.

Each figure is built when a format first draws it (a Markdown report draws none); its words
are translated before, in the report's language.
"""

from __future__ import annotations

from typing import Any

from carecoop.i18n import _
from carecoop.render.charts import lazy_chart, new_figure
from carecoop.render.document import Chart

_BEFORE, _AFTER = "#b0b0b0", "#1f5f8b"
#: Five faces from very sad to very happy, in colours that stay apart in grey print.
_FACE_COLOURS = ["#b22222", "#e8956b", "#e6e6e6", "#8fbc8f", "#2e7d32"]


def knowledge_chart(labels: list[str], before: list[float], after: list[float], caption: str) -> Chart:
    """Per question, the share of people right before and after (percent), as paired bars."""
    words = {"before": _("Before"), "after": _("After"), "axis": _("People with the right answer")}

    def build() -> Any:
        figure, axes = new_figure((7.0, 0.4 * len(labels) + 1.2))
        rows = list(range(len(labels)))
        height = 0.38
        axes.barh([r - height / 2 for r in rows], before, height, color=_BEFORE, label=words["before"])
        axes.barh([r + height / 2 for r in rows], after, height, color=_AFTER, label=words["after"])
        for row, value in zip(rows, before, strict=True):
            axes.text(value + 1, row - height / 2, f"{value:.0f}%", va="center", fontsize=8)
        for row, value in zip(rows, after, strict=True):
            axes.text(value + 1, row + height / 2, f"{value:.0f}%", va="center", fontsize=8)
        axes.set_yticks(rows, labels)
        axes.invert_yaxis()  # question 1 at the top, as in the table
        axes.set_xlim(0, 110)
        axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
        axes.set_xlabel(words["axis"])
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False, fontsize=9)
        axes.grid(axis="x", alpha=0.3)
        return figure

    return lazy_chart(build, caption)


def change_chart(counts: dict[int, int], out_of: int, caption: str) -> Chart:
    """How many people gained or lost how many right answers between the two checks."""
    words = {
        "x": _("Change in right answers (out of {count}), after minus before").format(count=out_of),
        "y": _("People"),
    }

    def build() -> Any:
        figure, axes = new_figure((7.0, 2.4))
        low = min([0, *counts])
        high = max([0, *counts])
        changes = list(range(low, high + 1))
        values = [counts.get(c, 0) for c in changes]
        colours = [_AFTER if c > 0 else ("#b22222" if c < 0 else _BEFORE) for c in changes]
        axes.bar(changes, values, color=colours)
        for change, value in zip(changes, values, strict=True):
            if value:
                axes.text(change, value + 0.05, str(value), ha="center", va="bottom", fontsize=9)
        axes.set_xticks(changes, [f"{c:+d}" if c else "0" for c in changes])
        axes.set_xlabel(words["x"])
        axes.set_ylabel(words["y"])
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_ylim(0, max(values + [1]) * 1.2)
        return figure

    return lazy_chart(build, caption)


def _face_label(face: int) -> str:
    if face == 1:
        return _("{face} (very sad)").format(face=face)
    if face == 5:
        return _("{face} (very happy)").format(face=face)
    return str(face)


def faces_chart(labels: list[str], counts: list[list[int]], caption: str) -> Chart:
    """For each question, how many chose each face, as one bar split from 1 to 5."""
    faces = [_face_label(face + 1) for face in range(5)]
    axis = _("Answers")

    def build() -> Any:
        figure, axes = new_figure((7.0, 0.55 * len(labels) + 1.3))
        rows = list(range(len(labels)))
        left = [0] * len(labels)
        for face in range(5):
            widths = [row[face] for row in counts]
            axes.barh(
                rows,
                widths,
                left=left,
                color=_FACE_COLOURS[face],
                edgecolor="#444444",
                linewidth=0.5,
                label=faces[face],
            )
            for row, (start, width) in enumerate(zip(left, widths, strict=True)):
                if width:
                    axes.text(start + width / 2, row, str(width), ha="center", va="center", fontsize=9)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        axes.set_yticks(rows, labels)
        axes.invert_yaxis()
        axes.set_xlabel(axis)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=5, frameon=False, fontsize=8.5)
        return figure

    return lazy_chart(build, caption)
