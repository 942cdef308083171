"""The one error family of reclam and its documented exit codes.

Every error a user can cause is a `ReclamError`; the CLI turns it into one line on
stderr and the exit code below. Nothing else decides exit codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes, as documented in README.md."""

    OK = 0
    REFUSED = 1  # not found, unreadable file, nothing to do
    USAGE = 2  # bad option or bad input (the number Click uses for usage errors)
    BUSY = 75  # another reclam holds the data folder's lock (EX_TEMPFAIL: try again)
    INTERRUPTED = 130  # Ctrl-C, the shell convention


class ReclamError(Exception):
    """An error to show to the user as one line, with its exit code."""

    exit_code: ExitCode = ExitCode.REFUSED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ReclamError):
    """A value typed or given as an option is not acceptable."""

    exit_code = ExitCode.USAGE


class MissingAnswer(ReclamError):
    """A required answer was not given and no terminal is there to ask it."""

    exit_code = ExitCode.USAGE


class NotFound(ReclamError):
    """No complaint matches the reference."""


class AmbiguousRef(NotFound):
    """REF names several complaints (one order, several complaints); `ids` are theirs."""

    def __init__(self, message: str, ids: list[str]) -> None:
        super().__init__(message)
        self.ids = ids


class CorruptRecord(ReclamError):
    """A data file cannot be read or does not match the schema; it is left untouched."""


class StoreBusy(ReclamError):
    """Another reclam process holds the data folder lock for too long."""

    exit_code = ExitCode.BUSY


class StorageError(ReclamError):
    """A file could not be written, read or removed (disk full, read-only, permission...).

    The message names the file and the cause; the previous version of the file is intact.
    """


class Interrupted(ReclamError):
    """The user pressed Ctrl-C; what was typed may have been kept as a draft."""

    exit_code = ExitCode.INTERRUPTED
