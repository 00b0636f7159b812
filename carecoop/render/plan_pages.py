"""What every money page of the business plan shares: the plan, its check, and how to write amounts."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from carecoop.countries.profiles import CountryProfile
from carecoop.i18n import _, current_language
from carecoop.plan.checks import Report
from carecoop.plan.model import Plan
from carecoop.plan.money import format_money, format_number
from carecoop.plan.words import LEGAL_FORMS, in_words
from carecoop.render.labels import labels_for

Audience = Literal["group", "lender"]

#: Risks sorted worst first: by impact, then by likelihood.
LEVEL_ORDER = {"high": 0, "medium": 1, "low": 2}


def year_label(number: int) -> str:
    """`Year 1` as a table's first column says it, on one line."""
    return _("Year {number}").format(number=number).replace(" ", "\u00a0")


class PlanPages:
    """One plan, its check and its reader, with the country's way of writing amounts."""

    def __init__(
        self,
        plan: Plan,
        report: Report,
        profile: CountryProfile,
        audience: Audience,
        language: str | None = None,
    ) -> None:
        self.plan = plan
        self.report = report
        self.profile = profile
        self.audience = audience
        self.figures = report.figures
        #: The words around the content (chart axes and legends) in the document's language.
        self.labels = labels_for(language or current_language())

    def money(self, amount: Decimal) -> str:
        """An amount in the plan's currency, as the country writes it."""
        return format_money(amount, self.profile, self.report.currency)

    def number(self, amount: Decimal) -> str:
        """A count in the country's number format."""
        return format_number(amount, self.profile)

    def legal_form(self) -> str | None:
        """The legal form as the country names it, else in plain words."""
        coop = self.plan.cooperative
        if coop.legal_form is None:
            return None
        # The group's own words for its exact form, else the country's name for it: never both,
        # as the group's detail usually repeats the country's name.
        named = next((f.name for f in self.profile.legal_forms if f.form == coop.legal_form), None)
        if coop.legal_form_detail:
            return coop.legal_form_detail
        return _(named) if named else in_words(LEGAL_FORMS, coop.legal_form)
