"""The paragraphs of a letter that depend on the category: problem, right, demand, otherwise.

Each function returns a `Paragraph` of part ids with their values (see
`letter_plan.py`); `texts/letters.py` words them. The demand also returns the id of
the remedy it demands.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from amazon_reclamation.domain import contacts, escalation
from amazon_reclamation.domain.deadlines import (
    compute_deadlines,
    guarantee_end,
    late_delivered,
    legal_delivery_date,
    returned_after_withdrawal,
    undelivered,
    unknown_debit,
)
from amazon_reclamation.domain.letter_plan import AddresseeId, Paragraph, Part, part
from amazon_reclamation.knowledge.categories import CATEGORY_TABLE
from amazon_reclamation.knowledge.rules import GUARANTEE_REFORM, period_of

if TYPE_CHECKING:
    from decimal import Decimal

    from amazon_reclamation.models import Complaint, Contact


# The steps performed with a marketplace seller: its messages, and A-to-z (Amazon's
# guarantee for the seller's order). Every other step was a contact with Amazon.
_WITH_THE_SELLER = ("contact_seller", "atoz_claim")


def made_with(contact: Contact, addressee: AddresseeId) -> bool:
    """Whether this contact was made with the letter's addressee ("je vous ai signalé")."""
    step = contacts.step_of(contact)
    if addressee == "marketplace":
        return step in _WITH_THE_SELLER
    if addressee == "amazon_eu":
        return step != "contact_seller"
    return True  # the seller on the invoice: who was reached cannot be told apart


def addressee_id(complaint: Complaint) -> AddresseeId:
    """Who the letter is written to: Amazon EU, the marketplace seller, or the seller on the
    invoice when the user does not know who sold the item."""
    kind = complaint.seller.kind
    if kind == "amazon":
        return "amazon_eu"
    return "marketplace" if kind == "marketplace" else "invoice_seller"


def refusal(complaint: Complaint) -> Contact | None:
    """The last refusal by the letter's addressee, if any ("vous l'avez refusé le …").

    A refusal by Amazon's customer service is not the marketplace seller's: a letter to the
    seller never says the seller refused.
    """
    addressee = addressee_id(complaint)

    def theirs(contact: Contact) -> bool:
        if addressee == "invoice_seller":
            # Who sold the item is not known: only a message to the seller was surely theirs.
            return contacts.step_of(contact) == "contact_seller"
        return made_with(contact, addressee)

    refused = [
        e for e in contacts.effective(complaint.contacts) if e.outcome == "refused" and theirs(e)
    ]
    return refused[-1] if refused else None


def sepa_deadline(complaint: Complaint) -> dt.date | None:
    """The end of the 8-week refund of a direct debit, when the debit date is known."""
    found = [d for d in compute_deadlines(complaint, dt.date.min) if d.id == "sepa_refund"]
    return found[0].date if found else None


def unknown_debit_part(complaint: Complaint) -> tuple[Decimal, Decimal] | None:
    """An unknown debit larger than the order: (amount charged, amount of the order)."""
    facts = complaint.facts
    if not unknown_debit(complaint):
        return None
    charged, expected = facts.amount_charged, facts.amount_expected
    if charged is None or expected is None or expected >= charged:
        return None
    return charged, expected


def _repair_failed(complaint: Complaint, today: dt.date) -> bool:
    """The log shows a refusal or a broken promise: repair or replacement did not happen."""
    entries = contacts.effective(complaint.contacts)
    return any(e.outcome == "refused" for e in entries) or bool(
        contacts.broken_promises(complaint, today)
    )


def _late_due(complaint: Complaint) -> dt.date:
    """When a late parcel was due: the legal 30 days, or a later announced date."""
    legal = legal_delivery_date(complaint)
    announced = complaint.expected_delivery_date
    return max(legal, announced) if announced is not None else legal


