"""Recorded answers as text, ticks and table rows to print on a worksheet."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from carecoop.content.models import Question, QuestionKind
from carecoop.store.records import Answer


@dataclass(frozen=True)
class Filled:
    """An answer made printable: text lines, keys to tick, table rows, and whose it was."""

    lines: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    rows: list[list[str]] = field(default_factory=list)
    #: A number answer; for a scale, the 1-based position of the answer on it.
    number: float | None = None
    #: "participant", "group" or "workshop".
    source: str = "participant"
    group: str | None = None


def normalised(text: str) -> str:
    """A comparison key: case, spaces and punctuation ignored."""
    return re.sub(r"\W+", "", text.casefold())


class AnswerBook:
    """Current answers of a workshop, looked up for one person."""

    def __init__(self, answers: Iterable[Answer]) -> None:
        self._answers: dict[tuple[str, str], list[Answer]] = {}
        for answer in answers:
            if answer.skipped or answer.value is None:
                continue
            self._answers.setdefault((answer.activity_id, answer.question_id), []).append(answer)

    def find(
        self, activity_id: str, question_id: str, participant: str | None, group: str | None
    ) -> Answer | None:
        """The participant's own answer, else their group's, else the whole workshop's."""
        candidates = self._answers.get((activity_id, question_id), [])
        if participant:
            for answer in reversed(candidates):
                if answer.participant and answer.participant.casefold() == participant.casefold():
                    return answer
        if group:
            for answer in reversed(candidates):
                if answer.participant is None and answer.group == group:
                    return answer
        for answer in reversed(candidates):
            if answer.participant is None and answer.group is None:
                return answer
        return None


def fill(answer: Answer, question: Question | None, columns: list[str], yes_no: Mapping[bool, str]) -> Filled:
    """How an answer shows on a worksheet item with these table columns."""
    value = answer.value
    source = "participant" if answer.participant else "group" if answer.group else "workshop"
    number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is not None and question is not None and question.kind is QuestionKind.SCALE:
        # A scale from 0 (or 3) ticks its first option with its lowest value.
        number -= (question.minimum if question.minimum is not None else 1) - 1
    return Filled(
        lines=_lines(value, question, yes_no),
        keys=_keys(value, question, yes_no),
        rows=_rows(value, columns),
        number=number,
        source=source,
        group=answer.group,
    )


def as_text(value: Any, question: Question | None, yes_no: Mapping[bool, str]) -> str:
    """One value as a short text; choice ids become their labels."""
    if isinstance(value, bool):
        return yes_no[value]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        if set(value) == {"amount", "currency"}:
            return f"{value['amount']} {value['currency']}"
        return ", ".join(f"{key}: {as_text(item, None, yes_no)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(as_text(item, question, yes_no) for item in value)
    text = str(value)
    if question is not None and question.choices:
        return question.choice_label(text)
    return text


def _lines(value: Any, question: Question | None, yes_no: Mapping[bool, str]) -> list[str]:
    if isinstance(value, list):
        if question is not None and question.kind is QuestionKind.TABLE:
            return [" | ".join(row) for row in _rows(value, question.columns)]
        return [as_text(item, question, yes_no) for item in value if item not in (None, "")]
    if isinstance(value, str):
        return [line for line in (as_text(part, question, yes_no) for part in value.splitlines()) if line]
    return [as_text(value, question, yes_no)]


def _keys(value: Any, question: Question | None, yes_no: Mapping[bool, str]) -> set[str]:
    """Keys that tick a checklist item: choice ids, labels and the label's first words."""
    values = value if isinstance(value, list) else [value]
    keys: set[str] = set()
    for item in values:
        if isinstance(item, dict | list):
            continue
        text = as_text(item, None, yes_no)
        keys.add(normalised(text))
        if question is not None and question.choices:
            label = question.choice_label(text)
            keys.add(normalised(label))
            # "Recognize - care is real work" ticks the checklist item "Recognize".
            keys.add(normalised(re.split(r"\s+[-–—:]\s+|[:,(]", label)[0]))
    keys.discard("")
    return keys


def _rows(value: Any, columns: list[str]) -> list[list[str]]:
    """Table rows from a list of rows (lists, mappings by column name, or plain texts)."""
    if not isinstance(value, list):
        return [[as_text(value, None, {True: "✓", False: "✗"})]] if value not in (None, "") else []
    width = max(1, len(columns))
    by_name = {normalised(column): index for index, column in enumerate(columns)}
    rows: list[list[str]] = []
    for row in value:
        cells = [""] * width
        if isinstance(row, dict):
            leftovers = []
            for key, cell in row.items():
                index = by_name.get(normalised(str(key)))
                if index is None:
                    leftovers.append(cell)
                else:
                    cells[index] = _cell(cell)
            for cell in leftovers:  # unknown keys fill the empty columns in order
                if "" in cells:
                    cells[cells.index("")] = _cell(cell)
        elif isinstance(row, list):
            for index, cell in enumerate(row[:width]):
                cells[index] = _cell(cell)
            if len(row) > width:
                cells[-1] = ", ".join(_cell(c) for c in row[width - 1 :])
        else:
            cells[0] = _cell(row)
        if any(cells):
            rows.append(cells)
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_cell(item) for item in value)
    return str(value)
