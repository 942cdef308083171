"""What each rule says, worded: title, statement, start, legal reference and note.

The data of each rule (period, start, nature, sources) is in `knowledge/rules.py` under
the same id. The texts name periods as placeholders (`{withdrawal}`, `{atoz_wait}`…)
that `texts.rules` writes from the rules' numbers; `period_text`, when given, words the
rule's own period around `{period}` ("jusqu'à {period}"). A variant (`pre_reform`,
`not_a_card`) rewords a rule for one complaint, as `knowledge/applicable.py` decides.

The dossier (`texts/dossier.py`) is read by ECC Belgium, a mediator or a judge: it states
each rule in the third person ("le consommateur", "le vendeur"), with the same legal
content as the words for the user and no advice. `legal_title`, `legal_statement` and
`legal_starts` give those words where the user's ones address the user; where they are
already neutral, the dossier uses them as they are. An Amazon policy's `legal_statement`
says it is what Amazon's help pages say, never the law.
"""

from __future__ import annotations

from typing import NamedTuple

from amazon_reclamation.i18n import N_


class RuleText(NamedTuple):
    """The French source strings of one rule, marked with N_ and translated when shown."""

    id: str
    title: str
    short: str  # the rule inside a sentence: "le délai de rétractation"
    statement: str
    starts: str | None = None  # the start of the period, worded precisely for the user
    reference: str | None = None  # None for Amazon's policy, which is not the law
    note: str | None = None
    period_text: str | None = None
    # The dossier's neutral words, where the ones above address the user (module docstring).
    legal_title: str | None = None
    legal_statement: str | None = None
    legal_starts: str | None = None


