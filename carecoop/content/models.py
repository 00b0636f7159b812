"""Pydantic models of the curriculum: programme → module → activity → step / question.

Every model forbids unknown keys so that a typo in a module file is reported instead of
silently ignored.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from carecoop.types import Text

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=60)
]

ProgrammeId = Literal["think-carecoop", "start-carecoop"]
PROGRAMME_IDS: tuple[str, ...] = get_args(ProgrammeId)

Pictogram = Literal[
    "talk",
    "group",
    "game",
    "role-play",
    "story",
    "write",
    "think",
    "quiz",
    "break",
    "clock",
    "child",
    "older-person",
    "disability",
    "home",
    "coins",
    "vote",
    "handshake",
    "eye",
    "rain",
    "bag",
    "share",
    "gate",
    "book",
    "village",
    "key",
    "shop",
    "town-hall",
    "umbrella",
    "first-aid",
    "tap",
    "sick",
    "factory",
]
#: Pictograms the documents can draw; one SVG each in handouts/icons/.
PICTOGRAMS: tuple[str, ...] = get_args(Pictogram)

#: Words that name a picture in module text, "(the eye)", and the pictogram that draws it.
#: A checklist item that ends with one of these must print that pictogram beside it.
PICTURE_WORDS: dict[str, str] = {
    "the eye": "eye",
    "the lighter bag": "bag",
    "hands sharing a load": "share",
    "the coins": "coins",
    "a person speaking": "talk",
    "the open gate": "gate",
    "raised hands": "vote",
    "coins in a pot": "coins",
    "a house on its own": "home",
    "a book": "book",
    "the book": "book",
    "hands shaking": "handshake",
    "a village": "village",
    "drops of rain": "rain",
    "one drop of rain": "rain",
}

#: The kinds of care a form can be written for: children, or adults (older people,
#: people with disabilities, care at home).
CareKind = Literal["childcare", "adult-care"]
CARE_KINDS: tuple[str, ...] = get_args(CareKind)


class Model(BaseModel):
    """Base for content models: unknown keys are errors, strings are stripped.

    Frozen: the loader hands the same validated models to every load of an unchanged file.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, allow_inf_nan=False)


class ActivityKind(StrEnum):
    """What sort of activity this is; decides its pictogram."""

    ICEBREAKER = "icebreaker"
    GAME = "game"
    DISCUSSION = "discussion"
    ROLE_PLAY = "role-play"
    STORY = "story"
    WORKSHEET = "worksheet"
    PRESENTATION = "presentation"
    REFLECTION = "reflection"
    ENERGISER = "energiser"
    QUIZ = "quiz"
    BREAK = "break"


#: The pictogram drawn for each kind of activity.
KIND_PICTOGRAM: dict[ActivityKind, str] = {
    ActivityKind.ICEBREAKER: "talk",
    ActivityKind.GAME: "game",
    ActivityKind.DISCUSSION: "group",
    ActivityKind.ROLE_PLAY: "role-play",
    ActivityKind.STORY: "story",
    ActivityKind.WORKSHEET: "write",
    ActivityKind.PRESENTATION: "talk",
    ActivityKind.REFLECTION: "think",
    ActivityKind.ENERGISER: "game",
    ActivityKind.QUIZ: "quiz",
    ActivityKind.BREAK: "break",
}


class QuestionKind(StrEnum):
    """How an answer is typed and checked."""

    SHORT_TEXT = "short-text"
    LONG_TEXT = "long-text"
    NUMBER = "number"
    MONEY = "money"
    CHOICE = "choice"
    MULTI_CHOICE = "multi-choice"
    YES_NO = "yes-no"
    SCALE = "scale"
    LIST = "list"
    TABLE = "table"


class Scope(StrEnum):
    """Who answers a question: each participant, each group, or the whole workshop."""

    PARTICIPANT = "participant"
    GROUP = "group"
    WORKSHOP = "workshop"


class Choice(Model):
    """One option of a choice question."""

    id: Identifier
    label: Text


