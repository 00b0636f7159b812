"""Card sets laid out to cut: several cards a page, crop marks, each card labelled.

Every card carries its set's name and its activity in small type, so that cards mixed up on
the floor find their way back. All cards of one size share pages, which saves paper; a card
with a back is printed above its back, folded in the middle.
Sizes are in millimetres and computed here, so that the template only places boxes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from carecoop.content.models import Activity, CardSet, Module
from carecoop.render.engine import Paper
from carecoop.render.meta import DocMeta

#: Printable area of each paper in mm (width, height) inside the page margins of cards.html
#: (12 mm at the top, 14 mm at the bottom, 10 mm at the sides).
PRINTABLE: dict[Paper, tuple[float, float]] = {"a4": (190.0, 271.0), "letter": (195.9, 253.4)}
#: Room around the grid for the crop marks, and what the crop marks leave free before the grid.
INSET = 6.0
MARK_GAP = 1.5
#: A little height kept free so that rounding never pushes a sheet onto a second page.
SLACK = 2.0

#: Columns and rows of each card size.
GRIDS: dict[str, tuple[int, int]] = {
    "small": (3, 4), "medium": (2, 3), "wide": (1, 4), "large": (1, 2), "sheet": (1, 1),
}
#: Rows when every card has its back below it (an even number: a card and its back).
FOLDED_ROWS: dict[str, int] = {"small": 4, "medium": 4, "wide": 4, "large": 2, "sheet": 2}
#: The longest text (in characters) each size holds in 16 pt type, flat and folded.
CAPACITY: dict[str, int] = {"small": 50, "medium": 150, "wide": 300, "large": 520}
FOLDED_CAPACITY: dict[str, int] = {"small": 50, "medium": 110, "wide": 200, "large": 520}

#: The longest text printed big, by card size: a set is big only when all its texts are short.
BIG_TEXT: dict[str, int] = {"small": 14, "medium": 24, "wide": 40, "large": 60, "sheet": 60}

#: How many copies each rule means: for the room, per group, per person.
Counts = Mapping[str, int]


@dataclass(frozen=True)
class CardFace:
    """One card as printed: its text, picture, back and where it belongs."""

    paragraphs: list[str]
    picture: str | None
    back: str | None
    set_title: str
    source: str
    #: Characters of the longer side.
    length: int
    #: Every card of the set says a word or two: printed big (as a poster on a large card).
    big: bool = False


@dataclass(frozen=True)
class PlacedCard:
    """A card at its place on a sheet (mm from the sheet's top-left corner)."""

    card: CardFace
    left: float
    top: float


@dataclass(frozen=True)
class Mark:
    """One crop mark: a short line in the margin, on the line of a cut."""

    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class CardSheet:
    """One page of cards."""

    size: str
    folded: bool
    width: float
    height: float
    card_width: float
    card_height: float
    cards: list[PlacedCard]
    marks: list[Mark]


@dataclass(frozen=True)
class SetEntry:
    """A set in the document's list: how many copies of how many cards."""

    title: str
    source: str
    copies: int
    cards: int
    faces: list[CardFace]


@dataclass(frozen=True)
class CardsView:
    """Everything the cards template prints."""

    meta: DocMeta
    title: str
    sheets: list[CardSheet]
    sets: list[SetEntry]


def card_faces(module: Module, activity: Activity, card_set: CardSet, module_label: str) -> list[CardFace]:
    """The cards of a set, their texts taken from the card or from the activity's steps."""
    source = f"{module_label} {module.number}: {activity.title}"
    faces = []
    for card in card_set.cards:
        paragraphs = [card.text] if card.text else [activity.steps[i].text for i in card.from_steps]
        faces.append(
            CardFace(
                paragraphs=paragraphs,
                picture=str(card.picture) if card.picture else None,
                back=card.back,
                set_title=card_set.title,
                source=source,
                length=max(sum(len(p) for p in paragraphs), len(card.back or "")),
            )
        )
    return faces


def set_size(card_set: CardSet, faces: Sequence[CardFace]) -> str:
    """The set's size as written, else the smallest that holds its longest text."""
    if card_set.size:
        return card_set.size
    folded = any(face.back for face in faces)
    capacity = FOLDED_CAPACITY if folded else CAPACITY
    longest = max(face.length for face in faces)
    return next((size for size, most in capacity.items() if longest <= most), "sheet")


def copies_of(card_set: CardSet, counts: Counts) -> int:
    """How many copies of a set to print: by its rule, plus its extra copies."""
    return max(1, counts.get(card_set.copies, 1)) + card_set.extra


def cards_view(
    modules: Sequence[Module], meta: DocMeta, title: str, paper: Paper, counts: Counts
) -> CardsView:
    """Every card set of these modules, its copies laid out on sheets to cut."""
    module_label = meta.labels["module"]
    # Cards of one size (and fold) share sheets whatever their activity: each card says
    # where it belongs, and paper is what a facilitator pays for.
    runs: dict[tuple[str, bool], list[CardFace]] = {}
    sets: list[SetEntry] = []
    for module in modules:
        for activity in module.activities:
            for card_set in activity.card_sets:
                faces = card_faces(module, activity, card_set, module_label)
                size = set_size(card_set, faces)
                most = BIG_TEXT[size]
                faces = [replace(face, big=all(f.length <= most for f in faces)) for face in faces]
                copies = copies_of(card_set, counts)
                sets.append(SetEntry(card_set.title, faces[0].source, copies, len(faces), faces))
                runs.setdefault((size, any(face.back for face in faces)), []).extend(faces * copies)
    rtl = meta.direction == "rtl"
    order = sorted(runs, key=lambda key: (list(GRIDS).index(key[0]), key[1]))
    sheets = [sheet for key in order for sheet in _sheets(runs[key], *key, paper, rtl)]
    return CardsView(meta, title, sheets, sets)


def _sheets(faces: list[CardFace], size: str, folded: bool, paper: Paper, rtl: bool) -> list[CardSheet]:
    """Cards of one size, as many sheets as they need."""
    columns, rows = GRIDS[size]
    if folded:
        rows = FOLDED_ROWS[size]
    page_width, page_height = PRINTABLE[paper]
    card_width = (page_width - 2 * INSET) / columns
    card_height = (page_height - SLACK - 2 * INSET) / rows
    per_sheet = columns * (rows // 2 if folded else rows)
    sheets = []
    for start in range(0, len(faces), per_sheet):
        placed = []
        for index, face in enumerate(faces[start : start + per_sheet]):
            row, column = divmod(index, columns)
            if folded:
                row *= 2
            # Right to left: the first card is at the right, where a reader of Arabic starts.
            slot = columns - 1 - column if rtl else column
            placed.append(PlacedCard(face, INSET + slot * card_width, INSET + row * card_height))
        used_rows = (rows if len(placed) == per_sheet else _rows_used(len(placed), columns, folded))
        sheets.append(
            CardSheet(
                size=size,
                folded=folded,
                width=page_width,
                height=2 * INSET + used_rows * card_height,
                card_width=card_width,
                card_height=card_height * (2 if folded else 1),
                cards=placed,
                marks=_crop_marks(columns, used_rows, card_width, card_height, folded),
            )
        )
    return sheets


def _rows_used(count: int, columns: int, folded: bool) -> int:
    rows = -(-count // columns)
    return rows * 2 if folded else rows


def _crop_marks(columns: int, rows: int, width: float, height: float, folded: bool) -> list[Mark]:
    """Marks in the margin on every cut line: a guillotine or a ruler and a blade finds them."""
    length = INSET - MARK_GAP
    grid_width, grid_height = columns * width, rows * height
    marks = []
    for column in range(columns + 1):
        x = INSET + column * width
        marks.append(Mark(x, 0.0, 0.0, length))
        marks.append(Mark(x, INSET + grid_height + MARK_GAP, 0.0, length))
    # A folded card is cut around the pair; its middle is a fold, not a cut.
    for row in range(0, rows + 1, 2 if folded else 1):
        y = INSET + row * height
        marks.append(Mark(0.0, y, length, 0.0))
        marks.append(Mark(INSET + grid_width + MARK_GAP, y, length, 0.0))
    return marks
