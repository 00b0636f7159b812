"""`export guide`: the facilitator's guide of a programme, or of one workshop, as a PDF book."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from carecoop.content.curriculum import Curriculum
from carecoop.content.glossary import key_words
from carecoop.content.loader import load_glossary
from carecoop.content.models import ActivityKind, Module
from carecoop.i18n import base_language
from carecoop.outputs import Owner, claim, write_output
from carecoop.render.agenda import agenda_days
from carecoop.render.engine import Paper, render_html, shared_renderer
from carecoop.render.exports import ExportResult
from carecoop.render.group_export import group_source
from carecoop.render.guide import GuideFact, guide_view
from carecoop.render.guide_labels import HOW_TO_KEYS, guide_labels
from carecoop.render.meta import date_span, doc_meta
from carecoop.store.db import Store
from carecoop.store.records import Workshop


@dataclasses.dataclass(frozen=True)
class GuideSource:
    """What a guide is made of: a programme's modules in a language, maybe for one workshop."""

    programme: str
    modules: list[Module]
    language: str
    workshop: Workshop | None
    owner: Owner | str
    warnings: list[str]


def guide_source(
    curriculum: Curriculum, store: Store | None, workshop_id: str | None, programme: str | None, language: str
) -> GuideSource:
    """A workshop's modules in its language, or a programme's in the language asked for."""
    workshop = None
    if workshop_id is not None and store is not None:
        workshop = store.workshop(workshop_id)
        programme = workshop.programme
    elif workshop_id is None:
        language = curriculum.check_language(language)
    modules, _title, language, _author, owner, warnings = group_source(
        curriculum, store, workshop_id, programme, language
    )
    assert programme is not None  # group_source refuses anything but a known programme
    return GuideSource(programme, modules, language, workshop, owner, warnings)


def _language_name(language: str) -> str:
    """`العربية` for ar: a language named in itself."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(base_language(language)).get_display_name()
    except (UnknownLocaleError, ValueError):
        return language
    return str(name) if name else language


def _hours(minutes: int) -> str:
    return f"{round(minutes / 30) / 2:g}"


def guide_html(
    curriculum: Curriculum, source: GuideSource, *, paper: Paper, duplex: bool
) -> str:
    """The guide as HTML: cover, credit and how to use it, the day plan, then every module."""
    programme = curriculum.programme(source.programme, source.language)
    labels = guide_labels(source.language)
    workshop = source.workshop
    meta = doc_meta(
        kind="guide",
        title=f"{labels['g_guide']}: {programme.title}",
        language=source.language,
        author=workshop.facilitator if workshop else "",
        paper=paper,
        head_start=programme.title,
        head_end=labels["g_guide"],
    )
    meta = dataclasses.replace(meta, labels=labels)
    days = agenda_days(
        source.modules,
        (workshop.day_start if workshop else None) or programme.day_start,
        workshop.start_date if workshop else None,
        source.language,
        dates=workshop.session_dates if workshop else "",
    )
    view = guide_view(
        programme,
        source.modules,
        meta,
        days=days,
        facts=_facts(programme.audience, source.modules, len(days), labels, source.language, workshop),
        how_to=[labels[f"g_{key}"] for key in HOW_TO_KEYS],
        glossary=key_words(load_glossary(), source.language),
        duplex=duplex,
    )
    return render_html("guide.html", {"meta": meta, "guide": view})


def _facts(
    audience: str,
    modules: Sequence[Module],
    day_count: int,
    labels: Mapping[str, str],
    language: str,
    workshop: Workshop | None,
) -> list[GuideFact]:
    """The cover's lines: for whom, how many days and hours, the language, and the workshop."""
    minutes = sum(a.duration for m in modules for a in m.activities if a.kind is not ActivityKind.BREAK)
    facts = [
        GuideFact(labels["g_for_whom"], audience),
        GuideFact(labels["g_days"], str(day_count)),
        GuideFact(labels["g_activity_time"], labels["g_hours"].format(hours=_hours(minutes))),
        GuideFact(labels["g_language"], _language_name(language)),
    ]
    if workshop is not None:
        facts.append(GuideFact(labels["g_workshop"], workshop.title))
        for label, value in (
            (labels["date"], date_span(workshop, language, day_count)),
            (labels["place"], workshop.location),
            (labels["facilitator"], workshop.facilitator),
        ):
            if value:
                facts.append(GuideFact(label, value))
    return facts


def export_guide(
    curriculum: Curriculum,
    out: Path,
    *,
    store: Store | None = None,
    workshop_id: str | None = None,
    programme: str | None = None,
    language: str = "en",
    paper: Paper = "a4",
    duplex: bool = False,
    force: bool = False,
) -> ExportResult:
    """The facilitator's guide as one PDF; `duplex` starts every module on an odd page."""
    source = guide_source(curriculum, store, workshop_id, programme, language)
    claim([out], source.owner, force=force)
    html = guide_html(curriculum, source, paper=paper, duplex=duplex)
    written = write_output(out, shared_renderer().pdf(html), source.owner, force=force)
    return ExportResult([written], source.warnings)
