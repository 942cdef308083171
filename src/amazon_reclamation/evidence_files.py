"""The user's evidence files: each checked before any is copied, then copied atomically.

`open_sources` opens every file a user gives `reclam attach`, refuses what is not a
non-empty regular file under `files.MAX_ATTACHMENT_BYTES` of an accepted type (the
table of `evidence.py`, by content), and keeps each one open with its SHA-256. The store
then calls `copy_into` under its lock: the copy is hashed again as it is written, so a
file changed in between is noticed rather than kept under a wrong hash. Knows no rules
and no complaint.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from amazon_reclamation import evidence
from amazon_reclamation.errors import InvalidInput, StorageError
from amazon_reclamation.files import (
    TEMP_SUFFIX,
    fsync_dir,
    interrupt_deferred,
    os_error_reason,
)
from amazon_reclamation.i18n import N_, _

if TYPE_CHECKING:
    from amazon_reclamation.models import Attachment

CHUNK = 1 << 20

CopyState = Literal["ok", "missing", "changed", "no_copy"]

# What a refused content looks like, in a few words (`evidence.Look`).
LOOKS: dict[evidence.Look, str] = {
    "jpeg": N_("une image JPEG"),
    "png": N_("une image PNG"),
    "gif": N_("une image GIF"),
    "webp": N_("une image WebP"),
    "heif": N_("une photo HEIC"),
    "tiff": N_("une image TIFF"),
    "bmp": N_("une image BMP"),
    "pdf": N_("un document PDF"),
    "ole": N_("un ancien document Office (doc, xls ou ppt)"),
    "zip": N_("une archive zip ou un document Office (docx, xlsx, odt …)"),
    "rtf": N_("un document RTF"),
    "text": N_("du texte"),
    "program": N_("un programme ou un script"),
    "archive": N_("une archive compressée"),
    "audio": N_("un enregistrement audio"),
    "video": N_("une vidéo"),
    "unknown": N_("des données d'un type inconnu"),
}


@dataclass
class Source:
    """A user's file, checked and still open: what will be copied, and its fingerprint."""

    path: Path
    fd: int
    size: int
    sha256: str
    type: evidence.EvidenceType

    @property
    def name(self) -> str:
        """The original base name, as the user knew it."""
        return self.path.name

    @property
    def file(self) -> str:
        """The copy's name in the complaint's folder: `<sha256>.<extension>`."""
        return f"{self.sha256}.{self.type.extension}"


@contextlib.contextmanager
def open_sources(paths: list[Path]) -> Iterator[list[Source]]:
    """Every file checked and open, or an `InvalidInput` for the first that is refused.

    Nothing is copied here: a refusal leaves the data folder as it was.
    """
    sources: list[Source] = []
    try:
        for path in paths:
            sources.append(_open_source(path))
        yield sources
    finally:
        for source in sources:
            os.close(source.fd)


def _open_source(path: Path) -> Source:
    # Follows a link (a photo linked from elsewhere is fine), then the target must be a
    # regular file: never a folder, a pipe or a device.
    try:
        before = path.stat()
    except FileNotFoundError:
        raise InvalidInput(_("{path} : fichier introuvable.").format(path=path)) from None
    except OSError as error:
        raise _unreadable(path, error) from None
    _check_kind(path, before)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _unreadable(path, error) from None
    try:
        info = os.fstat(fd)
        _check_kind(path, info)  # replaced between the two looks
        return _fingerprint(path, fd, info.st_size)
    except BaseException:
        os.close(fd)
        raise


def _unreadable(path: Path, error: OSError) -> InvalidInput:
    return InvalidInput(
        _("{path} : fichier illisible ({reason}).").format(path=path, reason=os_error_reason(error))
    )


