"""The deadlines of one complaint, computed from its facts only. Pure functions, no wording.

A deadline is computed when the facts it needs are known; a fact left out gives no
deadline (never a guess), and `missing_facts()` tells which fact would allow which
deadline. Each date is the rule's period (`knowledge/rules.py`) applied to the fact it
starts from (`knowledge/periods.py` has the calendar arithmetic). A deadline's notes
are ids with their dates; `texts/deadlines.py` words them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from amazon_reclamation.domain import contacts
from amazon_reclamation.domain.deadline_data import Deadline as Deadline
from amazon_reclamation.domain.deadline_data import MissingFact as MissingFact
from amazon_reclamation.domain.deadline_data import Note as Note
from amazon_reclamation.domain.deadline_data import NoteId as NoteId
from amazon_reclamation.knowledge.applicable import rule_for
from amazon_reclamation.knowledge.categories import CATEGORY_TABLE, in_scope
from amazon_reclamation.knowledge.periods import day_off
from amazon_reclamation.knowledge.rules import (
    ATOZ_PARCEL_WAIT,
    ATOZ_WAIT,
    GUARANTEE_REFORM,
    RULES,
    period_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from amazon_reclamation.knowledge.categories import FactRow
    from amazon_reclamation.knowledge.periods import Fact
    from amazon_reclamation.models import Complaint, Contact


class _Missing(NamedTuple):
    fact: Fact
    rule_id: str


_Result = Deadline | _Missing | None


def _deadline(c: Complaint, rule_id: str, start: dt.date, today: dt.date, *notes: Note) -> Deadline:
    rule = rule_for(rule_id, c)
    assert rule.period is not None  # every deadline rule has a period
    day = rule.period.after(start)
    return Deadline(rule_id, rule, day, (day - today).days, notes)


def asks(complaint: Complaint, fact: FactRow) -> bool:
    """True when the complaint's category asks this fact: only then is it said missing."""
    return fact in CATEGORY_TABLE[complaint.category].facts


def unknown_debit(complaint: Complaint) -> bool:
    """A debit the user does not recognise (a billing problem the category asks)."""
    facts = complaint.facts
    return asks(complaint, "billing_problem") and facts.billing_problem == "unknown_charge"


def undelivered(complaint: Complaint) -> bool:
    """A late or lost parcel that has not arrived (a late one that did is another letter)."""
    return CATEGORY_TABLE[complaint.category].parcel and complaint.delivery_date is None


def _seen_at_delivery(complaint: Complaint) -> bool:
    """A defect seen when the article arrived: a wrong article, or damage on arrival."""
    spec = CATEGORY_TABLE[complaint.category]
    if not spec.defect:
        return False
    if asks(complaint, "damage_timing"):
        return complaint.facts.damage_timing == "on_arrival"
    return True


def _first_contact(complaint: Complaint) -> Contact | None:
    entries = [c for c in contacts.effective(complaint.contacts) if c.channel != "other"]
    return entries[0] if entries else None


def withdrawal_end(complaint: Complaint) -> dt.date | None:
    """The last day of the 14-day withdrawal period, or None without a delivery date."""
    if complaint.delivery_date is None:
        return None
    return period_of("withdrawal").after(complaint.delivery_date)


def returned_after_withdrawal(complaint: Complaint) -> bool:
    """True when the article was sent back after the withdrawal period had ended.

    Such a return is not a legal withdrawal (unless the withdrawal was announced in
    time, which the facts do not say): it rests on Amazon's or the seller's own policy.
    """
    end = withdrawal_end(complaint)
    returned = complaint.facts.returned_date
    return (
        complaint.facts.return_kind == "returned"
        and end is not None
        and returned is not None
        and returned > end
    )


def delivery_due(complaint: Complaint) -> dt.date:
    """When delivery is due: the announced (latest) date, else 30 days after the order."""
    if complaint.expected_delivery_date is not None:
        return complaint.expected_delivery_date
    return legal_delivery_date(complaint)


def legal_delivery_date(complaint: Complaint) -> dt.date:
    """The legal limit: 30 days after the order, whatever Amazon estimated (art. VI.43 CDE)."""
    # An order is needed for a delivery; a charge without one counts from the day it was
    # recorded (never reached: delivery rules do not concern billing).
    return period_of("delivery").after(complaint.order_date or complaint.created_at.date())


