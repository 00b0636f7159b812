"""The loaded curriculum: programmes, their modules in order, and look-ups by id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from carecoop.content.models import PROGRAMME_IDS, PROGRAMME_TEXTS, Activity, Module, Programme, Translation
from carecoop.content.yamlfile import display_path
from carecoop.errors import UserError
from carecoop.i18n import _


@dataclass
class SourcedModule:
    """A module and the file it came from."""

    module: Module
    path: Path


@dataclass
class Curriculum:
    """Every programme and module, validated and linked."""

    programmes: dict[str, Programme]
    sourced: list[SourcedModule]
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    #: Translations of programme files (title, summary, audience, credit), by (programme, language).
    programme_translations: dict[tuple[str, str], Translation] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sourced.sort(
            key=lambda s: (_programme_order(s.module.programme), s.module.number, s.module.id)
        )

    @property
    def modules(self) -> list[Module]:
        """All modules, programme by programme, in order."""
        return [s.module for s in self.sourced]

    def link(self) -> list[str]:
        """Resolve references between modules; return problems as located lines.

        Duplicate ids are the loader's to report, with their lines.
        """
        problems: list[str] = []
        for programme_id in {s.module.programme for s in self.sourced}:
            if programme_id not in self.programmes:
                problems.append(f"modules/{programme_id}/programme.yaml: is missing")
        for sourced in self.sourced:
            activities = list(sourced.module.activities)
            linked = False
            for index, activity in enumerate(activities):
                if activity.questions_from is None:
                    continue
                source = self.find_activity(activity.questions_from)
                if source is None:
                    problems.append(
                        f"{display_path(sourced.path)}: activities.{index}.questions_from: "
                        f"no activity '{activity.questions_from}' in the curriculum"
                    )
                elif not activity.questions:
                    # Frozen models can be shared: the copy is of the list, not of each question.
                    copied = list(source[1].questions)
                    activities[index] = activity.model_copy(update={"questions": copied})
                    linked = True
            if linked:
                # The loaded models are shared (the loader keeps them for the next load) and
                # frozen: the linked module is a copy, the file's own model stays as read.
                sourced.module = sourced.module.model_copy(update={"activities": activities})
        return problems

    def modules_of(self, programme: str) -> list[Module]:
        """The modules of one programme, in order."""
        return [m for m in self.modules if m.programme == programme]

    def module(self, module_id: str) -> Module:
        """A module by id; a UserError naming the known ids when there is none."""
        for module in self.modules:
            if module.id == module_id:
                return module
        known = ", ".join(m.id for m in self.modules)
        raise UserError(_(
            "No module '{module_id}'. Known modules: {known}"
        ).format(module_id=module_id, known=known))

    def source_of(self, module_id: str) -> Path:
        """The file a module was loaded from."""
        for sourced in self.sourced:
            if sourced.module.id == module_id:
                return sourced.path
        raise UserError(_("No module '{module_id}'").format(module_id=module_id))

    def find_activity(self, activity_id: str) -> tuple[Module, Activity] | None:
        """The module and activity of an activity id, if it exists."""
        for module in self.modules:
            for activity in module.activities:
                if activity.id == activity_id:
                    return module, activity
        return None

    def activities_of(self, programme: str) -> list[tuple[Module, Activity]]:
        """Every activity of a programme with its module, in running order."""
        return [(m, a) for m in self.modules_of(programme) for a in m.activities]

    def languages(self) -> list[str]:
        """English and every language some module is translated into."""
        return ["en", *sorted({language for _, language in self.translations} - {"en"})]

    def check_language(self, language: str) -> str:
        """A language of the curriculum; a UserError naming them for anything else."""
        if language not in self.languages():
            shown = language if len(language) <= 20 and language.isprintable() else "that language"
            raise UserError(_(
                "No module is in '{shown}'. Languages: {languages}."
            ).format(shown=shown, languages=', '.join(self.languages())))
        return language

    def programme(self, programme_id: str, language: str = "en") -> Programme:
        """A programme in a language; texts its translation lacks stay English."""
        programme = self.programmes.get(programme_id)
        if programme is None:
            known = ", ".join(self.programmes) or "none"
            message = _("No programme '{id}'. Programmes: {known}")
            raise UserError(message.format(id=programme_id, known=known))
        translation = self.programme_translations.get((programme_id, language))
        if translation is None:
            return programme
        texts = {k: v for k, v in translation.texts.items() if k in PROGRAMME_TEXTS}
        return programme.model_copy(update=texts)

    def _localized_questions(self, activity_id: str, language: str) -> list[Any] | None:
        """The questions of an activity in a language, as JSON (None for no such activity)."""
        found = self.find_activity(activity_id)
        if found is None or found[1].questions_from is not None:
            return None
        source, _warnings = self.localized(found[0], language)
        activity = next(a for a in source.activities if a.id == activity_id)
        return [question.model_dump(mode="json") for question in activity.questions]

    def localized(self, module: Module, language: str) -> tuple[Module, list[str]]:
        """A module in another language; texts the translation lacks stay English.

        Returns the module and warnings (one naming how many texts fell back, and one per
        translation key that matches nothing).
        """
        if language == module.language:
            return module, []
        translation = self.translations.get((module.id, language))
        if translation is None:
            return module, [f"Module {module.id} has no '{language}' translation; using English."]
        data = module.model_dump(mode="json")
        warnings = [
            f"Translation {module.id}.{language}: no text at '{key}'"
            for key in untranslatable_keys(module, translation)
        ]
        texts = text_paths(data)
        misaligned = misaligned_lists(module, translation)
        warnings += [
            f"Translation {module.id}.{language}: {problem.message}; using English there"
            for problem in misaligned
        ]
        skipped = tuple(f"{problem.path}." for problem in misaligned)
        for key, text in translation.texts.items():
            # Only texts: a translation never changes a kind, an id, a number or a choice;
            # a list translated by position for a list of another length would put every
            # item under the wrong one, so it stays English whole.
            if key in texts and not key.startswith(skipped):
                _set_text(data, key.split("."), text)
        # Questions copied from another activity are translated there, not here: they are
        # copied again from that activity in this language.
        for index, activity in enumerate(module.activities):
            if activity.questions_from is not None:
                copied = self._localized_questions(activity.questions_from, language)
                if copied is not None:
                    data["activities"][index]["questions"] = copied
        wanted = text_paths(module.model_dump(mode="json", exclude=_copied_questions(module)))
        missing = wanted - set(translation.texts)
        if missing:
            warnings.append(
                f"Module {module.id}: {len(missing)} of {len(wanted)} texts have no '{language}' "
                "translation and are shown in English."
            )
        data["language"] = language
        try:
            return Module.model_validate(data), warnings
        except ValidationError:  # a text the model refuses (too long, empty): stay English
            refused = f"Translation {module.id}.{language} has texts a module cannot hold; using English."
            return module, [*warnings, refused]


def _copied_questions(module: Module) -> dict[str, Any]:
    """Pydantic `exclude` for the questions of activities that copy them from elsewhere."""
    return {
        "activities": {
            index: {"questions"}
            for index, activity in enumerate(module.activities)
            if activity.questions_from is not None
        }
    }


def _programme_order(programme: str) -> int:
    return PROGRAMME_IDS.index(programme) if programme in PROGRAMME_IDS else len(PROGRAMME_IDS)


def _set_text(data: Any, parts: list[str], text: str) -> bool:
    """Set a text at a path that names list items by their `id` or by index."""
    node = data
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        if isinstance(node, dict):
            if part not in node:
                return False
            if last:
                if not isinstance(node[part], str):
                    return False
                node[part] = text
                return True
            node = node[part]
        elif isinstance(node, list):
            match = next((x for x in node if isinstance(x, dict) and x.get("id") == part), None)
            if match is None and part.isdigit() and int(part) < len(node):
                if last:
                    if not isinstance(node[int(part)], str):
                        return False
                    node[int(part)] = text
                    return True
                match = node[int(part)]
            if match is None:
                return False
            node = match
        else:
            return False
    return False


_TEXT_KEYS = {"title", "summary", "text", "note", "prompt", "help", "label", "intro", "back"}
_TEXT_LISTS = {
    "objectives", "materials", "preparation", "key_messages", "adaptation", "roles", "items", "columns",
}


@dataclass(frozen=True)
class Misaligned:
    """A list a translation gives by position whose items are not the English list's items."""

    path: str
    #: The translation's first key in that list (where a problem line points).
    first_key: str
    english: int
    translated: int

    @property
    def message(self) -> str:
        """What is wrong, for a problem line or a warning."""
        return (
            f"{self.path} has {self.english} items in English but {self.translated} here "
            "(lists are translated by position: translate the list again)"
        )


