"""Documents are safe: what people type is escaped, and the renderer loads nothing outside handouts/."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import HOSTILE, make_workshop, small_curriculum, words_outside_margins
from pypdf import PdfReader

from carecoop.content.loader import load_curriculum
from carecoop.paths import handouts_dir
from carecoop.render.engine import PdfRenderer, css_string, markdown_escape, shared_renderer
from carecoop.render.fetcher import HandoutsFetcher, RefusedURLError
from carecoop.render.handout_export import export_blank_handouts, export_handouts

WS = "harare-2026"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def text_of(path: Path) -> str:
    """All text of a PDF without white space (long strings wrap anywhere in table cells)."""
    return "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def squeeze(text: str) -> str:
    return "".join(text.split())


def assert_fetched_only_handouts(fetcher: HandoutsFetcher) -> None:
    root = handouts_dir().resolve().as_uri()
    for url in fetcher.served:
        assert url.startswith("data:") or url.startswith(root + "/"), url


# The fetcher on its own -------------------------------------------------------------------


def test_fetcher_serves_files_in_handouts_and_data_urls() -> None:
    fetcher = HandoutsFetcher(handouts_dir())
    icon = (handouts_dir() / "icons" / "talk.svg").resolve()
    response = fetcher.fetch(icon.as_uri())
    assert response.read().startswith(b"<svg")
    assert response.content_type == "image/svg+xml"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.css",
        "https://example.com/x.png",
        "ftp://example.com/x",
        "file://otherhost/etc/passwd",
    ],
)
def test_fetcher_refuses_everything_else(url: str) -> None:
    fetcher = HandoutsFetcher(handouts_dir())
    with pytest.raises(RefusedURLError):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_refuses_ways_out_of_handouts(tmp_path: Path) -> None:
    root = tmp_path / "handouts"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (root / "link.txt").symlink_to(secret)
    fetcher = HandoutsFetcher(root)
    for url in (
        (root / "link.txt").as_uri(),
        root.as_uri() + "/../secret.txt",
        root.as_uri() + "/%2e%2e/secret.txt",
        root.as_uri() + "/",
    ):
        with pytest.raises(RefusedURLError):
            fetcher.fetch(url)


def test_renderer_loads_nothing_outside_handouts_even_from_raw_markup() -> None:
    # Markup that escaping would never let through, fed to the renderer directly.
    renderer = PdfRenderer()
    html = (
        "<html><head><link rel='stylesheet' href='http://example.com/evil.css'>"
        "<link rel='stylesheet' href='file:///etc/passwd'>"
        "<style>@import url(file:///etc/hostname);"
        " body { background: url(file:///etc/passwd) }</style></head>"
        "<body><p>Hello</p><img src='file:///etc/passwd'><img src='http://example.com/x.png'>"
        "<img src='../pyproject.toml'><svg><image href='file:///etc/passwd'/></svg>"
        "<img src='icons/talk.svg'></body></html>"
    )
    pdf = renderer.pdf(html)
    assert pdf.startswith(b"%PDF")
    refused = renderer.fetcher.refused
    assert "file:///etc/passwd" in refused
    assert "http://example.com/evil.css" in refused
    assert "http://example.com/x.png" in refused
    assert "file:///etc/hostname" in refused
    assert any(url.endswith("/pyproject.toml") for url in refused)
    assert_fetched_only_handouts(renderer.fetcher)
    assert any(url.endswith("/icons/talk.svg") for url in renderer.fetcher.served)


# Whole documents with hostile answers and module text ---------------------------------------


def test_hostile_answers_are_printed_as_text(tmp_path: Path) -> None:
    store = make_workshop(tmp_path / "home", people=1, hostile=True)
    # The hostile answers are all module 1's: its booklet and its group's records hold them.
    curriculum = small_curriculum("tc-1")
    renderer = shared_renderer()
    refused_before = len(renderer.fetcher.refused)
    result = export_handouts(store, curriculum, WS, tmp_path / "out", workers=1)
    md = export_handouts(store, curriculum, WS, tmp_path / "md", fmt="md")
    store.close()
    text = text_of(tmp_path / "out" / "group-sun.pdf")
    assert squeeze(HOSTILE) in text  # the group's care map, "What is hard"
    # The long word wraps inside its table cell instead of running off the page.
    assert words_outside_margins(tmp_path / "out" / "group-sun.pdf", margin=14) == []
    assert "6" in text_of(tmp_path / "out" / "01-amina-khalil.pdf")
    assert "root:x:0" not in text
    assert len(renderer.fetcher.refused) == refused_before  # escaped: nothing was even asked for
    assert_fetched_only_handouts(renderer.fetcher)
    assert [p.name for p in result.paths] == ["01-amina-khalil.pdf", "group-sun.pdf"]
    markdown = (tmp_path / "md" / "group-sun.md").read_text(encoding="utf-8")
    assert '\\<img src="file:///etc/passwd"\\>' in markdown
    assert "<img" not in markdown.replace("\\<img", "")
    assert len(md.paths) == 2


def test_hostile_module_text_is_printed_as_text(tmp_path: Path) -> None:
    source = load_curriculum().source_of("tc-1")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["handout"]["intro"] = f"Read this. {HOSTILE}"
    data["handout"]["key_messages"][0] = "<link rel=stylesheet href='http://example.com/a.css'>"
    adapted = tmp_path / "adapted"
    adapted.mkdir()
    (adapted / "01-care.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    curriculum = small_curriculum("tc-1", extra_dirs=(adapted,))  # the adapted module alone
    assert curriculum.source_of("tc-1").parent == adapted
    renderer = shared_renderer()
    refused_before = len(renderer.fetcher.refused)
    export_blank_handouts(curriculum, "think-carecoop", tmp_path / "out", workers=1, per="person")
    text = text_of(tmp_path / "out" / "think-carecoop-person.pdf")
    assert squeeze(f"Read this. {HOSTILE}") in text
    assert squeeze("<link rel=stylesheet href='http://example.com/a.css'>") in text
    assert len(renderer.fetcher.refused) == refused_before
    assert_fetched_only_handouts(renderer.fetcher)


# Escaping helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Care is work.", "Care is work."),
        ("![x](file:///etc/passwd)", "!\\[x\\](file:///etc/passwd)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("a | b", "a \\| b"),
        ("two\nlines", "two lines"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
    ],
)
def test_markdown_escape(text: str, escaped: str) -> None:
    assert markdown_escape(text) == escaped


def test_css_string_cannot_break_out_of_a_style_block() -> None:
    value = str(css_string('Page"; } body { background: url(x) } </style><script>'))
    assert value.startswith('"') and value.endswith('"')
    assert '"' not in value[1:-1] and "<" not in value and "{" not in value
    assert str(css_string("صفحة")) == '"صفحة"'
