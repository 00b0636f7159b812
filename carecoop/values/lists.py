"""The one rule for what separates the items of a list typed on a line or in a text.

Items are separated by new lines and semicolons (`;`, and the Arabic `؛`). Commas do not
separate items: they are part of numbers (`1,200`) and of ordinary phrases ("cooking,
cleaning and washing"). A bullet or a number at the start of an item (`- `, `* `, `• `,
`1. `, `2) `) is dropped, and so are blank items.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\n;\u061b]")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")


def split_list(text: str) -> list[str]:
    """The items of a typed list: `a; b`, or one item per line, bullets dropped."""
    items = (_BULLET.sub("", part).strip() for part in _SEPARATORS.split(text))
    return [item for item in items if item]
