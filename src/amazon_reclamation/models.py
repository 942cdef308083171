"""The complaint record and its parts (pydantic v2). Pure data, no I/O.

Field names are the public JSON contract; `docs/data-format.md` describes them. A
change to the stored shape raises SCHEMA_VERSION and adds a migration in `records.py`.
"""

# No `from __future__ import annotations`: pydantic would then evaluate every annotation
# from its text when the module is imported (a few milliseconds of each command).

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    field_validator,
    model_validator,
)

# The ids are spelled once, in `ids.py`; they are re-exported here for the record's users.
from amazon_reclamation.ids import CATEGORIES as CATEGORIES
from amazon_reclamation.ids import (
    BillingProblem as BillingProblem,
)
from amazon_reclamation.ids import (
    Category as Category,
)
from amazon_reclamation.ids import (
    Channel as Channel,
)
from amazon_reclamation.ids import (
    DamageTiming as DamageTiming,
)
from amazon_reclamation.ids import (
    Difference as Difference,
)
from amazon_reclamation.ids import (
    Language as Language,
)
from amazon_reclamation.ids import (
    Outcome as Outcome,
)
from amazon_reclamation.ids import (
    PaymentMethod as PaymentMethod,
)
from amazon_reclamation.ids import (
    Resolution as Resolution,
)
from amazon_reclamation.ids import (
    ReturnKind as ReturnKind,
)
from amazon_reclamation.ids import (
    SellerKind as SellerKind,
)
from amazon_reclamation.ids import (
    Status as Status,
)
from amazon_reclamation.ids import (
    StepId as StepId,
)

SCHEMA_VERSION = 4
STORED = "stored"  # validation context of a record read from a file

# Amounts are exact decimals in Python and plain numbers in JSON (12.99, not "12.99"). A
# stored amount is what the wizard accepts (more than 0, at most a million euros, cents),
# so that no hand-edited or restored file can hold one that breaks the arithmetic.
MAX_AMOUNT = Decimal("1000000")
Money = Annotated[
    Decimal,
    Field(gt=0, le=MAX_AMOUNT, decimal_places=2, allow_inf_nan=False),
    PlainSerializer(float, return_type=float, when_used="json"),
]
# Amazon's order numbers: 3-7-7 digits, or D01-… for digital orders (`parsing.py` normalises
# what people type to this form).
ORDER_NUMBER = r"^(\d{3}|D\d{2})-\d{7}-\d{7}$"


class _Record(BaseModel):
    # Built when first used: a record read from the index's known text never builds it.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


class Seller(_Record):
    """Who sold the item: Amazon itself or a marketplace seller (name, country)."""

    kind: SellerKind | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-2


class Facts(_Record):
    """The answers that only some categories ask; unknown stays None."""

    damage_timing: DamageTiming | None = None
    defect_discovered_date: date | None = None
    photos_taken: bool | None = None
    tracking_status: str | None = None
    marked_delivered: bool | None = None
    marked_delivered_date: date | None = None
    neighbours_checked: bool | None = None
    difference: Difference | None = None
    amount_charged: Money | None = None
    amount_expected: Money | None = None
    billing_problem: BillingProblem | None = None
    payment_method: PaymentMethod | None = None
    charge_date: date | None = None
    return_kind: ReturnKind | None = None
    returned_date: date | None = None
    return_tracking: str | None = None
    refund_expected: Money | None = None


class Contact(_Record):
    """One exchange with customer service or the seller (see the contact log)."""

    id: int = Field(ge=1)
    at: AwareDatetime
    # "day" when only the date was given: no hour is invented in the evidence.
    at_precision: Literal["minute", "day"] = "minute"
    recorded_at: AwareDatetime
    # The escalation step this contact performed; None only in records built in code,
    # which count as `ids.default_step(channel)`.
    step: StepId | None = None
    channel: Channel
    agent: str | None = None
    reference: str | None = None
    summary: str | None = None
    outcome: Outcome
    promise: str | None = None
    follow_up: date | None = None
    corrects: int | None = None  # id of the contact this entry corrects


