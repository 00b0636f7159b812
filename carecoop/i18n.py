"""The interface in the user's language: gettext catalogs and the language of this moment.

Mark every sentence a person reads with `_()`; give placeholders names and fill them
after translating, so a translator can move them::

    from carecoop.i18n import _, ngettext

    raise UserError(_("No module is in '{language}'.").format(language=code))
    ngettext("{count} person", "{count} people", count).format(count=count)

Never build the message inside `_()` (an f-string or `+` cannot be looked up). Text that
is made when a module is imported (a table of labels, typer help) is marked with `N_()`,
which only marks it for extraction, and translated with `_()` where it is shown.

The language is a context variable, not a global: the CLI sets it once at the start of a
command (the workshop's language, else `--lang`/`CARECOOP_LANG`, else the system locale,
else English), and a document is rendered inside `use_language(workshop.language)`, so one
process can print an Arabic workshop's plan and an English one's agenda side by side.

Catalogs live in `carecoop/locale/<lang>/LC_MESSAGES/carecoop.po` with their compiled
`.mo` beside them, both in the repository (`scripts/catalogs.py` extracts, updates and
compiles them; a test fails when a `.mo` does not match its `.po`).
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from pathlib import Path

DOMAIN = "carecoop"
#: Where the catalogs live (inside the package, so the wheel carries them).
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The languages with a catalog; English is the language of the code.
LANGUAGES = ("en", "es", "fr", "ar")
DEFAULT_LANGUAGE = "en"

_language: ContextVar[str] = ContextVar("carecoop_language", default=DEFAULT_LANGUAGE)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (translate it with `_()`)."""
    return message


def base_language(code: str) -> str:
    """`ar-PS`, `ar_PS.UTF-8` → `ar`."""
    return code.replace("_", "-").split(".")[0].split("@")[0].split("-")[0].lower()


def catalog_language(code: str | None) -> str | None:
    """The language of ours a code asks for (`es-CO` → `es`), or None when we have no catalog."""
    if not code:
        return None
    base = base_language(code)
    return base if base in LANGUAGES else None


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of a language (English, that is no translation, when there is none)."""
    base = catalog_language(language)
    if base is None or base == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[base], fallback=True)


def current_language() -> str:
    """The language messages are translated into right now."""
    return _language.get()


def set_language(code: str | None) -> Token[str]:
    """Translate into this language from now on in this context; returns a token to reset."""
    return _language.set(catalog_language(code) or DEFAULT_LANGUAGE)


def reset_language(token: Token[str]) -> None:
    """Go back to the language before `set_language` returned this token."""
    _language.reset(token)


@contextmanager
def use_language(code: str | None) -> Iterator[str]:
    """Translate into a language inside a `with` block (a document in its workshop's language)."""
    token = set_language(code)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """A message in the current language (the message itself when it is not translated)."""
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number n in the current language (Arabic has six)."""
    return translations(_language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose English is ambiguous, told apart by a context (`pgettext("sex", "M")`)."""
    return translations(_language.get()).pgettext(context, message)


def translate(message: str, language: str) -> str:
    """A message in a given language, whatever the current one is."""
    return translations(language).gettext(message)


def system_language() -> str | None:
    """The language the system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), if it names one of ours.

    `C` and `POSIX` name no language. LANGUAGE may list several (`fr:en`): the first of
    ours wins, as in gettext.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if not value:
            continue
        for code in value.split(":"):
            if code in ("C", "POSIX") or code.startswith(("C.", "POSIX.")):
                continue
            found = catalog_language(code)
            if found is not None:
                return found
        if variable != "LANGUAGE":
            return None
    return None


def choose_language(*wanted: str | None) -> str:
    """The first of the wanted languages we have a catalog for, else the system's, else English.

    The CLI passes the workshop's language, then `--lang` (or `CARECOOP_LANG`): a Swahili
    workshop whose facilitator asked for French gets a French screen, not an English one.
    """
    for code in wanted:
        found = catalog_language(code)
        if found is not None:
            return found
    return system_language() or DEFAULT_LANGUAGE


def list_separator() -> str:
    """What separates the items of a list in the current language (`, `; Arabic `، `)."""
    # TRANSLATORS: between the items of a list ("rent, food, toys"); keep the space after it.
    return pgettext("list separator", ", ")


def clause_separator() -> str:
    """What separates the parts of a long sentence in the current language (`; `; Arabic `؛ `)."""
    # TRANSLATORS: between two parts of a sentence ("… cover the costs; 27 also repay the loan").
    return pgettext("clause separator", "; ")
