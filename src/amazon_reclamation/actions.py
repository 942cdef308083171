"""Record operations: create a complaint, log or correct a contact, close, reopen, delete,
attach evidence files.

The small library under the command line: each operation checks what the record allows,
then changes it through the store (under its lock, atomically). Tests and any future
front-end call these directly; nothing here prompts or prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from amazon_reclamation import ids
from amazon_reclamation.errors import InvalidInput, ReclamError
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.evidence_files import CopyState, Source
    from amazon_reclamation.listing import Digest
    from amazon_reclamation.models import Attachment, Complaint, Contact
    from amazon_reclamation.store import Store


CLOSINGS = ids.CLOSINGS


def create(store: Store, answers: dict[str, Any], now: dt.datetime) -> Complaint:
    """Save a new complaint built from the wizard's answers; the draft is then dropped."""
    from amazon_reclamation.ui import questions

    complaint = store.create(lambda new_id: questions.build_complaint(answers, new_id, now))
    store.clear_draft()
    return complaint


def _for_order(store: Store, order_number: str | None) -> list[Digest]:
    """The digests of the complaints about this order (the index answers; none without one)."""
    from amazon_reclamation import listing

    if not order_number:  # a charge with no order shares it with none
        return []
    return [
        item.digest
        for item in listing.catalogue(store, [order_number])[0]
        if item.digest.order_number == order_number
    ]


def same_order(store: Store, complaint: Complaint) -> list[str]:
    """The ids of the other complaints about the same order."""
    return [d.id for d in _for_order(store, complaint.order_number) if d.id != complaint.id]


def open_for_order(store: Store, order_number: str | None) -> list[str]:
    """The ids of the open complaints about this order (before creating another one)."""
    return [d.id for d in _for_order(store, order_number) if d.status == "open"]


class ContactEntry(NamedTuple):
    """One contact as the user gives it; `at` None means now."""

    channel: str
    outcome: str
    at: dt.datetime | None = None
    at_has_time: bool = True
    agent: str | None = None
    reference: str | None = None
    summary: str | None = None
    promise: str | None = None
    follow_up: dt.date | None = None
    corrects: int | None = None
    step: str | None = None  # None: `ids.default_step(channel)`


def check_correctable(complaint: Complaint, contact_id: int) -> None:
    """A contact can be corrected once; a later fix corrects the correction."""
    if all(c.id != contact_id for c in complaint.contacts):
        raise InvalidInput(
            _("--corrects : la réclamation {id} n'a pas de contact n° {n}.").format(
                id=complaint.id, n=contact_id
            )
        )
    later = next((c.id for c in complaint.contacts if c.corrects == contact_id), None)
    if later is not None:
        raise InvalidInput(
            _(
                "--corrects : le contact n° {n} est déjà corrigé par le n° {later} ; "
                "corrigez le n° {later}."
            ).format(n=contact_id, later=later)
        )


def check_open(complaint: Complaint) -> None:
    """A closed complaint takes no new contact: it is reopened first."""
    from amazon_reclamation.texts import labels

    if complaint.status != "open":
        raise ReclamError(
            _(
                "La réclamation {id} est clôturée ({status}) ; pour y noter un contact, "
                "rouvrez-la d'abord : reclam reopen {id}"
            ).format(id=complaint.id, status=labels.label(labels.STATUS, complaint.status))
        )


def check_contact(complaint: Complaint, entry: ContactEntry, now: dt.datetime) -> None:
    """Refuse a contact the record cannot hold, before anything is written."""
    check_open(complaint)
    if entry.follow_up is not None and entry.outcome == "resolved":
        raise InvalidInput(
            _(
                "--follow-up : un contact résolu n'a pas de suivi ; retirez --follow-up ou "
                "choisissez un autre --outcome."
            )
        )
    if entry.outcome == "promise" and entry.follow_up is None:
        raise InvalidInput(
            _("--follow-up : une promesse se suit à une date ; ajoutez --follow-up JJ/MM/AAAA.")
        )
    moment = entry.at or now
    if complaint.order_date is not None and moment.date() < complaint.order_date:
        raise InvalidInput(
            _("--at : le contact ne peut pas précéder la commande du {date}.").format(
                date=complaint.order_date.strftime("%d/%m/%Y")
            )
        )
    if entry.corrects is not None:
        check_correctable(complaint, entry.corrects)


def _corrected_step(complaint: Complaint, entry: ContactEntry) -> str | None:
    """A correction performs the step of the contact it corrects, unless told otherwise
    (correcting the date of a formal notice keeps it a formal notice)."""
    from amazon_reclamation.domain.contacts import step_of

    if entry.corrects is None:
        return None
    corrected = next((c for c in complaint.contacts if c.id == entry.corrects), None)
    return step_of(corrected) if corrected is not None else None


def log_contact(
    store: Store, complaint: Complaint, entry: ContactEntry, now: dt.datetime
) -> tuple[Complaint, Contact]:
    """Append one contact to the complaint's log; returns the saved record and contact."""
    check_contact(complaint, entry, now)

    def append(current: Complaint) -> Complaint:
        from amazon_reclamation.models import Contact

        check_open(current)  # a concurrent close may have landed
        if entry.corrects is not None:
            check_correctable(current, entry.corrects)  # a concurrent fix may have landed
        contact = Contact(
            id=max((c.id for c in current.contacts), default=0) + 1,
            at=entry.at or now,
            at_precision="minute" if entry.at is None or entry.at_has_time else "day",
            recorded_at=now,
            step=entry.step or _corrected_step(current, entry) or ids.default_step(entry.channel),
            channel=entry.channel,
            agent=entry.agent,
            reference=entry.reference,
            summary=entry.summary,
            outcome=entry.outcome,
            promise=entry.promise,
            follow_up=entry.follow_up,
            corrects=entry.corrects,
        )
        return current.model_copy(update={"contacts": [*current.contacts, contact]})

    updated = store.update(complaint.id, append)
    return updated, updated.contacts[-1]


