"""PDF pieces merged into the dossier (pypdf, imported here only), so that a judge can cite
"pièce 8, p. 2".

Each piece's pages follow a page that names it (`pdf.Divider`: its number, name, page count,
SHA-256 and where its pages are), and each of its pages gets a small line at its foot with
its page in the piece and in the dossier ("Pièce 8, p. 2 — page 7 / 12"): nothing else of
the piece is changed. The dossier states the page ranges, which depend on how many pages
it makes, which may depend on the numbers it states: it is rendered until both agree
(twice, nearly always). The same inputs give the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from amazon_reclamation.texts import dossier_ecc as words
from amazon_reclamation.ui.dossier.pdf import Divider, render, stamps

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from pypdf import PageObject, PdfReader

    from amazon_reclamation.models import Attachment
    from amazon_reclamation.texts.dossier import Document
    from amazon_reclamation.ui.dossier.pdf import Pieces

PageRanges = dict[int, tuple[int, int]]  # attachment id -> first and last page in the dossier
MAX_RENDERINGS = 4


def open_piece(data: bytes) -> PdfReader | None:
    """A PDF piece as pypdf reads it, or None when it cannot: damaged, or asking for a
    password to open it. One protected by an owner password alone (a bank statement that
    opens without one, but may not be changed) is read, as any PDF viewer opens it."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return None
        len(reader.pages)  # reads the page tree: a damaged one is found out here
    except (PyPdfError, DependencyError, ValueError, OSError, KeyError, TypeError):
        # DependencyError: AES encryption, which pypdf reads only with `cryptography`
        return None
    return reader


def pdf_page_count(data: bytes) -> int | None:
    """The number of pages of a PDF piece, or None when it cannot be read (`open_piece`)."""
    reader = open_piece(data)
    return None if reader is None else len(reader.pages)


def page_ranges(body: int, counts: list[tuple[Attachment, int]]) -> PageRanges:
    """Where each piece's pages are when the dossier's own pages (dividers apart) are `body`:
    each piece after its divider page, in order."""
    ranges: PageRanges = {}
    page = body
    for attachment, count in counts:
        first = page + 2  # after the divider
        ranges[attachment.id] = (first, first + count - 1)
        page = first + count - 1
    return ranges


def render_merged(
    document: Callable[[PageRanges], Document], pieces: Pieces, today: dt.date
) -> tuple[bytes, PageRanges]:
    """The dossier with the PDF pieces' pages, and where each piece's pages are.

    `document` words the dossier for given page ranges (empty: not known yet).
    """
    if not pieces.merged:
        return render(document({}), pieces, today)[0], {}
    readers: list[tuple[Attachment, PdfReader]] = []
    for attachment, data in pieces.merged:
        reader = open_piece(data)
        if reader is None:  # the export lists an unreadable piece: it is never merged
            raise RuntimeError(f"piece {attachment.id} was merged, yet cannot be read")
        readers.append((attachment, reader))
    counts = [(a, len(reader.pages)) for a, reader in readers]
    extra = sum(count for _a, count in counts)
    ranges: PageRanges = {}
    total = "{nb}"
    for _rendering in range(MAX_RENDERINGS):
        dividers = [Divider(a, count, ranges.get(a.id)) for a, count in counts]
        data, own = render(document(ranges), pieces, today, total, dividers)
        body = own - len(counts)
        found, found_total = page_ranges(body, counts), str(own + extra)
        if (found, found_total) == (ranges, total):
            break
        ranges, total = found, found_total
    # The stamps and the ranges returned follow the last rendering's pages. Its text agrees
    # with them once two renderings match (nearly always the second); should they still
    # differ after MAX_RENDERINGS (page numbers a digit longer moving a page break back
    # and forth), the numbers the dossier states could be a page off.
    return _assemble(data, body, readers, own + extra), page_ranges(body, counts)


def _assemble(
    data: bytes, body: int, readers: list[tuple[Attachment, PdfReader]], total: int
) -> bytes:
    """The dossier's pages with each piece's pages inserted after its divider, stamped."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(data))
    placed: list[tuple[PageObject, str]] = []
    index = body  # the first divider
    for attachment, reader in readers:
        index += 1
        for number, page in enumerate(reader.pages, start=1):
            added = writer.insert_page(page, index)
            if added.rotation % 360:
                added.transfer_rotation_to_content()
            index += 1
            placed.append((added, words.merged_stamp(attachment, number, index, total)))
    _stamp(placed)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _stamp(placed: list[tuple[PageObject, str]]) -> None:
    """Lay each text over the foot of its page, within the page's visible box."""
    from pypdf import PdfReader, Transformation

    boxes = [page.cropbox for page, _text in placed]
    sizes = [
        (float(box.width), float(box.height), text)
        for box, (_page, text) in zip(boxes, placed, strict=True)
    ]
    sheet = PdfReader(io.BytesIO(stamps(sizes)))
    for (page, _text), box, stamp in zip(placed, boxes, sheet.pages, strict=True):
        page.merge_transformed_page(
            stamp, Transformation().translate(float(box.left), float(box.bottom))
        )
