"""Saving when the disk says no: one line that names the file and the cause in French,
exit 1, the previous file byte for byte, no temporary file left. A lock that is not a
file stops everything; a lock held by another reclam gives exit 75."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from reliability_support import (
    BASE_NEW,
    assert_one_error_line,
    complaint_data,
    contact,
    read_record,
    snapshot,
    temp_files,
    write_record,
)

from amazon_reclamation import store as store_module
from helpers import run

CID = "ffff22"
COMMANDS: dict[str, list[str]] = {
    "log": ["log", CID, "--channel", "phone", "--outcome", "pending", "--summary", "Rappel"],
    "close": ["close", CID, "--outcome", "resolved"],
    "new": ["new", *BASE_NEW, "--item", "Casque", "--yes"],
}


@pytest.fixture
def saved(isolated_home: Path) -> Path:
    """A complaint with two contacts, written before the disk starts failing."""
    return write_record(isolated_home, CID, complaint_data(CID, contacts=[contact(1), contact(2)]))


def in_complaints(home: Path, path: Any) -> bool:
    """True for a path in the complaints folder (or that folder), an fd's file included."""
    if isinstance(path, int):
        try:
            path = str(Path(f"/proc/self/fd/{path}").readlink())
        except OSError:
            return False
    if not isinstance(path, str | bytes | os.PathLike):
        return False
    folder = home / "complaints"
    candidate = Path(os.fsdecode(path))
    return candidate == folder or candidate.parent == folder


