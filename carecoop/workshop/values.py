"""Answer values: read what the facilitator types, check what a file gives, show a value.

Each question kind has one canonical stored form, plain JSON so the store and the
answers file share it: text → str; number → int or float; money → the Decimal as a
string ("1250.50", never a float); choice → the choice id; multi-choice → a list of ids;
yes-no → bool; scale → int; list → a list of str; table → a list of rows, each a mapping
of every column name to str.
"""

from __future__ import annotations

import json
from typing import Any

from carecoop.content.models import Question, QuestionKind
from carecoop.i18n import _, ngettext
from carecoop.text import BLOCK_LIMIT, without_controls
from carecoop.values.lists import split_list
from carecoop.values.numbers import example, read_decimal
from carecoop.values.problem import ValueProblem, range_phrase, shown
from carecoop.values.yes_no import read_yes_no

__all__ = ["ValueProblem", "check_value", "display", "expectation", "parse_text", "scale_bounds", "shown"]

SCALE_MINIMUM = 1
SCALE_MAXIMUM = 5


def expectation(question: Question, locale: str = "en") -> ValueProblem:
    """What a question expects, as a problem to raise or a hint to show."""
    kind = question.kind
    if kind is QuestionKind.NUMBER:
        return ValueProblem(range_phrase(_("a number"), question.minimum, question.maximum))
    if kind is QuestionKind.MONEY:
        return ValueProblem(_("an amount of money like {example}").format(example=example(locale)))
    if kind is QuestionKind.SCALE:
        low, high = scale_bounds(question)
        return ValueProblem(_("a whole number from {low} to {high}").format(low=low, high=high))
    if kind is QuestionKind.CHOICE:
        return ValueProblem(_(
            "one of: {choice_ids}"
        ).format(choice_ids=', '.join(question.choice_ids)), verb="Choose")
    if kind is QuestionKind.MULTI_CHOICE:
        return ValueProblem(_(
            "a list of choices from: {choice_ids}"
        ).format(choice_ids=', '.join(question.choice_ids)), verb="Choose")
    if kind is QuestionKind.YES_NO:
        return ValueProblem(_("yes or no"))
    if kind is QuestionKind.LIST:
        return ValueProblem(_("a list of items, like [first, second]"))
    if kind is QuestionKind.TABLE:
        return ValueProblem(_(
            "a list of rows with the columns: {columns}"
        ).format(columns=', '.join(question.columns)))
    if kind is QuestionKind.SHORT_TEXT:
        return ValueProblem(_("a short answer on one line"))
    return ValueProblem(_("an answer"))


def scale_bounds(question: Question) -> tuple[int, int]:
    """The lowest and highest point of a scale (1 to 5 unless the question says otherwise)."""
    low = int(question.minimum) if question.minimum is not None else SCALE_MINIMUM
    high = int(question.maximum) if question.maximum is not None else SCALE_MAXIMUM
    return low, high


# Typed text ------------------------------------------------------------------------------


def parse_text(question: Question, text: str, locale: str = "en") -> Any:
    """The canonical value of what was typed at a prompt; a ValueProblem when it does not fit.

    `locale` is the workshop's (see `carecoop.values.locales`): `1,200` is 1200 in `en`.
    """
    typed = text.strip()
    kind = question.kind
    if kind in (QuestionKind.LIST, QuestionKind.MULTI_CHOICE):
        return check_value(question, split_list(typed), locale)
    if kind is QuestionKind.TABLE:
        raise expectation(question, locale)  # a table is typed row by row, never as one line
    return check_value(question, typed, locale)


# Values of any type (from a file, or from a prompt) -----------------------------------------


def check_value(question: Question, raw: Any, locale: str | None = "en") -> Any:
    """The canonical value of `raw` for this question; a ValueProblem when it does not fit.

    Numbers, money and yes/no are read by `carecoop.values` in the workshop's `locale`;
    `None` reads canonical values only (what a prompter returns, what the store holds).
    """
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return _text(question, raw)
    if kind is QuestionKind.NUMBER:
        return _number(question, raw, locale)
    if kind is QuestionKind.MONEY:
        return _money(question, raw, locale)
    if kind is QuestionKind.SCALE:
        return _scale(question, raw, locale)
    if kind is QuestionKind.CHOICE:
        return _choice(question, raw)
    if kind is QuestionKind.MULTI_CHOICE:
        return _multi_choice(question, raw)
    if kind is QuestionKind.YES_NO:
        return _yes_no(question, raw, locale)
    if kind is QuestionKind.LIST:
        return _list(question, raw)
    return _table(question, raw)


