"""The dossier as a PDF (fpdf2, imported here only): A4, DejaVu Sans embedded, reproducible.

The cover page holds the title and the summary; the other sections follow, then the
texts of the text and e-mail pieces, then the jpg/png pieces, two to a page with their
captions, then one page before each PDF piece to merge (an ECC folder beyond its 8
files), which `merge.py` appends with pypdf. Every page says "page n / total"; a heading
goes to the next page rather than stand alone at the foot of one. The
same document, pieces and day give the same bytes: the creation date is the day, the
producer fixed, and fpdf2 derives the file id from the content.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amazon_reclamation.safe_text import clean_for_file
from amazon_reclamation.texts import dossier as words
from amazon_reclamation.texts import dossier_ecc
from amazon_reclamation.texts.dossier import Bullets, Entry, Paragraph, Rows, Table

if TYPE_CHECKING:
    from amazon_reclamation.models import Attachment
    from amazon_reclamation.texts.dossier import Block, Document, Section

FONTS = Path(__file__).resolve().parents[2] / "fonts"
FONT = "DejaVu"
PRODUCER = "reclam"
MARGIN = 15  # mm, on every side
IMAGE_BOX_HEIGHT = 105  # mm: two images and their captions fill an A4 page
CAPTION_SIZE = 9  # pt
CAPTION_LINES = 3  # at most, under an image: the whole note is in the list of pieces
HEADING_SIZE = 8.5  # pt: a table's headings and cells
KEEP_WITH_NEXT = 25  # mm: with less left under a heading, it starts the next page
LOOKAHEAD = 130  # mm: with less left, a heading is tried with the start of what follows
PARAGRAPH_START = 3  # lines of a paragraph that stay with its heading or its label


@dataclass(frozen=True)
class Pieces:
    """The evidence the PDF shows: images, the texts of text files, PDFs to append."""

    images: list[tuple[Attachment, bytes]] = field(default_factory=list)
    texts: list[tuple[Attachment, str | None]] = field(default_factory=list)
    merged: list[tuple[Attachment, bytes]] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # a line under a text piece's title


@dataclass(frozen=True)
class Divider:
    """The page before a merged PDF piece: the piece, its page count, where its pages are."""

    attachment: Attachment
    count: int
    pages: tuple[int, int] | None  # None: not known yet (the first rendering)


def _text(value: str) -> str:
    return clean_for_file(value)


def _new_pdf(total: str, made: str) -> Any:
    from fpdf import FPDF

    class Dossier(FPDF):
        # A page's number in the dossier when it is not its number here: a divider's,
        # the pages of the pieces before it being inserted later (`merge.py`).
        numbers: dict[int, int]

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, "", 8)
            self.set_text_color(90)
            self.cell(0, 5, _text(made), align="L")
            self.set_x(self.l_margin)
            page = words.page_number(self.numbers.get(self.page_no(), self.page_no()), total)
            self.cell(0, 5, page, align="R")
            self.set_text_color(0)

    pdf = Dossier(orientation="P", unit="mm", format="A4")
    pdf.numbers = {}
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN + 5)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_producer(PRODUCER)
    pdf.set_creator(PRODUCER)
    return pdf


def _write(pdf: Any, text: str, *, size: float = 10, bold: bool = False, indent: float = 0) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, size * 0.5, _text(text), align="L", new_x="LMARGIN", new_y="NEXT")


def fit_widths(
    widths: tuple[float, ...], minimums: tuple[float, ...], total: float
) -> tuple[float, ...]:
    """The columns' widths out of `total`, in the proportions of `widths`, each at least its
    minimum (the others share what is left, in their proportions). When the minimums alone
    exceed the total, the largest are let go, one by one, until the others fit: those
    columns keep their proportion of what is left (their longest word will be cut)."""
    kept = list(minimums)
    while sum(kept) > total:
        kept[kept.index(max(kept))] = 0
    share = sum(widths)
    fitted = [total * w / share for w in widths]
    fixed: set[int] = set()
    while short := [i for i, w in enumerate(fitted) if i not in fixed and w < kept[i]]:
        fixed.update(short)
        free = total - sum(kept[i] for i in fixed)
        rest = sum(w for i, w in enumerate(widths) if i not in fixed)
        fitted = [kept[i] if i in fixed else free * w / rest for i, w in enumerate(widths)]
    return tuple(fitted)


def _longest_word(pdf: Any, texts: list[str]) -> float:
    return max(
        (pdf.get_string_width(word) for text in texts for word in _text(text).split()),
        default=0,
    )


def _column_widths(
    pdf: Any, headers: list[str] | None, rows: list[list[str]], widths: tuple[int, ...]
) -> tuple[float, ...]:
    """Widths in which each column's longest word, in its heading and in its cells, fits
    on a line where the page allows: a text wraps at its spaces only ("Gesprächspartner",
    "in Bearbeitung", never "Gesprächspart-ner" or "Bearbeitu|ng" without a hyphen)."""
    room = 2 * pdf.c_margin + pdf.line_width + 0.5  # the cell's inner margins, the border
    minimums = []
    for index in range(len(widths)):
        cells = [row[index] for row in rows if index < len(row)]
        if headers is None:  # label and value: the labels in bold
            pdf.set_font(FONT, "B" if index == 0 else "", 10)
            longest = _longest_word(pdf, cells)
        else:
            pdf.set_font(FONT, "B", HEADING_SIZE)
            heading = _longest_word(pdf, [headers[index]])
            pdf.set_font(FONT, "", HEADING_SIZE)
            longest = max(heading, _longest_word(pdf, cells))
        minimums.append(longest + room)
    return fit_widths(widths, tuple(minimums), pdf.epw)


def _table(
    pdf: Any,
    headers: list[str] | None,
    rows: list[list[str]],
    widths: tuple[int, ...],
    shown: int | None = None,
) -> None:
    """The table, its columns fitted to all its rows; `shown`: only its first rows."""
    from fpdf.fonts import FontFace

    columns = _column_widths(pdf, headers, rows, widths)
    pdf.set_font(FONT, "", HEADING_SIZE if headers else 10)
    options: dict[str, Any] = {
        "col_widths": columns,
        "text_align": "LEFT",
        "line_height": pdf.font_size * 1.5,
        "first_row_as_headings": headers is not None,
    }
    if headers is None:
        options["borders_layout"] = "NONE"
        options["padding"] = (0.6, 1, 0.6, 0)
    else:
        options["headings_style"] = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    with pdf.table(**options) as table:
        if headers is not None:
            heading = table.row()
            for text in headers:
                heading.cell(_text(text))
        for values in rows[:shown]:
            row = table.row()
            for index, value in enumerate(values):
                style = FontFace(emphasis="BOLD") if headers is None and index == 0 else None
                row.cell(_text(value), style=style)


def _room(pdf: Any) -> float:
    """What is left of the page, in mm, above its foot."""
    return float(pdf.page_break_trigger - pdf.get_y())


def _height(
    pdf: Any, text: str, *, size: float = 10, bold: bool = False, indent: float = 0
) -> float:
    """The height `_write` gives `text`."""
    pdf.set_font(FONT, "B" if bold else "", size)
    width = pdf.epw - indent
    return float(pdf.multi_cell(width, size * 0.5, _text(text), dry_run=True, output="HEIGHT"))


def _start(pdf: Any, text: str, *, size: float = 10) -> str:
    """The first lines of a paragraph, those that stay with what is above it."""
    pdf.set_font(FONT, "", size)
    lines = pdf.multi_cell(pdf.epw, size * 0.5, _text(text), dry_run=True, output="LINES")
    return "\n".join(lines[:PARAGRAPH_START])


def _keep(pdf: Any, height: float) -> None:
    """A new page unless `height` fits on this one (a label kept with its first lines)."""
    if height > _room(pdf):
        pdf.add_page()


def _block(pdf: Any, block: Block, *, start: bool = False) -> None:
    """The block; `start`: only its beginning (its first row, item or lines)."""
    if isinstance(block, Rows):
        rows = [[label, value] for label, value in block.items]
        _table(pdf, None, rows, (34, 66), 1 if start else None)
    elif isinstance(block, Paragraph):
        if block.label:  # kept with the paragraph's first lines
            first = _height(pdf, _start(pdf, block.text))
            _keep(pdf, _height(pdf, block.label, bold=True) + first)
            _write(pdf, block.label, bold=True)
        _write(pdf, _start(pdf, block.text) if start else block.text)
    elif isinstance(block, Entry):
        lines = block.lines[:1] if start else block.lines
        first = _height(pdf, lines[0], size=9, indent=5) if lines else 0
        _keep(pdf, _height(pdf, block.title, bold=True) + first)
        _write(pdf, block.title, bold=True)
        for line in lines:
            _write(pdf, line, size=9, indent=5)
    elif isinstance(block, Bullets):
        for item in block.items[:1] if start else block.items:
            _write(pdf, "• " + item, size=9, indent=2)
    elif isinstance(block, Table):
        _table(pdf, block.headers, block.rows, block.widths, 1 if start else None)
    pdf.ln(2.5)


def _heading(pdf: Any, title: str) -> None:
    pdf.ln(2)
    _write(pdf, title, size=13, bold=True)
    pdf.set_draw_color(120)
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.ln(4)


def _fits(pdf: Any, section: Section) -> bool:
    """Whether the section's heading and the start of what follows it (the first row,
    item or lines; after a short note, the start of the next block too) fit on this page."""
    lead = section.blocks[: 2 if section.blocks and isinstance(section.blocks[0], Paragraph) else 1]
    with pdf.offset_rendering() as trial:
        _heading(trial, section.title)
        for block in lead:
            _block(trial, block, start=True)
    return not trial.page_break_triggered


def _section(pdf: Any, section: Section) -> None:
    """The section, its heading never alone at the foot of a page (keep with next)."""
    room = _room(pdf)
    if room < KEEP_WITH_NEXT or (room < LOOKAHEAD and not _fits(pdf, section)):
        pdf.add_page()
    _heading(pdf, section.title)
    for block in section.blocks:
        _block(pdf, block)


def _caption(pdf: Any, attachment: Attachment) -> list[str]:
    """The caption's lines as they fit under an image, cut to `CAPTION_LINES` lines."""
    width = pdf.w - 2 * MARGIN
    pdf.set_font(FONT, "", CAPTION_SIZE)
    text = _text(words.image_caption(attachment))
    lines: list[str] = pdf.multi_cell(width, 1, text, dry_run=True, output="LINES")
    if len(lines) <= CAPTION_LINES:
        return lines
    last = lines[CAPTION_LINES - 1].rstrip()
    while last and pdf.get_string_width(last + " …") > width:
        last = last[:-1].rstrip()
    return [*lines[: CAPTION_LINES - 1], last + " …", _text(words.caption_cut())]


