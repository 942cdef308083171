"""`reclam new`: describe a new problem, in the wizard or entirely in options."""

from typing import Annotated, Any

import typer

from amazon_reclamation import ids
from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, YesOption, choices_help, one_of
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import Interrupted, MissingAnswer, ReclamError
from amazon_reclamation.i18n import _


@command(help=_("Décrire un nouveau problème de commande (assistant, ou tout en options)."))
def new(
    app: App,
    category: Annotated[
        str | None,
        typer.Option(help=choices_help(ids.CATEGORIES)),
    ] = None,
    order: Annotated[
        str | None, typer.Option(help=_("Numéro de commande, 123-1234567-1234567."))
    ] = None,
    order_date: Annotated[
        str | None, typer.Option(help=_("Date de commande (JJ/MM/AAAA ou AAAA-MM-JJ)."))
    ] = None,
    delivery_date: Annotated[str | None, typer.Option(help=_("Date de livraison."))] = None,
    expected_date: Annotated[
        str | None, typer.Option(help=_("Dernière date de livraison estimée par Amazon."))
    ] = None,
    item: Annotated[str | None, typer.Option(help=_("Article concerné."))] = None,
    amount: Annotated[str | None, typer.Option(help=_("Montant payé en euros (12,99)."))] = None,
    seller: Annotated[str | None, typer.Option(help=choices_help(ids.SELLER_KINDS))] = None,
    seller_name: Annotated[str | None, typer.Option(help=_("Nom du vendeur tiers."))] = None,
    seller_country: Annotated[
        str | None,
        typer.Option(help=_("Pays du vendeur tiers : nom ou code ISO (Belgique, BE, CN…).")),
    ] = None,
    name: Annotated[str | None, typer.Option(help=_("Votre nom."))] = None,
    description: Annotated[str | None, typer.Option(help=_("Le problème en vos mots."))] = None,
    resolution: Annotated[
        str | None,
        typer.Option(help=choices_help(ids.RESOLUTIONS)),
    ] = None,
    damage_timing: Annotated[
        str | None,
        typer.Option(
            help=_("Article endommagé : {choices}.").format(choices=one_of(ids.DAMAGE_TIMINGS))
        ),
    ] = None,
    discovered_date: Annotated[
        str | None, typer.Option(help=_("Défaut apparu plus tard : date de la découverte."))
    ] = None,
    photos: Annotated[
        bool | None,
        typer.Option(
            "--photos/--no-photos", help=_("Photos de l'article et de l'emballage prises ?")
        ),
    ] = None,
    tracking_status: Annotated[
        str | None, typer.Option(help=_("Retard : ce que dit le suivi."))
    ] = None,
    marked_delivered: Annotated[
        bool | None,
        typer.Option(
            "--marked-delivered/--not-marked-delivered",
            help=_("Colis non reçu : le suivi le dit-il livré ?"),
        ),
    ] = None,
    marked_delivered_date: Annotated[
        str | None, typer.Option(help=_("Date de livraison indiquée par le suivi."))
    ] = None,
    neighbours_checked: Annotated[
        bool | None,
        typer.Option(
            "--neighbours-checked/--neighbours-not-checked",
            help=_("Voisins, boîte aux lettres et point relais vérifiés ?"),
        ),
    ] = None,
    difference: Annotated[
        str | None,
        typer.Option(help=_("Non conforme : {choices}.").format(choices=one_of(ids.DIFFERENCES))),
    ] = None,
    billing_problem: Annotated[
        str | None,
        typer.Option(
            help=_("Facturation : {choices}.").format(choices=one_of(ids.BILLING_PROBLEMS))
        ),
    ] = None,
    charged: Annotated[str | None, typer.Option(help=_("Montant débité (€)."))] = None,
    expected_amount: Annotated[str | None, typer.Option(help=_("Montant attendu (€)."))] = None,
    payment_method: Annotated[
        str | None, typer.Option(help=choices_help(ids.PAYMENT_METHODS))
    ] = None,
    charge_date: Annotated[
        str | None,
        typer.Option(
            help=_("Date du débit sur votre relevé (facturation, ou paiement par domiciliation).")
        ),
    ] = None,
    return_kind: Annotated[
        str | None,
        typer.Option(help=_("Remboursement : {choices}.").format(choices=one_of(ids.RETURN_KINDS))),
    ] = None,
    returned_date: Annotated[
        str | None, typer.Option(help=_("Date du renvoi ou de l'annulation."))
    ] = None,
    return_tracking: Annotated[
        str | None, typer.Option(help=_("Numéro de suivi du retour."))
    ] = None,
    refund_amount: Annotated[
        str | None, typer.Option(help=_("Montant du remboursement attendu (€)."))
    ] = None,
    letter_lang: Annotated[
        str | None,
        typer.Option(
            help=_(
                "Langue du message pour Amazon ou le vendeur, et des lettres : fr, nl, de ou en "
                "(sinon celle de reclam)."
            )
        ),
    ] = None,
    yes: YesOption = False,
    as_json: JsonOption = False,
) -> None:
    """Décrire un nouveau problème de commande (assistant, ou tout en options)."""
    from amazon_reclamation.ui import questions

    raw = {
        "category": category,
        "order_number": order,
        "order_date": order_date,
        "delivery_date": delivery_date,
        "expected_delivery_date": expected_date,
        "item": item,
        "amount": amount,
        "seller_kind": seller,
        "seller_name": seller_name,
        "seller_country": seller_country,
        "customer_name": name,
        "description": description,
        "desired_resolution": resolution,
        "damage_timing": damage_timing,
        "defect_discovered_date": discovered_date,
        "photos_taken": photos,
        "tracking_status": tracking_status,
        "marked_delivered": marked_delivered,
        "marked_delivered_date": marked_delivered_date,
        "neighbours_checked": neighbours_checked,
        "difference": difference,
        "billing_problem": billing_problem,
        "amount_charged": charged,
        "amount_expected": expected_amount,
        "payment_method": payment_method,
        "charge_date": charge_date,
        "return_kind": return_kind,
        "returned_date": returned_date,
        "return_tracking": return_tracking,
        "refund_expected": refund_amount,
        "letter_lang": letter_lang,
    }
    answers = questions.parse_options(raw, app.today)
    if app.interactive:
        new_interactive(app, answers, yes=yes, as_json=as_json)
        return
    questions.require_all(answers)
    if not yes:
        raise MissingAnswer(_("sans terminal, ajoutez --yes pour enregistrer sans confirmation."))
    _save(app, answers, as_json=as_json, card_shown=False)


