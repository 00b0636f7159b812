"""prompt_toolkit's default key bindings, built once per process instead of once per prompt.

questionary makes two or three prompt_toolkit Applications for every prompt, and each
Application builds its ~700 default key bindings (emacs, vi, mouse…) again and looks
every key up in them from cold: well over a third of what a prompt costs in a run (a
typed answer 38 → 22 ms, a menu built in 28 → 7 ms). The bindings keep no state of
their own (their handlers and filters act on the running Application, found with
`get_app()`), so one set serves every prompt. Imported only by the terminal prompters.
"""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit.application import application
from prompt_toolkit.key_binding import KeyBindingsBase
from prompt_toolkit.key_binding.defaults import load_key_bindings


def _once(build: Callable[[], KeyBindingsBase]) -> Callable[[], KeyBindingsBase]:
    built: list[KeyBindingsBase] = []

    def shared() -> KeyBindingsBase:
        if not built:
            built.append(build())
        return built[0]

    return shared


_shared_defaults = _once(load_key_bindings)


def share_default_key_bindings() -> None:
    """Make every prompt_toolkit Application made from now on use one set of default bindings."""
    # Application.__init__ calls the name it imported into its module, so that is the one to set.
    application.load_key_bindings = _shared_defaults  # type: ignore[attr-defined]
