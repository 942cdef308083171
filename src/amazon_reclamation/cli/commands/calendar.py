"""`reclam calendar`: the deadlines and follow-ups of the open complaints, as an .ics file
(with the reminders still to come of closed complaints withdrawn).

`export_ics` is the same for one complaint (`reclam export REF --format ics`).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import find, listed, load_all, open_items
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _, ngettext

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.listing import Digest
    from amazon_reclamation.texts.calendar_ics import Ics

OutFileOption = Annotated[
    Path | None,
    typer.Option(
        "--out", help=_("Écrire le calendrier dans ce nouveau fichier (.ics)."), metavar="FILE"
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help=_("Avec --out : remplacer un fichier existant."))
]


@command(
    help=_(
        "Les délais et les suivis à venir des réclamations ouvertes, en calendrier (.ics), "
        "avec un rappel la veille."
    ),
)
def calendar(app: App, out_file: OutFileOption = None, force: ForceOption = False) -> None:
    """Les délais et les suivis à venir des réclamations ouvertes, en calendrier (.ics),
    avec un rappel la veille."""
    from amazon_reclamation.i18n import current_language
    from amazon_reclamation.texts.calendar_ics import ics_for

    today = app.today
    everything = listed(app)
    items = open_items(everything)
    # The digests say which complaints have a date still to come: only those are read. A
    # complaint closed since the calendar was imported has its reminders still to come
    # withdrawn (the same UIDs, cancelled): importing this file takes them out.
    dated = [item for item in everything if _may_have_events(item.digest, today)]
    ics = ics_for(
        load_all(app, dated), today, current_language(), cancel_closed=True, cancel_from=today
    )
    if not items:
        empty = _("Aucune réclamation ouverte : le calendrier est vide.")
    else:
        empty = _(
            "Aucun délai ni suivi à venir dans les réclamations ouvertes : le calendrier est vide."
        )
    withdrawn = None
    if ics.cancelled and ics.events:
        withdrawn = ngettext(
            "Le calendrier retire aussi {n} rappel d'une réclamation clôturée ; importez-le "
            "pour l'effacer de votre agenda.",
            "Le calendrier retire aussi {n} rappels de réclamations clôturées ; importez-le "
            "pour les effacer de votre agenda.",
            ics.cancelled,
        ).format(n=ics.cancelled)
    elif ics.cancelled:  # nothing to come: the file only withdraws
        withdrawn = ngettext(
            "Aucun rappel à venir ; le calendrier retire {n} rappel d'une réclamation "
            "clôturée : importez-le pour l'effacer de votre agenda.",
            "Aucun rappel à venir ; le calendrier retire {n} rappels de réclamations "
            "clôturées : importez-le pour les effacer de votre agenda.",
            ics.cancelled,
        ).format(n=ics.cancelled)
    _deliver(app, ics, out_file, force, empty, withdrawn)


def export_ics(app: App, ref: str, out_file: Path | None, force: bool) -> None:
    """The calendar of one complaint (`reclam export REF --format ics [--out FILE]`)."""
    from amazon_reclamation.i18n import current_language
    from amazon_reclamation.texts.calendar_ics import ics_for

    complaint = find(app, ref)
    ics = ics_for([complaint], app.today, current_language(), cancel_closed=True)
    if complaint.status != "open" and ics.cancelled:
        # Imported again, the cancelled events take the reminders out of the user's calendar.
        empty = ngettext(
            "La réclamation {id} est clôturée : le calendrier retire son rappel ; importez-le "
            "pour l'effacer de votre agenda.",
            "La réclamation {id} est clôturée : le calendrier retire ses {n} rappels ; "
            "importez-le pour les effacer de votre agenda.",
            ics.cancelled,
        ).format(id=complaint.id, n=ics.cancelled)
    elif complaint.status != "open":
        empty = _("La réclamation {id} est clôturée : le calendrier est vide.").format(
            id=complaint.id
        )
    else:
        empty = _(
            "Aucun délai ni suivi à venir pour la réclamation {id} : le calendrier est vide."
        ).format(id=complaint.id)
    _deliver(app, ics, out_file, force, empty)


def _may_have_events(digest: "Digest", today: "dt.date") -> bool:
    """A deadline today or later, or a promise not kept (the head of the digest keeps only
    the earliest one's day: the complaint is read to see whether one is still awaited)."""
    limit = today.isoformat()
    return digest.next_follow_up_day is not None or any(
        day >= limit for day in digest.deadline_days
    )


def _deliver(
    app: App,
    ics: "Ics",
    out_file: Path | None,
    force: bool,
    empty: str,
    withdrawn: str | None = None,
) -> None:
    """The file on stdout, or written to `out_file`; a line on stderr says what was done,
    and `withdrawn` what it takes out of the user's calendar."""
    from amazon_reclamation.ui import render

    if out_file is None:
        render.binary_out(ics.data)
        if not ics.events and not withdrawn:
            render.info(empty)
        if withdrawn:
            render.info(withdrawn)
        return
    from amazon_reclamation.files import write_output_file

    target = write_output_file(
        out_file.expanduser(), ics.data, force=force, data_folder=app.store.root
    )
    if not ics.events:
        if not withdrawn:
            render.info(empty)
        written = _("Calendrier écrit dans {path}.") if ics.cancelled else None
        render.info((written or _("Calendrier vide écrit dans {path}.")).format(path=target))
    else:
        render.info(
            ngettext(
                "{n} rappel écrit dans {path}.", "{n} rappels écrits dans {path}.", ics.events
            ).format(n=ics.events, path=target)
        )
    if withdrawn:
        render.info(withdrawn)
