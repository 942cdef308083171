"""The ECC folder's dossier: merged PDF pieces that can be cited, pieces left out worded."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_export import attach, kettle, pdf_piece, pdf_text

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
