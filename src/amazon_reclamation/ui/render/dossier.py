"""What `reclam export --format ecc` says: the files to upload and each one's SHA-256."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from amazon_reclamation.i18n import _, ngettext
from amazon_reclamation.texts.dossier_ecc import disposition_advice, disposition_text
from amazon_reclamation.ui.render.console import info, plain

if TYPE_CHECKING:
    from pathlib import Path

    from amazon_reclamation.domain.dossier import EccItem


def ecc_folder(
    folder: Path,
    files: list[tuple[str, bytes]],
    items: list[EccItem],
    pages: dict[int, tuple[int, int]],
) -> None:
    """The folder written, the files to upload with their SHA-256, where the rest went (a
    merged PDF piece: its pages in the dossier) and how to join a piece left out."""
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
            plain("  " + disposition_text(item, pages))
            advice = disposition_advice(item)
            if advice is not None:
                plain("    " + advice)
    info(
        _(
            "Le CEC Belgique accepte au plus 8 fichiers (pdf, doc, docx, jpg, png) : "
            "joignez-les tels quels à votre demande sur son site."
        )
    )
