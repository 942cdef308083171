"""Record operations, called directly as a future front-end would: no terminal, no Typer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from amazon_reclamation import actions
from amazon_reclamation.errors import InvalidInput, ReclamError
from amazon_reclamation.models import Complaint
from amazon_reclamation.store import Store
from factories import at, complaint, contact

NOW = at(20, hour=9)


@pytest.fixture
def store(isolated_home: Path) -> Store:
    return Store(isolated_home)


def load(store: Store, complaint_id: str) -> Complaint:
    return store.load(store.path_for(complaint_id))


def saved(store: Store, **fields: object) -> str:
    return store.create(lambda new_id: complaint(new_id, **fields)).id


def test_log_contact_appends_the_next_numbered_contact(store: Store) -> None:
    # Arrange
    complaint_id = saved(store, contacts=[contact(1, at(3))])
    entry = actions.ContactEntry(
        channel="phone", outcome="promise", promise="remboursement", follow_up=date(2026, 11, 25)
    )

    # Act
    updated, added = actions.log_contact(store, load(store, complaint_id), entry, NOW)

    # Assert
    assert [c.id for c in updated.contacts] == [1, 2]
    assert (added.channel, added.outcome, added.at, added.at_precision) == (
        "phone",
        "promise",
        NOW,
        "minute",
    )
    assert load(store, complaint_id).contacts[-1] == added


def test_a_follow_up_on_a_resolved_contact_is_refused_and_nothing_is_written(
    store: Store,
) -> None:
    # Arrange
    complaint_id = saved(store)
    before = store.path_for(complaint_id).read_bytes()
    entry = actions.ContactEntry(channel="chat", outcome="resolved", follow_up=date(2026, 12, 1))

    # Act / Assert
    with pytest.raises(InvalidInput, match="--follow-up"):
        actions.log_contact(store, load(store, complaint_id), entry, NOW)
    assert store.path_for(complaint_id).read_bytes() == before


def test_a_promise_needs_a_follow_up_date(store: Store) -> None:
    # Arrange
    complaint_id = saved(store)
    entry = actions.ContactEntry(channel="phone", outcome="promise", promise="rappel")

    # Act / Assert
    with pytest.raises(InvalidInput, match="--follow-up"):
        actions.log_contact(store, load(store, complaint_id), entry, NOW)


def test_a_pending_contact_keeps_its_follow_up_date(store: Store) -> None:
    # Arrange
    complaint_id = saved(store)
    entry = actions.ContactEntry(channel="chat", outcome="pending", follow_up=date(2026, 12, 1))

    # Act
    _updated, added = actions.log_contact(store, load(store, complaint_id), entry, NOW)

    # Assert
    assert (added.outcome, added.follow_up, added.promise) == ("pending", date(2026, 12, 1), None)


def test_a_contact_before_the_order_is_refused(store: Store) -> None:
    # Arrange
    complaint_id = saved(store)
    entry = actions.ContactEntry(channel="chat", outcome="pending", at=at(1, month=9))

    # Act / Assert
    with pytest.raises(InvalidInput, match="précéder la commande du 01/10/2026"):
        actions.log_contact(store, load(store, complaint_id), entry, NOW)


def test_a_contact_is_corrected_once_then_the_correction_is(store: Store) -> None:
    # Arrange
    complaint_id = saved(store, contacts=[contact(1, at(3)), contact(2, at(4), corrects=1)])

    # Act / Assert
    with pytest.raises(InvalidInput, match="déjà corrigé par le n° 2"):
        actions.check_correctable(load(store, complaint_id), 1)
    with pytest.raises(InvalidInput, match="pas de contact n° 9"):
        actions.check_correctable(load(store, complaint_id), 9)
    actions.check_correctable(load(store, complaint_id), 2)


def test_close_then_reopen(store: Store) -> None:
    # Arrange
    complaint_id = saved(store)

    # Act
    closed = actions.close(store, complaint_id, "abandoned", NOW)
    reopened = actions.reopen(store, complaint_id)

    # Assert
    assert (closed.status, closed.closed_at) == ("abandoned", NOW)
    assert (reopened.status, reopened.closed_at) == ("open", None)


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (lambda s, i: actions.close(s, i, "resolved", NOW), "déjà clôturée"),
        (lambda s, i: actions.close(s, i, "won", NOW), "choisissez resolved ou abandoned"),
    ],
)
def test_closing_twice_or_with_an_unknown_outcome_is_refused(
    store: Store, operation: object, message: str
) -> None:
    # Arrange
    complaint_id = saved(store, status="resolved", closed_at=at(10))

    # Act / Assert
    with pytest.raises(ReclamError, match=message):
        operation(store, complaint_id)  # type: ignore[operator]


def test_reopening_an_open_complaint_is_refused(store: Store) -> None:
    with pytest.raises(ReclamError, match="déjà ouverte"):
        actions.reopen(store, saved(store))


def test_same_order_names_the_other_complaints_only(store: Store) -> None:
    # Arrange
    first = saved(store)
    second = saved(store)
    saved(store, order_number="999-1234567-1234567")

    # Act
    others = actions.same_order(store, load(store, second))

    # Assert
    assert others == [first]


def test_delete_removes_the_file(store: Store) -> None:
    # Arrange
    complaint_id = saved(store)

    # Act
    actions.delete(store, complaint_id)

    # Assert
    assert not store.path_for(complaint_id).exists()
