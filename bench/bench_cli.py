"""Start-up and curriculum-loading speed, printed as ratios against their targets.

- `carecoop --help` against a bare typer app with the same number of commands (target ≤ 1.3)
- loading and validating the whole curriculum (target under 50 ms)

Runs are interleaved and the median taken, since this machine is shared and noisy.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 21


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
    main()
