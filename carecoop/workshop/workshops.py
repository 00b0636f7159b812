"""Creating workshops, adding people, and where a workshop stands."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from carecoop.content.models import PROGRAMME_IDS, Programme
from carecoop.countries.profiles import find_profile
from carecoop.errors import ContentError, UserError
from carecoop.i18n import _, ngettext
from carecoop.slugs import slug
from carecoop.store.db import Store
from carecoop.store.records import Participant, Workshop, clean_name, same_name
from carecoop.text import block, one_line

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
#: Workshop dates run from here to there; outside is a typing slip.
FIRST_YEAR, LAST_YEAR = 1990, 2200
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def programme_info(programme_id: str) -> Programme | None:
    """The bundled programme.yaml of a programme, or None when it cannot be read."""
    from carecoop.content.loader import load_programme_file
    from carecoop.paths import modules_dir

    try:
        return load_programme_file(modules_dir() / programme_id / "programme.yaml", cached=True)
    except ContentError:
        return None


def programme_title(programme_id: str) -> str:
    """`Think.CareCoop`, or the id when the programme file cannot be read."""
    info = programme_info(programme_id)
    return info.title if info else programme_id


def check_language(code: str) -> str:
    """A language code like `en`, `ar` or `es-CO`; a UserError otherwise."""
    if _LANGUAGE.match(code):
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(code.replace("-", "_"))
            return code
        except (UnknownLocaleError, ValueError):
            pass
    raise UserError(_(
        "'{code}' is not a language code. Use a code like en, fr, es, ar or es-CO."
    ).format(code=code))


def check_date(value: str) -> date:
    """A date written as 2025-03-14; a UserError otherwise."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            # A workshop's days are counted on from its first; 9999-12-31 has no day after it.
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise UserError(_(
                    "'{value}' is too far away. Give a date between {first} and {last}."
                ).format(value=value, first=FIRST_YEAR, last=LAST_YEAR))
            return day
    except ValueError:
        pass
    raise UserError(_(
        "'{value}' is not a date. Write it as year-month-day, like 2025-03-14."
    ).format(value=value))


def check_days(value: str, count: int, programme: str) -> list[date]:
    """The dates of a programme's days, `2027-01-12,2027-01-19`: one a day, in order."""
    days = [check_date(part.strip()) for part in value.split(",") if part.strip()]
    if len(days) != count:
        raise UserError(ngettext(
            "{programme} has {count} day: give one date to --days, like {example} ({given} given).",
            "{programme} has {count} days: give {count} dates to --days, like {example} ({given} given).",
            count,
        ).format(programme=programme, count=count, example=_example_days(count), given=len(days)))
    for before, after in zip(days, days[1:], strict=False):
        if after <= before:
            raise UserError(_(
                "The days must be in order, each after the one before: {after} is not after {before}."
            ).format(after=after.isoformat(), before=before.isoformat()))
    return days


def _example_days(count: int) -> str:
    """One date a week from 2027-01-12, as --days takes them."""
    return ",".join((date(2027, 1, 12) + timedelta(weeks=n)).isoformat() for n in range(count))


def check_clock(value: str) -> str:
    """A time of day written as 09:30; a UserError otherwise."""
    if not _CLOCK.match(value):
        raise UserError(_(
            "'{value}' is not a time of day. Write it as hours:minutes, like 09:00."
        ).format(value=value))
    return value


