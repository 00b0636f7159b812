"""The plan wizard and the command line in the workshop's language, and --screen-lang (issue 17)."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from run_session import finish, spawn

from tests.helpers import carecoop_output, english_leftovers

PLAN = """\
cooperative:
  name: Manos Unidas
  country: co
risks:
  - risk: Las familias pagan tarde
"""


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "CARECOOP_LANG", "CARECOOP_SCREEN_LANG"):
        monkeypatch.delenv(variable, raising=False)


def ok(*args: str) -> str:
    return carecoop_output(*args)


def failed(*args: str) -> str:
    return carecoop_output(*args, code=1)


def workshop(workshop_id: str, language: str, country: str, group: str) -> str:
    ok("workshop", "new", "--programme", "start-carecoop", "--title", "Taller", "--id", workshop_id,
       "--date", "2026-12-05", "--lang", language, "--country", country)  # fmt: skip
    ok("participants", "add", workshop_id, "Ana", "--group", group)
    return workshop_id


def test_plan_commands_speak_spanish(tmp_path: Path) -> None:
    ws = workshop("bog", "es", "co", "vendedoras")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    assert ok("plan", ws, "--from", str(plan)) == (
        "Se guardó Manos Unidas para el grupo vendedoras del taller bog. Revíselo con: "
        "carecoop plan check bog --group vendedoras\n"
    )
    assert ok("plan", "check", ws).splitlines()[0] == (
        "Manos Unidas — plan del grupo vendedoras, taller bog (Colombia, COP)"
    )
    out = tmp_path / "plan.json"
    assert ok("export", "plan", ws, "--format", "json", "--out", str(out)) == (
        f"Se escribió el plan del grupo vendedoras: {out}\n"
    )
    assert failed("plan", ws, "--section", "dinero") == (
        "Error: El plan no tiene una parte 'dinero'. Partes: cooperative, members, market, services, "
        "marketing, operations, governance, decent_work, financial, risks, action_plan, bylaws.\n"
    )
    assert failed("plan", ws) == (
        "Error: No hay una terminal donde preguntar; traiga un plan desde un archivo con --from FILE.\n"
    )
    assert ok("participants", "move", ws, "Ana") == "Ana ahora no está en ningún grupo.\n"


def test_screen_lang_keeps_the_screen_in_another_language(monkeypatch: pytest.MonkeyPatch) -> None:
    ws = workshop("nablus", "ar", "ps", "group")
    # The Arabic workshop speaks Arabic; --screen-lang puts French on a screen that cannot shape it.
    # (The first line says the plan comes from the workshop's answers: none is saved yet.)
    arabic = ok("plan", "check", ws).splitlines()
    assert arabic[0].startswith("ليس للمجموعة group خطة محفوظة بعد")
    assert arabic[1].startswith("(لا اسم بعد) — خطة المجموعة group")
    french = ok("plan", "check", ws, "--screen-lang", "fr").splitlines()
    assert french[0].startswith("Le groupe group n'a pas encore de plan enregistré")
    assert french[1] == (
        "(pas encore de nom) — plan du groupe group, atelier nablus (Territoire palestinien occupé, ILS)"
    )
    monkeypatch.setenv("CARECOOP_SCREEN_LANG", "es")
    assert failed("run", ws) == (
        "Error: carecoop run necesita una terminal para hacer sus preguntas; sin ella, registre las "
        "respuestas desde un archivo: carecoop run nablus --answers FILE\n"
    )
    monkeypatch.delenv("CARECOOP_SCREEN_LANG")
    assert failed("run", ws, "--screen-lang", "de") == (
        "خطأ: لا يمكن أن تكون الشاشة بلغة 'de'. اللغات: en, es, fr, ar.\n"
    )
    # The workshop itself stays Arabic: its documents are Arabic.
    assert '"language": "ar"' in ok("workshop", "list", "--json")


def _screen_text(raw: str) -> str:
    """What a terminal shows of prompt_toolkit's and rich's output, escape sequences taken out."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", "", raw)


