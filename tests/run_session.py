"""A facilitator's `carecoop run` in a real pseudo-terminal, shared by the terminal tests.

The tiny module in fixtures/run-module replaces Think.CareCoop's first module, so a run
starts with its three short activities.
"""

from __future__ import annotations

import io
import os
import re
import sys
import termios
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest

from carecoop.store.db import Store
from carecoop.store.records import Workshop

#: The `carecoop` installed beside the Python that runs the tests, wherever its venv is.
CARECOOP = Path(sys.executable).parent / "carecoop"
TINY = Path(__file__).parent / "fixtures" / "run-module"
DOWN = "\x1b[B"
TIMEOUT = 20


def make_tiny_workshop(home: Path) -> None:
    """Workshop `ws`: Amina and Tendai in group Sun, Rania in group Moon."""
    store = Store.open(home)
    store.create_workshop(
        Workshop(id="ws", programme="think-carecoop", title="Tiny day", start_date="2025-03-14")
    )
    store.add_participants("ws", ["Amina", "Tendai"], "Sun")
    store.add_participants("ws", ["Rania"], "Moon")
    store.close()


@pytest.fixture
def home(carecoop_home: Path) -> Path:
    """The test's store folder, holding the tiny workshop."""
    make_tiny_workshop(carecoop_home)
    return carecoop_home


class Terminal(pexpect.spawn):  # type: ignore[misc]  # pexpect has no type hints
    """A pseudo-terminal whose keys wait, not a fixed time, but for the program to read keys.

    A key typed while the terminal is still in its line mode (cooked) is eaten by the line
    discipline: Enter waits for a whole line, Ctrl-C becomes a signal. prompt_toolkit puts
    the terminal in raw mode before it draws a prompt, so each key waits (a few
    milliseconds at most) until the terminal is raw, and pexpect's fixed 50 ms pause before
    every send (`delaybeforesend`) is dropped.
    """

    def _wait_for_raw_mode(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                local_modes = termios.tcgetattr(self.child_fd)[3]
            except (OSError, termios.error):
                return  # the program has ended: the key goes nowhere anyway
            if not local_modes & (termios.ICANON | termios.ISIG):
                return
            time.sleep(0.002)
        raise AssertionError(f"the terminal never left line mode; the screen was:\n{self.before}")

    def send(self, s: str) -> int:
        """Send keys once the program reads them one by one."""
        self._wait_for_raw_mode()
        sent: int = super().send(s)
        return sent

    def sendintr(self) -> None:
        """Ctrl-C, as a key the program reads (not as a signal from the line discipline)."""
        self._wait_for_raw_mode()
        super().sendintr()


def spawn(args: list[str], env: dict[str, str], rows: int = 40, columns: int = 120) -> Terminal:
    """`carecoop ARGS` in a pseudo-terminal of `rows` × `columns`, with `env` over the test's own."""
    # A missing command is a broken set-up, not a reason to skip: fail loudly.
    assert CARECOOP.exists(), f"{CARECOOP} not found: run `bash scripts/setup.sh` first"
    environment = {
        **os.environ,
        "TERM": "xterm",
        # A test terminal does not answer cursor position requests: without this,
        # prompt_toolkit waits a second for the answer at the end of every prompt.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    environment.pop("COLUMNS", None)  # the terminal's own size, as a facilitator's
    environment.update(env)
    child = Terminal(
        str(CARECOOP), args, env=environment, dimensions=(rows, columns), encoding="utf-8", timeout=TIMEOUT
    )
    child.delaybeforesend = None
    return child


def finish(child: Terminal) -> int:
    """Read a child to its end and wait for it: its exit status, or minus the signal that ended it.

    Waiting first means closing never has to guess (ptyprocess sleeps 0.1 s, then sends
    SIGHUP to a child still alive, which would change the status the test reads).
    """
    child.expect(pexpect.EOF)
    child.wait()
    child.ptyproc.delayafterclose = 0
    child.close()
    status: int = child.exitstatus if child.exitstatus is not None else -child.signalstatus
    return status


class Session:
    """One `carecoop run` in a pseudo-terminal, 40 rows and 120 columns unless told."""

    def __init__(self, home: Path, *args: str, rows: int = 40, columns: int = 120, **extra: str) -> None:
        env = {"CARECOOP_HOME": str(home), "CARECOOP_MODULES": str(TINY), **extra}
        self.child = spawn(["run", "ws", *args], env, rows=rows, columns=columns)
        self.log = io.StringIO()
        self.child.logfile_read = self.log

    def screen(self) -> str:
        """What was drawn since the terminal was last cleared, as plain text.

        The run clears the terminal before each screen, then draws it top down; later
        redraws (the timer) add only the cells that changed. Cursor moves to the right
        stand for the blank cells they skip.
        """
        out = self.log.getvalue()
        return self._plain(out[out.rfind("\x1b[2J") :])

    def screens(self) -> list[str]:
        """Every screen drawn so far, as `screen` gives the last one."""
        return [self._plain(part) for part in self.log.getvalue().split("\x1b[2J")[1:]]

    @staticmethod
    def _plain(drawn: str) -> str:
        """Drawn output as lines of text: carriage returns and moves to the right are followed
        within a line, other escapes (colours, moves up and down) are dropped."""
        lines = []
        for raw in drawn.split("\n"):
            cells: list[str] = []
            column = 0
            for token in re.findall(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r|.", raw):
                if token == "\r":
                    column = 0
                elif token.startswith("\x1b[") and token.endswith("C"):
                    column += int(token[2:-1] or 1)
                elif not token.startswith("\x1b"):
                    cells += [" "] * (column + 1 - len(cells))
                    cells[column] = token
                    column += 1
            lines.append("".join(cells))
        return "\n".join(lines)

    def expect(self, text: str) -> None:
        try:
            self.child.expect_exact(text)
        except pexpect.TIMEOUT:
            raise AssertionError(f"{text!r} never came; the screen was:\n{self.screen()}") from None

    def answer(self, prompt: str, keys: str) -> None:
        self.expect(prompt)
        self.child.send(keys)

    def end(self) -> int:
        """The run's exit status once it has ended (minus the signal that killed it)."""
        return finish(self.child)


def answers(home: Path) -> list[tuple[str, str, Any, Any, bool]]:
    store = Store.open(home)
    try:
        return [(a.question_id, a.who, a.value, a.recorded_at, a.skipped) for a in store.answers("ws")]
    finally:
        store.close()


def values(home: Path) -> list[tuple[str, str, Any]]:
    return [(question, who, value) for question, who, value, _, _ in answers(home)]


def start(session: Session, attendance: bool = True) -> None:
    session.answer("Where do you want to start?", "\r")
    if attendance:
        session.answer("Who is here?", "\r")


def welcome_steps(session: Session) -> None:
    session.answer("Step 1 of 2", "\r")
    session.expect("Step 2 of 2")
    session.answer("A note only the facilitator sees.", "b\r")
    session.answer("Step 1 of 2", "\r")
    session.answer("Step 2 of 2", "\r")
