"""The bylaws' articles on the organs: general assembly, board, supervisory committee, books.

Who decides, who runs the cooperative, who checks, and the records they keep.
"""

from __future__ import annotations

from carecoop.i18n import _, ngettext
from carecoop.render.bylaws_base import ArticleWriter, number_in_words, open_point, share_in_words, votes
from carecoop.render.document import Bullets, Paragraph


class OrganArticles(ArticleWriter):
    """The articles on who decides and who checks."""

    def general_assembly(self) -> None:
        """Powers, notice, quorum and majorities of the general assembly."""
        laws = self.laws
        self.article(_("General assembly"))
        self.add(
            Paragraph(
                _(
                    "The general assembly of all members is the highest body of {body}. "
                    "Each member has one vote, whatever the number of shares."
                ).format(body=self.body)
            )
        )
        self.add(
            Paragraph(_("The general assembly:")),
            Bullets(
                [
                    _("approves the annual accounts and the board's report;"),
                    _("elects and dismisses the board and the supervisory committee;"),
                    _("decides what happens to a surplus;"),
                    _(
                        "decides on expulsions, changes to these bylaws, joining with another "
                        "cooperative, and dissolution."
                    ),
                ]
            ),
        )
        meets = laws.general_assembly or self.plan.governance.general_assembly
        self.add(Paragraph(meets) if meets else open_point(_("how often the general assembly meets.")))
        if laws.notice_days is not None:
            days = ngettext(
                "The board calls it in writing at least {count} day ahead, with the agenda.",
                "The board calls it in writing at least {count} days ahead, with the agenda.",
                laws.notice_days,
            )
            self.add(Paragraph(days.format(count=number_in_words(laws.notice_days))))
        elif not laws.general_assembly:  # the group's own words on how it is called
            self.add(open_point(_("how many days ahead members are called, in writing and with the agenda.")))
        self.add(
            Paragraph(
                _(
                    "The board also calls an extraordinary general assembly when the supervisory "
                    "committee or the auditor asks for it in writing."
                )
            ),
            open_point(_("how many members together can ask for an extraordinary general assembly.")),
        )
        if laws.quorum_percent is not None:
            self.add(
                Paragraph(
                    _("It can take decisions when at least {share} of the members are present.").format(
                        share=share_in_words(laws.quorum_percent)
                    )
                )
            )
        else:
            self.add(open_point(_("the quorum: how many members must be present to take decisions.")))
        if laws.majority_percent is not None:
            self.add(
                Paragraph(
                    _("Its decisions need {votes}, unless these bylaws ask for more.").format(
                        votes=votes(laws.majority_percent)
                    )
                )
            )
        else:
            self.add(open_point(_("the majority needed for ordinary decisions.")))

    def board(self) -> None:
        """The board, the legal representative and day-to-day management."""
        laws, governance = self.laws, self.plan.governance
        self.article(_("Board"))
        size, term = laws.board_size, laws.board_term_years
        if size and term:
            members = ngettext("a board of {count} member", "a board of {count} members", size)
            years = ngettext("{count} year", "{count} years", term)
            self.add(
                Paragraph(
                    _(
                        "The general assembly elects {board} for {years}, from among the members. "
                        "Board members may be elected again."
                    ).format(
                        board=members.format(count=number_in_words(size)),
                        years=years.format(count=number_in_words(term)),
                    )
                )
            )
        elif governance.board:
            self.add(Paragraph(governance.board))
        else:
            self.add(open_point(_("how many people sit on the board and for how long.")))
        self.add(
            Paragraph(
                _(
                    "The board runs {body} between general assemblies, admits members, and reports "
                    "to every general assembly. It names the person who represents {body} before "
                    "the law and signs for it (the legal representative)."
                ).format(body=self.body)
            )
        )
        if governance.management:
            self.add(Paragraph(_("Day-to-day management: {how}").format(how=governance.management)))

    def supervision(self) -> None:
        """The supervisory (audit) committee and other committees."""
        self.article(_("Supervisory committee"))
        self.add(
            Paragraph(
                _(
                    "The general assembly elects a supervisory committee of members who are not on "
                    "the board. It checks the books, the cash and the board's decisions, and reports "
                    "to the general assembly every year. Where the law asks for it, an outside "
                    "auditor also checks the accounts."
                )
            )
        )
        others = [c for c in self.plan.governance.committees if not _is_supervision(c)]
        if others:
            self.add(
                Paragraph(_("{body} also has these committees:").format(body=self.body_start)),
                Bullets(others),
            )

    def books(self) -> None:
        """Books, records and annual accounts."""
        self.article(_("Books, records and annual accounts"))
        self.add(
            Paragraph(
                _(
                    "The board keeps a register of members and their shares, the minutes of every "
                    "general assembly and board meeting, and the books of account. Every member may "
                    "see the register, the minutes of the general assembly and the annual accounts."
                )
            )
        )
        self.add(
            Paragraph(
                _(
                    "After each financial year the board prepares the annual accounts; the "
                    "supervisory committee checks them, and the general assembly approves them."
                )
            ),
            open_point(_("when the financial year begins and ends (for example 1 January to 31 December).")),
        )


#: Words that name the supervisory committee in a group's own list, in each language we write.
_SUPERVISION_WORDS = ("supervis", "audit", "vigilancia", "control", "surveillance", "contrôle", "رقاب")


def _is_supervision(committee: str) -> bool:
    """Whether a committee the group listed is the supervisory committee the bylaws already set up."""
    name = committee.casefold()
    return any(word in name for word in _SUPERVISION_WORDS)
