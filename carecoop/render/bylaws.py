"""Draft bylaws, in plain language, from what the group decided.

The articles follow the structure of model cooperative bylaws: name, object, duration and
area; membership (admission, rights and duties, withdrawal, expulsion); shares and
liability; general assembly; board; supervisory committee; books and accounts; surplus;
disputes; amendment; dissolution; and the founders' signatures. Every point the group
decides and has not decided yet is printed as "To be decided by the group", so that a gap
is visible on paper instead of silently filled in. Each point is said once, in one article.

Every fixed word is translated: build the bylaws inside `use_language(language)` (the
workshop's), and the document says which language it is in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from carecoop.countries.profiles import ASK_THE_REGISTRAR, CountryProfile, list_in_words
from carecoop.i18n import _, current_language
from carecoop.plan.model import Plan
from carecoop.plan.money import format_percent
from carecoop.plan.statement import law_minimums_text, surplus_shares
from carecoop.plan.words import LEGAL_FORMS, MEMBERS_ARE, in_words
from carecoop.render.bylaws_base import months_in_words, open_point, votes
from carecoop.render.bylaws_organs import OrganArticles
from carecoop.render.document import Bullets, Document, Heading, Paragraph, Table


def build_bylaws(
    plan: Plan, money: Callable[[Decimal], str], date: str, profile: CountryProfile | None = None
) -> Document:
    """The draft bylaws of the group's cooperative as a Document, in the current language."""
    laws = plan.bylaws
    name = laws.name or plan.cooperative.name
    document = Document(
        title=_("Draft bylaws of {name}").format(name=name) if name else _("Draft bylaws"),
        subtitle=_("The rules our members agree to live by"),
        language=current_language(),
        author=name or _("The founding group"),
        cover_lines=[_("Prepared on {date}").format(date=date)],
        draft_label=_("Draft for discussion"),
    )
    document.add(
        Paragraph(
            _(
                "These bylaws are a first draft written by the founding group. A lawyer, a "
                "cooperative support agency or the registrar must check them against the law of "
                "your country before the group adopts them."
            ),
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
        """Name; object; legal form, law, duration, seat and area."""
        coop, laws = self.plan.cooperative, self.laws
        name = laws.name or coop.name
        self.article(_("Name"))
        if name:
            self.add(Paragraph(_("The name of {body} is {name}.").format(body=self.body, name=name)))
        else:
            self.add(open_point(_("the name.")))
        self.article(_("Object"))
        purpose = laws.purpose or coop.mission
        if purpose:
            self.add(Paragraph(purpose))
        else:
            self.add(open_point(_("what {body} exists to do.").format(body=self.body)))
        if coop.care_services:
            self.add(
                Paragraph(_("To meet this object it provides these care services:")),
                Bullets(list(coop.care_services)),
            )
        self.article(_("Legal form, seat and area"))
        form = coop.legal_form
        shown = ""
        if form:
            named = None
            if self.profile is not None:
                named = next((_(f.name) for f in self.profile.legal_forms if f.form == form), None)
            detail = coop.legal_form_detail or named
            shown = in_words(LEGAL_FORMS, form)
            # "a cooperative: Cooperative" says nothing twice over: a name no longer than the form's.
            if detail and detail.casefold() not in shown.casefold():
                shown = _("{form}: {detail}").format(form=shown, detail=detail)
            if self.profile and self.profile.code != "generic":
                text = _("{body} is registered in {country} as {form}.").format(
                    body=self.body_start, country=_(self.profile.name), form=shown
                )
            else:
                text = _("{body} is registered as {form}.").format(body=self.body_start, form=shown)
            self.add(Paragraph(text))
        else:
            forms = [in_words(LEGAL_FORMS, code) for code in LEGAL_FORMS]
            self.add(open_point(_("the legal form ({forms}).").format(forms=list_in_words(forms))))
        if self.is_coop:  # an association or a mutual is not registered under the cooperative law
            self.add(*self.law(shown))
        self.add(Paragraph(_("{body} is formed for an unlimited time.").format(body=self.body_start)))
        if coop.location:
            self.add(
                Paragraph(_("Its seat and the area where it works: {place}.").format(place=coop.location))
            )
        else:
            self.add(open_point(_("the seat and the area where it works.")))

    def law(self, legal_form: str) -> list[Paragraph]:
        """The cooperative law and the registrar, from the country profile, or a point to check.

        A law the legal form already names (`… under the Co-operative Societies Act`) is not
        named again: the article then only says who registers the cooperative. A profile that
        is not sure of the law names the laws that may apply, to be checked.
        """
        law = self.profile.cooperative_law if self.profile is not None else None
        if law is None:
            said = [
                Paragraph(
                    _("The law {body} is registered under and the office that registers it: {check}.").format(
                        body=self.body, check=_(ASK_THE_REGISTRAR)
                    ),
                    kind="open",
                )
            ]
            possible = self.profile.possible_laws if self.profile is not None else []
            if possible:
                said.append(
                    Paragraph(
                        _("These laws may apply (check): {laws}.").format(
                            laws=list_in_words([_(name) for name in possible])
                        ),
                        kind="open",
                    )
                )
            return said
        text = _("The office that registers it: {registrar}.").format(registrar=_(law.registrar))
        if not all(_named_in(name, legal_form) for name in law.laws):
            which = (
                _("The laws it is registered under: {laws}.")
                if len(law.laws) > 1
                else _("The law it is registered under: {laws}.")
            )
            text = which.format(laws=law.names()) + " " + text
        if law.supervisor:
            text += " " + _("The body that supervises it: {supervisor}.").format(supervisor=_(law.supervisor))
        return [Paragraph(text)]

    # Membership ------------------------------------------------------------------------------

    def membership(self) -> None:
        """Admission, rights and duties, withdrawal, expulsion."""
        plan, laws = self.plan, self.laws
        self.article(_("Admission of members"))
        model = plan.members.membership_model
        if model:
            self.add(Paragraph(_("The members are {who}.").format(who=in_words(MEMBERS_ARE, model))))
        else:
            self.add(open_point(_("who can be a member.")))
        self.add(
            Paragraph(
                _(
                    "Membership is voluntary and open, without discrimination, to everyone who "
                    "meets the conditions below and accepts the duties of a member. A person "
                    "applies in writing; the board decides and gives its reasons if it says no; "
                    "the person may then ask the general assembly to decide."
                )
            )
        )
        if laws.membership_conditions:
            self.add(
                Paragraph(_("The conditions for becoming a member:")),
                Bullets(list(laws.membership_conditions)),
            )
        else:
            self.add(open_point(_("the conditions for becoming a member.")))
        self.article(_("Rights and duties of members"))
        if plan.members.rights:
            self.add(Paragraph(_("Every member has the right to:")), Bullets(list(plan.members.rights)))
        else:
            self.add(open_point(_("the rights of members.")))
        if plan.members.duties:
            self.add(Paragraph(_("Every member has the duty to:")), Bullets(list(plan.members.duties)))
        else:
            self.add(open_point(_("the duties of members.")))
        self.article(_("Leaving {body}").format(body=self.body))
        months = laws.withdrawal_notice_months
        if months:
            self.add(
                Paragraph(
                    _("A member may leave by telling the board in writing, {notice} ahead.").format(
                        notice=months_in_words(months)
                    )
                )
            )
        elif months == 0:
            self.add(
                Paragraph(_("A member may leave by telling the board in writing, with no notice period."))
            )
        else:
            self.add(
                Paragraph(_("A member may leave by telling the board in writing.")),
                open_point(_("how long ahead a member must give notice of leaving.")),
            )
        if self.is_coop:
            if laws.share_refund:
                self.add(
                    Paragraph(
                        _("A member who leaves gets the share back: {how}").format(how=laws.share_refund)
                    )
                )
            else:
                self.add(open_point(_("how and when a share is paid back to a member who leaves.")))
        self.add(Paragraph(_("Membership also ends when a member dies or is expelled.")))
        self.article(_("Expulsion"))
        self.add(
            Paragraph(
                _(
                    "The board may propose to expel a member who seriously or repeatedly breaks these "
                    "bylaws or harms {body}. Before any decision the member is told in writing why, and "
                    "has the right to be heard. The general assembly decides, by the majority needed to "
                    "change these bylaws; the member may speak to it before the vote."
                ).format(body=self.body)
            )
        )

    # Shares and liability --------------------------------------------------------------------

    def shares(self) -> None:
        """Member shares and limited liability."""
        laws, categories = self.laws, self.plan.members.categories
        self.article(_("Member shares and liability") if self.is_coop else _("Contributions and liability"))
        share = laws.share_value
        if share is None and len(categories) == 1:
            share = categories[0].share
        if share is not None:
            self.add(
                Paragraph(
                    _("Each member takes up one member share of {amount}.").format(amount=self.money(share))
                )
            )
        elif len(categories) > 1:
            self.add(
                Paragraph(_("Each member takes up a member share:")),
                Bullets([f"{c.category}: {self.money(c.share)}" for c in categories]),
            )
        else:
            self.add(open_point(_("the value of one member share.")))
        self.add(
            Paragraph(
                _(
                    "A share gives no extra vote and earns no profit as an investment would. Shares "
                    "are not sold or passed to another person without the board's consent."
                )
            )
        )
        self.add(
            Paragraph(
                _(
                    "{body} alone answers for its debts. A member's liability is limited to the value "
                    "of the member's shares."
                ).format(body=self.body_start)
            )
        )

    # Surplus, disputes, amendment, dissolution -----------------------------------------------

    def surplus(self) -> None:
        """Reserve, education fund, the law's solidarity fund and patronage refunds."""
        fin = self.plan.financial
        rule = self.profile.surplus_rule if self.profile is not None else None
        self.article(_("Surplus and reserves"))
        decided = any(
            p is not None
            for p in (fin.reserve_percent, fin.education_fund_percent, fin.patronage_refund_percent)
        )
        if decided or rule is not None:
            shares = surplus_shares(fin, rule)
            parts = [
                (shares.reserve, _("goes to a reserve that is never shared among members")),
                (
                    shares.education_fund,
                    _("goes to an education fund for members, workers and the community"),
                ),
                (
                    shares.solidarity_fund,
                    _("goes to a solidarity fund that helps members and their families in hard times"),
                ),
                (
                    shares.patronage_refund,
                    _(
                        "may be returned to members in proportion to their work or use of the services "
                        "(patronage refund), only when the cash allows it"
                    ),
                ),
            ]
            stated = [
                _("{percent} {what}").format(percent=format_percent(p), what=what)
                for p, what in parts
                if p > 0
            ]
            self.add(
                Paragraph(
                    _("Of the surplus of each year, after the general assembly approves the accounts:")
                ),
                Bullets(stated),
            )
            if rule is not None:
                self.add(Paragraph(law_minimums_text(rule), kind="note"))
            self.add(Paragraph(_("What is not shared stays in {body}.").format(body=self.body)))
            if not decided and self.laws.surplus_use:
                self.add(Paragraph(self.laws.surplus_use))
        elif self.laws.surplus_use:
            self.add(Paragraph(self.laws.surplus_use))
        else:
            self.add(open_point(_("what happens to a surplus (reserve, education fund, return to members).")))
        self.add(Paragraph(_("A loss is covered first from the reserve.")))

    def disputes(self) -> None:
        """How disputes are settled."""
        self.article(_("Disputes"))
        self.add(
            Paragraph(
                _(
                    "A dispute between members, or between a member and {body}, is first talked "
                    "through with the supervisory committee. If that fails, the parties ask a "
                    "cooperative support agency or a mediator to help; only then does it go to the "
                    "authority the law names."
                ).format(body=self.body)
            )
        )

    def amendment(self) -> None:
        """How the bylaws are changed."""
        special = self.laws.special_majority_percent
        self.article(_("Changing these bylaws"))
        if special is not None:
            self.add(
                Paragraph(
                    _(
                        "These bylaws change only by a decision of a general assembly called for that "
                        "purpose, with {votes}. The proposed change is sent with the call."
                    ).format(votes=votes(special))
                )
            )
        else:
            self.add(
                open_point(
                    _("the majority needed to change the bylaws (for example two thirds of the votes).")
                )
            )

    def dissolution(self) -> None:
        """Dissolution, and where the remaining assets go."""
        laws = self.laws
        self.article(_("Dissolution"))
        self.add(
            Paragraph(
                _(
                    "Only a general assembly called for that purpose may decide to close {body}, by the "
                    "majority needed to change these bylaws."
                ).format(body=self.body)
            )
        )
        self.add(
            Paragraph(
                _(
                    "The debts are paid first, then the members' shares at no more than their value. "
                    "What remains is never shared among the members: it goes to another cooperative "
                    "or to a cooperative purpose in the community."
                )
            )
        )
        if laws.dissolution:
            self.add(
                Paragraph(
                    _("The founders name who receives what remains: {who}").format(who=laws.dissolution)
                )
            )
        else:
            self.add(open_point(_("which cooperative or cooperative purpose receives what remains.")))

    def signatures(self) -> None:
        """The founders' signature block."""
        self.doc.add(Heading(_("Adopted by the founding members")))
        members = sum(c.members for c in self.plan.members.categories)
        rows = max(5, min(members, 25))
        self.add(
            Paragraph(
                _("Adopted at the founding meeting held at {place} on {date}.").format(
                    place="____________________", date="____________________"
                )
            )
        )
        self.add(
            Table(
                ["", _("Name"), _("Signature"), _("Date")],
                [[str(n), "", "", ""] for n in range(1, rows + 1)],
                numeric=[True, False, False, False],
            )
        )


def _short_title(law: str) -> str:
    """A law's title without its chapter or gloss: `Co-operative Societies Act [Chapter 24:05]` → the Act."""
    return law.split(" [")[0].split(" (")[0]


def _named_in(law: str, text: str) -> bool:
    """Whether a text (the legal form as the group or the profile wrote it) already names a law.

    A law with numbers is named when all its numbers are there, in whatever language the text
    is written ("القرار بقانون رقم 20 لسنة 2017" names Decree-Law No. 20 of 2017); a law
    without numbers when its title is there, in English or in the current language.
    """
    numbers = re.findall(r"\d+", law)
    if numbers:
        written = set(re.findall(r"\d+", text))
        return all(number in written for number in numbers)
    return _short_title(law) in text or _short_title(_(law)) in text