def problem_paragraphs(complaint: Complaint, today: dt.date) -> list[Paragraph]:
    """The facts of the problem; what the summary writes, except where a letter needs more."""
    c = complaint
    if late_delivered(c) and c.delivery_date is not None:
        due = _late_due(c)
        late = part(
            "problem.late_delivered", due=due, date=c.delivery_date, n=(c.delivery_date - due).days
        )
        return [Paragraph("problem", (late,))]
    if c.category == "late" and undelivered(c):
        # The announced date is told with the legal rule, in the next paragraph.
        parts = [part("problem.not_received_yet", today=today)]
        if c.facts.tracking_status:
            parts.append(part("problem.tracking", status=c.facts.tracking_status))
        return [Paragraph("problem", tuple(parts))]
    if c.category == "refund" and c.facts.return_kind == "cancelled":
        paid = c.facts.refund_expected or c.amount
        when = c.facts.returned_date
        cancelled = (
            part("problem.cancelled_on", date=when, amount=paid)
            if when is not None
            else part("problem.cancelled", amount=paid)
        )
        return [Paragraph("problem", (cancelled,))]
    debit = unknown_debit_part(c)
    if debit is not None:
        charged_on = c.facts.charge_date
        values = {"charged": debit[0], "expected": debit[1]}
        parts = [
            part("problem.unknown_debit_on", date=charged_on, **values)
            if charged_on
            else part("problem.unknown_debit", **values)
        ]
        method = c.facts.payment_method
        if method is not None and method != "other":
            parts.append(part("problem.paid_by", method=method))
        return [Paragraph("problem", tuple(parts))]
    if c.category != "other":
        # The summary's sentences; the letter's legal paragraph states the announced date.
        return [Paragraph("problem", (part("problem.summary", complaint=c, today=today),))]
    if not c.description:
        return [Paragraph("problem", (part("problem.describe"),))]
    return []


def _guarantee_parts(complaint: Complaint) -> list[Part]:
    c = complaint
    parts = [
        part("right.guarantee", period=period_of("legal_guarantee"))
        if c.order_date is None or c.order_date >= GUARANTEE_REFORM
        else part("right.guarantee_before_reform", reform=GUARANTEE_REFORM)
    ]
    parts.append(part("right.remedies"))
    notice = next((d for d in compute_deadlines(c, dt.date.min) if d.id == "defect_notice"), None)
    # "Je vous ai signalé ce défaut le …": only a contact with the letter's addressee (a call
    # to Amazon's customer service is not a notice to a marketplace seller).
    addressee = addressee_id(c)
    entries = [
        e
        for e in contacts.effective(c.contacts)
        if e.channel != "other" and made_with(e, addressee)
    ]
    if notice is not None and entries and entries[0].at.date() <= notice.date:
        notified = entries[0].at.date()
        parts.append(
            part("right.defect_notified", date=notified, period=period_of("defect_notice"))
        )
    return parts


def _delivery_parts(complaint: Complaint, today: dt.date) -> list[Part]:
    c = complaint
    period = period_of("delivery")
    parts = [part("right.delivery", period=period)]
    legal = legal_delivery_date(c)
    if c.expected_delivery_date is not None:
        # Amazon's estimate is not the legal date: both are told, apart.
        if legal < today:
            parts.append(
                part(
                    "right.announced_and_legal_expired",
                    date=c.expected_delivery_date,
                    period=period,
                    legal=legal,
                )
            )
        else:
            parts.append(part("right.announced", date=c.expected_delivery_date))
    else:
        # No announced date was given: the legal 30 days count from the order (the note
        # asks the user to add the announced date, if there was one). Said as expired only
        # once it is: a lost parcel may be claimed before the 30 days are over.
        parts.append(
            part("right.legal_expired" if legal < today else "right.legal_runs", date=legal)
        )
    parts.append(part("right.risk"))
    return parts


def _refund_parts(complaint: Complaint, today: dt.date) -> list[Part]:
    facts = complaint.facts
    period = period_of("refund_after_withdrawal")
    if returned_after_withdrawal(complaint):
        # Not a legal withdrawal: the refund rests on the return policy, not on art. VI.50.
        # Whether the return was accepted is the user's to say: a bracket to keep or drop.
        return [part("right.return_policy")]
    cancelled = facts.return_kind == "cancelled"
    # Domain research gives the 14 days for a withdrawal only: applied by analogy to a
    # cancellation, and no word of holding the refund back (nothing was sent).
    parts = [part("right.refund_cancelled" if cancelled else "right.refund", period=period)]
    if facts.returned_date is None:
        return parts
    refund_due = period.after(facts.returned_date)
    # The problem paragraph already tells the return; only the count.
    counted = "right.cancel_counted" if cancelled else "right.return_counted"
    tense = "expired" if refund_due < today else "expires"
    parts.append(part(f"{counted}.{tense}", date=refund_due))
    return parts


