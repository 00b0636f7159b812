"""Where carecoop finds its bundled data and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled `modules/` or `handouts/` folder, in a wheel or in a source checkout."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def modules_dir() -> Path:
    """The bundled curriculum."""
    return bundled_dir("modules")


def handouts_dir() -> Path:
    """The bundled document templates, stylesheet and pictograms."""
    return bundled_dir("handouts")


def extra_module_dirs() -> list[Path]:
    """Folders of adapted or added modules named by CARECOOP_MODULES (os.pathsep-separated)."""
    value = os.environ.get("CARECOOP_MODULES", "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def cache_dir() -> Path:
    """Where parsed module files are cached.

    CARECOOP_CACHE when that is set (a folder several stores share, e.g. every test of a
    run); else CARECOOP_HOME/cache when that is set (one folder holds everything: a USB
    stick); else the platform's cache folder (~/.cache/carecoop), so the cache never fills
    the folder that holds the answers.
    """
    cache = os.environ.get("CARECOOP_CACHE")
    if cache:
        return Path(cache)
    env = os.environ.get("CARECOOP_HOME")
    if env:
        return Path(env) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("carecoop", appauthor=False))


def home_dir(override: Path | None = None) -> Path:
    """The folder that holds the store: --home, then CARECOOP_HOME, then the user data dir."""
    if override is not None:
        return override
    env = os.environ.get("CARECOOP_HOME")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("carecoop", appauthor=False))
