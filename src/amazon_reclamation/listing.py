"""What `list`, `due` and the look-ups need of each complaint, as plain data.

A `Digest` is computed once per version of a complaint file and kept in the store's
index (`index.py`), so that listing 10,000 complaints reads no file and validates no
record. It holds only ids, dates and counts, never wording: the same digest serves
every language. Beside it, an open complaint's events: one per promise not kept (on
its follow-up day) and one per deadline (on its date), which the index finds by day,
so that `due` reads only the promises due and the deadlines near. Everything kept is
independent of today; what depends on today (a promise broken, a deadline near) is
decided when it is read.

Change what a digest or an event holds, or how it is computed, and raise
DIGEST_VERSION: every index is then rebuilt on the next run.
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

    from amazon_reclamation.domain.contacts import FollowUpKind
    from amazon_reclamation.domain.deadlines import Deadline
    from amazon_reclamation.index import Event, IndexedFile
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.records import Unreadable
    from amazon_reclamation.store import Store

DIGEST_VERSION = 7

FOLLOW_UP = "follow_up"  # the kind of a promise's event, on its follow-up day
DEADLINE = "deadline"  # the kind of a deadline's event, on its date


class FollowUp(NamedTuple):
    """A promise not kept yet, due or overdue, with what `due` shows of it (a tuple: `due`
    makes tens of thousands at 10,000 complaints)."""

    complaint_id: str
    order_number: str | None
    day: str  # the follow-up date the promise was given (ISO)
    contact_id: int
    channel: str
    agent: str | None
    reference: str | None
    promise: str | None
    summary: str | None  # kept only where there is no promise (what is awaited then)
    kind: FollowUpKind  # a promise, a formal notice's deadline, a reply announced


class Near(NamedTuple):
    """A deadline of an open complaint near today."""

    complaint_id: str
    order_number: str | None
    deadline: Deadline


class Digest(NamedTuple):
    """One complaint as `list` shows it, with the days of its follow-ups and deadlines (a
    tuple: a listing makes ten thousand, and a frozen dataclass costs several times as
    much to build)."""

    id: str
    order_number: str | None  # None: a charge that matches no order
    status: str
    category: str
    item: str | None
    created_at: datetime
    contacts: int  # effective contacts (corrected entries not counted)
    last_contact: date | None
    # ISO days compare as text: listing 10,000 complaints parses none of them.
    next_follow_up_day: str | None  # the earliest follow-up of a promise not kept
    deadline_days: tuple[str, ...]  # the day of each deadline

    def next_follow_up(self) -> date | None:
        """The earliest follow-up of a promise not kept."""
        day = self.next_follow_up_day
        return date.fromisoformat(day) if day else None

    def to_json(self) -> str:
        """The digest as the index keeps it (one JSON array)."""
        return json.dumps(
            [
                self.id,
                self.order_number,
                self.status,
                self.category,
                self.item,
                self.created_at.isoformat(),
                self.contacts,
                self.last_contact.isoformat() if self.last_contact else None,
                self.next_follow_up_day,
                list(self.deadline_days),
            ],
            ensure_ascii=False,
        )

    @classmethod
    def from_head(cls, head: Any) -> Digest:
        """A digest from its JSON decoded (ValueError or TypeError if it is not one)."""
        (
            id_,
            order_number,
            status,
            category,
            item,
            created_at,
            contacts,
            last,
            next_day,
            deadline_days,
        ) = head
        if not isinstance(id_, str) or not isinstance(deadline_days, list):
            raise TypeError("not a digest")
        return cls(
            id_,
            order_number,
            status,
            category,
            item,
            datetime.fromisoformat(created_at),
            contacts,
            date.fromisoformat(last) if last else None,
            next_day,
            tuple(deadline_days),
        )


def _decode_all(summaries: list[str]) -> list[Any]:
    """The index's digest heads (or details) decoded in one pass (a JSON array each); one
    that is not JSON decodes as None (then the file is believed)."""
    try:
        # One parse of all: ten thousand `json.loads` calls cost several times as much.
        heads = json.loads("[" + ",".join(summaries) + "]")
        if isinstance(heads, list) and len(heads) == len(summaries):
            return heads
    except ValueError:
        pass
    decoded: list[Any] = []
    for text in summaries:
        try:
            decoded.append(json.loads(text))
        except ValueError:
            decoded.append(None)
    return decoded


def digest(complaint: Complaint) -> Digest:
    """The digest of a complaint."""
    return summarize(complaint)[0]


def summarize(complaint: Complaint) -> tuple[Digest, list[Event]]:
    """The digest of a complaint and its events: one per promise not kept (on its
    follow-up day), one per deadline (on its date), none for a closed complaint (nothing
    is awaited of it)."""
    from amazon_reclamation.domain import contacts
    from amazon_reclamation.domain.deadlines import compute_deadlines
    from amazon_reclamation.index import Event

    entries = contacts.effective(complaint.contacts)
    # The day given to these functions only decides "due" against "broken" and the days
    # left, neither of which a digest keeps.
    any_day = complaint.order_date or complaint.created_at.date()
    open_promises = sorted(
        (
            (p.contact.follow_up, p.contact)
            for p in contacts.to_chase(complaint, any_day)
            if p.contact.follow_up is not None
        ),
        key=lambda promise: (promise[0], promise[1].id),
    )
    deadlines = compute_deadlines(complaint, any_day)
    made = Digest(
        id=complaint.id,
        order_number=complaint.order_number,
        status=complaint.status,
        category=complaint.category,
        item=complaint.item,
        created_at=complaint.created_at,
        contacts=len(entries),
        last_contact=entries[-1].at.date() if entries else None,
        next_follow_up_day=open_promises[0][0].isoformat() if open_promises else None,
        deadline_days=tuple(d.date.isoformat() for d in deadlines),
    )
    if complaint.status != "open":
        return made, []
    rank = _rank_prefix(complaint)
    order = complaint.order_number
    events = [
        Event(
            FOLLOW_UP,
            day.isoformat(),
            _json(
                [
                    f"{rank}{seq:06d}",
                    order,
                    day.isoformat(),
                    contact.id,
                    contact.channel,
                    contact.agent,
                    contact.reference,
                    contact.promise,
                    None if contact.promise else contact.summary,
                    contacts.follow_up_kind(contact),
                ]
            ),
        )
        for seq, (day, contact) in enumerate(open_promises)
    ]
    events.extend(
        Event(
            DEADLINE,
            d.date.isoformat(),
            _json(
                [
                    f"{rank}{seq:06d}",
                    order,
                    d.date.isoformat(),
                    d.id,
                    d.rule.variant,
                    [[n.id, _iso(n.date), _iso(n.opens)] for n in d.notes],
                ]
            ),
        )
        for seq, d in enumerate(deadlines)
    )
    return made, events


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_RANKED_ID = slice(19, -7)  # where a rank holds the complaint's id


def _rank_prefix(complaint: Complaint) -> str:
    """The start of an event's rank: its complaint's creation, then id. Ranks sort as
    `due` lists, complaints oldest first (one created at the same moment by id, as listed),
    then each complaint's events in its own order (the rank ends with their number)."""
    # A record's times carry their offset (models.AwareDatetime).
    micro = (complaint.created_at - _EPOCH) // timedelta(microseconds=1) + 10**17  # never negative
    return f"{micro:018d} {complaint.id} "


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def summary(complaint: Complaint) -> tuple[str, list[Event]]:
    """A complaint as the index keeps it: its digest's JSON text and its events."""
    made, events = summarize(complaint)
    return made.to_json(), events


