from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from carecoop.content.curriculum import Curriculum
from carecoop.content.loader import load_curriculum
from carecoop.content.models import Activity, Module, Question
from carecoop.errors import NextStep, Step, UserError
from carecoop.store.db import Store
from carecoop.store.records import Participant, Workshop
from carecoop.workshop.prompter import (
    SKIPPED,
    AgendaEntry,
    AnswerRow,
    AskRequest,
    EndChoice,
    Navigation,
)
from carecoop.workshop.quiz_counts import ChoiceCounts
from carecoop.workshop.runner import Runner, RunOutcome
from carecoop.workshop.timer import Countdown

TINY = Path(__file__).parent / "fixtures" / "run-module"


class Script:
    """A Prompter that answers from lists and writes down what it was asked."""

    def __init__(
        self,
        answers: Sequence[Any] = (),
        ends: Sequence[EndChoice] = (),
        steps: Sequence[Navigation] = (),
        absent: Sequence[str] = (),
        start: int | None = None,
    ) -> None:
        self.answers = list(answers)
        self.ends = list(ends)
        self.steps = list(steps)
        self.absent = set(absent)
        self.start = start
        self.log: list[tuple[Any, ...]] = []
        self.suggested: int | None = None
        self.picked = 0
        self.note: str | None = None

    def notice(self, text: str, next_step: NextStep | None = None) -> None:
        self.log.append(("notice", text, next_step) if next_step else ("notice", text))

    def choose_start(self, agenda: Sequence[AgendaEntry], suggested: int | None) -> int | None:
        self.suggested = suggested
        self.log.append(("agenda", suggested))
        return suggested if self.start is None else self.start

    def take_attendance(self, module: Module, participants: Sequence[Participant]) -> set[int]:
        self.log.append(("attendance", module.id))
        return {p.id for p in participants if p.name not in self.absent}

    def show_activity(self, entry: AgendaEntry, total: int) -> None:
        self.log.append(("activity", entry.activity.id))

    def show_step(self, activity: Activity, index: int, countdown: Countdown) -> Navigation:
        self.log.append(("step", index))
        return self.steps.pop(0) if self.steps else Navigation.NEXT

    def ask(self, request: AskRequest) -> Any:
        self.log.append(("ask", request.question.id, request.target.label, request.position, request.total))
        value = self.answers.pop(0)
        if isinstance(value, BaseException):
            raise value
        return value

    def saved(self, request: AskRequest, text: str) -> None:
        self.log.append(("saved", request.question.id, request.target.label, text))

    def show_counts(self, question: Question, counts: Sequence[ChoiceCounts]) -> None:
        self.log.append(
            ("counts", question.id, tuple((c.label, tuple(c.counts.items()), c.skipped) for c in counts))
        )

    def show_closing(self, activity: Activity, rows: Sequence[AnswerRow], again: bool) -> None:
        self.log.append(("closing", activity.id, tuple(row.text for row in rows)))

    def end_of_activity(
        self, choices: Sequence[EndChoice], next_title: str | None, countdown: Countdown
    ) -> EndChoice:
        return self.ends.pop(0) if self.ends else EndChoice.STOP

    def pick_answer(self, rows: Sequence[AnswerRow]) -> AnswerRow | None:
        return rows[self.picked]

    def ask_note(self, activity: Activity, countdown: Countdown) -> str | None:
        return self.note


@pytest.fixture
def curriculum() -> Curriculum:
    return load_curriculum([TINY])


@pytest.fixture
def store(carecoop_home: Path) -> Store:
    opened = Store.open(carecoop_home)
    opened.create_workshop(Workshop(id="ws", programme="think-carecoop", title="T", start_date="2025-03-14"))
    opened.add_participants("ws", ["Amina", "Tendai"], "Sun")
    opened.add_participants("ws", ["Rania"], "Moon")
    return opened


def run(store: Store, curriculum: Curriculum, script: Script, start: str | None = None) -> RunOutcome:
    workshop = store.workshop("ws")
    return Runner(store, curriculum, workshop, script).run(start).outcome


def asked(script: Script) -> list[tuple[Any, ...]]:
    return [entry[1:3] for entry in script.log if entry[0] == "ask"]


def current(store: Store) -> list[tuple[str, str, str | None, str | None, Any]]:
    return [(a.activity_id, a.question_id, a.participant, a.group, a.value) for a in store.answers("ws")]


