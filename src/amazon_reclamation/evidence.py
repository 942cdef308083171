"""Which evidence files reclam keeps, recognised by their content: a table, as data.

Pure: no I/O and no wording. `evidence_files` reads the user's file and asks `judge()`
whether its name and first bytes (and, for text, whether the whole file is UTF-8 without
NUL) make an accepted evidence file; the answer is ids, worded by the caller.

A file is accepted when its extension is in `TYPES` **and** its content has that type's
signature: an `.exe` renamed `.pdf` is refused, and the refusal says what the content
looks like (`sniff()`), so the user knows what they picked. One exception: an image whose
content is another accepted image (a PNG saved as `.jpg`) is kept as what it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

HEAD_BYTES = 1024  # how much of a file `judge` and `sniff` look at

Family = Literal["image", "pdf", "email", "text", "office"]

# What a content can look like: an accepted type's id, or one of these.
Look = Literal[
    "jpeg",
    "png",
    "gif",
    "webp",
    "heif",
    "tiff",
    "bmp",
    "pdf",
    "ole",  # an old Office document (doc, xls, ppt): the OLE2 container
    "zip",  # a zip container: OOXML (docx, xlsx, pptx), ODF, or a plain archive
    "rtf",
    "text",
    "program",  # a Windows, Linux or macOS program
    "archive",  # gzip, 7-Zip, RAR, bzip2, xz
    "audio",
    "video",
    "unknown",
]


def _at(offset: int, *prefixes: bytes) -> Callable[[bytes], bool]:
    return lambda head: any(head[offset : offset + len(p)] == p for p in prefixes)


def _pdf(head: bytes) -> bool:
    # Readers accept a header anywhere in the first kilobyte (some generators put a
    # byte-order mark or a blank line before it).
    return b"%PDF-" in head[:HEAD_BYTES]


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


# The signatures, as (what the content is, how it begins). These hold even where the
# first bytes also read as text (a PDF's head often does).
SIGNATURES: tuple[tuple[Look, Callable[[bytes], bool]], ...] = (
    ("jpeg", _at(0, b"\xff\xd8\xff")),
    ("png", _at(0, b"\x89PNG\r\n\x1a\n")),
    ("gif", _at(0, b"GIF87a", b"GIF89a")),
    ("webp", _webp),
    ("heif", _at(4, b"ftypheic", b"ftypheix", b"ftypheif", b"ftypmif1", b"ftypmsf1")),
    ("tiff", _at(0, b"II*\x00", b"MM\x00*")),
    ("pdf", _pdf),
    ("ole", _at(0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")),
    ("zip", _at(0, b"PK\x03\x04")),
    ("rtf", _at(0, b"{\\rtf")),
)
# Short signatures that a text may begin with ("BMW", "#!", "MZ"): checked after text.
WEAK_SIGNATURES: tuple[tuple[Look, Callable[[bytes], bool]], ...] = (
    ("bmp", _at(0, b"BM")),
    # Not accepted, recognised only to say what a refused file is.
    ("program", _at(0, b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")),
    (
        "archive",
        _at(0, b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"BZh", b"\xfd7zXZ\x00"),
    ),
    ("audio", _at(0, b"ID3", b"OggS", b"fLaC", b"\xff\xfb", b"\xff\xf3")),
    ("video", _at(4, b"ftypisom", b"ftypmp4", b"ftypM4V", b"ftypqt", b"ftypavc1", b"ftyp3gp")),
)


@dataclass(frozen=True)
class EvidenceType:
    """One accepted kind of evidence file."""

    extension: str  # lower case, without the dot; the copy keeps it
    media_type: str
    family: Family
    looks: Look  # what its content must look like
    odf: str | None = None  # an ODF document names its media type in its first bytes


_ODF = "application/vnd.oasis.opendocument."
_OOXML = "application/vnd.openxmlformats-officedocument."

TYPES: tuple[EvidenceType, ...] = (
    EvidenceType("jpg", "image/jpeg", "image", "jpeg"),
    EvidenceType("jpeg", "image/jpeg", "image", "jpeg"),
    EvidenceType("png", "image/png", "image", "png"),
    EvidenceType("gif", "image/gif", "image", "gif"),
    EvidenceType("webp", "image/webp", "image", "webp"),
    EvidenceType("heic", "image/heic", "image", "heif"),
    EvidenceType("heif", "image/heif", "image", "heif"),
    EvidenceType("tif", "image/tiff", "image", "tiff"),
    EvidenceType("tiff", "image/tiff", "image", "tiff"),
    EvidenceType("bmp", "image/bmp", "image", "bmp"),
    EvidenceType("pdf", "application/pdf", "pdf", "pdf"),
    EvidenceType("eml", "message/rfc822", "email", "text"),
    EvidenceType("txt", "text/plain", "text", "text"),
    EvidenceType("doc", "application/msword", "office", "ole"),
    EvidenceType("xls", "application/vnd.ms-excel", "office", "ole"),
    EvidenceType("ppt", "application/vnd.ms-powerpoint", "office", "ole"),
    EvidenceType("docx", _OOXML + "wordprocessingml.document", "office", "zip"),
    EvidenceType("xlsx", _OOXML + "spreadsheetml.sheet", "office", "zip"),
    EvidenceType("pptx", _OOXML + "presentationml.presentation", "office", "zip"),
    EvidenceType("odt", _ODF + "text", "office", "zip", odf=_ODF + "text"),
    EvidenceType("ods", _ODF + "spreadsheet", "office", "zip", odf=_ODF + "spreadsheet"),
    EvidenceType("odp", _ODF + "presentation", "office", "zip", odf=_ODF + "presentation"),
    EvidenceType("rtf", "application/rtf", "office", "rtf"),
)
BY_EXTENSION = {t.extension: t for t in TYPES}
# An image's type from its content (the table's first extension for it: jpg, heic, tif).
BY_LOOK: dict[Look, EvidenceType] = {t.looks: t for t in reversed(TYPES) if t.family == "image"}
# Types whose content is text: the whole file must be UTF-8 without NUL.
TEXT_EXTENSIONS = frozenset(t.extension for t in TYPES if t.looks == "text")


def extension_of(name: str) -> str:
    """A file name's extension, lower case, without the dot ("" if it has none).

    Trailing dots and spaces are not part of it ("facture.pdf. " is a PDF's name, as
    Windows reads it), and an extension is letters and digits only.
    """
    stem, dot, extension = name.rstrip(". ").rpartition(".")
    extension = extension.lower()
    return extension if dot and stem and extension.isascii() and extension.isalnum() else ""


def sniff(head: bytes) -> Look:
    """What the first bytes of a file look like."""
    for look, matches in SIGNATURES:
        if matches(head):
            return look
    if is_text(head, complete=False):
        return "text"
    for look, matches in WEAK_SIGNATURES:
        if matches(head):
            return look
    return "unknown"


def is_text(data: bytes, *, complete: bool = True) -> bool:
    """UTF-8 without NUL; with `complete` False, a character cut at the end is fine."""
    if not data or b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return not complete and error.start >= len(data) - 3 and error.end == len(data)
    return True


def _odf_media_type(head: bytes) -> str | None:
    """The media type an ODF document stores first (`mimetype`, uncompressed), if any."""
    if head[30:38] != b"mimetype":
        return None
    value = head[38:120].split(b"PK", 1)[0]
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class Verdict:
    """`judge()`'s answer: the accepted type, or why not (and what the content looks like)."""

    type: EvidenceType | None
    refusal: Literal["extension", "content", "encoding"] | None
    looks: Look


