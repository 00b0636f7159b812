"""Recorded answers as text, ticks and table rows to print on a worksheet.

Answers are stored as typed, in the run's terms: money as a plain figure, a plan's choices
by their code (`family`, `high`). On paper they read in the workshop's language and money
(`$100.000`, `familiar`): a `Wording` says how.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from carecoop.content.models import Question, QuestionKind
from carecoop.i18n import translate
from carecoop.plan.words import ALTERNATIVE_KINDS, LEGAL_FORMS, LEVELS, MEMBERSHIP_MODELS, PAYERS
from carecoop.store.records import Answer

if TYPE_CHECKING:
    from carecoop.plan.fields import FieldInfo

#: The plan's code words, each vocabulary found by its codes.
_VOCABULARIES = (ALTERNATIVE_KINDS, LEVELS, PAYERS, LEGAL_FORMS, MEMBERSHIP_MODELS)


def _no_source(activity_id: str, question_id: str) -> Question | None:
    return None


@dataclass(frozen=True)
class Wording:
    """How recorded values read on a worksheet, in the document's language and money."""

    yes_no: Mapping[bool, str]
    language: str = "en"
    #: An amount as the workshop's country writes it (None: the figure as recorded).
    money: Callable[[Decimal], str] | None = None
    #: The curriculum's own (English) question of an answer: table rows recorded from an
    #: answers file are keyed by its column names, and its plan field says what each holds.
    source: Callable[[str, str], Question | None] = _no_source

    def amount(self, value: Any) -> str | None:
        """A recorded figure as money, or None when it is not a figure."""
        if self.money is None or isinstance(value, bool):
            return None
        try:
            return self.money(Decimal(str(value).strip()))
        except (InvalidOperation, ValueError):
            return None

    def code(self, value: str, choices: tuple[str, ...]) -> str:
        """A plan choice code in words (`family` → `familiar`); anything else as it is."""
        key = re.sub(r"[\s_/]+", "-", value.strip().lower())
        for vocabulary in _VOCABULARIES:
            if key in vocabulary and set(choices) <= set(vocabulary):
                return translate(vocabulary[key], self.language)
        return value


def table_fields(question: Question, source: Question | None) -> dict[str, FieldInfo]:
    """The plan field behind each column of a table question, by normalised column name.

    Columns are named as the curriculum's own question names them and as translated, so
    rows keyed either way find their field.
    """
    from carecoop.plan.answers import target_path
    from carecoop.plan.fields import field_info
    from carecoop.plan.values import row_field

    original = source or question
    path = target_path(original)
    row = field_info(path).row if path else None
    if row is None:
        return {}
    found: dict[str, FieldInfo] = {}
    for index, name in enumerate(original.columns):
        info = row_field(row, name)
        if info is None:
            continue
        found[normalised(name)] = info
        if index < len(question.columns):
            found.setdefault(normalised(question.columns[index]), info)
    return found


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


def fill(answer: Answer, question: Question | None, columns: list[str], wording: Wording) -> Filled:
    """How an answer shows on a worksheet item with these table columns."""
    yes_no = wording.yes_no
    value = answer.value
    source = "participant" if answer.participant else "group" if answer.group else "workshop"
    number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is not None and question is not None and question.kind is QuestionKind.SCALE:
        # A scale from 0 (or 3) ticks its first option with its lowest value.
        number -= (question.minimum if question.minimum is not None else 1) - 1
    fields: dict[str, FieldInfo] = {}
    if question is not None and question.kind is QuestionKind.TABLE:
        fields = table_fields(question, wording.source(answer.activity_id, answer.question_id))
    if question is not None and question.kind is QuestionKind.MONEY:
        shown = wording.amount(value)
        if shown is not None:
            value = shown
    return Filled(
        lines=_lines(value, question, yes_no),
        keys=_keys(value, question, yes_no),
        rows=_rows(value, columns, fields, wording),
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


def _rows(
    value: Any,
    columns: list[str],
    fields: Mapping[str, FieldInfo] | None = None,
    wording: Wording | None = None,
) -> list[list[str]]:
    """Table rows from a list of rows (lists, mappings by column name, or plain texts).

    With `fields` (a plan table's columns) and a `wording`, money cells read as money and
    choice codes as words.
    """
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
                text = _worded(cell, (fields or {}).get(normalised(str(key))), wording)
                index = by_name.get(normalised(str(key)))
                if index is None:
                    leftovers.append(text)
                else:
                    cells[index] = text
            for text in leftovers:  # unknown keys fill the empty columns in order
                if "" in cells:
                    cells[cells.index("")] = text
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


def _worded(value: Any, info: FieldInfo | None, wording: Wording | None) -> str:
    """A table cell as text; money and plan choice codes in the document's words."""
    text = _cell(value)
    if info is None or wording is None or not text:
        return text
    if info.kind == "money":
        return wording.amount(text) or text
    if info.kind == "choice":
        return wording.code(text, info.choices)
    return text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_cell(item) for item in value)
    return str(value)
