"""The interface's gettext catalogs: complete, faithful to the English, current with the code (issue 17)."""

from __future__ import annotations

import importlib.util
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = ("es", "fr", "ar")


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs_tool", ROOT / "scripts" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


catalogs = _load_tool()


def _catalog(language: str) -> Catalog:
    catalog: Catalog = catalogs.read(catalogs.po_path(language), language)
    return catalog


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _fields(text: str) -> set[str]:
    """The `{name}` placeholders of a message (doubled braces are literal braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    template = catalogs.read(catalogs.POT)
    catalog = _catalog(language)
    # A message with a context (pgettext) is its id and its context together.
    missing = [
        message.id
        for message in template
        if message.id and catalog.get(message.id, context=message.context) is None
    ]
    assert not missing, f"{language} lacks messages of the .pot: run scripts/catalogs.py update"
    untranslated = catalogs.untranslated(catalog)
    assert not untranslated, (
        f"{catalogs.po_path(language).relative_to(ROOT)}: {len(untranslated)} messages have no"
        f" translation or a fuzzy one, like {untranslated[:3]}"
    )


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_placeholders_are_the_english_ones(language: str) -> None:
    wrong = []
    for message in _catalog(language):
        if not message.id:
            continue
        english = set().union(*(_fields(text) for text in _ids(message)))
        for text in _strings(message):
            if text and _fields(text) != english:
                wrong.append((_ids(message)[0], text))
    assert not wrong, wrong


def test_plural_forms_follow_gettext_rules() -> None:
    headers = {language: _catalog(language).plural_forms for language in catalogs.LANGUAGES}
    assert headers["ar"] == (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    )
    assert headers["fr"] == "nplurals=2; plural=(n > 1);"
    assert headers["es"] == headers["en"] == "nplurals=2; plural=(n != 1);"
    for language in catalogs.LANGUAGES:
        catalog = _catalog(language)
        for message in catalog:
            if message.id and isinstance(message.id, tuple | list):
                assert len(_strings(message)) == catalog.num_plurals, (language, message.id)


def test_catalogs_are_current_with_the_code() -> None:
    """The .pot is what the code marks, each .po has exactly its messages, each .mo is compiled."""
    assert catalogs.check() == []


def test_english_catalog_is_the_english_itself() -> None:
    for message in _catalog("en"):
        if message.id:
            assert _strings(message) == _ids(message)
