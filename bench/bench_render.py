"""PDF export speed, printed as ratios.

- Overhead of our export (store reads, Jinja, the safe URL fetcher, writing the file)
  against WeasyPrint rendering the very same HTML directly. Two baselines: WeasyPrint as
  one would call it per document (`HTML(string=…).write_pdf(stylesheets=[…])`), and
  WeasyPrint at its best (the same shared FontConfiguration, parsed stylesheet and image
  cache we use). Target: overhead under 10% against the stricter one.
- Speed-up of a 25-participant handout batch (every module) on a process pool across
  two cores against rendering it in one process.

Runs are interleaved and the median taken, since this machine is shared and noisy.
Usage: python bench/bench_render.py [--runs N] [--skip-batch]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

TARGET_OVERHEAD = 0.10


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def overhead(runs: int) -> None:
    from helpers import make_workshop
    from weasyprint import CSS, HTML

    from carecoop.content.loader import load_curriculum
    from carecoop.paths import handouts_dir
    from carecoop.render import exports
    from carecoop.render.engine import STYLESHEET, shared_renderer

    folder = Path(tempfile.mkdtemp())
    store = make_workshop(folder / "home", people=1)
    curriculum = load_curriculum()
    renderer = shared_renderer()
    base_url = handouts_dir().resolve().as_uri() + "/"
    css_path = handouts_dir() / STYLESHEET

    # Short documents get more runs: a few milliseconds of noise are a large share of them.
    documents = {
        "agenda (one long document)": (
            lambda: exports.export_agenda(store, curriculum, "harare-2026", folder / "agenda.pdf"),
            exports.agenda_text(store, curriculum, "harare-2026", paper="a4", fmt="pdf")[0],
            runs,
        ),
        "attendance sheet (one short document)": (
            lambda: exports.export_attendance(store, curriculum, "harare-2026", folder / "sheet.pdf"),
            exports.attendance_html(store, curriculum, "harare-2026", paper="a4"),
            runs * 6,
        ),
    }
    for label, (ours, html, repeat) in documents.items():
        ours()  # warm: fonts, images, templates

        # Both baselines write their PDF to a file too, as our export does.
        def plain(html: str = html) -> None:
            HTML(string=html, base_url=base_url).write_pdf(folder / "plain.pdf", stylesheets=[css_path])

        parsed = CSS(filename=css_path, font_config=renderer.font_config)

        def best(html: str = html, parsed: object = parsed, cache: dict[str, Any] = renderer.cache) -> None:
            HTML(string=html, base_url=base_url).write_pdf(
                folder / "best.pdf", stylesheets=[parsed], font_config=renderer.font_config, cache=cache
            )

        plain()
        best()
        times: dict[str, list[float]] = {"ours": [], "plain": [], "best": []}
        for _ in range(repeat):
            times["ours"].append(timed(ours))
            times["plain"].append(timed(plain))
            times["best"].append(timed(best))
        ours_s, plain_s, best_s = (statistics.median(times[key]) for key in ("ours", "plain", "best"))
        strict = ours_s / best_s - 1
        verdict = "OK" if strict < TARGET_OVERHEAD else "OVER"
        print(f"{label}, median of {repeat}: ours {ours_s * 1000:.0f} ms, "
              f"WeasyPrint direct {plain_s * 1000:.0f} ms, "
              f"WeasyPrint with our shared set-up {best_s * 1000:.0f} ms")  # fmt: skip
        print(f"  overhead vs direct: {ours_s / plain_s:.3f}x ({(ours_s / plain_s - 1) * 100:+.1f}%)")
        print(f"  overhead vs shared set-up: {ours_s / best_s:.3f}x ({strict * 100:+.1f}%, "
              f"target under {TARGET_OVERHEAD * 100:.0f}%) {verdict}")  # fmt: skip
    store.close()


def batch_speedup(people: int) -> None:
    from helpers import make_workshop

    from carecoop.content.loader import load_curriculum
    from carecoop.render.batch import available_cores
    from carecoop.render.handout_export import export_handouts

    folder = Path(tempfile.mkdtemp())
    store = make_workshop(folder / "home", people=people)
    curriculum = load_curriculum()
    export_handouts(store, curriculum, "harare-2026", folder / "warm", workers=1)
    results: dict[int, float] = {}
    count = 0
    for workers in (1, 2):
        start = time.perf_counter()
        out = folder / f"w{workers}"
        result = export_handouts(store, curriculum, "harare-2026", out, workers=workers)
        count = len(result.paths)
        results[workers] = time.perf_counter() - start
    store.close()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"handout batch, {people} participants, {count} PDFs ({available_cores()} cores here, "
          f"load average {load:.1f}):")  # fmt: skip
    print(f"  one process {results[1]:.1f} s ({results[1] / count * 1000:.0f} ms each), "
          f"pool of 2 {results[2]:.1f} s")  # fmt: skip
    print(f"  speed-up on two cores: {results[1] / results[2]:.2f}x (ideal 2.00x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--people", type=int, default=25)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    overhead(args.runs)
    if not args.skip_batch:
        batch_speedup(args.people)


if __name__ == "__main__":
    main()
