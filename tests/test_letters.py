"""The formal notice: the right cited per category, the facts, the contacts, the deadline,
the bodies named by the routing, and one snapshot per category.

Regenerate the snapshots after a deliberate change of wording:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_letters.py
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation.letters import formal_notice
from amazon_reclamation.models import CATEGORIES, Complaint, Contact, Facts, Seller

TODAY = date(2026, 11, 20)
SNAPSHOTS = Path(__file__).parent / "snapshots" / "letters"


def at(day: int, month: int = 11, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


LOG = [
    Contact(
        id=1,
        at=at(3),
        recorded_at=at(3),
        channel="phone",
        agent="Sophie",
        reference="CS-4471",
        summary="Problème expliqué, remplacement promis",
        outcome="promise",
        promise="envoi d'un nouvel article",
        follow_up=date(2026, 11, 10),
    ),
    Contact(id=2, at=at(12), recorded_at=at(12), channel="chat", outcome="no_answer"),
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
    "refund": "article VI.50 du Code de droit économique",
    "other": "articles 1649bis et suivants de l'ancien Code civil",
}


def make(category: str, **changes: Any) -> Complaint:
    case = {**CASES[category], **changes}
    facts = case.pop("facts", {})
    seller = case.pop("seller", {})
    values: dict[str, Any] = {
        "id": "k7m2pq",
        "created_at": at(2),
        "category": category,
        "order_number": "123-1234567-1234567",
        "order_date": date(2026, 10, 1),
        "item": "Bouilloire inox 1,7 L",
        "amount": Decimal("49.99"),
        "customer_name": "Marie Dupont",
        "contacts": LOG,
    }
    values.update(case)
    return Complaint(**values, facts=Facts(**facts), seller=Seller(**seller))


def letter_body(text: str) -> str:
    """The letter without the note for the user that precedes it."""
    separator = "-" * 60 if "-" * 60 in text else "\n---\n"
    return text.split(separator, 1)[1]


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("RECLAM_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {path}; create it with RECLAM_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its snapshot; if the change is deliberate, regenerate with "
        "RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_letters.py"
    )


@pytest.mark.parametrize("category", CATEGORIES)
def test_letter_has_the_facts_the_right_the_contacts_and_a_deadline(category: str) -> None:
    body = letter_body(formal_notice(make(category), TODAY))
    assert "123-1234567-1234567" in body
    assert "1er octobre 2026" in body and "01/10/2026" in body
    assert REFERENCE[category] in body
    assert "mise en demeure" in body.lower()
    assert "le 3 novembre 2026, par téléphone, avec Sophie, référence CS-4471" in body
    assert "promesse : « envoi d'un nouvel article » pour le 10 novembre 2026, non tenue" in body
    assert "le 12 novembre 2026, par chat ; résultat : pas de réponse" in body
    assert "au plus tard le 5 décembre 2026" in body
    assert "Marie Dupont" in body
    for forbidden in ("ODR", "Point de contact", "VI.44"):
        assert forbidden not in body


@pytest.mark.parametrize("category", CATEGORIES)
def test_letter_snapshot(category: str) -> None:
    check_snapshot(f"{category}.txt", formal_notice(make(category), TODAY))


def test_markdown_snapshot() -> None:
    check_snapshot("damaged.md", formal_notice(make("damaged"), TODAY, markdown=True))


def test_note_for_the_user_comes_before_the_letter() -> None:
    text = formal_notice(make("damaged"), TODAY)
    note, body = text.split("-" * 60, 1)
    assert "recommandé ou par e-mail" in note
    assert "Conditions d'utilisation et de vente" in note
    assert "recommandé" not in body
    assert "Amazon EU S.à r.l.\n38 avenue John F. Kennedy\nL-1855 Luxembourg" in body


@pytest.mark.parametrize(
    ("category", "seller", "named", "not_named"),
    [
        (
            "damaged",
            {"kind": "amazon"},
            ["Centre Européen des Consommateurs", "Médiateur de la consommation du Luxembourg"],
            ["Service de Médiation pour le Consommateur", "Garantie A à Z"],
        ),
        (
            "not_received",
            {"kind": "marketplace", "name": "Boutique Liège", "country": "BE"},
            ["Service de Médiation pour le Consommateur", "Garantie A à Z"],
            ["Centre Européen des Consommateurs"],
        ),
        (
            "non_conforming",
            {"kind": "marketplace", "name": "Shenzhen Store", "country": "CN"},
            ["Garantie A à Z", "juge compétent"],
            ["Centre Européen des Consommateurs", "Service de Médiation"],
        ),
    ],
)
def test_letter_names_the_bodies_of_the_route(
    category: str, seller: dict[str, Any], named: list[str], not_named: list[str]
) -> None:
    body = letter_body(formal_notice(make(category, seller=seller), TODAY))
    for name in named:
        assert name in body
    for name in not_named:
        assert name not in body


def test_marketplace_letter_is_addressed_to_the_seller() -> None:
    text = formal_notice(make("non_conforming"), TODAY)
    assert "Boutique Lille\n[adresse du vendeur]" in letter_body(text)
    assert "fiche vendeur" in text.split("-" * 60, 1)[0]


def test_contract_before_the_reform_cites_the_older_version() -> None:
    complaint = make("damaged", order_date=date(2022, 5, 20), delivery_date=date(2022, 5, 25))
    body = letter_body(formal_notice(complaint, TODAY))
    assert "antérieure à la loi du 20 mars 2022" in body
    assert "présumé" not in body


def test_unknown_charge_cites_the_unauthorised_payment_rule() -> None:
    facts = {**CASES["billing"]["facts"], "billing_problem": "unknown_charge"}
    body = letter_body(formal_notice(make("billing", facts=facts), TODAY))
    assert "article VII.41 du Code de droit économique" in body
    assert "me rembourser 59,99\u00a0€" in body


def test_the_deadline_follows_days() -> None:
    body = letter_body(formal_notice(make("refund"), TODAY, days=8))
    assert "au plus tard le 28 novembre 2026" in body


def test_a_letter_without_contacts_has_no_contact_section() -> None:
    body = letter_body(formal_notice(make("damaged", contacts=[]), TODAY))
    assert "déjà signalé" not in body
    assert "au plus tard le 5 décembre 2026" in body


def test_markdown_escapes_user_text() -> None:
    text = formal_notice(make("damaged", item="Lampe *LED* [x2]"), TODAY, markdown=True)
    assert "« Lampe \\*LED\\* \\[x2\\] »" in text
    assert "**Objet : mise en demeure — commande n° 123-1234567-1234567 du 01/10/2026**" in text
    assert "Amazon EU S.à r.l.\\\n38 avenue John F. Kennedy\\\nL-1855 Luxembourg" in text
