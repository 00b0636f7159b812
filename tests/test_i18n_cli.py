"""The screen speaks the workshop's language, else --lang/CARECOOP_LANG, else the system's (issue 17)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from carecoop.cli.app import app
from carecoop.i18n import current_language

runner = CliRunner()


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "CARECOOP_LANG"):
        monkeypatch.delenv(variable, raising=False)


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def new_workshop(language: str) -> str:
    ok("workshop", "new", "--programme", "think-carecoop", "--title", "Care day", "--id", language,
       "--date", "2026-12-05", "--lang", language)  # fmt: skip
    return language


def test_an_arabic_workshop_speaks_arabic_and_a_spanish_one_spanish() -> None:
    arabic, spanish = new_workshop("ar"), new_workshop("es")
    assert ok("participants", "add", arabic, "Amina", "Rania", "Salma") == (
        "أُضيف 3 أشخاص إلى ar: Amina, Rania, Salma\n"
    )
    assert ok("participants", "add", spanish, "Lucía", "--group", "Sol") == (
        "Se agregó 1 participante a es en el grupo Sol: Lucía\n"
    )
    # The workshop's language wins over the facilitator's --lang; the next command is English again.
    again = ok("--lang", "fr", "participants", "add", spanish, "Lucía")
    assert again == "Ya están en es (sin cambios): Lucía\n"
    assert ok("participants", "list", "ar").splitlines()[0] == "المشاركون في ar"
    assert current_language() == "en"


def test_without_a_workshop_the_screen_follows_lang_then_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ok("--lang", "fr", "workshop", "list").startswith("Pas encore d'atelier. Créez-en un avec :\n")
    monkeypatch.setenv("CARECOOP_LANG", "es-CO")
    assert ok("workshop", "list").startswith("Todavía no hay talleres. Cree uno con:\n")
    monkeypatch.delenv("CARECOOP_LANG")
    monkeypatch.setenv("LANG", "ar_LB.UTF-8")
    assert ok("workshop", "list").startswith("لا توجد ورش بعد. أنشئوا ورشة بالأمر:\n")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert ok("workshop", "list").startswith("No workshops yet. Create one with:\n")


def test_an_error_is_shown_in_the_screen_language() -> None:
    result = runner.invoke(app, ["--lang", "es", "participants", "add", "nope", "X"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    result = runner.invoke(app, ["--lang", "fr", "participants", "add", "nope", "X"])
    assert result.stderr.startswith("Erreur : ")