def _list_items(keys: Iterable[str]) -> dict[str, set[int]]:
    """The positions named under every list of dotted keys (`steps.3.text` → steps: {3})."""
    found: dict[str, set[int]] = {}
    for key in keys:
        parts = key.split(".")
        for position, part in enumerate(parts):
            if part.isdigit():
                found.setdefault(".".join(parts[:position]), set()).add(int(part))
    return found


def misaligned_lists(module: Module, translation: Translation) -> list[Misaligned]:
    """The lists a translation gives whose positions differ from the English list's.

    Steps, objectives and other lists are keyed by position (`steps.3`): when the English
    list gains or loses an item, every later translated item silently sits under the wrong
    one. A translation that gives any item of a list must give exactly its items.
    """
    english = _list_items(text_paths(module.model_dump(mode="json")))
    keys = sorted(translation.texts)
    problems = []
    for path, positions in sorted(_list_items(keys).items()):
        wanted = english.get(path)
        if wanted is not None and positions != wanted:
            first = next(key for key in keys if key.startswith(f"{path}."))
            problems.append(Misaligned(path, first, len(wanted), len(positions)))
    return problems


def untranslatable_keys(module: Module, translation: Translation) -> list[str]:
    """The keys of a translation that name no text of the module."""
    texts = text_paths(module.model_dump(mode="json"))
    return [key for key in translation.texts if key not in texts]


def text_paths(data: Any, prefix: str = "") -> set[str]:
    """Every translatable text of a module, as the dotted keys a translation uses.

    List items with an `id` are named by it, other items by their index. Lists of only
    numbers written as text (hour circles "1" … "24") are left out: they need no translation.
    """
    paths: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            here = f"{prefix}{key}"
            if key in _TEXT_KEYS and isinstance(value, str):
                paths.add(here)
            elif key in _TEXT_LISTS and isinstance(value, list):
                paths.update(
                    f"{here}.{index}"
                    for index, item in enumerate(value)
                    if isinstance(item, str) and not item.strip().isdigit()
                )
            else:
                paths.update(text_paths(value, f"{here}."))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            name = item.get("id") if isinstance(item, dict) and item.get("id") else index
            paths.update(text_paths(item, f"{prefix}{name}."))
    return paths
