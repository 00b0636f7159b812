"""ruff and mypy --strict run with the tests, so one pytest command checks everything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff() -> None:
    result = run(str(BIN / "ruff"), "check", "carecoop", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_test_imports_another_test_module() -> None:
    # Shared test code lives in helper modules (helpers.py, run_session.py, ...), so each
    # test file can run, move or be deleted on its own.
    offenders = [
        f"{path.name}:{number}: {line}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith(("from test_", "import test_"))
    ]
    assert offenders == []
