"""`reclam close REF --outcome resolved|abandoned`."""

from typing import Annotated

import typer

from amazon_reclamation import ids
from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import RefArgument, find
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _


@command(help=_("Clôturer une réclamation (résolue ou abandonnée)."))
def close(
    app: App,
    ref: RefArgument,
    outcome: Annotated[
        str,
        typer.Option(
            help=_("resolved (résolue) ou abandoned (abandonnée)."), metavar="|".join(ids.CLOSINGS)
        ),
    ],
) -> None:
    """Clôturer une réclamation (résolue ou abandonnée)."""
    from amazon_reclamation import actions, clock
    from amazon_reclamation.texts import labels
    from amazon_reclamation.ui import render

    actions.check_closing(outcome)
    target = find(app, ref)
    updated = actions.close(app.store, target.id, outcome, clock.now())
    render.plain(
        _("Réclamation {id} clôturée : {status}.").format(
            id=updated.id, status=labels.label(labels.STATUS, updated.status)
        )
    )
