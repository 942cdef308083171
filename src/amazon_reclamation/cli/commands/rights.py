"""`reclam rights [REF]`: the rules that apply to a complaint, each with its source."""

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import OptionalRefArgument, open_complaint
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _


@command(help=_("Les règles qui s'appliquent à une réclamation, chacune avec sa source."))
def rights(app: App, ref: OptionalRefArgument = None) -> None:
    """Les règles qui s'appliquent à une réclamation, chacune avec sa source."""
    from amazon_reclamation.knowledge.applicable import rules_for
    from amazon_reclamation.ui import render

    complaint = open_complaint(app, ref)
    render.rights(complaint, rules_for(complaint))
