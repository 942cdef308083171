"""The problem, in the consumer's words: one function per category, whole sentences.

Where a fact may be missing, each variant of a sentence is its own message, chosen by
`variant()` from the facts present; no sentence is glued from fragments. The same
decisions serve two voices (`Voice`): the consumer telling the trader ("je n'ai pas reçu
le colis", this module) and the dossier stating the facts for a third party ("le colis
n'a pas été reçu", `texts/dossier_problem.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

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


class Voice(NamedTuple):
    """The sentences that differ between the consumer's words and the dossier's (French
    sources marked with N_, translated when used); the facts that choose them are the same."""

    defect_later: Variants
    damaged_on_arrival: Variants
    damaged: Variants
    photos_of_damage: str
    delivered_late: Variants
    late_overdue: str  # {date}, {today}
    late_no_date: str  # {today}
    marked_delivered: Variants
    not_received: str
    neighbours_checked: str
    not_conforming: Variants
    photos_of_difference: str
    unknown_charge: Variants
    unannounced_fee: Variants
    wrong_amount: Variants
    paid_by: str  # {method}
    refund: Callable[[Complaint, date], list[str]]


def _damaged(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    facts = c.facts
    values = {
        "delivered": long_date_or_blank(c.delivery_date),
        "discovered": long_date_or_blank(facts.defect_discovered_date),
    }
    if facts.damage_timing == "later":
        text = variant(voice.defect_later, c.delivery_date, facts.defect_discovered_date)
    elif facts.damage_timing == "on_arrival":
        text = variant(voice.damaged_on_arrival, c.delivery_date)
    else:
        text = variant(voice.damaged, c.delivery_date)
    sentences = [text.format(**values)]
    if facts.photos_taken:
        sentences.append(_(voice.photos_of_damage))
    return sentences


def _late(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    expected = c.expected_delivery_date
    if c.delivery_date:
        return [
            variant(voice.delivered_late, expected).format(
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
            _(voice.late_overdue).format(date=fmt.long_date(expected), today=fmt.long_date(today))
        )
    else:
        sentences.append(_(voice.late_no_date).format(today=fmt.long_date(today)))
    if c.facts.tracking_status:
        sentences.append(
            _("Le suivi indique : « {status} ».").format(status=c.facts.tracking_status)
        )
    return sentences


def _not_received(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    facts = c.facts
    sentences: list[str] = []
    if facts.marked_delivered:
        sentences.append(
            variant(voice.marked_delivered, facts.marked_delivered_date).format(
                date=long_date_or_blank(facts.marked_delivered_date)
            )
        )
    else:
        sentences.append(_(voice.not_received))
        if c.expected_delivery_date and announced_date:
            sentences.append(
                _("Sa livraison était annoncée au plus tard le {date}.").format(
                    date=fmt.long_date(c.expected_delivery_date)
                )
            )
    if facts.neighbours_checked:
        sentences.append(_(voice.neighbours_checked))
    return sentences


def _non_conforming(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    facts = c.facts
    detail = _(labels.DIFFERENCE_SENTENCE[facts.difference]) if facts.difference else ""
    sentences = [
        variant(voice.not_conforming, c.delivery_date, detail).format(
            date=long_date_or_blank(c.delivery_date), detail=detail
        )
    ]
    if facts.photos_taken:
        sentences.append(_(voice.photos_of_difference))
    return sentences


def _billing(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    facts = c.facts
    charged = fmt.money(facts.amount_charged) if facts.amount_charged else ""
    if facts.billing_problem == "unknown_charge":
        variants = voice.unknown_charge
    elif facts.billing_problem == "unannounced_fee":
        variants = voice.unannounced_fee
    else:
        variants = voice.wrong_amount
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
            else _(voice.paid_by).format(method=method)
        )
    return sentences


def _refund(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    return voice.refund(c, today)


def _nothing(c: Complaint, today: date, announced_date: bool, voice: Voice) -> list[str]:
    return []


_PROBLEM: dict[Category, Callable[[Complaint, date, bool, Voice], list[str]]] = {
    "damaged": _damaged,
    "late": _late,
    "not_received": _not_received,
    "non_conforming": _non_conforming,
    "billing": _billing,
    "refund": _refund,
    "other": _nothing,
}


def sentences_in(
    complaint: Complaint, today: date, voice: Voice, *, announced_date: bool = True
) -> list[str]:
    """The facts of the problem in `voice`."""
    return _PROBLEM[complaint.category](complaint, today, announced_date, voice)


# -- the consumer's own words (the ready message, the letters) --------------------------

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
_DELIVERED_LATE: Variants = {
    (True,): N_(
        "La commande m'a été livrée en retard, le {date}, alors qu'elle était annoncée au "
        "plus tard le {expected}."
    ),
    (False,): N_("La commande m'a été livrée en retard, le {date}."),
}
_MARKED_DELIVERED: Variants = {
    (True,): N_("Le suivi indique que le colis a été livré le {date}, mais je ne l'ai pas reçu."),
    (False,): N_("Le suivi indique que le colis a été livré, mais je ne l'ai pas reçu."),
}
_NOT_CONFORMING: Variants = {
    (True, True): N_("L'article reçu le {date} ne correspond pas à ma commande : {detail}."),
    (True, False): N_("L'article reçu le {date} ne correspond pas à ma commande."),
    (False, True): N_("L'article reçu ne correspond pas à ma commande : {detail}."),
    (False, False): N_("L'article reçu ne correspond pas à ma commande."),
}
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


def _refund_told(c: Complaint, today: date) -> list[str]:
    facts = c.facts
    amount = facts.refund_expected or c.amount
    owed = fmt.money(amount) if amount else ""
    values = {"date": long_date_or_blank(facts.returned_date), "amount": owed, "tracking": ""}
    if facts.return_kind == "cancelled":
        return [variant(_CANCELLED, facts.returned_date, owed).format(**values)]
    values["tracking"] = facts.return_tracking or ""
    text = variant(_RETURNED, facts.returned_date, facts.return_tracking, owed)
    return [text.format(**values)]


FIRST_PERSON = Voice(
    defect_later=_DEFECT_LATER,
    damaged_on_arrival=_DAMAGED_ON_ARRIVAL,
    damaged=_DAMAGED,
    photos_of_damage=N_(
        "J'ai pris des photos de l'article et de l'emballage, que je peux vous transmettre."
    ),
    delivered_late=_DELIVERED_LATE,
    late_overdue=N_(
        "La livraison était annoncée au plus tard le {date} ; à ce jour ({today}), je n'ai "
        "pas reçu le colis."
    ),
    late_no_date=N_("À ce jour ({today}), je n'ai pas reçu le colis."),
    marked_delivered=_MARKED_DELIVERED,
    not_received=N_("Je n'ai pas reçu le colis."),
    neighbours_checked=N_(
        "J'ai vérifié auprès de mes voisins, dans ma boîte aux lettres et au point relais, "
        "sans résultat."
    ),
    not_conforming=_NOT_CONFORMING,
    photos_of_difference=N_("J'ai pris des photos qui le montrent, que je peux vous transmettre."),
    unknown_charge=_UNKNOWN_CHARGE,
    unannounced_fee=_UNANNOUNCED_FEE,
    wrong_amount=_WRONG_AMOUNT,
    paid_by=N_("J'ai payé par {method}."),
    refund=_refund_told,
)


def problem_sentences(
    complaint: Complaint, today: date, *, announced_date: bool = True
) -> list[str]:
    """The facts of the problem, written as a consumer adviser would write them."""
    return sentences_in(complaint, today, FIRST_PERSON, announced_date=announced_date)
