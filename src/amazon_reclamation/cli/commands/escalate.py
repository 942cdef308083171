"""`reclam escalate [REF]`: the next steps in order, with why and how, and the deadlines."""

from typing import Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, OptionalRefArgument, open_complaint
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import ReclamError
from amazon_reclamation.i18n import _


@command(help=_("Les étapes suivantes, dans l'ordre, avec pourquoi et comment, et les délais."))
def escalate(
    app: App,
    ref: OptionalRefArgument = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help=_("Détailler chaque étape, même celles qui ne s'appliquent pas.")
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Les étapes suivantes, dans l'ordre, avec pourquoi et comment, et les délais."""
    from amazon_reclamation.texts import escalation
    from amazon_reclamation.ui import render

    complaint = open_complaint(app, ref)
    if complaint.status != "open":
        from amazon_reclamation.texts import labels

        raise ReclamError(
            _(
                "La réclamation {id} est clôturée ({status}) : rien à faire suivre. Pour la "
                "reprendre : reclam reopen {id}"
            ).format(id=complaint.id, status=labels.label(labels.STATUS, complaint.status))
        )
    plan = escalation.plan(complaint, app.today)
    if as_json:
        render.json_out(plan.to_json())
        return
    render.escalation(complaint, plan, show_all=show_all)