def fail_fsync(code: int) -> Callable[[pytest.MonkeyPatch, Path], None]:
    def inject(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
        real = os.fsync

        def fsync(fd: int) -> None:
            if in_complaints(home, fd):
                raise OSError(code, os.strerror(code))
            real(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    return inject


def fail_rename(code: int) -> Callable[[pytest.MonkeyPatch, Path], None]:
    def inject(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
        for name in ("replace", "rename"):
            real = getattr(os, name)

            def broken(src: Any, dst: Any, *args: Any, real: Any = real, **kw: Any) -> None:
                if in_complaints(home, dst):
                    raise OSError(code, os.strerror(code), str(dst))
                real(src, dst, *args, **kw)

            monkeypatch.setattr(os, name, broken)

    return inject


def fail_mkstemp(code: int) -> Callable[[pytest.MonkeyPatch, Path], None]:
    def inject(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
        real = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            if Path(str(kwargs.get("dir", ""))) == home / "complaints":
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)

    return inject


FAILURES: dict[str, tuple[Callable[[pytest.MonkeyPatch, Path], None], str]] = {
    "fsync ENOSPC": (fail_fsync(errno.ENOSPC), "disque plein"),
    "fsync EIO": (fail_fsync(errno.EIO), "erreur d'entrée-sortie"),
    "fsync EFBIG": (fail_fsync(errno.EFBIG), "fichier trop grand"),
    "fsync EDQUOT": (fail_fsync(errno.EDQUOT), "quota de disque dépassé"),
    "rename EROFS": (fail_rename(errno.EROFS), "lecture seule"),
    "rename EACCES": (fail_rename(errno.EACCES), "permission refusée"),
    "mkstemp EACCES": (fail_mkstemp(errno.EACCES), "permission refusée"),
    "mkstemp EROFS": (fail_mkstemp(errno.EROFS), "lecture seule"),
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=list(COMMANDS))
@pytest.mark.parametrize("failure", FAILURES.values(), ids=list(FAILURES))
def test_a_failed_save_is_one_line_naming_file_and_cause_and_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    saved: Path,
    failure: tuple[Callable[[pytest.MonkeyPatch, Path], None], str],
    command: list[str],
) -> None:
    # Arrange
    inject, reason = failure
    before = snapshot(isolated_home)

    # Act
    with monkeypatch.context() as patch:
        inject(patch, isolated_home)
        code, _out, err = run(capsys, *command)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert reason in err
    if command[0] == "new":
        assert re.search(re.escape(str(isolated_home / "complaints")) + r"/[a-z2-9]{6}\.json", err)
    else:
        assert str(saved) in err
    assert snapshot(isolated_home) == before
    assert temp_files(isolated_home) == []


def test_a_complaint_saved_after_failures_is_whole(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    saved: Path,
) -> None:
    # Arrange: the disk fails once, then works again
    with monkeypatch.context() as patch:
        fail_fsync(errno.ENOSPC)(patch, isolated_home)
        failed = run(capsys, *COMMANDS["log"])

    # Act
    code, out, err = run(capsys, *COMMANDS["log"])

    # Assert
    assert failed[0] == 1
    assert code == 0, err
    assert "Contact n° 3 noté" in out
    assert [c["id"] for c in read_record(isolated_home, CID)["contacts"]] == [1, 2, 3]
    assert temp_files(isolated_home) == []


# -- the lock ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS.values(), ids=list(COMMANDS))
def test_a_lock_that_is_a_directory_stops_every_write(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, saved: Path, command: list[str]
) -> None:
    # Arrange
    (isolated_home / ".lock").mkdir()
    before = snapshot(isolated_home)

    # Act
    code, _out, err = run(capsys, *command)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert ".lock" in err
    assert snapshot(isolated_home) == before
    assert (isolated_home / ".lock").is_dir()


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file", "dangling"])
@pytest.mark.parametrize("command", COMMANDS.values(), ids=list(COMMANDS))
def test_a_lock_that_is_a_symlink_stops_every_write_and_is_not_followed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    isolated_home: Path,
    saved: Path,
    command: list[str],
    dangling: bool,
) -> None:
    # Arrange
    target = tmp_path / "someone-elses-file"
    if not dangling:
        target.write_text("à moi\n", encoding="utf-8")
    (isolated_home / ".lock").symlink_to(target)
    before = snapshot(tmp_path)

    # Act
    code, _out, err = run(capsys, *command)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert ".lock" in err
    assert snapshot(tmp_path) == before
    if dangling:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == "à moi\n"


HOLD_LOCK = """
import sys
from filelock import FileLock

lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@pytest.fixture
def lock_held_elsewhere(isolated_home: Path, saved: Path) -> Iterator[None]:
    """Another process holds the data folder's lock until the test ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(isolated_home / ".lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.communicate(input="", timeout=10)


@pytest.mark.parametrize(
    "command",
    [*COMMANDS.values(), ["delete", CID, "--yes"], ["reopen", CID]],
    ids=[*COMMANDS, "delete", "reopen"],
)
def test_a_lock_held_by_another_reclam_gives_exit_75_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    lock_held_elsewhere: None,
    command: list[str],
) -> None:
    # Arrange
    if command[0] == "reopen":
        write_record(isolated_home, CID, complaint_data(CID, status="resolved"))
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 0.2)
    before = snapshot(isolated_home)

    # Act
    code, out, err = run(capsys, *command)

    # Assert
    assert code == 75
    assert_one_error_line(err)
    assert str(isolated_home) in err
    assert out == ""
    assert snapshot(isolated_home) == before


def test_the_lock_excludes_a_second_holder_until_it_is_released(tmp_path: Path) -> None:
    # Arrange
    from amazon_reclamation.files import acquire_lock

    path = tmp_path / ".lock"
    release = acquire_lock(path, 1.0)

    # Act
    with pytest.raises(TimeoutError):
        acquire_lock(path, 0.1)  # another open file: flock refuses it while the first holds
    release()
    again = acquire_lock(path, 0.1)
    again()

    # Assert
    assert (path.stat().st_mode & 0o777) == 0o600


def test_where_flock_is_not_available_filelock_takes_the_lock(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Arrange: a file system without flock (ENOLCK, as some NFS mounts say)
    import fcntl

    from amazon_reclamation import files

    taken: list[Path] = []

    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    def with_filelock(path: Path, timeout: float) -> Callable[[], None]:
        taken.append(path)
        return lambda: None

    monkeypatch.setattr(fcntl, "flock", no_flock)
    monkeypatch.setattr(files, "_acquire_with_filelock", with_filelock)
    open_before = len(list(Path("/proc/self/fd").iterdir()))

    # Act
    release = files.acquire_lock(tmp_path / ".lock", 1.0)
    release()

    # Assert: filelock got it, and the descriptor opened for flock was closed
    assert taken == [tmp_path / ".lock"]
    assert len(list(Path("/proc/self/fd").iterdir())) == open_before
