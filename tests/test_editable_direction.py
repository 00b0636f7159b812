"""The editable copies (DOCX and Markdown) in the document's language and direction."""

from __future__ import annotations

import io
import zipfile

from carecoop.render.document import Bullets, Chart, Document, Facts, Heading, Paragraph, Table
from carecoop.render.editable import docx_bytes, to_markdown

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sample(language: str) -> Document:
    arabic = language == "ar"
    document = Document(
        title="النظام الداخلي" if arabic else "Bylaws",
        subtitle="تعاونية الرعاية" if arabic else "Care cooperative",
        language=language,
        author="Reem",
        cover_lines=["مسودة للنقاش" if arabic else "Draft for discussion"],
        draft_label="مسودة" if arabic else "Draft",
    )
    document.add(
        Heading("المادة 1. الاسم" if arabic else "Article 1. Name", 1),
        Paragraph("تقرّره المجموعة" if arabic else "To be decided by the group: the name", kind="open"),
        Bullets(["رعاية الأطفال" if arabic else "Childcare", "Start.CareCoop"]),
        Facts([("الاسم" if arabic else "Name", "أمهات السوق" if arabic else "Market mothers")]),
        Table(["البند" if arabic else "Item", "المبلغ" if arabic else "Amount"], [["إيجار", "1,200.00 ₪"]],
              numeric=[False, True]),
    )  # fmt: skip
    return document


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return {name: docx.read(name).decode() for name in docx.namelist() if name.endswith(".xml")}


def test_arabic_docx_is_right_to_left_everywhere() -> None:
    from xml.etree import ElementTree

    xml = parts(docx_bytes(sample("ar")))
    body = ElementTree.fromstring(xml["word/document.xml"])
    paragraphs = list(body.iter(f"{W}p"))
    assert paragraphs and all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    runs = [r for r in body.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    for run in runs:
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        arabic = any("\u0600" <= char <= "\u06ff" for char in text)
        # Arabic runs are right to left; a Latin name or a figure keeps its own direction.
        assert (run.find(f"{W}rPr/{W}rtl") is not None) == arabic, text
        if run.find(f"{W}rPr/{W}b") is not None and arabic:
            assert run.find(f"{W}rPr/{W}bCs") is not None, text
    tables = list(body.iter(f"{W}tbl"))
    assert len(tables) == 1 and tables[0].find(f"{W}tblPr/{W}bidiVisual") is not None
    assert body.find(f"{W}body/{W}sectPr/{W}bidi") is not None
    # The amount is aligned to the end of its cell (its left edge in a right-to-left paragraph).
    assert "<w:bidi/><w:jc w:val=\"right\"/>" in xml["word/document.xml"]
    footer = next(text for name, text in xml.items() if name.startswith("word/footer"))
    assert "<w:bidi/>" in footer
    # Word sizes Arabic letters by szCs: the normal size applies to them too.
    assert '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:bidi="ar"/>' in xml["word/styles.xml"]


def test_english_docx_stays_left_to_right() -> None:
    xml = parts(docx_bytes(sample("en")))
    assert "w:bidi" not in xml["word/document.xml"]
    assert "<w:rtl" not in xml["word/document.xml"]
    assert "bidiVisual" not in xml["word/document.xml"]


def test_arabic_markdown_is_set_right_to_left_and_english_is_not() -> None:
    arabic = to_markdown(sample("ar"))
    assert arabic.startswith('<div dir="rtl" lang="ar">\n\n# النظام الداخلي\n')
    assert arabic.endswith("\n</div>\n")
    assert "> **تقرّره المجموعة**" in arabic
    english = to_markdown(sample("en"))
    assert english.startswith("# Bylaws\n")
    # An open point keeps its own words, once.
    assert english.count("To be decided by the group") == 1


def test_markdown_chart_line_is_in_the_document_language() -> None:
    from carecoop.i18n import use_language

    document = sample("es")
    document.add(Chart(caption="Caja", draw_svg=lambda: "<svg/>", draw_png=lambda: b""))
    with use_language("es"):  # as a document is rendered: in its workshop's language
        text = to_markdown(document)
    assert "Chart" not in text and "see the" not in text
