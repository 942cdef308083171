"""The data folder as a whole: what `backup` reads, `restore` writes and `purge` removes.

Each runs under the store's lock, so that a backup is one consistent moment of the
folder, and a restore checks what is there and writes in the same hold. Only the files
reclam writes itself are read, written or removed (the layout of `store.py`): anything
else in the data folder is left where it is and named. The archive format and its
checks are `archive.py`; nothing here decides what a record means, except which of two
versions of a complaint changed last (`archive.newer`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from amazon_reclamation import archive
from amazon_reclamation.errors import ReclamError, StorageError
from amazon_reclamation.files import (
    TEMP_SUFFIX,
    atomic_write_text,
    fsync_dir,
    make_private_dirs,
    read_regular,
    storage_error,
)
from amazon_reclamation.i18n import _, ngettext
from amazon_reclamation.records import is_valid_id, parse_complaint
from amazon_reclamation.settings import CONFIG_NAME

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.store import Store

_COPY_NAME = re.compile(r"[0-9a-f]{64}\.[A-Za-z0-9]{1,8}")
INDEX_SUFFIXES = ("", "-journal", "-wal", "-shm")


def read_bytes(path: Path, limit: int) -> bytes:
    """A regular file's bytes (never through a link, never more than `limit`).

    Raises FileNotFoundError if it is gone, ValueError with the reason otherwise.
    """
    return read_regular(path, limit)[0]


def _names(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of a folder, sorted by name (none if it is absent or not a folder)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        raise storage_error(
            _("Impossible de lire le dossier {path} : {reason}."), folder, error
        ) from None


def _real_folder(path: Path) -> bool:
    """A folder itself, not a link to one (a purge never follows a link)."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


# -- backup --------------------------------------------------------------------------


@dataclass
class Gathered:
    """The files a backup holds, and those it had to leave out (with the reason)."""

    entries: list[archive.Entry] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # complaint files kept as they are
    left_out: list[tuple[str, str]] = field(default_factory=list)  # path, reason

    @property
    def complaints(self) -> int:
        return sum(1 for e in self.entries if e.path.startswith("complaints/") and not e.unreadable)

    @property
    def copies(self) -> int:
        return sum(1 for e in self.entries if e.path.startswith("attachments/"))


def gather(store: Store) -> Gathered:
    """Every file of the data folder a backup keeps, read under the lock (one moment)."""
    found = Gathered()
    with store.locked():
        for entry in _names(store.complaints_dir):
            if entry.name.startswith(".") or not entry.name.endswith(".json"):
                continue
            _gather_complaint(store, Path(entry.path), found)
        for path, name in (
            (store.root / CONFIG_NAME, archive.CONFIG),
            (store.draft_path, archive.DRAFT),
        ):
            _gather_small(path, name, found)
    return found


def _gather_complaint(store: Store, path: Path, found: Gathered) -> None:
    name = f"complaints/{path.name}"
    try:
        data = read_bytes(path, archive.MAX_ENTRY_BYTES)
    except FileNotFoundError:
        return
    except ValueError as error:
        found.left_out.append((name, str(error)))
        return
    stem = path.name.removesuffix(".json")
    try:
        complaint = parse_complaint(data.decode("utf-8"), stem if is_valid_id(stem) else "")
    except (ValueError, UnicodeDecodeError):
        if not archive.is_unreadable_name(path.name):
            found.left_out.append((name, _("nom de fichier inattendu")))
            return
        found.entries.append(archive.Entry(name, data, unreadable=True))
        found.unreadable.append(name)
        return
    found.entries.append(archive.Entry(name, data))
    for attachment in complaint.attachments:
        copy = store.attachment_path(complaint.id, attachment)
        if copy is None:
            continue
        copy_name = f"attachments/{complaint.id}/{attachment.file}"
        try:
            content = read_bytes(copy, archive.MAX_ENTRY_BYTES)
        except FileNotFoundError:
            found.left_out.append((copy_name, _("fichier introuvable")))
            continue
        except ValueError as error:
            found.left_out.append((copy_name, str(error)))
            continue
        if archive.sha256(content) != attachment.sha256:
            found.left_out.append((copy_name, _("son contenu ne correspond plus à son empreinte")))
            continue
        if copy_name not in {e.path for e in found.entries}:
            found.entries.append(archive.Entry(copy_name, content))


def _gather_small(path: Path, name: str, found: Gathered) -> None:
    """The settings or the draft, when it is a JSON object (reclam ignores it otherwise)."""
    import json

    try:
        data = read_bytes(path, archive.MAX_SMALL_BYTES)
        if not isinstance(json.loads(data.decode("utf-8")), dict):
            raise ValueError(_("le contenu n'est pas un objet JSON"))
    except FileNotFoundError:
        return
    except (ValueError, RecursionError) as error:
        found.left_out.append((name, str(error) or _("JSON non valable")))
        return
    found.entries.append(archive.Entry(name, data))


