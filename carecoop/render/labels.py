"""The words printed around the content (headings, column names, page numbers) per language.

Module text comes translated (or English) from the curriculum; these labels make sure an
Arabic, Spanish or French document at least has its own headings. A language that is
missing here falls back to English, label by label.
"""

from __future__ import annotations

from collections.abc import Mapping

_EN: dict[str, str] = {
    "notes": "Notes",
    "sex": "Sex",
    "sex_f": "F",
    "sex_m": "M",
    "sex_other": "Other",
    "run_sheet": "Run sheet",
    "group_records": "Group records",
    "group_records_hint": "One copy for the whole group. The group's note-taker fills it in and keeps it.",
    "agenda": "Agenda",
    "handout": "Handout",
    "module": "Module",
    "day": "Day",
    "time": "Time",
    "minutes": "Minutes",
    "min": "min",
    "activity": "Activity",
    "materials": "Materials",
    "preparation": "Preparation",
    "materials_checklist": "Materials checklist",
    "materials_checklist_note": "Everything this day needs, once each. Tick it when it is ready.",
    "care_support": "Care support for participants",
    "care_support_none": "No care support recorded yet. Ask who needs childcare or other help to take part.",
    "page": "Page",
    "of": "of",
    "name": "Name",
    "group": "Group",
    "no_group": "No group",
    "date": "Date",
    "place": "Place",
    "facilitator": "Facilitator",
    "programme": "Programme",
    "key_messages": "What to remember",
    "worksheet": "My worksheet",
    "more_from_today": "From the activities",
    "answer_of_group": "Answer of group {group}",
    "answer_of_workshop": "Answer of the whole workshop",
    "yes": "Yes",
    "no": "No",
    "attendance_sheet": "Attendance sheet",
    "signature": "Signature",
    "sign_here": "Please sign in the box for each day you are here.",
    "number": "No.",
    "walk_ins": "New participants",
    "certificate": "Certificate of participation",
    "certifies": "This certifies that",
    "took_part": "took part in",
    "modules_attended": "Modules attended",
    "signature_facilitator": "Signature of the facilitator",
    "total": "Total",
    "break": "Break",
    "none": "None",
}

_AR: dict[str, str] = {
    "notes": "ملاحظات",
    "sex": "الجنس",
    "sex_f": "أنثى",
    "sex_m": "ذكر",
    "sex_other": "آخر",
    "run_sheet": "دليل سير اليوم",
    "group_records": "سجلات المجموعة",
    "group_records_hint": "نسخة واحدة للمجموعة كلها. يملؤها كاتب المجموعة ويحتفظ بها.",
    "agenda": "جدول الأعمال",
    "handout": "نشرة",
    "module": "الوحدة",
    "day": "اليوم",
    "time": "الوقت",
    "minutes": "الدقائق",
    "min": "دقيقة",
    "activity": "النشاط",
    "materials": "المواد",
    "preparation": "التحضير",
    "materials_checklist": "قائمة المواد",
    "materials_checklist_note": "كل ما يحتاجه هذا اليوم، مرة واحدة. ضع علامة عندما يكون جاهزاً.",
    "care_support": "دعم الرعاية للمشاركين",
    "care_support_none": "لم يُسجَّل دعم رعاية بعد. اسأل من يحتاج إلى رعاية الأطفال أو مساعدة أخرى للمشاركة.",
    "page": "صفحة",
    "of": "من",
    "name": "الاسم",
    "group": "المجموعة",
    "no_group": "بدون مجموعة",
    "date": "التاريخ",
    "place": "المكان",
    "facilitator": "الميسّر",
    "programme": "البرنامج",
    "key_messages": "ما يجب أن نتذكره",
    "worksheet": "ورقة العمل",
    "more_from_today": "من الأنشطة",
    "answer_of_group": "إجابة المجموعة {group}",
    "answer_of_workshop": "إجابة الورشة كلها",
    "yes": "نعم",
    "no": "لا",
    "attendance_sheet": "ورقة الحضور",
    "signature": "التوقيع",
    "sign_here": "يرجى التوقيع في الخانة لكل يوم تحضر فيه.",
    "number": "رقم",
    "walk_ins": "مشاركون جدد",
    "certificate": "شهادة مشاركة",
    "certifies": "نشهد بأن",
    "took_part": "شارك في",
    "modules_attended": "الوحدات التي حضرها",
    "signature_facilitator": "توقيع الميسّر",
    "total": "المجموع",
    "break": "استراحة",
    "none": "لا شيء",
}

