"""Right-to-left pages: list markers, tick boxes and two-column lists sit where an Arabic reader starts.

Each test lays out a small page with WeasyPrint (no PDF written) and compares the boxes'
positions: in an Arabic document a bullet or a box is to the right of its text, and the
first item of a two-column list is the right one of its row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from carecoop.render.agenda import AgendaDay, AgendaRow, AgendaView
from carecoop.render.engine import render_html, shared_renderer
from carecoop.render.handouts import BookletView, ChoiceView, HandoutView, ItemView, Person, SectionView
from carecoop.render.meta import DocMeta, doc_meta

MATERIALS = ["أوراق كبيرة", "أقلام عريضة", "شريط لاصق", "بطاقات الأسماء", "كرة صغيرة"]


def boxes(page: Any) -> Iterator[Any]:
    """Every box of a laid-out page, depth first."""
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(reversed(getattr(box, "children", None) or []))


def with_class(document: Any, name: str) -> list[Any]:
    """The boxes (of every page) made for elements of this class."""
    found: list[Any] = []
    for page in document.pages:
        for box in boxes(page):
            element = getattr(box, "element", None)
            if element is None or name not in (element.get("class") or "").split():
                continue
            if not any(element is other.element for other in found):
                found.append(box)
    return found


def text_box_of(box: Any) -> Any:
    """The first box holding text inside a box."""
    stack = [box]
    while stack:
        inner = stack.pop(0)
        if getattr(inner, "text", None):
            return inner
        stack.extend(getattr(inner, "children", None) or [])
    raise AssertionError(f"no text in {box!r}")


def meta_of(language: str, kind: str) -> DocMeta:
    return doc_meta(
        kind=kind, title="T", language=language, author="", paper="a4", head_start="W", head_end="X"
    )


def run_sheet(language: str) -> Any:
    meta = meta_of(language, "agenda")
    row = AgendaRow("09:00", "09:30", 30, "circle", "أهلاً", 1, "الرعاية", False, MATERIALS, ["جهّزوا الغرفة"])
    day = AgendaDay(1, "", "09:00", "09:30", 30, [row], MATERIALS)
    view = AgendaView(meta, "ورشة", "Think.CareCoop", "", "", "", [], [day])
    html = render_html("agenda.html", {"meta": meta, "agenda": view, "detail": True})
    return shared_renderer().layout(html)


def handout(language: str) -> Any:
    meta = meta_of(language, "handout")
    choices = [ChoiceView(label, False) for label in ("نعم", "لا", "ربما", "لا أعرف")]
    item = ItemView("هل توافقون؟", "checklist", 20, 0, [], choices, [], [], "جواب المجموعة")
    section = SectionView("الرعاية", "", None, ["كلّنا نعطي الرعاية.", "الرعاية عمل."], [], [item])
    module = HandoutView(meta, 1, "الرعاية", "", "", Person(), [section], "person")
    booklet = BookletView(meta, "", "", Person(), "person", [module])
    return shared_renderer().layout(render_html("handout.html", {"meta": meta, "booklet": booklet}))


def items_of(document: Any, list_class: str) -> list[Any]:
    """The boxes of the items of the lists of this class, in document order."""
    lists = with_class(document, list_class)
    children = [child for box in lists for child in list(box.element)]
    items: list[Any] = []
    for page in document.pages:
        for box in boxes(page):
            element = getattr(box, "element", None)
            if box.element_tag == "li" and any(element is child for child in children):
                if not any(item.element is element for item in items):
                    items.append(box)
    return items


def inside(box: Any, name: str) -> list[Any]:
    """The boxes of elements of this class inside a box."""
    found: list[Any] = []
    stack = [box]
    while stack:
        inner = stack.pop(0)
        element = getattr(inner, "element", None)
        if element is not None and name in (element.get("class") or "").split() and inner.element_tag != "li":
            found.append(inner)
        stack.extend(getattr(inner, "children", None) or [])
    return found


@pytest.fixture(scope="module")
def arabic_run_sheet() -> Any:
    return run_sheet("ar")


@pytest.fixture(scope="module")
def arabic_handout() -> Any:
    return handout("ar")


def test_arabic_run_sheet_materials_go_two_to_a_row_first_on_the_right(arabic_run_sheet: Any) -> None:
    items = items_of(arabic_run_sheet, "materials")
    assert len(items) == len(MATERIALS)
    first, second, third = items[:3]
    # Two to a row (WeasyPrint gave each a line of its own): the first on the right.
    assert first.position_y == second.position_y < third.position_y
    assert first.position_x > second.position_x
    assert third.position_x == first.position_x
    for item in items:
        box, text = inside(item, "tickbox")[0], text_box_of(item)
        assert box.position_x > text.position_x + text.width - 1


def test_english_run_sheet_materials_go_two_to_a_row_first_on_the_left() -> None:
    items = items_of(run_sheet("en"), "materials")
    first, second, third = items[:3]
    assert first.position_y == second.position_y < third.position_y
    assert first.position_x < second.position_x
    box, text = inside(first, "tickbox")[0], text_box_of(first)
    assert box.position_x < text.position_x


def test_arabic_handout_bullets_ticks_and_notes_start_on_the_right(arabic_handout: Any) -> None:
    messages = items_of(arabic_handout, "messages")
    assert len(messages) == 2
    for item in messages:
        bullet, text = inside(item, "bullet")[0], inside(item, "message")[0]
        assert bullet.position_x > text.position_x + text.width - 1
    choices = items_of(arabic_handout, "checklist")
    assert len(choices) == 4
    for item in choices:
        tick, label = inside(item, "tick")[0], inside(item, "label")[0]
        assert tick.position_x > label.position_x + label.width - 1
    # Two columns: "yes" (the first) to the right of "no", on the same line.
    assert choices[0].position_y == choices[1].position_y
    assert choices[0].position_x > choices[1].position_x
    # The note under a prompt is indented from the right, where the prompt starts.
    note = with_class(arabic_handout, "note")[0]
    assert note.margin_right > 0 == note.margin_left
