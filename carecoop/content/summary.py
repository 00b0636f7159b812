"""Plain-data summaries of the curriculum, shared by the CLI's tables and its JSON."""

from __future__ import annotations

from typing import Any

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import ActivityKind


def curriculum_summary(curriculum: Curriculum, programme: str | None = None) -> list[dict[str, Any]]:
    """Each programme with its modules, activity counts and minutes."""
    result = []
    from carecoop.content.models import PROGRAMME_IDS

    order = {programme_id: index for index, programme_id in enumerate(PROGRAMME_IDS)}
    for programme_id in sorted(curriculum.programmes, key=lambda p: (order.get(p, 99), p)):
        info = curriculum.programmes[programme_id]
        if programme is not None and programme_id != programme:
            continue
        modules: list[dict[str, Any]] = []
        for module in curriculum.modules_of(programme_id):
            breaks = [a for a in module.activities if a.kind is ActivityKind.BREAK]
            modules.append(
                {
                    "id": module.id,
                    "number": module.number,
                    "title": module.title,
                    "activities": len(module.activities) - len(breaks),
                    "activity_minutes": module.activity_minutes,
                    "break_minutes": sum(b.duration for b in breaks),
                    "minutes": module.minutes,
                }
            )
        result.append(
            {
                "id": programme_id,
                "title": info.title,
                "modules": modules,
                "activity_minutes": sum(int(m["activity_minutes"]) for m in modules),
                "minutes": sum(int(m["minutes"]) for m in modules),
            }
        )
    return result
