"""The digest keeps each deadline whole: `due` words it without reading the record; its
detail is read from the index only for the complaints that need it."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation.domain.deadlines import compute_deadlines
from amazon_reclamation.listing import Digest, catalogue, digest, digest_version
from amazon_reclamation.store import Store
from factories import TODAY, complaint, contact

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
    made = digest(record)
    stored = Digest.from_json(made.to_json(), made.detail)

    # Act
    read_back = stored.deadlines_near(today, 100_000)

    # Assert
    assert read_back == compute_deadlines(record, today)
    assert read_back  # every case has at least one deadline


def test_only_the_deadlines_in_the_window_are_given() -> None:
    # Arrange
    record = complaint(category="damaged", delivery_date=date(2026, 11, 10))
    made = digest(record)
    stored = Digest.from_json(made.to_json(), made.detail)

    # Act
    near = stored.deadlines_near(TODAY, 7)

    # Assert
    assert near
    assert [d.id for d in near] == [
        d.id for d in compute_deadlines(record, TODAY) if -7 <= d.days_left <= 7
    ]


def _promised(complaint_id: str, follow_up: date) -> Any:
    return complaint(
        complaint_id,
        contacts=[contact(1, outcome="promise", promise="Remboursement", follow_up=follow_up)],
    )


def _stored(tmp_path: Path, *records: Any) -> Store:
    store = Store(tmp_path / "data")
    with store.locked():
        for record in records:
            store.write(record)
    return store


@pytest.mark.parametrize("indexed", [False, True])
def test_only_the_digests_asked_for_come_with_their_detail(tmp_path: Path, indexed: bool) -> None:
    # Arrange: one promise due, one far ahead; the second pass reads the index
    store = _stored(
        tmp_path,
        _promised("aaaa22", date(2026, 11, 18)),
        _promised("bbbb22", date(2027, 3, 1)),
    )
    if indexed:
        catalogue(Store(store.root))

    # Act
    plain, _ = catalogue(Store(store.root))
    asked, _ = catalogue(Store(store.root), detailed=lambda d: d.may_be_due(TODAY, 7))

    # Assert: a file summarised just now has its detail at hand; from the index, not
    assert [i.digest.detail is None for i in plain] == [indexed, indexed]
    by_id = {i.digest.id: i.digest for i in asked}
    assert by_id["bbbb22"].detail is None
    assert [f.contact_id for f in by_id["aaaa22"].due_follow_ups(TODAY)] == [1]
    assert by_id["aaaa22"] == digest(_promised("aaaa22", date(2026, 11, 18)))
    with pytest.raises(RuntimeError):
        by_id["bbbb22"].follow_ups  # noqa: B018


def test_an_index_of_the_former_layout_is_rebuilt(tmp_path: Path) -> None:
    # Arrange: the table as reclam wrote it before the detail had its own column
    store = _stored(tmp_path, _promised("aaaa22", date(2026, 11, 18)))
    with sqlite3.connect(store.index_path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('version', ?)", (digest_version(),))
        db.execute(
            "CREATE TABLE files (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
            "ctime_ns INTEGER, ino INTEGER, summary TEXT, document TEXT)"
        )
    db.close()

    # Act
    found, unreadable = catalogue(Store(store.root), detailed=lambda d: True)
    again, _ = catalogue(Store(store.root), detailed=lambda d: True)

    # Assert
    assert unreadable == []
    assert [i.digest for i in found] == [i.digest for i in again]
    assert [f.day for f in again[0].digest.due_follow_ups(TODAY)] == [date(2026, 11, 18)]
