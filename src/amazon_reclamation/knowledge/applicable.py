"""The rules as they apply to one complaint.

`rule_for()` gives a rule as it applies to one complaint: for a contract concluded
before 1 June 2022 the guarantee rules cite the version of the Civil Code before the
law of 20 March 2022 (and the 6-month presumption); for a SEPA direct debit or another
means that is not a card, the unauthorised-payment rule does not mention Card Stop,
which blocks cards. `rules_for()` lists the rules that concern a complaint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation.knowledge.categories import CATEGORY_TABLE
from amazon_reclamation.knowledge.rules import (
    GUARANTEE_REFORM,
    PRESUMPTION_BEFORE_REFORM,
    RULES,
    RULES_BY_ID,
    Rule,
)

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint

# The guarantee rules for a contract concluded before 1 June 2022: the version of the
# Civil Code before the law of 20 March 2022, and its 6-month presumption.
PRE_REFORM_RULES: dict[str, Rule] = {
    "legal_guarantee": RULES_BY_ID["legal_guarantee"]._replace(variant="pre_reform"),
    "guarantee_presumption": RULES_BY_ID["guarantee_presumption"]._replace(
        period=PRESUMPTION_BEFORE_REFORM,
        variant="pre_reform",
    ),
}

# Card Stop blocks cards: never mentioned for a SEPA direct debit or another means.
_NOT_A_CARD_RULES: dict[str, Rule] = {
    "unauthorised_payment": RULES_BY_ID["unauthorised_payment"]._replace(variant="not_a_card"),
}

# The bank's refund of a direct debit applies only to a direct debit: said conditionally
# when the means of payment is not known, left out when it is another one.
_DIRECT_DEBIT_ONLY = "sepa_refund"
_IF_DIRECT_DEBIT = RULES_BY_ID[_DIRECT_DEBIT_ONLY]._replace(variant="if_direct_debit")


def rule_variant(rule_id: str, variant: str) -> Rule:
    """The rule `rule_id` in one of its variants (as `rule_for` chose it for a complaint)."""
    for table in (PRE_REFORM_RULES, _NOT_A_CARD_RULES):
        rule = table.get(rule_id)
        if rule is not None and rule.variant == variant:
            return rule
    if rule_id == _DIRECT_DEBIT_ONLY and variant == _IF_DIRECT_DEBIT.variant:
        return _IF_DIRECT_DEBIT
    return RULES_BY_ID[rule_id]


def rule_for(rule_id: str, complaint: Complaint | None = None) -> Rule:
    """The rule `rule_id` as it applies to this complaint (the general rule without one)."""
    if complaint is not None:
        if (
            complaint.order_date is not None
            and complaint.order_date < GUARANTEE_REFORM
            and rule_id in PRE_REFORM_RULES
        ):
            return PRE_REFORM_RULES[rule_id]
        method = complaint.facts.payment_method
        if method in ("sepa_direct_debit", "other") and rule_id in _NOT_A_CARD_RULES:
            return _NOT_A_CARD_RULES[rule_id]
        if method is None and rule_id == _DIRECT_DEBIT_ONLY:
            return _IF_DIRECT_DEBIT
    return RULES_BY_ID[rule_id]


def rules_for(complaint: Complaint) -> list[Rule]:
    """The rules that concern this complaint's category and seller, in RULES order.

    The category's table (`knowledge/categories.py`) says which rules concern it. An
    unknown seller keeps the rules of both kinds: the user is told to check. Each rule
    is given as it applies to the complaint (`rule_for`).
    """
    kind = complaint.seller.kind
    scope = CATEGORY_TABLE[complaint.category].rules
    skipped: tuple[str, ...] = ()
    if complaint.facts.billing_problem == "unknown_charge":
        # A debit the user does not recognise is not a fee of an order: no fee rules.
        skipped = _FEE_RULES
    if complaint.order_number is None:
        # A debit that matches no order: no purchase to withdraw from, no seller to rate.
        skipped = (*skipped, *_ORDER_RULES)
    method = complaint.facts.payment_method
    spec = CATEGORY_TABLE[complaint.category]
    if method is not None and method != "sepa_direct_debit":
        skipped = (*skipped, _DIRECT_DEBIT_ONLY)
    elif method is None and not spec.charge:
        # "If you paid by direct debit" belongs with a debit in dispute; for a parcel or a
        # refund it is said once the method is known to be one.
        skipped = (*skipped, _DIRECT_DEBIT_ONLY)
    return [
        rule_for(rule.id, complaint)
        for rule in RULES
        if rule.id in scope and (kind is None or kind in rule.sellers) and rule.id not in skipped
    ]


_FEE_RULES = ("undisclosed_charges", "pre_ticked_boxes")
_ORDER_RULES = ("withdrawal", "seller_feedback")
