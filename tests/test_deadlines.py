"""Deadline arithmetic on the boundaries, and "never invent": no fact, no deadline."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from amazon_reclamation.domain.deadlines import (
    Deadline,
    MissingFact,
    Note,
    atoz_opens,
    awaiting_delivery,
    compute_deadlines,
    delivered_on_time,
    guarantee_expired,
    missing_facts,
    returned_after_withdrawal,
)
from amazon_reclamation.knowledge.periods import (
    Period,
    add_business_days,
    add_months,
    add_years,
)
from amazon_reclamation.knowledge.rules import period_of
from amazon_reclamation.models import Complaint, Contact, Seller
from amazon_reclamation.texts.deadlines import deadline_json, deadline_note, missing_fact_texts
from factories import TODAY, at, contact
from factories import complaint as make


def seller_message(day: date) -> Contact:
    return contact(when=at(day.day, day.month), channel="seller_message")


def by_id(complaint: Complaint, today: date = TODAY) -> dict[str, Deadline]:
    return {d.id: d for d in compute_deadlines(complaint, today)}


def note_ids(deadline: Deadline) -> list[str]:
    return [note.id for note in deadline.notes]


# -- calendar arithmetic ------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 12, 31), 2, date(2027, 2, 28)),  # 31 Dec + 2 months, common year
        (date(2027, 12, 31), 2, date(2028, 2, 29)),  # 31 Dec + 2 months, leap year
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2025, 10, 31), 13, date(2026, 11, 30)),
        (date(2026, 3, 15), 2, date(2026, 5, 15)),
        (date(2026, 11, 30), 2, date(2027, 1, 30)),
    ],
)
def test_add_months_ends_on_the_last_day_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (date(2024, 2, 29), 2, date(2026, 2, 28)),  # no 29 February: the day before
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2026, 1, 31), 2, date(2028, 1, 31)),
        (date(2026, 12, 31), 2, date(2028, 12, 31)),
    ],
)
def test_add_years_is_leap_year_safe(start: date, years: int, expected: date) -> None:
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 11, 16), date(2026, 11, 18)),  # Monday -> Wednesday
        (date(2026, 11, 20), date(2026, 11, 24)),  # Friday -> Tuesday
        (date(2026, 7, 17), date(2026, 7, 22)),  # Friday, then National Day on Tuesday 21
        (date(2026, 4, 3), date(2026, 4, 8)),  # Friday before Easter Monday
        (date(2026, 12, 24), date(2026, 12, 29)),  # Christmas on a Friday
        (date(2026, 11, 10), date(2026, 11, 13)),  # Armistice on Wednesday 11
    ],
)
def test_two_belgian_business_days(start: date, expected: date) -> None:
    assert add_business_days(start, 2) == expected


# -- each deadline ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delivered", "expected"),
    [
        (date(2026, 1, 31), date(2026, 2, 14)),  # delivery on the last day of a month
        (date(2026, 2, 28), date(2026, 3, 14)),
        (date(2024, 2, 29), date(2024, 3, 14)),  # leap day
        (date(2025, 12, 31), date(2026, 1, 14)),  # across the year
        (date(2026, 11, 6), date(2026, 11, 20)),  # last day is today
    ],
)
def test_withdrawal_counts_14_days_from_the_day_after_delivery(
    delivered: date, expected: date
) -> None:
    deadline = by_id(make(delivery_date=delivered))["withdrawal"]
    assert deadline.date == expected
    assert deadline.days_left == (expected - TODAY).days
    assert deadline.kind == "law"
    assert deadline.notes == (Note("withdrawal_counted", delivered),)


def test_the_rules_carry_the_numbers() -> None:
    assert (period_of("withdrawal").count, period_of("delivery").count) == (14, 30)


def test_days_left_is_zero_on_the_day_and_negative_after() -> None:
    on_the_day = by_id(make(delivery_date=date(2026, 11, 6)))["withdrawal"]
    passed = by_id(make(delivery_date=date(2026, 11, 5)))["withdrawal"]
    assert (on_the_day.days_left, on_the_day.passed) == (0, False)
    assert (passed.days_left, passed.passed) == (-1, True)


@pytest.mark.parametrize(
    ("delivered", "expected"),
    [
        (date(2024, 2, 29), date(2026, 2, 28)),
        (date(2026, 1, 31), date(2028, 1, 31)),
        (date(2026, 6, 30), date(2028, 6, 30)),
    ],
)
def test_legal_guarantee_is_two_years_from_delivery(delivered: date, expected: date) -> None:
    complaint = make(delivery_date=delivered, order_date=min(delivered, date(2026, 10, 1)))
    assert by_id(complaint)["legal_guarantee"].date == expected


@pytest.mark.parametrize(
    ("ordered", "presumption", "note_id"),
    [
        (date(2022, 5, 31), "6 mois", "presumption_before_reform"),  # the day before the reform
        (date(2022, 6, 1), "2 ans", "presumption_since_reform"),  # the reform's first day
        (date(2026, 10, 1), "2 ans", "presumption_since_reform"),
    ],
)
def test_guarantee_presumption_depends_on_the_contract_date(
    ordered: date, presumption: str, note_id: str
) -> None:
    complaint = make(order_date=ordered, delivery_date=ordered)
    deadline = by_id(complaint)["legal_guarantee"]
    assert note_ids(deadline) == [note_id, "notify_within_notice_period"]
    note = deadline_note(deadline)
    assert presumption in note
    assert ("avant le 1er juin 2022" in note) == (presumption == "6 mois")


@pytest.mark.parametrize(
    ("category", "facts", "delivered", "expected"),
    [
        (
            "damaged",
            {"damage_timing": "later", "defect_discovered_date": date(2026, 12, 31)},
            date(2026, 10, 5),
            date(2027, 2, 28),
        ),
        (
            "damaged",
            {"damage_timing": "later", "defect_discovered_date": date(2027, 12, 31)},
            date(2026, 10, 5),
            date(2028, 2, 29),
        ),
        ("damaged", {"damage_timing": "on_arrival"}, date(2026, 10, 31), date(2026, 12, 31)),
        ("non_conforming", {}, date(2026, 8, 31), date(2026, 10, 31)),
    ],
)
def test_defect_notice_is_two_months_after_discovery(
    category: str, facts: dict[str, Any], delivered: date, expected: date
) -> None:
    complaint = make(category=category, facts=facts, delivery_date=delivered)
    assert by_id(complaint)["defect_notice"].date == expected


def test_defect_found_later_without_a_date_gives_no_notice_deadline() -> None:
    complaint = make(facts={"damage_timing": "later"}, delivery_date=date(2026, 10, 5))
    assert "defect_notice" not in by_id(complaint)
    assert MissingFact("discovery", ("defect_notice",)) in missing_facts(complaint)


@pytest.mark.parametrize(
    ("ordered", "expected_date", "expected"),
    [
        (date(2026, 1, 31), None, date(2026, 3, 2)),  # 30 days, across a short month
        (date(2024, 1, 31), None, date(2024, 3, 1)),  # leap year
        # Amazon's estimate is not the legal date: it is only told in the note.
        (date(2026, 10, 1), date(2026, 10, 8), date(2026, 10, 31)),
    ],
)
def test_delivery_is_30_days_after_the_order_and_an_earlier_estimate_only_a_note(
    ordered: date, expected_date: date | None, expected: date
) -> None:
    complaint = make(category="late", order_date=ordered, expected_delivery_date=expected_date)
    deadline = by_id(complaint)["delivery"]
    assert deadline.date == expected
    announced = Note("announced_date", expected_date) if expected_date else None
    assert deadline.notes == (
        Note("delivery_legal_period", ordered),
        announced or Note("announced_date_unknown"),
        Note("delivery_after_period"),
    )


def test_a_date_announced_beyond_the_30_days_is_the_delivery_row_as_in_the_plan() -> None:
    # Arrange: Amazon announced 15/11 for an order of 01/10 (the 30 days end on 31/10)
    complaint = make(
        category="late",
        order_date=date(2026, 10, 1),
        expected_delivery_date=date(2026, 11, 15),
        delivery_date=None,
    )
    today = date(2026, 11, 14)

    # Act
    deadline = by_id(complaint, today)["delivery"]

    # Assert: the row waits for the same day as the plan, and still explains the 30 days
    assert (deadline.date, deadline.days_left, deadline.passed) == (date(2026, 11, 15), 1, False)
    assert awaiting_delivery(complaint, today) == deadline.date
    assert Note("delivery_legal_period", date(2026, 10, 1)) in deadline.notes


def test_a_delivered_parcel_is_not_told_to_ask_for_delivery() -> None:
    complaint = make(
        category="late",
        expected_delivery_date=date(2026, 10, 8),
        delivery_date=date(2026, 11, 12),
    )
    ids = note_ids(by_id(complaint)["delivery"])
    assert "delivery_after_period" not in ids
    assert Note("delivered_on", date(2026, 11, 12)) in by_id(complaint)["delivery"].notes


def test_atoz_is_90_days_after_the_latest_estimate_for_marketplace_sellers_only() -> None:
    market = make(
        category="late",
        expected_delivery_date=date(2026, 10, 10),
        seller={"kind": "marketplace", "name": "Shop", "country": "FR"},
    )
    deadline = by_id(market)["atoz_claim"]
    assert deadline.date == date(2027, 1, 8)
    assert deadline.kind == "amazon_policy"
    assert deadline.rule.marker == "verified_2nd"
    assert note_ids(deadline) == [
        "amazon_rule_checked_elsewhere",
        "atoz_write_first",
        "atoz_no_chargeback",
    ]
    sold_by_amazon = market.model_copy(update={"seller": Seller(kind="amazon")})
    assert "atoz_claim" not in by_id(sold_by_amazon)


def test_atoz_opens_two_business_days_after_the_seller_message() -> None:
    complaint = make(
        delivery_date=date(2026, 7, 10),
        seller={"kind": "marketplace", "name": "Shop", "country": "FR"},
        contacts=[seller_message(date(2026, 7, 17))],
    )
    assert atoz_opens(complaint) == date(2026, 7, 22)
    assert Note("atoz_opens", date(2026, 7, 17), date(2026, 7, 22)) in (
        by_id(complaint)["atoz_claim"].notes
    )
    assert atoz_opens(make(seller={"kind": "marketplace"})) is None


def test_atoz_for_a_late_parcel_also_waits_3_days_after_the_estimate() -> None:
    complaint = make(
        category="late",
        expected_delivery_date=date(2026, 11, 25),
        seller={"kind": "marketplace", "name": "Shop", "country": "FR"},
        contacts=[seller_message(date(2026, 11, 16))],
    )
    assert atoz_opens(complaint) == date(2026, 11, 28)


@pytest.mark.parametrize(
    ("method", "problem", "present", "absent"),
    [
        ("sepa_direct_debit", "wrong_amount", {"sepa_refund"}, {"unauthorised_payment"}),
        ("card", "unknown_charge", {"unauthorised_payment"}, {"sepa_refund"}),
        ("sepa_direct_debit", "unknown_charge", {"sepa_refund", "unauthorised_payment"}, set()),
        ("debit_card", "unannounced_fee", set(), {"sepa_refund", "unauthorised_payment"}),
    ],
)
def test_payment_deadlines_follow_the_payment_facts(
    method: str, problem: str, present: set[str], absent: set[str]
) -> None:
    complaint = make(
        category="billing",
        facts={
            "payment_method": method,
            "billing_problem": problem,
            "charge_date": date(2025, 10, 31),
        },
    )
    found = by_id(complaint)
    assert present <= set(found)
    assert not absent & set(found)
    if "sepa_refund" in found:
        assert found["sepa_refund"].date == date(2025, 12, 26)  # 8 weeks
    if "unauthorised_payment" in found:
        assert found["unauthorised_payment"].date == date(2026, 11, 30)  # 13 months
        assert note_ids(found["unauthorised_payment"])[0] == "unauthorised_no_delay"


def test_refund_after_withdrawal_is_14_days_after_the_return() -> None:
    complaint = make(
        category="refund",
        facts={"return_kind": "returned", "returned_date": date(2026, 11, 3)},
    )
    deadline = by_id(complaint)["refund_after_withdrawal"]
    assert deadline.date == date(2026, 11, 17)
    assert deadline.passed
    # No delivery date: the refund is owed this way only if the return was in time.
    assert deadline.notes == (
        Note("refund_only_if_in_time"),
        Note("refund_from_return", date(2026, 11, 3)),
    )


def test_seller_feedback_is_90_days_after_the_order_for_marketplace_sellers() -> None:
    complaint = make(seller={"kind": "marketplace", "name": "Shop", "country": "DE"})
    deadline = by_id(complaint)["seller_feedback"]
    assert deadline.date == date(2026, 12, 30)
    assert deadline.notes == (Note("feedback_amazon_com"),)
    assert "seller_feedback" not in by_id(make(seller={"kind": "amazon"}))


def test_deadlines_are_sorted_by_date() -> None:
    complaint = make(
        delivery_date=date(2026, 10, 5),
        facts={"damage_timing": "later", "defect_discovered_date": date(2026, 11, 1)},
        seller={"kind": "marketplace", "name": "Shop", "country": "FR"},
    )
    dates = [d.date for d in compute_deadlines(complaint, TODAY)]
    assert dates == sorted(dates)
    assert len(dates) == 5


# -- never invent ---------------------------------------------------------------------


def test_no_fact_no_deadline_and_missing_facts_say_which() -> None:
    complaint = make(category="damaged")
    assert {d.id for d in compute_deadlines(complaint, TODAY)} == set()
    assert missing_facts(complaint) == [
        MissingFact("delivery", ("withdrawal", "legal_guarantee")),
        MissingFact("discovery", ("defect_notice",)),
        MissingFact("seller", ("atoz_claim", "seller_feedback")),
    ]


def test_missing_facts_wording() -> None:
    texts = missing_fact_texts(missing_facts(make(category="damaged")))
    assert texts == [
        "La date de livraison permettrait de calculer le délai de rétractation et la fin de "
        "la garantie légale.",
        "La date de découverte du défaut permettrait de calculer le délai pour prévenir le "
        "vendeur du défaut.",
        "Le type de vendeur (Amazon ou vendeur tiers) permettrait de calculer le délai de la "
        "Garantie A à Z et le délai pour évaluer le vendeur.",
    ]


def test_billing_without_payment_facts_lists_them_as_missing() -> None:
    complaint = make(category="billing")
    assert compute_deadlines(complaint, TODAY) == []
    facts = [m.fact for m in missing_facts(complaint)]
    assert "payment" in facts
    assert "billing" in facts


def test_missing_facts_is_empty_when_everything_is_known() -> None:
    complaint = make(
        category="late",
        expected_delivery_date=date(2026, 11, 1),
        seller={"kind": "amazon"},
    )
    assert missing_facts(complaint) == []
    assert [d.id for d in compute_deadlines(complaint, TODAY)] == ["delivery"]


def test_to_json_shape() -> None:
    deadline = by_id(make(delivery_date=date(2026, 11, 10)))["withdrawal"]
    data = deadline_json(deadline)
    assert data["id"] == "withdrawal"
    assert data["date"] == "2026-11-24"
    assert data["days_left"] == 4
    assert data["kind"] == "law"
    assert data["source"] == deadline.rule.sources[0]
    assert data["reference"] == "art. VI.47 CDE"
    assert data["title"] == "Droit de rétractation"
    assert data["period"] == "14 jours calendrier"
    assert data["note"] == (
        "14 jours comptés à partir du lendemain de la livraison du 10/11/2026, selon "
        "plusieurs sources ; agir avant le dernier jour est plus sûr. Il suffit d'envoyer "
        "votre rétractation avant la fin du délai : gardez-en la preuve."
    )


# -- what the reviewer found ------------------------------------------------------------


def test_a_delivery_date_not_given_is_unknown_not_agreed() -> None:
    note = deadline_note(by_id(make(category="late"))["delivery"])
    assert "Date annoncée non indiquée" in note
    assert "30 jours" in note and "art. VI.43 CDE" in note


@pytest.mark.parametrize(
    ("category", "fields", "expected"),
    [
        ("late", {"expected_delivery_date": date(2026, 11, 25)}, date(2026, 11, 25)),
        ("late", {"expected_delivery_date": TODAY}, TODAY),  # the day itself: not late yet
        ("late", {"expected_delivery_date": date(2026, 11, 19)}, None),
        ("late", {"order_date": date(2026, 10, 21)}, TODAY),  # 30 days end today
        ("late", {"order_date": date(2026, 10, 20)}, None),  # ended yesterday
        ("not_received", {"order_date": date(2026, 11, 1)}, date(2026, 12, 1)),
        (
            "not_received",
            {"order_date": date(2026, 11, 1), "facts": {"marked_delivered": True}},
            None,  # marked delivered: the problem is there now
        ),
        (
            "late",
            {"expected_delivery_date": date(2026, 11, 25), "delivery_date": date(2026, 11, 19)},
            None,  # it arrived
        ),
        ("damaged", {"expected_delivery_date": date(2026, 11, 25)}, None),
    ],
)
def test_awaiting_delivery(category: str, fields: dict[str, Any], expected: date | None) -> None:
    assert awaiting_delivery(make(category=category, **fields), TODAY) == expected


@pytest.mark.parametrize(
    ("delivered", "returned", "kind", "legal"),
    [
        (date(2026, 10, 6), date(2026, 10, 20), "returned", True),  # last day of the 14
        (date(2026, 10, 6), date(2026, 10, 21), "returned", False),
        (date(2026, 10, 6), date(2026, 10, 25), "returned", False),
        (date(2026, 10, 6), date(2026, 10, 25), "cancelled", True),
        (None, date(2026, 10, 25), "returned", True),  # unknown delivery: said conditionally
    ],
)
def test_refund_deadline_only_after_a_legal_withdrawal(
    delivered: date | None, returned: date, kind: str, legal: bool
) -> None:
    complaint = make(
        category="refund",
        delivery_date=delivered,
        facts={"return_kind": kind, "returned_date": returned},
    )
    assert returned_after_withdrawal(complaint) == (not legal)
    found = by_id(complaint)
    assert ("refund_after_withdrawal" in found) == legal
    if legal and delivered is None:
        deadline = found["refund_after_withdrawal"]
        assert note_ids(deadline) == ["refund_only_if_in_time", "refund_from_return"]
        note = deadline_note(deadline)
        assert note.startswith("Seulement si vous avez renvoyé l'article dans le délai de")
        assert "(14 jours après la livraison)" in note
    assert not any(m.fact == "return" for m in missing_facts(complaint))


def test_defect_notice_wording_after_discovery() -> None:
    complaint = make(
        facts={"damage_timing": "later", "defect_discovered_date": date(2026, 11, 1)},
        delivery_date=date(2026, 10, 5),
    )
    note = deadline_note(by_id(complaint)["defect_notice"])
    assert note.startswith(
        "Dans les deux mois qui suivent la découverte du défaut (le 01/11/2026)."
    )


@pytest.mark.parametrize(
    ("ordered", "amended"),
    [(date(2022, 5, 31), False), (date(2022, 6, 1), True), (date(2026, 10, 1), True)],
)
def test_guarantee_reference_follows_the_contract_date(ordered: date, amended: bool) -> None:
    complaint = make(order_date=ordered, delivery_date=ordered)
    data = deadline_json(by_id(complaint)["legal_guarantee"])
    reference = str(data["reference"])
    assert ("modifiés par la loi du 20 mars 2022" in reference) == amended
    assert ("antérieure à la loi du 20 mars 2022" in reference) == (not amended)


@pytest.mark.parametrize(
    ("delivered", "discovered", "expired"),
    [
        (date(2024, 11, 19), None, True),  # ended yesterday
        (date(2024, 11, 20), None, False),  # ends today
        (date(2024, 2, 29), None, True),  # leap day: ended 28/02/2026
        (date(2024, 10, 5), date(2026, 10, 5), False),  # found on the last day: covered
        (date(2024, 10, 5), date(2026, 10, 6), True),  # found the day after
        (None, None, False),  # unknown delivery: nothing invented
    ],
)
def test_guarantee_expired(delivered: date | None, discovered: date | None, expired: bool) -> None:
    facts = {"damage_timing": "later", "defect_discovered_date": discovered} if discovered else {}
    complaint = make(order_date=date(2024, 1, 1), delivery_date=delivered, facts=facts)
    assert guarantee_expired(complaint, TODAY) == expired
    assert not guarantee_expired(complaint.model_copy(update={"category": "billing"}), TODAY)


@pytest.mark.parametrize(
    ("method", "card_stop"),
    [("card", True), ("debit_card", True), ("sepa_direct_debit", False), ("other", False)],
)
def test_card_stop_only_for_a_card(method: str, card_stop: bool) -> None:
    complaint = make(
        category="billing",
        facts={
            "payment_method": method,
            "billing_problem": "unknown_charge",
            "charge_date": date(2026, 11, 2),
        },
    )
    deadline = by_id(complaint)["unauthorised_payment"]
    assert ("card_stop" in note_ids(deadline)) == card_stop
    assert ("Card Stop" in str(deadline_json(deadline))) == card_stop


@pytest.mark.parametrize(
    ("category", "delivered", "announced", "on_time"),
    [
        ("late", date(2026, 10, 15), date(2026, 10, 15), True),
        ("late", date(2026, 10, 16), date(2026, 10, 15), False),
        ("late", date(2026, 10, 16), None, False),  # no announced date: not known
        ("late", None, date(2026, 10, 15), False),
        ("damaged", date(2026, 10, 10), date(2026, 10, 15), False),
    ],
)
def test_delivered_on_time(
    category: str, delivered: date | None, announced: date | None, on_time: bool
) -> None:
    complaint = make(category=category, delivery_date=delivered, expected_delivery_date=announced)
    assert delivered_on_time(complaint) == on_time


def test_the_refund_after_a_cancellation_is_counted_by_analogy_only() -> None:
    complaint = make(
        category="refund",
        facts={"return_kind": "cancelled", "returned_date": date(2026, 10, 3)},
    )
    deadline = by_id(complaint)["refund_after_withdrawal"]
    assert deadline.notes == (Note("refund_by_analogy", date(2026, 10, 3)),)
    note = deadline_note(deadline)
    assert "par analogie" in note
    assert "ne le confirment pas" in note
    assert "récupéré l'article" not in note


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 4), date(2026, 12, 4)),  # a Friday
        (date(2026, 12, 5), date(2026, 12, 7)),  # Saturday: Monday
        (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas (Friday): Monday
        (date(2026, 11, 11), date(2026, 11, 12)),  # Armistice
    ],
)
def test_next_business_day(day: date, expected: date) -> None:
    from amazon_reclamation.knowledge.periods import is_business_day, next_business_day

    assert next_business_day(day) == expected
    assert is_business_day(day) == (day == expected)


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (Period(14, "calendar_days"), date(2026, 1, 31), date(2026, 2, 14)),
        (Period(30, "days"), date(2026, 1, 31), date(2026, 3, 2)),
        (Period(8, "weeks"), date(2025, 10, 31), date(2025, 12, 26)),
        (Period(13, "months"), date(2025, 10, 31), date(2026, 11, 30)),
        (Period(2, "years"), date(2024, 2, 29), date(2026, 2, 28)),
        (Period(2, "business_days"), date(2026, 11, 20), date(2026, 11, 24)),
    ],
)
def test_a_period_ends_after_its_start(period: Period, start: date, end: date) -> None:
    assert period.after(start) == end


def test_a_billing_problem_with_no_delivery_has_no_withdrawal_to_count() -> None:
    # Arrange
    debit = make(
        category="billing",
        facts={"billing_problem": "wrong_amount", "charge_date": date(2026, 11, 3)},
    )
    delivered = debit.model_copy(update={"delivery_date": date(2026, 11, 5)})

    # Act / Assert
    assert "withdrawal" not in {d.id for d in compute_deadlines(debit, TODAY)}
    assert all("withdrawal" not in m.rule_ids for m in missing_facts(debit))
    assert "withdrawal" in {d.id for d in compute_deadlines(delivered, TODAY)}


@pytest.mark.parametrize(
    ("returned", "exercised"), [(date(2026, 10, 10), True), (date(2026, 11, 2), False)]
)
def test_a_withdrawal_sent_back_in_time_is_exercised_not_an_alarm(
    returned: date, exercised: bool
) -> None:
    # Arrange
    refund = make(
        category="refund",
        delivery_date=date(2026, 10, 5),
        facts={"return_kind": "returned", "returned_date": returned},
    )

    # Act
    withdrawal = next(d for d in compute_deadlines(refund, TODAY) if d.id == "withdrawal")

    # Assert
    assert (withdrawal.exercised_on == returned) == exercised
    assert ([n.id for n in withdrawal.notes] == ["withdrawal_exercised"]) == exercised


# -- a window that has closed: said as closed, never as a step to take ----------------


def test_a_passed_withdrawal_says_how_it_was_counted_without_advice() -> None:
    # Arrange
    delivered = make(delivery_date=date(2026, 10, 5))

    # Act
    open_window = by_id(delivered, date(2026, 10, 10))["withdrawal"]
    closed_window = by_id(delivered, TODAY)["withdrawal"]

    # Assert
    assert [n.id for n in open_window.current_notes] == ["withdrawal_counted"]
    assert [n.id for n in closed_window.current_notes] == ["withdrawal_was_counted"]
    assert "Il suffit d'envoyer" in deadline_note(open_window)
    assert deadline_note(closed_window) == (
        "14 jours comptés à partir du lendemain de la livraison du 05/10/2026."
    )


def test_a_passed_atoz_or_sepa_window_gives_no_advice_on_using_it() -> None:
    # Arrange
    late = make(
        seller=Seller(kind="marketplace", name="Boutique Lille", country="FR"),
        delivery_date=date(2026, 8, 1),
        contacts=[seller_message(date(2026, 8, 3))],
        facts={"payment_method": "sepa_direct_debit", "charge_date": date(2026, 9, 1)},
    )

    # Act
    found = by_id(late)

    # Assert: the rule stays, the "how to claim" goes.
    assert found["atoz_claim"].passed
    assert [n.id for n in found["atoz_claim"].current_notes] == [
        "amazon_rule_checked_elsewhere",
        "atoz_counted_from_delivery",
    ]
    assert "atoz_opens" in note_ids(found["atoz_claim"])  # kept in the data (the digest)
    assert found["sepa_refund"].passed
    assert found["sepa_refund"].current_notes == ()
    assert "sans justification" not in deadline_note(found["sepa_refund"])
    feedback = found["seller_feedback"]  # 90 days after the order of 1 October
    assert "Restez factuel" in deadline_note(feedback)
    assert "Restez factuel" not in deadline_note(by_id(late, date(2027, 1, 15))["seller_feedback"])


def test_an_atoz_wait_ending_after_the_window_is_never_possible_from() -> None:
    # Arrange: the window ends on Saturday 21 November; written to on Thursday the 19th,
    # the 2 business days end on Monday the 23rd.
    late_message = make(
        seller=Seller(kind="marketplace", name="Boutique Lille", country="FR"),
        delivery_date=date(2026, 8, 23),
        contacts=[seller_message(date(2026, 11, 19))],
    )

    # Act
    atoz = by_id(late_message)["atoz_claim"]

    # Assert
    assert atoz.date == date(2026, 11, 21)
    assert not atoz.passed
    assert "atoz_opens" not in note_ids(atoz)
    assert Note("atoz_opens_after_end", date(2026, 11, 19), date(2026, 11, 23)) in atoz.notes
    assert "atoz_no_chargeback" not in note_ids(atoz)
    assert "possible à partir" not in deadline_note(atoz)


@pytest.mark.parametrize(
    ("charged", "note", "words"),
    [
        (date(2026, 10, 3), "sepa_ends_saturday", "Le 28/11/2026 est un samedi"),
        (date(2026, 10, 4), "sepa_ends_sunday", "Le 29/11/2026 est un dimanche"),
        (date(2026, 10, 30), "sepa_ends_holiday", "Le 25/12/2026 est un jour férié"),
        (date(2026, 10, 5), None, None),
    ],
)
def test_a_sepa_refund_ending_on_a_day_off_says_so_and_is_not_extended(
    charged: date, note: str | None, words: str | None
) -> None:
    # Arrange
    debit = make(
        category="billing",
        facts={"payment_method": "sepa_direct_debit", "charge_date": charged},
    )

    # Act
    sepa = by_id(debit)["sepa_refund"]

    # Assert
    assert sepa.date == period_of("sepa_refund").after(charged)  # not moved
    if note is None:
        assert note_ids(sepa) == ["sepa_ask_bank"]
        return
    assert note_ids(sepa) == ["sepa_ask_bank", note]
    assert f"{words} : faites votre demande à la banque avant ce jour." in deadline_note(sepa)


def test_an_exercised_withdrawal_is_no_alarm() -> None:
    # Arrange
    refund = make(
        category="refund",
        delivery_date=date(2026, 11, 10),
        facts={"return_kind": "returned", "returned_date": date(2026, 11, 12)},
    )

    # Act
    found = by_id(refund)

    # Assert
    assert not found["withdrawal"].alarm
    assert found["refund_after_withdrawal"].alarm


def test_an_atoz_window_too_short_to_wait_gives_no_advice_on_using_it() -> None:
    # Arrange: not written to; the 90 days end on Friday 20 November (today); 2 business
    # days after a message written today end on Tuesday the 24th.
    unwritten = make(
        seller=Seller(kind="marketplace", name="Boutique Lille", country="FR"),
        delivery_date=date(2026, 8, 22),
    )

    # Act
    today = by_id(unwritten)["atoz_claim"]
    earlier = by_id(unwritten, date(2026, 11, 10))["atoz_claim"]

    # Assert
    assert today.closed and not today.passed
    assert "atoz_write_first" not in [n.id for n in today.current_notes]
    assert not earlier.closed
    assert "atoz_write_first" in [n.id for n in earlier.current_notes]


def test_an_atoz_window_closed_before_its_date_is_no_alarm() -> None:
    # Arrange: not written to; the 90 days end on Friday 20 November (today), too soon
    # for the 2 business days to wait; a week later, it is a passed date like any other.
    unwritten = make(
        seller=Seller(kind="marketplace", name="Boutique Lille", country="FR"),
        delivery_date=date(2026, 8, 22),
    )

    # Act / Assert
    assert not by_id(unwritten)["atoz_claim"].alarm
    assert by_id(unwritten, date(2026, 11, 27))["atoz_claim"].alarm
    assert by_id(unwritten, date(2026, 11, 1))["atoz_claim"].alarm


def test_the_holiday_table_is_the_holidays_library_for_its_years() -> None:
    # The table spares every command the library's 130 ms import; it must say the same.
    import holidays

    from amazon_reclamation.knowledge.holiday_table import FIRST_YEAR, HOLIDAYS, LAST_YEAR

    years = range(FIRST_YEAR, LAST_YEAR + 1)
    assert set(holidays.country_holidays("BE", years=years)) == HOLIDAYS


def test_business_days_outside_the_table_come_from_the_library() -> None:
    from amazon_reclamation.knowledge.periods import add_business_days, is_business_day

    assert not is_business_day(date(2050, 7, 21))  # National Day, a Thursday that year
    assert add_business_days(date(2050, 7, 20), 1) == date(2050, 7, 22)
