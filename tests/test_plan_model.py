"""The plan model's field paths, FIELDS.md, answers into plan data, country profiles, money."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from carecoop.content.curriculum import Curriculum, SourcedModule
from carecoop.content.models import Module
from carecoop.countries.profiles import load_profile, profile_codes
from carecoop.errors import UserError
from carecoop.plan.answers import plan_from_answers
from carecoop.plan.field_paths import plan_field_exists, plan_field_paths, plan_sections
from carecoop.plan.fields import field_reference
from carecoop.plan.model import Plan
from carecoop.plan.money import format_money
from carecoop.plan.values import slugify
from carecoop.plan.workflow import read_plan_file
from carecoop.store.records import Answer

FIXTURE = Path(__file__).parent / "fixtures" / "plan-childcare.yaml"
FIELDS_MD = Path(__file__).parent.parent / "carecoop" / "plan" / "FIELDS.md"


def test_sections() -> None:
    assert plan_sections() == [
        "cooperative",
        "members",
        "market",
        "services",
        "marketing",
        "operations",
        "governance",
        "decent_work",
        "financial",
        "risks",
        "action_plan",
        "bylaws",
    ]


@pytest.mark.parametrize(
    ("path", "exists"),
    [
        ("cooperative.name", True),
        ("financial.staff", True),
        ("financial.staff.0", False),
        ("financial.staff.monthly_wage", False),
        ("services.regulation.max_clients_per_carer", True),
        ("services.regulation", False),
        ("risks", True),
        ("bylaws.board_size", True),
        ("financial", False),
        ("cooperative.nmae", False),
    ],
)
def test_plan_field_exists(path: str, exists: bool) -> None:
    assert plan_field_exists(path) is exists


def test_fields_md_is_up_to_date() -> None:
    assert FIELDS_MD.read_text(encoding="utf-8") == field_reference(), (
        "regenerate: python -c 'from carecoop.plan.fields import field_reference as f; "
        'open("carecoop/plan/FIELDS.md", "w").write(f())\''
    )
    for path in plan_field_paths():
        assert f"`{path}`" in FIELDS_MD.read_text(encoding="utf-8")


def test_fixture_fills_every_section_but_bylaws_fully() -> None:
    plan = read_plan_file(FIXTURE)
    assert plan.cooperative.name == "Tiri Pamwe Childcare Cooperative"
    assert plan.financial.revenue[1].variable_cost_per_unit == Decimal("3.5")


def test_blank_answers_count_as_not_given() -> None:
    plan = Plan.model_validate({"cooperative": {"name": "  ", "vision": ""}})
    assert plan.cooperative.name is None


def test_allocation_over_100_is_refused() -> None:
    with pytest.raises(ValueError, match="more than 100%"):
        Plan.model_validate({"financial": {"reserve_percent": 60, "education_fund_percent": 50}})


def test_slugify() -> None:
    assert slugify("Monthly wage") == "monthly_wage"
    assert slugify(" Employer contributions % ") == "employer_contributions"
    assert slugify("Units / month") == "units_month"


def _curriculum() -> Curriculum:
    module = Module.model_validate(
        {
            "id": "sc3-plan",
            "programme": "start-carecoop",
            "number": 3,
            "title": "Plan",
            "summary": "Plan.",
            "objectives": ["Plan."],
            "handout": {},
            "activities": [
                {
                    "id": "sc3-numbers",
                    "title": "Numbers",
                    "kind": "worksheet",
                    "duration": 60,
                    "objectives": ["o"],
                    "steps": ["s"],
                    "key_messages": ["k"],
                    "questions": [
                        {
                            "id": "name",
                            "prompt": "Name?",
                            "kind": "short-text",
                            "scope": "group",
                            "plan_field": "cooperative.name",
                        },
                        {
                            "id": "staff",
                            "prompt": "Staff?",
                            "kind": "table",
                            "scope": "group",
                            "columns": [
                                "Role",
                                "How many",
                                "Monthly wage",
                                "Employer contributions %",
                                "Notes",
                            ],
                            "plan_field": "financial.staff",
                        },
                        {"id": "risks", "prompt": "Risks?", "kind": "list", "plan_field": "risks"},
                        {
                            "id": "values",
                            "prompt": "Values?",
                            "kind": "long-text",
                            "plan_field": "cooperative.values",
                        },
                        {
                            "id": "form",
                            "prompt": "Form?",
                            "kind": "choice",
                            "plan_field": "cooperative.legal_form",
                            "choices": [
                                {"id": "cooperative", "label": "A cooperative"},
                                {"id": "association", "label": "An association"},
                            ],
                        },
                        {
                            "id": "people",
                            "prompt": "How many?",
                            "kind": "number",
                            "plan_field": "market.people_in_need",
                        },
                        {
                            "id": "board",
                            "prompt": "Board?",
                            "kind": "number",
                            "plan_field": "bylaws.board_size",
                        },
                        {"id": "free", "prompt": "Anything?", "kind": "short-text"},
                    ],
                }
            ],
        }
    )
    return Curriculum({}, [SourcedModule(module, Path("sc3.yaml"))])


def _answer(
    number: int, question: str, value: Any, group: str | None = None, participant: str | None = None
) -> Answer:
    return Answer(number, "ws", "sc3-numbers", question, participant, group, value, False, "2026-01-01")


def test_plan_from_answers() -> None:
    answers = [
        _answer(1, "name", "Plenary name"),
        _answer(2, "name", "Group A name", group="A"),
        _answer(3, "name", "Group B name", group="B"),
        _answer(4, "name", "Later plenary name"),
        _answer(
            5,
            "staff",
            [
                {
                    "Role": "Carer",
                    "How many": "4",
                    "Monthly wage": "190",
                    "Employer contributions %": "4.5",
                    "Notes": "x",
                },
                {
                    "Role": "",
                    "How many": "1",
                    "Monthly wage": "100",
                    "Employer contributions %": "",
                    "Notes": "",
                },
                {
                    "Role": "Cook",
                    "How many": "1",
                    "Monthly wage": "lots",
                    "Employer contributions %": "",
                    "Notes": "",
                },
            ],
            group="A",
        ),
        _answer(6, "risks", ["Late fees", "A carer leaves"]),
        _answer(7, "values", "solidarity\n- honesty"),
        _answer(8, "form", "association", group="A"),
        _answer(9, "people", 120),
        _answer(10, "board", "-3"),
        _answer(11, "free", "ignored"),
        _answer(12, "people", 999, participant="Rudo"),
    ]
    data = plan_from_answers(_curriculum(), answers, "A")
    assert data == {
        "cooperative": {
            "name": "Group A name",
            "values": ["solidarity", "honesty"],
            "legal_form": "association",
        },
        "market": {"people_in_need": 120},
        "financial": {
            "staff": [{"role": "Carer", "count": "4", "monthly_wage": "190", "employer_contributions": "4.5"}]
        },
        "risks": [{"risk": "Late fees"}, {"risk": "A carer leaves"}],
    }
    Plan.model_validate(data)
    other = plan_from_answers(_curriculum(), answers, "B")
    assert other["cooperative"]["name"] == "Group B name"
    assert "financial" not in other
    plenary = plan_from_answers(_curriculum(), answers, None)
    assert plenary["cooperative"]["name"] == "Later plenary name"


def test_every_profile_loads_and_formats_money() -> None:
    expected = {
        "generic": "$1,234.50",
        "zw": "US$1,234.50",
        "co": "$1.235",  # pesos are shown without cents, rounded half up
        "ps": "\u200f1,234.50\u00a0₪",
        "lb": "\u200f1.235\u00a0ل.ل.\u200f",
        "eg": "\u200f1,234.50\u00a0ج.م.\u200f",
    }
    assert profile_codes() == ["generic", "co", "eg", "lb", "ps", "zw"]
    for code, shown in expected.items():
        profile = load_profile(code)
        assert profile.code == code
        assert profile.legal_forms
        assert format_money(Decimal("1234.5"), profile) == shown


def test_profiles_give_figures_only_with_a_source() -> None:
    for code in profile_codes():
        for figure in load_profile(code).figures.values():
            assert figure.source and figure.date
    assert load_profile("zw").figure("minimum_wage") is None
    assert load_profile("generic").figure("minimum_wage") is None
    colombia = load_profile("co").figure("minimum_wage")
    assert colombia is not None and colombia.amount == Decimal(1_423_500) and colombia.currency == "COP"


def test_unknown_profile() -> None:
    with pytest.raises(
        UserError, match="No country profile 'xx'. Known profiles: generic, co, eg, lb, ps, zw"
    ):
        load_profile("xx")


def test_money_in_another_currency() -> None:
    assert format_money(Decimal("-12"), load_profile("lb"), "USD").endswith("US$")


def test_curriculum_table_columns_map_onto_row_keys() -> None:
    from carecoop.content.loader import load_curriculum
    from carecoop.plan.fields import COLUMN_SYNONYMS, field_info, row_fields

    curriculum = load_curriculum()
    for module in curriculum.modules:
        for activity in module.activities:
            for question in activity.questions:
                if not question.plan_field or question.kind.value != "table":
                    continue
                info = field_info(question.plan_field)
                assert info.row is not None, question.plan_field
                keys = {f.path for f in row_fields(info.row)}
                mapped = {
                    slugify(c) if slugify(c) in keys else COLUMN_SYNONYMS.get(slugify(c))
                    for c in question.columns
                }
                required = {f.path for f in row_fields(info.row) if f.required}
                where = f"{activity.id}/{question.id}"
                assert required <= mapped, f"{where}: no column for {sorted(required - mapped)}"


def test_currency_decimals_come_from_the_profiles_not_the_locale_data() -> None:
    from carecoop.plan.money import currency_digits

    colombia = load_profile("co")
    assert format_money(Decimal("1234.49"), colombia) == "$1.234"
    assert currency_digits(colombia) == 0
    # A plan budgeting in another profile's currency takes that profile's decimals...
    assert currency_digits(colombia, "LBP") == 0
    assert currency_digits(colombia, "USD") == 2
    # ...and a currency no profile uses shows cents.
    assert currency_digits(colombia, "EUR") == 2
