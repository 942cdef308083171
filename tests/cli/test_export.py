"""What `reclam export` writes: the PDF dossier, Markdown, JSON and the folder for ECC Belgium."""

from __future__ import annotations

import hashlib
import io
import json
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import factories
from amazon_reclamation.models import Attachment, Complaint
from amazon_reclamation.store import Store
from helpers import one_error_line, run

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ORDER = factories.ORDER_NUMBER


def save(home: Path, complaint: Complaint) -> Complaint:
    """Write a complaint built with the factories into the test's data folder."""
    store = Store(home)
    store.create(lambda new_id: complaint.model_copy(update={"id": new_id}))
    return store.scan()[0][0]


def attach(home: Path, complaint_id: str, name: str, data: bytes, note: str | None = None) -> None:
    """Keep a copy of `data` as `reclam attach` does: the file under its hash, an entry."""
    store = Store(home)
    digest = hashlib.sha256(data).hexdigest()
    extension = name.rsplit(".", 1)[-1].lower()

    def add(complaint: Complaint) -> Complaint:
        entry = Attachment(
            id=len(complaint.attachments) + 1,
            name=name,
            file=f"{digest}.{extension}",
            sha256=digest,
            size=len(data),
            media_type={"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}.get(
                extension, "application/octet-stream"
            ),
            added_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
            note=note,
        )
        path = store.attachment_path(complaint.id, entry)
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return complaint.model_copy(update={"attachments": [*complaint.attachments, entry]})

    store.update(complaint_id, add)


def image(kind: str, colour: tuple[int, int, int], size: tuple[int, int] = (40, 30)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG" if kind == "jpg" else "PNG")
    return buffer.getvalue()


def pdf_piece(pages: int, words: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 11, 1, tzinfo=UTC))
    pdf.set_font("helvetica", size=12)
    for page in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, f"{words} {page + 1}")
    return bytes(pdf.output())


def kettle(home: Path, **fields: Any) -> Complaint:
    """Marie Dupont's damaged kettle, from a marketplace seller, three contacts logged out of
    order (the chat first, then the call before it, then the formal notice)."""
    contacts = [
        factories.contact(
            1,
            factories.at(12, 10, 14),
            "chat",
            "promise",
            agent="Lina",
            reference="R-77",
            summary="Remboursement accepté",
            promise="remboursement complet",
            follow_up=date(2026, 10, 20),
        ),
        factories.contact(2, factories.at(8, 10, 9), "phone", "no_answer", summary="Appel coupé"),
        factories.contact(
            3,
            factories.at(2, 11, 11),
            "letter",
            "pending",
            step="formal_notice",
            summary="Mise en demeure recommandée",
            reference="RR123456789BE",
            follow_up=date(2026, 11, 17),
        ),
    ]
    values: dict[str, Any] = {
        "delivery_date": date(2026, 10, 5),
        "item": "Bouilloire « inox » été",
        "customer_name": "Jörg Müller",
        "seller": {"kind": "marketplace", "name": "Küchenwelt GmbH", "country": "DE"},
        "facts": {"damage_timing": "on_arrival"},
        "desired_resolution": "refund",
        "description": "Arrivée cabossée, le couvercle ne ferme plus.",
        "contacts": contacts,
    }
    values.update(fields)
    return save(home, factories.complaint(**values))


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def image_count(data: bytes) -> int:
    from pypdf import PdfReader

    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


def export_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path, ref: str, *extra: str) -> bytes:
    target = tmp_path / f"dossier-{len(list(tmp_path.iterdir()))}.pdf"
    code, out, err = run(capsys, "export", ref, "--format", "pdf", "--out", str(target), *extra)
    assert code == 0, err
    assert out == ""
    return target.read_bytes()


# -- the PDF --------------------------------------------------------------------------


