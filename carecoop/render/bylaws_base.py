"""What every article of the draft bylaws shares: open points, majorities in words, numbering.

A registrar reads "two thirds", not 66.67%; a point the group has not decided is printed
as "To be decided by the group", never silently filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.plan.model import Plan
from carecoop.render.document import Bullets, Document, Heading, Paragraph, Table

OPEN = "To be decided by the group"

#: Shares of the members or the votes, in words (a registrar reads "two thirds", not 66.67%).
_FRACTIONS: list[tuple[Decimal, Decimal, str]] = [
    (Decimal(25), Decimal(25), "one quarter"),
    (Decimal(33), Decimal("33.34"), "one third"),
    (Decimal(50), Decimal(50), "half"),
    (Decimal(60), Decimal(60), "three fifths"),
    (Decimal(66), Decimal(67), "two thirds"),
    (Decimal(75), Decimal(75), "three quarters"),
    (Decimal(80), Decimal(80), "four fifths"),
    (Decimal(100), Decimal(100), "all"),
]


def share_in_words(percent: Decimal) -> str:
    """A percentage as a fraction in words where one is meant (66.67 → "two thirds")."""
    for low, high, words in _FRACTIONS:
        if low <= percent <= high:
            return words
    return f"{percent.normalize():f} per cent"


def open_point(what: str) -> Paragraph:
    """A point the group has not decided yet, printed so that the gap shows on paper."""
    return Paragraph(f"{OPEN}: {what}", kind="open")


def votes(percent: Decimal) -> str:
    """The votes a decision needs, in words: "more than half", "at least two thirds"."""
    words = share_in_words(percent)
    if words == "half":
        return "more than half of the votes cast"
    if words == "all":
        return "all the votes cast"
    return f"at least {words} of the votes cast"



class ArticleWriter:
    """Writes articles into a document, numbering them as they are added."""

    def __init__(
        self, plan: Plan, money: Callable[[Decimal], str], document: Document, profile: CountryProfile | None
    ) -> None:
        self.plan = plan
        self.laws = plan.bylaws
        self.money = money
        self.doc = document
        self.profile = profile
        self.number = 0
        form = plan.cooperative.legal_form
        self.is_coop = form in (None, "cooperative")
        self.body = "cooperative" if self.is_coop else "organisation"

    def article(self, title: str) -> None:
        """Start the next article."""
        self.number += 1
        self.doc.add(Heading(f"Article {self.number}. {title}"))

    def add(self, *blocks: Paragraph | Bullets | Table) -> None:
        """Add blocks to the current article."""
        self.doc.add(*blocks)
