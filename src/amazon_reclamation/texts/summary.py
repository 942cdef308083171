"""What the user takes to customer service: the summary card and a ready message.

Pure functions from a `Complaint` to text. Rendering them (Rich panels) is
`render.py`'s job; the texts here are also what `--json` users and letters reuse.
Every sentence is one whole message: where a fact may be missing, each variant of the
sentence is its own message (`texts.problem.variant`), never a sentence glued from
fragments. The category's table (`knowledge/categories.py`) says which facts and
evidence it has; `texts/problem.py` words the problem itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from amazon_reclamation import fmt
from amazon_reclamation.domain.contacts import (
    needs_written_confirmation as needs_written_confirmation,
)
from amazon_reclamation.i18n import N_, _, in_language
from amazon_reclamation.knowledge.categories import CATEGORY_TABLE, debit_date_asked, evidence_for
from amazon_reclamation.texts import labels
from amazon_reclamation.texts.problem import Variants
from amazon_reclamation.texts.problem import long_date_or_blank as _long
from amazon_reclamation.texts.problem import problem_sentences as problem_sentences
from amazon_reclamation.texts.problem import variant as _variant

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from amazon_reclamation.knowledge.categories import FactRow
    from amazon_reclamation.models import Complaint, Contact

PREVIEW_ID = "apercu"  # the id of the record shown before it is saved
AMAZON_HELP_URL = "https://www.amazon.com.be/gp/help/customer/display.html"


class Summary(NamedTuple):
    """The parts of the summary card, already translated."""

    title: str
    facts: list[tuple[str, str]]
    description: str | None
    request: str  # the sentence of the ready message
    request_line: str  # the card's line: "Demande : le remboursement"
    checklist: list[str]
    where: list[str]
    message: str


def seller_text(complaint: Complaint) -> str:
    """ "Amazon", "VendeurX (FR)", or the unknown word."""
    seller = complaint.seller
    if seller.kind == "amazon":
        return _("Amazon")
    if seller.kind == "marketplace":
        name = seller.name or _("vendeur tiers")
        if seller.country:
            return _("{name} ({country})").format(name=name, country=seller.country)
        return name
    return fmt.unknown()


def _yes_no(value: bool | None) -> str:
    if value is None:
        return fmt.unknown()
    return _("oui") if value else _("non")


def _day(value: date | None) -> str | None:
    return fmt.short_date(value) if value else None


def _marked_delivered(c: Complaint) -> str:
    answer = _yes_no(c.facts.marked_delivered)
    if c.facts.marked_delivered_date:
        day = fmt.short_date(c.facts.marked_delivered_date)
        return _("{answer} ({date})").format(answer=answer, date=day)
    return answer


_Row = tuple[str, str | None]

# One row of the summary per fact a category asks (label, value or None to leave it out).
_ROWS: dict[FactRow, Callable[[Complaint], _Row]] = {
    "damage_timing": lambda c: (
        _("Apparition du défaut"),
        labels.label(labels.DAMAGE_TIMING, c.facts.damage_timing),
    ),
    "defect_discovered_date": lambda c: (
        _("Défaut découvert le"),
        _day(c.facts.defect_discovered_date),
    ),
    "photos_taken": lambda c: (_("Photos prises"), _yes_no(c.facts.photos_taken)),
    "announced_date": lambda c: (
        _("Livraison estimée au plus tard"),
        _day(c.expected_delivery_date) or _("aucune date annoncée"),
    ),
    "expected_delivery_date": lambda c: (
        _("Livraison estimée au plus tard"),
        _day(c.expected_delivery_date) or fmt.unknown(),
    ),
    "tracking_status": lambda c: (
        _("Suivi du colis"),  # not "Suivi", the follow-up column of `reclam list`
        c.facts.tracking_status or fmt.unknown(),
    ),
    "marked_delivered": lambda c: (_("Indiqué livré"), _marked_delivered(c)),
    "neighbours_checked": lambda c: (
        _("Voisins, boîte et point relais vérifiés"),
        _yes_no(c.facts.neighbours_checked),
    ),
    "difference": lambda c: (
        _("Ce qui diffère"),
        labels.label(labels.DIFFERENCE, c.facts.difference),
    ),
    "billing_problem": lambda c: (
        _("Problème de facturation"),  # the card's "Problème" row is the category
        labels.label(labels.BILLING_PROBLEM, c.facts.billing_problem),
    ),
    "amount_charged": lambda c: (_("Montant débité"), fmt.money(c.facts.amount_charged)),
    "amount_expected": lambda c: (_("Montant attendu"), fmt.money(c.facts.amount_expected)),
    "payment_method": lambda c: (
        _("Moyen de paiement"),
        labels.label(labels.PAYMENT_METHOD, c.facts.payment_method),
    ),
    "charge_date": lambda c: (
        _("Date du débit"),
        _day(c.facts.charge_date)
        or (fmt.unknown() if debit_date_asked(c.category, c.facts.payment_method) else None),
    ),
    "return_kind": lambda c: (_("Démarche"), labels.label(labels.RETURN_KIND, c.facts.return_kind)),
    "returned_date": lambda c: (
        _("Date du renvoi ou de l'annulation"),
        _day(c.facts.returned_date) or fmt.unknown(),
    ),
    "return_tracking": lambda c: (
        _("Suivi du retour"),
        c.facts.return_tracking if c.facts.return_kind != "cancelled" else None,
    ),
    "refund_expected": lambda c: (_("Remboursement attendu"), fmt.money(c.facts.refund_expected)),
}


def category_facts(complaint: Complaint) -> list[tuple[str, str]]:
    """The facts only this category asks for, as (label, value) pairs."""
    rows = [_ROWS[row](complaint) for row in CATEGORY_TABLE[complaint.category].facts]
    return [(name, value) for name, value in rows if value is not None]


def _order_facts(complaint: Complaint) -> list[tuple[str, str]]:
    rows = [
        (_("Numéro de commande"), complaint.order_number or _("aucun (débit sans commande)")),
        (_("Problème"), labels.label(labels.CATEGORY, complaint.category)),
        (_("Article"), complaint.item or fmt.unknown()),
        (_("Montant"), fmt.money(complaint.amount)),
        (_("Vendu par"), seller_text(complaint)),
        (_("Client"), complaint.customer_name or fmt.unknown()),
    ]
    if complaint.order_number or complaint.order_date:
        rows.insert(1, (_("Date de commande"), _day(complaint.order_date) or fmt.unknown()))
    if complaint.delivery_date or CATEGORY_TABLE[complaint.category].defect:
        rows.append((_("Date de livraison"), _day(complaint.delivery_date) or fmt.unknown()))
    return rows


def facts(complaint: Complaint) -> list[tuple[str, str]]:
    """Every row of the summary card: the order's facts, then the category's."""
    return _order_facts(complaint) + category_facts(complaint)


def checklist(complaint: Complaint) -> list[str]:
    """What to have at hand before contacting customer service."""
    spec = CATEGORY_TABLE[complaint.category]
    name = complaint.customer_name
    items = []
    if complaint.order_number:
        items.append(_("le numéro de commande : {order}").format(order=complaint.order_number))
    if complaint.order_date:
        items.append(
            _("la date d'achat : {date}").format(date=fmt.short_date(complaint.order_date))
        )
    if complaint.order_number is None:  # a debit that matches no order
        items.append(
            _("votre nom tel qu'il figure sur votre compte Amazon : {name}").format(name=name)
            if name
            else _("votre nom tel qu'il figure sur votre compte Amazon")
        )
    else:
        items.append(
            _("votre nom tel qu'il figure sur la commande : {name}").format(name=name)
            if name
            else _("votre nom tel qu'il figure sur la commande")
        )
    items += [_(labels.EVIDENCE[evidence]) for evidence in evidence_for(complaint)]
    if spec.defect and complaint.facts.photos_taken is False:
        items.append(_("prenez ces photos maintenant, avant de renvoyer quoi que ce soit"))
    items.append(_("de quoi noter : la date, le nom de l'interlocuteur et la référence du dossier"))
    return items


def where_to_contact(complaint: Complaint) -> list[str]:
    """Where to reach Amazon (or the seller); no phone number is invented."""
    lines = []
    if complaint.seller.kind == "marketplace":
        lines.append(
            _(
                "Vendeur tiers : écrivez-lui d'abord depuis la page de la commande, dans « Vos "
                "commandes » (les échanges restent enregistrés chez Amazon)."
            )
        )
    if complaint.order_number:
        lines.append(
            _(
                "Sur amazon.com.be : « Vos commandes », choisissez cette commande, puis "
                "l'option d'aide proposée pour un problème (chat, e-mail ou rappel selon ce "
                "qui est offert)."
            )
        )
    else:
        lines.append(
            _(
                "Aucune commande ne correspond à ce débit : sur amazon.com.be, passez par les "
                "pages d'aide pour joindre le service client (chat, e-mail ou rappel selon ce "
                "qui est offert)."
            )
        )
    lines.append(_("Pages d'aide d'Amazon : {url}").format(url=AMAZON_HELP_URL))
    return lines


def request_text(complaint: Complaint) -> str:
    """What the customer asks for, as a sentence."""
    if complaint.desired_resolution is None:
        return _("Pouvez-vous me proposer une solution ?")
    return _("Je vous demande {what}.").format(
        what=labels.label(labels.RESOLUTION, complaint.desired_resolution)
    )


def request_line(complaint: Complaint) -> str:
    """What the customer asks for, as the card's line (lower case after the colon)."""
    if complaint.desired_resolution is None and complaint.order_number is None:
        # A debit without an order has no seller: whoever answers proposes.
        return _("Demande : une solution, à proposer par votre interlocuteur")
    if complaint.desired_resolution is None:
        return _("Demande : une solution, à proposer par le vendeur")
    return _("Demande : {what}").format(
        what=labels.label(labels.RESOLUTION, complaint.desired_resolution)
    )


