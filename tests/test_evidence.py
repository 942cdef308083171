"""The table of accepted evidence files: each type recognised by its content, not its name."""

from __future__ import annotations

import pytest

from amazon_reclamation import evidence

# The first bytes of a real file of each kind (enough for each signature).
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
GIF = b"GIF89a\x01\x00\x01\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"
TIFF_LE = b"II*\x00\x08\x00\x00\x00"
TIFF_BE = b"MM\x00*\x00\x00\x00\x08"
BMP = b"BM\x36\x00\x00\x00\x00\x00\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"
OOXML = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 16 + b"[Content_Types].xml"
RTF = b"{\\rtf1\\ansi\\deff0 Bonjour}"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
ELF = b"\x7fELF\x02\x01\x01\x00"
GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00"
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"


def odf(media_type: str) -> bytes:
    """An ODF document's head: its first entry, stored, is `mimetype`."""
    return b"PK\x03\x04" + b"\x00" * 26 + b"mimetype" + media_type.encode() + b"PK\x03\x04"


@pytest.mark.parametrize(
    ("name", "head", "media_type"),
    [
        ("photo.jpg", JPEG, "image/jpeg"),
        ("PHOTO.JPEG", JPEG, "image/jpeg"),
        ("capture.png", PNG, "image/png"),
        ("anim.gif", GIF, "image/gif"),
        ("image.webp", WEBP, "image/webp"),
        ("IMG_0001.HEIC", HEIC, "image/heic"),
        ("scan.tif", TIFF_LE, "image/tiff"),
        ("scan.tiff", TIFF_BE, "image/tiff"),
        ("vieux.bmp", BMP, "image/bmp"),
        ("facture.pdf", PDF, "application/pdf"),
        ("lettre.doc", OLE, "application/msword"),
        ("tableau.xls", OLE, "application/vnd.ms-excel"),
        (
            "lettre.docx",
            OOXML,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "lettre.odt",
            odf("application/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text",
        ),
        ("lettre.rtf", RTF, "application/rtf"),
        (
            "mail.eml",
            b"From: service@amazon.com.be\r\nSubject: Remboursement\r\n",
            "message/rfc822",
        ),
        ("notes.txt", "Appel du 12/11 : « remboursé » €".encode(), "text/plain"),
    ],
)
def test_each_accepted_type_is_recognised_by_its_content(
    name: str, head: bytes, media_type: str
) -> None:
    # Act
    verdict = evidence.judge(name, head, utf8_text=evidence.is_text(head))

    # Assert
    assert verdict.refusal is None
    assert verdict.type is not None
    assert verdict.type.media_type == media_type


@pytest.mark.parametrize(
    ("name", "head", "looks"),
    [
        ("facture.pdf", EXE, "program"),  # an .exe renamed .pdf
        ("photo.jpg", ELF, "program"),
        ("facture.pdf", GZIP, "archive"),
        ("lettre.docx", PDF, "pdf"),
        ("notes.txt", PNG, "png"),
        ("video.jpg", MP4, "video"),
        ("lettre.odt", odf("application/vnd.oasis.opendocument.spreadsheet"), "zip"),
        ("photo.heic", b"\x00\x01\x02\x03 random bytes", "unknown"),
    ],
)
def test_content_that_does_not_match_its_extension_is_refused_saying_what_it_looks_like(
    name: str, head: bytes, looks: str
) -> None:
    # Act
    verdict = evidence.judge(name, head, utf8_text=evidence.is_text(head))

    # Assert
    assert (verdict.type, verdict.refusal, verdict.looks) == (None, "content", looks)


def test_an_image_saved_under_another_image_extension_is_kept_as_what_it_is() -> None:
    # Act: a screenshot (PNG) named .jpg
    verdict = evidence.judge("capture.jpg", PNG, utf8_text=False)

    # Assert
    assert verdict.type is not None
    assert (verdict.type.extension, verdict.type.media_type) == ("png", "image/png")


@pytest.mark.parametrize("name", ["setup.exe", "archive.zip", "film.mp4", "sans-extension", ".png"])
def test_an_extension_outside_the_table_is_refused(name: str) -> None:
    verdict = evidence.judge(name, PNG, utf8_text=False)
    assert (verdict.type, verdict.refusal) == (None, "extension")


def test_a_text_that_is_not_utf8_is_refused_as_an_encoding_problem() -> None:
    # Arrange: Latin-1, as an old Windows editor saves it
    head = "Réclamation du 12/11".encode("latin-1")

    # Act
    verdict = evidence.judge("notes.txt", head, utf8_text=False)

    # Assert
    assert (verdict.type, verdict.refusal) == (None, "encoding")


@pytest.mark.parametrize("text", ["BMW : facture du garage", "MZ-1 : référence", "#!important"])
def test_a_text_that_begins_like_a_short_signature_is_still_text(text: str) -> None:
    # Act
    head = text.encode()
    verdict = evidence.judge("notes.txt", head, utf8_text=True)

    # Assert
    assert evidence.sniff(head) == "text"
    assert verdict.type is not None
    assert verdict.type.extension == "txt"


def test_a_pdf_header_after_a_few_bytes_is_still_a_pdf() -> None:
    # Some generators put a blank line or a byte-order mark first; readers accept it.
    assert evidence.sniff(b"\xef\xbb\xbf\r\n" + PDF) == "pdf"


def test_a_text_with_a_nul_byte_is_not_text() -> None:
    assert evidence.is_text(b"abc\x00def") is False
    assert evidence.is_text("éèà".encode()) is True
    assert evidence.is_text("é".encode()[:1]) is False  # cut in the middle of a character
    assert evidence.is_text("é".encode()[:1], complete=False) is True


def test_every_extension_appears_once_and_names_a_media_type() -> None:
    extensions = [t.extension for t in evidence.TYPES]
    assert len(extensions) == len(set(extensions))
    assert set(extensions) == {
        "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "tif", "tiff", "bmp", "pdf",
        "eml", "txt", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
    }  # fmt: skip
    assert all("/" in t.media_type for t in evidence.TYPES)


@pytest.mark.parametrize(
    ("name", "extension"),
    [("photo.JPG", "jpg"), ("archive.tar.gz", "gz"), ("sans", ""), (".bashrc", ""), ("a.", "")],
)
def test_extension_of(name: str, extension: str) -> None:
    assert evidence.extension_of(name) == extension


@pytest.mark.parametrize(
    ("name", "extension"),
    [("facture.pdf", "pdf"), ("facture.PDF. ", "pdf"), ("photo.jpg...", "jpg"), ("a.p-d", ""),
     ("sans-extension", ""), (".png", ""), ("x. ", "")],
)  # fmt: skip
def test_the_extension_ignores_trailing_dots_and_spaces(name: str, extension: str) -> None:
    assert evidence.extension_of(name) == extension
