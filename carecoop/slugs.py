"""The one slug rule: text made into an id, a row key or a file name."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str, sep: str = "-", *, keep_script: bool = False, limit: int | None = None) -> str:
    """Lower-case words joined by `sep`; every other run of characters becomes one `sep`.

    By default accents are dropped and only a-z and 0-9 are kept (`Care day in Bogotá!` →
    `care-day-in-bogota`), for ids; `keep_script` keeps letters of any script (`رانيا` stays),
    for file names. `limit` cuts the result to that many characters. May return "".
    """
    if keep_script:
        words = re.sub(r"[^\w]+", sep, text.casefold())
    else:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        words = re.sub(r"[^a-z0-9]+", sep, ascii_text.lower())
    words = words.strip(sep)
    return words[:limit].strip(sep) if limit is not None else words