def _billing_parts(complaint: Complaint) -> list[Part]:
    # Whether the bank was told is the user's to say: a bracketed sentence to keep or drop.
    if complaint.facts.billing_problem == "unknown_charge":
        debit = unknown_debit_part(complaint)
        if debit is not None:
            # The order itself was authorised: only the excess is disputed.
            return [part("right.unknown_debit_excess", amount=debit[1])]
        return [part("right.unknown_debit")]
    facts = complaint.facts
    if facts.billing_problem == "wrong_amount":
        # A double or wrong debit is money not owed, not a fee: the price agreed and the
        # difference, when both amounts are known.
        charged, expected = facts.amount_charged, facts.amount_expected
        if charged is not None and expected is not None and charged > expected:
            return [part("right.not_owed", expected=expected, excess=charged - expected)]
        return [part("right.not_owed_unknown")]
    # The SPF Economie states the first rule without an article number: none is invented.
    # Whether the fee came from a pre-ticked option is the user's to say: a bracket.
    return [part("right.unannounced_fees")]


def other_guarantee(complaint: Complaint, today: dt.date) -> bool:
    """Category "other": the legal guarantee is recalled while it runs."""
    end = guarantee_end(complaint)
    return end is not None and end >= today


def right_paragraph(complaint: Complaint, today: dt.date) -> Paragraph:
    """The right the letter cites for the category."""
    category = complaint.category
    spec = CATEGORY_TABLE[category]
    if spec.defect:
        parts = _guarantee_parts(complaint)
    elif spec.parcel:
        parts = _delivery_parts(complaint, today)
    elif category == "refund":
        parts = _refund_parts(complaint, today)
    elif category == "billing":
        parts = _billing_parts(complaint)
    else:
        parts = [part("right.perform")]
        if other_guarantee(complaint, today):
            parts += _guarantee_parts(complaint)
    return Paragraph("right", tuple(parts))


def _billing_amount(complaint: Complaint) -> Decimal | None:
    facts = complaint.facts
    debit = unknown_debit_part(complaint)
    if debit is not None:
        return debit[0] - debit[1]
    if facts.billing_problem == "unknown_charge":
        return facts.amount_charged
    if facts.amount_charged is not None and facts.amount_expected is not None:
        difference = facts.amount_charged - facts.amount_expected
        return difference if difference > 0 else None
    return None


def _defect_remedy(complaint: Complaint) -> str:
    """What the seller must do first for a defect: the remedy asked, else either."""
    if complaint.desired_resolution in ("replacement", "repair"):
        return complaint.desired_resolution
    return "repair_or_replacement"


def _defect_demand(
    complaint: Complaint, today: dt.date, deadline: dt.date
) -> tuple[list[Part], str] | None:
    """The demand for a defect, in the legal order of remedies (None: the general one)."""
    c = complaint
    partial = c.desired_resolution == "partial_refund"
    refused = refusal(c)
    if refused is not None:
        # Only what the log shows: a refusal, not an earlier request for repair.
        remedy = _defect_remedy(c)
        fallback = "price_reduction" if partial else "refund"
        amount: dict[str, object] = {} if partial else {"amount": c.amount}
        return [
            part("demand.defect_refused", day=refused.at.date()),
            part(f"demand.after_refusal.{remedy}.{fallback}", date=deadline, **amount),
        ], remedy
    if c.desired_resolution not in ("refund", "partial_refund"):
        return None
    if _repair_failed(c, today):
        if partial:
            return [part("demand.failed.price_reduction", date=deadline)], "price_reduction"
        return [part("demand.failed.refund", date=deadline, amount=c.amount)], "refund"
    if partial:
        return [part("demand.repair_first.price_reduction", date=deadline)], "repair_or_replacement"
    return [
        part("demand.repair_first.refund", date=deadline, amount=c.amount)
    ], "repair_or_replacement"


