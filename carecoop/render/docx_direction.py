"""A DOCX document in a right-to-left language, laid out right to left.

Word needs the direction in three places: each paragraph (`w:bidi`: which edge it starts
from, where its bullet goes), each section (`w:bidi`: the page's own direction) and each
table (`w:bidiVisual`: the first column on the right). Runs of Arabic text are marked
`w:rtl`, and bold, italic and size are given again for complex scripts (`w:bCs`, `w:iCs`,
`w:szCs`), which Word uses for Arabic letters instead of `w:b`, `w:i` and `w:sz`.

In a `w:bidi` paragraph Word reads `w:jc` "left" and "right" as start and end, so a
right-aligned figure in a table lands at the end of an Arabic cell, as in the PDF.
"""

from __future__ import annotations

from typing import Any

from carecoop.render.engine import text_direction_of

#: Where the elements we add go among their siblings (WordprocessingML's schema order, the
#: part of it that follows them): Word refuses a file whose properties are out of order.
_FOLLOWING: dict[str, tuple[str, ...]] = {
    "w:bidi@w:pPr": (
        "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange",
    ),
    "w:bidi@w:sectPr": ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
    "w:szCs@w:rPr": (
        "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
        "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
    ),
    "w:lang@w:rPr": ("w:eastAsianLayout", "w:specVanish", "w:oMath"),
}


def _insert(parent: Any, tag: str) -> Any:
    """`parent`'s child `tag`, made and put in its schema place when missing."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    parent_tag = "w:" + parent.tag.rsplit("}", 1)[-1]
    parent.insert_element_before(element, *_FOLLOWING[f"{tag}@{parent_tag}"])
    return element


def right_to_left(docx: Any, language: str) -> None:
    """Make every paragraph, table, section and Arabic run of `docx` right to left."""
    from docx.enum.table import WD_TABLE_DIRECTION
    from docx.oxml.ns import qn
    from docx.text.run import Run

    for style in docx.styles:
        if not hasattr(style, "font") or style.element.rPr is None:
            continue
        _complex_script_like_latin(style.font, style.element.rPr)
    _insert(docx.styles["Normal"].element.get_or_add_rPr(), "w:lang").set(qn("w:bidi"), language)
    parts = [docx.element.body] + [section.footer._element for section in docx.sections]
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            _insert(paragraph.get_or_add_pPr(), "w:bidi")
        for r in part.iter(qn("w:r")):
            run = Run(r, None)
            if text_direction_of(run.text) != "rtl":
                continue  # a Latin name or a figure keeps its own direction inside the paragraph
            run.font.rtl = True
            _complex_script_like_latin(run.font, r.get_or_add_rPr())
    for table in docx.tables:
        table.table_direction = WD_TABLE_DIRECTION.RTL
    for section in docx.sections:
        _insert(section._sectPr, "w:bidi")


def _complex_script_like_latin(font: Any, rpr: Any) -> None:
    """Bold, italic and size for Arabic letters (`w:bCs`, `w:iCs`, `w:szCs`) as for Latin ones."""
    from docx.oxml.ns import qn

    if font.bold:
        font.cs_bold = True
    if font.italic:
        font.cs_italic = True
    if font.size is not None:
        _insert(rpr, "w:szCs").set(qn("w:val"), str(round(font.size.pt * 2)))
