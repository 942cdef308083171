"""The days to remember of one complaint, as data: what the calendar export holds. Pure.

An open complaint gives one event per deadline still to come (today included) that is
an alarm for the user, as `reclam due` decides it (`Deadline.alarm`: not a right
already used in time, not a window that closes before its date), and at most one
event for the follow-up awaited (`contacts.awaited`: a promise or a call-back due, not
kept, no refusal since it). A closed complaint gives none.

Each event carries the escalation step reclam would advise on its day if nothing is
logged meanwhile (`escalation.decide` on that day; for a follow-up, on the day after,
once the promise is broken), or None when reclam would advise waiting.

Each event has a key that does not depend on its date, from which its iCalendar UID is
made (`<complaint id>-<key>@reclam`), so that importing a new export updates the events
of the previous one instead of adding copies:

- a deadline's key is its rule id: the date of a rule may move (a delivery date
  corrected) and the event moves with it;
- the follow-up's key is `follow-up`, one per complaint, whichever contact gave it.
  What the user waits for is the trader keeping its word, not one contact: a new
  promise logged after the old one was broken, or a correction of the contact
  (`log --corrects`), moves the same event to the new date. When several are awaited
  at once, the event is on the earliest, the day escalation waits for (the other
  comes up in the next export, once the first is past).

So that a calendar takes a moved event as a newer version of the one it holds, every
event of a complaint has its revision (`revision`, the iCalendar SEQUENCE) and the
moment of its last change (`last_change`, DTSTAMP and LAST-MODIFIED), both from the
record alone: the same data gives the same values, whatever the day of the export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.domain import contacts
from amazon_reclamation.domain.deadlines import compute_deadlines

if TYPE_CHECKING:
    from amazon_reclamation.domain.deadline_data import Deadline
    from amazon_reclamation.ids import StepId
    from amazon_reclamation.models import Complaint, Contact

EventKind = Literal["deadline", "follow_up"]

FOLLOW_UP_KEY = "follow-up"  # never a rule id: those are snake_case
UID_DOMAIN = "reclam"


@dataclass(frozen=True)
class Event:
    """One all-day event: its key, its day, what it is and the step to take."""

    complaint_id: str
    key: str  # the rule id of a deadline, or FOLLOW_UP_KEY
    day: dt.date
    deadline: Deadline | None = None
    follow_up: Contact | None = None  # the contact that gave the follow-up date
    step: StepId | None = None  # the step reclam would advise then; None: wait

    @property
    def kind(self) -> EventKind:
        """ "deadline" or "follow_up"."""
        return "deadline" if self.deadline is not None else "follow_up"

    @property
    def uid(self) -> str:
        """The iCalendar UID: the same for this event in every export."""
        return f"{self.complaint_id}-{self.key}@{UID_DOMAIN}"


def _step_on(complaint: Complaint, day: dt.date) -> StepId | None:
    from amazon_reclamation.domain.escalation import decide

    now = decide(complaint, day).now
    return now.id if now is not None else None


def awaited_follow_up(complaint: Complaint, today: dt.date) -> Contact | None:
    """The follow-up the calendar shows: the earliest one still awaited, if any."""
    awaited = contacts.awaited(complaint, today)
    return min(awaited, key=lambda c: (c.follow_up or today, c.at, c.id), default=None)


def events(complaint: Complaint, today: dt.date) -> list[Event]:
    """The complaint's events, by day then key; none for a closed complaint."""
    if complaint.status != "open":
        return []
    found = [
        Event(complaint.id, d.id, d.date, deadline=d, step=_step_on(complaint, d.date))
        for d in compute_deadlines(complaint, today)
        if not d.passed and d.alarm
    ]
    awaited = awaited_follow_up(complaint, today)
    if awaited is not None and awaited.follow_up is not None:
        day = awaited.follow_up
        after = _step_on(complaint, day + dt.timedelta(days=1))
        found.append(Event(complaint.id, FOLLOW_UP_KEY, day, follow_up=awaited, step=after))
    return sorted(found, key=lambda e: (e.day, e.key))


def cancelled_events(complaint: Complaint, today: dt.date) -> list[Event]:
    """The events a closed complaint had when it was closed: a calendar that imported them
    removes them when it reads them again as cancelled (same UIDs). None for an open one."""
    if complaint.status == "open":
        return []
    closed = complaint.closed_at.date() if complaint.closed_at is not None else today
    return events(complaint.model_copy(update={"status": "open"}), min(closed, today))


def revision(complaint: Complaint) -> int:
    """The revision of the complaint's events: the number of entries in its contact log.

    The log is append-only (a correction is a new entry), so the number only grows, and
    it grows with every record that moves a follow-up: a promise, a correction, a formal
    notice sent. The deadlines' dates come from facts that no command changes.
    """
    return len(complaint.contacts)


def last_change(complaint: Complaint) -> dt.datetime:
    """The complaint's last recorded change, in UTC: the latest of its creation, its
    closing and the recording of its contacts (a record without a time zone counts in
    the local one)."""
    moments = [complaint.created_at, *(c.recorded_at for c in complaint.contacts)]
    if complaint.closed_at is not None:
        moments.append(complaint.closed_at)
    return max(moment.astimezone(dt.UTC) for moment in moments)
