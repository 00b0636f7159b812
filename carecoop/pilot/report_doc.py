"""The pilot report (one workshop) and the programme report (many) as one Document.

Who came, what changed in what people know, what they thought, and what the groups
decided. Nobody is named: consenting people are counted by their profile, the others
only in headcounts and attendance.
"""

from __future__ import annotations

from carecoop.i18n import _, current_language, ngettext
from carecoop.pilot.charts import change_chart, faces_chart, knowledge_chart
from carecoop.pilot.decisions import DECISION_WORDS, recorded_as
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
        return _("{part} of {whole}").format(part=part, whole=whole)
    percent = round(100 * part / whole)
    return _("{part} of {whole} ({percent}%)").format(part=part, whole=whole, percent=percent)


def _mean(value: float | None) -> str:
    return "–" if value is None else _decimal(value, "0.0")


def _decimal(value: float, pattern: str) -> str:
    """One decimal, with the decimal mark of the report's language (`3,0` in Spanish and French)."""
    from babel.numbers import format_decimal

    shown: str = format_decimal(value, format=pattern, locale=current_language(), numbering_system="latn")
    return shown


def build_pilot_document(
    workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures], *, title: str, date: str
) -> Document:
    """The report over these workshops: a pilot report for one, a programme report for more."""
    many = len(workshops) > 1
    people = sum(len(w.people) for w in workshops)
    consenting = sum(len(w.consenting) for w in workshops)
    if many:
        places = sorted({w.workshop.location or w.workshop.country for w in workshops})
        cover = [ngettext("{count} workshop: {places}", "{count} workshops: {places}", len(workshops)).format(
            count=len(workshops), places=", ".join(places))]
    else:
        w = workshops[0].workshop
        when = (
            _("{programme}, {start} to {end}").format(
                programme=workshops[0].programme_title, start=w.start_date, end=w.end_date)
            if w.end_date
            else _("{programme}, {start}").format(programme=workshops[0].programme_title, start=w.start_date)
        )
        cover = [
            when,
            w.location,
            _("Facilitator: {name}").format(name=w.facilitator) if w.facilitator else "",
        ]
    cover.append(ngettext(
        "{count} participant, {consenting} counted with their consent",
        "{count} participants, {consenting} counted with their consent",
        people,
    ).format(count=people, consenting=consenting))
    cover.append(_("Made on {date}").format(date=date))
    document = Document(
        title=title,
        subtitle=_("Programme report") if many else _("Pilot report"),
        language=current_language(),
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
    document.add(*notes_blocks([(w.workshop.title if many else "", w.notes) for w in workshops]))
    return document


def _about(doc: Document, workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]) -> None:
    doc.add(Heading(_("About this report")))
    people = sum(len(w.people) for w in workshops)
    consenting = sum(len(w.consenting) for w in workshops)
    doc.add(
        Paragraph(
            _("This report shows who took part, how many came to each module, what changed in what people "
              "know, what they thought of the workshop, and what each group decided. It names nobody.")
        )
    )
    doc.add(
        Facts(
            [
                (_("Workshops"), ", ".join(f"{w.workshop.title} ({w.workshop.id})" for w in workshops)),
                (_("Programmes"), ", ".join(p.programme_title for p in figures)),
                (_("Registered participants"), str(people)),
                (_("Counted with their consent"), share(consenting, people)),
                (_("Not consenting"), _("{count}: in the headcounts and attendance only").format(
                    count=people - consenting)),
            ]
        )
    )
    if people - consenting:
        doc.add(
            Paragraph(
                _("People who did not consent to be counted appear only as a number in the headcounts and "
                  "the attendance. Their profile, quiz answers, ratings and comments are left out of every "
                  "other figure."),
                kind="note",
            )
        )


