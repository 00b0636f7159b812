"""The expert review's corrections (issue 13) stay corrected, in English, Arabic and Spanish.

Each test fails if an old wrong text or fact comes back, or if a new fact goes missing from
one of the three languages.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.content.curriculum import Curriculum
from carecoop.content.loader import load_curriculum
from carecoop.content.models import Activity, Module

LANGUAGES = ("en", "ar", "es")
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_curriculum()


def localized(curriculum: Curriculum, module_id: str, language: str) -> Module:
    module, _ = curriculum.localized(curriculum.module(module_id), language)
    return module


def text(curriculum: Curriculum, module_id: str, language: str) -> str:
    return localized(curriculum, module_id, language).model_dump_json()


def activity(curriculum: Curriculum, activity_id: str, language: str) -> Activity:
    found = curriculum.find_activity(activity_id)
    assert found is not None, activity_id
    module = localized(curriculum, found[0].id, language)
    return next(a for a in module.activities if a.id == activity_id)


def all_think_text(curriculum: Curriculum, language: str) -> str:
    return " ".join(text(curriculum, m.id, language) for m in curriculum.modules_of("think-carecoop"))


# 1. tc-5: worker-members are not protected by labour law everywhere.
OLD_WORK_LAW = {
    "en": "The work laws still protect you",
    "ar": "وقوانين العمل تبقى تحميكم",
    "es": "las leyes del trabajo las siguen protegiendo",
}
NOT_EMPLOYEES = {"en": "are not employees", "ar": "ليسوا موظّفين", "es": "no son empleadas"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_tc5_says_what_is_true_about_worker_members(curriculum: Curriculum, language: str) -> None:
    assert OLD_WORK_LAW[language] not in text(curriculum, "tc-5", language)
    step = activity(curriculum, "tc5-decent-work", language).steps[8]
    assert step.note is not None
    assert "cooperativa de trabajo asociado" in step.note
    assert NOT_EMPLOYEES[language] in step.note


# 2. tc-3: Friday and Ramadan are planned around prayer and fasting, not by withholding food.
OLD_RAMADAN = {"en": "do not serve food", "ar": "ولا تقدّموا الطعام", "es": "no sirvan comida"}
IFTAR = {"en": "iftar", "ar": "للإفطار", "es": "iftar"}
FRIDAY_PRAYER = {"en": "midday prayer", "ar": "لصلاة الجمعة", "es": "oración del mediodía"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_ramadan_advice_is_what_a_facilitator_from_the_region_gives(
    curriculum: Curriculum, language: str
) -> None:
    assert OLD_RAMADAN[language] not in all_think_text(curriculum, language)
    lunch = " ".join(activity(curriculum, "tc3-lunch", language).adaptation)
    assert IFTAR[language] in lunch and FRIDAY_PRAYER[language] in lunch


# 3. tc-4: the Beirut story says what a migrant worker under kafala risks, and where to go.
OLD_BEIRUT = {
    "en": "Joy is from the Philippines. Tigist is from Ethiopia. Each used to work",
    "ar": "جوي من الفلبين. تيغيست من إثيوبيا. كانت كل واحدة",
    "es": "Joy es de Filipinas. Tigist es de Etiopía. Antes cada una",
}
KAFALA = {"en": "kafala", "ar": "الكفالة", "es": "kafala"}
ADVICE = {"en": "legal advice", "ar": "استشارة قانونية", "es": "asesoría legal"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_beirut_story_is_honest_about_kafala(curriculum: Curriculum, language: str) -> None:
    stories = activity(curriculum, "tc4-stories-from-many-places", language)
    story = " ".join(step.text for step in stories.steps)
    assert OLD_BEIRUT[language] not in story
    joy_and_tigist = stories.steps[7].text
    assert KAFALA[language] in joy_and_tigist and ADVICE[language] in joy_and_tigist
    assert KAFALA[language] in " ".join(stories.handout.key_messages if stories.handout else [])


# 4. The knowledge check: no ambiguous fair-pay item, no recall of stories, principle 1 right.
OLD_ITEMS = {
    "en": ["less than the minimum wage?", "Who can start a care cooperative?",
           "What is the 5R about?", "The mayor gives a care cooperative a free room"],
    "ar": ["أقلّ من الحدّ الأدنى للأجور؟", "من يستطيع أن يؤسّس تعاونية رعاية؟",
           "عن ماذا تتكلّم فكرة الـ5R؟", "رئيس البلدية يعطي تعاونية رعاية غرفة مجاناً"],
    "es": ["menos del salario mínimo?", "¿Quién puede crear una cooperativa de cuidado?",
           "¿De qué se tratan las 5R?", "El alcalde le da a una cooperativa de cuidado un salón"],
}
ANYONE_CAN_JOIN = {
    "en": "anyone can join",
    "ar": "كل شخص يستطيع أن ينضمّ",
    "es": "cualquier persona puede entrar",
}
WITHOUT_DISCRIMINATION = {"en": "Nobody is turned away", "ar": "لا يُرَدّ أحد", "es": "A nadie se le cierra"}
COLOURS = {"en": ("red", "yellow", "blue"), "ar": ("أحمر", "أصفر", "أزرق"),
           "es": ("roja", "amarilla", "azul")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_knowledge_check_items_test_understanding(curriculum: Curriculum, language: str) -> None:
    before = activity(curriculum, "tc1-knowledge-before", language)
    prompts = " ".join(q.prompt for q in before.questions)
    for old in OLD_ITEMS[language]:
        assert old not in prompts
    fair = before.question("fair-price")
    assert fair is not None and fair.correct == "other-payers"


@pytest.mark.parametrize("language", LANGUAGES)
def test_principle_one_is_open_to_all_who_use_it_and_accept_its_duties(
    curriculum: Curriculum, language: str
) -> None:
    assert ANYONE_CAN_JOIN[language] not in all_think_text(curriculum, language).lower()
    first_rule = activity(curriculum, "tc3-seven-principles", language).steps[2].text
    assert WITHOUT_DISCRIMINATION[language] in first_rule


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_answer_key_read_out_after_the_quiz_matches_the_questions(
    curriculum: Curriculum, language: str
) -> None:
    """The note gives each right answer's colour; the colour follows the answer's place."""
    questions = activity(curriculum, "tc1-knowledge-before", language).questions
    expected = [COLOURS[language][q.choice_ids.index(str(q.correct))] for q in questions]
    note = activity(curriculum, "tc6-knowledge-after", language).steps[4].note or ""
    pattern = "|".join(COLOURS[language])
    assert re.findall(rf"\(({pattern})\)", note) == expected


# 5. Timing: a full day a real room can keep, that the opening step announces honestly.
DAY_END = {"en": "half past four", "ar": "الرابعة والنصف", "es": "cuatro y media"}
ROOMY = {
    "tc1-knowledge-before": 15,
    "tc6-knowledge-after": 12,
    "tc1-expectations": 10,
    "tc4-who-owns-what": 15,
    "tc5-who-decides-what": 15,
    "tc5-assembly-vote": 20,
    "tc5-decent-work": 15,
}


def test_think_carecoop_gives_the_crowded_activities_room(curriculum: Curriculum) -> None:
    for activity_id, minutes in ROOMY.items():
        found = curriculum.find_activity(activity_id)
        assert found is not None and found[1].duration >= minutes, activity_id
    assert curriculum.module("tc-5").activity_minutes >= 70


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_day_ends_when_the_welcome_says(curriculum: Curriculum, language: str) -> None:
    programme = curriculum.programmes["think-carecoop"]
    total = sum(m.minutes for m in curriculum.modules_of("think-carecoop"))
    end = datetime.strptime(programme.day_start, "%H:%M") + timedelta(minutes=total)
    assert "16:00" < end.strftime("%H:%M") <= "16:30"
    assert DAY_END[language] in activity(curriculum, "tc1-welcome-circle", language).steps[5].text


# 6. The seeds' lessons.
SEEDS = {
    "en": {"tc-1": ["environment", "spiritual", "cares for an adult"], "tc-4": ["Egypt", "Minya"],
           "tc-6": ["exchange visit", "already a cooperative"]},
    "ar": {"tc-1": ["البيئة", "الروحية", "بشخص كبير"], "tc-4": ["مصر", "المنيا"],
           "tc-6": ["زيارة تبادل", "أصلاً تعاونية"]},
    "es": {"tc-1": ["ambiente", "espiritual", "persona adulta"], "tc-4": ["Egipto", "Minya"],
           "tc-6": ["visita de intercambio", "ya es una cooperativa"]},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seeds_lessons_are_in_the_modules(curriculum: Curriculum, language: str) -> None:
    for module_id, phrases in SEEDS[language].items():
        module_text = text(curriculum, module_id, language)
        for phrase in phrases:
            assert phrase in module_text, f"{module_id} {language} lacks {phrase!r}"
    story = activity(curriculum, "tc4-stories-from-many-places", language).question("story")
    assert story is not None and "minya-nursery" in story.choice_ids


# 7. Country notes, with their sources.
COUNTRY_FACTS = ["Decreto 4588 de 2006", "Ley 1233 de 2008", "Ley 1429 de 2010", "Supersolidaria",
                 "1946", "2003", "2025"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_notes_name_their_laws(curriculum: Curriculum, language: str) -> None:
    notes = " ".join(activity(curriculum, "tc5-decent-work", language).adaptation)
    for fact in COUNTRY_FACTS:
        assert fact in notes, f"{language}: {fact}"
    assert KAFALA[language] in notes


def test_start_carecoop_country_notes_name_their_laws(curriculum: Curriculum) -> None:
    setting_up = curriculum.module("sc-4").model_dump_json()
    for fact in COUNTRY_FACTS[:4] + ["Ley 79 de 1988", "No. 149 of 2019"]:
        assert fact in setting_up, fact


def test_every_percent_in_a_note_names_its_source(curriculum: Curriculum) -> None:
    """A figure in an adaptation note (a legal share of a surplus) says which law, of which year."""
    unsourced = []
    for module in curriculum.modules:
        for each in module.activities:
            for note in each.adaptation:
                if re.search(r"\d+ ?(percent|%)", note) and not re.search(
                    r"(Ley|Law|Decreto|Decree|Act)\b[^.]*\b(19|20)\d\d", note
                ):
                    unsourced.append(f"{each.id}: {note[:60]}")
    assert unsourced == []


# 8. Credit.
CREDIT_FACTS = ["independent, original implementation", "Think.COOP", "Start.COOP",
                "Think.CareCoop", "Start.CareCoop", "not an ILO product", "ilo.org", "(COOP)"]


def test_programmes_carry_the_credit(curriculum: Curriculum) -> None:
    for programme in curriculum.programmes.values():
        assert programme.credit is not None
        for fact in CREDIT_FACTS:
            assert fact in programme.credit, (programme.id, fact)


def test_modules_show_prints_a_programme_with_its_credit() -> None:
    result = CliRunner().invoke(app, ["modules", "show", "start-carecoop"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Start.CareCoop  [start-carecoop]" in result.output
    assert "Credit" in result.output
    assert "not an ILO product" in result.output and "ilo.org" in result.output


def test_readme_gives_the_credit() -> None:
    readme = " ".join(README.read_text(encoding="utf-8").split())
    for fact in CREDIT_FACTS:
        assert fact in readme, fact


# 9. The language points.
def test_arabic_has_a_natural_home_group_and_one_word_for_a_share(curriculum: Curriculum) -> None:
    arabic = all_think_text(curriculum, "ar")
    assert re.findall(r"مجموع\S*\s+(?:الأم|أمّ|أم)\b", arabic) == []
    assert "المجموعة الثابتة" in arabic or "المجموعات الثابتة" in arabic
    for other_word in ("حصة صغيرة", "حصّة صغيرة", "سهم العضو ", "سهم العضو،", "سهم العضو."):
        assert other_word not in arabic
    for module_id in ("tc-3", "tc-5", "tc-6"):
        assert "سهم عضوية" in text(curriculum, module_id, "ar") or "سهم العضوية" in text(
            curriculum, module_id, "ar"
        ), module_id


def test_arabic_names_the_jamiya_and_glosses_egyptian_terms(curriculum: Curriculum) -> None:
    savings = activity(curriculum, "tc6-other-options", "ar").steps[2]
    assert "«الجمعية»" in savings.text
    tc5 = text(curriculum, "tc-5", "ar")
    for egyptian in ("الجمعية العمومية", "التأمينات", "الفيش", "الوحدة المحلية"):
        assert egyptian in tc5, egyptian


def test_spanish_slips_and_colombian_examples(curriculum: Curriculum) -> None:
    spanish = all_think_text(curriculum, "es")
    assert "se tratan de" not in spanish.lower()
    for foreign in ("mukando", "stokvel", "tontine"):
        assert foreign not in spanish.lower(), foreign
    protection = activity(curriculum, "tc5-decent-work", "es").steps[4].note or ""
    assert "EPS" in protection and "ARL" in protection and "NSSA" not in protection


def test_country_profiles_note_who_labour_law_leaves_out() -> None:
    from carecoop.countries.profiles import load_profile

    colombia = " ".join(load_profile("co").notes)
    for fact in COUNTRY_FACTS[:4]:
        assert fact in colombia, fact
    for code, law in (("lb", "1946"), ("eg", "No. 14 of 2025")):
        notes = " ".join(load_profile(code).notes)
        assert "Domestic workers are left out" in notes and law in notes, code
    assert "kafala" in " ".join(load_profile("lb").notes)


# The Arabic review of tc-3 to tc-5, read as a facilitator from Lebanon or Egypt would.
def test_card_a_shows_open_membership_without_putting_a_migrant_worker_at_risk(
    curriculum: Curriculum,
) -> None:
    for language, place in (("en", "Nablus"), ("ar", "نابلس"), ("es", "Nablus")):
        card_set = activity(curriculum, "tc3-matching-game", language).card_sets[0]
        card_a = card_set.cards[0].text
        assert card_a is not None and place in card_a, language


def test_arabic_review_terms(curriculum: Curriculum) -> None:
    tc3 = text(curriculum, "tc-3", "ar")
    assert "المساعدة الذاتية" not in tc3 and "الاعتماد على الذات" in tc3
    assert "الشفافية" in tc3 and "«الحاجّة»" in tc3
    tc4 = activity(curriculum, "tc4-who-owns-what", "ar")
    assert "الجامع" in tc4.steps[2].text and "جمعية أهلية" in tc4.steps[2].text
    assert "الوحدة الصحية" in tc4.steps[3].text


def test_arabic_names_principle_two_as_arab_cooperative_bodies_do(curriculum: Curriculum) -> None:
    """«الرقابة» reads as surveillance; principle 2 is «الإدارة الديمقراطية من قبل الأعضاء»."""
    arabic = all_think_text(curriculum, "ar")
    assert "الرقابة الديمقراطية" not in arabic and "رقابة ديمقراطية" not in arabic
    assert "الإدارة الديمقراطية من قبل الأعضاء" in text(curriculum, "tc-3", "ar")


SYRIAN_PERMIT = {"en": "work permit", "ar": "إجازة عمل", "es": "permiso de trabajo"}
UNRECOGNISED = {"en": "does not recognise", "ar": "لا تعترف", "es": "no lo reconoce"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_beirut_story_says_what_a_syrian_refugee_needs_and_the_union_is_not_recognised(
    curriculum: Curriculum, language: str
) -> None:
    story = activity(curriculum, "tc4-stories-from-many-places", language)
    rima = story.steps[5]
    assert SYRIAN_PERMIT[language] in rima.text and rima.note
    helped_by = story.steps[6].text
    assert "union" not in helped_by and "نقابة" not in helped_by and "sindicato" not in helped_by
    assert UNRECOGNISED[language] in (story.steps[7].note or "")
    lebanon = activity(curriculum, "tc5-decent-work", language).adaptation[6]
    assert SYRIAN_PERMIT[language] in lebanon
