"""The repository's own docs: examples that really load, links that stay inside the repository."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from helpers import CliRunner

from carecoop.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def first_yaml_block(doc: Path) -> str:
    match = re.search(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    assert match, doc
    return match.group(1)


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_answers_file_example_records(tmp_path: Path) -> None:
    ok("workshop", "new", "--programme", "think-carecoop", "--title", "T", "--id", "ws")
    ok("participants", "add", "ws", "Rudo")
    example = tmp_path / "answers.yaml"
    example.write_text(first_yaml_block(ROOT / "docs" / "answers-file.md"), encoding="utf-8")
    ok("run", "ws", "--answers", str(example))
    answers = json.loads(ok("answers", "ws", "--json"))["answers"]
    recorded = {(a["question"], json.dumps(a["value"])) for a in answers}
    assert {
        ("votes-per-member", '"one-each"'),
        ("unpaid-care-hours", "6"),
        ("who-does-most-care", '["mothers", "grandmothers"]'),
    } <= recorded


def test_the_plan_file_example_imports(tmp_path: Path) -> None:
    from carecoop.plan.workflow import read_plan_file

    example = tmp_path / "plan.yaml"
    example.write_text(first_yaml_block(ROOT / "docs" / "plan-file.md"), encoding="utf-8")
    plan = read_plan_file(example)
    assert plan.cooperative.name == "Tiri Pamwe Childcare Cooperative"
    assert str(plan.financial.staff[0].monthly_wage) == "220"
    ok("workshop", "new", "--programme", "start-carecoop", "--title", "T", "--id", "ws")
    ok("participants", "add", "ws", "Rudo", "--group", "Tiri Pamwe")
    ok("plan", "ws", "--from", str(example))
    assert "Tiri Pamwe Childcare Cooperative" in ok("plan", "check", "ws")


def test_the_docs_are_linked_from_the_readme_and_the_help() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in ("docs/answers-file.md", "docs/plan-file.md", "ARCHITECTURE.md"):
        assert f"]({target})" in readme
        assert (ROOT / target).is_file()
    assert "docs/answers-file.md" in ok("run", "--help")
    assert "docs/plan-file.md" in " ".join(ok("plan", "--help").split())
    for doc in ("ARCHITECTURE.md", "docs/answers-file.md", "docs/plan-file.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([^)#]+)\)", text):
            assert (ROOT / doc).parent.joinpath(link).resolve().is_file(), (doc, link)


def test_nothing_in_the_repository_points_outside_it() -> None:
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    outside = ("../" + "shared", "/work/" + "shared", "shared/" + "DESIGN")
    offenders = [
        name for name in files
        if (ROOT / name).is_file() and name.endswith((".md", ".py", ".toml", ".sh", ".yaml", ".txt", ".cfg"))
        and any(word in (ROOT / name).read_text(encoding="utf-8", errors="replace") for word in outside)
    ]
    assert offenders == []


def test_the_glossary_pages_are_made_from_the_glossary_file() -> None:
    """docs/glossary-LANG.md and the guide's glossary share one home: carecoop/content/glossary.yaml."""
    from carecoop.content.glossary import glossary_markdown
    from carecoop.content.loader import load_glossary

    pages = [page for page in load_glossary().languages if page.language != "en"]
    assert {page.language for page in pages} == {"es", "fr", "ar"}
    for page in pages:
        written = (ROOT / "docs" / f"glossary-{page.language}.md").read_text(encoding="utf-8")
        assert written == glossary_markdown(page), f"run scripts/glossary_docs.py ({page.language})"
