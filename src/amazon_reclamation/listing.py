"""What `list`, `due` and the look-ups need of each complaint, as plain data.

A `Digest` is computed once per version of a complaint file and kept in the store's
index (`index.py`), so that listing 10,000 complaints reads no file and validates no
record. It holds only ids, dates and counts, never wording: the same digest serves
every language. Everything in it is independent of today; what depends on today (a
promise broken, a deadline near) is decided when it is read.

Change what a digest holds, or how it is computed, and raise DIGEST_VERSION: every
index is then rebuilt on the next run.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    from amazon_reclamation.domain.contacts import FollowUpKind
    from amazon_reclamation.domain.deadlines import Deadline
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.records import Unreadable
    from amazon_reclamation.store import Store

DIGEST_VERSION = 5

# A digest's detail: the promises not kept (follow-up day, contact id, channel, agent,
# reference, promise, summary, follow-up kind) and the deadlines (day, rule id, variant, notes).
Detail = tuple[list[list[Any]], list[list[Any]]]


class FollowUp(NamedTuple):
    """A promise not kept yet, with what `due` shows of it (a tuple: `due` makes tens of
    thousands at 10,000 complaints)."""

    day: date  # the follow-up date the promise was given
    contact_id: int
    channel: str
    agent: str | None
    reference: str | None
    promise: str | None
    summary: str | None
    kind: FollowUpKind  # a promise, a formal notice's deadline, a reply announced

    def state(self, today: date) -> str:
        """ "due" until the follow-up day (included), "broken" from the next day."""
        return "broken" if self.day < today else "due"


class Digest(NamedTuple):
    """One complaint as `list` shows it, with the dates `due` looks at (a tuple, like
    `FollowUp`: a listing makes ten thousand, and a frozen dataclass costs several times
    as much to build).

    It comes in two parts, kept apart in the index: the head (what `list` shows, and
    the days `due` looks at) and the detail (the promises not kept and the deadlines,
    whole), which only `due` and the dashboard read, and only for the complaints whose
    days fall in their window (`may_be_due`). `detail` is None when it was not asked for.
    """

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
    # The promises not kept yet (a promise is kept by a later "resolved" contact,
    # whatever the day), earliest first, and the complaint's deadlines, nearest first:
    # (date, rule id, rule variant, notes as (id, date, opens)), as JSON text.
    detail: Detail | None = None

    def next_follow_up(self) -> date | None:
        """The earliest follow-up of a promise not kept."""
        day = self.next_follow_up_day
        return date.fromisoformat(day) if day else None

    def may_be_due(self, today: date, window_days: int) -> bool:
        """True when a follow-up is due or a deadline is within `window_days` of today."""
        first = (today - timedelta(days=window_days)).isoformat()
        last = (today + timedelta(days=window_days)).isoformat()
        day = self.next_follow_up_day
        return (day is not None and day <= today.isoformat()) or any(
            first <= deadline <= last for deadline in self.deadline_days
        )

    def _detail(self) -> Detail:
        if self.detail is None:
            raise RuntimeError(f"the digest of {self.id} was listed without its detail")
        return self.detail

    @property
    def follow_ups(self) -> list[FollowUp]:
        """The promises not kept yet, earliest first."""
        return [FollowUp(date.fromisoformat(day), *rest) for day, *rest in self._detail()[0]]

    def due_follow_ups(self, today: date) -> list[FollowUp]:
        """Follow-ups due today or overdue (what `reclam due` lists)."""
        limit = today.isoformat()
        if self.next_follow_up_day is None or self.next_follow_up_day > limit:
            return []
        return [
            FollowUp(date.fromisoformat(day), *rest)
            for day, *rest in self._detail()[0]
            if day <= limit
        ]

    def deadlines_near(self, today: date, window_days: int) -> list[Deadline]:
        """The deadlines within `window_days` of today, as `compute_deadlines` gives them."""
        first = (today - timedelta(days=window_days)).isoformat()
        last = (today + timedelta(days=window_days)).isoformat()
        if not any(first <= day <= last for day in self.deadline_days):
            return []
        from amazon_reclamation.domain.deadlines import Deadline, Note
        from amazon_reclamation.knowledge.applicable import rule_variant

        found = []
        for day, rule_id, variant, notes in self._detail()[1]:
            if first <= day <= last:
                when = date.fromisoformat(day)
                found.append(
                    Deadline(
                        rule_id,
                        rule_variant(rule_id, variant),
                        when,
                        (when - today).days,
                        tuple(Note(note_id, _day(on), _day(opens)) for note_id, on, opens in notes),
                    )
                )
        return found

    def to_json(self) -> str:
        """The head of the digest as the index keeps it (one JSON array)."""
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
    def from_json(cls, text: str, detail: Detail | None = None) -> Digest:
        """A digest read back from the index (ValueError or TypeError if it is not one)."""
        return cls.from_head(json.loads(text), detail)

    @classmethod
    def from_head(cls, head: Any, detail: Detail | None = None) -> Digest:
        """A digest from its head decoded from JSON (ValueError or TypeError if it is not
        one)."""
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
            detail,
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
    """The digest of a complaint, with its detail."""
    from amazon_reclamation.domain import contacts
    from amazon_reclamation.domain.deadlines import compute_deadlines

    entries = contacts.effective(complaint.contacts)
    # The day given to these functions only decides "due" against "broken" and the days
    # left, neither of which a digest keeps.
    any_day = complaint.order_date or complaint.created_at.date()
    open_promises: list[list[Any]] = sorted(
        (
            [
                p.contact.follow_up.isoformat(),
                p.contact.id,
                p.contact.channel,
                p.contact.agent,
                p.contact.reference,
                p.contact.promise,
                p.contact.summary,
                contacts.follow_up_kind(p.contact),
            ]
            for p in contacts.promises(complaint, any_day)
            if p.state != "kept" and p.contact.follow_up is not None
        ),
        key=lambda raw: (raw[0], raw[1]),
    )
    deadlines: list[list[Any]] = [
        [
            d.date.isoformat(),
            d.id,
            d.rule.variant,
            [[n.id, _iso(n.date), _iso(n.opens)] for n in d.notes],
        ]
        for d in compute_deadlines(complaint, any_day)
    ]
    return Digest(
        id=complaint.id,
        order_number=complaint.order_number,
        status=complaint.status,
        category=complaint.category,
        item=complaint.item,
        created_at=complaint.created_at,
        contacts=len(entries),
        last_contact=entries[-1].at.date() if entries else None,
        next_follow_up_day=open_promises[0][0] if open_promises else None,
        deadline_days=tuple(row[0] for row in deadlines),
        detail=(open_promises, deadlines),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def digest_json(complaint: Complaint) -> tuple[str, str]:
    """The digest of a complaint as the index keeps it: its head and its detail."""
    made = digest(complaint)
    return made.to_json(), json.dumps(made.detail, ensure_ascii=False)


def parse_detail(text: str) -> Detail:
    """A digest's detail read back from the index (ValueError if it is not one)."""
    return detail_of(json.loads(text))


