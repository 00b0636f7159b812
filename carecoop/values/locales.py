"""Which locale a workshop's values are read in."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

DEFAULT_LOCALE = "en"


def reading_locale(country_locale: str | None, language: str | None) -> str:
    """The country profile's locale (`es_CO`) when there is one, else the language, else `en`.

    Codes Babel does not know fall through to the next choice; `es-CO` is read as `es_CO`.
    """
    for code in (country_locale, language):
        if not code:
            continue
        try:
            return str(Locale.parse(code.strip().replace("-", "_")))
        except (ValueError, UnknownLocaleError):
            continue
    return DEFAULT_LOCALE


def language_of(locale: str) -> str:
    """The language part of a locale code: `es_CO` → `es`."""
    return locale.replace("-", "_").split("_")[0].lower()
