"""`carecoop workshop …`, `carecoop participants …` and `carecoop answers`."""


from typing import TYPE_CHECKING, Annotated, Any

import typer

from carecoop.cli.common import (
    AsJson,
    WorkshopId,
    command_prefix,
    console,
    echo_json,
    escape,
    handle_errors,
    load_curriculum,
    open_store,
    quoted,
    screen_language,
)
from carecoop.errors import ContentError
from carecoop.i18n import _, ngettext, use_language

if TYPE_CHECKING:
    from carecoop.store.db import Store
    from carecoop.store.records import Workshop
    from carecoop.workshop.workshops import WorkshopStatus

workshop_app = typer.Typer(help="Create workshops and see where they stand.", no_args_is_help=True)
participants_app = typer.Typer(help="The people taking part in a workshop.", no_args_is_help=True)



def register(app: typer.Typer) -> None:
    """Add the `workshop` and `participants` groups and the `answers` command."""
    app.add_typer(workshop_app, name="workshop")
    app.add_typer(participants_app, name="participants")
    app.command("answers")(answers)


def say(text: str) -> None:
    """Print a line without wrapping it, so commands in it can be copied whole."""
    console.print(text, soft_wrap=True)


def _activity_ids(programme: str) -> list[str] | None:
    try:
        return [a.id for _module, a in load_curriculum().activities_of(programme)]
    except ContentError:  # someone's module file is broken; show what the store knows
        return None


def _say_details(workshop: "Workshop", programme_title: str) -> None:
    """The workshop's facts, one per line, leaving out those not given."""
    if workshop.session_dates:
        dates = _("{dates}, starting {time}").format(
            dates=workshop.session_dates.replace(",", ", "), time=workshop.day_start
        )
    elif workshop.end_date:
        dates = _("{start} to {end}, starting {time}").format(
            start=workshop.start_date, end=workshop.end_date, time=workshop.day_start
        )
    else:
        dates = _("{start}, starting {time}").format(start=workshop.start_date, time=workshop.day_start)
    facts = [
        (_("Programme"), f"{programme_title} ({workshop.programme})"),
        (_("Date"), dates),
        (_("Facilitator"), workshop.facilitator),
        (_("Location"), workshop.location),
        (_("Language"), workshop.language),
        (_("Country"), workshop.country if workshop.country != "generic" else ""),
        (_("Care support"), workshop.care_support),
    ]
    width = max(len(label) for label, _value in facts) + 1
    for label, value in facts:
        if value:
            say(f"  {label:<{width}}{escape(value)}")


def _status(store: "Store", workshop_id: str) -> "WorkshopStatus":
    from carecoop.workshop.workshops import workshop_status

    workshop = store.workshop(workshop_id)
    return workshop_status(store, workshop_id, _activity_ids(workshop.programme))


def _progress(status: "WorkshopStatus") -> str:
    if status.activities_total is None:
        return _("{count} done").format(count=status.activities_done)
    return f"{status.activities_done}/{status.activities_total}"


