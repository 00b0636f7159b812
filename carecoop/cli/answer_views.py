"""Rich tables of recorded answers, one per activity."""

from __future__ import annotations

from itertools import groupby

from rich.table import Table
from rich.text import Text

from carecoop.i18n import _
from carecoop.workshop.answers_export import AnswerLine


def who(line: AnswerLine) -> str:
    """Who gave an answer: a name, a group, or the plenary."""
    return line.answer.who


def answer_tables(lines: list[AnswerLine], history: bool = False) -> list[Table]:
    """One table per activity: question, who, answer (and when, with history)."""
    tables: list[Table] = []
    for activity_id, group in groupby(lines, key=lambda line: line.answer.activity_id):
        rows = list(group)
        table = Table(
            title=Text(f"{rows[0].activity_title} [{activity_id}]", style="bold"),
            title_justify="left",
            show_lines=True,
        )
        table.add_column(_("Question"), ratio=2)
        table.add_column(_("Who"), ratio=1)
        table.add_column(_("Answer"), ratio=3)
        if history:
            table.add_column(_("Recorded (UTC)"), no_wrap=True)
        previous = ""
        for line in rows:
            style = "dim" if line.answer.skipped or not line.current else ""
            cells = [
                Text("" if line.prompt == previous else line.prompt),
                Text(who(line)),
                Text(line.text + ("" if line.current else "  " + _("(earlier value)")), style=style),
            ]
            if history:
                cells.append(Text(line.answer.recorded_at[:19].replace("T", " ")))
            table.add_row(*cells)
            previous = line.prompt
        tables.append(table)
    return tables
