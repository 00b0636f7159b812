"""The participant profile a development programme reports on: one home for its words.

Every field is optional. Consent to be counted in reports defaults to no: without it a
person is only a number in the headcounts, never a name or a profile in a report.
"""

from __future__ import annotations

from carecoop.errors import UserError
from carecoop.i18n import N_, _
from carecoop.store.records import Profile

__all__ = ["Profile"]

#: Stored value → the words a report prints, in the order tables list them. The words are
#: English (a sheet may give them as answers); a report translates them with `_()`.
SEXES: dict[str, str] = {
    "female": N_("Female"),
    "male": N_("Male"),
    "other": N_("Other"),
    "prefer-not-to-say": N_("Prefer not to say"),
}
AGE_BANDS: dict[str, str] = {
    "under-18": N_("Under 18"),
    "18-24": N_("18 to 24"),
    "25-34": N_("25 to 34"),
    "35-49": N_("35 to 49"),
    "50-64": N_("50 to 64"),
    "65-plus": N_("65 and over"),
    "prefer-not-to-say": N_("Prefer not to say"),
}
ROLES: dict[str, str] = {
    "care-worker": N_("Care worker"),
    "family": N_("Family member or user of care"),
    "community": N_("Community member"),
    "other": N_("Other"),
}
#: The Washington Group short set, summed up: "yes" is a lot of difficulty, or cannot do
#: at all, in at least one of seeing, hearing, walking, remembering, self-care, communicating.
DISABILITY: dict[str, str] = {
    "yes": N_("Yes"),
    "no": N_("No"),
    "prefer-not-to-say": N_("Prefer not to say"),
}
NOT_GIVEN = N_("Not given")

_SYNONYMS: dict[str, dict[str, str]] = {
    "sex": {
        "f": "female", "woman": "female", "w": "female", "mujer": "female", "femenino": "female",
        "m": "male", "man": "male", "hombre": "male", "masculino": "male",
        "x": "other", "otro": "other", "otra": "other",
    },
    "role": {
        "care worker": "care-worker", "carer": "care-worker", "worker": "care-worker",
        "family member": "family", "user": "family", "user of care": "family",
        "community member": "community",
    },
}
_AGE_EDGES = [(18, "under-18"), (25, "18-24"), (35, "25-34"), (50, "35-49"), (65, "50-64")]
_YES = {"yes", "y", "true", "1", "si", "sí", "نعم"}
_NO = {"no", "n", "false", "0", "لا"}


def _key(text: str) -> str:
    return " ".join(text.strip().casefold().replace("_", " ").split())


def _choose(field: str, raw: str, words: dict[str, str]) -> str:
    key = _key(raw)
    slug = key.replace(" ", "-")
    if slug in words:
        return slug
    for value, label in words.items():
        if key == _key(label):
            return value
    if key in ("prefer not to say", "not say", "pnts") and "prefer-not-to-say" in words:
        return "prefer-not-to-say"
    synonym = _SYNONYMS.get(field, {}).get(key)
    if synonym:
        return synonym
    not_one = {
        "sex": _("'{raw}' is not a sex. Use one of: {words}."),
        "role": _("'{raw}' is not a role. Use one of: {words}."),
        "disability": _("'{raw}' is not a disability answer. Use one of: {words}."),
    }
    raise UserError(not_one[field].format(raw=raw, words=", ".join(words)))


def parse_sex(raw: str) -> str:
    """`F`, `woman` or `female` → `female`; a UserError naming the choices otherwise."""
    return _choose("sex", raw, SEXES)


def parse_age_band(raw: str) -> str:
    """A band (`25-34`) or an age in years (`31` → `25-34`)."""
    text = raw.strip()
    if text.isdigit():
        age = int(text)
        if age > 120:
            raise UserError(_("'{raw}' is not an age in years.").format(raw=raw))
        return next((band for edge, band in _AGE_EDGES if age < edge), "65-plus")
    if _key(text) in ("65+", "65 plus", "over 65"):
        return "65-plus"
    return _choose("age_band", text.replace("–", "-").replace(" to ", "-"), AGE_BANDS)


def parse_role(raw: str) -> str:
    """`care worker`, `family`, `community` or `other`."""
    return _choose("role", raw, ROLES)


def parse_disability(raw: str) -> str:
    """`yes`, `no` or `prefer not to say` (the Washington Group short set, summed up)."""
    key = _key(raw)
    if key in _YES:
        return "yes"
    if key in _NO:
        return "no"
    return _choose("disability", raw, DISABILITY)


def parse_consent(raw: str) -> bool:
    """`yes` → True, `no` or nothing → False; anything else is an error, never a guess."""
    key = _key(raw)
    if key in _YES or key == "consent":
        return True
    if key in _NO or key == "":
        return False
    raise UserError(_("'{raw}' is not a consent answer. Use yes or no.").format(raw=raw))


def label(words: dict[str, str], value: str | None) -> str:
    """The printed words of a stored value (`Not given` for None)."""
    if value is None:
        return NOT_GIVEN
    return words.get(value, value)




def profile_cells(profile: Profile) -> list[str]:
    """Sex, age band, role, disability and consent as short words for a narrow table row.

    `n/s` stands for "prefer not to say" (see SHORT_LEGEND).
    """
    return [
        _SHORT.get(profile.sex or "", profile.sex or ""),
        _SHORT.get(profile.age_band or "", profile.age_band or ""),
        _SHORT.get(profile.role or "", profile.role or ""),
        _SHORT.get(profile.disability or "", profile.disability or ""),
        _("yes") if profile.consent else _("no"),
    ]


_SHORT = {"female": "F", "male": "M", "prefer-not-to-say": "n/s", "65-plus": "65+", "care-worker": "carer",
          "under-18": "<18"}
#: Translate it with `_()` where it is printed.
SHORT_LEGEND = N_("F female, M male, n/s prefer not to say, Dis. disability (Washington Group short set)")


def profile_json(profile: Profile) -> dict[str, str | bool | None]:
    """The profile as JSON fields (stored values, None where not given)."""
    return {
        "sex": profile.sex,
        "age_band": profile.age_band,
        "role": profile.role,
        "disability": profile.disability,
        "consent": profile.consent,
    }
