"""`reclam attach REF FILE...`: keep evidence files with a complaint; `--remove N`, `--check`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, RefArgument, find
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import InvalidInput, ReclamError
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint


@command(
    help=_(
        "Garder avec une réclamation des pièces justificatives : photos, facture, captures "
        "d'écran, e-mails."
    )
)
def attach(
    app: App,
    ref: RefArgument,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help=_(
                "Les fichiers à garder (copiés dans le dossier de données, 25 Mo au plus "
                "chacun) : images, PDF, e-mails .eml, textes .txt, documents de bureautique."
            ),
            metavar=_("FICHIER"),
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(help=_("Ce que montrent ces fichiers (gardé avec chacun).")),
    ] = None,
    remove: Annotated[
        int | None,
        typer.Option(
            "--remove",
            help=_("Retirer la pièce n° N et sa copie."),
            metavar="N",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help=_("Vérifier que chaque copie est intacte (empreinte SHA-256)."),
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Garder avec une réclamation des pièces justificatives."""
    from amazon_reclamation.parsing import parse_text

    paths = files or []
    _check_usage(paths, note, remove, check)
    target = find(app, ref)
    if remove is not None:
        _remove(app, target, remove, as_json=as_json)
    elif check:
        _check(app, target, as_json=as_json)
    else:
        _add(app, target, paths, parse_text(note) if note else None, as_json=as_json)


def _check_usage(paths: list[Path], note: str | None, remove: int | None, check: bool) -> None:
    if remove is not None and (paths or check):
        raise InvalidInput(
            _("--remove retire une pièce : ne donnez ni fichier ni --check avec lui.")
        )
    if check and paths:
        raise InvalidInput(_("--check vérifie les copies gardées : ne donnez pas de fichier."))
    if note is not None and (remove is not None or check):
        raise InvalidInput(_("--note accompagne des fichiers à garder."))
    if not paths and remove is None and not check:
        raise InvalidInput(
            _(
                "donnez au moins un fichier à garder, par exemple : reclam attach REF "
                "photo.jpg facture.pdf"
            )
        )


def _add(
    app: App, target: "Complaint", paths: list[Path], note: str | None, *, as_json: bool
) -> None:
    from amazon_reclamation import actions, clock
    from amazon_reclamation.evidence_files import open_sources
    from amazon_reclamation.ui import render

    with open_sources(paths) as sources:  # every file checked before any is copied
        done = actions.attach(app.store, target.id, sources, note, clock.now())
    if as_json:
        render.json_out(
            {
                "complaint": done.complaint.id,
                "added": [a.model_dump(mode="json") for a in done.added],
                "already_kept": [
                    {"name": name, "attachment": kept.id} for name, kept in done.already
                ],
            }
        )
        return
    render.attach_report(done.complaint, done.added, done.already)


def _remove(app: App, target: "Complaint", number: int, *, as_json: bool) -> None:
    from amazon_reclamation import actions
    from amazon_reclamation.ui import render

    updated, removed = actions.remove_attachment(app.store, target.id, number)
    if as_json:
        render.json_out({"complaint": updated.id, "removed": removed.model_dump(mode="json")})
        return
    render.plain(
        _("Pièce n° {n} retirée de la réclamation {id} : {name}.").format(
            n=removed.id, id=updated.id, name=removed.name
        )
    )


def _check(app: App, target: "Complaint", *, as_json: bool) -> None:
    from amazon_reclamation import actions
    from amazon_reclamation.ui import render

    states = actions.copy_states(app.store, target, full=True)
    bad = [n for n, state in states.items() if state in ("missing", "changed")]
    if as_json:
        render.json_out(
            {
                "complaint": target.id,
                "attachments": [{"id": n, "state": state} for n, state in states.items()],
            }
        )
    else:
        render.attachments(target, states, checked=True)
    if bad:
        raise ReclamError(
            _(
                "des copies manquent ou ont changé (pièces n° {numbers}) : joignez à nouveau "
                "les originaux si vous les avez encore."
            ).format(numbers=", ".join(str(n) for n in bad))
        )
