"""The screen speaks the workshop's language, else --lang/CARECOOP_LANG, else the system's (issue 17)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import CliRunner

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


def test_the_run_screen_speaks_the_workshop_language(tmp_path: Path) -> None:
    from rich.console import Console

    from carecoop.cli.run_views import activity_card, agenda_table, step_view
    from carecoop.content.loader import load_curriculum
    from carecoop.i18n import use_language
    from carecoop.workshop.prompter import AgendaEntry
    from carecoop.workshop.schedule import Slot

    module = load_curriculum([]).modules_of("think-carecoop")[0]
    activity = module.activities[0]
    entry = AgendaEntry(0, Slot(module, activity, 1, 9 * 60, None), "", 0)

    def screen(language: str) -> str:
        console = Console(record=True, width=100, file=io.StringIO())
        with use_language(language):
            console.print(agenda_table([entry], 0, "WS"), activity_card(entry, 12), step_view(activity, 0))
        return console.export_text()

    spanish, arabic, english = screen("es"), screen("ar"), screen("en")
    assert "Paso 1 de" in spanish and "leer en voz alta" in spanish and "actividad 1 de 12" in spanish
    assert "Actividad" in spanish and "Respuestas" in spanish
    assert "الخطوة 1 من" in arabic and "النشاط 1 من 12" in arabic
    assert "Step 1 of" in english and "activity 1 of 12" in english


def test_an_answers_file_is_reported_in_the_workshop_language(tmp_path: Path) -> None:
    new_workshop("fr")
    answers = tmp_path / "a.yaml"
    answers.write_text("answers: []\n", encoding="utf-8")
    assert ok("run", "fr", "--answers", str(answers)) == f"0 réponse enregistrée depuis {answers} dans fr.\n"
    result = runner.invoke(app, ["run", "fr", "--answers", str(answers), "--activity", "x"])
    assert result.stderr == "Erreur : utilisez --activity ou --answers, pas les deux.\n"


def test_a_new_spanish_workshop_is_announced_in_spanish() -> None:
    args = ["workshop", "new", "--programme", "think-carecoop", "--title", "Taller", "--id", "t1"]
    args += ["--lang", "es"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Taller creado t1: Taller\n")
    assert "Ahora agregue a las personas participantes, grupo por grupo:" in result.output
    assert current_language() == "en"  # nothing leaks into the next command
