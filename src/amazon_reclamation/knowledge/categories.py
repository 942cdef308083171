"""One table per complaint category: what it asks, what to gather, which rules apply.

Adding a category is one entry here (and its words in `texts/labels.py`): the summary,
the rules listed by `reclam rights` and the deadlines read these entries instead of
switching on the category id. Ids only; the wording layer words them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from amazon_reclamation.models import Category, Complaint

# What to have at hand before contacting customer service (worded in texts/labels.py).
Evidence = Literal[
    "photos_damaged",
    "photos_item",
    "photos_difference",
    "product_page",
    "tracking_announced",
    "tracking_delivered",
    "tracking_now",
    "checked_around",
    "statement_line",
    "invoice",
    "return_proof",
    "anything",
]

# The facts the category asks, in the order the summary shows them: the names of the
# fields of `Complaint` and `Facts` (`announced_date` is the expected delivery date of a
# parcel that may have none).
FactRow = Literal[
    "damage_timing",
    "defect_discovered_date",
    "photos_taken",
    "announced_date",
    "expected_delivery_date",
    "tracking_status",
    "marked_delivered",
    "neighbours_checked",
    "difference",
    "billing_problem",
    "amount_charged",
    "amount_expected",
    "payment_method",
    "charge_date",
    "return_kind",
    "returned_date",
    "return_tracking",
    "refund_expected",
]

# Asked in every category: a card or a direct debit opens the bank's routes (chargeback,
# the SEPA refund) for a lost parcel or a refused refund as much as for a wrong debit.
_PAYMENT: tuple[FactRow, ...] = ("payment_method", "charge_date")

_GUARANTEE = ("legal_guarantee", "guarantee_presumption", "defect_notice", "guarantee_remedies")


class CategorySpec(NamedTuple):
    """One category: the facts it asks, the evidence to gather, the rules that concern it."""

    id: Category
    facts: tuple[FactRow, ...]
    evidence: tuple[Evidence, ...]
    rules: tuple[str, ...]  # rule ids (knowledge/rules.py); RULES keeps their order
    defect: bool = False  # a defect of the goods: photos, legal guarantee
    parcel: bool = False  # a parcel late or lost: delivery is awaited
    charge: bool = False  # the problem is a debit itself: its method and date are facts of it


CATEGORY_TABLE: dict[Category, CategorySpec] = {
    spec.id: spec
    for spec in (
        CategorySpec(
            id="damaged",
            facts=("damage_timing", "defect_discovered_date", "photos_taken", *_PAYMENT),
            evidence=("photos_damaged",),
            rules=(
                "withdrawal",
                *_GUARANTEE,
                "risk_in_transit",
                "atoz_claim",
                "sepa_refund",
                "seller_feedback",
            ),
            defect=True,
        ),
        CategorySpec(
            id="late",
            facts=("announced_date", "tracking_status", *_PAYMENT),
            evidence=("tracking_announced",),
            rules=("delivery", "risk_in_transit", "atoz_claim", "sepa_refund", "seller_feedback"),
            parcel=True,
        ),
        CategorySpec(
            id="not_received",
            facts=(
                "expected_delivery_date",
                "marked_delivered",
                "neighbours_checked",
                *_PAYMENT,
            ),
            evidence=("tracking_delivered", "checked_around"),
            rules=("delivery", "risk_in_transit", "atoz_claim", "sepa_refund", "seller_feedback"),
            parcel=True,
        ),
        CategorySpec(
            id="non_conforming",
            facts=("difference", "photos_taken", *_PAYMENT),
            evidence=("photos_difference", "product_page"),
            rules=("withdrawal", *_GUARANTEE, "atoz_claim", "sepa_refund", "seller_feedback"),
            defect=True,
        ),
        CategorySpec(
            id="billing",
            facts=(
                "billing_problem",
                "amount_charged",
                "amount_expected",
                "payment_method",
                "charge_date",
            ),
            evidence=("statement_line", "invoice"),
            rules=(
                "withdrawal",
                "undisclosed_charges",
                "pre_ticked_boxes",
                "sepa_refund",
                "unauthorised_payment",
                "seller_feedback",
            ),
            charge=True,
        ),
        CategorySpec(
            id="refund",
            facts=(
                "return_kind",
                "returned_date",
                "return_tracking",
                "refund_expected",
                *_PAYMENT,
            ),
            evidence=("return_proof",),
            rules=(
                "withdrawal",
                "refund_after_withdrawal",
                "atoz_claim",
                "sepa_refund",
                "seller_feedback",
            ),
        ),
        CategorySpec(
            id="other",
            facts=_PAYMENT,
            evidence=("anything",),
            # "other" may be a defect: the guarantee rules are listed, but nothing is asked.
            rules=("withdrawal", *_GUARANTEE, "atoz_claim", "sepa_refund", "seller_feedback"),
        ),
    )
}


def debit_date_asked(category: str | None, payment_method: str | None) -> bool:
    """Whether the debit's date is asked: a fact of a billing problem, and the start of the
    8 weeks in which the bank refunds any direct debit."""
    spec = next((s for s in CATEGORY_TABLE.values() if s.id == category), None)
    return (spec is not None and spec.charge) or payment_method == "sepa_direct_debit"


def evidence_for(complaint: Complaint) -> tuple[Evidence, ...]:
    """The category's evidence, narrowed by what the facts already say.

    The packaging shows damage in transit: it is asked for damage found on arrival (or
    when that is not known), not for a defect that appeared later. The "livré"
    screenshot is asked only when the tracking says delivered. A debit that matches no
    order has no invoice to show.
    """
    facts = complaint.facts
    found: list[Evidence] = []
    for item in CATEGORY_TABLE[complaint.category].evidence:
        if item == "photos_damaged" and facts.damage_timing == "later":
            item = "photos_item"
        elif item == "tracking_delivered" and facts.marked_delivered is not True:
            item = "tracking_now"
        elif item == "invoice" and complaint.order_number is None:
            continue
        found.append(item)
    return tuple(found)


def in_scope(category: Category, rule_id: str) -> bool:
    """True when the rule concerns complaints of this category."""
    return rule_id in CATEGORY_TABLE[category].rules
