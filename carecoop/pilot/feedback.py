"""The end-of-programme feedback: five faces for three questions, care support used, comments.

The activity is the one whose id ends in `-feedback` in the programme's last module. Its
faces are asked of each person and its comments of each group, but any answer counts
wherever it was recorded: a group's face is one rating, a person's comment one comment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Activity
from carecoop.i18n import N_, _
from carecoop.pilot.knowledge import PersonKey
from carecoop.store.records import Answer

#: The face questions, in the order reports show them, with their short names (translate with `_()`).
SCALES: dict[str, str] = {"useful": N_("Useful"), "clear": N_("Clear"), "recommend": N_("Would recommend")}
#: The comment questions, with the heading their comments are grouped under (translate with `_()`).
COMMENTS: dict[str, str] = {"best": N_("What was best"), "change": N_("What should change")}
CARE_SUPPORT = "used-care-support"
FACES = (1, 2, 3, 4, 5)


def feedback_activity(curriculum: Curriculum, programme: str) -> Activity | None:
    """The feedback activity of a programme's last module, if it has one."""
    modules = curriculum.modules_of(programme)
    if not modules:
        return None
    return next((a for a in modules[-1].activities if a.id.endswith("-feedback")), None)


@dataclass(frozen=True)
class Comment:
    """A written answer and who gave it, as a report may say it (a group's name, never a person's)."""

    text: str
    source: str


@dataclass
class FeedbackResult:
    """How many chose each face for each question, care support used, and the comments."""

    faces: dict[str, Counter[int]] = field(default_factory=lambda: {q: Counter() for q in SCALES})
    care_support_yes: int = 0
    care_support_answered: int = 0
    comments: dict[str, list[Comment]] = field(default_factory=lambda: {q: [] for q in COMMENTS})

    def answered(self, question: str) -> int:
        """How many ratings a face question got."""
        return sum(self.faces[question].values())

    def mean(self, question: str) -> float | None:
        """The mean face (1 to 5) of a question, None without ratings."""
        counts = self.faces[question]
        total = sum(counts.values())
        return sum(face * n for face, n in counts.items()) / total if total else None

    def merge(self, other: FeedbackResult) -> None:
        """Add another workshop's feedback to this one."""
        for question in SCALES:
            self.faces[question].update(other.faces[question])
        for question in COMMENTS:
            self.comments[question] += other.comments[question]
        self.care_support_yes += other.care_support_yes
        self.care_support_answered += other.care_support_answered


def collect_feedback(
    activity: Activity, answers: Iterable[Answer], counted: set[PersonKey] | None = None
) -> FeedbackResult:
    """The feedback in current answers; a person's answers only when they are in `counted`."""
    result = FeedbackResult()
    for answer in answers:
        if answer.activity_id != activity.id or answer.skipped or answer.value is None:
            continue
        if answer.participant is not None and counted is not None:
            if (answer.workshop_id, answer.participant) not in counted:
                continue
        if answer.question_id in SCALES and isinstance(answer.value, int) and answer.value in FACES:
            result.faces[answer.question_id][answer.value] += 1
        elif answer.question_id == CARE_SUPPORT and isinstance(answer.value, bool):
            result.care_support_answered += 1
            result.care_support_yes += int(answer.value)
        elif answer.question_id in COMMENTS and str(answer.value).strip():
            source = _("Group {group}").format(group=answer.group) if answer.group else (
                _("A participant") if answer.participant else _("The whole room")
            )
            result.comments[answer.question_id].append(Comment(str(answer.value).strip(), source))
    return result
