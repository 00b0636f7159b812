"""The safe YAML loader that keeps what people wrote, and the line of a problem.

Imported only to parse a file (or to find the line of a problem): a command whose files
all come from the parse cache never loads PyYAML.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from carecoop.errors import ContentError

#: Whole numbers longer than this stay text (Python refuses to read ones over 4,300 digits).
MAX_INT_DIGITS = 18

# The C loader is several times faster; PyYAML built without libyaml lacks it.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _number_or_text(constructor: Any, node: yaml.ScalarNode) -> Any:
    """A number only when it prints back as the person wrote it; otherwise their text.

    YAML 1.1 reads `12:30` as 750, `0771234567` as an octal number and `.nan` as NaN;
    a phone number or a time must reach the store as typed, and NaN never at all.
    """
    text = constructor.construct_scalar(node)
    try:
        value: int | float = int(text) if re.fullmatch(r"-?[0-9]+", text) else float(text)
    except ValueError:
        return text
    if len(text.lstrip("-")) > MAX_INT_DIGITS or not math.isfinite(value):
        return text
    return value if repr(value) == text else text


class TextKeepingLoader(_Base):  # type: ignore[misc]
    """A safe loader with YAML 1.2 core-schema-like scalars that never changes what was written.

    true/false, null and numbers that print back unchanged are read as such; everything
    else (times, dates, octal, hexadecimal, `yes`, `on`, `.inf`, `.nan`) stays text.
    Tags for binary data, timestamps, sets and ordered maps are refused.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}
    yaml_constructors = {
        tag: constructor
        for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
        if tag is None or tag.rsplit(":", 1)[-1] in ("null", "bool", "str", "seq", "map")
    }


TextKeepingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
TextKeepingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
TextKeepingLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$"), list("-0123456789")
)
def _clean_text(constructor: Any, node: yaml.ScalarNode) -> str:
    """A string without control characters: an escape written in double quotes must not reach a terminal."""
    from carecoop.text import without_controls

    return without_controls(constructor.construct_scalar(node))


TextKeepingLoader.add_constructor("tag:yaml.org,2002:str", _clean_text)
TextKeepingLoader.add_constructor("tag:yaml.org,2002:float", _number_or_text)
TextKeepingLoader.add_constructor("tag:yaml.org,2002:int", _number_or_text)


def _refuse_aliases(root: yaml.Node, shown: str) -> None:
    """A ContentError when a node is reached twice: an alias (`*name`) of an anchor (`&name`).

    Aliases make a few hundred bytes expand into gigabytes (the "billion laughs"); no
    carecoop file needs them.
    """
    from collections import deque

    seen = {id(root)}
    # Breadth first, in file order: the second place a node is reached is the alias.
    queue: deque[yaml.Node] = deque([root])
    while queue:
        node = queue.popleft()
        children: list[tuple[yaml.Node, yaml.Mark]] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                children += [(key, key.start_mark), (value, key.start_mark)]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, node.start_mark) for item in node.value]
        for child, mark in children:
            if id(child) in seen:
                raise ContentError(
                    [f"{shown}:{mark.line + 1}: aliases (*name) are not allowed; write the value out in full"]
                )
            seen.add(id(child))
            queue.append(child)


def parse_yaml(text: str, shown: str) -> Any:
    """Parse YAML (or JSON) text with the text-keeping loader; problems become one located line."""
    loader = TextKeepingLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_aliases(node, shown)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = error.problem or error.context or "cannot be read"
        raise ContentError([f"{shown}{line}: YAML syntax error: {problem}"]) from None
    except yaml.YAMLError as error:
        raise ContentError([f"{shown}: YAML syntax error: {error}"]) from None
    except RecursionError:
        raise ContentError([f"{shown}: is nested too deeply"]) from None
    finally:
        loader.dispose()


class LineFinder:
    """Finds the line of a dotted location (`activities.2.duration`) in a YAML file."""

    def __init__(self, text: str | None) -> None:
        """Compose the text (None: a file that could not be read, which has no lines)."""
        try:
            self._root: yaml.Node | None = (
                None if text is None else yaml.compose(text, Loader=TextKeepingLoader)
            )
        except (yaml.YAMLError, RecursionError):
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
