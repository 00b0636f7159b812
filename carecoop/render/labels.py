"""The words printed around the content (headings, column names, page numbers), by key.

Module text comes translated (or English) from the curriculum; these labels give an
Arabic, Spanish or French document its own headings. They are translated through the
gettext catalogs (`carecoop/locale/`) into the document's language, not the screen's;
a language without a catalog gets English.
"""

from __future__ import annotations

from collections.abc import Mapping

from carecoop.i18n import N_, base_language, translate

#: Each label is marked for the catalogs; `labels_for` translates it into a document's language.
_LABELS: dict[str, str] = {
    "hours_attended": N_("{hours} hours of activities"),
    "reader_sheets": N_("Reader's sheets"),
    "cards": N_("Cards to cut"),
    # TRANSLATORS: after a number, in the list of card sets ("3 copies · 7 cards").
    "copies": N_("copies"),
    "cards_count": N_("cards"),
    "reader_hint": N_("For the group's reader: read each step aloud, slowly. Another member keeps the time."),
    "records_group": N_("the group"),
    "records_workshop": N_("everyone together"),
    "records_each": N_("each person"),
    "we_write_down": N_("What we write down"),
    "notes": N_("Notes"),
    "sex": N_("Sex"),
    # TRANSLATORS: the one-letter column values for female and male on the attendance sheet.
    "sex_f": N_("F"),
    "sex_m": N_("M"),
    "sex_other": N_("Other"),
    "run_sheet": N_("Run sheet"),
    "group_records": N_("Group records"),
    "group_records_hint": N_(
        "One copy for the whole group. The group's note-taker fills it in and keeps it."
    ),
    "agenda": N_("Agenda"),
    "handout": N_("Handout"),
    "module": N_("Module"),
    "day": N_("Day"),
    "time": N_("Time"),
    "minutes": N_("Minutes"),
    # TRANSLATORS: short for minutes, after a number ("20 min").
    "min": N_("min"),
    "activity": N_("Activity"),
    "materials": N_("Materials"),
    "preparation": N_("Preparation"),
    "materials_checklist": N_("Materials checklist"),
    "materials_checklist_note": N_("Everything this day needs, once each. Tick it when it is ready."),
    "care_support": N_("Care support for participants"),
    "care_support_none": N_(
        "No care support recorded yet. Ask who needs childcare or other help to take part."
    ),
    # TRANSLATORS: the page footer reads "Page 2 of 5".
    "page": N_("Page"),
    "of": N_("of"),
    "name": N_("Name"),
    "group": N_("Group"),
    "no_group": N_("No group"),
    "date": N_("Date"),
    "place": N_("Place"),
    "facilitator": N_("Facilitator"),
    "programme": N_("Programme"),
    "key_messages": N_("What to remember"),
    "worksheet": N_("My worksheet"),
    "more_from_today": N_("From the activities"),
    "answer_of_group": N_("Answer of group {group}"),
    "answer_of_workshop": N_("Answer of the whole workshop"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "attendance_sheet": N_("Attendance sheet"),
    "signature": N_("Signature"),
    "sign_here": N_("Please sign in the box for each day you are here."),
    "number": N_("No."),
    "walk_ins": N_("New participants"),
    "certificate": N_("Certificate of participation"),
    "certifies": N_("This certifies that"),
    "took_part": N_("took part in"),
    "modules_attended": N_("Modules attended"),
    "signature_facilitator": N_("Signature of the facilitator"),
    "total": N_("Total"),
    "break": N_("Break"),
    "none": N_("None"),
    # The cash plan's charts: axes, legends and captions.
    "chart_cash": N_("Cash at the end of the month"),
    "chart_below_zero": N_("Cash below zero"),
    "chart_break_even": N_("Cumulative break-even (month {month})"),
    "chart_month": N_("Month"),
    "chart_income": N_("Money in (revenue)"),
    "chart_costs": N_("Money out (costs and loan repayments)"),
    "chart_cash_caption": N_(
        "Cash in the box at the end of each month. Below the line, the cooperative cannot pay its bills."
    ),
    "chart_income_caption": N_(
        "Money in against money out each month. Where the bars rise above the line, "
        "the month ends with a surplus."
    ),
}

#: Languages written right to left.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})


def labels_for(language: str) -> Mapping[str, str]:
    """The labels in a language, English where the catalog has none."""
    return {key: translate(label, language) for key, label in _LABELS.items()}


def text_direction(language: str) -> str:
    """`rtl` for Arabic and other right-to-left scripts, else `ltr`."""
    return "rtl" if base_language(language) in RTL_LANGUAGES else "ltr"
