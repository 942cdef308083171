"""The wording of the escalation reasons outside Amazon: bodies, bank and courts.
One method per reason id; limits and periods come from `knowledge.bodies`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import _, ngettext
from amazon_reclamation.texts.deadlines import sepa_day_off_text
from amazon_reclamation.texts.escalation_format import business_days, day, euros, link
from amazon_reclamation.texts.escalation_format import channel as _channel
from amazon_reclamation.texts.escalation_format import country as _country
from amazon_reclamation.texts.escalation_format import days as _days
from amazon_reclamation.texts.escalation_format import period as _period
from amazon_reclamation.texts.escalation_format import seller as _seller

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

    from amazon_reclamation.knowledge.periods import Period


class OutsideWords:
    """Reason id -> one whole sentence."""

    # -- shared ---------------------------------------------------------------------

    def needs_prior_complaint(self) -> str:
        return _(
            "Condition : avoir d'abord réclamé auprès du vendeur, ce qui n'est pas encore fait."
        )

    def sold_by_amazon_check_invoice(self) -> str:
        return _(
            "Vendu par Amazon : le vendeur est normalement Amazon EU S.à r.l., établie au "
            "Luxembourg ; vérifiez le vendeur indiqué sur votre facture."
        )

    def seller_abroad(self, *, country: str) -> str:
        return _("Vendeur établi hors de Belgique : {country}.").format(country=_country(country))

    def seller_in_belgium(self) -> str:
        return _("Vendeur établi en Belgique.")

    def seller_normally_in_lu(self) -> str:
        return _("Vendeur normalement établi au Luxembourg (Amazon EU S.à r.l.).")

    # -- ECC Belgium, the Luxembourg mediator ---------------------------------------

    def ecc_how(self, *, id: str, url: str, days: int | None) -> str:
        return _(
            "Gratuit. Préparez un seul dossier : un court résumé, la preuve d'achat et de "
            "paiement, toute la correspondance dans l'ordre chronologique (reclam export {id} "
            "--format ecc --out cec-{id} prépare ces fichiers), "
            "et votre IBAN et BIC si vous demandez un remboursement. Première réponse en "
            "principe sous {days}. {url}"
        ).format(id=id, url=link(url), days=business_days(days))

    def ecc_competence(self) -> str:
        return _(
            "Le CEC Belgique aide gratuitement les consommateurs en Belgique face à une "
            "entreprise établie dans un autre pays de l'UE, en Islande, en Norvège ou au "
            "Royaume-Uni ; il n'a pas de pouvoir de contrainte."
        )

    def ecc_not_belgian_traders(self) -> str:
        return _(
            "Vendeur établi en Belgique : le CEC ne traite pas les entreprises belges "
            "(voir ConsumerConnect)."
        )

    def ecc_outside_reach(self, *, country: str) -> str:
        return _(
            "Vendeur établi hors de l'UE ({country}) : le CEC Belgique ne peut pas "
            "intervenir, il ne traite que l'UE, l'Islande, la Norvège et le Royaume-Uni. "
            "Restent la Garantie A à Z et les recours de paiement."
        ).format(country=_country(country))

    def ecc_outside_reach_no_atoz(self, *, country: str) -> str:
        return _(
            "Vendeur établi hors de l'UE ({country}) : le CEC Belgique ne peut pas "
            "intervenir, il ne traite que l'UE, l'Islande, la Norvège et le Royaume-Uni. "
            "Restent les recours de paiement."
        ).format(country=_country(country))

    def ecc_if_named_seller_abroad(self, *, seller: str | None) -> str:
        return _(
            "Seulement si {seller} est établi dans un autre pays de l'UE, en Islande, en "
            "Norvège ou au Royaume-Uni : vérifiez son adresse sur sa fiche vendeur."
        ).format(seller=_seller(seller))

    def ecc_if_seller_abroad(self) -> str:
        return _(
            "Seulement si le vendeur est établi dans un autre pays de l'UE, en Islande, en "
            "Norvège ou au Royaume-Uni (normalement le cas d'un article vendu par Amazon) : "
            "vérifiez le vendeur et son adresse sur la facture."
        )

    def lu_mediator_how(self, *, url: str) -> str:
        return _(
            "Gratuit, sans avocat ; demande possible en français, avec un résumé de la "
            "situation et ce que vous attendez. Signalez si le litige est déjà devant un autre "
            "organisme de règlement des litiges ou un juge. {url}"
        ).format(url=url)

    def lu_mediator_competence(self) -> str:
        return _(
            "Le Médiateur de la consommation luxembourgeois accepte les consommateurs d'autres "
            "pays de l'UE face à une entreprise établie au Luxembourg."
        )

    def lu_mediator_if_named_seller_in_lu(self, *, seller: str | None) -> str:
        return _(
            "Seulement si {seller} est établi au Luxembourg : vérifiez son adresse sur "
            "sa fiche vendeur."
        ).format(seller=_seller(seller))

    def lu_mediator_if_seller_in_lu(self) -> str:
        return _(
            "Seulement si le vendeur est établi au Luxembourg, normalement le cas d'un "
            "article vendu par Amazon : vérifiez le vendeur sur la facture."
        )

    def lu_mediator_only_lu(self) -> str:
        return _("Seulement pour un vendeur établi au Luxembourg.")

    def lu_mediator_within_years(self, *, n: int, date: dt.date, limit: dt.date) -> str:
        return ngettext(
            "Il peut refuser une demande introduite plus d'un an après votre première "
            "réclamation au vendeur (le {date}) : saisissez-le avant le {limit}.",
            "Il peut refuser une demande introduite plus de {n} ans après votre première "
            "réclamation au vendeur (le {date}) : saisissez-le avant le {limit}.",
            n,
        ).format(n=n, date=day(date), limit=day(limit))

    def lu_mediator_years_passed(self, *, n: int, date: dt.date, limit: dt.date) -> str:
        return ngettext(
            "Il peut refuser une demande introduite plus d'un an après votre première "
            "réclamation au vendeur (le {date}) : ce délai a pris fin le {limit}.",
            "Il peut refuser une demande introduite plus de {n} ans après votre première "
            "réclamation au vendeur (le {date}) : ce délai a pris fin le {limit}.",
            n,
        ).format(n=n, date=day(date), limit=day(limit))

    # -- ConsumerConnect, the Consumer Mediation Service ----------------------------

    def consumerconnect_how(self, *, url: str) -> str:
        return _(
            "Sur {url}, décrivez le problème et suivez l'orientation proposée ; un "
            "signalement seul ne vous rembourse pas."
        ).format(url=url)

    def consumerconnect_role(self) -> str:
        return _(
            "ConsumerConnect, le service du SPF Economie, explique vos droits, propose des "
            "modèles de lettres, transmet les signalements à l'Inspection économique et vous "
            "oriente vers le service de médiation compétent."
        )

    def consumerconnect_if_country_unknown(self) -> str:
        return _(
            "Si vous ne savez pas où le vendeur est établi : ConsumerConnect, le service du "
            "SPF Economie, explique vos droits, propose des modèles de lettres, transmet les "
            "signalements à l'Inspection économique et vous oriente vers le service de "
            "médiation compétent."
        )

    def no_mediation_outside_eu(self) -> str:
        return _(
            "Vendeur établi hors de l'UE : les services de médiation belges et "
            "européens ne le couvrent pas ; restent la Garantie A à Z et les recours de "
            "paiement."
        )

    def no_mediation_outside_eu_no_atoz(self) -> str:
        return _(
            "Vendeur établi hors de l'UE : les services de médiation belges et "
            "européens ne le couvrent pas ; restent les recours de paiement."
        )

    def ecc_is_competent(self) -> str:
        return _(
            "Entreprise établie dans un autre pays : le CEC Belgique est l'organisme compétent."
        )

    def mediation_how(self, *, days: int | None, url: str) -> str:
        return _(
            "Gratuit ; demande non anonyme, et pas si le litige est déjà devant un juge ou un "
            "autre organisme. Il dispose de {days}, prolongeables une fois ; sa "
            "recommandation n'oblige pas l'entreprise. {url}"
        ).format(days=_days(days), url=link(url))

    def mediation_competence(self) -> str:
        return _(
            "Le Service de Médiation pour le Consommateur traite gratuitement les litiges avec "
            "une entreprise établie en Belgique, après une tentative de règlement avec elle."
        )

    def mediation_if_seller_in_belgium(self) -> str:
        return _("Seulement si le vendeur est établi en Belgique : vérifiez-le sur la facture.")

    def mediation_belgian_traders_invoice(self) -> str:
        return _(
            "Ce service ne traite que les entreprises établies en Belgique ; si votre "
            "facture indique un vendeur établi en Belgique, cette voie s'ouvre."
        )

    def mediation_belgian_traders_only(self) -> str:
        return _("Ce service ne traite que les entreprises établies en Belgique.")

    # -- the bank ---------------------------------------------------------------------

    def payment_method_unknown(self) -> str:
        return _("Le moyen de paiement n'est pas indiqué.")

    def sepa_refund_how(self, *, reply: Period) -> str:
        return _(
            "Demandez-le à votre banque ; elle rembourse ou motive son refus dans les {reply}. "
            "Le remboursement n'efface pas une somme réellement due au vendeur."
        ).format(reply=_period(reply))

    def sepa_refund_only_direct_debit(self) -> str:
        return _("Seulement pour un paiement par domiciliation SEPA.")

    def sepa_refund_without_date(self, *, period: Period) -> str:
        return _(
            "Paiement par domiciliation : votre banque rembourse sur simple demande "
            "pendant {period} après le débit ; indiquez la date du débit pour "
            "connaître l'échéance."
        ).format(period=_period(period))

    def sepa_refund_expired(self, *, date: dt.date, period: Period, contest: Period) -> str:
        return _(
            "Le délai de {period} a expiré le {date} ; ensuite, et jusqu'à {contest}, "
            "un débit ne se conteste que sans mandat ou avec un mandat invalide."
        ).format(date=day(date), period=_period(period), contest=_period(contest))

    def sepa_refund_unknown_debit_first(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Débit par domiciliation que vous ne reconnaissez pas : demandez dès "
            "maintenant à votre banque de le rembourser, avant de contacter Amazon ; ce "
            "droit, sans justification, prend fin le {date} ({period} après le débit)."
        ).format(date=day(date), period=_period(period))

    def sepa_refund_contested_debit_first(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Débit par domiciliation que vous contestez : demandez dès maintenant à votre "
            "banque de le rembourser, sans attendre la réponse du vendeur ; ce droit, sans "
            "justification, prend fin le {date} ({period} après le débit). Le remboursement "
            "n'efface pas ce que vous devez réellement : réglez ensuite le montant correct."
        ).format(date=day(date), period=_period(period))

    def sepa_refund_until(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Paiement par domiciliation : votre banque rembourse sur simple demande, sans "
            "justification, jusqu'au {date} ({period} après le débit)."
        ).format(date=day(date), period=_period(period))

    def sepa_refund_day_off(self, *, date: dt.date, why: str) -> str:
        return sepa_day_off_text(why).format(date=day(date))

    def unauthorised_payment_how(self) -> str:
        return _(
            "Prévenez votre banque en précisant que vous n'avez pas autorisé cette opération ; "
            "elle doit vous rembourser sans tarder, sauf négligence grave de votre part."
        )

    def card_stop_first(self) -> str:
        return _("Carte perdue ou volée : bloquez-la d'abord auprès de Card Stop, au 078 170 170.")

    def unauthorised_payment_only_unknown_debit(self) -> str:
        return _("Seulement pour un débit que vous ne reconnaissez pas.")

    def unauthorised_payment_without_date(self, *, period: Period) -> str:
        return _(
            "Débit non reconnu : signalez-le à votre banque sans délai, au plus tard "
            "{period} après le débit."
        ).format(period=_period(period))

    def unauthorised_payment_expired(self, *, date: dt.date, period: Period) -> str:
        return _("Le délai de {period} a expiré le {date}.").format(
            date=day(date), period=_period(period)
        )

    def unauthorised_payment_until(self, *, date: dt.date, period: Period) -> str:
        return _(
            "Débit non reconnu : signalez-le à votre banque sans délai, au plus tard le "
            "{date} ({period} après le débit)."
        ).format(date=day(date), period=_period(period))

    def chargeback_how(self) -> str:
        return _(
            "Adressez-vous à votre banque ou à l'émetteur de la carte, avec la preuve d'achat, "
            "votre correspondance et la mise en demeure ; demandez-lui le délai applicable. "
            "Ce délai n'est pas fixé par la loi mais par le réseau de la carte et votre contrat : "
            "il est souvent de quelques mois seulement après le relevé, ne tardez pas."
        )

    def step_logged(self, *, date: dt.date, channel: str) -> str:
        return _("Démarche notée dans le journal le {date} ({channel}).").format(
            date=day(date), channel=_channel(channel)
        )

    def chargeback_done(self, *, date: dt.date) -> str:
        return _("Chargeback demandé le {date}.").format(date=day(date))

    def chargeback_not_debit_card(self) -> str:
        return _(
            "Carte de débit : selon le CEC Belgique, la banque ne rembourse pas en cas "
            "de problème avec le vendeur."
        )

    def chargeback_only_credit_card(self) -> str:
        return _("Seulement pour un paiement par carte de crédit.")

    def chargeback_credit_card(self) -> str:
        return _(
            "Paiement par carte de crédit : la banque peut contester l'achat auprès du réseau "
            "de la carte. Ce n'est pas un droit légal mais une procédure des réseaux de cartes, "
            "avec des délais propres à votre contrat."
        )

    def chargeback_after_atoz_only(self) -> str:
        return _(
            "Seulement après la Garantie A à Z, jamais en même temps : sur d'autres sites "
            "Amazon, un chargeback exclut la Garantie A à Z."
        )

    # -- courts -------------------------------------------------------------------------

    def justice_how(self, *, id: str, url: str) -> str:
        return _(
            "Joignez le dossier chronologique (reclam export {id} --format pdf --out "
            "dossier-{id}.pdf) et la mise en demeure. "
            "Brochure du SPF Justice : {url}"
        ).format(id=id, url=url)

    def justice_over_limit(self, *, limit: int | None, amount: Decimal | None) -> str:
        return _(
            "Le juge de paix connaît des demandes jusqu'à {limit} ; pour {amount}, "
            "consultez un avocat ou un service d'aide juridique."
        ).format(limit=euros(limit), amount=fmt.money(amount))

    def justice_last_resort(self, *, limit: int | None, no_appeal: int | None) -> str:
        return _(
            "En dernier recours : le juge de paix connaît des demandes jusqu'à {limit} ; "
            "jusqu'à {no_appeal}, son jugement n'est pas susceptible d'appel."
        ).format(limit=euros(limit), no_appeal=euros(no_appeal))

    def justice_one_year_lawyer(self, *, date: dt.date, limit: dt.date) -> str:
        return _(
            "Selon un avocat, l'action en justice doit être introduite dans l'année de la "
            "découverte du défaut (le {date}), soit au plus tard le {limit} : à vérifier."
        ).format(date=day(date), limit=day(limit))

    def justice_one_year_lawyer_passed(self, *, date: dt.date, limit: dt.date) -> str:
        return _(
            "Selon un avocat, l'action en justice doit être introduite dans l'année de la "
            "découverte du défaut (le {date}), soit au plus tard le {limit}, date passée : "
            "faites vérifier par un juriste si elle est encore possible."
        ).format(date=day(date), limit=day(limit))

    def court_check_jurisdiction_lu(self) -> str:
        return _(
            "Le vendeur étant normalement établi au Luxembourg, renseignez-vous d'abord sur "
            "le tribunal compétent."
        )

    def court_check_jurisdiction_abroad(self) -> str:
        return _(
            "Le vendeur étant établi hors de Belgique, renseignez-vous d'abord sur le "
            "tribunal compétent."
        )

    def small_claims_how(self, *, url: str) -> str:
        return _(
            "Procédure écrite avec des formulaires types, sans avocat obligatoire ; joignez la "
            "correspondance et la mise en demeure. Explications : {url}"
        ).format(url=url)

    def small_claims_scope(self, *, limit: int | None) -> str:
        return _(
            "Pour un litige transfrontalier jusqu'à {limit} ; le jugement s'exécute dans les "
            "autres pays de l'UE."
        ).format(limit=euros(limit))

    def small_claims_not_cross_border(self) -> str:
        return _("Vendeur établi en Belgique : pas de litige transfrontalier.")

    def small_claims_country_excluded(self, *, country: str) -> str:
        return _(
            "Vendeur établi dans un pays où la procédure ne s'applique pas ({country}) : "
            "elle vaut entre pays de l'UE, sauf le Danemark."
        ).format(country=_country(country))

    def small_claims_over_limit(self, *, limit: int | None) -> str:
        return _("La procédure est limitée aux demandes jusqu'à {limit}.").format(
            limit=euros(limit)
        )

    def small_claims_if_seller_in_eu(self) -> str:
        return _("Seulement si le vendeur est établi dans un autre pays de l'UE, sauf le Danemark.")
