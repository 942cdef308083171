"""Translatable labels for the stable identifiers (the screen shows these, JSON the ids)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation.i18n import N_, _

if TYPE_CHECKING:
    from amazon_reclamation.ids import StepId

CATEGORY = {
    "damaged": N_("Article endommagé ou défectueux"),
    "late": N_("Livraison en retard"),
    "not_received": N_("Colis perdu ou indiqué livré mais pas reçu"),
    "non_conforming": N_("Article non conforme (taille, modèle, couleur, description)"),
    "billing": N_("Problème de facturation (montant, frais, débit inconnu)"),
    "refund": N_("Remboursement pas reçu après un retour ou une annulation"),
    "other": N_("Autre problème"),
}

CATEGORY_SHORT = {
    "damaged": N_("endommagé"),
    "late": N_("retard"),
    "not_received": N_("non reçu"),
    "non_conforming": N_("non conforme"),
    "billing": N_("facturation"),
    "refund": N_("remboursement"),
    "other": N_("autre"),
}

CATEGORY_HELP = {
    "damaged": N_("arrivé abîmé, ou une panne apparue après la livraison"),
    "late": N_("la date de livraison estimée est dépassée"),
    "not_received": N_("le suivi dit « livré » mais vous n'avez rien, ou le colis est perdu"),
    "non_conforming": N_("vous avez reçu autre chose que ce que vous avez commandé"),
    "billing": N_("montant erroné, frais non annoncés ou débit que vous ne reconnaissez pas"),
    "refund": N_("article renvoyé ou commande annulée, mais pas d'argent en retour"),
    "other": N_("aucune des situations ci-dessus"),
}

RESOLUTION = {
    "refund": N_("le remboursement"),
    "replacement": N_("le remplacement de l'article"),
    "repair": N_("la réparation de l'article"),
    "delivery": N_("la livraison de la commande"),
    "partial_refund": N_("un remboursement partiel"),
    "other": N_("une autre solution (précisée dans la description)"),
}

SELLER_KIND = {
    "amazon": N_("Amazon (vendu par Amazon)"),
    "marketplace": N_("Un vendeur tiers de la place de marché"),
}

DAMAGE_TIMING = {
    "on_arrival": N_("Endommagé à l'arrivée"),
    "later": N_("Défaut apparu après la livraison"),
}

DIFFERENCE = {
    "size": N_("la taille"),
    "model": N_("le modèle"),
    "colour": N_("la couleur"),
    "description": N_("la description sur le site"),
    "other": N_("autre chose"),
}

DIFFERENCE_SENTENCE = {
    "size": N_("la taille reçue n'est pas celle commandée"),
    "model": N_("le modèle reçu n'est pas celui commandé"),
    "colour": N_("la couleur reçue n'est pas celle commandée"),
    "description": N_("l'article ne correspond pas à sa description sur le site"),
    "other": "",
}

BILLING_PROBLEM = {
    "wrong_amount": N_("montant incorrect"),
    "unannounced_fee": N_("frais non annoncés"),
    "unknown_charge": N_("débit non reconnu"),
}

PAYMENT_METHOD = {
    "card": N_("carte de crédit"),
    "debit_card": N_("carte de débit / Bancontact"),
    "sepa_direct_debit": N_("domiciliation SEPA"),
    "other": N_("autre moyen"),
}

RETURN_KIND = {
    "returned": N_("J'ai renvoyé l'article"),
    "cancelled": N_("J'ai annulé la commande"),
}
# The same facts as a document states them (the dossier): not in the user's first person.
RETURN_KIND_STATED = {
    "returned": N_("article renvoyé"),
    "cancelled": N_("commande annulée"),
}

STATUS = {
    "open": N_("ouverte"),
    "resolved": N_("résolue"),
    "abandoned": N_("abandonnée"),
}

CHANNEL = {
    "phone": N_("téléphone"),
    "chat": N_("chat"),
    "email": N_("e-mail"),
    "letter": N_("lettre"),
    "seller_message": N_("message au vendeur"),
    "other": N_("autre"),
}

OUTCOME = {
    "resolved": N_("résolu"),
    "promise": N_("promesse"),
    "refused": N_("refus"),
    "no_answer": N_("pas de réponse"),
    "pending": N_("en attente"),
}

OUTCOME_HELP = {
    "resolved": N_("le problème est réglé"),
    "promise": N_("on vous a promis quelque chose pour une date"),
    "refused": N_("votre demande a été refusée"),
    "no_answer": N_("personne n'a répondu, chat coupé, e-mail sans réponse"),
    "pending": N_("en cours, sans engagement précis"),
}


# What to have at hand before contacting customer service (knowledge/categories.py).
EVIDENCE = {
    "photos_damaged": N_("des photos de l'article abîmé et de l'emballage (gardez l'emballage)"),
    "photos_difference": N_(
        "des photos montrant ce qui diffère (étiquette de taille, modèle, couleur)"
    ),
    "photos_item": N_("des photos de l'article qui montrent le défaut"),
    "tracking_now": N_("une capture du suivi tel qu'il apparaît aujourd'hui"),
    "product_page": N_("une capture de la page du produit telle qu'elle était annoncée"),
    "tracking_announced": N_("une capture du suivi et de la date de livraison annoncée"),
    "tracking_delivered": N_("une capture du suivi indiquant « livré », avec la date"),
    "checked_around": N_("ce que vous avez vérifié : voisins, boîte aux lettres, point relais"),
    "statement_line": N_("la ligne du débit sur votre relevé bancaire ou de carte"),
    "invoice": N_("la facture de la commande (page de la commande sur amazon.com.be)"),
    "return_proof": N_(
        "la preuve du renvoi (reçu de dépôt, numéro de suivi du retour) ou la confirmation "
        "de l'annulation"
    ),
    "anything": N_("tout ce qui prouve ce que vous dites : captures d'écran, e-mails, facture"),
}


# The title of each escalation step (`texts.escalation.title`, the log's step question).
STEP: dict[StepId, str] = {
    "contact_customer_service": N_("Contacter le service client d'Amazon"),
    "ask_supervisor": N_("Demander un responsable et une confirmation écrite"),
    "contact_seller": N_("Écrire au vendeur"),
    "atoz_claim": N_("Demander la Garantie A à Z d'Amazon"),
    "written_complaint": N_("Envoyer une réclamation écrite à Amazon"),
    "formal_notice": N_("Envoyer une mise en demeure"),
    "review": N_("Laisser un avis factuel"),
    "ecc_belgium": N_("Saisir le Centre Européen des Consommateurs (CEC Belgique)"),
    "lu_consumer_mediator": N_("Saisir le Médiateur de la consommation (Luxembourg)"),
    "consumerconnect": N_("S'adresser à ConsumerConnect (SPF Economie)"),
    "consumer_mediation_service": N_("Saisir le Service de Médiation pour le Consommateur"),
    "sepa_refund": N_("Demander à la banque le remboursement de la domiciliation"),
    "unauthorised_payment": N_("Signaler à la banque un paiement non autorisé"),
    "chargeback": N_("Demander un chargeback à l'émetteur de la carte"),
    "justice_of_the_peace": N_("Saisir le juge de paix"),
    "european_small_claims": N_("Procédure européenne de règlement des petits litiges"),
}


def label(table: dict[str, str], value: str | None) -> str:
    """The translated label of `value`, or "inconnu" when it is not known."""
    if value is None:
        return _("inconnu")
    return _(table.get(value, value))
