"""The one rule for choosing an export's format: --format, else the --out suffix, else PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from carecoop.errors import UserError
from carecoop.i18n import _

#: File suffixes that name a format.
SUFFIX_FORMATS = {
    ".pdf": "pdf", ".md": "md", ".markdown": "md", ".docx": "docx", ".json": "json", ".xlsx": "xlsx",
}

F = TypeVar("F", bound=str)


def choose_format(out: Path, requested: str | None, allowed: tuple[F, ...]) -> F:
    """The format asked for, else the one the file name's suffix names, else PDF; one of `allowed`."""
    value = (requested or SUFFIX_FORMATS.get(out.suffix.lower(), "pdf")).strip().lower()
    value = "md" if value == "markdown" else value
    for fmt in allowed:
        if fmt == value:
            return fmt
    if len(allowed) == 1:
        raise UserError(_(
            "This document is available as {allowed} only (asked for {value})."
        ).format(allowed=allowed[0].upper(), value=value))
    raise UserError(_(
        "Unknown format '{value}'. Use one of: {allowed}."
    ).format(value=value, allowed=', '.join(allowed)))
