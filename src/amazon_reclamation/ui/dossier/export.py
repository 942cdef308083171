"""`reclam export` made: the dossier of a complaint as PDF, Markdown, JSON or an ECC folder.

The command reads the evidence copies through the store (`read_pieces`) and hands them
here; every function words the dossier in the current language (the interface's).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from amazon_reclamation.domain import dossier as plan

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from amazon_reclamation.models import Attachment, Complaint
    from amazon_reclamation.store import Store
    from amazon_reclamation.texts.dossier import Document
    from amazon_reclamation.ui.dossier.pdf import Pieces


@dataclass(frozen=True)
class Evidence:
    """The complaint as the dossier sees it: entries whose copy is gone have none."""

    complaint: Complaint
    contents: dict[int, bytes]  # attachment id -> the copy's bytes
    missing: list[Attachment]  # entries with a file name whose copy is not there


def read_pieces(store: Store, complaint: Complaint) -> Evidence:
    """Every kept copy, checked against its SHA-256 (a changed copy is refused)."""
    contents: dict[int, bytes] = {}
    missing: list[Attachment] = []
    kept: list[Attachment] = []
    for attachment in complaint.attachments:
        data = store.read_attachment(complaint.id, attachment)
        if data is None and attachment.file is not None:
            missing.append(attachment)
            attachment = attachment.model_copy(update={"file": None})
        elif data is not None:
            contents[attachment.id] = data
        kept.append(attachment)
    return Evidence(complaint.model_copy(update={"attachments": kept}), contents, missing)


def emails(evidence: Evidence) -> list[plan.Email]:
    """What each e-mail piece (a .eml, or a .txt with its headers) says of itself."""
    from amazon_reclamation.ui.dossier.pieces import email_of

    found = (
        email_of(a.id, evidence.contents[a.id])
        for a in sorted(evidence.complaint.attachments, key=lambda a: a.id)
        if plan.prints_text(a) and a.id in evidence.contents
    )
    return [email for email in found if email is not None]


def dossier(evidence: Evidence, today: dt.date) -> plan.Dossier:
    """The dossier as data, its e-mail pieces in the timeline."""
    return plan.build_dossier(evidence.complaint, today, emails(evidence))


def document(
    evidence: Evidence, today: dt.date, pages: dict[int, tuple[int, int]] | None = None
) -> Document:
    from amazon_reclamation.texts.dossier import document as word

    return word(dossier(evidence, today), pages)


def markdown(evidence: Evidence, today: dt.date) -> str:
    from amazon_reclamation.ui.dossier.markdown import markdown as lay_out

    return lay_out(document(evidence, today))


def json_data(complaint: Complaint) -> dict[str, object]:
    """The complete record and the attachment manifest (for another tool)."""
    return {
        "complaint": complaint.to_json_dict(),
        "attachments": [
            {
                "id": a.id,
                "name": a.name,
                "file": a.file,
                "sha256": a.sha256,
                "size": a.size,
                "media_type": a.media_type,
            }
            for a in sorted(complaint.attachments, key=lambda a: a.id)
        ],
    }


def _pieces(evidence: Evidence, merged: list[Attachment]) -> Pieces:
    from amazon_reclamation.texts.dossier import email_files_line
    from amazon_reclamation.ui.dossier.pdf import Pieces
    from amazon_reclamation.ui.dossier.pieces import text_of

    attachments = sorted(evidence.complaint.attachments, key=lambda a: a.id)
    contents = evidence.contents
    return Pieces(
        images=[(a, contents[a.id]) for a in attachments if plan.embeds(a) and a.id in contents],
        texts=[
            (a, text_of(contents[a.id], plan.extension(a)))
            for a in attachments
            if plan.prints_text(a) and a.id in contents
        ],
        merged=[(a, contents[a.id]) for a in merged],
        notes={e.attachment_id: email_files_line(e) for e in emails(evidence) if e.files},
    )


def pdf(evidence: Evidence, today: dt.date) -> bytes:
    from amazon_reclamation.ui.dossier.pdf import render_pdf

    return render_pdf(document(evidence, today), _pieces(evidence, []), today)


@dataclass(frozen=True)
class EccFolder:
    """What an ECC folder holds: (file name, bytes), the dossier first; and the plan."""

    files: list[tuple[str, bytes]]
    items: list[plan.EccItem]
    pages: dict[int, tuple[int, int]]  # a merged PDF piece's first and last page in the dossier


def ecc(evidence: Evidence, today: dt.date) -> EccFolder:
    """The dossier with its file list, and the copies to send beside it (8 files at most)."""
    from amazon_reclamation.texts.dossier_ecc import ecc_section
    from amazon_reclamation.ui.dossier.merge import pdf_page_count, render_merged

    complaint = evidence.complaint
    items = plan.ecc_plan(sorted(complaint.attachments, key=lambda a: a.id))
    # A PDF that pypdf cannot read (damaged, asking for a password to open it) cannot be
    # appended: it is listed.
    items = [
        replace(item, disposition="unreadable")
        if item.disposition == "merged"
        and pdf_page_count(evidence.contents[item.attachment.id]) is None
        else item
        for item in items
    ]
    name = plan.dossier_file_name(complaint.id)

    def words(pages: dict[int, tuple[int, int]]) -> Document:
        worded = document(evidence, today, pages)
        worded.sections.append(ecc_section(items, name, pages))
        return worded

    merged = [item.attachment for item in items if item.disposition == "merged"]
    data, pages = render_merged(words, _pieces(evidence, merged), today)
    files = [(name, data)]
    files += [
        (item.file_name, evidence.contents[item.attachment.id])
        for item in items
        if item.disposition == "file" and item.file_name is not None
    ]
    return EccFolder(files, items, pages)


def write_folder(folder: Path, files: list[tuple[str, bytes]]) -> None:
    """Each file, new and owner-only, in `folder` (prepared by `files.output_folder`)."""
    from amazon_reclamation.files import storage_error, write_new_file
    from amazon_reclamation.i18n import _

    for name, data in files:
        path = folder / name
        try:
            write_new_file(path, data)
        except OSError as error:
            raise storage_error(_("Impossible d'écrire {path} : {reason}."), path, error) from None
