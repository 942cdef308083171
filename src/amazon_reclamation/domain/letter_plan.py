"""The data a letter is made of: parts, paragraphs, contact lines, the plan, a refusal.

A letter is decided as data here and worded in `texts/letters.py` from per-language
templates. A `Part` is one template id with its typed values (dates, `Decimal`
amounts, the rules' `Period`s from `knowledge/`, counts, ids, text the user typed); a
`Paragraph` is parts that follow each other in one paragraph. A value of `None` stands
for a fact the user did not give: the wording layer puts a bracketed placeholder in its
place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.errors import ReclamError

if TYPE_CHECKING:
    from collections.abc import Mapping

LetterKind = Literal["formal_notice", "commercial_request"]
AddresseeId = Literal["amazon_eu", "marketplace", "invoice_seller"]

# Only a 2020 Amazon.fr document gives this address (a secondary source, not confirmed
# for amazon.com.be), hence the note that asks the user to check it before sending.
AMAZON_EU_ADDRESS = ("Amazon EU S.à r.l.", "38 avenue John F. Kennedy", "L-1855 Luxembourg")


@dataclass(frozen=True)
class Part:
    """One sentence (or a clause the template frames) and its values."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)


def part(part_id: str, **params: object) -> Part:
    """A `Part` with its values given as keywords."""
    return Part(part_id, params)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the letter: its kind and its parts, in order."""

    kind: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class ContactLine:
    """One contact already made, as the letter recalls it."""

    date: dt.date
    channel: str
    agent: str | None
    reference: str | None
    outcome: str
    summary: str | None
    promise: str | None
    follow_up: dt.date | None
    promise_state: Literal["broken", "kept"] | None


@dataclass(frozen=True)
class Addressee:
    """Who the letter goes to: an id and the address lines known (others are placeholders)."""

    id: AddresseeId
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class LetterPlan:
    """Everything a letter says, as ids and values; `texts/letters.py` words it.

    `paragraphs` come between the salutation and the closing; a paragraph of kind
    "contacts" stands for the list of `contacts` (the contacts made with the addressee),
    one of kind "other_contacts" for `other_contacts` (the others, stated as what they
    were: writing to the seller is not a call to Amazon). `deadline` is the date given to the
    trader, `asked` that date before it was moved to a working day. `notes` are for
    the user, not the trader.
    """

    kind: LetterKind
    date: dt.date
    order_number: str | None  # None: a charge that matches no order
    order_date: dt.date | None
    customer_name: str | None
    addressee: Addressee
    paragraphs: tuple[Paragraph, ...]
    contacts: tuple[ContactLine, ...]
    remedy: str
    deadline: dt.date
    asked: dt.date
    enclosures: tuple[str, ...]
    notes: tuple[Part, ...]
    other_contacts: tuple[ContactLine, ...] = ()

    def paragraph(self, kind: str) -> Paragraph | None:
        """The first paragraph of this kind, if any."""
        return next((p for p in self.paragraphs if p.kind == kind), None)

    def part_ids(self) -> list[str]:
        """The ids of all the parts of the letter's paragraphs, in order."""
        return [p.id for paragraph in self.paragraphs for p in paragraph.parts]


class LetterRefused(ReclamError):
    """No letter: it would be premature or groundless. `reason` is an id, `params` values.

    The wording layer turns it into a `ReclamError` with a sentence (exit code 1).
    """

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params: dict[str, object] = params
