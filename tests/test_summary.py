"""The summary card and the ready-to-paste message, for every category; the JSON round trip."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amazon_reclamation.models import Complaint, Contact, Facts, Seller
from amazon_reclamation.texts.summary import (
    build_summary,
    checklist,
    ready_message,
    request_text,
    where_to_contact,
)
from factories import complaint
from helpers import CONTRACT_FIELDS

TODAY = date(2026, 11, 20)
ORDER = "171-2345678-9012345"
EUR = "\u00a0€"  # Babel writes "49,99 €" with a no-break space in fr_BE


# This file's case: headphones ordered on 1 November 2026 from Amazon, a refund asked.
SUMMARY_CASE: dict[str, Any] = {
    "created_at": datetime(2026, 11, 20, 10, 30, tzinfo=UTC),
    "category": "other",
    "order_number": ORDER,
    "order_date": date(2026, 11, 1),
    "item": "Casque audio sans fil",
    "seller": Seller(kind="amazon"),
    "description": "Je l'ai signalé une première fois par chat.",
    "desired_resolution": "refund",
}


def make_complaint(**overrides: Any) -> Complaint:
    """The factories' complaint with this file's case; override what differs."""
    return complaint("abc234", **{**SUMMARY_CASE, **overrides})


CASES: dict[str, dict[str, Any]] = {
    "damaged on arrival": {
        "complaint": {
            "category": "damaged",
            "delivery_date": date(2026, 11, 5),
            "facts": Facts(damage_timing="on_arrival", photos_taken=True),
            "desired_resolution": "replacement",
        },
        "message": [
            "L'article, livré le 5 novembre 2026, est arrivé endommagé.",
            "J'ai pris des photos de l'article et de l'emballage",
            "Je vous demande le remplacement de l'article.",
        ],
        "facts": [
            ("Apparition du défaut", "Endommagé à l'arrivée"),
            ("Date de livraison", "05/11/2026"),
            ("Photos prises", "oui"),
        ],
        "checklist": ["des photos de l'article abîmé et de l'emballage"],
    },
    "damaged later": {
        "complaint": {
            "category": "damaged",
            "delivery_date": date(2026, 11, 5),
            "facts": Facts(
                damage_timing="later",
                defect_discovered_date=date(2026, 11, 15),
                photos_taken=False,
            ),
            "desired_resolution": "repair",
        },
        "message": [
            "L'article, livré le 5 novembre 2026, présente un défaut que j'ai constaté "
            "le 15 novembre 2026.",
            "Je vous demande la réparation de l'article.",
        ],
        "facts": [
            ("Apparition du défaut", "Défaut apparu après la livraison"),
            ("Défaut découvert le", "15/11/2026"),
            ("Photos prises", "non"),
        ],
        "checklist": ["prenez ces photos maintenant, avant de renvoyer quoi que ce soit"],
    },
    "late": {
        "complaint": {
            "category": "late",
            "expected_delivery_date": date(2026, 11, 10),
            "facts": Facts(tracking_status="en transit depuis le 8/11"),
            "desired_resolution": "delivery",
        },
        "message": [
            "La livraison était annoncée au plus tard le 10 novembre 2026 ; à ce jour "
            "(20 novembre 2026), je n'ai pas reçu le colis.",
            "Le suivi indique : « en transit depuis le 8/11 ».",
            "Je vous demande la livraison de la commande.",
        ],
        "facts": [
            ("Livraison estimée au plus tard", "10/11/2026"),
            ("Suivi du colis", "en transit depuis le 8/11"),
        ],
        "checklist": ["une capture du suivi et de la date de livraison annoncée"],
    },
    "not received, marked delivered": {
        "complaint": {
            "category": "not_received",
            "expected_delivery_date": date(2026, 11, 10),
            "facts": Facts(
                marked_delivered=True,
                marked_delivered_date=date(2026, 11, 9),
                neighbours_checked=True,
            ),
        },
        "message": [
            "Le suivi indique que le colis a été livré le 9 novembre 2026, mais je ne l'ai "
            "pas reçu.",
            "J'ai vérifié auprès de mes voisins, dans ma boîte aux lettres et au point relais",
            "Je vous demande le remboursement.",
        ],
        "facts": [
            ("Indiqué livré", "oui (09/11/2026)"),
            ("Voisins, boîte et point relais vérifiés", "oui"),
        ],
        "checklist": ["une capture du suivi indiquant « livré », avec la date"],
    },
    "not received, lost": {
        "complaint": {
            "category": "not_received",
            "expected_delivery_date": date(2026, 11, 10),
            "facts": Facts(marked_delivered=False, neighbours_checked=False),
        },
        "message": [
            "Je n'ai pas reçu le colis.",
            "Sa livraison était annoncée au plus tard le 10 novembre 2026.",
        ],
        "facts": [("Indiqué livré", "non"), ("Voisins, boîte et point relais vérifiés", "non")],
        "checklist": ["ce que vous avez vérifié : voisins, boîte aux lettres, point relais"],
    },
    "non conforming": {
        "complaint": {
            "category": "non_conforming",
            "delivery_date": date(2026, 11, 6),
            "facts": Facts(difference="colour", photos_taken=True),
        },
        "message": [
            "L'article reçu le 6 novembre 2026 ne correspond pas à ma commande : la couleur "
            "reçue n'est pas celle commandée.",
            "J'ai pris des photos qui le montrent",
        ],
        "facts": [("Ce qui diffère", "la couleur"), ("Date de livraison", "06/11/2026")],
        "checklist": ["une capture de la page du produit telle qu'elle était annoncée"],
    },
    "billing, wrong amount": {
        "complaint": {
            "category": "billing",
            "facts": Facts(
                billing_problem="wrong_amount",
                amount_charged=Decimal("59.99"),
                amount_expected=Decimal("49.99"),
                payment_method="debit_card",
                charge_date=date(2026, 11, 2),
            ),
            "desired_resolution": "partial_refund",
        },
        "message": [
            f"Mon compte a été débité le 2 novembre 2026 de 59,99{EUR}, ce qui ne correspond pas "
            "au montant de ma commande.",
            f"Le montant attendu était de 49,99{EUR}.",
            "J'ai payé par carte de débit / Bancontact.",
            "Je vous demande un remboursement partiel.",
        ],
        "facts": [
            ("Problème de facturation", "montant incorrect"),
            ("Montant débité", f"59,99{EUR}"),
            ("Montant attendu", f"49,99{EUR}"),
            ("Date du débit", "02/11/2026"),
        ],
        "checklist": ["la ligne du débit sur votre relevé bancaire ou de carte"],
    },
    "billing, unannounced fee": {
        "complaint": {
            "category": "billing",
            "facts": Facts(
                billing_problem="unannounced_fee",
                amount_charged=Decimal("54.98"),
                amount_expected=Decimal("49.99"),
                payment_method="card",
            ),
        },
        "message": [
            f"Mon compte a été débité de 54,98{EUR}, dont des frais qui ne m'avaient pas été "
            "annoncés avant la commande.",
            "J'ai payé par carte de crédit.",
        ],
        "facts": [("Problème de facturation", "frais non annoncés"), ("Date du débit", "inconnu")],
        "checklist": ["la facture de la commande"],
    },
    "billing, unknown charge": {
        "complaint": {
            "category": "billing",
            "facts": Facts(
                billing_problem="unknown_charge",
                amount_charged=Decimal("1234.50"),
                payment_method="sepa_direct_debit",
                charge_date=date(2026, 11, 3),
            ),
        },
        "message": [
            f"Mon relevé fait apparaître, le 3 novembre 2026, un débit de 1\u202f234,50{EUR} "
            "que je ne reconnais pas.",
            "Ce débit a été effectué par domiciliation SEPA.",
        ],
        "facts": [("Problème de facturation", "débit non reconnu"), ("Montant attendu", "inconnu")],
        "checklist": ["la ligne du débit sur votre relevé bancaire ou de carte"],
    },
    "refund after a return": {
        "complaint": {
            "category": "refund",
            "facts": Facts(
                return_kind="returned",
                returned_date=date(2026, 11, 8),
                return_tracking="TBA301234567890",
                refund_expected=Decimal("39.99"),
            ),
        },
        "message": [
            "J'ai renvoyé l'article le 8 novembre 2026 (numéro de suivi du retour : "
            f"TBA301234567890) et je n'ai toujours pas reçu le remboursement de 39,99{EUR}.",
        ],
        "facts": [
            ("Démarche", "J'ai renvoyé l'article"),
            ("Suivi du retour", "TBA301234567890"),
            ("Remboursement attendu", f"39,99{EUR}"),
        ],
        "checklist": ["la preuve du renvoi"],
    },
    "refund after a cancellation": {
        "complaint": {
            "category": "refund",
            "facts": Facts(return_kind="cancelled", returned_date=date(2026, 11, 2)),
        },
        "message": [
            "J'ai annulé cette commande le 2 novembre 2026 et je n'ai toujours pas reçu le "
            f"remboursement de 49,99{EUR}.",  # falls back on the order's amount
        ],
        "facts": [
            ("Démarche", "J'ai annulé la commande"),
            ("Date du renvoi ou de l'annulation", "02/11/2026"),
        ],
        "checklist": ["la confirmation de l'annulation"],
    },
    "other": {
        "complaint": {
            "category": "other",
            "description": "Le vendeur me demande de payer la garantie une seconde fois.",
            "desired_resolution": "other",
        },
        "message": [
            "Précisions : Le vendeur me demande de payer la garantie une seconde fois.",
            "Je vous demande une autre solution (précisée dans la description).",
        ],
        "facts": [("Problème", "Autre problème")],
        "checklist": ["tout ce qui prouve ce que vous dites"],
    },
}


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_ready_message_states_order_facts_and_request(case: dict[str, Any]) -> None:
    # Arrange
    complaint = make_complaint(**case["complaint"])

    # Act
    message = ready_message(complaint, TODAY)

    # Assert
    assert message.startswith("Bonjour,\n\n")
    assert f"ma commande n° {ORDER} du 1er novembre 2026" in message
    assert "article « Casque audio sans fil »" in message
    for sentence in case["message"]:
        assert sentence in message
    assert message.rstrip().endswith("Cordialement,\nMarie Dupont")


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_summary_facts_checklist_and_title(case: dict[str, Any]) -> None:
    # Arrange
    complaint = make_complaint(**case["complaint"])

    # Act
    summary = build_summary(complaint, TODAY)

    # Assert
    facts = dict(summary.facts)
    assert facts["Numéro de commande"] == ORDER
    assert facts["Date de commande"] == "01/11/2026"
    assert facts["Montant"] == f"49,99{EUR}"
    for row in case["facts"]:
        assert row in summary.facts
    assert summary.title.startswith("Réclamation abc234 — ")
    assert summary.message == ready_message(complaint, TODAY)
    assert summary.request == request_text(complaint)
    listed = "\n".join(summary.checklist)
    assert f"le numéro de commande : {ORDER}" in listed
    assert "la date d'achat : 01/11/2026" in listed
    assert "votre nom tel qu'il figure sur la commande : Marie Dupont" in listed
    for item in case["checklist"]:
        assert item in listed


@pytest.mark.parametrize(
    ("order_date", "written"),
    [
        (date(2026, 11, 1), "du 1er novembre 2026"),
        (date(2026, 11, 11), "du 11 novembre 2026"),
        (date(2026, 8, 21), "du 21 août 2026"),
        (date(2026, 2, 3), "du 3 février 2026"),
    ],
)
def test_message_writes_the_long_french_date(order_date: date, written: str) -> None:
    # Arrange
    complaint = make_complaint(order_date=order_date)

    # Act
    message = ready_message(complaint, TODAY)

    # Assert
    assert written in message


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [
        ("refund", "Je vous demande le remboursement."),
        ("replacement", "Je vous demande le remplacement de l'article."),
        ("repair", "Je vous demande la réparation de l'article."),
        ("delivery", "Je vous demande la livraison de la commande."),
        ("partial_refund", "Je vous demande un remboursement partiel."),
        ("other", "Je vous demande une autre solution (précisée dans la description)."),
        (None, "Pouvez-vous me proposer une solution ?"),
    ],
)
def test_request_for_each_resolution(resolution: str | None, expected: str) -> None:
    # Arrange
    complaint = make_complaint(desired_resolution=resolution)

    # Act
    message = ready_message(complaint, TODAY)

    # Assert
    assert request_text(complaint) == expected
    assert expected in message


def test_late_without_an_estimated_date_says_so() -> None:
    # Arrange
    complaint = make_complaint(category="late", expected_delivery_date=None)

    # Act
    summary = build_summary(complaint, TODAY)

    # Assert
    assert ("Livraison estimée au plus tard", "aucune date annoncée") in summary.facts
    assert "À ce jour (20 novembre 2026), je n'ai pas reçu le colis." in summary.message


def test_unknown_facts_are_shown_as_unknown_not_guessed() -> None:
    # Arrange
    complaint = make_complaint(
        category="damaged",
        item=None,
        amount=None,
        seller=Seller(),
        customer_name=None,
        description=None,
        desired_resolution=None,
    )

    # Act
    summary = build_summary(complaint, TODAY)

    # Assert
    facts = dict(summary.facts)
    assert facts["Article"] == "inconnu"
    assert facts["Montant"] == "inconnu"
    assert facts["Vendu par"] == "inconnu"
    assert facts["Client"] == "inconnu"
    assert facts["Date de livraison"] == "inconnu"
    assert "d'un montant de" not in summary.message
    assert "Précisions" not in summary.message
    assert summary.message.rstrip().endswith("Cordialement,")


def test_marketplace_seller_is_named_and_contacted_first() -> None:
    # Arrange
    complaint = make_complaint(seller=Seller(kind="marketplace", name="TechDeals", country="DE"))

    # Act
    summary = build_summary(complaint, TODAY)

    # Assert
    assert ("Vendu par", "TechDeals (DE)") in summary.facts
    assert ", auprès du vendeur TechDeals." in summary.message
    assert summary.where[0].startswith("Vendeur tiers")


@pytest.mark.parametrize("kind", ["amazon", "marketplace", None])
def test_where_to_contact_points_to_your_orders_and_invents_no_phone_number(
    kind: str | None,
) -> None:
    # Arrange
    complaint = make_complaint(seller=Seller(kind=kind, name="X" if kind else None))

    # Act
    lines = where_to_contact(complaint)

    # Assert
    text = "\n".join(lines)
    assert "« Vos commandes »" in text
    assert "https://www.amazon.com.be/" in text
    assert not re.search(r"\+?\d[\d .]{7,}\d", text)


@pytest.mark.parametrize(("photos", "reminded"), [(True, False), (False, True), (None, False)])
def test_checklist_reminds_to_take_photos_only_when_none_were_taken(
    photos: bool | None, reminded: bool
) -> None:
    # Arrange
    complaint = make_complaint(category="non_conforming", facts=Facts(photos_taken=photos))

    # Act
    items = checklist(complaint)

    # Assert
    assert any("prenez ces photos maintenant" in item for item in items) is reminded


def test_user_text_is_kept_verbatim_in_the_message() -> None:
    """The summary is plain text; escaping for the terminal is render.py's job."""
    # Arrange
    complaint = make_complaint(item="[bold]Casque[/bold]", description="Ligne 1\nLigne 2")

    # Act
    message = ready_message(complaint, TODAY)

    # Assert
    assert "« [bold]Casque[/bold] »" in message
    assert "Précisions : Ligne 1\nLigne 2" in message


