"""The plan wizard: a scripted prompter for the flow, questionary through a pipe, a real pty."""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from run_session import finish, spawn

from carecoop.plan.model import Plan
from carecoop.plan.prompts import Ask
from carecoop.plan.wizard import PlanWizard


class Script:
    """A PlanPrompter answering from queues keyed by label or message; the default otherwise."""

    def __init__(self, answers: dict[str, list[Any]] | None = None) -> None:
        self.answers = answers or {}
        self.calls = 0
        self.shown: list[str] = []
        self.asked: list[str] = []
        self.problems: list[str] = []

    def _next(self, key: str) -> Any:
        self.calls += 1
        assert self.calls < 500, "the wizard is going round in circles"
        queue = self.answers.get(key)
        if not queue:
            return None
        answer = queue.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def heading(self, text: str) -> None:
        self.shown.append(f"# {text}")

    def note(self, text: str) -> None:
        self.shown.append(text)

    def table(self, title: str, headers: list[str], rows: list[list[str]]) -> None:
        self.shown.append(f"[{title}] " + " / ".join(" | ".join(row) for row in rows))

    def ask(self, ask: Ask) -> Any:
        self.asked.append(ask.label)
        while True:
            answer = self._next(ask.label)
            if answer is None:
                assert not (ask.required and not ask.default and not ask.selected), (
                    f"{ask.label} needs an answer"
                )
                if ask.kind in ("choice", "bool"):
                    return {"bool": (ask.selected or ["no"])[0] == "yes"}.get(
                        ask.kind, (ask.selected or ["-"])[0]
                    )
                if ask.kind == "choices":
                    return ask.selected
                return ask.default
            if isinstance(answer, str) and ask.validate is not None:
                problem = ask.validate(answer)
                if problem:
                    self.problems.append(problem)
                    continue
            return answer

    def select(self, message: str, options: list[tuple[str, str]], default: str | None = None) -> str:
        answer = self._next(message)
        # Nothing scripted: leave a list of rows rather than add rows forever.
        chosen = answer if answer is not None else ("done" if message.endswith("what next?") else default)
        assert chosen in [value for value, _ in options], (message, chosen, options)
        return str(chosen)

    def confirm(self, message: str, default: bool = True) -> bool:
        answer = self._next(message)
        return default if answer is None else bool(answer)


def wizard(script: Script, plan: Plan | None = None, **kwargs: Any) -> tuple[PlanWizard, list[Plan]]:
    saved: list[Plan] = []
    return PlanWizard(script, plan or Plan(), saved.append, **kwargs), saved


def test_financial_section_step_by_step() -> None:
    script = Script(
        {
            "Start-up costs: what next?": ["add", "add", "done"],
            "Item": ["Cots", "Paint", "Rent"],
            # two start-up costs (after two refused answers), the grant, the rent
            "Amount (USD)": ["abc", "-5", "400", "1,100", "1500", "150"],
            "Grants: what next?": ["add", "done"],
            "Source": ["Women's fund"],
            "Revenue: what next?": ["add", "done"],
            "Service": ["Childcare"],
            "Unit price (USD)": ["40"],
            "Units per month": ["30"],
            "Ramp up months": ["2"],
            "Minimum wage (USD)": ["180"],
            "Minimum wage source": ["our own estimate"],
            "Staff: what next?": ["add", "done"],
            "Role": ["Carer"],
            "Count": ["3"],
            "Monthly wage (USD)": ["170"],
            "Carer": [True],  # asked, never assumed: a coordinator is not a carer
            "Fixed costs: what next?": ["add", "done"],
            "Reserve percent (%)": ["120", "30"],
        }
    )
    wiz, saved = wizard(script, fallback_country="zw")
    plan = wiz.run("financial", only=True)
    fin = plan.financial
    assert [(c.item, c.amount) for c in fin.startup_costs] == [("Cots", 400), ("Paint", 1100)]
    assert fin.grants[0].amount == 1500
    assert fin.revenue[0].unit_price == 40 and fin.revenue[0].payer == "families"
    assert fin.staff[0].count == 3 and fin.staff[0].carer is True and fin.staff[0].start_month == 1
    assert fin.fixed_costs[0].amount == 150
    assert fin.minimum_wage == 180
    assert fin.reserve_percent == 30
    assert fin.currency == "USD"  # the Zimbabwe profile's, accepted with Enter
    assert script.problems == [
        "Type an amount of money like 1250.50",
        "Must be 0 or more.",
        "Reserve percent must be 100 or less.",
    ]
    # every change was saved at once, the last save is the plan
    assert saved[-1] == plan
    # currency, 2 start-up costs, grant, revenue, minimum wage and its source, staff, rent, reserve
    assert len(saved) == 10
    # figures shown after the financial steps, and a running total after each row
    assert "Start-up costs now: US$1,500.00; not covered: US$1,500.00." in script.shown
    assert any(line.startswith("[What your numbers mean]") for line in script.shown)
    assert any("Note: the wage of Carer is below the minimum wage" in line for line in script.shown)
    assert (
        "The Zimbabwe profile has no sourced minimum wage in USD: enter the one that applies to care "
        "work (or a living wage) and say where it comes from." in script.shown
    )