def test_the_pdf_holds_the_facts_and_the_contacts_in_the_order_they_happened(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    complaint = kettle(isolated_home)

    # Act
    data = export_pdf(capsys, tmp_path, complaint.id)

    # Assert
    text = pdf_text(data)
    assert data.startswith(b"%PDF-")
    assert ORDER in text
    assert "Bouilloire « inox » été" in text
    assert "Jörg Müller" in text and "Küchenwelt GmbH" in text
    assert "49,99 €" in text
    assert "Allemagne (DE)" in text  # where the seller is established
    call, chat, notice = (text.index(s) for s in ("Appel coupé", "Remboursement accepté", "RR12"))
    assert call < chat < notice
    assert "NON TENUE" in text  # the promise of 20 October was not kept
    assert "Mise en demeure recommandée" in text
    assert "Source" in text and "art. 1649bis" in text  # the legal guarantee, its basis
    assert "page 1 / " in text
    assert "Établi le 20/11/2026" in text


def an_email() -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Küchenwelt <service@kuechenwelt.example>"
    message["Subject"] = "Ihre Rücksendung"
    message["Date"] = "Mon, 26 Oct 2026 08:30:00 +0100"
    message.set_content("Wir lehnen die Erstattung ab.")
    message.add_attachment(
        b"%PDF-1.4", maintype="application", subtype="pdf", filename="etiquette.pdf"
    )
    return bytes(message)


@pytest.mark.parametrize("format_", ["pdf", "md"])
def test_an_email_piece_is_in_the_timeline_at_its_date_and_names_its_own_files(
    format_: str, capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: the seller's e-mail of 26 October, between the chat (12/10) and the notice
    complaint = kettle(isolated_home)
    attach(isolated_home, complaint.id, "reponse.eml", an_email())

    # Act
    if format_ == "pdf":
        text = " ".join(pdf_text(export_pdf(capsys, tmp_path, complaint.id)).split())
    else:
        code, out, err = run(capsys, "export", complaint.id, "--format", "md")
        assert code == 0, err
        text = " ".join(out.split())

    # Assert
    line = "objet « Ihre Rücksendung » — voir pièce 1."
    assert "E-mail du 26/10/2026, expéditeur : Küchenwelt" in text and line in text
    chat, email, notice = (text.index(s) for s in ("Remboursement accepté", line, "RR12"))
    assert chat < email < notice
    assert "Pièce jointe de l'e-mail : etiquette.pdf, non reprise ici." in text


def an_email_dated(date_header: str, subject: str) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Küchenwelt <service@kuechenwelt.example>"
    message["Subject"] = subject
    message["Date"] = date_header
    message.set_content("Wir prüfen Ihre Anfrage.")
    return bytes(message)


@pytest.fixture
def time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Sets the process's time zone (TZ and time.tzset), restored afterwards."""
    import time

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_an_email_is_shown_at_its_own_date_and_time_whatever_the_time_zone(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    tmp_path: Path,
    time_zone: Callable[[str], None],
) -> None:
    # Arrange: an e-mail written late on 25 October in New York (26 October in Brussels)
    complaint = kettle(isolated_home, contacts=[])
    data = an_email_dated("Sun, 25 Oct 2026 23:30:00 -0500", "Ihre Anfrage")
    attach(isolated_home, complaint.id, "reponse.eml", data)

    # Act
    time_zone("Europe/Brussels")
    in_brussels = export_pdf(capsys, tmp_path, complaint.id)
    time_zone("Asia/Tokyo")
    in_tokyo = export_pdf(capsys, tmp_path, complaint.id)

    # Assert: the same day in the line and in the time column, the same bytes
    assert in_brussels == in_tokyo
    text = " ".join(pdf_text(in_brussels).split())
    assert "25/10/2026 23:30 (UTC-05:00)" in text
    assert "E-mail du 25/10/2026, expéditeur : Küchenwelt" in text
    assert "26/10/2026" not in text


def test_an_email_dated_after_the_dossier_is_listed_not_in_the_timeline(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: the dossier is made on 20/11/2026; the e-mail's header says 21/11/2026
    complaint = kettle(isolated_home)
    data = an_email_dated("Sat, 21 Nov 2026 00:10:00 +0100", "Zukunft")
    attach(isolated_home, complaint.id, "futur.eml", data)

    # Act
    text = " ".join(pdf_text(export_pdf(capsys, tmp_path, complaint.id)).split())

    # Assert: not in the timeline, still a piece with its words printed
    assert "Établi le 20/11/2026" in text
    assert "E-mail du 21/11/2026" not in text
    assert "21/11/2026 00:10" not in text
    assert "futur.eml" in text and "Wir prüfen Ihre Anfrage." in text


def test_the_pdf_follows_the_language_asked(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)

    text = pdf_text(export_pdf(capsys, tmp_path, complaint.id, "--lang", "nl"))

    assert "Termijnen" in text and "Wettelijke garantie" in text  # the dossier is in Dutch
    assert "49,99 €" in text
    assert "Jörg Müller" in text


def test_table_headings_break_only_at_spaces_in_german(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)

    text = pdf_text(export_pdf(capsys, tmp_path, complaint.id, "--lang", "de"))

    # The timeline's headings, each word whole on its line (was "Gesprächspart" / "ner")
    assert "Gesprächspartner" in text and "Vorgangsnummer" in text


def test_columns_keep_their_proportions_around_the_widths_their_headings_need() -> None:
    from amazon_reclamation.ui.dossier.pdf import fit_widths

    assert fit_widths((1, 1, 2), (0, 0, 0), 100) == (25, 25, 50)
    assert fit_widths((1, 1, 2), (40, 0, 0), 100) == (40, 20, 40)
    # Both minimums cannot fit: the first largest is let go, the other kept
    assert fit_widths((1, 1, 2), (60, 60, 0), 100) == pytest.approx((40 / 3, 60, 80 / 3))
    assert fit_widths((1, 1), (150, 150), 100) == (50, 50)


def test_table_cells_break_only_at_spaces(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: the outcome "in Bearbeitung" in the narrow column of the German timeline,
    # a reference of 20 characters in another
    contact = factories.contact(
        1, factories.at(2, 11), "phone", "pending", reference="KUNDENDIENST-7781234"
    )
    complaint = kettle(isolated_home, contacts=[contact])

    # Act
    text = pdf_text(export_pdf(capsys, tmp_path, complaint.id, "--lang", "de"))

    # Assert: each word whole on its line (was "in Bearbeitu" / "ng")
    assert "Bearbeitung" in text
    assert "KUNDENDIENST-7781234" in text


def test_the_same_data_and_day_give_the_same_bytes(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    attach(isolated_home, complaint.id, "colis.jpg", image("jpg", (200, 30, 30)), note="Le carton")

    first = export_pdf(capsys, tmp_path, complaint.id)
    second = export_pdf(capsys, tmp_path, complaint.id)

    assert first == second
    assert b"/CreationDate (D:20261120000000Z)" in first or b"D:20261120" in first


def test_another_day_gives_another_dossier(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    complaint = kettle(isolated_home)
    first = export_pdf(capsys, tmp_path, complaint.id)
    monkeypatch.setenv("RECLAM_TODAY", "2026-11-21")

    second = export_pdf(capsys, tmp_path, complaint.id)

    assert first != second
    assert "Établi le 21/11/2026" in pdf_text(second)


def test_jpg_and_png_pieces_are_embedded_with_their_captions(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: two images, a PDF, an e-mail and a webp
    complaint = kettle(isolated_home)
    attach(isolated_home, complaint.id, "carton.jpg", image("jpg", (200, 30, 30)), note="Côté")
    attach(isolated_home, complaint.id, "facture.pdf", pdf_piece(1, "Facture"))
    attach(isolated_home, complaint.id, "écran.png", image("png", (30, 30, 200), (300, 600)))
    email = b"From: vendeur@example.com\nSubject: Votre demande\n\nNous remboursons sous 5 jours."
    attach(isolated_home, complaint.id, "reponse.eml", email)
    attach(isolated_home, complaint.id, "photo.webp", b"RIFF0000WEBPVP8 ")

    # Act
    data = export_pdf(capsys, tmp_path, complaint.id)

    # Assert
    text = pdf_text(data)
    assert image_count(data) == 2
    assert "Pièce 1 : carton.jpg — Côté" in text
    assert "Pièce 3 : écran.png" in text
    assert "Nous remboursons sous 5 jours." in text  # the e-mail's words
    for piece in ("facture.pdf", "photo.webp"):
        assert piece in text  # listed
    assert hashlib.sha256(pdf_piece(1, "Facture")).hexdigest() in text.replace("\n", "")


def test_a_changed_copy_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    attach(isolated_home, complaint.id, "carton.jpg", image("jpg", (200, 30, 30)))
    copy = next((isolated_home / "attachments" / complaint.id).iterdir())
    copy.write_bytes(copy.read_bytes() + b"x")

    code, out, err = run(capsys, "export", complaint.id, "--out", str(tmp_path / "d.pdf"))

    assert code == 1
    assert out == ""
    assert "SHA-256" in one_error_line(err)
    assert not (tmp_path / "d.pdf").exists()


def test_a_pdf_is_not_printed_on_a_terminal(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    complaint = kettle(isolated_home)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)

    code, out, err = run(capsys, "export", complaint.id)

    assert code == 2
    assert out == ""
    assert "--out" in one_error_line(err)


def test_a_pdf_goes_to_stdout_when_it_is_not_a_terminal(
    capfdbinary: pytest.CaptureFixture[bytes], isolated_home: Path
) -> None:
    from amazon_reclamation import cli

    complaint = kettle(isolated_home)

    code = cli.main(["export", complaint.id, "--format", "pdf"])

    captured = capfdbinary.readouterr()
    assert code == 0
    assert captured.out.startswith(b"%PDF-")
    assert ORDER in pdf_text(captured.out)


# -- Markdown and JSON ----------------------------------------------------------------


def test_markdown_escapes_what_the_user_wrote(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    complaint = kettle(
        isolated_home, description="*urgent* [lien](http://x) <b>gras</b>\x1b[31m\n# titre"
    )

    code, out, err = run(capsys, "export", complaint.id, "--format", "md")

    assert code == 0, err
    assert out.startswith(f"# Dossier de réclamation — commande {ORDER}\n")
    assert r"\*urgent\* \[lien\](<http://x>) \<b\>gras\</b\>" in out
    assert "\n\\# titre" in out
    assert "\x1b" not in out
    assert out.index("Appel coupé") < out.index("Remboursement accepté") < out.index("RR12")
    assert "## Mise en demeure" in out


def test_json_is_the_record_and_the_attachment_manifest(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    complaint = kettle(isolated_home)
    data = image("png", (0, 0, 0))
    attach(isolated_home, complaint.id, "preuve.png", data, note="capture")

    code, out, err = run(capsys, "export", complaint.id, "--format", "json")

    assert code == 0, err
    document = json.loads(out)
    assert document["complaint"]["order_number"] == ORDER
    assert len(document["complaint"]["contacts"]) == 3
    assert document["attachments"] == [
        {
            "id": 1,
            "name": "preuve.png",
            "file": f"{hashlib.sha256(data).hexdigest()}.png",
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "media_type": "image/png",
        }
    ]


# -- --out ----------------------------------------------------------------------------


def test_out_writes_an_owner_only_file_and_refuses_to_replace_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    target = tmp_path / "dossier.md"
    assert run(capsys, "export", complaint.id, "--format", "md", "--out", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    code, out, err = run(capsys, "export", complaint.id, "--format", "md", "--out", str(target))

    assert code == 2
    assert "--force" in one_error_line(err)
    forced = run(
        capsys, "export", complaint.id, "--format", "json", "--out", str(target), "--force"
    )
    assert forced[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["complaint"]["id"] == complaint.id


@pytest.mark.parametrize("where", ["link", "folder", "data folder"])
def test_out_refuses_what_is_not_a_new_file_outside_the_data_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path, where: str
) -> None:
    complaint = kettle(isolated_home)
    if where == "link":
        (tmp_path / "real.pdf").write_bytes(b"keep")
        target = tmp_path / "link.pdf"
        target.symlink_to(tmp_path / "real.pdf")
    elif where == "folder":
        target = tmp_path
    else:
        target = isolated_home / "dossier.pdf"

    code, out, err = run(capsys, "export", complaint.id, "--out", str(target), "--force")

    assert code == 2
    assert out == ""
    assert one_error_line(err).startswith("Erreur : --out")
    assert not (isolated_home / "dossier.pdf").exists()
    if where == "link":
        assert (tmp_path / "real.pdf").read_bytes() == b"keep"


def test_an_unknown_ref_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "export", "zzzzzz", "--out", str(tmp_path / "x.pdf"))

    assert code == 1
    assert out == ""
    one_error_line(err)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("value", ["docx", "ical", "PDF"])
def test_an_unknown_format_is_bad_usage(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, value: str
) -> None:
    complaint = kettle(isolated_home)

    code, out, err = run(capsys, "export", complaint.id, "--format", value)

    assert code == 2
    assert out == ""
    assert "pdf, md, json, ecc ou ics" in one_error_line(err)


# -- the folder for ECC Belgium --------------------------------------------------------


def mixed_pieces(home: Path, complaint_id: str, count: int) -> None:
    """`count` pieces cycling through pdf, jpg, pdf, docx, pdf, txt, pdf and webp."""
    for n in range(count):
        kind = ("pdf", "jpg", "pdf", "docx", "pdf", "txt", "pdf", "webp")[n % 8]
        if kind in ("jpg", "png"):
            data = image(kind, (n * 20 % 256, 100, 50))
        elif kind == "pdf":
            data = pdf_piece(1 + n % 3, f"Piece {n}")
        else:
            data = f"piece {n} {kind}".encode()
        attach(home, complaint_id, f"Pièce n°{n} été.{kind}", data)


@pytest.mark.parametrize("count", [0, 3, 12])
def test_an_ecc_folder_never_holds_more_than_8_files(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path, count: int
) -> None:
    # Arrange
    complaint = kettle(isolated_home)
    mixed_pieces(isolated_home, complaint.id, count)
    folder = tmp_path / "cec"

    # Act
    code, out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    # Assert
    assert code == 0, err
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) <= 8
    assert files[0] == f"01-reclam-{complaint.id}.pdf"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE((folder / f).stat().st_mode) == 0o600 for f in files)
    assert all(f.rsplit(".", 1)[1] in ("pdf", "doc", "docx", "jpg", "png") for f in files)
    for name in files[1:]:  # each copy is its piece, byte for byte, and its hash is shown
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        assert f"{name}  SHA-256 {digest}" in out
    dossier = (folder / files[0]).read_bytes()
    text = pdf_text(dossier).replace("\n", " ")
    assert "Fichiers transmis au CEC Belgique" in text
    if count == 12:
        assert len(files) == 8
        # The 2 docx and 5 of the 6 PDFs are files; the last PDF (n = 10, two pages) is
        # appended, the 2 images are pages of the dossier, the text's words too.
        assert "Piece 10 1" in text and "Piece 10 2" in text
        assert "piece 5 txt" in text
        assert image_count(dossier) == 2
        assert "webp" in out and "convertissez" in out


def test_an_ecc_folder_names_its_copies_plainly(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    attach(isolated_home, complaint.id, "Facture d'été (Amazon).PDF", pdf_piece(1, "Facture"))
    attach(isolated_home, complaint.id, "../../etc/passwd.jpg", image("jpg", (1, 2, 3)))
    folder = tmp_path / "cec"

    code, _out, err = run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))

    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == [
        f"01-reclam-{complaint.id}.pdf",
        "02-facture-d-ete-amazon.pdf",
        "03-etc-passwd.jpg",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cec", "reclam-home"]


def test_an_ecc_export_is_reproducible(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    mixed_pieces(isolated_home, complaint.id, 12)
    first, second = tmp_path / "a", tmp_path / "b"

    for folder in (first, second):
        assert run(capsys, "export", complaint.id, "--format", "ecc", "--out", str(folder))[0] == 0

    assert [p.read_bytes() for p in sorted(first.iterdir())] == [
        p.read_bytes() for p in sorted(second.iterdir())
    ]


def test_an_ecc_folder_must_be_new_or_empty(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    complaint = kettle(isolated_home)
    folder = tmp_path / "cec"
    args = ["export", complaint.id, "--format", "ecc", "--out", str(folder)]
    assert run(capsys, *args)[0] == 0

    code, _out, err = run(capsys, *args)
    assert code == 2
    assert "n'est pas vide" in one_error_line(err)
    assert run(capsys, *args, "--force")[0] == 0  # a previous export is replaced

    (folder / "mes notes.txt").write_text("à garder", encoding="utf-8")
    code, _out, err = run(capsys, *args, "--force")
    assert code == 2
    assert (folder / "mes notes.txt").read_text(encoding="utf-8") == "à garder"


def test_ecc_needs_out(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    complaint = kettle(isolated_home)

    code, out, err = run(capsys, "export", complaint.id, "--format", "ecc")

    assert code == 2
    assert "--out" in one_error_line(err)


def test_a_contact_is_shown_at_the_time_it_was_recorded_whatever_the_time_zone(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    tmp_path: Path,
    time_zone: Callable[[str], None],
) -> None:
    # Arrange: a call logged at 14:30 Brussels time (its offset is stored with it)
    complaint = kettle(isolated_home, contacts=[])
    time_zone("Europe/Brussels")
    code, _out, err = run(
        capsys, "log", complaint.id, "--channel", "phone", "--outcome", "no_answer",
        "--at", "12/11/2026 14:30",
    )  # fmt: skip
    assert code == 0, err

    # Act
    in_brussels = export_pdf(capsys, tmp_path, complaint.id)
    time_zone("Asia/Tokyo")
    in_tokyo = export_pdf(capsys, tmp_path, complaint.id)

    # Assert
    assert in_brussels == in_tokyo
    assert "12/11/2026 14:30" in " ".join(pdf_text(in_tokyo).split())
