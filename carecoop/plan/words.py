"""The plan's code values in words, for documents and messages (one home for this vocabulary).

Every value is marked for the catalogs with `N_()`; `in_words` gives it in the language of
the moment (a document's, inside `use_language`), so a Spanish plan says "familias".
"""

from __future__ import annotations

from carecoop.i18n import N_, _

#: Legal forms as a sentence names them ("registered as a cooperative").
LEGAL_FORMS: dict[str, str] = {
    "cooperative": N_("a cooperative"),
    "association": N_("an association"),
    "mutual": N_("a mutual"),
    "social-enterprise": N_("a social enterprise"),
    "other": N_("another legal form"),
}

#: Membership models as a heading or a table cell names them.
MEMBERSHIP_MODELS: dict[str, str] = {
    "worker": N_("Worker cooperative: the care workers are the members"),
    "user": N_("User cooperative: the families who use the care are the members"),
    "multi-stakeholder": N_(
        "Multi-stakeholder cooperative: care workers, families and supporters are members together"
    ),
    "existing-cooperative": N_("An existing cooperative that adds care services for its members"),
}

#: Membership models as a sentence names the cooperative ("… is a worker cooperative").
MEMBERSHIP_KINDS: dict[str, str] = {
    "worker": N_("a worker cooperative"),
    "user": N_("a user cooperative"),
    "multi-stakeholder": N_("a multi-stakeholder cooperative"),
    "existing-cooperative": N_("an existing cooperative that adds care services"),
}

#: Who the members are, as the bylaws say it ("The members are …").
MEMBERS_ARE: dict[str, str] = {
    "worker": N_("the care workers who work in it (a worker cooperative)"),
    "user": N_("the families and people who use its care (a user or family cooperative)"),
    "multi-stakeholder": N_(
        "care workers, families who use the care and supporters together (a multi-stakeholder cooperative)"
    ),
    "existing-cooperative": N_("the members of an existing cooperative that adds care services"),
}

#: Who pays for a service, as a sentence or a table cell names them.
PAYERS: dict[str, str] = {
    "families": N_("families"),
    "public-contract": N_("a public contract"),
    "insurer": N_("an insurer"),
    "employer": N_("employers"),
    "subsidy": N_("a subsidy"),
    "members": N_("members"),
    "other": N_("other payers"),
}

#: What people use today instead of the cooperative's care, by kind.
ALTERNATIVE_KINDS: dict[str, str] = {
    # TRANSLATORS: kinds of care people use today (a table cell): public, private, family...
    "public": N_("public"),
    "private": N_("private"),
    "family": N_("family"),
    "informal": N_("informal"),
    "other": N_("other"),
}

#: How likely or how bad a risk is.
LEVELS: dict[str, str] = {
    # TRANSLATORS: how likely or how bad a risk is (a table cell).
    "low": N_("low"),
    "medium": N_("medium"),
    "high": N_("high"),
}


def in_words(vocabulary: dict[str, str], value: object) -> str:
    """A code value in words in the current language; an unknown value as it is."""
    words = vocabulary.get(str(value))
    return str(value) if words is None else _(words)


def translated(vocabulary: dict[str, str]) -> dict[str, str]:
    """A whole vocabulary in the current language (code → words)."""
    return {code: _(words) for code, words in vocabulary.items()}
