"""What every command shares: consoles, global options, opening the store, error mapping."""

from __future__ import annotations

import functools
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar, cast

import typer

from carecoop.errors import ContentError, NextStep, Step, UserError
from carecoop.i18n import _

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

            _strip_every_control_character()
            self._console = Console(**self._options)  # type: ignore[arg-type]
        return self._console

    def __getattr__(self, name: str) -> object:
        return getattr(self.real(), name)


def _strip_every_control_character() -> None:
    """Make rich drop every control character from printed text, not only bell and backspace.

    Stored names and answers are cleaned where they enter, but a store written by an
    older carecoop (or by hand) may still hold an escape sequence; printed raw it would
    act on the terminal. rich strips the characters of this table from every Text it
    builds (plain strings, markup, table cells); its own styles are added after.
    """
    from rich import control

    table = control._CONTROL_STRIP_TRANSLATE  # rich's own table; the default of strip_control_codes
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        if code not in (0x09, 0x0A):
            table[code] = None


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
    #: `--lang` (or CARECOOP_LANG): the screen's language when the workshop does not set one.
    lang: str | None = None


settings = Settings()

#: The workshop argument of every command that works on one workshop.
WorkshopId = Annotated[str, typer.Argument(metavar="WS", help="The workshop's id.")]
#: `--screen-lang` of the commands that talk with the facilitator (`run`, `plan`).
ScreenLang = Annotated[
    str | None,
    typer.Option(
        "--screen-lang",
        metavar="LANG",
        envvar="CARECOOP_SCREEN_LANG",
        help="Language of the screen (en, es, fr, ar) whatever the workshop's; documents keep "
        "the workshop's language. For a terminal that cannot show Arabic.",
    ),
]
#: `--json` wherever a command can print JSON instead of a table.
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def finite(data: object) -> object:
    """Data with every NaN or infinite number made null: JSON has no such numbers."""
    import math

    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data


def echo_json(data: object) -> None:
    """Print data as indented, valid JSON (json is imported only when asked for)."""
    import json

    typer.echo(json.dumps(finite(data), indent=2, ensure_ascii=False, allow_nan=False))


def quoted(word: str) -> str:
    """A word quoted for the shell where it needs it (`Tiri Pamwe` → `'Tiri Pamwe'`)."""
    import shlex

    return shlex.quote(word)


def command_prefix() -> str:
    """`carecoop`, with the global options this command was given, to show next commands."""
    parts = ["carecoop"]
    if settings.home is not None:
        parts += ["--home", str(settings.home)]
    for folder in settings.module_dirs:
        parts += ["--modules", str(folder)]
    import shlex

    return shlex.join(parts)


def command_line(*words: str) -> str:
    """A carecoop command to show the user: global options first, every word shell-quoted."""
    return " ".join([command_prefix(), *(quoted(word) for word in words)])