# -- JSON round trip ----------------------------------------------------------------


def _full_complaint(**overrides: Any) -> Complaint:
    contact = Contact(
        id=1,
        at=datetime(2026, 11, 18, 14, 5, tzinfo=timezone(timedelta(hours=1))),
        recorded_at=datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1))),
        channel="chat",
        agent="Sophie",
        reference="CASE-123",
        summary="Remboursement promis sous 5 jours.",
        outcome="promise",
        promise="remboursement",
        follow_up=date(2026, 11, 23),
    )
    return make_complaint(
        category="billing",
        status="resolved",
        closed_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        delivery_date=date(2026, 11, 4),
        seller=Seller(kind="marketplace", name="TechDeals", country="DE"),
        facts=Facts(
            billing_problem="wrong_amount",
            amount_charged=Decimal("59.99"),
            amount_expected=Decimal("49.99"),
            payment_method="card",
            charge_date=date(2026, 11, 2),
        ),
        contacts=[contact],
        **overrides,
    )


@pytest.mark.parametrize("category", list(CASES))
def test_json_round_trip_for_each_category(category: str) -> None:
    # Arrange
    original = make_complaint(**CASES[category]["complaint"])

    # Act
    text = json.dumps(original.model_dump(mode="json"))
    restored = Complaint.model_validate(json.loads(text))

    # Assert
    assert restored == original


