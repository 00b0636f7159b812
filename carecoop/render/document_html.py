"""A Document as HTML (and so as PDF) through handouts/document.html."""

from __future__ import annotations

import base64
from typing import Any

from carecoop.i18n import _
from carecoop.render.document import (
    Block,
    Bullets,
    Chart,
    Document,
    Facts,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from carecoop.render.engine import Paper
from carecoop.render.meta import doc_meta


def _block(block: Block) -> dict[str, Any]:
    # Plain dicts keep the template free of Python types; the text stays unescaped here and
    # is escaped by the template's autoescape.
    if isinstance(block, Heading):
        return {"type": "heading", "text": block.text, "level": min(block.level, 3), "compact": block.compact}
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text, "kind": block.kind, "compact": block.compact}
    if isinstance(block, Bullets):
        return {"type": "bullets", "entries": block.items, "compact": block.compact}
    if isinstance(block, Facts):
        return {"type": "facts", "pairs": block.pairs, "compact": block.compact}
    if isinstance(block, Table):
        numeric = [i < len(block.numeric) and block.numeric[i] for i in range(len(block.columns))]
        return {"type": "table", "columns": block.columns, "rows": block.rows, "numeric": numeric,
                "caption": block.caption, "strong_rows": block.strong_rows}
    if isinstance(block, Chart):
        src = "data:image/svg+xml;base64," + base64.b64encode(block.svg.encode()).decode()
        return {"type": "chart", "src": src, "caption": block.caption}
    if isinstance(block, PageBreak):
        return {"type": "pagebreak"}
    raise TypeError(f"unknown block {block!r}")


def document_html(document: Document, *, kind: str, paper: Paper, head_start: str) -> str:
    """The document as print-ready HTML (cover, contents, blocks)."""
    from carecoop.render.engine import render_html

    meta = doc_meta(
        kind=kind,
        title=f"{document.subtitle}: {document.title}",
        language=document.language,
        author=document.author,
        paper=paper,
        head_start=head_start,
        head_end=document.subtitle,
    )
    return render_html(
        "document.html",
        {
            "meta": meta,
            "document": document,
            "contents": document.contents() if kind in ("plan", "report") else [],
            "contents_label": _("Contents"),
            "blocks": [_block(block) for block in document.blocks],
        },
    )
