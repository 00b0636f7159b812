"""Keep the names of people who did not consent out of free text a report or a bundle carries.

Groups write about their members ("Mr Moyo talks to the association"). A person who did
not consent is withheld wherever their name, or a part of it, stands as a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from carecoop.i18n import N_, _

#: What stands for a withheld name, in the language of the moment the redactor is made.
WITHHELD = N_("[name withheld]")
#: Words of address that are not a name on their own.
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "mai",
    "baba",
    "gogo",
    "ma",
    "sekuru",
    "don",
    "doña",
    "abu",
    "umm",
}


def redactor(names: Iterable[str]) -> Callable[[str], str]:
    """A function that withholds these names (and each part of three letters or more) in a text."""
    words: set[str] = set()
    for name in names:
        words.add(name)
        words.update(part for part in name.split() if len(part) >= 3 and part.casefold() not in _TITLES)
    if not words:
        return lambda text: text
    # Longest first, so that "Mr Moyo" goes as a whole before "Moyo" alone.
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    withheld = _(WITHHELD)
    return lambda text: pattern.sub(lambda _match: withheld, text)


def redact_value(value: Any, redact: Callable[[str], str]) -> Any:
    """Withhold names in every text inside a JSON-like value (lists, mappings, strings)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [redact_value(item, redact) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item, redact) for key, item in value.items()}
    return value
