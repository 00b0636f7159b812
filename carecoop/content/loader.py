"""Load and validate the curriculum: every problem becomes `file:line: path: message`.

This is the one boundary where module files are checked. Past it, the rest of carecoop
works with validated models only.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from carecoop.content.curriculum import Curriculum, SourcedModule
from carecoop.content.messages import known_keys, validation_problems
from carecoop.content.models import (
    PICTURE_WORDS,
    PROGRAMME_IDS,
    PROGRAMME_TEXTS,
    Activity,
    Handout,
    Module,
    Programme,
    QuestionKind,
    Translation,
)
from carecoop.content.yamlfile import (
    FileContent,
    display_path,
    located_lines,
    parse_yaml,
    read_yaml_json,
)
from carecoop.errors import ContentError

if TYPE_CHECKING:
    from carecoop.content.glossary import Glossary

Location = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)

@functools.cache
def _keys_of(model: type[BaseModel]) -> frozenset[str]:
    """The keys a file of this kind may hold: "did you mean" suggests only these."""
    return frozenset(known_keys([model]))
#: `01-care.ar.yaml` is the Arabic translation of `01-care.yaml`.
_TRANSLATION_NAME = re.compile(r"^.+\.([a-z]{2,3}(?:-[A-Z]{2})?)\.ya?ml$")


class _Validated:
    """Files already validated in this process, by their content: a later load skips them.

    A process that loads the curriculum more than once (the test suite, the demo, a
    facilitator's long session) reads every file again, but validates only a file whose
    content it has not validated before. The key is a hash of the file's bytes, never its
    name, size or time, so an edit is always seen, whatever folder (or store) it is in.
    Only files that passed are kept: a broken file is read and reported in full every time.
    The models are frozen, so a model handed out twice cannot be changed by one user
    under another. The oldest entries go first, so the memory stays bounded.
    """

    SIZE = 256

    def __init__(self) -> None:
        self._models: OrderedDict[tuple[type[BaseModel], object, str], BaseModel] = OrderedDict()

    def get(self, model: type[ModelT], stamp: str, check: object = None) -> ModelT | None:
        """The model of a file with this stamp, validated with this check, if there is one."""
        found = self._models.get((model, check, stamp))
        if not isinstance(found, model):
            return None
        self._models.move_to_end((model, check, stamp))
        return found

    def clear(self) -> None:
        """Forget every model."""
        self._models.clear()

    def keep(self, stamp: str, value: ModelT, check: object = None) -> ModelT:
        """Remember a file's validated model; return it."""
        self._models[(type(value), check, stamp)] = value
        while len(self._models) > self.SIZE:
            self._models.popitem(last=False)
        return value


_validated = _Validated()


def forget_validated() -> None:
    """Validate every file again on its next load, as a new process does (for tests)."""
    _validated.clear()


def _read(content: FileContent, model: type[ModelT], cached: bool) -> tuple[ModelT | None, Any]:
    """A file's model when it is valid straight from the parse cache, else its YAML data.

    Through the parse cache (`cached`), pydantic validates the cached JSON text itself:
    a third faster than reading the JSON, then validating it. A file that is not valid
    so is read as data and validated again the usual way, which finds its problems.
    """
    if cached:
        raw = read_yaml_json(content.path, content)
        try:
            return model.model_validate_json(raw), None
        except ValidationError:
            with contextlib.suppress(ValueError):  # else a damaged cache: parse the file
                return None, json.loads(raw)
    return None, parse_yaml(content.text(), display_path(content.path))


class _Problems:
    """Collects a file's problems; lines are located only when there are any."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[tuple[Location, str]] = []

    def add(self, location: Location, message: str) -> None:
        self.found.append((location, message))

    @property
    def lines(self) -> list[str]:
        return located_lines(self.path, self.found) if self.found else []

    def raise_if_any(self) -> None:
        if self.found:
            raise ContentError(self.lines)


def _validate(path: Path, model: type[ModelT], data: Any, problems: _Problems) -> ModelT | None:
    if not isinstance(data, dict):
        problems.add((), "must be a mapping of keys to values (is the file empty?)")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for location, message in validation_problems(error, set(_keys_of(model))):
            problems.add(location, message)
        return None


def _check_module(module: Module, problems: _Problems, plan_field_ok: Callable[[str], bool]) -> None:
    """Checks that span several fields of one module."""
    seen: dict[str, int] = {}
    for index, activity in enumerate(module.activities):
        if activity.id in seen:
            problems.add(
                ("activities", index, "id"),
                f"'{activity.id}' is already used by activities.{seen[activity.id]}",
            )
        seen.setdefault(activity.id, index)
        _check_activity(activity, ("activities", index), problems, plan_field_ok)
    for item_index, item in enumerate(module.handout.worksheet):
        if item.question and not any(a.question(item.question) for a in module.activities):
            problems.add(
                ("handout", "worksheet", item_index, "question"),
                f"no activity of this module has a question '{item.question}'",
            )
    _check_pictures(module.handout, ("handout",), problems)


_NAMED_PICTURE = re.compile(r"\(([^()]*)\)")


def _named_pictures(text: str) -> list[str]:
    """The pictograms a text names in brackets, "(the eye)", by PICTURE_WORDS."""
    return [
        PICTURE_WORDS[words]
        for words in (m.strip().casefold() for m in _NAMED_PICTURE.findall(text))
        if words in PICTURE_WORDS
    ]


def _check_pictures(handout: Handout, location: Location, problems: _Problems) -> None:
    """A picture a handout names in words is printed: the item carries that pictogram."""
    for item_index, item in enumerate(handout.worksheet):
        here = (*location, "worksheet", item_index)
        for name in _named_pictures(item.prompt):
            if item.picture != name:
                problems.add((*here, "prompt"), f"names a picture that is not printed: add 'picture: {name}'")
        for index, text in enumerate(item.items):
            for name in _named_pictures(text):
                printed = item.pictures[index] if index < len(item.pictures) else None
                if printed != name:
                    problems.add(
                        (*here, "items", index),
                        f"names a picture that is not printed: give this item '{name}' in pictures",
                    )


def _check_steps(activity: Activity, location: Location, problems: _Problems) -> None:
    for index, step in enumerate(activity.steps):
        for name in _named_pictures(step.text):
            if step.picture != name:
                problems.add(
                    (*location, "steps", index, "text"),
                    f"names a picture that is not printed: add 'picture: {name}' to this step",
                )


def _check_cards(activity: Activity, location: Location, problems: _Problems) -> None:
    """Card set ids are unique in their activity; a card printed from a step needs that step."""
    seen: dict[str, int] = {}
    for set_index, card_set in enumerate(activity.card_sets):
        if card_set.id in seen:
            problems.add(
                (*location, "card_sets", set_index, "id"),
                f"'{card_set.id}' is already used by card_sets.{seen[card_set.id]}",
            )
        seen.setdefault(card_set.id, set_index)
        for index, card in enumerate(card_set.cards):
            for at, step in enumerate(card.from_steps):
                if step >= len(activity.steps):
                    problems.add(
                        (*location, "card_sets", set_index, "cards", index, "from_steps", at),
                        f"this activity has no step {step} (its steps are 0 to {len(activity.steps) - 1})",
                    )


def _check_activity(
    activity: Activity,
    location: Location,
    problems: _Problems,
    plan_field_ok: Callable[[str], bool],
) -> None:
    for q_index, question in enumerate(activity.questions):
        here = (*location, "questions", q_index)
        answers = question.correct
        if isinstance(answers, str):
            answers = [answers]
        if isinstance(answers, list):
            for answer in answers:
                if answer not in question.choice_ids:
                    known = ", ".join(question.choice_ids) or "none"
                    problems.add(
                        (*here, "correct"),
                        f"'{answer}' is not one of the choices ({known})",
                    )
        elif isinstance(answers, bool) and question.kind is not QuestionKind.YES_NO:
            problems.add((*here, "correct"), "true or false only fits a yes-no question")
        if question.plan_field and not plan_field_ok(question.plan_field):
            problems.add(
                (*here, "plan_field"),
                f"the business plan has no field '{question.plan_field}'",
            )
    _check_steps(activity, location, problems)
    _check_cards(activity, location, problems)
    if activity.handout:
        _check_pictures(activity.handout, (*location, "handout"), problems)
        for item_index, item in enumerate(activity.handout.worksheet):
            if item.question and activity.question(item.question) is None:
                problems.add(
                    (*location, "handout", "worksheet", item_index, "question"),
                    f"this activity has no question '{item.question}'",
                )


def _any_field(_path: str) -> bool:
    return True


def load_module_file(
    path: Path, plan_field_ok: Callable[[str], bool] | None = None, *, cached: bool = False
) -> Module:
    """Read and validate one module file; raise ContentError listing every problem.

    `plan_field_ok` says whether a question's `plan_field` names a field of the business
    plan. The content layer does not know the plan, so the caller passes the check (the CLI
    passes `carecoop.plan.field_paths.plan_field_exists`); without it the names are not checked.
    """
    checker = plan_field_ok or _any_field
    content = FileContent(path)
    known = _validated.get(Module, content.stamp, checker)
    if known is not None:
        return known
    problems = _Problems(path)
    module, data = _read(content, Module, cached)
    if module is None:
        module = _validate(path, Module, data, problems)
    if module is not None:
        _check_module(module, problems, checker)
    elif isinstance(data, dict) and isinstance(data.get("activities"), list):
        # Report the cross-field problems of the activities that are valid on their own too,
        # so that one pass shows every problem in the file.
        for index, raw in enumerate(data["activities"]):
            try:
                activity = Activity.model_validate(raw)
            except ValidationError:
                continue
            _check_activity(activity, ("activities", index), problems, checker)
    problems.raise_if_any()
    assert module is not None
    return _validated.keep(content.stamp, module, checker)


def _load_file(path: Path, model: type[ModelT], *, cached: bool = False) -> ModelT:
    """Read and validate a file that needs no checks beyond its model's."""
    content = FileContent(path)
    known = _validated.get(model, content.stamp)
    if known is not None:
        return known
    problems = _Problems(path)
    found, data = _read(content, model, cached)
    if found is None:
        found = _validate(path, model, data, problems)
    problems.raise_if_any()
    assert found is not None
    return _validated.keep(content.stamp, found)


def load_programme_file(path: Path, *, cached: bool = False) -> Programme:
    """Read and validate a programme.yaml."""
    return _load_file(path, Programme, cached=cached)


def load_glossary(path: Path | None = None) -> Glossary:
    """The programmes' words in every language (the bundled file unless another is given)."""
    from carecoop.content.glossary import GLOSSARY_FILE, Glossary

    return _load_file(path or GLOSSARY_FILE, Glossary)


def load_translation_file(path: Path, *, cached: bool = False) -> Translation:
    """Read and validate a translation file."""
    return _load_file(path, Translation, cached=cached)


#: The one rule for which files in a folder are content: YAML under either usual suffix.
#: Both are accepted because editors and file managers save YAML as `.yml` as often as
#: `.yaml`; ignoring one of them silently would drop a facilitator's adapted module.
CONTENT_SUFFIXES = (".yaml", ".yml")


def content_files(folder: Path) -> list[Path]:
    """Every module, programme and translation file under a folder, in a stable order."""
    return sorted(path for path in folder.rglob("*") if path.suffix in CONTENT_SUFFIXES and path.is_file())


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by their content files."""
    files: list[Path] = []
    for path in paths:
        files.extend(content_files(path) if path.is_dir() else [path])
    return files


def is_programme(path: Path) -> bool:
    """Whether a file is a programme description (`programme.yaml` or `programme.yml`)."""
    return path.stem == "programme" and path.suffix in CONTENT_SUFFIXES


def is_translation(path: Path) -> bool:
    """Whether a file name marks a translation (`name.ar.yaml`)."""
    return bool(_TRANSLATION_NAME.match(path.name))


def validate_paths(
    paths: Iterable[Path], plan_field_ok: Callable[[str], bool] | None = None
) -> list[str]:
    """Check module, programme or translation files and folders; return every problem line."""
    problems: list[str] = []
    modules: list[SourcedModule] = []
    translations: list[tuple[Path, Translation]] = []
    for file in expand_paths(paths):
        try:
            if is_programme(file):
                load_programme_file(file)
            elif is_translation(file):
                translations.append((file, load_translation_file(file)))
            else:
                modules.append(SourcedModule(load_module_file(file, plan_field_ok), file))
        except ContentError as error:
            problems.extend(error.problems)
    problems.extend(_duplicate_ids(modules))
    problems.extend(_translation_problems(translations, [s.module for s in modules]))
    return problems


def _translation_problems(translations: list[tuple[Path, Translation]], modules: list[Module]) -> list[str]:
    """Keys of translations that name no text of their module (one given, else the bundled one).

    A programme's translation may only give the texts of a programme file.
    """
    from carecoop.content.curriculum import misaligned_lists, untranslatable_keys

    if not translations:
        return []
    known = {module.id: module for module in modules}
    if any(t.translation_of not in known and t.translation_of not in PROGRAMME_IDS for _, t in translations):
        try:
            bundled = load_curriculum()
        except ContentError:
            bundled = None
        for module in bundled.modules if bundled else []:
            known.setdefault(module.id, module)
    problems: list[str] = []
    for path, translation in translations:
        here = _Problems(path)
        original = known.get(translation.translation_of)
        if translation.translation_of in PROGRAMME_IDS:
            for key in translation.texts:
                if key not in PROGRAMME_TEXTS:
                    texts = ", ".join(PROGRAMME_TEXTS)
                    here.add(("texts", key), f"a programme translation gives only {texts}")
        elif original is None:
            here.add(("translation_of",), f"no module '{translation.translation_of}' to translate")
        else:
            for key in untranslatable_keys(original, translation):
                here.add(("texts", key), "names no text of the module (only texts are translated)")
            for problem in misaligned_lists(original, translation):
                here.add(("texts", problem.first_key), problem.message)
        problems.extend(here.lines)
    return problems


def _duplicate_ids(
    modules: list[SourcedModule], *, module_ids: bool = True, activity_ids: bool = True
) -> list[str]:
    """Module and activity ids used in more than one file."""
    problems: list[str] = []
    owners: dict[str, Path] = {}  # shown with display_path only in a problem: resolving is slow
    for sourced in modules:
        here = _Problems(sourced.path)
        where = sourced.path
        if module_ids and sourced.module.id in owners:
            other = display_path(owners[sourced.module.id])
            here.add(("id",), f"module id '{sourced.module.id}' is also used in {other}")
        owners.setdefault(sourced.module.id, where)
        for index, activity in enumerate(sourced.module.activities if activity_ids else []):
            key = f"activity:{activity.id}"
            if key in owners and owners[key] != where:
                here.add(
                    ("activities", index, "id"),
                    f"activity id '{activity.id}' is also used in {display_path(owners[key])}",
                )
            owners.setdefault(key, where)
        problems.extend(here.lines)
    return problems


def load_curriculum(
    extra_dirs: Iterable[Path] = (), plan_field_ok: Callable[[str], bool] | None = None
) -> Curriculum:
    """The bundled curriculum plus adapted modules from extra folders (same id = override).

    `plan_field_ok` checks the `plan_field` names, as in `load_module_file`.
    """
    from carecoop.paths import extra_module_dirs, modules_dir

    folders = [modules_dir(), *extra_dirs, *extra_module_dirs()]
    programmes: dict[str, Programme] = {}
    modules: dict[str, SourcedModule] = {}
    translations: dict[tuple[str, str], Translation] = {}
    programme_translations: dict[tuple[str, str], Translation] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(f"{display_path(folder)}: no such folder of modules")
            continue
        found: list[SourcedModule] = []
        for file in content_files(folder):
            try:
                if is_programme(file):
                    programme = load_programme_file(file, cached=True)
                    programmes[programme.id] = programme
                elif is_translation(file):
                    translation = load_translation_file(file, cached=True)
                    key = (translation.translation_of, translation.language)
                    if translation.translation_of in PROGRAMME_IDS:
                        problems.extend(_translation_problems([(file, translation)], []))
                        programme_translations[key] = translation
                    else:
                        translations[key] = translation
                else:
                    found.append(SourcedModule(load_module_file(file, plan_field_ok, cached=True), file))
            except ContentError as error:
                problems.extend(error.problems)
        # Within one folder a module id may appear once; across folders it overrides.
        problems.extend(_duplicate_ids(found, activity_ids=False))
        for sourced in found:
            modules[sourced.module.id] = sourced  # a later folder overrides by id
    # Activity ids must be unique among the modules that remain after the overrides.
    problems.extend(_duplicate_ids(list(modules.values()), module_ids=False))
    curriculum = Curriculum(programmes, list(modules.values()), translations, programme_translations)
    problems.extend(curriculum.link())
    if problems:
        raise ContentError(problems)
    return curriculum
