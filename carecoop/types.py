"""Vocabulary shared by every layer: the text type and the legal forms.

Each word list lives here once; models, country profiles and documents take it from here.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import StringConstraints

#: A piece of text a person wrote: surrounding blanks removed, never empty.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: The kinds of legal form a care group can take; a country profile names them locally, and
#: `carecoop.plan.words.LEGAL_FORMS` says each in a sentence, in the document's language.
LegalFormCode = Literal["cooperative", "association", "mutual", "social-enterprise", "other"]
LEGAL_FORM_CODES: tuple[LegalFormCode, ...] = get_args(LegalFormCode)
