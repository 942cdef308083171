"""The backup archive of a data folder: made from bytes, checked whole before any write.

No disk here (`folder.py` reads and writes the data folder): `build` turns the files a
backup holds into the bytes of one zip file, `check` turns the bytes of an archive into
what may be restored, or refuses it with one line. Zip (standard library, deflate)
rather than tar: every system opens it without installing anything, Windows included.

Inside, at the top: `manifest.json` first, then the data folder's own paths, sorted:
`complaints/<id>.json`, `attachments/<id>/<sha256>.<ext>`, `drafts/new.json`,
`config.json` (docs/data-format.md). Timestamps come from the day of the backup and
every entry is `0600`, so the same data on the same day gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import _
from amazon_reclamation.records import is_valid_id, parse_complaint

if TYPE_CHECKING:
    import zipfile

    from amazon_reclamation.models import Complaint

FORMAT = "reclam-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CONFIG = "config.json"
DRAFT = "drafts/new.json"

MAX_ARCHIVE_BYTES = 2 * 1024**3  # the archive file itself
MAX_TOTAL_BYTES = 2 * 1024**3  # every entry, uncompressed
MAX_ENTRY_BYTES = 64 * 1024**2  # one evidence copy (an attachment is far smaller)
MAX_SMALL_BYTES = 5 * 1024**2  # the manifest, a draft, the settings
MAX_ENTRIES = 100_000
FILE_MODE = 0o100600  # a regular file, owner-only, in the zip's Unix attributes

_COMPLAINT = re.compile(r"complaints/([^/]+)")
_COPY = re.compile(r"attachments/([a-z0-9]{6})/([0-9a-f]{64})\.([A-Za-z0-9]{1,8})")


@dataclass(frozen=True)
class Entry:
    """One file of the data folder in the archive: its path there, its bytes.

    `unreadable`: a complaint file reclam could not read, kept as it is (it is the
    user's data): the manifest says so, and a restore puts it back as it was.
    """

    path: str
    data: bytes
    unreadable: bool = False


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_unreadable_name(name: str) -> bool:
    """A complaint file name that may be kept as it is: no folder, no control character."""
    return (
        name.endswith(".json")
        and not name.startswith(".")
        and len(name.encode("utf-8")) <= 255
        and not any(ch in name for ch in "/\\:")
        and all(ch.isprintable() for ch in name)
    )


# -- making an archive ---------------------------------------------------------------


def build(entries: list[Entry], *, today: date, version: str) -> bytes:
    """The zip bytes of `entries` and their manifest; the same input, the same bytes."""
    import io
    import zipfile

    from amazon_reclamation.models import SCHEMA_VERSION

    ordered = sorted(entries, key=lambda e: e.path)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "reclam_version": version,
        "schema_version": SCHEMA_VERSION,
        "date": today.isoformat(),
        "entries": [
            {"path": e.path, "size": len(e.data), "sha256": sha256(e.data)}
            | ({"unreadable": True} if e.unreadable else {})
            for e in ordered
        ],
    }
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    buffer = io.BytesIO()
    stamp = (today.year, today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in [(MANIFEST, manifest_bytes), *((e.path, e.data) for e in ordered)]:
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever system made it: the mode below is read
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


# -- checking an archive -------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """A complaint of the archive: its file's bytes and, unless unreadable, the record."""

    name: str  # the file name in complaints/
    data: bytes
    complaint: Complaint | None


@dataclass
class Checked:
    """What an archive holds, every entry checked: safe to restore."""

    manifest: dict[str, Any]
    records: list[Record] = field(default_factory=list)
    copies: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)  # id -> copies
    config: bytes | None = None
    draft: bytes | None = None


def bad_archive(reason: str) -> InvalidInput:
    return InvalidInput(
        _("Sauvegarde refusée, rien n'a été restauré : {reason}.").format(reason=reason)
    )


