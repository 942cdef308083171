"""The data folder: one JSON file per complaint, written atomically, owner-only.

The store is the only code that touches files. It knows the record's shape (to read,
migrate and write it) but no rules. Layout of RECLAM_HOME:

    complaints/<id>.json   one complaint, contacts inside (docs/data-format.md)
    attachments/<id>/      the copies of its evidence files, `<sha256>.<ext>` (0600)
    drafts/new.json        the answers of an interrupted `reclam new`
    index.sqlite3          a derived cache of the complaint files (rebuilt at will)
    .lock                  held around every read-modify-write

A record is the file it was read from: a file's name is its id, and a file whose inner
`id` says otherwise (a sync tool's conflicted copy, a backup copy) is reported and never
written, deleted or used to reach another file. A file that cannot be read is reported
by name and never overwritten. Every I/O failure becomes a `StorageError` that names
the file and the cause.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from amazon_reclamation.drafts import DraftFolder
from amazon_reclamation.errors import CorruptRecord, NotFound, StorageError, StoreBusy
from amazon_reclamation.files import (
    acquire_lock,
    atomic_write_text,
    fsync_dir,
    interrupt_deferred,
    make_private_dirs,
    read_limited,
    remove_stale_temps,
    remove_tree,
    storage_error,
)
from amazon_reclamation.i18n import _
from amazon_reclamation.index import Catalogue, IndexedFile
from amazon_reclamation.records import (
    ID_ALPHABET,
    ID_LENGTH,
    Unreadable,
    construct_complaint,
    is_valid_id,
    parse_complaint,
    shown_id,
    unreadable_message,
)
from amazon_reclamation.settings import default_home as default_home

if TYPE_CHECKING:
    from amazon_reclamation.evidence_files import Source
    from amazon_reclamation.index import Event, EventQuery, Index
    from amazon_reclamation.models import Attachment, Complaint

LOCK_TIMEOUT_SECONDS = 15.0
STALE_DRAFT_TEMP_SECONDS = 3600  # drafts are written without the lock: only old leftovers go


# -- reading ------------------------------------------------------------------------


def _member(complaint: Complaint) -> str:
    """A complaint's JSON text as a member of a JSON array (indented by two spaces)."""
    from amazon_reclamation.safe_text import json_text

    return json_text(complaint.to_json_dict()).replace("\n", "\n  ")


class Change(NamedTuple):
    """A change this process committed to the data folder (for honest interruptions)."""

    action: Literal["created", "updated", "deleted"]
    complaint_id: str


