"""Start-up and curriculum-loading speed, printed as ratios against their targets.

- `carecoop --help` against a bare typer app with the same number of commands (target ≤ 1.3)
- loading and validating the whole curriculum (target under 50 ms)

Runs are interleaved and the median taken, since this machine is shared and noisy.

With `--baseline REV` it then compares this checkout with a revision (`git archive`,
imported first through PYTHONPATH, with this checkout's virtual environment), alternately,
and prints medians of CPU time (the ratio to trust on a shared machine) for:

- a session of five typical commands run in one process with typer's CliRunner (as the
  tests run hundreds), after a first session that pays the imports, five homes in a row;
- loading the curriculum again in the same process;
- one new `carecoop modules list` process (imports, app, a load with the parse cache warm).

Usage: python bench/bench_cli.py [--baseline main] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_demo import children_cpu

RUNS = 21

#: Run in a fresh process from the checkout under test; prints its CPU times as JSON.
SESSION = """
import json, os, sys, time
from pathlib import Path
from typer.testing import CliRunner
from carecoop.cli.app import app
from carecoop.cli import common
from carecoop.content.loader import load_curriculum

folder = Path(sys.argv[1])
runner = CliRunner()
COMMANDS = [
    ["workshop", "new", "--id", "ws", "--programme", "start-carecoop", "--title", "T",
     "--date", "2026-03-14"],
    ["participants", "add", "ws", "Amina", "Tendai"],
    ["answers", "ws"],
    ["modules", "list"],
    ["plan", "check", "ws"],
]

def session(number):
    os.environ["CARECOOP_HOME"] = str(folder / f"home{number}")
    common.settings.home, common.settings.module_dirs = None, []
    for command in COMMANDS:
        runner.invoke(app, command)

session(0)
start = time.process_time()
for number in range(1, 6):
    session(number)
commands = (time.process_time() - start) / (5 * len(COMMANDS))
start = time.process_time()
for _ in range(10):
    load_curriculum()
print(json.dumps({"command": commands, "reload": (time.process_time() - start) / 10}))
"""


def export_revision(revision: str, folder: Path) -> Path:
    """The files of a git revision, unpacked into `folder` and compiled.

    Compiled once, as scripts/setup.sh does for this checkout, so that neither side pays
    for compiling its modules in every process.
    """
    from bench_demo import export_revision as unpack

    unpack(revision, folder)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "carecoop")], check=True)
    return folder


def measure(source: Path | None, scratch: Path) -> dict[str, float]:
    """CPU seconds of each measured thing, for this checkout (None) or a source tree."""
    env = dict(os.environ, CARECOOP_CACHE=str(scratch / "cache"), CARECOOP_HOME=str(scratch / "home"))
    env.pop("CARECOOP_MODULES", None)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    scratch.mkdir(parents=True)
    # Run from the scratch folder: Python puts the current folder before PYTHONPATH, so
    # from the repository's root the baseline would silently import this checkout.
    found = subprocess.run([sys.executable, "-c", SESSION, str(scratch)], env=env, capture_output=True,
                           text=True, check=True, cwd=scratch)
    times: dict[str, float] = json.loads(found.stdout)
    cpu = children_cpu()
    subprocess.run([sys.executable, "-m", "carecoop", "modules", "list"], env=env, check=True,
                   stdout=subprocess.DEVNULL, cwd=scratch)
    times["process"] = children_cpu() - cpu
    return times


def compare(revision: str, runs: int) -> None:
    """Print medians and ratios of this checkout against a revision."""
    labels = {"command": "one command in a CliRunner session", "reload": "load the curriculum again",
              "process": "a new `carecoop modules list` process"}
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as scratch:
        folder = Path(scratch)
        baseline = export_revision(revision, folder / "baseline")
        results: dict[str, list[dict[str, float]]] = {"baseline": [], "this checkout": []}
        for run in range(runs + 1):
            for label, source in (("baseline", baseline), ("this checkout", None)):
                times = measure(source, folder / f"run-{run}-{label.replace(' ', '-')}")
                if run:  # the first run warms the file cache and writes the parse cache
                    results[label].append(times)
    print(f"CPU, median of {runs} runs: baseline ({revision}) -> this checkout (ratio; below 1: faster)")
    for key, label in labels.items():
        base = statistics.median(r[key] for r in results["baseline"]) * 1000
        ours = statistics.median(r[key] for r in results["this checkout"]) * 1000
        print(f"  {label}: {base:.1f} ms -> {ours:.1f} ms ({ours / base:.2f})")


def count_commands() -> int:
    import typer

    from carecoop.cli.app import app

    def leaves(command: object) -> int:
        # typer ships its own copy of click; a group is anything with sub-commands.
        subcommands = getattr(command, "commands", None)
        if subcommands:
            return sum(leaves(sub) for sub in subcommands.values())
        return 1

    return leaves(typer.main.get_command(app))


def bare_app(folder: Path, commands: int) -> Path:
    lines = ["import typer",
             "app = typer.Typer(rich_markup_mode=None, add_completion=False, no_args_is_help=True)"]
    for number in range(commands):
        lines += [f"@app.command('c{number}')", f"def c{number}(x: str = '') -> None:", "    '''Help.'''"]
    lines.append("app()")
    path = folder / "bare.py"
    path.write_text("\n".join(lines) + "\n")
    return path


def run_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    commands = count_commands()
    with tempfile.TemporaryDirectory() as folder:
        bare = bare_app(Path(folder), commands)
        # The console script, as people run it (python -m adds runpy's own start-up).
        script = Path(sys.executable).with_name("carecoop")
        ours_argv = [str(script), "--help"]
        if not script.exists():
            ours_argv = [sys.executable, "-m", "carecoop", "--help"]
        bare_argv = [sys.executable, str(bare), "--help"]
        run_once(ours_argv), run_once(bare_argv)  # warm the file cache
        ours, theirs = [], []
        for _ in range(RUNS):
            ours.append(run_once(ours_argv))
            theirs.append(run_once(bare_argv))
    help_ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"carecoop --help: {statistics.median(ours) * 1000:.0f} ms; bare typer app with "
          f"{commands} commands: {statistics.median(theirs) * 1000:.0f} ms")
    print(f"  ratio {help_ratio:.2f} (target <= 1.30) {'OK' if help_ratio <= 1.3 else 'OVER'}")

    import shutil

    from carecoop.content.loader import load_curriculum
    from carecoop.paths import home_dir

    cache = home_dir() / "cache" / "yaml"
    cold = []
    for _ in range(5):
        shutil.rmtree(cache, ignore_errors=True)  # no parse cache: every file parsed
        start = time.perf_counter()
        load_curriculum()
        cold.append(time.perf_counter() - start)
    load_curriculum()  # the parse cache is now warm, as for every later command
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        curriculum = load_curriculum()
        times.append(time.perf_counter() - start)
    load_ms = statistics.median(times) * 1000
    activities = sum(len(m.activities) for m in curriculum.modules)
    print(f"load + validate the curriculum ({len(curriculum.modules)} modules, {activities} "
          f"activities; parse cache warm): {load_ms:.1f} ms")
    print(f"  ratio to the 50 ms target {load_ms / 50:.2f} (target <= 1.00) "
          f"{'OK' if load_ms <= 50 else 'OVER'}")
    print(f"  the first load after a change (every file parsed again): "
          f"{statistics.median(cold) * 1000:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="a git revision to compare with (e.g. main)")
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    if arguments.baseline:
        compare(arguments.baseline, arguments.runs)
    else:
        main()