def test_profile_minimum_wage_is_offered_with_its_source() -> None:
    script = Script({"Staff: what next?": ["done"]})
    plan = Plan.model_validate({"cooperative": {"country": "co"}})
    wiz, saved = wizard(script, plan)
    result = wiz.run("financial", only=True)
    assert result.financial.currency == "COP"
    assert result.financial.minimum_wage == Decimal(1_423_500)
    assert result.financial.minimum_wage_source == (
        "Decreto 1572 de 2024 (Ministerio del Trabajo), salario mínimo mensual legal, 2025-01-01"
    )
    assert any(line.startswith("Colombia: Decreto 1572 de 2024") for line in script.shown)


def test_answers_from_the_workshop_are_offered() -> None:
    suggested = {
        "cooperative": {"name": "From the workshop"},
        "risks": [{"risk": "Late fees"}],
    }
    script = Script({"Use these rows from the answers recorded in the workshop?": [True]})
    wiz, saved = wizard(script, suggested=suggested)
    wiz.run("cooperative", only=True)
    assert wiz.plan.cooperative.name == "From the workshop"
    assert "Suggested from the answers recorded in the workshop." in script.shown
    wiz.run("risks", only=True)
    assert [r.risk for r in wiz.plan.risks] == ["Late fees"]


def test_rows_can_be_changed_and_removed() -> None:
    plan = Plan.model_validate({"risks": [{"risk": "Fire"}, {"risk": "Flood"}]})
    script = Script(
        {
            "Risks: what next?": ["edit", "remove", "done"],
            "Which row to change?": ["1"],
            "Which row to remove?": ["0"],
            "Remove row 1?": [True],
            "Risk": ["Floods in the rainy season"],
        }
    )
    wiz, saved = wizard(script, plan)
    wiz.run("risks", only=True)
    assert [r.risk for r in wiz.plan.risks] == ["Floods in the rainy season"]
    assert len(saved) == 2


def test_an_invalid_row_is_asked_again() -> None:
    script = Script(
        {
            "Loans: what next?": ["add", "done"],
            "Lender": ["Bank", "Bank"],
            "Amount (USD)": ["1000", "1000"],
            "Term months": ["6", "6"],
            "Grace months": ["6", "2"],
        }
    )
    wiz, _ = wizard(script)
    wiz.run("financial", only=True)
    assert wiz.plan.financial.loans[0].grace_months == 2
    assert (
        "This row does not fit yet: The grace months must be fewer than the term months (the term "
        "includes them). Please enter it again." in script.shown
    )


def test_interrupt_keeps_what_was_saved_and_knows_the_section() -> None:
    script = Script(
        {"Name": ["Umoja"], "Care services": ["home care; respite"], "Vision": [KeyboardInterrupt()]}
    )
    wiz, saved = wizard(script)
    with pytest.raises(KeyboardInterrupt):
        wiz.run()
    assert wiz.current_section == "cooperative"
    assert saved[-1].cooperative.name == "Umoja"
    assert saved[-1].cooperative.care_services == ["home care", "respite"]


def test_stopping_between_sections() -> None:
    script = Script({"Go on to the next section, Members?": [False]})
    wiz, _ = wizard(script)
    wiz.run()
    assert script.shown[0] == "# 1/12 The cooperative"
    assert not any(line.startswith("# 2/12") for line in script.shown)


def test_starts_at_the_first_incomplete_section() -> None:
    from carecoop.plan.workflow import read_plan_file

    plan = read_plan_file(Path(__file__).parent / "fixtures" / "plan-childcare.yaml")
    plan = plan.model_copy(update={"risks": []})
    wiz, saved = wizard(Script({"Risks: what next?": ["done"]}), plan)
    assert wiz.first_incomplete() == "risks"
    wiz.run(only=True)
    assert saved == []  # Enter through everything changes nothing


def test_clearing_a_value() -> None:
    plan = Plan.model_validate({"cooperative": {"name": "Old", "values": ["a", "b"]}})
    script = Script({"Name": ["-"], "Values": ["-"]})
    wiz, _ = wizard(script, plan)
    wiz.run("cooperative", only=True)
    assert wiz.plan.cooperative.name is None
    assert wiz.plan.cooperative.values == []


