"""Contacts, pure: promise states, the timeline, corrections, follow-ups due, and the written
confirmation of a phone or chat contact. `reclam log` itself is in tests/cli/test_log.py."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import factories
from amazon_reclamation.domain import contacts
from amazon_reclamation.models import Contact
from amazon_reclamation.texts import summary
from factories import TODAY, at, contact

# Jan Peeters's refund complaint, as the contacts below are logged on it.
JAN: dict[str, Any] = {
    "created_at": at(2),
    "category": "refund",
    "order_date": date(2026, 11, 1),
    "customer_name": "Jan Peeters",
    "item": None,
    "amount": None,
}


# -- promise states and the timeline -----------------------------------------------


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        (date(2026, 11, 21), "due"),  # tomorrow
        (date(2026, 11, 20), "due"),  # the follow-up day itself is still due
        (date(2026, 11, 19), "broken"),  # from the next day on, broken
        (date(2026, 10, 31), "broken"),
    ],
)
def test_promise_state_around_the_follow_up_date(follow_up: date, expected: str) -> None:
    promise = contact(1, at(10), "phone", "promise", promise="remboursement", follow_up=follow_up)
    assert contacts.promise_state(promise, [promise], TODAY) == expected


def test_a_later_resolution_keeps_the_promise_even_after_its_date() -> None:
    promise = contact(1, at(10), "phone", "promise", follow_up=date(2026, 11, 12))
    resolved = contact(2, at(18), "phone", "resolved")
    assert contacts.promise_state(promise, [promise, resolved], TODAY) == "kept"


def test_a_resolution_before_the_promise_does_not_keep_it() -> None:
    resolved = contact(1, at(5), "phone", "resolved")
    promise = contact(2, at(10), "phone", "promise", follow_up=date(2026, 11, 12))
    assert contacts.promise_state(promise, [resolved, promise], TODAY) == "broken"


def test_timeline_orders_contacts_entered_out_of_order() -> None:
    late_entry = contact(1, at(15), "phone", "pending")
    earlier_call = contact(2, at(10), "phone", "no_answer")
    same_time = contact(3, at(15), "phone", "refused")
    ordered = contacts.timeline([late_entry, earlier_call, same_time])
    assert [c.id for c in ordered] == [2, 1, 3]


def test_a_correction_replaces_the_entry_in_computations_but_keeps_it() -> None:
    wrong = contact(1, at(10), "phone", "promise", follow_up=date(2026, 11, 12))
    fixed = contact(2, at(10, hour=11), "phone", "no_answer", corrects=1)
    complaint = factories.complaint("abc234", **JAN, contacts=[wrong, fixed])
    assert [c.id for c in contacts.timeline(complaint.contacts)] == [1, 2]
    assert [c.id for c in contacts.effective(complaint.contacts)] == [2]
    assert contacts.broken_promises(complaint, TODAY) == []
    assert contacts.failed_attempts(complaint) == 1


def test_due_follow_ups_and_next_follow_up() -> None:
    overdue = contact(1, at(3), "phone", "promise", follow_up=date(2026, 11, 10))
    today_one = contact(2, at(4), "phone", "promise", follow_up=TODAY)
    future = contact(3, at(5), "phone", "promise", follow_up=date(2026, 11, 30))
    complaint = factories.complaint("abc234", **JAN, contacts=[overdue, today_one, future])
    assert [p.contact.id for p in contacts.due_follow_ups(complaint, TODAY)] == [1, 2]
    upcoming = contacts.next_follow_up(complaint, TODAY)
    assert upcoming is not None and upcoming.contact.id == 1 and upcoming.state == "broken"


# -- written confirmation ---------------------------------------------------------


def test_written_confirmation_of_a_phone_promise() -> None:
    call = contact(
        1,
        at(18, hour=14),
        "phone",
        "promise",
        agent="Sophie",
        reference="CS-123",
        promise="remboursement sous 5 jours",
        follow_up=date(2026, 11, 25),
    )
    complaint = factories.complaint("abc234", **JAN, contacts=[call])
    assert summary.needs_written_confirmation(call)
    text = summary.confirmation_message(complaint, call)
    assert (
        "À la suite de notre appel téléphonique du 18 novembre 2026 avec Sophie (référence CS-123)"
        in text
    )
    assert "commande n° 123-1234567-1234567 du 1er novembre 2026" in text
    assert "remboursement sous 5 jours, au plus tard le 25 novembre 2026." in text
    assert text.endswith("Cordialement,\nJan Peeters")


def test_written_confirmation_of_a_chat_refusal_repeats_the_request() -> None:
    chat = contact(1, at(18), "chat", "refused", summary="hors délai selon l'agent")
    complaint = factories.complaint("abc234", **JAN, contacts=[chat], desired_resolution="refund")
    text = summary.confirmation_message(complaint, chat)
    assert "échange par chat du 18 novembre 2026" in text
    assert "refusé ma demande (hors délai selon l'agent)" in text
    assert "Je maintiens ma demande : le remboursement." in text
    email = chat.model_copy(update={"channel": "email"})
    assert not summary.needs_written_confirmation(email)


def test_written_confirmation_of_an_unknown_charge_names_no_order() -> None:
    call = contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))
    refusal = contact(2, at(19), "chat", "refused")
    complaint = factories.complaint(
        "abc234",
        category="billing",
        order_number=None,
        order_date=None,
        facts={"billing_problem": "unknown_charge"},
        contacts=[call, refusal],
    )
    promised = summary.confirmation_message(complaint, call)
    refused = summary.confirmation_message(complaint, refusal)
    for text in (promised, refused):
        assert "au sujet d'un débit qui ne correspond à aucune de mes commandes" in text
        assert "None" not in text
        assert "commande n°" not in text
    assert "au plus tard le 25 novembre 2026." in promised


def test_a_complaint_without_an_order_must_be_an_unknown_charge() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="unknown charge"):
        factories.complaint(order_number=None, order_date=None)


# -- what a follow-up date is ----------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"outcome": "promise", "promise": "remboursement"}, "promise"),
        ({"channel": "letter", "outcome": "pending", "step": "formal_notice"}, "formal_notice"),
        ({"channel": "email", "outcome": "pending", "step": "formal_notice"}, "formal_notice"),
        # A reply to the formal notice that promises something is a promise.
        ({"outcome": "promise", "step": "formal_notice"}, "promise"),
        ({"channel": "phone", "outcome": "pending"}, "announced"),
        ({"channel": "letter", "outcome": "pending", "step": "written_complaint"}, "announced"),
    ],
)
def test_follow_up_kind_says_whether_anyone_announced_the_date(
    fields: dict[str, Any], expected: str
) -> None:
    values: dict[str, Any] = {"channel": "chat", "follow_up": date(2026, 12, 10), **fields}
    channel, outcome = values.pop("channel"), values.pop("outcome")
    entry = contact(1, at(10), channel, outcome, **values)

    assert contacts.follow_up_kind(entry) == expected


@pytest.mark.parametrize(
    ("later", "chased"),
    [
        (None, False),  # nobody got back to it
        (contact(2, at(14), "phone", "pending"), False),  # before its day: still awaited
        (contact(2, at(15), "chat", "pending"), True),  # on its day
        (contact(2, at(17), "phone", "refused"), True),  # after it, whatever the outcome
        (contact(2, at(17), "letter", "pending", step="formal_notice"), True),
    ],
)
def test_a_promise_is_chased_by_a_later_contact_on_or_after_its_day(
    later: Contact | None, chased: bool
) -> None:
    # Arrange
    promise = contact(1, at(10), "phone", "promise", follow_up=date(2026, 11, 15))
    entries = [promise] if later is None else [promise, later]
    complaint = factories.complaint("abc234", **JAN, contacts=entries)

    # Act
    result = contacts.chased(promise, entries)

    # Assert: only what is still to chase is due; the promise itself stays broken
    assert result is chased
    assert [p.contact.id for p in contacts.due_follow_ups(complaint, TODAY)] == (
        [] if chased else [1]
    )
    assert [c.id for c in contacts.broken_promises(complaint, TODAY)] == [1]


def test_a_contact_corrected_to_an_earlier_day_no_longer_chases_a_promise() -> None:
    # Arrange: a call logged on the 17th, corrected: it was on the 12th
    promise = contact(1, at(10), "phone", "promise", follow_up=date(2026, 11, 15))
    wrong = contact(2, at(17), "phone", "pending")
    fixed = contact(3, at(12), "phone", "pending", corrects=2)

    # Act, Assert
    assert contacts.chased(promise, [promise, wrong]) is True
    assert contacts.chased(promise, [promise, wrong, fixed]) is False
