"""What a deadline is, as data: its rule, date and notes (ids with dates), and a missing
fact. `domain/deadlines.py` computes them; `texts/deadlines.py` words the notes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, NamedTuple

from amazon_reclamation.knowledge.rules import ATOZ_WAIT

if TYPE_CHECKING:
    from amazon_reclamation.knowledge.periods import Fact
    from amazon_reclamation.knowledge.rules import Kind, Rule

NoteId = Literal[
    "withdrawal_counted",  # date: delivery
    "withdrawal_was_counted",  # date: delivery (the period is over)
    "withdrawal_exercised",  # date: return (within the period)
    "refund_by_analogy",  # date: cancellation
    "refund_only_if_in_time",
    "refund_from_return",  # date: return
    "presumption_since_reform",
    "presumption_before_reform",
    "notify_within_notice_period",
    "notice_from_discovery",  # date: discovery
    "notice_from_delivery",  # date: delivery
    "first_contact",  # date: first contact
    "notify_in_writing",
    "delivery_legal_period",  # date: order
    "announced_date",  # date: the announced (estimated) delivery date
    "announced_date_unknown",
    "delivered_on",  # date: delivery
    "delivery_after_period",
    "amazon_rule_checked_elsewhere",
    "atoz_counted_from_delivery",
    "atoz_opens",  # date: first message to the seller, opens: first day of a claim
    "atoz_opens_after_end",  # the same, when that first day comes after the last one
    "atoz_write_first",
    "atoz_no_chargeback",
    "sepa_ask_bank",
    "sepa_ends_saturday",  # date: the last day of the refund right, not a working day
    "sepa_ends_sunday",
    "sepa_ends_holiday",
    "unauthorised_no_delay",
    "card_stop",
    "feedback_amazon_com",
    "feedback_amazon_com_rule",  # the same rule, without the advice (the period is over)
]


class Note(NamedTuple):
    """One thing to know about a deadline: an id and the dates it speaks of."""

    id: NoteId
    date: dt.date | None = None
    opens: dt.date | None = None


# Notes that say how to use a window while it is open: once its date has passed, each is
# left out (None) or said as what it was, so that nothing expired reads as a step to take.
_ONCE_PASSED: dict[NoteId, NoteId | None] = {
    "withdrawal_counted": "withdrawal_was_counted",
    "atoz_opens": None,
    "atoz_opens_after_end": None,
    "atoz_write_first": None,
    "atoz_no_chargeback": None,
    "sepa_ask_bank": None,
    "sepa_ends_saturday": None,
    "sepa_ends_sunday": None,
    "sepa_ends_holiday": None,
    "unauthorised_no_delay": None,
    "feedback_amazon_com": "feedback_amazon_com_rule",
}


class Deadline(NamedTuple):
    """One deadline of a complaint: its rule, its date and what to know about it."""

    id: str
    rule: Rule
    date: dt.date
    days_left: int  # negative once the date has passed
    notes: tuple[Note, ...]

    @property
    def kind(self) -> Kind:
        """ "law" or "amazon_policy"."""
        return self.rule.kind

    @property
    def source(self) -> str:
        """The main source address of the rule."""
        return self.rule.source

    @property
    def passed(self) -> bool:
        """True once the date is behind us (the day itself still counts)."""
        return self.days_left < 0

    @property
    def closed(self) -> bool:
        """Passed, or an A-to-z claim that can no longer be made in time: the wait after the
        message to the seller ends after the date, or, the seller not written to yet, the
        2 business days after a message written today would."""
        if self.passed or any(n.id == "atoz_opens_after_end" for n in self.notes):
            return True
        if not any(n.id == "atoz_write_first" for n in self.notes):
            return False
        today = self.date - dt.timedelta(days=self.days_left)
        return ATOZ_WAIT.after(today) > self.date

    @property
    def current_notes(self) -> tuple[Note, ...]:
        """The notes that hold today: once the window is closed, no advice on using it."""
        if not self.closed:
            return self.notes
        kept = []
        for note in self.notes:
            if note.id not in _ONCE_PASSED:
                kept.append(note)
            elif (after := _ONCE_PASSED[note.id]) is not None:
                kept.append(Note(after, note.date, note.opens))
        return tuple(kept)

    @property
    def alarm(self) -> bool:
        """False when there is nothing to act on before the date: a right already used in
        time (a withdrawal sent back), or a window closed before its date (an A-to-z claim
        that can no longer be made in time)."""
        return self.exercised_on is None and (self.passed or not self.closed)

    @property
    def exercised_on(self) -> dt.date | None:
        """The day the right was used in time (a withdrawal sent back), else None."""
        return next((n.date for n in self.notes if n.id == "withdrawal_exercised"), None)


class MissingFact(NamedTuple):
    """A fact not given, and the deadlines (rule ids, in rule order) it would allow."""

    fact: Fact
    rule_ids: tuple[str, ...]
