"""The wording of the escalation reasons with Amazon and the seller, of the contact log,
and of the warnings, pauses and what must not wait. One method per reason id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation.i18n import _, ngettext
from amazon_reclamation.texts.escalation_format import channel as _channel
from amazon_reclamation.texts.escalation_format import day, sentences
from amazon_reclamation.texts.escalation_format import period as _period
from amazon_reclamation.texts.escalation_format import seller as _seller

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.knowledge.periods import Period


class AmazonWords:
    """Reason id -> one whole sentence (or clause of the log's sentence)."""

    def deadline_title(self, deadline_id: str) -> str:
        """The title of one of the plan's deadlines."""
        raise NotImplementedError

    # -- the contact log: clauses of one sentence -----------------------------------

    def log_refused_by_amazon(self, *, date: dt.date, others: int) -> str:
        if not others:
            return _("Amazon a refusé votre demande le {date}").format(date=day(date))
        return ngettext(
            "Amazon a refusé votre demande le {date}, après {n} autre contact sans résultat",
            "Amazon a refusé votre demande le {date}, après {n} autres contacts sans résultat",
            others,
        ).format(date=day(date), n=others)

    def log_refused_by_seller(self, *, seller: str | None, date: dt.date, others: int) -> str:
        who = _seller(seller)
        if not others:
            return _("{seller} a refusé votre demande le {date}").format(seller=who, date=day(date))
        return ngettext(
            "{seller} a refusé votre demande le {date}, après {n} autre contact sans résultat",
            "{seller} a refusé votre demande le {date}, après {n} autres contacts sans résultat",
            others,
        ).format(seller=who, date=day(date), n=others)

    def log_unsuccessful(self, *, n: int, failed: int) -> str:
        contacts = ngettext("{n} contact sans résultat", "{n} contacts sans résultat", n)
        contacts = contacts.format(n=n)
        if not failed:
            return contacts
        attempts = ngettext(
            "{n} tentative sans réponse", "{n} tentatives sans réponse", failed
        ).format(n=failed)
        return _("{contacts}, dont {attempts}").format(contacts=contacts, attempts=attempts)

    def log_promise_broken(self, *, date: dt.date, due: dt.date | None) -> str:
        return _("promesse du {date} non tenue (échéance du {due} dépassée)").format(
            date=day(date), due=day(due)
        )

    def log_promise_running(self, *, date: dt.date, due: dt.date) -> str:
        return _("promesse du {date} en cours jusqu'au {due} : attendez cette date").format(
            date=day(date), due=day(due)
        )

    def log_formal_notice_passed(self, *, date: dt.date, due: dt.date | None) -> str:
        return _("mise en demeure du {date} restée sans solution (délai du {due} dépassé)").format(
            date=day(date), due=day(due)
        )

    def log_formal_notice_running(self, *, date: dt.date, due: dt.date) -> str:
        return _(
            "mise en demeure du {date} : le délai laissé court jusqu'au {due}, attendez cette date"
        ).format(date=day(date), due=day(due))

    def log_resolved_close(self, *, date: dt.date, id: str) -> str:
        return _(
            "le dernier contact ({date}) indique « résolu » : si le problème est réglé, "
            "clôturez la réclamation (reclam close {id} --outcome resolved)"
        ).format(date=day(date), id=id)

    # -- warnings, pauses, what must not wait ---------------------------------------

    def guarantee_over(self, *, end: dt.date | None, period: Period) -> str:
        return _(
            "La garantie légale a pris fin le {date} ({period} après la livraison) : ni la "
            "mise en demeure ni le juge ne peuvent plus s'appuyer sur elle."
        ).format(date=day(end), period=_period(period))

    def guarantee_over_commercial_only(self, *, end: dt.date | None, period: Period) -> str:
        commercial = _(
            "Seule une garantie commerciale, si l'article en a une et qu'elle court "
            "encore, peut encore jouer, selon ses propres conditions : vérifiez-les."
        )
        return sentences([self.guarantee_over(end=end, period=period), commercial])

    def defect_notice_late(self, *, period: Period) -> str:
        return _(
            "Le délai de {period} pour signaler le défaut est dépassé : le vendeur "
            "pourrait vous opposer la perte de la garantie."
        ).format(period=_period(period, words=True))

    def defect_notice_soon(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Signalez le défaut au vendeur au plus tard le {date} ({period} après sa découverte), "
            "par écrit si possible : un avis tardif peut vous faire perdre la garantie."
        ).format(date=day(date), period=_period(period, words=True))

    def returned_after_withdrawal(
        self, *, returned: dt.date | None, end: dt.date | None, refund: Period
    ) -> str:
        return _(
            "Renvoi du {returned}, après la fin du délai de rétractation le {end} : ce "
            "n'est pas une rétractation légale, sauf si vous aviez annoncé votre "
            "rétractation (par exemple en demandant le retour) au plus tard le {end}. "
            "Le délai légal de remboursement de {refund} (art. VI.50 CDE) ne s'applique "
            "donc pas : le remboursement relève de la politique de retour d'Amazon ou "
            "du vendeur. Vérifiez dans « Vos commandes » que le retour a été accepté et "
            "le délai de remboursement annoncé."
        ).format(returned=day(returned), end=day(end), refund=_period(refund))

    def deadline_during_wait(self, *, deadline: str, date: dt.date) -> str:
        return _(
            "Attention : échéance « {title} » le {date}, pendant cette attente ; agissez "
            "avant cette date."
        ).format(title=self.deadline_title(deadline), date=day(date))

    def pause_resolved(self, *, date: dt.date, id: str) -> str:
        return _(
            "Le dernier contact, le {date}, indique que le problème est résolu : rien à "
            "escalader. Si c'est bien le cas, clôturez la réclamation (reclam close {id} "
            "--outcome resolved) ; sinon, notez ce qui ne va pas avec reclam log {id}."
        ).format(date=day(date), id=id)

    def pause_announced_delivery(self, *, date: dt.date) -> str:
        return _(
            "La date de livraison annoncée, le {date}, n'est pas encore passée : rien "
            "à faire pour l'instant, sinon attendre cette date."
        ).format(date=day(date))

    def pause_legal_delivery(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Aucune date de livraison annoncée n'est indiquée : le délai légal de {period} "
            "après la commande (art. VI.43 CDE) court jusqu'au {date}. Rien à "
            "faire pour l'instant, sinon attendre cette date ; si une date de livraison "
            "vous a été annoncée, c'est elle qui compte."
        ).format(date=day(date), period=_period(period))

    def pause_come_back_after_delivery(self, *, date: dt.date, id: str) -> str:
        return _(
            "Si le colis n'est toujours pas là après le {date}, revenez à ce plan (reclam "
            "escalate {id})."
        ).format(date=day(date), id=id)

    def pause_promise_running(self, *, date: dt.date, due: dt.date, id: str) -> str:
        return _(
            "Promesse du {date} en cours jusqu'au {due} : attendez cette date avant d'aller "
            "plus loin. Si rien n'est fait à cette date, revenez à ce plan (reclam "
            "escalate {id})."
        ).format(date=day(date), due=day(due), id=id)

    def pause_formal_notice_running(self, *, date: dt.date, due: dt.date, id: str) -> str:
        return _(
            "Mise en demeure du {date} : le délai laissé court jusqu'au {due} ; attendez "
            "cette date avant d'aller plus loin. Sans solution à cette date, revenez à ce "
            "plan (reclam escalate {id})."
        ).format(date=day(date), due=day(due), id=id)

    def withdrawal_still_open(self, *, date: dt.date) -> str:
        return _(
            "Vous êtes encore dans le délai de rétractation, jusqu'au {date} : vous "
            "pouvez aussi vous rétracter sans donner de motif."
        ).format(date=day(date))

    def report_unknown_debit_now(self) -> str:
        return _(
            "Sans attendre : signalez ce débit non reconnu à votre banque (étape "
            "« Signaler à la banque un paiement non autorisé »)."
        )

    def sepa_refund_ends_soon(self, *, date: dt.date) -> str:
        return _(
            "Sans attendre : le remboursement de la domiciliation n'est possible que "
            "jusqu'au {date}."
        ).format(date=day(date))

    # -- customer service, supervisor, seller ---------------------------------------

    def customer_service_how(self, *, id: str) -> str:
        return _(
            "Dans « Vos commandes », ouvrez cette commande et choisissez l'aide pour un "
            "problème (chat, e-mail ou rappel selon ce qui est proposé). Collez le message "
            "prêt (reclam show {id}), puis notez la date, le nom de l'interlocuteur et la "
            "référence du dossier avec reclam log {id}."
        ).format(id=id)

    def customer_service_how_no_order(self, *, id: str) -> str:
        return _(
            "Aucune commande ne correspond à ce débit : passez par les pages d'aide d'amazon."
            "com.be pour joindre le service client (chat, e-mail ou rappel selon ce qui est "
            "proposé). Collez le message prêt (reclam show {id}), puis notez la date, le nom de "
            "l'interlocuteur et la référence du dossier avec reclam log {id}."
        ).format(id=id)

    def customer_service_done(self, *, n: int, date: dt.date, channel: str) -> str:
        return ngettext(
            "{n} contact avec le service client, le dernier le {date} ({channel}).",
            "{n} contacts avec le service client, le dernier le {date} ({channel}).",
            n,
        ).format(n=n, date=day(date), channel=_channel(channel))

    def customer_service_third_party(self) -> str:
        return _(
            "Article d'un vendeur tiers : votre premier interlocuteur est le vendeur "
            "(étape « Écrire au vendeur »). Le service client d'Amazon reste joignable "
            "depuis la commande si vous le souhaitez."
        )

    def no_contact_yet(self) -> str:
        return _(
            "Pas encore de contact : c'est la première démarche, et les organismes "
            "extérieurs demandent d'avoir d'abord réclamé auprès du vendeur."
        )

    def no_customer_service_contact_yet(self) -> str:
        return _("Pas encore de contact avec le service client d'Amazon.")

    def supervisor_how(self, *, id: str) -> str:
        return _(
            "Demandez poliment à parler à un responsable ; rappelez la référence du dossier, "
            "vos contacts précédents et les promesses faites. Demandez une confirmation écrite "
            "de ce qui est convenu, et notez l'échange avec reclam log {id} --step "
            "ask_supervisor."
        ).format(id=id)

    def supervisor_done(self, *, date: dt.date, channel: str) -> str:
        return _("Responsable demandé le {date} ({channel}).").format(
            date=day(date), channel=_channel(channel)
        )

    def supervisor_third_party(self) -> str:
        return _(
            "Article d'un vendeur tiers : après le vendeur, la suite passe par la "
            "Garantie A à Z d'Amazon."
        )

    def supervisor_third_party_no_atoz(self) -> str:
        return _(
            "Article d'un vendeur tiers : votre interlocuteur est le vendeur (étape "
            "« Écrire au vendeur »)."
        )

    def supervisor_if_no_result(self) -> str:
        return _("À faire si le contact avec le service client n'aboutit pas.")

    def seller_how(self, *, id: str) -> str:
        return _(
            "Depuis « Vos commandes », ouvrez cette commande et écrivez au vendeur par la "
            "messagerie d'Amazon, où les échanges restent enregistrés ; collez le message "
            "prêt (reclam show {id}). Notez l'envoi avec reclam log {id} --channel "
            "seller_message."
        ).format(id=id)

    def seller_done(self, *, n: int, date: dt.date) -> str:
        return ngettext(
            "{n} message au vendeur, le premier le {date}.",
            "{n} messages au vendeur, le premier le {date}.",
            n,
        ).format(n=n, date=day(date))

    def seller_sold_by_amazon(self) -> str:
        return _("Vendu par Amazon : pas de vendeur tiers à contacter.")

    def only_for_third_party_seller(self) -> str:
        return _(
            "Seulement pour un article vendu par un vendeur tiers : vérifiez la mention "
            "« Vendu par … » sur la page de la commande."
        )

    def no_order_no_seller(self) -> str:
        return _("Aucune commande ne correspond à ce débit : il n'y a pas de vendeur à contacter.")

    def seller_first(self, *, seller: str | None) -> str:
        if not seller:
            return _(
                "Article vendu par un vendeur tiers : c'est votre premier interlocuteur, et la "
                "Garantie A à Z d'Amazon suppose de lui avoir écrit."
            )
        return _(
            "Article vendu par {seller} : c'est votre premier interlocuteur, et la Garantie "
            "A à Z d'Amazon suppose de lui avoir écrit."
        ).format(seller=_seller(seller))

    def seller_first_no_atoz(self, *, seller: str | None) -> str:
        if not seller:
            return _("Article vendu par un vendeur tiers : c'est votre premier interlocuteur.")
        return _("Article vendu par {seller} : c'est votre premier interlocuteur.").format(
            seller=_seller(seller)
        )

    # -- A-to-z -----------------------------------------------------------------------

    def amazon_policy_unverified(self) -> str:
        return _(
            "Règle d'Amazon, vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be."
        )

    def atoz_how(self, *, id: str) -> str:
        return _(
            "Depuis la page de la commande, demandez l'intervention d'Amazon au titre de la "
            "Garantie A à Z et joignez vos échanges avec le vendeur. Ne demandez pas de "
            "chargeback à votre banque en même temps. Notez-le avec reclam log {id} --step "
            "atoz_claim."
        ).format(id=id)

    def atoz_done(self, *, date: dt.date) -> str:
        return _("Garantie A à Z demandée le {date}.").format(date=day(date))

    def atoz_sold_by_amazon(self) -> str:
        return _("Vendu par Amazon : la Garantie A à Z ne vise que les vendeurs tiers.")

    def atoz_not_billing(self) -> str:
        return _(
            "Les conditions de la Garantie A à Z visent la livraison, l'état de "
            "l'article et les retours, pas la facturation."
        )

    def atoz_excluded_by_chargeback(self, *, date: dt.date) -> str:
        return _(
            "Chargeback demandé le {date} : sur d'autres sites Amazon, il exclut la Garantie A à Z."
        ).format(date=day(date))

    def atoz_expired(self, *, date: dt.date, period: Period) -> str:
        return _("Le délai de {period} d'Amazon a expiré le {date}.").format(
            date=day(date), period=_period(period)
        )

    def atoz_wait_outlasts_window(
        self, *, date: dt.date, opens: dt.date, until: dt.date, period: Period
    ) -> str:
        return _(
            "Vous avez écrit au vendeur le {date} : l'attente demandée par Amazon ne finit "
            "que le {opens}, après la fin de son délai de {period} (le {until}). La "
            "réclamation ne peut plus être faite à temps."
        ).format(date=day(date), opens=day(opens), until=day(until), period=_period(period))

    def atoz_no_time_to_wait(self, *, wait: Period, until: dt.date, period: Period) -> str:
        return _(
            "Le délai de {period} d'Amazon se termine le {until}, avant la fin de l'attente "
            "de {wait} qu'Amazon demande après un message au vendeur : la réclamation ne "
            "peut plus être faite à temps."
        ).format(until=day(until), wait=_period(wait), period=_period(period))

    def atoz_after_seller_message(
        self, *, wait: Period, period: Period, until: dt.date | None, estimated: bool
    ) -> str:
        if until is None:
            text = _("Possible après avoir écrit au vendeur et attendu {wait}.")
        elif estimated:
            text = _(
                "Possible après avoir écrit au vendeur et attendu {wait}, jusqu'au {until} "
                "({period} après la date de livraison estimée)."
            )
        else:
            text = _(
                "Possible après avoir écrit au vendeur et attendu {wait}, jusqu'au {until} "
                "({period} après la livraison)."
            )
        return text.format(wait=_period(wait), period=_period(period), until=day(until))

    def atoz_opens_on(
        self,
        *,
        date: dt.date,
        opens: dt.date,
        period: Period,
        until: dt.date | None,
        estimated: bool,
    ) -> str:
        if until is None:
            text = _(
                "Vous avez écrit au vendeur le {date} : réclamation possible à partir du {opens}."
            )
        elif estimated:
            text = _(
                "Vous avez écrit au vendeur le {date} : réclamation possible à partir du "
                "{opens}, jusqu'au {until} ({period} après la date de livraison estimée)."
            )
        else:
            text = _(
                "Vous avez écrit au vendeur le {date} : réclamation possible à partir du "
                "{opens}, jusqu'au {until} ({period} après la livraison)."
            )
        return text.format(
            date=day(date), opens=day(opens), period=_period(period), until=day(until)
        )

    def atoz_open(
        self, *, date: dt.date, period: Period, until: dt.date | None, estimated: bool
    ) -> str:
        if until is None:
            text = _(
                "Vous avez écrit au vendeur le {date} et le délai d'attente est passé : la "
                "réclamation est possible."
            )
        elif estimated:
            text = _(
                "Vous avez écrit au vendeur le {date} et le délai d'attente est passé : la "
                "réclamation est possible, jusqu'au {until} ({period} après la date de "
                "livraison estimée)."
            )
        else:
            text = _(
                "Vous avez écrit au vendeur le {date} et le délai d'attente est passé : la "
                "réclamation est possible, jusqu'au {until} ({period} après la livraison)."
            )
        return text.format(date=day(date), period=_period(period), until=day(until))