# -- the ready message and the written confirmation -------------------------------------

_INTRO: Variants = {
    (True, True, True): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, article « {item} », "
        "d'un montant de {amount}, auprès du vendeur {seller}."
    ),
    (True, True, False): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, article « {item} », "
        "d'un montant de {amount}."
    ),
    (True, False, True): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, article « {item} », "
        "auprès du vendeur {seller}."
    ),
    (True, False, False): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, article « {item} »."
    ),
    (False, True, True): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, d'un montant de "
        "{amount}, auprès du vendeur {seller}."
    ),
    (False, True, False): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, d'un montant de {amount}."
    ),
    (False, False, True): N_(
        "Je vous contacte au sujet de ma commande n° {order} du {date}, auprès du vendeur {seller}."
    ),
    (False, False, False): N_("Je vous contacte au sujet de ma commande n° {order} du {date}."),
}
# The order not known in full: a charge that matches no order (billing, unknown charge).
_INTRO_NO_ORDER: Variants = {
    (True, False): N_("Je vous contacte au sujet de ma commande n° {order}."),
    (False, False): N_(
        "Je vous contacte au sujet d'un débit qui ne correspond à aucune de mes commandes."
    ),
}


def _order_known(c: Complaint) -> tuple[bool, bool]:
    """(number known, date known with it): a date alone does not name an order."""
    return bool(c.order_number), bool(c.order_number and c.order_date)