def detail_of(data: Any) -> Detail:
    """A digest's detail from its JSON decoded (ValueError if it is not one)."""
    # The shape only: the index wrote it from a validated record, for this file's version.
    if not (isinstance(data, list) and len(data) == 2 and all(isinstance(p, list) for p in data)):
        raise ValueError("not a digest's detail")
    return data[0], data[1]


def digest_version() -> str:
    """What an index must have been built with to be used as is.

    The package version, the digest version, and the size and time of the modules a
    digest is computed from (the record's schema included): an edited checkout rebuilds
    its index too.
    """
    from amazon_reclamation import __version__

    here = Path(__file__).parent
    stamps = []
    for name in (
        "listing.py",
        "models.py",
        "records.py",
        "domain/contacts.py",
        "domain/deadlines.py",
        "knowledge/rules.py",
        "knowledge/periods.py",
        "knowledge/categories.py",
        "knowledge/applicable.py",
    ):
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
    store: Store,
    hint: Callable[[str], bool] | None = None,
    detailed: Callable[[Digest], bool] | None = None,
) -> tuple[list[Listed], list[Unreadable]]:
    """Every readable complaint with its digest, and the files that cannot be read.

    With `hint`, only the digests whose JSON text passes it are parsed (a look-up by
    order number reads one digest instead of thousands); a hint may let through more
    than it should, never less. The digests that pass `detailed` come with their detail
    (the others without: listing needs only the heads).
    """
    from amazon_reclamation.errors import CorruptRecord

    files, unreadable = store.catalogue(digest_json, digest_version())
    if hint is not None:
        files = [item for item in files if hint(item.summary)]
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
        elif item.detail is not None:
            found = found._replace(detail=parse_detail(item.detail))
        listed.append(Listed(item.folder, item.name, found))
    if detailed is None:
        return listed, unreadable
    wanted = [i for i in listed if i.digest.detail is None and detailed(i.digest)]
    kept = store.details([i.name for i in wanted])
    held = [i for i in wanted if i.name in kept]
    texts = [kept[i.name] for i in held]
    decoded = dict(zip([i.name for i in held], _decode_all(texts), strict=True))
    replaced: dict[str, Listed | None] = {}
    for i in wanted:
        try:
            full = i.digest._replace(detail=detail_of(decoded[i.name]))
        except (KeyError, ValueError, TypeError):
            # Not in the index, or not a detail: believe the file.
            try:
                full = digest(store.read(i.path))
            except (FileNotFoundError, CorruptRecord):
                replaced[i.name] = None  # gone or damaged since it was listed
                continue
        replaced[i.name] = Listed(i.folder, i.name, full)
    if replaced:
        listed = [new for i in listed if (new := replaced.get(i.name, i)) is not None]
    return listed, unreadable


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
    listed, unreadable = catalogue(
        store,
        # The digest's JSON holds both as written: a text test skips parsing the others.
        lambda text: bool(order_number and order_number in text) or bool(by_id and ref in text),
    )
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