TINY_ANSWERS = [
    "Hi",
    SKIPPED,
    "Salam",  # greeting, each participant
    "members-own-and-run",
    "one-owner",
    "members-own-and-run",  # quiz, each participant
    4,
    6,  # hours, each group
    "1250.50",  # wage, plenary
    ["childcare", "elder care"],  # needs
    True,
    False,  # ready, each group
    [{"Who": "Children", "What": "Meals"}],
    [{"Who": "Elders", "What": ""}],  # map, each group
    4,  # feeling, plenary
    ["mothers", "neighbours"],  # helpers, plenary
]


def test_a_module_from_start_to_end(store: Store, curriculum: Curriculum) -> None:
    script = Script(TINY_ANSWERS, ends=[EndChoice.NEXT, EndChoice.NEXT, EndChoice.STOP])
    assert run(store, curriculum, script) is RunOutcome.STOPPED
    assert script.suggested == 0
    kinds = [entry[0] for entry in script.log]
    assert kinds[:6] == ["agenda", "attendance", "activity", "step", "step", "ask"]
    assert kinds.count("attendance") == 1  # once per module
    assert asked(script)[:3] == [("greeting", "Amina"), ("greeting", "Tendai"), ("greeting", "Rania")]
    assert asked(script)[6:8] == [("hours", "group Sun"), ("hours", "group Moon")]
    assert current(store) == [
        ("tiny-welcome", "greeting", "Amina", None, "Hi"),
        ("tiny-welcome", "greeting", "Tendai", None, None),
        ("tiny-welcome", "greeting", "Rania", None, "Salam"),
        ("tc1-knowledge-before", "what-is-a-cooperative", "Amina", None, "members-own-and-run"),
        ("tc1-knowledge-before", "what-is-a-cooperative", "Tendai", None, "one-owner"),
        ("tc1-knowledge-before", "what-is-a-cooperative", "Rania", None, "members-own-and-run"),
        ("tiny-needs", "hours", None, "Sun", 4),
        ("tiny-needs", "hours", None, "Moon", 6),
        ("tiny-needs", "wage", None, None, "1250.50"),
        ("tiny-needs", "needs", None, None, ["childcare", "elder care"]),
        ("tiny-needs", "ready", None, "Sun", True),
        ("tiny-needs", "ready", None, "Moon", False),
        ("tiny-needs", "map", None, "Sun", [{"Who": "Children", "What": "Meals"}]),
        ("tiny-needs", "map", None, "Moon", [{"Who": "Elders", "What": ""}]),
        ("tiny-needs", "feeling", None, None, 4),
        ("tiny-needs", "helpers", None, None, ["mothers", "neighbours"]),
    ]
    assert [a.skipped for a in store.answers("ws")][:3] == [False, True, False]
    progress = store.progress("ws")
    assert {aid: p.status for aid, p in progress.items()} == {
        "tiny-welcome": "done",
        "tc1-knowledge-before": "done",
        "tiny-needs": "done",
    }
    closing = [entry for entry in script.log if entry[0] == "closing"][0]
    assert closing == ("closing", "tiny-welcome", ("Hi", "(skipped)", "Salam"))
    # After the knowledge check (and only after it) the room sees the counts by group.
    counts = [entry for entry in script.log if entry[0] == "counts"]
    assert counts == [
        (
            "counts",
            "what-is-a-cooperative",
            (
                ("Sun", (("members-own-and-run", 1), ("one-owner", 1)), 0),
                ("Moon", (("members-own-and-run", 1),), 0),
                ("Everyone", (("members-own-and-run", 2), ("one-owner", 1)), 0),
            ),
        )
    ]
    kinds = [entry[0] for entry in script.log]
    assert kinds[kinds.index("counts") - 2 : kinds.index("counts") + 2] == [
        "ask",
        "saved",
        "counts",
        "closing",
    ]


def test_an_interrupted_run_resumes_at_the_next_unanswered_question(
    store: Store, curriculum: Curriculum
) -> None:
    first = Script(
        ["Hi", "Hello", "Salam", "members-own-and-run", KeyboardInterrupt()], ends=[EndChoice.NEXT]
    )
    with pytest.raises(KeyboardInterrupt):
        run(store, curriculum, first)
    assert len(store.answers("ws")) == 4
    second = Script(["one-owner", "members-own-and-run"], ends=[EndChoice.STOP])
    run(store, curriculum, second)
    assert second.suggested == 1
    assert [entry[0] for entry in second.log][:4] == ["agenda", "activity", "notice", "ask"]
    assert second.log[2] == (
        "notice",
        "Going on where you stopped: 1 answer of this activity recorded already.",
    )
    assert second.log[3] == ("ask", "what-is-a-cooperative", "Tendai", 2, 3)
    assert "step" not in [entry[0] for entry in second.log]
    assert len(store.answers("ws")) == 6


