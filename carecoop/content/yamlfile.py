"""Safe reading of content files, their parse cache, and line numbers for error messages.

Files are parsed once with the fast safe loader (carecoop.content.yamlparse); only when a
file has problems is it composed again into a node tree to find the line of each problem.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from carecoop.errors import ContentError

#: No file carecoop reads comes near this; a bigger one is a mistake or an attack.
MAX_FILE_BYTES = 4 * 1024 * 1024
def display_path(path: Path) -> str:
    """A path as people will recognise it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def read_text_file(path: Path, what: str = "file") -> str:
    """The UTF-8 text of a plain file of at most MAX_FILE_BYTES; a ContentError otherwise.

    Pipes and devices are refused before anything is read from them: a pipe named
    `x.yaml` would block for ever, `/dev/zero` would fill the memory.
    """
    return decode_text(read_file_bytes(path, what), path)


def _shown(path: Path) -> str:
    # Only a problem needs the path as people know it: resolving it for every file read
    # was a fifth of the curriculum's loading time.
    return display_path(path)


def read_file_bytes(path: Path, what: str = "file") -> bytes:
    """The bytes of a plain file of at most MAX_FILE_BYTES, checked as read_text_file says."""
    try:
        # O_NONBLOCK: opening a pipe with no writer returns at once instead of waiting.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ContentError([f"{_shown(path)}: no such {what}"]) from None
    except IsADirectoryError:
        raise ContentError([f"{_shown(path)}: is a folder, not a file"]) from None
    except OSError as error:
        raise ContentError([f"{_shown(path)}: cannot be read ({error.strerror or error})"]) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise ContentError([f"{_shown(path)}: is a folder, not a file"])
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([f"{_shown(path)}: is not a plain file (a pipe or a device); give a file"])
        if info.st_size > MAX_FILE_BYTES:
            size = f"{info.st_size // 1024} KB; at most {MAX_FILE_BYTES // 1024} KB"
            raise ContentError([f"{_shown(path)}: is too big ({size})"])
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ContentError([f"{_shown(path)}: cannot be read ({error.strerror or error})"]) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise ContentError([f"{_shown(path)}: is too big (at most {MAX_FILE_BYTES // 1024} KB)"])
    return data


def decode_text(data: bytes, path: Path) -> str:
    """A file's bytes as text; a ContentError naming the file when they are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError([f"{_shown(path)}: is not UTF-8 text"]) from None


#: A file changed this recently when it was hashed may change again within the same tick of
#: the file system's clock and keep its times: such a file is hashed again on every read.
_SETTLED_NS = 2_000_000_000


class _Stamps:
    """Content hashes of files that have not changed since they were hashed, by identity.

    A file's identity is its device, inode, size, modification and change times. Any
    write changes the change time (which no program can set back), so a file whose
    identity is the one it had when it was hashed still holds the bytes that were hashed,
    as long as it had settled then: it was last changed well before it was read.
    """

    SIZE = 1024

    def __init__(self) -> None:
        self._known: OrderedDict[tuple[int, ...], str] = OrderedDict()

    def stamp(self, path: Path) -> tuple[str, bytes | None]:
        """The file's content hash, and its bytes when they had to be read for it."""
        try:
            info = os.stat(path)
        except OSError:
            info = None  # reading says what is wrong, with the file's name
        identity: tuple[int, ...] | None = None
        if info is not None and stat.S_ISREG(info.st_mode):
            identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            known = self._known.get(identity)
            if known is not None:
                self._known.move_to_end(identity)
                return known, None
        now = time.time_ns()
        data = read_file_bytes(path)
        stamp = hashlib.sha256(data).hexdigest()
        if identity is not None and max(identity[3:]) < now - _SETTLED_NS:
            self._known[identity] = stamp
            while len(self._known) > self.SIZE:
                self._known.popitem(last=False)
        return stamp, data


_stamps = _Stamps()


class FileContent:
    """A file's content hash (its stamp), and its text, read only when it is needed.

    The stamp of a file unchanged since this process hashed it costs one `stat`: a cache
    keyed on the stamp (parsed data, validated models) then reads nothing at all.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp, self._data = _stamps.stamp(path)

    def text(self) -> str:
        """The file's text; the stamp is then the hash of exactly this text."""
        if self._data is None:
            self._data = read_file_bytes(self.path)
            self.stamp = hashlib.sha256(self._data).hexdigest()
        return decode_text(self._data, self.path)


def parse_yaml(text: str, shown: str) -> Any:
    """Parse YAML (or JSON) text with the text-keeping loader; problems become one located line.

    PyYAML is imported only here and when a problem's line is looked for: a command whose
    files all come from the parse cache never loads it.
    """
    from carecoop.content.yamlparse import parse_yaml as parse

    return parse(text, shown)


def read_yaml(path: Path) -> Any:
    """Load one YAML (or JSON) file safely; every problem becomes one located line."""
    return parse_yaml(read_text_file(path), display_path(path))


def read_yaml_cached(path: Path, content: FileContent | None = None) -> Any:
    """Like read_yaml, but reuses the parse of an unchanged file from the cache folder."""
    import json

    content = content or FileContent(path)
    try:
        return json.loads(read_yaml_json(path, content))
    except ValueError:  # a damaged cache file: parse the file itself
        return parse_yaml(content.text(), display_path(path))


def read_yaml_json(path: Path, content: FileContent | None = None) -> str:
    """The parsed data of a YAML file as JSON text, reused from the cache folder when unchanged.

    Parsing YAML is most of the cost of loading the curriculum; the JSON copy of the parse
    loads several times faster, and pydantic validates JSON text directly faster still.
    The copy is keyed on a hash of the file's content (its first line), so an edit is seen
    even when it keeps the size and the modification time. Any problem with the cache
    falls back to parsing: the cache (in the platform's cache folder, see
    `paths.cache_dir`) never stops a command. `content` is the file's content when the
    caller has it already.
    """
    import json

    from carecoop.paths import cache_dir

    content = content or FileContent(path)
    key = hashlib.sha1(str(path.absolute()).encode()).hexdigest()
    cache = cache_dir() / "yaml" / f"{key}.json"
    try:
        with cache.open(encoding="utf-8") as handle:
            if handle.readline() == f"{content.stamp}\n":
                return handle.read()
    except (OSError, ValueError):
        pass
    data = parse_yaml(content.text(), display_path(path))
    # The loader makes only JSON's types, finite numbers; mapping keys become text, as
    # they always did through this cache. ASCII escapes carry even a lone surrogate.
    raw = json.dumps(data)
    temporary = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(f"{content.stamp}\n{raw}", encoding="utf-8")
        temporary.replace(cache)  # atomic: a reader never sees half a file
    except (OSError, ValueError):
        # Not writable or a full disk: parse every time, leave nothing.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return raw


def located_lines(path: Path, problems: list[tuple[tuple[str | int, ...], str]]) -> list[str]:
    """Problems as `file:line: dotted.path: message` lines, the one format of every file error."""
    from carecoop.content.yamlparse import LineFinder

    try:
        finder = LineFinder(read_text_file(path))
    except ContentError:
        finder = LineFinder(None)
    shown = display_path(path)
    lines = []
    for location, message in problems:
        line = finder.line(location)
        where = f"{shown}:{line}" if line else shown
        field = f" {'.'.join(str(part) for part in location)}:" if location else ""
        lines.append(f"{where}:{field} {message}")
    return lines
