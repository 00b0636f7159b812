"""What a fault of the store means for the person at the keyboard: one sentence, what to do.

SQLite and the operating system describe a full disk, a read-only folder or a damaged file
in their own words; these become a `StoreFault` whose message says what to do next.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from carecoop.errors import UserError
from carecoop.i18n import _

#: The first 16 bytes of every SQLite 3 file.
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreFault(UserError):
    """The store cannot be used as it is; the message says what to do."""

    def __init__(self, kind: str, path: Path, message: str) -> None:
        self.kind = kind  # busy, read-only, full, damaged, foreign, folder, newer, missing-folder
        self.path = path
        super().__init__(message)


def busy(path: Path) -> StoreFault:
    """Another process has held the store for longer than the 10-second wait."""
    return StoreFault(
        "busy", path,
        _(
            "The store {path} has been busy for more than 10 seconds: another carecoop is writing to "
            "it. Wait until it has finished (or close it), then run the same command again."
        ).format(path=path),
    )


def read_only(path: Path) -> StoreFault:
    """Nothing can be written where the store lives."""
    return StoreFault(
        "read-only", path,
        _(
            "carecoop cannot write in {parent} (read-only), so nothing can be saved: make that folder "
            "writable, or use another one with --home DIR (or CARECOOP_HOME), then run the command "
            "again."
        ).format(parent=path.parent),
    )


def disk_full(path: Path) -> StoreFault:
    """The disk filled up: the change being saved was not saved."""
    return StoreFault(
        "full", path,
        _(
            "The disk that holds {path} is full, so the last change was NOT saved (everything before "
            "it is): free some space, then run the same command again to go on."
        ).format(path=path),
    )


def damaged(path: Path, detail: str) -> StoreFault:
    """The file is not a sound SQLite database any more."""
    return StoreFault(
        "damaged", path,
        _(
            "The store {path} is damaged ({detail}): run 'carecoop doctor' to check it and keep a "
            "backup copy, then move the file away to start a new store."
        ).format(path=path, detail=detail),
    )


def foreign(path: Path) -> StoreFault:
    """An SQLite file of another program sits where the store should be."""
    return StoreFault(
        "foreign", path,
        _(
            "{path} is a database of another program, not a carecoop store; carecoop leaves it alone: "
            "move it away, or keep carecoop's store elsewhere with --home DIR (or CARECOOP_HOME)."
        ).format(path=path),
    )


def folder_in_the_way(path: Path) -> StoreFault:
    """A folder has the store file's name."""
    return StoreFault(
        "folder", path,
        _(
            "{path} is a folder, but carecoop keeps its store in a file of that name: move the folder "
            "away (or use --home DIR), then run the command again."
        ).format(path=path),
    )


def explain(error: BaseException, path: Path) -> StoreFault | None:
    """The fault an SQLite or OS error stands for, or None when it is not a store fault."""
    if isinstance(error, StoreFault):
        return error
    if isinstance(error, OSError):
        where = Path(error.filename) if isinstance(error.filename, str) else path
        if error.errno == errno.ENOSPC:
            return disk_full(where)
        inside = where == path or path.parent in where.parents
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and inside:
            return read_only(path)
        return None
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return busy(path)
    if "disk is full" in text or getattr(error, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
        return disk_full(path)
    if "readonly" in text or "read-only" in text:
        return read_only(path)
    if path.is_dir():
        return folder_in_the_way(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return damaged(path, str(error))
    if "unable to open" in text:
        return read_only(path)
    if "disk i/o" in text:
        # SQLite reports a write that found no room as an I/O error on some systems.
        if _free_bytes(path) < 1 << 20:
            return disk_full(path)
        return damaged(path, _("the disk could not be read or written"))
    return None


def _free_bytes(path: Path) -> int:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return 1 << 30


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all before SQLite is asked to open it."""
    try:
        with path.open("rb") as file:
            header = file.read(16)
    except FileNotFoundError:
        return
    if header and header != SQLITE_HEADER:
        raise damaged(path, _("it is not an SQLite file"))