@workshop_app.command("new")
@handle_errors
def new(
    programme: Annotated[str, typer.Option("--programme", help="think-carecoop or start-carecoop.")],
    title: Annotated[str, typer.Option("--title", help="A name people will recognise.")],
    workshop_id: Annotated[
        str | None, typer.Option("--id", help="The workshop's id (default: the title and date).")
    ] = None,
    start_date: Annotated[
        str | None, typer.Option("--date", help="First day, like 2025-03-14 (default: today).")
    ] = None,
    facilitator: Annotated[str, typer.Option("--facilitator", help="Who runs it.")] = "",
    location: Annotated[str, typer.Option("--location", help="Where it takes place.")] = "",
    lang: Annotated[str, typer.Option("--lang", help="Language code, like en, fr, es or ar.")] = "en",
    country: Annotated[
        str, typer.Option("--country", help="Country profile by code or name (zw, Zimbabwe).")
    ] = "generic",
    care_support: Annotated[
        str, typer.Option("--care-support", metavar="TEXT", help="Care offered to participants' families.")
    ] = "",
    day_start: Annotated[
        str | None, typer.Option("--day-start", metavar="HH:MM", help="When each day starts.")
    ] = None,
    days: Annotated[
        str | None,
        typer.Option(
            "--days",
            metavar="DATES",
            help="The date of every day, in order, when they are spread out: 2027-01-12,2027-01-19,... "
            "(default: one day after another from --date).",
        ),
    ] = None,
) -> None:
    """Create a workshop of a programme."""
    from carecoop.workshop.workshops import new_workshop, programme_title

    store = open_store()
    workshop = new_workshop(
        store,
        programme=programme,
        title=title,
        workshop_id=workshop_id,
        start_date=start_date,
        facilitator=facilitator,
        location=location,
        language=lang,
        country=country,
        care_support=care_support,
        day_start=day_start,
        days=days,
    )
    import shlex

    # The screen speaks the new workshop's language from its first message on.
    with use_language(screen_language(workshop.id)):
        created = _("Created workshop {id}: {title}")
        say(created.format(id=f"[bold]{escape(workshop.id)}[/]", title=escape(workshop.title)))
        _say_details(workshop, programme_title(workshop.programme))
        prefix = command_prefix()
        ws = shlex.quote(workshop.id)
        say(escape(_("Next, add the participants, group by group:")))
        # Double quotes, as the facilitator will type them (they work in every shell).
        one, two, group = _("Name One"), _("Name Two"), _("Group A")
        example = f'participants add {ws} "{one}" "{two}" --group "{group}"'
        say(f"  {escape(prefix)} {escape(example)}")
        say(escape(_("Then run the workshop:")))
        say(f"  {escape(prefix)} run {escape(ws)}")


