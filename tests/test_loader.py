from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content import yamlfile
from carecoop.content.loader import forget_validated, load_curriculum, load_module_file, validate_paths
from carecoop.content.models import PICTOGRAMS
from carecoop.errors import ContentError

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()

MINIMAL = """\
id: {module_id}
programme: think-carecoop
number: 9
title: Test module
summary: For tests.
objectives: [Learn.]
activities:
  - id: {activity_id}
    title: Talk
    kind: discussion
    duration: 10
    objectives: [Talk.]
    steps: [Talk to each other.]
    key_messages: [Talking helps.]
handout:
  title: Test
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_module_file(path, plan_field_ok=lambda _p: True)
    return caught.value.problems


def test_five_mistakes_give_five_located_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent.parent)
    result = runner.invoke(app, ["modules", "validate", "tests/fixtures/five-mistakes.yaml"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "tests/fixtures/five-mistakes.yaml:10: activities.0.title: must not be empty",
        "tests/fixtures/five-mistakes.yaml:12: activities.0.duration: must be a positive number of minutes",
        "tests/fixtures/five-mistakes.yaml:16: activities.0.colour: unknown key 'colour'",
        "tests/fixtures/five-mistakes.yaml:19: activities.1.kind: must be 'icebreaker', 'game', "
        "'discussion', 'role-play', 'story', 'worksheet', 'presentation', 'reflection', 'energiser', "
        "'quiz' or 'break'",
        "tests/fixtures/five-mistakes.yaml:38: activities.2.questions.0.correct: "
        "'c' is not one of the choices (a, b)",
    ]


def test_typo_in_a_key_suggests_the_right_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = MINIMAL.format(module_id="tc-9", activity_id="tc9-a").replace("duration:", "duraton:")
    path = write(tmp_path, "typo.yaml", text)
    assert problems_of(path) == [
        "typo.yaml:8: activities.0.duration: is required",
        "typo.yaml:11: activities.0.duraton: unknown key 'duraton' (did you mean 'duration'?)",
    ]


def test_yaml_syntax_error_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "broken.yaml", "id: tc-9\ntitle: [unclosed\nsummary: x\n")
    assert problems_of(path) == ["broken.yaml:3: YAML syntax error: did not find expected ',' or ']'"]


def test_empty_file_and_wrong_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems_of(write(tmp_path, "empty.yaml", "")) == [
        "empty.yaml: must be a mapping of keys to values (is the file empty?)"
    ]
    text = (
        MINIMAL.format(module_id="tc-9", activity_id="tc9-a")
        .replace("duration: 10", "duration: ten")
        .replace("objectives: [Learn.]", "objectives: Learn.")
    )
    assert problems_of(write(tmp_path, "types.yaml", text)) == [
        "types.yaml:6: objectives: must be a list",
        "types.yaml:11: activities.0.duration: must be a whole number of minutes",
    ]


def test_bad_id_and_incomplete_activity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = MINIMAL.format(module_id="TC 9", activity_id="tc9-a").replace(
        "    steps: [Talk to each other.]\n", ""
    )
    assert problems_of(write(tmp_path, "bad.yaml", text)) == [
        "bad.yaml:1: id: must be lowercase letters, digits and hyphens, like 'tc1-welcome'",
        "bad.yaml:8: activities.0: a discussion activity needs steps",
    ]


def test_duplicate_ids_across_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.yaml", MINIMAL.format(module_id="tc-8", activity_id="tc8-same"))
    write(tmp_path, "b.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc8-same"))
    assert validate_paths([tmp_path]) == [
        "b.yaml:8: activities.0.id: activity id 'tc8-same' is also used in a.yaml"
    ]


def test_validate_reports_ok(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "good.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    result = runner.invoke(app, ["modules", "validate", "good.yaml"])
    assert result.exit_code == 0
    assert result.output == "OK: 1 file valid.\n"


def test_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["modules", "validate", "nope.yaml"])
    assert result.exit_code == 1
    assert result.output == "nope.yaml: no such file\n"


def test_extra_folder_overrides_and_adds(tmp_path: Path) -> None:
    override = MINIMAL.format(module_id="tc-2", activity_id="tc2-only").replace("number: 9", "number: 2")
    write(tmp_path, "02.yaml", override)
    write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    curriculum = load_curriculum([tmp_path])
    assert [a.id for a in curriculum.module("tc-2").activities] == ["tc2-only"]
    ids = [m.id for m in curriculum.modules_of("think-carecoop")]
    assert ids[1] == "tc-2" and ids[-1] == "tc-9"


def test_extra_folder_with_errors_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "x.yaml", "id: tc-9\n")
    with pytest.raises(ContentError) as caught:
        load_curriculum([tmp_path])
    assert "x.yaml:1: programme: is required" in caught.value.problems


def test_translation_falls_back_to_english_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    write(
        tmp_path,
        "09.es.yaml",
        """\
        translation_of: tc-9
        language: es
        texts:
          title: Módulo de prueba
          activities.tc9-a.steps.0.text: Hablen entre ustedes.
          activities.tc9-a.nothing: x
        """,
    )
    curriculum = load_curriculum([tmp_path])
    module, warnings = curriculum.localized(curriculum.module("tc-9"), "es")
    assert module.title == "Módulo de prueba"
    assert module.activities[0].steps[0].text == "Hablen entre ustedes."
    assert module.activities[0].title == "Talk"
    assert warnings[0] == "Translation tc-9.es: no text at 'activities.tc9-a.nothing'"
    assert warnings[1].startswith("Module tc-9: ") and "shown in English" in warnings[1]
    _, none = curriculum.localized(curriculum.module("tc-9"), "fr")
    assert none == ["Module tc-9 has no 'fr' translation; using English."]


def test_the_bundled_curriculum_is_valid() -> None:
    curriculum = load_curriculum()
    assert curriculum.modules_of("think-carecoop")


def test_parse_cache_sees_every_change(
    tmp_path: Path, carecoop_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CARECOOP_CACHE")  # this test reads the store's own cache folder
    forget_validated()  # as in a new process: every file is read through the parse cache
    path = write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    assert load_curriculum([tmp_path]).module("tc-9").title == "Test module"
    assert any((carecoop_home / "cache" / "yaml").glob("*.json"))
    path.write_text(path.read_text().replace("Test module", "Changed title"), encoding="utf-8")
    assert load_curriculum([tmp_path]).module("tc-9").title == "Changed title"
    forget_validated()
    assert load_curriculum([tmp_path]).module("tc-9").title == "Changed title"
    path.write_text(path.read_text().replace("duration: 10", "duration: -1"), encoding="utf-8")
    with pytest.raises(ContentError):
        load_curriculum([tmp_path])


def test_a_broken_cache_is_ignored(
    tmp_path: Path, carecoop_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CARECOOP_CACHE")  # this test reads the store's own cache folder
    forget_validated()
    write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    load_curriculum([tmp_path])
    for cached in (carecoop_home / "cache" / "yaml").glob("*.json"):
        cached.write_text("{not json", encoding="utf-8")
    forget_validated()  # the next load reads the broken cache, as a new process would
    assert load_curriculum([tmp_path]).module("tc-9").title == "Test module"


def test_translation_warning_counts_the_texts_really_missing(tmp_path: Path) -> None:
    from carecoop.content.curriculum import text_paths

    write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    module = load_curriculum([tmp_path]).module("tc-9")
    paths = sorted(text_paths(module.model_dump(mode="json")))
    assert "activities.tc9-a.steps.0.text" in paths and "objectives.0" in paths
    texts = {path: "x" for path in paths if path != "summary"}
    texts["activities.tc9-a.nothing"] = "extra keys do not make up for a missing text"
    lines = "\n".join(f"  {key}: {value}" for key, value in texts.items())
    write(tmp_path, "09.fr.yaml", f"translation_of: tc-9\nlanguage: fr\ntexts:\n{lines}\n")
    curriculum = load_curriculum([tmp_path])
    _, warnings = curriculum.localized(curriculum.module("tc-9"), "fr")
    assert warnings == [
        "Translation tc-9.fr: no text at 'activities.tc9-a.nothing'",
        f"Module tc-9: 1 of {len(paths)} texts have no 'fr' translation and are shown in English.",
    ]


def test_a_duplicate_activity_in_an_extra_folder_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.yaml", MINIMAL.format(module_id="tc-8", activity_id="tc8-same"))
    write(tmp_path, "b.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc8-same"))
    with pytest.raises(ContentError) as caught:
        load_curriculum([tmp_path])
    assert caught.value.problems == [
        "b.yaml:8: activities.0.id: activity id 'tc8-same' is also used in a.yaml"
    ]


PICTURED = MINIMAL.replace(
    "    steps: [Talk to each other.]",
    "    steps:\n      - text: Look at the card (the eye).\n{step_picture}",
).replace(
    "handout:\n  title: Test\n",
    "handout:\n  title: Test\n  worksheet:\n    - prompt: Tick one.\n      kind: checklist\n"
    '      items: ["See care as work (the eye)", "Pay fairly (the coins)"]\n{item_pictures}',
)


def test_a_picture_named_in_words_must_be_printed(tmp_path: Path) -> None:
    path = write(tmp_path, "m.yaml", PICTURED.format(
        module_id="pic", activity_id="pic-a", step_picture="", item_pictures=""))  # fmt: skip
    assert problems_of(path) == [
        f"{path}:14: activities.0.steps.0.text: names a picture that is not printed: "
        "add 'picture: eye' to this step",
        f"{path}:22: handout.worksheet.0.items.0: names a picture that is not printed: "
        "give this item 'eye' in pictures",
        f"{path}:22: handout.worksheet.0.items.1: names a picture that is not printed: "
        "give this item 'coins' in pictures",
    ]
    fixed = write(tmp_path, "ok.yaml", PICTURED.format(
        module_id="pic", activity_id="pic-a", step_picture="        picture: eye",
        item_pictures="      pictures: [eye, coins]"))  # fmt: skip
    module = load_module_file(fixed, plan_field_ok=lambda _p: True)
    assert module.handout.worksheet[0].pictures == ["eye", "coins"]


def test_a_pictogram_we_do_not_have_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "m.yaml", PICTURED.format(
        module_id="pic", activity_id="pic-a", step_picture="        picture: eye",
        item_pictures="      pictures: [eye, unicorn]"))  # fmt: skip
    problems = problems_of(path)
    assert len(problems) == 1
    assert "worksheet.0.pictures.1: there is no pictogram 'unicorn'; use one of: talk, group," in problems[0]


CARDS = MINIMAL.replace(
    "    key_messages: [Talking helps.]",
    """    key_messages: [Talking helps.]
    card_sets:
      - id: roles
        title: Role cards
        copies: team
        cards:
          - text: Reader
            picture: book
          - text: Timekeeper
            picture: unicorn
          - from_steps: [0, 3]
          - picture: eye
          - text: Note-taker
            colour: red
      - id: roles
        title: Role cards again
        cards: [Reader]""",
)


def test_card_sets_are_checked_with_located_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "cards.yaml", CARDS.format(module_id="tc-9", activity_id="tc9-a"))
    assert problems_of(path) == [
        "cards.yaml:18: activities.0.card_sets.0.copies: must be 'room', 'group' or 'person'",
        "cards.yaml:23: activities.0.card_sets.0.cards.1.picture: there is no pictogram 'unicorn'; "
        f"use one of: {', '.join(PICTOGRAMS)}",
        "cards.yaml:25: activities.0.card_sets.0.cards.3: a card needs text or from_steps (one of them)",
        "cards.yaml:27: activities.0.card_sets.0.cards.4.colour: unknown key 'colour'",
    ]
    fixed = CARDS.replace("copies: team", "copies: room").replace("unicorn", "clock")
    fixed = fixed.replace("          - picture: eye\n", "").replace("            colour: red\n", "")
    path = write(tmp_path, "cards.yaml", fixed.format(module_id="tc-9", activity_id="tc9-a"))
    assert problems_of(path) == [
        "cards.yaml:24: activities.0.card_sets.0.cards.2.from_steps.1: "
        "this activity has no step 3 (its steps are 0 to 0)",
        "cards.yaml:26: activities.0.card_sets.1.id: 'roles' is already used by card_sets.0",
    ]


def test_a_translated_list_of_another_length_fails_loudly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Steps are translated by position: a step added in English must not shift the translation."""
    monkeypatch.chdir(tmp_path)
    english = MINIMAL.format(module_id="tc-9", activity_id="tc9-a")
    write(tmp_path, "09.yaml", english.replace("steps: [Talk to each other.]", "steps: [Sit down., Talk.]"))
    write(
        tmp_path,
        "09.es.yaml",
        """\
        translation_of: tc-9
        language: es
        texts:
          title: Módulo de prueba
          activities.tc9-a.steps.0.text: Hablen.
        """,
    )
    assert validate_paths([tmp_path]) == [
        "09.es.yaml:5: texts.activities.tc9-a.steps.0.text: activities.tc9-a.steps has 2 items in "
        "English but 1 here (lists are translated by position: translate the list again)"
    ]
    curriculum = load_curriculum([tmp_path])
    module, warnings = curriculum.localized(curriculum.module("tc-9"), "es")
    assert module.title == "Módulo de prueba"
    assert [step.text for step in module.activities[0].steps] == ["Sit down.", "Talk."]
    assert "activities.tc9-a.steps has 2 items in English but 1 here" in warnings[0]


