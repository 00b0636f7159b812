"""Measure laid-out pages, so that a document can fill its last page instead of wasting it.

WeasyPrint lays a document out before it writes it; the boxes of the last page tell how
much room is left under the content. Lengths are CSS pixels (96 to the inch).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: A last page filled less than this (share of its page area) is nearly empty.
NEARLY_EMPTY = 0.3


def _boxes(box: Any) -> Iterator[Any]:
    """A box and its descendants, leaving out the page margins (running header, page number)."""
    yield box
    for child in getattr(box, "children", None) or []:
        if not type(child).__name__.startswith("Margin"):
            yield from _boxes(child)


def room_on_last_page(document: Any) -> float:
    """CSS pixels left between the last box of the last page and the bottom of its page area."""
    page = document.pages[-1]._page_box
    bottom = page.content_box_y()
    for box in _boxes(page):
        if box is page:
            continue
        bottom = max(bottom, box.position_y + box.margin_height())
    return float(page.content_box_y() + page.height - bottom)


def page_area_height(document: Any) -> float:
    """Height of the page area (inside the margins) of the last page, in CSS pixels."""
    return float(document.pages[-1]._page_box.height)


def row_height(document: Any, css_class: str) -> float:
    """The height of the first table row with this class (or none: 0)."""
    for page in document.pages:
        for box in _boxes(page._page_box):
            if type(box).__name__ == "TableRowBox" and css_class in (box.element.get("class") or "").split():
                return float(box.margin_height())
    return 0.0


def last_page_share(document: Any) -> float:
    """How much of the last page's area its content fills (0 to 1)."""
    height = page_area_height(document)
    return 1 - room_on_last_page(document) / height if height else 1.0


#: One ruled line for notes, in CSS pixels (11 mm, as on the worksheets).
NOTE_LINE_PX = 11 / 25.4 * 96


def with_notes(html: str, room: float, label: str) -> str:
    """The HTML with ruled lines for notes that fill `room` pixels at the end of its body."""
    from markupsafe import escape

    count = max(int(room // NOTE_LINE_PX) - 2, 1)
    lines = '<div class="line"></div>' * count
    block = (
        f'<section class="notes-fill"><p class="prompt">{escape(label)}</p>'
        f'<div class="lines">{lines}</div></section>'
    )
    return html.replace("</body>", block + "</body>", 1)