@workshop_app.command("list")
@handle_errors
def list_workshops(as_json: AsJson = False) -> None:
    """List the workshops, newest first."""
    from carecoop.workshop.workshops import workshop_status

    store = open_store()
    cache: dict[str, list[str] | None] = {}
    statuses = []
    for workshop in store.workshops():
        if workshop.programme not in cache:
            cache[workshop.programme] = _activity_ids(workshop.programme)
        statuses.append(workshop_status(store, workshop.id, cache[workshop.programme]))
    if as_json:
        data = [
            {
                **{k: v for k, v in s.workshop.__dict__.items()},
                "participants": len(s.participants),
                "groups": s.groups,
                "activities_done": s.activities_done,
                "activities_total": s.activities_total,
                "answers": s.answers,
            }
            for s in statuses
        ]
        echo_json(data)
        return
    if not statuses:
        first_title = _("My first workshop")
        say(
            escape(_("No workshops yet. Create one with:")) + "\n"
            f"  {escape(command_prefix())} workshop new --programme think-carecoop"
            f' --title "{escape(first_title)}"'
        )
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=_("Workshops"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(_("Id"), no_wrap=True)
    table.add_column(_("Date"), no_wrap=True)
    table.add_column(_("Title"))
    table.add_column(_("People"), justify="right")
    table.add_column(_("Done"), justify="right", no_wrap=True)
    table.add_column(_("Answers"), justify="right")
    for s in statuses:
        title = Text(s.workshop.title)
        title.append(f"\n{s.programme_title}", style="dim")
        people = str(len(s.participants))
        table.add_row(Text(s.workshop.id), s.workshop.start_date, title, people, _progress(s), str(s.answers))
    console.print(table)


@workshop_app.command("show")
@handle_errors
def show(workshop_id: WorkshopId) -> None:
    """Show a workshop: details, participants by group, progress."""
    store = open_store()
    s = _status(store, workshop_id)
    w = s.workshop
    say(f"[bold]{escape(w.title)}[/]  {escape(f'[{w.id}]')}")
    _say_details(w, s.programme_title)
    heading = escape(_("Participants"))
    say(f"[bold]{heading}[/] ({len(s.participants)})")
    if not s.participants:
        command = f"{command_prefix()} participants add {w.id} NAME..."
        say("  " + escape(_("None yet. Add them with: {command}").format(command=command)))
    for group, names in s.by_group.items():
        if group is not None:
            label = _("Group {group}").format(group=group)
        else:
            label = _("No group") if s.groups else _("Everyone")
        members = ", ".join(names) if names else _("(nobody yet)")
        say(f"  {escape(label)}: {escape(members)}")
    progress = escape(_("Progress"))
    say(f"[bold]{progress}[/]")
    if s.activities_total is not None:
        done = _("{done} of {total}").format(done=s.activities_done, total=s.activities_total)
    else:
        done = str(s.activities_done)
    answers = str(s.answers)
    if s.skipped:
        answers = _("{answers} ({skipped} skipped)").format(answers=s.answers, skipped=s.skipped)
    rows = [(_("Activities done"), done), (_("Answers"), answers)]
    if s.notes:
        rows.append((_("Notes"), str(s.notes)))
    width = max(len(label) for label, _value in rows) + 2
    for label, value in rows:
        say(f"  {escape(label):<{width}}{value}")
    if s.activities_total is not None and s.next_activity is None:
        command = f"{command_prefix()} answers {w.id}"
        say(escape(_("Every activity is done. See the answers: {command}").format(command=command)))
    else:
        say(escape(_("Next: {command}").format(command=f"{command_prefix()} run {w.id}")))


@participants_app.command("add")
@handle_errors
def add(
    workshop_id: WorkshopId,
    names: Annotated[
        list[str], typer.Argument(metavar="NAME...", help="Names or nicknames (quote names with spaces).")
    ],
    group: Annotated[str | None, typer.Option("--group", help="Put them in this group.")] = None,
    sex: Annotated[
        str | None, typer.Option("--sex", help="female, male, other or prefer-not-to-say.")
    ] = None,
    age_band: Annotated[
        str | None, typer.Option("--age-band", metavar="BAND", help="Like 25-34, or an age in years.")
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="care-worker, family, community or other.")
    ] = None,
    disability: Annotated[
        str | None,
        typer.Option("--disability", help="Washington Group short set: yes, no or prefer-not-to-say."),
    ] = None,
    consent: Annotated[
        bool | None,
        typer.Option("--consent/--no-consent", help="Counted in reports by profile (default: no)."),
    ] = None,
) -> None:
    """Add participants to a workshop, maybe in a group, with an optional profile."""
    from carecoop.pilot.people import set_profiles, updated_profile
    from carecoop.store.records import Profile
    from carecoop.workshop.workshops import add_people

    profile = {"sex": sex, "age_band": age_band, "role": role, "disability": disability, "consent": consent}
    updated_profile(Profile(), **profile)  # a bad value stops here, before anyone is added
    store = open_store()
    added, existing = add_people(store, workshop_id, names, group)
    set_profiles(store, workshop_id, added + existing, **profile)
    if added:
        names_added = ", ".join(p.name for p in added)
        if group:
            message = ngettext(
                "Added {count} participant to {workshop} in group {group}: {names}",
                "Added {count} participants to {workshop} in group {group}: {names}",
                len(added),
            )
        else:
            message = ngettext(
                "Added {count} participant to {workshop}: {names}",
                "Added {count} participants to {workshop}: {names}",
                len(added),
            )
        group_name = (group or "").strip()
        text = message.format(count=len(added), workshop=workshop_id, group=group_name, names=names_added)
        say(escape(text))
    if existing:
        changed = group or any(value is not None for value in profile.values())
        if group:
            state = _("now in group {group}").format(group=group.strip())
        else:
            state = _("profile updated") if changed else _("nothing changed")
        already = ", ".join(p.name for p in existing)
        say(escape(_("Already in {workshop} ({state}): {names}").format(
            workshop=workshop_id, state=state, names=already
        )))