# questionary through a pipe -----------------------------------------------------------------


def test_terminal_prompter_through_a_pipe() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from carecoop.cli.plan_prompter import TerminalPlanPrompter

    console = Console(file=open(os.devnull, "w"), width=100)  # noqa: SIM115
    prompter = TerminalPlanPrompter(console)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("abc\r")
        pipe.send_text("\x7f\x7f\x7f25\r")
        answer = prompter.ask(
            Ask(label="Amount", kind="money", validate=lambda t: None if t.isdigit() else "not a number")
        )
        assert answer == "25"
        pipe.send_text("\x1b[B\r")  # arrow down, enter
        assert prompter.select("What next?", [("add", "Add"), ("done", "Done")], "add") == "done"
        pipe.send_text("n")
        assert prompter.confirm("Go on?", True) is False
        pipe.send_text(" \r")
        chosen = prompter.ask(
            Ask(label="Payers", kind="choices", choices=[("families", "families"), ("employer", "employer")])
        )
        assert chosen == ["families"]
    console.file.close()


# the real command in a pty --------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_wizard_in_a_terminal_saves_and_resumes(carecoop_home: Path) -> None:
    from carecoop.store.db import Store
    from carecoop.store.records import Workshop

    store = Store.open(carecoop_home)
    store.create_workshop(
        Workshop(id="hre", programme="start-carecoop", title="Harare", start_date="2026-11-25", country="zw")
    )
    store.add_participants("hre", ["Rudo"], group="vendors")
    child = spawn(["plan", "hre", "--section", "risks"], {"CARECOOP_HOME": str(carecoop_home)}, 40, 100)
    child.expect("Risks: what next")
    child.send("\r")  # add a row
    child.expect("Risk")
    child.send("Families pay late\r")
    child.expect("Likelihood")
    child.send("\x1b[A\r")  # up from medium: low
    child.expect("Impact")
    child.send("\r")
    child.expect("Response")
    child.send("a solidarity fund\r")
    child.expect("Risks: what next")
    child.sendintr()
    child.expect("Resume with: carecoop plan hre --group vendors --section risks")
    assert finish(child) == 130
    saved = store.plan("hre", "vendors")
    assert saved is not None
    assert saved["risks"] == [
        {
            "risk": "Families pay late",
            "likelihood": "low",
            "impact": "medium",
            "response": "a solidarity fund",
        }
    ]


def test_a_new_row_is_cancelled_by_leaving_its_first_column_empty() -> None:
    script = Script({"Risks: what next?": ["add", "done"], "Risk": [""]})
    wiz, saved = wizard(script)
    wiz.run("risks", only=True)
    assert wiz.plan.risks == []
    assert saved == []


@pytest.mark.slow
def test_the_first_wizard_answer_keeps_the_plan_the_workshop_answers_made(carecoop_home: Path) -> None:
    from carecoop.content.loader import load_curriculum
    from carecoop.plan.workflow import current_plan
    from carecoop.store.db import Store
    from carecoop.store.records import Workshop

    store = Store.open(carecoop_home)
    store.create_workshop(
        Workshop(id="hre", programme="start-carecoop", title="Harare", start_date="2026-11-25", country="zw")
    )
    store.add_participants("hre", ["Rudo"], group="vendors")
    store.record_answer("hre", "sc1-name-and-values", "working-name", "Tiri Pamwe", group="vendors")
    store.record_answer("hre", "sc2-place-and-equipment", "premises", "Two rooms", group="vendors")
    from_answers = current_plan(store, load_curriculum(), "hre", "vendors").plan
    assert from_answers.operations.premises == "Two rooms"
    child = spawn(["plan", "hre", "--section", "cooperative"], {"CARECOOP_HOME": str(carecoop_home)}, 40, 100)
    child.expect("Name")
    child.send("\x15Tiri Pamwe Care\r")  # Ctrl-U clears the name offered, then a new one
    child.expect("Care services")
    child.sendintr()
    assert finish(child) == 130
    saved = store.plan("hre", "vendors")
    assert saved is not None
    assert saved["cooperative"]["name"] == "Tiri Pamwe Care"
    assert saved["operations"]["premises"] == "Two rooms"  # a section the wizard never reached


def test_a_text_beyond_its_field_length_is_asked_again() -> None:
    script = Script({"Name": ["x" * 121, "Tiri Pamwe"]})
    wiz, _ = wizard(script)
    wiz.run("cooperative", only=True)
    assert wiz.plan.cooperative.name == "Tiri Pamwe"
    assert any("121 characters" in p and "at most 120" in p for p in script.problems), script.problems
