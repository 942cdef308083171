"""The problem as the dossier states it: the facts in the neutral form, for a third party.

`texts/problem.py` writes the problem as the consumer tells it to the trader ("je n'ai
pas reçu le colis", "des photos, que je peux vous transmettre"); ECC Belgium, a mediator
or a judge reads facts instead: "le colis n'a pas été reçu", "des photos ont été
prises". The facts choose the sentences as for the consumer's words (`texts.problem`, one
whole sentence per combination of known facts); only the sentences differ here.
The user's own words (the description) are shown apart, as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.texts.problem import (
    Variants,
    Voice,
    long_date_or_blank,
    sentences_in,
    variant,
)

if TYPE_CHECKING:
    from datetime import date

    from amazon_reclamation.models import Complaint

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
_DELIVERED_LATE: Variants = {
    (True,): N_(
        "La commande a été livrée le {date}, alors que sa livraison était annoncée au plus "
        "tard le {expected}."
    ),
    (False,): N_("La commande a été livrée en retard, le {date}."),
}
_MARKED_DELIVERED: Variants = {
    (True,): N_("Le suivi indique que le colis a été livré le {date} ; il n'a pas été reçu."),
    (False,): N_("Le suivi indique que le colis a été livré ; il n'a pas été reçu."),
}
_NOT_CONFORMING: Variants = {
    (True, True): N_("L'article reçu le {date} ne correspond pas à la commande : {detail}."),
    (True, False): N_("L'article reçu le {date} ne correspond pas à la commande."),
    (False, True): N_("L'article reçu ne correspond pas à la commande : {detail}."),
    (False, False): N_("L'article reçu ne correspond pas à la commande."),
}
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


def _refund_stated(c: Complaint, today: date) -> list[str]:
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


STATED = Voice(
    defect_later=_DEFECT_LATER,
    damaged_on_arrival=_DAMAGED_ON_ARRIVAL,
    damaged=_DAMAGED,
    photos_of_damage=N_("Des photos de l'article et de l'emballage ont été prises."),
    delivered_late=_DELIVERED_LATE,
    late_overdue=N_(
        "La livraison était annoncée au plus tard le {date} ; au {today}, le colis n'a pas "
        "été reçu."
    ),
    late_no_date=N_("Au {today}, le colis n'a pas été reçu."),
    marked_delivered=_MARKED_DELIVERED,
    not_received=N_("Le colis n'a pas été reçu."),
    neighbours_checked=N_(
        "Les voisins, la boîte aux lettres et le point relais ont été vérifiés, sans résultat."
    ),
    not_conforming=_NOT_CONFORMING,
    photos_of_difference=N_("Des photos qui le montrent ont été prises."),
    unknown_charge=_UNKNOWN_CHARGE,
    unannounced_fee=_UNANNOUNCED_FEE,
    wrong_amount=_WRONG_AMOUNT,
    paid_by=N_("Le paiement a été fait par {method}."),
    refund=_refund_stated,
)


def stated_problem(complaint: Complaint, today: date) -> list[str]:
    """The facts of the problem in the neutral form, as a dossier states them."""
    return sentences_in(complaint, today, STATED)