def next_step_text(next_step: NextStep, *, workshop: str | None = None, group: str | None = None) -> str:
    """The sentence and command for a next step the core asked for.

    `workshop` and `group` fill in what the core did not know (a plan check does not know
    which workshop it was run for).
    """
    ws = next_step.workshop or workshop or "WS"
    chosen = next_step.group or group
    on_group = ["--group", chosen] if chosen else []
    match next_step.step:
        case Step.ADD_PARTICIPANTS:
            sentence = _("Add people with: {command}")
            command = command_line("participants", "add", ws, "NAME...", "--group", "G")
        case Step.GROUP_PARTICIPANTS:
            sentence = _("Put people in groups with: {command}")
            command = command_line("participants", "add", ws, "NAME...", "--group", "G")
        case Step.FILL_PLAN:
            section = ["--section", next_step.section] if next_step.section else []
            sentence = _("Fill it in with: {command}")
            command = command_line("plan", ws, *on_group, *section)
        case Step.FIX_PLAN:
            sentence = _("Fix them with: {command}")
            command = command_line("plan", ws, *on_group)
        case Step.IMPORT_PLAN:
            sentence = _("Import a fixed copy with: {command}")
            command = command_line("plan", ws, *on_group, "--from", "FILE")
        case Step.NEW_WORKSHOP:
            sentence = _("Create one with: {command}")
            command = command_line(
                "workshop", "new", "--programme", "think-carecoop", "--title", _("My first workshop")
            )
        case Step.LIST_ACTIVITIES:
            programme = ["--programme", next_step.programme] if next_step.programme else []
            sentence = _("See its activities with: {command}")
            command = command_line("modules", "list", *programme)
        case Step.SHOW_TRANSLATION:
            language = ["--lang", next_step.language] if next_step.language else []
            sentence = _("See them with: {command}")
            command = command_line("modules", "show", next_step.module or "ID", *language)
        case Step.TAKE_ATTENDANCE:
            sentence = _("Take attendance again with: {command}")
            command = command_line("attendance", ws, next_step.module or "MODULE")
    return sentence.format(command=command)

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
    from carecoop.plan.field_paths import plan_field_exists

    return load(settings.module_dirs, plan_field_exists)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a message for the user on stderr and return the Exit to raise."""
    err_console.print(message, markup=False)
    return typer.Exit(code)


def screen_language(workshop_id: object = None, screen: object = None) -> str:
    """The screen's language.

    `--screen-lang` first (a terminal that cannot shape Arabic keeps French on screen while
    the Arabic workshop's documents stay Arabic), then the workshop's, then
    --lang/CARECOOP_LANG, then the system's, then English.
    """
    from carecoop.i18n import choose_language

    workshop_language = _workshop_language(workshop_id) if isinstance(workshop_id, str) else None
    return choose_language(screen if isinstance(screen, str) else None, workshop_language, settings.lang)


def check_screen_language(screen: str | None) -> None:
    """Refuse a --screen-lang we have no catalog for (a typing mistake must not go unnoticed)."""
    from carecoop.i18n import LANGUAGES, catalog_language

    if screen is not None and catalog_language(screen) is None:
        raise UserError(
            _("The screen cannot be in '{language}'. Languages: {languages}.").format(
                language=screen, languages=", ".join(LANGUAGES)
            )
        )


def _workshop_language(workshop_id: str) -> str | None:
    """A workshop's language, read without opening the store for writing (None if unknown).

    It is looked up before the command runs, so the command's own errors (no such
    workshop, a damaged store) are still reported by the command, in the --lang language.
    """
    from carecoop.paths import home_dir
    from carecoop.store.db import STORE_FILE

    path = home_dir(settings.home) / STORE_FILE
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT language FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeEncodeError):  # an id that is not UTF-8 names no workshop
        return None
    return str(row[0]) if row and row[0] else None


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Map carecoop's errors to exit codes: a UserError prints its message and exits 1.

    The command and its messages run in the screen's language (see `screen_language`).
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from carecoop.i18n import reset_language, set_language

        workshop = kwargs.get("workshop_id", kwargs.get("workshop"))
        token = set_language(screen_language(workshop, kwargs.get("screen_lang")))
        try:
            return _run_mapping_errors(command, *args, **kwargs)
        finally:
            reset_language(token)

    return wrapper


def _run_mapping_errors(command: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """Run a command; turn the errors a user can act on into a message and an exit code."""
    try:
        return command(*args, **kwargs)
    except ContentError as error:
        for line in error.problems:
            err_console.print(line, markup=False)
        raise typer.Exit(1) from None
    except UserError as error:
        message = _("Error: {message}").format(message=error)
        if error.next_step is not None:
            message += "\n" + next_step_text(error.next_step)
        raise fail(message) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(1) from None
    except UnicodeEncodeError as error:
        # An argument typed in a terminal that is not set to UTF-8 reaches Python as lone
        # surrogates, which SQLite cannot store or look up (any write is rolled back).
        if "surrogates" not in str(error.reason):
            raise
        not_text = _(
            "a name or value has characters that are not UTF-8 text; "
            "type it again in a terminal set to UTF-8."
        )
        raise fail(_("Error: {message}").format(message=not_text)) from None
    except (sqlite3.Error, OSError) as error:
        fault = _store_fault(error)
        if fault is None:
            raise
        raise fail(_("Error: {message}").format(message=fault)) from None


def _store_fault(error: BaseException) -> UserError | None:
    """A store's full disk, busy file or damage found mid-command, as one sentence."""
    from carecoop.paths import home_dir
    from carecoop.store.db import STORE_FILE
    from carecoop.store.faults import explain

    return explain(error, home_dir(settings.home) / STORE_FILE)