def judge(name: str, head: bytes, *, utf8_text: bool) -> Verdict:
    """Whether a file called `name`, beginning with `head`, is an accepted evidence file.

    `utf8_text` says whether the whole file is UTF-8 without NUL (asked only for the text
    types: the head alone cannot tell).
    """
    looks = sniff(head)
    wanted = BY_EXTENSION.get(extension_of(name))
    if wanted is None:
        return Verdict(None, "extension", looks)
    if wanted.looks == "text":
        # A text may begin like anything ("%PDF-" quoted in a mail): the whole file decides.
        if utf8_text:
            return Verdict(wanted, None, "text")
        # No NUL and no known signature: a text in another encoding (Latin-1, UTF-16 has NULs).
        plain = looks == "text" or (looks == "unknown" and b"\x00" not in head)
        return Verdict(None, "encoding" if plain else "content", looks)
    if looks != wanted.looks:
        # A PNG saved as .jpg is still the photo: an image is kept as what its content is.
        actual = BY_LOOK.get(looks)
        if wanted.family == "image" and actual is not None and actual.family == "image":
            return Verdict(actual, None, looks)
        return Verdict(None, "content", looks)
    if wanted.odf is not None and _odf_media_type(head) != wanted.odf:
        return Verdict(None, "content", looks)
    return Verdict(wanted, None, looks)


def accepted_extensions() -> list[str]:
    """The accepted extensions, in the table's order (for the refusal's list)."""
    return [t.extension for t in TYPES]