def check(data: bytes) -> Checked:
    """Everything an archive holds, once every check passed; `InvalidInput` otherwise.

    The zip opens; each entry is a plain file at a path reclam writes itself (no `..`,
    no absolute path or drive, no link, no folder, no duplicate); the manifest lists
    exactly the entries, with their sizes and SHA-256; every record validates under
    its file's id; every copy is its content's hash and belongs to a record.
    """
    import io
    import zipfile

    if len(data) > MAX_ARCHIVE_BYTES:
        raise bad_archive(_("le fichier est trop volumineux pour une sauvegarde reclam"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise bad_archive(
            _("ce n'est pas une archive zip lisible (tronquée ou abîmée ?)")
        ) from None
    _check_entries(infos)
    names = {info.filename: info for info in infos}
    if MANIFEST not in names:
        raise bad_archive(_("le manifeste manifest.json est absent"))
    manifest = _manifest(_read(archive, names[MANIFEST], MAX_SMALL_BYTES))
    listed = {item["path"]: item for item in manifest["entries"]}
    unlisted = sorted(set(names) - set(listed) - {MANIFEST})
    if unlisted:
        raise bad_archive(_("{path} n'est pas dans le manifeste").format(path=unlisted[0]))
    missing = sorted(set(listed) - set(names))
    if missing:
        raise bad_archive(_("{path} manque dans l'archive").format(path=missing[0]))
    contents: dict[str, bytes] = {}
    for path, item in listed.items():
        info = names[path]
        if info.file_size != item["size"]:
            raise bad_archive(_("{path} n'a pas la taille du manifeste").format(path=path))
        content = _read(archive, info, item["size"])
        if len(content) != item["size"] or sha256(content) != item["sha256"]:
            raise bad_archive(
                _("{path} ne correspond pas au manifeste (modifié ?)").format(path=path)
            )
        contents[path] = content
    return _sorted_out(manifest, listed, contents)


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    """Every entry a plain file at a known, safe path; sizes within the limits."""
    import stat

    if len(infos) > MAX_ENTRIES:
        raise bad_archive(_("trop d'entrées pour une sauvegarde reclam"))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if _is_unsafe(info.orig_filename) or name != info.orig_filename:
            raise bad_archive(
                _("l'entrée « {path} » sortirait du dossier de données").format(
                    path=_shown(info.orig_filename)
                )
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise bad_archive(_("l'entrée « {path} » est un lien").format(path=_shown(name)))
        if name in seen:
            raise bad_archive(_("l'entrée « {path} » est en double").format(path=_shown(name)))
        seen.add(name)
        if info.is_dir() or _kind(name) is None:
            raise bad_archive(
                _("l'entrée « {path} » n'est pas un fichier de reclam").format(path=_shown(name))
            )
        if info.flag_bits & 0x1:
            raise bad_archive(_("l'entrée « {path} » est chiffrée").format(path=_shown(name)))
        limit = MAX_ENTRY_BYTES if _kind(name) in ("copy", "unreadable") else MAX_SMALL_BYTES
        total += info.file_size
        if info.file_size > limit or total > MAX_TOTAL_BYTES:
            raise bad_archive(_("l'entrée « {path} » est trop grande").format(path=_shown(name)))


def _is_unsafe(name: str) -> bool:
    """A path that could leave the folder it is restored into, on any system."""
    parts = name.replace("\\", "/").split("/")
    return (
        not name
        or name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or "\\" in name
        or "\x00" in name
        or any(part in ("", ".", "..") for part in parts)
    )


def _shown(name: str) -> str:
    from amazon_reclamation.parsing import shown

    return shown(name, 80)


Kind = Literal["manifest", "config", "draft", "complaint", "unreadable", "copy"]


def _kind(name: str) -> Kind | None:
    """Which file of the data folder a path is; None for anything reclam does not write."""
    if name == MANIFEST:
        return "manifest"
    if name == CONFIG:
        return "config"
    if name == DRAFT:
        return "draft"
    if _COPY.fullmatch(name) and is_valid_id(name.split("/")[1]):
        return "copy"
    match = _COMPLAINT.fullmatch(name)
    if match is None or not is_unreadable_name(match.group(1)):
        return None
    return "complaint" if is_valid_id(match.group(1).removesuffix(".json")) else "unreadable"


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """An entry's bytes, never more than `limit` + 1 whatever its header says."""
    import zipfile
    import zlib

    try:
        with archive.open(info) as handle:
            return handle.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise bad_archive(
            _("l'entrée « {path} » est abîmée").format(path=_shown(info.filename))
        ) from None


def _manifest(data: bytes) -> dict[str, Any]:
    """The manifest, its shape checked (a newer format is named as such)."""
    from amazon_reclamation.models import SCHEMA_VERSION

    try:
        manifest = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise bad_archive(_("le manifeste n'est pas du JSON valable")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise bad_archive(_("ce n'est pas une sauvegarde reclam (manifeste inconnu)"))
    numbers = (manifest.get("format_version"), manifest.get("schema_version"))
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        raise bad_archive(_("le manifeste n'a pas de numéro de version valable"))
    if numbers[0] > FORMAT_VERSION or numbers[1] > SCHEMA_VERSION:  # type: ignore[operator]
        raise bad_archive(
            _("elle a été faite par une version plus récente de reclam ({version})").format(
                version=_shown(str(manifest.get("reclam_version")))
            )
        )
    entries = manifest.get("entries")
    if not isinstance(entries, list) or not all(_is_item(item) for item in entries):
        raise bad_archive(_("la liste des fichiers du manifeste n'est pas valable"))
    if len({item["path"] for item in entries}) != len(entries):
        raise bad_archive(_("le manifeste nomme un fichier deux fois"))
    return manifest


def _is_item(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("path"), str)
        and isinstance(item.get("size"), int)
        and not isinstance(item.get("size"), bool)
        and isinstance(item.get("sha256"), str)
        and item.get("unreadable", False) in (True, False)
    )


def _sorted_out(
    manifest: dict[str, Any], listed: dict[str, dict[str, Any]], contents: dict[str, bytes]
) -> Checked:
    """Records validated, copies matched to their records, settings and draft parsed."""
    checked = Checked(manifest)
    kept_as_is: set[str] = set()  # ids of the records kept unreadable: their copies go too
    references: dict[str, set[str]] = {}
    for path in sorted(contents):
        kind = _kind(path)
        name = path.removeprefix("complaints/")
        if kind == "unreadable" and not listed[path].get("unreadable"):
            raise bad_archive(_("{path} n'est pas un nom de réclamation").format(path=path))
        if kind == "unreadable" or (kind == "complaint" and listed[path].get("unreadable")):
            checked.records.append(Record(name, contents[path], None))
            kept_as_is.add(name.removesuffix(".json"))
        elif kind == "complaint":
            complaint = _validated(path, contents[path], name.removesuffix(".json"))
            checked.records.append(Record(name, contents[path], complaint))
            references[complaint.id] = {a.file for a in complaint.attachments if a.file}
        elif kind in ("config", "draft"):
            _json_object(path, contents[path])
            if kind == "config":
                checked.config = contents[path]
            else:
                checked.draft = contents[path]
    for path in sorted(contents):
        if _kind(path) != "copy":
            continue
        complaint_id, file_name = path.split("/")[1:]
        if sha256(contents[path]) != file_name.split(".")[0]:
            raise bad_archive(
                _("la copie {path} ne correspond pas à son empreinte").format(path=path)
            )
        if complaint_id not in kept_as_is and file_name not in references.get(complaint_id, ()):
            raise bad_archive(
                _("la copie {path} n'appartient à aucune réclamation").format(path=path)
            )
        checked.copies.setdefault(complaint_id, []).append((file_name, contents[path]))
    return checked


def _validated(path: str, data: bytes, file_id: str) -> Complaint:
    try:
        return parse_complaint(data.decode("utf-8"), file_id)
    except UnicodeDecodeError:
        reason = _("le fichier n'est pas en UTF-8")
    except ValueError as error:
        reason = str(error).splitlines()[0][:200] if str(error) else "?"
    raise bad_archive(
        _("la réclamation {path} n'est pas valable ({reason})").format(path=path, reason=reason)
    )


def _json_object(path: str, data: bytes) -> None:
    try:
        value = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise bad_archive(_("{path} n'est pas un objet JSON").format(path=path))


# -- merging -------------------------------------------------------------------------


def last_change(complaint: Complaint) -> datetime:
    """When a version of a complaint last changed: when reclam last wrote it, else (a record
    from before schema 4) the latest moment it records. A reopening or a removed attachment
    leaves no moment of its own: only `updated_at` sees them."""
    if complaint.updated_at is not None:
        return complaint.updated_at
    moments = [complaint.created_at]
    if complaint.closed_at is not None:
        moments.append(complaint.closed_at)
    moments += [contact.recorded_at for contact in complaint.contacts]
    moments += [attachment.added_at for attachment in complaint.attachments]
    return max(moments)


Choice = Literal["same", "archive", "existing"]


def newer(existing: Complaint, archived: Complaint) -> Choice:
    """Which version `--merge` keeps: the same record, or the one that changed last.

    On a tie between two different versions the existing one stays: nothing is replaced
    without a reason.
    """
    if existing.to_json_dict() == archived.to_json_dict():
        return "same"
    return "archive" if last_change(archived) > last_change(existing) else "existing"
