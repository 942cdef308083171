"""The wizard's questions, as data, and how answers become a complaint.

Each question names the answer key, the command-line option that gives the same
answer unattended, how typed text is parsed (the same checks for both), and when it
applies. `wizard.py` asks them; nothing here touches the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from amazon_reclamation.errors import InvalidInput, MissingAnswer
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.knowledge.categories import debit_date_asked
from amazon_reclamation.texts import labels
from amazon_reclamation.ui import parsers
from amazon_reclamation.ui.letter_language import LETTER_LANG
from amazon_reclamation.ui.question import UNKNOWN, Answers, Question, choices_from


def _category_in(*categories: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get("category") in categories


def _order_required(answers: Answers) -> bool:
    """An order number and date are needed, except for a charge that matches no order."""
    return not (
        answers.get("category") == "billing" and answers.get("billing_problem") == "unknown_charge"
    )


def _charge_date_asked(answers: Answers) -> bool:
    return debit_date_asked(answers.get("category"), answers.get("payment_method"))


_DATE_HINT = N_("JJ/MM/AAAA ; laissez vide si vous ne savez pas")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "category",
        "--category",
        "select",
        N_("Quel est le problème ?"),
        choices=choices_from(labels.CATEGORY, labels.CATEGORY_HELP),
        required=True,
    ),
    # Asked before the order: a charge that matches no order has neither number nor date.
    Question(
        "billing_problem",
        "--billing-problem",
        "select",
        N_("Quel est le problème de facturation ?"),
        choices=choices_from(labels.BILLING_PROBLEM),
        when=_category_in("billing"),
        unknown_choice=False,
    ),
    Question(
        "order_number",
        "--order",
        "text",
        N_("Numéro de commande (123-1234567-1234567)"),
        parse=parsers.order,
        required=_order_required,
        hint=N_("dans Vos commandes, sur le récapitulatif ou l'e-mail de confirmation"),
        hint_optional=N_("vide : le débit ne correspond à aucune commande"),
    ),
    Question(
        "order_date",
        "--order-date",
        "text",
        N_("Date de la commande"),
        parse=parsers.past_date_after(),
        required=_order_required,
        hint=N_("JJ/MM/AAAA"),
        hint_optional=N_("JJ/MM/AAAA ; vide s'il n'y a pas de commande"),
    ),
    # damaged
    Question(
        "delivery_date",
        "--delivery-date",
        "text",
        N_("Date de livraison"),
        parse=parsers.past_date_after("order_date"),
        hint=N_("JJ/MM/AAAA ; vide si le colis n'est pas arrivé ou si vous ne savez pas"),
        # A late parcel may have arrived since: its date changes the rights that apply.
        when=_category_in("damaged", "non_conforming", "refund", "billing", "other", "late"),
    ),
    Question(
        "damage_timing",
        "--damage-timing",
        "select",
        N_("Quand le problème est-il apparu ?"),
        choices=choices_from(labels.DAMAGE_TIMING),
        when=_category_in("damaged"),
        unknown_choice=False,
    ),
    Question(
        "defect_discovered_date",
        "--discovered-date",
        "text",
        N_("Quand avez-vous découvert le défaut ?"),
        parse=parsers.past_date_after("order_date", "delivery_date"),
        hint=_DATE_HINT,
        when=lambda a: a.get("category") == "damaged" and a.get("damage_timing") == "later",
    ),
    Question(
        "photos_taken",
        "--photos",
        "confirm",
        N_("Avez-vous pris des photos de l'article et de l'emballage ?"),
        when=_category_in("damaged", "non_conforming"),
        unknown_choice=False,
    ),
    # late, not_received
    Question(
        "expected_delivery_date",
        "--expected-date",
        "text",
        N_("Dernière date de livraison estimée par Amazon"),
        parse=parsers.date_after_order,
        hint=N_("JJ/MM/AAAA, la plus tardive annoncée ; vide si aucune"),
        when=_category_in("late", "not_received"),
    ),
    Question(
        "tracking_status",
        "--tracking-status",
        "text",
        N_("Que dit le suivi du colis ?"),
        hint=N_("par exemple « en transit depuis le 10/11 » ; vide si rien"),
        when=_category_in("late"),
    ),
    Question(
        "marked_delivered",
        "--marked-delivered",
        "confirm",
        N_("Le suivi indique-t-il que le colis a été livré ?"),
        when=_category_in("not_received"),
        unknown_choice=False,
    ),
    Question(
        "marked_delivered_date",
        "--marked-delivered-date",
        "text",
        N_("À quelle date le suivi le dit-il livré ?"),
        parse=parsers.past_date_after("order_date"),
        hint=_DATE_HINT,
        when=lambda a: a.get("category") == "not_received" and a.get("marked_delivered") is True,
    ),
    Question(
        "neighbours_checked",
        "--neighbours-checked",
        "confirm",
        N_("Avez-vous vérifié chez les voisins, la boîte aux lettres et le point relais ?"),
        when=_category_in("not_received"),
        unknown_choice=False,
    ),
    # non_conforming
    Question(
        "difference",
        "--difference",
        "select",
        N_("Qu'est-ce qui ne correspond pas ?"),
        choices=choices_from(labels.DIFFERENCE),
        when=_category_in("non_conforming"),
        unknown_choice=False,
    ),
    # billing
    Question(
        "amount_charged",
        "--charged",
        "text",
        N_("Montant débité (€)"),
        parse=parsers.amount,
        hint=N_("par exemple 54,99"),
        when=_category_in("billing"),
    ),
    Question(
        "amount_expected",
        "--expected-amount",
        "text",
        N_("Montant attendu (€)"),
        parse=parsers.expected_amount,
        hint=N_("vide si vous ne reconnaissez pas du tout ce débit"),
        when=_category_in("billing"),
    ),
    # refund
    Question(
        "return_kind",
        "--return-kind",
        "select",
        N_("Qu'avez-vous fait ?"),
        choices=choices_from(labels.RETURN_KIND),
        when=_category_in("refund"),
        unknown_choice=False,
    ),
    Question(
        "returned_date",
        "--returned-date",
        "text",
        N_("Date du renvoi de l'article ou de l'annulation"),
        parse=parsers.past_date_after("order_date", "delivery_date"),
        hint=_DATE_HINT,
        when=_category_in("refund"),
    ),
    Question(
        "return_tracking",
        "--return-tracking",
        "text",
        N_("Numéro de suivi du retour"),
        hint=N_("vide si vous ne l'avez pas"),
        when=lambda a: a.get("category") == "refund" and a.get("return_kind") != "cancelled",
    ),
    Question(
        "refund_expected",
        "--refund-amount",
        "text",
        N_("Montant du remboursement attendu (€)"),
        parse=parsers.amount,
        hint=N_("vide si vous ne savez pas"),
        when=_category_in("refund"),
    ),
    # order facts
    Question(
        "item",
        "--item",
        "text",
        N_("Article concerné"),
        hint=N_("son nom, tel qu'il apparaît dans la commande"),
    ),
    Question(
        "amount",
        "--amount",
        "text",
        N_("Montant payé pour la commande (€)"),
        parse=parsers.amount,
        hint=N_("par exemple 49,99 ; vide si vous ne savez pas"),
    ),
    Question(
        "payment_method",
        "--payment-method",
        "select",
        N_("Moyen de paiement"),
        choices=choices_from(labels.PAYMENT_METHOD),
        # Enter pressed without reading must not claim a credit card (a chargeback route).
        default=UNKNOWN,
        # Every category: a card or a direct debit opens the bank's routes (chargeback, the
        # SEPA refund) for a lost parcel or a refused refund too.
    ),
    Question(
        "charge_date",
        "--charge-date",
        "text",
        N_("Date du débit (sur votre relevé)"),
        parse=parsers.past_date_after(),
        hint=_DATE_HINT,
        when=_charge_date_asked,
    ),
    Question(
        "seller_kind",
        "--seller",
        "select",
        N_("Qui a vendu l'article ?"),
        choices=choices_from(labels.SELLER_KIND),
        hint=N_("indiqué sous le prix : « Vendu par … »"),
        # Enter pressed without reading must not claim Amazon sold it (other rights, bodies).
        default=UNKNOWN,
    ),
    Question(
        "seller_name",
        "--seller-name",
        "text",
        N_("Nom du vendeur"),
        when=lambda a: a.get("seller_kind") == "marketplace",
    ),
    Question(
        "seller_country",
        "--seller-country",
        "text",
        N_("Pays du vendeur"),
        parse=parsers.country,
        hint=N_("Belgique, Chine … ou BE, CN ; dans « Informations détaillées sur le vendeur »"),
        when=lambda a: a.get("seller_kind") == "marketplace",
    ),
    LETTER_LANG,
    Question("customer_name", "--name", "text", N_("Votre nom (tel qu'il figure sur la commande)")),
    Question(
        "desired_resolution",
        "--resolution",
        "select",
        N_("Que demandez-vous ?"),
        choices=choices_from(labels.RESOLUTION),
        unknown_choice=False,
    ),
    Question(
        "description",
        "--description",
        "multiline",
        N_("Décrivez le problème avec vos mots"),
        hint=N_("faits précis, dates ; Échap puis Entrée pour terminer"),
    ),
)

QUESTIONS_BY_KEY = {question.key: question for question in QUESTIONS}

_FACT_KEYS = (
    "damage_timing", "defect_discovered_date", "photos_taken", "tracking_status",
    "marked_delivered", "marked_delivered_date", "neighbours_checked", "difference",
    "amount_charged", "amount_expected", "billing_problem", "payment_method", "charge_date",
    "return_kind", "returned_date", "return_tracking", "refund_expected",
)  # fmt: skip


def applicable(answers: Answers, questions: Sequence[Question] = QUESTIONS) -> list[Question]:
    """The questions that apply to these answers, in order."""
    return [question for question in questions if question.applies(answers)]


def answer_as_text(value: Any) -> str:
    """The text a person would type for `value` (for defaults and re-checking)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def parse_options(
    raw: dict[str, Any], today: date, questions: Sequence[Question] = QUESTIONS
) -> Answers:
    """Parse answers given as command-line options, in question order.

    `raw` maps answer keys to the option values (strings, or booleans for yes/no
    questions); None means "not given". Raises `InvalidInput` naming the option.
    """
    answers: Answers = {}
    for question in questions:
        value = raw.get(question.key)
        if value is None:
            continue
        if question.kind == "confirm":
            answers[question.key] = bool(value)
        elif question.kind == "select":
            answers[question.key] = question.parse_choice(str(value))
        else:
            try:
                answers[question.key] = question.parse_text(str(value), answers, today)
            except InvalidInput as error:
                raise InvalidInput(
                    _("{option} : {problem}").format(option=question.option, problem=error.message)
                ) from None
    return answers