def _workshop_rows(
    doc: Document, workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]
) -> None:
    doc.add(Heading(_("The workshops, one row each"), 2))
    rows = []
    for w in workshops:
        figure = next(f for f in figures if f.programme == w.workshop.programme)
        paired = [p for r in figure.knowledge for p in r.paired if p.person[0] == w.workshop.id]
        change = sum(p.change or 0 for p in paired) / len(paired) if paired else None
        go = sum(1 for d in w.decisions if d.decision == "go")
        where = w.workshop.location or w.workshop.country
        rows.append([
            _("{workshop} ({programme}), {place}, {date}").format(
                workshop=w.workshop.title,
                programme=w.programme_title,
                place=where,
                date=w.workshop.start_date,
            ),
            str(len(w.people)),
            str(len(w.consenting)),
            "–" if w.completed is None else str(w.completed),
            str(len(paired)),
            _signed(change),
            _mean(w.feedback.mean("useful")) if w.feedback else "–",
            _("{part} of {whole}").format(part=go, whole=len(w.decisions)),
        ])
    doc.add(Table(
        [_("Workshop"), _("People"), _("Consent"), _("Came to all"), _("Quiz pairs"), _("Quiz change"),
         _("Useful (1–5)"), _("Go")],
        rows,
        numeric=[False] + [True] * 7,
    ))
    doc.add(Paragraph(_("Consent: people counted with their consent. Quiz change: the mean change in right "
                        "answers of the people who took both checks. Go: groups that decided to go ahead."),
                      kind="note"))


def _count_table(title: str, words: dict[str, str], values: list[str | None]) -> Table:
    counted = len(values)
    rows = [
        [_(label), share(values.count(value), counted)] for value, label in words.items() if value in values
    ]
    missing = values.count(None)
    if missing:
        rows.append([_(NOT_GIVEN), share(missing, counted)])
    rows.append([_("Counted"), str(counted)])
    return Table([title, _("People")], rows, numeric=[False, True], strong_rows=[len(rows) - 1])


def _who(doc: Document, workshops: list[WorkshopEvidence]) -> None:
    people: list[Participant] = [p for w in workshops for p in w.consenting]
    total = sum(len(w.people) for w in workshops)
    doc.add(PageBreak(), Heading(_("Who took part")))
    registered = ngettext(
        "{count} person registered; {consenting} consented to be counted.",
        "{count} people registered; {consenting} consented to be counted.",
        total,
    ).format(count=total, consenting=len(people))
    doc.add(
        Paragraph(
            registered + " " + _(
                "The tables count only these. A disability here means a lot of difficulty, or none possible, "
                "in seeing, hearing, walking, remembering, self-care or communicating (the Washington Group "
                "short set)."
            )
        )
    )
    if not people:
        doc.add(
            Paragraph(
                _("Nobody has consented to be counted yet, so there is no profile to show. Record "
                  "consent with 'carecoop participants add WS NAME --consent' or a people sheet."),
                kind="open",
            )
        )
        return
    doc.add(_count_table(_("Sex"), SEXES, [p.profile.sex for p in people]))
    doc.add(_count_table(_("Age band"), AGE_BANDS, [p.profile.age_band for p in people]))
    doc.add(_count_table(_("Role"), ROLES, [p.profile.role for p in people]))
    doc.add(_count_table(_("Disability"), DISABILITY, [p.profile.disability for p in people]))


def _attendance(doc: Document, figure: ProgrammeFigures, many: bool) -> None:
    doc.add(PageBreak(), Heading(_("{programme}: attendance").format(programme=figure.programme_title)))
    rows = []
    for index, module in enumerate(figure.workshops[0].attendance):
        taken = [w.attendance[index] for w in figure.workshops if w.attendance[index].present is not None]
        if not taken:
            rows.append(
                [
                    module.title,
                    _("not taken"),
                    str(sum(w.attendance[index].registered for w in figure.workshops)),
                ]
            )
            continue
        present = sum(m.present or 0 for m in taken)
        registered = sum(m.registered for m in taken)
        rows.append([module.title, share(present, registered), str(registered)])
    doc.add(Table([_("Module"), _("Present"), _("Registered")], rows, numeric=[False, True, True]))
    done = [w for w in figure.workshops if w.completed is not None]
    if done:
        completed = sum(w.completed or 0 for w in done)
        registered = sum(len(w.people) for w in done)
        doc.add(
            Paragraph(_("Came to every module where attendance was taken: {share}.").format(
                share=share(completed, registered)))
        )
    else:
        doc.add(Paragraph(_("No attendance was taken, so completion cannot be counted."), kind="open"))
    if many:
        doc.add(
            Paragraph(
                _("Attendance counts everyone registered, with or without consent: it names nobody."),
                kind="note",
            )
        )


