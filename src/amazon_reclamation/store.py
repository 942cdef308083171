"""The data folder: one JSON file per complaint, written atomically, owner-only.

The store is the only code that touches files. It knows the record's shape (to read,
migrate and write it) but no rules. Layout of RECLAM_HOME:

    complaints/<id>.json   one complaint, contacts inside (docs/data-format.md)
    drafts/new.json        the answers of an interrupted `reclam new`
    .lock                  held around every read-modify-write

A file that cannot be read is reported and never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amazon_reclamation.errors import CorruptRecord, NotFound, ReclamError, StoreBusy
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint

_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are read aloud
LOCK_TIMEOUT_SECONDS = 15.0


def default_home() -> Path:
    """RECLAM_HOME, else the platform's user data folder for reclam."""
    env = os.environ.get("RECLAM_HOME", "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("reclam", appauthor=False)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves either the old or the new file.

    Temporary file in the same folder, fsync, rename over the target, fsync the folder.
    The file is created owner-only (0600).
    """
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_export(path: Path, text: str) -> Path:
    """Write a document the user asked for (a letter, a dossier), atomically, owner-only.

    An existing file is replaced only as a whole; a missing folder is an error, not
    created, since the user named it.
    """
    if path.is_dir():
        raise ReclamError(_("{path} est un dossier ; donnez un nom de fichier.").format(path=path))
    if not path.parent.is_dir():
        raise ReclamError(_("Le dossier {folder} n'existe pas.").format(folder=path.parent))
    try:
        atomic_write_text(path, text)
    except OSError as error:
        raise ReclamError(
            _("Impossible d'écrire {path} : {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    return path


@dataclass(frozen=True)
class Unreadable:
    """A complaint file that could not be read, and why."""

    path: Path
    reason: str


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older record up to the current schema, one version at a time.

    Version 1 is the first; each later version adds a step `MIGRATIONS[n]` that turns
    version n into n + 1.
    """
    from amazon_reclamation.models import SCHEMA_VERSION

    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ValueError(_("schema_version absent ou invalide"))
    if version > SCHEMA_VERSION:
        raise ValueError(
            _("créé par une version plus récente de reclam (schéma {version})").format(
                version=version
            )
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _describe_validation_error(error: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "?"
        if first["type"] == "missing":
            return _("champ {field} manquant").format(field=where)
        return _("champ {field} non conforme").format(field=where)
    if isinstance(error, json.JSONDecodeError):
        return _("JSON non valable, ligne {line}, colonne {column}").format(
            line=error.lineno, column=error.colno
        )
    return str(error)


class Store:
    """Complaint files under one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.complaints_dir = root / "complaints"
        self.drafts_dir = root / "drafts"

    # -- folders and locking -------------------------------------------------------

    def _ensure(self, folder: Path) -> None:
        for path in (self.root, folder):
            try:
                path.mkdir(mode=0o700, parents=True, exist_ok=True)
                if path.stat().st_mode & 0o077:
                    path.chmod(0o700)
            except OSError as error:
                raise ReclamError(
                    _("Impossible de créer le dossier de données {path} : {reason}.").format(
                        path=path, reason=error.strerror or error
                    )
                ) from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data folder's lock (for read-modify-write)."""
        from filelock import FileLock, Timeout

        self._ensure(self.complaints_dir)
        lock = FileLock(self.root / ".lock", mode=0o600)
        try:
            with lock.acquire(timeout=LOCK_TIMEOUT_SECONDS):
                yield
        except Timeout:
            raise StoreBusy(
                _(
                    "Le dossier de données est occupé par un autre reclam ({path}) ; "
                    "réessayez dans un instant."
                ).format(path=self.root)
            ) from None

    # -- complaints ----------------------------------------------------------------

    def path_for(self, complaint_id: str) -> Path:
        """The file of a complaint."""
        return self.complaints_dir / f"{complaint_id}.json"

    def new_id(self) -> str:
        """A short id not yet used in this folder (call under the lock)."""
        while True:
            candidate = "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))
            if not self.path_for(candidate).exists():
                return candidate

    def read(self, path: Path) -> Complaint:
        """Read and validate one complaint file; `CorruptRecord` if it cannot be used."""
        from amazon_reclamation.models import STORED, Complaint

        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise
        except (OSError, UnicodeDecodeError) as error:
            raise CorruptRecord(self._unreadable_message(path, str(error))) from None
        try:
            # Fast path: a current file validates straight from its text (about twice as
            # fast as json.loads then model_validate, which matters for `list`).
            return Complaint.model_validate_json(text, context=STORED)
        except ValueError:
            pass  # an older schema, or a broken file: the slow path says which
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError(_("le contenu n'est pas un objet JSON"))
            return Complaint.model_validate(_migrate(data), context=STORED)
        except (ValueError, TypeError, KeyError) as error:
            reason = _describe_validation_error(error)
            raise CorruptRecord(self._unreadable_message(path, reason)) from None

    @staticmethod
    def _unreadable_message(path: Path, reason: str) -> str:
        return _("Fichier illisible, laissé tel quel : {path} ({reason}).").format(
            path=path, reason=reason.splitlines()[0][:200]
        )

    def write(self, complaint: Complaint) -> None:
        """Write a complaint atomically (call under the lock)."""
        self._ensure(self.complaints_dir)
        text = json.dumps(complaint.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
        atomic_write_text(self.path_for(complaint.id), text)

    def create(self, make: Callable[[str], Complaint]) -> Complaint:
        """Save a new complaint built by `make(new_id)`."""
        with self.locked():
            complaint = make(self.new_id())
            self.write(complaint)
        return complaint

    def scan(self) -> tuple[list[Complaint], list[Unreadable]]:
        """Every complaint that can be read, and the files that cannot."""
        complaints: list[Complaint] = []
        unreadable: list[Unreadable] = []
        if not self.complaints_dir.is_dir():
            return complaints, unreadable
        for path in sorted(self.complaints_dir.glob("*.json")):
            try:
                complaints.append(self.read(path))
            except FileNotFoundError:
                continue  # deleted by another process while we listed
            except CorruptRecord as error:
                unreadable.append(Unreadable(path, error.message))
        return complaints, unreadable

    def find(self, ref: str, order_number: str | None) -> Complaint:
        """The complaint whose id is `ref` (or starts with it), or whose order number matches.

        `order_number` is `ref` normalised by the caller when it reads as one.
        """
        ref = ref.strip().lower()
        if ref and all(char in _ID_ALPHABET for char in ref):
            path = self.path_for(ref)
            if path.exists():
                return self.read(path)
        complaints, unreadable = self.scan()
        matches = [c for c in complaints if order_number and c.order_number == order_number]
        if not matches and ref:
            matches = [c for c in complaints if c.id.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            open_matches = [c for c in matches if c.status == "open"]
            if len(open_matches) == 1:
                return open_matches[0]
            raise NotFound(
                _(
                    "« {ref} » correspond à plusieurs réclamations ({ids}) ; donnez l'identifiant."
                ).format(ref=ref, ids=", ".join(c.id for c in matches))
            )
        hint = ""
        if unreadable:
            hint = " " + _("{count} fichier(s) illisible(s) : voir reclam list.").format(
                count=len(unreadable)
            )
        raise NotFound(
            _(
                "Aucune réclamation « {ref} » ; donnez un identifiant ou un numéro de commande "
                "(voir reclam list)."
            ).format(ref=ref)
            + hint
        )

    def update(self, complaint_id: str, change: Callable[[Complaint], Complaint]) -> Complaint:
        """Read, change and write one complaint under the lock; never writes a bad file."""
        with self.locked():
            path = self.path_for(complaint_id)
            try:
                current = self.read(path)
            except FileNotFoundError:
                raise NotFound(
                    _("La réclamation {id} n'existe plus.").format(id=complaint_id)
                ) from None
            updated = change(current)
            self.write(updated)
        return updated

    def delete(self, complaint_id: str) -> None:
        """Remove a complaint's file."""
        with self.locked():
            try:
                self.path_for(complaint_id).unlink()
            except FileNotFoundError:
                raise NotFound(
                    _("La réclamation {id} n'existe plus.").format(id=complaint_id)
                ) from None

    # -- the wizard's draft --------------------------------------------------------

    @property
    def draft_path(self) -> Path:
        """Where the answers of an interrupted wizard are kept."""
        return self.drafts_dir / "new.json"

    def save_draft(self, data: dict[str, Any]) -> None:
        """Keep the wizard's answers so far."""
        self._ensure(self.drafts_dir)
        atomic_write_text(self.draft_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def load_draft(self) -> dict[str, Any] | None:
        """The kept answers, or None (an unreadable draft is ignored, not deleted)."""
        try:
            data = json.loads(self.draft_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def clear_draft(self) -> None:
        """Forget the kept answers."""
        with contextlib.suppress(FileNotFoundError):
            self.draft_path.unlink()