def revalidate(
    answers: Answers, today: date, questions: Sequence[Question] = QUESTIONS
) -> list[Question]:
    """The applicable questions whose current answer no longer passes its checks.

    Editing one answer (the order date, say) can make another one wrong.
    """
    broken = []
    for question in applicable(answers, questions):
        value = answers.get(question.key)
        if value is None or question.kind in ("select", "confirm"):
            continue
        try:
            question.parse_text(answer_as_text(value), answers, today)
        except InvalidInput:
            broken.append(question)
    return broken


def missing_required(answers: Answers, questions: Sequence[Question] = QUESTIONS) -> list[Question]:
    """Applicable required questions without an answer."""
    return [
        q
        for q in applicable(answers, questions)
        if q.is_required(answers) and answers.get(q.key) is None
    ]


def require_all(
    answers: Answers, questions: Sequence[Question] = QUESTIONS, command: str = "new"
) -> None:
    """Raise `MissingAnswer` naming the first required option that has no answer."""
    missing = missing_required(answers, questions)
    if missing:
        raise MissingAnswer(
            _(
                "Il manque {option} (« {question} ») : sans terminal, donnez chaque réponse "
                "en option (voir reclam {command} --help)."
            ).format(
                # The question as asked, without its hint: no case or punctuation changed,
                # which only French would survive.
                option=missing[0].option,
                question=_(missing[0].message).split(" (")[0],
                command=command,
            )
        )


