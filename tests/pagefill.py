"""How full each page of a PDF is: the share of its body down to the last mark.

Measured on a low-resolution image of each page (pdftoppm), so that ruled lines, boxes
and pictures count as much as text. The running header (the first band of marks from the
top) and the page number (the last band from the bottom) are left out, whatever the
page's margins.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

DPI = 30
#: A gap of this many white pixel rows separates the header or footer from the body.
GAP = 4


def _bands(dark: list[bool]) -> list[tuple[int, int]]:
    """Runs of dark rows as (first, last), merging runs split by fewer than GAP white rows."""
    bands: list[tuple[int, int]] = []
    for y, is_dark in enumerate(dark):
        if not is_dark:
            continue
        if bands and y - bands[-1][1] <= GAP:
            bands[-1] = (bands[-1][0], y)
        else:
            bands.append((y, y))
    return bands


def page_fill(path: Path) -> list[float]:
    """For each page, how far down its body the content reaches (0 = blank, 1 = full)."""
    from PIL import Image

    fills: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(path), f"{folder}/p"], check=True)
        for image_path in sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
            image = Image.open(image_path)
            width, height = image.size
            data = image.tobytes()
            dark = [min(data[y * width : (y + 1) * width]) < 128 for y in range(height)]
            bands = _bands(dark)
            if len(bands) < 2:  # a page number alone, or nothing: blank
                fills.append(0.0)
                continue
            footer = bands[-1]
            if len(bands) == 2:
                # The body touches the header (a table right under it): one band.
                top, last = bands[0][0], bands[0][1]
            else:
                top, last = bands[0][1], bands[-2][1]
            fills.append((last - top) / (footer[0] - top))
    return fills
