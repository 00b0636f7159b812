"""Numbers, money and percents as `Decimal`, read the way the workshop's locale writes them.

Text is read with Babel's `parse_decimal(..., strict=True)` for the locale (`en`, `es_CO`,
`fr`, `ar_LB`…), so `1,200` is 1200 in an English workshop and `1.250,50` is 1250.50 in a
Colombian one. Around the figure, spaces, a currency sign or a three-letter code
(`$ 30`, `COP 1.250`, `30 USD`) and, for percents, a `%` are allowed. Spaces inside a
figure (`1 200`) are read as the locale's grouping mark. Arabic-Indic digits and the
Arabic decimal and thousands marks are read as their Latin counterparts; direction marks
(which Arabic text and phones put around figures) are ignored.

What is refused, each with a message that shows how to write the number:

- **Ambiguous**: in a locale whose decimal mark is a comma, one comma followed by exactly
  three digits and nothing else (`1,200`, `12,500`): to someone used to English figures it
  is 1200, to the locale it is 1.2. Written `1200`, `1.200` or `1,2` it is clear. (A dot
  in a dot-decimal locale is not treated so: three-decimal currencies such as the Jordanian
  dinar write `12.125` there.) Likewise a dot followed by exactly three digits where the
  locale uses no dot at all (`1.200` in French): a grouping to some, a decimal to others.
- **Badly written**: anything the locale's strict rules refuse (`1.250,50` in English,
  `1,2,3`). As a courtesy a plain machine figure (`1250.50`: digits, one dot, digits), as
  carecoop's own exports write it, is read in any locale when the locale refuses it.
- **Not finite or absurd**: NaN, infinity, exponents (`1e5`), and anything beyond
  `LIMIT` (10^12) in size, whatever the field allows.
- **Out of range**: below `minimum` or above `maximum` when the question or field has them;
  not whole when `whole=True`.

With `locale=None` only machine values are read (numbers, and strings like `1250.50`):
that is how stored answers are read back.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

from carecoop.i18n import N_, _
from carecoop.values.problem import ValueProblem, range_phrase, shown

#: No count, amount or percent carecoop deals with is this large; beyond it is a typo or an attack.
LIMIT = Decimal(10) ** 12

Kind = Literal["number", "money", "percent"]

_NOUNS: dict[str, str] = {"number": N_("a number"), "money": N_("an amount"), "percent": N_("a percent")}
_MACHINE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A currency code (COP, usd) or the letters of a sign whose symbol stood apart (the US of
# "1,00 US$"); in Arabic a sign in letters, maybe with dots (ل.ل for the Lebanese pound).
_CODE = re.compile(
    r"^(?:[A-Za-z]{3}|[A-Z]{2})(?![A-Za-z])|(?<![A-Za-z])(?:[A-Za-z]{3}|[A-Z]{2})$"
    r"|^[\u0621-\u064a][\u0621-\u064a.]*(?=\s)|(?<=\s)[\u0621-\u064a][\u0621-\u064a.]*$"
)
_PREFIXED_SIGN = re.compile(r"^[A-Za-z]{1,2}(?=[^\sA-Za-z\d])")  # the US of US$, the R of R$
_SUFFIXED_SIGN = re.compile(r"(?<=[^\sA-Za-z\d])[A-Za-z]{1,2}$")  # the US of $US (French)
# Direction marks that Arabic text and phones put around figures; they are not part of it.
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _noun(kind: Kind, whole: bool) -> str:
    return _("a whole number") if whole and kind == "number" else _(_NOUNS[kind])


def example(locale: str, figure: Decimal = Decimal("1250.50")) -> str:
    """A figure with decimals as the locale writes it: `1250.50`, `1250,50`."""
    pattern = "0." + "0" * max(0, -int(figure.as_tuple().exponent))
    return format_decimal(figure, format=pattern, locale=locale, numbering_system="latn")


def _peel(text: str, percent: bool) -> str:
    """The figure without spaces, currency signs or codes (and `%` for percents) around it."""
    while True:
        before = text
        text = text.strip()
        text = _CODE.sub("", text).strip()
        text = _SUFFIXED_SIGN.sub("", _PREFIXED_SIGN.sub("", text))
        while text and (unicodedata.category(text[0]) == "Sc" or (percent and text[0] in "%\u066a")):
            text = text[1:].strip()
        while text and (unicodedata.category(text[-1]) == "Sc" or (percent and text[-1] in "%\u066a")):
            text = text[:-1].strip()
        if text == before:
            return text


def _locale_text(raw: str, locale: str, kind: Kind) -> str:
    """The typed text in the locale's own marks, ready for Babel."""
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    text = _peel(_BIDI.sub("", raw), kind == "percent").translate(_ARABIC_DIGITS)
    text = text.replace("\u066b", decimal).replace("\u066c", group)
    return re.sub(r"\s+", group, text)