def _scalar_text(raw: Any) -> str | None:
    if isinstance(raw, str):
        # Control characters never reach the store; a book-length answer is a mistake.
        text = without_controls(raw).strip()
        if len(text) > BLOCK_LIMIT:
            limit = _("at most {limit:,} characters").format(limit=BLOCK_LIMIT)
            raise ValueProblem(limit, _("{count:,} characters").format(count=len(text)), verb="Write")
        return text
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(int(raw)) if float(raw).is_integer() else str(raw)
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


def _number(question: Question, raw: Any, locale: str | None) -> int | float:
    number = read_decimal(raw, locale, kind="number", minimum=question.minimum, maximum=question.maximum)
    # The store keeps a number answer as a JSON number: whole ones as int; others as the
    # float whose shortest text is the Decimal's (exact within LIMIT and 15 digits).
    return int(number) if number == number.to_integral_value() else float(number)


def _money(question: Question, raw: Any, locale: str | None) -> str:
    amount = read_decimal(raw, locale, kind="money", minimum=question.minimum, maximum=question.maximum)
    return str(amount)


def _scale(question: Question, raw: Any, locale: str | None) -> int:
    low, high = scale_bounds(question)
    try:
        return int(read_decimal(raw, locale, whole=True, minimum=low, maximum=high))
    except ValueProblem:
        problem = expectation(question, locale or "en")
        problem.got = shown(raw)
        raise problem from None


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
    choice = noun == "choice"
    if low is not None and high is not None:
        between = _("between {low} and {high} choices") if choice else _("between {low} and {high} items")
        wanted = between.format(low=low, high=high)
    elif low is not None:
        if choice:
            wanted = ngettext("at least {low} choice", "at least {low} choices", low).format(low=low)
        else:
            wanted = ngettext("at least {low} item", "at least {low} items", low).format(low=low)
    else:
        assert high is not None
        if choice:
            wanted = ngettext("at most {high} choice", "at most {high} choices", high).format(high=high)
        else:
            wanted = ngettext("at most {high} item", "at most {high} items", high).format(high=high)
    return ValueProblem(wanted, str(count), verb="Choose" if choice else "Give")


def _multi_choice(question: Question, raw: Any) -> list[str]:
    if isinstance(raw, str):
        raw = split_list(raw)
    if not isinstance(raw, list):
        problem = expectation(question)
        problem.got = shown(raw)
        raise problem
    chosen: list[str] = []
    for item in raw:
        found = _choice_id(question, item)
        if found is None:
            raise ValueProblem(_(
                "choices from: {choice_ids}"
            ).format(choice_ids=', '.join(question.choice_ids)), shown(item), verb="Choose")
        if found not in chosen:
            chosen.append(found)
    count_problem = _count_problem(question, len(chosen), "choice")
    if count_problem:
        raise count_problem
    return chosen


def _yes_no(question: Question, raw: Any, locale: str | None) -> bool:
    try:
        return read_yes_no(raw, locale or "en")
    except ValueProblem:
        problem = expectation(question, locale or "en")
        problem.got = shown(raw)
        raise problem from None


def _list(question: Question, raw: Any) -> list[str]:
    if not isinstance(raw, list):
        problem = expectation(question)
        problem.got = shown(raw)
        raise problem
    items: list[str] = []
    for item in raw:
        text = _scalar_text(item)
        if text is None:
            raise ValueProblem(_("items that are short texts"), shown(item))
        if text:
            items.append(text)
    if not items:
        raise ValueProblem(_("at least one item"), _("an empty list"), verb="Give")
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
            raise ValueProblem(_(
                "each row to be a mapping of: {columns}"
            ).format(columns=', '.join(question.columns)), shown(row))
        cells = dict.fromkeys(question.columns, "")
        for key, cell in row.items():
            column = by_name.get(str(key).strip().casefold())
            if column is None:
                raise ValueProblem(_(
                    "the columns: {columns}"
                ).format(columns=', '.join(question.columns)), _("a column '{key}'").format(key=key))
            text = _scalar_text(cell) if cell is not None else ""
            if text is None:
                expected = _("short texts in the column '{column}'").format(column=column)
                raise ValueProblem(expected, shown(cell))
            cells[column] = " ".join(text.split())
        if any(cells.values()):
            rows.append(cells)
    if not rows:
        raise ValueProblem(
            _("at least one row with something written in it"), _("only empty rows"), verb="Give"
        )
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
        return _("Yes") if value else _("No")
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
