"""The formal notice (mise en demeure) for a complaint, in plain text or Markdown.

Pure functions from a `Complaint` to text. The letter cites the right that fits the
category, the facts, the contacts already made (with broken promises), the remedy
asked and a deadline; it names the out-of-court bodies the routing of
`escalation.py` opens. A short note for the user (how to send it, what to check and
fill in) is not part of the letter: `formal_notice_parts()` returns the two apart,
`formal_notice()` the note, a separator line and the letter in one text.

No letter is written when it would be premature or groundless (`ReclamError`, exit
code 1): a parcel whose delivery date has not passed yet, a "late" parcel that
arrived by its announced date or within the legal 30 days of the order, or a defect
whose legal guarantee has ended.

A "late" parcel that arrived more than 30 days after the order gets no formal notice
either: once the item is delivered, the delivery rules (art. VI.43 CDE, CRD art. 18)
give no right to terminate or to be compensated (domain research §3.2). The letter is
then a courteous request "à titre commercial", without threat of proceedings (a
design choice: the user keeps a letter to send, and nothing in it overstates the law).

The letter's deadline is moved to the next Belgian working day when it falls on a
Saturday, a Sunday or a public holiday; the note says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.domain import contacts, escalation
from amazon_reclamation.domain.deadlines import (
    awaiting_delivery,
    compute_deadlines,
    delivered_in_legal_period,
    delivered_on_time,
    delivery_due,
    guarantee_end,
    guarantee_expired,
    legal_delivery_date,
    returned_after_withdrawal,
    withdrawal_end,
)
from amazon_reclamation.errors import ReclamError
from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.knowledge.periods import next_business_day
from amazon_reclamation.knowledge.rules import GUARANTEE_REFORM
from amazon_reclamation.texts import labels, summary

if TYPE_CHECKING:
    from decimal import Decimal

    from amazon_reclamation.models import Complaint, Contact

# Only a 2020 Amazon.fr document gives this address (VERIFIED-2nd in domain.md), hence
# the note that asks the user to check it before sending.
AMAZON_EU_ADDRESS = ("Amazon EU S.à r.l.", "38 avenue John F. Kennedy", "L-1855 Luxembourg")

_BY_CHANNEL = {
    "phone": N_("par téléphone"),
    "chat": N_("par chat"),
    "email": N_("par e-mail"),
    "letter": N_("par lettre"),
    # The letter goes to the seller: "du vendeur" would read as someone else's inbox.
    "seller_message": N_("par la messagerie d'Amazon"),
    "other": N_("par un autre moyen"),
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _either(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return _("{items} ou {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


def _actions(parts: list[str]) -> str:
    """ "de A, de B ou de C": each action keeps its "de" in French."""
    if len(parts) == 1:
        return _("de {action}").format(action=parts[0])
    # The comma before "ou" keeps "saisir A ou B" apart from the next action.
    return _("de {items}, ou de {last}").format(items=", de ".join(parts[:-1]), last=parts[-1])


def _undelivered(complaint: Complaint) -> bool:
    """A late or lost parcel that has not arrived (a late one that did is another letter)."""
    return complaint.category in ("late", "not_received") and complaint.delivery_date is None


def _late_delivered(complaint: Complaint) -> bool:
    """A parcel that finally arrived, late."""
    return complaint.category == "late" and complaint.delivery_date is not None


def _refusal(complaint: Complaint) -> Contact | None:
    """The last contact of the log whose result is a refusal, if any."""
    refused = [e for e in contacts.effective(complaint.contacts) if e.outcome == "refused"]
    return refused[-1] if refused else None


def _sepa_deadline(complaint: Complaint) -> dt.date | None:
    """The end of the 8-week refund of a direct debit, when the debit date is known."""
    found = [d for d in compute_deadlines(complaint, dt.date.min) if d.id == "sepa_refund"]
    return found[0].date if found else None


def _unknown_debit_part(complaint: Complaint) -> tuple[Decimal, Decimal] | None:
    """An unknown debit larger than the order: (amount charged, amount of the order)."""
    facts = complaint.facts
    if facts.billing_problem != "unknown_charge":
        return None
    charged, expected = facts.amount_charged, facts.amount_expected
    if charged is None or expected is None or expected >= charged:
        return None
    return charged, expected


def _repair_failed(complaint: Complaint, today: dt.date) -> bool:
    """The log shows a refusal or a broken promise: repair or replacement did not happen."""
    entries = contacts.effective(complaint.contacts)
    return any(e.outcome == "refused" for e in entries) or bool(
        contacts.broken_promises(complaint, today)
    )


def _user_notes(
    complaint: Complaint, today: dt.date, deadline: dt.date, asked: dt.date
) -> list[str]:
    """What the user must do and check; `asked` is the deadline before a weekend move."""
    c = complaint
    notes = []
    if _late_delivered(c):
        notes.append(
            _(
                "L'article a fini par être livré : une fois l'article livré, les règles sur "
                "le retard de livraison ne donnent plus droit à la résolution ni à une "
                "indemnité. Cette lettre est donc une demande à titre commercial, et non une "
                "mise en demeure."
            )
        )
    notes += [
        _("Envoyez cette lettre par recommandé ou par e-mail, et gardez la preuve d'envoi."),
        _("Complétez les passages entre crochets et relisez le tout avant l'envoi."),
    ]
    kind = c.seller.kind
    if kind == "amazon":
        notes.append(
            _(
                "L'adresse d'Amazon EU S.à r.l. provient d'une source de 2020 : vérifiez-la "
                "dans les Conditions d'utilisation et de vente d'amazon.com.be, et vérifiez "
                "sur votre facture que le vendeur est bien Amazon EU S.à r.l."
            )
        )
    elif kind == "marketplace":
        notes.append(
            _(
                "Complétez l'adresse du vendeur, indiquée sur sa fiche vendeur sur "
                "amazon.com.be ; vous pouvez aussi lui envoyer ce texte par la messagerie "
                "d'Amazon."
            )
        )
    else:
        notes.append(
            _("Vérifiez sur votre facture qui a vendu l'article, et complétez son nom et adresse.")
        )
    if _undelivered(c) and c.expected_delivery_date is None:
        notes.append(
            _(
                "Aucune date de livraison annoncée n'a été indiquée : la lettre compte le délai "
                "légal de 30 jours à partir de la commande (art. VI.43 CDE). Si une date de "
                "livraison vous avait été annoncée, ajoutez-la : « La livraison m'avait été "
                "annoncée pour le [date] au plus tard. »"
            )
        )
    end = withdrawal_end(c)
    if _late_delivered(c) and end is not None and end >= today:
        notes.append(
            _(
                "Vous avez reçu l'article le {date} : jusqu'au {end}, vous pouvez aussi vous "
                "rétracter sans donner de motif et être remboursé (art. VI.47 CDE)."
            ).format(date=fmt.short_date(c.delivery_date), end=fmt.short_date(end))
        )
    if c.category == "refund" and c.facts.return_kind == "cancelled":
        notes.append(
            _(
                "Le délai de 14 jours cité vaut pour le remboursement après une rétractation ; "
                "la lettre l'applique à votre annulation par analogie, ce que les sources "
                "consultées ne confirment pas pour une annulation avant livraison."
            )
        )
    if c.category == "refund" and returned_after_withdrawal(c):
        notes.append(
            _(
                "Le renvoi du {returned} a eu lieu après la fin du délai de rétractation (le "
                "{end}) : la lettre ne cite donc pas le délai légal de remboursement (art. VI.50 "
                "CDE) et s'appuie sur la politique de retour d'Amazon ou du vendeur. Vérifiez "
                "dans « Vos commandes » que le retour a été accepté et le délai de "
                "remboursement annoncé. Si vous aviez demandé le retour au plus tard le {end}, "
                "c'était une rétractation dans le délai : citez alors plutôt l'art. VI.50 CDE "
                "(remboursement dans les 14 jours)."
            ).format(returned=fmt.short_date(c.facts.returned_date), end=fmt.short_date(end))
        )
    elif (
        c.category == "refund"
        and c.facts.return_kind == "returned"
        and c.facts.returned_date is not None
        and c.delivery_date is None
    ):
        notes.append(
            _(
                "La date de livraison n'est pas indiquée : la lettre cite le délai légal de "
                "remboursement après rétractation (art. VI.50 CDE), qui ne vaut que si vous avez "
                "renvoyé l'article dans le délai de rétractation (14 jours après la livraison). "
                "Sinon, le remboursement relève de la politique de retour d'Amazon ou du "
                "vendeur : adaptez ce paragraphe."
            )
        )
    sepa_end = _sepa_deadline(c)
    if (
        c.category == "billing"
        and c.facts.billing_problem == "unknown_charge"
        and sepa_end is not None
        and sepa_end >= today
    ):
        text = _(
            "Demandez dès maintenant à votre banque le remboursement de cette domiciliation : "
            "ce droit, sans justification, prend fin le {date} (8 semaines après le débit)."
        ).format(date=fmt.long_date(sepa_end))
        part = _unknown_debit_part(c)
        if part is not None:
            text += " " + _(
                "La banque rembourse tout le débit ; le montant de votre commande ({amount}) "
                "restera dû au vendeur."
            ).format(amount=fmt.money(part[1]))
        notes.append(text)
    if c.category == "billing" and c.facts.billing_problem == "unknown_charge":
        notes.append(
            _(
                "Signalez ce débit à votre banque sans attendre la réponse du vendeur (au plus "
                "tard 13 mois après le débit). Dans la lettre, gardez la phrase entre crochets "
                "sur votre banque seulement si c'est fait."
            )
        )
    if deadline != asked:
        notes.append(
            _(
                "Le {asked} n'est pas un jour ouvrable (samedi, dimanche ou jour férié) : le "
                "délai est reporté au jour ouvrable suivant."
            ).format(asked=fmt.long_date(asked))
        )
    days = (deadline - today).days
    notes.append(
        ngettext(
            "Le délai laissé est de {n} jour, jusqu'au {date}.",
            "Le délai laissé est de {n} jours, jusqu'au {date}.",
            days,
        ).format(n=days, date=fmt.long_date(deadline))
    )
    return notes


def _addressee(complaint: Complaint) -> list[str]:
    seller = complaint.seller
    if seller.kind == "amazon":
        return list(AMAZON_EU_ADDRESS)
    if seller.kind == "marketplace":
        return [seller.name or _("[nom du vendeur]"), _("[adresse du vendeur]")]
    return [_("[nom du vendeur indiqué sur la facture]"), _("[adresse du vendeur]")]


def _facts_paragraph(complaint: Complaint) -> str:
    c = complaint
    text = _("Le {date}, j'ai passé sur amazon.com.be la commande n° {order}").format(
        date=fmt.long_date(c.order_date), order=c.order_number
    )
    if c.item:
        text += _(", portant sur l'article « {item} »").format(item=c.item)
    if c.amount is not None:
        text += _(", pour un montant de {amount}").format(amount=fmt.money(c.amount))
    text += "."
    # Damaged and non-conforming items already give the delivery date in the problem.
    if c.delivery_date is not None and c.category in ("billing", "refund", "other"):
        text += " " + _("Elle m'a été livrée le {date}.").format(
            date=fmt.long_date(c.delivery_date)
        )
    return text


def _contact_line(contact: Contact, entries: list[Contact], today: dt.date) -> str:
    """ "le 3 novembre 2026, par téléphone (Sophie, dossier CS-4471) : vous m'avez promis …"."""
    text = _("le {date}, {channel}").format(
        date=fmt.long_date(contact.at.date()), channel=_(_BY_CHANNEL[contact.channel])
    )
    who = [contact.agent] if contact.agent else []
    if contact.reference:
        who.append(_("dossier {reference}").format(reference=contact.reference))
    if who:
        text += f" ({', '.join(who)})"
    if contact.outcome == "promise":
        if contact.promise:
            # The promise says what was agreed: the summary would only repeat it.
            text += _(" : vous m'avez promis {promise}").format(promise=contact.promise)
        else:
            if contact.summary:
                text += _(" : « {summary} »").format(summary=contact.summary)
            text += _(" ; une suite m'a été promise")
        if contact.follow_up is not None:
            text += _(" pour le {date}").format(date=fmt.long_date(contact.follow_up))
        state = contacts.promise_state(contact, entries, today)
        if state == "broken":
            text += _(" ; cette promesse n'a pas été tenue")
        elif state == "kept":
            text += _(" ; cette promesse a été tenue")
        return text + "."
    if contact.summary:
        text += _(" : « {summary} »").format(summary=contact.summary)
    if contact.outcome == "no_answer":
        return text + _(", sans obtenir de réponse.")
    # After a quoted summary, "; …"; without one, ": …" introduces the result.
    lead = " ; " if contact.summary else " : "
    result = {
        "refused": _("vous avez refusé d'y donner suite"),
        "pending": _("ma demande est restée sans suite"),
        "resolved": _("le problème m'a été présenté comme résolu"),
    }[contact.outcome]
    return text + lead + result + "."


def _contacts_section(complaint: Complaint, today: dt.date) -> tuple[str, list[str], str]:
    """The introduction, one line per contact, and the conclusion drawn from them."""
    entries = contacts.effective(complaint.contacts)
    if not entries:
        return "", [], ""
    intro = _("Je vous ai déjà signalé ce problème :")
    lines = [_contact_line(c, entries, today) for c in entries]
    # Each line already says its result (no answer, refusal, broken promise): no recount.
    return intro, lines, _("À ce jour, le problème n'est pas résolu.")


def _late_due(complaint: Complaint) -> dt.date:
    """When a late parcel was due: the legal 30 days, or a later announced date."""
    legal = legal_delivery_date(complaint)
    announced = complaint.expected_delivery_date
    return max(legal, announced) if announced is not None else legal


def _problem_paragraphs(complaint: Complaint, today: dt.date) -> list[str]:
    """The facts of the problem; what the summary writes, except where a letter needs more."""
    c = complaint
    if _late_delivered(c) and c.delivery_date is not None:
        due = _late_due(c)
        return [
            _(
                "Cette commande devait être livrée au plus tard le {due} ; elle ne l'a été que "
                "le {date}, soit avec {late} de retard."
            ).format(
                due=fmt.long_date(due),
                date=fmt.long_date(c.delivery_date),
                late=fmt.days((c.delivery_date - due).days),
            )
        ]
    if c.category == "late" and _undelivered(c):
        # The announced date is told with the legal rule, in the next paragraph.
        text = _("À ce jour ({today}), je n'ai pas reçu le colis.").format(
            today=fmt.long_date(today)
        )
        if c.facts.tracking_status:
            text += " " + _("Le suivi indique : « {status} ».").format(
                status=c.facts.tracking_status
            )
        return [text]
    if c.category == "refund" and c.facts.return_kind == "cancelled":
        amount = c.facts.refund_expected or c.amount
        paid = fmt.money(amount) if amount is not None else _("[montant payé]")
        when = (
            _(" le {date}").format(date=fmt.long_date(c.facts.returned_date))
            if c.facts.returned_date is not None
            else ""
        )
        return [
            _(
                "J'ai annulé cette commande{when}, avant sa livraison ; je n'ai rien reçu en "
                "contrepartie des {amount} payés."
            ).format(when=when, amount=paid)
        ]
    part = _unknown_debit_part(c)
    if c.category == "billing" and part is not None:
        charged_on = c.facts.charge_date
        text = _(
            "Mon relevé fait apparaître{when} un débit de {charged}, alors que le montant de "
            "ma commande était de {expected}."
        ).format(
            when=_(", le {date},").format(date=fmt.long_date(charged_on)) if charged_on else "",
            charged=fmt.money(part[0]),
            expected=fmt.money(part[1]),
        )
        method = c.facts.payment_method
        if method is not None and method != "other":
            text += " " + _("J'ai payé par {method}.").format(
                method=labels.label(labels.PAYMENT_METHOD, method)
            )
        return [text]
    # The letter's legal paragraph states the announced delivery date itself.
    problem = " ".join(summary.problem_sentences(c, today, announced_date=False))
    if problem:
        return [problem]
    if c.category == "other" and not c.description:
        return [
            _(
                "[Décrivez ici le problème en quelques phrases : ce qui s'est passé, à quelle "
                "date, et ce que vous avez constaté.]"
            )
        ]
    return []


def _guarantee_paragraph(complaint: Complaint) -> str:
    c = complaint
    if c.order_date >= GUARANTEE_REFORM:
        text = _(
            "En tant que vendeur, vous répondez de tout défaut de conformité qui apparaît dans "
            "les deux ans de la livraison, sans pouvoir me renvoyer vers le fabricant "
            "(garantie légale de conformité, articles 1649bis et suivants de l'ancien Code "
            "civil, modifiés par la loi du 20 mars 2022). Sauf preuve contraire, un défaut qui "
            "apparaît dans ce délai est présumé exister dès la livraison."
        )
    else:
        text = _(
            "En tant que vendeur, vous répondez des défauts de conformité de l'article "
            "(garantie légale de conformité, articles 1649bis et suivants de l'ancien Code "
            "civil, dans leur version antérieure à la loi du 20 mars 2022, ce contrat ayant "
            "été conclu avant le 1er juin 2022)."
        )
    text += " " + _(
        "J'ai droit d'abord, sans frais et dans un délai raisonnable, à la réparation ou au "
        "remplacement de l'article ; si ceux-ci sont impossibles ou ne sont pas correctement "
        "effectués, à une réduction proportionnelle du prix ou à la résolution de la vente."
    )
    notice = next((d for d in compute_deadlines(c, dt.date.min) if d.id == "defect_notice"), None)
    entries = [e for e in contacts.effective(c.contacts) if e.channel != "other"]
    if notice is not None and entries and entries[0].at.date() <= notice.date:
        text += " " + _(
            "Je vous ai signalé ce défaut le {date}, dans les deux mois de sa découverte."
        ).format(date=fmt.long_date(entries[0].at.date()))
    return text


_VI43 = N_(
    "Selon l'article VI.43 du Code de droit économique, sauf autre date convenue, "
    "l'article doit être livré au plus tard 30 jours après la conclusion du contrat."
)


def _delivery_paragraph(complaint: Complaint, today: dt.date) -> str:
    c = complaint
    text = _(_VI43)
    legal = legal_delivery_date(c)
    if c.expected_delivery_date is not None:
        # Amazon's estimate is not the legal date: both are told, apart.
        text += " " + _("La livraison m'avait été annoncée pour le {date} au plus tard").format(
            date=fmt.long_date(c.expected_delivery_date)
        )
        if legal < today:
            text += _(" ; le délai légal de 30 jours a lui aussi expiré le {date}").format(
                date=fmt.long_date(legal)
            )
        text += "."
    else:
        # No announced date was given: the legal 30 days count from the order (the note
        # asks the user to add the announced date, if there was one).
        text += " " + _("Compté à partir de ma commande, ce délai a expiré le {date}.").format(
            date=fmt.long_date(legal)
        )
    text += " " + _(
        "Par ailleurs, l'article voyage à vos risques : le risque ne m'est transféré qu'au "
        "moment où je prends physiquement possession du bien (règle de l'article 20 de la "
        "directive 2011/83/UE)."
    )
    return text


def _refund_paragraph(complaint: Complaint, today: dt.date) -> str:
    facts = complaint.facts
    if returned_after_withdrawal(complaint):
        # Not a legal withdrawal: the refund rests on the return policy, not on art. VI.50.
        # Whether the return was accepted is the user's to say: a bracket to keep or drop.
        return _(
            "Ce retour a été effectué dans le cadre de votre politique de retour. [Si c'est le "
            "cas :] Vous avez accepté ce retour le [date] : vous êtes dès lors tenu de me "
            "rembourser selon les conditions de cette politique."
        )
    if facts.return_kind == "cancelled":
        # Domain research gives the 14 days for a withdrawal only: applied by analogy, and
        # no word of holding the refund back until the goods come back (nothing was sent).
        text = _(
            "En cas de rétractation, l'article VI.50 du Code de droit économique impose au "
            "vendeur de rembourser tous les paiements reçus au plus tard 14 jours après en "
            "avoir été informé ; j'applique ce délai à mon annulation."
        )
        if facts.returned_date is None:
            return text
        refund_due = facts.returned_date + dt.timedelta(days=14)
        if refund_due < today:
            text += " " + _("Compté depuis l'annulation, il a expiré le {date}.")
        else:
            text += " " + _("Compté depuis l'annulation, il expire le {date}.")
        return text.format(date=fmt.long_date(refund_due))
    text = _(
        "Selon l'article VI.50 du Code de droit économique, en cas de rétractation, le "
        "vendeur rembourse tous les paiements reçus, y compris les frais de livraison "
        "standard, sans retard excessif et au plus tard 14 jours après avoir été informé de "
        "la rétractation ; il peut différer le remboursement jusqu'à la récupération du bien "
        "ou jusqu'à ce que le consommateur ait fourni la preuve de son expédition."
    )
    if facts.returned_date is None:
        return text
    due = fmt.long_date(facts.returned_date + dt.timedelta(days=14))
    # The problem paragraph already tells the return; only the count.
    start = _("Compté depuis le renvoi de l'article, dont je peux fournir la preuve d'envoi")
    if facts.returned_date + dt.timedelta(days=14) < today:
        text += " " + _("{start}, ce délai a expiré le {date}.").format(start=start, date=due)
    else:
        text += " " + _("{start}, ce délai expire le {date}.").format(start=start, date=due)
    return text


def _billing_paragraph(complaint: Complaint) -> str:
    # Whether the bank was told is the user's to say: a bracketed sentence to keep or drop.
    if complaint.facts.billing_problem == "unknown_charge":
        part = _unknown_debit_part(complaint)
        if part is not None:
            # The order itself was authorised: only the excess is disputed.
            return _(
                "Je ne reconnais pas la part de ce débit qui dépasse le montant de ma commande "
                "({amount}). [Si c'est fait : Je l'ai signalée à ma banque comme opération de "
                "paiement non autorisée (article VII.41 du Code de droit économique).]"
            ).format(amount=fmt.money(part[1]))
        return _(
            "Je n'ai autorisé aucune opération correspondant à ce débit. [Si c'est fait : Je "
            "l'ai signalé à ma banque comme opération de paiement non autorisée (article VII.41 "
            "du Code de droit économique).]"
        )
    # The SPF Economie states the first rule without an article number: none is invented.
    # Whether the fee came from a pre-ticked option is the user's to say: a bracket.
    return _(
        "Comme le rappelle le SPF Economie, des frais supplémentaires dont le consommateur "
        "n'a pas été informé avant la commande ne sont pas dus, et il appartient au vendeur "
        "de prouver qu'il a donné cette information. [Si ces frais viennent d'une option "
        "cochée par défaut : Un paiement supplémentaire obtenu au moyen d'une option cochée "
        "par défaut n'est pas valablement consenti et doit être remboursé (article VI.41 du "
        "Code de droit économique).]"
    )


def _other_guarantee(complaint: Complaint, today: dt.date) -> bool:
    """Category "other": the legal guarantee is recalled while it runs."""
    end = guarantee_end(complaint)
    return end is not None and end >= today


def _right_paragraph(complaint: Complaint, today: dt.date) -> str:
    category = complaint.category
    if category in ("damaged", "non_conforming"):
        return _guarantee_paragraph(complaint)
    if category in ("late", "not_received"):
        return _delivery_paragraph(complaint, today)
    if category == "refund":
        return _refund_paragraph(complaint, today)
    if category == "billing":
        return _billing_paragraph(complaint)
    text = _("Vous êtes tenu d'exécuter la commande conformément à ce qui a été convenu.")
    if _other_guarantee(complaint, today):
        text += " " + _guarantee_paragraph(complaint)
    return text


def _billing_amount(complaint: Complaint) -> Decimal | None:
    facts = complaint.facts
    part = _unknown_debit_part(complaint)
    if part is not None:
        return part[0] - part[1]
    if facts.billing_problem == "unknown_charge":
        return facts.amount_charged
    if facts.amount_charged is not None and facts.amount_expected is not None:
        difference = facts.amount_charged - facts.amount_expected
        return difference if difference > 0 else None
    return None


def _price(complaint: Complaint) -> str:
    """ "49,99 €", or a placeholder when the amount is not known."""
    return fmt.money(complaint.amount) if complaint.amount is not None else _("[montant payé]")


def _remedy(complaint: Complaint) -> str:
    """What the seller must do first for a defect: the remedy asked, else either."""
    if complaint.desired_resolution == "replacement":
        return _("de remplacer l'article")
    if complaint.desired_resolution == "repair":
        return _("de réparer l'article")
    return _("de réparer ou de remplacer l'article")


def _defect_demand(complaint: Complaint, today: dt.date, when: str) -> str | None:
    """The demand for a defect, in the legal order of remedies (None: the general one)."""
    c = complaint
    partial = c.desired_resolution == "partial_refund"
    refusal = _refusal(c)
    if refusal is not None:
        # Only what the log shows: a refusal, not an earlier request for repair.
        text = _("Vous avez refusé, le {day}, de remédier à ce défaut.").format(
            day=fmt.long_date(refusal.at.date())
        )
        if partial:
            demand = _(
                "Je vous mets dès lors en demeure {remedy} au plus tard le {date} ou, si c'est "
                "impossible, de m'accorder une réduction proportionnelle du prix de [montant "
                "de la réduction demandée]."
            )
        else:
            demand = _(
                "Je vous mets dès lors en demeure {remedy} au plus tard le {date} ou, si c'est "
                "impossible, de me rembourser {amount}, l'article restant à votre disposition."
            )
        return text + " " + demand.format(remedy=_remedy(c), date=when, amount=_price(c))
    if c.desired_resolution not in ("refund", "partial_refund"):
        return None
    if _repair_failed(c, today):
        if partial:
            return _(
                "Ma demande n'ayant abouti ni à une réparation ni à un remplacement, je demande "
                "une réduction proportionnelle du prix : je vous mets dès lors en demeure de me "
                "rembourser [montant de la réduction demandée] au plus tard le {date}."
            ).format(date=when)
        return _(
            "Ma demande n'ayant abouti ni à une réparation ni à un remplacement, je demande la "
            "résolution de la vente : je vous mets dès lors en demeure de me rembourser "
            "{amount} au plus tard le {date}, l'article restant à votre disposition."
        ).format(amount=_price(c), date=when)
    if partial:
        return _(
            "Je vous mets dès lors en demeure de réparer ou de remplacer l'article au plus tard "
            "le {date}. Si ni la réparation ni le remplacement ne sont possibles, je vous "
            "demande une réduction proportionnelle du prix."
        ).format(date=when)
    return _(
        "Je vous mets dès lors en demeure de réparer ou de remplacer l'article au plus tard le "
        "{date}. Si ni la réparation ni le remplacement ne sont possibles, je vous demande la "
        "résolution de la vente et le remboursement de {amount}."
    ).format(date=when, amount=_price(c))


def _commercial_request(complaint: Complaint, when: str) -> str:
    """A parcel delivered late: no legal claim is left, a courteous request instead."""
    c = complaint
    if c.desired_resolution == "partial_refund":
        asked = _("un remboursement partiel de [montant demandé] en compensation de ce retard")
    elif c.desired_resolution == "refund":
        asked = _("le remboursement de {amount}, l'article restant à votre disposition").format(
            amount=_price(c)
        )
    elif c.desired_resolution == "other" and c.description:
        asked = _("ce que je précise ci-dessus")
    else:
        asked = _("[ce que vous demandez]")
    return (
        _("Je vous demande, à titre commercial, de m'accorder {asked}.").format(asked=asked)
        + " "
        + _("Je vous remercie de me répondre au plus tard le {date}.").format(date=when)
    )


def _resolution_demand(complaint: Complaint, when: str) -> str | None:
    """ "Je vous mets dès lors en demeure de remplacer l'article au plus tard le …"."""
    c = complaint
    if c.desired_resolution == "partial_refund":
        return _(
            "Je vous mets dès lors en demeure de m'accorder, au plus tard le {date}, un "
            "remboursement partiel de [montant demandé]."
        ).format(date=when)
    actions = {
        "replacement": _("de remplacer l'article"),
        "repair": _("de réparer l'article"),
        "delivery": _("de livrer la commande"),
        "refund": _("de me rembourser {amount}").format(amount=_price(c)),
    }
    action = actions.get(c.desired_resolution or "")
    if action is None:
        return None
    return _("Je vous mets dès lors en demeure {action} au plus tard le {date}.").format(
        action=action, date=when
    )


def _demand_paragraph(complaint: Complaint, today: dt.date, deadline: dt.date) -> str:
    c = complaint
    when = fmt.long_date(deadline)
    if _late_delivered(c):
        return _commercial_request(c, when)
    refusal = _refusal(c)
    if c.category == "not_received" and c.desired_resolution == "refund" and refusal is not None:
        # A refusal ends the contract without an additional period (CRD art. 18(2)).
        return _(
            "Vous avez refusé, le {day}, de donner suite à ma demande. Je mets dès lors fin au "
            "contrat et vous mets en demeure de me rembourser {amount} au plus tard le {date}."
        ).format(day=fmt.long_date(refusal.at.date()), amount=_price(c), date=when)
    if c.category in ("late", "not_received"):
        # First an additional period for delivery, then termination (domain research §3.2).
        return _(
            "Je vous mets dès lors en demeure de livrer la commande au plus tard le {date}. "
            "À défaut, je mettrai fin au contrat, et vous devrez me rembourser sans retard "
            "excessif toutes les sommes payées."
        ).format(date=when)
    if c.category in ("refund", "billing"):
        amount = (
            (c.facts.refund_expected or c.amount) if c.category == "refund" else _billing_amount(c)
        )
        if amount is not None:
            return _(
                "Je vous mets dès lors en demeure de me rembourser {amount} au plus tard le {date}."
            ).format(amount=fmt.money(amount), date=when)
        if c.category == "refund":
            return _(
                "Je vous mets dès lors en demeure de me rembourser intégralement au plus tard le "
                "{date}."
            ).format(date=when)
        return _(
            "Je vous mets dès lors en demeure de me rembourser les sommes indûment débitées au "
            "plus tard le {date}."
        ).format(date=when)
    if c.category in ("damaged", "non_conforming") and (demand := _defect_demand(c, today, when)):
        return demand
    if c.desired_resolution == "other" and c.description:
        return _(
            "Je vous mets dès lors en demeure de me donner satisfaction au plus tard le {date}, "
            "comme précisé ci-dessus."
        ).format(date=when)
    if demand := _resolution_demand(c, when):
        return demand
    rights_recalled = c.category in ("damaged", "non_conforming") or _other_guarantee(c, today)
    if rights_recalled:
        return _(
            "Je vous mets dès lors en demeure de me proposer, au plus tard le {date}, une "
            "solution conforme aux droits rappelés ci-dessus."
        ).format(date=when)
    return _(
        "Je vous mets dès lors en demeure de me proposer, au plus tard le {date}, une solution "
        "à ce problème [précisez ce que vous demandez]."
    ).format(date=when)


def _bank_refund_later(complaint: Complaint, deadline: dt.date) -> bool:
    """The letter may announce a later bank refund: only if the 8 weeks outlast its deadline.

    An unknown debit is refunded now (the note says so), not announced as a threat.
    """
    c = complaint
    if c.category == "billing" and c.facts.billing_problem == "unknown_charge":
        return False
    end = _sepa_deadline(c)
    return end is None or end >= deadline


def _otherwise_paragraph(complaint: Complaint, today: dt.date, deadline: dt.date) -> str:
    actions: list[str] = []
    plan = escalation.plan(complaint, today)
    if plan.step("atoz_claim").status in ("now", "later"):
        if complaint.category == "refund":
            # A-to-z names delivery, condition and returns to a foreign seller: a refund
            # after a return may fall outside it.
            actions.append(
                _("demander l'intervention d'Amazon (Garantie A à Z), si elle couvre ce cas")
            )
        else:
            actions.append(_("demander l'intervention d'Amazon au titre de sa Garantie A à Z"))
    bodies = escalation.external_bodies(complaint)
    if bodies:
        actions.append(_("saisir {bodies}").format(bodies=_either(bodies)))
    if plan.step("sepa_refund").status in ("now", "later") and _bank_refund_later(
        complaint, deadline
    ):
        actions.append(_("demander à ma banque le remboursement de la domiciliation"))
    if plan.step("chargeback").status in ("now", "later"):
        actions.append(_("demander à ma banque de contester le paiement par carte"))
    court = _("de porter l'affaire devant le juge compétent")
    # "Sans réponse": the demand before may already end with "À défaut, …".
    if not actions:
        return _(
            "Sans réponse satisfaisante à cette date, je me réserve le droit, sans autre avis, "
            "{court}."
        ).format(court=court)
    return _(
        "Sans réponse satisfaisante à cette date, je me réserve le droit, sans autre avis, "
        "{actions}, puis, si nécessaire, {court}."
    ).format(actions=_actions(actions), court=court)


def _enclosures(complaint: Complaint) -> list[str]:
    items = [_("la confirmation de commande ou la facture")]
    if complaint.facts.photos_taken:
        items.append(_("les photos de l'article"))
    if complaint.category == "refund" and complaint.facts.return_kind != "cancelled":
        items.append(_("la preuve du renvoi"))
    if complaint.category == "billing":
        items.append(_("l'extrait de compte montrant le débit"))
    if complaint.contacts:
        items.append(_("la copie des échanges cités"))
    return items


def _refuse_if_premature_or_groundless(complaint: Complaint, today: dt.date) -> None:
    due = awaiting_delivery(complaint, today)
    if due is not None:
        if complaint.expected_delivery_date is not None:
            message = _(
                "La date de livraison annoncée ({date}) n'est pas encore passée : une mise en "
                "demeure serait prématurée."
            )
        else:
            message = _(
                "Le délai légal de livraison (30 jours après la commande, jusqu'au {date}) "
                "n'est pas encore passé : une mise en demeure serait prématurée."
            )
        raise ReclamError(message.format(date=fmt.short_date(due)))
    c = complaint
    if delivered_in_legal_period(c) and not delivered_on_time(c):
        raise ReclamError(
            _(
                "La commande a été livrée le {date}, dans les 30 jours de la commande (délai "
                "légal, art. VI.43 CDE) : une mise en demeure pour retard serait sans fondement."
            ).format(date=fmt.short_date(c.delivery_date))
        )
    if delivered_on_time(c):
        raise ReclamError(
            _(
                "La commande a été livrée le {date}, au plus tard à la date annoncée ({due}) : "
                "une mise en demeure pour retard serait sans fondement."
            ).format(
                date=fmt.short_date(c.delivery_date), due=fmt.short_date(c.expected_delivery_date)
            )
        )
    if guarantee_expired(complaint, today):
        raise ReclamError(
            _(
                "La garantie légale a pris fin le {date} (2 ans après la livraison) : une mise "
                "en demeure ne peut plus s'appuyer sur elle."
            ).format(date=fmt.short_date(guarantee_end(complaint)))
        )


def _deadline(complaint: Complaint, today: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """(the deadline, the date asked before a move to a working day).

    `days` after today; for a parcel, never before `days` after its due date; moved to
    the next Belgian working day when it falls on a weekend or a public holiday.
    """
    asked = today + dt.timedelta(days=days)
    if _undelivered(complaint):
        # The additional period for delivery runs from the day the trader is late.
        asked = max(asked, delivery_due(complaint) + dt.timedelta(days=days))
    return next_business_day(asked), asked


def formal_notice_parts(
    complaint: Complaint, today: dt.date, *, markdown: bool = False, days: int = 15
) -> tuple[str, str]:
    """The note for the user and the letter, apart: (note, letter), each ending in a newline.

    Raises `ReclamError` when a letter would be premature (the delivery date has not
    passed) or groundless (the legal guarantee has ended).
    """
    _refuse_if_premature_or_groundless(complaint, today)
    deadline, asked = _deadline(complaint, today, days)
    courteous = _late_delivered(complaint)
    esc = _md_escape if markdown else (lambda text: text)
    c = complaint

    intro, contact_lines, conclusion = _contacts_section(c, today)
    paragraphs = [_facts_paragraph(c), *_problem_paragraphs(c, today)]
    if c.description:
        paragraphs.append(_("Précisions : {text}").format(text=c.description))
    body: list[str] = [esc(p) for p in paragraphs]
    if intro:
        body.append(esc(intro) + "\n\n" + "\n".join(f"- {esc(line)}" for line in contact_lines))
        body.append(esc(conclusion))
    if courteous:
        # No legal claim left once delivered: the request alone, and no threat.
        body.append(esc(_demand_paragraph(c, today, deadline)))
    else:
        body += [
            esc(_right_paragraph(c, today)),
            esc(_demand_paragraph(c, today, deadline)),
            esc(_otherwise_paragraph(c, today, deadline)),
        ]
    body += [
        esc(
            _(
                "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations "
                "distinguées."
            )
        ),
        esc(c.customer_name or _("[Votre nom]")),
    ]
    enclosures = _("Annexes : {items}.").format(items=" ; ".join(_enclosures(c)))

    sender = [c.customer_name or _("[Votre nom]"), _("[Votre adresse]"), _("[Votre e-mail]")]
    subject = (
        _("Objet : demande de geste commercial — commande n° {order} du {date}")
        if courteous
        else _("Objet : mise en demeure — commande n° {order} du {date}")
    ).format(order=c.order_number, date=fmt.short_date(c.order_date))
    place = _("[Lieu], le {date}").format(date=fmt.long_date(today))
    notes = _user_notes(c, today, deadline, asked)
    note_title = _("Note pour vous (à ne pas recopier)")

    if markdown:
        note = [f"> **{esc(note_title)}**", ">", *[f"> - {esc(n)}" for n in notes]]
        letter = [
            "\\\n".join(esc(line) for line in sender),
            "\\\n".join(esc(line) for line in _addressee(c)),
            esc(place),
            f"**{esc(subject)}**",
            esc(_("Madame, Monsieur,")),
            *body,
            f"*{esc(enclosures)}*",
        ]
    else:
        note = [note_title.upper(), *[f"- {n}" for n in notes]]
        letter = [
            "\n".join(sender),
            "\n".join(_addressee(c)),
            place,
            subject,
            _("Madame, Monsieur,"),
            *body,
            enclosures,
        ]
    return "\n".join(note) + "\n", "\n\n".join(letter) + "\n"


def formal_notice(
    complaint: Complaint, today: dt.date, *, markdown: bool = False, days: int = 15
) -> str:
    """The note for the user, a separator line and the letter, in one text."""
    note, letter = formal_notice_parts(complaint, today, markdown=markdown, days=days)
    separator = "---" if markdown else "-" * 60
    return f"{note}\n{separator}\n\n{letter}"
