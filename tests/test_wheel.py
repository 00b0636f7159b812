"""The built wheel carries the curriculum and the document templates and runs on its own."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (found,) = out.glob("carecoop-*.whl")
    return found


def test_wheel_contains_modules_and_handouts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "carecoop/_data/modules/think-carecoop/programme.yaml" in names
    assert any(n.startswith("carecoop/_data/modules/think-carecoop/01-") for n in names)
    assert any(n.startswith("carecoop/_data/handouts/") for n in names)


def test_wheel_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True
    )
    result = subprocess.run(
        [str(venv / "bin" / "carecoop"), "modules", "list", "--programme", "think-carecoop"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "tc-1" in result.stdout
    assert "Care in our lives" in result.stdout
