"""`reclam show REF`: the whole file of one complaint, or its JSON."""

from typing import TYPE_CHECKING

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import (
    JsonOption,
    LetterLangOption,
    RefArgument,
    find,
    letter_language,
)
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint


@command(help=_("Afficher tout le dossier d'une réclamation."))
def show(
    app: App,
    ref: RefArgument,
    as_json: JsonOption = False,
    letter_lang: LetterLangOption = None,
) -> None:
    """Afficher tout le dossier d'une réclamation."""
    message_lang = letter_language(letter_lang)
    show_one(app, find(app, ref), as_json=as_json, message_lang=message_lang)


def show_one(
    app: App, complaint: "Complaint", *, as_json: bool, message_lang: str | None = None
) -> None:
    """The summary, rights, deadlines and timeline of `complaint` (or its JSON); the ready
    message in `message_lang`, else the complaint's language, else the interface's."""
    from amazon_reclamation.texts import summary
    from amazon_reclamation.ui import render

    if as_json:
        render.json_out(complaint.to_json_dict())
        return
    from amazon_reclamation.actions import copy_states

    card = summary.build_summary(complaint, app.today, message_lang=message_lang)
    copies = copy_states(app.store, complaint, full=False)
    render.complaint_file(complaint, card, app.today, copies)
