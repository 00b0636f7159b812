"""A small document model that one builder fills and several writers print.

The business plan and the bylaws are built once as a `Document` of blocks; the same
document then becomes HTML (→ PDF), Markdown or DOCX, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Heading:
    """A section title; level 1 starts a chapter."""

    text: str
    level: int = 1
    #: Set tighter, to keep a page of key facts on one page (the executive summary).
    compact: bool = False


@dataclass(frozen=True)
class Paragraph:
    """Running text. `kind` marks a note, an open point or a warning for styling."""

    text: str
    kind: str = ""  # "", "note", "open", "warning"
    compact: bool = False


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: list[str]
    compact: bool = False


@dataclass(frozen=True)
class Facts:
    """Label–value pairs, shown as a two-column list."""

    pairs: list[tuple[str, str]]
    compact: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a header row; `numeric` columns are right-aligned."""

    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    caption: str = ""
    #: Index of rows to emphasise (totals).
    strong_rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    """A chart as SVG (for HTML/PDF) and PNG (for DOCX), with a caption.

    Each image is drawn on first use: a PDF export never draws the PNG, a DOCX export never
    the SVG, and a Markdown export neither.
    """

    caption: str
    draw_svg: Callable[[], str] = field(repr=False, compare=False)
    draw_png: Callable[[], bytes] = field(repr=False, compare=False)

    @cached_property
    def svg(self) -> str:
        """The chart as SVG text, drawn on first use."""
        return self.draw_svg()

    @cached_property
    def png(self) -> bytes:
        """The chart as a PNG image, drawn on first use."""
        return self.draw_png()


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (ignored in Markdown)."""


Block = Heading | Paragraph | Bullets | Facts | Table | Chart | PageBreak


@dataclass
class Document:
    """A titled document made of blocks, with a cover."""

    title: str
    subtitle: str
    language: str
    author: str
    cover_lines: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    draft_label: str = "Draft"

    def add(self, *blocks: Block) -> None:
        """Append blocks in order."""
        self.blocks.extend(blocks)

    def contents(self) -> list[str]:
        """The chapter titles, for a contents page."""
        return [b.text for b in self.blocks if isinstance(b, Heading) and b.level == 1]