def _images(pdf: Any, images: list[tuple[Attachment, bytes]]) -> None:
    """Each image with its caption under it, on one page; two to a page when they fit."""
    width = pdf.w - 2 * MARGIN
    line = CAPTION_SIZE * 0.5
    bottom = pdf.h - pdf.b_margin
    for index, (attachment, data) in enumerate(images):
        caption = _caption(pdf, attachment)
        needed = IMAGE_BOX_HEIGHT + 2 + len(caption) * line
        if index == 0 or pdf.get_y() + needed > bottom:
            pdf.add_page()
        top = pdf.get_y()
        try:
            pdf.image(
                io.BytesIO(data),
                x=MARGIN,
                y=top,
                w=width,
                h=IMAGE_BOX_HEIGHT,
                keep_aspect_ratio=True,
            )
        except Exception:
            pdf.set_xy(MARGIN, top)
            _write(pdf, words.unreadable_image())
        pdf.set_xy(MARGIN, top + IMAGE_BOX_HEIGHT + 2)
        pdf.set_font(FONT, "", CAPTION_SIZE)
        for text in caption:  # each line fits the width: nothing wraps or runs on
            pdf.cell(width, line, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)


def _texts(pdf: Any, texts: list[tuple[Attachment, str | None]], notes: dict[int, str]) -> None:
    for attachment, text in texts:
        pdf.add_page()
        _write(pdf, words.text_pages_title(attachment), size=12, bold=True)
        if attachment.id in notes:  # the files an e-mail carried, named
            _write(pdf, notes[attachment.id], size=9)
        pdf.ln(3)
        _write(pdf, text if text is not None else words.unreadable_text(), size=9)


