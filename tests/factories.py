"""The one way tests build records: a complaint, a contact and a moment in 2026.

`complaint()` gives a complete, valid complaint ordered on 1 October 2026; pass only what
a test is about. `facts` and `seller` may be given as dicts or as model instances.
`at(day, month, hour)` is always day first, November 2026 by default, in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from amazon_reclamation.models import Complaint, Contact, Facts, Seller

TODAY = date(2026, 11, 20)
ORDER_NUMBER = "123-1234567-1234567"


def at(day: int, month: int = 11, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in 2026 (UTC): day first, then month (November), then hour."""
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def contact(
    contact_id: int = 1,
    when: datetime | None = None,
    channel: str = "chat",
    outcome: str = "no_answer",
    **fields: Any,
) -> Contact:
    """A contact with the user's log entry recorded when it happened."""
    moment = when or at(10)
    values: dict[str, Any] = {"recorded_at": moment}
    values.update(fields)
    return Contact(id=contact_id, at=moment, channel=channel, outcome=outcome, **values)


def complaint(complaint_id: str = "k7m2pq", **fields: Any) -> Complaint:
    """A complete complaint: a damaged kettle sold by Amazon, ordered 1 October 2026."""
    facts = fields.pop("facts", None)
    seller = fields.pop("seller", None)
    values: dict[str, Any] = {
        "id": complaint_id,
        "created_at": at(1),
        "category": "damaged",
        "order_number": ORDER_NUMBER,
        "order_date": date(2026, 10, 1),
        "item": "Bouilloire inox 1,7 L",
        "amount": Decimal("49.99"),
        "customer_name": "Marie Dupont",
    }
    values.update(fields)
    if facts is not None:
        values["facts"] = facts if isinstance(facts, Facts) else Facts(**facts)
    if seller is not None:
        values["seller"] = seller if isinstance(seller, Seller) else Seller(**seller)
    return Complaint(**values)
