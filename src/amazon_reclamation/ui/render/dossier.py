"""What `reclam export --format ecc` says: the files to upload and each one's SHA-256."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.ui.render.console import info, plain

if TYPE_CHECKING:
    from pathlib import Path

    from amazon_reclamation.domain.dossier import EccItem

_ELSEWHERE = {
    "merged": N_("Pièce {n} ({name}) : ses pages sont ajoutées à la fin du dossier."),
    "pages": N_("Pièce {n} ({name}) : elle figure dans les pages du dossier."),
    "not_sendable": N_(
        "Pièce {n} ({name}) : format non accepté par le CEC, non envoyée ; convertissez-la en "
        "PDF ou en JPG pour la joindre."
    ),
    "no_copy": N_("Pièce {n} ({name}) : reclam n'en garde pas de copie ; fournissez-la à part."),
}


def ecc_folder(folder: Path, files: list[tuple[str, bytes]], items: list[EccItem]) -> None:
    """The folder written, the files to upload with their SHA-256, where the rest went."""
    plain(
        ngettext(
            "Dossier pour le CEC Belgique écrit dans {path} : envoyez ce fichier.",
            "Dossier pour le CEC Belgique écrit dans {path} : envoyez ces {n} fichiers.",
            len(files),
        ).format(path=folder, n=len(files))
    )
    for name, data in files:
        plain(f"  {name}  SHA-256 {hashlib.sha256(data).hexdigest()}")
    for item in items:
        if item.disposition != "file":
            plain(
                "  "
                + _(_ELSEWHERE[item.disposition]).format(
                    n=item.attachment.id, name=item.attachment.name
                )
            )
    info(
        _(
            "Le CEC Belgique accepte au plus 8 fichiers (pdf, doc, docx, jpg, png) : "
            "joignez-les tels quels à votre demande sur son site."
        )
    )
