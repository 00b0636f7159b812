"""questionary's own English hints, said in the screen's language.

questionary writes "(Use arrow keys)" above a menu and "(Use arrow keys to move, <space>
to select…)" above a checkbox unless it is given an `instruction`; every menu of ours
passes one of these.
"""

from __future__ import annotations

from carecoop.i18n import _


def select_instruction() -> str:
    """Questionary's "(Use arrow keys)", in the screen's language."""
    return _("(arrow keys to move, Enter to choose)")


def checkbox_instruction() -> str:
    """Questionary's checkbox instruction, in the screen's language."""
    return _("(arrow keys to move, Space to tick or untick, Enter when done)")
