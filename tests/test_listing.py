"""The digest keeps each deadline whole: `due` words it without reading the record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from amazon_reclamation.domain.deadlines import compute_deadlines
from amazon_reclamation.listing import Digest, digest
from factories import TODAY, complaint

CASES: dict[str, dict[str, Any]] = {
    "damaged, delivered": {"category": "damaged", "delivery_date": date(2026, 10, 5)},
    "before the 2022 reform": {
        "category": "damaged",
        "order_date": date(2022, 3, 1),
        "delivery_date": date(2022, 3, 4),
    },
    "late, announced": {"category": "late", "expected_delivery_date": date(2026, 11, 25)},
    "direct debit": {
        "category": "billing",
        "facts": {
            "billing_problem": "wrong_amount",
            "payment_method": "sepa_direct_debit",
            "charge_date": date(2026, 11, 2),
            "amount_charged": Decimal("59.99"),
        },
    },
    "unknown charge, card": {
        "category": "billing",
        "facts": {
            "billing_problem": "unknown_charge",
            "payment_method": "card",
            "charge_date": date(2026, 11, 3),
        },
    },
    "refund after return": {
        "category": "refund",
        "delivery_date": date(2026, 10, 5),
        "facts": {"return_kind": "returned", "returned_date": date(2026, 10, 12)},
    },
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("today", [TODAY, date(2027, 6, 1)])
def test_deadlines_read_back_from_the_index_are_the_computed_ones(case: str, today: date) -> None:
    # Arrange
    record = complaint(**CASES[case])
    stored = Digest.from_json(digest(record).to_json())

    # Act
    read_back = stored.deadlines_near(today, 100_000)

    # Assert
    assert read_back == compute_deadlines(record, today)
    assert read_back  # every case has at least one deadline


def test_only_the_deadlines_in_the_window_are_given() -> None:
    # Arrange
    record = complaint(category="damaged", delivery_date=date(2026, 11, 10))
    stored = Digest.from_json(digest(record).to_json())

    # Act
    near = stored.deadlines_near(TODAY, 7)

    # Assert
    assert near
    assert [d.id for d in near] == [
        d.id for d in compute_deadlines(record, TODAY) if -7 <= d.days_left <= 7
    ]
