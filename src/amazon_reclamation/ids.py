"""The stable identifiers of the JSON format (`docs/data-format.md`) and of the options,
as `Literal` types: the one place they are spelled.

JSON, options and `--help` use these ids; the screen shows translated labels
(`texts/labels.py`). This module imports nothing heavy, so that `--help` can list the
choices without loading pydantic.
"""

from typing import Literal, get_args

Category = Literal[
    "damaged", "late", "not_received", "non_conforming", "billing", "refund", "other"
]
Resolution = Literal["refund", "replacement", "repair", "delivery", "partial_refund", "other"]
Status = Literal["open", "resolved", "abandoned"]
Closing = Literal["resolved", "abandoned"]
SellerKind = Literal["amazon", "marketplace"]
Channel = Literal["phone", "chat", "email", "letter", "seller_message", "other"]
Outcome = Literal["resolved", "promise", "refused", "no_answer", "pending"]
DamageTiming = Literal["on_arrival", "later"]
Difference = Literal["size", "model", "colour", "description", "other"]
BillingProblem = Literal["wrong_amount", "unannounced_fee", "unknown_charge"]
PaymentMethod = Literal["card", "debit_card", "sepa_direct_debit", "other"]
ReturnKind = Literal["returned", "cancelled"]
# The languages of reclam, of its letters and of the ready messages (`i18n.LANGUAGES`).
Language = Literal["fr", "nl", "de", "en"]
# The forms of `reclam export`.
ExportFormat = Literal["pdf", "md", "json", "ecc", "ics"]
# The escalation steps, in the plan's order (`domain/escalation`); a contact records the
# step it performed (`Contact.step`).
StepId = Literal[
    "contact_customer_service",
    "ask_supervisor",
    "contact_seller",
    "atoz_claim",
    "written_complaint",
    "formal_notice",
    "review",
    "ecc_belgium",
    "lu_consumer_mediator",
    "consumerconnect",
    "consumer_mediation_service",
    "sepa_refund",
    "unauthorised_payment",
    "chargeback",
    "justice_of_the_peace",
    "european_small_claims",
]

CATEGORIES: tuple[Category, ...] = get_args(Category)
RESOLUTIONS: tuple[Resolution, ...] = get_args(Resolution)
CLOSINGS: tuple[Closing, ...] = get_args(Closing)
SELLER_KINDS: tuple[SellerKind, ...] = get_args(SellerKind)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
DAMAGE_TIMINGS: tuple[DamageTiming, ...] = get_args(DamageTiming)
DIFFERENCES: tuple[Difference, ...] = get_args(Difference)
BILLING_PROBLEMS: tuple[BillingProblem, ...] = get_args(BillingProblem)
PAYMENT_METHODS: tuple[PaymentMethod, ...] = get_args(PaymentMethod)
RETURN_KINDS: tuple[ReturnKind, ...] = get_args(ReturnKind)
STEP_IDS: tuple[StepId, ...] = get_args(StepId)
LANGUAGES: tuple[Language, ...] = get_args(Language)
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)


def default_step(channel: str) -> StepId:
    """The step of a contact logged without one: the seller's messages, else customer service."""
    return "contact_seller" if channel == "seller_message" else "contact_customer_service"