class Question(Model):
    """Something worth recording during an activity."""

    id: Identifier
    prompt: Text
    kind: QuestionKind
    scope: Scope = Scope.WORKSHOP
    help: Text | None = None
    choices: list[Choice] = Field(default_factory=list)
    #: For quizzes: the id (or ids) of the right choice(s), or the right yes/no answer.
    correct: str | list[str] | bool | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int | None = Field(default=None, ge=0)
    max_items: int | None = Field(default=None, ge=1)
    columns: list[Text] = Field(default_factory=list)
    required: bool = True
    #: Dotted path of the business plan field this answer fills (bylaws points too:
    #: `bylaws.board_size`); a table answer fills a list of rows, column names slugified
    #: to the row's keys ("Monthly wage" → monthly_wage).
    plan_field: str | None = None

    @model_validator(mode="after")
    def _check_kind_fields(self) -> Question:
        if self.kind in (QuestionKind.CHOICE, QuestionKind.MULTI_CHOICE):
            if len(self.choices) < 2:
                raise ValueError("a choice question needs at least two choices")
            ids = [choice.id for choice in self.choices]
            if len(set(ids)) != len(ids):
                raise ValueError("choice ids must be unique")
        elif self.choices:
            raise ValueError(f"only choice questions have choices (this one is {self.kind})")
        if self.kind is QuestionKind.TABLE and not self.columns:
            raise ValueError("a table question needs its columns")
        if self.kind is not QuestionKind.TABLE and self.columns:
            raise ValueError("only table questions have columns")
        if (
            self.minimum is not None
            and self.maximum is not None
            and self.minimum > self.maximum
        ):
            raise ValueError("minimum is larger than maximum")
        return self

    @property
    def choice_ids(self) -> list[str]:
        """The ids of this question's choices, in order."""
        return [choice.id for choice in self.choices]

    def choice_label(self, choice_id: str) -> str:
        """The label shown for a choice id (the id itself when unknown)."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice.label
        return choice_id


class TextModel(Model):
    """A model that may be written as a plain string in module files: its `text`."""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, data: Any) -> Any:
        # A step or a card written as a plain string is the common case in module files.
        if isinstance(data, str):
            return {"text": data}
        return data


class Step(TextModel):
    """One step of an activity: text to read aloud, and an optional facilitator note."""

    text: Text
    note: Text | None = None
    #: A picture printed beside the step on the reader's sheet.
    picture: Pictogram | None = None


class WorksheetItem(Model):
    """A space on a handout worksheet to write or draw by hand."""

    prompt: Text
    kind: Literal["lines", "box", "checklist", "table", "scale"] = "lines"
    lines: int = Field(default=3, ge=1, le=20)
    items: list[Text] = Field(default_factory=list)
    columns: list[Text] = Field(default_factory=list)
    rows: int = Field(default=4, ge=1, le=20)
    #: Answers to show filled in, taken from this activity's question of that id.
    question: Identifier | None = None
    #: A picture printed beside the prompt.
    picture: Pictogram | None = None
    #: One picture per checklist item, in order (null for an item without one).
    pictures: list[Pictogram | None] = Field(default_factory=list)
    #: Print this item only for groups founding this kind of care (none: for every group).
    care: CareKind | None = None

    @model_validator(mode="after")
    def _check_kind_fields(self) -> WorksheetItem:
        if self.kind == "checklist" and not self.items:
            raise ValueError("a checklist needs its items")
        if self.pictures and len(self.pictures) != len(self.items):
            raise ValueError(
                f"pictures has {len(self.pictures)} entries for {len(self.items)} items (one each, or null)"
            )
        if self.kind == "table" and not self.columns:
            raise ValueError("a table needs its columns")
        return self


class Handout(Model):
    """What a participant takes home from a module or an activity."""

    title: Text | None = None
    intro: Text | None = None
    key_messages: list[Text] = Field(default_factory=list)
    #: Key messages written for one kind of care, by their place in key_messages (0 is the
    #: first): printed only for groups founding that kind. The others are for every group.
    message_care: dict[int, CareKind] = Field(default_factory=dict)
    pictures: list[Pictogram] = Field(default_factory=list)
    worksheet: list[WorksheetItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_message_care(self) -> Handout:
        wrong = sorted(i for i in self.message_care if not 0 <= i < len(self.key_messages))
        if wrong:
            raise ValueError(
                f"message_care names key message {wrong[0]}, but there are {len(self.key_messages)} "
                f"(0 to {len(self.key_messages) - 1})"
            )
        return self

    def messages_for(self, care: CareKind | None) -> list[str]:
        """The key messages for a group founding this kind of care (None: every message)."""
        return [
            message
            for index, message in enumerate(self.key_messages)
            if care is None or self.message_care.get(index, care) == care
        ]


CardCopies = Literal["room", "group", "person"]
#: How many of a set to print: one for the whole room, one per home group, one per person.
CARD_COPIES: tuple[str, ...] = get_args(CardCopies)

CardSize = Literal["small", "medium", "wide", "large", "sheet"]
#: Card sizes on a cut sheet: 12, 6, 4, 2 or 1 to a page (a folded card takes two places).
CARD_SIZES: tuple[str, ...] = get_args(CardSize)


class Card(TextModel):
    """One card of a set: its text (or some of the activity's steps) and its picture."""

    text: Text | None = None
    #: Print the text of these steps of the activity (`steps.N`, 0 = the first), one
    #: paragraph each: a story the steps tell, printed for a group without copying it or
    #: its translations.
    from_steps: list[Annotated[int, Field(ge=0)]] = Field(default_factory=list)
    picture: Pictogram | None = None
    #: The other side, for sorting games: printed upside down under a fold line.
    back: Text | None = None

    @model_validator(mode="after")
    def _text_or_steps(self) -> Card:
        if (self.text is None) == (not self.from_steps):
            raise ValueError("a card needs text or from_steps (one of them)")
        return self


class CardSet(Model):
    """A set of cards an activity uses, printed to cut out."""

    id: Identifier
    title: Text
    copies: CardCopies = "group"
    #: Copies on top of the rule, such as one more set to hang on the wall.
    extra: int = Field(default=0, ge=0, le=10)
    #: Left out: chosen from the longest text of the set.
    size: CardSize | None = None
    cards: list[Card] = Field(min_length=1, max_length=60)


class Activity(Model):
    """A time-boxed activity with its instructions and the answers it records."""

    id: Identifier
    title: Text
    kind: ActivityKind
    duration: int = Field(gt=0, le=600)
    objectives: list[Text] = Field(default_factory=list)
    materials: list[Text] = Field(default_factory=list)
    preparation: list[Text] = Field(default_factory=list)
    roles: list[Text] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    key_messages: list[Text] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    #: Reuse the questions of another activity (a knowledge check before and after).
    questions_from: Identifier | None = None
    adaptation: list[Text] = Field(default_factory=list)
    handout: Handout | None = None
    #: Cards, story sheets and pictures to print for this activity (`export cards`).
    card_sets: list[CardSet] = Field(default_factory=list)
    #: Start a new workshop day with this activity (the agenda otherwise fills each day).
    new_day: bool = False

    @model_validator(mode="after")
    def _check_complete(self) -> Activity:
        if self.kind is not ActivityKind.BREAK:
            missing = [
                name
                for name in ("objectives", "steps", "key_messages")
                if not getattr(self, name)
            ]
            if missing:
                raise ValueError(f"a {self.kind} activity needs {', '.join(missing)}")
        ids = [question.id for question in self.questions]
        duplicates = sorted({qid for qid in ids if ids.count(qid) > 1})
        if duplicates:
            raise ValueError(f"question id used twice: {', '.join(duplicates)}")
        return self

    @property
    def pictogram(self) -> str:
        """The pictogram that stands for this kind of activity."""
        return KIND_PICTOGRAM[self.kind]

    def question(self, question_id: str) -> Question | None:
        """This activity's question of that id, if any."""
        for question in self.questions:
            if question.id == question_id:
                return question
        return None


class Module(Model):
    """One module of a programme: a sequence of activities and its handout."""

    id: Identifier
    programme: ProgrammeId
    number: int = Field(ge=1, le=99)
    title: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = "en"
    summary: Text
    objectives: list[Text] = Field(min_length=1)
    activities: list[Activity] = Field(min_length=1)
    handout: Handout

    @property
    def minutes(self) -> int:
        """Total minutes of the module, breaks included."""
        return sum(activity.duration for activity in self.activities)

    @property
    def activity_minutes(self) -> int:
        """Minutes of activities, breaks left out."""
        return sum(a.duration for a in self.activities if a.kind is not ActivityKind.BREAK)


class Programme(Model):
    """A whole programme (Think.CareCoop or Start.CareCoop) as described in programme.yaml."""

    id: ProgrammeId
    title: Text
    summary: Text
    audience: Text
    days: float = Field(gt=0)
    day_start: Annotated[str, StringConstraints(pattern=r"^\d{2}:\d{2}$")] = "09:00"
    #: Where the programme comes from and what it is not (printed by `modules show` and the
    #: facilitator's guide).
    credit: Text | None = None


#: The texts of a programme file that a translation (`programme.ar.yaml`) may give.
PROGRAMME_TEXTS: tuple[str, ...] = ("title", "summary", "audience", "credit")


class Translation(Model):
    """Texts of a module in another language, keyed by dotted path into the module.

    Paths name activities and questions by id, so a translation survives reordering:
    `title`, `activities.<activity id>.steps.0.text`, `activities.<id>.questions.<id>.prompt`.
    A translation of a programme file names the programme (`translation_of: think-carecoop`)
    and gives its PROGRAMME_TEXTS.
    """

    translation_of: Identifier
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]
    texts: dict[str, Text]


def sentence_lengths(text: str) -> list[int]:
    """Words per sentence of a text, for the plain-language check."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    return [len(s.split()) for s in sentences]
