"""Who answers a question: each present participant, each group, or the whole workshop.

A workshop without participants (or without groups) still records participant (or
group) questions, once for the whole room, so the tool works before names are typed in.
The answers-file checker applies the same rule, so a file replays what a run records.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from carecoop.content.models import Question, Scope
from carecoop.i18n import _
from carecoop.store.records import Participant


@dataclass(frozen=True)
class Target:
    """One answerer: a participant, a group, or (neither) the whole workshop."""

    participant: Participant | None = None
    group: str | None = None

    @property
    def key(self) -> tuple[int | None, str | None]:
        """How the store tells answerers apart: participant id and group name."""
        return (self.participant.id if self.participant else None, self.group)

    @property
    def label(self) -> str:
        """`Amina`, `group Sunflowers` or `plenary` (the whole workshop)."""
        if self.participant:
            return self.participant.name
        if self.group:
            # TRANSLATORS: who answers a question: one group (the prompt's first letter is capitalised).
            return _("group {group}").format(group=self.group)
        # TRANSLATORS: who answers a question: the whole workshop together.
        return _("plenary")

    @property
    def scope(self) -> Scope:
        """The scope this answerer stands for."""
        if self.participant:
            return Scope.PARTICIPANT
        if self.group:
            return Scope.GROUP
        return Scope.WORKSHOP


def effective_scope(question: Question, has_participants: bool, has_groups: bool) -> Scope:
    """The scope a question is recorded in for this workshop (see the module docstring)."""
    if question.scope is Scope.PARTICIPANT and has_participants:
        return Scope.PARTICIPANT
    if question.scope is Scope.GROUP and has_groups:
        return Scope.GROUP
    return Scope.WORKSHOP


def targets_for(
    question: Question,
    participants: Sequence[Participant],
    groups: Sequence[str],
    absent: Collection[int] = (),
) -> list[Target]:
    """Everyone who answers this question, in order; absent participants are left out."""
    scope = effective_scope(question, bool(participants), bool(groups))
    if scope is Scope.PARTICIPANT:
        return [Target(participant=p) for p in participants if p.id not in absent]
    if scope is Scope.GROUP:
        return [Target(group=g) for g in groups]
    return [Target()]
