"""`reclam log [REF]`: record one contact with customer service or the seller."""

from typing import TYPE_CHECKING, Annotated

import typer

from amazon_reclamation import ids
from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import (
    JsonOption,
    OptionalRefArgument,
    choices_help,
    open_complaint,
)
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint


@command(help=_("Noter un contact avec le service client ou le vendeur."))
def log(
    app: App,
    ref: OptionalRefArgument = None,
    channel: Annotated[
        str | None,
        typer.Option(help=choices_help(ids.CHANNELS)),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(help=_("Quand : JJ/MM/AAAA ou JJ/MM/AAAA HH:MM (défaut : maintenant).")),
    ] = None,
    agent: Annotated[str | None, typer.Option(help=_("Nom de l'interlocuteur."))] = None,
    reference: Annotated[
        str | None,
        typer.Option(help=_("Référence du dossier donnée par Amazon ou le vendeur.")),
    ] = None,
    summary: Annotated[str | None, typer.Option(help=_("Ce qui a été dit."))] = None,
    outcome: Annotated[
        str | None,
        typer.Option(help=choices_help(ids.OUTCOMES)),
    ] = None,
    promise: Annotated[
        str | None, typer.Option(help=_("Ce qui a été promis (sinon, le résumé en tient lieu)."))
    ] = None,
    follow_up: Annotated[
        str | None,
        typer.Option(
            help=_(
                "Date de suivi : obligatoire pour une promesse, possible pour tout résultat "
                "sauf resolved."
            )
        ),
    ] = None,
    step: Annotated[
        str | None,
        typer.Option(
            help=_(
                "La démarche faite par ce contact (défaut : contact_seller pour seller_message, "
                "sinon contact_customer_service) : {choices}"
            ).format(choices=choices_help(ids.STEP_IDS)),
        ),
    ] = None,
    corrects: Annotated[
        int | None,
        typer.Option(
            help=_("Corrige le contact n° N : l'original reste dans le journal, marqué corrigé."),
            metavar="N",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Noter un contact avec le service client ou le vendeur."""
    from amazon_reclamation import actions, clock
    from amazon_reclamation.domain.contacts import needs_written_confirmation
    from amazon_reclamation.ui import contact_questions, questions, render

    today = app.today
    raw = {
        "channel": channel,
        "at": at,
        "agent": agent,
        "reference": reference,
        "summary": summary,
        "outcome": outcome,
        "promise": promise,
        "follow_up": follow_up,
        "step": step,
    }
    answers = questions.parse_options(raw, today, contact_questions.CONTACT_QUESTIONS)
    target = open_complaint(app, ref)
    interactive = app.interactive
    if target.status != "open" and interactive:
        target = _offer_reopen(app, target)
    actions.check_open(target)
    if corrects is not None:
        actions.check_correctable(target, corrects)
    answers[contact_questions.ORDER_DATE_KEY] = target.order_date
    if interactive:
        from amazon_reclamation.ui.wizard import ask_missing

        render.info(
            (
                _("Contact pour la réclamation {id} (commande {order})")
                if target.order_number
                else _("Contact pour la réclamation {id}")
            ).format(id=target.id, order=target.order_number)
        )
        from amazon_reclamation.domain.escalation import decide

        # "Quelle démarche ?" preselects the step that `escalate` shows as "now".
        now = decide(target, today).now
        asked = contact_questions.with_step_default(
            contact_questions.CONTACT_QUESTIONS, now.id if now is not None else None
        )
        ask_missing(answers, app.asker(), questions=asked)
    questions.require_all(answers, contact_questions.CONTACT_QUESTIONS, "log")
    given = answers.get("at")
    entry = actions.ContactEntry(
        channel=answers["channel"],
        outcome=answers["outcome"],
        at=given.at if given is not None else None,
        at_has_time=given is None or given.has_time,
        agent=answers.get("agent"),
        reference=answers.get("reference"),
        summary=answers.get("summary"),
        promise=answers.get("promise"),
        follow_up=answers.get("follow_up"),
        corrects=corrects,
        step=answers.get("step"),
    )
    updated, contact = actions.log_contact(app.store, target, entry, clock.now())
    if as_json:
        render.json_out(contact.model_dump(mode="json"))
        return
    render.plain(
        _("Contact n° {n} noté pour la réclamation {id}.").format(n=contact.id, id=updated.id)
    )
    render.timeline(updated, today)
    promise_passed = contact.follow_up is not None and contact.follow_up < today
    if needs_written_confirmation(contact) and not promise_passed:
        from amazon_reclamation.texts import summary as texts
        from amazon_reclamation.ui.wizard import confirm_question

        offer = confirm_question(_("Préparer un message de confirmation écrite de cet échange ?"))
        if not interactive or app.asker()(offer, {}):
            from amazon_reclamation.i18n import current_language, in_language

            # For Amazon or the seller: in the complaint's message language, if it has one.
            with in_language(updated.letter_lang or current_language()):
                message = texts.confirmation_message(updated, contact)
            render.message_block(
                _("Confirmation écrite à envoyer par e-mail ou dans le chat"), message
            )
    if contact.outcome == "resolved" and updated.status == "open":
        _offer_close(app, updated)


def _offer_reopen(app: App, complaint: "Complaint") -> "Complaint":
    """In a terminal, a closed complaint is reopened first if the user agrees."""
    from amazon_reclamation import actions
    from amazon_reclamation.texts import labels
    from amazon_reclamation.ui import render
    from amazon_reclamation.ui.wizard import confirm_question

    question = confirm_question(
        _(
            "La réclamation {id} est clôturée ({status}) : la rouvrir pour noter ce contact ?"
        ).format(id=complaint.id, status=labels.label(labels.STATUS, complaint.status))
    )
    if not app.asker()(question, {}):
        return complaint
    reopened = actions.reopen(app.store, complaint.id)
    render.info(_("Réclamation {id} rouverte.").format(id=reopened.id))
    return reopened


def _offer_close(app: App, complaint: "Complaint") -> None:
    from amazon_reclamation import actions, clock
    from amazon_reclamation.ui import render

    if app.interactive:
        from amazon_reclamation.ui.wizard import confirm_question

        question = confirm_question(_("Problème résolu : clôturer la réclamation ?"))
        if app.asker()(question, {}):
            actions.close(app.store, complaint.id, "resolved", clock.now())
            render.plain(_("Réclamation {id} clôturée : résolue.").format(id=complaint.id))
        return
    render.info(
        _(
            "Problème résolu ? Clôturez la réclamation : reclam close {id} --outcome resolved"
        ).format(id=complaint.id)
    )
