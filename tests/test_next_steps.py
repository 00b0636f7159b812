"""Core errors carry data; the CLI spells the next command with the real id, quoting and --home."""

from __future__ import annotations

from pathlib import Path

from helpers import CliRunner

from carecoop.cli.app import app
from carecoop.cli.common import next_step_text, settings
from carecoop.errors import NextStep, Step

runner = CliRunner()


def invoke(*args: str, code: int = 0) -> tuple[str, str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout, result.stderr


def test_an_unknown_workshop_with_none_yet_names_the_command_with_home(tmp_path: Path) -> None:
    home = tmp_path / "my store"
    _, err = invoke("--home", str(home), "workshop", "show", "nope", code=1)
    assert err == (
        "Error: No workshop 'nope'. There are none yet.\n"
        f"Create one with: carecoop --home '{home}' workshop new --programme think-carecoop "
        "--title 'My first workshop'\n"
    )


def test_a_plan_without_groups_names_the_real_workshop(tmp_path: Path) -> None:
    home = tmp_path / "store"
    invoke("--home", str(home), "workshop", "new", "--programme", "start-carecoop", "--title", "T",
           "--id", "harare-1", "--date", "2025-03-14")  # fmt: skip
    _, err = invoke("--home", str(home), "plan", "check", "harare-1", code=1)
    assert err == (
        "Error: Workshop 'harare-1' has no groups yet. A plan belongs to a group: add its members.\n"
        f"Put people in groups with: carecoop --home {home} participants add harare-1 NAME... --group G\n"
    )
    out = str(tmp_path / "a.pdf")
    _, err = invoke("--home", str(home), "export", "certificates", "harare-1", "--out", out, code=1)
    assert err == (
        "Error: Workshop 'harare-1' has no participants.\n"
        f"Add people with: carecoop --home {home} participants add harare-1 NAME... --group G\n"
    )


def test_plan_check_names_the_workshop_group_and_section() -> None:
    invoke("workshop", "new", "--programme", "start-carecoop", "--title", "T", "--id", "ws-1",
           "--date", "2025-03-14")  # fmt: skip
    invoke("participants", "add", "ws-1", "Rudo", "--group", "Tiri Pamwe")
    out, _ = invoke("plan", "check", "ws-1")
    text = " ".join(out.split())  # rich wraps long lines at the terminal's width
    assert "- The section 'Risks' is empty. Fill it in with: carecoop plan ws-1 --group 'Tiri Pamwe' " \
        "--section risks -" in text


def test_every_step_has_a_sentence() -> None:
    settings.home = Path("/tmp/a b")
    try:
        texts = {step: next_step_text(NextStep(step, workshop="ws", group="G 1")) for step in Step}
    finally:
        settings.home = None
    assert texts[Step.FIX_PLAN] == "Fix them with: carecoop --home '/tmp/a b' plan ws --group 'G 1'"
    assert all(text.count("carecoop --home '/tmp/a b' ") == 1 for text in texts.values())
    assert next_step_text(NextStep(Step.SHOW_TRANSLATION, module="tc-1", language="fr")) == (
        "See them with: carecoop modules show tc-1 --lang fr"
    )