def test_json_round_trip_with_contacts_and_closed_status() -> None:
    # Arrange
    original = _full_complaint()

    # Act
    data = json.loads(json.dumps(original.to_json_dict()))
    restored = Complaint.model_validate(data)

    # Assert
    assert restored == original
    assert restored.contacts[0].at == original.contacts[0].at


def test_json_uses_the_contract_field_names_iso_dates_and_numbers_for_amounts() -> None:
    # Arrange
    complaint = _full_complaint()

    # Act
    data = json.loads(json.dumps(complaint.to_json_dict()))

    # Assert
    assert CONTRACT_FIELDS <= set(data)
    assert data["schema_version"] == 4
    assert data["amount"] == 49.99
    assert isinstance(data["amount"], float)
    assert data["facts"]["amount_charged"] == 59.99
    assert isinstance(data["facts"]["amount_charged"], float)
    assert data["currency"] == "EUR"
    assert data["order_date"] == "2026-11-01"
    assert datetime.fromisoformat(data["created_at"]) == complaint.created_at
    contact = data["contacts"][0]
    for name in ("at", "channel", "agent", "reference", "summary", "outcome", "follow_up"):
        assert name in contact
    assert contact["follow_up"] == "2026-11-23"


@given(st.integers(min_value=1, max_value=100_000_000))
def test_any_amount_in_cents_survives_the_json_round_trip(cents: int) -> None:
    # Arrange
    amount = Decimal(cents) / 100
    original = make_complaint(amount=amount, facts=Facts(refund_expected=amount))

    # Act
    restored = Complaint.model_validate(json.loads(json.dumps(original.to_json_dict())))

    # Assert
    assert restored.amount == amount
    assert restored.facts.refund_expected == amount


