"""The facilitator's guide: a programme as a book, activity by activity.

Unlike the reader's sheets, the guide is for the facilitator alone: it shows the notes of
each step, the right answers of quizzes and the adaptation notes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from carecoop.content.glossary import KeyWord
from carecoop.content.models import (
    Activity,
    ActivityKind,
    CardSet,
    Module,
    Programme,
    Question,
    QuestionKind,
    Scope,
)
from carecoop.render.agenda import AgendaDay
from carecoop.render.meta import DocMeta


@dataclass(frozen=True)
class GuideStep:
    """A step to read aloud and the facilitator's note on it."""

    text: str
    note: str | None
    picture: str | None


@dataclass(frozen=True)
class GuideChoice:
    """A choice of a recorded question; `right` marks the answer key of a quiz."""

    label: str
    right: bool


@dataclass(frozen=True)
class GuideRecord:
    """Something recorded during the activity: its prompt, who answers, and the choices."""

    prompt: str
    who: str
    choices: list[GuideChoice]


@dataclass(frozen=True)
class GuideActivity:
    """One activity as the facilitator runs it."""

    anchor: str
    title: str
    pictogram: str
    minutes: int
    is_break: bool
    objectives: list[str]
    materials: list[str]
    preparation: list[str]
    roles: list[str]
    steps: list[GuideStep]
    key_messages: list[str]
    records: list[GuideRecord]
    adaptation: list[str]


@dataclass(frozen=True)
class GuideModule:
    """A module: what it is for, its time, and its activities."""

    anchor: str
    number: int
    title: str
    summary: str
    objectives: list[str]
    minutes: int
    activities: list[GuideActivity]


@dataclass(frozen=True)
class GuideCardSet:
    """A line of the index of card sets: what to print, how many, and where it is used."""

    title: str
    module: int
    activity: str
    anchor: str
    cards: int
    copies: str


@dataclass(frozen=True)
class GuideFact:
    """A line of the cover: a label and its value."""

    label: str
    value: str


@dataclass(frozen=True)
class GuideView:
    """Everything the guide template prints."""

    meta: DocMeta
    title: str
    subtitle: str
    summary: str
    credit: str | None
    facts: list[GuideFact]
    how_to: list[str]
    days: list[AgendaDay]
    modules: list[GuideModule]
    card_sets: list[GuideCardSet]
    glossary: list[KeyWord]
    duplex: bool


def _records(activity: Activity, who: dict[Scope, str], labels: dict[str, str]) -> list[GuideRecord]:
    return [GuideRecord(q.prompt, who[q.scope], _choices(q, labels)) for q in activity.questions]


def _choices(question: Question, labels: dict[str, str]) -> list[GuideChoice]:
    """The choices of a question, the right ones marked; a yes-no quiz item as Yes / No."""
    correct = question.correct
    if question.kind is QuestionKind.YES_NO:
        if not isinstance(correct, bool):
            return []
        return [GuideChoice(labels["yes"], correct), GuideChoice(labels["no"], not correct)]
    right = {correct} if isinstance(correct, str) else set(correct) if isinstance(correct, list) else set()
    return [GuideChoice(choice.label, choice.id in right) for choice in question.choices]


def activity_anchor(activity: Activity) -> str:
    """The id of an activity's part of the guide (the index of card sets points at it)."""
    return f"activity-{activity.id}"


def _copies(card_set: CardSet, labels: Mapping[str, str]) -> str:
    """`one per group`, `one per group +1 more`."""
    rule = labels[f"g_copies_{card_set.copies}"]
    return f"{rule} {labels['g_copies_extra'].format(extra=card_set.extra)}" if card_set.extra else rule


def card_index(modules: Sequence[Module], labels: Mapping[str, str]) -> list[GuideCardSet]:
    """Every card set of the modules, in the order the activities use them."""
    return [
        GuideCardSet(
            title=card_set.title,
            module=module.number,
            activity=activity.title,
            anchor=activity_anchor(activity),
            cards=len(card_set.cards),
            copies=_copies(card_set, labels),
        )
        for module in modules
        for activity in module.activities
        for card_set in activity.card_sets
    ]


def guide_activity(activity: Activity, who: dict[Scope, str], labels: dict[str, str]) -> GuideActivity:
    """One activity with everything the facilitator needs to run it."""
    return GuideActivity(
        anchor=activity_anchor(activity),
        title=activity.title,
        pictogram=activity.pictogram,
        minutes=activity.duration,
        is_break=activity.kind is ActivityKind.BREAK,
        objectives=list(activity.objectives),
        materials=list(activity.materials),
        preparation=list(activity.preparation),
        roles=list(activity.roles),
        steps=[GuideStep(s.text, s.note, str(s.picture) if s.picture else None) for s in activity.steps],
        key_messages=list(activity.key_messages),
        records=_records(activity, who, labels),
        adaptation=list(activity.adaptation),
    )


def guide_view(
    programme: Programme,
    modules: Sequence[Module],
    meta: DocMeta,
    *,
    days: list[AgendaDay],
    facts: list[GuideFact],
    how_to: list[str],
    glossary: list[KeyWord],
    duplex: bool,
) -> GuideView:
    """The guide of a programme's modules (already in the guide's language)."""
    labels = dict(meta.labels)
    who = {
        Scope.GROUP: labels["records_group"],
        Scope.WORKSHOP: labels["records_workshop"],
        Scope.PARTICIPANT: labels["records_each"],
    }
    return GuideView(
        meta=meta,
        title=programme.title,
        subtitle=labels["g_guide"],
        summary=programme.summary,
        credit=programme.credit,
        facts=facts,
        how_to=how_to,
        days=days,
        modules=[
            GuideModule(
                anchor=f"module-{module.number}",
                number=module.number,
                title=module.title,
                summary=module.summary,
                objectives=list(module.objectives),
                minutes=module.minutes,
                activities=[guide_activity(a, who, labels) for a in module.activities],
            )
            for module in modules
        ],
        card_sets=card_index(modules, labels),
        glossary=glossary,
        duplex=duplex,
    )
