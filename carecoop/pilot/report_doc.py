"""The pilot report (one workshop) and the programme report (many) as one Document.

Who came, what changed in what people know, what they thought, and what the groups
decided. Nobody is named: consenting people are counted by their profile, the others
only in headcounts and attendance.
"""

from __future__ import annotations

from carecoop.pilot.charts import change_chart, faces_chart, knowledge_chart
from carecoop.pilot.decisions import DECISION_WORDS
from carecoop.pilot.evidence import ProgrammeFigures, WorkshopEvidence
from carecoop.pilot.feedback import COMMENTS, SCALES, FeedbackResult
from carecoop.pilot.knowledge import KnowledgeResult
from carecoop.pilot.notes import notes_blocks
from carecoop.pilot.profile import AGE_BANDS, DISABILITY, NOT_GIVEN, ROLES, SEXES
from carecoop.render.document import Block, Bullets, Document, Facts, Heading, PageBreak, Paragraph, Table
from carecoop.store.records import Participant


def share(part: int, whole: int) -> str:
    """`7 of 9 (78%)`, or `0 of 0` when there is nobody to count."""
    if not whole:
        return f"{part} of {whole}"
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


def _mean(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def build_pilot_document(
    workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures], *, title: str, date: str
) -> Document:
    """The report over these workshops: a pilot report for one, a programme report for more."""
    many = len(workshops) > 1
    people = sum(len(w.people) for w in workshops)
    consenting = sum(len(w.consenting) for w in workshops)
    if many:
        places = sorted({w.workshop.location or w.workshop.country for w in workshops})
        cover = [f"{_plural(len(workshops), 'workshop')}: {', '.join(places)}"]
    else:
        w = workshops[0].workshop
        cover = [
            f"{workshops[0].programme_title}, {w.start_date}" + (f" to {w.end_date}" if w.end_date else ""),
            w.location,
            f"Facilitator: {w.facilitator}" if w.facilitator else "",
        ]
    cover.append(f"{_plural(people, 'participant')}, {consenting} counted with their consent")
    cover.append(f"Made on {date}")
    document = Document(
        title=title,
        subtitle="Programme report" if many else "Pilot report",
        language="en",
        author="carecoop",
        cover_lines=[line for line in cover if line],
        draft_label=" · ".join(f.programme_title for f in figures),
    )
    _about(document, workshops, figures)
    if many:
        _workshop_rows(document, workshops, figures)
    _who(document, workshops)
    for programme in figures:
        _attendance(document, programme, many)
        for result in programme.knowledge:
            _knowledge(document, programme, result, many)
        if programme.feedback is not None:
            _feedback(document, programme, programme.feedback)
        _decisions(document, programme, many)
    _care_support(document, workshops, figures)
    document.add(*notes_blocks([(f"{w.workshop.title}: " if many else "", w.notes) for w in workshops]))
    return document


def _about(doc: Document, workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]) -> None:
    doc.add(Heading("About this report"))
    people = sum(len(w.people) for w in workshops)
    consenting = sum(len(w.consenting) for w in workshops)
    doc.add(
        Paragraph(
            "This report shows who took part, how many came to each module, what changed in what people "
            "know, what they thought of the workshop, and what each group decided. It names nobody."
        )
    )
    doc.add(
        Facts(
            [
                ("Workshops", ", ".join(f"{w.workshop.title} ({w.workshop.id})" for w in workshops)),
                ("Programmes", ", ".join(p.programme_title for p in figures)),
                ("Registered participants", str(people)),
                ("Counted with their consent", share(consenting, people)),
                ("Not consenting", f"{people - consenting}: in the headcounts and attendance only"),
            ]
        )
    )
    if people - consenting:
        doc.add(
            Paragraph(
                "People who did not consent to be counted appear only as a number in the headcounts and "
                "the attendance. Their profile, quiz answers, ratings and comments are left out of every "
                "other figure.",
                kind="note",
            )
        )


def _workshop_rows(
    doc: Document, workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]
) -> None:
    doc.add(Heading("The workshops, one row each", 2))
    rows = []
    for w in workshops:
        figure = next(f for f in figures if f.programme == w.workshop.programme)
        paired = [p for r in figure.knowledge for p in r.paired if p.person[0] == w.workshop.id]
        change = sum(p.change or 0 for p in paired) / len(paired) if paired else None
        go = sum(1 for d in w.decisions if d.decision == "go")
        where = w.workshop.location or w.workshop.country
        rows.append([
            f"{w.workshop.title} ({w.programme_title}), {where}, {w.workshop.start_date}",
            str(len(w.people)),
            str(len(w.consenting)),
            "–" if w.completed is None else str(w.completed),
            str(len(paired)),
            _signed(change),
            _mean(w.feedback.mean("useful")) if w.feedback else "–",
            f"{go} of {len(w.decisions)}",
        ])
    doc.add(Table(
        ["Workshop", "People", "Consent", "Came to all", "Quiz pairs", "Quiz change", "Useful (1–5)", "Go"],
        rows,
        numeric=[False] + [True] * 7,
    ))
    doc.add(Paragraph("Consent: people counted with their consent. Quiz change: the mean change in right "
                      "answers of the people who took both checks. Go: groups that decided to go ahead.",
                      kind="note"))


