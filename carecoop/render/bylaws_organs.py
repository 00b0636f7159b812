"""The bylaws' articles on the organs: general assembly, board, supervisory committee, books.

Who decides, who runs the cooperative, who checks, and the records they keep.
"""

from __future__ import annotations

from carecoop.render.bylaws_base import ArticleWriter, open_point, share_in_words, votes
from carecoop.render.document import Bullets, Paragraph


class OrganArticles(ArticleWriter):
    """The articles on who decides and who checks."""

    def general_assembly(self) -> None:
        """Powers, notice, quorum and majorities of the general assembly."""
        laws = self.laws
        self.article("General assembly")
        self.add(
            Paragraph(
                f"The general assembly of all members is the highest body of the {self.body}. "
                "Each member has one vote, whatever the number of shares."
            )
        )
        self.add(
            Paragraph("The general assembly:"),
            Bullets(
                [
                    "approves the annual accounts and the board's report;",
                    "elects and dismisses the board and the supervisory committee;",
                    "decides what happens to a surplus;",
                    "decides on expulsions, changes to these bylaws, joining with another cooperative, and "
                    "dissolution.",
                ]
            ),
        )
        meets = laws.general_assembly or self.plan.governance.general_assembly
        self.add(
            Paragraph(meets) if meets else open_point("how often the general assembly meets.")
        )
        if laws.notice_days is not None:
            self.add(
                Paragraph(
                    f"The board calls it in writing at least {laws.notice_days} days ahead, with the agenda."
                )
            )
        elif not laws.general_assembly:  # the group's own words on how it is called
            self.add(open_point("how many days ahead members are called, in writing and with the agenda."))
        if laws.quorum_percent is not None:
            self.add(
                Paragraph(
                    f"It can take decisions when at least {share_in_words(laws.quorum_percent)} "
                    "of the members are present."
                )
            )
        else:
            self.add(open_point("the quorum: how many members must be present to take decisions."))
        if laws.majority_percent is not None:
            self.add(
                Paragraph(
                    f"Its decisions need {votes(laws.majority_percent)}, unless these bylaws ask for more."
                )
            )
        else:
            self.add(open_point("the majority needed for ordinary decisions."))

    def board(self) -> None:
        """The board and day-to-day management."""
        laws, governance = self.laws, self.plan.governance
        self.article("Board")
        size, term = laws.board_size, laws.board_term_years
        if size and term:
            years = "year" if term == 1 else "years"
            self.add(
                Paragraph(
                    f"The general assembly elects a board of {size} members for {term} {years}, "
                    "from among the members. Board members may be elected again."
                )
            )
        elif governance.board:
            self.add(Paragraph(governance.board))
        else:
            self.add(open_point("how many people sit on the board and for how long."))
        self.add(
            Paragraph(
                f"The board runs the {self.body} between general assemblies, admits members, "
                "and reports to every general assembly."
            )
        )
        if governance.management:
            self.add(Paragraph(f"Day-to-day management: {governance.management}"))

    def supervision(self) -> None:
        """The supervisory (audit) committee and other committees."""
        self.article("Supervisory committee")
        self.add(
            Paragraph(
                "The general assembly elects a supervisory committee of members who are not on the board. "
                "It checks the books, the cash and the board's decisions, and reports to the general "
                "assembly every year. Where the law asks for it, an outside auditor also checks the accounts."
            )
        )
        others = [
            c
            for c in self.plan.governance.committees
            if "supervis" not in c.lower() and "audit" not in c.lower()
        ]
        if others:
            self.add(Paragraph("The " + self.body + " also has these committees:"), Bullets(others))

    def books(self) -> None:
        """Books, records and annual accounts."""
        self.article("Books, records and annual accounts")
        self.add(
            Paragraph(
                "The board keeps a register of members and their shares, the minutes of every general "
                "assembly and board meeting, and the books of account. Every member may see the register, "
                "the minutes of the general assembly and the annual accounts."
            )
        )
        self.add(
            Paragraph(
                "After each financial year the board prepares the annual accounts; the supervisory "
                "committee checks them, and the general assembly approves them."
            )
        )
