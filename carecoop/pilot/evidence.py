"""Everything a pilot report shows, gathered from the store for one workshop or many.

Consent decides who is counted: a person who did not consent is only a number in the
headcounts and attendance, never a name, a profile, a score, a rating or a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carecoop.content.curriculum import Curriculum
from carecoop.errors import UserError
from carecoop.pilot.decisions import GroupDecision, group_decisions
from carecoop.pilot.feedback import FeedbackResult, collect_feedback, feedback_activity
from carecoop.pilot.knowledge import KnowledgeResult, PersonKey, knowledge_checks, score_knowledge
from carecoop.pilot.notes import ActivityNotes, activity_notes
from carecoop.store.db import Store
from carecoop.store.records import Answer, Participant, Workshop


@dataclass(frozen=True)
class ModuleAttendance:
    """Who was at one module: present of registered, or None when nobody took attendance."""

    module_id: str
    title: str
    present: int | None
    registered: int


@dataclass(frozen=True)
class PlanScore:
    """A Start.CareCoop group's plan check: its score and its warnings."""

    workshop_id: str
    group: str
    score: int
    warnings: list[str]
    from_answers: bool


@dataclass
class WorkshopEvidence:
    """One workshop's figures, before anything is added up across workshops."""

    workshop: Workshop
    programme_title: str
    people: list[Participant]
    answers: list[Answer]
    attendance: list[ModuleAttendance]
    completed: int | None
    decisions: list[GroupDecision]
    feedback: FeedbackResult | None = None
    plans: list[PlanScore] = field(default_factory=list)
    notes: list[ActivityNotes] = field(default_factory=list)

    @property
    def consenting(self) -> list[Participant]:
        """The people who consented to be counted in reports."""
        return [p for p in self.people if p.profile.consent]

    @property
    def counted(self) -> set[PersonKey]:
        """The consenting people, as the keys scores and feedback are counted by."""
        return {(self.workshop.id, p.name) for p in self.consenting}


def workshop_evidence(store: Store, curriculum: Curriculum, workshop_id: str) -> WorkshopEvidence:
    """Gather one workshop's evidence from the store."""
    from dataclasses import replace

    from carecoop.pilot.redact import redactor
    from carecoop.workshop.workshops import programme_title

    people = store.participants(workshop_id)
    # Free text the report prints must not name the people who did not consent.
    redact = redactor(p.name for p in people if not p.profile.consent)
    workshop = store.workshop(workshop_id)
    workshop = replace(workshop, care_support=redact(workshop.care_support))
    answers = store.answers(workshop_id)
    taken = store.attendance(workshop_id)
    attendance = [
        ModuleAttendance(
            module.id,
            module.title,
            sum(1 for p in people if taken[module.id].get(p.id)) if module.id in taken else None,
            len(people),
        )
        for module in curriculum.modules_of(workshop.programme)
    ]
    recorded = [taken[m.module_id] for m in attendance if m.present is not None]
    completed = sum(1 for p in people if all(r.get(p.id) for r in recorded)) if recorded else None
    evidence = WorkshopEvidence(
        workshop=workshop,
        programme_title=programme_title(workshop.programme),
        people=people,
        answers=answers,
        attendance=attendance,
        completed=completed,
        decisions=group_decisions(workshop.programme, answers),
    )
    activity = feedback_activity(curriculum, workshop.programme)
    if activity is not None:
        evidence.feedback = collect_feedback(activity, answers, evidence.counted)
        for comments in evidence.feedback.comments.values():
            comments[:] = [replace(c, text=redact(c.text)) for c in comments]
    evidence.notes = activity_notes(store, curriculum, workshop, redact)
    if workshop.programme == "start-carecoop":
        evidence.plans = [
            replace(plan, warnings=[redact(w) for w in plan.warnings])
            for plan in _plan_scores(store, curriculum, workshop_id)
        ]
    return evidence


def _plan_scores(store: Store, curriculum: Curriculum, workshop_id: str) -> list[PlanScore]:
    from carecoop.plan.checks import check_plan
    from carecoop.plan.workflow import current_plan, profile_for

    scores = []
    for group in store.groups(workshop_id):
        try:
            source = current_plan(store, curriculum, workshop_id, group)
            report = check_plan(source.plan, profile_for(store, workshop_id, source.plan))
        except UserError:
            continue  # a group whose answers do not make a plan yet has no score to show
        scores.append(
            PlanScore(
                workshop_id, group, report.score, [f.message for f in report.findings], source.from_answers
            )
        )
    return scores


@dataclass
class ProgrammeFigures:
    """One programme's figures added up over some workshops (one for a pilot report)."""

    programme: str
    programme_title: str
    workshops: list[WorkshopEvidence]
    knowledge: list[KnowledgeResult]
    feedback: FeedbackResult | None

    @property
    def people(self) -> list[Participant]:
        """Everyone registered, in every workshop."""
        return [p for w in self.workshops for p in w.people]

    @property
    def consenting(self) -> list[Participant]:
        """The consenting people of every workshop."""
        return [p for w in self.workshops for p in w.consenting]


def programme_figures(curriculum: Curriculum, workshops: list[WorkshopEvidence]) -> list[ProgrammeFigures]:
    """The workshops' figures, added up programme by programme (their quizzes differ)."""
    by_programme: dict[str, list[WorkshopEvidence]] = {}
    for evidence in workshops:
        by_programme.setdefault(evidence.workshop.programme, []).append(evidence)
    result = []
    for programme, chosen in by_programme.items():
        answers = [a for w in chosen for a in w.answers]
        counted = set().union(*(w.counted for w in chosen))
        feedback = None
        for evidence in chosen:
            if evidence.feedback is not None:
                feedback = feedback or FeedbackResult()
                feedback.merge(evidence.feedback)
        result.append(
            ProgrammeFigures(
                programme=programme,
                programme_title=chosen[0].programme_title,
                workshops=chosen,
                knowledge=[
                    score_knowledge(c, answers, counted) for c in knowledge_checks(curriculum, programme)
                ],
                feedback=feedback,
            )
        )
    return result
