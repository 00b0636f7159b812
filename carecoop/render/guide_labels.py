"""The words of the facilitator's guide (other documents' words: labels.py).

The guide is a book with its own headings and a page on how to use it; keeping its words
here keeps labels.py to the words every document shares. They are translated through the
gettext catalogs into the guide's language, as labels.py does; a language without a
catalog gets English.
"""

from __future__ import annotations

from collections.abc import Mapping

from carecoop.i18n import N_, translate
from carecoop.render.labels import labels_for

_GUIDE: dict[str, str] = {
    "workshop": N_("Workshop"),
    "guide": N_("Facilitator's guide"),
    # TRANSLATORS: on the guide's cover, before the people the programme is for.
    "for_whom": N_("For"),
    "days": N_("Workshop days"),
    "activity_time": N_("Time of activities"),
    "hours": N_("{hours} hours"),
    "language": N_("Language"),
    "contents": N_("Contents"),
    "credit": N_("Where this programme comes from"),
    "how_to_use": N_("How to use this guide"),
    "how_1": N_(
        "This guide is for the person who leads the workshop. Read each module the day before you"
        " run it, and get the materials and the room ready."
    ),
    "how_2": N_(
        "Every activity says why we do it, how long it takes, what to bring and prepare, and the "
        "steps. Read the steps aloud or say them in your own words. The notes beside a step are "
        "for you only."
    ),
    "how_3": N_(
        "In the groups, one member reads the steps from the reader's sheet and another keeps the "
        "time. Walk between the groups, listen, and help when a group is stuck."
    ),
    "how_4": N_(
        "The key messages are what everyone should take home. Say them again at the end of the "
        "activity, in your own words."
    ),
    "how_5": N_(
        "“What gets recorded” lists what to write down or type into carecoop during the activity."
        " The right answers of a quiz are marked ✓: never read them out before people have "
        "answered."
    ),
    "how_6": N_(
        "“Adapting it” gives ideas for your place and your group. Change the stories, names and "
        "money so they fit; keep the objective."
    ),
    "how_7": N_(
        "Times are a guide. Watch the room: when people need more time, shorten a later activity,"
        " never the breaks. Plan care support for participants (children, older or sick "
        "relatives) before the day."
    ),
    "day_plan": N_("The programme at a glance"),
    "objectives": N_("Objectives"),
    "roles": N_("Roles"),
    "steps": N_("Steps"),
    # TRANSLATORS: before a step's note that only the facilitator reads.
    "note": N_("For you"),
    "key_messages": N_("Key messages"),
    "recorded": N_("What gets recorded"),
    "right_answer": N_("right answer"),
    "adaptation": N_("Adapting it"),
    "activities": N_("Activities"),
    "nothing_recorded": N_("Nothing is recorded: the group keeps its own notes."),
    "card_index": N_("Card sets to print"),
    "card_index_hint": N_(
        "Every card set of the programme, in the order the activities use them. Print them with "
        "carecoop export cards; cut and sort them before the day."
    ),
    "card_set": N_("Card set"),
    "card_count": N_("Cards"),
    "card_copies": N_("Copies"),
    "used_on": N_("Used on page"),
    # TRANSLATORS: how many copies of a card set to print (the index of card sets).
    "copies_room": N_("one for the room"),
    "copies_group": N_("one per group"),
    "copies_person": N_("one per person"),
    "copies_extra": N_("+{extra} more"),
    "glossary": N_("Words we use"),
    "glossary_hint": N_(
        "The programme's key words, said simply. Use these words in the workshop, and explain "
        "each one with an example from the group's own care work."
    ),
}

#: The paragraphs of "How to use this guide", in order.
HOW_TO_KEYS: tuple[str, ...] = ("how_1", "how_2", "how_3", "how_4", "how_5", "how_6", "how_7")


def guide_labels(language: str) -> Mapping[str, str]:
    """The guide's words in a language, on top of the words every document shares.

    The guide's own words are prefixed `g_` so they never hide a shared label.
    """
    own = {f"g_{key}": translate(label, language) for key, label in _GUIDE.items()}
    return {**labels_for(language), **own}
