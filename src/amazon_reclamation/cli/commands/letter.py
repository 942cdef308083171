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
) -> None:
    """La mise en demeure de cette réclamation (texte ou Markdown)."""
    from amazon_reclamation.texts import letters
    from amazon_reclamation.ui import render

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