_TEXTS: tuple[RuleText, ...] = (
    RuleText(
        id="withdrawal",
        title=N_("Droit de rétractation"),
        short=N_("le délai de rétractation"),
        statement=N_(
            "Pour un achat à distance, vous pouvez vous rétracter sans donner de motif ; "
            "il suffit d'envoyer votre décision avant la fin du délai, et c'est à vous de "
            "prouver que vous l'avez fait."
        ),
        starts=N_(
            "le lendemain du jour où vous prenez physiquement possession de l'article "
            "(du dernier article si la commande est livrée en plusieurs fois)"
        ),
        reference=N_("art. VI.47 CDE"),
        legal_statement=N_(
            "Pour un achat à distance, le consommateur peut se rétracter sans donner de motif ; "
            "il suffit qu'il envoie sa décision avant la fin du délai, et c'est à lui de "
            "prouver qu'il l'a fait."
        ),
        legal_starts=N_(
            "le lendemain du jour où le consommateur prend physiquement possession de "
            "l'article (du dernier article si la commande est livrée en plusieurs fois)"
        ),
        note=N_(
            "Le départ au lendemain de la livraison est indiqué par des sources secondaires : "
            "agir avant le dernier jour est plus sûr. Si le vendeur ne vous a pas informé de ce "
            "droit, le délai est prolongé de {withdrawal_extension}. Certains articles en sont "
            "exclus (art. VI.53 CDE) ; selon des sources secondaires, c'est le cas d'un article "
            "d'hygiène descellé ou d'un bien personnalisé."
        ),
    ),
    RuleText(
        id="refund_after_withdrawal",
        title=N_("Remboursement après rétractation"),
        short=N_("le délai de remboursement après rétractation"),
        statement=N_(
            "Le vendeur rembourse tous les paiements reçus, frais de livraison standard "
            "compris, sans retard excessif."
        ),
        starts=N_("le jour où le vendeur est informé de votre rétractation ou de l'annulation"),
        reference=N_("art. VI.50 CDE"),
        legal_starts=N_(
            "le jour où le vendeur est informé de la rétractation du consommateur ou de "
            "l'annulation"
        ),
        note=N_(
            "Le vendeur peut attendre d'avoir récupéré l'article ou d'avoir reçu la preuve "
            "de son renvoi, la première de ces deux dates : gardez le reçu de dépôt."
        ),
    ),
    RuleText(
        id="legal_guarantee",
        title=N_("Garantie légale de conformité"),
        short=N_("la fin de la garantie légale"),
        statement=N_(
            "Le vendeur professionnel répond de tout défaut de conformité qui apparaît dans "
            "les {legal_guarantee} de la livraison ; il ne peut pas vous renvoyer vers le "
            "fabricant."
        ),
        starts=N_("la livraison de l'article"),
        reference=N_(
            "art. 1649bis et suivants de l'ancien Code civil, modifiés par la loi du 20 mars 2022"
        ),
        legal_statement=N_(
            "Le vendeur professionnel répond de tout défaut de conformité qui apparaît dans "
            "les {legal_guarantee} de la livraison ; il ne peut pas renvoyer le consommateur "
            "vers le fabricant."
        ),
        note=N_(
            "Les règles actuelles valent pour les contrats conclus depuis le 1er juin 2022 ; "
            "les contrats plus anciens relèvent de la loi du 1er septembre 2004. Pour un bien "
            "d'occasion, un délai plus court, d'au moins {second_hand_guarantee}, peut avoir "
            "été convenu clairement."
        ),
    ),
    RuleText(
        id="guarantee_presumption",
        title=N_("Présomption de défaut à la livraison"),
        short=N_("la présomption de défaut à la livraison"),
        statement=N_(
            "Sauf preuve contraire, un défaut qui apparaît dans les {guarantee_presumption} de la "
            "livraison est présumé exister dès la livraison : c'est au vendeur de prouver le "
            "contraire. Pour les contrats conclus avant le 1er juin 2022, cette présomption ne "
            "valait que {presumption_before_reform}."
        ),
        period_text=N_(
            "{period} (contrats conclus depuis le 1er juin 2022) ; "
            "{presumption_before_reform} avant"
        ),
        starts=N_("la livraison de l'article"),
        reference=N_("art. 1649quater, § 4, de l'ancien Code civil"),
    ),
    RuleText(
        id="defect_notice",
        title=N_("Avis du défaut au vendeur"),
        short=N_("le délai pour prévenir le vendeur du défaut"),
        statement=N_(
            "Prévenez le vendeur du défaut dans les {defect_notice} de sa découverte, sauf "
            "délai plus long convenu ; un avis tardif peut vous faire perdre la garantie."
        ),
        starts=N_("la découverte du défaut"),
        reference=N_("art. 1649bis et suivants de l'ancien Code civil"),
        note=N_("Prévenez-le par écrit et gardez-en la preuve."),
        legal_statement=N_(
            "Le consommateur informe le vendeur du défaut dans les {defect_notice} de sa "
            "découverte, sauf délai plus long convenu ; un avis tardif peut lui faire perdre "
            "la garantie."
        ),
    ),
    RuleText(
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
        starts=None,
        reference=N_("art. 1649bis et suivants de l'ancien Code civil"),
        legal_title=N_("Ce que la garantie légale permet au consommateur de demander"),
        legal_statement=N_(
            "D'abord la réparation ou le remplacement, au choix du consommateur (sauf si ce "
            "choix est impossible ou disproportionné), sans frais et dans un délai "
            "raisonnable ; si c'est impossible ou mal fait, une réduction proportionnelle du "
            "prix ou la résolution de la vente (pas pour un défaut mineur). Le consommateur "
            "n'est pas tenu de garder l'emballage d'origine ni d'accepter un bon d'achat."
        ),
    ),
    RuleText(
        id="delivery",
        title=N_("Délai de livraison"),
        short=N_("le délai de livraison"),
        statement=N_(
            "Sauf autre date convenue, le vendeur livre au plus tard {delivery} après la "
            "commande. Ensuite, demandez-lui de livrer dans un délai supplémentaire adapté ; "
            "s'il ne livre toujours pas, vous pouvez mettre fin au contrat et il doit vous "
            "rembourser sans retard excessif."
        ),
        period_text=N_("{period}, sauf autre date convenue"),
        starts=N_("la conclusion du contrat (la commande)"),
        reference=N_("art. VI.43 CDE"),
        legal_statement=N_(
            "Sauf autre date convenue, le vendeur livre au plus tard {delivery} après la "
            "commande. À défaut, le consommateur lui demande de livrer dans un délai "
            "supplémentaire adapté ; si le vendeur ne livre toujours pas, le consommateur peut "
            "mettre fin au contrat et le vendeur doit le rembourser sans retard excessif."
        ),
        note=N_(
            "Pas de délai supplémentaire nécessaire si le vendeur refuse de livrer, ou si la "
            "date était essentielle (vu les circonstances, ou parce que vous le lui aviez dit "
            "avant la commande)."
        ),
    ),
    RuleText(
        id="risk_in_transit",
        title=N_("Risque pendant le transport"),
        short=N_("le risque pendant le transport"),
        statement=N_(
            "Le colis voyage aux risques du vendeur : le risque ne passe au consommateur "
            "qu'au moment où il prend physiquement possession de l'article, sauf s'il a "
            "choisi lui-même un transporteur que le vendeur ne proposait pas."
        ),
        starts=None,
        # A directive binds the Member States, not the seller: cited as the rule's origin.
        reference=N_("règle de l'art. 20 de la directive 2011/83/UE"),
    ),
    RuleText(
        id="undisclosed_charges",
        title=N_("Frais non annoncés"),
        short=N_("les frais non annoncés"),
        statement=N_(
            "Des frais supplémentaires dont le vendeur ne vous a pas informé avant la "
            "commande ne sont pas dus ; c'est au vendeur de prouver qu'il vous a informé."
        ),
        starts=None,
        # The SPF Economie page states the rule without an article number: none is invented.
        reference=N_(
            "telle que l'énonce le SPF Economie (ventes à distance, information du "
            "consommateur) ; cette source ne cite pas d'article"
        ),
        legal_statement=N_(
            "Des frais supplémentaires dont le vendeur n'a pas informé le consommateur avant la "
            "commande ne sont pas dus ; c'est au vendeur de prouver qu'il l'en a informé."
        ),
    ),
    RuleText(
        id="pre_ticked_boxes",
        title=N_("Cases précochées"),
        short=N_("les cases précochées"),
        statement=N_(
            "Un paiement supplémentaire obtenu par une option cochée par défaut n'est pas "
            "valablement consenti : vous avez droit à son remboursement."
        ),
        starts=None,
        reference=N_("art. VI.41 CDE"),
        legal_statement=N_(
            "Un paiement supplémentaire obtenu par une option cochée par défaut n'est pas "
            "valablement consenti : le consommateur a droit à son remboursement."
        ),
    ),
    RuleText(
        id="atoz_claim",
        title=N_("Garantie A à Z d'Amazon"),
        short=N_("le délai de la Garantie A à Z"),
        statement=N_(
            "Pour un article vendu par un vendeur tiers : écrivez d'abord au vendeur et "
            "attendez {atoz_wait} ; si rien n'est réglé, Amazon peut intervenir "
            "(colis non reçu, article endommagé, défectueux ou non conforme à la description). "
            "Pas en même temps qu'un chargeback auprès de votre banque."
        ),
        period_text=N_("jusqu'à {period}"),
        starts=N_("la date de livraison estimée la plus tardive"),
        note=N_(
            "Règle d'Amazon, vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be. "
            "Elle ne limite pas vos droits légaux."
        ),
        # Amazon's policy, stated as what its help pages say, without the advice above.
        legal_statement=N_(
            "Selon les pages d'aide d'Amazon, Amazon peut intervenir pour un article vendu par "
            "un vendeur tiers lorsque le vendeur ne règle pas le problème (colis non reçu, "
            "article endommagé, défectueux ou non conforme à la description)."
        ),
    ),
    RuleText(
        id="sepa_refund",
        title=N_("Remboursement d'une domiciliation SEPA"),
        short=N_("le remboursement de la domiciliation"),
        statement=N_(
            "Votre banque rembourse un prélèvement par domiciliation sur simple demande, sans "
            "justification ; elle rembourse ou motive son refus dans les {bank_refund_reply}."
        ),
        starts=N_("la date du débit"),
        reference=N_("art. 76 et 77 de la directive (UE) 2015/2366 (DSP2)"),
        legal_statement=N_(
            "La banque du consommateur lui rembourse un prélèvement par domiciliation sur sa "
            "simple demande, sans qu'il doive la justifier ; elle rembourse ou motive son refus "
            "dans les {bank_refund_reply}."
        ),
        note=N_(
            "Le remboursement par la banque n'efface pas une somme que vous devez réellement "
            "au vendeur."
        ),
    ),
    RuleText(
        id="unauthorised_payment",
        title=N_("Opération de paiement non autorisée"),
        short=N_("le signalement d'un paiement non autorisé"),
        statement=N_(
            "Signalez à votre banque, sans délai, un débit que vous n'avez pas autorisé ; "
            "au-delà de {unauthorised_payment}, vous perdez le droit à la correction."
        ),
        period_text=N_("sans délai, au plus tard {period}"),
        starts=N_("la date du débit"),
        reference=N_("art. VII.41, § 1er, CDE"),
        legal_statement=N_(
            "Le consommateur signale à sa banque, sans délai, un débit qu'il n'a pas "
            "autorisé ; au-delà de {unauthorised_payment}, il perd le droit à la correction."
        ),
        note=N_(
            "Les {unauthorised_payment} sont une limite, pas un délai d'attente. Carte perdue "
            "ou volée : bloquez-la auprès de Card Stop, au 078 170 170."
        ),
    ),
    RuleText(
        id="seller_feedback",
        title=N_("Évaluation du vendeur sur Amazon"),
        short=N_("le délai pour évaluer le vendeur"),
        statement=N_(
            "Une évaluation par commande, possible {feedback_opens} après la confirmation de la "
            "commande ; restez factuel et courtois."
        ),
        period_text=N_("{period} (vu sur amazon.com)"),
        starts=N_("la date de commande"),
        note=N_("Règle d'Amazon vue sur amazon.com, à vérifier sur amazon.com.be."),
    ),
)

