"""The ECC folder and the merged PDF pieces in words: where each piece went, the files to
send and their SHA-256, and the page before and the stamp under a merged piece.

`domain.dossier.ecc_plan()` decides; these functions only word it, in the current language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.texts.dossier import (
    Block,
    Bullets,
    Paragraph,
    Section,
    Table,
    attachment_title,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from amazon_reclamation.domain.dossier import EccItem
    from amazon_reclamation.models import Attachment

# What the dossier states of each piece that is not a file of the folder: facts only, for
# whoever reads it (ECC Belgium, a mediator); what the user can do about it is
# `_ADVICE`, shown on the screen only.
_DISPOSITION = {
    "merged": N_("Pièce {n} ({name}) : ses pages sont ajoutées à la fin du dossier."),
    "pages": N_("Pièce {n} ({name}) : elle figure dans les pages du dossier."),
    "over_limit": N_(
        "Pièce {n} ({name}) : non jointe, car elle irait au-delà des 8 fichiers que le CEC accepte."
    ),
    "not_sendable": N_("Pièce {n} ({name}) : non jointe, car le CEC n'accepte pas ce format."),
    "unreadable": N_(
        "Pièce {n} ({name}) : PDF illisible (abîmé ou protégé par un mot de passe), non joint."
    ),
    "no_copy": N_("Pièce {n} ({name}) : non jointe, car reclam n'en garde pas de copie."),
}
_ADVICE = {
    "over_limit": N_(
        "Pour joindre la pièce {n}, convertissez-la en PDF et ajoutez ce PDF à la "
        "réclamation (reclam attach) : au prochain export, ses pages seront ajoutées au "
        "dossier."
    ),
    "not_sendable": N_(
        "Pour joindre la pièce {n}, convertissez-la en PDF ou en JPG et ajoutez cette copie "
        "à la réclamation (reclam attach), puis exportez à nouveau."
    ),
    "unreadable": N_(
        "Pour joindre la pièce {n}, enregistrez-la à nouveau en PDF sans mot de passe et "
        "ajoutez cette copie à la réclamation (reclam attach), puis exportez à nouveau."
    ),
    "no_copy": N_("La pièce {n} n'est pas dans le dossier : fournissez-la à part."),
}


def disposition_advice(item: EccItem) -> str | None:
    """What the user can do so that a piece left out is joined, as one sentence (for the
    screen: the dossier states only where each piece went); None when nothing is to do."""
    advice = _ADVICE.get(item.disposition)
    return None if advice is None else _(advice).format(n=item.attachment.id)


def disposition_text(item: EccItem, pages: Mapping[int, tuple[int, int]] | None = None) -> str:
    """Where a piece that is not a file of the ECC folder went, as one sentence of fact; a
    merged PDF's page range in the dossier when `pages` has it."""
    n, name = item.attachment.id, item.attachment.name
    where = (pages or {}).get(n) if item.disposition == "merged" else None
    if where is None:
        return _(_DISPOSITION[item.disposition]).format(n=n, name=name)
    first, last = where
    if first == last:
        return _(
            "Pièce {n} ({name}) : sa page est ajoutée à la fin du dossier, dont elle est la "
            "page {first}."
        ).format(n=n, name=name, first=first)
    return _(
        "Pièce {n} ({name}) : ses pages sont ajoutées à la fin du dossier, dont elles sont les "
        "pages {first} à {last}."
    ).format(n=n, name=name, first=first, last=last)


def ecc_section(
    items: list[EccItem], dossier_name: str, pages: Mapping[int, tuple[int, int]] | None = None
) -> Section:
    """The files of an ECC folder and each one's SHA-256, and where the other pieces went."""
    rows = [[dossier_name, _("ce dossier"), "—"]]
    rows += [
        [item.file_name or "", attachment_title(item.attachment), item.attachment.sha256]
        for item in items
        if item.disposition == "file"
    ]
    blocks: list[Block] = [
        Paragraph(
            _(
                "Ce dossier est transmis avec les fichiers ci-dessous, copies exactes des "
                "pièces (même empreinte SHA-256). Le CEC Belgique accepte au plus 8 fichiers "
                "(pdf, doc, docx, jpg, png)."
            )
        ),
        Table([_("Fichier"), _("Pièce"), _("SHA-256")], rows, (22, 30, 48)),
    ]
    others = [disposition_text(item, pages) for item in items if item.disposition != "file"]
    if others:
        blocks.append(Bullets(others))
    return Section(_("Fichiers transmis au CEC Belgique"), blocks)


def merged_title(attachment: Attachment, count: int) -> str:
    """The heading of the page before a merged PDF piece: "Pièce 8 : m07.pdf — 2 pages"."""
    return ngettext(
        "Pièce {n} : {name} — {count} page", "Pièce {n} : {name} — {count} pages", count
    ).format(n=attachment.id, name=attachment.name, count=count)


def merged_pages(pages: tuple[int, int]) -> str:
    first, last = pages
    if first == last:
        return _("Sa page est la page {first} de ce dossier.").format(first=first)
    return _("Ses pages sont les pages {first} à {last} de ce dossier.").format(
        first=first, last=last
    )


def merged_note() -> str:
    return _(
        "Les pages qui suivent sont celles de la pièce telle qu'elle a été jointe ; reclam a "
        "seulement ajouté au bas de chacune son numéro dans la pièce et dans le dossier."
    )


def merged_stamp(attachment: Attachment, page: int, number: int, total: int) -> str:
    """The foot of a merged page: "Pièce 8, p. 2 — page 7 / 12"."""
    return _("Pièce {n}, p. {page} — page {number} / {total}").format(
        n=attachment.id, page=page, number=number, total=total
    )
