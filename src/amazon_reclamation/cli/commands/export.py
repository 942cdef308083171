"""`reclam export REF --format pdf|md|json|ecc|ics`: the dossier for ECC Belgium, a mediator
or a court, in the interface language (`--lang`), or the complaint's deadlines as a calendar."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from amazon_reclamation import ids
from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import RefArgument, find, one_of
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.ui.dossier.export import Evidence


@command(
    help=_(
        "Le dossier chronologique d'une réclamation, pour le CEC Belgique, un médiateur ou "
        "le juge de paix : PDF, Markdown, JSON, dossier prêt pour le CEC (ecc), ou ses "
        "délais pour un agenda (ics)."
    )
)
def export(
    app: App,
    ref: RefArgument,
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            help=_(
                "pdf (le dossier à imprimer ou envoyer), md (Markdown), json (l'enregistrement "
                "complet), ecc (un dossier de 8 fichiers au plus pour le CEC Belgique, avec "
                "--out) ou ics (les délais et le suivi attendu, pour un agenda)."
            ),
            metavar="|".join(ids.EXPORT_FORMATS),
        ),
    ] = "pdf",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=_("Écrire dans ce nouveau fichier (pour ecc : dans ce dossier, nouveau ou vide)."),
            metavar="PATH",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=_("Remplacer le fichier existant, ou pour ecc un export précédent du dossier."),
        ),
    ] = False,
) -> None:
    """Le dossier chronologique d'une réclamation (PDF, Markdown, JSON ou dossier pour le CEC)."""
    from amazon_reclamation.ui import render
    from amazon_reclamation.ui.dossier import export as made

    if format_ not in ids.EXPORT_FORMATS:
        raise InvalidInput(
            _("--format : « {value} » n'est pas un format connu ; choisissez {choices}.").format(
                value=format_[:20], choices=one_of(ids.EXPORT_FORMATS)
            )
        )
    if format_ == "ecc" and out is None:
        raise InvalidInput(
            _("--format ecc : ajoutez --out DOSSIER, le dossier où écrire les fichiers.")
        )
    if format_ == "pdf" and out is None and sys.stdout.isatty():
        raise InvalidInput(
            _(
                "Un PDF ne s'affiche pas dans le terminal : ajoutez --out FICHIER.pdf, ou "
                "redirigez la sortie vers un fichier."
            )
        )
    if format_ == "ics":
        from amazon_reclamation.cli.commands.calendar import export_ics

        export_ics(app, ref, out.expanduser() if out is not None else None, force)
        return
    complaint = find(app, ref)
    if format_ == "json":
        document: str | bytes | None = None
        if out is None:
            render.json_out(made.json_data(complaint))
            return
        from amazon_reclamation.safe_text import json_text

        document = json_text(made.json_data(complaint)) + "\n"
    elif format_ == "md":
        document = made.markdown(made.read_pieces(app.store, complaint), app.today)
        if out is None:
            render.text_out(document)
            return
    else:
        evidence = made.read_pieces(app.store, complaint)
        for attachment in evidence.missing:
            render.warning(
                _(
                    "la copie de la pièce {n} ({name}) est introuvable ; le dossier la liste "
                    "comme à fournir à part."
                ).format(n=attachment.id, name=attachment.name)
            )
        if format_ == "ecc":
            assert out is not None
            _ecc(app, evidence, out.expanduser(), force=force)
            return
        document = made.pdf(evidence, app.today)
        if out is None:
            render.binary_out(document)
            return
    from amazon_reclamation.files import write_output_file

    target = write_output_file(out.expanduser(), document, force=force, data_folder=app.store.root)
    render.info(_("Dossier écrit dans {path}.").format(path=target))


def _ecc(app: App, evidence: "Evidence", folder: Path, *, force: bool) -> None:
    from amazon_reclamation.domain.dossier import ECC_FILE
    from amazon_reclamation.files import output_folder
    from amazon_reclamation.ui import render
    from amazon_reclamation.ui.dossier import export as made

    result = made.ecc(evidence, app.today)
    target = output_folder(
        folder,
        force=force,
        data_folder=app.store.root,
        replaceable=lambda name: ECC_FILE.fullmatch(name) is not None,
    )
    made.write_folder(target, result.files)
    render.ecc_folder(target, result.files, result.items, result.pages)
