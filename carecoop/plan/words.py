"""The plan's code values in words, for documents and messages (one home for this vocabulary)."""

from __future__ import annotations

#: Legal forms as a sentence names them ("registered as a cooperative").
LEGAL_FORMS: dict[str, str] = {
    "cooperative": "a cooperative",
    "association": "an association",
    "mutual": "a mutual",
    "social-enterprise": "a social enterprise",
    "other": "another legal form",
}

#: Membership models as a heading or a table cell names them.
MEMBERSHIP_MODELS: dict[str, str] = {
    "worker": "Worker cooperative: the care workers are the members",
    "user": "User cooperative: the families who use the care are the members",
    "multi-stakeholder": "Multi-stakeholder cooperative: care workers, families and supporters "
    "are members together",
    "existing-cooperative": "An existing cooperative that adds care services for its members",
}

#: Membership models as a sentence names the cooperative ("… is a worker cooperative").
MEMBERSHIP_KINDS: dict[str, str] = {
    "worker": "a worker cooperative",
    "user": "a user cooperative",
    "multi-stakeholder": "a multi-stakeholder cooperative",
    "existing-cooperative": "an existing cooperative that adds care services",
}

#: Who the members are, as the bylaws say it ("The members are …").
MEMBERS_ARE: dict[str, str] = {
    "worker": "the care workers who work in it (a worker cooperative)",
    "user": "the families and people who use its care (a user or family cooperative)",
    "multi-stakeholder": "care workers, families who use the care and supporters together "
    "(a multi-stakeholder cooperative)",
    "existing-cooperative": "the members of an existing cooperative that adds care services",
}

PAYERS: dict[str, str] = {
    "families": "families",
    "public-contract": "a public contract",
    "insurer": "an insurer",
    "employer": "employers",
    "subsidy": "a subsidy",
    "members": "members",
    "other": "other payers",
}

ALTERNATIVE_KINDS: dict[str, str] = {
    "public": "public",
    "private": "private",
    "family": "family",
    "informal": "informal",
    "other": "other",
}

LEVELS: dict[str, str] = {"low": "low", "medium": "medium", "high": "high"}


def in_words(vocabulary: dict[str, str], value: object) -> str:
    """A code value in words; an unknown value as it is."""
    return vocabulary.get(str(value), str(value))
