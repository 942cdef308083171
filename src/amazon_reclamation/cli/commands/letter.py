"""`reclam letter REF`: the formal notice (mise en demeure), on screen or in a new file."""

from pathlib import Path
from typing import Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import LetterLangOption, RefArgument, find, letter_language
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import _, ngettext

MIN_DAYS, MAX_DAYS = 8, 60  # the time left to the trader that a court would find reasonable
SENT_CHANNELS = ("letter", "email")  # how a formal notice is sent: it must leave a trace


@command(help=_("La mise en demeure de cette réclamation (texte ou Markdown)."))
def letter(
    app: App,
    ref: RefArgument,
    markdown: Annotated[
        bool, typer.Option("--markdown", help=_("En Markdown plutôt qu'en texte brut."))
    ] = False,
    days: Annotated[int, typer.Option(help=_("Délai laissé au vendeur, en jours (8 à 60)."))] = 15,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help=_("Écrire la lettre dans ce nouveau fichier."), metavar="FILE"),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=_(
                "Avec --out : remplacer un fichier existant. Écrire la lettre même si le "
                "dernier contact dit le problème résolu."
            ),
        ),
    ] = False,
    letter_lang: LetterLangOption = None,
    sent: Annotated[
        bool,
        typer.Option(
            "--sent",
            help=_(
                "Noter que la mise en demeure a été envoyée (un contact « mise en demeure », "
                "suivi à la date limite qu'elle donne), au lieu de l'afficher."
            ),
        ),
    ] = False,
    sent_on: Annotated[
        str | None,
        typer.Option(
            "--sent-on",
            help=_("Avec --sent : quand, JJ/MM/AAAA ou JJ/MM/AAAA HH:MM (défaut : maintenant)."),
        ),
    ] = None,
    sent_by: Annotated[
        str,
        typer.Option(
            "--sent-by",
            help=_("Avec --sent : letter (lettre, recommandée de préférence) ou email."),
            metavar="|".join(SENT_CHANNELS),
        ),
    ] = "letter",
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference", help=_("Avec --sent : le numéro de l'envoi recommandé, s'il y en a un.")
        ),
    ] = None,
) -> None:
    """La mise en demeure de cette réclamation (texte ou Markdown)."""
    from amazon_reclamation.texts import letters
    from amazon_reclamation.ui import render

    if not sent and (sent_on is not None or reference is not None or sent_by != "letter"):
        raise InvalidInput(
            _("--sent-on, --sent-by et --reference vont avec --sent ; ajoutez --sent.")
        )
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise InvalidInput(
            ngettext(
                "--days : {n} jour n'est pas un délai raisonnable ; choisissez entre 8 et 60.",
                "--days : {n} jours n'est pas un délai raisonnable ; choisissez entre 8 et 60.",
                days,
            ).format(n=days)
        )
    chosen = letter_language(letter_lang)
    store = app.store
    if sent:
        _record_sent(app, ref, days=days, sent_on=sent_on, sent_by=sent_by, reference=reference)
        return
    complaint = find(app, ref)
    # The letter in the language asked, else the complaint's, else the interface's; the
    # note for the user stays in the interface language.
    lang = chosen or complaint.letter_lang
    if out_file is None:
        render.plain(
            letters.formal_notice(
                complaint,
                app.today,
                markdown=markdown,
                days=days,
                lang=lang,
                despite_resolved=force,
            )
        )
        return
    from amazon_reclamation.files import write_output_file

    # The note is for the user, not the seller: it stays on the terminal.
    note, text = letters.formal_notice_parts(
        complaint, app.today, markdown=markdown, days=days, lang=lang, despite_resolved=force
    )
    target = write_output_file(out_file.expanduser(), text, force=force, data_folder=store.root)
    render.info(note.rstrip())
    render.info(_("Lettre écrite dans {path}.").format(path=target))


def _record_sent(
    app: App, ref: str, *, days: int, sent_on: str | None, sent_by: str, reference: str | None
) -> None:
    """Log the formal notice as sent: its step, and a follow-up on the deadline it gave."""
    from amazon_reclamation import actions, clock, parsing
    from amazon_reclamation.domain.letters import letter_deadline
    from amazon_reclamation.fmt import short_date
    from amazon_reclamation.ui import render

    if sent_by not in SENT_CHANNELS:
        raise InvalidInput(
            _(
                "--sent-by : « {value} » n'est pas un envoi connu ; choisissez letter ou email."
            ).format(value=parsing.shown(sent_by, 20))
        )
    now = clock.now()
    moment = None
    try:
        option = "--sent-on"
        if sent_on is not None:
            moment = parsing.parse_moment(sent_on, now)
        option = "--reference"
        kept_reference = parsing.parse_text(reference, max_length=200) if reference else None
    except InvalidInput as error:
        raise InvalidInput(
            _("{option} : {problem}").format(option=option, problem=error.message)
        ) from None
    complaint = find(app, ref)
    sent_day = moment.at.date() if moment is not None else now.date()
    # The same deadline as the letter written that day with the same --days: the follow-up
    # never contradicts what the letter asked.
    deadline, _asked = letter_deadline(complaint, sent_day, days)
    entry = actions.ContactEntry(
        channel=sent_by,
        outcome="pending",
        at=moment.at if moment is not None else None,
        at_has_time=moment is None or moment.has_time,
        reference=kept_reference,
        follow_up=deadline,
        step="formal_notice",
    )
    updated, contact = actions.log_contact(app.store, complaint, entry, now)
    render.plain(
        _(
            "Envoi de la mise en demeure noté (contact n° {n} de la réclamation {id}) ; "
            "réponse attendue au plus tard le {date} : reclam due vous le rappellera."
        ).format(n=contact.id, id=updated.id, date=short_date(deadline))
    )
