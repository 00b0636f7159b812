"""Where documents may be written, and writing them so that a failure never spoils a file.

Every file carecoop writes for the user (PDF, Markdown, DOCX, JSON) goes through this
module, so the rules hold for every export at once:

- never onto a SQLite database (the store, or any other) or its `-wal`, `-shm` or
  `-journal` file, not even with `--force`;
- never onto a folder, link, pipe or device;
- never onto an existing file carecoop did not write itself, nor onto one it wrote for
  another workshop, unless the user says `--force`;
- always into a temporary file in the same folder, renamed into place when complete, so a
  failed export leaves the earlier file as it was.

What carecoop wrote is remembered in `written.json` beside the store in use (the one under
`--home`, else CARECOOP_HOME; an `Owner` carries its folder): each file's path,
the SHA-256 of its bytes and whose document it is. A file changed since (by a person, a
word processor or another tool) no longer matches, so it is no longer ours to replace.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from carecoop.errors import UserError
from carecoop.i18n import _

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database.
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
#: Where what carecoop wrote is remembered, in the store's folder.
RECORD_FILE = "written.json"
#: The record forgets the oldest files beyond this many.
RECORD_LIMIT = 5000


@dataclass(frozen=True)
class Owner:
    """Whose documents these are (`workshop 'hre'`), and the folder of the store they come from.

    The record of written files lives beside that store, so a command run with `--home`
    remembers its files there, not under CARECOOP_HOME. No folder: the default home.
    """

    name: str
    home: Path | None = None


def _owner(owner: Owner | str) -> Owner:
    return owner if isinstance(owner, Owner) else Owner(owner)


def _record_path(owner: Owner) -> Path:
    from carecoop.paths import home_dir

    return home_dir(owner.home) / RECORD_FILE


def _key(path: Path) -> str:
    return os.path.abspath(path)


def _read_record(owner: Owner) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_record_path(owner).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _digest(path: Path) -> str | None:
    sha = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                sha.update(chunk)
    except OSError:
        return None
    return sha.hexdigest()


def is_database(path: Path) -> bool:
    """Whether a path is a SQLite database or one of the files SQLite keeps beside one."""
    for suffix in SQLITE_SIDE_FILES:
        if path.name.endswith(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if base.name and (_has_sqlite_header(base) or base.name.endswith(".sqlite3")):
                return True
    return _has_sqlite_header(path)


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _problem(path: Path, owner: str, force: bool, record: dict[str, dict[str, str]]) -> str | None:
    """Why a document may not be written at `path`, or None when it may."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return f"{path} is a database file; exports never write onto one." if is_database(path) else None
    except OSError as error:
        return f"Cannot write {path}: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        return f"{path} is a folder; give a file name."
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a plain file (a link, pipe or device); choose another --out."
    if is_database(path):
        return f"{path} is a database (the workshop store or another); exports never write onto one."
    if force:
        return None
    known = record.get(_key(path))
    if known is None or known.get("sha256") != _digest(path):
        return f"{path} already exists and carecoop did not write it. Use --force to replace it."
    if known.get("owner", owner) != owner:
        return (
            f"{path} holds a document of {known['owner']}, not {owner}. "
            "Write into another folder or file, or use --force to replace it."
        )
    return None


def claim(paths: Iterable[Path], owner: Owner | str, *, force: bool = False) -> None:
    """Check every target before any work: a UserError naming the first one that may not be written."""
    owner = _owner(owner)
    record = _read_record(owner)
    for path in paths:
        problem = _problem(path, owner.name, force, record)
        if problem is not None:
            raise UserError(problem)


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write into a temporary file beside `path`, then rename it into place (all or nothing)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:60]}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise UserError(_(
            "Cannot write {path}: {value}"
        ).format(path=path, value=error.strerror or error)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remember(paths: Sequence[Path], owner: Owner | str) -> None:
    """Note that carecoop wrote these files for `owner`; a record that cannot be kept is skipped."""
    owner = _owner(owner)
    record = _read_record(owner)
    for path in paths:
        record.pop(_key(path), None)  # re-inserted last: the newest entries survive the limit
        digest = _digest(path)
        if digest is not None:
            record[_key(path)] = {"sha256": digest, "owner": owner.name}
    while len(record) > RECORD_LIMIT:
        record.pop(next(iter(record)))
    with contextlib.suppress(OSError, UserError):
        write_atomic(_record_path(owner), json.dumps(record, ensure_ascii=False))


def write_output(path: Path, data: bytes | str, owner: Owner | str, *, force: bool = False) -> Path:
    """Check, write atomically and remember one document."""
    claim([path], owner, force=force)
    write_atomic(path, data)
    remember([path], owner)
    return path