def _knowledge(doc: Document, figure: ProgrammeFigures, result: KnowledgeResult, many: bool) -> None:
    doc.add(Heading(_("{programme}: what people learned").format(programme=figure.programme_title)))
    before, after, paired = result.took_before, result.took_after, result.paired
    doc.add(
        Paragraph(
            ngettext(
                "The same {count} question was asked at the start ({before}) and at the end ({after}). "
                "A question left blank counts as not right.",
                "The same {count} questions were asked at the start ({before}) and at the end ({after}). "
                "A question left blank counts as not right.",
                result.out_of,
            ).format(count=result.out_of, before=result.check.before.title, after=result.check.after.title)
        )
    )
    doc.add(
        Facts(
            [
                (_("Took it at the start"), str(len(before))),
                (_("Took it at the end"), str(len(after))),
                (_("Took both (the change)"), str(len(paired))),
                (
                    _("Mean at the start, of {count}").format(count=result.out_of),
                    _mean(result.mean("before", before)),
                ),
                (
                    _("Mean at the end, of {count}").format(count=result.out_of),
                    _mean(result.mean("after", after)),
                ),
                (_("Mean change, for the pairs"), _signed(result.mean("change"))),
            ]
        )
    )
    doc.add(Heading(_("What these figures can and cannot show"), 2))
    doc.add(Bullets(_limits(result, many)))
    doc.add(Heading(_("Question by question"), 2))
    rows = [
        [
            f"{n}. {q.question.prompt}",
            share(q.right_before, q.took_before),
            share(q.right_after, q.took_after),
        ]
        for n, q in enumerate(result.questions, start=1)
    ]
    doc.add(
        Table(
            [_("Question"), _("Right at the start"), _("Right at the end")], rows, numeric=[False, True, True]
        )
    )
    if before or after:
        doc.add(
            knowledge_chart(
                [_("Question {number}").format(number=n) for n in range(1, len(result.questions) + 1)],
                [100 * q.right_before / q.took_before if q.took_before else 0 for q in result.questions],
                [100 * q.right_after / q.took_after if q.took_after else 0 for q in result.questions],
                _("Share of people with the right answer, question by question, "
                  "at the start and at the end."),
            )
        )
    if paired:
        counts = result.change_counts()
        up = sum(n for c, n in counts.items() if c > 0)
        same = counts.get(0, 0)
        down = sum(n for c, n in counts.items() if c < 0)
        doc.add(
            Paragraph(
                ngettext(
                    "Of the {count} person who took both: {up} got more right at the end, {same} the same, "
                    "{down} fewer.",
                    "Of the {count} people who took both: {up} got more right at the end, {same} the same, "
                    "{down} fewer.",
                    len(paired),
                ).format(count=len(paired), up=up, same=same, down=down)
            )
        )
        doc.add(
            change_chart(
                counts,
                result.out_of,
                _("How many people gained (or lost) how many right answers between the two checks."),
            )
        )


def _signed(value: float | None) -> str:
    return "–" if value is None else _decimal(value, "+0.0;-0.0")


def _limits(result: KnowledgeResult, many: bool) -> list[str]:
    n = len(result.paired)
    points = [
        _("They show how many of the people counted here chose the right answer at the start and at the end.")
        + " "
        + ngettext(
            "Only the {count} person who took both checks shows a change.",
            "Only the {count} people who took both checks show a change.",
            n,
        ).format(count=n),
    ]
    if n:
        points.append(
            ngettext(
                "The numbers are small. With {count} person, one person more or less moves a share by "
                "about {points} points. Read small differences as chance, not change.",
                "The numbers are small. With {count} people, one person more or less moves a share by "
                "about {points} points. Read small differences as chance, not change.",
                n,
            ).format(count=n, points=round(100 / n))
        )
    points += [
        _("There was no comparison group of people who did not take the workshop, so these figures "
          "cannot prove that the workshop caused the change. People also remember the questions from "
          "the first time."),
        _("Each question has three answers, so about one answer in three can be right by guessing."),
        _("People who did not consent, or who missed one of the two checks, are not in the change."),
    ]
    if many:
        points.append(
            _("Workshops differ in place, facilitator and group; the totals add different rooms together.")
        )
    return points


