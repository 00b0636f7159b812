"""The modules a run steps through, in the workshop's language, and what to warn about them."""

from __future__ import annotations

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Module
from carecoop.errors import NextStep, Step, UserError
from carecoop.i18n import _, ngettext
from carecoop.store.records import Workshop

#: A message for the facilitator, with a next step when there is an obvious one.
Notice = tuple[str, NextStep | None]


def programme_modules(curriculum: Curriculum, workshop: Workshop) -> tuple[list[Module], list[Notice]]:
    """The workshop's modules in its language, and warnings about missing translations."""
    modules = curriculum.modules_of(workshop.programme)
    if not modules:
        raise UserError(
            _(
                "The programme '{programme}' has no modules yet, so there is nothing to run."
            ).format(programme=workshop.programme)
        )
    localized: list[Module] = []
    untranslated: list[str] = []
    warnings: list[Notice] = []
    for module in modules:
        shown, notes = curriculum.localized(module, workshop.language)
        localized.append(shown)
        if shown is module and notes:
            untranslated.append(module.id)
            continue
        # Keys matching nothing are the translator's business; the facilitator gets a count.
        stale = [note for note in notes if note.startswith("Translation ")]
        warnings.extend((note, None) for note in notes if not note.startswith("Translation "))
        if stale:
            warnings.append((
                ngettext(
                    "The '{language}' translation of {module} has {count} text "
                    "that fits nothing in the module.",
                    "The '{language}' translation of {module} has {count} texts "
                    "that fit nothing in the module.",
                    len(stale),
                ).format(language=workshop.language, module=module.id, count=len(stale)),
                NextStep(Step.SHOW_TRANSLATION, module=module.id, language=workshop.language),
            ))
    if untranslated:
        warnings.insert(
            0,
            (
                _("No '{language}' translation of {modules}: shown in English.").format(
                    language=workshop.language, modules=", ".join(untranslated)
                ),
                None,
            ),
        )
    return localized, warnings