def late_delivery_date(complaint: Complaint) -> dt.date | None:
    """When the parcel of a "late" complaint finally arrived, or None (not arrived, or
    another category: a parcel not received that turns up is not a late delivery)."""
    return complaint.delivery_date if complaint.category == "late" else None


def late_delivered(complaint: Complaint) -> bool:
    """A parcel that finally arrived, late."""
    return late_delivery_date(complaint) is not None


def delivered_in_legal_period(complaint: Complaint) -> bool:
    """True for a "late" complaint whose parcel arrived within 30 days of the order."""
    delivered = late_delivery_date(complaint)
    return delivered is not None and delivered <= legal_delivery_date(complaint)


def awaiting_delivery(complaint: Complaint, today: dt.date) -> dt.date | None:
    """The due date of a parcel that is not late yet, or None.

    Only for a late or lost parcel (category `late` or `not_received`) that has not
    arrived and is not marked delivered: until its due date has passed, the trader is
    not late and a formal notice would be premature.
    """
    if not CATEGORY_TABLE[complaint.category].parcel:
        return None
    if complaint.delivery_date is not None or complaint.facts.marked_delivered:
        return None
    due = delivery_due(complaint)
    return due if due >= today else None


def delivered_on_time(complaint: Complaint) -> bool:
    """True for a "late" complaint whose parcel arrived by its announced date."""
    delivered = late_delivery_date(complaint)
    announced = complaint.expected_delivery_date
    return delivered is not None and announced is not None and delivered <= announced


def guarantee_end(complaint: Complaint) -> dt.date | None:
    """The last day of the 2-year legal guarantee, or None without a delivery date."""
    if complaint.delivery_date is None:
        return None
    return period_of("legal_guarantee").after(complaint.delivery_date)


def guarantee_expired(complaint: Complaint, today: dt.date) -> bool:
    """True when a defect complaint can no longer rest on the legal guarantee.

    The guarantee covers a defect that appears within 2 years of delivery: it has
    expired once that period is over, unless the defect is known to have been
    discovered before its end.
    """
    if not CATEGORY_TABLE[complaint.category].defect:
        return False
    end = guarantee_end(complaint)
    if end is None or end >= today:
        return False
    discovered = complaint.facts.defect_discovered_date
    return discovered is None or discovered > end


def seller_messages(complaint: Complaint) -> list[Contact]:
    """Effective contacts that wrote to the seller (step `contact_seller`), oldest first."""
    entries = contacts.effective(complaint.contacts)
    return [c for c in entries if contacts.step_of(c) == "contact_seller"]


def atoz_opens(complaint: Complaint) -> dt.date | None:
    """From when an A-to-z claim may be filed, or None while the seller was not contacted.

    Amazon asks to contact the seller and wait 2 business days (Belgian holidays
    skipped); for a parcel not received, also 3 days after the latest estimated date.
    """
    messages = seller_messages(complaint)
    if not messages:
        return None
    opens = ATOZ_WAIT.after(messages[0].at.date())
    # A parcel marked delivered is not awaited (as in `awaiting_delivery`).
    spec = CATEGORY_TABLE[complaint.category]
    waits_for_parcel = spec.parcel and not complaint.facts.marked_delivered
    if waits_for_parcel and complaint.expected_delivery_date is not None:
        parcel = ATOZ_PARCEL_WAIT.after(complaint.expected_delivery_date)
        opens = max(opens, parcel)
    return opens


def _withdrawal(c: Complaint, today: dt.date) -> _Result:
    if not in_scope(c.category, "withdrawal"):
        return None
    if c.delivery_date is None:
        # A billing problem with no delivery (a debit, a fee) has no withdrawal to count.
        return None if c.category == "billing" else _Missing("delivery", "withdrawal")
    note = Note("withdrawal_counted", c.delivery_date)
    returned = c.facts.returned_date
    if c.facts.return_kind == "returned" and returned and not returned_after_withdrawal(c):
        # Sent back in time: the right was used; its end is no longer an alarm.
        note = Note("withdrawal_exercised", returned)
    return _deadline(c, "withdrawal", c.delivery_date, today, note)