def _check_kind(path: Path, info: os.stat_result) -> None:
    from amazon_reclamation.files import MAX_ATTACHMENT_BYTES

    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput(
            _("{path} est un dossier ; donnez les fichiers qu'il contient.").format(path=path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(
            _("{path} n'est pas un fichier ordinaire ; reclam n'en garde pas de copie.").format(
                path=path
            )
        )
    if info.st_size == 0:
        raise InvalidInput(_("{path} est vide ; rien à garder.").format(path=path))
    if info.st_size > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(_too_large(path, info.st_size))


def _too_large(path: Path, size: int) -> str:
    from amazon_reclamation import fmt
    from amazon_reclamation.files import MAX_ATTACHMENT_BYTES

    return _(
        "{path} est trop volumineux ({size} ; maximum {limit}) ; réduisez la photo ou "
        "enregistrez le document en PDF."
    ).format(path=path, size=fmt.file_size(size), limit=fmt.file_size(MAX_ATTACHMENT_BYTES))


def _fingerprint(path: Path, fd: int, size: int) -> Source:
    """Read the whole file once: its hash, its head, and whether it is UTF-8 text."""
    from amazon_reclamation.files import MAX_ATTACHMENT_BYTES

    digest = hashlib.sha256()
    head = b""
    total = 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    # Only a text type needs the whole file read as UTF-8 (the head cannot tell).
    utf8_text = evidence.extension_of(path.name) in evidence.TEXT_EXTENSIONS
    try:
        while chunk := os.read(fd, CHUNK):
            total += len(chunk)
            if total > MAX_ATTACHMENT_BYTES:  # grew while being read
                raise InvalidInput(_too_large(path, total))
            digest.update(chunk)
            if len(head) < evidence.HEAD_BYTES:
                head += chunk[: evidence.HEAD_BYTES - len(head)]
            if utf8_text:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8_text = False
                utf8_text = utf8_text and b"\x00" not in chunk
        if utf8_text:
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        utf8_text = False
    except OSError as error:
        raise _unreadable(path, error) from None
    if total == 0:
        raise InvalidInput(_("{path} est vide ; rien à garder.").format(path=path))
    verdict = evidence.judge(path.name, head, utf8_text=utf8_text)
    if verdict.type is None:
        raise InvalidInput(_refusal(path, verdict))
    return Source(path, fd, total, digest.hexdigest(), verdict.type)


def _refusal(path: Path, verdict: evidence.Verdict) -> str:
    extension = evidence.extension_of(path.name)
    if verdict.refusal == "encoding":
        return _(
            "{path} n'est pas un texte en UTF-8 ; enregistrez-le en UTF-8 ou en PDF, puis "
            "réessayez."
        ).format(path=path)
    if verdict.refusal == "content":
        return _(
            "{path} porte l'extension .{extension}, mais son contenu ressemble à {looks} ; "
            "reclam ne le garde pas."
        ).format(path=path, extension=extension, looks=_(LOOKS[verdict.looks]))
    images = ", ".join(t.extension for t in evidence.TYPES if t.family == "image")
    office = ", ".join(t.extension for t in evidence.TYPES if t.family == "office")
    if not extension:
        return _(
            "{path} n'a pas d'extension ; reclam garde une image ({images}), un PDF, un "
            "e-mail (eml), un texte (txt) ou un document ({office})."
        ).format(path=path, images=images, office=office)
    return _(
        "{path} : les fichiers .{extension} ne sont pas acceptés ; reclam garde une image "
        "({images}), un PDF, un e-mail (eml), un texte (txt) ou un document ({office})."
    ).format(path=path, extension=extension[:10], images=images, office=office)


# -- the copy in the data folder ------------------------------------------------------


def check_folder(folder: Path) -> None:
    """A complaint's evidence folder is a real folder, or not there yet: never a link."""
    try:
        info = folder.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(
            _("Dossier inaccessible : {path} ({reason}).").format(
                path=folder, reason=os_error_reason(error)
            )
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(
            _(
                "{path} n'est pas un dossier (lien ou fichier ?) ; reclam n'y copie rien. "
                "Supprimez-le s'il ne vous sert pas."
            ).format(path=folder)
        )


def copy_into(source: Source, target: Path) -> None:
    """Copy `source` to `target` atomically (temporary file beside it, fsync, rename), 0600.

    The content is hashed again as it is copied: a file changed since it was checked is
    refused. Raises `StorageError` (a `ReclamError`); no temporary file is left.
    """
    fd, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
    )
    temp = Path(temp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            os.lseek(source.fd, 0, os.SEEK_SET)
            while chunk := _read_source(source):
                digest.update(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if digest.hexdigest() != source.sha256:
            raise StorageError(
                _("{path} a changé pendant la copie ; rien n'est gardé, réessayez.").format(
                    path=source.path
                )
            )
        with interrupt_deferred():
            temp.replace(target)
    except OSError as error:
        raise StorageError(
            _("Impossible de copier {name} dans {path} : {reason}.").format(
                name=source.name, path=target.parent, reason=os_error_reason(error)
            )
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    fsync_dir(target.parent)


def _read_source(source: Source) -> bytes:
    try:
        return os.read(source.fd, CHUNK)
    except OSError as error:
        raise StorageError(
            _("Impossible de lire {path} : {reason}.").format(
                path=source.path, reason=os_error_reason(error)
            )
        ) from None


def copy_state(path: Path, size: int | None, sha256: str, *, full: bool) -> CopyState:
    """Whether a kept copy is still there and the same: its size, or (`full`) its hash."""
    try:
        info = path.lstat()
    except OSError:
        return "missing"
    if not stat.S_ISREG(info.st_mode):
        return "missing"
    if info.st_size != size:
        return "changed"
    if not full:
        return "ok"
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        return "changed" if error.errno == errno.ELOOP else "missing"
    try:
        while chunk := os.read(fd, CHUNK):
            digest.update(chunk)
    except OSError:
        return "changed"
    finally:
        os.close(fd)
    return "ok" if digest.hexdigest() == sha256 else "changed"


def read_kept(path: Path | None, attachment: Attachment) -> bytes | None:
    """A kept copy's bytes, checked against its SHA-256; None when there is no copy.

    A copy that is a link, not a regular file, or whose content changed is refused
    (`CorruptRecord`): a dossier never vouches for a file that is not the one attached.
    """
    from amazon_reclamation.errors import CorruptRecord
    from amazon_reclamation.files import MAX_ATTACHMENT_BYTES, read_regular

    if path is None:
        return None
    try:
        data = read_regular(path, MAX_ATTACHMENT_BYTES)[0]
    except FileNotFoundError:
        return None
    except ValueError as error:
        raise CorruptRecord(
            _("Impossible de lire {path} : {reason}.").format(path=path, reason=error)
        ) from None
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise CorruptRecord(
            _(
                "La copie de la pièce {n} ({path}) a changé depuis son ajout : son empreinte "
                "SHA-256 ne correspond plus. Rien n'a été exporté."
            ).format(n=attachment.id, path=path)
        )
    return data
