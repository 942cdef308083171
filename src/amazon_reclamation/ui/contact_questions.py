"""The questions of `reclam log`: one contact with customer service or the seller."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from amazon_reclamation import parsing
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.ids import default_step
from amazon_reclamation.texts import labels
from amazon_reclamation.ui.question import Answers, Choice, Question, choices_from

ORDER_DATE_KEY = "_order_date"  # the complaint's order date, given to the log's checks


def _contact_moment(text: str, answers: Answers, today: date) -> parsing.Moment:
    from amazon_reclamation import clock

    moment = parsing.parse_moment(text, clock.now())
    order_date = answers.get(ORDER_DATE_KEY)
    if isinstance(order_date, date) and moment.at.date() < order_date:
        raise InvalidInput(
            _("Le {date} est avant la commande du {order} ; un contact vient après.").format(
                date=moment.at.strftime("%d/%m/%Y"), order=order_date.strftime("%d/%m/%Y")
            )
        )
    return moment


def _follow_up(text: str, answers: Answers, today: date) -> date:
    value = parsing.parse_date(text, today)
    moment = answers.get("at")
    start = moment.at.date() if isinstance(moment, parsing.Moment) else today
    if value < start:
        raise InvalidInput(
            _("Le {date} est avant le contact ({start}) ; la date de suivi vient après.").format(
                date=value.strftime("%d/%m/%Y"), start=start.strftime("%d/%m/%Y")
            )
        )
    return value


def _step_by_channel(answers: Answers) -> str:
    """The step a contact on this channel performs when nothing says otherwise."""
    return default_step(str(answers.get("channel")))


def with_step_default(questions: tuple[Question, ...], step: str | None) -> tuple[Question, ...]:
    """The questions with "Quelle démarche ?" preselecting `step` (the step to take now)."""
    if step is None:
        return questions
    return tuple(replace(q, default=step) if q.key == "step" else q for q in questions)


def _is_promise(answers: Answers) -> bool:
    return answers.get("outcome") == "promise"


def _may_follow_up(answers: Answers) -> bool:
    # A promised call-back or answer is followed up like a promise; "resolved" needs none.
    return answers.get("outcome") not in (None, "resolved")


_OUTCOME_ORDER = ("promise", "refused", "no_answer", "pending", "resolved")

CONTACT_QUESTIONS: tuple[Question, ...] = (
    Question(
        "channel",
        "--channel",
        "select",
        N_("Par quel moyen ?"),
        choices=choices_from(labels.CHANNEL),
        required=True,
    ),
    Question(
        "step",
        "--step",
        "select",
        N_("Quelle démarche ?"),
        choices=tuple(Choice(step, title) for step, title in labels.STEP.items()),
        default=_step_by_channel,
        unknown_choice=False,
    ),
    Question(
        "at",
        "--at",
        "text",
        N_("Quand ?"),
        parse=_contact_moment,
        hint=N_("JJ/MM/AAAA HH:MM ou JJ/MM/AAAA ; vide = maintenant"),
    ),
    Question(
        "agent",
        "--agent",
        "text",
        N_("Nom de l'interlocuteur"),
        hint=N_("vide si vous ne le connaissez pas"),
    ),
    Question(
        "reference",
        "--reference",
        "text",
        N_("Référence du dossier (donnée par Amazon ou le vendeur)"),
        hint=N_("numéro de cas ou de ticket ; vide si aucune"),
    ),
    Question(
        "summary",
        "--summary",
        "multiline",
        N_("Ce qui a été dit, avec vos mots"),
        hint=N_("Échap puis Entrée pour terminer"),
    ),
    Question(
        "outcome",
        "--outcome",
        "select",
        N_("Résultat"),
        # "Résolu" last: an Enter pressed by mistake must not close the matter.
        choices=choices_from(
            {key: labels.OUTCOME[key] for key in _OUTCOME_ORDER}, labels.OUTCOME_HELP
        ),
        required=True,
    ),
    Question(
        "promise",
        "--promise",
        "text",
        N_("Qu'est-ce qui a été promis ?"),
        hint=N_("par exemple « remboursement sous 5 jours » ; vide si le résumé le dit"),
        when=_is_promise,
    ),
    Question(
        "follow_up",
        "--follow-up",
        "text",
        N_("Pour quand ? (date de suivi)"),
        parse=_follow_up,
        # A promise without a date can never be found kept or broken; for another outcome
        # (a call-back announced, an answer awaited) the date is welcome but not needed.
        required=_is_promise,
        hint=N_("JJ/MM/AAAA, la date promise"),
        hint_optional=N_("JJ/MM/AAAA : le rappel ou la réponse annoncés ; vide si aucune"),
        when=_may_follow_up,
    ),
)
