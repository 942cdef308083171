"""The problem, in the consumer's words: one function per category, whole sentences.

Where a fact may be missing, each variant of a sentence is its own message, chosen by
`variant()` from the facts present; no sentence is glued from fragments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.texts import labels

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from amazon_reclamation.models import Category, Complaint

# Each variant of a sentence, by which of its optional facts are present.
Variants = dict[tuple[bool, ...], str]


def variant(variants: Variants, *present: object) -> str:
    """The message for the facts that are present (one whole sentence per combination)."""
    return _(variants[tuple(bool(value) for value in present)])


def long_date_or_blank(day: date | None) -> str:
    """The long date, or "" for a date not given (the variant then does not use it)."""
    return fmt.long_date(day) if day else ""


_DEFECT_LATER: Variants = {
    (True, True): N_(
        "L'article, livré le {delivered}, présente un défaut que j'ai constaté le {discovered}."
    ),
    (True, False): N_("L'article, livré le {delivered}, présente un défaut."),
    (False, True): N_("L'article, livré, présente un défaut que j'ai constaté le {discovered}."),
    (False, False): N_("L'article, livré, présente un défaut."),
}
_DAMAGED_ON_ARRIVAL: Variants = {
    (True,): N_("L'article, livré le {delivered}, est arrivé endommagé."),
    (False,): N_("L'article, livré, est arrivé endommagé."),
}
_DAMAGED: Variants = {
    (True,): N_("L'article, livré le {delivered}, est endommagé ou défectueux."),
    (False,): N_("L'article, livré, est endommagé ou défectueux."),
}


def _damaged(c: Complaint, today: date, announced_date: bool) -> list[str]:
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
        sentences.append(
            _("J'ai pris des photos de l'article et de l'emballage, que je peux vous transmettre.")
        )
    return sentences


_DELIVERED_LATE: Variants = {
    (True,): N_(
        "La commande m'a été livrée en retard, le {date}, alors qu'elle était annoncée au "
        "plus tard le {expected}."
    ),
    (False,): N_("La commande m'a été livrée en retard, le {date}."),
}


def _late(c: Complaint, today: date, announced_date: bool) -> list[str]:
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
                "La livraison était annoncée au plus tard le {date} ; à ce jour "
                "({today}), je n'ai pas reçu le colis."
            ).format(date=fmt.long_date(expected), today=fmt.long_date(today))
        )
    else:
        sentences.append(
            _("À ce jour ({today}), je n'ai pas reçu le colis.").format(today=fmt.long_date(today))
        )
    if c.facts.tracking_status:
        sentences.append(
            _("Le suivi indique : « {status} ».").format(status=c.facts.tracking_status)
        )
    return sentences


_MARKED_DELIVERED: Variants = {
    (True,): N_("Le suivi indique que le colis a été livré le {date}, mais je ne l'ai pas reçu."),
    (False,): N_("Le suivi indique que le colis a été livré, mais je ne l'ai pas reçu."),
}


def _not_received(c: Complaint, today: date, announced_date: bool) -> list[str]:
    facts = c.facts
    sentences: list[str] = []
    if facts.marked_delivered:
        sentences.append(
            variant(_MARKED_DELIVERED, facts.marked_delivered_date).format(
                date=long_date_or_blank(facts.marked_delivered_date)
            )
        )
    else:
        sentences.append(_("Je n'ai pas reçu le colis."))
        if c.expected_delivery_date and announced_date:
            sentences.append(
                _("Sa livraison était annoncée au plus tard le {date}.").format(
                    date=fmt.long_date(c.expected_delivery_date)
                )
            )
    if facts.neighbours_checked:
        sentences.append(
            _(
                "J'ai vérifié auprès de mes voisins, dans ma boîte aux lettres et "
                "au point relais, sans résultat."
            )
        )
    return sentences


_NOT_CONFORMING: Variants = {
    (True, True): N_("L'article reçu le {date} ne correspond pas à ma commande : {detail}."),
    (True, False): N_("L'article reçu le {date} ne correspond pas à ma commande."),
    (False, True): N_("L'article reçu ne correspond pas à ma commande : {detail}."),
    (False, False): N_("L'article reçu ne correspond pas à ma commande."),
}


def _non_conforming(c: Complaint, today: date, announced_date: bool) -> list[str]:
    facts = c.facts
    detail = _(labels.DIFFERENCE_SENTENCE[facts.difference]) if facts.difference else ""
    sentences = [
        variant(_NOT_CONFORMING, c.delivery_date, detail).format(
            date=long_date_or_blank(c.delivery_date), detail=detail
        )
    ]
    if facts.photos_taken:
        sentences.append(_("J'ai pris des photos qui le montrent, que je peux vous transmettre."))
    return sentences


_UNKNOWN_CHARGE: Variants = {
    (True, True): N_(
        "Mon relevé fait apparaître, le {date}, un débit de {amount} que je ne reconnais pas."
    ),
    (True, False): N_("Mon relevé fait apparaître, le {date}, un débit que je ne reconnais pas."),
    (False, True): N_("Mon relevé fait apparaître un débit de {amount} que je ne reconnais pas."),
    (False, False): N_("Mon relevé fait apparaître un débit que je ne reconnais pas."),
}
# "Mon compte a été débité" sidesteps the agreement of "débité(e)" with the writer.
_UNANNOUNCED_FEE: Variants = {
    (True, True): N_(
        "Mon compte a été débité le {date} de {amount}, dont des frais qui ne m'avaient pas "
        "été annoncés avant la commande."
    ),
    (True, False): N_(
        "Mon compte a été débité le {date}, dont des frais qui ne m'avaient pas été annoncés "
        "avant la commande."
    ),
    (False, True): N_(
        "Mon compte a été débité de {amount}, dont des frais qui ne m'avaient pas été "
        "annoncés avant la commande."
    ),
    (False, False): N_(
        "Mon compte a été débité, dont des frais qui ne m'avaient pas été annoncés avant la "
        "commande."
    ),
}
_WRONG_AMOUNT: Variants = {
    (True, True): N_(
        "Mon compte a été débité le {date} de {amount}, ce qui ne correspond pas au montant "
        "de ma commande."
    ),
    (True, False): N_(
        "Mon compte a été débité le {date}, ce qui ne correspond pas au montant de ma commande."
    ),
    (False, True): N_(
        "Mon compte a été débité de {amount}, ce qui ne correspond pas au montant de ma commande."
    ),
    (False, False): N_(
        "Mon compte a été débité, ce qui ne correspond pas au montant de ma commande."
    ),
}


def _billing(c: Complaint, today: date, announced_date: bool) -> list[str]:
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
            # A charge the user does not recognise was not paid by them: say how it was taken.
            _("Ce débit a été effectué par {method}.").format(method=method)
            if facts.billing_problem == "unknown_charge"
            else _("J'ai payé par {method}.").format(method=method)
        )
    return sentences


_CANCELLED: Variants = {
    (True, True): N_(
        "J'ai annulé cette commande le {date} et je n'ai toujours pas reçu le remboursement "
        "de {amount}."
    ),
    (True, False): N_(
        "J'ai annulé cette commande le {date} et je n'ai toujours pas reçu le remboursement."
    ),
    (False, True): N_(
        "J'ai annulé cette commande et je n'ai toujours pas reçu le remboursement de {amount}."
    ),
    (False, False): N_("J'ai annulé cette commande et je n'ai toujours pas reçu le remboursement."),
}
_RETURNED: Variants = {
    (True, True, True): N_(
        "J'ai renvoyé l'article le {date} (numéro de suivi du retour : {tracking}) et je n'ai "
        "toujours pas reçu le remboursement de {amount}."
    ),
    (True, True, False): N_(
        "J'ai renvoyé l'article le {date} (numéro de suivi du retour : {tracking}) et je n'ai "
        "toujours pas reçu le remboursement."
    ),
    (True, False, True): N_(
        "J'ai renvoyé l'article le {date} et je n'ai toujours pas reçu le remboursement de "
        "{amount}."
    ),
    (True, False, False): N_(
        "J'ai renvoyé l'article le {date} et je n'ai toujours pas reçu le remboursement."
    ),
    (False, True, True): N_(
        "J'ai renvoyé l'article (numéro de suivi du retour : {tracking}) et je n'ai toujours "
        "pas reçu le remboursement de {amount}."
    ),
    (False, True, False): N_(
        "J'ai renvoyé l'article (numéro de suivi du retour : {tracking}) et je n'ai toujours "
        "pas reçu le remboursement."
    ),
    (False, False, True): N_(
        "J'ai renvoyé l'article et je n'ai toujours pas reçu le remboursement de {amount}."
    ),
    (False, False, False): N_(
        "J'ai renvoyé l'article et je n'ai toujours pas reçu le remboursement."
    ),
}


def _refund(c: Complaint, today: date, announced_date: bool) -> list[str]:
    facts = c.facts
    amount = facts.refund_expected or c.amount
    owed = fmt.money(amount) if amount else ""
    values = {"date": long_date_or_blank(facts.returned_date), "amount": owed, "tracking": ""}
    if facts.return_kind == "cancelled":
        return [variant(_CANCELLED, facts.returned_date, owed).format(**values)]
    values["tracking"] = facts.return_tracking or ""
    text = variant(_RETURNED, facts.returned_date, facts.return_tracking, owed)
    return [text.format(**values)]


def _nothing(c: Complaint, today: date, announced_date: bool) -> list[str]:
    return []


_PROBLEM: dict[Category, Callable[[Complaint, date, bool], list[str]]] = {
    "damaged": _damaged,
    "late": _late,
    "not_received": _not_received,
    "non_conforming": _non_conforming,
    "billing": _billing,
    "refund": _refund,
    "other": _nothing,
}


def problem_sentences(
    complaint: Complaint, today: date, *, announced_date: bool = True
) -> list[str]:
    """The facts of the problem, written as a consumer adviser would write them."""
    return _PROBLEM[complaint.category](complaint, today, announced_date)
