"""Write the translators' glossaries (docs/glossary-LANG.md) from carecoop/content/glossary.yaml.

    .venv/bin/python scripts/glossary_docs.py          # rewrite the pages
    .venv/bin/python scripts/glossary_docs.py check    # exit 1 when a page is stale

The pages are made, never edited: change the terms in glossary.yaml and run this.
"""

from __future__ import annotations

import sys
from pathlib import Path

from carecoop.content.glossary import glossary_markdown
from carecoop.content.loader import load_glossary

DOCS = Path(__file__).resolve().parent.parent / "docs"


def pages() -> dict[Path, str]:
    """Every page the glossary makes (English has no page: its words are the table's first column)."""
    return {
        DOCS / f"glossary-{page.language}.md": glossary_markdown(page)
        for page in load_glossary().languages
        if page.language != "en"
    }


def main(argv: list[str]) -> int:
    """Rewrite the pages, or with `check` name the stale ones."""
    stale = [path for path, text in pages().items() if not path.is_file() or path.read_text("utf-8") != text]
    if argv[1:] == ["check"]:
        for path in stale:
            print(f"{path.name} is stale: run scripts/glossary_docs.py")
        return 1 if stale else 0
    for path in stale:
        path.write_text(pages()[path], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
