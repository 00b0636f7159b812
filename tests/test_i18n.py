"""The language of the interface: chosen per command, held per context, plurals by the catalog (issue 17)."""

from __future__ import annotations

import threading

import pytest

from carecoop.i18n import (
    _,
    choose_language,
    current_language,
    ngettext,
    reset_language,
    set_language,
    system_language,
    translate,
    use_language,
)


def test_a_message_follows_the_language_of_its_context() -> None:
    assert current_language() == "en"
    with use_language("es-CO"):
        assert current_language() == "es"
        assert _("Agenda") == "Agenda"
        assert _("Attendance sheet") == "Lista de asistencia"
        with use_language("ar"):
            assert _("Attendance sheet") == "ورقة الحضور"
        assert _("Attendance sheet") == "Lista de asistencia"
    assert _("Attendance sheet") == "Attendance sheet"
    assert translate("Attendance sheet", "fr") == "Feuille de présence"


def test_a_language_without_a_catalog_is_english() -> None:
    with use_language("sw"):
        assert current_language() == "en"
        assert _("Attendance sheet") == "Attendance sheet"


def test_each_thread_keeps_its_own_language() -> None:
    seen: dict[str, str] = {}

    def render(language: str) -> None:
        with use_language(language):
            seen[language] = _("Attendance sheet")

    threads = [threading.Thread(target=render, args=(code,)) for code in ("ar", "es", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"ar": "ورقة الحضور", "es": "Lista de asistencia", "en": "Attendance sheet"}


def test_set_language_returns_a_token_to_go_back() -> None:
    token = set_language("fr")
    assert current_language() == "fr"
    reset_language(token)
    assert current_language() == "en"


@pytest.mark.parametrize(
    ("count", "form"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (11, 4), (99, 4), (100, 5), (102, 5), (103, 3), (111, 4)],
)
def test_arabic_has_six_plural_forms(count: int, form: int) -> None:
    from carecoop.i18n import translations

    plural = translations("ar").plural  # type: ignore[attr-defined]
    assert plural(count) == form


ADDED = (
    "Added {count} participant to {workshop}: {names}",
    "Added {count} participants to {workshop}: {names}",
)


def test_plurals_pick_the_form_for_the_number() -> None:
    assert ngettext(*ADDED, 1) == ADDED[0]
    assert ngettext(*ADDED, 2) == ADDED[1]
    with use_language("fr"):
        # French says 0 in the singular.
        assert ngettext(*ADDED, 0) == ngettext(*ADDED, 1) != ngettext(*ADDED, 2)
    with use_language("ar"):
        assert "شخصان" in ngettext(*ADDED, 2)
        assert "أشخاص" in ngettext(*ADDED, 3) and "أشخاص" in ngettext(*ADDED, 10)
        assert "شخصًا" in ngettext(*ADDED, 11) and "شخصًا" in ngettext(*ADDED, 99)


def test_the_workshop_comes_first_then_the_option_then_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert choose_language("ar-LB", "es") == "ar"
    assert choose_language(None, "es") == "es"
    assert choose_language("sw", "fr") == "fr"  # no Swahili catalog: the facilitator's choice
    assert choose_language(None, None) == "en"
    monkeypatch.setenv("LANG", "fr_SN.UTF-8")
    assert system_language() == "fr" and choose_language(None, None) == "fr"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert system_language() is None
    monkeypatch.setenv("LANGUAGE", "de:es")
    assert system_language() == "es"
    monkeypatch.setenv("LC_ALL", "ar_EG.UTF-8")
    monkeypatch.delenv("LANGUAGE")
    assert choose_language(None, None) == "ar"


def test_plan_check_warnings_follow_the_language() -> None:
    from carecoop.countries.profiles import load_profile
    from carecoop.plan.checks import check_plan
    from carecoop.plan.model import Plan

    def messages(language: str) -> list[str]:
        with use_language(language):
            return [finding.message for finding in check_plan(Plan(), load_profile("co")).findings]

    assert "The section 'The cooperative' is empty." in messages("en")
    assert "La sección 'La cooperativa' está vacía." in messages("es")
    assert "La partie 'La coopérative' est vide." in messages("fr")
    assert "القسم 'التعاونية' فارغ." in messages("ar")
