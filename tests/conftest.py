from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def carecoop_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own store folder; the real user folder is never touched."""
    home = tmp_path / "carecoop-home"
    monkeypatch.setenv("CARECOOP_HOME", str(home))
    monkeypatch.delenv("CARECOOP_MODULES", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    from carecoop.cli.common import settings

    settings.home = None
    settings.module_dirs = []
    yield home
