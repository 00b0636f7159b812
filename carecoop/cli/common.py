"""What every command shares: consoles, global options, opening the store, error mapping."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

import typer

from carecoop.errors import ContentError, UserError

if TYPE_CHECKING:
    from rich.console import Console

    from carecoop.content.curriculum import Curriculum
    from carecoop.store.db import Store

P = ParamSpec("P")
R = TypeVar("R")

class _LazyConsole:
    """A rich Console made on first use: importing rich costs more than `--help` itself."""

    def __init__(self, **options: bool) -> None:
        self._options = options
        self._console: Console | None = None

    def real(self) -> Console:
        """The Console itself, for rich APIs that need the real object."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)  # type: ignore[arg-type]
        return self._console

    def __getattr__(self, name: str) -> object:
        return getattr(self.real(), name)


console = cast("Console", _LazyConsole(highlight=False, soft_wrap=False))
err_console = cast("Console", _LazyConsole(stderr=True, highlight=False, soft_wrap=True))


def real_console(lazy: Console) -> Console:
    """The Console behind one of the lazy consoles above (rich's Progress needs the real one)."""
    return lazy.real() if isinstance(lazy, _LazyConsole) else lazy


@dataclass
class Settings:
    """Global options given before the command (`carecoop --home DIR modules list`)."""

    home: Path | None = None
    module_dirs: list[Path] = field(default_factory=list)


settings = Settings()


def echo_json(data: object) -> None:
    """Print data as indented JSON (json is imported only when asked for)."""
    import json

    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def quoted(word: str) -> str:
    """A word quoted for the shell where it needs it (`Tiri Pamwe` → `'Tiri Pamwe'`)."""
    import shlex

    return shlex.quote(word)


def escape(text: str) -> str:
    """Escape rich markup in text a person typed (rich is imported only when printing)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def open_store() -> Store:
    """The store under --home or CARECOOP_HOME."""
    from carecoop.store.db import Store

    return Store.open(settings.home)


def load_curriculum() -> Curriculum:
    """The curriculum with any --modules folders."""
    from carecoop.content.loader import load_curriculum as load

    return load(settings.module_dirs)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a message for the user on stderr and return the Exit to raise."""
    err_console.print(message, markup=False)
    return typer.Exit(code)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Map carecoop's errors to exit codes: a UserError prints its message and exits 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ContentError as error:
            for line in error.problems:
                err_console.print(line, markup=False)
            raise typer.Exit(1) from None
        except UserError as error:
            raise fail(f"Error: {error}") from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1) from None

    return wrapper
