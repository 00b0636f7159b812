"""A module's handout: what a person keeps, and the records a group keeps once.

The module's own handout comes first; the handouts of its activities follow, without the
key messages and worksheet items the module's page already has (same text, same
question, same prompt, or a table with the same columns), so nothing is printed twice.

Each worksheet item belongs to one part. A person's copy has their key messages and the
items each person fills in; a group's copy has the group's records (answers given by the
group or the whole workshop, signature boxes, minutes), printed once per group instead of
in every member's copy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from carecoop.content.models import Activity, CareKind, Handout, Module, Question, Scope, WorksheetItem
from carecoop.render.answers import AnswerBook, Filled, Wording, fill, normalised
from carecoop.render.meta import DocMeta

#: Finds the activity and question a worksheet item's `question` names.
Owner = Callable[[str], tuple[Activity | None, Question | None]]

#: Which copy a handout is: a person's, a group's records, or everything (one sheet for all).
Part = Literal["person", "group", "all"]
PARTS: tuple[Part, ...] = ("person", "group", "all")

#: Height of one handwriting line, in millimetres (generous: many write in large letters).
LINE_MM = 11
#: A box to draw in is at least this many lines high.
MIN_BOX_LINES = 4


@dataclass(frozen=True)
class Person:
    """Whose handout it is (both None: a blank handout)."""

    name: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class ChoiceView:
    """A checklist or scale option and whether the answer ticks it."""

    label: str
    ticked: bool
    #: The pictogram printed beside the option, if the module gives one.
    picture: str | None = None


@dataclass(frozen=True)
class ItemView:
    """A worksheet item ready to print."""

    prompt: str
    kind: str
    #: Height of the writing or drawing area in millimetres.
    height_mm: int
    #: Empty ruled lines left after the written answer.
    blank_lines: int
    text: list[str]
    choices: list[ChoiceView]
    columns: list[str]
    rows: list[list[str]]
    note: str
    #: The pictogram printed beside the prompt, if the module gives one.
    picture: str | None = None


@dataclass(frozen=True)
class SectionView:
    """The module's handout or one activity's handout."""

    title: str
    intro: str
    pictogram: str | None
    messages: list[str]
    #: Pictograms shown as a row under the title (2 cm each, recognisable on their own).
    pictures: list[str]
    items: list[ItemView]


@dataclass(frozen=True)
class HandoutView:
    """Everything a handout template prints."""

    meta: DocMeta
    number: int
    title: str
    workshop_title: str
    date_text: str
    person: Person
    sections: list[SectionView]
    part: Part = "all"

    @property
    def empty(self) -> bool:
        """Nothing to print in this part (no messages, no pictures, no items)."""
        return not any(s.messages or s.items or s.pictures for s in self.sections)


def item_part(item: WorksheetItem, question: Question | None, activity: Activity | None) -> Part:
    """Whose copy a worksheet item goes in.

    An item that shows a question's answers follows the question's scope. A free space
    (no question) on an activity whose questions are all answered by the group or the
    whole workshop is the group's work (a signature box, minutes); any other free space
    is for each person to fill in.
    """
    if question is not None:
        return "person" if question.scope is Scope.PARTICIPANT else "group"
    if activity is not None and activity.questions:
        if all(q.scope is not Scope.PARTICIPANT for q in activity.questions):
            return "group"
    return "person"


def handout_view(
    module: Module,
    meta: DocMeta,
    *,
    person: Person = Person(),
    book: AnswerBook | None = None,
    workshop_title: str = "",
    date_text: str = "",
    part: Part = "all",
    care: CareKind | None = None,
    wording: Wording | None = None,
) -> HandoutView:
    """The handout of a module for one person (blank without a person or answers).

    `part` keeps only a person's items (with the key messages) or only a group's
    records (without them); "all" keeps both. `care` drops the items written for the
    other kind of care (None keeps every variant). `wording` writes recorded money and
    code words in the workshop's terms (default: its language, money as recorded).
    """
    labels = meta.labels
    words = wording or wording_for(meta)
    handout = module.handout

    def wanted(item: WorksheetItem, owner: Owner, activity: Activity | None) -> bool:
        if care is not None and item.care is not None and item.care != care:
            return False
        if part == "all":
            return True
        found_activity, question = owner(item.question) if item.question else (None, None)
        return item_part(item, question, found_activity or activity) == part

    module_owner: Owner = lambda qid: _owner(module, qid)  # noqa: E731
    main = _section(
        handout,
        handout.title or module.title,
        None,
        [item for item in handout.worksheet if wanted(item, module_owner, None)],
        module_owner,
        person,
        book,
        words,
        labels,
        care,
    )
    taken_questions = {item.question for item in handout.worksheet if item.question}
    taken_prompts = {normalised(item.prompt) for item in handout.worksheet}
    taken_tables = {_columns_key(item) for item in handout.worksheet if item.kind == "table"}
    taken_messages = {normalised(message) for message in handout.key_messages}
    sections = [main]
    for activity in module.activities:
        if activity.handout is None:
            continue
        items = [
            item
            for item in activity.handout.worksheet
            if item.question not in taken_questions
            and normalised(item.prompt) not in taken_prompts
            and not (item.kind == "table" and _columns_key(item) in taken_tables)
            and wanted(item, _activity_owner(activity), activity)
        ]
        section = _section(
            activity.handout,
            activity.handout.title or activity.title,
            activity.pictogram,
            items,
            _activity_owner(activity),
            person,
            book,
            words,
            labels,
            care,
        )
        # A message the module's own page already says is not printed twice.
        messages = [m for m in section.messages if normalised(m) not in taken_messages]
        if part != "all":
            # Each copy is kept short: the module's messages say what to remember, and
            # an activity's own messages are read out in the session (the guide has them).
            messages = []
        if messages or section.items:
            pictures = section.pictures if messages else []
            sections.append(replace(section, messages=messages, pictures=pictures))
    if part == "group":
        sections[0] = replace(sections[0], messages=[], pictures=[], intro="")
    return HandoutView(
        meta=meta,
        number=module.number,
        title=module.title,
        workshop_title=workshop_title,
        date_text=date_text,
        person=person,
        sections=sections,
        part=part,
    )


def wording_for(meta: DocMeta, **how: Any) -> Wording:
    """How a document writes recorded answers: its yes and no, and `how` (money, source)."""
    return Wording({True: meta.labels["yes"], False: meta.labels["no"]}, meta.language, **how)


def _columns_key(item: WorksheetItem) -> tuple[str, ...]:
    return tuple(normalised(column) for column in item.columns)


def _activity_owner(activity: Activity) -> Owner:
    return lambda question_id: (activity, activity.question(question_id))


def _owner(module: Module, question_id: str) -> tuple[Activity | None, Question | None]:
    """The first activity of a module that asks a question of that id."""
    for activity in module.activities:
        question = activity.question(question_id)
        if question is not None:
            return activity, question
    return None, None


def _section(
    handout: Handout,
    title: str,
    pictogram: str | None,
    items: list[WorksheetItem],
    owner: Owner,
    person: Person,
    book: AnswerBook | None,
    wording: Wording,
    labels: Mapping[str, str],
    care: CareKind | None,
) -> SectionView:
    # Pictures go in a row rather than beside single messages: module authors choose them
    # for the section as a whole, and a picture beside the wrong sentence misleads.
    return SectionView(
        title=title,
        intro=handout.intro or "",
        pictogram=pictogram,
        messages=handout.messages_for(care),
        pictures=[str(picture) for picture in handout.pictures],
        items=[_item(item, owner, person, book, wording, labels) for item in items],
    )


def _item(
    item: WorksheetItem,
    owner: Owner,
    person: Person,
    book: AnswerBook | None,
    wording: Wording,
    labels: Mapping[str, str],
) -> ItemView:
    filled: Filled | None = None
    if item.question and book is not None:
        activity, question = owner(item.question)
        if activity is not None:
            answer = book.find(activity.id, item.question, person.name, person.group)
            if answer is not None:
                filled = fill(answer, question, item.columns, wording)
    text = filled.lines if filled else []
    choices: list[ChoiceView] = []
    if item.kind in ("checklist", "scale"):
        options = item.items or (["1", "2", "3", "4", "5"] if item.kind == "scale" else [])
        pictures = [str(p) if p else None for p in item.pictures] + [None] * len(options)
        choices = [
            ChoiceView(option, _ticks(filled, option, index, item.kind), pictures[index])
            for index, option in enumerate(options)
        ]
        if any(choice.ticked for choice in choices):
            text = []  # the ticks say it; unmatched answers still show as text
    rows: list[list[str]] = []
    if item.kind == "table":
        filled_rows = filled.rows if filled else []
        blank = max(item.rows - len(filled_rows), 1 if filled_rows else item.rows)
        rows = filled_rows + [[""] * len(item.columns) for _ in range(blank)]
        text = []
    lines = max(item.lines, MIN_BOX_LINES) if item.kind == "box" else item.lines
    return ItemView(
        prompt=item.prompt,
        kind=item.kind,
        height_mm=lines * LINE_MM,
        blank_lines=max(item.lines - len(text), 0) if item.kind == "lines" else 0,
        text=text,
        choices=choices,
        columns=list(item.columns),
        rows=rows,
        note=_note(filled, labels),
        picture=str(item.picture) if item.picture else None,
    )


def _ticks(filled: Filled | None, option: str, index: int, kind: str) -> bool:
    if filled is None:
        return False
    if normalised(option) in filled.keys:
        return True
    # A scale answered with a number ticks that position (1 = the first option).
    return kind == "scale" and filled.number is not None and int(filled.number) == index + 1


def _note(filled: Filled | None, labels: Mapping[str, str]) -> str:
    if filled is None or filled.source == "participant":
        return ""
    if filled.source == "group":
        return labels["answer_of_group"].format(group=filled.group)
    return labels["answer_of_workshop"]


@dataclass(frozen=True)
class BookletView:
    """One printable handout: the modules of one copy (a person's or a group's), in order."""

    meta: DocMeta
    workshop_title: str
    date_text: str
    person: Person
    part: Part
    modules: list[HandoutView]