# -- whole sentences: each variant of an optional fact is one message --------------------


def test_every_category_entry_has_its_wording() -> None:
    from amazon_reclamation.knowledge.categories import CATEGORY_TABLE
    from amazon_reclamation.texts import labels, problem, summary

    for category, spec in CATEGORY_TABLE.items():
        assert category in problem._PROBLEM
        assert category in labels.CATEGORY
        assert all(evidence in labels.EVIDENCE for evidence in spec.evidence)
        assert all(row in summary._ROWS for row in spec.facts)


@pytest.mark.parametrize(
    ("returned", "tracking", "amount", "expected"),
    [
        (
            date(2026, 11, 3),
            "TRK1",
            Decimal("20"),
            "J'ai renvoyé l'article le 3 novembre 2026 (numéro de suivi du retour : TRK1) et je "
            f"n'ai toujours pas reçu le remboursement de 20,00{EUR}.",
        ),
        (
            None,
            "TRK1",
            None,
            "J'ai renvoyé l'article (numéro de suivi du retour : TRK1) et je n'ai toujours pas "
            "reçu le remboursement.",
        ),
        (
            date(2026, 11, 1),
            None,
            None,
            "J'ai renvoyé l'article le 1er novembre 2026 et je n'ai toujours pas reçu le "
            "remboursement.",
        ),
    ],
)
def test_refund_sentence_variants(
    returned: date | None, tracking: str | None, amount: Decimal | None, expected: str
) -> None:
    from amazon_reclamation.texts.summary import problem_sentences
    from factories import complaint

    case = complaint(
        category="refund",
        amount=None,
        facts={
            "return_kind": "returned",
            "returned_date": returned,
            "return_tracking": tracking,
            "refund_expected": amount,
        },
    )
    assert problem_sentences(case, TODAY) == [expected]


