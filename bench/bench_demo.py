"""`carecoop demo` speed against a baseline revision, printed as ratios (wall and CPU).

The demo is the README's main job: a whole sample workshop ending in every document. This
runs it from this checkout and from a baseline revision (`git archive` of `--baseline`,
imported first through PYTHONPATH, with this checkout's virtual environment), alternately,
and prints the medians: wall time, and CPU time (user + sys of the whole process tree,
process-pool workers included). On a shared machine the CPU ratio is the one to trust.

With `--compare` it then checks that both wrote the same documents (bench/compare_outputs.py:
PDF text, page counts and pixels, archive members, bytes).

Usage: python bench/bench_demo.py [--baseline main] [--runs 3] [--compare]
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def children_cpu() -> float:
    """User + sys seconds of every finished child process (and their children) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def export_revision(revision: str, folder: Path) -> Path:
    """The files of a git revision, unpacked into `folder`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def run_demo(source: Path | None, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `carecoop demo` run (from `source` when given)."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    with tempfile.TemporaryDirectory(prefix="bench-demo-home-") as home:
        env["CARECOOP_HOME"] = home
        env.pop("CARECOOP_CACHE", None)
        start, cpu = time.perf_counter(), children_cpu()
        # From a folder of its own: Python puts the current folder before PYTHONPATH, so
        # run from the repository's root the baseline would silently import this checkout.
        subprocess.run([sys.executable, "-m", "carecoop", "demo", "--out", str(out)], env=env, check=True,
                       stdout=subprocess.DEVNULL, cwd=home)
        return time.perf_counter() - start, children_cpu() - cpu


def main() -> int:
    """Run both demos alternately and print their medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git revision to compare with (default: main)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="check both wrote the same documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as scratch:
        folder = Path(scratch)
        baseline = export_revision(args.baseline, folder / "baseline")
        times: dict[str, list[tuple[float, float]]] = {"baseline": [], "this checkout": []}
        for run in range(args.runs):
            for label, source in (("baseline", baseline), ("this checkout", None)):
                out = folder / f"out-{label.replace(' ', '-')}"
                if out.exists():
                    subprocess.run(["rm", "-rf", str(out)], check=True)
                times[label].append(run_demo(source, out))
                wall, cpu = times[label][-1]
                print(f"run {run + 1} {label:14s} {wall:6.1f} s wall {cpu:6.1f} s CPU", flush=True)
        medians = {
            label: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
            for label, runs in times.items()
        }
        (base_wall, base_cpu), (wall, cpu) = medians["baseline"], medians["this checkout"]
        print(f"baseline ({args.baseline}): {base_wall:.1f} s wall, {base_cpu:.1f} s CPU")
        print(f"this checkout: {wall:.1f} s wall, {cpu:.1f} s CPU")
        print(f"ratio: {wall / base_wall:.2f} wall, {cpu / base_cpu:.2f} CPU (below 1: faster)")
        if args.compare:
            return subprocess.run(
                [sys.executable, str(Path(__file__).with_name("compare_outputs.py")), "--pixels",
                 str(folder / "out-baseline"), str(folder / "out-this-checkout")],
                check=False,
            ).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
