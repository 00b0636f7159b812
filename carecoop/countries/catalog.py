"""The words of the country profiles that documents print, for the gettext catalogs.

A Babel extractor (named in babel.cfg): the country's name, its legal forms, the cooperative
law, the registrar and the supervisor become messages like any in the code, and the
documents translate them with `_()` where they print them. A law keeps its official title in
the translation; only the gloss in brackets is translated ("Ley 79 de 1988 (ley de
cooperativas)"). The notes are guidance for the facilitator, not printed wording: left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any


def extract_profile(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Yield (line, function, message, comments) for each printed text of a profile file."""
    import yaml

    text = fileobj.read().decode("utf-8")
    data = yaml.safe_load(text) or {}
    code = data.get("code", "")

    def line_of(message: str) -> int:
        for number, line in enumerate(text.splitlines(), start=1):
            if message[:40] in line:
                return number
        return 1

    def found(message: object, what: str) -> Iterator[tuple[int, str | None, str, list[str]]]:
        if isinstance(message, str) and message.strip():
            yield line_of(message), None, message, [f"Country profile {code}: {what}."]

    yield from found(data.get("name"), "the country's name")
    for form in data.get("legal_forms", []):
        yield from found(form.get("name"), "a legal form as the country calls it")
    law = data.get("cooperative_law") or {}
    for name in law.get("laws", []):
        yield from found(name, "a law; keep its official title, translate the words in brackets")
    yield from found(law.get("registrar"), "the office that registers cooperatives")
    yield from found(law.get("supervisor"), "the body that supervises cooperatives")
    for name in data.get("possible_laws", []):
        yield from found(name, "a law that may apply; keep its official title")
