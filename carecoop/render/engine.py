"""Templates → HTML or Markdown, and HTML → PDF with WeasyPrint.

The HTML environment autoescapes everything, and the Markdown environment escapes every
value it prints, so text typed by a person can never become markup. WeasyPrint loads
only through `HandoutsFetcher`. One `PdfRenderer` per process keeps WeasyPrint's font
configuration and image cache alive across a batch; building those is most of the cost
of a first document, and it parses print.css once: the stylesheet is given to WeasyPrint
as a user stylesheet, so a template's own `<style>` (author) rules win over it.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.paths import handouts_dir

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

    from carecoop.render.fetcher import HandoutsFetcher

#: The print stylesheet every document gets (parsed once per process, not linked from HTML).
STYLESHEET = "print.css"

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
#: CSS page sizes of each paper, portrait and landscape.
PAGE_SIZES: dict[tuple[Paper, bool], str] = {
    ("a4", False): "A4",
    ("a4", True): "A4 landscape",
    ("letter", False): "letter",
    ("letter", True): "letter landscape",
}


def page_size(paper: Paper, landscape: bool = False) -> str:
    """The CSS `size` of a paper; a UserError for an unknown paper."""
    try:
        return PAGE_SIZES[(paper, landscape)]
    except KeyError:
        raise UserError(_(
            "Unknown paper '{paper}'. Use one of: {papers}."
        ).format(paper=paper, papers=', '.join(PAPERS))) from None


@functools.cache
def html_environment(root: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment of the HTML templates: autoescaped, strict about undefined names."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root or handouts_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = css_string
    environment.filters["css_raw"] = css_raw
    environment.filters["bidi"] = jinja2.pass_context(bidi)
    return environment


#: Left-to-right, right-to-left and Arabic letter marks.
_MARKS = frozenset("\u200e\u200f\u061c")


def text_direction_of(text: str) -> str | None:
    """`ltr` or `rtl` after the first letter with a strong direction; None without one."""
    for char in text:
        if char in _MARKS:
            continue  # a locale's mark before a minus says how to write the number, not the text
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


#: First strong isolate and pop directional isolate (Unicode bidi, UAX #9).
FSI = "\u2068"
PDI = "\u2069"

# A figure with what belongs to it: a sign, a currency symbol or code (`₪`, `F CFA`, `US$`),
# the bidi marks a locale writes before a minus, digits with their separators, a percent
# sign, a date's `-` or `/`. Letters count only in runs of two or more capitals (codes),
# so a word next to a number stays outside.
_FIGURE = re.compile(
    r"(?:(?:[A-Z]{1,3}\s?)?[\u0024\u00a2-\u00a5\u058f\u060b\u09f2\u09f3\u0e3f\u17db\u20a0-\u20cf\ufdfc](?:\s?[A-Z]{2,4})?[\s\u00a0\u202f]?)?"
    r"[\u200e\u200f\u061c]*[-+\u2212]?[\u200e\u200f\u061c]*"
    r"\d(?:[\d.,'\u066b\u066c\u00a0\u202f/:-]*\d)?"
    r"(?:\s?%|[\s\u00a0\u202f]?(?:[\u0024\u00a2-\u00a5\u058f\u060b\u09f2\u09f3\u0e3f\u17db\u20a0-\u20cf\ufdfc]|[A-Z]\s?[A-Z]{2,4}\b|[A-Z]{3}\b))?"
)


def isolate_figures(text: str) -> str:
    """Each money amount, percent, date or number of a text set apart with FSI…PDI.

    In a right-to-left paragraph the bidi algorithm would otherwise pull a minus, a
    currency symbol or a neighbouring Latin word out of an amount (`640.00- ₪`); isolated,
    the run is laid out on its own, as the locale wrote it.
    """
    return _FIGURE.sub(lambda match: f"{FSI}{match.group(0)}{PDI}", text)


def bidi(context: Mapping[str, Any], value: Any) -> Markup:
    """Escaped text, set apart in its own direction when it runs against the document's.

    An English sentence in an Arabic document keeps its full stop at its end, and an
    Arabic name in an English one reads right to left. (WeasyPrint has no `dir="auto"`.)
    In a right-to-left document every figure is isolated too, so an amount reads the same
    in an Arabic sentence, an English one and a table cell.
    """
    from markupsafe import Markup, escape

    text = str(value)
    meta = context.get("meta")
    document = getattr(meta, "direction", "ltr")
    direction = text_direction_of(text)
    if document == "rtl":
        text = isolate_figures(text)
    if direction is None or direction == document:
        return escape(text)
    return Markup('<span dir="{}">{}</span>').format(direction, text)


def css_string(value: str) -> Markup:
    """A quoted CSS string for a `<style>` block (which HTML escaping does not protect)."""
    from markupsafe import Markup

    escaped = "".join(ch if ch.isalnum() or ch in " .,:;-_/()'·" else f"\\{ord(ch):x} " for ch in str(value))
    return Markup(f'"{escaped}"')


def css_raw(value: str) -> Markup:
    """A bare CSS value such as `A4 landscape`; letters, digits and spaces only."""
    from markupsafe import Markup

    if not re.fullmatch(r"[A-Za-z0-9 ]+", str(value)):
        raise ValueError(f"not a plain CSS value: {value!r}")
    return Markup(str(value))


class MarkdownText(str):
    """Markdown written by us (not escaped again when printed in a Markdown template)."""

    __slots__ = ()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~<>{}])")
# At the start of a line `-` or `+` before a space makes a list item, a run of `-`, `+` or
# `=` a rule (`---`) or a heading underline (`===`), and `1.` or `1)` before a space a
# numbered list. Figures such as `3.0`, `+1.5` or `-2` mean nothing to Markdown: left as they are.
_MD_LINE_START = re.compile(r"^(\s*)([-+=])(?=\s|$|[-+=])|^(\s*\d+)([.)])(?=\s|$)")


def markdown_escape(value: Any, inline: bool = False) -> str:
    """Text safe to put in Markdown: no markup, links, images, HTML or line breaks survive.

    `inline` text never starts a line (a table cell, the value after a bold label), so the
    list, rule and heading markers that only count at a line's start are left as written.
    """
    if isinstance(value, MarkdownText):
        return value
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text if inline else _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(3)}\\{match.group(4)}"


@functools.cache
def markdown_environment(root: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment of the Markdown templates: every printed value is escaped."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(root or handouts_dir()),
        autoescape=False,
        finalize=markdown_escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(template: str, context: Mapping[str, Any]) -> str:
    """An HTML template of handouts/ filled with a context."""
    return html_environment().get_template(template).render(context)


def render_markdown(template: str, context: Mapping[str, Any]) -> str:
    """A Markdown template of handouts/ filled with a context (right to left as its `meta` says)."""
    text = markdown_environment().get_template(template).render(context)
    # Templates leave blank-line runs where optional parts are missing.
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    meta = context.get("meta")
    return in_direction(text, meta.language) if meta is not None else text


def in_direction(markdown: str, language: str) -> str:
    """Markdown in a right-to-left language inside `<div dir="rtl">`, so viewers lay it out right to left.

    (CommonMark and GitHub keep Markdown working inside an HTML block set apart by blank lines.)
    """
    from html import escape

    from carecoop.render.labels import text_direction

    if text_direction(language) != "rtl":
        return markdown
    return f'<div dir="rtl" lang="{escape(language)}">\n\n{markdown}\n</div>\n'


class PdfRenderer:
    """HTML → PDF bytes, sharing fonts and the image cache between documents."""

    def __init__(self, root: Path | None = None) -> None:
        from weasyprint.text.fonts import FontConfiguration

        from carecoop.render.fetcher import HandoutsFetcher

        _quiet_weasyprint()
        self.root = (root or handouts_dir()).resolve()
        self.base_url = self.root.as_uri() + "/"
        self.font_config = FontConfiguration()
        self.cache: dict[str, Any] = {}
        self.fetcher: HandoutsFetcher = HandoutsFetcher(self.root)
        self.stylesheets = [self.stylesheet(STYLESHEET)]

    def stylesheet(self, name: str) -> Any:
        """A stylesheet of handouts/, parsed once for every document of the batch."""
        from weasyprint import CSS

        return CSS(filename=self.root / name, url_fetcher=self.fetcher, font_config=self.font_config)

    def pdf(self, html: str) -> bytes:
        """One PDF from an HTML string, styled by print.css; relative URLs resolve in handouts/."""
        from weasyprint import HTML

        document = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher)
        data: bytes = document.write_pdf(
            font_config=self.font_config, cache=self.cache, stylesheets=self.stylesheets
        )
        return data

    def layout(self, html: str) -> Any:
        """The laid-out pages of an HTML string (a WeasyPrint Document), to measure before writing."""
        from weasyprint import HTML

        document = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher)
        return document.render(font_config=self.font_config, cache=self.cache, stylesheets=self.stylesheets)


_renderer: PdfRenderer | None = None


def shared_renderer() -> PdfRenderer:
    """This process's renderer, made on first use."""
    global _renderer
    if _renderer is None:
        _renderer = PdfRenderer()
    return _renderer


def _quiet_weasyprint() -> None:
    """Keep WeasyPrint's warnings (a refused URL, a missing glyph) off the user's terminal."""
    logger = logging.getLogger("weasyprint")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