def build_complaint(answers: Answers, complaint_id: str, created_at: datetime) -> Any:
    """Turn complete answers into a `Complaint` record (imported lazily: pydantic)."""
    from amazon_reclamation.models import Complaint, Facts, Seller

    require_all(answers)
    return Complaint(
        id=complaint_id,
        created_at=created_at,
        category=answers["category"],
        order_number=answers.get("order_number"),
        order_date=answers.get("order_date"),
        delivery_date=answers.get("delivery_date"),
        expected_delivery_date=answers.get("expected_delivery_date"),
        item=answers.get("item"),
        amount=answers.get("amount"),
        seller=Seller(
            kind=answers.get("seller_kind"),
            name=answers.get("seller_name"),
            country=answers.get("seller_country"),
        ),
        customer_name=answers.get("customer_name"),
        description=answers.get("description"),
        desired_resolution=answers.get("desired_resolution"),
        letter_lang=answers.get("letter_lang"),
        facts=Facts(**{key: answers[key] for key in _FACT_KEYS if answers.get(key) is not None}),
    )


def answers_to_json(answers: Answers) -> dict[str, Any]:
    """Answers in a JSON-ready form, for the draft file."""
    return {
        key: answer_as_text(value) if isinstance(value, date | Decimal) else value
        for key, value in answers.items()
        if key in QUESTIONS_BY_KEY
    }


def answers_from_json(data: dict[str, Any], today: date) -> Answers:
    """Answers back from a draft file; values that no longer parse are dropped."""
    answers: Answers = {}
    for question in QUESTIONS:
        value = data.get(question.key)
        if value is None:
            continue
        try:
            if question.kind == "confirm":
                answers[question.key] = bool(value)
            elif question.kind == "select":
                answers[question.key] = question.parse_choice(str(value))
            else:
                answers[question.key] = question.parse_text(str(value), answers, today)
        except InvalidInput:
            continue
    return answers
