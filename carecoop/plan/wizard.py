"""The plan wizard: section by section, every answer validated and saved at once.

The wizard never touches a terminal; it talks to a `PlanPrompter` (the command line
implements it with questionary and rich, tests with a script). Ctrl-C surfaces as
KeyboardInterrupt from the prompter; since every answer is already saved, the caller
only has to say how to resume (`current_section`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from carecoop.countries.profiles import CountryProfile, load_profile, profile_codes
from carecoop.i18n import _, current_language
from carecoop.plan import finance, statement
from carecoop.plan.answers import get_path, set_path
from carecoop.plan.field_labels import SEPARATOR, as_text, choice_label, shown, shown_example
from carecoop.plan.field_paths import plan_field_paths, plan_sections
from carecoop.plan.fields import FieldInfo, field_info
from carecoop.plan.model import SECTION_TITLES, Plan
from carecoop.plan.prompts import (
    CLEAR,
    KEEP,
    Ask,
    PlanPrompter,
    label_of,
    plain_error,
    sentence,
    to_json,
)
from carecoop.plan.score import completeness
from carecoop.plan.summary import key_figures
from carecoop.plan.values import coerce
from carecoop.plan.wages import minimum_wage, plan_currency, wage_floor
from carecoop.plan.wizard_rows import RowEditor
from carecoop.values.lists import split_list

#: The order the wizard asks the financial plan in: what frames the numbers first.
FINANCIAL_ORDER = [
    "currency",
    "horizon_months",
    "startup_costs",
    "grants",
    "loans",
    "other_funding",
    "revenue",
    "minimum_wage",
    "minimum_wage_kind",
    "minimum_wage_source",
    "staff",
    "fixed_costs",
    "reserve_percent",
    "education_fund_percent",
    "patronage_refund_percent",
    "assumptions",
]

#: After these fields the wizard shows what the numbers now mean.
SHOWS_FIGURES = {"members.categories"} | {
    f"financial.{name}"
    for name in (
        "startup_costs",
        "grants",
        "loans",
        "other_funding",
        "revenue",
        "minimum_wage",
        "staff",
        "fixed_costs",
        "patronage_refund_percent",
    )
}


def legal_form_choice(form: str, profile_name: str | None) -> str:
    """A legal form in the menu: the profile's own name for it when it reads in the screen's language."""
    if profile_name is None:
        return choice_label(form)
    translated = shown(profile_name)
    if translated != profile_name or current_language() == "en":
        return f"{form}: {translated}"
    # A profile written in English, read on a Spanish screen: our own word for the form.
    return choice_label(form)


class PlanWizard:
    """Walks a group through its plan; `save` is called after every change."""

    def __init__(
        self,
        prompter: PlanPrompter,
        plan: Plan,
        save: Callable[[Plan], None],
        *,
        fallback_country: str = "generic",
        suggested: dict[str, Any] | None = None,
    ) -> None:
        self.prompter = prompter
        self.plan = plan
        self.save = save
        self.fallback_country = fallback_country
        self.suggested = suggested or {}
        self.current_section: str | None = None

    # Flow ----------------------------------------------------------------------------------

    @property
    def profile(self) -> CountryProfile:
        """The country profile the plan uses now."""
        return load_profile(self.plan.cooperative.country or self.fallback_country)

    @property
    def locale(self) -> str:
        """How numbers typed in the wizard are written: the country profile's locale."""
        return self.profile.locale

    @property
    def currency(self) -> str:
        """The plan's currency now."""
        return plan_currency(self.plan, self.profile)

    def first_incomplete(self) -> str:
        """The first section with key fields still empty (the first section if none)."""
        for section, (filled, total) in completeness(self.plan).items():
            if filled < total:
                return section
        return plan_sections()[0]

    def run(self, start: str | None = None, *, only: bool = False) -> Plan:
        """Ask section by section from `start`; after each, offer to go on (unless `only`)."""
        sections = plan_sections()
        index = sections.index(start or self.first_incomplete())
        while index < len(sections):
            section = sections[index]
            self.ask_section(section, index + 1, len(sections))
            index += 1
            if only or index >= len(sections):
                break
            following = sections[index]
            self.current_section = following  # a stop here resumes at the next section
            title = _(SECTION_TITLES[following])
            go_on = _("Go on to the next section, {section}?").format(section=title)
            if not self.prompter.confirm(go_on, True):
                break
        self.current_section = None
        return self.plan

    def ask_section(self, section: str, number: int, total: int) -> None:
        """Every field of one section."""
        self.current_section = section
        self.prompter.heading(f"{number}/{total} {_(SECTION_TITLES[section])}")
        for path in self.section_paths(section):
            info = field_info(path)
            if info.row is not None:
                RowEditor(self, info).run()
            else:
                self.ask_value(info)
                self.after_field(path)

    def section_paths(self, section: str) -> list[str]:
        """The section's field paths in asking order."""
        paths = [p for p in plan_field_paths() if p == section or p.startswith(f"{section}.")]
        if section == "financial":
            paths = [f"financial.{name}" for name in FINANCIAL_ORDER] + [
                p for p in paths if p.split(".", 1)[1] not in FINANCIAL_ORDER
            ]
        return paths

    # One value -----------------------------------------------------------------------------

    def current(self, path: str) -> Any:
        """The plan's value at a path (JSON form)."""
        return get_path(self.plan.model_dump(mode="json"), path)

    def default_for(self, info: FieldInfo) -> tuple[Any, str]:
        """The value offered by default and a note saying where it comes from."""
        value = self.current(info.path)
        if value not in (None, [], ""):
            return value, ""
        suggestion = get_path(self.suggested, info.path)
        if suggestion not in (None, [], ""):
            return suggestion, _("Suggested from the answers recorded in the workshop.")
        profile = self.profile
        if info.path == "cooperative.country":
            return self.fallback_country, ""
        if info.path == "financial.currency":
            return profile.currency, _("The currency of the {name} profile.").format(name=shown(profile.name))
        if info.path == "financial.minimum_wage":
            figure = profile.figure("minimum_wage")
            if figure and figure.currency == self.currency and figure.period == "month":
                note = f"{shown(profile.name)}: {figure.source}, {figure.date.isoformat()}."
                if figure.note:
                    note += f" {figure.note}"
                return figure.amount, note
            return None, _(
                "The {name} profile has no sourced minimum wage in {currency}: enter the one that applies "
                "to care work (or a living wage) and say where it comes from."
            ).format(name=shown(profile.name), currency=self.currency)
        if info.path == "financial.minimum_wage_source":
            figure = profile.figure("minimum_wage")
            if figure and self.plan.financial.minimum_wage == figure.amount:
                return f"{figure.source}, {figure.date.isoformat()}", ""
        return None, ""

    def ask_value(self, info: FieldInfo) -> None:
        """Ask one field until the answer is valid, then save it."""
        default, note = self.default_for(info)
        if note:
            self.prompter.note(note)
        name = info.path.rsplit(".", 1)[-1]
        ask = self.make_ask(name, info, default, functools.partial(self.check, info.path))
        if info.path == "cooperative.country":
            ask = Ask(
                label=_("Country profile"),
                kind="choice",
                hint=shown(info.hint),
                choices=[(code, f"{code}: {shown(load_profile(code).name)}") for code in profile_codes()],
                selected=[str(default or "generic")],
                required=True,
            )
        elif info.path == "cooperative.legal_form":
            known: dict[str, str] = {entry.form: entry.name for entry in self.profile.legal_forms}
            ask = replace(ask, choices=[(c, legal_form_choice(c, known.get(c))) for c in info.choices])
        raw = self.prompter.ask(ask)
        value = self.parse(info, raw)
        if value is KEEP:
            return
        self.apply(info.path, value)

    def make_ask(
        self, name: str, info: FieldInfo, default: Any, validate: Callable[[str], str | None]
    ) -> Ask:
        """An Ask for a field or a row column (one with a default counts as required)."""
        label = label_of(name)
        if info.kind == "money":
            label += f" ({self.currency})"
        elif info.kind == "percent":
            label += " (%)"
        hint = shown(info.hint)
        if info.kind == "texts":
            separate = _("Separate items with '{separator}'.").format(separator=SEPARATOR)
            hint = (hint + " " if hint else "") + separate
        selected: list[str] = []
        if info.kind in ("choice", "choices", "bool"):
            selected = [as_text(v) for v in (default if isinstance(default, list) else [default])]
            selected = [s for s in selected if s]
        return Ask(
            label=label,
            kind=info.kind,
            hint=hint,
            example=self.example_of(info),
            default=as_text(default),
            required=info.required or default is not None,
            choices=[(c, choice_label(c)) for c in info.choices],
            selected=selected,
            validate=validate,
        )

    @staticmethod
    def example_of(info: FieldInfo) -> str:
        """A field's example as the screen shows it: a choice in words, a text in the screen's language."""
        if info.kind in ("choice", "choices") and info.example is not None:
            chosen = info.example if isinstance(info.example, list) else [info.example]
            return f"{SEPARATOR} ".join(choice_label(str(value)) for value in chosen)
        return as_text(shown_example(info.example))

    def parse(self, info: FieldInfo, raw: Any) -> Any:
        """The prompter's raw answer as a field value; KEEP when nothing changes."""
        if isinstance(raw, str):
            text = raw.strip()
            if text == "":
                default, _source = self.default_for(info)
                if default in (None, [], ""):
                    return KEEP
                # Accepting an offered default (suggestion, profile figure) stores it.
                return default if self.current(info.path) in (None, [], "") else KEEP
            if text == CLEAR:
                return [] if info.kind in ("texts", "choices") else None
            if info.kind == "texts":
                return split_list(text)
            return coerce(info, text, locale=self.locale)
        return raw

    def check(self, path: str, raw: str) -> str | None:
        """A message when a typed answer does not fit the field, else None."""
        info = field_info(path)
        try:
            value = self.parse(info, raw)
        except ValueError as error:
            return sentence(str(error))
        if value is KEEP:
            return None
        try:
            self.validated(path, value)
        except ValueError as error:
            return sentence(str(error))
        return None

    def validated(self, path: str, value: Any) -> Plan:
        """The plan with a value set, or ValueError with pydantic's message made plain."""
        data = self.plan.model_dump(mode="json")
        set_path(data, path, to_json(value))
        try:
            return Plan.model_validate(data)
        except ValidationError as error:
            raise ValueError(plain_error(error)) from None

    def apply(self, path: str, value: Any) -> None:
        """Set a value and save the plan at once (an unchanged plan is not saved again)."""
        changed = self.validated(path, value)
        if changed != self.plan:
            self.plan = changed
            self.save(self.plan)

    # Figures -------------------------------------------------------------------------------

    def after_field(self, path: str) -> None:
        """Show the figures after a step that changes them."""
        if path in SHOWS_FIGURES:
            self.show_figures()

    def running_total(self, path: str) -> str:
        """One line on what a list now adds up to, shown after each row change."""
        from carecoop.plan.money import format_money, format_number

        figures = statement.figures(self.plan, self.profile.surplus_rule)
        fin = self.plan.financial

        def money(amount: Decimal) -> str:
            return format_money(amount, self.profile, self.currency)

        if figures.funding_gap:
            gap = "; " + _("not covered: {gap}").format(gap=money(figures.funding_gap))
        else:
            gap = "; " + _("all covered")
        if path == "financial.startup_costs":
            return _("Start-up costs now: {startup}{gap}.").format(startup=money(figures.startup), gap=gap)
        if path in ("financial.grants", "financial.loans", "financial.other_funding", "members.categories"):
            shares = money(figures.member_shares)
            return _("Funding now: {funding} (member shares {shares}){gap}.").format(
                funding=money(figures.funding), shares=shares, gap=gap
            )
        if path == "financial.revenue":
            units = figures.break_even_units
            needed = (
                "; " + _("to cover running costs it needs {units} units of {service} a month").format(
                    units=format_number(units, self.profile), service=figures.main_service
                )
                if units is not None
                else ""
            )
            revenue = money(figures.months[-1].revenue)
            return _("Revenue in a full month: {revenue}{needed}.").format(revenue=revenue, needed=needed)
        if path == "financial.staff":
            staff = finance.staff_cost_in_month(fin, fin.horizon_months)
            return _("Staff cost in a full month: {staff}.").format(staff=money(staff))
        if path == "financial.fixed_costs":
            return _("Fixed costs per month: {costs}.").format(costs=money(finance.fixed_costs(fin)))
        return ""

    def show_figures(self) -> None:
        """What the numbers entered so far mean."""
        figures = statement.figures(self.plan, self.profile.surplus_rule)
        rows = key_figures(figures, self.plan, self.profile, self.currency)
        self.prompter.table(_("What your numbers mean"), ["", ""], [[label, value] for label, value in rows])
        wage = minimum_wage(self.plan, self.profile)
        if wage is not None:
            for row in self.plan.financial.staff:
                # Part-time roles are compared for their hours, as the plan check does.
                needed = wage_floor(self.plan, row, wage[0])
                if needed is not None and row.monthly_wage < needed:
                    self.prompter.note(
                        _("Note: the wage of {role} is below the {wage}.").format(role=row.role, wage=wage[1])
                    )


