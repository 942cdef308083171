"""What `reclam letter` prints: the formal notice (more in tests/test_letters.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import factories
from amazon_reclamation.texts import summary

# Left unknown here, as in this test's complaint before the factory (which fills them in).
UNKNOWN: dict[str, Any] = {"item": None, "amount": None, "customer_name": None}


def test_a_letter_states_the_announced_delivery_date_once() -> None:
    from amazon_reclamation.texts import letters

    complaint = factories.complaint(
        "abc234",
        created_at=factories.at(20, hour=9),
        category="not_received",
        order_date=date(2026, 10, 1),
        expected_delivery_date=date(2026, 10, 10),
        seller={"kind": "amazon"},
        desired_resolution="refund",
        **UNKNOWN,
    )
    text = letters.formal_notice(complaint, date(2026, 11, 20))
    assert text.count("10 octobre 2026") == 1
    assert "Je n'ai pas reçu le colis." in text
    # The message for customer service keeps it: there it is the only mention.
    assert "annoncée au plus tard le 10 octobre 2026" in summary.ready_message(
        complaint, date(2026, 11, 20)
    )
