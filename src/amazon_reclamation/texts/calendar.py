"""The calendar's events worded: a summary (the event's title) and a description.

`domain/calendar.py` decides the events (a deadline or the follow-up awaited, the step
reclam would advise that day); this module says them, one whole sentence per line, in
the current language. User text (the item, the seller, the promise) is given as is:
`texts/calendar_ics.py` cleans what goes into the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.domain.contacts import follow_up_kind
from amazon_reclamation.i18n import N_, _

if TYPE_CHECKING:
    from amazon_reclamation.domain.calendar import Event
    from amazon_reclamation.domain.deadline_data import Deadline
    from amazon_reclamation.models import Complaint, Contact

# One title per deadline rule: what the day is for the user. {id}: the complaint's id.
# Amazon's rules seen on another Amazon site say so: never shown as a fact.
SUMMARIES: dict[str, str] = {
    "withdrawal": N_("reclam {id} : dernier jour pour vous rétracter"),
    "refund_after_withdrawal": N_(
        "reclam {id} : dernier jour pour le remboursement après votre rétractation"
    ),
    "legal_guarantee": N_("reclam {id} : fin de la garantie légale de conformité"),
    "defect_notice": N_("reclam {id} : dernier jour pour signaler le défaut au vendeur"),
    "delivery": N_("reclam {id} : fin du délai légal de livraison"),
    "atoz_claim": N_(
        "reclam {id} : dernier jour pour demander la Garantie A à Z (règle d'Amazon, à vérifier)"
    ),
    "sepa_refund": N_(
        "reclam {id} : dernier jour pour demander à la banque le remboursement de la domiciliation"
    ),
    "unauthorised_payment": N_(
        "reclam {id} : dernier jour pour signaler à la banque le paiement non autorisé"
    ),
    "seller_feedback": N_(
        "reclam {id} : dernier jour pour évaluer le vendeur (règle d'Amazon, à vérifier)"
    ),
}


def summary(event: Event) -> str:
    """The event's title: the complaint's id and what the day is."""
    if event.deadline is not None:
        # Every deadline rule has its line (a test checks it).
        return _(SUMMARIES[event.deadline.id]).format(id=event.complaint_id)
    kind = follow_up_kind(event.follow_up) if event.follow_up is not None else "promise"
    if kind == "formal_notice":
        return _("reclam {id} : fin du délai laissé par la mise en demeure").format(
            id=event.complaint_id
        )
    if kind == "announced":
        return _("reclam {id} : échéance du suivi annoncé").format(id=event.complaint_id)
    return _("reclam {id} : échéance de la promesse").format(id=event.complaint_id)


def description(event: Event, complaint: Complaint) -> str:
    """What to know on that day, line after line: the order, the deadline or the promise,
    the step to take, and the command that shows the steps as they stand then."""
    lines = _order_lines(complaint)
    if event.deadline is not None:
        lines += _deadline_lines(event.deadline)
    elif event.follow_up is not None:
        lines += _follow_up_lines(event.follow_up)
    lines += _step_lines(event)
    lines.append(
        _("Pour voir les étapes à jour, lancez : reclam escalate {id}").format(
            id=event.complaint_id
        )
    )
    return "\n".join(lines)


def _order_lines(complaint: Complaint) -> list[str]:
    lines = []
    if complaint.order_number:
        lines.append(_("Commande {order}.").format(order=complaint.order_number))
    if complaint.item:
        lines.append(_("Article : {item}.").format(item=complaint.item))
    if complaint.seller.kind == "marketplace" and complaint.seller.name:
        lines.append(_("Vendeur : {seller}.").format(seller=complaint.seller.name))
    return lines


def _deadline_lines(deadline: Deadline) -> list[str]:
    from amazon_reclamation.texts.deadlines import deadline_note, deadline_title
    from amazon_reclamation.texts.rules import MARKER_LABEL, nature

    lines = [
        _("{title} : le {date}.").format(
            title=deadline_title(deadline), date=fmt.long_date(deadline.date)
        ),
        _("Nature : {nature}.").format(nature=nature(deadline.rule)),
    ]
    if note := deadline_note(deadline):
        lines.append(note)
    if deadline.rule.marker != "verified":
        lines.append(
            _("Fiabilité : {marker}.").format(marker=_(MARKER_LABEL[deadline.rule.marker]))
        )
    lines.append(_("Source : {source}").format(source=deadline.source))
    return lines


def _follow_up_lines(contact: Contact) -> list[str]:
    from amazon_reclamation.texts.labels import CHANNEL, label

    values = {
        "date": fmt.long_date(contact.at.date()),
        "channel": label(CHANNEL, contact.channel),
        "due": fmt.long_date(contact.follow_up) if contact.follow_up else fmt.unknown(),
    }
    kind = follow_up_kind(contact)
    if kind == "promise":
        lines = [_("Promesse faite le {date} ({channel}), à tenir au plus tard le {due}.")]
    elif kind == "formal_notice":
        lines = [
            _(
                "Mise en demeure envoyée le {date} ({channel}) : délai laissé jusqu'au {due} "
                "pour y donner suite."
            )
        ]
    else:
        lines = [_("Suivi annoncé le {date} ({channel}) pour le {due}.")]
    lines = [line.format(**values) for line in lines]
    if contact.promise:
        lines.append(_("Promis : « {promise} ».").format(promise=contact.promise))
    elif contact.summary:
        lines.append(_("Résumé du contact : « {summary} ».").format(summary=contact.summary))
    if contact.agent:
        lines.append(_("Interlocuteur : {agent}.").format(agent=contact.agent))
    if contact.reference:
        lines.append(_("Référence du dossier : {reference}.").format(reference=contact.reference))
    return lines


def _step_lines(event: Event) -> list[str]:
    from amazon_reclamation.texts.escalation import title

    if event.step is None:
        return []
    step = title(event.step)
    if event.deadline is not None:
        return [
            _("Si rien n'a changé d'ici là, étape conseillée ce jour-là : {step}.").format(
                step=step
            )
        ]
    return [_("Sans réponse ce jour-là, étape conseillée ensuite : {step}.").format(step=step)]
