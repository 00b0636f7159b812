from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

#: Set once per run (in the main process), to the folder that holds its store and cache.
_RUN_FOLDERS = "CARECOOP_TEST_RUN"


def pytest_configure(config: pytest.Config) -> None:
    """Point carecoop at a temporary folder for the whole run, before anything is collected.

    The autouse `carecoop_home` below gives each test its own store folder, but code that
    runs before it (collection, module- and session-scoped fixtures) would otherwise read
    and write the real user folder. The xdist workers inherit these variables from the
    main process, so they also share one parse cache of the module files: it is keyed on
    each file's content and written atomically, so sharing it is safe.
    """
    if _RUN_FOLDERS not in os.environ:
        run = Path(tempfile.mkdtemp(prefix="carecoop-tests-"))
        os.environ[_RUN_FOLDERS] = str(run)
        os.environ["CARECOOP_HOME"] = str(run / "home")
        os.environ["CARECOOP_CACHE"] = str(run / "cache")
        config.add_cleanup(lambda: shutil.rmtree(run, ignore_errors=True))


@pytest.fixture(scope="session")
def parse_cache() -> Path:
    """The run's parse cache of the module files (~0.35 s a test saved)."""
    return Path(os.environ[_RUN_FOLDERS]) / "cache"


@pytest.fixture(autouse=True)
def carecoop_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parse_cache: Path) -> Iterator[Path]:
    """Every test gets its own store folder; the real user folder is never touched."""
    home = tmp_path / "carecoop-home"
    monkeypatch.setenv("CARECOOP_HOME", str(home))
    monkeypatch.setenv("CARECOOP_CACHE", str(parse_cache))
    monkeypatch.delenv("CARECOOP_MODULES", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    # The interface speaks the system locale's language when nothing else says one: tests
    # expect English whatever the machine they run on is set to.
    for name in ("CARECOOP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    from carecoop.cli import common

    common.settings.home = None
    common.settings.module_dirs = []
    # rich reads COLUMNS when a Console is made: a console made by an earlier test with
    # another width would wrap this test's lines differently, so each test makes its own.
    for lazy in (common.console, common.err_console):
        lazy._console = None  # type: ignore[attr-defined]
    yield home


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test fails the run: a skip there means a broken set-up, not a pass."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or not os.environ.get("CI"):
        return
    skipped = len(reporter.stats.get("skipped", []))
    if skipped and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say why a run with skips failed in CI."""
    skipped = len(terminalreporter.stats.get("skipped", []))
    if skipped and os.environ.get("CI"):
        terminalreporter.write_line(
            f"FAILED in CI: {skipped} test(s) skipped; every test must run in CI.", red=True
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Hand the workers the long files first, so no worker is left alone with one at the end.

    xdist sends whole files (`--dist loadfile`) in the order collected
    (`--no-loadscope-reorder`); files holding `slow` tests go first, then the rest by
    number of tests, as the biggest-first rule balances two workers best.
    """
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::", 1)[0], []).append(item)

    def weight(tests: list[pytest.Item]) -> tuple[bool, int]:
        return (not any(test.get_closest_marker("slow") for test in tests), -len(tests))

    items[:] = [item for tests in sorted(files.values(), key=weight) for item in tests]