RULE_TEXTS: dict[str, RuleText] = {text.id: text for text in _TEXTS}

_PRE_REFORM_REFERENCE = N_(
    "art. 1649bis et suivants de l'ancien Code civil, dans leur version antérieure à la loi "
    "du 20 mars 2022 (loi du 1er septembre 2004)"
)

# The words of a rule in one of its variants (knowledge/applicable.py).
VARIANT_TEXTS: dict[tuple[str, str], RuleText] = {
    # A contract concluded before 1 June 2022.
    ("legal_guarantee", "pre_reform"): RULE_TEXTS["legal_guarantee"]._replace(
        reference=_PRE_REFORM_REFERENCE,
        note=N_(
            "Contrat conclu avant le 1er juin 2022 : il relève de la loi du 1er septembre "
            "2004, et un défaut n'était présumé exister à la livraison que s'il apparaissait "
            "dans les {presumption_before_reform}."
        ),
    ),
    ("guarantee_presumption", "pre_reform"): RULE_TEXTS["guarantee_presumption"]._replace(
        statement=N_(
            "Contrat conclu avant le 1er juin 2022 : sauf preuve contraire, un défaut qui "
            "apparaît dans les {presumption_before_reform} de la livraison est présumé exister "
            "dès la livraison."
        ),
        period_text=N_("{period} (contrat conclu avant le 1er juin 2022)"),
        reference=_PRE_REFORM_REFERENCE,
    ),
    # The means of payment is not known: the direct-debit refund is said conditionally.
    ("sepa_refund", "if_direct_debit"): RULE_TEXTS["sepa_refund"]._replace(
        statement=N_(
            "Si vous avez payé par domiciliation : votre banque rembourse le prélèvement sur "
            "simple demande, sans justification ; elle rembourse ou motive son refus dans les "
            "{bank_refund_reply}."
        ),
        legal_statement=N_(
            "Si le consommateur a payé par domiciliation : sa banque lui rembourse le "
            "prélèvement sur sa simple demande, sans qu'il doive la justifier ; elle rembourse "
            "ou motive son refus dans les {bank_refund_reply}."
        ),
    ),
    # Card Stop blocks cards: never mentioned for a SEPA direct debit or another means.
    ("unauthorised_payment", "not_a_card"): RULE_TEXTS["unauthorised_payment"]._replace(
        note=N_("Les {unauthorised_payment} sont une limite, pas un délai d'attente."),
    ),
}


def rule_text_of(rule_id: str, variant: str = "general") -> RuleText:
    """The words of a rule in this variant (the general words when it has none)."""
    return VARIANT_TEXTS.get((rule_id, variant), RULE_TEXTS[rule_id])