def _ambiguous(text: str, locale: str) -> ValueProblem | None:
    """`1,200` where the comma is the decimal mark, `1.200` where a dot is no mark at all."""
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    marks = [m for m in ("," if decimal == "," else "", "" if "." in (decimal, group) else ".") if m]
    mark = next((m for m in marks if re.fullmatch(rf"[+-]?[1-9]\d{{0,2}}{re.escape(m)}\d{{3}}", text)), None)
    if mark is None:
        return None
    whole = text.replace(mark, "")
    grouped = format_decimal(
        Decimal(whole) + Decimal("0.50"), format="#,##0.00", locale=locale, numbering_system="latn"
    )
    message = _("'{text}' could be read two ways: write {whole} or {grouped}").format(
        text=text, whole=whole, grouped=grouped
    )
    return ValueProblem("", shown(text), message=message)


def _from_text(raw: str, locale: str | None, kind: Kind, noun: str, badly: str) -> Decimal:
    typed = raw.strip()
    if locale is None:
        if not _MACHINE.match(typed):
            raise ValueProblem(noun, shown(raw))
        return Decimal(typed)
    text = _locale_text(typed, locale, kind)
    ambiguous = _ambiguous(text, locale)
    if ambiguous is not None:
        raise ambiguous
    marks = re.escape(get_decimal_symbol(locale) + get_group_symbol(locale))
    if not re.fullmatch(rf"[+-]?[0-9{marks}]*[0-9][0-9{marks}]*", text):
        if _MACHINE.match(text):  # a dot where the locale has no dot (French): a machine figure
            return Decimal(text)
        raise ValueProblem(noun, shown(raw))
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except (NumberFormatError, InvalidOperation):
        if _MACHINE.match(text):
            return Decimal(text)
        raise ValueProblem(badly, shown(raw)) from None


def _exact(raw: Any, locale: str | None, kind: Kind, noun: str, badly: str) -> Decimal:
    if isinstance(raw, bool):
        raise ValueProblem(noun, shown(raw))
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        # repr is the shortest text that reads back as this float: what the file said.
        return Decimal(repr(raw))
    if isinstance(raw, str):
        return _from_text(raw, locale, kind, noun, badly)
    raise ValueProblem(noun, shown(raw))


def read_decimal(
    raw: Any,
    locale: str | None = "en",
    *,
    kind: Kind = "number",
    minimum: float | Decimal | None = None,
    maximum: float | Decimal | None = None,
    whole: bool = False,
) -> Decimal:
    """A finite Decimal from typed text or a file's number; a ValueProblem saying what to write."""
    phrase = range_phrase(_noun(kind, whole), minimum, maximum)
    # The example in a message fits the question: 2.5 hours, not 1250.50 hours.
    small = maximum is not None and Decimal(str(maximum)) < 1000
    sample = example(locale or "en", Decimal("2.5") if small else Decimal("1250.50"))
    if kind == "money":
        badly = noun = _("an amount of money like {example}").format(example=sample)
    else:
        noun, badly = phrase, _("{phrase} written like {example}").format(phrase=phrase, example=sample)
    number = _exact(raw, locale, kind, noun, badly)
    if not number.is_finite():
        message = _("{value} is not a number: write {noun}").format(value=shown(raw), noun=noun)
        raise ValueProblem(phrase, shown(raw), message=message)
    if abs(number) > LIMIT:
        raise ValueProblem(
            phrase, shown(raw),
            message=_("{value} is too large: carecoop takes figures up to {limit:,}").format(
                value=shown(raw), limit=LIMIT
            ),
        )
    if whole and number != number.to_integral_value():
        raise ValueProblem(phrase, shown(raw))
    if (minimum is not None and number < Decimal(str(minimum))) or (
        maximum is not None and number > Decimal(str(maximum))
    ):
        raise ValueProblem(phrase, shown(raw))
    return number