# The modules a digest, an event or an indexed document is made with (a test checks the
# list against what making them imports).
STAMPED = (
    "listing.py",
    "models.py",
    "records.py",
    "ids.py",
    "safe_text.py",
    "store.py",
    "index.py",
    "domain/contacts.py",
    "domain/deadlines.py",
    "domain/deadline_data.py",
    "knowledge/rules.py",
    "knowledge/periods.py",
    "knowledge/holiday_table.py",
    "knowledge/categories.py",
    "knowledge/applicable.py",
)


def digest_version() -> str:
    """What an index must have been built with to be used as is.

    The package version, the digest version, and the size and time of the modules a
    digest is computed from (the record's schema included): an edited checkout rebuilds
    its index too.
    """
    from amazon_reclamation import __version__

    here = Path(__file__).parent
    stamps = []
    for name in STAMPED:
        try:
            info = (here / name).stat()
            stamps.append(f"{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            stamps.append("?")
    return f"{__version__}/{DIGEST_VERSION}/{'/'.join(stamps)}"


# -- over the store -------------------------------------------------------------------


class Listed(NamedTuple):
    """A complaint file as listed: where it is and its digest."""

    folder: Path
    name: str
    digest: Digest

    @property
    def path(self) -> Path:
        """The complaint's file."""
        return self.folder / self.name


def catalogue(
    store: Store, needles: Sequence[str] | None = None
) -> tuple[list[Listed], list[Unreadable]]:
    """Every readable complaint with its digest, and the files that cannot be read.

    With `needles`, only the complaints whose digest's JSON text holds one of them (a
    look-up by order number reads one digest instead of thousands); a needle may let
    through more than it should, never less.
    """
    found = store.catalogue(summary, digest_version(), needles=needles)
    return _listed(store, found.files), found.unreadable


def _listed(store: Store, files: list[IndexedFile]) -> list[Listed]:
    listed = []
    from_head = Digest.from_head
    for item, head in zip(files, _decode_all([item.summary for item in files]), strict=True):
        try:
            found: Digest | None = from_head(head)
        except (ValueError, KeyError, TypeError):
            found = None
        if found is None or found.id != item.name.removesuffix(".json"):
            # An index row that is not a digest of this file: believe the file.
            found = digest(store.read(item.path))
        listed.append(Listed(item.folder, item.name, found))
    return listed


class Agenda(NamedTuple):
    """What is due: the promises due or overdue and the deadlines near, complaints oldest
    first (as `list` orders them); with the listing when it was asked for."""

    listed: list[Listed]
    unreadable: list[Unreadable]
    follow_ups: list[FollowUp]
    deadlines: list[Near]


def agenda(store: Store, today: date, window: int | None = None, *, heads: bool = False) -> Agenda:
    """The open complaints' promises due by `today`, and with `window` their deadlines
    within that many days of it (a right already used or a window closed included: the
    caller looks at `Deadline.alarm`). With `heads`, every complaint's digest too.

    Only the events found by their day are read: no digest, no other promise.
    """
    from amazon_reclamation.index import EventQuery

    queries = [EventQuery(FOLLOW_UP, None, today.isoformat())]
    if window is not None:
        first, last = today - timedelta(days=window), today + timedelta(days=window)
        queries.append(EventQuery(DEADLINE, first.isoformat(), last.isoformat()))
    sizes = [10, 6][: len(queries)]  # the length of a follow-up's, a deadline's payload
    for attempt in range(2):
        found = store.catalogue(
            summary, digest_version(), needles=None if heads else (), events=queries
        )
        payloads = [_payloads(text, size) for text, size in zip(found.events, sizes, strict=True)]
        if all(values is not None for values in payloads) or attempt:
            break
        # Not ours (an index damaged or edited by hand): not believed, rebuilt from the files.
        store.forget_index()
    listed = _listed(store, found.files) if heads else []
    # A payload is a follow-up's fields in order, its complaint's id where its rank was:
    # made as `FollowUp._make` makes it, without checking its length again.
    make = partial(tuple.__new__, FollowUp)
    follow_ups = list(map(make, payloads[0] or []))
    near = []
    if window is not None:
        near = [Near(value[0], value[1], _deadline(value, today)) for value in payloads[1] or []]
    return Agenda(listed, found.unreadable, follow_ups, near)


def _payloads(text: str, size: int) -> list[list[Any]] | None:
    """The payloads found (joined by commas), decoded, in their ranks' order, each with its
    complaint's id in place of its rank; None if one is not ours."""
    try:
        values: list[list[Any]] = json.loads(f"[{text}]")
        if not values:
            return []
        if set(map(type, values)) != {list} or set(map(len, values)) != {size}:
            return None
        if set(map(type, [value[0] for value in values])) != {str}:
            return None
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    values.sort(key=_first)
    for value in values:
        value[0] = value[0][_RANKED_ID]
    return values


def _first(value: list[Any]) -> Any:
    return value[0]


def _deadline(value: list[Any], today: date) -> Deadline:
    """A deadline from its event's payload, as `compute_deadlines` gives it today."""
    from amazon_reclamation.domain.deadline_data import Deadline, Note
    from amazon_reclamation.knowledge.applicable import rule_variant

    _id, _order, day, rule_id, variant, notes = value
    when = date.fromisoformat(day)
    return Deadline(
        rule_id,
        rule_variant(rule_id, variant),
        when,
        (when - today).days,
        tuple(Note(note_id, _day(on), _day(opens)) for note_id, on, opens in notes),
    )


def find(store: Store, ref: str, order_number: str | None) -> Complaint:
    """The complaint whose id is `ref` (or starts with it), or whose order number matches.

    `order_number` is `ref` normalised by the caller when it reads as one. Between
    several complaints for one order, the single open one is taken.
    """
    from amazon_reclamation.errors import AmbiguousRef, NotFound
    from amazon_reclamation.i18n import _
    from amazon_reclamation.parsing import shown
    from amazon_reclamation.records import ID_ALPHABET, is_valid_id

    ref = ref.strip().lower()
    if is_valid_id(ref):
        with contextlib.suppress(FileNotFoundError):
            return store.read_with_stat(store.path_for(ref), digest_version())[0]
    by_id = ref and all(char in ID_ALPHABET for char in ref)
    # The digest's JSON holds both as written: a text test skips parsing the others.
    needles = [order_number] if order_number else []
    listed, unreadable = catalogue(store, [*needles, ref] if by_id else needles)
    matches = [i for i in listed if order_number and i.digest.order_number == order_number]
    if not matches and by_id:
        matches = [i for i in listed if i.digest.id.startswith(ref)]
    if len(matches) > 1:
        open_matches = [i for i in matches if i.digest.status == "open"]
        if len(open_matches) != 1:
            raise AmbiguousRef(
                _(
                    "« {ref} » correspond à plusieurs réclamations ({ids}) ; donnez l'identifiant."
                ).format(ref=shown(ref, 40), ids=", ".join(i.digest.id for i in matches)),
                [i.digest.id for i in matches],
            )
        matches = open_matches
    if len(matches) == 1:
        return store.load(matches[0].path, digest_version())
    hint = ""
    if unreadable:
        hint = " " + _("{count} fichier(s) illisible(s) : voir reclam list.").format(
            count=len(unreadable)
        )
    raise NotFound(
        _(
            "Aucune réclamation « {ref} » ; donnez un identifiant ou un numéro de commande "
            "(voir reclam list)."
        ).format(ref=shown(ref, 40))
        + hint
    )
