"""The words of the facilitator's guide, per language (other documents' words: labels.py).

The guide is a book with its own headings and a page on how to use it; keeping its words
here keeps labels.py to the words every document shares. A missing word falls back to
English, word by word, as in labels.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from carecoop.i18n import base_language
from carecoop.render.labels import labels_for

_EN: dict[str, str] = {
    "workshop": "Workshop",
    "guide": "Facilitator's guide",
    "for_whom": "For",
    "days": "Workshop days",
    "activity_time": "Time of activities",
    "hours": "{hours} hours",
    "language": "Language",
    "contents": "Contents",
    "credit": "Where this programme comes from",
    "how_to_use": "How to use this guide",
    "how_1": (
        "This guide is for the person who leads the workshop. Read each module the day before you"
        " run it, and get the materials and the room ready."
    ),
    "how_2": (
        "Every activity says why we do it, how long it takes, what to bring and prepare, and the "
        "steps. Read the steps aloud or say them in your own words. The notes beside a step are "
        "for you only."
    ),
    "how_3": (
        "In the groups, one member reads the steps from the reader's sheet and another keeps the "
        "time. Walk between the groups, listen, and help when a group is stuck."
    ),
    "how_4": (
        "The key messages are what everyone should take home. Say them again at the end of the "
        "activity, in your own words."
    ),
    "how_5": (
        "“What gets recorded” lists what to write down or type into carecoop during the activity."
        " The right answers of a quiz are marked ✓: never read them out before people have "
        "answered."
    ),
    "how_6": (
        "“Adapting it” gives ideas for your place and your group. Change the stories, names and "
        "money so they fit; keep the objective."
    ),
    "how_7": (
        "Times are a guide. Watch the room: when people need more time, shorten a later activity,"
        " never the breaks. Plan care support for participants (children, older or sick "
        "relatives) before the day."
    ),
    "day_plan": "The programme at a glance",
    "objectives": "Objectives",
    "roles": "Roles",
    "steps": "Steps",
    "note": "For you",
    "key_messages": "Key messages",
    "recorded": "What gets recorded",
    "right_answer": "right answer",
    "adaptation": "Adapting it",
    "activities": "Activities",
    "nothing_recorded": "Nothing is recorded: the group keeps its own notes.",
}

_AR: dict[str, str] = {
    "workshop": "الورشة",
    "guide": "دليل الميسّر والميسّرة",
    "for_whom": "لمن",
    "days": "أيام الورشة",
    "activity_time": "وقت الأنشطة",
    "hours": "{hours} ساعات",
    "language": "اللغة",
    "contents": "المحتويات",
    "credit": "من أين يأتي هذا البرنامج",
    "how_to_use": "كيف تستعمل هذا الدليل",
    "how_1": "هذا الدليل للشخص الذي يدير الورشة. اقرأ كل وحدة في اليوم الذي قبلها، وجهّز المواد والمكان.",
    "how_2": (
        "كل نشاط يقول لماذا نقوم به، وكم يأخذ من الوقت، وماذا نحضر ونجهّز، وما هي الخطوات. اقرأ "
        "الخطوات بصوت عالٍ أو قلها بكلماتك. الملاحظات بجانب الخطوة هي لك وحدك."
    ),
    "how_3": (
        "في المجموعات، عضو يقرأ الخطوات من ورقة القارئ، وعضو آخر يراقب الوقت. تنقّل بين "
        "المجموعات، واستمع، وساعد المجموعة التي تتوقّف."
    ),
    "how_4": "الرسائل الأساسية هي ما يجب أن يأخذه الجميع معهم. أعِدها في آخر النشاط بكلماتك.",
    "how_5": (
        "«ما يُسجَّل» يذكر ما نكتبه أو ندخله في carecoop أثناء النشاط. الأجوبة الصحيحة في "
        "الاختبار عليها علامة ✓: لا تقرأها قبل أن يجيب الناس."
    ),
    "how_6": (
        "«كيف نكيّفه» يعطي أفكاراً تناسب مكانك ومجموعتك. غيّر القصص والأسماء والمبالغ لتناسب "
        "الناس، واحفظ الهدف."
    ),
    "how_7": (
        "الأوقات للإرشاد. راقب القاعة: إذا احتاج الناس وقتاً أطول، اختصر نشاطاً لاحقاً، ولا تختصر"
        " الاستراحات. خطّط قبل اليوم لرعاية من يعتني بهم المشاركون والمشاركات (الأطفال، أو "
        "الأقارب المسنّون أو المرضى)."
    ),
    "day_plan": "البرنامج في لمحة",
    "objectives": "الأهداف",
    "roles": "الأدوار",
    "steps": "الخطوات",
    "note": "لك",
    "key_messages": "الرسائل الأساسية",
    "recorded": "ما يُسجَّل",
    "right_answer": "الجواب الصحيح",
    "adaptation": "كيف نكيّفه",
    "activities": "الأنشطة",
    "nothing_recorded": "لا شيء يُسجَّل: المجموعة تحتفظ بملاحظاتها.",
}

_ES: dict[str, str] = {
    "workshop": "Taller",
    "guide": "Guía de la persona facilitadora",
    "for_whom": "Para",
    "days": "Días de taller",
    "activity_time": "Tiempo de actividades",
    "hours": "{hours} horas",
    "language": "Idioma",
    "contents": "Contenido",
    "credit": "De dónde viene este programa",
    "how_to_use": "Cómo usar esta guía",
    "how_1": (
        "Esta guía es para quien dirige el taller. Lea cada módulo el día antes de hacerlo y "
        "prepare los materiales y el lugar."
    ),
    "how_2": (
        "Cada actividad dice para qué la hacemos, cuánto dura, qué llevar y preparar, y los "
        "pasos. Lea los pasos en voz alta o dígalos con sus palabras. Las notas junto a un paso "
        "son solo para usted."
    ),
    "how_3": (
        "En los grupos, una persona lee los pasos de la hoja de lectura y otra cuida el tiempo. "
        "Pase por los grupos, escuche y ayude cuando un grupo se atasca."
    ),
    "how_4": (
        "Los mensajes clave son lo que todo el mundo debe llevarse. Repítalos al final de la "
        "actividad con sus palabras."
    ),
    "how_5": (
        "«Lo que se registra» dice qué anotar o escribir en carecoop durante la actividad. Las "
        "respuestas correctas de un cuestionario llevan ✓: no las lea antes de que la gente "
        "responda."
    ),
    "how_6": (
        "«Cómo adaptarla» da ideas para su lugar y su grupo. Cambie las historias, los nombres y "
        "el dinero para que encajen; mantenga el objetivo."
    ),
    "how_7": (
        "Los tiempos son una guía. Mire la sala: si la gente necesita más tiempo, acorte una "
        "actividad posterior, nunca los descansos. Planee antes del día el cuidado de quienes "
        "dependen de las personas participantes (niñas y niños, familiares mayores o enfermos)."
    ),
    "day_plan": "El programa de un vistazo",
    "objectives": "Objetivos",
    "roles": "Roles",
    "steps": "Pasos",
    "note": "Para usted",
    "key_messages": "Mensajes clave",
    "recorded": "Lo que se registra",
    "right_answer": "respuesta correcta",
    "adaptation": "Cómo adaptarla",
    "activities": "Actividades",
    "nothing_recorded": "No se registra nada: el grupo guarda sus propias notas.",
}

_FR: dict[str, str] = {
    "workshop": "Atelier",
    "guide": "Guide de l'animateur et de l'animatrice",
    "for_whom": "Pour",
    "days": "Journées d'atelier",
    "activity_time": "Temps d'activités",
    "hours": "{hours} heures",
    "language": "Langue",
    "contents": "Sommaire",
    "credit": "D'où vient ce programme",
    "how_to_use": "Comment utiliser ce guide",
    "how_1": (
        "Ce guide est pour la personne qui anime l'atelier. Lisez chaque module la veille et "
        "préparez le matériel et la salle."
    ),
    "how_2": (
        "Chaque activité dit pourquoi on la fait, combien de temps elle dure, quoi apporter et "
        "préparer, et ses étapes. Lisez les étapes à voix haute ou dites-les avec vos mots. Les "
        "notes à côté d'une étape sont pour vous seul·e."
    ),
    "how_3": (
        "Dans les groupes, une personne lit les étapes sur la fiche de lecture et une autre garde"
        " le temps. Passez d'un groupe à l'autre, écoutez et aidez un groupe qui bloque."
    ),
    "how_4": (
        "Les messages clés sont ce que chacun·e doit retenir. Redites-les à la fin de l'activité,"
        " avec vos mots."
    ),
    "how_5": (
        "« Ce qu'on note » dit quoi écrire ou saisir dans carecoop pendant l'activité. Les bonnes"
        " réponses d'un quiz sont marquées ✓ : ne les lisez jamais avant que les gens aient "
        "répondu."
    ),
    "how_6": (
        "« L'adapter » donne des idées pour votre lieu et votre groupe. Changez les histoires, "
        "les noms et les sommes pour qu'ils conviennent ; gardez l'objectif."
    ),
    "how_7": (
        "Les durées sont indicatives. Observez la salle : si les gens ont besoin de plus de "
        "temps, raccourcissez une activité suivante, jamais les pauses. Prévoyez avant la journée"
        " la prise en charge des proches des participant·es (enfants, parents âgés ou malades)."
    ),
    "day_plan": "Le programme en un coup d'œil",
    "objectives": "Objectifs",
    "roles": "Rôles",
    "steps": "Étapes",
    "note": "Pour vous",
    "key_messages": "Messages clés",
    "recorded": "Ce qu'on note",
    "right_answer": "bonne réponse",
    "adaptation": "L'adapter",
    "activities": "Activités",
    "nothing_recorded": "Rien n'est noté : le groupe garde ses propres notes.",
}

GUIDE_LABELS: dict[str, dict[str, str]] = {"en": _EN, "ar": _AR, "es": _ES, "fr": _FR}

#: The paragraphs of "How to use this guide", in order.
HOW_TO_KEYS: tuple[str, ...] = ("how_1", "how_2", "how_3", "how_4", "how_5", "how_6", "how_7")


def guide_labels(language: str) -> Mapping[str, str]:
    """The guide's words in a language, on top of the words every document shares.

    The guide's own words are prefixed `g_` so they never hide a shared label.
    """
    own = {**_EN, **GUIDE_LABELS.get(base_language(language), {})}
    return {**labels_for(language), **{f"g_{key}": value for key, value in own.items()}}
