"""Export a group's business plan and draft bylaws as PDF, Markdown, DOCX or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from carecoop.errors import UserError
from carecoop.i18n import _, use_language

if TYPE_CHECKING:
    from carecoop.content.curriculum import Curriculum
    from carecoop.outputs import Owner
    from carecoop.plan.model import Plan
    from carecoop.plan.workflow import PlanSource
    from carecoop.render.document import Document
    from carecoop.render.engine import Paper
    from carecoop.store.db import Store

PlanFormat = Literal["pdf", "md", "docx", "json"]
PLAN_FORMATS: tuple[PlanFormat, ...] = ("pdf", "md", "docx", "json")
BYLAWS_FORMATS: tuple[PlanFormat, ...] = ("pdf", "md", "docx")
Audience = Literal["group", "lender"]
AUDIENCES: tuple[Audience, ...] = ("group", "lender")


def choose_audience(requested: str) -> Audience:
    """The reader a plan is printed for: the group's working copy or a lender's copy."""
    value = requested.strip().lower()
    for audience in AUDIENCES:
        if value == audience:
            return audience
    raise UserError(_(
        "Unknown reader '{requested}' for --for. Use one of: {audiences}."
    ).format(requested=requested, audiences=', '.join(AUDIENCES)))


def _today_text(language: str, locale: str | None = None) -> str:
    """Today written out in a language.

    In the country's own way (`ar_PS`: كانون الأول) when the country's locale speaks that language.
    """
    from datetime import date

    from carecoop.i18n import base_language
    from carecoop.render.meta import format_day

    if locale and base_language(locale) == base_language(language or "en"):
        from babel.dates import format_date

        return str(format_date(date.today(), format="long", locale=locale))
    return format_day(date.today(), language)


def _write(
    document: Document, fmt: str, out: Path, *, kind: str, paper: Paper, head: str, owner: Owner, force: bool
) -> Path:
    from carecoop.outputs import write_output

    if fmt == "md":
        from carecoop.render.editable import to_markdown

        return write_output(out, to_markdown(document), owner, force=force)
    if fmt == "docx":
        from carecoop.render.editable import docx_bytes

        return write_output(out, docx_bytes(document, paper), owner, force=force)
    from carecoop.render.document_html import document_html
    from carecoop.render.engine import shared_renderer

    html = document_html(document, kind=kind, paper=paper, head_start=head)
    return write_output(out, shared_renderer().pdf(html), owner, force=force)


def _in_language(document: Document, language: str) -> Document:
    """The document set in its readers' language: `lang`, direction, and so right to left for Arabic.

    The builders write the frame in English; the answers inside are in the workshop's language,
    which decides how the page reads.
    """
    document.language = language or "en"
    return document


def _running_head(plan: Plan, group: str) -> str:
    """The cooperative's name for the running header (the workshop is not the reader's business)."""
    return plan.bylaws.name or plan.cooperative.name or _("The care cooperative of group {group}").format(
        group=group
    )


def export_plan(
    store: Store,
    curriculum: Curriculum,
    workshop_id: str,
    out: Path,
    *,
    group: str | None = None,
    fmt: str = "pdf",
    paper: Paper = "a4",
    force: bool = False,
    audience: Audience = "group",
) -> PlanSource:
    """Write a group's business plan in one format, for the group or for a lender."""
    from carecoop.outputs import claim
    from carecoop.plan.checks import check_plan
    from carecoop.plan.workflow import current_plan, export_plan_json, profile_for
    from carecoop.render.exports import owner_of
    from carecoop.render.plan_doc import build_plan_document

    workshop = store.workshop(workshop_id)
    claim([out], owner_of(workshop, store), force=force)
    source = current_plan(store, curriculum, workshop_id, group)
    if fmt == "json":
        export_plan_json(source.plan, out, owner_of(workshop, store), force=force)
        return source
    profile = profile_for(store, workshop_id, source.plan)
    # Every fixed word of the plan, the check's warnings included, in the workshop's language,
    # whatever language the screen speaks.
    with use_language(workshop.language):
        report = check_plan(source.plan, profile)
        document = _in_language(build_plan_document(
            source.plan,
            report,
            profile,
            group=source.group,
            date=_today_text(workshop.language, profile.locale),
            audience=audience,
        ), workshop.language)
        head = _running_head(source.plan, source.group)
        _write(document, fmt, out, kind="plan", paper=paper, head=head, owner=owner_of(workshop, store),
               force=force)
    return source


def export_bylaws(
    store: Store,
    curriculum: Curriculum,
    workshop_id: str,
    out: Path,
    *,
    group: str | None = None,
    fmt: str = "pdf",
    paper: Paper = "a4",
    force: bool = False,
) -> PlanSource:
    """Write a group's draft bylaws in one format (pdf, md or docx)."""
    from carecoop.outputs import claim
    from carecoop.plan.wages import plan_currency
    from carecoop.plan.workflow import current_plan, profile_for
    from carecoop.render.bylaws import build_bylaws
    from carecoop.render.exports import owner_of
    from carecoop.render.plan_doc import money_formatter

    workshop = store.workshop(workshop_id)
    claim([out], owner_of(workshop, store), force=force)
    source = current_plan(store, curriculum, workshop_id, group)
    profile = profile_for(store, workshop_id, source.plan)
    money = money_formatter(profile, plan_currency(source.plan, profile))
    # Every fixed word of the bylaws in the workshop's language, whatever the screen speaks.
    with use_language(workshop.language):
        document = _in_language(
            build_bylaws(source.plan, money, _today_text(workshop.language, profile.locale), profile),
            workshop.language,
        )
        _write(document, fmt, out, kind="bylaws", paper=paper, head=_running_head(source.plan, source.group),
               owner=owner_of(workshop, store), force=force)
    return source
