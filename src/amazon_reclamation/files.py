"""Files, safely: atomic writes, owner-only folders, bounded reads, honest I/O errors.

The only module besides `store` that touches the disk. It knows nothing of complaints:
`store` builds the data folder on it, and the commands write the documents a user asks
for (`--out`) through `write_output_file`, which never replaces anything but a regular
file the user named.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from amazon_reclamation.errors import StorageError
from amazon_reclamation.i18n import _

MAX_FILE_BYTES = 5 * 1024 * 1024  # a complaint with hundreds of contacts is under 1 MB
# An evidence file (`reclam attach`): a phone photo is 2-8 MB, a scanned invoice less; ECC
# Belgium's form takes files up to a few MB. 25 MiB keeps a video out and any document in.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
TEMP_SUFFIX = ".tmp"


# -- the causes of failures, in the user's language ----------------------------------


def os_error_reason(error: OSError) -> str:
    """Why an operation on a file failed, in a few words."""
    reasons = {
        errno.ENOSPC: _("disque plein"),
        errno.EDQUOT: _("quota de disque dépassé"),
        errno.EROFS: _("disque ou dossier en lecture seule"),
        errno.EACCES: _("permission refusée"),
        errno.EPERM: _("opération non permise"),
        errno.EIO: _("erreur d'entrée-sortie du disque"),
        errno.EFBIG: _("fichier trop grand pour ce disque"),
        errno.ENAMETOOLONG: _("nom de fichier trop long"),
        errno.ELOOP: _("lien symbolique refusé"),
        errno.EISDIR: _("c'est un dossier"),
        errno.ENOTDIR: _("un élément du chemin n'est pas un dossier"),
        errno.ENOENT: _("fichier ou dossier introuvable"),
        errno.EEXIST: _("le fichier existe déjà"),
        errno.EPIPE: _("le programme qui lisait la sortie l'a fermée"),
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return error.strerror or type(error).__name__


def storage_error(sentence: str, path: Path, error: OSError) -> StorageError:
    """One line for a failed file operation: `sentence` with the file and the cause.

    `sentence` is a whole translated sentence with the placeholders {path} and {reason}.
    """
    return StorageError(sentence.format(path=path, reason=os_error_reason(error)))


# -- writing ------------------------------------------------------------------------


@contextlib.contextmanager
def interrupt_deferred() -> Iterator[None]:
    """Hold Ctrl-C back for the few instructions that commit a change and record it.

    Without this, a Ctrl-C landing between the rename and the bookkeeping would let
    reclam say that nothing was saved when it was.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            if callable(previous):
                previous(signal.SIGINT, None)
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt


def atomic_write_text(
    path: Path, text: str | bytes, *, on_commit: Callable[[], None] | None = None
) -> None:
    """Write `text` (UTF-8) or bytes to `path` so that a crash leaves the old or the new file.

    Temporary file in the same folder, fsync, rename over the target, fsync the folder.
    The file is created owner-only (0600). `on_commit` runs right after the rename,
    Ctrl-C held back between the two. Raises OSError; no temporary file is left.
    """
    temp = _synced_temp_file(path, text)
    try:
        with interrupt_deferred():
            temp.replace(path)
            if on_commit is not None:
                on_commit()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def _synced_temp_file(path: Path, text: str | bytes) -> Path:
    """`text` (UTF-8) or bytes in a new owner-only temporary file beside `path`, on disk.

    Raises OSError, and then leaves no temporary file.
    """
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    return temp


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_private_dirs(path: Path) -> None:
    """Create `path` and the missing folders above it, each 0700 whatever the umask.

    Folders that already exist above the data folder are the user's and stay as they are.
    """
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made by another reclam meanwhile
            folder.mkdir(mode=0o700)
        folder.chmod(0o700)  # mkdir's mode is cut by the umask, never widened: make it exact