def test_unknown_debit_sentence_with_date_and_amount() -> None:
    from amazon_reclamation.texts.summary import problem_sentences
    from factories import complaint

    case = complaint(
        category="billing",
        facts={
            "billing_problem": "unknown_charge",
            "amount_charged": Decimal("12.50"),
            "charge_date": date(2026, 11, 2),
            "payment_method": "other",
        },
    )
    assert problem_sentences(case, TODAY) == [
        f"Mon relevé fait apparaître, le 2 novembre 2026, un débit de 12,50{EUR} que je ne "
        "reconnais pas."
    ]


def test_confirmation_of_a_promise_names_agent_reference_and_date() -> None:
    from amazon_reclamation.texts.summary import confirmation_message
    from factories import at, complaint, contact

    call = contact(
        when=at(12),
        channel="phone",
        outcome="promise",
        agent="Léa",
        reference="R-42",
        promise="un remboursement.",
        follow_up=date(2026, 11, 30),
    )
    text = confirmation_message(complaint(), call)
    assert text.split("\n\n")[1] == (
        "À la suite de notre appel téléphonique du 12 novembre 2026 avec Léa (référence "
        "R-42), au sujet de ma commande n° 123-1234567-1234567 du 1er octobre 2026, je vous "
        "confirme par écrit votre engagement : un remboursement, au plus tard le 30 novembre "
        "2026."
    )
    assert text.endswith("Cordialement,\nMarie Dupont")