@participants_app.command("list")
@handle_errors
def list_participants(workshop_id: WorkshopId, as_json: AsJson = False) -> None:
    """List a workshop's participants, their groups and profiles."""
    from carecoop.pilot.profile import SHORT_LEGEND, profile_cells, profile_json

    store = open_store()
    store.workshop(workshop_id)
    people = store.participants(workshop_id)
    if as_json:
        data = [{"name": p.name, "group": p.group, **profile_json(p.profile)} for p in people]
        echo_json(data)
        return
    if not people:
        say(
            escape(_("No participants in {workshop} yet. Add them with:").format(workshop=workshop_id)) + "\n"
            f"  {escape(command_prefix())} participants add {escape(workshop_id)} NAME... [--group G]"
        )
        return
    from rich import box
    from rich.table import Table

    say(escape(_("Participants of {workshop}").format(workshop=workshop_id)))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", overflow="fold")
    # TRANSLATORS: "Dis." is short for disability (Washington Group short set).
    for title in (_("Name"), _("Group"), _("Sex"), _("Age"), _("Role"), _("Dis."), _("Consent")):
        table.add_column(title, justify="left", overflow="fold")
    for number, person in enumerate(people, start=1):
        table.add_row(str(number), escape(person.name), escape(person.group or ""),
                      *profile_cells(person.profile))
    console.print(table)
    consenting = sum(1 for p in people if p.profile.consent)
    say(escape(ngettext(
        "{consenting} of {count} consents to be counted in reports.",
        "{consenting} of {count} consent to be counted in reports.",
        len(people),
    ).format(consenting=consenting, count=len(people))))
    say(escape(_(SHORT_LEGEND)) + ".")


@handle_errors
def answers(
    workshop_id: WorkshopId,
    as_json: Annotated[bool, typer.Option("--json", help="Print an answers file (JSON).")] = False,
    history: Annotated[bool, typer.Option("--history", help="Also show earlier values.")] = False,
    notes: Annotated[bool, typer.Option("--notes", help="Show the facilitator's notes instead.")] = False,
) -> None:
    """Show what a workshop has recorded, activity by activity."""
    from carecoop.workshop.answers_export import answer_lines, answers_document

    store = open_store()
    workshop = store.workshop(workshop_id)
    if notes:
        _show_notes(store, workshop, as_json)
        return
    lines = answer_lines(store, load_curriculum(), workshop, history=history)
    if as_json:
        document: dict[str, Any] = answers_document(lines, history=history)
        echo_json(document)
        return
    if not lines:
        command = f"{command_prefix()} run {quoted(workshop_id)}"
        say(escape(_("No answers recorded in {workshop} yet. Record them with: {command}").format(
            workshop=workshop_id, command=command
        )))
        return
    from carecoop.cli.answer_views import answer_tables

    for table in answer_tables(lines, history):
        console.print(table)


def _show_notes(store: "Store", workshop: "Workshop", as_json: bool) -> None:
    """The facilitator's notes, activity by activity in agenda order."""
    written = store.notes(workshop.id)
    titles: dict[str, str] = {}
    try:
        for _module, activity in load_curriculum().activities_of(workshop.programme):
            titles[activity.id] = activity.title
    except ContentError:
        pass  # a broken module file: show the ids the store knows
    order = [aid for aid in titles if aid in written] + [aid for aid in written if aid not in titles]
    if as_json:
        echo_json([{"activity": aid, "title": titles.get(aid, aid), "notes": written[aid]} for aid in order])
        return
    if not order:
        command = f"{command_prefix()} run {quoted(workshop.id)}"
        say(escape(_("No notes in {workshop} yet. Add one at the end of an activity in: {command}").format(
            workshop=workshop.id, command=command
        )))
        return
    for aid in order:
        say(f"[bold]{escape(titles.get(aid, aid))}[/]  {escape(f'[{aid}]')}")
        for text in written[aid]:
            say(f"  • {escape(text)}")
