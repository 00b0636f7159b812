"""The kinds of value a plan field holds: money, counts, percentages, texts, choices.

Each kind carries its sane range (a located error beyond it, never a traceback later) and,
for texts, its length; choices accept what people type ("Public contract" → public-contract).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from carecoop.i18n import N_, _
from carecoop.text import LONG_TEXT_LIMIT, PLAN_NAME_LIMIT, SHORT_TEXT_LIMIT
from carecoop.types import LegalFormCode


class Unit:
    """A tag on a Decimal annotation saying what the number is (pydantic ignores it)."""

    def __init__(self, name: str) -> None:
        self.name = name


#: The largest amount of money a plan may hold, in any currency (a trillion: enough for a
#: cooperative budgeting in Lebanese pounds or Colombian pesos). Beyond it the arithmetic
#: of 36 months would outgrow Decimal's 28 digits, so such a number is a typing mistake.
MAX_MONEY = Decimal(10) ** 12
#: The largest count of people or units in a month.
MAX_COUNT = 100_000


def at_most(limit: Decimal | int, what: str) -> AfterValidator:
    """A plain-language refusal of a number beyond a sane range (a located import error)."""

    def check(value: Any) -> Any:
        if value is not None and value > limit:
            raise ValueError(_(
                "is too large: carecoop accepts {what} up to {limit:,}"
            ).format(what=_(what), limit=limit))
        return value

    return AfterValidator(check)


def _at_most_characters(limit: int) -> AfterValidator:
    """A plain-language refusal of a text beyond its field's length (a located import error)."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(
                _("is too long: {count:,} characters; carecoop accepts at most {limit:,} here").format(
                    count=len(value), limit=limit
                )
            )
        return value

    return AfterValidator(check)


#: A name: of the cooperative, a kind of member, a role, a lender, a service.
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), _at_most_characters(PLAN_NAME_LIMIT)
]
#: A short text: one entry of a list, a sentence.
Short = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), _at_most_characters(SHORT_TEXT_LIMIT)
]
#: A long text: a paragraph (the mission, a normal day, how the board is elected).
Long = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), _at_most_characters(LONG_TEXT_LIMIT)
]

Money = Annotated[
    Decimal,
    Field(ge=0, allow_inf_nan=False, decimal_places=4),
    at_most(MAX_MONEY, N_("amounts")),
    Unit("money"),
]
Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False, decimal_places=4), Unit("percent")]
Count = Annotated[
    Decimal,
    Field(ge=0, allow_inf_nan=False, decimal_places=2),
    at_most(MAX_COUNT, N_("numbers of people or units")),
]
WholeCount = Annotated[int, Field(ge=0), at_most(MAX_COUNT, N_("numbers of people or places"))]
Ratio = Annotated[
    Decimal, Field(gt=0, allow_inf_nan=False, decimal_places=2), at_most(1000, N_("clients per carer"))
]


def _upper(value: Any) -> Any:
    """'usd ' → 'USD': a typed currency code need not be in capitals."""
    return value.strip().upper() if isinstance(value, str) else value


CurrencyCode = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=r"^[A-Z]{3}$")]


def _choice_id(value: Any) -> Any:
    """'Public contract' → 'public-contract', so typed and table answers match choice ids."""
    if isinstance(value, str):
        return re.sub(r"[\s_/]+", "-", value.strip().lower())
    return value


LegalForm = Annotated[LegalFormCode, BeforeValidator(_choice_id)]
MembershipModel = Annotated[
    Literal["worker", "user", "multi-stakeholder", "existing-cooperative"],
    BeforeValidator(_choice_id),
]
Payer = Annotated[
    Literal["families", "public-contract", "insurer", "employer", "subsidy", "members", "other"],
    BeforeValidator(_choice_id),
]
AlternativeKind = Annotated[
    Literal["public", "private", "family", "informal", "other"], BeforeValidator(_choice_id)
]
Level = Annotated[Literal["low", "medium", "high"], BeforeValidator(_choice_id)]
WageKind = Annotated[Literal["minimum", "living"], BeforeValidator(_choice_id)]