def test_an_edit_appends_and_keeps_the_history(store: Store, curriculum: Curriculum) -> None:
    script = Script(["Hi", "Hello", "Salam", "Good morning"], ends=[EndChoice.EDIT, EndChoice.STOP])
    run(store, curriculum, script)
    assert [a.value for a in store.answers("ws") if a.participant == "Amina"] == ["Good morning"]
    assert [a.value for a in store.answers("ws", history=True) if a.participant == "Amina"] == [
        "Hi",
        "Good morning",
    ]
    closings = [entry[2] for entry in script.log if entry[0] == "closing"]
    assert closings == [("Hi", "Hello", "Salam"), ("Good morning", "Hello", "Salam")]


def test_a_note_is_kept(store: Store, curriculum: Curriculum) -> None:
    script = Script(["Hi", "Hello", "Salam"], ends=[EndChoice.NOTE, EndChoice.STOP])
    script.note = "  Two came late. "
    run(store, curriculum, script)
    assert store.notes("ws") == {"tiny-welcome": ["Two came late."]}


def test_absent_participants_are_not_asked(store: Store, curriculum: Curriculum) -> None:
    script = Script(["Hi", "Salam"], ends=[EndChoice.STOP], absent=["Tendai"])
    run(store, curriculum, script)
    assert asked(script) == [("greeting", "Amina"), ("greeting", "Rania")]
    assert store.attendance("ws")["tc-1"] == {1: True, 2: False, 3: True}


def test_without_people_each_question_is_asked_once(curriculum: Curriculum, carecoop_home: Path) -> None:
    bare = Store.open(carecoop_home)
    bare.create_workshop(Workshop(id="ws", programme="think-carecoop", title="T", start_date="2025-03-14"))
    script = Script(
        ["Hello all", "one-owner", 5, "10", ["a"], True, [{"Who": "x"}], 1, ["mothers"]],
        ends=[EndChoice.NEXT, EndChoice.NEXT, EndChoice.STOP],
    )
    Runner(bare, curriculum, bare.workshop("ws"), script).run("tiny-welcome")
    assert [label for _, label in asked(script)] == ["plenary"] * 9
    assert script.log[0] == (
        "notice",
        "No participants yet: questions for each participant are recorded once for the whole room.",
        NextStep(Step.ADD_PARTICIPANTS, workshop="ws"),
    )
    assert "attendance" not in [entry[0] for entry in script.log]


def test_steps_go_back_and_forth(store: Store, curriculum: Curriculum) -> None:
    script = Script(
        ["Hi", "Hello", "Salam"],
        ends=[EndChoice.STOP],
        steps=[Navigation.BACK, Navigation.NEXT, Navigation.BACK, Navigation.NEXT, Navigation.NEXT],
    )
    run(store, curriculum, script)
    assert [entry[1] for entry in script.log if entry[0] == "step"] == [0, 0, 1, 0, 1]


def test_start_at_an_activity_and_go_on_in_order(store: Store, curriculum: Curriculum) -> None:
    script = Script(["one-owner"] * 3, ends=[EndChoice.NEXT, EndChoice.STOP])
    script.answers += [4, 6, "10", ["x"], True, True, [{"Who": "a"}], [{"Who": "b"}], 3, ["fathers"]]
    run(store, curriculum, script, start="tc1-knowledge-before")
    activities = [entry[1] for entry in script.log if entry[0] == "activity"]
    assert activities == ["tc1-knowledge-before", "tiny-needs"]
    # The welcome was skipped: resuming suggests what follows the last activity done.
    workshop = store.workshop("ws")
    assert Runner(store, curriculum, workshop, Script()).resume_index() == 3


def test_an_unknown_activity_is_a_clear_error(store: Store, curriculum: Curriculum) -> None:
    with pytest.raises(UserError) as caught:
        run(store, curriculum, Script(), start="nope")
    assert str(caught.value) == "The programme 'think-carecoop' has no activity 'nope'."
    assert caught.value.next_step == NextStep(Step.LIST_ACTIVITIES, programme="think-carecoop")
