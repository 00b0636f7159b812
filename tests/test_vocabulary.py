"""One home for each vocabulary and helper (issue 11 point 4) and the "did you mean" hint."""

from __future__ import annotations

from pathlib import Path

from helpers import CliRunner

from carecoop.cli.app import app

ROOT = Path(__file__).resolve().parent.parent


def test_did_you_mean_never_suggests_the_key_it_refuses(tmp_path: Path) -> None:
    module = (ROOT / "modules" / "think-carecoop" / "01-care-in-our-lives.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "mod.yaml"
    bad.write_text("translation_of: tc-1\n" + module, encoding="utf-8")
    result = CliRunner().invoke(app, ["modules", "validate", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"{bad}:1: translation_of: unknown key 'translation_of'\n"


def test_did_you_mean_suggests_keys_of_the_same_kind_of_file(tmp_path: Path) -> None:
    module = (ROOT / "modules" / "think-carecoop" / "01-care-in-our-lives.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "mod.yaml"
    bad.write_text(module.replace("title:", "titel:", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["modules", "validate", str(bad)])
    assert f"{bad}:4: titel: unknown key 'titel' (did you mean 'title'?)" in result.stderr.splitlines()


def test_one_slug_rule_serves_ids_row_keys_and_file_names() -> None:
    from carecoop.plan.values import slugify
    from carecoop.render.exports import file_slug
    from carecoop.slugs import slug

    assert slug("Care day in Bogotá!") == "care-day-in-bogota"
    assert slug("x" * 49 + " y", limit=50) == "x" * 49
    assert slugify(" Employer contributions % ") == "employer_contributions"
    assert slugify("Año") == "ano"
    assert file_slug("Rania Odeh") == "rania-odeh"
    assert file_slug("رانيا عودة") == "رانيا-عودة"
    assert file_slug("!!!") == "participant"


def test_legal_forms_come_from_one_list() -> None:
    from typing import get_args

    from carecoop.countries.profiles import LegalForm as ProfileForm
    from carecoop.plan.model import Cooperative
    from carecoop.plan.words import LEGAL_FORMS
    from carecoop.types import LEGAL_FORM_CODES

    assert tuple(LEGAL_FORMS) == LEGAL_FORM_CODES
    assert get_args(ProfileForm.model_fields["form"].annotation) == LEGAL_FORM_CODES
    plan_forms = Cooperative.model_json_schema()["properties"]["legal_form"]["anyOf"][0]["enum"]
    assert tuple(plan_forms) == LEGAL_FORM_CODES
    # The module question that fills the plan's legal form offers the same list.
    from carecoop.content.loader import load_curriculum

    questions = [
        question
        for _, activity in load_curriculum().activities_of("start-carecoop")
        for question in activity.questions
        if question.plan_field == "cooperative.legal_form"
    ]
    assert [tuple(q.choice_ids) for q in questions] == [LEGAL_FORM_CODES]
