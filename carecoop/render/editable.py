"""Editable copies of a Document: Markdown and DOCX."""

from __future__ import annotations

import io
import re
from typing import Any

from carecoop.i18n import _
from carecoop.render.document import (
    Bullets,
    Chart,
    Document,
    Facts,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from carecoop.render.engine import in_direction

#: Characters XML 1.0 cannot hold (python-docx refuses them rather than drop them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Word's limit for a document property such as the title.
_PROPERTY_LIMIT = 255

#: How a paragraph of a kind starts (an open point carries its own words, "To be decided...").
_MARKS = {"note": "> ", "open": "> ", "warning": "> ⚠ "}


def to_markdown(document: Document) -> str:
    """The document as Markdown, for people who edit or share it as text.

    Every text is escaped as in the Markdown templates: a name or an answer never becomes
    a heading, a rule, a link, an image or HTML.
    """
    from carecoop.render.engine import markdown_escape as md

    lines = [f"# {md(document.title)}", "", f"*{md(document.subtitle)}* — {md(document.draft_label)}", ""]
    lines += [f"- {md(line)}" for line in document.cover_lines]
    lines.append("")
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 1)} {md(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = f"**{md(block.text)}**" if block.kind == "open" else md(block.text)
            lines += [f"{_MARKS.get(block.kind, '')}{text}", ""]
        elif isinstance(block, Bullets):
            lines += [f"- {md(item)}" for item in block.items] + [""]
        elif isinstance(block, Facts):
            lines += [f"- **{md(label)}:** {md(value, inline=True)}" for label, value in block.pairs] + [""]
        elif isinstance(block, Table):
            if block.caption:
                lines += [f"**{md(block.caption)}**", ""]
            lines.append("| " + " | ".join(md(c, inline=True) for c in block.columns) + " |")
            aligns = [
                "---:" if index < len(block.numeric) and block.numeric[index] else "---"
                for index in range(len(block.columns))
            ]
            lines.append("| " + " | ".join(aligns) + " |")
            for index, row in enumerate(block.rows):
                cells = [md(c, inline=True) for c in row]
                if index in block.strong_rows:
                    cells = [f"**{c}**" if c else c for c in cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        elif isinstance(block, Chart):
            caption = _("Chart: {caption}").format(caption=md(block.caption))
            lines += [f"*{caption}* " + _("(see the PDF or DOCX copy)"), ""]
        elif isinstance(block, PageBreak):
            continue
    return in_direction("\n".join(lines).rstrip() + "\n", document.language)


#: Page sizes in millimetres (width, height) and the margin on every side.
_PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
_MARGIN_MM = 20.0


def _page_setup(docx: Any, paper: str) -> None:
    """The paper asked for, and a page number centred in every footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    width, height = _PAPER_MM.get(paper, _PAPER_MM["a4"])
    for section in docx.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(_MARGIN_MM))
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)


def _repeat_header(row: Any) -> None:
    """Mark a table's first row to repeat at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


#: The paragraph styles of heading levels 1 to 4.
_HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")


def docx_bytes(document: Document, paper: str = "a4") -> bytes:
    """The document as DOCX, with real headings and tables, on the paper asked for, for a word processor."""
    from docx import Document as DocxDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    from carecoop.render.docx_direction import right_to_left
    from carecoop.render.labels import text_direction

    document = _xml_safe(document)
    docx = DocxDocument()
    _page_setup(docx, paper)
    docx.core_properties.title = document.title[:_PROPERTY_LIMIT]
    docx.core_properties.author = document.author[:_PROPERTY_LIMIT]
    docx.core_properties.language = document.language[:_PROPERTY_LIMIT]
    styles = docx.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    # Styles by name are looked up once: python-docx scans every style of the document for
    # the default each time a style is given by name (most of the time of a long plan).
    style_ids = {name: styles[name].style_id for name in ("Title", *_HEADINGS, "List Bullet", "Table Grid")}

    def add_styled(text: str, style: str) -> None:
        paragraph = docx.add_paragraph(text)
        paragraph._p.style = style_ids[style]

    add_styled(document.title, "Title")
    docx.add_paragraph(f"{document.subtitle} — {document.draft_label}")
    for line in document.cover_lines:
        docx.add_paragraph(line)
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 4)
            add_styled(block.text, "Title" if level == 0 else _HEADINGS[level - 1])
        elif isinstance(block, Paragraph):
            paragraph = docx.add_paragraph()
            run = paragraph.add_run(block.text)
            if block.kind in ("open", "warning"):
                run.bold = True
            if block.kind == "note":
                run.italic = True
        elif isinstance(block, Bullets):
            for item in block.items:
                add_styled(item, "List Bullet")
        elif isinstance(block, Facts):
            for label, value in block.pairs:
                paragraph = docx.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(value)
        elif isinstance(block, Table):
            if block.caption:
                docx.add_paragraph().add_run(block.caption).bold = True
            table = docx.add_table(rows=1, cols=len(block.columns))
            table._tbl.tblStyle_val = style_ids["Table Grid"]
            _repeat_header(table.rows[0])
            for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            for index, row in enumerate(block.rows):
                cells = table.add_row().cells
                for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
                    cell.text = text
                    paragraph = cell.paragraphs[0]
                    if column < len(block.numeric) and block.numeric[column]:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    if index in block.strong_rows and paragraph.runs:
                        paragraph.runs[0].bold = True
            docx.add_paragraph()
        elif isinstance(block, Chart):
            docx.add_picture(io.BytesIO(block.png), width=Cm(16))
            docx.add_paragraph(block.caption).runs[0].italic = True
        elif isinstance(block, PageBreak):
            docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if text_direction(document.language) == "rtl":
        right_to_left(docx, document.language)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _xml_text(value: object) -> object:
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list):
        return [_xml_text(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_xml_text(item) for item in value)
    return value


def _xml_safe(document: Document) -> Document:
    """A copy of the document whose every text XML can hold."""
    from dataclasses import fields, is_dataclass, replace

    def clean(block: object) -> object:
        if not is_dataclass(block) or isinstance(block, type):
            return block
        return replace(block, **{f.name: _xml_text(getattr(block, f.name)) for f in fields(block)})

    copy = clean(document)
    assert isinstance(copy, Document)
    copy.blocks = [clean(block) for block in document.blocks]  # type: ignore[misc]
    return copy