def test_confirmation_of_a_refusal_without_details() -> None:
    from amazon_reclamation.texts.summary import confirmation_message
    from factories import complaint, contact

    text = confirmation_message(complaint(customer_name=None), contact(outcome="refused"))
    assert text.split("\n\n")[1] == (
        "À la suite de notre échange par chat du 10 novembre 2026, au sujet de ma commande "
        "n° 123-1234567-1234567 du 1er octobre 2026, votre service a refusé ma demande."
    )
    assert text.endswith("\n\nCordialement,")


@pytest.mark.parametrize(
    ("category", "facts", "present", "absent"),
    [
        ("damaged", {"damage_timing": "on_arrival"}, "de l'emballage", "montrent le défaut"),
        ("damaged", {"damage_timing": None}, "de l'emballage", "montrent le défaut"),
        ("damaged", {"damage_timing": "later"}, "montrent le défaut", "emballage"),
        ("not_received", {"marked_delivered": True}, "indiquant « livré »", "aujourd'hui"),
        ("not_received", {"marked_delivered": False}, "apparaît aujourd'hui", "« livré »"),
        ("not_received", {"marked_delivered": None}, "apparaît aujourd'hui", "« livré »"),
    ],
)
def test_the_evidence_checklist_follows_the_facts(
    category: str, facts: dict[str, Any], present: str, absent: str
) -> None:
    # Act
    items = " | ".join(checklist(make_complaint(category=category, facts=Facts(**facts))))

    # Assert
    assert present in items
    assert absent not in items


@pytest.mark.parametrize(
    ("resolution", "line"),
    [("refund", "Demande : le remboursement"), (None, "Demande : une solution, à proposer")],
)
def test_the_card_states_the_request_in_lower_case_after_the_colon(
    resolution: str | None, line: str
) -> None:
    assert build_summary(
        make_complaint(desired_resolution=resolution), TODAY
    ).request_line.startswith(line)


@pytest.mark.parametrize(
    "category", ["damaged", "late", "not_received", "non_conforming", "billing", "refund", "other"]
)
def test_every_category_states_how_it_was_paid_and_the_debit_date_when_it_matters(
    category: str,
) -> None:
    from amazon_reclamation.texts.summary import category_facts

    card = dict(category_facts(complaint(category=category, facts={"payment_method": "card"})))
    debit = complaint(
        category=category,
        facts={"payment_method": "sepa_direct_debit", "charge_date": date(2026, 10, 20)},
    )
    assert card["Moyen de paiement"] == "carte de crédit"
    # The debit's date: a fact of a billing problem, and the start of a direct debit's 8 weeks.
    assert ("Date du débit" in card) == (category == "billing")
    assert dict(category_facts(debit))["Date du débit"] == "20/10/2026"


def test_a_debit_without_an_order_asks_for_no_invoice_and_no_order_page() -> None:
    debit = make_complaint(
        category="billing",
        order_number=None,
        order_date=None,
        facts=Facts(billing_problem="unknown_charge"),
    )
    assert not any("facture" in item for item in checklist(debit))
    assert not any("commande" in item for item in checklist(debit))  # the name: the account's
    from amazon_reclamation.texts.summary import request_line

    assert "vendeur" not in request_line(debit)
    assert "choisissez cette commande" not in " ".join(where_to_contact(debit))


def test_confirming_a_promise_without_a_date_refers_to_no_date() -> None:
    from amazon_reclamation.texts.summary import confirmation_message
    from factories import contact

    call = contact(channel="phone", outcome="promise", promise="un remboursement")
    text = confirmation_message(make_complaint(), call)
    assert "à cette date" not in text
    assert "non tenu" not in text