def _count_table(title: str, words: dict[str, str], values: list[str | None]) -> Table:
    counted = len(values)
    rows = [
        [label, share(values.count(value), counted)] for value, label in words.items() if value in values
    ]
    missing = values.count(None)
    if missing:
        rows.append([NOT_GIVEN, share(missing, counted)])
    rows.append(["Counted", str(counted)])
    return Table([title, "People"], rows, numeric=[False, True], strong_rows=[len(rows) - 1])


def _who(doc: Document, workshops: list[WorkshopEvidence]) -> None:
    people: list[Participant] = [p for w in workshops for p in w.consenting]
    total = sum(len(w.people) for w in workshops)
    doc.add(PageBreak(), Heading("Who took part"))
    doc.add(
        Paragraph(
            f"{total} {'person' if total == 1 else 'people'} registered; {len(people)} consented to be "
            "counted. The tables count "
            "only these. A disability here means a lot of difficulty, or none possible, in seeing, hearing, "
            "walking, remembering, self-care or communicating (the Washington Group short set)."
        )
    )
    if not people:
        doc.add(
            Paragraph(
                "Nobody has consented to be counted yet, so there is no profile to show. Record "
                "consent with 'carecoop participants add WS NAME --consent' or a people sheet.",
                kind="open",
            )
        )
        return
    doc.add(_count_table("Sex", SEXES, [p.profile.sex for p in people]))
    doc.add(_count_table("Age band", AGE_BANDS, [p.profile.age_band for p in people]))
    doc.add(_count_table("Role", ROLES, [p.profile.role for p in people]))
    doc.add(_count_table("Disability", DISABILITY, [p.profile.disability for p in people]))


def _attendance(doc: Document, figure: ProgrammeFigures, many: bool) -> None:
    doc.add(PageBreak(), Heading(f"{figure.programme_title}: attendance"))
    rows = []
    for index, module in enumerate(figure.workshops[0].attendance):
        taken = [w.attendance[index] for w in figure.workshops if w.attendance[index].present is not None]
        if not taken:
            rows.append(
                [
                    module.title,
                    "not taken",
                    str(sum(w.attendance[index].registered for w in figure.workshops)),
                ]
            )
            continue
        present = sum(m.present or 0 for m in taken)
        registered = sum(m.registered for m in taken)
        rows.append([module.title, share(present, registered), str(registered)])
    doc.add(Table(["Module", "Present", "Registered"], rows, numeric=[False, True, True]))
    done = [w for w in figure.workshops if w.completed is not None]
    if done:
        completed = sum(w.completed or 0 for w in done)
        registered = sum(len(w.people) for w in done)
        doc.add(
            Paragraph(f"Came to every module where attendance was taken: {share(completed, registered)}.")
        )
    else:
        doc.add(Paragraph("No attendance was taken, so completion cannot be counted.", kind="open"))
    if many:
        doc.add(
            Paragraph(
                "Attendance counts everyone registered, with or without consent: it names nobody.",
                kind="note",
            )
        )


def _knowledge(doc: Document, figure: ProgrammeFigures, result: KnowledgeResult, many: bool) -> None:
    doc.add(Heading(f"{figure.programme_title}: what people learned"))
    before, after, paired = result.took_before, result.took_after, result.paired
    doc.add(
        Paragraph(
            f"The same {result.out_of} questions were asked at the start ({result.check.before.title!s}) and "
            f"at the end ({result.check.after.title!s}). A question left blank counts as not right."
        )
    )
    doc.add(
        Facts(
            [
                ("Took it at the start", str(len(before))),
                ("Took it at the end", str(len(after))),
                ("Took both (the change)", str(len(paired))),
                (
                    f"Mean at the start, of {result.out_of}",
                    _mean(result.mean("before", before)),
                ),
                (
                    f"Mean at the end, of {result.out_of}",
                    _mean(result.mean("after", after)),
                ),
                ("Mean change, for the pairs", _signed(result.mean("change"))),
            ]
        )
    )
    doc.add(Heading("What these figures can and cannot show", 2))
    doc.add(Bullets(_limits(result, many)))
    doc.add(Heading("Question by question", 2))
    rows = [
        [
            f"{n}. {q.question.prompt}",
            share(q.right_before, q.took_before),
            share(q.right_after, q.took_after),
        ]
        for n, q in enumerate(result.questions, start=1)
    ]
    doc.add(
        Table(["Question", "Right at the start", "Right at the end"], rows, numeric=[False, True, True])
    )
    if before or after:
        doc.add(
            knowledge_chart(
                [f"Question {n}" for n in range(1, len(result.questions) + 1)],
                [100 * q.right_before / q.took_before if q.took_before else 0 for q in result.questions],
                [100 * q.right_after / q.took_after if q.took_after else 0 for q in result.questions],
                "Share of people with the right answer, question by question, at the start and at the end.",
            )
        )
    if paired:
        counts = result.change_counts()
        up = sum(n for c, n in counts.items() if c > 0)
        same = counts.get(0, 0)
        down = sum(n for c, n in counts.items() if c < 0)
        doc.add(
            Paragraph(
                f"Of the {len(paired)} people who took both: {up} got more right at the end, "
                f"{same} the same, {down} fewer."
            )
        )
        doc.add(
            change_chart(
                counts,
                result.out_of,
                "How many people gained (or lost) how many right answers between the two checks.",
            )
        )


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1f}"


