"""`reclam backup`, `reclam restore FILE` and `reclam purge`: the whole data folder.

The archive's format and checks are `archive.py`; reading, writing and removing the
data folder's files under its lock is `folder.py`.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import YesOption
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import InvalidInput, MissingAnswer, ReclamError
from amazon_reclamation.i18n import _, ngettext

if TYPE_CHECKING:
    from amazon_reclamation.folder import Restored


@command(help=_("Sauvegarder tout le dossier de données dans une archive zip."))
def backup(
    app: App,
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=_("Le fichier à écrire (sinon reclam-backup-AAAA-MM-JJ.zip dans ce dossier)."),
            metavar="FILE",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Remplacer un fichier existant."))
    ] = False,
) -> None:
    """Sauvegarder tout le dossier de données dans une archive zip."""
    from amazon_reclamation import __version__, archive, folder
    from amazon_reclamation.files import write_output_file
    from amazon_reclamation.ui import render

    store = app.store
    target = (out_file or Path(f"reclam-backup-{app.today.isoformat()}.zip")).expanduser()
    if not store.check_root():
        raise ReclamError(
            _("Rien à sauvegarder : le dossier de données {path} n'existe pas.").format(
                path=store.root
            )
        )
    gathered = folder.gather(store)
    if not gathered.entries:
        raise ReclamError(
            _(
                "Rien à sauvegarder : le dossier de données {path} ne contient ni réclamation, "
                "ni réglages, ni brouillon."
            ).format(path=store.root)
        )
    data = archive.build(gathered.entries, today=app.today, version=__version__)
    written = write_output_file(target, data, force=force, data_folder=store.root)
    for name in gathered.unreadable:
        render.warning(
            _(
                "{path} est illisible pour reclam : il est sauvegardé tel quel, et sera "
                "restauré tel quel."
            ).format(path=name)
        )
    for name, reason in gathered.left_out:
        render.warning(
            _("{path} n'est pas sauvegardé ({reason}).").format(path=name, reason=reason)
        )
    render.info(
        ngettext(
            "Sauvegarde de {n} réclamation écrite dans {path}.",
            "Sauvegarde de {n} réclamations écrite dans {path}.",
            gathered.complaints,
        ).format(n=gathered.complaints, path=written)
    )
    if gathered.copies:
        render.info(
            ngettext(
                "Elle contient aussi {n} pièce jointe.",
                "Elle contient aussi {n} pièces jointes.",
                gathered.copies,
            ).format(n=gathered.copies)
        )


@command(help=_("Restaurer une sauvegarde faite avec reclam backup (vérifiée d'abord)."))
def restore(
    app: App,
    archive_file: Annotated[
        Path, typer.Argument(help=_("L'archive à restaurer."), metavar=_("FICHIER"))
    ],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help=_(
                "Si une réclamation existe déjà : garder la version la plus récente au lieu "
                "de refuser."
            ),
        ),
    ] = False,
) -> None:
    """Restaurer une sauvegarde faite avec reclam backup (vérifiée d'abord)."""
    from amazon_reclamation import archive, folder

    path = archive_file.expanduser()
    try:
        data = folder.read_bytes(path, archive.MAX_ARCHIVE_BYTES)
    except FileNotFoundError:
        raise InvalidInput(_("{path} : fichier introuvable.").format(path=path)) from None
    except ValueError as error:
        raise InvalidInput(
            _("Impossible de lire la sauvegarde {path} : {reason}.").format(path=path, reason=error)
        ) from None
    checked = archive.check(data)
    app.store.check_root()
    _report(app, folder.restore(app.store, checked, merge=merge))


def _report(app: App, done: "Restored") -> None:
    from amazon_reclamation import archive, fmt
    from amazon_reclamation.ui import render

    for name, complaint in done.replaced:
        render.info(
            _(
                "Réclamation {id} : la version de la sauvegarde, modifiée le {date}, est plus "
                "récente ; elle remplace celle du dossier."
            ).format(
                id=name.removesuffix(".json"), date=fmt.date_time(archive.last_change(complaint))
            )
        )
    for name, complaint in done.kept:
        render.info(
            _(
                "Réclamation {id} : la version du dossier, modifiée le {date}, est plus "
                "récente ; elle est gardée."
            ).format(
                id=name.removesuffix(".json"), date=fmt.date_time(archive.last_change(complaint))
            )
        )
    for name in done.tied:
        render.info(
            _(
                "Réclamation {id} : les deux versions diffèrent mais datent du même moment ; "
                "celle du dossier est gardée."
            ).format(id=name.removesuffix(".json"))
        )
    for name in done.kept_as_is:
        render.warning(
            _(
                "complaints/{name} : l'une des deux versions est illisible, reclam ne peut pas "
                "les comparer ; le fichier du dossier est gardé tel quel."
            ).format(name=name)
        )
    for name in done.unreadable:
        render.warning(
            _("complaints/{name} est restauré tel qu'il était : illisible pour reclam.").format(
                name=name
            )
        )
    if done.config == "kept":
        render.info(_("Vos réglages actuels sont gardés ; ceux de la sauvegarde sont ignorés."))
    if done.draft == "kept":
        render.info(_("Votre brouillon actuel est gardé ; celui de la sauvegarde est ignoré."))
    restored = len(done.added) + len(done.replaced)
    if restored == 0 and done.copies:
        render.info(
            ngettext(
                "Aucune réclamation à restaurer ; {n} copie de pièce jointe remise en place dans "
                "{path}.",
                "Aucune réclamation à restaurer ; {n} copies de pièces jointes remises en place "
                "dans {path}.",
                done.copies,
            ).format(n=done.copies, path=app.store.root)
        )
        return
    if restored == 0 and not (done.kept or done.tied or done.kept_as_is):
        render.info(
            _(
                "Rien à restaurer : le dossier {path} a déjà chaque réclamation de la sauvegarde."
            ).format(path=app.store.root)
        )
        return
    render.info(
        ngettext(
            "{n} réclamation restaurée dans {path}.",
            "{n} réclamations restaurées dans {path}.",
            restored,
        ).format(n=restored, path=app.store.root)
    )


@command(help=_("Supprimer toutes vos données reclam (après une confirmation tapée)."))
def purge(app: App, yes: YesOption = False) -> None:
    """Supprimer toutes vos données reclam (après une confirmation tapée)."""
    from amazon_reclamation import folder
    from amazon_reclamation.ui import render

    store = app.store
    if not store.check_root():
        render.info(
            _("Le dossier de données {path} n'existe pas : rien à supprimer.").format(
                path=store.root
            )
        )
        return
    if not yes:
        if not app.interactive:
            raise MissingAnswer(
                _(
                    "sans terminal, ajoutez --yes pour confirmer la suppression de toutes vos "
                    "données."
                )
            )
        from amazon_reclamation.ui.wizard import purge_question, purge_word

        render.info(
            _(
                "Cette suppression est définitive. Faites d'abord une sauvegarde avec "
                "reclam backup si vous voulez pouvoir tout retrouver."
            )
        )
        typed = app.asker()(purge_question(folder.count_complaints(store)), {})
        if (typed or "").strip().casefold() != purge_word().casefold():
            render.info(_("Rien n'a été supprimé."))
            return
    done = folder.purge(store)
    for path in done.unknown:
        render.warning(
            _("{path} n'est pas un fichier de reclam : il est laissé en place.").format(path=path)
        )
    render.info(
        ngettext("{n} fichier supprimé.", "{n} fichiers supprimés.", done.removed).format(
            n=done.removed
        )
    )
    if done.folder_removed:
        render.info(_("Le dossier de données {path} est supprimé.").format(path=store.root))
    else:
        render.info(
            _(
                "Le dossier de données {path} est gardé : il contient des fichiers qui ne sont "
                "pas à reclam."
            ).format(path=store.root)
        )
