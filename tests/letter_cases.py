"""The complaints the letter tests share: one per category, a few more for snapshots.

`case(category, **changes)` builds the complaint of a category with `factories.complaint`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from amazon_reclamation.models import Complaint
from factories import at, complaint, contact

LOG = [
    contact(
        1,
        at(3),
        "phone",
        "promise",
        agent="Sophie",
        reference="CS-4471",
        summary="Problème expliqué, remplacement promis",
        promise="l'envoi d'un nouvel article",
        follow_up=date(2026, 11, 10),
    ),
    contact(2, at(12), "chat", "no_answer"),
]

CASES: dict[str, dict[str, Any]] = {
    "damaged": {
        "seller": {"kind": "amazon"},
        "delivery_date": date(2026, 10, 5),
        "desired_resolution": "replacement",
        "facts": {
            "damage_timing": "later",
            "defect_discovered_date": date(2026, 11, 1),
            "photos_taken": True,
        },
    },
    "non_conforming": {
        "seller": {"kind": "marketplace", "name": "Boutique Lille", "country": "FR"},
        "delivery_date": date(2026, 10, 20),
        "desired_resolution": "refund",
        "facts": {"difference": "size", "photos_taken": True},
    },
    "late": {
        "seller": {"kind": "amazon"},
        "expected_delivery_date": date(2026, 10, 15),
        "desired_resolution": "delivery",
        "facts": {"tracking_status": "en transit depuis le 12/10"},
    },
    "not_received": {
        "seller": {"kind": "marketplace", "name": "Boutique Liège", "country": "BE"},
        "expected_delivery_date": date(2026, 10, 14),
        "desired_resolution": "refund",
        "facts": {
            "marked_delivered": True,
            "marked_delivered_date": date(2026, 10, 14),
            "neighbours_checked": True,
        },
    },
    "billing": {
        "seller": {"kind": "amazon"},
        "desired_resolution": "partial_refund",
        "facts": {
            "billing_problem": "unannounced_fee",
            "amount_charged": Decimal("59.99"),
            "amount_expected": Decimal("49.99"),
            "payment_method": "card",
            "charge_date": date(2026, 10, 2),
        },
    },
    # Returned 19 days after delivery: after the withdrawal period, under the return policy.
    "refund": {
        "seller": {"kind": "marketplace", "name": "Händler Köln", "country": "DE"},
        "delivery_date": date(2026, 10, 6),
        "desired_resolution": "refund",
        "facts": {
            "return_kind": "returned",
            "returned_date": date(2026, 10, 25),
            "return_tracking": "1Z999AA10123456784",
            "refund_expected": Decimal("49.99"),
        },
    },
    "other": {
        "seller": {},
        "delivery_date": date(2026, 10, 5),
        "desired_resolution": "other",
        "description": "La notice et le câble d'alimentation manquent dans la boîte.",
    },
}

REFERENCE = {
    "damaged": "articles 1649bis et suivants de l'ancien Code civil",
    "non_conforming": "articles 1649bis et suivants de l'ancien Code civil",
    "late": "article VI.43 du Code de droit économique",
    "not_received": "article VI.43 du Code de droit économique",
    "billing": "article VI.41 du Code de droit économique",
    "refund": "votre politique de retour",
    "other": "articles 1649bis et suivants de l'ancien Code civil",
}


# More letters kept as snapshots: (category, changes to its case).
EXTRA_CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "refund_in_time": (
        "refund",
        {
            "facts": {
                **CASES["refund"]["facts"],
                "returned_date": date(2026, 10, 15),
            }
        },
    ),
    "late_delivered": (
        "late",
        {"delivery_date": date(2026, 11, 10), "desired_resolution": "partial_refund"},
    ),
    "late_no_announced_date": ("late", {"expected_delivery_date": None}),
    "other_without_description": (
        "other",
        {"description": None, "desired_resolution": None, "delivery_date": None},
    ),
    "unknown_charge_direct_debit": (
        "billing",
        {
            "facts": {
                **CASES["billing"]["facts"],
                "billing_problem": "unknown_charge",
                "payment_method": "sepa_direct_debit",
            }
        },
    ),
}


def case(category: str, **changes: Any) -> Complaint:
    """The complaint of `category` in CASES, with the contacts of LOG, and `changes`."""
    fields: dict[str, Any] = {"category": category, "contacts": LOG}
    fields.update(CASES[category])
    fields.update(changes)
    return complaint(**fields)


def letter_body(text: str) -> str:
    """The letter without the note for the user that precedes it."""
    separator = "-" * 60 if "-" * 60 in text else "\n---\n"
    return text.split(separator, 1)[1]
