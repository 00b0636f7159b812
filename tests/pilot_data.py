"""A small Think.CareCoop workshop whose figures are worked out by hand, for the pilot tests."""

from __future__ import annotations

import functools
from typing import Any

from carecoop.content.loader import load_curriculum
from carecoop.store.db import Store
from carecoop.store.records import Profile, Workshop

BEFORE, AFTER, FEEDBACK = "tc1-knowledge-before", "tc6-knowledge-after", "tc6-feedback"

#: Someone who did not consent: nothing about them may reach a report or an export.
SECRET = "Qwzxy Secretname"


@functools.cache
def _quiz() -> list[Any]:
    """The questions of the Think.CareCoop quiz.

    Read when a test first needs them, not when pytest collects the tests: only then does the
    test's store folder (and its parse cache) stand in for the real user folder.
    """
    found = load_curriculum().find_activity(BEFORE)
    assert found is not None
    return found[1].questions


def quiz(person: int, activity: str, right: list[int]) -> list[dict[str, Any]]:
    """One person's quiz sheet: the right answer to the questions numbered in `right`, a wrong one else."""
    return [
        {
            "activity": activity,
            "question": q.id,
            "participant_id": person,
            "value": str(q.correct) if i in right else next(c for c in q.choice_ids if c != q.correct),
        }
        for i, q in enumerate(_quiz())
    ]


def make_workshop(store: Store, ws: str = "ws") -> Store:
    """A Think.CareCoop day: Amina, Beth and Chipo consent; the secret person does not."""
    store.create_workshop(
        Workshop(
            id=ws,
            programme="think-carecoop",
            title="Care day",
            start_date="2025-03-14",
            location="Mbare",
            country="zw",
            care_support="A childminder next door",
        )
    )
    people = store.add_participants(ws, ["Amina", "Beth"], group="Sun")
    people += store.add_participants(ws, ["Chipo", SECRET], group="Moon")
    amina, beth, chipo, secret = (p.id for p in people)
    store.set_profile(
        ws,
        {
            amina: Profile("female", "25-34", "care-worker", "no", True),
            beth: Profile("female", "35-49", "family", "yes", True),
            chipo: Profile("male", "25-34", "care-worker", None, True),
            secret: Profile("other", "65-plus", "community", "prefer-not-to-say", False),
        },
    )
    modules = [m.id for m in load_curriculum().modules_of("think-carecoop")]
    for module in modules:
        store.set_attendance(ws, module, {amina: True, beth: module != "tc-6", chipo: True, secret: True})
    answers = (
        quiz(amina, BEFORE, [0, 1])
        + quiz(amina, AFTER, [0, 1, 2, 3, 4, 5])  # 2 → 6: +4
        + quiz(beth, BEFORE, [0, 1, 2])  # 3, gone before the end
        + quiz(chipo, BEFORE, [0, 2, 4, 6])
        + quiz(chipo, AFTER, [0, 2, 4])  # 4 → 3: −1
        + quiz(secret, BEFORE, [])
        + quiz(secret, AFTER, list(range(8)))  # 0 → 8, never counted
        + [
            {"activity": FEEDBACK, "question": "useful", "participant_id": amina, "value": 5},
            {"activity": FEEDBACK, "question": "useful", "participant_id": chipo, "value": 3},
            {"activity": FEEDBACK, "question": "useful", "participant_id": secret, "value": 1},
            {"activity": FEEDBACK, "question": "clear", "participant_id": amina, "value": 4},
            {"activity": FEEDBACK, "question": "used-care-support", "participant_id": amina, "value": True},
            {
                "activity": FEEDBACK,
                "question": "used-care-support",
                "participant_id": chipo,
                "value": False,
            },
            {
                "activity": FEEDBACK,
                "question": "used-care-support",
                "participant_id": secret,
                "value": True,
            },
            {"activity": FEEDBACK, "question": "best", "group": "Sun", "value": "The story of the crèche"},
            # A group names the person who did not consent: withheld in every report and bundle.
            {"activity": FEEDBACK, "question": "best", "group": "Moon", "value": "Qwzxy's song at lunch"},
            {
                "activity": FEEDBACK,
                "question": "change",
                "participant_id": secret,
                "value": "Secret remark zq",
            },
            {
                "activity": "tc6-readiness-checklist",
                "question": "readiness-band",
                "group": "Sun",
                "value": "green",
            },
            {
                "activity": "tc6-readiness-checklist",
                "question": "readiness-band",
                "group": "Moon",
                "value": "red",
            },
        ]
    )
    store.record_answers(ws, answers)
    return store


