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
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import sqlite3

    from amazon_reclamation.records import Unreadable

FileKey = str  # size, mtime_ns, ctime_ns and inode, as text: compared whole
LAYOUT = 6  # the tables' columns: an index of another layout is rebuilt
_BUSY_TIMEOUT_SECONDS = 2.0  # a writer holds it for milliseconds; past this, do without
_TABLES = ("files", "events", "documents")
_FORMER_TABLES = ("details",)  # dropped with the layout that had them
CHUNK = 500  # rows fetched per query by name (SQLite's parameter limit is 999 or more)


def file_key(info: os.stat_result) -> FileKey:
    """What tells one version of a file from another (ctime cannot be set back by hand)."""
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


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


class Catalogue(NamedTuple):
    """What `Store.catalogue` found: the readable files with their summaries, the files
    that cannot be read, and the events found by each query asked for."""

    files: list[IndexedFile]
    unreadable: list[Unreadable]
    events: list[str]  # per query, the payloads found joined by commas


class Entry(NamedTuple):
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

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: the queries inside it see one version of every row (the
        keys and events of a file agree even while another reclam updates the index)."""
        import sqlite3

        try:
            self._db.execute("BEGIN")
        except sqlite3.DatabaseError:
            yield  # each query then stands alone
            return
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("COMMIT")

    def keys(self) -> dict[str, FileKey]:
        """Every indexed file name with the key of the version it was indexed from."""
        import sqlite3

        try:
            return dict(self._db.execute("SELECT name, key FROM files"))
        except sqlite3.DatabaseError:
            self.damaged = True
            return {}

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

    def events(self, query: EventQuery, stale: Collection[str] = ()) -> str:
        """The payloads of the indexed events `query` asks for, but those of the `stale`
        files, joined by commas, in no particular order (one text: tens of thousands of
        rows are not made into as many tuples)."""
        import sqlite3

        sql = "FROM events WHERE kind = ?"
        values: list[str] = [query.kind]
        if query.first is not None:
            sql += " AND day >= ?"
            values.append(query.first)
        if query.last is not None:
            sql += " AND day <= ?"
            values.append(query.last)
        try:
            if len(stale) > CHUNK:  # many changed files (a rebuild): left out one by one
                rows = self._db.execute(f"SELECT name, payload {sql}", values)
                return ",".join(payload for name, payload in rows if name not in stale)
            if stale:
                sql += f" AND name NOT IN ({','.join('?' * len(stale))})"
                values.extend(stale)
            found = self._db.execute(f"SELECT group_concat(payload, ',') {sql}", values)
            return str(found.fetchone()[0] or "")
        except sqlite3.DatabaseError:
            self.damaged = True
            return ""

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
                    "INSERT OR REPLACE INTO files (name, key, summary) VALUES (?, ?, ?)",
                    ((e.name, e.key, e.summary) for e in entries),
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


def survey(
    index: Index | None,
    files: Sequence[os.DirEntry[str]],
    needles: Sequence[str] | None,
    queries: Sequence[EventQuery],
    folder: Path,
) -> tuple[list[IndexedFile | os.DirEntry[str]], set[str], list[str]]:
    """What the index tells of `files` (in their order): each file unchanged since it was
    indexed with its summary (if `needles` asks for it: see `Index.summaries`), each other
    to be read; the names it holds; the payloads each query finds of the unchanged files.
    Keys, stats and events in one read transaction: events of the versions seen."""
    keys: dict[str, FileKey] = {}
    summaries: dict[str, str] = {}
    slots: list[IndexedFile | os.DirEntry[str]] = []
    unchanged = set()
    with index.reading() if index is not None else contextlib.nullcontext():
        if index is not None:
            keys, summaries = index.keys(), index.summaries(needles)
        for entry in files:
            name = entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # deleted by another process while we listed
            # Its key, as `file_key` makes it (ten thousand calls fewer).
            if (
                keys.get(name)
                == f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"
            ):
                unchanged.add(name)
                if (summary := summaries.get(name)) is not None:
                    slots.append(IndexedFile(folder, name, summary))
            else:
                slots.append(entry)
        known = set(keys)
        indexed = [""] * len(queries)
        if index is not None and queries:
            indexed = [index.events(query, known - unchanged) for query in queries]
    if index is not None and index.damaged:
        # A query failed after others had answered: an unchanged file would be left out
        # (no summary) or its events lost. Nothing the index said is believed: every file
        # is read this time (and the index, removed by its owner, rebuilt the next).
        return list(files), set(), [""] * len(queries)
    return slots, known, indexed


def found_events(
    queries: Sequence[EventQuery], indexed: list[str], fresh: Sequence[Entry]
) -> list[str]:
    """The payloads each query finds, joined by commas: those of the index (`indexed`,
    its stale files left out) and those of the files just read (`fresh`), whether or not
    the index could record them."""
    found = []
    for query, text in zip(queries, indexed, strict=True):
        made = [event.payload for entry in fresh for event in entry.events if query.holds(event)]
        found.append(",".join([text, *made]) if text and made else text or ",".join(made))
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
                "CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, key TEXT, summary TEXT)"
            )
            # The keys apart from the summaries: every command that lists reads them all.
            db.execute("CREATE INDEX IF NOT EXISTS files_keys ON files (name, key)")
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
