"""Deadlines worded: each note id becomes one whole sentence, each missing fact one too.

`domain/deadlines.py` decides (dates, note ids, missing fact ids); this module only
writes. Periods are written from the rules' numbers (`texts.rules.period_words`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.texts.lists import join_list
from amazon_reclamation.texts.rules import format_period, period_words, rule_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from amazon_reclamation.domain.deadlines import Deadline, MissingFact, Note, NoteId
    from amazon_reclamation.knowledge.periods import Fact

# {date} and {opens} are dates; the other placeholders are the named periods of the rules.
NOTES: dict[NoteId, str] = {
    "withdrawal_counted": N_(
        "{withdrawal_days} comptés à partir du lendemain de la livraison du {date}, selon "
        "plusieurs sources ; agir avant le dernier jour est plus sûr. Il suffit d'envoyer "
        "votre rétractation avant la fin du délai : gardez-en la preuve."
    ),
    "withdrawal_was_counted": N_(
        "{withdrawal_days} comptés à partir du lendemain de la livraison du {date}."
    ),
    "withdrawal_exercised": N_(
        "Rétractation exercée à temps : l'article a été renvoyé le {date}, avant la fin du délai."
    ),
    "refund_by_analogy": N_(
        "{refund_after_withdrawal} après l'annulation du {date} : délai du remboursement "
        "après rétractation (art. VI.50 CDE), appliqué ici par analogie ; les sources "
        "consultées ne le confirment pas pour une annulation avant livraison."
    ),
    "refund_only_if_in_time": N_(
        "Seulement si vous avez renvoyé l'article dans le délai de rétractation "
        "({withdrawal_days} après la livraison) ; sinon, le remboursement suit la politique "
        "de retour d'Amazon ou du vendeur."
    ),
    "refund_from_return": N_(
        "Compté ici à partir du renvoi du {date} ; si vous aviez annoncé votre rétractation "
        "plus tôt, le délai court depuis cette annonce. Le vendeur peut attendre d'avoir "
        "récupéré l'article ou d'avoir reçu la preuve de son renvoi : envoyez-lui le reçu "
        "de dépôt."
    ),
    "presumption_since_reform": N_(
        "Contrat conclu depuis le 1er juin 2022 : un défaut qui apparaît dans les "
        "{guarantee_presumption} de la livraison est présumé exister dès la livraison, sauf "
        "preuve contraire du vendeur."
    ),
    "presumption_before_reform": N_(
        "Contrat conclu avant le 1er juin 2022 : il relève de la loi du 1er septembre 2004, "
        "et le défaut n'était présumé exister à la livraison que s'il apparaissait dans les "
        "{presumption_before_reform}."
    ),
    "notify_within_notice_period": N_(
        "Prévenez le vendeur dans les {defect_notice} de la découverte du défaut."
    ),
    # {defect_notice_words}: the period spelled out ("deux mois"), as these sentences read.
    "notice_from_discovery": N_(
        "Dans les {defect_notice_words} qui suivent la découverte du défaut (le {date})."
    ),
    "notice_from_delivery": N_(
        "{defect_notice_words} comptés prudemment à partir de la livraison du {date}."
    ),
    "first_contact": N_(
        "Premier contact enregistré le {date} : s'il décrivait le défaut, gardez-en la "
        "preuve écrite."
    ),
    "notify_in_writing": N_("Prévenez le vendeur par écrit et gardez-en la preuve."),
    "delivery_legal_period": N_(
        "Délai légal : {delivery} après la commande du {date} (art. VI.43 CDE), sauf autre "
        "date convenue."
    ),
    "announced_date": N_("Date annoncée (estimation d'Amazon) : le {date}."),
    "announced_date_unknown": N_("Date annoncée non indiquée."),
    "delivered_on": N_("Livrée le {date}."),
    "delivery_after_period": N_(
        "Une fois ce délai passé, demandez la livraison dans un délai supplémentaire "
        "adapté ; à défaut, vous pouvez mettre fin au contrat et être remboursé."
    ),
    "amazon_rule_checked_elsewhere": N_(
        "Règle d'Amazon, vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be."
    ),
    "atoz_counted_from_delivery": N_(
        "Compté ici à partir de la livraison, faute de date estimée ; si le colis est "
        "arrivé en retard, la limite tombe plus tôt."
    ),
    "atoz_opens": N_("Réclamation possible à partir du {opens} (message au vendeur du {date})."),
    "atoz_opens_after_end": N_(
        "Message au vendeur du {date} : l'attente demandée par Amazon ne finit que le "
        "{opens}, après la fin de ce délai."
    ),
    "atoz_write_first": N_("Écrivez d'abord au vendeur et attendez {atoz_wait}."),
    "atoz_no_chargeback": N_("Pas en même temps qu'un chargeback auprès de votre banque."),
    "sepa_ask_bank": N_(
        "Demande à faire à votre banque, sans justification ; le remboursement n'efface pas "
        "une somme réellement due."
    ),
    "sepa_ends_saturday": N_(
        "Le {date} est un samedi : faites votre demande à la banque avant ce jour."
    ),
    "sepa_ends_sunday": N_(
        "Le {date} est un dimanche : faites votre demande à la banque avant ce jour."
    ),
    "sepa_ends_holiday": N_(
        "Le {date} est un jour férié : faites votre demande à la banque avant ce jour."
    ),
    "unauthorised_no_delay": N_(
        "Sans délai, au plus tard {unauthorised_payment} après le débit : c'est une limite, "
        "pas un délai d'attente."
    ),
    "card_stop": N_("Carte perdue ou volée : Card Stop, 078 170 170."),
    "feedback_amazon_com": N_(
        "Règle d'Amazon vue sur amazon.com ({seller_feedback} après la commande), à vérifier "
        "sur amazon.com.be. Restez factuel et courtois."
    ),
    "feedback_amazon_com_rule": N_(
        "Règle d'Amazon vue sur amazon.com ({seller_feedback} après la commande), à vérifier "
        "sur amazon.com.be."
    ),
}

# Each starts the sentence of `missing_fact_texts`, hence the capital.
FACTS: dict[Fact, str] = {
    "order": N_("La date de commande"),
    "delivery": N_("La date de livraison"),
    "return": N_("La date du renvoi de l'article ou de l'annulation"),
    "discovery": N_("La date de découverte du défaut"),
    "latest_delivery": N_("La date de livraison estimée la plus tardive (ou la date de livraison)"),
    "seller": N_("Le type de vendeur (Amazon ou vendeur tiers)"),
    "payment": N_("Le moyen de paiement"),
    "charge": N_("La date du débit"),
    "billing": N_("Le type de problème de facturation"),
}


_SEPA_DAY_OFF: dict[str, NoteId] = {
    "saturday": "sepa_ends_saturday",
    "sunday": "sepa_ends_sunday",
    "holiday": "sepa_ends_holiday",
}


def sepa_day_off_text(why: str) -> str:
    """The SEPA refund's last day is not a working day (`knowledge.periods.day_off`): the
    sentence that says so, its {date} left to fill (a short or a long date)."""
    return _(NOTES[_SEPA_DAY_OFF[why]])


def _period_values() -> dict[str, str]:
    from amazon_reclamation.knowledge.rules import period_of

    values = period_words()
    # "14 jours comptés…": the withdrawal period without "calendrier".
    values["withdrawal_days"] = format_period(replace(period_of("withdrawal"), unit="days"))
    values["defect_notice_words"] = format_period(period_of("defect_notice"), words=True)
    return values


def note_text(note: Note) -> str:
    """One note of a deadline, as a whole sentence."""
    values = _period_values()
    values["date"] = fmt.short_date(note.date)
    values["opens"] = fmt.short_date(note.opens)
    text = _(NOTES[note.id]).format_map(values)
    # A sentence may start with a period ("deux mois comptés…"): its first letter is a capital.
    return text[:1].upper() + text[1:]


def deadline_note(deadline: Deadline) -> str:
    """Everything to know about a deadline, sentence after sentence."""
    return " ".join(note_text(note) for note in deadline.current_notes)


def deadline_title(deadline: Deadline) -> str:
    """The title of the deadline's rule, translated."""
    return rule_words(deadline.rule).title


def deadline_json(deadline: Deadline) -> dict[str, object]:
    """The JSON form of a deadline, used by `escalate --json` and `due --json`."""
    rule = deadline.rule
    words = rule_words(rule)
    return {
        "id": deadline.id,
        "title": words.title,
        "date": deadline.date.isoformat(),
        "days_left": deadline.days_left,
        "kind": deadline.kind,
        "source": deadline.source,
        "sources": list(rule.sources),
        "reference": words.reference,
        "period": words.period,
        "marker": rule.marker,
        "note": deadline_note(deadline),
    }


def missing_fact_texts(missing: Iterable[MissingFact]) -> list[str]:
    """One sentence per missing fact, saying which deadlines it would allow."""
    from amazon_reclamation.knowledge.rules import RULES_BY_ID

    return [
        _("{fact} permettrait de calculer {deadlines}.").format(
            fact=_(FACTS[item.fact]),
            deadlines=join_list([rule_words(RULES_BY_ID[r]).short for r in item.rule_ids]),
        )
        for item in missing
    ]