def test_the_plan_wizard_in_spanish_has_no_english_left() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output
    from rich.console import Console

    from carecoop.cli.plan_prompter import TerminalPlanPrompter
    from carecoop.i18n import use_language
    from carecoop.plan.model import Plan
    from carecoop.plan.wizard import PlanWizard

    screen = io.StringIO()
    console = Console(file=screen, width=80, color_system=None)
    saved: list[Plan] = []
    keys = [
        # the cooperative: a name, a service, then Enter through the rest
        "Manos Unidas\r", "cuidado infantil\r", "\r", "\r", "\r", "\r", "\r", "\r", "\r",
        # risks: add a row, then ask to remove it and answer no with the Spanish key
        "\r", "Las familias pagan tarde\r", "\r", "\r", "un fondo\r", "\x1b[B\x1b[B\r", "\x1b[A\r", "n", "\r",
    ]  # fmt: skip
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm")
    with use_language("es"), create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        wizard = PlanWizard(TerminalPlanPrompter(console), Plan(), saved.append, fallback_country="co")
        pipe.send_text("".join(keys))
        wizard.run("cooperative", only=True)
        wizard.run("risks", only=True)
    text = _screen_text(screen.getvalue())
    assert saved[-1].cooperative.name == "Manos Unidas"
    assert [(r.risk, r.likelihood, r.response) for r in saved[-1].risks] == [
        ("Las familias pagan tarde", "medium", "un fondo")
    ]
    for spanish in (
        "1/12 La cooperativa",
        "Por ejemplo: Cooperativa de cuidado infantil Tiri Pamwe",
        "? Perfil de país co: Colombia",
        "? ¿Quitar la fila 1? No",
        "? Qué tan probable Media",
        "? Riesgos: ¿qué sigue? Listo",
    ):
        assert spanish in text
    assert english_leftovers(text, allowed=frozenset({"Manos", "Unidas"})) == []
    for english in ("Use arrow keys", "(Y/n)", "Yes", "Done", "For example", "Add a row"):
        assert english not in text


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_an_arabic_workshop_planned_on_a_french_screen_shows_no_arabic(carecoop_home: Path) -> None:
    ws = workshop("beyrouth", "ar", "lb", "groupe")
    env = {"CARECOOP_HOME": str(carecoop_home), "CARECOOP_SCREEN_LANG": "fr"}
    screen = io.StringIO()
    child = spawn(["plan", ws, "--section", "risks"], env, rows=24, columns=80)
    child.logfile_read = screen
    child.expect_exact("Passer (aucune ligne)")
    child.send("\r")  # add a row
    child.expect_exact("Laissez vide pour annuler cette ligne.")
    child.send("Les familles paient en retard\r")
    child.expect_exact("Probabilité")
    child.send("\r")  # medium
    child.expect_exact("Gravité")
    child.send("\r")  # medium
    child.expect_exact("Ce que nous faisons")
    child.send("un fonds de solidarité\r")
    child.expect_exact("Enlever une ligne")
    child.sendintr()
    child.expect_exact("Reprenez avec : carecoop plan beyrouth --group groupe --section risks")
    assert finish(child) == 130
    text = _screen_text(screen.getvalue())
    assert not re.findall(r"[\u0600-\u06FF]", text), "Arabic on a French screen"
    assert "(flèches pour bouger, Entrée pour choisir)" in text
    assert english_leftovers(text, allowed=frozenset({"group"})) == []  # --group in the resume command
    # The workshop and its plan stay Arabic and Lebanese: only the screen changed.
    assert '"language": "ar"' in ok("workshop", "list", "--json")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_an_arabic_workshop_run_on_a_spanish_screen_speaks_spanish(carecoop_home: Path) -> None:
    ok("workshop", "new", "--programme", "think-carecoop", "--title", "Beirut", "--id", "beirut",
       "--date", "2026-12-05", "--lang", "ar", "--country", "lb")  # fmt: skip
    ok("participants", "add", "beirut", "Amina", "Rania", "--group", "Sun")
    screen = io.StringIO()
    child = spawn(["run", "beirut", "--screen-lang", "es"], {"CARECOOP_HOME": str(carecoop_home)}, 24, 80)
    child.logfile_read = screen
    child.expect_exact("Ir a otra actividad")
    child.sendintr()
    assert finish(child) == 130
    text = _screen_text(screen.getvalue())
    assert "Nombres y manos que cuidan" in text  # the first activity, from the module's Spanish
    assert "(flechas para moverse, Enter para escoger)" in text
    assert not re.findall(r"[\u0600-\u06FF]", text), "Arabic on a Spanish screen"
    assert english_leftovers(text) == []
