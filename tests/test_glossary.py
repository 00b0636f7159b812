"""The glossary file: one home for the translators' terms and the guide's key words."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from carecoop.content.glossary import key_words
from carecoop.content.loader import load_glossary
from carecoop.errors import ContentError


def test_every_language_explains_the_same_key_words() -> None:
    glossary = load_glossary()
    english = key_words(glossary, "en")
    assert [w.word for w in english[:3]] == ["cooperative", "worker cooperative", "member"]
    assert "general assembly" in [w.word for w in english]
    for language in ("es", "fr", "ar", "ar-LB"):
        words = key_words(glossary, language)
        assert len(words) == len(english) == len(glossary.key_words)
    assert key_words(glossary, "es")[2].word == "persona asociada"
    assert key_words(glossary, "ar")[0].word == "تعاونية"
    assert key_words(glossary, "sw") == english


def test_a_key_word_missing_in_a_language_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "glossary.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            key_words: [member, surplus]
            languages:
              - language: es
                name: Spanish
                title: Spanish glossary
                sections:
                  - title: Money
                    terms:
                      - english: surplus
                        term: excedente
                        key: surplus
                        meaning: El dinero que queda.
                        colour: red
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_glossary(path)
    assert caught.value.problems == [
        "glossary.yaml:13: languages.0.sections.0.terms.0.colour: unknown key 'colour'",
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("        colour: red\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_glossary(path)
    assert caught.value.problems == ["glossary.yaml:1: es: key word member is missing"]
