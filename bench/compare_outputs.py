"""Compare two folders of documents (say two `carecoop demo --out` runs): same files, same content.

A speed change must not change what a document says or how it looks. For each file of
either folder this prints `same` or what differs:

- PDF: page count, the text of every page (pypdf), and with `--pixels` every page drawn
  by pdftoppm (at `--dpi`) compared pixel for pixel;
- DOCX and XLSX: every part of the archive but its timestamps (docProps/core.xml);
- bundles (`.carecoop`, zip archives): every member, JSON read without its times of recording
  (`recorded_at`, `created_at`: when the demo ran, not what it wrote), and without the
  manifest (the checksums of those members);
- anything else (Markdown, JSON): the bytes.

Usage: python bench/compare_outputs.py BEFORE AFTER [--pixels] [--dpi 50]
Exit status 1 when a file differs or exists in one folder only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

#: Archive parts that carry the time of writing (or checksums of parts that do), not content.
TIMESTAMPED = {"docProps/core.xml", "manifest.json"}
#: Keys of a bundle's JSON that say when a thing was recorded.
TIME_KEYS = {"recorded_at", "created_at"}


def pdf_difference(before: Path, after: Path, pixels: bool, dpi: int) -> str | None:
    """What differs between two PDFs (None: the same pages, text and, if asked, pixels)."""
    from pypdf import PdfReader

    old, new = PdfReader(before), PdfReader(after)
    if len(old.pages) != len(new.pages):
        return f"{len(old.pages)} pages before, {len(new.pages)} after"
    for number, (a, b) in enumerate(zip(old.pages, new.pages, strict=True), start=1):
        if a.extract_text() != b.extract_text():
            return f"the text of page {number} differs"
    if pixels:
        drawn = [_draw(before, dpi), _draw(after, dpi)]
        changed = [n for n, (a, b) in enumerate(zip(*drawn, strict=True), start=1) if a != b]
        if changed:
            return f"pages drawn differently: {changed}"
    return None


def _draw(pdf: Path, dpi: int) -> list[bytes]:
    with tempfile.TemporaryDirectory(prefix="compare-outputs-") as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), str(pdf), f"{folder}/page"], check=True)
        return [page.read_bytes() for page in sorted(Path(folder).glob("page-*.ppm"))]


def archive_difference(before: Path, after: Path) -> str | None:
    """What differs between two zip archives (DOCX, XLSX, bundles), timestamps left out."""
    with zipfile.ZipFile(before) as old, zipfile.ZipFile(after) as new:
        names = sorted(set(old.namelist()) | set(new.namelist()))
        for name in names:
            if name in TIMESTAMPED:
                continue
            if name not in old.namelist() or name not in new.namelist():
                return f"{name} is in one archive only"
            if _member(name, old.read(name)) != _member(name, new.read(name)):
                return f"{name} differs"
    return None


def _member(name: str, data: bytes) -> object:
    """An archive member as compared: JSON without its times, anything else as bytes."""
    if not name.endswith(".json"):
        return data
    return json.loads(data, object_hook=lambda pairs: {k: v for k, v in pairs.items() if k not in TIME_KEYS})


def difference(before: Path, after: Path, pixels: bool, dpi: int) -> str | None:
    """What differs between two documents of the same name (None: nothing)."""
    if before.suffix == ".pdf":
        return pdf_difference(before, after, pixels, dpi)
    if zipfile.is_zipfile(before):
        return archive_difference(before, after)
    return None if before.read_bytes() == after.read_bytes() else "the bytes differ"


def main() -> int:
    """Compare the folders and print one line per file; 1 when anything differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--pixels", action="store_true", help="also compare every PDF page drawn")
    parser.add_argument("--dpi", type=int, default=50)
    args = parser.parse_args()
    files = sorted(
        {p.relative_to(args.before) for p in args.before.rglob("*") if p.is_file()}
        | {p.relative_to(args.after) for p in args.after.rglob("*") if p.is_file()}
    )
    failures = 0
    for name in files:
        old, new = args.before / name, args.after / name
        if not old.is_file() or not new.is_file():
            verdict: str | None = f"only in {'after' if new.is_file() else 'before'}"
        else:
            verdict = difference(old, new, args.pixels, args.dpi)
        failures += verdict is not None
        print(f"{name}: {verdict or 'same'}")
    print(f"{len(files)} files, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