def _dividers(pdf: Any, dividers: list[Divider]) -> None:
    """One page before each merged piece, numbered as it will be once the pieces' pages
    before it are inserted."""
    before = 0  # the pages of the pieces before this divider
    for divider in dividers:
        pdf.add_page()
        pdf.numbers[pdf.page_no()] = pdf.page_no() + before
        before += divider.count
        _write(pdf, dossier_ecc.merged_title(divider.attachment, divider.count), size=14, bold=True)
        pdf.ln(3)
        if divider.pages is not None:
            _write(pdf, dossier_ecc.merged_pages(divider.pages))
        _write(pdf, words.sha256_line(divider.attachment), size=9)
        pdf.ln(3)
        _write(pdf, dossier_ecc.merged_note(), size=9)


def render(
    document: Document,
    pieces: Pieces,
    today: dt.date,
    total: str = "{nb}",
    dividers: list[Divider] | None = None,
) -> tuple[bytes, int]:
    """The dossier's own pages, the dividers last, and how many pages they make."""
    pdf = _new_pdf(total, document.made)
    pdf.set_title(_text(document.title))
    pdf.set_creation_date(dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC))
    pdf.add_page()
    _write(pdf, document.title, size=17, bold=True)
    pdf.ln(1)
    _write(pdf, document.made, size=9)
    pdf.ln(4)
    first, *others = document.sections
    _section(pdf, first)
    pdf.add_page()
    for section in others:
        _section(pdf, section)
    _texts(pdf, pieces.texts, pieces.notes)
    _images(pdf, pieces.images)
    _dividers(pdf, dividers or [])
    return bytes(pdf.output()), pdf.pages_count


def render_pdf(document: Document, pieces: Pieces, today: dt.date) -> bytes:
    """The dossier's PDF with its images and texts (PDF pieces to merge: `merge.py`)."""
    return render(document, pieces, today)[0]


def stamps(texts: list[tuple[float, float, str]]) -> bytes:
    """A PDF of one page per (width, height in points, text): the text alone, small, at the
    foot on the right, to lay over a merged page of that size."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(auto=False)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.set_creation_date(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    margin = MARGIN * 72 / 25.4
    for width, height, text in texts:
        pdf.add_page(format=(width, height))
        pdf.set_font(FONT, "", 7)
        pdf.set_text_color(90)
        pdf.set_xy(margin, height - 9 * 72 / 25.4)  # 9 mm above the edge
        pdf.cell(width - 2 * margin, 9, _text(text), align="R")
    return bytes(pdf.output())
