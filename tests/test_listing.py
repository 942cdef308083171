"""An open complaint's promises and deadlines are kept as events the index finds by day:
`due` words them without reading a record, and never from a version of a file that is
not the one on disk."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation.domain.deadlines import compute_deadlines
from amazon_reclamation.listing import agenda, catalogue, digest_version
from amazon_reclamation.store import Store
from factories import TODAY, at, complaint, contact

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


def _stored(tmp_path: Path, *records: Any) -> Store:
    store = Store(tmp_path / "data")
    with store.locked():
        for record in records:
            store.write(record)
    return store


def _promised(complaint_id: str, *days: date, **fields: Any) -> Any:
    return complaint(
        complaint_id,
        contacts=[
            contact(n, outcome="promise", promise=f"Remboursement {n}", follow_up=day)
            for n, day in enumerate(days, start=1)
        ],
        **fields,
    )


def _due(store: Store, today: date = TODAY) -> list[tuple[str, int, str]]:
    found = agenda(Store(store.root), today)
    return [(f.complaint_id, f.contact_id, f.day) for f in found.follow_ups]


@pytest.mark.parametrize("indexed", [False, True])
@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("today", [TODAY, date(2027, 6, 1)])
def test_deadlines_read_back_from_the_index_are_the_computed_ones(
    tmp_path: Path, case: str, today: date, indexed: bool
) -> None:
    # Arrange: first from the file just summarised, then from the index
    record = complaint(**CASES[case])
    store = _stored(tmp_path, record)
    if indexed:
        agenda(Store(store.root), today, 100_000)

    # Act
    near = agenda(Store(store.root), today, 100_000).deadlines

    # Assert
    assert [item.deadline for item in near] == compute_deadlines(record, today)
    assert near  # every case has at least one deadline
    assert {(item.complaint_id, item.order_number) for item in near} == {
        (record.id, record.order_number)
    }


def test_only_the_deadlines_in_the_window_are_given(tmp_path: Path) -> None:
    # Arrange
    record = complaint(category="damaged", delivery_date=date(2026, 11, 10))
    store = _stored(tmp_path, record)
    agenda(Store(store.root), TODAY, 7)

    # Act
    near = agenda(Store(store.root), TODAY, 7).deadlines

    # Assert
    assert near
    assert [item.deadline.id for item in near] == [
        d.id for d in compute_deadlines(record, TODAY) if -7 <= d.days_left <= 7
    ]


@pytest.mark.parametrize("indexed", [False, True])
def test_only_the_promises_due_are_found_oldest_complaint_first(
    tmp_path: Path, indexed: bool
) -> None:
    # Arrange: three complaints, not created in the order of their ids; one closed
    store = _stored(
        tmp_path,
        _promised("aaaa22", date(2026, 11, 18), date(2027, 3, 1), created_at=at(3)),
        _promised("bbbb22", date(2026, 11, 20), date(2026, 11, 2), created_at=at(2)),
        _promised("cccc22", date(2026, 11, 21), created_at=at(1)),
        _promised("dddd22", date(2026, 11, 1), status="resolved", closed_at=at(5)),
        _promised("eeee22", date(2026, 11, 19), created_at=at(2)),  # same moment as bbbb22
    )
    if indexed:
        agenda(Store(store.root), TODAY)

    # Act
    found = _due(store)

    # Assert: day by day within a complaint; nothing of a closed one, nothing ahead
    assert found == [
        ("bbbb22", 2, "2026-11-02"),
        ("bbbb22", 1, "2026-11-20"),
        ("eeee22", 1, "2026-11-19"),
        ("aaaa22", 1, "2026-11-18"),
    ]


def test_a_file_edited_after_indexing_gives_its_new_promises(tmp_path: Path) -> None:
    # Arrange
    store = _stored(tmp_path, _promised("aaaa22", date(2026, 11, 18)))
    assert _due(store) == [("aaaa22", 1, "2026-11-18")]
    with store.locked():
        store.write(_promised("aaaa22", date(2026, 12, 18), date(2026, 11, 19)))

    # Act
    found = _due(store)

    # Assert
    assert found == [("aaaa22", 2, "2026-11-19")]


def test_a_file_read_again_but_not_indexed_gives_its_own_promises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: indexed, then changed while another process holds the index for writing
    store = _stored(tmp_path, _promised("aaaa22", date(2026, 11, 18)))
    _due(store)
    with store.locked():
        store.write(_promised("aaaa22", date(2026, 12, 18), date(2026, 11, 19)))
    monkeypatch.setattr("amazon_reclamation.index._BUSY_TIMEOUT_SECONDS", 0.01)
    writer = sqlite3.connect(store.index_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")

    # Act
    try:
        found = _due(store)
        stale = writer.execute(
            "SELECT day FROM events WHERE name = 'aaaa22.json' AND kind = 'follow_up'"
        ).fetchall()
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    # Assert: the index still holds the former promise, which is not believed
    assert stale == [("2026-11-18",)]
    assert found == [("aaaa22", 2, "2026-11-19")]


def test_a_deleted_or_unreadable_file_gives_no_promise(tmp_path: Path) -> None:
    # Arrange
    store = _stored(
        tmp_path, _promised("aaaa22", date(2026, 11, 18)), _promised("bbbb22", date(2026, 11, 17))
    )
    _due(store)
    (store.complaints_dir / "aaaa22.json").unlink()
    (store.complaints_dir / "bbbb22.json").write_text('{"id": "bbbb22", ', encoding="utf-8")

    # Act
    found = agenda(Store(store.root), TODAY, 7)

    # Assert
    assert found.follow_ups == []
    assert found.deadlines == []
    assert [item.path.name for item in found.unreadable] == ["bbbb22.json"]


def test_a_payload_that_is_not_one_of_ours_is_not_believed(tmp_path: Path) -> None:
    # Arrange: the index's rows of an unchanged file damaged by hand
    store = _stored(tmp_path, _promised("aaaa22", date(2026, 11, 18), date(2026, 11, 19)))
    _due(store)
    with sqlite3.connect(store.index_path) as db:
        db.execute("UPDATE events SET payload = '[1, 2]' WHERE day = '2026-11-18'")
    db.close()

    # Act
    found = _due(store)

    # Assert: read from the file; the index removed, then rebuilt from the files
    assert found == [("aaaa22", 1, "2026-11-18"), ("aaaa22", 2, "2026-11-19")]
    assert not store.index_path.exists()
    assert _due(store) == found
    with sqlite3.connect(store.index_path) as db:
        payloads = [row[0] for row in db.execute("SELECT payload FROM events")]
    db.close()
    assert len(payloads) == 2 and "[1, 2]" not in payloads


def test_what_a_promise_due_shows(tmp_path: Path) -> None:
    # Arrange
    record = complaint(
        "aaaa22",
        contacts=[
            contact(
                1,
                channel="phone",
                outcome="promise",
                promise="Remboursement",
                follow_up=date(2026, 11, 18),
                agent="Lea",
                reference="CS-1",
                summary="Appel",
            ),
            contact(
                2, outcome="pending", follow_up=date(2026, 11, 19), summary="Réponse sous 48 h"
            ),
        ],
    )
    store = _stored(tmp_path, record)
    first = agenda(Store(store.root), TODAY).follow_ups

    # Act
    again = agenda(Store(store.root), TODAY).follow_ups

    # Assert: the summary is kept only where there is no promise
    assert first == again
    assert [tuple(f) for f in again] == [
        (
            "aaaa22",
            record.order_number,
            "2026-11-18",
            1,
            "phone",
            "Lea",
            "CS-1",
            "Remboursement",
            None,
            "promise",
        ),
        (
            "aaaa22",
            record.order_number,
            "2026-11-19",
            2,
            "chat",
            None,
            None,
            None,
            "Réponse sous 48 h",
            "announced",
        ),
    ]


def test_a_look_up_reads_only_the_digests_holding_its_text(tmp_path: Path) -> None:
    # Arrange
    store = _stored(
        tmp_path,
        complaint("aaaa22", order_number="111-1111111-1111111"),
        complaint("bbbb22", order_number="222-2222222-2222222"),
    )
    catalogue(Store(store.root))

    # Act
    by_order, _ = catalogue(Store(store.root), ["222-2222222-2222222"])
    by_id, _ = catalogue(Store(store.root), ["aaaa"])
    nothing, _ = catalogue(Store(store.root), [])

    # Assert
    assert [item.digest.id for item in by_order] == ["bbbb22"]
    assert [item.digest.id for item in by_id] == ["aaaa22"]
    assert nothing == []


def test_an_index_of_the_former_layout_is_rebuilt(tmp_path: Path) -> None:
    # Arrange: the tables as reclam wrote them when the detail had its own table
    store = _stored(tmp_path, _promised("aaaa22", date(2026, 11, 18)))
    with sqlite3.connect(store.index_path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('version', ?)", (f"4/{digest_version()}",))
        db.execute(
            "CREATE TABLE files (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
            "ctime_ns INTEGER, ino INTEGER, summary TEXT)"
        )
        db.execute("CREATE TABLE details (name TEXT PRIMARY KEY, detail TEXT)")
        db.execute("CREATE TABLE documents (name TEXT PRIMARY KEY, document TEXT)")
    db.close()

    # Act
    found = _due(store)
    again = _due(store)

    # Assert
    assert found == again == [("aaaa22", 1, "2026-11-18")]
    with sqlite3.connect(store.index_path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "details" not in tables and "events" in tables


_SUMMARIZE_EVERY_CATEGORY = """
import sys
from datetime import date
import factories
from amazon_reclamation import listing, store
from amazon_reclamation.models import Seller
seller = Seller(kind="marketplace", name="Vendeur", country="FR")
message = factories.contact(1, channel="seller_message")
for category in ("damaged", "late", "not_received", "non_conforming", "billing", "refund"):
    made = factories.complaint(
        category=category, seller=seller, contacts=[message],
        delivery_date=date(2026, 10, 5), expected_delivery_date=date(2026, 10, 4),
        facts={"charge_date": date(2026, 10, 2), "payment_method": "card"},
    )
    listing.summary(made)
    store._member(made)
