"""Answer values: read what the facilitator types, check what a file gives, show a value.

Each question kind has one canonical stored form, plain JSON so the store and the
answers file share it: text → str; number → int or float; money → the Decimal as a
string ("1250.50", never a float); choice → the choice id; multi-choice → a list of ids;
yes-no → bool; scale → int; list → a list of str; table → a list of rows, each a mapping
of every column name to str.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from carecoop.content.models import Question, QuestionKind

SCALE_MINIMUM = 1
SCALE_MAXIMUM = 5

_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
# A comma is a decimal mark only with one or two digits after it: "1,250" is ambiguous.
_MONEY = re.compile(r"^-?\d+(?:\.\d{1,3}|,\d{1,2})?$")
_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


class ValueProblem(ValueError):
    """A value that does not fit its question: what was expected, and what came."""

    def __init__(self, expected: str, got: str | None = None, verb: str = "Type") -> None:
        self.expected = expected
        self.got = got
        self.verb = verb
        super().__init__(self.hint)

    @property
    def hint(self) -> str:
        """The message for someone at the keyboard: `Type a number between 0 and 20`."""
        return f"{self.verb} {self.expected}"

    def in_file(self) -> str:
        """The message for an answers file: `expected a number between 0 and 20, got 'abc'`."""
        return f"expected {self.expected}, got {self.got}" if self.got else f"expected {self.expected}"


def shown(raw: Any) -> str:
    """A value as quoted in a message, cut short when long."""
    text = f"'{raw}'" if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def range_phrase(noun: str, minimum: float | None, maximum: float | None) -> str:
    """`a number between 0 and 20`, `a number of at least 0`, or just `a number`."""
    if minimum is not None and maximum is not None:
        return f"{noun} between {_figure(minimum)} and {_figure(maximum)}"
    if minimum is not None:
        return f"{noun} of at least {_figure(minimum)}"
    if maximum is not None:
        return f"{noun} of at most {_figure(maximum)}"
    return noun


def expectation(question: Question) -> ValueProblem:
    """What a question expects, as a problem to raise or a hint to show."""
    kind = question.kind
    if kind is QuestionKind.NUMBER:
        return ValueProblem(range_phrase("a number", question.minimum, question.maximum))
    if kind is QuestionKind.MONEY:
        return ValueProblem("an amount of money like 1250.50")
    if kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        return ValueProblem(f"a whole number from {low} to {high}")
    if kind is QuestionKind.CHOICE:
        return ValueProblem(f"one of: {', '.join(question.choice_ids)}", verb="Choose")
    if kind is QuestionKind.MULTI_CHOICE:
        return ValueProblem(f"a list of choices from: {', '.join(question.choice_ids)}", verb="Choose")
    if kind is QuestionKind.YES_NO:
        return ValueProblem("yes or no")
    if kind is QuestionKind.LIST:
        return ValueProblem("a list of items, like [first, second]")
    if kind is QuestionKind.TABLE:
        return ValueProblem(f"a list of rows with the columns: {', '.join(question.columns)}")
    if kind is QuestionKind.SHORT_TEXT:
        return ValueProblem("a short answer on one line")
    return ValueProblem("an answer")


def scale_bounds(question: Question) -> tuple[int, int]:
    """The lowest and highest point of a scale (1 to 5 unless the question says otherwise)."""
    low = int(question.minimum) if question.minimum is not None else SCALE_MINIMUM
    high = int(question.maximum) if question.maximum is not None else SCALE_MAXIMUM
    return low, high


# Typed text ------------------------------------------------------------------------------


def parse_text(question: Question, text: str) -> Any:
    """The canonical value of what was typed at a prompt; a ValueProblem when it does not fit."""
    typed = text.strip()
    kind = question.kind
    if kind in (QuestionKind.LIST, QuestionKind.MULTI_CHOICE):
        separators = r"[;\n]" if kind is QuestionKind.LIST else r"[,;\n]"
        items = [part.strip() for part in re.split(separators, typed)]
        return check_value(question, [item for item in items if item])
    if kind is QuestionKind.TABLE:
        raise expectation(question)  # a table is typed row by row, never as one line
    return check_value(question, typed)


# Values of any type (from a file, or from a prompt) -----------------------------------------


def check_value(question: Question, raw: Any) -> Any:
    """The canonical value of `raw` for this question; a ValueProblem when it does not fit."""
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return _text(question, raw)
    if kind is QuestionKind.NUMBER:
        return _number(question, raw)
    if kind is QuestionKind.MONEY:
        return _money(question, raw)
    if kind is QuestionKind.SCALE:
        return _scale(question, raw)
    if kind is QuestionKind.CHOICE:
        return _choice(question, raw)
    if kind is QuestionKind.MULTI_CHOICE:
        return _multi_choice(question, raw)
    if kind is QuestionKind.YES_NO:
        return _yes_no(question, raw)
    if kind is QuestionKind.LIST:
        return _list(question, raw)
    return _table(question, raw)


def _scalar_text(raw: Any) -> str | None:
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _figure(raw)
    return None


def _text(question: Question, raw: Any) -> str:
    text = _scalar_text(raw)
    if not text:
        problem = expectation(question)
        problem.got = "nothing" if text == "" or raw is None else shown(raw)
        raise problem
    if question.kind is QuestionKind.SHORT_TEXT:
        # A short answer fits on one line of a handout; line breaks from a file are joined.
        return " ".join(text.split())
    return text


def _number(question: Question, raw: Any) -> int | float:
    problem = expectation(question)
    problem.got = shown(raw)
    if isinstance(raw, bool):
        raise problem
    if isinstance(raw, int | float):
        value: int | float = raw
    elif isinstance(raw, str) and _NUMBER.match(raw.strip()):
        typed = raw.strip().replace(",", ".")
        value = float(typed) if "." in typed else int(typed)
    else:
        raise problem
    if question.minimum is not None and value < question.minimum:
        raise problem
    if question.maximum is not None and value > question.maximum:
        raise problem
    return value


def _money(question: Question, raw: Any) -> str:
    problem = expectation(question)
    problem.got = shown(raw)
    typed = _scalar_text(raw)
    if typed is None:
        raise problem
    typed = re.sub(r"\s", "", typed)
    if not _MONEY.match(typed):
        raise problem
    try:
        amount = Decimal(typed.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern lets only decimals through
        raise problem from None
    low, high = question.minimum, question.maximum
    if (low is not None and amount < Decimal(str(low))) or (high is not None and amount > Decimal(str(high))):
        raise ValueProblem(range_phrase("an amount", low, high), shown(raw))
    return str(amount)


def _scale(question: Question, raw: Any) -> int:
    problem = expectation(question)
    problem.got = shown(raw)
    low, high = scale_bounds(question)
    if isinstance(raw, bool):
        raise problem
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and re.fullmatch(r"-?\d+", raw.strip()):
        raw = int(raw.strip())
    if not isinstance(raw, int) or not low <= raw <= high:
        raise problem
    return raw


def _choice_id(question: Question, raw: Any) -> str | None:
    typed = _scalar_text(raw)
    if typed is None:
        return None
    folded = typed.casefold()
    for choice in question.choices:
        if folded in (choice.id.casefold(), choice.label.casefold()):
            return choice.id
    return None


def _choice(question: Question, raw: Any) -> str:
    found = _choice_id(question, raw)
    if found is None:
        problem = expectation(question)
        problem.got = shown(raw)
        raise problem
    return found


def _count_problem(question: Question, count: int, noun: str) -> ValueProblem | None:
    low, high = question.min_items, question.max_items
    if (low is None or count >= low) and (high is None or count <= high):
        return None
    if low is not None and high is not None:
        wanted = f"between {low} and {high} {noun}s"
    elif low is not None:
        wanted = f"at least {low} {noun}{'s' if low != 1 else ''}"
    else:
        wanted = f"at most {high} {noun}{'s' if high != 1 else ''}"
    verb = "Choose" if noun == "choice" else "Give"
    return ValueProblem(wanted, f"{count}", verb=verb)


def _multi_choice(question: Question, raw: Any) -> list[str]:
    if isinstance(raw, str):
        raw = [part for part in (p.strip() for p in raw.split(",")) if part]
    if not isinstance(raw, list):
        problem = expectation(question)
        problem.got = shown(raw)
        raise problem
    chosen: list[str] = []
    for item in raw:
        found = _choice_id(question, item)
        if found is None:
            raise ValueProblem(f"choices from: {', '.join(question.choice_ids)}", shown(item), verb="Choose")
        if found not in chosen:
            chosen.append(found)
    count_problem = _count_problem(question, len(chosen), "choice")
    if count_problem:
        raise count_problem
    return chosen


def _yes_no(question: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().casefold() in _YES | _NO:
        return raw.strip().casefold() in _YES
    problem = expectation(question)
    problem.got = shown(raw)
    raise problem


def _list(question: Question, raw: Any) -> list[str]:
    if not isinstance(raw, list):
        problem = expectation(question)
        problem.got = shown(raw)
        raise problem
    items: list[str] = []
    for item in raw:
        text = _scalar_text(item)
        if text is None:
            raise ValueProblem("items that are short texts", shown(item))
        if text:
            items.append(text)
    if not items:
        raise ValueProblem("at least one item", "an empty list", verb="Give")
    count_problem = _count_problem(question, len(items), "item")
    if count_problem:
        raise count_problem
    return items


def _table(question: Question, raw: Any) -> list[dict[str, str]]:
    problem = expectation(question)
    problem.got = shown(raw)
    if not isinstance(raw, list) or not raw:
        raise problem
    by_name = {column.casefold(): column for column in question.columns}
    rows: list[dict[str, str]] = []
    for row in raw:
        if not isinstance(row, dict):
            raise ValueProblem(f"each row to be a mapping of: {', '.join(question.columns)}", shown(row))
        cells = dict.fromkeys(question.columns, "")
        for key, cell in row.items():
            column = by_name.get(str(key).strip().casefold())
            if column is None:
                raise ValueProblem(f"the columns: {', '.join(question.columns)}", f"a column '{key}'")
            text = _scalar_text(cell) if cell is not None else ""
            if text is None:
                raise ValueProblem(f"short texts in the column '{column}'", shown(cell))
            cells[column] = " ".join(text.split())
        if any(cells.values()):
            rows.append(cells)
    if not rows:
        raise ValueProblem("at least one row with something written in it", "only empty rows", verb="Give")
    count_problem = _count_problem(question, len(rows), "row")
    if count_problem:
        raise count_problem
    return rows


# Showing a value ---------------------------------------------------------------------------


def display(question: Question | None, value: Any) -> str:
    """A stored value as a person reads it: labels for choices, Yes/No, rows on lines."""
    if value is None:
        return ""
    if question is None:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    kind = question.kind
    if kind is QuestionKind.CHOICE:
        return question.choice_label(str(value))
    if kind is QuestionKind.MULTI_CHOICE and isinstance(value, list):
        return "; ".join(question.choice_label(str(v)) for v in value)
    if kind is QuestionKind.YES_NO:
        return "Yes" if value else "No"
    if kind is QuestionKind.LIST and isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    if kind is QuestionKind.TABLE and isinstance(value, list):
        rows = [
            " | ".join(f"{column}: {row.get(column, '')}" for column in question.columns if row.get(column))
            for row in value
            if isinstance(row, dict)
        ]
        return rows[0] if len(rows) == 1 else "\n".join(f"• {row}" for row in rows)
    if kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        return f"{value} of {high}" if low == 1 else f"{value} ({low} to {high})"
    return str(value)