_ES: dict[str, str] = {
    "notes": "Notas",
    "sex": "Sexo",
    "sex_f": "M",
    "sex_m": "H",
    "sex_other": "Otro",
    "run_sheet": "Guion de la sesión",
    "group_records": "Registros del grupo",
    "group_records_hint": (
        "Una sola copia para todo el grupo. La persona que toma notas la llena y la guarda."
    ),
    "agenda": "Agenda",
    "handout": "Hoja para participantes",
    "module": "Módulo",
    "day": "Día",
    "time": "Hora",
    "minutes": "Minutos",
    "min": "min",
    "activity": "Actividad",
    "materials": "Materiales",
    "preparation": "Preparación",
    "materials_checklist": "Lista de materiales",
    "materials_checklist_note": "Todo lo que necesita este día, una sola vez. Márquelo cuando esté listo.",
    "care_support": "Apoyo de cuidados para participantes",
    "care_support_none": (
        "Aún no hay apoyo de cuidados registrado. Pregunte quién necesita cuidado infantil u otra ayuda."
    ),
    "page": "Página",
    "of": "de",
    "name": "Nombre",
    "group": "Grupo",
    "no_group": "Sin grupo",
    "date": "Fecha",
    "place": "Lugar",
    "facilitator": "Facilitador/a",
    "programme": "Programa",
    "key_messages": "Para recordar",
    "worksheet": "Mi hoja de trabajo",
    "more_from_today": "De las actividades",
    "answer_of_group": "Respuesta del grupo {group}",
    "answer_of_workshop": "Respuesta de todo el taller",
    "yes": "Sí",
    "no": "No",
    "attendance_sheet": "Lista de asistencia",
    "signature": "Firma",
    "sign_here": "Firme en la casilla de cada día en que esté presente.",
    "number": "N.º",
    "walk_ins": "Nuevos participantes",
    "certificate": "Certificado de participación",
    "certifies": "Se certifica que",
    "took_part": "participó en",
    "modules_attended": "Módulos a los que asistió",
    "signature_facilitator": "Firma del facilitador/a",
    "total": "Total",
    "break": "Pausa",
    "none": "Ninguno",
}

_FR: dict[str, str] = {
    "notes": "Notes",
    "sex": "Sexe",
    "sex_f": "F",
    "sex_m": "H",
    "sex_other": "Autre",
    "run_sheet": "Déroulé détaillé",
    "group_records": "Registres du groupe",
    "group_records_hint": (
        "Un seul exemplaire pour tout le groupe. La personne qui prend les notes le remplit et le garde."
    ),
    "agenda": "Programme de la journée",
    "handout": "Fiche participant",
    "module": "Module",
    "day": "Jour",
    "time": "Heure",
    "minutes": "Minutes",
    "min": "min",
    "activity": "Activité",
    "materials": "Matériel",
    "preparation": "Préparation",
    "materials_checklist": "Liste du matériel",
    "materials_checklist_note": "Tout ce dont ce jour a besoin, une seule fois. Cochez quand c'est prêt.",
    "care_support": "Soutien aux soins pour les participants",
    "care_support_none": (
        "Aucun soutien aux soins prévu. Demandez qui a besoin d'une garde d'enfants ou d'une autre aide."
    ),
    "page": "Page",
    "of": "sur",
    "name": "Nom",
    "group": "Groupe",
    "no_group": "Sans groupe",
    "date": "Date",
    "place": "Lieu",
    "facilitator": "Animateur/trice",
    "programme": "Programme",
    "key_messages": "À retenir",
    "worksheet": "Ma fiche de travail",
    "more_from_today": "Des activités",
    "answer_of_group": "Réponse du groupe {group}",
    "answer_of_workshop": "Réponse de tout l'atelier",
    "yes": "Oui",
    "no": "Non",
    "attendance_sheet": "Feuille de présence",
    "signature": "Signature",
    "sign_here": "Signez dans la case de chaque jour où vous êtes présent·e.",
    "number": "N°",
    "walk_ins": "Nouveaux participants",
    "certificate": "Certificat de participation",
    "certifies": "Nous certifions que",
    "took_part": "a participé à",
    "modules_attended": "Modules suivis",
    "signature_facilitator": "Signature de l'animateur/trice",
    "total": "Total",
    "break": "Pause",
    "none": "Aucun",
}

LABELS: dict[str, dict[str, str]] = {"en": _EN, "ar": _AR, "es": _ES, "fr": _FR}

#: Languages written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})


def base_language(language: str) -> str:
    """`ar-PS` → `ar`."""
    return language.split("-")[0].lower()


def labels_for(language: str) -> Mapping[str, str]:
    """The labels of a language, English where a label is missing."""
    return {**_EN, **LABELS.get(base_language(language), {})}


def text_direction(language: str) -> str:
    """`rtl` for Arabic and other right-to-left scripts, else `ltr`."""
    return "rtl" if base_language(language) in RTL_LANGUAGES else "ltr"
