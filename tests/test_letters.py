"""The formal notice: the right cited per category, the facts, the contacts, the deadline,
the bodies named by the routing, and one snapshot per category.

Regenerate the snapshots after a deliberate change of wording:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_letters.py
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import helpers
from amazon_reclamation import fmt
from amazon_reclamation.errors import ExitCode, ReclamError
from amazon_reclamation.knowledge.periods import next_business_day
from amazon_reclamation.models import CATEGORIES
from amazon_reclamation.texts.letters import formal_notice, formal_notice_parts
from factories import TODAY
from letter_cases import CASES, EXTRA_CASES, REFERENCE, case, letter_body

SNAPSHOTS = Path(__file__).parent / "snapshots" / "letters"


def check_snapshot(name: str, text: str) -> None:
    helpers.check_snapshot(SNAPSHOTS / name, text, "tests/test_letters.py")


@pytest.mark.parametrize("category", CATEGORIES)
def test_letter_has_the_facts_the_right_the_contacts_and_a_deadline(category: str) -> None:
    complaint = case(category)
    body = letter_body(formal_notice(complaint, TODAY))
    assert "123-1234567-1234567" in body
    assert "1er octobre 2026" in body and "01/10/2026" in body
    assert REFERENCE[category] in body
    assert "mise en demeure" in body.lower()
    if complaint.seller.kind == "marketplace":
        # The calls were with Amazon's customer service, not with the seller written to.
        assert "Je vous ai déjà signalé" not in body
        assert "J'ai contacté le service client d'Amazon :" in body
        assert (
            "le 3 novembre 2026, par téléphone (Sophie, dossier CS-4471) : une suite m'a été "
            "annoncée pour le 10 novembre 2026." in body
        )
        assert "vous vous êtes engagé" not in body
    else:
        assert "Je vous ai déjà signalé ce problème :" in body
        assert (
            "le 3 novembre 2026, par téléphone (Sophie, dossier CS-4471), vous vous êtes engagé "
            "à : « l'envoi d'un nouvel article » pour le 10 novembre 2026 ; cette promesse n'a "
            "pas été tenue." in body
        )
    assert "le 12 novembre 2026, par chat, sans obtenir de réponse." in body
    assert "tentatives" not in body and "restée sans réponse" not in body
    # 20/11 + 15 days is a Saturday: the next working day.
    assert "au plus tard le 7 décembre 2026" in body
    assert "Marie Dupont" in body
    for forbidden in ("ODR", "Point de contact", "VI.44"):
        assert forbidden not in body


@pytest.mark.typography  # the exact bytes: non-breaking spaces on
@pytest.mark.parametrize("category", CATEGORIES)
def test_letter_snapshot(category: str) -> None:
    check_snapshot(f"{category}.txt", formal_notice(case(category), TODAY))


@pytest.mark.typography  # the exact bytes: non-breaking spaces on
def test_markdown_snapshot() -> None:
    check_snapshot("damaged.md", formal_notice(case("damaged"), TODAY, markdown=True))


def test_note_for_the_user_comes_before_the_letter() -> None:
    text = formal_notice(case("damaged"), TODAY)
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
    body = letter_body(formal_notice(case(category, seller=seller), TODAY))
    for name in named:
        assert name in body
    for name in not_named:
        assert name not in body


def test_marketplace_letter_is_addressed_to_the_seller() -> None:
    text = formal_notice(case("non_conforming"), TODAY)
    assert "Boutique Lille\n[adresse du vendeur]" in letter_body(text)
    assert "fiche vendeur" in text.split("-" * 60, 1)[0]


def test_contract_before_the_reform_cites_the_older_version() -> None:
    # Ordered before 1 June 2022, still under the guarantee on 20/11/2023.
    complaint = case(
        "damaged",
        order_date=date(2022, 5, 20),
        delivery_date=date(2022, 5, 25),
        facts={"damage_timing": "later", "defect_discovered_date": date(2023, 11, 1)},
        contacts=[],
    )
    text = formal_notice(complaint, date(2023, 11, 20))
    assert "antérieure à la loi du 20 mars 2022" in text
    assert "modifiés par la loi du 20 mars 2022" not in text
    assert "présumé" not in text


@pytest.mark.parametrize("expected", [None, Decimal("59.99"), Decimal("49.99")])
def test_unknown_charge_cites_the_unauthorised_payment_rule(expected: Decimal | None) -> None:
    facts = {
        **CASES["billing"]["facts"],
        "billing_problem": "unknown_charge",
        "amount_expected": expected,
    }
    body = letter_body(formal_notice(case("billing", facts=facts), TODAY))
    assert "article VII.41 du Code de droit économique" in body
    part = expected == Decimal("49.99")
    # Only the excess over the order is disputed, and nothing claims the order unauthorised.
    assert ("me rembourser 10,00\u00a0€" in body) == part
    assert ("me rembourser 59,99\u00a0€" in body) == (not part)
    assert ("Je n'ai autorisé aucune opération" in body) == (not part)
    assert (
        "Je ne reconnais pas la part de ce débit qui dépasse le montant de ma commande "
        "(49,99\u00a0€)." in body
    ) == part


def test_a_debit_without_an_order_names_no_invoice_and_no_amazon_account() -> None:
    facts = {**CASES["billing"]["facts"], "billing_problem": "unknown_charge"}
    debit = case("billing", facts=facts, seller={}, order_number=None, order_date=None, contacts=[])
    text = formal_notice(debit, TODAY)
    # The bank account is debited, not the Amazon account; no invoice names the payee.
    assert "compte Amazon" not in text
    assert "facture" not in text
    assert "bénéficiaire indiqué sur votre relevé" in text
    assert "[nom du bénéficiaire indiqué sur votre relevé]" in text  # addressed to the payee
    assert "[nom du vendeur]" not in text


def test_a_debit_without_an_order_charged_by_amazon_asks_no_invoice_check() -> None:
    facts = {**CASES["billing"]["facts"], "billing_problem": "unknown_charge"}
    debit = case(
        "billing", facts=facts, seller={"kind": "amazon"}, order_number=None, order_date=None,
        contacts=[],
    )  # fmt: skip
    text = formal_notice(debit, TODAY)
    assert "Conditions d'utilisation et de vente d'amazon.com.be" in text  # the address
    assert "facture" not in text


@pytest.mark.parametrize(
    ("days", "day", "day_off"),
    [
        (7, "27 novembre 2026", None),
        (8, "30 novembre 2026", "Le 28 novembre 2026 est un samedi"),
        (9, "30 novembre 2026", "Le 29 novembre 2026 est un dimanche"),
        (15, "7 décembre 2026", "Le 5 décembre 2026 est un samedi"),
    ],
)
def test_the_deadline_follows_days_and_never_ends_on_a_weekend(
    days: int, day: str, day_off: str | None
) -> None:
    note, letter = formal_notice_parts(case("refund"), TODAY, days=days)
    assert f"au plus tard le {day}" in letter
    assert ("le délai est reporté au jour ouvrable suivant" in note) == (day_off is not None)
    if day_off is not None:
        assert day_off in note
    assert f"jusqu'au {day}" in note


def test_the_deadline_skips_a_belgian_public_holiday() -> None:
    # 20/11 + 35 days = 25/12 (Christmas, a Friday): Monday 28/12.
    note, letter = formal_notice_parts(case("refund"), TODAY, days=35)
    assert "au plus tard le 28 décembre 2026" in letter
    assert "Le 25 décembre 2026 est un jour férié" in note


def test_a_letter_without_contacts_has_no_contact_section() -> None:
    body = letter_body(formal_notice(case("damaged", contacts=[]), TODAY))
    assert "déjà signalé" not in body
    assert "au plus tard le 7 décembre 2026" in body


def test_markdown_escapes_user_text() -> None:
    text = formal_notice(case("damaged", item="Lampe *LED* [x2]"), TODAY, markdown=True)
    assert "« Lampe \\*LED\\* \\[x2\\] »" in text
    assert "**Objet : mise en demeure — commande n° 123-1234567-1234567 du 01/10/2026**" in text
    assert "Amazon EU S.à r.l.\\\n38 avenue John F. Kennedy\\\nL-1855 Luxembourg" in text


@pytest.mark.typography  # the exact bytes: non-breaking spaces on
@pytest.mark.parametrize("name", list(EXTRA_CASES))
def test_more_letter_snapshots(name: str) -> None:
    category, changes = EXTRA_CASES[name]
    check_snapshot(f"{name}.txt", formal_notice(case(category, **changes), TODAY))


# -- the note apart from the letter ------------------------------------------------------


@pytest.mark.parametrize("markdown", [False, True])
@pytest.mark.parametrize("category", CATEGORIES)
def test_note_and_letter_apart(category: str, markdown: bool) -> None:
    complaint = case(category)
    note, letter = formal_notice_parts(complaint, TODAY, markdown=markdown)
    separator = "---" if markdown else "-" * 60
    assert formal_notice(complaint, TODAY, markdown=markdown) == f"{note}\n{separator}\n\n{letter}"
    assert "recommandé" in note and "recommandé" not in letter
    assert "ne pas recopier" in note.lower() and "ne pas recopier" not in letter.lower()
    assert "123-1234567-1234567" in letter and "123-1234567-1234567" not in note
    assert letter.startswith(("Marie Dupont", "Marie Dupont\\"))
    assert note.endswith("\n") and letter.endswith("\n")


# -- no letter when it would be premature or groundless ----------------------------------


@pytest.mark.parametrize(
    ("category", "changes", "message"),
    [
        (
            "late",
            {"expected_delivery_date": date(2026, 11, 25)},
            "La date de livraison annoncée (25/11/2026) n'est pas encore passée : une mise en "
            "demeure serait prématurée.",
        ),
        (
            "late",
            {"expected_delivery_date": TODAY},
            "La date de livraison annoncée (20/11/2026) n'est pas encore passée",
        ),
        (
            "not_received",
            {"expected_delivery_date": None, "order_date": date(2026, 11, 1), "facts": {}},
            "Le délai légal de livraison (30 jours après la commande, jusqu'au 01/12/2026) "
            "n'est pas encore passé",
        ),
        (
            "damaged",
            {"order_date": date(2024, 10, 1), "delivery_date": date(2024, 10, 5)},
            "La garantie légale a pris fin le 05/10/2026 (2 ans après la livraison)",
        ),
        (
            "non_conforming",
            {"order_date": date(2022, 3, 1), "delivery_date": date(2022, 3, 4)},
            "La garantie légale a pris fin le 04/03/2024",
        ),
        (
            "late",
            {"expected_delivery_date": date(2026, 10, 15), "delivery_date": date(2026, 10, 15)},
            "au plus tard à la date annoncée",
        ),
    ],
)
def test_no_letter_when_premature_or_groundless(
    category: str, changes: dict[str, Any], message: str
) -> None:
    complaint = case(category, **changes)
    for build in (formal_notice, formal_notice_parts):
        with pytest.raises(ReclamError) as raised:
            build(complaint, TODAY)
        assert message in raised.value.message
        assert "\n" not in raised.value.message
        assert raised.value.exit_code == ExitCode.REFUSED


@pytest.mark.parametrize(
    ("ordered", "announced"),
    [
        (date(2026, 10, 1), None),  # due 31/10: late
        (date(2026, 10, 20), None),  # due 19/11: late since today
        (date(2026, 10, 21), None),  # due today: not late yet
        (date(2026, 11, 10), None),  # due 10/12
        (date(2026, 10, 1), date(2026, 11, 19)),
        (date(2026, 10, 1), date(2026, 11, 20)),
        (date(2026, 10, 1), date(2026, 12, 2)),
    ],
)
@pytest.mark.parametrize("category", ["late", "not_received"])
def test_the_letter_deadline_never_falls_before_the_delivery_date(
    category: str, ordered: date, announced: date | None
) -> None:
    complaint = case(category, order_date=ordered, expected_delivery_date=announced, facts={})
    due = announced or ordered + timedelta(days=30)
    try:
        note, letter = formal_notice_parts(complaint, TODAY, days=8)
    except ReclamError:
        assert due >= TODAY
        return
    assert due < TODAY
    demanded = next_business_day(TODAY + timedelta(days=8))
    assert f"au plus tard le {fmt.long_date(demanded)}" in letter
    assert demanded > due
    assert fmt.long_date(due) in letter


# -- late delivery ------------------------------------------------------------------------


def test_no_announced_date_is_unknown_and_the_note_asks_for_it() -> None:
    note, letter = formal_notice_parts(case("late", expected_delivery_date=None), TODAY)
    assert "n'ayant été convenue" not in letter and "Aucune autre date" not in letter
    assert "Compté à partir de ma commande, ce délai a expiré le 31 octobre 2026." in letter
    assert "Aucune date de livraison annoncée n'a été indiquée" in note
    assert "ajoutez-la : « La livraison m'avait été annoncée pour le [date] au plus tard. »" in note


@pytest.mark.parametrize(
    ("announced", "legal_passed"),
    [(date(2026, 10, 15), True), (date(2026, 11, 5), False)],
)
def test_the_announced_date_is_an_estimate_apart_from_the_legal_30_days(
    announced: date, legal_passed: bool
) -> None:
    ordered = date(2026, 10, 1) if legal_passed else date(2026, 10, 25)
    complaint = case("late", order_date=ordered, expected_delivery_date=announced)
    letter = formal_notice_parts(complaint, TODAY)[1]
    told = f"La livraison m'avait été annoncée pour le {fmt.long_date(announced)} au plus tard"
    assert told + ("" if legal_passed else ".") in letter
    assert (
        "; le délai légal de 30 jours a lui aussi expiré le 31 octobre 2026." in letter
    ) == legal_passed
    assert "La date annoncée" not in letter
    assert "(règle de l'article 20 de la directive 2011/83/UE)" in letter


@pytest.mark.parametrize(
    ("changes", "arrived", "asked"),
    [
        (
            {"desired_resolution": "partial_refund"},
            "Cette commande devait être livrée au plus tard le 31 octobre 2026 ; elle ne l'a été "
            "que le 10 novembre 2026, soit avec 10 jours de retard.",
            "un remboursement partiel de [montant demandé] en compensation de ce retard",
        ),
        (
            {"desired_resolution": "refund"},
            "soit avec 10 jours de retard.",
            "le remboursement de 49,99\u00a0€, l'article restant à votre disposition",
        ),
        ({"desired_resolution": None}, "soit avec 10 jours de retard.", "[ce que vous demandez]"),
        (
            # A later announced date counts as the date due.
            {"expected_delivery_date": date(2026, 11, 5), "desired_resolution": None},
            "devait être livrée au plus tard le 5 novembre 2026 ; elle ne l'a été que le 10 "
            "novembre 2026, soit avec 5 jours de retard.",
            "[ce que vous demandez]",
        ),
    ],
)
def test_a_parcel_delivered_late_gets_a_courteous_request_not_a_formal_notice(
    changes: dict[str, Any], arrived: str, asked: str
) -> None:
    complaint = case("late", **{"delivery_date": date(2026, 11, 10), **changes})
    note, letter = formal_notice_parts(complaint, TODAY)
    assert "pas reçu" not in letter
    assert "livrer la commande" not in letter
    assert arrived in letter
    assert f"Je vous demande, à titre commercial, de m'accorder {asked}." in letter
    # No legal right is claimed once delivered: no formal notice, no threat, no article.
    for claimed in ("en demeure", "VI.43", "juge", "Sans réponse satisfaisante"):
        assert claimed not in letter
    assert "Objet : demande de geste commercial" in letter
    assert "à titre commercial, et non une mise en demeure" in note


@pytest.mark.parametrize(
    ("announced", "delivered"),
    [(date(2026, 10, 8), date(2026, 10, 20)), (None, date(2026, 10, 31))],
)
def test_a_parcel_delivered_within_the_legal_30_days_gets_no_letter(
    announced: date | None, delivered: date
) -> None:
    complaint = case("late", expected_delivery_date=announced, delivery_date=delivered)
    with pytest.raises(ReclamError) as raised:
        formal_notice_parts(complaint, TODAY)
    assert "dans les 30 jours de la commande" in raised.value.message
    assert "\n" not in raised.value.message


# -- refund after a return ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("delivered", "returned", "vi50", "in_note"),
    [
        (date(2026, 10, 6), date(2026, 10, 25), False, "après la fin du délai de rétractation"),
        (date(2026, 10, 6), date(2026, 10, 20), True, None),
        (None, date(2026, 10, 25), True, "ne vaut que si vous avez renvoyé l'article"),
    ],
)
def test_refund_letter_cites_vi50_only_after_a_withdrawal_in_time(
    delivered: date | None, returned: date, vi50: bool, in_note: str | None
) -> None:
    facts = {**CASES["refund"]["facts"], "returned_date": returned}
    note, letter = formal_notice_parts(case("refund", delivery_date=delivered, facts=facts), TODAY)
    assert ("VI.50" in letter) == vi50
    assert ("politique de retour" in letter) == (not vi50)
    assert "me rembourser 49,99\u00a0€" in letter
    if in_note:
        assert in_note in note
    if not vi50:
        assert "Vos commandes" in note
