"""`reclam delete REF`: after confirmation, or `--yes`."""

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import RefArgument, YesOption, find
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import MissingAnswer
from amazon_reclamation.i18n import _


@command(help=_("Supprimer définitivement une réclamation (après confirmation)."))
def delete(app: App, ref: RefArgument, yes: YesOption = False) -> None:
    """Supprimer définitivement une réclamation (après confirmation)."""
    from amazon_reclamation import actions
    from amazon_reclamation.ui import render

    target = find(app, ref)
    if not yes:
        if not app.interactive:
            raise MissingAnswer(_("sans terminal, ajoutez --yes pour confirmer la suppression."))
        from amazon_reclamation.ui.wizard import delete_question

        if not app.asker()(delete_question(target), {}):
            render.info(_("Rien n'a été supprimé."))
            return
    actions.delete(app.store, target.id)
    render.plain(_("Réclamation {id} supprimée.").format(id=target.id))
