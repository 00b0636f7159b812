"""What every article of the draft bylaws shares: open points, numbers in words, numbering.

A registrar reads "two thirds" and "five members", not 66.67% and 5; a point the group has
not decided is printed as "To be decided by the group", never silently filled in. Every
fixed word goes through the catalogs: build the bylaws inside `use_language(language)`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.i18n import N_, _, ngettext
from carecoop.plan.model import Plan
from carecoop.render.document import Bullets, Document, Heading, Paragraph, Table

OPEN = N_("To be decided by the group")

#: Shares of the members or the votes, in words (a registrar reads "two thirds", not 66.67%).
_FRACTIONS: list[tuple[Decimal, Decimal, str]] = [
    (Decimal(25), Decimal(25), N_("one quarter")),
    (Decimal(33), Decimal("33.34"), N_("one third")),
    (Decimal(50), Decimal(50), N_("half")),
    (Decimal(60), Decimal(60), N_("three fifths")),
    (Decimal(66), Decimal(67), N_("two thirds")),
    (Decimal(75), Decimal(75), N_("three quarters")),
    (Decimal(80), Decimal(80), N_("four fifths")),
    (Decimal(100), Decimal(100), N_("all")),
]

#: Small counts in words, as a registrar reads them ("a board of five members").
_NUMBERS = (
    # TRANSLATORS: counts of members, months, days or years in the bylaws ("a board of five
    # members"). Arabic: write the digits in brackets, as Arabic bylaws do: (5).
    N_("zero"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"), N_("six"), N_("seven"),
    N_("eight"), N_("nine"), N_("ten"), N_("eleven"), N_("twelve"), N_("thirteen"), N_("fourteen"),
    N_("fifteen"), N_("sixteen"), N_("seventeen"), N_("eighteen"), N_("nineteen"), N_("twenty"),
)


def number_in_words(count: int) -> str:
    """A small count in words in the current language (5 → "five"); larger ones in digits."""
    return _(_NUMBERS[count]) if 0 <= count < len(_NUMBERS) else str(count)


def share_in_words(percent: Decimal) -> str:
    """A percentage as a fraction in words where one is meant (66.67 → "two thirds")."""
    for low, high, words in _FRACTIONS:
        if low <= percent <= high:
            return _(words)
    return _("{percent} per cent").format(percent=f"{percent.normalize():f}")


def open_point(what: str) -> Paragraph:
    """A point the group has not decided yet, printed so that the gap shows on paper."""
    return Paragraph(_("{open}: {what}").format(open=_(OPEN), what=what), kind="open")


def votes(percent: Decimal) -> str:
    """The votes a decision needs, in words: "more than half", "at least two thirds"."""
    if Decimal(50) <= percent <= Decimal(50):
        return _("more than half of the votes cast")
    if percent == Decimal(100):
        return _("all the votes cast")
    return _("at least {share} of the votes cast").format(share=share_in_words(percent))


def months_in_words(months: int) -> str:
    """A notice period in words: "one month", "three months"."""
    return ngettext("{count} month", "{count} months", months).format(count=number_in_words(months))


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
        # With its article: "the cooperative", "la cooperativa", "الجمعية التعاونية". Both
        # nouns are feminine in Spanish, French and Arabic, so the sentences around agree.
        self.body = _("the cooperative") if self.is_coop else _("the organisation")

    @property
    def body_start(self) -> str:
        """The body's name at the start of a sentence ("The cooperative")."""
        return self.body[:1].upper() + self.body[1:]

    def article(self, title: str) -> None:
        """Start the next article (the title already in the current language)."""
        self.number += 1
        self.doc.add(Heading(_("Article {number}. {title}").format(number=self.number, title=title)))

    def add(self, *blocks: Paragraph | Bullets | Table) -> None:
        """Add blocks to the current article."""
        self.doc.add(*blocks)
