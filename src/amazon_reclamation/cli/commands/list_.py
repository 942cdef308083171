"""`reclam list`: the open complaints as a table (all of them with --all), or as JSON."""

from typing import Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, listed
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _, ngettext


@command("list", help=_("Lister les réclamations ouvertes (toutes avec --all)."))
def list_complaints(
    app: App,
    all_: Annotated[
        bool, typer.Option("--all", help=_("Inclure les réclamations clôturées."))
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Lister les réclamations ouvertes (toutes avec --all)."""
    from amazon_reclamation.ui import render

    items = listed(app)
    shown = sorted(
        (item for item in items if all_ or item.digest.status == "open"),
        key=lambda item: item.digest.created_at,
    )
    if as_json:
        render.json_members(app.store.documents([item.name for item in shown]))
        return
    if not shown:
        render.info(
            _("Aucune réclamation ouverte. Pour commencer : reclam new")
            if not all_
            else _("Aucune réclamation. Pour commencer : reclam new")
        )
    else:
        title = _("Toutes les réclamations") if all_ else _("Réclamations ouvertes")
        digests = [item.digest for item in shown]
        render.complaints_table(digests, app.today, title=title, with_status=all_)
    closed = sum(1 for item in items if item.digest.status != "open")
    if closed and not all_:
        render.info(
            ngettext(
                "{n} réclamation clôturée : reclam list --all",
                "{n} réclamations clôturées : reclam list --all",
                closed,
            ).format(n=closed)
        )
