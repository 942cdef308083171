"""What the user takes to customer service: the summary card and a ready message.

Pure functions from a `Complaint` to text. Rendering them (Rich panels) is
`render.py`'s job; the texts here are also what `--json` users and letters reuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.texts import labels

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint, Contact

PREVIEW_ID = "apercu"  # the id of the record shown before it is saved
AMAZON_HELP_URL = "https://www.amazon.com.be/gp/help/customer/display.html"


@dataclass(frozen=True)
class Summary:
    """The parts of the summary card, already translated."""

    title: str
    facts: list[tuple[str, str]]
    description: str | None
    request: str
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
        return f"{name} ({seller.country})" if seller.country else name
    return fmt.unknown()


def category_facts(complaint: Complaint) -> list[tuple[str, str]]:
    """The facts only this category asks for, as (label, value) pairs."""
    facts = complaint.facts
    rows: list[tuple[str, str | None]] = []
    if complaint.category == "damaged":
        rows += [
            (_("Apparition du défaut"), labels.label(labels.DAMAGE_TIMING, facts.damage_timing)),
            (
                _("Défaut découvert le"),
                fmt.short_date(facts.defect_discovered_date)
                if facts.defect_discovered_date
                else None,
            ),
            (_("Photos prises"), _yes_no(facts.photos_taken)),
        ]
    elif complaint.category == "late":
        rows += [
            (
                _("Livraison estimée au plus tard"),
                fmt.short_date(complaint.expected_delivery_date)
                if complaint.expected_delivery_date
                else _("aucune date annoncée"),
            ),
            (_("Suivi"), facts.tracking_status or fmt.unknown()),
        ]
    elif complaint.category == "not_received":
        rows += [
            (
                _("Livraison estimée au plus tard"),
                fmt.short_date(complaint.expected_delivery_date)
                if complaint.expected_delivery_date
                else fmt.unknown(),
            ),
            (
                _("Indiqué livré"),
                _yes_no(facts.marked_delivered)
                + (
                    f" ({fmt.short_date(facts.marked_delivered_date)})"
                    if facts.marked_delivered_date
                    else ""
                ),
            ),
            (_("Voisins, boîte et point relais vérifiés"), _yes_no(facts.neighbours_checked)),
        ]
    elif complaint.category == "non_conforming":
        rows += [
            (_("Ce qui diffère"), labels.label(labels.DIFFERENCE, facts.difference)),
            (_("Photos prises"), _yes_no(facts.photos_taken)),
        ]
    elif complaint.category == "billing":
        rows += [
            (_("Problème"), labels.label(labels.BILLING_PROBLEM, facts.billing_problem)),
            (_("Montant débité"), fmt.money(facts.amount_charged)),
            (_("Montant attendu"), fmt.money(facts.amount_expected)),
            (_("Moyen de paiement"), labels.label(labels.PAYMENT_METHOD, facts.payment_method)),
            (
                _("Date du débit"),
                fmt.short_date(facts.charge_date) if facts.charge_date else fmt.unknown(),
            ),
        ]
    elif complaint.category == "refund":
        rows += [
            (_("Démarche"), labels.label(labels.RETURN_KIND, facts.return_kind)),
            (
                _("Date du renvoi ou de l'annulation"),
                fmt.short_date(facts.returned_date) if facts.returned_date else fmt.unknown(),
            ),
            (
                _("Suivi du retour"),
                facts.return_tracking if facts.return_kind != "cancelled" else None,
            ),
            (_("Remboursement attendu"), fmt.money(facts.refund_expected)),
        ]
    return [(name, value) for name, value in rows if value is not None]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return fmt.unknown()
    return _("oui") if value else _("non")


def _order_facts(complaint: Complaint) -> list[tuple[str, str]]:
    rows = [
        (_("Numéro de commande"), complaint.order_number),
        (_("Date de commande"), fmt.short_date(complaint.order_date)),
        (_("Problème"), labels.label(labels.CATEGORY, complaint.category)),
        (_("Article"), complaint.item or fmt.unknown()),
        (_("Montant"), fmt.money(complaint.amount)),
        (_("Vendu par"), seller_text(complaint)),
        (_("Client"), complaint.customer_name or fmt.unknown()),
    ]
    if complaint.delivery_date or complaint.category in ("damaged", "non_conforming"):
        rows.append(
            (
                _("Date de livraison"),
                fmt.short_date(complaint.delivery_date)
                if complaint.delivery_date
                else fmt.unknown(),
            )
        )
    return rows


_EVIDENCE = {
    "damaged": (N_("des photos de l'article abîmé et de l'emballage (gardez l'emballage)"),),
    "non_conforming": (
        N_("des photos montrant ce qui diffère (étiquette de taille, modèle, couleur)"),
        N_("une capture de la page du produit telle qu'elle était annoncée"),
    ),
    "late": (N_("une capture du suivi et de la date de livraison annoncée"),),
    "not_received": (
        N_("une capture du suivi indiquant « livré », avec la date"),
        N_("ce que vous avez vérifié : voisins, boîte aux lettres, point relais"),
    ),
    "billing": (
        N_("la ligne du débit sur votre relevé bancaire ou de carte"),
        N_("la facture de la commande (page de la commande sur amazon.com.be)"),
    ),
    "refund": (
        N_(
            "la preuve du renvoi (reçu de dépôt, numéro de suivi du retour) ou la confirmation "
            "de l'annulation"
        ),
    ),
    "other": (N_("tout ce qui prouve ce que vous dites : captures d'écran, e-mails, facture"),),
}


def checklist(complaint: Complaint) -> list[str]:
    """What to have at hand before contacting customer service."""
    items = [
        _("le numéro de commande : {order}").format(order=complaint.order_number),
        _("la date d'achat : {date}").format(date=fmt.short_date(complaint.order_date)),
        _("votre nom tel qu'il figure sur la commande")
        + (f" : {complaint.customer_name}" if complaint.customer_name else ""),
    ]
    items += [_(text) for text in _EVIDENCE[complaint.category]]
    if (
        complaint.category in ("damaged", "non_conforming")
        and complaint.facts.photos_taken is False
    ):
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
    lines.append(
        _(
            "Sur amazon.com.be : « Vos commandes », choisissez cette commande, puis l'option "
            "d'aide proposée pour un problème (chat, e-mail ou rappel selon ce qui est offert)."
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


def _when(day: date | None) -> str:
    return _(" le {date}").format(date=fmt.long_date(day)) if day else ""


def problem_sentences(
    complaint: Complaint, today: date, *, announced_date: bool = True
) -> list[str]:
    """The facts of the problem, written as a consumer adviser would write them."""
    facts = complaint.facts
    c = complaint
    sentences: list[str] = []
    if c.category == "damaged":
        if facts.damage_timing == "later":
            text = _("L'article, livré{when}, présente un défaut").format(
                when=_when(c.delivery_date)
            )
            if facts.defect_discovered_date:
                text += _(" que j'ai constaté le {date}").format(
                    date=fmt.long_date(facts.defect_discovered_date)
                )
            sentences.append(text + ".")
        elif facts.damage_timing == "on_arrival":
            sentences.append(
                _("L'article, livré{when}, est arrivé endommagé.").format(
                    when=_when(c.delivery_date)
                )
            )
        else:
            sentences.append(
                _("L'article, livré{when}, est endommagé ou défectueux.").format(
                    when=_when(c.delivery_date)
                )
            )
        if facts.photos_taken:
            sentences.append(
                _(
                    "J'ai pris des photos de l'article et de l'emballage, que je peux "
                    "vous transmettre."
                )
            )
    elif c.category == "late" and c.delivery_date:
        expected = (
            _(", alors qu'elle était annoncée au plus tard le {date}").format(
                date=fmt.long_date(c.expected_delivery_date)
            )
            if c.expected_delivery_date
            else ""
        )
        sentences.append(
            _("La commande m'a été livrée en retard, le {date}{expected}.").format(
                date=fmt.long_date(c.delivery_date), expected=expected
            )
        )
    elif c.category == "late":
        if c.expected_delivery_date and c.expected_delivery_date >= today:
            sentences.append(
                _("La livraison est annoncée au plus tard le {date}.").format(
                    date=fmt.long_date(c.expected_delivery_date)
                )
            )
        elif c.expected_delivery_date:
            sentences.append(
                _(
                    "La livraison était annoncée au plus tard le {date} ; à ce jour "
                    "({today}), je n'ai pas reçu le colis."
                ).format(date=fmt.long_date(c.expected_delivery_date), today=fmt.long_date(today))
            )
        else:
            sentences.append(
                _("À ce jour ({today}), je n'ai pas reçu le colis.").format(
                    today=fmt.long_date(today)
                )
            )
        if facts.tracking_status:
            sentences.append(
                _("Le suivi indique : « {status} ».").format(status=facts.tracking_status)
            )
    elif c.category == "not_received":
        if facts.marked_delivered:
            sentences.append(
                _(
                    "Le suivi indique que le colis a été livré{when}, mais je ne l'ai pas reçu."
                ).format(when=_when(facts.marked_delivered_date))
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
    elif c.category == "non_conforming":
        detail = _(labels.DIFFERENCE_SENTENCE[facts.difference]) if facts.difference else ""
        sentences.append(
            _("L'article reçu{when} ne correspond pas à ma commande{detail}.").format(
                when=_when(c.delivery_date), detail=f" : {detail}" if detail else ""
            )
        )
        if facts.photos_taken:
            sentences.append(
                _("J'ai pris des photos qui le montrent, que je peux vous transmettre.")
            )
    elif c.category == "billing":
        sentences.extend(_billing_sentences(c))
    elif c.category == "refund":
        amount = facts.refund_expected or c.amount
        owed = _(" de {amount}").format(amount=fmt.money(amount)) if amount else ""
        if facts.return_kind == "cancelled":
            sentences.append(
                _(
                    "J'ai annulé cette commande{when} et je n'ai toujours pas reçu le "
                    "remboursement{owed}."
                ).format(when=_when(facts.returned_date), owed=owed)
            )
        else:
            tracking = (
                _(" (numéro de suivi du retour : {tracking})").format(
                    tracking=facts.return_tracking
                )
                if facts.return_tracking
                else ""
            )
            sentences.append(
                _(
                    "J'ai renvoyé l'article{when}{tracking} et je n'ai toujours pas "
                    "reçu le remboursement{owed}."
                ).format(when=_when(facts.returned_date), tracking=tracking, owed=owed)
            )
    return sentences


def _billing_sentences(c: Complaint) -> list[str]:
    facts = c.facts
    charged = fmt.money(facts.amount_charged) if facts.amount_charged else None
    expected = fmt.money(facts.amount_expected) if facts.amount_expected else None
    when = _when(facts.charge_date)
    sentences: list[str] = []
    if facts.billing_problem == "unknown_charge":
        sentences.append(
            _("Mon relevé fait apparaître{when} un débit{amount} que je ne reconnais pas.").format(
                amount=_(" de {amount}").format(amount=charged) if charged else "",
                when=f",{when}," if when else "",
            )
        )
    elif facts.billing_problem == "unannounced_fee":
        # "Mon compte a été débité" sidesteps the agreement of "débité(e)" with the writer.
        sentences.append(
            _(
                "Mon compte a été débité{when}{amount}, dont des frais qui ne m'avaient pas "
                "été annoncés avant la commande."
            ).format(amount=_(" de {amount}").format(amount=charged) if charged else "", when=when)
        )
    else:
        sentences.append(
            _(
                "Mon compte a été débité{when}{amount}, ce qui ne correspond pas au montant de ma "
                "commande."
            ).format(amount=_(" de {amount}").format(amount=charged) if charged else "", when=when)
        )
    if expected:
        sentences.append(_("Le montant attendu était de {amount}.").format(amount=expected))
    if facts.payment_method and facts.payment_method != "other":
        sentences.append(
            _("J'ai payé par {method}.").format(
                method=labels.label(labels.PAYMENT_METHOD, facts.payment_method)
            )
        )
    return sentences


def ready_message(complaint: Complaint, today: date) -> str:
    """The message to paste in the chat or an e-mail to customer service."""
    c = complaint
    intro = _("Je vous contacte au sujet de ma commande n° {order} du {date}").format(
        order=c.order_number, date=fmt.long_date(c.order_date)
    )
    if c.item:
        intro += _(", article « {item} »").format(item=c.item)
    if c.amount:
        intro += _(", d'un montant de {amount}").format(amount=fmt.money(c.amount))
    if c.seller.kind == "marketplace" and c.seller.name:
        intro += _(", auprès du vendeur {seller}").format(seller=c.seller.name)
    paragraphs = [_("Bonjour,"), intro + "."]
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
    closing = _("Cordialement,")
    if c.customer_name:
        closing += "\n" + c.customer_name
    paragraphs.append(closing)
    return "\n\n".join(paragraphs)


def build_summary(complaint: Complaint, today: date) -> Summary:
    """Everything the summary card shows."""
    return Summary(
        title=(
            _("Réclamation {id} — {category}").format(
                id=complaint.id, category=labels.label(labels.CATEGORY, complaint.category)
            )
            if complaint.id != PREVIEW_ID
            else _("Brouillon de réclamation — {category}").format(
                category=labels.label(labels.CATEGORY, complaint.category)
            )
        ),
        facts=_order_facts(complaint) + category_facts(complaint),
        description=complaint.description,
        request=request_text(complaint),
        checklist=checklist(complaint),
        where=where_to_contact(complaint),
        message=ready_message(complaint, today),
    )


_CONFIRM_OPENING = {
    "phone": N_("À la suite de notre appel téléphonique du {date}"),
    "chat": N_("À la suite de notre échange par chat du {date}"),
}


def needs_written_confirmation(contact: Contact) -> bool:
    """A promise or a refusal made by phone or chat should be confirmed in writing."""
    return contact.channel in ("phone", "chat") and contact.outcome in ("promise", "refused")


def confirmation_message(complaint: Complaint, contact: Contact) -> str:
    """The e-mail or chat message that turns a spoken promise or refusal into written proof."""
    opening = _(_CONFIRM_OPENING.get(contact.channel, N_("À la suite de notre échange du {date}")))
    opening = opening.format(date=fmt.long_date(contact.at.date()))
    if contact.agent:
        opening += _(" avec {agent}").format(agent=contact.agent)
    if contact.reference:
        opening += _(" (référence {reference})").format(reference=contact.reference)
    opening += _(", au sujet de ma commande n° {order} du {date}").format(
        order=complaint.order_number, date=fmt.long_date(complaint.order_date)
    )
    if contact.outcome == "promise":
        what = contact.promise or contact.summary or _("une solution à mon problème")
        body = opening + _(", je vous confirme par écrit votre engagement : {what}").format(
            what=what.rstrip(". ")
        )
        if contact.follow_up:
            body += _(", au plus tard le {date}").format(date=fmt.long_date(contact.follow_up))
        body += "."
        ask = _(
            "Je vous remercie de me confirmer cet engagement par retour. S'il n'est pas "
            "respecté à cette date, je le considérerai comme non tenu."
        )
    else:
        body = opening + _(", votre service a refusé ma demande")
        if contact.summary:
            body += _(" ({summary})").format(summary=contact.summary.rstrip(". "))
        body += "."
        ask = _(
            "Je vous remercie de me confirmer ce refus par écrit, avec ses motifs. Je maintiens "
            "ma demande : {request}"
        ).format(request=request_text(complaint))
    closing = _("Cordialement,")
    if complaint.customer_name:
        closing += "\n" + complaint.customer_name
    return "\n\n".join([_("Bonjour,"), body, ask, closing])