def _closing(name: str | None) -> str:
    if name:
        return _("Cordialement,\n{name}").format(name=name)
    return _("Cordialement,")


def ready_message(complaint: Complaint, today: date) -> str:
    """The message to paste in the chat or an e-mail to customer service."""
    c = complaint
    seller = c.seller.name if c.seller.kind == "marketplace" else None
    number, dated = _order_known(c)
    variants = _variant(_INTRO, c.item, c.amount, seller) if dated else None
    intro = (variants or _variant(_INTRO_NO_ORDER, number, dated)).format(
        order=c.order_number,
        date=fmt.long_date(c.order_date) if c.order_date else "",
        item=c.item,
        amount=fmt.money(c.amount),
        seller=seller,
    )
    paragraphs = [_("Bonjour,"), intro]
    problem = problem_sentences(c, today)
    if problem:
        paragraphs.append(" ".join(problem))
    if c.description:
        paragraphs.append(_("Précisions : {text}").format(text=c.description))
    paragraphs.append(request_text(c))
    paragraphs.append(
        _(
            "Pouvez-vous me confirmer par écrit la suite donnée à ma demande, avec la "
            "référence de ce dossier ? Je vous remercie d'avance."
        )
    )
    paragraphs.append(_closing(c.customer_name))
    return "\n\n".join(paragraphs)


def build_summary(complaint: Complaint, today: date, message_lang: str | None = None) -> Summary:
    """Everything the summary card shows; the ready message in `message_lang`, else in the
    complaint's `letter_lang`, else in the interface language (the card always is)."""
    category = labels.label(labels.CATEGORY, complaint.category)
    return Summary(
        title=(
            _("Réclamation {id} — {category}").format(id=complaint.id, category=category)
            if complaint.id != PREVIEW_ID
            else _("Brouillon de réclamation — {category}").format(category=category)
        ),
        facts=facts(complaint),
        description=complaint.description,
        request=request_text(complaint),
        request_line=request_line(complaint),
        checklist=checklist(complaint),
        where=where_to_contact(complaint),
        message=ready_message_in(complaint, today, message_lang or complaint.letter_lang),
    )


def ready_message_in(complaint: Complaint, today: date, lang: str | None) -> str:
    """The ready message in `lang` (the interface language when None): its sentences,
    dates and amounts."""
    if lang is None:
        return ready_message(complaint, today)
    with in_language(lang):
        return ready_message(complaint, today)


