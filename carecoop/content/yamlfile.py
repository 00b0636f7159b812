"""Safe YAML reading with line numbers for error messages.

Files are parsed once with the fast safe loader; only when a file has problems is it
composed again into a node tree to find the line of each problem.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import yaml

from carecoop.errors import ContentError

# The C loader is several times faster; PyYAML built without libyaml lacks it.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def display_path(path: Path) -> str:
    """A path as people will recognise it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path) -> Any:
    """Load one YAML (or JSON) file safely; syntax errors become one located line."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([f"{shown}: no such file"]) from None
    except IsADirectoryError:
        raise ContentError([f"{shown}: is a folder, not a file"]) from None
    except UnicodeDecodeError:
        raise ContentError([f"{shown}: is not UTF-8 text"]) from None
    except OSError as error:
        raise ContentError([f"{shown}: cannot be read ({error.strerror})"]) from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = error.problem or error.context or "cannot be read"
        raise ContentError([f"{shown}{line}: YAML syntax error: {problem}"]) from None
    except yaml.YAMLError as error:
        raise ContentError([f"{shown}: YAML syntax error: {error}"]) from None


def read_yaml_cached(path: Path) -> Any:
    """Like read_yaml, but reuses the parse of an unchanged file from the store's cache folder.

    Parsing YAML is most of the cost of loading the curriculum; a JSON copy of the parsed
    data, keyed by the file's path, size and modification time, loads several times faster.
    Validation still runs on every load. Any problem with the cache falls back to parsing:
    the cache (in the platform's cache folder, see `paths.cache_dir`) never stops a command.
    """
    import hashlib
    import json

    from carecoop.paths import cache_dir

    try:
        stat = path.stat()
    except OSError:
        return read_yaml(path)  # reports the missing or unreadable file
    key = hashlib.sha1(str(path.resolve()).encode()).hexdigest()
    cache = cache_dir() / "yaml" / f"{key}.json"
    stamp = [stat.st_size, stat.st_mtime_ns]
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached["stamp"] == stamp:
            return cached["data"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    data = read_yaml(path)
    temporary = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"stamp": stamp, "data": data}), encoding="utf-8")
        temporary.replace(cache)  # atomic: a reader never sees half a file
    except (OSError, TypeError, ValueError):
        # Not writable, a full disk, or data JSON cannot hold: parse every time, leave nothing.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return data


class LineFinder:
    """Finds the line of a dotted location (`activities.2.duration`) in a YAML file."""

    def __init__(self, path: Path) -> None:
        try:
            self._root: yaml.Node | None = yaml.compose(
                path.read_text(encoding="utf-8"), Loader=_Loader
            )
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            self._root = None

    def line(self, location: tuple[str | int, ...]) -> int | None:
        """1-based line of the deepest node the location reaches (a key's own line)."""
        node = self._root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in location:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if str(key_node.value) == str(part):
                        line = key_node.start_mark.line + 1
                        node = value_node
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    node = node.value[part]
                    line = node.start_mark.line + 1
                else:
                    return line
            else:
                return line
        return line


def located_lines(path: Path, problems: list[tuple[tuple[str | int, ...], str]]) -> list[str]:
    """Problems as `file:line: dotted.path: message` lines, the one format of every file error."""
    finder = LineFinder(path)
    shown = display_path(path)
    lines = []
    for location, message in problems:
        line = finder.line(location)
        where = f"{shown}:{line}" if line else shown
        field = f" {'.'.join(str(part) for part in location)}:" if location else ""
        lines.append(f"{where}:{field} {message}")
    return lines
