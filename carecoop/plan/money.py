"""Money for display: Babel formatting by the country profile's locale."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from carecoop.countries.profiles import CountryProfile, load_profile, profile_codes

#: Decimals for a currency no bundled profile uses (most currencies have cents).
DEFAULT_CURRENCY_DIGITS = 2


def currency_digits(profile: CountryProfile, currency: str | None = None) -> int:
    """How many decimals amounts in `currency` (default: the profile's) are shown with.

    The number comes from our country profiles, never from the locale library, whose data
    changes between releases (Babel 2.19 dropped the cents of Colombian pesos).
    """
    code = currency or profile.currency
    if code == profile.currency:
        return profile.currency_digits
    for other in profile_codes():
        if load_profile(other).currency == code:
            return load_profile(other).currency_digits
    return DEFAULT_CURRENCY_DIGITS


def round_money(amount: Decimal, digits: int) -> Decimal:
    """An amount rounded half up to `digits` decimals, as shown on screen and paper."""
    return amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, profile: CountryProfile, currency: str | None = None) -> str:
    """An amount as people of the profile's country write it, rounded to the currency's decimals.

    `currency` overrides the profile's (a plan may budget in another currency). Separators
    and the symbol come from the profile's locale; the number of decimals from
    `currency_digits`, rounded half up.
    """
    from babel import Locale
    from babel.numbers import parse_pattern

    code = currency or profile.currency
    digits = currency_digits(profile, code)
    locale = Locale.parse(profile.locale)
    standard = locale.currency_formats["standard"]
    pattern = parse_pattern(standard.pattern)
    pattern.frac_prec = (digits, digits)
    numbering = "latn" if profile.numbering_system == "latn" else "default"
    shown: str = pattern.apply(
        round_money(amount, digits), locale, currency=code, currency_digits=False,
        numbering_system=numbering,
    )
    return shown


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
