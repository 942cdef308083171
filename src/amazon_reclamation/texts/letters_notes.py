"""The note for the user before a letter, and why no letter: in the interface language.

Each note or refusal id of `domain/letters.py` becomes one whole translatable sentence
(or two) with named placeholders; periods are worded from their numbers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import _, ngettext
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.texts.deadlines import sepa_day_off_text
from amazon_reclamation.texts.rules import format_period

if TYPE_CHECKING:
    from amazon_reclamation.domain.letter_plan import LetterRefused, Part


def period(value: Period) -> str:
    """ "30 jours", "8 semaines", "13 mois", "2 ans" (calendar days said as days)."""
    if value.unit == "calendar_days":
        value = Period(value.count, "days")
    return format_period(value)


def _short(value: object) -> str:
    return fmt.short_date(value if isinstance(value, dt.date) else None)


def _long(value: object) -> str:
    assert isinstance(value, dt.date)
    return fmt.long_date(value)


def _money(value: object) -> str:
    return fmt.money(value if isinstance(value, Decimal) else None)


def _period(value: object) -> str:
    assert isinstance(value, Period)
    return period(value)


def _sepa_refund_now(params: dict[str, object]) -> str:
    text = _(
        "Demandez dès maintenant à votre banque le remboursement de cette domiciliation : "
        "ce droit, sans justification, prend fin le {date} ({period} après le débit)."
    ).format(date=_long(params["date"]), period=_period(params["period"]))
    amount = params.get("order_amount")
    if amount is None:
        return text
    owed = _(
        "La banque rembourse tout le débit ; le montant de votre commande ({amount}) "
        "restera dû au vendeur."
    ).format(amount=_money(amount))
    return f"{text} {owed}"


def note(item: Part) -> str:
    """One item of the note for the user."""
    p = dict(item.params)
    kind = item.id
    if kind == "late_delivered_commercial":
        return _(
            "L'article a fini par être livré : une fois l'article livré, les règles sur "
            "le retard de livraison ne donnent plus droit à la résolution ni à une "
            "indemnité. Cette lettre est donc une demande à titre commercial, et non une "
            "mise en demeure."
        )
    if kind == "refund_after_additional_period":
        return _(
            "Vous demandez le remboursement : la loi impose d'abord de laisser un délai "
            "supplémentaire pour livrer (art. VI.43 CDE), que cette lettre fixe. Sans "
            "livraison dans ce délai, vous pourrez mettre fin au contrat et être remboursé."
        )
    if kind == "refund_after_repair":
        return _(
            "Vous demandez le remboursement : la garantie légale donne d'abord droit à la "
            "réparation ou au remplacement. Cette lettre les demande d'abord, et le "
            "remboursement s'ils sont impossibles."
        )
    if kind == "send_registered":
        return _("Envoyez cette lettre par recommandé ou par e-mail, et gardez la preuve d'envoi.")
    if kind == "fill_brackets":
        return _("Complétez les passages entre crochets et relisez le tout avant l'envoi.")
    if kind == "check_amazon_address":
        return _(
            "L'adresse d'Amazon EU S.à r.l. provient d'une source de 2020 : vérifiez-la "
            "dans les Conditions d'utilisation et de vente d'amazon.com.be, et vérifiez "
            "sur votre facture que le vendeur est bien Amazon EU S.à r.l."
        )
    if kind == "check_amazon_address_only":
        return _(
            "L'adresse d'Amazon EU S.à r.l. provient d'une source de 2020 : vérifiez-la "
            "dans les Conditions d'utilisation et de vente d'amazon.com.be."
        )
    if kind == "complete_seller_address":
        return _(
            "Complétez l'adresse du vendeur, indiquée sur sa fiche vendeur sur "
            "amazon.com.be ; vous pouvez aussi lui envoyer ce texte par la messagerie "
            "d'Amazon."
        )
    if kind == "check_invoice_seller":
        return _(
            "Vérifiez sur votre facture qui a vendu l'article, et complétez son nom et adresse."
        )
    if kind == "check_payee":
        return _(
            "Aucune commande ne correspond à ce débit : complétez le nom et l'adresse du "
            "bénéficiaire indiqué sur votre relevé."
        )
    if kind == "no_announced_date":
        return _(
            "Aucune date de livraison annoncée n'a été indiquée : la lettre compte le délai "
            "légal de {period} à partir de la commande (art. VI.43 CDE). Si une date de "
            "livraison vous avait été annoncée, ajoutez-la : « La livraison m'avait été "
            "annoncée pour le [date] au plus tard. »"
        ).format(period=_period(p["period"]))
    if kind == "withdrawal_open":
        return _(
            "Vous avez reçu l'article le {date} : jusqu'au {end}, vous pouvez aussi vous "
            "rétracter sans donner de motif et être remboursé (art. VI.47 CDE)."
        ).format(date=_short(p["date"]), end=_short(p["end"]))
    if kind == "withdrawal_simpler":
        return _(
            "Vous avez reçu l'article le {date} : jusqu'au {end}, vous pouvez vous rétracter "
            "sans donner de motif (art. VI.47 CDE). C'est souvent le moyen le plus simple "
            "d'être remboursé ; seuls les frais directs de renvoi peuvent rester à votre "
            "charge, et seulement si le vendeur vous en avait informé."
        ).format(date=_short(p["date"]), end=_short(p["end"]))
    if kind == "withdrawal_ends_first":
        return _(
            "Votre délai de rétractation prend fin le {end}, avant le délai laissé dans la "
            "lettre (le {deadline}) : si vous choisissez de vous rétracter, faites-le avant "
            "le {end}, sans attendre la réponse."
        ).format(end=_short(p["end"]), deadline=_short(p["deadline"]))
    if kind == "cancelled_by_analogy":
        return _(
            "Le délai de {period} cité vaut pour le remboursement après une rétractation ; "
            "la lettre l'applique à votre annulation par analogie, ce que les sources "
            "consultées ne confirment pas pour une annulation avant livraison."
        ).format(period=_period(p["period"]))
    if kind == "returned_after_withdrawal":
        return _(
            "Le renvoi du {returned} a eu lieu après la fin du délai de rétractation (le "
            "{end}) : la lettre ne cite donc pas le délai légal de remboursement (art. VI.50 "
            "CDE) et s'appuie sur la politique de retour d'Amazon ou du vendeur. Vérifiez "
            "dans « Vos commandes » que le retour a été accepté et le délai de "
            "remboursement annoncé. Si vous aviez demandé le retour au plus tard le {end}, "
            "c'était une rétractation dans le délai : citez alors plutôt l'art. VI.50 CDE "
            "(remboursement dans les {period})."
        ).format(
            returned=_short(p["returned"]),
            end=_short(p["end"]),
            period=_period(p["period"]),
        )
    if kind == "refund_needs_withdrawal_in_time":
        return _(
            "La date de livraison n'est pas indiquée : la lettre cite le délai légal de "
            "remboursement après rétractation (art. VI.50 CDE), qui ne vaut que si vous avez "
            "renvoyé l'article dans le délai de rétractation ({period} après la livraison). "
            "Sinon, le remboursement relève de la politique de retour d'Amazon ou du "
            "vendeur : adaptez ce paragraphe."
        ).format(period=_period(p["period"]))
    if kind == "sepa_refund_now":
        return _sepa_refund_now(p)
    if kind == "sepa_refund_day_off":
        return sepa_day_off_text(str(p["why"])).format(date=_long(p["date"]))
    if kind == "bank_correction_lapsed":
        return _(
            "Le délai de {period} pour faire corriger ce débit par votre banque a expiré le "
            "{date} : elle n'est plus tenue de vous rembourser. Votre demande au vendeur reste "
            "possible. Dans la lettre, gardez la phrase entre crochets sur votre banque "
            "seulement si vous l'aviez signalé à temps."
        ).format(period=_period(p["period"]), date=_short(p["date"]))
    if kind == "report_to_bank":
        return _(
            "Signalez ce débit à votre banque sans attendre la réponse du vendeur (au plus "
            "tard {period} après le débit). Dans la lettre, gardez la phrase entre crochets "
            "sur votre banque seulement si c'est fait."
        ).format(period=_period(p["period"]))
    if kind == "deadline_moved":
        asked = _long(p["asked"])
        if p.get("why") == "saturday":
            return _(
                "Le {asked} est un samedi : le délai est reporté au jour ouvrable suivant."
            ).format(asked=asked)
        if p.get("why") == "sunday":
            return _(
                "Le {asked} est un dimanche : le délai est reporté au jour ouvrable suivant."
            ).format(asked=asked)
        return _(
            "Le {asked} est un jour férié : le délai est reporté au jour ouvrable suivant."
        ).format(asked=asked)
    if kind == "deadline_left":
        days = p["n"]
        assert isinstance(days, int)
        return ngettext(
            "Le délai laissé est de {n} jour, jusqu'au {date}.",
            "Le délai laissé est de {n} jours, jusqu'au {date}.",
            days,
        ).format(n=days, date=_long(p["date"]))
    raise LookupError(f"no wording for the note {kind!r}")


def note_title() -> str:
    """The title of the note, which says it is not part of the letter."""
    return _("Note pour vous (à ne pas recopier)")


def refusal_message(refused: LetterRefused) -> str:
    """Why no letter is written, as one line."""
    p = refused.params
    reason = refused.reason
    if reason == "complaint_closed":
        from amazon_reclamation.texts import labels

        return _(
            "La réclamation {id} est clôturée ({status}) : une mise en demeure contredirait "
            "votre dossier. Si le problème est revenu, rouvrez-la d'abord : reclam reopen {id}"
        ).format(id=p["id"], status=labels.label(labels.STATUS, str(p["status"])))
    if reason == "last_contact_resolved":
        return _(
            "Votre dernier contact (n° {n}, le {date}) indique que le problème est résolu : "
            "une mise en demeure le contredirait. S'il ne l'est plus, notez-le d'abord "
            "(reclam log), ou ajoutez --force."
        ).format(n=p["n"], date=_short(p["date"]))
    if reason == "announced_date_not_passed":
        return _(
            "La date de livraison annoncée ({date}) n'est pas encore passée : une mise en "
            "demeure serait prématurée."
        ).format(date=_short(p["date"]))
    if reason == "legal_delivery_not_passed":
        return _(
            "Le délai légal de livraison ({period} après la commande, jusqu'au {date}) "
            "n'est pas encore passé : une mise en demeure serait prématurée."
        ).format(period=_period(p["period"]), date=_short(p["date"]))
    if reason == "delivered_in_legal_period":
        return _(
            "La commande a été livrée le {date}, dans les {period} de la commande (délai "
            "légal, art. VI.43 CDE) : une mise en demeure pour retard serait sans fondement."
        ).format(date=_short(p["date"]), period=_period(p["period"]))
    if reason == "delivered_on_time":
        return _(
            "La commande a été livrée le {date}, au plus tard à la date annoncée ({due}) : "
            "une mise en demeure pour retard serait sans fondement."
        ).format(date=_short(p["date"]), due=_short(p["due"]))
    if reason == "guarantee_ended":
        return _(
            "La garantie légale a pris fin le {date} ({period} après la livraison) : une mise "
            "en demeure ne peut plus s'appuyer sur elle."
        ).format(date=_short(p["date"]), period=_period(p["period"]))
    raise LookupError(f"no wording for the refusal {reason!r}")
