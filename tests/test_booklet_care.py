"""A key message written for one kind of care prints only in that kind of group's booklet."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from carecoop.content.loader import load_curriculum, validate_paths
from carecoop.content.models import Handout
from carecoop.render.handouts import handout_view
from carecoop.render.meta import doc_meta

RATIO = "children per carer"


@pytest.mark.parametrize("language", ["en", "ar", "es", "fr"])
def test_the_childcare_ratio_message_is_for_childcare_groups_only(language: str) -> None:
    curriculum = load_curriculum()
    english = curriculum.module("sc-2")
    module, _ = curriculum.localized(english, language)
    ratio = next(i for i, m in enumerate(english.handout.key_messages) if RATIO in m)
    message = module.handout.key_messages[ratio]
    meta = doc_meta(kind="handout", title="t", language=language, author="", paper="a4", head_start="",
                    head_end="")  # fmt: skip
    for care, shown in (("adult-care", False), ("childcare", True), (None, True)):
        view = handout_view(module, meta, part="person", care=care)
        assert (message in view.sections[0].messages) is shown, (language, care)
        assert len(view.sections[0].messages) == len(module.handout.key_messages) - (not shown)


def test_message_care_must_name_a_key_message(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="message_care names key message 2, but there are 2"):
        Handout.model_validate({"key_messages": ["a", "b"], "message_care": {2: "childcare"}})
    source = Path("modules/start-carecoop/02-will-it-work-feasibility.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["handout"]["message_care"] = {3: "home"}
    bad = tmp_path / "sc-2.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = validate_paths([bad])
    assert len(problems) == 1 and "handout.message_care.3" in problems[0], problems
