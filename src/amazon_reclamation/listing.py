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
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from amazon_reclamation.domain.deadlines import Deadline
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.records import Unreadable
    from amazon_reclamation.store import Store

DIGEST_VERSION = 3


@dataclass(frozen=True)
class FollowUp:
    """A promise not kept yet, with what `due` shows of it."""

    day: date  # the follow-up date the promise was given
    contact_id: int
    channel: str
    agent: str | None
    reference: str | None
    promise: str | None
    summary: str | None

    def state(self, today: date) -> str:
        """ "due" until the follow-up day (included), "broken" from the next day."""
        return "broken" if self.day < today else "due"


@dataclass(frozen=True)
class Digest:
    """One complaint as `list` shows it, with the dates `due` looks at."""

    id: str
    order_number: str | None  # None: a charge that matches no order
    status: str
    category: str
    item: str | None
    created_at: datetime
    contacts: int  # effective contacts (corrected entries not counted)
    last_contact: date | None
    # The promises not kept yet (a promise is kept by a later "resolved" contact,
    # whatever the day), earliest first, and the complaint's deadlines, nearest first:
    # (date, rule id, rule variant, notes as (id, date, opens)). Both as the index keeps
    # them, ISO dates first: ISO dates compare as text, so that listing 10,000
    # complaints parses none of them, and `due` words a deadline without the record.
    follow_ups_raw: tuple[tuple[Any, ...], ...]
    deadline_rows: tuple[tuple[Any, ...], ...]

    @property
    def follow_ups(self) -> list[FollowUp]:
        """The promises not kept yet, earliest first."""
        return [FollowUp(date.fromisoformat(day), *rest) for day, *rest in self.follow_ups_raw]

    def next_follow_up(self) -> date | None:
        """The earliest follow-up of a promise not kept."""
        return date.fromisoformat(self.follow_ups_raw[0][0]) if self.follow_ups_raw else None

    def due_follow_ups(self, today: date) -> list[FollowUp]:
        """Follow-ups due today or overdue (what `reclam due` lists)."""
        limit = today.isoformat()
        return [
            FollowUp(date.fromisoformat(day), *rest)
            for day, *rest in self.follow_ups_raw
            if day <= limit
        ]

    def deadlines_near(self, today: date, window_days: int) -> list[Deadline]:
        """The deadlines within `window_days` of today, as `compute_deadlines` gives them."""
        from amazon_reclamation.domain.deadlines import Deadline, Note
        from amazon_reclamation.knowledge.applicable import rule_variant

        first = (today - timedelta(days=window_days)).isoformat()
        last = (today + timedelta(days=window_days)).isoformat()
        found = []
        for day, rule_id, variant, notes in self.deadline_rows:
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
        """The digest as the index keeps it."""
        return json.dumps(
            {
                "id": self.id,
                "order_number": self.order_number,
                "status": self.status,
                "category": self.category,
                "item": self.item,
                "created_at": self.created_at.isoformat(),
                "contacts": self.contacts,
                "last_contact": self.last_contact.isoformat() if self.last_contact else None,
                "follow_ups": [list(raw) for raw in self.follow_ups_raw],
                "deadlines": [list(row) for row in self.deadline_rows],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Digest:
        """A digest read back from the index (ValueError or KeyError if it is not one)."""
        data: dict[str, Any] = json.loads(text)
        last = data["last_contact"]
        return cls(
            id=data["id"],
            order_number=data["order_number"],
            status=data["status"],
            category=data["category"],
            item=data["item"],
            created_at=datetime.fromisoformat(data["created_at"]),
            contacts=data["contacts"],
            last_contact=date.fromisoformat(last) if last else None,
            follow_ups_raw=tuple(map(tuple, data["follow_ups"])),
            deadline_rows=tuple(tuple(row) for row in data["deadlines"]),
        )


def digest(complaint: Complaint) -> Digest:
    """The digest of a complaint."""
    from amazon_reclamation.domain import contacts
    from amazon_reclamation.domain.deadlines import compute_deadlines

    entries = contacts.effective(complaint.contacts)
    # The day given to these functions only decides "due" against "broken" and the days
    # left, neither of which a digest keeps.
    any_day = complaint.order_date or complaint.created_at.date()
    open_promises = sorted(
        (
            (
                p.contact.follow_up.isoformat(),
                p.contact.id,
                p.contact.channel,
                p.contact.agent,
                p.contact.reference,
                p.contact.promise,
                p.contact.summary,
            )
            for p in contacts.promises(complaint, any_day)
            if p.state != "kept" and p.contact.follow_up is not None
        ),
        key=lambda raw: (raw[0], raw[1]),
    )
    return Digest(
        id=complaint.id,
        order_number=complaint.order_number,
        status=complaint.status,
        category=complaint.category,
        item=complaint.item,
        created_at=complaint.created_at,
        contacts=len(entries),
        last_contact=entries[-1].at.date() if entries else None,
        follow_ups_raw=tuple(open_promises),
        deadline_rows=tuple(
            (
                d.date.isoformat(),
                d.id,
                d.rule.variant,
                [[n.id, _iso(n.date), _iso(n.opens)] for n in d.notes],
            )
            for d in compute_deadlines(complaint, any_day)
        ),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def digest_json(complaint: Complaint) -> str:
    """The digest of a complaint, as the index keeps it."""
    return digest(complaint).to_json()


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


@dataclass(frozen=True)
class Listed:
    """A complaint file as listed: where it is and its digest."""

    path: Path
    digest: Digest


def catalogue(
    store: Store, hint: Callable[[str], bool] | None = None
) -> tuple[list[Listed], list[Unreadable]]:
    """Every readable complaint with its digest, and the files that cannot be read.

    With `hint`, only the digests whose JSON text passes it are parsed (a look-up by
    order number reads one digest instead of thousands); a hint may let through more
    than it should, never less.
    """
    files, unreadable = store.catalogue(digest_json, digest_version())
    listed = []
    for item in files:
        if hint is not None and not hint(item.summary):
            continue
        try:
            found = Digest.from_json(item.summary)
        except (ValueError, KeyError, TypeError):
            found = None
        if found is None or found.id != item.path.name.removesuffix(".json"):
            # An index row that is not a digest of this file: believe the file.
            found = digest(store.read(item.path))
        listed.append(Listed(item.path, found))
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
            return store.read(store.path_for(ref))
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
        return store.load(matches[0].path)
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
