"""The rules reclam applies, as data: what each says, how long, from when, and its source.

Every rule comes from `domain.md` (the project's verified research) and keeps its
marker: "verified" (read in an official or legal source) or "verified_2nd" (only a
secondary source, or another Amazon site: worded with care and shown as "to check").
Nothing marked UNVERIFIED there appears here. Law is kept apart from Amazon's own
policy, which Amazon may change at any time.

`rule_for()` gives a rule as it applies to one complaint: for a contract concluded
before 1 June 2022 the guarantee rules cite the version of the Civil Code before the
law of 20 March 2022 (and the 6-month presumption); for a SEPA direct debit or another
means that is not a card, the unauthorised-payment rule does not mention Card Stop,
which blocks cards.

`docs/rules.md` is generated from this data by `rules_markdown()`; a test fails when
the two differ. To regenerate it:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rules.py
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.i18n import N_, _

if TYPE_CHECKING:
    from amazon_reclamation.models import Category, Complaint, SellerKind

Kind = Literal["law", "amazon_policy"]
Marker = Literal["verified", "verified_2nd"]

ALL_CATEGORIES: tuple[Category, ...] = (
    "damaged",
    "late",
    "not_received",
    "non_conforming",
    "billing",
    "refund",
    "other",
)
# The legal guarantee reform applies to contracts concluded from this day (SPF Economie).
GUARANTEE_REFORM = dt.date(2022, 6, 1)

_DEFECTS: tuple[Category, ...] = ("damaged", "non_conforming", "other")
_DELIVERY: tuple[Category, ...] = ("late", "not_received")
_BOTH_SELLERS: tuple[SellerKind, ...] = ("amazon", "marketplace")


@dataclass(frozen=True)
class Rule:
    """One rule: the French source strings are marked with N_ and translated when shown."""

    id: str
    title: str
    short: str  # the rule inside a sentence: "le délai de rétractation"
    statement: str
    period: str | None
    starts: str | None
    kind: Kind
    reference: str | None
    sources: tuple[str, ...]
    marker: Marker
    note: str | None = None
    categories: tuple[Category, ...] = ALL_CATEGORIES
    sellers: tuple[SellerKind, ...] = _BOTH_SELLERS
    deadline: bool = True

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
        period=N_("14 jours calendrier"),
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
        categories=("damaged", "non_conforming", "billing", "refund", "other"),
    ),
    Rule(
        id="refund_after_withdrawal",
        title=N_("Remboursement après rétractation"),
        short=N_("le délai de remboursement après rétractation"),
        statement=N_(
            "Le vendeur rembourse tous les paiements reçus, frais de livraison standard "
            "compris, sans retard excessif."
        ),
        period=N_("14 jours"),
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
        categories=("refund",),
    ),
    Rule(
        id="legal_guarantee",
        title=N_("Garantie légale de conformité"),
        short=N_("la fin de la garantie légale"),
        statement=N_(
            "Le vendeur professionnel répond de tout défaut de conformité qui apparaît dans "
            "les 2 ans de la livraison ; il ne peut pas vous renvoyer vers le fabricant."
        ),
        period=N_("2 ans"),
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
        categories=_DEFECTS,
    ),
    Rule(
        id="guarantee_presumption",
        title=N_("Présomption de défaut à la livraison"),
        short=N_("la présomption de défaut à la livraison"),
        statement=N_(
            "Sauf preuve contraire, un défaut qui apparaît dans les 2 ans de la livraison est "
            "présumé exister dès la livraison : c'est au vendeur de prouver le contraire. Pour "
            "les contrats conclus avant le 1er juin 2022, cette présomption ne valait que "
            "6 mois."
        ),
        period=N_("2 ans (contrats conclus depuis le 1er juin 2022) ; 6 mois avant"),
        starts=N_("la livraison de l'article"),
        kind="law",
        reference=N_("art. 1649quater, § 4, de l'ancien Code civil"),
        sources=(
            "https://www.lexel.be/la-fin-de-la-regle-des-6-mois-dans-la-garantie-de-conformite/",
            _ECONOMIE_GARANTIE,
        ),
        marker="verified",
        categories=_DEFECTS,
        deadline=False,
    ),
    Rule(
        id="defect_notice",
        title=N_("Avis du défaut au vendeur"),
        short=N_("le délai pour prévenir le vendeur du défaut"),
        statement=N_(
            "Prévenez le vendeur du défaut dans les 2 mois de sa découverte, sauf délai plus "
            "long convenu ; un avis tardif peut vous faire perdre la garantie."
        ),
        period=N_("2 mois"),
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
        categories=_DEFECTS,
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
        categories=_DEFECTS,
        deadline=False,
    ),
    Rule(
        id="delivery",
        title=N_("Délai de livraison"),
        short=N_("le délai de livraison"),
        statement=N_(
            "Sauf autre date convenue, le vendeur livre au plus tard 30 jours après la "
            "commande. Ensuite, demandez-lui de livrer dans un délai supplémentaire adapté ; "
            "s'il ne livre toujours pas, vous pouvez mettre fin au contrat et il doit vous "
            "rembourser sans retard excessif."
        ),
        period=N_("30 jours, sauf autre date convenue"),
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
        categories=_DELIVERY,
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
        categories=("late", "not_received", "damaged"),
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
        categories=("billing",),
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
        starts=None,
        kind="law",
        reference=N_("art. VI.41 CDE"),
        sources=(
            "https://economie.fgov.be/fr/themes/ventes/contrats/interdiction-des-options-par",
        ),
        marker="verified",
        categories=("billing",),
        deadline=False,
    ),
    Rule(
        id="atoz_claim",
        title=N_("Garantie A à Z d'Amazon"),
        short=N_("le délai de la Garantie A à Z"),
        statement=N_(
            "Pour un article vendu par un vendeur tiers : écrivez d'abord au vendeur et "
            "attendez 2 jours ouvrables ; si rien n'est réglé, Amazon peut intervenir "
            "(colis non reçu, article endommagé, défectueux ou non conforme à la description). "
            "Pas en même temps qu'un chargeback auprès de votre banque."
        ),
        period=N_("jusqu'à 90 jours"),
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
        categories=("damaged", "late", "not_received", "non_conforming", "refund", "other"),
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
        period=N_("8 semaines"),
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
        categories=("billing",),
    ),
    Rule(
        id="unauthorised_payment",
        title=N_("Opération de paiement non autorisée"),
        short=N_("le signalement d'un paiement non autorisé"),
        statement=N_(
            "Signalez à votre banque, sans délai, un débit que vous n'avez pas autorisé ; "
            "au-delà de 13 mois, vous perdez le droit à la correction."
        ),
        period=N_("sans délai, au plus tard 13 mois"),
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
            "Les 13 mois sont une limite, pas un délai d'attente. Carte perdue ou volée : "
            "bloquez-la auprès de Card Stop, au 078 170 170."
        ),
        categories=("billing",),
    ),
    Rule(
        id="seller_feedback",
        title=N_("Évaluation du vendeur sur Amazon"),
        short=N_("le délai pour évaluer le vendeur"),
        statement=N_(
            "Une évaluation par commande, possible 3 jours après la confirmation de la "
            "commande ; restez factuel et courtois."
        ),
        period=N_("90 jours (vu sur amazon.com)"),
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

_PRE_REFORM_REFERENCE = N_(
    "art. 1649bis et suivants de l'ancien Code civil, dans leur version antérieure à la loi "
    "du 20 mars 2022 (loi du 1er septembre 2004)"
)

# The guarantee rules for a contract concluded before 1 June 2022.
PRE_REFORM_RULES: dict[str, Rule] = {
    "legal_guarantee": replace(
        RULES_BY_ID["legal_guarantee"],
        reference=_PRE_REFORM_REFERENCE,
        note=N_(
            "Contrat conclu avant le 1er juin 2022 : il relève de la loi du 1er septembre "
            "2004, et un défaut n'était présumé exister à la livraison que s'il apparaissait "
            "dans les 6 mois."
        ),
    ),
    "guarantee_presumption": replace(
        RULES_BY_ID["guarantee_presumption"],
        statement=N_(
            "Contrat conclu avant le 1er juin 2022 : sauf preuve contraire, un défaut qui "
            "apparaît dans les 6 mois de la livraison est présumé exister dès la livraison."
        ),
        period=N_("6 mois (contrat conclu avant le 1er juin 2022)"),
        reference=_PRE_REFORM_REFERENCE,
    ),
}

# Card Stop blocks cards: never mentioned for a SEPA direct debit or another means.
_NOT_A_CARD_RULES: dict[str, Rule] = {
    "unauthorised_payment": replace(
        RULES_BY_ID["unauthorised_payment"],
        note=N_("Les 13 mois sont une limite, pas un délai d'attente."),
    ),
}


def rule_for(rule_id: str, complaint: Complaint | None = None) -> Rule:
    """The rule `rule_id` as it applies to this complaint (the general rule without one)."""
    if complaint is not None:
        if complaint.order_date < GUARANTEE_REFORM and rule_id in PRE_REFORM_RULES:
            return PRE_REFORM_RULES[rule_id]
        method = complaint.facts.payment_method
        if method in ("sepa_direct_debit", "other") and rule_id in _NOT_A_CARD_RULES:
            return _NOT_A_CARD_RULES[rule_id]
    return RULES_BY_ID[rule_id]


DEADLINE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES if rule.deadline)

KIND_LABEL = {
    "law": N_("loi"),
    "amazon_policy": N_("politique d'Amazon (peut changer)"),
}

MARKER_LABEL = {
    "verified": N_("vérifiée dans une source officielle ou juridique"),
    "verified_2nd": N_("source secondaire ou autre site Amazon : à vérifier"),
}


def rules_for(complaint: Complaint) -> list[Rule]:
    """The rules that concern this complaint's category and seller, in RULES order.

    An unknown seller keeps the rules of both kinds: the user is told to check. Each
    rule is given as it applies to the complaint (`rule_for`).
    """
    kind = complaint.seller.kind
    skipped: tuple[str, ...] = ()
    if complaint.facts.billing_problem == "unknown_charge":
        # A debit the user does not recognise is not a fee of an order: no fee rules.
        skipped = _FEE_RULES
    return [
        rule_for(rule.id, complaint)
        for rule in RULES
        if complaint.category in rule.categories
        and (kind is None or kind in rule.sellers)
        and rule.id not in skipped
    ]


_FEE_RULES = ("undisclosed_charges", "pre_ticked_boxes")


def _md_line(label: str, value: str) -> str:
    return f"- **{label}** {value}".rstrip()


def _rule_markdown(rule: Rule) -> list[str]:
    lines = [f"### {_(rule.title)} (`{rule.id}`)", "", _(rule.statement), ""]
    if rule.period:
        lines.append(_md_line(_("Délai :"), _(rule.period)))
    if rule.starts:
        lines.append(_md_line(_("À partir de :"), _(rule.starts)))
    nature = _(KIND_LABEL[rule.kind])
    if rule.reference:
        nature += f" — {_(rule.reference)}"
    lines.append(_md_line(_("Nature :"), nature))
    lines.append(_md_line(_("Fiabilité :"), _(MARKER_LABEL[rule.marker])))
    if rule.note:
        lines.append(_md_line(_("À savoir :"), _(rule.note)))
    lines.append(_md_line(_("Sources :"), ""))
    lines += [f"  - <{url}>" for url in rule.sources]
    return lines


def rules_markdown() -> str:
    """Every rule with its source(s), as Markdown: the content of `docs/rules.md`."""
    lines = [
        _("# Règles appliquées par reclam"),
        "",
        _(
            "Ce fichier est généré à partir de `src/amazon_reclamation/knowledge/rules.py` par "
            "`rules_markdown()` ; ne le modifiez pas à la main. Une **loi** est citée avec sa "
            "référence ; une **politique d'Amazon** est une règle propre à Amazon, qui peut "
            "changer et n'est pas la loi. CDE : Code de droit économique."
        ),
        "",
        _("## Délais"),
    ]
    for rule in RULES:
        if rule.deadline:
            lines += ["", *_rule_markdown(rule)]
    lines += ["", _("## Autres règles")]
    for rule in RULES:
        if not rule.deadline:
            lines += ["", *_rule_markdown(rule)]
    return "\n".join(lines) + "\n"