def test_a_module_edited_between_two_commands_of_one_process_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The loader keeps what it validated for the next command of the same process (the
    # tests run hundreds): an edit, even one that keeps the size, must be seen at once.
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))

    def shown() -> str:
        result = runner.invoke(app, ["--modules", str(tmp_path), "modules", "show", "tc-9"])
        assert result.exit_code == 0, result.output
        return result.output

    assert "Test module" in shown()
    path.write_text(path.read_text().replace("Test module", "Test modulE"), encoding="utf-8")
    assert "Test modulE" in shown() and "Test module" not in shown()
    broken = path.read_text().replace("duration: 10", "duration: -1")
    path.write_text(broken, encoding="utf-8")
    wanted = "09.yaml:11: activities.0.duration: must be a positive number of minutes\n"
    for _ in range(2):  # a broken file is never kept: the same whole message every time
        result = runner.invoke(app, ["--modules", str(tmp_path), "modules", "show", "tc-9"])
        assert result.exit_code == 1
        assert result.output == wanted
        assert validate_paths([path]) == [wanted.rstrip()]
    path.write_text(broken.replace("duration: -1", "duration: 12"), encoding="utf-8")
    assert "12" in shown()


def test_the_same_file_in_two_folders_is_one_module_each(tmp_path: Path) -> None:
    text = MINIMAL.format(module_id="tc-9", activity_id="tc9-a")
    first, second = write(tmp_path, "a.yaml", text), write(tmp_path, "b.yaml", text)
    assert load_module_file(first) is load_module_file(second)  # validated once
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first.rename(tmp_path / "a" / "09.yaml")
    second.rename(tmp_path / "b" / "09.yaml")
    assert load_curriculum([tmp_path / "a"]).source_of("tc-9") == tmp_path / "a" / "09.yaml"
    assert load_curriculum([tmp_path / "b"]).source_of("tc-9") == tmp_path / "b" / "09.yaml"
    # The plan-field check is part of what was validated: another check validates again.
    linked = write(tmp_path, "c.yaml", text.replace(
        "    key_messages: [Talking helps.]\n",
        "    key_messages: [Talking helps.]\n"
        "    questions:\n      - {id: name, prompt: Name?, kind: short-text, plan_field: cooperative.name}\n",
    ))
    assert load_module_file(linked).activities[0].questions[0].plan_field == "cooperative.name"
    with pytest.raises(ContentError) as caught:
        load_module_file(linked, lambda _name: False)
    assert caught.value.problems[0].endswith(
        "activities.0.questions.0.plan_field: the business plan has no field 'cooperative.name'"
    )


