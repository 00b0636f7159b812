"""Taking attendance again for a module, after the run took it (or before it does)."""

from __future__ import annotations

from collections.abc import Iterable

from carecoop.content.curriculum import Curriculum
from carecoop.content.models import Module
from carecoop.errors import UserError
from carecoop.i18n import _
from carecoop.store.db import Store
from carecoop.store.records import Workshop


def workshop_module(curriculum: Curriculum, workshop: Workshop, wanted: str) -> Module:
    """A module of the workshop's programme by id (`tc-1`) or by number (`1`)."""
    modules = curriculum.modules_of(workshop.programme)
    for module in modules:
        if wanted in (module.id, str(module.number)):
            return module
    known = ", ".join(f"{m.number} ({m.id})" for m in modules)
    raise UserError(_(
        "The workshop '{id}' has no module '{wanted}'. Its modules: {known}."
    ).format(id=workshop.id, wanted=wanted, known=known))


def present_now(store: Store, workshop_id: str, module_id: str) -> set[int] | None:
    """Who is recorded present at a module, or None when attendance was not taken yet."""
    taken = store.attendance(workshop_id).get(module_id)
    if taken is None:
        return None
    return {pid for pid, here in taken.items() if here}


def absent_by_name(store: Store, workshop_id: str, names: Iterable[str]) -> set[int]:
    """The ids of people named absent; a UserError for a name nobody has."""
    return {store.participant(workshop_id, name).id for name in names}


def record_attendance(store: Store, workshop_id: str, module_id: str, present: set[int]) -> int:
    """Record who is present at a module (everyone else absent); return how many are present."""
    people = store.participants(workshop_id)
    if not people:
        raise UserError(
            _(
                "Workshop '{workshop_id}' has no participants yet: add them with carecoop participants "
                "add {workshop_id} NAME..."
            ).format(workshop_id=workshop_id)
        )
    store.set_attendance(workshop_id, module_id, {p.id: p.id in present for p in people})
    return sum(1 for p in people if p.id in present)
