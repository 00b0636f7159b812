"""Answers files (YAML or JSON): check a whole file, then record it in one transaction.

```yaml
answers:
  - activity: tc1-who-cares
    question: unpaid-care-hours
    participant: Amina        # or `group: Sunflowers`; neither = the whole workshop
    value: 6
```

Nothing is written unless every entry is right; every problem is reported at once, as
`file:line: answers.3.value: expected a number between 0 and 24, got 'six'`. A `value:
null` records a skipped answer, and `recorded_at` (written by `answers --json
--history`) is accepted and ignored, so exported answers replay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Activity, Question, Scope
from carecoop.content.yamlfile import located_lines, read_yaml
from carecoop.countries.profiles import value_locale
from carecoop.errors import AnswersFileError
from carecoop.store.db import Store
from carecoop.store.records import Participant, Workshop, same_name
from carecoop.workshop.targets import effective_scope, targets_for
from carecoop.workshop.values import ValueProblem, check_value

Location = tuple[str | int, ...]
ENTRY_KEYS = ("activity", "question", "participant", "group", "value")
_IGNORED_KEYS = ("recorded_at",)
_SCOPE_WORDS = {
    Scope.PARTICIPANT: "by each participant",
    Scope.GROUP: "by each group",
    Scope.WORKSHOP: "once for the whole workshop",
}


@dataclass(frozen=True)
class RecordedFile:
    """What recording an answers file did."""

    answers: int
    skipped: int
    activities_done: list[str]


class _Context:
    """What entries are checked against: the programme's activities and the workshop's people."""

    def __init__(self, store: Store, curriculum: Curriculum, workshop: Workshop) -> None:
        self.workshop = workshop
        self.locale = value_locale(workshop.country, workshop.language)
        self.activities = {a.id: a for _, a in curriculum.activities_of(workshop.programme)}
        self.other_programme = {
            a.id: m.programme for m in curriculum.modules if m.programme != workshop.programme
            for a in m.activities
        }
        self.participants = store.participants(workshop.id)
        self.groups = store.groups(workshop.id)

    def participant(self, name: str) -> Participant | None:
        return next((p for p in self.participants if same_name(p.name, name)), None)

    def group(self, name: str) -> str | None:
        return next((g for g in self.groups if same_name(g, name)), None)


def check_answers(
    data: Any, store: Store, curriculum: Curriculum, workshop: Workshop
) -> tuple[list[dict[str, Any]], list[tuple[Location, str]]]:
    """The entries ready for `Store.record_answers`, and every problem with its location."""
    problems: list[tuple[Location, str]] = []
    if not isinstance(data, dict) or not isinstance(data.get("answers"), list):
        return [], [((), "must be a mapping with a list under 'answers:' (see 'carecoop run --help')")]
    for key in data:
        if key != "answers":
            problems.append(((key,), "unknown key; an answers file has only 'answers:'"))
    context = _Context(store, curriculum, workshop)
    checked: list[dict[str, Any]] = []
    for index, entry in enumerate(data["answers"]):
        here: Location = ("answers", index)
        found = _check_entry(entry, here, context, problems)
        if found is not None:
            checked.append(found)
    return checked, problems


def _check_entry(
    entry: Any, here: Location, context: _Context, problems: list[tuple[Location, str]]
) -> dict[str, Any] | None:
    before = len(problems)
    if not isinstance(entry, dict):
        problems.append((here, "must be a mapping with activity, question and value"))
        return None
    for key in entry:
        if key not in ENTRY_KEYS and key not in _IGNORED_KEYS:
            problems.append(
                ((*here, key), "unknown key (an answer has activity, question, participant, group, value)")
            )
    for key in ("activity", "question", "value"):
        if key not in entry:
            problems.append((here, f"'{key}' is missing"))
    activity = _activity(entry, here, context, problems)
    question = _question(entry, here, activity, problems) if activity else None
    participant, group = _who(entry, here, context, problems)
    if question is None:
        return None
    _check_scope(entry, here, question, context, problems)
    value, skipped = entry.get("value"), entry.get("value") is None
    if not skipped and "value" in entry:
        try:
            value = check_value(question, value, context.locale)
        except ValueProblem as problem:
            problems.append(((*here, "value"), problem.in_file()))
    if len(problems) > before:
        return None
    assert activity is not None
    return {
        "activity": activity.id,
        "question": question.id,
        "participant_id": participant.id if participant else None,
        "group": group,
        "value": value,
        "skipped": skipped,
    }


def _activity(
    entry: dict[str, Any], here: Location, context: _Context, problems: list[tuple[Location, str]]
) -> Activity | None:
    if "activity" not in entry:
        return None
    activity_id = str(entry["activity"])
    activity = context.activities.get(activity_id)
    if activity is None:
        programme = context.workshop.programme
        other = context.other_programme.get(activity_id)
        message = (
            f"'{activity_id}' is an activity of {other}, but this workshop runs {programme}"
            if other
            else f"no activity '{activity_id}' in {programme}"
        )
        problems.append(((*here, "activity"), message))
    return activity


def _question(
    entry: dict[str, Any], here: Location, activity: Activity, problems: list[tuple[Location, str]]
) -> Question | None:
    if "question" not in entry:
        return None
    question = activity.question(str(entry["question"]))
    if question is None:
        known = ", ".join(q.id for q in activity.questions)
        problems.append(
            (
                (*here, "question"),
                f"activity '{activity.id}' has no question '{entry['question']}'"
                + (f" (its questions: {known})" if known else " (it records no answers)"),
            )
        )
    return question


def _who(
    entry: dict[str, Any], here: Location, context: _Context, problems: list[tuple[Location, str]]
) -> tuple[Participant | None, str | None]:
    participant: Participant | None = None
    group: str | None = None
    ws = context.workshop.id
    if entry.get("participant") is not None and entry.get("group") is not None:
        problems.append((here, "give a participant or a group, not both"))
    if entry.get("participant") is not None:
        participant = context.participant(str(entry["participant"]))
        if participant is None:
            problems.append(
                ((*here, "participant"), f"no participant '{entry['participant']}' in workshop '{ws}'")
            )
    if entry.get("group") is not None:
        group = context.group(str(entry["group"]))
        if group is None:
            known = f"its groups: {', '.join(context.groups)}" if context.groups else "it has no groups"
            problems.append(((*here, "group"), f"no group '{entry['group']}' in workshop '{ws}' ({known})"))
    return participant, group


def _check_scope(
    entry: dict[str, Any], here: Location, question: Question, context: _Context,
    problems: list[tuple[Location, str]],
) -> None:
    scope = effective_scope(question, bool(context.participants), bool(context.groups))
    given = [key for key in ("participant", "group") if entry.get(key) is not None]
    if len(given) > 1:
        return  # already reported: a participant or a group, not both
    have = given[0] if given else None
    wanted = {Scope.PARTICIPANT: "participant", Scope.GROUP: "group"}.get(scope)
    if have == wanted:
        return
    if wanted is None:
        fix = f"remove '{have}'"
    elif have is None:
        fix = f"add '{wanted}: NAME'"
    else:
        fix = f"use '{wanted}: NAME' instead of '{have}'"
    why = ""
    if scope is not question.scope:
        why = " (the workshop has no participants)" if question.scope is Scope.PARTICIPANT else (
            " (the workshop has no groups)"
        )
    problems.append((here, f"question '{question.id}' is answered {_SCOPE_WORDS[scope]}{why}: {fix}"))


def load_answers_file(
    path: Path, store: Store, curriculum: Curriculum, workshop: Workshop
) -> list[dict[str, Any]]:
    """Read and check an answers file; an AnswersFileError listing every problem."""
    data = read_yaml(path)
    checked, problems = check_answers(data, store, curriculum, workshop)
    if problems:
        lines = located_lines(path, problems)
        count = len(problems)
        plural = "s" if count != 1 else ""
        lines.append(f"Nothing was recorded: fix the {count} problem{plural} above and run again.")
        raise AnswersFileError(lines)
    return checked


def record_answers_file(
    path: Path, store: Store, curriculum: Curriculum, workshop: Workshop
) -> RecordedFile:
    """Check a whole answers file, record it in one transaction, mark finished activities done."""
    checked = load_answers_file(path, store, curriculum, workshop)
    store.record_answers(workshop.id, checked)
    finished = update_progress(store, curriculum, workshop, {entry["activity"] for entry in checked})
    skipped = sum(1 for entry in checked if entry["skipped"])
    return RecordedFile(len(checked), skipped, finished)


def update_progress(
    store: Store, curriculum: Curriculum, workshop: Workshop, activity_ids: set[str]
) -> list[str]:
    """Mark activities done when every answerer has answered, else started; return the done ones."""
    participants = store.participants(workshop.id)
    groups = store.groups(workshop.id)
    attendance = store.attendance(workshop.id)
    answered = {
        (a.activity_id, a.question_id, a.participant, a.group) for a in store.answers(workshop.id)
    }
    progress = store.progress(workshop.id)
    done: list[str] = []
    for module, activity in curriculum.activities_of(workshop.programme):
        if activity.id not in activity_ids:
            continue
        absent = {pid for pid, here in attendance.get(module.id, {}).items() if not here}
        complete = all(
            (activity.id, q.id, t.participant.name if t.participant else None, t.group) in answered
            for q in activity.questions
            for t in targets_for(q, participants, groups, absent)
        )
        if complete:
            store.mark_progress(workshop.id, activity.id, "done")
            done.append(activity.id)
        elif activity.id not in progress:
            store.mark_progress(workshop.id, activity.id, "started")
    return done