def test_a_settled_file_is_known_by_its_identity_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files last changed long ago (the bundled modules) are not read again while their
    # size and times stay; pretend this one settled long ago.
    monkeypatch.setattr(yamlfile, "_SETTLED_NS", -10**18)
    path = write(tmp_path, "09.yaml", MINIMAL.format(module_id="tc-9", activity_id="tc9-a"))
    first = yamlfile.FileContent(path)
    assert first.stamp and first.text().startswith("id: tc-9")
    assert yamlfile.FileContent(path)._data is None  # known by its identity: nothing read
    path.write_text(path.read_text().replace("Test module", "A new title"), encoding="utf-8")
    again = yamlfile.FileContent(path)
    assert again.stamp != first.stamp and "A new title" in again.text()
    assert load_curriculum([tmp_path]).module("tc-9").title == "A new title"
    monkeypatch.undo()
    # A file changed a moment ago is hashed on every read: a second change within the
    # same tick of the file system's clock would keep its size and times.
    path.write_text(path.read_text().replace("A new title", "A new titlE"), encoding="utf-8")
    assert yamlfile.FileContent(path)._data is not None
    assert yamlfile.FileContent(path)._data is not None


def test_models_validated_from_the_parse_cache_are_the_models_of_the_files() -> None:
    # Through the parse cache pydantic validates the cached JSON text itself (JSON mode);
    # for every bundled file that must give exactly what validating the parsed YAML gives.
    from carecoop.content.loader import content_files, is_programme, is_translation, load_translation_file
    from carecoop.paths import modules_dir

    for path in content_files(modules_dir()):
        if is_programme(path):
            continue
        load = load_translation_file if is_translation(path) else load_module_file
        load(path, cached=True)  # writes the parse cache if this run has not yet
        forget_validated()
        from_cache = load(path, cached=True)
        forget_validated()
        assert from_cache == load(path, cached=False), path
