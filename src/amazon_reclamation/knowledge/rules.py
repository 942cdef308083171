"""The rules reclam applies, as data: what each says, how long, from when, and its source.

Every rule comes from `domain.md` (the project's verified research) and keeps its
marker: "verified" (read in an official or legal source) or "verified_2nd" (only a
secondary source, or another Amazon site: worded with care and shown as "to check").
Nothing marked UNVERIFIED there appears here. Law is kept apart from Amazon's own
policy, which Amazon may change at any time.

Each rule carries its period as data (`knowledge/periods.py`) and the fact it starts
from; deadlines are computed from it and its prose is written from the same number.
`knowledge/applicable.py` gives a rule as it applies to one complaint, and
`knowledge/categories.py` says which rules concern each category.

`docs/rules.md` is generated from this data by `texts.rules.rules_markdown()`; a test
fails when the two differ. To regenerate it:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rules.py
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.i18n import N_
from amazon_reclamation.knowledge.periods import Period

if TYPE_CHECKING:
    from amazon_reclamation.knowledge.periods import Fact
    from amazon_reclamation.models import SellerKind

Kind = Literal["law", "amazon_policy"]
Marker = Literal["verified", "verified_2nd"]

# The legal guarantee reform applies to contracts concluded from this day (SPF Economie).
GUARANTEE_REFORM = dt.date(2022, 6, 1)

_BOTH_SELLERS: tuple[SellerKind, ...] = ("amazon", "marketplace")


@dataclass(frozen=True)
class Rule:
    """One rule: its period as data; the French source strings are marked with N_.

    The texts may name any period of `named_periods()` as a placeholder (`{withdrawal}`,
    `{atoz_wait}`…): the wording layer writes it from the number, so "14 jours" is never
    typed next to the 14 the deadline is computed with. `period_text`, when given, words
    the period itself around `{period}` ("jusqu'à {period}"). Which categories a rule
    concerns is said once, in `knowledge/categories.py`.
    """

    id: str
    title: str
    short: str  # the rule inside a sentence: "le délai de rétractation"
    statement: str
    period: Period | None
    start: Fact | None  # the fact the period starts from
    starts: str | None  # that start, worded precisely for the user
    kind: Kind
    reference: str | None
    sources: tuple[str, ...]
    marker: Marker
    note: str | None = None
    sellers: tuple[SellerKind, ...] = _BOTH_SELLERS
    deadline: bool = True
    period_text: str | None = None

    @property
    def source(self) -> str:
        """The main source address."""
        return self.sources[0]


_ECONOMIE_GARANTIE = "https://economie.fgov.be/fr/themes/protection-des-consommateurs/garantie/la-loi-sur-la-garantie"
_LEXEL_2ANS = "https://www.lexel.be/garantie-de-conformite-pour-le-consommateur-deux-ans/"
_DROIT_RETRACTATION = (
    "http://test.actualitesdroitbelge.be/droit-des-affaires/droit-commercial/"
    "les-droits-et-obligations-des-parties-dans-le-cadre-d-un-contrat-de-vente-sur-internet/"
    "contrat-de-vente-sur-internet---le-droit-de-retraction"
)
_AMAZON_DE_ATOZ = (
    "https://arcus-www.amazon.de/-/en/gp/help/customer/display/"
    "ref=s9_acss_bw_cg_wdefdfo_3b1_w?language=de_DE&nodeId=201889410"
    "&pf_rd_m=A3JWKAKR8XB7XF&pf_rd_s=merchandised-search-5&pf_rd_r=G3Y7DG4XG7PRS2TS2GYG"
    "&pf_rd_t=101&pf_rd_p=30617eb3-00d8-4904-a9f1-31e1bbaa132c&pf_rd_i=15425785031"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="withdrawal",
        title=N_("Droit de rétractation"),
        short=N_("le délai de rétractation"),
        statement=N_(
            "Pour un achat à distance, vous pouvez vous rétracter sans donner de motif ; "
            "il suffit d'envoyer votre décision avant la fin du délai, et c'est à vous de "
            "prouver que vous l'avez fait."
        ),
        period=Period(14, "calendar_days"),
        start="delivery",
        starts=N_(
            "le lendemain du jour où vous prenez physiquement possession de l'article "
            "(du dernier article si la commande est livrée en plusieurs fois)"
        ),
        kind="law",
        reference=N_("art. VI.47 CDE"),
        sources=(
            "https://www.actualitesdroitbelge.be/legislation/code-de-droit-economique/"
            "code-de-droit-economique---les-contrats-en-ligne/"
            "article-vi-47-du-code-de-droit-economique",
            "https://economie.fgov.be/nl/themas/verkoop/vormen-van-verkoop/verkoop-op-afstand/"
            "verkoop-op-afstand",
            "https://www.law-right.com/fr/delais-de-retractation/",
            _DROIT_RETRACTATION,
        ),
        marker="verified",
        note=N_(
            "Le départ au lendemain de la livraison est indiqué par des sources secondaires : "
            "agir avant le dernier jour est plus sûr. Si le vendeur ne vous a pas informé de ce "
            "droit, le délai est prolongé de 12 mois. Certains articles en sont exclus "
            "(art. VI.53 CDE) ; selon des sources secondaires, c'est le cas d'un article "
            "d'hygiène descellé ou d'un bien personnalisé."
        ),
    ),
    Rule(
        id="refund_after_withdrawal",
        title=N_("Remboursement après rétractation"),
        short=N_("le délai de remboursement après rétractation"),
        statement=N_(
            "Le vendeur rembourse tous les paiements reçus, frais de livraison standard "
            "compris, sans retard excessif."
        ),
        period=Period(14, "days"),
        start="return",
        starts=N_("le jour où le vendeur est informé de votre rétractation ou de l'annulation"),
        kind="law",
        reference=N_("art. VI.50 CDE"),
        sources=(
            _DROIT_RETRACTATION,
            "http://wordscope.be/anglais/francais/withdrawal+of+undue.html",
        ),
        marker="verified",
        note=N_(
            "Le vendeur peut attendre d'avoir récupéré l'article ou d'avoir reçu la preuve "
            "de son renvoi, la première de ces deux dates : gardez le reçu de dépôt."
        ),
    ),
    Rule(
        id="legal_guarantee",
        title=N_("Garantie légale de conformité"),
        short=N_("la fin de la garantie légale"),
        statement=N_(
            "Le vendeur professionnel répond de tout défaut de conformité qui apparaît dans "
            "les {legal_guarantee} de la livraison ; il ne peut pas vous renvoyer vers le "
            "fabricant."
        ),
        period=Period(2, "years"),
        start="delivery",
        starts=N_("la livraison de l'article"),
        kind="law",
        reference=N_(
            "art. 1649bis et suivants de l'ancien Code civil, modifiés par la loi du 20 mars 2022"
        ),
        sources=(
            _ECONOMIE_GARANTIE,
            "https://www.lawbase.be/expertise/consumentenrecht/nieuw-garantierecht-2022",
            "https://plusmagazine.levif.be/droit-et-argent/garanties-faites-valoir-vos-droits/"
            "article-normal-1390429.html",
        ),
        marker="verified",
        note=N_(
            "Les règles actuelles valent pour les contrats conclus depuis le 1er juin 2022 ; "
            "les contrats plus anciens relèvent de la loi du 1er septembre 2004. Pour un bien "
            "d'occasion, un délai plus court, d'au moins 1 an, peut avoir été convenu "
            "clairement."
        ),
    ),
    Rule(
        id="guarantee_presumption",
        title=N_("Présomption de défaut à la livraison"),
        short=N_("la présomption de défaut à la livraison"),
        statement=N_(
            "Sauf preuve contraire, un défaut qui apparaît dans les {guarantee_presumption} de la "
            "livraison est présumé exister dès la livraison : c'est au vendeur de prouver le "
            "contraire. Pour les contrats conclus avant le 1er juin 2022, cette présomption ne "
            "valait que {presumption_before_reform}."
        ),
        period=Period(2, "years"),
        period_text=N_(
            "{period} (contrats conclus depuis le 1er juin 2022) ; "
            "{presumption_before_reform} avant"
        ),
        start="delivery",
        starts=N_("la livraison de l'article"),
        kind="law",
        reference=N_("art. 1649quater, § 4, de l'ancien Code civil"),
        sources=(
            "https://www.lexel.be/la-fin-de-la-regle-des-6-mois-dans-la-garantie-de-conformite/",
            _ECONOMIE_GARANTIE,
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="defect_notice",
        title=N_("Avis du défaut au vendeur"),
        short=N_("le délai pour prévenir le vendeur du défaut"),
        statement=N_(
            "Prévenez le vendeur du défaut dans les {defect_notice} de sa découverte, sauf "
            "délai plus long convenu ; un avis tardif peut vous faire perdre la garantie."
        ),
        period=Period(2, "months"),
        start="discovery",
        starts=N_("la découverte du défaut"),
        kind="law",
        reference=N_("art. 1649bis et suivants de l'ancien Code civil"),
        sources=(
            _LEXEL_2ANS,
            "https://www.lavenir.net/lavenir-vous-repond/2023/02/27/"
            "quelle-est-la-duree-legale-dune-garantie-pour-du-materiel-ou-produits-de-maison-"
            "defectueux-4VB7UJ2OLNBPDIG7TTLXQTXTPA/",
            "https://confederatiebouw.be/fr/actualites/"
            "nouveau-r%C3%A9gime-applicable-%C3%A0-la-vente-aux-consommateurs-depuis-le-1er-juin-"
            "2022",
        ),
        marker="verified",
        note=N_("Prévenez-le par écrit et gardez-en la preuve."),
    ),
    Rule(
        id="guarantee_remedies",
        title=N_("Ce que la garantie légale vous permet de demander"),
        short=N_("les recours de la garantie légale"),
        statement=N_(
            "D'abord la réparation ou le remplacement, à votre choix (sauf si ce choix est "
            "impossible ou disproportionné), sans frais et dans un délai raisonnable ; si "
            "c'est impossible ou mal fait, une réduction proportionnelle "
            "du prix ou la résolution de la vente (pas pour un défaut mineur). Vous n'avez pas "
            "à garder l'emballage d'origine ni à accepter un bon d'achat."
        ),
        period=None,
        start=None,
        starts=None,
        kind="law",
        reference=N_("art. 1649bis et suivants de l'ancien Code civil"),
        sources=(
            "https://immovlan.be/fr/article/67995/garantie-deux-ans-mobilier-electromenagers-"
            "encastres",
            _LEXEL_2ANS,
            "https://plusmagazine.levif.be/droit-et-argent/garanties-faites-valoir-vos-droits/"
            "article-normal-1390429.html",
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="delivery",
        title=N_("Délai de livraison"),
        short=N_("le délai de livraison"),
        statement=N_(
            "Sauf autre date convenue, le vendeur livre au plus tard {delivery} après la "
            "commande. Ensuite, demandez-lui de livrer dans un délai supplémentaire adapté ; "
            "s'il ne livre toujours pas, vous pouvez mettre fin au contrat et il doit vous "
            "rembourser sans retard excessif."
        ),
        period=Period(30, "days"),
        period_text=N_("{period}, sauf autre date convenue"),
        start="order",
        starts=N_("la conclusion du contrat (la commande)"),
        kind="law",
        reference=N_("art. VI.43 CDE"),
        sources=(
            "https://economie.fgov.be/fr/themes/protection-des-consommateurs/"
            "faire-valoir-ses-droits/achats/effectuez-vos-achats/que-pouvez-vous-exiger-du/"
            "concluez-des-engagements",
            "https://www.ecommercekit.it/clausole/index.php?lang=DE&lnum=0083&lyear=2011"
            "&search=tritt",
        ),
        marker="verified",
        note=N_(
            "Pas de délai supplémentaire nécessaire si le vendeur refuse de livrer, ou si la "
            "date était essentielle (vu les circonstances, ou parce que vous le lui aviez dit "
            "avant la commande)."
        ),
    ),
    Rule(
        id="risk_in_transit",
        title=N_("Risque pendant le transport"),
        short=N_("le risque pendant le transport"),
        statement=N_(
            "Le colis voyage aux risques du vendeur : le risque ne passe au consommateur "
            "qu'au moment où il prend physiquement possession de l'article, sauf s'il a "
            "choisi lui-même un transporteur que le vendeur ne proposait pas."
        ),
        period=None,
        start=None,
        starts=None,
        kind="law",
        # A directive binds the Member States, not the seller: cited as the rule's origin.
        reference=N_("règle de l'art. 20 de la directive 2011/83/UE"),
        sources=(
            "https://economie.fgov.be/fr/themes/ventes/formes-de-vente/ventes-distance/"
            "ventes-distance-livraison-et",
            "https://e-justice.europa.eu/directivePartsTableOfContents.do?idTaxonomy=640"
            "&plang=en&contentId=a_clam-726",
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="undisclosed_charges",
        title=N_("Frais non annoncés"),
        short=N_("les frais non annoncés"),
        statement=N_(
            "Des frais supplémentaires dont le vendeur ne vous a pas informé avant la "
            "commande ne sont pas dus ; c'est au vendeur de prouver qu'il vous a informé."
        ),
        period=None,
        start=None,
        starts=None,
        kind="law",
        # The SPF Economie page states the rule without an article number: none is invented.
        reference=N_(
            "telle que l'énonce le SPF Economie (ventes à distance, information du "
            "consommateur) ; cette source ne cite pas d'article"
        ),
        sources=(
            "https://economie.fgov.be/fr/themes/ventes/formes-de-vente/ventes-distance/"
            "ventes-distance-information-du",
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="pre_ticked_boxes",
        title=N_("Cases précochées"),
        short=N_("les cases précochées"),
        statement=N_(
            "Un paiement supplémentaire obtenu par une option cochée par défaut n'est pas "
            "valablement consenti : vous avez droit à son remboursement."
        ),
        period=None,
        start=None,
        starts=None,
        kind="law",
        reference=N_("art. VI.41 CDE"),
        sources=(
            "https://economie.fgov.be/fr/themes/ventes/contrats/interdiction-des-options-par",
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="atoz_claim",
        title=N_("Garantie A à Z d'Amazon"),
        short=N_("le délai de la Garantie A à Z"),
        statement=N_(
            "Pour un article vendu par un vendeur tiers : écrivez d'abord au vendeur et "
            "attendez {atoz_wait} ; si rien n'est réglé, Amazon peut intervenir "
            "(colis non reçu, article endommagé, défectueux ou non conforme à la description). "
            "Pas en même temps qu'un chargeback auprès de votre banque."
        ),
        period=Period(90, "days"),
        period_text=N_("jusqu'à {period}"),
        start="latest_delivery",
        starts=N_("la date de livraison estimée la plus tardive"),
        kind="amazon_policy",
        reference=None,
        sources=(
            _AMAZON_DE_ATOZ,
            "https://arcus-www.amazon.ca/gp/help/customer/display.html?nodeId=201889410",
            "https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670",
        ),
        marker="verified_2nd",
        note=N_(
            "Règle d'Amazon, vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be. "
            "Elle ne limite pas vos droits légaux."
        ),
        sellers=("marketplace",),
    ),
    Rule(
        id="sepa_refund",
        title=N_("Remboursement d'une domiciliation SEPA"),
        short=N_("le remboursement de la domiciliation"),
        statement=N_(
            "Votre banque rembourse un prélèvement par domiciliation sur simple demande, sans "
            "justification ; elle rembourse ou motive son refus dans les 10 jours ouvrables."
        ),
        period=Period(8, "weeks"),
        start="charge",
        starts=N_("la date du débit"),
        kind="law",
        reference=N_("art. 76 et 77 de la directive (UE) 2015/2366 (DSP2)"),
        sources=(
            "https://www.eba.europa.eu/regulation-and-policy/single-rulebook/"
            "interactive-single-rulebook/5616",
            "https://www.europeanpaymentscouncil.eu/news-insights/insight/refunds-and-returns-"
            "revisited",
            "https://www.bnpparibasfortis.be/pics/be/F/fr/anon/prof/daily/priv/"
            "Alles-weten-over-SEPA/Hoe-werkt-de-Europese-domiciliering-.asp",
        ),
        marker="verified",
        note=N_(
            "Le remboursement par la banque n'efface pas une somme que vous devez réellement "
            "au vendeur."
        ),
    ),
    Rule(
        id="unauthorised_payment",
        title=N_("Opération de paiement non autorisée"),
        short=N_("le signalement d'un paiement non autorisé"),
        statement=N_(
            "Signalez à votre banque, sans délai, un débit que vous n'avez pas autorisé ; "
            "au-delà de {unauthorised_payment}, vous perdez le droit à la correction."
        ),
        period=Period(13, "months"),
        period_text=N_("sans délai, au plus tard {period}"),
        start="charge",
        starts=N_("la date du débit"),
        kind="law",
        reference=N_("art. VII.41, § 1er, CDE"),
        sources=(
            "https://laurentfrankignoul.be/2025/11/26/"
            "les-delais-pour-contester-une-operation-de-paiement-part-2-les-exceptions",
            "https://www.eccbelgie.be/themas/diensten-in-europa/betalen/"
            "geld-terugvorderen-na-fout-diefstal-of-fraude",
        ),
        marker="verified",
        note=N_(
            "Les {unauthorised_payment} sont une limite, pas un délai d'attente. Carte perdue "
            "ou volée : bloquez-la auprès de Card Stop, au 078 170 170."
        ),
    ),
    Rule(
        id="seller_feedback",
        title=N_("Évaluation du vendeur sur Amazon"),
        short=N_("le délai pour évaluer le vendeur"),
        statement=N_(
            "Une évaluation par commande, possible 3 jours après la confirmation de la "
            "commande ; restez factuel et courtois."
        ),
        period=Period(90, "days"),
        period_text=N_("{period} (vu sur amazon.com)"),
        start="order",
        starts=N_("la date de commande"),
        kind="amazon_policy",
        reference=None,
        sources=(
            "https://www.amazon.com/gp/help/seller/feedback-popup.html?seller=A2UHLVL8IH9Q52",
            "https://sellercentral-europe.amazon.com/gp/help/external/help.html?itemID=761"
            "&language=en_GB&ref=efph_761_cont_69032",
        ),
        marker="verified_2nd",
        note=N_("Règle d'Amazon vue sur amazon.com, à vérifier sur amazon.com.be."),
        sellers=("marketplace",),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

DEADLINE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES if rule.deadline)

# Amazon asks to write to a marketplace seller and wait this long before an A-to-z claim.
ATOZ_WAIT = Period(2, "business_days")
# Amazon.de: an item not received can be claimed this long after the latest estimated date.
ATOZ_PARCEL_WAIT = Period(3, "days")
# Before the reform, a defect was presumed to exist at delivery only within this period.
PRESUMPTION_BEFORE_REFORM = Period(6, "months")


def period_of(rule_id: str) -> Period:
    """The period of a rule that has one."""
    period = RULES_BY_ID[rule_id].period
    if period is None:
        raise KeyError(rule_id)
    return period


def named_periods() -> dict[str, Period]:
    """Every period a text may name: each rule's own (by rule id) and the waits above."""
    named = {rule.id: rule.period for rule in RULES if rule.period is not None}
    named.update(
        atoz_wait=ATOZ_WAIT,
        atoz_parcel_wait=ATOZ_PARCEL_WAIT,
        presumption_before_reform=PRESUMPTION_BEFORE_REFORM,
    )
    return named
