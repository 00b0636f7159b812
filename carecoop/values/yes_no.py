"""Yes and no, one table per language.

A value is read with the workshop language's words first, then with every other
language's words: no word means yes in one table and no in another (a test keeps it so),
so a facilitator who types `si` in an English workshop is understood, not refused.
"""

from __future__ import annotations

from typing import Any

from carecoop.i18n import _
from carecoop.values.locales import language_of
from carecoop.values.problem import ValueProblem, shown

#: language → (words for yes, words for no), compared after case folding.
YES_NO: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"yes", "y"}), frozenset({"no", "n"})),
    "es": (frozenset({"sí", "si", "s"}), frozenset({"no", "n"})),
    "fr": (frozenset({"oui", "o"}), frozenset({"non", "n"})),
    "ar": (frozenset({"نعم", "ن", "أجل"}), frozenset({"لا", "ل"})),
}
#: Words any language's files and spreadsheets use.
NEUTRAL: tuple[frozenset[str], frozenset[str]] = (frozenset({"true", "1"}), frozenset({"false", "0"}))


def _tables(locale: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    own = YES_NO.get(language_of(locale))
    rest = [table for code, table in YES_NO.items() if code != language_of(locale)]
    return [*([own] if own else []), *rest, NEUTRAL]


def read_yes_no(raw: Any, locale: str = "en") -> bool:
    """True or False from `yes`, `sí`, `oui`, `نعم`, `no`, `non`, `لا`, true/false, 1/0."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return raw == 1
    if isinstance(raw, str):
        word = raw.strip().casefold()
        for yes, no in _tables(locale):
            if word in yes:
                return True
            if word in no:
                return False
    raise ValueProblem(_("yes or no"), shown(raw))
