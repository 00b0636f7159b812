"""Text that enters carecoop: control characters out, lengths capped, at the one place it comes in.

A name, an answer or a module text is printed on terminals and in documents. An escape
sequence (`ESC [ 31 m`, a terminal title, a hyperlink) in one would act on the
facilitator's terminal; a 5 MB word would stall the PDF engine. So text is cleaned where
it enters (the YAML loader, names, answers), and shown text is cleaned again on output.
"""

from __future__ import annotations

import re

from carecoop.errors import UserError
from carecoop.i18n import _

#: C0 and C1 control characters and DEL, except tab and line feed (kept where lines are).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: A person's or a group's name.
NAME_LIMIT = 100
#: A title, a facilitator's name, a place.
LINE_LIMIT = 300
#: A free text: an answer, a note, the care support of a workshop.
BLOCK_LIMIT = 10_000
#: Texts of a business plan: a name (of the cooperative, a role, a lender), a short text (a
#: sentence, one entry of a list) and a long text (a paragraph such as the mission).
PLAN_NAME_LIMIT = 120
SHORT_TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 4_000


def without_controls(text: str) -> str:
    """The text without control characters; tabs become spaces, line breaks stay."""
    return CONTROL.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str, what: str, limit: int = LINE_LIMIT) -> str:
    """Text on one line with single spaces; a UserError when longer than `limit` characters."""
    cleaned = " ".join(without_controls(text).split())
    if len(cleaned) > limit:
        raise UserError(_(
            "{what} is too long ({count:,} characters; at most {limit:,})."
        ).format(what=what, count=len(cleaned), limit=limit))
    return cleaned


def block(text: str, what: str, limit: int = BLOCK_LIMIT) -> str:
    """Text that may have several lines; a UserError when longer than `limit` characters."""
    cleaned = without_controls(text).strip()
    if len(cleaned) > limit:
        raise UserError(_(
            "{what} is too long ({count:,} characters; at most {limit:,})."
        ).format(what=what, count=len(cleaned), limit=limit))
    return cleaned