def _limits(result: KnowledgeResult, many: bool) -> list[str]:
    n = len(result.paired)
    points = [
        f"They show how many of the people counted here chose the right answer at the start and at the end. "
        f"Only the {n} who took both checks show a change.",
    ]
    if n:
        points.append(
            f"The numbers are small. With {n} people, one person more or less moves a share by "
            f"about {round(100 / n)} points. Read small differences as chance, not change."
        )
    points += [
        "There was no comparison group of people who did not take the workshop, so these figures cannot "
        "prove that the workshop caused the change. People also remember the questions from the first time.",
        "Each question has three answers, so about one answer in three can be right by guessing.",
        "People who did not consent, or who missed one of the two checks, are not in the change.",
    ]
    if many:
        points.append(
            "Workshops differ in place, facilitator and group; the totals add different rooms together."
        )
    return points


def _feedback(doc: Document, figure: ProgrammeFigures, feedback: FeedbackResult) -> None:
    doc.add(PageBreak(), Heading(f"{figure.programme_title}: what people thought"))
    doc.add(
        Paragraph(
            "At the end, each person pointed at one of five faces, from very sad (1) to very happy (5), "
            "for each question."
        )
    )
    rows = []
    for question, label in SCALES.items():
        counts = feedback.faces[question]
        rows.append(
            [
                label,
                *(str(counts.get(face, 0)) for face in range(1, 6)),
                str(feedback.answered(question)),
                _mean(feedback.mean(question)),
            ]
        )
    doc.add(
        Table(["Question", "1", "2", "3", "4", "5", "Answers", "Mean"], rows, numeric=[False] + [True] * 7)
    )
    if any(feedback.answered(q) for q in SCALES):
        doc.add(
            faces_chart(
                list(SCALES.values()),
                [[feedback.faces[q].get(face, 0) for face in range(1, 6)] for q in SCALES],
                "How many people chose each face, from 1 (very sad) to 5 (very happy).",
            )
        )
    for question, heading in COMMENTS.items():
        doc.add(Heading(heading, 2))
        comments = feedback.comments[question]
        if comments:
            doc.add(Bullets([f"{c.text} ({c.source})" for c in comments]))
        else:
            doc.add(Paragraph("Nothing was recorded.", kind="note"))


def _decisions(doc: Document, figure: ProgrammeFigures, many: bool) -> None:
    decisions = [d for w in figure.workshops for d in w.decisions]
    plans = [p for w in figure.workshops for p in w.plans]
    if not decisions and not plans:
        return
    doc.add(Heading(f"{figure.programme_title}: what the groups decided"))
    titles = {w.workshop.id: w.workshop.title for w in figure.workshops}
    if decisions:
        head = (["Workshop"] if many else []) + ["Group", "Decision", "Recorded as"]
        doc.add(
            Table(
                head,
                [
                    ([titles[d.workshop_id]] if many else [])
                    + [d.group, DECISION_WORDS[d.decision], d.answer.replace("-", " ")]
                    for d in decisions
                ],
            )
        )
        counts = {
            word: sum(1 for d in decisions if d.decision == key) for key, word in DECISION_WORDS.items()
        }
        doc.add(Paragraph("; ".join(f"{word}: {n}" for word, n in counts.items()) + "."))
    for plan in plans:
        where = f" ({titles[plan.workshop_id]})" if many else ""
        doc.add(Heading(f"Business plan of {plan.group}{where}: score {plan.score} out of 100", 2))
        source = "made from the group's workshop answers" if plan.from_answers else "as the group saved it"
        blocks: list[Block] = [Paragraph(f"The plan check of the plan {source}.", kind="note")]
        blocks += (
            [Bullets(plan.warnings)] if plan.warnings else [Paragraph("The plan check found no warnings.")]
        )
        doc.add(*blocks)


def _care_support(
    doc: Document, workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]
) -> None:
    doc.add(Heading("Care support for participants"))
    for w in workshops:
        arranged = w.workshop.care_support or "None recorded."
        label = f"{w.workshop.title}: " if len(workshops) > 1 else ""
        doc.add(Paragraph(f"{label}{arranged}"))
    used = sum(f.feedback.care_support_yes for f in figures if f.feedback)
    answered = sum(f.feedback.care_support_answered for f in figures if f.feedback)
    if answered:
        doc.add(
            Paragraph(
                f"Used it, by their own answer at the end: {share(used, answered)} of the people who "
                "answered (consenting only)."
            )
        )
    else:
        doc.add(Paragraph("Nobody answered whether they used the care support.", kind="note"))