class Store(DraftFolder):
    """Complaint files under one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.complaints_dir = root / "complaints"
        self.drafts_dir = root / "drafts"
        self.attachments_dir = root / "attachments"
        self.lock_path = root / ".lock"
        self.index_path = root / "index.sqlite3"
        self.changes: list[Change] = []  # what this process committed, in order
        self._index: Index | None = None
        self._index_forgotten = False  # this run does without it (see `forget_index`)

    # -- folders and locking -------------------------------------------------------

    def check_root(self) -> bool:
        """False when the data folder does not exist yet; an error if it is not a folder."""
        try:
            info = self.root.stat()
        except FileNotFoundError:
            return False
        except OSError as error:
            raise storage_error(
                _("Dossier de données inaccessible : {path} : {reason}."), self.root, error
            ) from None
        if not stat.S_ISDIR(info.st_mode):
            raise StorageError(
                _(
                    "Le dossier de données {path} n'est pas un dossier ; vérifiez RECLAM_HOME "
                    "ou --home."
                ).format(path=self.root)
            )
        return True

    def _ensure(self, folder: Path) -> None:
        self.check_root()
        for path in (self.root, folder):
            try:
                make_private_dirs(path)
                if path.stat().st_mode & 0o077:
                    path.chmod(0o700)
            except OSError as error:
                raise storage_error(
                    _("Impossible de créer le dossier de données {path} : {reason}."), path, error
                ) from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data folder's lock (for read-modify-write)."""
        self._ensure(self.complaints_dir)
        if os.path.lexists(self.lock_path) and not stat.S_ISREG(self.lock_path.lstat().st_mode):
            raise StorageError(
                _(
                    "{path} n'est pas un fichier ordinaire (dossier ou lien ?) ; reclam ne peut "
                    "pas verrouiller ses données. Supprimez-le s'il ne vous sert pas."
                ).format(path=self.lock_path)
            )
        try:
            release = acquire_lock(self.lock_path, LOCK_TIMEOUT_SECONDS)
        except TimeoutError:
            raise StoreBusy(
                _(
                    "Le dossier de données est occupé par un autre reclam ({path}) ; "
                    "réessayez dans un instant."
                ).format(path=self.root)
            ) from None
        except OSError as error:
            raise storage_error(
                _("Impossible de verrouiller {path} : {reason}."), self.lock_path, error
            ) from None
        try:
            self._remove_leftovers()
            yield
        finally:
            release()

    def _remove_leftovers(self) -> None:
        """Remove the temporary files of a killed run (call under the lock)."""
        now = time.time()
        remove_stale_temps(self.complaints_dir, 0.0, now)
        remove_stale_temps(self.drafts_dir, STALE_DRAFT_TEMP_SECONDS, now)
        # Evidence copies: a delete killed before its folder went, a copy killed midway.
        # Never through a linked evidence folder: what is at its target is not reclam's.
        if self.attachments_dir.is_symlink():
            return
        with contextlib.suppress(OSError), os.scandir(self.attachments_dir) as folders:
            for folder in folders:
                if not is_valid_id(folder.name):
                    continue  # not a folder reclam made: left alone
                if not os.path.lexists(self.complaints_dir / f"{folder.name}.json"):
                    remove_tree(Path(folder.path))
                elif folder.is_dir(follow_symlinks=False):
                    remove_stale_temps(Path(folder.path), 0.0, now)

    # -- complaints ----------------------------------------------------------------

    def path_for(self, complaint_id: str) -> Path:
        """The file of a complaint (its id is checked: no path can be smuggled in)."""
        if not is_valid_id(complaint_id):
            raise NotFound(
                _("« {ref} » n'est pas un identifiant de réclamation.").format(
                    ref=shown_id(complaint_id)
                )
            )
        return self.complaints_dir / f"{complaint_id}.json"

    def attachment_folder(self, complaint_id: str) -> Path:
        """The folder of a complaint's evidence copies (its id is checked like `path_for`)."""
        return self.attachments_dir / self.path_for(complaint_id).stem

    def attachment_path(self, complaint_id: str, attachment: Attachment) -> Path | None:
        """Where an attachment's copy is kept; None for an entry that kept no copy.

        The model checked the copy's name (`<sha256>.<ext>`): it cannot leave the folder.
        """
        if attachment.file is None:
            return None
        return self.attachment_folder(complaint_id) / attachment.file

    def read_attachment(self, complaint_id: str, attachment: Attachment) -> bytes | None:
        """The kept copy's bytes, checked against its SHA-256; None when there is no copy
        (`evidence_files.read_kept`: a link, not a regular file or a changed content is
        refused)."""
        from amazon_reclamation.evidence_files import read_kept

        return read_kept(self.attachment_path(complaint_id, attachment), attachment)

    def new_id(self) -> str:
        """A short id not yet used in this folder (call under the lock)."""
        import secrets

        while True:
            candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
            # A leftover evidence folder (a delete that was killed) keeps its id taken.
            if not os.path.lexists(self.path_for(candidate)) and not os.path.lexists(
                self.attachment_folder(candidate)
            ):
                return candidate

    def read(self, path: Path) -> Complaint:
        """Read and validate one complaint file; `CorruptRecord` if it cannot be used.

        Raises FileNotFoundError if the file is gone.
        """
        return self.read_with_stat(path)[0]

    def read_with_stat(
        self, path: Path, version: str | None = None
    ) -> tuple[Complaint, os.stat_result]:
        """`read`, with the stat of the very version that was read. With the index's
        `version`, a text the index holds as written from a valid record is not validated
        again (`records.construct_complaint`)."""
        try:
            text, info = read_limited(path)
            file_id = self._file_id(path)
            if version is not None and self._indexed_text(path, text, version):
                known = construct_complaint(text, file_id)
                if known is not None:
                    return known, info
            return parse_complaint(text, file_id), info
        except FileNotFoundError:
            raise
        except ValueError as error:
            raise CorruptRecord(unreadable_message(path, str(error))) from None

    @staticmethod
    def _file_id(path: Path) -> str:
        stem = path.name.removesuffix(".json")
        if not is_valid_id(stem):
            raise ValueError(_("nom de fichier inattendu : copie ou conflit de synchronisation ?"))
        return stem

    def write(self, complaint: Complaint) -> Complaint:
        """Write a complaint atomically (call under the lock); returns it as written, with
        `updated_at` set to now."""
        from amazon_reclamation import clock
        from amazon_reclamation.safe_text import json_text

        complaint = complaint.model_copy(update={"updated_at": clock.now()})
        path = self.path_for(complaint.id)
        self._ensure(self.complaints_dir)
        existed = os.path.lexists(path)
        action: Literal["created", "updated"] = "updated" if existed else "created"
        text = json_text(complaint.to_json_dict()) + "\n"
        try:
            atomic_write_text(
                path, text, on_commit=lambda: self.changes.append(Change(action, complaint.id))
            )
        except OSError as error:
            raise storage_error(
                _("Impossible d'enregistrer {path} : {reason}."), path, error
            ) from None
        return complaint

    def create(self, make: Callable[[str], Complaint]) -> Complaint:
        """Save a new complaint built by `make(new_id)`."""
        with self.locked():
            complaint = make(self.new_id())
            complaint = self.write(complaint)
        return complaint

    def _complaint_files(self) -> list[os.DirEntry[str]]:
        """The `*.json` entries of the complaints folder (empty if there is none yet)."""
        if not self.check_root():
            return []
        try:
            with os.scandir(self.complaints_dir) as entries:
                found = {e.name: e for e in entries if e.name.endswith(".json")}
            return [found[name] for name in sorted(found) if not name.startswith(".")]
        except FileNotFoundError:
            return []
        except OSError as error:
            raise storage_error(
                _("Impossible de lire le dossier {path} : {reason}."), self.complaints_dir, error
            ) from None

    def scan(self) -> tuple[list[Complaint], list[Unreadable]]:
        """Every complaint that can be read, and the files that cannot."""
        complaints: list[Complaint] = []
        unreadable: list[Unreadable] = []
        for entry in self._complaint_files():
            path = Path(entry.path)
            try:
                complaints.append(self.read(path))
            except FileNotFoundError:
                continue  # deleted by another process while we listed
            except CorruptRecord as error:
                unreadable.append(Unreadable(path, error.message))
        return complaints, unreadable

    # -- the index: listing without reading every file --------------------------------

    def catalogue(
        self,
        summarize: Callable[[Complaint], tuple[str, Sequence[Event]]],
        version: str,
        *,
        needles: Sequence[str] | None = None,
        events: Sequence[EventQuery] = (),
    ) -> Catalogue:
        """Every readable complaint file with its summary (`needles`: see `Index.summaries`),
        the files that cannot be read, and the events each query finds. From the index while
        a file is unchanged (`version`: see index.py); a new or changed file is read and
        summarised again (`summarize`), its events those just made even if the index is busy."""
        from amazon_reclamation.index import Entry, Index, file_key, found_events, survey

        files = self._complaint_files()
        if self._index is None and files and not self._index_forgotten:
            self._index = Index.open(self.index_path, version)
        index = self._index
        slots, known, indexed = survey(index, files, needles, events, self.complaints_dir)
        listed: list[IndexedFile] = []
        unreadable: list[Unreadable] = []
        fresh: list[Entry] = []
        for slot in slots:
            if isinstance(slot, IndexedFile):
                listed.append(slot)
                continue
            try:
                complaint, info = self.read_with_stat(Path(slot.path))
            except FileNotFoundError:
                continue
            except CorruptRecord as error:
                unreadable.append(Unreadable(Path(slot.path), error.message))
                continue
            summary, made = summarize(complaint)
            if needles is None or any(needle in summary for needle in needles):
                listed.append(IndexedFile(self.complaints_dir, slot.name, summary))
            fresh.append(Entry(slot.name, file_key(info), summary, made, _member(complaint)))
        if index is not None:
            index.update(fresh, known - {entry.name for entry in files})
            self._forget_damaged_index()
        return Catalogue(listed, unreadable, found_events(events, indexed, fresh))

    def forget_index(self) -> None:
        """What the index holds is not believed: it is removed (the next run rebuilds it),
        and this run's catalogues read every file."""
        if self._index is not None:
            self._index.damaged = True
        self._forget_damaged_index()
        self._index_forgotten = True

    def _indexed_text(self, path: Path, text: str, version: str) -> bool:
        """True if the index holds exactly `text` for the file at `path` (see index.py)."""
        from amazon_reclamation.index import Index

        if path.parent == self.complaints_dir and self.index_path.exists():
            self._index = self._index or Index.open(self.index_path, version)
            held = self._index is not None and self._index.holds(path.name, text)
            self._forget_damaged_index()
            return held
        return False

    def _forget_damaged_index(self) -> None:
        from amazon_reclamation.index import remove

        if self._index is not None and self._index.damaged:
            self._index.close()
            self._index = None
            remove(self.index_path)

    def documents(self, names: list[str]) -> list[bytes]:
        """The listed complaints' JSON texts, UTF-8, as the members of one JSON array, in
        order (each indented by two more spaces than in its file).

        From the index when it can, as SQLite keeps them (ten thousand complaints are
        neither decoded nor encoded again), a few hundred names per query; a file the
        index does not hold is read.
        """
        from amazon_reclamation.index import CHUNK

        members: list[bytes] = []
        for start in range(0, len(names), CHUNK):
            chunk = names[start : start + CHUNK]
            found = self._index.documents_utf8(chunk) if self._index is not None else {}
            self._forget_damaged_index()
            for name in chunk:
                member = found.get(name)
                if member is None:
                    try:
                        member = _member(self.read(self.complaints_dir / name)).encode()
                    except (FileNotFoundError, CorruptRecord):
                        continue  # gone or damaged since it was listed (and then reported)
                members.append(member)
        return members

    def load(self, path: Path, version: str | None = None) -> Complaint:
        """The whole complaint of a listed file (NotFound if it went meanwhile)."""
        try:
            return self.read_with_stat(path, version)[0]
        except FileNotFoundError:
            raise NotFound(_("La réclamation {id} n'existe plus.").format(id=path.stem)) from None

    def _read_current(self, complaint_id: str) -> Complaint:
        """Re-read a complaint under the lock: it must still be a valid record of that id."""
        try:
            return self.read(self.path_for(complaint_id))
        except FileNotFoundError:
            raise NotFound(
                _("La réclamation {id} n'existe plus.").format(id=complaint_id)
            ) from None

    def update(self, complaint_id: str, change: Callable[[Complaint], Complaint]) -> Complaint:
        """Read, change and write one complaint under the lock; never writes a bad file."""
        with self.locked():
            current = self._read_current(complaint_id)
            updated = change(current)
            if updated.id != complaint_id:
                raise ValueError("a change must not alter a complaint's id")
            updated = self.write(updated)
        return updated

    def update_evidence(
        self,
        complaint_id: str,
        change: Callable[[Complaint], tuple[Complaint, Sequence[Source]]],
    ) -> Complaint:
        """`update` for attachments: the files `change` returns are copied into the
        complaint's folder before the record is written (and removed if it is not); the
        copies that no entry names any more are removed after it."""
        from amazon_reclamation.evidence_files import check_folder, copy_into

        folder = self.attachment_folder(complaint_id)
        with self.locked():
            check_folder(folder)
            current = self._read_current(complaint_id)
            updated, sources = change(current)
            if updated.id != complaint_id:
                raise ValueError("a change must not alter a complaint's id")
            made: list[Path] = []
            committed = len(self.changes)
            try:
                if sources:
                    self._ensure(folder)
                for source in sources:
                    made.append(folder / source.file)  # before: a Ctrl-C at the rename
                    copy_into(source, folder / source.file)
                updated = self.write(updated)
            except BaseException:
                if len(self.changes) == committed:  # the record does not name them
                    for path in made:
                        with contextlib.suppress(OSError):
                            path.unlink()
                raise
            kept = {a.file for a in updated.attachments}
            for gone in {a.file for a in current.attachments} - kept:
                if gone is not None:
                    with contextlib.suppress(OSError):
                        (folder / gone).unlink()
            if not updated.attachments:
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty
        return updated

    def delete(self, complaint_id: str) -> None:
        """Remove a complaint's file, after checking under the lock that it is that record."""
        with self.locked():
            path = self.path_for(complaint_id)
            self._read_current(complaint_id)
            try:
                with interrupt_deferred():
                    path.unlink()
                    self.changes.append(Change("deleted", complaint_id))
            except FileNotFoundError:
                raise NotFound(
                    _("La réclamation {id} n'existe plus.").format(id=complaint_id)
                ) from None
            except OSError as error:
                raise storage_error(
                    _("Impossible de supprimer {path} : {reason}."), path, error
                ) from None
            fsync_dir(self.complaints_dir)
            # After the record: a crash between the two leaves a folder the next locked
            # write removes (`_remove_leftovers`), never a complaint without its evidence.
            remove_tree(self.attachment_folder(complaint_id))
