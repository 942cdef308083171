"""The dossier of a complaint as data, in no language: what `reclam export` words and lays out.

One pure function, `build_dossier()`, gathers what ECC Belgium, a mediator or a court
reads: the facts of the order, the deadlines and the rules that bear on the dispute
(those of `show` and `rights`, not computed again, but only the facts and the law: no
right that lapsed unused, no deadline that rests on an inference, no Amazon policy the
log does not show was used), every contact and every e-mail piece in the order it
happened, with each promise's state and each correction, the formal notices sent, and
the evidence files. `ecc_plan()` decides which evidence goes to ECC Belgium as its own
file, which becomes pages of the dossier, and which cannot be sent as it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.domain import contacts as contact_log
from amazon_reclamation.domain.deadlines import compute_deadlines
from amazon_reclamation.knowledge.applicable import rules_for

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

    from amazon_reclamation.domain.deadline_data import Deadline, NoteId
    from amazon_reclamation.ids import StepId
    from amazon_reclamation.knowledge.rules import Rule
    from amazon_reclamation.models import Attachment, Complaint, Contact

# ECC Belgium takes at most 8 files: the dossier and 7 others.
ECC_MAX_FILES = 8

# What an attachment is, for the dossier: an image it can show, a PDF it can append, an
# office document ECC accepts as it is, a text it can print, or another format.
AttachmentKind = Literal["image", "pdf", "office", "text", "other"]
_KINDS: dict[str, AttachmentKind] = {
    "jpg": "image",
    "jpeg": "image",
    "png": "image",
    "pdf": "pdf",
    "doc": "office",
    "docx": "office",
    "txt": "text",
    "eml": "text",
}

# Where an attachment goes in an ECC folder:
# - "file": copied beside the dossier, as it is;
# - "merged": a PDF beyond the 7 files, its pages appended to the dossier;
# - "pages": an image beyond the 7 files, or a text or e-mail: its pages are in the dossier;
# - "over_limit": an office document beyond the 7 files: a format ECC takes, but neither a
#   file (the 8 are reached) nor pages (reclam cannot read it): listed, for the user to
#   convert to PDF, whose pages the next export appends;
# - "not_sendable": a format ECC does not take (webp, heic, odt ...): listed, to be
#   converted by the user;
# - "unreadable": a PDF beyond the 7 files that pypdf cannot read (damaged, or asking for a
#   password to open it), so its pages cannot be appended (the export finds it out): listed;
# - "no_copy": an entry carried over from schema 3, of which reclam keeps no copy.
Disposition = Literal[
    "file", "merged", "pages", "over_limit", "not_sendable", "unreadable", "no_copy"
]


@dataclass(frozen=True)
class TimelineEntry:
    """One contact as the dossier shows it."""

    contact: Contact
    step: StepId
    promise_state: contact_log.PromiseState | None  # None: nothing was promised
    corrected_by: int | None  # the id of the entry that replaces this one
    is_formal_notice: bool
    kind: Literal["contact"] = "contact"


@dataclass(frozen=True)
class Email:
    """What an e-mail piece says of itself (its headers, read by the export)."""

    attachment_id: int
    sent_at: datetime  # its Date header, with the header's own offset (not converted)
    sender: str | None
    subject: str | None
    files: tuple[str, ...] = ()  # the names of the files it carried


@dataclass(frozen=True)
class EmailEntry:
    """An e-mail piece in the timeline, at the date it was sent."""

    email: Email
    kind: Literal["email"] = "email"


@dataclass(frozen=True)
class Dossier:
    """Everything the dossier shows, as ids, dates and the record's own values."""

    complaint: Complaint
    today: date
    deadlines: list[Deadline]
    rules: list[Rule]
    timeline: list[TimelineEntry | EmailEntry]  # oldest first, none after `today`
    formal_notices: list[Contact]  # effective contacts whose step is the formal notice
    attachments: list[Attachment]
    emails: dict[int, Email]  # by attachment id


# Deadlines of a right or a window of the consumer's own: one that passed unused (not
# exercised, and no contact of the log used it) does not bear on the dispute, and the
# dossier leaves it out. The others (delivery, refund, guarantee, notice of a defect)
# are the trader's obligations or frame the claim: they stay, passed or not.
_CONSUMER_WINDOWS = frozenset(
    {"withdrawal", "atoz_claim", "sepa_refund", "unauthorised_payment", "seller_feedback"}
)
# A deadline with one of these notes rests on an inference (a cancellation refunded by
# analogy with a withdrawal) or on a fact the record does not establish (a return in
# time): the dossier does not state it.
_INFERRED: frozenset[NoteId] = frozenset({"refund_by_analogy", "refund_only_if_in_time"})


def _used_steps(complaint: Complaint) -> set[str]:
    return {contact_log.step_of(c) for c in contact_log.effective(complaint.contacts)}


def lapsed_unused(deadline: Deadline, used: set[str]) -> bool:
    """A right or window of the consumer's that passed (or closed) without being used."""
    return (
        deadline.id in _CONSUMER_WINDOWS
        and deadline.exercised_on is None
        and deadline.id not in used
        and (deadline.passed or deadline.closed)
    )


def dossier_deadlines(complaint: Complaint, today: date) -> list[Deadline]:
    """The deadlines the dossier states: the law's, established, not lapsed unused."""
    used = _used_steps(complaint)
    return [
        d
        for d in compute_deadlines(complaint, today)
        if d.kind == "law"
        and not lapsed_unused(d, used)
        and not any(note.id in _INFERRED for note in d.notes)
    ]