def _commercial_request(complaint: Complaint, deadline: dt.date) -> tuple[list[Part], str]:
    """A parcel delivered late: no legal claim is left, a courteous request instead."""
    c = complaint
    if c.desired_resolution == "partial_refund":
        asked, remedy = part("demand.commercial.partial_refund"), "partial_refund"
    elif c.desired_resolution == "refund":
        asked, remedy = part("demand.commercial.refund", amount=c.amount), "refund"
    elif c.desired_resolution == "other" and c.description:
        asked, remedy = part("demand.commercial.as_described"), "other"
    else:
        asked, remedy = part("demand.commercial.unspecified"), "unspecified"
    return [asked, part("demand.commercial.reply_by", date=deadline)], remedy


_RESOLUTIONS = ("partial_refund", "replacement", "repair", "delivery", "refund")


def _demand_parts(
    complaint: Complaint, today: dt.date, deadline: dt.date
) -> tuple[list[Part], str]:
    c = complaint
    spec = CATEGORY_TABLE[c.category]
    if late_delivered(c):
        return _commercial_request(c, deadline)
    refused = refusal(c)
    if c.category == "not_received" and c.desired_resolution == "refund" and refused is not None:
        # A refusal ends the contract without an additional period (CRD art. 18(2)).
        return [
            part("demand.terminate", day=refused.at.date(), amount=c.amount, date=deadline)
        ], "refund"
    if spec.parcel:
        # First an additional period for delivery, then termination (CRD art. 18(2)).
        return [part("demand.deliver_or_terminate", date=deadline)], "delivery"
    if c.category in ("refund", "billing"):
        amount = (
            (c.facts.refund_expected or c.amount) if c.category == "refund" else _billing_amount(c)
        )
        if amount is not None:
            return [part("demand.resolution.refund", amount=amount, date=deadline)], "refund"
        if c.category == "refund":
            return [part("demand.refund_all", date=deadline)], "refund"
        return [part("demand.refund_undue", date=deadline)], "refund"
    if spec.defect and (defect := _defect_demand(c, today, deadline)):
        return defect
    if c.desired_resolution == "other" and c.description:
        return [part("demand.satisfaction", date=deadline)], "other"
    if c.desired_resolution in _RESOLUTIONS:
        resolution = c.desired_resolution
        refund: dict[str, object] = {"amount": c.amount} if resolution == "refund" else {}
        return [part(f"demand.resolution.{resolution}", date=deadline, **refund)], resolution
    rights_recalled = spec.defect or other_guarantee(c, today)
    if rights_recalled:
        return [part("demand.proposal_within_rights", date=deadline)], "proposal"
    return [part("demand.proposal", date=deadline)], "proposal"


def demand_paragraph(
    complaint: Complaint, today: dt.date, deadline: dt.date
) -> tuple[Paragraph, str]:
    """The demand with its deadline, and the id of the remedy demanded."""
    parts, remedy = _demand_parts(complaint, today, deadline)
    return Paragraph("demand", tuple(parts)), remedy


def _bank_refund_later(complaint: Complaint, deadline: dt.date) -> bool:
    """The letter may announce a later bank refund: only if the 8 weeks outlast its deadline.

    An unknown debit is refunded now (the note says so), not announced as a threat.
    """
    c = complaint
    if unknown_debit(c):
        return False
    end = sepa_deadline(c)
    return end is None or end >= deadline


def otherwise_paragraph(complaint: Complaint, today: dt.date, deadline: dt.date) -> Paragraph:
    """What the user will do without a satisfying answer: the steps open, then the court."""
    actions: list[Part] = []
    plan = escalation.decide(complaint, today)
    if plan.step("atoz_claim").status in ("now", "later"):
        # A-to-z names delivery, condition and returns to a foreign seller: a refund
        # after a return may fall outside it.
        hedged = complaint.category == "refund"
        actions.append(part("action.atoz_if_covered" if hedged else "action.atoz"))
    bodies = tuple(escalation.outside_bodies(complaint))
    if bodies:
        actions.append(part("action.bodies", bodies=bodies))
    if plan.step("sepa_refund").status in ("now", "later") and _bank_refund_later(
        complaint, deadline
    ):
        actions.append(part("action.direct_debit_refund"))
    if plan.step("chargeback").status in ("now", "later"):
        actions.append(part("action.chargeback"))
    # "Sans réponse": the demand before may already end with "À défaut, …".
    if not actions:
        return Paragraph("otherwise", (part("otherwise.court"),))
    return Paragraph("otherwise", (part("otherwise.actions_then_court", actions=tuple(actions)),))
