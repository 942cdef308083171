"""The rules reclam applies, as data: how long, from when, law or policy, and the sources.

Every rule comes from the project's research, cited by its public sources below, and
keeps its marker: "verified" (read in an official or legal source) or "verified_2nd"
(only a secondary source, or another Amazon site: worded with care and shown as "to
check"). Nothing unverified appears here; `docs/rules.md` lists every rule with its
sources. Law is kept apart from Amazon's own
policy, which Amazon may change at any time.

Each rule carries its period as data (`knowledge/periods.py`) and the fact it starts
from; deadlines are computed from it and its prose is written from the same number.
What each rule says is worded in `texts/rules_text.py`, under the rule's id.
`knowledge/applicable.py` gives a rule as it applies to one complaint, and
`knowledge/categories.py` says which rules concern each category.

`docs/rules.md` is generated from this data by `texts.rules.rules_markdown()`; a test
fails when the two differ. To regenerate it:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rules.py
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, NamedTuple

from amazon_reclamation.knowledge.periods import Period

if TYPE_CHECKING:
    from amazon_reclamation.knowledge.periods import Fact
    from amazon_reclamation.models import SellerKind

Kind = Literal["law", "amazon_policy"]
Marker = Literal["verified", "verified_2nd"]
# Which wording of the rule applies (knowledge/applicable.py picks it for a complaint).
Variant = Literal["general", "pre_reform", "not_a_card", "if_direct_debit"]

# The legal guarantee reform applies to contracts concluded from this day (SPF Economie).
GUARANTEE_REFORM = dt.date(2022, 6, 1)

_BOTH_SELLERS: tuple[SellerKind, ...] = ("amazon", "marketplace")


class Rule(NamedTuple):
    """One rule as data: its period, the fact it starts from, its nature and sources.

    Its words (title, statement, reference, note…) are in `texts/rules_text.py`, under
    the same id; they name periods as placeholders (`{withdrawal}`, `{atoz_wait}`…)
    written from the numbers here, so "14 jours" is never typed next to the 14 the
    deadline is computed with. Which categories a rule concerns is said once, in
    `knowledge/categories.py`.
    """

    id: str
    period: Period | None
    start: Fact | None  # the fact the period starts from
    kind: Kind
    sources: tuple[str, ...]
    marker: Marker
    sellers: tuple[SellerKind, ...] = _BOTH_SELLERS
    deadline: bool = True
    variant: Variant = "general"

    @property
    def source(self) -> str:
        """The main source address."""
        return self.sources[0]

    @property
    def official_sources(self) -> tuple[str, ...]:
        """The sources published by a public authority (the Belgian federal public
        service, the EU, ECC Belgium), else all of them: what a dossier for a mediator or
        a judge cites, rather than a commentator's or a trader's page."""
        official = tuple(url for url in self.sources if _is_official(url))
        return official or self.sources


# Hosts of public authorities among the sources (a host or any subdomain of one).
OFFICIAL_HOSTS = (
    "fgov.be",  # the Belgian federal public services (SPF Economie, ejustice ...)
    "europa.eu",  # the EU's institutions and bodies (EUR-Lex, e-Justice, the EBA ...)
    "eccbelgie.be",  # ECC Belgium, under its two addresses in domain.md
    "eccbelgium.be",
)


def _is_official(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    return any(host == known or host.endswith("." + known) for known in OFFICIAL_HOSTS)


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
        period=Period(14, "calendar_days"),
        start="delivery",
        kind="law",
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
    ),
    Rule(
        id="refund_after_withdrawal",
        period=Period(14, "days"),
        start="return",
        kind="law",
        sources=(
            _DROIT_RETRACTATION,
            "http://wordscope.be/anglais/francais/withdrawal+of+undue.html",
        ),
        marker="verified",
    ),
    Rule(
        id="legal_guarantee",
        period=Period(2, "years"),
        start="delivery",
        kind="law",
        sources=(
            _ECONOMIE_GARANTIE,
            "https://www.lawbase.be/expertise/consumentenrecht/nieuw-garantierecht-2022",
            "https://plusmagazine.levif.be/droit-et-argent/garanties-faites-valoir-vos-droits/"
            "article-normal-1390429.html",
        ),
        marker="verified",
    ),
    Rule(
        id="guarantee_presumption",
        period=Period(2, "years"),
        start="delivery",
        kind="law",
        sources=(
            "https://www.lexel.be/la-fin-de-la-regle-des-6-mois-dans-la-garantie-de-conformite/",
            _ECONOMIE_GARANTIE,
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="defect_notice",
        period=Period(2, "months"),
        start="discovery",
        kind="law",
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
    ),
    Rule(
        id="guarantee_remedies",
        period=None,
        start=None,
        kind="law",
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
        period=Period(30, "days"),
        start="order",
        kind="law",
        sources=(
            "https://economie.fgov.be/fr/themes/protection-des-consommateurs/"
            "faire-valoir-ses-droits/achats/effectuez-vos-achats/que-pouvez-vous-exiger-du/"
            "concluez-des-engagements",
            "https://www.ecommercekit.it/clausole/index.php?lang=DE&lnum=0083&lyear=2011"
            "&search=tritt",
        ),
        marker="verified",
    ),
    Rule(
        id="risk_in_transit",
        period=None,
        start=None,
        kind="law",
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
        period=None,
        start=None,
        kind="law",
        sources=(
            "https://economie.fgov.be/fr/themes/ventes/formes-de-vente/ventes-distance/"
            "ventes-distance-information-du",
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="pre_ticked_boxes",
        period=None,
        start=None,
        kind="law",
        sources=(
            "https://economie.fgov.be/fr/themes/ventes/contrats/interdiction-des-options-par",
        ),
        marker="verified",
        deadline=False,
    ),
    Rule(
        id="atoz_claim",
        period=Period(90, "days"),
        start="latest_delivery",
        kind="amazon_policy",
        sources=(
            _AMAZON_DE_ATOZ,
            "https://arcus-www.amazon.ca/gp/help/customer/display.html?nodeId=201889410",
            "https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670",
        ),
        marker="verified_2nd",
        sellers=("marketplace",),
    ),
    Rule(
        id="sepa_refund",
        period=Period(8, "weeks"),
        start="charge",
        kind="law",
        sources=(
            "https://www.eba.europa.eu/regulation-and-policy/single-rulebook/"
            "interactive-single-rulebook/5616",
            "https://www.europeanpaymentscouncil.eu/news-insights/insight/refunds-and-returns-"
            "revisited",
            "https://www.bnpparibasfortis.be/pics/be/F/fr/anon/prof/daily/priv/"
            "Alles-weten-over-SEPA/Hoe-werkt-de-Europese-domiciliering-.asp",
        ),
        marker="verified",
    ),
    Rule(
        id="unauthorised_payment",
        period=Period(13, "months"),
        start="charge",
        kind="law",
        sources=(
            "https://laurentfrankignoul.be/2025/11/26/"
            "les-delais-pour-contester-une-operation-de-paiement-part-2-les-exceptions",
            "https://www.eccbelgie.be/themas/diensten-in-europa/betalen/"
            "geld-terugvorderen-na-fout-diefstal-of-fraude",
        ),
        marker="verified",
    ),
    Rule(
        id="seller_feedback",
        period=Period(90, "days"),
        start="order",
        kind="amazon_policy",
        sources=(
            "https://www.amazon.com/gp/help/seller/feedback-popup.html?seller=A2UHLVL8IH9Q52",
            "https://sellercentral-europe.amazon.com/gp/help/external/help.html?itemID=761"
            "&language=en_GB&ref=efph_761_cont_69032",
        ),
        marker="verified_2nd",
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
# The withdrawal period is extended by this when the trader did not tell of the right
# (verified: the sources of the withdrawal rule, _DROIT_RETRACTATION).
WITHDRAWAL_EXTENSION = Period(12, "months")
# A second-hand good: a shorter guarantee may be agreed, never under this (verified, the
# SPF Economie quoted by the second source of the defect-notice rule, lavenir.net).
SECOND_HAND_MIN_GUARANTEE = Period(1, "years")
# Amazon: seller feedback opens this long after the order is confirmed (verified on the
# European Seller Central, the second source of the seller-feedback rule).
FEEDBACK_OPENS = Period(3, "days")
# PSD2 art. 77(2): the bank refunds a direct debit, or justifies its refusal, within this
# period of the request (verified:
# https://www.eba.europa.eu/regulation-and-policy/single-rulebook/interactive-single-rulebook/5616).
BANK_REFUND_REPLY = Period(10, "business_days")
# A court action on the legal guarantee within a year of discovering the defect: verified
# only in a lawyer's column (verified_2nd), so the advice says "à vérifier":
# https://immovlan.be/fr/article/57985/garantie-sur-lelectromenager-et-le-mobilier-attention-au-delai-de-prescription
COURT_ACTION_AFTER_DISCOVERY = Period(1, "years")


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
        withdrawal_extension=WITHDRAWAL_EXTENSION,
        second_hand_guarantee=SECOND_HAND_MIN_GUARANTEE,
        feedback_opens=FEEDBACK_OPENS,
        bank_refund_reply=BANK_REFUND_REPLY,
    )
    return named
