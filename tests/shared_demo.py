"""One `carecoop demo` per test run, shared by every test file and every xdist worker.

The demo writes every kind of document of a whole Start.CareCoop workshop (~30 s of CPU);
tests/test_demo.py checks it, and other files check their document types on the same
output where a check holds on it, instead of rendering those documents again. It is built
under the run's folder (CARECOOP_TEST_RUN, set by tests/conftest.py's pytest_configure and
inherited by the workers), once: the first worker to ask takes a file lock and builds it,
a second one waits on the lock and then reads it. Tests only read it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoOutput:
    """The demo's folder of documents and what the command printed."""

    out: Path
    output: str


def shared_demo() -> DemoOutput:
    """The run's demo output, built by the first caller of the run (in any worker)."""
    run = Path(os.environ["CARECOOP_TEST_RUN"])
    folder = run / "demo"
    printed = folder / "printed.txt"
    with (run / "demo.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not printed.is_file():
            _build(folder, printed)
    return DemoOutput(folder / "carecoop-demo", printed.read_text(encoding="utf-8"))


def _build(folder: Path, printed: Path) -> None:
    from typer.testing import CliRunner

    from carecoop.cli.app import app

    shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
    folder.mkdir(parents=True)
    result = CliRunner().invoke(app, ["demo", "--out", str(folder / "carecoop-demo")])
    assert result.exit_code == 0, result.output
    # Written last and renamed into place: its presence means the whole demo is there.
    partial = printed.with_suffix(".part")
    partial.write_text(result.output, encoding="utf-8")
    partial.replace(printed)
