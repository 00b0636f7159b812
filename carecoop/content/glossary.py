"""The programmes' words in every language, from one file (`glossary.yaml` beside this one).

Translators read them as `docs/glossary-LANG.md` (made from the file by
`scripts/glossary_docs.py`; a test fails when a page is stale); the facilitator's guide
prints the rows marked with a `key` as its glossary, each word with its meaning in plain
language. One home for the words: a term changed here changes both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from carecoop.content.models import Identifier
from carecoop.i18n import base_language
from carecoop.types import Text

#: The bundled glossary (package data, shipped in the wheel).
GLOSSARY_FILE = Path(__file__).resolve().parent / "glossary.yaml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Model):
    """A row of a language's table: the English, the word to use, and a note for translators."""

    english: Text
    term: Text
    note: Text | None = None
    #: A key word of the programme, printed in the guide's glossary.
    key: Identifier | None = None
    #: The word as the guide prints it, where `term` lists several forms.
    word: Text | None = None
    #: What the word means, in plain language, for the guide.
    meaning: Text | None = None

    @model_validator(mode="after")
    def _key_has_meaning(self) -> Term:
        if self.key is not None and self.meaning is None:
            raise ValueError(f"key word '{self.key}' needs its meaning")
        if self.key is None and (self.meaning is not None or self.word is not None):
            raise ValueError("a meaning or a word is printed only for a key word: give the row a key")
        return self


class Section(_Model):
    """A part of a language's page: a table of terms or a paragraph."""

    title: Text
    terms: list[Term] = Field(default_factory=list)
    text: Text | None = None

    @model_validator(mode="after")
    def _terms_or_text(self) -> Section:
        if bool(self.terms) == (self.text is not None):
            raise ValueError("a section has terms or text (one of them)")
        return self


class Language(_Model):
    """One language's page: its title, how to write in it, and its terms."""

    language: Identifier
    #: The language's name in English, the table's column heading.
    name: Text
    title: Text
    intro: Text | None = None
    sections: list[Section] = Field(min_length=1)

    def terms(self) -> list[Term]:
        """Every row of the page, in order."""
        return [term for section in self.sections for term in section.terms]


class Glossary(_Model):
    """Every language's terms, and the key words each of them must explain."""

    key_words: list[Identifier] = Field(min_length=1)
    languages: list[Language] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_key_word_once(self) -> Glossary:
        for language in self.languages:
            keys = [term.key for term in language.terms() if term.key]
            wrong = sorted(set(keys) - set(self.key_words))
            missing = [key for key in self.key_words if key not in keys]
            twice = sorted({key for key in keys if keys.count(key) > 1})
            checks = (("is not a key word", wrong), ("is missing", missing), ("is given twice", twice))
            for problem, found in checks:
                if found:
                    raise ValueError(f"{language.language}: key word {', '.join(found)} {problem}")
        return self

    def language(self, code: str) -> Language:
        """A language's page; English where there is none."""
        wanted = base_language(code)
        pages = {page.language: page for page in self.languages}
        return pages.get(wanted) or pages["en"]


#: The first line under a page's title: the page is made, its words live elsewhere.
MADE_FROM = (
    "<!-- Made from carecoop/content/glossary.yaml by scripts/glossary_docs.py: change the words there. -->"
)


@dataclass(frozen=True)
class KeyWord:
    """A key word as the guide prints it."""

    word: str
    meaning: str


def key_words(glossary: Glossary, language: str) -> list[KeyWord]:
    """The programme's key words in a language, in the glossary's order."""
    rows = {term.key: term for term in glossary.language(language).terms() if term.key}
    words = []
    for key in glossary.key_words:
        row = rows[key]
        assert row.meaning is not None  # a key row has a meaning (checked on load)
        words.append(KeyWord(row.word or row.term, row.meaning))
    return words


def glossary_markdown(page: Language) -> str:
    """A language's page of `docs/`, as translators read it."""
    parts = [f"# {page.title}", MADE_FROM]
    if page.intro:
        parts.append(page.intro)
    for section in page.sections:
        parts.append(f"## {section.title}")
        if section.text:
            parts.append(section.text)
        if section.terms:
            rows = [f"| English | {page.name} | Note |", "|---|---|---|"]
            rows += [f"| {t.english} | {t.term} | {f'{t.note} ' if t.note else ''}|" for t in section.terms]
            parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"