def _refund_after_withdrawal(c: Complaint, today: dt.date) -> _Result:
    facts = c.facts
    if facts.returned_date is None:
        asked = asks(c, "returned_date")
        return _Missing("return", "refund_after_withdrawal") if asked else None
    if returned_after_withdrawal(c):
        # Not a legal withdrawal: the refund rests on the return policy (see escalation).
        return None
    notes: tuple[Note, ...]
    if facts.return_kind == "cancelled":
        # Domain research gives the 14 days for a withdrawal only (CRD art. 13, VI.50 CDE):
        # applied to a cancellation by analogy, and said so.
        notes = (Note("refund_by_analogy", facts.returned_date),)
    elif c.delivery_date is None:
        notes = (
            Note("refund_only_if_in_time"),
            Note("refund_from_return", facts.returned_date),
        )
    else:
        notes = (Note("refund_from_return", facts.returned_date),)
    return _deadline(c, "refund_after_withdrawal", facts.returned_date, today, *notes)


def presumption(complaint: Complaint) -> NoteId:
    """Which presumption applies, from the date the contract was concluded."""
    if complaint.order_date is None or complaint.order_date >= GUARANTEE_REFORM:
        return "presumption_since_reform"
    return "presumption_before_reform"


def _legal_guarantee(c: Complaint, today: dt.date) -> _Result:
    if not in_scope(c.category, "legal_guarantee"):
        return None
    if c.delivery_date is None:
        return _Missing("delivery", "legal_guarantee")
    notes = (Note(presumption(c)), Note("notify_within_notice_period"))
    return _deadline(c, "legal_guarantee", c.delivery_date, today, *notes)


def _defect_notice(c: Complaint, today: dt.date) -> _Result:
    if not in_scope(c.category, "defect_notice"):
        return None
    facts = c.facts
    if facts.defect_discovered_date is not None:
        start = facts.defect_discovered_date
        counted = Note("notice_from_discovery", start)
    elif _seen_at_delivery(c):
        if c.delivery_date is None:
            return _Missing("delivery", "defect_notice")
        start = c.delivery_date
        # A wrong or damaged item shows at delivery: counting from then can only be earlier
        # than the true discovery, never later.
        counted = Note("notice_from_delivery", start)
    elif asks(c, "defect_discovered_date"):
        return _Missing("discovery", "defect_notice")
    else:
        return None
    first = _first_contact(c)
    proof = Note("first_contact", first.at.date()) if first else Note("notify_in_writing")
    return _deadline(c, "defect_notice", start, today, counted, proof)


def _delivery(c: Complaint, today: dt.date) -> _Result:
    # The deadline is the legal one (30 days after the order); Amazon's estimated date is
    # not the legal date (art. VI.43 CDE: "sauf autre date convenue"), only said in the note.
    if not in_scope(c.category, "delivery") or c.order_date is None:
        return None
    notes = [Note("delivery_legal_period", c.order_date)]
    if c.expected_delivery_date is not None:
        notes.append(Note("announced_date", c.expected_delivery_date))
    else:
        notes.append(Note("announced_date_unknown"))
    if c.delivery_date is not None:
        notes.append(Note("delivered_on", c.delivery_date))
    else:
        notes.append(Note("delivery_after_period"))
    deadline = _deadline(c, "delivery", c.order_date, today, *notes)
    # A date announced beyond the 30 days is the one the plan, the letter and `due` wait
    # for (`delivery_due`): the row shows it too, so that no screen calls the delivery
    # late while another says to wait. The notes still give the legal 30 days.
    due = delivery_due(c)
    if due > deadline.date:
        return deadline._replace(date=due, days_left=(due - today).days)
    return deadline


