"""Draft bylaws, in plain language, from what the group decided.

The articles follow the structure of model cooperative bylaws: name, object and area;
membership (admission, rights and duties, withdrawal, expulsion); shares and liability;
general assembly; board; supervisory committee; books and accounts; surplus; disputes;
amendment; dissolution; and the founders' signatures. Every point the group decides and
has not decided yet is printed as "To be decided by the group", so that a gap is visible
on paper instead of silently filled in. Each point is said once, in one article.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import ASK_THE_REGISTRAR, CountryProfile
from carecoop.plan.model import Plan
from carecoop.plan.money import format_percent
from carecoop.plan.words import MEMBERS_ARE, in_words
from carecoop.render.bylaws_base import open_point, votes
from carecoop.render.bylaws_organs import OrganArticles
from carecoop.render.document import Bullets, Document, Heading, Paragraph, Table
from carecoop.types import LEGAL_FORM_PHRASES


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
    writer = _Bylaws(plan, money, document, profile)
    for part in (
        writer.name_object_area,
        writer.membership,
        writer.shares,
        writer.general_assembly,
        writer.board,
        writer.supervision,
        writer.books,
        writer.surplus,
        writer.disputes,
        writer.amendment,
        writer.dissolution,
        writer.signatures,
    ):
        part()
    return document


class _Bylaws(OrganArticles):
    """Writes the articles in order; the organs' articles come from `OrganArticles`."""

    # Name, object, area ----------------------------------------------------------------------

    def name_object_area(self) -> None:
        """Name; object; legal form, seat and area."""
        coop, laws = self.plan.cooperative, self.laws
        name = laws.name or coop.name
        self.article("Name")
        self.add(Paragraph(f"The name of the {self.body} is {name}.") if name else open_point("the name."))
        self.article("Object")
        purpose = laws.purpose or coop.mission
        self.add(Paragraph(purpose) if purpose else open_point(f"what the {self.body} exists to do."))
        if coop.care_services:
            self.add(
                Paragraph("To meet this object it provides these care services:"),
                Bullets(list(coop.care_services)),
            )
        self.article("Legal form, seat and area")
        form = coop.legal_form
        shown = ""
        if form:
            named = None
            if self.profile is not None:
                named = next((f.name for f in self.profile.legal_forms if f.form == form), None)
            detail = coop.legal_form_detail or named
            shown = LEGAL_FORM_PHRASES[form] + (f": {detail}" if detail else "")
            country = f" in {self.profile.name}" if self.profile and self.profile.code != "generic" else ""
            self.add(Paragraph(f"The {self.body} is registered{country} as {shown}."))
        else:
            forms = list(LEGAL_FORM_PHRASES.values())
            self.add(open_point(f"the legal form ({', '.join(forms[:-1])} or {forms[-1]})."))
        if self.is_coop:  # an association or a mutual is not registered under the cooperative law
            self.add(self.law(shown))
        if coop.location:
            self.add(Paragraph(f"Its seat and the area where it works: {coop.location}."))
        else:
            self.add(open_point("the seat and the area where it works."))

    def law(self, legal_form: str) -> Paragraph:
        """The cooperative law and the registrar, from the country profile, or a point to check.

        A law the legal form already names (`… under the Co-operative Societies Act`) is not
        named again: the article then only says who registers the cooperative.
        """
        law = self.profile.cooperative_law if self.profile is not None else None
        if law is None:
            return Paragraph(
                f"The law the {self.body} is registered under and the office that registers it: "
                f"{ASK_THE_REGISTRAR}.",
                kind="open",
            )
        which = "these laws" if len(law.laws) > 1 else "this law"
        said = all(_short_title(name) in legal_form for name in law.laws)
        text = f"It is registered with the {law.registrar}"
        text += "." if said else f", under {which}: {law.names()}."
        if law.supervisor:
            text += f" {law.supervisor} supervises it."
        return Paragraph(text)

    # Membership ------------------------------------------------------------------------------

    def membership(self) -> None:
        """Admission, rights and duties, withdrawal, expulsion."""
        plan, laws = self.plan, self.laws
        self.article("Admission of members")
        model = plan.members.membership_model
        if model:
            self.add(Paragraph(f"The members are {in_words(MEMBERS_ARE, model)}."))
        else:
            self.add(open_point("who can be a member."))
        self.add(
            Paragraph(
                "Membership is voluntary and open, without discrimination, to everyone who "
                "meets the conditions below and accepts the duties of a member. A person "
                "applies in writing; the board decides and gives its reasons if it says no; "
                "the person may then ask the general assembly to decide."
            )
        )
        if laws.membership_conditions:
            self.add(
                Paragraph("To become a member, a person must:"), Bullets(list(laws.membership_conditions))
            )
        else:
            self.add(open_point("the conditions for becoming a member."))
        self.article("Rights and duties of members")
        if plan.members.rights:
            self.add(Paragraph("Every member has the right to:"), Bullets(list(plan.members.rights)))
        else:
            self.add(open_point("the rights of members."))
        if plan.members.duties:
            self.add(Paragraph("Every member has the duty to:"), Bullets(list(plan.members.duties)))
        else:
            self.add(open_point("the duties of members."))
        self.article("Leaving the " + self.body)
        months = laws.withdrawal_notice_months
        if months is not None:
            notice = "one month" if months == 1 else f"{months} months"
            self.add(Paragraph(f"A member may leave by telling the board in writing, {notice} ahead."))
        else:
            self.add(
                Paragraph("A member may leave by telling the board in writing."),
                open_point("how long ahead a member must give notice of leaving."),
            )
        if self.is_coop:
            if laws.share_refund:
                self.add(Paragraph(f"A member who leaves gets the share back: {laws.share_refund}"))
            else:
                self.add(open_point("how and when a share is paid back to a member who leaves."))
        self.add(Paragraph("Membership also ends when a member dies or is expelled."))
        self.article("Expulsion")
        self.add(
            Paragraph(
                "The board may propose to expel a member who seriously or repeatedly breaks these bylaws or "
                f"harms the {self.body}. Before any decision the member is told in writing why, and has the "
                "right to be heard. The general assembly decides, by the majority needed to change these "
                "bylaws; the member may speak to it before the vote."
            )
        )

    # Shares and liability --------------------------------------------------------------------

    def shares(self) -> None:
        """Member shares and limited liability."""
        laws, categories = self.laws, self.plan.members.categories
        self.article("Member shares and liability" if self.is_coop else "Contributions and liability")
        share = laws.share_value
        if share is None and len(categories) == 1:
            share = categories[0].share
        if share is not None:
            self.add(Paragraph(f"Each member takes up one member share of {self.money(share)}."))
        elif len(categories) > 1:
            self.add(
                Paragraph("Each member takes up a member share:"),
                Bullets([f"{c.category}: {self.money(c.share)}" for c in categories]),
            )
        else:
            self.add(open_point("the value of one member share."))
        self.add(
            Paragraph(
                "A share gives no extra vote and earns no profit as an investment would. Shares are not "
                "sold or passed to another person without the board's consent."
            )
        )
        self.add(
            Paragraph(
                f"The {self.body} alone answers for its debts. A member's liability is limited to the "
                "value of the member's shares."
            )
        )

    # Bodies ----------------------------------------------------------------------------------

    def surplus(self) -> None:
        """Reserve, education fund and patronage refunds."""
        fin = self.plan.financial
        self.article("Surplus and reserves")
        parts = [
            (fin.reserve_percent, "goes to a reserve that is never shared among members"),
            (fin.education_fund_percent, "goes to an education fund for members, workers and the community"),
            (
                fin.patronage_refund_percent,
                "may be returned to members in proportion to their work or use "
                "of the services (patronage refund), only when the cash allows it",
            ),
        ]
        stated = [f"{format_percent(p)} {what}" for p, what in parts if p is not None]
        if stated:
            self.add(
                Paragraph("Of the surplus of each year, after the general assembly approves the accounts:"),
                Bullets(stated),
            )
            self.add(Paragraph("What is not shared stays in the " + self.body + "."))
        elif self.laws.surplus_use:
            self.add(Paragraph(self.laws.surplus_use))
        else:
            self.add(open_point("what happens to a surplus (reserve, education fund, return to members)."))
        self.add(Paragraph("A loss is covered first from the reserve."))

    def disputes(self) -> None:
        """How disputes are settled."""
        self.article("Disputes")
        self.add(
            Paragraph(
                "A dispute between members, or between a member and the " + self.body + ", is first talked "
                "through with the supervisory committee. If that fails, the parties ask a cooperative "
                "support agency or a mediator to help; only then does it go to the authority the law names."
            )
        )

    def amendment(self) -> None:
        """How the bylaws are changed."""
        special = self.laws.special_majority_percent
        self.article("Changing these bylaws")
        if special is not None:
            self.add(
                Paragraph(
                    f"These bylaws change only by a decision of a general assembly called for that "
                    f"purpose, with {votes(special)}. The proposed change is sent with the call."
                )
            )
        else:
            self.add(
                open_point("the majority needed to change the bylaws (for example two thirds of the votes).")
            )

    def dissolution(self) -> None:
        """Dissolution, and where the remaining assets go."""
        laws = self.laws
        self.article("Dissolution")
        self.add(
            Paragraph(
                f"Only a general assembly called for that purpose may decide to close the "
                f"{self.body}, by the majority needed to change these bylaws."
            )
        )
        self.add(
            Paragraph(
                "The debts are paid first, then the members' shares at no more than their value. "
                "What remains is never shared among the members: it goes to another cooperative "
                "or to a cooperative purpose in the community."
            )
        )
        if laws.dissolution:
            self.add(Paragraph(f"The founders name this recipient: {laws.dissolution}"))
        else:
            self.add(open_point("which cooperative or cooperative purpose receives what remains."))

    def signatures(self) -> None:
        """The founders' signature block."""
        self.doc.add(Heading("Adopted by the founding members"))
        members = sum(c.members for c in self.plan.members.categories)
        rows = max(5, min(members, 25))
        self.add(
            Paragraph("Adopted at the founding meeting held at ____________________ on ____________________.")
        )
        self.add(
            Table(
                ["", "Name", "Signature", "Date"],
                [[str(n), "", "", ""] for n in range(1, rows + 1)],
                numeric=[True, False, False, False],
            )
        )


def _short_title(law: str) -> str:
    """A law's title without its chapter or gloss: `Co-operative Societies Act [Chapter 24:05]` → the Act."""
    return law.split(" [")[0].split(" (")[0]
