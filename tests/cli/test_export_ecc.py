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
    assert "Pièce 8 (abime.pdf) : PDF illisible" in line
    assert "format" not in line
    dossier = pdf_text((folder / f"01-reclam-{complaint.id}.pdf").read_bytes())
    assert "Pièce 8 (abime.pdf) : PDF illisible" in " ".join(dossier.split())


@pytest.mark.parametrize(
    ("name", "data"),
    [("lettre.docx", b"PK docx"), ("photo.webp", b"RIFF webp"), ("abime.pdf", b"%PDF-1.4 x")],
)
def test_the_dossier_states_facts_and_the_screen_says_what_to_do(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    tmp_path: Path,
    name: str,
    data: bytes,
) -> None:
    # Arrange: 7 office documents fill the files; the 8th piece is left out
    complaint = kettle(isolated_home)
    for n in range(7):
        attach(isolated_home, complaint.id, f"l{n}.docx", f"PK {n}".encode())
    attach(isolated_home, complaint.id, name, data)
    folder = tmp_path / "cec"

    # Act
    code, out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    # Assert: the dossier says the piece is not joined and why, and gives no instruction;
    # the screen gives the same fact and how to join the piece
    assert code == 0, err
    dossier = " ".join(pdf_text((folder / f"01-reclam-{complaint.id}.pdf").read_bytes()).split())
    screen = " ".join(out.split())
    fact = dossier.split(f"Pièce 8 ({name}) : ")[1].split(".")[0]
    assert "non joint" in fact
    assert f"Pièce 8 ({name}) : {fact}." in screen
    assert "Pour joindre la pièce 8, " in screen
    for advice in ("Pour joindre", "Envoyez", "onvertissez", "nregistrez", "xportez", "ournissez"):
        assert advice not in dossier


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


def test_a_merged_pdf_piece_can_be_found_and_cited(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: 7 PDFs fill the files; the 8th (2 pages) and the 9th (1 page) are merged
    from pypdf import PdfReader

    complaint = kettle(isolated_home)
    for n in range(7):
        attach(isolated_home, complaint.id, f"p{n}.pdf", pdf_piece(1, f"Piece {n}"))
    attach(isolated_home, complaint.id, "m07.pdf", pdf_piece(2, "Huitieme"))
    attach(isolated_home, complaint.id, "m08.pdf", pdf_piece(1, "Neuvieme"))
    folder = tmp_path / "cec"

    # Act
    code, out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    # Assert: a page names each piece before its pages, which carry their numbers
    assert code == 0, err
    data = (folder / f"01-reclam-{complaint.id}.pdf").read_bytes()
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]
    total = len(pages)
    eighth = next(i for i, text in enumerate(pages) if "Huitieme 1" in text) + 1
    ninth = next(i for i, text in enumerate(pages) if "Neuvieme 1" in text) + 1
    assert (ninth, total) == (eighth + 3, eighth + 3)
    assert "Pièce 8 : m07.pdf — 2 pages" in pages[eighth - 2]
    assert f"Ses pages sont les pages {eighth} à {eighth + 1} de ce dossier." in pages[eighth - 2]
    assert f"page {eighth - 1} / {total}" in pages[eighth - 2]
    assert "Pièce 9 : m08.pdf — 1 page" in pages[ninth - 2]
    assert f"Sa page est la page {ninth} de ce dossier." in pages[ninth - 2]
    assert f"Pièce 8, p. 1 — page {eighth} / {total}" in pages[eighth - 1]
    assert f"Pièce 8, p. 2 — page {eighth + 1} / {total}" in pages[eighth]
    assert f"Pièce 9, p. 1 — page {ninth} / {total}" in pages[ninth - 1]
    assert f"page 1 / {total}" in pages[0]
    # The list of pieces and the ECC file list in the dossier, and the screen, say where
    text = " ".join(pages)
    assert f"pages {eighth} à {eighth + 1}." in text.split("Pièce 8 : m07.pdf")[1]
    assert f"dont elle est la page {ninth}." in text
    screen = " ".join(out.split())
    assert "(m07.pdf) : ses pages sont ajoutées à la fin du dossier, dont elles sont" in screen
    assert f"les pages {eighth} à {eighth + 1}." in screen


def test_every_page_of_the_ecc_dossier_gives_its_own_position(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: a .docx and 10 PDFs of 1 to 3 pages: 6 are files, 4 are merged, each after
    # a divider page whose footer gave the number it would have had without the pieces
    import re

    from pypdf import PdfReader

    complaint = kettle(isolated_home)
    attach(isolated_home, complaint.id, "lettre.docx", b"PK docx")
    for n in range(10):
        attach(isolated_home, complaint.id, f"p{n}.pdf", pdf_piece(1 + n % 3, f"Piece {n}"))
    folder = tmp_path / "cec"

    # Act
    code, _out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    # Assert: every page's footer, the dossier's own and the pieces', says where it is
    assert code == 0, err
    reader = PdfReader(io.BytesIO((folder / f"01-reclam-{complaint.id}.pdf").read_bytes()))
    total = len(reader.pages)
    footers = [
        re.findall(rf"page (\d+) / {total}\b", " ".join(page.extract_text().split()))
        for page in reader.pages
    ]
    assert [numbers[-1:] for numbers in footers] == [[str(n)] for n in range(1, total + 1)]
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert sum("Les pages qui suivent sont celles de la pièce" in text for text in texts) == 4


def protected(data: bytes, user_password: str) -> bytes:
    """`data` encrypted as a bank does: an owner password, and a user password or none."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="banque")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_a_pdf_protected_by_an_owner_password_alone_is_merged(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: 7 PDFs fill the files; the 8th opens without a password, the 9th asks one
    complaint = kettle(isolated_home)
    for n in range(7):
        attach(isolated_home, complaint.id, f"p{n}.pdf", pdf_piece(1, f"Piece {n}"))
    attach(isolated_home, complaint.id, "releve.pdf", protected(pdf_piece(2, "Releve"), ""))
    attach(isolated_home, complaint.id, "secret.pdf", protected(pdf_piece(1, "Secret"), "x"))
    folder = tmp_path / "cec"

    # Act
    code, out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    # Assert: the statement's pages are in the dossier, stamped; the other is listed
    assert code == 0, err
    text = " ".join(pdf_text((folder / f"01-reclam-{complaint.id}.pdf").read_bytes()).split())
    assert "Releve 1" in text and "Releve 2" in text
    assert "Pièce 8, p. 2 — page" in text
    assert "Pièce 8 : releve.pdf — 2 pages" in text
    assert "Secret 1" not in text
    assert "Pièce 9 (secret.pdf) : PDF illisible" in text
    assert "(releve.pdf) : ses pages sont ajoutées" in " ".join(out.split())
