"""Money for display: Babel formatting by the country profile's locale."""

from __future__ import annotations

from decimal import Decimal

from carecoop.plan.countries import CountryProfile


def format_money(amount: Decimal, profile: CountryProfile, currency: str | None = None) -> str:
    """An amount as people of the profile's country write it, rounded to the currency's minor units.

    `currency` overrides the profile's (a plan may budget in another currency).
    """
    from babel.numbers import format_currency

    numbering = "latn" if profile.numbering_system == "latn" else "default"
    return format_currency(
        amount, currency or profile.currency, locale=profile.locale, numbering_system=numbering
    )


def format_number(amount: Decimal, profile: CountryProfile, decimals: int = 2) -> str:
    """A plain number (units, people) in the profile's locale, with up to `decimals` decimals."""
    from babel.numbers import format_decimal

    numbering = "latn" if profile.numbering_system == "latn" else "default"
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return format_decimal(amount, format=pattern, locale=profile.locale, numbering_system=numbering)


def format_percent(value: Decimal) -> str:
    """A percentage as `12.5%` (trailing zeros dropped)."""
    text = f"{value.normalize():f}"
    return f"{text}%"