def new_workshop(
    store: Store,
    *,
    programme: str,
    title: str,
    workshop_id: str | None = None,
    start_date: str | None = None,
    facilitator: str = "",
    location: str = "",
    language: str = "en",
    country: str = "generic",
    care_support: str = "",
    day_start: str | None = None,
    today: date | None = None,
    days: str | None = None,
) -> Workshop:
    """Check everything about a new workshop, then create it.

    `days` gives the date of every workshop day, joined by commas, when they are not one
    after another (`2027-01-12,2027-01-19,...`); without it the days follow `start_date`.
    """
    if programme not in PROGRAMME_IDS:
        raise UserError(_(
            "Unknown programme '{programme}'. Use one of: {programme_ids}."
        ).format(programme=programme, programme_ids=', '.join(PROGRAMME_IDS)))
    title = one_line(title, _("The title"))
    facilitator = one_line(facilitator, _("The facilitator's name"))
    location = one_line(location, _("The place"))
    care_support = block(care_support, _("The care support"))
    if not title:
        raise UserError(_("The title cannot be empty."))
    first = check_date(start_date) if start_date else (today or date.today())
    info = programme_info(programme)
    start = check_clock(day_start) if day_start else (info.day_start if info else "09:00")
    language = check_language(language)
    country = find_profile(country)
    count = math.ceil(info.days) if info else 1
    end = (first + timedelta(days=count - 1)).isoformat() if count > 1 else None
    sessions: list[date] = []
    if days is not None:
        sessions = check_days(days, count, info.title if info else programme)
        if start_date and check_date(start_date) != sessions[0]:
            raise UserError(_("--date {date} is not the first of --days ({first}).").format(
                date=start_date, first=sessions[0].isoformat()
            ))
        first = sessions[0]
        end = sessions[-1].isoformat() if count > 1 else None
    def make(new_id: str) -> Workshop:
        return Workshop(
            id=new_id,
            programme=programme,
            title=title,
            start_date=first.isoformat(),
            end_date=end,
            day_start=start,
            facilitator=facilitator,
            location=location,
            language=language,
            country=country,
            care_support=care_support,
            session_dates=",".join(day.isoformat() for day in sessions),
        )

    if workshop_id is not None:
        if not _ID.match(workshop_id) or len(workshop_id) > 60:
            raise UserError(
                _(
                    "'{workshop_id}' cannot be a workshop id: use lowercase letters, digits and "
                    "hyphens, like harare-2025-03-14."
                ).format(workshop_id=workshop_id)
            )
        return store.create_workshop(make(workshop_id))
    base = f"{slug(title, limit=50) or 'workshop'}-{first.isoformat()}"
    taken = {w.id for w in store.workshops()}
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return store.create_workshop(make(candidate))


def add_people(
    store: Store, workshop_id: str, names: list[str], group: str | None
) -> tuple[list[Participant], list[Participant]]:
    """Add participants (to a group); return the new ones and those already there."""
    # Names match whatever their case, as in the answers file: "amina" is Amina.
    # NFC too: a decomposed "Zoë" typed on another keyboard is the Zoë already there.
    known = {clean_name(p.name).casefold(): p.name for p in store.participants(workshop_id)}
    if group is not None:
        group = clean_name(group)
        if not group:
            raise UserError(_("A group's name cannot be empty."))
        group = next((g for g in store.groups(workshop_id) if same_name(g, group)), group)
    cleaned = [clean_name(name) for name in names]
    people = store.add_participants(workshop_id, [known.get(n.casefold(), n) for n in cleaned], group)
    unique = list({p.id: p for p in people}.values())
    added = [p for p in unique if p.name.casefold() not in known]
    existing = [p for p in unique if p.name.casefold() in known]
    return added, existing


@dataclass(frozen=True)
class WorkshopStatus:
    """A workshop with its people and how far it has got."""

    workshop: Workshop
    programme_title: str
    participants: list[Participant]
    groups: list[str]
    activities_done: int
    activities_total: int | None  # None when the curriculum cannot be loaded right now
    answers: int
    skipped: int
    notes: int
    next_activity: str | None = None
    by_group: dict[str | None, list[str]] = field(default_factory=dict)


def workshop_status(store: Store, workshop_id: str, activity_ids: list[str] | None) -> WorkshopStatus:
    """Where a workshop stands; `activity_ids` is its programme's activities, in order, if known."""
    workshop = store.workshop(workshop_id)
    participants = store.participants(workshop_id)
    groups = store.groups(workshop_id)
    progress = store.progress(workshop_id)
    answers = store.answers(workshop_id)
    done = {aid for aid, p in progress.items() if p.status == "done"}
    by_group: dict[str | None, list[str]] = {g: [] for g in groups}
    for person in participants:
        by_group.setdefault(person.group, []).append(person.name)
    next_activity = None
    if activity_ids is not None:
        next_activity = next((aid for aid in activity_ids if aid not in done), None)
        done &= set(activity_ids)
    return WorkshopStatus(
        workshop=workshop,
        programme_title=programme_title(workshop.programme),
        participants=participants,
        groups=groups,
        activities_done=len(done),
        activities_total=len(activity_ids) if activity_ids is not None else None,
        answers=sum(1 for a in answers if not a.skipped),
        skipped=sum(1 for a in answers if a.skipped),
        notes=sum(len(texts) for texts in store.notes(workshop_id).values()),
        next_activity=next_activity,
        by_group=by_group,
    )
