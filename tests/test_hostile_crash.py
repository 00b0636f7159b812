"""Issue 12: kill a run at random moments; every answer the screen showed as saved is in the store.

An answer is shown as saved when the next prompt appears (it is committed before that
prompt is drawn). Each of the kills starts from a fresh workshop, answers the greetings
of the tiny module and is killed with SIGKILL at a random point: between prompts, half
way through typing, or just after Enter.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest
from run_session import Session, start, values, welcome_steps

from carecoop.store.db import Store
from carecoop.store.records import Workshop

pytestmark = pytest.mark.slow
#: Eight kills, two at each moment, prove the rule in the suite; a soak sets more:
#: `CARECOOP_KILLS=200 .venv/bin/python -m pytest tests/test_hostile_crash.py`.
KILLS = int(os.environ.get("CARECOOP_KILLS", "8"))
MOMENTS = ["now", "after-next-prompt", "typing", "sleep"]
PEOPLE = ["Amina", "Tendai", "Rania"]


def fresh_home(root: Path, number: int) -> Path:
    home = root / f"home-{number}"
    store = Store.open(home)
    tiny = Workshop(id="ws", programme="think-carecoop", title="Tiny", start_date="2025-03-14")
    store.create_workshop(tiny)
    store.add_participants("ws", PEOPLE[:2], "Sun")
    store.add_participants("ws", PEOPLE[2:], "Moon")
    store.close()
    return home


def test_random_kills_lose_nothing_the_screen_showed_as_saved(tmp_path: Path) -> None:
    chance = random.Random(12)  # fixed: a failure can be replayed
    killed_while_typing = 0
    for number in range(KILLS):
        home = fresh_home(tmp_path, number)
        run = Session(home)
        start(run)
        welcome_steps(run)
        answers_given = chance.randint(0, 3)
        shown_saved: list[tuple[str, str, str]] = []
        typed: list[tuple[str, str, str]] = []
        seen = -1  # the last prompt read off the screen

        def prompt(index: int) -> str:
            return f"{PEOPLE[index]} ({index + 1} of 3)" if index < len(PEOPLE) else "What next?"

        for index in range(answers_given):
            if seen < index:
                run.expect(prompt(index))
            value = f"hello-{number}-{index}"
            run.child.send(value + "\r")
            typed.append(("greeting", PEOPLE[index], value))
            if index + 1 < answers_given:
                run.expect(prompt(index + 1))
                seen = index + 1
                shown_saved = list(typed)
        moment = MOMENTS[number % len(MOMENTS)]
        if moment in ("after-next-prompt", "typing") and seen < answers_given:
            run.expect(prompt(answers_given))
            shown_saved = list(typed)
            if moment == "typing" and answers_given < len(PEOPLE):
                run.child.send("half an ans")
                killed_while_typing += 1
        elif moment == "sleep":
            time.sleep(chance.uniform(0, 0.3))
        run.child.kill(signal.SIGKILL)
        assert run.end() == -signal.SIGKILL
        stored = values(home)
        for answer in shown_saved:
            assert answer in stored, (number, moment, answer, stored)
        # Whatever else is stored is an answer that was really given, never half of one.
        assert all(answer in typed for answer in stored), (number, stored)
    assert killed_while_typing > 0
