"""Which kind of care a group is founding, read from its own answers, so forms fit it.

A childcare group's interview sheet asks about children; a home-care group's asks about
the person who needs care. The kind comes from what the group said it will provide (the
answers that fill the plan's care services), else from its name; when both kinds or
neither are named, every variant is printed.
"""

from __future__ import annotations

from collections.abc import Iterable

from carecoop.content.models import CareKind, Module
from carecoop.render.answers import AnswerBook, as_text

#: Words (lower case, any of our languages) that say which kind of care is meant.
_WORDS: dict[CareKind, tuple[str, ...]] = {
    "childcare": (
        "child", "baby", "babies", "nursery", "creche", "crèche", "kindergarten", "day care", "daycare",
        "niñ", "infantil", "guardería", "enfant", "طفل", "أطفال", "حضانة",
    ),
    "adult-care": (
        "older", "elder", "aged", "home care", "home-care", "disab", "adult", "grandparent",
        "mayor", "ancian", "discapac", "domicilio", "personnes âgées", "مسن", "كبار السن", "إعاقة", "منزلية",
    ),
}  # fmt: skip

#: The plan field whose answers say what care a group will provide.
CARE_SERVICES_FIELD = "care_services"


def care_kind_in(texts: Iterable[str]) -> CareKind | None:
    """The one kind of care these texts name, or None (both, or neither)."""
    joined = " ".join(texts).casefold()
    found = [kind for kind, words in _WORDS.items() if any(word in joined for word in words)]
    return found[0] if len(found) == 1 else None


def group_care_kind(modules: Iterable[Module], book: AnswerBook, group: str | None) -> CareKind | None:
    """The kind of care a group founds: from its care-services answers, else from its name."""
    if group is None:
        return None
    texts: list[str] = []
    for module in modules:
        for activity in module.activities:
            for question in activity.questions:
                if question.plan_field and question.plan_field.endswith(CARE_SERVICES_FIELD):
                    answer = book.find(activity.id, question.id, None, group)
                    if answer is not None and answer.group == group:
                        texts.append(as_text(answer.value, question, {True: "", False: ""}))
    return care_kind_in(texts) or care_kind_in([group])
