"""What every document shares: title, language, direction, paper, labels, running header."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from carecoop.i18n import base_language
from carecoop.render.engine import Paper, page_size
from carecoop.render.labels import labels_for, text_direction
from carecoop.store.records import Workshop
from carecoop.workshop.schedule import day_date, session_dates


@dataclass(frozen=True)
class DocMeta:
    """The frame of a document: PDF metadata, page set-up and the words around the content."""

    title: str
    language: str
    direction: str
    author: str
    page_size: str
    labels: Mapping[str, str]
    #: Running header: the workshop (start side) and the part of it (end side).
    head_start: str
    head_end: str
    #: Stylesheet flavour: handout, agenda, attendance or certificate.
    kind: str


def doc_meta(
    *,
    kind: str,
    title: str,
    language: str,
    author: str,
    paper: Paper,
    head_start: str,
    head_end: str,
    landscape: bool = False,
) -> DocMeta:
    """A document frame in a language, on a paper."""
    return DocMeta(
        title=title,
        language=language,
        direction=text_direction(language),
        author=author or "carecoop",
        page_size=page_size(paper, landscape),
        labels=labels_for(language),
        head_start=head_start,
        head_end=head_end,
        kind=kind,
    )


def parse_date(value: str | None) -> date | None:
    """An ISO date from the store, or None when there is none or it is not a date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def format_day(day: date | None, language: str) -> str:
    """A date written out in a language (`14 March 2026`), empty for no date."""
    if day is None:
        return ""
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    try:
        return str(format_date(day, format="long", locale=base_language(language)))
    except (UnknownLocaleError, ValueError):
        return day.isoformat()


def workshop_days(workshop: Workshop, planned_days: int) -> list[date | None]:
    """The date of each workshop day: as many as the agenda needs or the dates span.

    A workshop spread over weeks has the dates of its days; others run day after day.
    """
    start = parse_date(workshop.start_date)
    end = parse_date(workshop.end_date)
    dates = session_dates(workshop.session_dates)
    if dates:
        return [day_date(day, start, dates) for day in range(1, max(planned_days, len(dates)) + 1)]
    count = planned_days
    if start and end and end >= start:
        count = max(count, (end - start).days + 1)
    count = max(count, 1)
    return [start + timedelta(days=offset) if start else None for offset in range(count)]


def date_span(workshop: Workshop, language: str, planned_days: int = 1) -> str:
    """`14 March 2026` or `14 March 2026 – 18 March 2026` (the last planned day without an end date)."""
    start = parse_date(workshop.start_date)
    end = parse_date(workshop.end_date)
    if end is None and start is not None and planned_days > 1:
        end = workshop_days(workshop, planned_days)[-1]
    if start is None:
        return workshop.start_date or ""
    if end is None or end == start:
        return format_day(start, language)
    return f"{format_day(start, language)} – {format_day(end, language)}"