def check_closing(outcome: str) -> None:
    """Refuse a closing outcome other than resolved or abandoned."""
    if outcome not in CLOSINGS:
        raise InvalidInput(
            _(
                "--outcome : « {value} » n'est pas accepté ; choisissez resolved ou abandoned."
            ).format(value=outcome[:20])
        )


def close(store: Store, complaint_id: str, outcome: str, now: dt.datetime) -> Complaint:
    """Close an open complaint as resolved or abandoned."""
    from amazon_reclamation.texts import labels

    check_closing(outcome)

    def change(current: Complaint) -> Complaint:
        if current.status != "open":
            raise ReclamError(
                _("La réclamation {id} est déjà clôturée ({status}).").format(
                    id=current.id, status=labels.label(labels.STATUS, current.status)
                )
            )
        return current.model_copy(update={"status": outcome, "closed_at": now})

    return store.update(complaint_id, change)


def reopen(store: Store, complaint_id: str) -> Complaint:
    """Reopen a closed complaint."""

    def change(current: Complaint) -> Complaint:
        if current.status == "open":
            raise ReclamError(_("La réclamation {id} est déjà ouverte.").format(id=current.id))
        return current.model_copy(update={"status": "open", "closed_at": None})

    return store.update(complaint_id, change)


def delete(store: Store, complaint_id: str) -> None:
    """Remove a complaint and its file."""
    store.delete(complaint_id)


# -- evidence files ---------------------------------------------------------------------


class Attached(NamedTuple):
    """What `attach` did: the saved record, the entries added, and the files already kept
    (each with the number of the attachment that holds its content)."""

    complaint: Complaint
    added: list[Attachment]
    already: list[tuple[str, Attachment]]


def attach(
    store: Store, complaint_id: str, sources: Sequence[Source], note: str | None, now: dt.datetime
) -> Attached:
    """Keep a copy of each file with the complaint, once per content.

    A closed complaint takes attachments too: the evidence for a mediator or a court is
    often gathered after Amazon has closed the case. Same content as a kept attachment
    (or as an earlier file of the same call): not stored twice, reported in `already`.
    """
    found: list[tuple[list[Attachment], list[tuple[str, Attachment]]]] = []

    def add(current: Complaint) -> tuple[Complaint, list[Source]]:
        from amazon_reclamation.models import Attachment
        from amazon_reclamation.parsing import clean_text

        entries = list(current.attachments)
        next_id = max((a.id for a in entries), default=0) + 1
        added: list[Attachment] = []
        already: list[tuple[str, Attachment]] = []
        to_copy: list[Source] = []
        for source in sources:
            same = next((a for a in entries if a.sha256 == source.sha256 and a.file), None)
            if same is not None:
                already.append((source.name, same))
                continue
            entry = Attachment(
                id=next_id,
                name=" ".join(clean_text(source.name).split()) or source.file,
                file=source.file,
                sha256=source.sha256,
                size=source.size,
                media_type=source.type.media_type,
                added_at=now,
                note=note,
            )
            next_id += 1
            entries.append(entry)
            added.append(entry)
            to_copy.append(source)
        found[:] = [(added, already)]
        return current.model_copy(update={"attachments": entries}), to_copy

    updated = store.update_evidence(complaint_id, add)
    added, already = found[0]
    return Attached(updated, added, already)


def remove_attachment(store: Store, complaint_id: str, number: int) -> tuple[Complaint, Attachment]:
    """Remove attachment n° `number` and its copy (unless another entry shares it)."""
    removed: list[Attachment] = []

    def drop(current: Complaint) -> tuple[Complaint, list[Source]]:
        entry = next((a for a in current.attachments if a.id == number), None)
        if entry is None:
            raise ReclamError(_no_such_attachment(current, number))
        removed[:] = [entry]
        kept = [a for a in current.attachments if a.id != number]
        return current.model_copy(update={"attachments": kept}), []

    updated = store.update_evidence(complaint_id, drop)
    return updated, removed[0]


def _no_such_attachment(complaint: Complaint, number: int) -> str:
    if not complaint.attachments:
        return _("--remove : la réclamation {id} n'a aucune pièce jointe.").format(id=complaint.id)
    return _(
        "--remove : la réclamation {id} n'a pas de pièce n° {n} ; ses pièces : {numbers}."
    ).format(id=complaint.id, n=number, numbers=", ".join(str(a.id) for a in complaint.attachments))


def copy_states(store: Store, complaint: Complaint, *, full: bool) -> dict[int, CopyState]:
    """Each attachment's copy: there and unchanged, missing, changed, or never kept.

    Without `full`, existence and size only (cheap, for `show`); with it, the hash.
    """
    from amazon_reclamation.evidence_files import copy_state

    states: dict[int, CopyState] = {}
    for attachment in complaint.attachments:
        path = store.attachment_path(complaint.id, attachment)
        states[attachment.id] = (
            "no_copy"
            if path is None
            else copy_state(path, attachment.size, attachment.sha256, full=full)
        )
    return states
