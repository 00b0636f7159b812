"""Draft bylaws, in plain language, from what the group decided.

Every point the group has not decided yet is printed as "To be decided by the group", so
that a gap is visible on paper instead of silently filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import CountryProfile
from carecoop.plan.model import Plan
from carecoop.render.document import Bullets, Document, Heading, Paragraph
from carecoop.types import LEGAL_FORM_PHRASES

OPEN = "To be decided by the group"

_MODELS = {
    "worker": "the care workers who work in it (a worker cooperative)",
    "user": "the families and people who use its care (a user or family cooperative)",
    "multi-stakeholder": "care workers, families who use the care and supporters together "
    "(a multi-stakeholder cooperative)",
    "existing-cooperative": "the members of an existing cooperative that adds care services",
}


def _open(what: str) -> Paragraph:
    return Paragraph(f"{OPEN}: {what}", kind="open")


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}%"


def build_bylaws(
    plan: Plan, money: Callable[[Decimal], str], date: str, profile: CountryProfile | None = None
) -> Document:
    """The draft bylaws of the group's cooperative as a Document."""
    laws = plan.bylaws
    name = laws.name or plan.cooperative.name
    document = Document(
        title=f"Draft bylaws of {name}" if name else "Draft bylaws",
        subtitle="The rules our members agree to live by",
        language="en",
        author=name or "The founding group",
        cover_lines=[f"Prepared on {date}"],
        draft_label="Draft for discussion",
    )
    document.add(
        Paragraph(
            "These bylaws are a first draft written by the founding group. A lawyer, a "
            "cooperative support agency or the registrar must check them against the law of "
            "your country before the group adopts them.",
            kind="warning",
        )
    )
    article = _Articles(document)

    article("Name")
    if name:
        document.add(Paragraph(f"The name of the organisation is {name}."))
    else:
        document.add(_open("the name of the organisation."))

    article("Purpose")
    purpose = laws.purpose or plan.cooperative.mission
    if purpose:
        document.add(Paragraph(purpose))
    else:
        document.add(_open("what the organisation is for."))
    if plan.cooperative.care_services:
        document.add(Paragraph("To meet this purpose it provides these care services:"))
        document.add(Bullets(list(plan.cooperative.care_services)))

    article("Legal form and area")
    form = plan.cooperative.legal_form
    if form:
        detail = f" ({plan.cooperative.legal_form_detail})" if plan.cooperative.legal_form_detail else ""
        where = f" It works in {plan.cooperative.location}." if plan.cooperative.location else ""
        document.add(Paragraph(f"The organisation will be registered as {LEGAL_FORM_PHRASES[form]}"
                               f"{detail}.{where}"))
    else:
        forms = list(LEGAL_FORM_PHRASES.values())
        document.add(_open(f"the legal form ({', '.join(forms[:-1])} or {forms[-1]})."))

    article("Members")
    model = plan.members.membership_model
    if model:
        document.add(Paragraph(f"The members are {_MODELS.get(str(model), str(model))}."))
    else:
        document.add(_open("who can be a member."))
    document.add(
        Paragraph(
            "Membership is voluntary and open to everyone who meets the conditions below, "
            "without discrimination. A member may leave by telling the board in writing."
        )
    )
    if laws.membership_conditions:
        document.add(
            Paragraph("To become a member, a person must:"), Bullets(list(laws.membership_conditions))
        )
    else:
        document.add(_open("the conditions for becoming a member."))

    article("Member shares")
    share = laws.share_value
    if share is None and plan.members.categories:
        share = plan.members.categories[0].share
    if share:
        document.add(Paragraph(f"Each member pays a member share of {money(share)}. A share gives "
                               "no extra votes and does not earn profit like an investment."))
    else:
        document.add(_open("the value of one member share."))
    if len(plan.members.categories) > 1:
        document.add(Bullets([f"{c.category}: share of {money(c.share)}" for c in plan.members.categories]))
    if laws.share_refund:
        document.add(Paragraph(f"A member who leaves gets the share back: {laws.share_refund}"))
    else:
        document.add(_open("how and when a share is paid back to a member who leaves."))

    article("Rights and duties of members")
    if plan.members.rights:
        document.add(Paragraph("Every member has the right to:"), Bullets(list(plan.members.rights)))
    else:
        document.add(_open("the rights of members."))
    if plan.members.duties:
        document.add(Paragraph("Every member has the duty to:"), Bullets(list(plan.members.duties)))
    else:
        document.add(_open("the duties of members."))

    article("General assembly")
    assembly = laws.general_assembly or plan.governance.general_assembly
    document.add(Paragraph("The general assembly of all members is the highest body. Each member "
                           "has one vote, whatever the number of shares."))
    document.add(Paragraph(assembly) if assembly else _open("how often the general assembly meets "
                                                            "and how it is called."))
    quorum, majority = _percent(laws.quorum_percent), _percent(laws.majority_percent)
    document.add(Paragraph(f"A general assembly can take decisions when at least {quorum} of the "
                           "members are present.") if quorum else _open("the quorum (how many "
                                                                         "members must be present)."))
    document.add(Paragraph(f"Ordinary decisions need more than {majority} of the votes cast.")
                 if majority else _open("the majority needed for ordinary decisions."))
    if plan.governance.decision_rules:
        document.add(Paragraph(plan.governance.decision_rules))

    article("Board")
    size, term = laws.board_size, laws.board_term_years
    if size and term:
        years = "year" if term == 1 else "years"
        document.add(Paragraph(f"The general assembly elects a board of {size} members for "
                               f"{term} {years}. Board members can be elected again."))
    else:
        document.add(_open("how many people sit on the board and for how long."))
    if plan.governance.board:
        document.add(Paragraph(plan.governance.board))
    if plan.governance.management:
        document.add(Paragraph(f"Day-to-day management: {plan.governance.management}"))

    article("Committees")
    if plan.governance.committees:
        document.add(
            Paragraph("The cooperative has these committees:"), Bullets(list(plan.governance.committees))
        )
    else:
        document.add(Paragraph("The general assembly or the board may set up committees for "
                               "special tasks."))

    article("Surplus and reserves")
    finance = plan.financial
    shares = [
        (finance.reserve_percent, "goes to a reserve that is never shared out"),
        (finance.education_fund_percent, "goes to education and training of members and staff"),
        (finance.patronage_refund_percent, "is returned to members according to their work or use"),
    ]
    stated = [f"{_percent(value)} {what}" for value, what in shares if value is not None]
    if laws.surplus_use:
        document.add(Paragraph(laws.surplus_use))
    if stated:
        document.add(Paragraph("Of any surplus at the end of the year:"), Bullets(stated))
    if not laws.surplus_use and not stated:
        document.add(_open("what happens to a surplus (reserve, training, return to members)."))

    article("Changing these bylaws")
    special = _percent(laws.special_majority_percent)
    document.add(Paragraph(f"Changes to these bylaws need {special} of the votes at a general "
                           "assembly called for that purpose.") if special
                 else _open("the majority needed to change the bylaws."))

    article("Dissolution")
    document.add(Paragraph(laws.dissolution) if laws.dissolution
                 else _open("what happens to the assets if the organisation closes."))
    return document


class _Articles:
    """Numbers articles as they are added."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.number = 0

    def __call__(self, title: str) -> None:
        self.number += 1
        self.document.add(Heading(f"Article {self.number}. {title}"))