def _atoz_claim(c: Complaint, today: dt.date) -> _Result:
    if not in_scope(c.category, "atoz_claim") or c.seller.kind == "amazon":
        return None
    if c.seller.kind is None:
        return _Missing("seller", "atoz_claim")
    base = c.expected_delivery_date or c.delivery_date
    if base is None:
        return _Missing("latest_delivery", "atoz_claim")
    notes = [Note("amazon_rule_checked_elsewhere")]
    if c.expected_delivery_date is None:
        # The delivery date is the nearest fact we have; a late parcel makes the real limit
        # earlier, which the note says.
        notes.append(Note("atoz_counted_from_delivery"))
    opens = atoz_opens(c)
    messages = seller_messages(c)
    if opens is not None:
        # The wait may end after the window itself: never "possible from" a closed window
        # (`Deadline.closed`), nor a word of a chargeback that would exclude it.
        end = _deadline(c, "atoz_claim", base, today).date
        if opens > end:
            late = Note("atoz_opens_after_end", messages[0].at.date(), opens)
            return _deadline(c, "atoz_claim", base, today, *notes, late)
        notes.append(Note("atoz_opens", messages[0].at.date(), opens))
    else:
        notes.append(Note("atoz_write_first"))
    notes.append(Note("atoz_no_chargeback"))
    return _deadline(c, "atoz_claim", base, today, *notes)


def _sepa_refund(c: Complaint, today: dt.date) -> _Result:
    facts = c.facts
    if facts.payment_method is None:
        # Missing only where a debit is the problem: a parcel paid by card needs no SEPA date.
        return _Missing("payment", "sepa_refund") if CATEGORY_TABLE[c.category].charge else None
    if facts.payment_method != "sepa_direct_debit":
        return None
    if facts.charge_date is None:
        return _Missing("charge", "sepa_refund")
    deadline = _deadline(c, "sepa_refund", facts.charge_date, today, Note("sepa_ask_bank"))
    why = day_off(deadline.date)
    if why is None:
        return deadline
    # Not extended (domain.md says nothing of it): the user is told to act before.
    closed: NoteId = (
        "sepa_ends_saturday"
        if why == "saturday"
        else "sepa_ends_sunday"
        if why == "sunday"
        else "sepa_ends_holiday"
    )
    return deadline._replace(notes=(*deadline.notes, Note(closed, deadline.date)))


def _unauthorised_payment(c: Complaint, today: dt.date) -> _Result:
    facts = c.facts
    if facts.billing_problem is None:
        asked = asks(c, "billing_problem")
        return _Missing("billing", "unauthorised_payment") if asked else None
    if facts.billing_problem != "unknown_charge":
        return None
    if facts.charge_date is None:
        return _Missing("charge", "unauthorised_payment")
    notes = [Note("unauthorised_no_delay")]
    if facts.payment_method not in ("sepa_direct_debit", "other"):
        # Card Stop blocks cards; it has nothing to do with a direct debit.
        notes.append(Note("card_stop"))
    return _deadline(c, "unauthorised_payment", facts.charge_date, today, *notes)


def _seller_feedback(c: Complaint, today: dt.date) -> _Result:
    if c.seller.kind == "amazon" or c.order_date is None:  # no order, no seller to rate
        return None
    if c.seller.kind is None:
        return _Missing("seller", "seller_feedback")
    return _deadline(c, "seller_feedback", c.order_date, today, Note("feedback_amazon_com"))


_CALCULATORS: tuple[Callable[[Complaint, dt.date], _Result], ...] = (
    _withdrawal,
    _refund_after_withdrawal,
    _legal_guarantee,
    _defect_notice,
    _delivery,
    _atoz_claim,
    _sepa_refund,
    _unauthorised_payment,
    _seller_feedback,
)

_ORDER = {rule.id: index for index, rule in enumerate(RULES)}


def _results(complaint: Complaint, today: dt.date) -> list[Deadline | _Missing]:
    return [r for calc in _CALCULATORS if (r := calc(complaint, today)) is not None]


def compute_deadlines(complaint: Complaint, today: dt.date) -> list[Deadline]:
    """The deadlines the complaint's facts allow, nearest date first."""
    found = [r for r in _results(complaint, today) if isinstance(r, Deadline)]
    return sorted(found, key=lambda d: (d.date, _ORDER[d.id]))


def missing_facts(complaint: Complaint) -> list[MissingFact]:
    """Each missing fact, in the order first met, with the deadlines it would allow."""
    today = dt.date.min  # the dates are irrelevant here: only what is missing counts
    by_fact: dict[Fact, list[str]] = {}
    for result in _results(complaint, today):
        if isinstance(result, _Missing):
            rule_ids = by_fact.setdefault(result.fact, [])
            if result.rule_id not in rule_ids:
                rule_ids.append(result.rule_id)
    return [MissingFact(fact, tuple(rule_ids)) for fact, rule_ids in by_fact.items()]