# -- restore -------------------------------------------------------------------------


@dataclass
class Restored:
    """What a restore did: the records written, and what `--merge` chose for each conflict."""

    added: list[str] = field(default_factory=list)  # file names new to the folder
    replaced: list[tuple[str, Complaint]] = field(default_factory=list)  # archive was newer
    kept: list[tuple[str, Complaint]] = field(default_factory=list)  # folder's was newer
    tied: list[str] = field(default_factory=list)  # different, same moment: folder's kept
    kept_as_is: list[str] = field(default_factory=list)  # a side unreadable: folder's kept
    unreadable: list[str] = field(default_factory=list)  # restored as they were
    copies: int = 0
    config: str = "none"  # "restored", "kept" (the folder's) or "none" (not in the archive)
    draft: str = "none"


def restore(store: Store, checked: archive.Checked, *, merge: bool) -> Restored:
    """Write a checked archive into the data folder, under the lock.

    A complaint already there with other content is refused (nothing written) unless
    `merge`, which keeps the version that changed last. The files are written one by
    one, atomically, copies before the records that name them.
    """
    done = Restored()
    writes: list[tuple[Path, bytes]] = []
    stale: list[Path] = []  # copies of replaced versions that the kept ones do not name
    with store.locked():
        conflicts: list[str] = []
        for record in checked.records:
            target = store.complaints_dir / record.name
            if not os.path.lexists(target):
                writes.append((target, record.data))
                (done.unreadable if record.complaint is None else done.added).append(record.name)
                writes += _copies(store, checked, record.name, record.complaint)
                continue
            existing = _existing(target)
            if existing is not None and existing[0] == record.data:
                writes += _copies(store, checked, record.name, record.complaint)
                continue
            conflicts.append(record.name.removesuffix(".json"))
            if existing is None or existing[1] is None or record.complaint is None:
                done.kept_as_is.append(record.name)
                continue
            choice = archive.newer(existing[1], record.complaint)
            if choice == "archive":
                writes.append((target, record.data))
                writes += _copies(store, checked, record.name, record.complaint)
                done.replaced.append((record.name, record.complaint))
                # The copies only the replaced version named go with it: evidence the user
                # removed is not kept behind the record's back.
                named = {a.file for a in record.complaint.attachments if a.file}
                stale += [
                    store.attachments_dir / record.name.removesuffix(".json") / a.file
                    for a in existing[1].attachments
                    if a.file and a.file not in named
                ]
            elif choice == "existing":
                writes += _copies(store, checked, record.name, existing[1])
                if archive.last_change(existing[1]) == archive.last_change(record.complaint):
                    done.tied.append(record.name)
                else:
                    done.kept.append((record.name, existing[1]))
        if conflicts and not merge:
            raise RestoreConflict(conflicts)
        done.copies = sum(
            1 for path, _data in writes if path.parent.parent == store.attachments_dir
        )
        for kind, data, target in (
            ("config", checked.config, store.root / CONFIG_NAME),
            ("draft", checked.draft, store.draft_path),
        ):
            if data is None:
                continue
            if os.path.lexists(target):
                setattr(done, kind, "kept")
            else:
                writes.append((target, data))
                setattr(done, kind, "restored")
        # Copies first, then the records that name them, then the settings and the draft;
        # the copies no kept record names go last.
        writes.sort(key=lambda item: item[0].parent.parent != store.attachments_dir)
        for path, data in writes:
            _write(store, path, data)
        for path in stale:
            with contextlib.suppress(OSError):
                path.unlink()
    return done


class RestoreConflict(ReclamError):
    """Complaints of the archive already in the folder with other content (no `--merge`)."""

    def __init__(self, ids: list[str]) -> None:
        from amazon_reclamation.parsing import shown

        names = ", ".join(shown(name, 40) for name in ids)
        super().__init__(
            ngettext(
                "La réclamation {ids} existe déjà dans le dossier de données, dans une autre "
                "version ; rien n'a été restauré. Ajoutez --merge pour garder la version la "
                "plus récente.",
                "Les réclamations {ids} existent déjà dans le dossier de données, dans une "
                "autre version ; rien n'a été restauré. Ajoutez --merge pour garder la version "
                "la plus récente de chacune.",
                len(ids),
            ).format(ids=names)
        )
        self.ids = ids


