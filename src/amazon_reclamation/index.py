"""A derived cache of the complaint files: `RECLAM_HOME/index.sqlite3`.

Reading and validating 10,000 complaint files takes seconds; `list`, `due` and the
look-ups by order number need a few fields of each. The index keeps, per file, the
key of the version it was built from (size, mtime, ctime, inode), a short summary
chosen by the caller, the summary's detail (read only for the files that need it) and
the complaint's JSON text as the caller wants it printed. It is never the source of truth:
a row is used only while its file still has the same key, a file that changed is read
and validated again, and an index that is missing, corrupt, locked or from another
version of reclam is rebuilt (or simply not used) without a word. Deleting it loses
nothing.

Like `store`, it knows no rules: what a summary holds is the caller's business.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import sqlite3

FileKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
LAYOUT = 4  # the tables' columns: an index of another layout is rebuilt
_BUSY_TIMEOUT_SECONDS = 2.0  # a writer holds it for milliseconds; past this, do without
_TABLES = ("files", "details", "documents")
CHUNK = 500  # rows fetched per query by name (SQLite's parameter limit is 999 or more)


def file_key(info: os.stat_result) -> FileKey:
    """What tells one version of a file from another (ctime cannot be set back by hand)."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


# Tuples, not dataclasses: a listing makes ten thousand of each (a frozen dataclass costs
# several times as much to build).


class Row(NamedTuple):
    """One indexed file: the key of the version it describes and its summary (JSON text)."""

    key: FileKey
    summary: str


class IndexedFile(NamedTuple):
    """A readable complaint file and its summary (the caller's own format).

    `detail` is the summary's second part when the file was just summarised; from the
    index it is fetched only when asked for (`Store.details`).
    """

    folder: Path
    name: str
    summary: str
    detail: str | None = None

    @property
    def path(self) -> Path:
        """The complaint's file."""
        return self.folder / self.name


@dataclass(frozen=True)
class Entry:
    """A file to (re)index: its name, key, summary, its detail and the complaint's text."""

    name: str
    key: FileKey
    summary: str
    detail: str
    document: str


class Index:
    """An open index; every method swallows SQLite's errors (it is only a cache)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self.damaged = False  # set when SQLite reports a damaged file: the owner removes it

    @classmethod
    def open(cls, path: Path, version: str) -> Index | None:
        """The index at `path` for this `version` of the summaries, or None if unusable."""
        import sqlite3

        for attempt in range(2):
            try:
                return cls(_connect(path, version))
            except sqlite3.OperationalError:
                return None  # busy, read-only folder, disk full: do without this time
            except (sqlite3.DatabaseError, OSError):
                if attempt == 0:
                    remove(path)  # not a database, or damaged: it is derived data
        return None

    def rows(self) -> dict[str, Row]:
        """Every indexed file name with its key and summary."""
        import sqlite3

        try:
            cursor = self._db.execute(
                "SELECT name, size, mtime_ns, ctime_ns, ino, summary FROM files"
            )
            return {row[0]: Row((row[1], row[2], row[3], row[4]), row[5]) for row in cursor}
        except sqlite3.DatabaseError:
            self.damaged = True
            return {}

    def documents(self, names: Iterable[str]) -> dict[str, str]:
        """The complaint text of the named files that are indexed."""
        return self._by_name("documents", "document", names)

    def documents_utf8(self, names: Iterable[str]) -> dict[str, bytes]:
        """`documents` as SQLite keeps them, UTF-8 bytes: nothing decoded (`list --json`
        writes them as they are)."""
        return self._by_name("documents", "CAST(document AS BLOB)", names)

    def holds(self, name: str, text: str) -> bool:
        """True if `text` is the very text the row of `name` was written from: a file's
        text whose complaint was validated by this version of reclam (the `document`
        column is that text, indented as an array member)."""
        return self.documents([name]).get(name) == text.removesuffix("\n").replace("\n", "\n  ")

    def details(self, names: Iterable[str]) -> dict[str, str]:
        """The detail of the named files' summaries (those that are indexed)."""
        return self._by_name("details", "detail", names)

    def _by_name(self, table: str, column: str, names: Iterable[str]) -> dict[str, Any]:
        import sqlite3

        found: dict[str, Any] = {}
        wanted = list(names)
        try:
            if len(wanted) > CHUNK:
                # Many names: one pass over the table costs less than many look-ups.
                chosen = set(wanted)
                cursor = self._db.execute(f"SELECT name, {column} FROM {table}")
                found.update(row for row in cursor if row[0] in chosen)
                return found
            marks = ",".join("?" * len(wanted))
            found.update(
                self._db.execute(
                    f"SELECT name, {column} FROM {table} WHERE name IN ({marks})",
                    wanted,
                ).fetchall()
            )
        except sqlite3.DatabaseError:
            self.damaged = True
            return {}
        return found

    def update(self, entries: Iterable[Entry], removed: Iterable[str]) -> None:
        """Record new versions and forget files that are gone, in one transaction."""
        import sqlite3

        entries, removed = list(entries), list(removed)
        if not entries and not removed:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO files (name, size, mtime_ns, ctime_ns, ino, summary) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    ((e.name, *e.key, e.summary) for e in entries),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO details (name, detail) VALUES (?, ?)",
                    ((e.name, e.detail) for e in entries),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO documents (name, document) VALUES (?, ?)",
                    ((e.name, e.document) for e in entries),
                )
                for table in _TABLES:
                    self._db.executemany(
                        f"DELETE FROM {table} WHERE name = ?", ((name,) for name in removed)
                    )
        except sqlite3.OperationalError:
            pass  # busy or read-only: the next run reads those files again
        except sqlite3.DatabaseError:
            self.damaged = True

    def close(self) -> None:
        """Close the connection."""
        with contextlib.suppress(Exception):
            self._db.close()


def _connect(path: Path, version: str) -> sqlite3.Connection:
    import sqlite3

    # Created owner-only before SQLite opens it: its journal then gets the same mode.
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous = NORMAL")
        db.isolation_level = "DEFERRED"  # transactions again for `with db:`
        version = f"{LAYOUT}/{version}"
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            stored = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if stored is None or stored[0] != version:
                # Another layout, or other summaries: start again.
                for table in _TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
            # The keys and summaries apart from the large texts: listing reads every row of
            # `files` (a quarter of a megabyte per thousand files); `due` reads many details,
            # `list --json` many documents: each in its own table, read without the other.
            db.execute(
                "CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, "
                "mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, summary TEXT)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS details (name TEXT PRIMARY KEY, detail TEXT)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, document TEXT)"
            )
    except BaseException:
        db.close()
        raise
    return db


def remove(path: Path) -> None:
    """Delete an index and its journal (it is rebuilt on the next run)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
