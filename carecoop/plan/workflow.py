"""A group's plan in the store: which group, load, save, import from a file, export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from carecoop.countries.profiles import CountryProfile, load_profile, profile_codes, value_locale
from carecoop.errors import ContentError, NextStep, Step, UserError
from carecoop.i18n import _, ngettext
from carecoop.plan.model import Plan
from carecoop.plan.values import read_file_values

if TYPE_CHECKING:
    from carecoop.content.curriculum import Curriculum
    from carecoop.outputs import Owner
    from carecoop.store.db import Store


def resolve_group(store: Store, workshop_id: str, group: str | None) -> str:
    """The group a plan belongs to: the one named, or the workshop's only group."""
    store.workshop(workshop_id)
    groups = store.groups(workshop_id)
    if group is not None:
        for known in groups:
            if known.casefold() == group.strip().casefold():
                return known
        listed = _("It has no groups yet.")
        if groups:
            listed = _("Groups: {groups}.").format(groups=", ".join(groups))
        raise UserError(_(
            "Workshop '{workshop_id}' has no group '{group}'. {listed}"
        ).format(workshop_id=workshop_id, group=group, listed=listed))
    if len(groups) == 1:
        return groups[0]
    if not groups:
        raise UserError(
            _(
                "Workshop '{workshop_id}' has no groups yet. A plan belongs to a group: add its "
                "members."
            ).format(workshop_id=workshop_id),
            NextStep(Step.GROUP_PARTICIPANTS, workshop=workshop_id),
        )
    raise UserError(
        _(
            "Workshop '{workshop_id}' has several groups; choose one with --group: {groups}."
        ).format(workshop_id=workshop_id, groups=', '.join(groups))
    )


def load_plan(store: Store, workshop_id: str, group: str) -> Plan:
    """The group's current plan (an empty one when it has none yet)."""
    data = store.plan(workshop_id, group)
    if data is None:
        return Plan()
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        from carecoop.content.messages import dotted, known_keys, validation_problems

        where, what = validation_problems(error, known_keys([Plan]))[0]
        others = error.error_count() - 1
        more = " " + ngettext("and {count} more problem", "and {count} more problems", others).format(
            count=others
        ) if others else ""
        raise UserError(
            _(
                "The stored plan of group '{group}' does not match this carecoop's plan model "
                "({where}: {what}{more})."
            ).format(group=group, where=dotted(where), what=what, more=more),
            NextStep(Step.IMPORT_PLAN, workshop=workshop_id, group=group),
        ) from None


def save_plan(store: Store, workshop_id: str, group: str, plan: Plan) -> None:
    """Append the plan as the group's newest version."""
    store.save_plan(workshop_id, group, plan_data(plan))


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data (Decimals as strings), the same shape a plan file has."""
    return plan.model_dump(mode="json")


def profile_for(store: Store, workshop_id: str, plan: Plan) -> CountryProfile:
    """The plan's country profile, else the workshop's.

    The generic profile writes money in the workshop's language.
    """
    from carecoop.plan.money import in_language

    workshop = store.workshop(workshop_id)
    return in_language(load_profile(plan.cooperative.country or workshop.country), workshop.language)


def _file_country(data: dict[str, Any]) -> str | None:
    cooperative = data.get("cooperative")
    country = cooperative.get("country") if isinstance(cooperative, dict) else None
    return country if isinstance(country, str) else None


def read_plan_file(path: Path, country: str | None = None, language: str = "en") -> Plan:
    """A plan from a YAML or JSON file; ContentError with `file:line: path: message` lines.

    Numbers written as text are read the way the plan's country (else `country`, the
    workshop's) writes them, else as `language` does: `1.250,50` in Colombia.
    """
    from carecoop.content.messages import known_keys, validation_problems
    from carecoop.content.yamlfile import display_path, located_lines, read_yaml

    data = read_yaml(path)
    shown = display_path(path)
    if not isinstance(data, dict):
        problem = _("must be a mapping of plan sections (is the file empty?)")
        raise ContentError([f"{shown}: {problem}"])
    problems = read_file_values(data, value_locale(_file_country(data) or country, language))
    unread = {where for where, _ in problems}
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        # A value the reader refused was taken out: pydantic's "missing" there says nothing new.
        problems += [p for p in validation_problems(error, known_keys([Plan])) if p[0] not in unread]
    if plan is not None and plan.cooperative.country:
        if plan.cooperative.country.lower() not in profile_codes():
            problems.append(
                (
                    ("cooperative", "country"),
                    _("no country profile '{country}' (known: {codes})").format(
                        country=plan.cooperative.country, codes=", ".join(profile_codes())
                    ),
                )
            )
    if problems:
        raise ContentError(located_lines(path, problems))
    assert plan is not None
    return plan


def import_plan(store: Store, workshop_id: str, group: str, path: Path) -> Plan:
    """Validate a plan file completely, then store it as the group's newest version."""
    workshop = store.workshop(workshop_id)
    plan = read_plan_file(path, workshop.country, workshop.language)
    save_plan(store, workshop_id, group, plan)
    return plan


def export_plan_json(plan: Plan, out: Path, owner: Owner, *, force: bool = False) -> None:
    """Write the plan as JSON that `carecoop plan WS --from FILE` reads back."""
    from carecoop.outputs import write_output

    text = json.dumps(plan_data(plan), ensure_ascii=False, indent=2) + "\n"
    write_output(out, text, owner, force=force)


def suggestions(store: Store, workshop_id: str, group: str, curriculum: Curriculum) -> dict[str, Any]:
    """Plan data from the answers the workshop recorded (defaults for the wizard)."""
    from carecoop.plan.answers import plan_from_answers

    return plan_from_answers(curriculum, store.answers(workshop_id), group)


@dataclass(frozen=True)
class PlanSource:
    """A group's plan and where it came from."""

    plan: Plan
    group: str
    from_answers: bool


def current_plan(store: Store, curriculum: Curriculum, workshop_id: str, group: str | None) -> PlanSource:
    """The group's stored plan; without one, the plan its recorded answers make."""
    chosen = resolve_group(store, workshop_id, group)
    if store.plan(workshop_id, chosen) is not None:
        return PlanSource(load_plan(store, workshop_id, chosen), chosen, from_answers=False)
    data = suggestions(store, workshop_id, chosen, curriculum)
    # No activity asks for the country: the workshop's country is the plan's unless said.
    cooperative = data.setdefault("cooperative", {})
    if isinstance(cooperative, dict) and not cooperative.get("country"):
        cooperative["country"] = store.workshop(workshop_id).country
    try:
        plan = Plan.model_validate(data)
    except ValueError as error:
        raise UserError(
            _(
                "The answers recorded for group '{chosen}' do not make a valid plan yet: {error}."
            ).format(chosen=chosen, error=error),
            NextStep(Step.FIX_PLAN, workshop=workshop_id, group=chosen),
        ) from None
    return PlanSource(plan, chosen, from_answers=True)
