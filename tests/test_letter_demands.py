"""The formal notice: the demand in the legal order of remedies, billing, "other", and
how contacts read in a letter.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from amazon_reclamation.models import CATEGORIES, Complaint, Contact
from amazon_reclamation.texts.letters import formal_notice, formal_notice_parts
from factories import TODAY, at, contact
from letter_cases import CASES, LOG, case, letter_body

# -- the remedy asked ---------------------------------------------------------------------

BROKEN_PROMISE = [LOG[0]]  # replacement promised for 10/11, not kept
REFUSED = [contact(3, at(4), "email", "refused")]  # Amazon's customer service
SELLER_REFUSED = [contact(3, at(4), "seller_message", "refused")]  # a marketplace seller


@pytest.mark.parametrize(
    ("category", "resolution", "log", "present", "absent"),
    [
        (
            "damaged",
            "refund",
            [],
            [
                "de réparer ou de remplacer l'article au plus tard le 7 décembre 2026",
                "Si ni la réparation ni le remplacement ne sont possibles, je vous demande la "
                "résolution de la vente et le remboursement de 49,99\u00a0€.",
            ],
            ["à savoir : le remboursement"],
        ),
        (
            "non_conforming",
            "refund",
            BROKEN_PROMISE,
            [
                "Ma demande n'ayant abouti ni à une réparation ni à un remplacement, je demande "
                "la résolution de la vente",
                "de me rembourser 49,99\u00a0€ au plus tard le 7 décembre 2026",
            ],
            ["de réparer ou de remplacer", "à savoir : le remboursement"],
        ),
        (
            "damaged",
            "partial_refund",
            [],
            ["de réparer ou de remplacer", "une réduction proportionnelle du prix"],
            ["à savoir : un remboursement partiel"],
        ),
        (
            "damaged",
            "partial_refund",
            BROKEN_PROMISE,
            ["je demande une réduction proportionnelle du prix"],
            ["de réparer ou de remplacer"],
        ),
        (
            "damaged",
            "replacement",
            [],
            ["Je vous mets dès lors en demeure de remplacer l'article au plus tard le 7 décembre"],
            ["à savoir", "me donner satisfaction"],
        ),
        (
            "damaged",
            "refund",
            REFUSED,
            [
                "Vous avez refusé, le 4 novembre 2026, de remédier à ce défaut. Je vous mets dès "
                "lors en demeure de réparer ou de remplacer l'article au plus tard le 7 décembre "
                "2026 ou, si c'est impossible, de me rembourser 49,99\u00a0€, l'article restant "
                "à votre disposition."
            ],
            ["Ma demande n'ayant abouti"],
        ),
        (
            "non_conforming",
            "replacement",
            SELLER_REFUSED,
            ["en demeure de remplacer l'article au plus tard le 7 décembre 2026 ou, si c'est"],
            ["Ma demande n'ayant abouti", "à savoir"],
        ),
        # Not received: first an additional period for delivery (CRD art. 18(2)) …
        (
            "not_received",
            "refund",
            LOG,
            ["de livrer la commande au plus tard le 7 décembre 2026", "À défaut, je mettrai fin"],
            ["Le colis ne m'étant jamais parvenu"],
        ),
        # … and straight to the refund only after a refusal.
        (
            "not_received",
            "refund",
            SELLER_REFUSED,
            [
                "Vous avez refusé, le 4 novembre 2026, de donner suite à ma demande. Je mets dès "
                "lors fin au contrat et vous mets en demeure de me rembourser 49,99\u00a0€ au "
                "plus tard le 7 décembre 2026."
            ],
            ["livrer la commande"],
        ),
        ("not_received", "delivery", LOG, ["de livrer la commande au plus tard"], []),
    ],
)
def test_the_demand_follows_the_remedy_asked_in_the_legal_order(
    category: str, resolution: str, log: list[Contact], present: list[str], absent: list[str]
) -> None:
    letter = formal_notice_parts(
        case(category, desired_resolution=resolution, contacts=log), TODAY
    )[1]
    for text in present:
        assert text in letter
    for text in absent:
        assert text not in letter
    if category in ("damaged", "non_conforming"):
        assert "d'abord" in letter and "impossibles ou ne sont pas correctement effectués" in letter


# -- billing, "other", wording ------------------------------------------------------------


@pytest.mark.parametrize("method", ["card", "sepa_direct_debit", "debit_card"])
def test_the_unknown_charge_letter_does_not_say_the_bank_was_told(method: str) -> None:
    facts = {
        **CASES["billing"]["facts"],
        "billing_problem": "unknown_charge",
        "payment_method": method,
    }
    note, letter = formal_notice_parts(case("billing", facts=facts), TODAY)
    assert "Je le signale par ailleurs" not in letter
    assert "[Si c'est fait : Je l'ai signal" in letter
    assert "sans attendre la réponse du vendeur" in note
    assert "Card Stop" not in note + letter


def test_unannounced_fees_say_who_states_the_rule() -> None:
    letter = formal_notice_parts(case("billing"), TODAY)[1]
    assert "Comme le rappelle le SPF Economie, des frais supplémentaires" in letter


@pytest.mark.parametrize("resolution", [None, "other"])
@pytest.mark.parametrize("delivered", [None, date(2026, 10, 5)])
def test_other_without_a_description_has_a_placeholder_not_a_false_reference(
    resolution: str | None, delivered: date | None
) -> None:
    complaint = case(
        "other", description=None, desired_resolution=resolution, delivery_date=delivered
    )
    letter = formal_notice_parts(complaint, TODAY)[1]
    assert "[Décrivez ici le problème" in letter
    assert "précisé ci-dessus" not in letter and "précisée dans la description" not in letter
    # Rights are referred to only when the letter recalled some (the guarantee).
    assert ("droits rappelés ci-dessus" in letter) == (delivered is not None)
    if delivered is None:
        assert "une solution à ce problème [précisez ce que vous demandez]" in letter


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_two_paragraphs_in_a_row_start_with_a_defaut(category: str) -> None:
    letter = formal_notice_parts(case(category), TODAY)[1]
    paragraphs = letter.split("\n\n")
    for first, second in zip(paragraphs, paragraphs[1:], strict=False):
        assert not ("À défaut" in first and second.startswith("À défaut")), (first, second)
    assert "Sans réponse satisfaisante à cette date" in letter


@pytest.mark.parametrize(
    ("outcome", "summary", "line"),
    [
        ("refused", None, "le 4 novembre 2026, par e-mail : vous avez refusé d'y donner suite."),
        # The user's own note is never quoted to the trader: only the facts.
        (
            "refused",
            "remboursement demandé, il m'a raccroché au nez",
            "le 4 novembre 2026, par e-mail : vous avez refusé d'y donner suite.",
        ),
        ("pending", None, "le 4 novembre 2026, par e-mail : ma demande est restée sans suite."),
    ],
)
def test_contact_lines_read_as_a_letter(outcome: str, summary: str | None, line: str) -> None:
    log = [contact(3, at(4), "email", outcome, summary=summary)]
    letter = formal_notice_parts(case("damaged", contacts=log), TODAY)[1]
    assert f"- {line}" in letter
    assert "résultat :" not in letter
    assert "raccroché" not in letter


def test_a_letter_to_a_seller_names_amazon_messaging() -> None:
    log = [contact(3, at(4), "seller_message", "no_answer")]
    letter = formal_notice_parts(case("non_conforming", contacts=log), TODAY)[1]
    assert "par la messagerie d'Amazon, sans obtenir de réponse." in letter
    assert "messagerie du vendeur" not in letter


def _unknown_debit(charge: date, expected: Decimal | None = None) -> Complaint:
    facts = {
        **CASES["billing"]["facts"],
        "billing_problem": "unknown_charge",
        "payment_method": "sepa_direct_debit",
        "charge_date": charge,
        "amount_expected": expected,
    }
    return case("billing", facts=facts)


def test_an_unknown_direct_debit_is_refunded_by_the_bank_now_not_later() -> None:
    # Debit of 2/10: the 8 weeks end on 27/11, before the letter's deadline of 7/12.
    note, letter = formal_notice_parts(_unknown_debit(date(2026, 10, 2)), TODAY)
    assert (
        "Demandez dès maintenant à votre banque le remboursement de cette domiciliation : ce "
        "droit, sans justification, prend fin le 27 novembre 2026 (8 semaines après le débit)."
        in note
    )
    assert "remboursement de la domiciliation" not in letter
    # Weeks after: the right has ended, the note says nothing of it.
    note = formal_notice_parts(_unknown_debit(date(2026, 9, 1)), TODAY)[0]
    assert "Demandez dès maintenant" not in note


def test_an_unknown_direct_debit_over_the_order_keeps_the_order_owed() -> None:
    note, letter = formal_notice_parts(_unknown_debit(date(2026, 10, 20), Decimal("49.99")), TODAY)
    assert "le montant de votre commande (49,99\u00a0€) restera dû au vendeur" in note
    assert "alors que le montant de ma commande était de 49,99\u00a0€" in letter
    assert "que je ne reconnais pas." not in letter
    assert "me rembourser 10,00\u00a0€" in letter


def test_a_bank_refund_is_announced_only_if_it_outlasts_the_deadline() -> None:
    facts = {
        **CASES["billing"]["facts"],
        "payment_method": "sepa_direct_debit",
        "charge_date": date(2026, 10, 2),  # 8 weeks end 27/11, before the deadline
    }
    letter = formal_notice_parts(case("billing", facts=facts), TODAY)[1]
    assert "remboursement de la domiciliation" not in letter
    facts["charge_date"] = date(2026, 10, 20)  # 8 weeks end 15/12, after it
    letter = formal_notice_parts(case("billing", facts=facts), TODAY)[1]
    assert "demander à ma banque le remboursement de la domiciliation" in letter


def test_the_pre_ticked_box_rule_is_a_bracket_to_keep_or_drop() -> None:
    letter = formal_notice_parts(case("billing"), TODAY)[1]
    assert "[Si ces frais viennent d'une option cochée par défaut : " in letter
    assert "(article VI.41 du Code de droit économique).]" in letter


def test_a_cancelled_order_is_not_a_return() -> None:
    facts = {"return_kind": "cancelled", "returned_date": date(2026, 10, 3)}
    complaint = case("refund", delivery_date=None, facts=facts)
    note, letter = formal_notice_parts(complaint, TODAY)
    assert (
        "J'ai annulé cette commande le 3 octobre 2026, avant sa livraison ; je n'ai rien reçu "
        "en contrepartie des 49,99\u00a0€ payés." in letter
    )
    assert "récupération du bien" not in letter and "preuve de son expédition" not in letter
    assert "j'applique ce délai à mon annulation" in letter
    assert "il a expiré le 17 octobre 2026" in letter
    assert "par analogie" in note
    assert "preuve du renvoi" not in letter


def test_a_return_after_the_withdrawal_period_does_not_say_it_was_accepted() -> None:
    letter = formal_notice_parts(case("refund"), TODAY)[1]
    assert "[Si c'est le cas :] Vous avez accepté ce retour le [date]" in letter
    assert "et vous l'avez accepté" not in letter


def test_a_z_is_hedged_for_a_refund() -> None:
    letter = formal_notice_parts(case("refund"), TODAY)[1]
    assert "l'intervention d'Amazon (Garantie A à Z), si elle couvre ce cas" in letter


def test_a_letter_to_a_marketplace_seller_says_who_was_contacted() -> None:
    # Arrange: one message to the seller, one chat with Amazon's customer service
    log = [
        contact(1, at(4), "seller_message", "no_answer"),
        contact(2, at(6), "chat", "refused", step="contact_customer_service"),
    ]
    complaint = case("non_conforming", contacts=log)

    # Act
    letter = formal_notice_parts(complaint, TODAY)[1]

    # Assert
    mine, _, others = letter.partition("J'ai également contacté le service client d'Amazon :")
    assert "Je vous ai déjà signalé ce problème :" in mine
    assert "par la messagerie d'Amazon, sans obtenir de réponse." in mine
    assert "le 6 novembre 2026, par chat : ma demande a été refusée." in others
    assert "vous avez refusé" not in letter


def test_a_letter_to_amazon_states_a_message_to_the_seller_as_such() -> None:
    # Arrange
    log = [
        contact(1, at(4), "chat", "refused"),
        contact(2, at(6), "seller_message", "no_answer", step="contact_seller"),
    ]
    complaint = case("damaged", contacts=log)
    assert complaint.seller.kind == "amazon"

    # Act
    letter = formal_notice_parts(complaint, TODAY)[1]

    # Assert
    assert "- le 4 novembre 2026, par chat : vous avez refusé d'y donner suite." in letter
    assert "J'ai également écrit au vendeur :" in letter


@pytest.mark.parametrize(
    ("charged", "lapsed"), [(date(2025, 9, 1), True), (date(2026, 11, 3), False)]
)
def test_the_bank_correction_advice_follows_the_13_months(charged: date, lapsed: bool) -> None:
    from factories import complaint

    # Arrange
    debit = complaint(
        category="billing",
        order_number=None,
        order_date=None,
        facts={
            "billing_problem": "unknown_charge",
            "payment_method": "card",
            "charge_date": charged,
        },
    )

    # Act
    note = formal_notice_parts(debit, TODAY)[0]

    # Assert
    assert ("a expiré le 01/10/2026 : elle n'est plus tenue de vous rembourser" in note) == lapsed
    assert ("Signalez ce débit à votre banque" in note) == (not lapsed)


def test_a_wrong_debit_is_claimed_as_money_not_owed_not_as_a_fee() -> None:
    from factories import complaint

    # Arrange
    wrong = complaint(
        category="billing",
        facts={
            "billing_problem": "wrong_amount",
            "amount_charged": Decimal("99.98"),
            "amount_expected": Decimal("49.99"),
            "charge_date": date(2026, 11, 3),
        },
    )

    # Act
    letter = formal_notice_parts(wrong, TODAY)[1]

    # Assert
    assert "les 49,99\u00a0€ débités en plus ne vous sont pas dus" in letter
    assert "frais supplémentaires" not in letter


@pytest.mark.parametrize(
    ("delivered", "open_"), [(date(2026, 11, 15), True), (date(2026, 10, 5), False)]
)
def test_while_the_withdrawal_runs_the_note_says_it_is_simpler_and_ends_first(
    delivered: date, open_: bool
) -> None:
    from factories import complaint

    # Arrange
    damaged = complaint(category="damaged", delivery_date=delivered)

    # Act
    note = formal_notice_parts(damaged, TODAY)[0]

    # Assert
    assert ("vous pouvez vous rétracter sans donner de motif" in note) == open_
    assert ("Votre délai de rétractation prend fin le" in note) == open_


@pytest.mark.parametrize("category", ["non_conforming", "not_received"])
def test_a_refusal_by_amazon_is_never_told_to_the_seller_as_its_own(category: str) -> None:
    # Arrange: sold by a marketplace seller; Amazon's customer service refused by e-mail.
    complaint = case(category, desired_resolution="refund", contacts=REFUSED)

    # Act
    body = letter_body(formal_notice(complaint, TODAY))

    # Assert: the seller is not told it refused; the contact with Amazon is stated as such.
    assert "Vous avez refusé" not in body
    assert "service client d'Amazon" in body


@pytest.mark.parametrize(
    ("today", "said"), [(date(2026, 11, 20), "court jusqu'au"), (date(2027, 1, 5), "a expiré le")]
)
def test_the_legal_delivery_period_is_said_expired_only_once_it_is(today: date, said: str) -> None:
    # Arrange: marked delivered but never received, no date announced, ordered 1 November.
    complaint = case(
        "not_received",
        order_date=date(2026, 11, 1),
        expected_delivery_date=None,
        desired_resolution="refund",
        contacts=[],
    )

    # Act
    body = letter_body(formal_notice(complaint, today))

    # Assert: 30 days from the order end on 1 December 2026.
    assert f"Compté à partir de ma commande, ce délai {said}" in body
    assert "1er décembre 2026" in body


def test_with_an_unknown_seller_only_a_refusal_by_the_seller_is_quoted_as_theirs() -> None:
    # The letter goes to "the seller on the invoice": Amazon's refusal may not be theirs.
    by_amazon = case("damaged", seller={}, desired_resolution="refund", contacts=REFUSED)
    by_seller = case("damaged", seller={}, desired_resolution="refund", contacts=SELLER_REFUSED)
    assert "Vous avez refusé" not in letter_body(formal_notice(by_amazon, TODAY))
    assert "Vous avez refusé" in letter_body(formal_notice(by_seller, TODAY))


def test_a_call_to_amazon_is_not_told_to_a_marketplace_seller_as_the_defect_notice() -> None:
    # Arrange: sold by a marketplace seller; the only contact is a call to Amazon.
    call = [
        contact(1, at(30), "phone", "promise", promise="rembourser", follow_up=date(2026, 12, 5))
    ]
    complaint = case("non_conforming", contacts=call)

    # Act
    body = letter_body(formal_notice(complaint, TODAY))

    # Assert: the call is stated as a call to Amazon, never as a notice to the seller.
    assert "signalé ce défaut le" not in body
    assert "service client d'Amazon" in body


@pytest.mark.parametrize(("log", "noted"), [([], True), (SELLER_REFUSED, False)])
def test_a_refund_asked_but_delivery_demanded_first_is_explained_to_the_user(
    log: list[Contact], noted: bool
) -> None:
    # The law gives an additional period for delivery first; after a refusal, the letter
    # terminates the contract and asks the refund itself: nothing to explain then.
    complaint = case("not_received", desired_resolution="refund", contacts=log)
    note, _letter = formal_notice_parts(complaint, TODAY)
    assert ("la loi impose d'abord de laisser un délai supplémentaire" in note) == noted
