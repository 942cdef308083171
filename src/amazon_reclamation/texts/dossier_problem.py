"""The problem as the dossier states it: the facts in the neutral form, for a third party.

`texts/problem.py` writes the problem as the consumer tells it to the trader ("je n'ai
pas reçu le colis", "des photos, que je peux vous transmettre"); ECC Belgium, a mediator
or a judge reads facts instead: "le colis n'a pas été reçu", "des photos ont été
prises". One whole sentence per combination of known facts, chosen with `variant()`.
The user's own words (the description) are shown apart, as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.texts import labels
from amazon_reclamation.texts.problem import Variants, long_date_or_blank, variant

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from amazon_reclamation.models import Category, Complaint

_DEFECT_LATER: Variants = {
    (True, True): N_(
        "L'article, livré le {delivered}, présente un défaut constaté le {discovered}."
    ),
    (True, False): N_("L'article, livré le {delivered}, présente un défaut."),
    (False, True): N_("L'article livré présente un défaut constaté le {discovered}."),
    (False, False): N_("L'article livré présente un défaut."),
}
_DAMAGED_ON_ARRIVAL: Variants = {
    (True,): N_("L'article, livré le {delivered}, est arrivé endommagé."),
    (False,): N_("L'article livré est arrivé endommagé."),
}
_DAMAGED: Variants = {
    (True,): N_("L'article, livré le {delivered}, est endommagé ou défectueux."),
    (False,): N_("L'article livré est endommagé ou défectueux."),
}


def _damaged(c: Complaint, today: date) -> list[str]:
    facts = c.facts
    values = {
        "delivered": long_date_or_blank(c.delivery_date),
        "discovered": long_date_or_blank(facts.defect_discovered_date),
    }
    if facts.damage_timing == "later":
        text = variant(_DEFECT_LATER, c.delivery_date, facts.defect_discovered_date)
    elif facts.damage_timing == "on_arrival":
        text = variant(_DAMAGED_ON_ARRIVAL, c.delivery_date)
    else:
        text = variant(_DAMAGED, c.delivery_date)
    sentences = [text.format(**values)]
    if facts.photos_taken:
        sentences.append(_("Des photos de l'article et de l'emballage ont été prises."))
    return sentences


_DELIVERED_LATE: Variants = {
    (True,): N_(
        "La commande a été livrée le {date}, alors que sa livraison était annoncée au plus "
        "tard le {expected}."
    ),
    (False,): N_("La commande a été livrée en retard, le {date}."),
}


def _late(c: Complaint, today: date) -> list[str]:
    expected = c.expected_delivery_date
    if c.delivery_date:
        return [
            variant(_DELIVERED_LATE, expected).format(
                date=fmt.long_date(c.delivery_date), expected=long_date_or_blank(expected)
            )
        ]
    sentences: list[str] = []
    if expected and expected >= today:
        sentences.append(
            _("La livraison est annoncée au plus tard le {date}.").format(
                date=fmt.long_date(expected)
            )
        )
    elif expected:
        sentences.append(
            _(
                "La livraison était annoncée au plus tard le {date} ; au {today}, le colis "
                "n'a pas été reçu."
            ).format(date=fmt.long_date(expected), today=fmt.long_date(today))
        )
    else:
        sentences.append(
            _("Au {today}, le colis n'a pas été reçu.").format(today=fmt.long_date(today))
        )
    if c.facts.tracking_status:
        sentences.append(
            _("Le suivi indique : « {status} ».").format(status=c.facts.tracking_status)
        )
    return sentences


_MARKED_DELIVERED: Variants = {
    (True,): N_("Le suivi indique que le colis a été livré le {date} ; il n'a pas été reçu."),
    (False,): N_("Le suivi indique que le colis a été livré ; il n'a pas été reçu."),
}


def _not_received(c: Complaint, today: date) -> list[str]:
    facts = c.facts
    sentences: list[str] = []
    if facts.marked_delivered:
        sentences.append(
            variant(_MARKED_DELIVERED, facts.marked_delivered_date).format(
                date=long_date_or_blank(facts.marked_delivered_date)
            )
        )
    else:
        sentences.append(_("Le colis n'a pas été reçu."))
        if c.expected_delivery_date:
            sentences.append(
                _("Sa livraison était annoncée au plus tard le {date}.").format(
                    date=fmt.long_date(c.expected_delivery_date)
                )
            )
    if facts.neighbours_checked:
        sentences.append(
            _(
                "Les voisins, la boîte aux lettres et le point relais ont été vérifiés, "
                "sans résultat."
            )
        )
    return sentences


_NOT_CONFORMING: Variants = {
    (True, True): N_("L'article reçu le {date} ne correspond pas à la commande : {detail}."),
    (True, False): N_("L'article reçu le {date} ne correspond pas à la commande."),
    (False, True): N_("L'article reçu ne correspond pas à la commande : {detail}."),
    (False, False): N_("L'article reçu ne correspond pas à la commande."),
}


def _non_conforming(c: Complaint, today: date) -> list[str]:
    facts = c.facts
    detail = _(labels.DIFFERENCE_SENTENCE[facts.difference]) if facts.difference else ""
    sentences = [
        variant(_NOT_CONFORMING, c.delivery_date, detail).format(
            date=long_date_or_blank(c.delivery_date), detail=detail
        )
    ]
    if facts.photos_taken:
        sentences.append(_("Des photos qui le montrent ont été prises."))
    return sentences


_UNKNOWN_CHARGE: Variants = {
    (True, True): N_(
        "Le relevé du consommateur fait apparaître, le {date}, un débit de {amount} qu'il ne "
        "reconnaît pas."
    ),
    (True, False): N_(
        "Le relevé du consommateur fait apparaître, le {date}, un débit qu'il ne reconnaît pas."
    ),
    (False, True): N_(
        "Le relevé du consommateur fait apparaître un débit de {amount} qu'il ne reconnaît pas."
    ),
    (False, False): N_(
        "Le relevé du consommateur fait apparaître un débit qu'il ne reconnaît pas."
    ),
}
_UNANNOUNCED_FEE: Variants = {
    (True, True): N_(
        "Le compte du consommateur a été débité le {date} de {amount}, dont des frais qui ne "
        "lui avaient pas été annoncés avant la commande."
    ),
    (True, False): N_(
        "Le compte du consommateur a été débité le {date}, dont des frais qui ne lui avaient "
        "pas été annoncés avant la commande."
    ),
    (False, True): N_(
        "Le compte du consommateur a été débité de {amount}, dont des frais qui ne lui "
        "avaient pas été annoncés avant la commande."
    ),
    (False, False): N_(
        "Le compte du consommateur a été débité, dont des frais qui ne lui avaient pas été "
        "annoncés avant la commande."
    ),
}
_WRONG_AMOUNT: Variants = {
    (True, True): N_(
        "Le compte du consommateur a été débité le {date} de {amount}, ce qui ne correspond "
        "pas au montant de la commande."
    ),
    (True, False): N_(
        "Le compte du consommateur a été débité le {date}, ce qui ne correspond pas au "
        "montant de la commande."
    ),
    (False, True): N_(
        "Le compte du consommateur a été débité de {amount}, ce qui ne correspond pas au "
        "montant de la commande."
    ),
    (False, False): N_(
        "Le compte du consommateur a été débité, ce qui ne correspond pas au montant de la "
        "commande."
    ),
}


def _billing(c: Complaint, today: date) -> list[str]:
    facts = c.facts
    charged = fmt.money(facts.amount_charged) if facts.amount_charged else ""
    if facts.billing_problem == "unknown_charge":
        variants = _UNKNOWN_CHARGE
    elif facts.billing_problem == "unannounced_fee":
        variants = _UNANNOUNCED_FEE
    else:
        variants = _WRONG_AMOUNT
    sentences = [
        variant(variants, facts.charge_date, charged).format(
            date=long_date_or_blank(facts.charge_date), amount=charged
        )
    ]
    if facts.amount_expected:
        sentences.append(
            _("Le montant attendu était de {amount}.").format(
                amount=fmt.money(facts.amount_expected)
            )
        )
    if facts.payment_method and facts.payment_method != "other":
        method = labels.label(labels.PAYMENT_METHOD, facts.payment_method)
        sentences.append(
            _("Ce débit a été effectué par {method}.").format(method=method)
            if facts.billing_problem == "unknown_charge"
            else _("Le paiement a été fait par {method}.").format(method=method)
        )
    return sentences


_CANCELLED: Variants = {
    (True,): N_("La commande a été annulée le {date}."),
    (False,): N_("La commande a été annulée."),
}
_RETURNED: Variants = {
    (True,): N_("L'article a été renvoyé le {date}."),
    (False,): N_("L'article a été renvoyé."),
}
_NOT_REFUNDED: Variants = {
    (True,): N_("Au {today}, le remboursement de {amount} n'a pas été reçu."),
    (False,): N_("Au {today}, le remboursement n'a pas été reçu."),
}


def _refund(c: Complaint, today: date) -> list[str]:
    facts = c.facts
    amount = facts.refund_expected or c.amount
    owed = fmt.money(amount) if amount else ""
    returned = long_date_or_blank(facts.returned_date)
    if facts.return_kind == "cancelled":
        sentences = [variant(_CANCELLED, facts.returned_date).format(date=returned)]
    else:
        sentences = [variant(_RETURNED, facts.returned_date).format(date=returned)]
        if facts.return_tracking:
            sentences.append(
                _("Le numéro de suivi du retour est {tracking}.").format(
                    tracking=facts.return_tracking
                )
            )
    sentences.append(variant(_NOT_REFUNDED, owed).format(today=fmt.long_date(today), amount=owed))
    return sentences


def _nothing(c: Complaint, today: date) -> list[str]:
    return []


_PROBLEM: dict[Category, Callable[[Complaint, date], list[str]]] = {
    "damaged": _damaged,
    "late": _late,
    "not_received": _not_received,
    "non_conforming": _non_conforming,
    "billing": _billing,
    "refund": _refund,
    "other": _nothing,
}


def stated_problem(complaint: Complaint, today: date) -> list[str]:
    """The facts of the problem in the neutral form, as a dossier states them."""
    return _PROBLEM[complaint.category](complaint, today)
