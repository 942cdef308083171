"""The escalation decision: routing by seller and category, steps recognised from the log,
the step to take now or the reason to wait, as statuses and reason ids with their values.

The French of these reasons is pinned in `test_escalation_texts.py`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from amazon_reclamation.domain.escalation import (
    STEP_IDS,
    Clauses,
    Decision,
    Part,
    Reason,
    decide,
    outside_bodies,
    route,
)
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.models import CATEGORIES, Complaint, Contact, Seller
from factories import TODAY, at, complaint, contact

SELLERS: dict[str, dict[str, Any]] = {
    "amazon": {"kind": "amazon"},
    "market_be": {"kind": "marketplace", "name": "Boutique Liège", "country": "BE"},
    "market_fr": {"kind": "marketplace", "name": "Boutique Lille", "country": "FR"},
    "market_lu": {"kind": "marketplace", "name": "Boutique Esch", "country": "LU"},
    "market_gb": {"kind": "marketplace", "name": "Shop London", "country": "GB"},
    "market_dk": {"kind": "marketplace", "name": "Butik Aarhus", "country": "DK"},
    "market_cn": {"kind": "marketplace", "name": "Shenzhen Store", "country": "CN"},
    "unknown": {},
}
DELIVERED = date(2026, 10, 5)

# For a fresh complaint (no contact, amount 49,99 €, payment unknown): A = applies
# (now or later), N = not_applicable, per step in this column order.
COLUMNS = (
    "contact_customer_service",
    "ask_supervisor",
    "contact_seller",
    "atoz_claim",
    "written_complaint",
    "ecc_belgium",
    "lu_consumer_mediator",
    "consumerconnect",
    "consumer_mediation_service",
    "justice_of_the_peace",
    "european_small_claims",
)
ROUTES: dict[str, tuple[str, str]] = {
    # seller: (expected applicability in COLUMNS order, the step that is "now")
    "amazon": ("AANNAAANNAA", "contact_customer_service"),
    "market_be": ("NNAANNNAAAN", "contact_seller"),
    "market_fr": ("NNAANANNNAA", "contact_seller"),
    "market_lu": ("NNAANAANNAA", "contact_seller"),
    "market_gb": ("NNAANANNNAN", "contact_seller"),
    "market_dk": ("NNAANANNNAN", "contact_seller"),
    "market_cn": ("NNAANNNNNAN", "contact_seller"),
    "unknown": ("AANNAAAAAAA", "contact_customer_service"),
}


def case(seller: str = "amazon", category: str = "damaged", **fields: Any) -> Complaint:
    """The usual case of these tests: delivered on 5 October, sold by `SELLERS[seller]`."""
    fields.setdefault("delivery_date", DELIVERED)
    return complaint(category=category, seller=SELLERS[seller], **fields)


def statuses(decision: Decision) -> dict[str, str]:
    return {s.id: s.status for s in decision.steps}


def ids(parts: tuple[Part, ...] | list[Part]) -> list[str]:
    """Reason ids in order; the clauses of the log as "clauses"."""
    return ["clauses" if isinstance(p, Clauses) else p.id for p in parts]


def why(decision: Decision, step_id: str) -> list[str]:
    return ids(decision.step(step_id).why)


def clauses(decision: Decision, step_id: str) -> tuple[Reason, ...]:
    group = next(p for p in decision.step(step_id).why if isinstance(p, Clauses))
    return group.reasons


def r(reason_id: str, **params: Any) -> Reason:
    return Reason(reason_id, params)


# -- routing: seller kind x category ---------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("seller", list(SELLERS))
def test_routing_per_seller_and_category(seller: str, category: str) -> None:
    result = decide(case(seller, category), TODAY)
    found = statuses(result)
    assert [s.id for s in result.steps] == list(STEP_IDS)
    expected, now = ROUTES[seller]
    for step_id, letter in zip(COLUMNS, expected, strict=True):
        applies = letter == "A"
        if step_id == "atoz_claim" and category == "billing":
            applies = False  # A-to-z covers delivery and condition, not billing
        assert (found[step_id] != "not_applicable") == applies, (step_id, found[step_id])
    assert [s.id for s in result.steps if s.status == "now"] == [now]
    # A "late" parcel of this case arrived 4 days after the order: no formal notice.
    assert found["formal_notice"] == ("not_applicable" if category == "late" else "later")
    for step_id in ("sepa_refund", "unauthorised_payment", "chargeback"):
        assert found[step_id] == "not_applicable"  # no payment facts: nothing invented


@pytest.mark.parametrize("category", CATEGORIES)
def test_sold_by_amazon_never_routes_to_the_consumer_mediation_service(category: str) -> None:
    done_everything = [
        contact(1, at(2), "phone", "refused", step="ask_supervisor"),
        contact(2, at(3), "letter", "no_answer", step="formal_notice"),
        contact(3, at(4), "other", "pending", step="review"),
    ]
    for contacts_ in ([], done_everything):
        result = decide(case("amazon", category, contacts=contacts_), TODAY)
        assert result.step("consumer_mediation_service").status == "not_applicable"
        assert why(result, "consumer_mediation_service") == [
            "sold_by_amazon_check_invoice",
            "mediation_belgian_traders_invoice",
        ]
        assert result.step("ecc_belgium").status in ("now", "later")
        assert result.step("lu_consumer_mediator").status in ("now", "later")


def test_sold_by_amazon_asks_to_check_the_seller_on_the_invoice() -> None:
    assert why(decide(case("amazon"), TODAY), "ecc_belgium") == [
        "sold_by_amazon_check_invoice",
        "ecc_competence",
        "needs_prior_complaint",
    ]


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_marketplace_seller_in_belgium_routes_to_the_mediation_service(category: str) -> None:
    result = decide(case("market_be", category), TODAY)
    assert result.step("consumerconnect").status in ("now", "later")
    assert result.step("consumer_mediation_service").status in ("now", "later")
    assert result.step("ecc_belgium").status == "not_applicable"
    assert result.step("european_small_claims").status == "not_applicable"
    assert why(result, "ecc_belgium") == ["ecc_not_belgian_traders"]
    assert why(result, "european_small_claims") == ["small_claims_not_cross_border"]


def test_a_seller_outside_the_eu_is_told_ecc_cannot_help() -> None:
    step = decide(case("market_cn"), TODAY).step("ecc_belgium")
    assert step.status == "not_applicable"
    assert step.why == (r("ecc_outside_reach", country="CN"),)


def test_an_unknown_seller_is_told_what_to_check() -> None:
    result = decide(case("unknown"), TODAY)
    assert why(result, "contact_seller") == ["only_for_third_party_seller"]
    assert why(result, "ecc_belgium") == ["ecc_if_seller_abroad", "needs_prior_complaint"]
    assert why(result, "consumer_mediation_service") == [
        "mediation_if_seller_in_belgium",
        "mediation_competence",
    ]


@pytest.mark.parametrize(
    ("seller", "expected"),
    [
        ("amazon", "amazon"),
        ("market_be", "belgium"),
        ("market_fr", "eu"),
        ("market_gb", "eu"),
        ("market_cn", "outside_eu"),
        ("unknown", "unknown"),
    ],
)
def test_route(seller: str, expected: str) -> None:
    assert route(case(seller)) == expected


@pytest.mark.parametrize(
    ("seller", "bodies"),
    [
        ("amazon", ["ecc_belgium", "lu_consumer_mediator"]),
        ("market_be", ["consumer_mediation_service"]),
        ("market_fr", ["ecc_belgium"]),
        ("market_lu", ["ecc_belgium", "lu_consumer_mediator"]),
        ("market_cn", []),
        ("unknown", ["competent_mediator"]),
    ],
)
def test_outside_bodies_follow_the_route(seller: str, bodies: list[str]) -> None:
    assert outside_bodies(case(seller)) == bodies


# -- the contact log -------------------------------------------------------------------


def test_no_contact_yet() -> None:
    now = decide(case("amazon"), TODAY).now
    assert now is not None and now.id == "contact_customer_service"
    assert now.why == (r("no_contact_yet"),)
    assert now.how == (r("customer_service_how", id="k7m2pq"),)


def test_a_debit_without_an_order_is_not_sent_to_the_order_page() -> None:
    debit = complaint(
        category="billing",
        order_number=None,
        order_date=None,
        facts={"billing_problem": "unknown_charge"},
    )
    result = decide(debit, TODAY)
    step = result.step("contact_customer_service")
    assert step.how == (r("customer_service_how_no_order", id="k7m2pq"),)
    # No order page to write from, and no seller or item to review.
    assert result.step("written_complaint").how == (r("written_how_no_order", id="k7m2pq"),)
    assert result.step("review").status == "not_applicable"
    assert result.step("review").why == (r("review_no_order"),)
    for step_id in ("contact_seller", "atoz_claim"):  # no "Vendu par" on an order page
        assert result.step(step_id).why == (r("no_order_no_seller"),)


def test_contacts_without_result_and_a_broken_promise_call_for_a_supervisor() -> None:
    log = [
        contact(1, at(1), "phone", "no_answer"),
        contact(2, at(3), "chat", "refused", agent="Sophie"),
        contact(3, at(5), "phone", "promise", follow_up=date(2026, 11, 10), promise="rappel"),
    ]
    result = decide(case("amazon", contacts=log), TODAY)
    found = statuses(result)
    assert found["contact_customer_service"] == "done"
    assert result.step("contact_customer_service").why == (
        r("customer_service_done", n=3, date=date(2026, 11, 5), channel="phone"),
    )
    assert found["ask_supervisor"] == "now"
    broken = r("log_promise_broken", date=date(2026, 11, 5), due=date(2026, 11, 10))
    assert clauses(result, "ask_supervisor") == (r("log_unsuccessful", n=3, failed=1), broken)
    assert broken in clauses(result, "formal_notice")
    assert why(result, "formal_notice") == ["clauses", "formal_notice_purpose"]


def test_a_promise_still_running_is_said_so() -> None:
    log = [contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))]
    first = clauses(decide(case("amazon", contacts=log), TODAY), "ask_supervisor")[0]
    assert first == r("log_promise_running", date=date(2026, 11, 18), due=date(2026, 11, 25))


def test_a_reply_still_awaited_is_not_counted_as_a_contact_without_result() -> None:
    # Arrange: a refusal, then a formal notice whose deadline (25/11) is still to come
    log = [
        contact(1, at(2), "phone", "refused"),
        contact(2, at(18), "letter", "pending", step="formal_notice", follow_up=date(2026, 11, 25)),
    ]

    # Act
    found = clauses(decide(case("amazon", contacts=log), TODAY), "ask_supervisor")

    # Assert: one contact without result (the refusal), the notice's time still running
    assert r("log_unsuccessful", n=1, failed=0) in found
    assert not any(reason.id == "log_unsuccessful" and reason.params["n"] == 2 for reason in found)


def test_steps_are_recognised_as_done_from_the_step_of_each_contact() -> None:
    log = [
        contact(1, at(2), "phone", "refused"),
        contact(2, at(3), "phone", "refused", step="ask_supervisor"),
        contact(3, at(4), "email", "no_answer", summary="réclamation écrite"),
        contact(4, at(6), "letter", "no_answer", step="formal_notice"),
    ]
    result = decide(case("amazon", contacts=log), TODAY)
    found = statuses(result)
    for step_id in (
        "contact_customer_service",
        "ask_supervisor",
        "written_complaint",
        "formal_notice",
    ):
        assert found[step_id] == "done", step_id
    assert result.step("ask_supervisor").why == (
        r("supervisor_done", date=date(2026, 11, 3), channel="phone"),
    )
    assert result.step("formal_notice").why == (r("formal_notice_done", date=date(2026, 11, 6)),)
    assert found["review"] == "now"
    log.append(contact(5, at(7), "other", "pending", step="review"))
    found = statuses(decide(case("amazon", contacts=log), TODAY))
    assert found["review"] == "done"
    assert found["ecc_belgium"] == "now"


def test_the_words_of_a_summary_never_complete_a_step() -> None:
    said = "Le responsable refuse ; mise en demeure, A-to-z, avis publié, chargeback"
    log = [contact(1, at(2), "letter", "refused", summary=said)]
    found = statuses(
        decide(case("market_fr", facts={"payment_method": "card"}, contacts=log), TODAY)
    )
    for step_id in ("ask_supervisor", "atoz_claim", "formal_notice", "review", "chargeback"):
        assert found[step_id] != "done", step_id


def test_a_summary_saying_responsable_does_not_complete_ask_supervisor() -> None:
    log = [contact(1, at(2), "phone", "refused", summary="demandé un responsable : refus")]
    assert statuses(decide(case("amazon", contacts=log), TODAY))["ask_supervisor"] == "now"
    log = [contact(1, at(2), "phone", "refused", step="ask_supervisor")]
    result = decide(case("amazon", contacts=log), TODAY)
    assert result.step("ask_supervisor").status == "done"
    assert result.step("contact_customer_service").status == "done"


def test_a_message_to_the_seller_counts_by_its_step() -> None:
    # Written to the seller by e-mail: the seller step, not customer service.
    log = [contact(1, at(2), "email", "no_answer", step="contact_seller")]
    found = statuses(decide(case("market_fr", contacts=log), TODAY))
    assert found["contact_seller"] == "done"
    assert found["contact_customer_service"] == "not_applicable"
    # A seller message that performed another step does not open the A-to-z wait.
    log = [contact(1, at(2), "seller_message", "no_answer", step="review")]
    found = statuses(decide(case("market_fr", contacts=log), TODAY))
    assert (found["contact_seller"], found["review"]) == ("now", "done")


def test_corrected_entries_do_not_count() -> None:
    wrong = contact(1, at(2), "phone", "no_answer")
    fixed = contact(2, at(2), "seller_message", "no_answer", corrects=1)
    found = statuses(decide(case("market_fr", contacts=[wrong, fixed]), TODAY))
    assert found["contact_customer_service"] == "not_applicable"
    assert found["contact_seller"] == "done"


def test_atoz_waits_two_business_days_after_the_seller_message() -> None:
    log = [contact(1, at(19), "seller_message", "no_answer")]
    step = decide(case("market_fr", contacts=log), TODAY).step("atoz_claim")
    assert step.status == "now"
    assert step.why == (
        r(
            "atoz_opens_on",
            date=date(2026, 11, 19),
            opens=date(2026, 11, 23),
            period=Period(90, "days"),
            until=date(2027, 1, 3),
            estimated=False,
        ),
        r("amazon_policy_unverified"),
    )
    log = [contact(1, at(16), "seller_message", "no_answer")]
    step = decide(case("market_fr", contacts=log), TODAY).step("atoz_claim")
    assert ids(step.why) == ["atoz_open", "amazon_policy_unverified"]


@pytest.mark.parametrize(("step", "done"), [("atoz_claim", True), (None, False)])
def test_atoz_done_from_a_contact_with_its_step(step: str | None, done: bool) -> None:
    log = [
        contact(1, at(2), "seller_message", "no_answer"),
        contact(2, at(9), "other", "pending", summary="A-to-z", step=step),
    ]
    found = statuses(decide(case("market_fr", contacts=log), TODAY))
    assert (found["atoz_claim"] == "done") == done


def test_chargeback_only_after_atoz_and_never_together() -> None:
    card = {"payment_method": "card"}
    seller_only = [contact(1, at(2), "seller_message", "no_answer")]
    result = decide(case("market_fr", facts=card, contacts=seller_only), TODAY)
    assert result.step("atoz_claim").status == "now"
    assert result.step("chargeback").status == "later"
    assert why(result, "chargeback") == ["chargeback_credit_card", "chargeback_after_atoz_only"]

    charged_back = [*seller_only, contact(2, at(5), "other", "pending", step="chargeback")]
    result = decide(case("market_fr", facts=card, contacts=charged_back), TODAY)
    assert result.step("chargeback").status == "done"
    assert result.step("atoz_claim").status == "not_applicable"
    assert result.step("atoz_claim").why == (
        r("atoz_excluded_by_chargeback", date=date(2026, 11, 5)),
    )


def test_atoz_window_closed_after_90_days() -> None:
    step = decide(case("market_fr", delivery_date=date(2026, 8, 1)), TODAY).step("atoz_claim")
    assert step.status == "not_applicable"
    assert step.why == (
        r("atoz_expired", date=date(2026, 10, 30), period=Period(90, "days")),
        r("amazon_policy_unverified"),
    )


@pytest.mark.parametrize(
    ("facts", "applies"),
    [
        (
            {
                "payment_method": "sepa_direct_debit",
                "billing_problem": "wrong_amount",
                "charge_date": date(2026, 11, 2),
            },
            {"sepa_refund"},
        ),
        (
            {
                "payment_method": "card",
                "billing_problem": "unknown_charge",
                "charge_date": date(2026, 11, 2),
            },
            {"unauthorised_payment", "chargeback"},
        ),
        ({"payment_method": "debit_card", "billing_problem": "unannounced_fee"}, set()),
        ({"payment_method": "sepa_direct_debit", "charge_date": date(2026, 9, 1)}, set()),
    ],
)
def test_payment_routes(facts: dict[str, Any], applies: set[str]) -> None:
    result = decide(case("amazon", "billing", facts=facts), TODAY)
    found = statuses(result)
    payment = {"sepa_refund", "unauthorised_payment", "chargeback"}
    assert {s for s in payment if found[s] != "not_applicable"} == applies
    if "sepa_refund" in applies:
        # A wrong direct debit while its 8-week refund runs: the bank comes first, now.
        assert result.step("sepa_refund").status == "now"
        assert result.step("sepa_refund").why == (
            r(
                "sepa_refund_contested_debit_first",
                date=date(2026, 12, 28),
                period=Period(8, "weeks"),
            ),
        )
    if facts.get("payment_method") == "debit_card":
        assert why(result, "chargeback") == ["chargeback_not_debit_card"]


def test_an_unknown_payment_method_is_said_for_a_billing_problem() -> None:
    result = decide(case("amazon", "billing"), TODAY)
    assert why(result, "sepa_refund") == ["sepa_refund_only_direct_debit", "payment_method_unknown"]
    assert why(result, "chargeback") == ["chargeback_only_credit_card", "payment_method_unknown"]


def test_luxembourg_mediator_within_one_year_of_the_first_complaint() -> None:
    log = [contact(1, at(3), "chat", "refused")]
    result = decide(case("amazon", contacts=log), TODAY)
    assert result.step("lu_consumer_mediator").why[-1] == r(
        "lu_mediator_within_years", n=1, date=date(2026, 11, 3), limit=date(2027, 11, 3)
    )


def test_courts_are_limited_to_5000_euros() -> None:
    result = decide(case("amazon", amount=Decimal("6200.00")), TODAY)
    assert result.step("justice_of_the_peace").status == "not_applicable"
    assert result.step("justice_of_the_peace").why == (
        r("justice_over_limit", limit=5000, amount=Decimal("6200.00")),
    )
    assert result.step("european_small_claims").status == "not_applicable"
    assert result.step("european_small_claims").why == (r("small_claims_over_limit", limit=5000),)
    result = decide(case("amazon", amount=Decimal("5000")), TODAY)
    assert result.step("justice_of_the_peace").status == "later"
    assert result.step("european_small_claims").status == "later"
    assert result.step("justice_of_the_peace").why[0] == r(
        "justice_last_resort", limit=5000, no_appeal=2000
    )


def test_a_closed_complaint_has_no_step_now() -> None:
    result = decide(case("amazon", status="resolved"), TODAY)
    assert result.now is None
    assert result.pause == ()
    assert statuses(result)["contact_customer_service"] == "later"


def test_what_must_not_wait_goes_with_the_decision() -> None:
    within = decide(case("amazon", delivery_date=date(2026, 11, 10)), TODAY)
    assert within.meanwhile == (r("withdrawal_still_open", date=date(2026, 11, 24)),)
    assert decide(case("amazon"), TODAY).meanwhile == ()
    unknown_charge = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    result = decide(case("amazon", "billing", facts=unknown_charge), TODAY)
    assert result.now is not None and result.now.id == "contact_customer_service"
    assert result.meanwhile == (r("report_unknown_debit_now"),)


# -- the step to take now never contradicts the facts or the log ----------------------


def assert_waiting(result: Decision) -> None:
    """No step is "now", every step is still listed with a status, and a reason says why."""
    assert result.now is None
    assert [s.id for s in result.steps] == list(STEP_IDS)
    assert all(s.status in ("done", "later", "not_applicable") for s in result.steps)
    assert result.pause


@pytest.mark.parametrize(
    ("category", "fields", "until", "said"),
    [
        # announced date still to come (today is 20/11/2026)
        (
            "late",
            {"expected_delivery_date": date(2026, 11, 25)},
            date(2026, 11, 25),
            "pause_announced_delivery",
        ),
        # announced date is today: not late before tomorrow
        ("late", {"expected_delivery_date": TODAY}, TODAY, "pause_announced_delivery"),
        # no announced date: the legal 30 days from the order still run
        (
            "not_received",
            {"order_date": date(2026, 11, 1)},
            date(2026, 12, 1),
            "pause_legal_delivery",
        ),
        ("late", {"order_date": date(2026, 10, 21)}, TODAY, "pause_legal_delivery"),
    ],
)
def test_a_parcel_not_late_yet_means_waiting_not_acting(
    category: str, fields: dict[str, Any], until: date, said: str
) -> None:
    result = decide(case("amazon", category, delivery_date=None, **fields), TODAY)
    assert_waiting(result)
    assert result.waiting_until == until
    first, again = result.pause[:2]
    assert (first.id, first.params["date"]) == (said, until)
    if said == "pause_legal_delivery":
        assert first.params["period"] == Period(30, "days")  # art. VI.43 CDE, from the rule
    assert again == r("pause_come_back_after_delivery", date=until, id="k7m2pq")
    assert result.step("formal_notice").why == (r("formal_notice_premature", date=until),)


@pytest.mark.parametrize(
    ("category", "fields"),
    [
        ("late", {"expected_delivery_date": date(2026, 11, 19)}),  # yesterday: late
        ("late", {"order_date": date(2026, 10, 20)}),  # 30 days ended yesterday
        ("late", {"delivery_date": date(2026, 11, 18)}),  # arrived (late)
        ("not_received", {"expected_delivery_date": date(2026, 11, 25), "facts": {}}),
    ],
)
def test_a_parcel_already_late_or_arrived_gives_a_step_now(
    category: str, fields: dict[str, Any]
) -> None:
    fields.setdefault("delivery_date", None)
    if category == "not_received":
        fields["facts"] = {"marked_delivered": True}  # marked delivered, not received
    result = decide(case("amazon", category, **fields), TODAY)
    assert result.now is not None
    assert result.waiting_until is None and result.pause == ()


@pytest.mark.parametrize(
    ("log", "waits_until"),
    [
        # one promise running: wait for its date
        (
            [contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))],
            date(2026, 11, 25),
        ),
        # due today: still running
        ([contact(1, at(18), "chat", "promise", follow_up=TODAY)], TODAY),
        # two running promises: wait for the nearest
        (
            [
                contact(1, at(16), "phone", "promise", follow_up=date(2026, 11, 28)),
                contact(2, at(18), "chat", "promise", follow_up=date(2026, 11, 24)),
            ],
            date(2026, 11, 24),
        ),
        # an older promise broken: act now
        (
            [
                contact(1, at(3), "phone", "promise", follow_up=date(2026, 11, 10)),
                contact(2, at(18), "phone", "promise", follow_up=date(2026, 11, 25)),
            ],
            None,
        ),
        # refused after the promise: act now
        (
            [
                contact(1, at(16), "phone", "promise", follow_up=date(2026, 11, 25)),
                contact(2, at(18), "chat", "refused"),
            ],
            None,
        ),
        # a promise without a date cannot be waited for
        ([contact(1, at(18), "phone", "promise")], None),
    ],
)
def test_a_running_promise_means_waiting(log: list[Contact], waits_until: date | None) -> None:
    result = decide(case("amazon", contacts=log), TODAY)
    assert result.waiting_until == waits_until
    if waits_until is None:
        assert result.now is not None
        return
    assert_waiting(result)
    first = result.pause[0]
    assert first.id == "pause_promise_running"
    assert (first.params["due"], first.params["id"]) == (waits_until, "k7m2pq")
    assert result.step("ask_supervisor").status == "later"


def test_a_deadline_falling_during_the_wait_is_flagged() -> None:
    log = [contact(1, at(10), "seller_message", "promise", follow_up=date(2026, 11, 30))]
    result = decide(case("market_fr", delivery_date=date(2026, 8, 25), contacts=log), TODAY)
    assert result.waiting_until == date(2026, 11, 30)
    flagged = r("deadline_during_wait", deadline="atoz_claim", date=date(2026, 11, 23))
    assert flagged in result.pause
    # A deadline on the last day of the wait is flagged too.
    log = [contact(1, at(10), "seller_message", "promise", follow_up=date(2026, 11, 23))]
    result = decide(case("market_fr", delivery_date=date(2026, 8, 25), contacts=log), TODAY)
    assert flagged in result.pause


def test_what_must_not_wait_is_kept_while_waiting() -> None:
    facts = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    log = [contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))]
    result = decide(case("amazon", "billing", facts=facts, contacts=log), TODAY)
    assert_waiting(result)
    assert result.meanwhile == (r("report_unknown_debit_now"),)


@pytest.mark.parametrize(
    ("log", "last"),
    [
        ([contact(1, at(18), "phone", "resolved")], at(18)),
        ([contact(1, at(3), "phone", "refused"), contact(2, at(18), "chat", "resolved")], at(18)),
        # the correction of the last entry is what counts
        (
            [
                contact(1, at(3), "phone", "refused"),
                contact(2, at(3), "phone", "resolved", corrects=1),
            ],
            at(3),
        ),
    ],
)
def test_a_problem_reported_resolved_is_not_escalated(log: list[Contact], last: Any) -> None:
    result = decide(case("amazon", contacts=log), TODAY)
    assert_waiting(result)
    assert result.waiting_until is None
    assert result.pause == (r("pause_resolved", date=last.date(), id="k7m2pq"),)


def test_resolved_then_a_new_problem_is_escalated_again() -> None:
    log = [contact(1, at(3), "phone", "resolved"), contact(2, at(18), "chat", "refused")]
    result = decide(case("amazon", contacts=log), TODAY)
    assert result.now is not None and result.pause == ()


@pytest.mark.parametrize(
    ("log", "now"),
    [
        # customer service refused, seller written to on 12/11: A-to-z open since 16/11
        (
            [
                contact(1, at(10), "phone", "refused"),
                contact(2, at(12), "seller_message", "no_answer"),
            ],
            "atoz_claim",
        ),
        # the seller was written to yesterday: A-to-z opens on 23/11, not yet
        (
            [
                contact(1, at(10), "phone", "refused"),
                contact(2, at(19), "seller_message", "no_answer"),
            ],
            "ask_supervisor",
        ),
        # seller only: A-to-z is the next step anyway
        ([contact(1, at(12), "seller_message", "no_answer")], "atoz_claim"),
    ],
)
def test_a_marketplace_order_goes_to_atoz_before_a_supervisor(log: list[Contact], now: str) -> None:
    result = decide(case("market_fr", contacts=log), TODAY)
    assert result.now is not None and result.now.id == now
    if now == "atoz_claim" and len(log) > 1:
        assert result.step("ask_supervisor").status == "later"


def test_a_marketplace_order_writes_to_the_seller_first_whatever_was_logged_with_amazon() -> None:
    calls = [
        contact(1, at(2), "phone", "refused"),
        contact(2, at(3), "chat", "no_answer"),
        contact(3, at(4), "email", "refused"),
    ]
    result = decide(case("market_fr", contacts=calls), TODAY)
    assert result.now is not None and result.now.id == "contact_seller"
    # A message to the seller that performed another step does not count as writing to it.
    other = [*calls, contact(4, at(5), "seller_message", "pending", step="review")]
    result = decide(case("market_fr", contacts=other), TODAY)
    assert result.now is not None and result.now.id == "contact_seller"
    # Written to the seller on 12/11 (a Thursday): A-to-z opens 2 business days later.
    written = [*calls, contact(4, at(12), "seller_message", "no_answer")]
    result = decide(case("market_fr", contacts=written), TODAY)
    assert result.step("contact_seller").status == "done"
    assert result.now is not None and result.now.id == "atoz_claim"
    assert ids(result.step("atoz_claim").why)[0] == "atoz_open"


# -- the legal guarantee over, a late return ---------------------------------------------


@pytest.mark.parametrize(
    ("category", "fields", "expired"),
    [
        ("damaged", {"delivery_date": date(2024, 10, 5)}, True),  # ended 05/10/2026
        ("non_conforming", {"delivery_date": date(2024, 11, 19)}, True),  # ended yesterday
        ("damaged", {"delivery_date": date(2024, 11, 20)}, False),  # ends today
        # the defect appeared before the end: still covered
        (
            "damaged",
            {
                "delivery_date": date(2024, 10, 5),
                "facts": {"damage_timing": "later", "defect_discovered_date": date(2026, 9, 30)},
            },
            False,
        ),
        ("damaged", {"delivery_date": None}, False),  # unknown: nothing invented
    ],
)
def test_an_expired_legal_guarantee_is_a_warning_and_not_relied_on(
    category: str, fields: dict[str, Any], expired: bool
) -> None:
    result = decide(case("amazon", category, order_date=date(2024, 10, 1), **fields), TODAY)
    assert result.now is not None
    # (the defect found on 30/09 must also be reported by 30/11: a warning of its own)
    first = [w for w in ids(result.warnings) if w != "defect_notice_soon"][:1]
    assert first == (["guarantee_over_commercial_only"] if expired else [])
    found = statuses(result)
    for step_id in ("formal_notice", "justice_of_the_peace", "european_small_claims"):
        assert (found[step_id] == "not_applicable") == expired, step_id
    if expired:
        end = fields["delivery_date"].replace(year=2026)
        two_years = Period(2, "years")
        assert result.warnings[0] == r("guarantee_over_commercial_only", end=end, period=two_years)
        assert result.step("formal_notice").why == (r("guarantee_over", end=end, period=two_years),)


def test_a_return_after_the_withdrawal_period_is_not_a_legal_withdrawal() -> None:
    facts = {"return_kind": "returned", "returned_date": date(2026, 10, 25)}
    result = decide(
        case("market_fr", "refund", delivery_date=date(2026, 10, 6), facts=facts), TODAY
    )
    assert "refund_after_withdrawal" not in {d.id for d in result.deadlines}
    assert result.now is not None
    assert result.warnings == (
        r(
            "returned_after_withdrawal",
            returned=date(2026, 10, 25),
            end=date(2026, 10, 20),
            refund=Period(14, "days"),
        ),
    )
    in_time = {"return_kind": "returned", "returned_date": date(2026, 10, 20)}
    result = decide(
        case("market_fr", "refund", delivery_date=date(2026, 10, 6), facts=in_time), TODAY
    )
    assert "refund_after_withdrawal" in {d.id for d in result.deadlines}
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("method", "card_stop"),
    [("card", True), ("debit_card", True), (None, True), ("sepa_direct_debit", False)],
)
def test_card_stop_is_only_for_cards(method: str | None, card_stop: bool) -> None:
    facts = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    if method:
        facts["payment_method"] = method
    result = decide(case("amazon", "billing", facts=facts), TODAY)
    how = ids(result.step("unauthorised_payment").how)
    assert ("card_stop_first" in how) == card_stop


def test_a_late_complaint_delivered_by_the_announced_date_gets_no_formal_notice() -> None:
    complaint_ = case(
        "amazon",
        "late",
        expected_delivery_date=date(2026, 10, 15),
        delivery_date=date(2026, 10, 15),
    )
    step = decide(complaint_, TODAY).step("formal_notice")
    assert step.status == "not_applicable"
    assert step.why == (r("formal_notice_delivered_on_time", date=date(2026, 10, 15)),)


# -- second review ------------------------------------------------------------------------


def _unknown_debit(charge: date) -> Complaint:
    return case(
        "amazon",
        "billing",
        facts={
            "billing_problem": "unknown_charge",
            "payment_method": "sepa_direct_debit",
            "charge_date": charge,
            "amount_charged": Decimal("59.99"),
        },
    )


def test_an_unknown_direct_debit_asks_the_bank_first_while_the_8_weeks_run() -> None:
    result = decide(_unknown_debit(date(2026, 10, 2)), TODAY)
    assert result.now is not None and result.now.id == "sepa_refund"
    assert result.now.why == (
        r("sepa_refund_unknown_debit_first", date=date(2026, 11, 27), period=Period(8, "weeks")),
    )
    assert result.step("contact_customer_service").status == "later"
    assert result.step("ask_supervisor").status == "later"


def test_a_promise_from_amazon_never_pauses_the_bank_s_8_weeks() -> None:
    # Arrange: Amazon promised to look into it by 5 December; the 8 weeks end on 27 November.
    promised = contact(
        1, at(18), "phone", "promise", promise="vérifier", follow_up=date(2026, 12, 5)
    )
    debit = _unknown_debit(date(2026, 10, 2)).model_copy(update={"contacts": [promised]})

    # Act
    result = decide(debit, TODAY)

    # Assert: the bank refund is still the step to take now, not a wait until 5 December.
    assert result.now is not None and result.now.id == "sepa_refund"
    assert result.waiting_until is None


def test_an_unknown_direct_debit_after_the_8_weeks_follows_the_usual_order() -> None:
    result = decide(_unknown_debit(date(2026, 9, 1)), TODAY)
    assert result.step("sepa_refund").status == "not_applicable"
    assert result.step("sepa_refund").why == (
        r(
            "sepa_refund_expired",
            date=date(2026, 10, 27),
            period=Period(8, "weeks"),
            contest=Period(13, "months"),
        ),
    )
    assert result.now is not None and result.now.id == "contact_customer_service"


@pytest.mark.parametrize(
    ("delivered", "status", "reason_id"),
    [
        (date(2026, 10, 31), "not_applicable", "formal_notice_delivered_in_legal_period"),
        (date(2026, 11, 2), "later", "formal_notice_delivered_late"),
    ],
)
def test_a_late_parcel_delivered_within_30_days_gets_no_formal_notice(
    delivered: date, status: str, reason_id: str
) -> None:
    complaint_ = case(
        "amazon", "late", delivery_date=delivered, expected_delivery_date=date(2026, 10, 8)
    )
    step = decide(complaint_, TODAY).step("formal_notice")
    assert step.status == status
    assert ids(step.why) == [reason_id]


def test_a_defect_notice_ending_soon_is_a_warning_until_the_defect_is_reported() -> None:
    complaint_ = case(
        "amazon",
        "damaged",
        delivery_date=date(2026, 8, 1),
        facts={"damage_timing": "later", "defect_discovered_date": date(2026, 9, 25)},
    )
    result = decide(complaint_, TODAY)
    assert result.warnings == (
        r("defect_notice_soon", date=date(2026, 11, 25), period=Period(2, "months")),
    )
    reported = complaint_.model_copy(update={"contacts": [contact(1, at(18), "chat", "no_answer")]})
    assert decide(reported, TODAY).warnings == ()
    # Discovered recently: two months are left, no warning yet.
    recent = complaint_.model_copy(
        update={"facts": complaint_.facts.model_copy(update={"defect_discovered_date": TODAY})}
    )
    assert decide(recent, TODAY).warnings == ()


def test_a_late_defect_notice_is_a_warning_and_the_court_limit_is_hedged() -> None:
    complaint_ = case(
        "amazon",
        "damaged",
        delivery_date=date(2026, 8, 1),
        facts={"damage_timing": "later", "defect_discovered_date": date(2026, 9, 1)},
    )
    result = decide(complaint_, TODAY)
    assert result.warnings == (r("defect_notice_late", period=Period(2, "months")),)
    assert (
        r("justice_one_year_lawyer", date=date(2026, 9, 1), limit=date(2027, 9, 1))
        in result.step("justice_of_the_peace").why
    )
    # Reported in time: no warning.
    reported = complaint_.model_copy(
        update={"contacts": [contact(1, at(20, 10), "email", "no_answer")]}
    )
    assert decide(reported, TODAY).warnings == ()


def test_a_marketplace_seller_of_unknown_country_is_not_said_to_be_amazon() -> None:
    complaint_ = case("amazon").model_copy(
        update={"seller": Seller(kind="marketplace", name="Boutique X")}
    )
    result = decide(complaint_, TODAY)
    assert result.step("ecc_belgium").why[0] == r("ecc_if_named_seller_abroad", seller="Boutique X")
    assert result.step("lu_consumer_mediator").why[0] == r(
        "lu_mediator_if_named_seller_in_lu", seller="Boutique X"
    )


@pytest.mark.parametrize(
    ("channel", "reason_id"),
    [("email", "log_refused_by_amazon"), ("seller_message", "log_refused_by_seller")],
)
def test_a_refusal_as_last_result_is_said_as_such(channel: str, reason_id: str) -> None:
    complaint_ = case(
        "amazon",
        contacts=[
            contact(1, at(2), "chat", "no_answer"),
            contact(2, at(4), channel, "refused"),
        ],
    )
    first = clauses(decide(complaint_, TODAY), "ask_supervisor")[0]
    expected = r(reason_id, date=date(2026, 11, 4), others=1)
    if channel == "seller_message":
        expected.params["seller"] = None  # sold by Amazon: no seller name
    assert first == expected


def test_an_outside_step_logged_as_a_contact_is_done() -> None:
    log = [
        contact(1, at(2), "phone", "refused", step="ask_supervisor"),
        contact(2, at(9), "email", "pending", step="ecc_belgium"),
    ]
    result = decide(case("amazon", contacts=log), TODAY)
    assert result.step("ecc_belgium").status == "done"
    assert result.step("ecc_belgium").why == (
        r("step_logged", date=date(2026, 11, 9), channel="email"),
    )
    assert result.now is not None and result.now.id != "ecc_belgium"


@pytest.mark.parametrize("category", [c for c in CATEGORIES if c != "billing"])
def test_the_payment_method_opens_the_bank_routes_beyond_billing(category: str) -> None:
    # A lost parcel or a refused refund paid by credit card: the chargeback route opens.
    card = decide(case("amazon", category, facts={"payment_method": "card"}), TODAY)
    assert card.step("chargeback").status != "not_applicable"
    # Paid by direct debit on 20 October: the bank refunds it without question for 8 weeks.
    debit = {"payment_method": "sepa_direct_debit", "charge_date": date(2026, 10, 20)}
    step = decide(case("amazon", category, facts=debit), TODAY).step("sepa_refund")
    assert step.status != "not_applicable"
    assert date(2026, 12, 15) in [p.params.get("date") for p in step.why if isinstance(p, Reason)]
    # Nothing said: neither route is invented.
    unknown = statuses(decide(case("amazon", category), TODAY))
    assert (unknown["chargeback"], unknown["sepa_refund"]) == ("not_applicable",) * 2


# -- windows that close ---------------------------------------------------------------


def test_an_atoz_wait_that_ends_after_the_window_is_not_a_step_to_take() -> None:
    # Arrange: the 90 days end on Saturday 21 November; written to on Thursday the 19th.
    log = [contact(1, at(19), "seller_message", "no_answer")]

    # Act
    decision = decide(case("market_fr", delivery_date=date(2026, 8, 23), contacts=log), TODAY)

    # Assert
    step = decision.step("atoz_claim")
    assert step.status == "not_applicable"
    assert step.why == (
        r(
            "atoz_wait_outlasts_window",
            date=date(2026, 11, 19),
            opens=date(2026, 11, 23),
            until=date(2026, 11, 21),
            period=Period(90, "days"),
        ),
        r("amazon_policy_unverified"),
    )
    assert decision.now is not None and decision.now.id != "atoz_claim"


@pytest.mark.parametrize(
    ("charged", "closed"),
    [(date(2026, 10, 3), "saturday"), (date(2026, 10, 30), "holiday"), (date(2026, 10, 5), None)],
)
def test_the_sepa_refund_says_when_its_last_day_is_a_day_off(
    charged: date, closed: str | None
) -> None:
    # Arrange
    facts = {
        "billing_problem": "wrong_amount",
        "payment_method": "sepa_direct_debit",
        "charge_date": charged,
    }

    # Act
    decision = decide(case(category="billing", delivery_date=None, facts=facts), TODAY)

    # Assert: the step to take now, its last day unchanged, and said to fall on a day off.
    step = decision.step("sepa_refund")
    assert step.status == "now"
    end = step.why[0]
    assert isinstance(end, Reason)
    expected = (
        [] if closed is None else [r("sepa_refund_day_off", date=end.params["date"], why=closed)]
    )
    assert list(step.why[1:]) == expected


def test_a_sepa_refund_ending_soon_on_a_sunday_is_said_with_the_step_to_take_now() -> None:
    # Arrange: a damaged article paid by direct debit on 4 October (not a contested debit,
    # so not the bank first): the 8 weeks end on Sunday 29 November, within the fortnight.
    facts = {"payment_method": "sepa_direct_debit", "charge_date": date(2026, 10, 4)}

    # Act
    decision = decide(case(facts=facts), TODAY)

    # Assert
    assert decision.step("sepa_refund").status == "later"
    assert ids(decision.meanwhile)[-2:] == ["sepa_refund_ends_soon", "sepa_refund_day_off"]
    assert r("sepa_refund_day_off", date=date(2026, 11, 29), why="sunday") in decision.meanwhile


@pytest.mark.parametrize(("delivered", "closed"), [(date(2026, 8, 1), True), (DELIVERED, False)])
def test_once_atoz_has_closed_no_step_points_to_it(delivered: date, closed: bool) -> None:
    # Arrange: a seller in China, not written to; A-to-z ended on 30 October, or runs.
    decision = decide(case("market_cn", delivery_date=delivered), TODAY)

    # Act
    reasons = {
        step_id: why(decision, step_id)
        for step_id in ("contact_seller", "ask_supervisor", "ecc_belgium", "consumerconnect")
    }

    # Assert
    suffix = "_no_atoz" if closed else ""
    assert reasons == {
        "contact_seller": [f"seller_first{suffix}"],
        "ask_supervisor": [f"supervisor_third_party{suffix}"],
        "ecc_belgium": [f"ecc_outside_reach{suffix}"],
        "consumerconnect": [f"no_mediation_outside_eu{suffix}"],
    }
    assert (decision.step("atoz_claim").status == "not_applicable") == closed


@pytest.mark.parametrize(
    ("delivered", "after_atoz"), [(date(2026, 8, 1), False), (DELIVERED, True)]
)
def test_a_chargeback_waits_for_atoz_only_while_atoz_can_be_claimed(
    delivered: date, after_atoz: bool
) -> None:
    # Act
    card = {"payment_method": "card"}
    decision = decide(case("market_fr", delivery_date=delivered, facts=card), TODAY)

    # Assert
    assert ("chargeback_after_atoz_only" in why(decision, "chargeback")) == after_atoz


@pytest.mark.parametrize(
    ("delivered", "too_late"), [(date(2026, 8, 22), True), (date(2026, 8, 27), False)]
)
def test_atoz_is_not_offered_when_the_wait_after_writing_today_ends_too_late(
    delivered: date, too_late: bool
) -> None:
    # Arrange: not written to yet; the 90 days end today (Friday 20 November) or on
    # Wednesday the 25th, and 2 business days after today end on Tuesday the 24th.
    decision = decide(case("market_fr", delivery_date=delivered), TODAY)

    # Act
    step = decision.step("atoz_claim")

    # Assert
    assert (step.status == "not_applicable") == too_late
    if too_late:
        assert step.why[0] == r(
            "atoz_no_time_to_wait",
            wait=Period(2, "business_days"),
            until=date(2026, 11, 20),
            period=Period(90, "days"),
        )
        assert why(decision, "contact_seller") == ["seller_first_no_atoz"]
    else:
        assert ids(step.why)[0] == "atoz_after_seller_message"
        assert why(decision, "contact_seller") == ["seller_first"]


def test_when_atoz_cannot_apply_writing_to_the_seller_does_not_cite_it() -> None:
    # Arrange: a billing problem (A-to-z covers delivery, condition and returns), and an
    # order whose chargeback already excluded A-to-z.
    billing = case(
        "market_fr",
        category="billing",
        delivery_date=None,
        facts={"billing_problem": "wrong_amount"},
    )
    charged_back = case(
        "market_fr",
        facts={"payment_method": "card"},
        contacts=[contact(1, at(5), "other", "pending", step="chargeback")],
    )

    # Act / Assert
    assert why(decide(billing, TODAY), "contact_seller") == ["seller_first_no_atoz"]
    assert why(decide(charged_back, TODAY), "contact_seller") == ["seller_first_no_atoz"]
    assert why(decide(case("market_fr"), TODAY), "contact_seller") == ["seller_first"]


@pytest.mark.parametrize(
    ("complained", "passed"), [(date(2025, 10, 1), True), (date(2026, 11, 10), False)]
)
def test_the_luxembourg_mediator_s_one_year_is_said_as_passed_once_it_is(
    complained: date, passed: bool
) -> None:
    # Arrange: sold by Amazon (Luxembourg); first complaint by chat.
    first = contact(1, at(complained.day, complained.month).replace(year=complained.year))

    # Act
    decision = decide(case(contacts=[first]), TODAY)

    # Assert: still a route (the mediator may refuse, not must), never "before" a past day.
    step = decision.step("lu_consumer_mediator")
    assert step.status in ("now", "later")
    expected = "lu_mediator_years_passed" if passed else "lu_mediator_within_years"
    assert (
        r(expected, n=1, date=complained, limit=complained.replace(year=complained.year + 1))
        in step.why
    )


@pytest.mark.parametrize(
    ("discovered", "passed"), [(date(2025, 10, 1), True), (date(2026, 10, 1), False)]
)
def test_the_lawyer_s_one_year_for_a_court_action_is_said_as_passed_once_it_is(
    discovered: date, passed: bool
) -> None:
    # Arrange: delivered on 1 September 2025 (guarantee until 2027), defect found later.
    facts = {"damage_timing": "later", "defect_discovered_date": discovered}
    broken = case(delivery_date=date(2025, 9, 1), facts=facts)

    # Act
    step = decide(broken, TODAY).step("justice_of_the_peace")

    # Assert
    expected = "justice_one_year_lawyer_passed" if passed else "justice_one_year_lawyer"
    limit = discovered.replace(year=discovered.year + 1)
    assert r(expected, date=discovered, limit=limit) in step.why


def test_a_closed_atoz_window_is_not_watched_during_a_wait() -> None:
    # Arrange: the seller promised on the 19th to answer by 1 December; A-to-z ends on
    # Saturday 21 November, before the 2 business days after that message (the 23rd).
    promise = contact(1, at(19), "seller_message", "promise", follow_up=date(2026, 12, 1))
    open_window = contact(1, at(16), "seller_message", "promise", follow_up=date(2026, 12, 1))

    # Act
    closed = decide(case("market_fr", delivery_date=date(2026, 8, 23), contacts=[promise]), TODAY)
    still_open = decide(
        case("market_fr", delivery_date=date(2026, 8, 23), contacts=[open_window]), TODAY
    )

    # Assert
    assert closed.waiting_until == date(2026, 12, 1)
    assert "deadline_during_wait" not in ids(closed.pause)
    assert r("deadline_during_wait", deadline="atoz_claim", date=date(2026, 11, 21)) in (
        still_open.pause
    )


def test_a_marketplace_order_lists_the_seller_and_a_to_z_before_amazon_s_supervisor() -> None:
    # Arrange: a call to Amazon with a promise pauses the plan; the seller not written to.
    call = contact(1, at(18), "phone", "promise", promise="rembourser", follow_up=date(2026, 12, 5))

    # Act
    result = decide(case("market_fr", contacts=[call]), TODAY)

    # Assert
    assert result.waiting_until == date(2026, 12, 5)
    assert result.later_order[:2] == ("contact_seller", "atoz_claim")
    assert result.later_order.index("ask_supervisor") > 1
    assert set(result.later_order) == {s.id for s in result.steps if s.status == "later"}


@pytest.mark.parametrize(
    ("seller", "written"), [("market_be", "not_applicable"), ("amazon", "done")]
)
def test_a_formal_notice_to_a_marketplace_seller_is_no_written_complaint_to_amazon(
    seller: str, written: str
) -> None:
    # Arrange: the only contact is a formal notice by letter (to the seller)
    log = [
        contact(1, at(6), "letter", "pending", step="formal_notice", follow_up=date(2026, 11, 21))
    ]

    # Act
    found = statuses(decide(case(seller, contacts=log), TODAY))

    # Assert: for Amazon's own sale the notice went to Amazon; for a seller's, it did not
    assert found["written_complaint"] == written
    assert found["formal_notice"] == "done"