def _existing(path: Path) -> tuple[bytes, Complaint | None] | None:
    """A complaint file already in the folder: its bytes and record (None if unreadable)."""
    try:
        data = read_bytes(path, archive.MAX_ENTRY_BYTES)
    except (FileNotFoundError, ValueError):
        return None
    try:
        return data, parse_complaint(data.decode("utf-8"), path.name.removesuffix(".json"))
    except (ValueError, UnicodeDecodeError):
        return data, None


def _copies(
    store: Store, checked: archive.Checked, name: str, kept: Complaint | None
) -> list[tuple[Path, bytes]]:
    """The archive's copies that the kept version of a record names and the folder lacks."""
    complaint_id = name.removesuffix(".json")
    wanted = None if kept is None else {a.file for a in kept.attachments if a.file}
    found = []
    for file_name, data in checked.copies.get(complaint_id, []):
        target = store.attachments_dir / complaint_id / file_name
        if wanted is not None and file_name not in wanted:
            continue
        with contextlib.suppress(FileNotFoundError, ValueError):
            if archive.sha256(read_bytes(target, archive.MAX_ENTRY_BYTES)) == archive.sha256(data):
                continue
        found.append((target, data))
    return found


def _write(store: Store, path: Path, data: bytes) -> None:
    """One file, atomically, owner-only, in folders that are really folders (no links)."""
    relative = path.relative_to(store.root)
    folder = store.root
    for part in relative.parts[:-1]:
        folder = folder / part
        try:
            info = folder.lstat()
        except FileNotFoundError:
            continue
        if not stat.S_ISDIR(info.st_mode):
            raise StorageError(
                _("{path} n'est pas un dossier (un lien ?) ; rien n'y a été écrit.").format(
                    path=folder
                )
            )
    try:
        make_private_dirs(path.parent)
        atomic_write_text(path, data)
    except OSError as error:
        raise storage_error(_("Impossible d'enregistrer {path} : {reason}."), path, error) from None


# -- purge ---------------------------------------------------------------------------


@dataclass
class Purged:
    """What a purge removed, and the files it did not know and left."""

    removed: int = 0
    unknown: list[Path] = field(default_factory=list)
    folder_removed: bool = False


def count_complaints(store: Store) -> int:
    """How many complaint files the folder holds (readable or not)."""
    return sum(
        1
        for e in _names(store.complaints_dir)
        if e.name.endswith(".json") and not e.name.startswith(".")
    )


def purge(store: Store) -> Purged:
    """Remove every file reclam keeps in the data folder, the lock file last."""
    done = Purged()
    if not store.check_root():
        return done
    with store.locked():
        known_folders = {
            p.name
            for p in (store.complaints_dir, store.attachments_dir, store.drafts_dir)
            if _real_folder(p)
        }
        for entry in _names(store.complaints_dir) if "complaints" in known_folders else []:
            _remove_if(done, entry, entry.name.endswith(".json") or _is_temp(entry.name))
        for entry in _names(store.attachments_dir) if "attachments" in known_folders else []:
            if not (entry.is_dir(follow_symlinks=False) and is_valid_id(entry.name)):
                done.unknown.append(Path(entry.path))
                continue
            for copy in _names(Path(entry.path)):
                _remove_if(done, copy, bool(_COPY_NAME.fullmatch(copy.name)) or _is_temp(copy.name))
            _remove_folder(Path(entry.path))
        for entry in _names(store.drafts_dir) if "drafts" in known_folders else []:
            _remove_if(done, entry, entry.name == "new.json" or _is_temp(entry.name))
        ours = {CONFIG_NAME, store.lock_path.name} | {
            store.index_path.name + suffix for suffix in INDEX_SUFFIXES
        }
        for entry in _names(store.root):
            if entry.name in known_folders and entry.is_dir(follow_symlinks=False):
                continue
            is_ours = entry.name in ours or (
                _is_temp(entry.name) and entry.name.startswith(f".{CONFIG_NAME}.")
            )
            if entry.name != store.lock_path.name:
                _remove_if(done, entry, is_ours)
    _remove_file(store.lock_path)
    for name in sorted(known_folders, reverse=True):
        _remove_folder(store.root / name)
    done.folder_removed = _remove_folder(store.root)
    return done


def _remove_if(done: Purged, entry: os.DirEntry[str], known: bool) -> None:
    if known and not entry.is_dir(follow_symlinks=False):
        _remove_file(Path(entry.path))
        done.removed += 1
    else:
        done.unknown.append(Path(entry.path))


def _remove_file(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise storage_error(_("Impossible de supprimer {path} : {reason}."), path, error) from None
    fsync_dir(path.parent)


def _remove_folder(path: Path) -> bool:
    """Remove a folder if it is empty; True when it is gone."""
    try:
        path.rmdir()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True
