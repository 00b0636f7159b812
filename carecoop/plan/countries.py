"""Country profiles: currency, number format, legal forms and sourced figures.

Profiles are YAML files in carecoop/plan/countries/ (package data). A profile states a
figure only with its source and date; where it has none, the wizard asks the group.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from carecoop.errors import UserError

COUNTRIES_DIR = Path(__file__).resolve().parent / "countries"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(_Model):
    """A figure known for a country, never without where it comes from."""

    amount: Decimal = Field(ge=0)
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    period: Literal["month", "day", "hour"] = "month"
    source: Text
    date: dt.date
    note: Text | None = None


class LegalForm(_Model):
    """A legal form as it is called in the country."""

    form: Literal["cooperative", "association", "mutual", "social-enterprise", "other"]
    name: Text


class CountryProfile(_Model):
    """What carecoop knows about a country."""

    code: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    name: Text
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    #: Decimals shown for the currency, as people there write amounts. Our data, not the
    #: locale library's, so that a new release of its locale data cannot change a plan.
    currency_digits: int = Field(ge=0, le=3)
    locale: Text
    language: Text
    #: Digits for numbers: Latin (0-9) unless a profile asks for the locale's own.
    numbering_system: Literal["latn", "default"] = "latn"
    legal_forms: list[LegalForm] = Field(min_length=1)
    figures: dict[str, Figure] = Field(default_factory=dict)
    notes: list[Text] = Field(default_factory=list)

    def figure(self, name: str) -> Figure | None:
        """A named figure (e.g. `minimum_wage`), if the profile has one with a source."""
        return self.figures.get(name)


def profile_codes() -> list[str]:
    """Codes of the bundled profiles, `generic` first."""
    codes = sorted(path.stem for path in COUNTRIES_DIR.glob("*.yaml"))
    return ["generic", *[code for code in codes if code != "generic"]]


@functools.cache
def load_profile(code: str | None) -> CountryProfile:
    """The profile of a country code (`generic` for none); a UserError for an unknown one."""
    from carecoop.content.yamlfile import read_yaml

    code = (code or "generic").strip().lower()
    path = COUNTRIES_DIR / f"{code}.yaml"
    if not path.is_file():
        raise UserError(f"No country profile '{code}'. Known profiles: {', '.join(profile_codes())}")
    try:
        return CountryProfile.model_validate(read_yaml(path))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise UserError(f"Country profile {path.name} is invalid: {problems}") from None