def _feedback(doc: Document, figure: ProgrammeFigures, feedback: FeedbackResult) -> None:
    heading = _("{programme}: what people thought").format(programme=figure.programme_title)
    doc.add(PageBreak(), Heading(heading))
    doc.add(
        Paragraph(
            _("At the end, each person pointed at one of five faces, from very sad (1) to very happy (5), "
              "for each question.")
        )
    )
    rows = []
    for question, label in SCALES.items():
        counts = feedback.faces[question]
        rows.append(
            [
                _(label),
                *(str(counts.get(face, 0)) for face in range(1, 6)),
                str(feedback.answered(question)),
                _mean(feedback.mean(question)),
            ]
        )
    doc.add(
        Table(
            [_("Question"), "1", "2", "3", "4", "5", _("Answers"), _("Mean")],
            rows,
            numeric=[False] + [True] * 7,
        )
    )
    if any(feedback.answered(q) for q in SCALES):
        doc.add(
            faces_chart(
                [_(label) for label in SCALES.values()],
                [[feedback.faces[q].get(face, 0) for face in range(1, 6)] for q in SCALES],
                _("How many people chose each face, from 1 (very sad) to 5 (very happy)."),
            )
        )
    for question, heading in COMMENTS.items():
        doc.add(Heading(_(heading), 2))
        comments = feedback.comments[question]
        if comments:
            doc.add(Bullets([f"{c.text} ({c.source})" for c in comments]))
        else:
            doc.add(Paragraph(_("Nothing was recorded."), kind="note"))


def _decisions(doc: Document, figure: ProgrammeFigures, many: bool) -> None:
    decisions = [d for w in figure.workshops for d in w.decisions]
    plans = [p for w in figure.workshops for p in w.plans]
    if not decisions and not plans:
        return
    doc.add(Heading(_("{programme}: what the groups decided").format(programme=figure.programme_title)))
    titles = {w.workshop.id: w.workshop.title for w in figure.workshops}
    if decisions:
        head = ([_("Workshop")] if many else []) + [_("Group"), _("Decision"), _("Recorded as")]
        doc.add(
            Table(
                head,
                [
                    ([titles[d.workshop_id]] if many else [])
                    + [d.group, _(DECISION_WORDS[d.decision]), recorded_as(d.answer)]
                    for d in decisions
                ],
            )
        )
        counts = {
            word: sum(1 for d in decisions if d.decision == key) for key, word in DECISION_WORDS.items()
        }
        doc.add(Paragraph("; ".join(f"{_(word)}: {n}" for word, n in counts.items()) + "."))
    for plan in plans:
        heading = (
            _("Business plan of {group} ({workshop}): score {score} out of 100").format(
                group=plan.group, workshop=titles[plan.workshop_id], score=plan.score)
            if many
            else _("Business plan of {group}: score {score} out of 100").format(
                group=plan.group, score=plan.score
            )
        )
        doc.add(Heading(heading, 2))
        source = (
            _("The plan check of the plan made from the group's workshop answers.")
            if plan.from_answers
            else _("The plan check of the plan as the group saved it.")
        )
        blocks: list[Block] = [Paragraph(source, kind="note")]
        blocks += (
            [Bullets(plan.warnings)] if plan.warnings else [Paragraph(_("The plan check found no warnings."))]
        )
        doc.add(*blocks)


def _care_support(
    doc: Document, workshops: list[WorkshopEvidence], figures: list[ProgrammeFigures]
) -> None:
    doc.add(Heading(_("Care support for participants")))
    for w in workshops:
        arranged = w.workshop.care_support or _("None recorded.")
        label = f"{w.workshop.title}: " if len(workshops) > 1 else ""
        doc.add(Paragraph(f"{label}{arranged}"))
    used = sum(f.feedback.care_support_yes for f in figures if f.feedback)
    answered = sum(f.feedback.care_support_answered for f in figures if f.feedback)
    if answered:
        doc.add(
            Paragraph(
                _("Used it, by their own answer at the end: {share} of the people who answered "
                  "(consenting only).").format(share=share(used, answered))
            )
        )
    else:
        doc.add(Paragraph(_("Nobody answered whether they used the care support."), kind="note"))
