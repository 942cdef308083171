"""The contact log as evidence: timeline, promises and what is due. Pure functions.

The log is append-only. A wrong entry is never edited: a *correction* entry
(`corrects` = the id of the entry it replaces) is added, and the original stays in
the file and on the timeline, marked as corrected. Computations below use the
*effective* entries: every entry that no later correction replaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

from amazon_reclamation.ids import default_step

if TYPE_CHECKING:
    from amazon_reclamation.ids import StepId
    from amazon_reclamation.models import Complaint, Contact

PromiseState = Literal["kept", "due", "broken"]

# What a follow-up date stands for: something the other side promised ("promise"), the
# last day the user's formal notice gave ("formal_notice": nobody announced anything),
# or a reply or call-back announced by the other side ("announced").
FollowUpKind = Literal["promise", "formal_notice", "announced"]


def timeline(contacts: Iterable[Contact]) -> list[Contact]:
    """All entries, oldest first (ties in the order they were recorded)."""
    return sorted(contacts, key=lambda c: (c.at, c.id))


def step_of(contact: Contact) -> StepId:
    """The escalation step a contact performed (a record built without one: by channel)."""
    return contact.step or default_step(contact.channel)


def corrected_ids(contacts: Iterable[Contact]) -> set[int]:
    """Ids of entries replaced by a correction."""
    return {c.corrects for c in contacts if c.corrects is not None}


def effective(contacts: Sequence[Contact]) -> list[Contact]:
    """The entries that count (not replaced by a correction), oldest first."""
    replaced = corrected_ids(contacts)
    return [c for c in timeline(contacts) if c.id not in replaced]


def promise_state(promise: Contact, contacts: Sequence[Contact], today: date) -> PromiseState:
    """Kept when a later contact says resolved; due until its follow-up date; then broken.

    The follow-up day itself is still "due": the promise is broken from the next day.
    """
    if any(
        c.outcome == "resolved" and c.at >= promise.at and c.id != promise.id
        for c in effective(contacts)
    ):
        return "kept"
    if promise.follow_up is None or promise.follow_up >= today:
        return "due"
    return "broken"


def chased(promise: Contact, contacts: Sequence[Contact]) -> bool:
    """True once the consumer got back to it: a later contact on or after its follow-up
    day (a call, a chat, a formal notice ...). `due`, `list` and the dashboard stop
    reminding of it (what is to do now is that contact's own follow-up, if any); it stays a
    promise not kept for the timeline, escalation and the letters."""
    day = promise.follow_up
    return day is not None and any(
        c.id != promise.id and c.at > promise.at and c.at.date() >= day for c in effective(contacts)
    )


def is_followed_up(contact: Contact) -> bool:
    """A promise, or another contact given a follow-up date (a call-back announced)."""
    return contact.outcome == "promise" or (
        contact.follow_up is not None and contact.outcome != "resolved"
    )


def follow_up_kind(contact: Contact) -> FollowUpKind:
    """What the contact's follow-up date is, for every place that words it.

    A promise stays a promise whatever the step (a reply to a formal notice that
    promises a refund); otherwise a contact that sent a formal notice waits for the
    end of the time it gave, not for something announced.
    """
    if contact.outcome == "promise":
        return "promise"
    if step_of(contact) == "formal_notice":
        return "formal_notice"
    return "announced"


class PromiseStatus(NamedTuple):
    """A promise and its state today."""

    contact: Contact
    state: PromiseState


def promises(complaint: Complaint, today: date) -> list[PromiseStatus]:
    """Every effective promise or follow-up of the complaint, oldest first, with its state.

    A call-back announced with a date is tracked like a promise: due, then broken.
    """
    entries = effective(complaint.contacts)
    return [
        PromiseStatus(c, promise_state(c, entries, today)) for c in entries if is_followed_up(c)
    ]


def broken_promises(complaint: Complaint, today: date) -> list[Contact]:
    """Promises whose follow-up date has passed with no resolution."""
    return [p.contact for p in promises(complaint, today) if p.state == "broken"]


def failed_attempts(complaint: Complaint) -> int:
    """Contacts that got no answer (hung up, chat closed, e-mail unanswered)."""
    return sum(1 for c in effective(complaint.contacts) if c.outcome == "no_answer")


def last_contact(complaint: Complaint) -> Contact | None:
    """The most recent effective contact."""
    entries = effective(complaint.contacts)
    return entries[-1] if entries else None


def next_follow_up(complaint: Complaint, today: date) -> PromiseStatus | None:
    """The earliest follow-up still to chase (due, or broken and not chased), if any."""
    open_ones = to_chase(complaint, today)
    return min(open_ones, key=lambda p: p.contact.follow_up or today, default=None)


def awaited(complaint: Complaint, today: date) -> list[Contact]:
    """The follow-ups still awaited: a promise or call-back due (its date today or later,
    not kept) with no refusal logged since it, oldest first. What escalation waits for,
    and what the calendar reminds of."""
    entries = effective(complaint.contacts)
    due = [
        p.contact
        for p in promises(complaint, today)
        if p.state == "due" and p.contact.follow_up is not None
    ]
    return [p for p in due if not any(e.outcome == "refused" and e.at > p.at for e in entries)]


def to_chase(complaint: Complaint, today: date) -> list[PromiseStatus]:
    """The promises and call-backs not kept that the consumer has not got back to since
    their day (`chased`), oldest first: what `due` and `list` remind of."""
    entries = effective(complaint.contacts)
    return [
        p
        for p in promises(complaint, today)
        if p.state != "kept" and p.contact.follow_up is not None and not chased(p.contact, entries)
    ]


def due_follow_ups(complaint: Complaint, today: date) -> list[PromiseStatus]:
    """Follow-ups due today or overdue and not chased since (what `reclam due` lists)."""
    return [p for p in to_chase(complaint, today) if (p.contact.follow_up or today) <= today]


def needs_written_confirmation(contact: Contact) -> bool:
    """A promise or a refusal made by phone or chat should be confirmed in writing."""
    return contact.channel in ("phone", "chat") and contact.outcome in ("promise", "refused")