def dossier_rules(complaint: Complaint, today: date) -> list[Rule]:
    """The rules the dossier states: the law that applies, without a right that lapsed
    unused; an Amazon policy only when the log shows it was used (an A-to-z claim made)."""
    used = _used_steps(complaint)
    lapsed = {d.id for d in compute_deadlines(complaint, today) if lapsed_unused(d, used)}
    return [
        rule
        for rule in rules_for(complaint)
        if rule.id not in lapsed and (rule.kind == "law" or rule.id in used)
    ]


def _when(entry: TimelineEntry | EmailEntry) -> tuple[datetime, int, int]:
    if isinstance(entry, EmailEntry):
        return (entry.email.sent_at, 1, entry.email.attachment_id)
    return (entry.contact.at, 0, entry.contact.id)


def build_dossier(complaint: Complaint, today: date, emails: Sequence[Email] = ()) -> Dossier:
    """The dossier of `complaint` as it stands on `today`; `emails`: what the e-mail
    pieces say of themselves, each put in the timeline at the date it was sent (not one
    dated after `today`: it stays in the list of pieces)."""
    entries = contact_log.timeline(complaint.contacts)
    effective = contact_log.effective(complaint.contacts)
    effective_ids = {c.id for c in effective}
    replaced_by = {c.corrects: c.id for c in entries if c.corrects is not None}
    states = {p.contact.id: p.state for p in contact_log.promises(complaint, today)}
    contacts = [
        TimelineEntry(
            contact=contact,
            step=contact_log.step_of(contact),
            promise_state=states.get(contact.id),
            corrected_by=replaced_by.get(contact.id),
            is_formal_notice=contact_log.step_of(contact) == "formal_notice",
        )
        for contact in entries
    ]
    notices = [e.contact for e in contacts if e.is_formal_notice and e.contact.id in effective_ids]
    # An e-mail is dated as its Date header writes it (the sender's day, whatever the
    # machine's time zone); one dated after `today` is not put in the timeline.
    sent = [EmailEntry(e) for e in emails if e.sent_at.date() <= today]
    timeline: list[TimelineEntry | EmailEntry] = [*contacts, *sent]
    return Dossier(
        complaint=complaint,
        today=today,
        deadlines=dossier_deadlines(complaint, today),
        rules=dossier_rules(complaint, today),
        timeline=sorted(timeline, key=_when),
        formal_notices=notices,
        attachments=sorted(complaint.attachments, key=lambda a: a.id),
        emails={e.attachment_id: e for e in emails},
    )


def extension(attachment: Attachment) -> str:
    """The kept copy's extension (else the original name's), lower case, without the dot."""
    name = attachment.file or attachment.name
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def kind_of(attachment: Attachment) -> AttachmentKind:
    """What the dossier can do with an attachment, from its extension."""
    return _KINDS.get(extension(attachment), "other")


def embeds(attachment: Attachment) -> bool:
    """An image the PDF dossier shows on its pages."""
    return attachment.file is not None and kind_of(attachment) == "image"


def prints_text(attachment: Attachment) -> bool:
    """A text or an e-mail whose words the PDF dossier prints on its pages."""
    return attachment.file is not None and kind_of(attachment) == "text"


@dataclass(frozen=True)
class EccItem:
    """One attachment in an ECC folder: where it goes, and its file name if copied."""

    attachment: Attachment
    disposition: Disposition
    file_name: str | None = None


def dossier_file_name(complaint_id: str) -> str:
    """The dossier's name in an ECC folder: first in the list."""
    return f"01-reclam-{complaint_id}.pdf"


def slug(name: str) -> str:
    """A file name's stem made plain: ASCII letters, digits and dashes, at most 40."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")
    return words[:40].rstrip("-") or "piece"


# The files an ECC folder holds, and only those: what `--force` may replace.
ECC_FILE = re.compile(r"^\d{2}-[a-z0-9-]+\.(pdf|doc|docx|jpg|jpeg|png)$")

# Which kinds take the separate files first: an office document cannot become pages of
# the dossier, a PDF can (appended), an image is already in the dossier.
_PRIORITY: dict[AttachmentKind, int] = {"office": 0, "pdf": 1, "image": 2}


def ecc_plan(attachments: list[Attachment]) -> list[EccItem]:
    """Where each attachment goes in an ECC folder, in the attachments' order.

    At most `ECC_MAX_FILES - 1` attachments are copied beside the dossier, office
    documents first, then PDFs, then images (each group in the order they were added);
    the others become pages of the dossier when they can; an office document left out is
    to be converted to PDF, another format is listed as not sendable.
    """
    sendable = [a for a in attachments if a.file is not None and kind_of(a) in _PRIORITY]
    ranked = sorted(sendable, key=lambda a: (_PRIORITY[kind_of(a)], a.id))
    chosen = {a.id for a in ranked[: ECC_MAX_FILES - 1]}
    items: list[EccItem] = []
    number = 1
    for attachment in attachments:
        kind = kind_of(attachment)
        if attachment.file is None:
            items.append(EccItem(attachment, "no_copy"))
        elif attachment.id in chosen:
            number += 1
            name = f"{number:02d}-{slug(attachment.name)}.{extension(attachment)}"
            items.append(EccItem(attachment, "file", name))
        elif kind == "pdf":
            items.append(EccItem(attachment, "merged"))
        elif kind in ("image", "text"):
            items.append(EccItem(attachment, "pages"))
        elif kind == "office":
            items.append(EccItem(attachment, "over_limit"))
        else:
            items.append(EccItem(attachment, "not_sendable"))
    return items
