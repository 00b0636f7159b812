"""Typed records the store reads and writes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any


def clean_name(text: str) -> str:
    """A person's or group's name as stored: NFC, single spaces (a decomposed "Zoë" is "Zoë")."""
    from carecoop.text import without_controls

    return " ".join(unicodedata.normalize("NFC", without_controls(text)).split())


def same_name(one: str, other: str) -> bool:
    """Whether two typed names mean the same person: NFC, spaces and case do not count."""
    return clean_name(one).casefold() == clean_name(other).casefold()


@dataclass(frozen=True)
class Workshop:
    """One workshop: a programme delivered to a group of people at a place and time."""

    id: str
    programme: str
    title: str
    start_date: str
    end_date: str | None = None
    day_start: str = "09:00"
    facilitator: str = ""
    location: str = ""
    language: str = "en"
    country: str = "generic"
    care_support: str = ""
    created_at: str = ""
    #: The date of each day when the days are not one after another: ISO dates joined by
    #: commas (`2027-01-12,2027-01-19`); empty for consecutive days from start_date.
    session_dates: str = ""


@dataclass(frozen=True)
class Profile:
    """What a person told us about themselves; None where they told us nothing.

    The words each field may hold live in `carecoop.pilot.profile`.
    """

    sex: str | None = None
    age_band: str | None = None
    role: str | None = None
    disability: str | None = None
    consent: bool = False


@dataclass(frozen=True)
class Participant:
    """A person taking part in a workshop, maybe in a group."""

    id: int
    workshop_id: str
    name: str
    group: str | None
    profile: Profile = Profile()
    #: The person's key on the laptop a bundle came from (None for people added here).
    origin: str | None = None


@dataclass(frozen=True)
class Answer:
    """One recorded answer (the latest of its history unless read as history)."""

    id: int
    workshop_id: str
    activity_id: str
    question_id: str
    participant: str | None
    group: str | None
    value: Any
    skipped: bool
    recorded_at: str
    draft: bool = False  # a list or table whose rows are still being typed

    @property
    def who(self) -> str:
        """Who gave it: a participant, a group, or the whole workshop."""
        if self.participant:
            return self.participant
        if self.group:
            return f"group {self.group}"
        return "plenary"


@dataclass(frozen=True)
class Progress:
    """Where a workshop stands on one activity."""

    activity_id: str
    status: str
    started_at: str | None
    finished_at: str | None
