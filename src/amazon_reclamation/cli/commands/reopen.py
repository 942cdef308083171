"""`reclam reopen REF`."""

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import RefArgument, find
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _


@command(help=_("Rouvrir une réclamation clôturée."))
def reopen(app: App, ref: RefArgument) -> None:
    """Rouvrir une réclamation clôturée."""
    from amazon_reclamation import actions
    from amazon_reclamation.ui import render

    updated = actions.reopen(app.store, find(app, ref).id)
    render.plain(_("Réclamation {id} rouverte.").format(id=updated.id))
