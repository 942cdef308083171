"""A derived cache of the complaint files: `RECLAM_HOME/index.sqlite3`.

Reading and validating 10,000 complaint files takes seconds; `list`, `due` and the
look-ups by order number need a few fields of each. The index keeps, per file, the
key of the version it was built from (size, mtime, ctime, inode), a short summary
chosen by the caller, the file's events (dated rows the caller chose, found by SQL by
their kind and day, so that a query for "due by today" reads only those) and the
complaint's JSON text as the caller wants it printed. It is never the source of truth:
a row is used only while its file still has the same key, a file that changed is read
and validated again, and an index that is missing, corrupt, locked or from another
version of reclam is rebuilt (or simply not used) without a word. Deleting it loses
nothing.

Like `store`, it knows no rules: what a summary or an event holds is the caller's
business.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import sqlite3

    from amazon_reclamation.records import Unreadable

FileKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
LAYOUT = 5  # the tables' columns: an index of another layout is rebuilt
_BUSY_TIMEOUT_SECONDS = 2.0  # a writer holds it for milliseconds; past this, do without
_TABLES = ("files", "events", "documents")
_FORMER_TABLES = ("details",)  # dropped with the layout that had them
CHUNK = 500  # rows fetched per query by name (SQLite's parameter limit is 999 or more)


def file_key(info: os.stat_result) -> FileKey:
    """What tells one version of a file from another (ctime cannot be set back by hand)."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


# Tuples, not dataclasses: a listing makes ten thousand of each (a frozen dataclass costs
# several times as much to build).


class IndexedFile(NamedTuple):
    """A readable complaint file and its summary (the caller's own format)."""

    folder: Path
    name: str
    summary: str

    @property
    def path(self) -> Path:
        """The complaint's file."""
        return self.folder / self.name


class Event(NamedTuple):
    """A dated row of a file, as its caller summarised it: a kind ("follow_up"), an ISO day
    and a payload (text the index never reads)."""

    kind: str
    day: str
    payload: str


class EventQuery(NamedTuple):
    """The events of one kind whose day is from `first` to `last` (ISO days, both
    included; None: no bound). They are found with their payloads only: a caller that
    needs the day keeps it in the payload too."""

    kind: str
    first: str | None = None
    last: str | None = None

    def holds(self, event: Event) -> bool:
        """True if `event` is one this query finds."""
        return (
            event.kind == self.kind
            and (self.first is None or event.day >= self.first)
            and (self.last is None or event.day <= self.last)
        )


Found = tuple[str, str]  # an event found: its file's name and its payload


class Catalogue(NamedTuple):
    """What `Store.catalogue` found: the readable files with their summaries, the files
    that cannot be read, and the events found by each query asked for."""

    files: list[IndexedFile]
    unreadable: list[Unreadable]
    events: list[list[Found]]


@dataclass(frozen=True)
class Entry:
    """A file to (re)index: its name, key, summary, events and the complaint's text."""

    name: str
    key: FileKey
    summary: str
    events: Sequence[Event]
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

    def snapshot(
        self, needles: Sequence[str] | None, queries: Sequence[EventQuery]
    ) -> tuple[set[tuple[str, int, int, int, int]], dict[str, str], list[list[Found]]]:
        """In one read transaction (one version of every row: the keys, summaries and
        events of a file always agree): every file's key, the summaries `needles` asks
        for (see `summaries`) and the events each query finds."""
        import sqlite3

        began = False
        with contextlib.suppress(sqlite3.DatabaseError):  # else each query stands alone
            self._db.execute("BEGIN")
            began = True
        try:
            return self.keys(), self.summaries(needles), [self.events(q) for q in queries]
        finally:
            if began:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("COMMIT")

    def keys(self) -> set[tuple[str, int, int, int, int]]:
        """Every indexed file: its name and the key of the version it was indexed from."""
        import sqlite3

        try:
            return set(self._db.execute("SELECT name, size, mtime_ns, ctime_ns, ino FROM files"))
        except sqlite3.DatabaseError:
            self.damaged = True
            return set()

    def summaries(self, needles: Sequence[str] | None = None) -> dict[str, str]:
        """The summary of every indexed file, or with `needles` of those whose summary
        holds one of them (as text: SQL's `instr`, Python's `in`)."""
        import sqlite3

        if needles is not None and not needles:
            return {}
        query = "SELECT name, summary FROM files"
        if needles:
            query += " WHERE " + " OR ".join(["instr(summary, ?) > 0"] * len(needles))
        try:
            return dict(self._db.execute(query, tuple(needles or ())).fetchall())
        except sqlite3.DatabaseError:
            self.damaged = True
            return {}

    def events(self, query: EventQuery) -> list[Found]:
        """The indexed events `query` asks for, in no particular order."""
        import sqlite3

        sql = "SELECT name, payload FROM events WHERE kind = ?"
        values: list[str] = [query.kind]
        if query.first is not None:
            sql += " AND day >= ?"
            values.append(query.first)
        if query.last is not None:
            sql += " AND day <= ?"
            values.append(query.last)
        try:
            return self._db.execute(sql, values).fetchall()
        except sqlite3.DatabaseError:
            self.damaged = True
            return []

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
                # A new version's events replace all of the former's.
                self._db.executemany(
                    "DELETE FROM events WHERE name = ?", ((e.name,) for e in entries)
                )
                self._db.executemany(
                    "INSERT INTO events (kind, day, name, seq, payload) VALUES (?, ?, ?, ?, ?)",
                    (
                        (event.kind, event.day, e.name, seq, event.payload)
                        for e in entries
                        for seq, event in enumerate(e.events)
                    ),
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


def found_events(
    queries: Sequence[EventQuery],
    indexed: list[list[Found]],
    unchanged: set[str],
    fresh: Sequence[Entry],
) -> list[list[Found]]:
    """The events each query finds: those of the index whose file is `unchanged` since it
    was indexed (the others describe a version that is no longer there), and those of the
    files just read (`fresh`), whether or not the index could record them."""
    found = [[row for row in rows if row[0] in unchanged] for rows in indexed] or [
        [] for _query in queries
    ]
    for query, rows in zip(queries, found, strict=True):
        rows.extend(
            (entry.name, event.payload)
            for entry in fresh
            for event in entry.events
            if query.holds(event)
        )
    return found


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
                for table in (*_TABLES, *_FORMER_TABLES):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
            # The keys and summaries apart from the large texts: listing reads every row of
            # `files` (a quarter of a megabyte per thousand files), `list --json` many
            # documents: each in its own table, read without the other.
            db.execute(
                "CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, "
                "mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, summary TEXT)"
            )
            # Kept in the order of (kind, day): a query by kind and days reads only the rows
            # it returns, one after the other; by name, to replace a file's events.
            db.execute(
                "CREATE TABLE IF NOT EXISTS events (kind TEXT, day TEXT, name TEXT, "
                "seq INTEGER, payload TEXT, PRIMARY KEY (kind, day, name, seq)) WITHOUT ROWID"
            )
            db.execute("CREATE INDEX IF NOT EXISTS events_by_name ON events (name)")
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