class Attachment(_Record):
    """An evidence file kept with the complaint (`reclam attach`).

    The copy lives in the data folder, `attachments/<complaint id>/<file>`, named after
    its content's SHA-256: the same content is kept once per complaint.
    """

    id: int = Field(ge=1)  # 1, 2, 3 ... in the order they were added (`--remove N`)
    name: str  # the original file name, as the user knew it
    # The kept copy's name: `<sha256>.<extension>`. None only for an entry carried over
    # from schema 3, which listed evidence without keeping a copy.
    file: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int | None = Field(default=None, ge=0)  # bytes; None as for `file`
    media_type: str | None = None  # "image/jpeg", "application/pdf" ...; None as for `file`
    added_at: AwareDatetime
    note: str | None = None

    @model_validator(mode="after")
    def _file_is_its_content(self) -> "Attachment":
        if not kept_name_is_safe(self.sha256, self.file):
            raise ValueError("an attachment's file is named <sha256>.<extension>")
        return self


def kept_name_is_safe(sha256: str, file: str | None) -> bool:
    """An attachment's kept copy is named `<sha256>.<short extension>`, so that no stored
    name can reach another file (`../x`, an absolute path)."""
    return file is None or (
        len(sha256) == 64
        and all(char in "0123456789abcdef" for char in sha256)
        and file.startswith(sha256 + ".")
        and file.removeprefix(sha256 + ".").isalnum()
        and file.isascii()
        and len(file) <= 64 + 1 + 8
    )


class Complaint(_Record):
    """One complaint about one order."""

    # Only the current version validates: older files go through the store's migrations.
    schema_version: int = Field(default=SCHEMA_VERSION, ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    id: str
    created_at: AwareDatetime
    status: Status = "open"
    closed_at: AwareDatetime | None = None
    # When reclam last wrote this record (`Store.write`); None in a file from before schema 4.
    # `restore --merge` keeps the version written last.
    updated_at: AwareDatetime | None = None
    category: Category
    # None only for a charge that matches no order (billing, unknown_charge).
    order_number: str | None = Field(default=None, pattern=ORDER_NUMBER)
    order_date: date | None = None
    delivery_date: date | None = None
    expected_delivery_date: date | None = None
    item: str | None = None
    amount: Money | None = None
    currency: Literal["EUR"] = "EUR"
    seller: Seller = Field(default_factory=Seller)
    customer_name: str | None = None
    description: str | None = None
    desired_resolution: Resolution | None = None
    # The language of the ready message and the letter (the seller's), when the user chose
    # one; None follows the interface language. An id: the record stays language-neutral.
    letter_lang: Language | None = None
    facts: Facts = Field(default_factory=Facts)
    contacts: list[Contact] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _stored_files_name_their_version(cls, data: Any, info: ValidationInfo) -> Any:
        # A file must say its schema version; only records built in code may omit it.
        if info.context == STORED and isinstance(data, dict) and "schema_version" not in data:
            raise ValueError("schema_version missing")
        return data

    # A contact or an attachment is named by its number (`--corrects N`, `--remove N`): two
    # with the same number would make one of them unreachable.
    @field_validator("contacts")
    @classmethod
    def _contact_numbers_are_unique(cls, contacts: list[Contact]) -> list[Contact]:
        numbers = [c.id for c in contacts]
        if len(set(numbers)) != len(numbers):
            raise ValueError("two contacts have the same id")
        # A correction names an earlier contact, and each contact is corrected once at most
        # (a later fix corrects the correction): as `reclam log --corrects` records them.
        corrected = [c.corrects for c in contacts if c.corrects is not None]
        if any(c.corrects is not None and c.corrects not in numbers for c in contacts):
            raise ValueError("a contact corrects a contact that does not exist")
        if any(c.corrects is not None and c.corrects >= c.id for c in contacts):
            raise ValueError("a contact corrects itself or a later contact")
        if len(set(corrected)) != len(corrected):
            raise ValueError("a contact is corrected twice")
        return contacts

    @field_validator("attachments")
    @classmethod
    def _attachment_numbers_are_unique(cls, attachments: list[Attachment]) -> list[Attachment]:
        numbers = [a.id for a in attachments]
        if len(set(numbers)) != len(numbers):
            raise ValueError("two attachments have the same id")
        return attachments

    @model_validator(mode="after")
    def _an_order_unless_an_unknown_charge(self) -> "Complaint":
        # Only a charge that matches no order may lack the order's number or date.
        unknown_charge = (
            self.category == "billing" and self.facts.billing_problem == "unknown_charge"
        )
        if (self.order_number is None or self.order_date is None) and not unknown_charge:
            raise ValueError("order_number and order_date are required but for an unknown charge")
        return self

    def to_json_dict(self) -> dict[str, object]:
        """The JSON-ready form used in files and in `--json` output."""
        return self.model_dump(mode="json")
