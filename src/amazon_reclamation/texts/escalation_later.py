"""The wording of the later Amazon steps: written complaint, formal notice and review.

One method per reason id, as in `escalation_amazon.py` (a mixin of `escalation.Words`).
"""

from __future__ import annotations

import datetime as dt

from amazon_reclamation.i18n import _
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.texts.escalation_format import channel as _channel
from amazon_reclamation.texts.escalation_format import day
from amazon_reclamation.texts.escalation_format import period as _period


class LaterStepWords:
    """Whole sentences for the reasons of the written complaint, formal notice and review."""

    # -- written complaint, formal notice, review -----------------------------------

    def written_how(self, *, id: str) -> str:
        return _(
            "Écrivez au service client depuis la page de la commande (e-mail ou formulaire) "
            "avec le message prêt (reclam show {id}) ; rappelez les dates, les noms et les "
            "références de vos contacts, et gardez une copie."
        ).format(id=id)

    def written_done(self, *, date: dt.date, channel: str) -> str:
        return _("Réclamation écrite le {date} ({channel}).").format(
            date=day(date), channel=_channel(channel)
        )

    def written_third_party(self) -> str:
        return _(
            "Article d'un vendeur tiers : vos écrits passent par la messagerie du "
            "vendeur (étape « Écrire au vendeur »)."
        )

    def written_keeps_a_trace(self) -> str:
        return _(
            "Un écrit daté garde la trace de votre demande : les organismes extérieurs et le "
            "juge demandent la correspondance."
        )

    def written_confirm_oral_contacts(self) -> str:
        return _("Vos contacts jusqu'ici étaient oraux ou par chat : confirmez-les.")

    def formal_notice_how(self, *, id: str) -> str:
        return _(
            "Générez-la avec reclam letter {id} (texte ou Markdown, --out FICHIER), complétez "
            "et relisez-la, puis envoyez-la par lettre recommandée ou par e-mail ; gardez la "
            "preuve d'envoi. Notez l'envoi avec reclam log {id} --channel letter --step "
            "formal_notice."
        ).format(id=id)

    def formal_notice_done(self, *, date: dt.date) -> str:
        return _("Mise en demeure envoyée le {date}.").format(date=day(date))

    def formal_notice_delivered_on_time(self, *, date: dt.date | None) -> str:
        return _(
            "La commande a été livrée le {date}, au plus tard à la date annoncée : une "
            "mise en demeure pour retard serait sans fondement."
        ).format(date=day(date))

    def formal_notice_delivered_in_legal_period(
        self, *, date: dt.date | None, period: Period
    ) -> str:
        return _(
            "La commande a été livrée le {date}, dans les {period} de la commande (délai "
            "légal, art. VI.43 CDE) : une mise en demeure pour retard serait sans "
            "fondement."
        ).format(date=day(date), period=_period(period))

    def formal_notice_delivered_late(self, *, date: dt.date | None, id: str, period: Period) -> str:
        return _(
            "Livrée le {date}, plus de {period} après la commande : une fois l'article "
            "livré, les règles sur le retard ne donnent plus droit à la résolution ni à "
            "une indemnité. reclam letter {id} écrit donc une demande courtoise, à titre "
            "commercial, et non une mise en demeure."
        ).format(date=day(date), id=id, period=_period(period))

    def formal_notice_premature(self, *, date: dt.date) -> str:
        return _(
            "Pas encore : tant que la date de livraison du {date} n'est pas passée, une "
            "mise en demeure serait prématurée."
        ).format(date=day(date))

    def formal_notice_if_no_result(self) -> str:
        return _("Si les démarches ci-dessus n'aboutissent pas.")

    def formal_notice_purpose(self) -> str:
        return _(
            "Elle prouve votre demande et fixe un délai ; c'est l'étape habituelle avant "
            "un organisme extérieur ou le juge."
        )

    def review_how(self, *, id: str) -> str:
        return _(
            "Décrivez les faits et les dates, sans insulte ni donnée personnelle (ni nom, ni "
            "numéro de commande). Notez-le avec reclam log {id} --channel other --step review."
        ).format(id=id)

    def review_done(self, *, date: dt.date) -> str:
        return _("Avis laissé le {date}.").format(date=day(date))

    def review_informs_buyers(self) -> str:
        return _("Un avis factuel et courtois informe les autres acheteurs.")

    def seller_feedback_expired(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Le délai de {period} pour évaluer le vendeur (vu sur amazon.com) a expiré le {date}."
        ).format(date=day(date), period=_period(period))

    def seller_feedback_until(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Évaluation du vendeur possible jusqu'au {date} ({period} après la commande : "
            "règle vue sur amazon.com, à vérifier sur amazon.com.be)."
        ).format(date=day(date), period=_period(period))

    def written_how_no_order(self, *, id: str) -> str:
        return _(
            "Aucune commande ne correspond à ce débit : écrivez au service client par les "
            "pages d'aide d'amazon.com.be avec le message prêt (reclam show {id}) ; rappelez "
            "les dates, les noms et les références de vos contacts, et gardez une copie."
        ).format(id=id)

    def review_no_order(self) -> str:
        return _(
            "Aucune commande ne correspond à ce débit : il n'y a ni vendeur ni article à évaluer."
        )