print("\\n".join(name for name in sys.modules if name.startswith("amazon_reclamation.")))
"""


def test_every_module_a_summary_or_document_is_made_with_is_stamped_in_the_version() -> None:
    # An index is used as is while `digest_version` is unchanged: a module that shapes a
    # digest, an event (a deadline counted in business days: the holiday table) or an
    # indexed document, edited without its stamp, left the index stale.
    import os
    import subprocess
    import sys

    tests = str(Path(__file__).parent)
    source = str(Path(__file__).parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-c", _SUMMARIZE_EVERY_CATEGORY],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([source, tests])},
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = {line.removeprefix("amazon_reclamation.") for line in done.stdout.split()}
    package = Path(source) / "amazon_reclamation"
    files = {
        str(Path(*name.split("."))) + ".py"
        for name in loaded
        if (package / (str(Path(*name.split("."))) + ".py")).is_file()
    }
    from amazon_reclamation.listing import STAMPED

    wording_or_storage = {"i18n.py", "errors.py", "files.py", "drafts.py", "settings.py"}
    assert "knowledge/holiday_table.py" in files
    assert files - wording_or_storage <= set(STAMPED)


@pytest.mark.parametrize("failing", ["summaries", "events"])
def test_an_index_query_failing_part_way_leaves_no_complaint_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    # Arrange: an index of three complaints; then, in the next run, one of its queries fails
    # (a damaged page, a disk error) after the keys were read
    from amazon_reclamation import index

    store = _stored(
        tmp_path,
        _promised("aaaa22", date(2026, 11, 18), created_at=at(1)),
        _promised("bbbb22", date(2026, 11, 19), created_at=at(2)),
        _promised("cccc22", date(2026, 11, 30), created_at=at(3)),
    )
    assert len(agenda(Store(store.root), TODAY, heads=True).listed) == 3  # indexed

    def failing_query(self: index.Index, *args: Any, **kwargs: Any) -> Any:
        # What the query does when SQLite raises DatabaseError ("disk image is malformed").
        self.damaged = True
        return {} if failing == "summaries" else ""

    monkeypatch.setattr(index.Index, failing, failing_query)

    # Act
    found = agenda(Store(store.root), TODAY, heads=True)

    # Assert: every complaint and every promise due, read from the files
    assert sorted(item.digest.id for item in found.listed) == ["aaaa22", "bbbb22", "cccc22"]
    assert [(f.complaint_id, f.day) for f in found.follow_ups] == [
        ("aaaa22", "2026-11-18"),
        ("bbbb22", "2026-11-19"),
    ]
