"""The formal notice (mise en demeure) for a complaint, decided as a plan.

`plan_letter()` returns a `LetterPlan` (see `letter_plan.py`): what the letter cites
for the category, the facts, the contacts already made (with broken promises), the
remedy demanded and the deadline; the out-of-court bodies the routing of
`escalation.py` opens; and a short note for the user (how to send it, what to check
and fill in), which is not part of the letter. `texts/letters.py` words the plan.

No letter is planned when it would be premature or groundless (`LetterRefused`, a
`ReclamError`, exit code 1): a parcel whose delivery date has not passed yet, a "late"
parcel that arrived by its announced date or within the legal 30 days of the order,
or a defect whose legal guarantee has ended.

A "late" parcel that arrived more than 30 days after the order gets no formal notice
either: once the item is delivered, the delivery rules (art. VI.43 CDE, CRD art. 18,
see `docs/rules.md`) give no right to terminate or to be compensated. The letter is
then a courteous request "à titre commercial", without threat of proceedings (a
design choice: the user keeps a letter to send, and nothing in it overstates the law).

The letter's deadline is moved to the next Belgian working day when it falls on a
Saturday, a Sunday or a public holiday; the note says so.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.domain import contacts
from amazon_reclamation.domain.deadlines import (
    awaiting_delivery,
    compute_deadlines,
    delivered_in_legal_period,
    delivered_on_time,
    delivery_due,
    guarantee_end,
    guarantee_expired,
    late_delivered,
    returned_after_withdrawal,
    undelivered,
    unknown_debit,
    withdrawal_end,
)
from amazon_reclamation.domain.letter_paragraphs import (
    addressee_id,
    demand_paragraph,
    made_with,
    otherwise_paragraph,
    problem_paragraphs,
    right_paragraph,
    sepa_deadline,
    unknown_debit_part,
)
from amazon_reclamation.domain.letter_plan import (
    AMAZON_EU_ADDRESS,
    Addressee,
    ContactLine,
    LetterPlan,
    LetterRefused,
    Paragraph,
    Part,
    part,
)
from amazon_reclamation.knowledge.categories import CATEGORY_TABLE, in_scope
from amazon_reclamation.knowledge.periods import day_off, next_business_day
from amazon_reclamation.knowledge.rules import period_of

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint, Contact

__all__ = [
    "AMAZON_EU_ADDRESS",
    "LetterPlan",
    "LetterRefused",
    "check_letter_possible",
    "letter_deadline",
    "plan_letter",
]


# The remedy the law puts before a refund, and the note that says so (domain.md §2.3, §3.2).
_LEGAL_ORDER_FIRST = {
    "delivery": "refund_after_additional_period",
    "repair_or_replacement": "refund_after_repair",
}


def _user_notes(
    complaint: Complaint, today: dt.date, deadline: dt.date, asked: dt.date, remedy: str
) -> list[Part]:
    """What the user must do and check; `asked` is the deadline before a weekend move."""
    c = complaint
    notes: list[Part] = []
    if late_delivered(c):
        notes.append(part("late_delivered_commercial"))
    if c.desired_resolution == "refund" and remedy in _LEGAL_ORDER_FIRST:
        # The letter asks what the law allows first: say why it is not the refund asked for.
        notes.append(part(_LEGAL_ORDER_FIRST[remedy]))
    notes += [part("send_registered"), part("fill_brackets")]
    kind = c.seller.kind
    if kind == "amazon":
        # A debit without an order has no invoice to check the seller on.
        notes.append(
            part("check_amazon_address" if c.order_number else "check_amazon_address_only")
        )
    elif kind == "marketplace":
        notes.append(part("complete_seller_address"))
    elif c.order_number is None:
        notes.append(part("check_payee"))  # a debit without an order has no invoice
    else:
        notes.append(part("check_invoice_seller"))
    if undelivered(c) and c.expected_delivery_date is None:
        notes.append(part("no_announced_date", period=period_of("delivery")))
    end = withdrawal_end(c)
    if late_delivered(c) and end is not None and end >= today:
        notes.append(part("withdrawal_open", date=c.delivery_date, end=end))
    elif end is not None and end >= today and in_scope(c.category, "withdrawal"):
        # While it runs, withdrawing is the simpler route to a refund; a letter's deadline
        # that ends later must not let it pass unnoticed.
        notes.append(part("withdrawal_simpler", date=c.delivery_date, end=end))
        if deadline > end:
            notes.append(part("withdrawal_ends_first", end=end, deadline=deadline))
    if c.category == "refund" and c.facts.return_kind == "cancelled":
        notes.append(part("cancelled_by_analogy", period=period_of("refund_after_withdrawal")))
    if c.category == "refund" and returned_after_withdrawal(c):
        notes.append(
            part(
                "returned_after_withdrawal",
                returned=c.facts.returned_date,
                end=end,
                period=period_of("refund_after_withdrawal"),
            )
        )
    elif (
        c.category == "refund"
        and c.facts.return_kind == "returned"
        and c.facts.returned_date is not None
        and c.delivery_date is None
    ):
        notes.append(part("refund_needs_withdrawal_in_time", period=period_of("withdrawal")))
    unknown_charge = unknown_debit(c)
    sepa_end = sepa_deadline(c)
    # A contested direct debit (unknown, wrong, a fee) while its 8 weeks run: the bank
    # first, as `escalate` says (`Reading.sepa_first`).
    contested = unknown_charge or c.category == "billing"
    if contested and sepa_end is not None and sepa_end >= today:
        debit_part = unknown_debit_part(c)
        if unknown_charge:
            owed = debit_part[1] if debit_part is not None else None
        else:
            owed = c.facts.amount_expected
        notes.append(
            part(
                "sepa_refund_now",
                date=sepa_end,
                period=period_of("sepa_refund"),
                order_amount=owed,
            )
        )
        if (closed := day_off(sepa_end)) is not None:
            notes.append(part("sepa_refund_day_off", date=sepa_end, why=closed))
    if unknown_charge:
        period = period_of("unauthorised_payment")
        lapsed = next(
            (
                d.date
                for d in compute_deadlines(c, today)
                if d.id == "unauthorised_payment" and d.passed
            ),
            None,
        )
        if lapsed is not None:
            # No live "13 months" advice once they are over: say that the right lapsed.
            notes.append(part("bank_correction_lapsed", date=lapsed, period=period))
        else:
            notes.append(part("report_to_bank", period=period))
    if deadline != asked:
        notes.append(part("deadline_moved", asked=asked, why=day_off(asked)))
    notes.append(part("deadline_left", n=(deadline - today).days, date=deadline))
    return notes


def _addressee(complaint: Complaint) -> Addressee:
    seller = complaint.seller
    kind = addressee_id(complaint)
    if kind == "amazon_eu":
        return Addressee(kind, AMAZON_EU_ADDRESS)
    if kind == "marketplace":
        return Addressee(kind, (seller.name,) if seller.name else ())
    return Addressee(kind)


def _facts_paragraph(complaint: Complaint) -> Paragraph:
    c = complaint
    variant = (
        "facts.order" + ("_item" if c.item else "") + ("_amount" if c.amount is not None else "")
    )
    if c.order_number is None:  # a charge that matches no order: no "j'ai passé la commande"
        variant = "facts.no_order"
    parts = [part(variant, date=c.order_date, order=c.order_number, item=c.item, amount=c.amount)]
    # A defect or a parcel already gives the delivery date in the problem.
    spec = CATEGORY_TABLE[c.category]
    if c.delivery_date is not None and not (spec.defect or spec.parcel):
        parts.append(part("facts.delivered", date=c.delivery_date))
    return Paragraph("facts", tuple(parts))


def _contact_line(contact: Contact, entries: list[Contact], today: dt.date) -> ContactLine:
    state: Literal["broken", "kept"] | None = None
    if contact.outcome == "promise":
        found = contacts.promise_state(contact, entries, today)
        if found != "due":
            state = found
    return ContactLine(
        date=contact.at.date(),
        channel=contact.channel,
        agent=contact.agent or None,
        reference=contact.reference or None,
        outcome=contact.outcome,
        summary=contact.summary or None,
        promise=contact.promise or None,
        follow_up=contact.follow_up,
        promise_state=state,
    )


def _enclosures(complaint: Complaint) -> tuple[str, ...]:
    items = ["order_confirmation"] if complaint.order_number else []
    if complaint.facts.photos_taken:
        items.append("photos")
    # The evidence the category asks to gather goes with the letter.
    evidence = CATEGORY_TABLE[complaint.category].evidence
    if "return_proof" in evidence and complaint.facts.return_kind != "cancelled":
        items.append("return_proof")
    if "statement_line" in evidence:
        items.append("bank_statement")
    if complaint.contacts:
        items.append("exchanges")
    return tuple(items)


def check_letter_possible(
    complaint: Complaint, today: dt.date, *, despite_resolved: bool = False
) -> None:
    """Raise `LetterRefused` when a letter would be premature, groundless or contradict
    the record (a closed complaint; a last contact that says the problem is resolved,
    unless `despite_resolved`: the user knows it came back)."""
    if complaint.status != "open":
        raise LetterRefused("complaint_closed", id=complaint.id, status=complaint.status)
    entries = contacts.effective(complaint.contacts)
    if entries and entries[-1].outcome == "resolved" and not despite_resolved:
        last = entries[-1]
        raise LetterRefused("last_contact_resolved", n=last.id, date=last.at.date())
    due = awaiting_delivery(complaint, today)
    if due is not None:
        if complaint.expected_delivery_date is not None:
            raise LetterRefused("announced_date_not_passed", date=due)
        raise LetterRefused("legal_delivery_not_passed", date=due, period=period_of("delivery"))
    c = complaint
    if delivered_in_legal_period(c) and not delivered_on_time(c):
        raise LetterRefused(
            "delivered_in_legal_period",
            date=c.delivery_date,
            period=period_of("delivery"),
        )
    if delivered_on_time(c):
        raise LetterRefused("delivered_on_time", date=c.delivery_date, due=c.expected_delivery_date)
    if guarantee_expired(complaint, today):
        raise LetterRefused(
            "guarantee_ended",
            date=guarantee_end(complaint),
            period=period_of("legal_guarantee"),
        )


def letter_deadline(complaint: Complaint, today: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """(the deadline, the date asked before a move to a working day).

    `days` after today; for a parcel, never before `days` after its due date; moved to
    the next Belgian working day when it falls on a weekend or a public holiday.
    """
    asked = today + dt.timedelta(days=days)
    if undelivered(complaint):
        # The additional period for delivery runs from the day the trader is late.
        asked = max(asked, delivery_due(complaint) + dt.timedelta(days=days))
    return next_business_day(asked), asked


def plan_letter(
    complaint: Complaint, today: dt.date, *, days: int = 15, despite_resolved: bool = False
) -> LetterPlan:
    """The letter for this complaint, as a plan to word.

    Raises `LetterRefused` when a letter would be premature (the delivery date has not
    passed) or groundless (the legal guarantee has ended).
    """
    check_letter_possible(complaint, today, despite_resolved=despite_resolved)
    deadline, asked = letter_deadline(complaint, today, days)
    courteous = late_delivered(complaint)
    c = complaint

    paragraphs = [_facts_paragraph(c), *problem_paragraphs(c, today)]
    if c.description:
        paragraphs.append(Paragraph("description", (part("description", text=c.description),)))
    entries = contacts.effective(c.contacts)
    addressee = _addressee(c)
    lines = tuple(_contact_line(e, entries, today) for e in entries if made_with(e, addressee.id))
    others = tuple(
        _contact_line(e, entries, today) for e in entries if not made_with(e, addressee.id)
    )
    if lines:
        paragraphs.append(Paragraph("contacts", (part("contacts.intro"),)))
    if others:
        # To a marketplace seller, the others were with Amazon; to Amazon, with the seller.
        other = "amazon" if addressee.id == "marketplace" else "seller"
        intro = f"other_contacts.intro.{other}" + (".also" if lines else "")
        paragraphs.append(Paragraph("other_contacts", (part(intro),)))
    if lines or others:
        # Each line already says its result (no answer, refusal, broken promise): no recount.
        paragraphs.append(Paragraph("contacts_conclusion", (part("contacts.unresolved"),)))
    demand, remedy = demand_paragraph(c, today, deadline)
    if courteous:
        # No legal claim left once delivered: the request alone, and no threat.
        paragraphs.append(demand)
    else:
        paragraphs += [
            right_paragraph(c, today),
            demand,
            otherwise_paragraph(c, today, deadline),
        ]
    return LetterPlan(
        kind="commercial_request" if courteous else "formal_notice",
        date=today,
        order_number=c.order_number,
        order_date=c.order_date,
        customer_name=c.customer_name or None,
        addressee=addressee,
        paragraphs=tuple(paragraphs),
        contacts=lines,
        other_contacts=others,
        remedy=remedy,
        deadline=deadline,
        asked=asked,
        enclosures=_enclosures(c),
        notes=tuple(_user_notes(c, today, deadline, asked, remedy)),
    )
