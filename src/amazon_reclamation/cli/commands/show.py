"""`reclam show REF`: the whole file of one complaint, or its JSON."""

from typing import TYPE_CHECKING

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, RefArgument, find
from amazon_reclamation.cli.context import App

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint


@command()
def show(app: App, ref: RefArgument, as_json: JsonOption = False) -> None:
    """Afficher tout le dossier d'une réclamation."""
    show_one(app, find(app, ref), as_json=as_json)


def show_one(app: App, complaint: "Complaint", *, as_json: bool) -> None:
    """The summary, rights, deadlines and timeline of `complaint` (or its JSON)."""
    from amazon_reclamation.texts import summary
    from amazon_reclamation.ui import render

    if as_json:
        render.json_out(complaint.to_json_dict())
        return
    render.complaint_file(complaint, summary.build_summary(complaint, app.today), app.today)
