"""Money for display: Babel formatting by the country profile's locale.

Decimals of a currency come from our data (the profiles, then `CURRENCY_DIGITS`), never
from Babel's, whose data changes between releases.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from carecoop.countries.profiles import CountryProfile, load_profile, profile_codes

#: Decimals for a currency no bundled profile uses (most currencies have cents).
DEFAULT_CURRENCY_DIGITS = 2

#: Currencies groups budget in that no bundled profile uses and that are written without
#: cents (ISO 4217 minor units 0): the CFA francs of West and Central Africa, and others.
CURRENCY_DIGITS: dict[str, int] = {
    "XOF": 0, "XAF": 0, "GNF": 0, "RWF": 0, "UGX": 0, "BIF": 0, "DJF": 0, "KMF": 0,
    "XPF": 0, "VND": 0, "KRW": 0, "JPY": 0, "PYG": 0, "CLP": 0, "ISK": 0, "VUV": 0,
}


def in_language(profile: CountryProfile, language: str) -> CountryProfile:
    """The profile to write money with in a workshop of `language`.

    A country profile writes money as its country does. The generic profile knows no
    country, so it follows the workshop's language (`15 000 F CFA` in French) instead of
    English; Arabic keeps Latin digits, as the bundled Arabic profiles do.
    """
    from carecoop.i18n import base_language

    base = base_language(language or "en")
    if profile.code != "generic" or base == base_language(profile.locale):
        return profile
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(base)
    except (UnknownLocaleError, ValueError):
        return profile
    return profile.model_copy(update={"locale": base})


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
    return CURRENCY_DIGITS.get(code.upper(), DEFAULT_CURRENCY_DIGITS)


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
    rounded = round_money(amount, digits)
    shown: str = pattern.apply(
        rounded, locale, currency=code, currency_digits=False, numbering_system=numbering,
    )
    return _locale_minus(shown, rounded, profile.locale, numbering)


def _locale_minus(shown: str, amount: Decimal, locale: str, numbering: str) -> str:
    """The locale's own minus sign in place of the pattern's `-`, which Babel leaves as is.

    Arabic writes its minus with a left-to-right mark (`\u200e-`) so that it stays at the
    left of Latin digits in right-to-left text (`-640.00 ₪`, not `640.00- ₪`).
    """
    from babel.numbers import get_minus_sign_symbol

    if amount >= 0 or "-" not in shown:
        return shown
    minus = get_minus_sign_symbol(locale, numbering_system=numbering)
    return shown if minus in shown else shown.replace("-", minus, 1)


def format_number(amount: Decimal, profile: CountryProfile, decimals: int = 2) -> str:
    """A plain number (units, people) in the profile's locale, with up to `decimals` decimals."""
    from babel.numbers import format_decimal

    numbering = "latn" if profile.numbering_system == "latn" else "default"
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    shown: str = format_decimal(amount, format=pattern, locale=profile.locale, numbering_system=numbering)
    return _locale_minus(shown, amount, profile.locale, numbering)


def format_percent(value: Decimal) -> str:
    """A percentage as `12.5%` (trailing zeros dropped)."""
    text = f"{value.normalize():f}"
    return f"{text}%"
