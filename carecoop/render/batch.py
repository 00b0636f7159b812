"""Render many PDFs: in this process for a few, over a process pool across the cores for many."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from carecoop.outputs import write_atomic
from carecoop.render.engine import shared_renderer
from carecoop.render.fit import NEARLY_EMPTY, last_page_share, room_on_last_page, with_notes

#: Below this many documents a pool costs more (starting workers, their font set-up) than it saves.
POOL_THRESHOLD = 6


@dataclass(frozen=True)
class PdfJob:
    """One document to render: its HTML and where the PDF goes."""

    html: str
    path: Path
    #: When the last page would hold only a few lines, lay the document out tighter, or
    #: else fill that page with ruled lines for notes under this heading.
    tighten: bool = False
    notes_label: str = "Notes"


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def render_one(job: PdfJob) -> Path:
    """Render and write one job with this process's renderer (its target was claimed before)."""
    renderer = shared_renderer()
    if not job.tighten:
        return write_atomic(job.path, renderer.pdf(job.html))
    document = renderer.layout(job.html)
    if len(document.pages) > 1 and last_page_share(document) < NEARLY_EMPTY:
        tight = renderer.layout(job.html.replace('<body class="', '<body class="tight ', 1))
        if len(tight.pages) < len(document.pages) or last_page_share(tight) >= NEARLY_EMPTY:
            document = tight
        else:
            document = renderer.layout(with_notes(job.html, room_on_last_page(document), job.notes_label))
    return write_atomic(job.path, document.write_pdf())


def render_pdfs(jobs: Sequence[PdfJob], workers: int | None = None) -> list[Path]:
    """Render every job; `workers` processes (default: the cores) when the batch is large."""
    if not jobs:
        return []
    count = available_cores() if workers is None else max(1, workers)
    count = min(count, len(jobs))
    if count <= 1 or len(jobs) < POOL_THRESHOLD:
        return [render_one(job) for job in jobs]
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # Forked workers inherit this process's renderer (WeasyPrint imported, its font
        # configuration made, print.css parsed) instead of each making its own.
        shared_renderer()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        return list(pool.map(render_one, jobs, chunksize=1))