def new_interactive(app: App, answers: dict[str, Any], *, yes: bool, as_json: bool) -> None:
    """The wizard: resume a draft, ask what is missing, show the card, confirm, save."""
    from amazon_reclamation.ui import questions, render
    from amazon_reclamation.ui.wizard import RESUME, resume_label, run_wizard

    store = app.store
    asker = app.asker()
    draft = store.load_draft()
    if draft and not answers:
        kept = questions.answers_from_json(draft.get("answers", {}), app.today)
        if _worth_a_draft(kept):
            render.info(resume_label(kept))
            if asker(RESUME, {}):
                answers.update(kept)
            else:
                store.clear_draft()
                render.info(_("Brouillon supprimé ; nouvelle réclamation."))

    draft_failed: list[str] = []

    def keep_draft(current: dict[str, Any]) -> None:
        # A draft is worth keeping once the order is known (see docs/data-format.md).
        # It is a convenience: when it cannot be written, the wizard goes on, says so once
        # and does not promise to resume.
        if not _worth_a_draft(current) or draft_failed:
            return
        try:
            store.save_draft({"answers": questions.answers_to_json(current)})
        except ReclamError as error:
            draft_failed.append(error.message)
            render.warning(error.message)

    def show_summary(current: dict[str, Any]) -> None:
        from amazon_reclamation import clock
        from amazon_reclamation.texts import summary

        preview = questions.build_complaint(current, summary.PREVIEW_ID, clock.now())
        render.summary_card(summary.build_summary(preview, app.today))

    try:
        result = run_wizard(
            answers,
            asker,
            today=app.today,
            confirm=not yes,
            on_answer=keep_draft,
            show_summary=show_summary,
        )
    except (KeyboardInterrupt, EOFError):
        if _worth_a_draft(answers) and not draft_failed:
            raise Interrupted(
                _(
                    "Interrompu. Vos réponses sont gardées : la prochaine fois que vous lancerez "
                    "reclam new, il vous proposera de les reprendre."
                )
            ) from None
        raise Interrupted(_("Interrompu ; rien n'a été enregistré.")) from None
    if result is None:
        store.clear_draft()
        render.info(_("Abandonné ; rien n'a été enregistré."))
        return
    if not yes and not _second_one_confirmed(app, result):
        render.info(
            _(
                "Rien n'a été enregistré ; vos réponses sont gardées. Notez plutôt un contact "
                "sur la réclamation existante : reclam log ID"
            )
        )
        return
    _save(app, result, as_json=as_json, card_shown=not yes)


def _second_one_confirmed(app: App, answers: dict[str, Any]) -> bool:
    """A second open complaint on one order is confirmed: it is usually a mistake."""
    from amazon_reclamation import actions
    from amazon_reclamation.ui.wizard import confirm_question

    existing = actions.open_for_order(app.store, answers.get("order_number"))
    if not existing:
        return True
    question = confirm_question(
        _(
            "Une réclamation est déjà ouverte pour la commande {order} ({ids}). En ouvrir une "
            "seconde ?"
        ).format(order=answers["order_number"], ids=", ".join(existing))
    )
    return bool(app.asker()(question, {}))


def _worth_a_draft(answers: dict[str, Any]) -> bool:
    """A draft is kept once the order is known, or the charge is known to have none."""
    return bool(answers.get("order_number")) or answers.get("billing_problem") == "unknown_charge"


def _save(app: App, answers: dict[str, Any], *, as_json: bool, card_shown: bool) -> None:
    from amazon_reclamation import actions, clock
    from amazon_reclamation.domain.deadlines import compute_deadlines, missing_facts
    from amazon_reclamation.texts import summary
    from amazon_reclamation.ui import render

    complaint = actions.create(app.store, answers, clock.now())
    if as_json:
        render.json_out(complaint.to_json_dict())
        return
    today = app.today
    if not card_shown:
        render.summary_card(summary.build_summary(complaint, today))
    render.deadlines(compute_deadlines(complaint, today), missing_facts(complaint))
    others = actions.same_order(app.store, complaint)
    if others:
        render.warning(
            _(
                "la commande {order} a déjà une réclamation ({ids}) ; donnez l'identifiant "
                "plutôt que le numéro de commande pour les distinguer."
            ).format(order=complaint.order_number, ids=", ".join(others))
        )
    render.plain(
        _(
            "Réclamation {id} enregistrée.\n"
            "Ensuite :\n"
            "  reclam log {id}                  notez chaque contact avec le service client\n"
            "  reclam attach {id} facture.pdf   gardez la facture, les photos, les captures\n"
            "  reclam escalate {id}             les étapes suivantes si rien n'avance\n"
            "  reclam show {id}                 revoir ce résumé"
        ).format(id=complaint.id)
    )
