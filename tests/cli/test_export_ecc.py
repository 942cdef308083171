"""The ECC folder's dossier: merged PDF pieces that can be cited, pieces left out worded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_export import attach, export_pdf, image, kettle, pdf_piece, pdf_text

from helpers import run


def test_a_pdf_beyond_7_files_that_cannot_be_read_is_not_called_a_bad_format(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    for n in range(7):
        attach(isolated_home, complaint.id, f"p{n}.pdf", pdf_piece(1, f"Piece {n}"))
    attach(isolated_home, complaint.id, "abime.pdf", b"%PDF-1.4 this is not a PDF")
    folder = tmp_path / "cec"

    code, out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    assert code == 0, err
    line = next(line for line in out.splitlines() if "abime.pdf" in line)
    assert "ne parvient pas à lire ce PDF" in line
    assert "format non accepté" not in line
    dossier = pdf_text((folder / f"01-reclam-{complaint.id}.pdf").read_bytes())
    assert "ne parvient pas à lire ce PDF" in dossier.replace("\n", " ")


def test_an_image_keeps_a_short_caption_on_its_own_page(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: a tall photo whose note would fill half a page, then another photo
    from pypdf import PdfReader

    complaint = kettle(isolated_home)
    note = " ".join(f"détail{n}" for n in range(150)) + " FINDELANOTE"
    attach(isolated_home, complaint.id, "carton.jpg", image("jpg", (200, 30, 30), (300, 600)), note)
    attach(isolated_home, complaint.id, "etiquette.png", image("png", (30, 30, 200), (300, 600)))

    # Act
    data = export_pdf(capsys, tmp_path, complaint.id)

    # Assert: each page with images has each one's caption, and no caption runs onto a
    # page without images; the caption is cut, the whole note is in the list of pieces
    pages = [(len(page.images), page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]
    with_images = [text for count, text in pages if count]
    assert [count for count, _text in pages if count] == [2]
    assert "Pièce 1 : carton.jpg — détail0" in with_images[0]
    assert "Pièce 2 : etiquette.png" in with_images[0]
    assert "FINDELANOTE" not in with_images[0]
    assert "La note entière figure dans la liste des pièces." in with_images[0]
    assert "détail149" not in with_images[0]
    assert "FINDELANOTE" in "".join(text for count, text in pages if not count)
