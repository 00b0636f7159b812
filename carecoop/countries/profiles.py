"""Country profiles: currency, number format, legal forms and sourced figures.

Profiles are YAML files beside this module (package data, shipped in the wheel). A profile
states a figure only with its source and date; where it has none, the wizard asks the group.
A profile is looked up by its code in the closed set of bundled files, never by building a
path from what the user typed.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from carecoop.errors import UserError
from carecoop.i18n import N_, _
from carecoop.types import LegalFormCode, Text
from carecoop.values.locales import reading_locale

COUNTRIES_DIR = Path(__file__).resolve().parent



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

    form: LegalFormCode
    name: Text


class CooperativeLaw(_Model):
    """The law a cooperative is registered under, and who registers and supervises it.

    Only facts checked against the law or the registrar's own pages; a profile that is not
    sure leaves this out, and the documents tell the group to ask the registrar.
    """

    #: The laws as the country cites them, the main cooperative law first.
    laws: list[Text] = Field(min_length=1)
    #: The office that registers cooperatives.
    registrar: Text
    #: The body that supervises cooperatives, where it is not the registrar.
    supervisor: Text | None = None

    def names(self) -> str:
        """The laws in a phrase in the current language: `A`, `A and B`, `A, B y C`."""
        return list_in_words([_(law) for law in self.laws])


def list_in_words(items: list[str]) -> str:
    """Items joined as the current language joins a list: `A, B and C`, `A, B y C`, `A، B و C`."""
    from babel.lists import format_list

    from carecoop.i18n import current_language

    return str(format_list(items, locale=current_language())) if items else ""


class SurplusRule(_Model):
    """The shares of a cooperative's yearly surplus the law sets aside, at the least.

    Colombia (Ley 79 de 1988, art. 54): 20% to the reserve for the protection of the members'
    shares, 20% to the education fund and 10% to the solidarity fund. The plan's split and the
    bylaws never print less than these.
    """

    reserve_percent: Decimal = Field(ge=0, le=100)
    education_fund_percent: Decimal = Field(ge=0, le=100)
    solidarity_fund_percent: Decimal = Field(default=Decimal(0), ge=0, le=100)
    #: The law and article that set the rule, as the country cites it.
    source: Text


#: What the documents say where a profile does not name the cooperative law for sure.
ASK_THE_REGISTRAR = N_("to be checked with the registrar of cooperatives")


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
    #: None: not known for sure; the bylaws and the plan say to check with the registrar.
    cooperative_law: CooperativeLaw | None = None
    #: Where the law is not known for sure: laws that may apply, printed as "may apply — check".
    possible_laws: list[Text] = Field(default_factory=list)
    #: The legal minimum shares of a cooperative's surplus, where the law sets them.
    surplus_rule: SurplusRule | None = None
    notes: list[Text] = Field(default_factory=list)

    def figure(self, name: str) -> Figure | None:
        """A named figure (e.g. `minimum_wage`), if the profile has one with a source."""
        return self.figures.get(name)


class UnknownCountryError(UserError):
    """A country that matches no bundled profile; says which exist."""

    def __init__(self, given: str, known: list[str]) -> None:
        self.given = given
        self.known = known
        super().__init__(f"No country profile '{given}'. Known profiles: {', '.join(known)}.")


@functools.cache
def _profile_files() -> dict[str, Path]:
    """The bundled profiles by code: the closed set every lookup goes through."""
    return {path.stem: path for path in COUNTRIES_DIR.glob("*.yaml") if path.stem.isascii()}


def profile_codes() -> list[str]:
    """Codes of the bundled profiles, `generic` first."""
    codes = sorted(_profile_files())
    return ["generic", *[code for code in codes if code != "generic"]]


def profile_names() -> list[str]:
    """`code (Name)` for each bundled profile, for messages that list them."""
    return [f"{code} ({load_profile(code).name})" for code in profile_codes()]


def find_profile(text: str | None) -> str:
    """The code of the profile a person named, by code or by name, in any case (`zw`, `Zimbabwe`).

    An empty text means `generic`; anything else that matches no bundled profile raises
    UnknownCountryError.
    """
    wanted = (text or "").strip().casefold()
    if not wanted:
        return "generic"
    for code in profile_codes():
        if wanted in (code, load_profile(code).name.casefold()):
            return code
    raise UnknownCountryError((text or "").strip(), profile_names())


@functools.cache
def load_profile(code: str | None) -> CountryProfile:
    """The profile of a country code (`generic` for none); UnknownCountryError for an unknown one."""
    from carecoop.content.yamlfile import read_yaml_cached

    code = (code or "generic").strip().lower()
    path = _profile_files().get(code)
    if path is None:
        raise UnknownCountryError(code, profile_codes())
    try:
        return CountryProfile.model_validate(read_yaml_cached(path))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise UserError(_(
            "Country profile {name} is invalid: {problems}"
        ).format(name=path.name, problems=problems)) from None


def value_locale(country: str | None, language: str | None) -> str:
    """The locale typed numbers are read in: the country profile's (`es_CO`), else the language's.

    The generic profile says nothing about how a group writes numbers, and an unknown
    country is reported elsewhere, so both fall back to the language (`fr`: `1 250,50`).
    """
    profile_locale = None
    if country and country.strip().lower() in profile_codes() and country.strip().lower() != "generic":
        profile_locale = load_profile(country).locale
    return reading_locale(profile_locale, language)
