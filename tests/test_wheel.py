"""The built wheel carries the curriculum and the document templates and runs on its own.

Built and installed offline: the build backend is the locked hatchling in the project's
venv, and the fresh venv takes carecoop's dependencies from that venv too, so the test
needs no package index. uv (pinned, installed next to the project's Python by
scripts/setup.sh) builds and installs: a venv without pip and uv's install take a tenth of
a second, where `python -m venv` with pip and `pip install` take about five seconds of CPU.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).parent / "uv"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    assert UV.is_file(), f"no uv at {UV}: run scripts/setup.sh"
    subprocess.run(
        [str(UV), "build", "--wheel", "--no-build-isolation", "--offline", "--quiet",
         "--python", sys.executable, "--out-dir", str(out), str(ROOT)],
        check=True,
    )
    (found,) = out.glob("carecoop-*.whl")
    return found


def test_wheel_contains_modules_and_handouts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "carecoop/_data/modules/think-carecoop/programme.yaml" in names
    assert any(n.startswith("carecoop/_data/modules/think-carecoop/01-") for n in names)
    assert any(n.startswith("carecoop/_data/handouts/") for n in names)
    assert "carecoop/countries/co.yaml" in names  # country profiles are package data
    for language in ("en", "es", "fr", "ar"):  # the interface's catalogs, compiled in the repository
        assert f"carecoop/locale/{language}/LC_MESSAGES/carecoop.mo" in names


def test_wheel_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(UV), "pip", "install", "--offline", "--no-deps", "--quiet", "--python", str(python), str(wheel)],
        check=True,
    )
    # The dependencies come from the project's venv, appended after the fresh venv's own
    # site-packages: the wheel's carecoop is found first, and the editable install's finder
    # there is never activated (.pth files are read only in site directories).
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip())
    (site / "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
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
    where = subprocess.run(
        [str(python), "-c", "import carecoop; print(carecoop.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    ).stdout
    assert where.startswith(str(venv)), where
    spanish = subprocess.run(
        [str(venv / "bin" / "carecoop"), "--lang", "es", "workshop", "list"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
        env={"PATH": "/usr/bin:/bin", "CARECOOP_HOME": str(tmp_path / "home")},
    )
    assert spanish.stdout.startswith("Todavía no hay talleres."), spanish.stdout + spanish.stderr