def remove_stale_temps(folder: Path, min_age: float, now: float) -> None:
    """Remove the temporary files (`.*.tmp`) of a killed run from `folder`, if any."""
    # Names only (no entry object per complaint file): a pass over 10,000 complaints
    # under the lock of every write.
    try:
        listed = os.listdir(folder)  # noqa: PTH208 (names as strings: no Path per file)
        names = [n for n in listed if n.startswith(".") and n.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= min_age:
                path.unlink()


def remove_tree(path: Path) -> None:
    """Remove a folder and what it holds (a link or a file in its place: the link alone).

    Failures are left for the next attempt (the caller's leftovers pass).
    """
    import shutil

    with contextlib.suppress(OSError):
        if stat.S_ISDIR(path.lstat().st_mode):
            shutil.rmtree(path)  # never follows a link inside (Python's own guarantee)
        else:
            path.unlink()
        fsync_dir(path.parent)


def is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _out_target(path: Path, place: Path, data_folder: Path) -> os.stat_result | None:
    """What is at an `--out` path now (None: nothing), after refusing a `place` (the path
    or its folder) inside the data folder: reclam's own files are never an output."""
    from amazon_reclamation.errors import InvalidInput

    if is_within(place, data_folder):
        raise InvalidInput(
            _(
                "--out : {path} est dans le dossier de données de reclam ; choisissez un autre "
                "dossier."
            ).format(path=path)
        )
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise storage_error(_("Impossible d'écrire {path} : {reason}."), path, error) from None


def write_output_file(path: Path, text: str | bytes, *, force: bool, data_folder: Path) -> Path:
    """Write a document the user asked for (a letter, a dossier) to a path they named.

    Only a regular file is ever written: a directory, a symlink, a device or a path in
    the data folder is refused, and an existing file only replaced with `force`. Text
    is cleaned of terminal escapes (bytes, a PDF, are the caller's to have made clean),
    written atomically, owner-only (0600).
    """
    from amazon_reclamation.errors import InvalidInput
    from amazon_reclamation.safe_text import clean_for_file

    info = _out_target(path, path.parent, data_folder)
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise InvalidInput(
                _("--out : {path} est un lien symbolique ; donnez le nom d'un fichier.").format(
                    path=path
                )
            )
        if stat.S_ISDIR(info.st_mode):
            raise InvalidInput(
                _("--out : {path} est un dossier ; donnez le nom d'un fichier.").format(path=path)
            )
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(
                _("--out : {path} n'est pas un fichier ordinaire ; donnez un autre nom.").format(
                    path=path
                )
            )
        if not force:
            raise InvalidInput(
                _("--out : {path} existe déjà ; ajoutez --force pour le remplacer.").format(
                    path=path
                )
            )
    if not path.parent.is_dir():
        raise StorageError(
            _("--out : le dossier {folder} n'existe pas.").format(folder=path.parent)
        )
    content = clean_for_file(text) if isinstance(text, str) else text
    try:
        if info is None:
            write_new_file(path, content)
        else:
            atomic_write_text(path, content)
    except FileExistsError:
        raise InvalidInput(
            _("--out : {path} existe déjà ; ajoutez --force pour le remplacer.").format(path=path)
        ) from None
    except OSError as error:
        raise storage_error(_("Impossible d'écrire {path} : {reason}."), path, error) from None
    return path


def output_folder(
    path: Path, *, force: bool, data_folder: Path, replaceable: Callable[[str], bool]
) -> Path:
    """A folder the user named for several files (`export --format ecc --out DIR`).

    A missing folder is created, owner-only (0700), its parent must exist. An existing one
    must be a real folder outside the data folder, and empty, or with `force` hold only
    files that `replaceable` accepts (a previous export), which are then removed.
    """
    from amazon_reclamation.errors import InvalidInput

    info = _out_target(path, path, data_folder)
    if info is None:
        if not path.parent.is_dir():
            raise StorageError(
                _("--out : le dossier {folder} n'existe pas.").format(folder=path.parent)
            )
        try:
            path.mkdir(mode=0o700)
            path.chmod(0o700)
        except OSError as error:
            raise storage_error(_("Impossible de créer {path} : {reason}."), path, error) from None
        return path
    if not stat.S_ISDIR(info.st_mode):
        raise InvalidInput(
            _("--out : {path} n'est pas un dossier ; donnez le nom d'un dossier.").format(path=path)
        )
    entries = sorted(entry.name for entry in os.scandir(path))
    if not entries:
        return path
    others = [name for name in entries if not replaceable(name) or not (path / name).is_file()]
    if not force or others:
        raise InvalidInput(
            _(
                "--out : le dossier {path} n'est pas vide ; choisissez un dossier vide ou "
                "nouveau (--force ne remplace qu'un export précédent)."
            ).format(path=path)
        )
    try:
        for name in entries:
            (path / name).unlink()
    except OSError as error:
        raise storage_error(_("Impossible d'écrire {path} : {reason}."), path, error) from None
    return path


def write_new_file(path: Path, text: str | bytes) -> None:
    """Write a file that must not exist yet, never replacing one created meanwhile."""
    temp = _synced_temp_file(path, text)
    try:
        # link() fails if the name exists: no file appearing meanwhile is overwritten.
        os.link(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    fsync_dir(path.parent)


def read_regular(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and stat: never through a link, never more than `limit`.

    Raises FileNotFoundError if it is gone, ValueError with the reason otherwise.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ValueError(_("lien symbolique, pas un fichier")) from None
        raise ValueError(os_error_reason(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(_("ce n'est pas un fichier ordinaire"))
        if info.st_size > limit:
            raise ValueError(
                _("fichier trop volumineux ({size} Mo ; maximum {limit} Mo)").format(
                    size=round(info.st_size / 1_048_576, 1), limit=limit // 1_048_576
                )
            )
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while being read
                raise ValueError(_("fichier trop volumineux"))
    except OSError as error:
        raise ValueError(os_error_reason(error)) from None
    finally:
        os.close(fd)
    return b"".join(chunks), info


def read_limited(path: Path) -> tuple[str, os.stat_result]:
    """A complaint file's text and its stat, refusing what is not a small regular file.

    Raises FileNotFoundError if it is gone, ValueError with the reason otherwise.
    """
    data, info = read_regular(path, MAX_FILE_BYTES)
    try:
        return data.decode("utf-8"), info
    except UnicodeDecodeError:
        raise ValueError(_("le fichier n'est pas en UTF-8")) from None


# -- the data folder's lock -----------------------------------------------------------

# Where flock cannot be used (some network file systems), filelock's fallbacks take over.
_NO_FLOCK = frozenset({errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK, errno.EINVAL})


def acquire_lock(path: Path, timeout: float) -> Callable[[], None]:
    """Hold `path` (created 0600, never through a link) as an exclusive lock; its release.

    `fcntl.flock`, polled until `timeout` seconds (the very lock filelock takes on POSIX,
    without importing it: ~7 ms of every write); filelock where flock is not available.
    TimeoutError if another process holds it; another OSError if it cannot be taken.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX
        return _acquire_with_filelock(path, timeout)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(errno.EAGAIN, "held by another process") from None
                time.sleep(0.05)
    except OSError as error:
        os.close(fd)
        if isinstance(error, TimeoutError) or error.errno not in _NO_FLOCK:
            raise
        return _acquire_with_filelock(path, timeout)
    except BaseException:
        os.close(fd)
        raise

    def release() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    return release


def _acquire_with_filelock(path: Path, timeout: float) -> Callable[[], None]:
    from filelock import FileLock, Timeout

    lock = FileLock(path, mode=0o600)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise TimeoutError(errno.EAGAIN, "held by another process") from None
    return lambda: lock.release()