# The start of a written confirmation, by channel, with or without agent and reference.
_OPENING: dict[str, Variants] = {
    "phone": {
        (False, False): N_("À la suite de notre appel téléphonique du {date}"),
        (True, False): N_("À la suite de notre appel téléphonique du {date} avec {agent}"),
        (False, True): N_(
            "À la suite de notre appel téléphonique du {date} (référence {reference})"
        ),
        (True, True): N_(
            "À la suite de notre appel téléphonique du {date} avec {agent} (référence {reference})"
        ),
    },
    "chat": {
        (False, False): N_("À la suite de notre échange par chat du {date}"),
        (True, False): N_("À la suite de notre échange par chat du {date} avec {agent}"),
        (False, True): N_("À la suite de notre échange par chat du {date} (référence {reference})"),
        (True, True): N_(
            "À la suite de notre échange par chat du {date} avec {agent} (référence {reference})"
        ),
    },
    "other": {
        (False, False): N_("À la suite de notre échange du {date}"),
        (True, False): N_("À la suite de notre échange du {date} avec {agent}"),
        (False, True): N_("À la suite de notre échange du {date} (référence {reference})"),
        (True, True): N_(
            "À la suite de notre échange du {date} avec {agent} (référence {reference})"
        ),
    },
}
_PROMISE: Variants = {
    (True, True, True): N_(
        "{opening}, au sujet de ma commande n° {order} du {order_date}, je vous confirme par "
        "écrit votre engagement : {what}, au plus tard le {date}."
    ),
    (True, True, False): N_(
        "{opening}, au sujet de ma commande n° {order} du {order_date}, je vous confirme par "
        "écrit votre engagement : {what}."
    ),
    (True, False, True): N_(
        "{opening}, au sujet de ma commande n° {order}, je vous confirme par écrit votre "
        "engagement : {what}, au plus tard le {date}."
    ),
    (True, False, False): N_(
        "{opening}, au sujet de ma commande n° {order}, je vous confirme par écrit votre "
        "engagement : {what}."
    ),
    (False, False, True): N_(
        "{opening}, au sujet d'un débit qui ne correspond à aucune de mes commandes, je vous "
        "confirme par écrit votre engagement : {what}, au plus tard le {date}."
    ),
    (False, False, False): N_(
        "{opening}, au sujet d'un débit qui ne correspond à aucune de mes commandes, je vous "
        "confirme par écrit votre engagement : {what}."
    ),
}
_REFUSAL: Variants = {
    (True, True, True): N_(
        "{opening}, au sujet de ma commande n° {order} du {order_date}, votre service a refusé "
        "ma demande ({summary})."
    ),
    (True, True, False): N_(
        "{opening}, au sujet de ma commande n° {order} du {order_date}, votre service a refusé "
        "ma demande."
    ),
    (True, False, True): N_(
        "{opening}, au sujet de ma commande n° {order}, votre service a refusé ma demande "
        "({summary})."
    ),
    (True, False, False): N_(
        "{opening}, au sujet de ma commande n° {order}, votre service a refusé ma demande."
    ),
    (False, False, True): N_(
        "{opening}, au sujet d'un débit qui ne correspond à aucune de mes commandes, votre "
        "service a refusé ma demande ({summary})."
    ),
    (False, False, False): N_(
        "{opening}, au sujet d'un débit qui ne correspond à aucune de mes commandes, votre "
        "service a refusé ma demande."
    ),
}


def confirmation_message(complaint: Complaint, contact: Contact) -> str:
    """The e-mail or chat message that turns a spoken promise or refusal into written proof."""
    openings = _OPENING.get(contact.channel, _OPENING["other"])
    opening = _variant(openings, contact.agent, contact.reference).format(
        date=fmt.long_date(contact.at.date()), agent=contact.agent, reference=contact.reference
    )
    values = {
        "opening": opening,
        "order": complaint.order_number,
        "order_date": fmt.long_date(complaint.order_date) if complaint.order_date else "",
    }
    if contact.outcome == "promise":
        what = contact.promise or contact.summary or _("une solution à mon problème")
        body = _variant(_PROMISE, *_order_known(complaint), contact.follow_up).format(
            what=what.rstrip(". "), date=_long(contact.follow_up), **values
        )
        ask = _(
            "Je vous remercie de me confirmer cet engagement par retour. S'il n'est pas "
            "tenu, je poursuivrai ma réclamation."
        )
    else:
        summary = contact.summary.rstrip(". ") if contact.summary else ""
        body = _variant(_REFUSAL, *_order_known(complaint), contact.summary).format(
            summary=summary, **values
        )
        if complaint.desired_resolution is None:
            ask = _(
                "Je vous remercie de me confirmer ce refus par écrit, avec ses motifs. Je "
                "maintiens ma demande d'une solution."
            )
        else:
            ask = _(
                "Je vous remercie de me confirmer ce refus par écrit, avec ses motifs. Je "
                "maintiens ma demande : {what}."
            ).format(what=labels.label(labels.RESOLUTION, complaint.desired_resolution))
    return "\n\n".join([_("Bonjour,"), body, ask, _closing(complaint.customer_name)])
