"""The escalation plan: routing by seller and category, steps recognised from the log,
why-texts drawn from the facts, and the JSON shape of `escalate --json`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from amazon_reclamation.domain.escalation import STEP_IDS, Plan, Step, plan, route
from amazon_reclamation.models import CATEGORIES, Complaint, Contact, Facts, Seller
from amazon_reclamation.texts.deadlines import deadline_note, missing_fact_texts

TODAY = date(2026, 11, 20)

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


def at(day: int, month: int = 11, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def contact(cid: int, when: datetime, channel: str, outcome: str, **extra: Any) -> Contact:
    return Contact(id=cid, at=when, recorded_at=when, channel=channel, outcome=outcome, **extra)


def make(seller: str = "amazon", category: str = "damaged", **fields: Any) -> Complaint:
    facts = fields.pop("facts", {})
    values: dict[str, Any] = {
        "id": "k7m2pq",
        "created_at": at(1),
        "category": category,
        "order_number": "123-1234567-1234567",
        "order_date": date(2026, 10, 1),
        "delivery_date": date(2026, 10, 5),
        "amount": Decimal("49.99"),
    }
    values.update(fields)
    return Complaint(**values, facts=Facts(**facts), seller=Seller(**SELLERS[seller]))


def statuses(result: Plan) -> dict[str, str]:
    return {s.id: s.status for s in result.steps}


def all_texts(result: Plan) -> list[str]:
    texts = [t for s in result.steps for t in (s.title, s.why, s.how)]
    texts += [deadline_note(d) for d in result.deadlines]
    texts += missing_fact_texts(result.missing_facts)
    return texts


# -- routing: seller kind x category ---------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("seller", list(SELLERS))
def test_routing_per_seller_and_category(seller: str, category: str) -> None:
    result = plan(make(seller, category), TODAY)
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
    for text in all_texts(result):
        assert "ODR" not in text
        assert "Point de contact" not in text


@pytest.mark.parametrize("category", CATEGORIES)
def test_sold_by_amazon_never_routes_to_the_consumer_mediation_service(category: str) -> None:
    done_everything = [
        contact(1, at(2), "phone", "refused", summary="demandé un responsable"),
        contact(2, at(3), "letter", "no_answer", summary="mise en demeure"),
        contact(3, at(4), "other", "pending", summary="avis publié"),
    ]
    for contacts_ in ([], done_everything):
        result = plan(make("amazon", category, contacts=contacts_), TODAY)
        step = result.step("consumer_mediation_service")
        assert step.status == "not_applicable"
        assert "Belgique" in step.why
        assert result.step("ecc_belgium").status in ("now", "later")
        assert result.step("lu_consumer_mediator").status in ("now", "later")


def test_sold_by_amazon_asks_to_check_the_seller_on_the_invoice() -> None:
    why = plan(make("amazon"), TODAY).step("ecc_belgium").why
    assert "normalement Amazon EU S.à r.l." in why
    assert "facture" in why


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_marketplace_seller_in_belgium_routes_to_the_mediation_service(category: str) -> None:
    result = plan(make("market_be", category), TODAY)
    assert result.step("consumerconnect").status in ("now", "later")
    assert result.step("consumer_mediation_service").status in ("now", "later")
    assert result.step("ecc_belgium").status == "not_applicable"
    assert result.step("european_small_claims").status == "not_applicable"


def test_a_seller_outside_the_eu_is_told_ecc_cannot_help() -> None:
    step = plan(make("market_cn"), TODAY).step("ecc_belgium")
    assert step.status == "not_applicable"
    assert "ne peut pas" in step.why and "(CN)" in step.why


def test_an_unknown_seller_is_told_what_to_check() -> None:
    result = plan(make("unknown"), TODAY)
    assert "Vendu par" in result.step("contact_seller").why
    assert "facture" in result.step("ecc_belgium").why
    assert "Belgique" in result.step("consumer_mediation_service").why


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
    assert route(make(seller)) == expected


# -- the contact log -------------------------------------------------------------------


def test_no_contact_yet() -> None:
    result = plan(make("amazon"), TODAY)
    now = result.now
    assert now is not None and now.id == "contact_customer_service"
    assert "Pas encore de contact" in now.why
    assert "reclam show k7m2pq" in now.how and "reclam log k7m2pq" in now.how


def test_contacts_without_result_and_a_broken_promise_call_for_a_supervisor() -> None:
    log = [
        contact(1, at(1), "phone", "no_answer"),
        contact(2, at(3), "chat", "refused", agent="Sophie"),
        contact(3, at(5), "phone", "promise", follow_up=date(2026, 11, 10), promise="rappel"),
    ]
    result = plan(make("amazon", contacts=log), TODAY)
    found = statuses(result)
    assert found["contact_customer_service"] == "done"
    assert "3 contacts avec le service client, le dernier le 05/11/2026" in (
        result.step("contact_customer_service").why
    )
    assert found["ask_supervisor"] == "now"
    why = result.step("ask_supervisor").why
    assert "3 contacts sans résultat, dont 1 tentative sans réponse" in why
    assert "promesse du 05/11/2026 non tenue (échéance du 10/11/2026 dépassée)" in why
    assert "non tenue" in result.step("formal_notice").why


def test_a_promise_still_running_is_said_so() -> None:
    log = [contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))]
    why = plan(make("amazon", contacts=log), TODAY).step("ask_supervisor").why
    assert why.startswith("Promesse du 18/11/2026 en cours jusqu'au 25/11/2026 : attendez")


def test_steps_are_recognised_as_done_from_the_log() -> None:
    log = [
        contact(1, at(2), "phone", "refused"),
        contact(2, at(3), "phone", "refused", summary="Demandé un Superviseur, refus"),
        contact(3, at(4), "email", "no_answer", summary="réclamation écrite"),
        contact(4, at(6), "letter", "no_answer", summary="Mise en demeure recommandée"),
    ]
    result = plan(make("amazon", contacts=log), TODAY)
    found = statuses(result)
    for step_id in (
        "contact_customer_service",
        "ask_supervisor",
        "written_complaint",
        "formal_notice",
    ):
        assert found[step_id] == "done", step_id
    assert found["review"] == "now"
    log.append(contact(5, at(7), "other", "pending", summary="Avis publié sur le produit"))
    found = statuses(plan(make("amazon", contacts=log), TODAY))
    assert found["review"] == "done"
    assert found["ecc_belgium"] == "now"


def test_a_formal_notice_mentioned_on_the_phone_is_not_one() -> None:
    log = [contact(1, at(2), "phone", "refused", summary="j'ai parlé de mise en demeure")]
    assert statuses(plan(make("amazon", contacts=log), TODAY))["formal_notice"] == "later"


def test_corrected_entries_do_not_count() -> None:
    wrong = contact(1, at(2), "phone", "no_answer")
    fixed = contact(2, at(2), "seller_message", "no_answer", corrects=1)
    found = statuses(plan(make("market_fr", contacts=[wrong, fixed]), TODAY))
    assert found["contact_customer_service"] == "not_applicable"
    assert found["contact_seller"] == "done"


def test_atoz_waits_two_business_days_after_the_seller_message() -> None:
    log = [contact(1, at(19), "seller_message", "no_answer")]
    step = plan(make("market_fr", contacts=log), TODAY).step("atoz_claim")
    assert step.status == "now"
    assert "à partir du 23/11/2026" in step.why
    assert "à vérifier sur amazon.com.be" in step.why
    log = [contact(1, at(16), "seller_message", "no_answer")]
    step = plan(make("market_fr", contacts=log), TODAY).step("atoz_claim")
    assert "la réclamation est possible" in step.why


@pytest.mark.parametrize(
    ("summary", "done"),
    [
        ("Réclamation A-to-z ouverte", True),
        ("garantie A à Z demandée", True),
        ("A-tot-Z-garantie aangevraagd", True),
        ("rien", False),
    ],
)
def test_atoz_recognised_in_three_languages(summary: str, done: bool) -> None:
    log = [
        contact(1, at(2), "seller_message", "no_answer"),
        contact(2, at(9), "other", "pending", summary=summary),
    ]
    found = statuses(plan(make("market_fr", contacts=log), TODAY))
    assert (found["atoz_claim"] == "done") == done


def test_chargeback_only_after_atoz_and_never_together() -> None:
    card = {"payment_method": "card"}
    seller_only = [contact(1, at(2), "seller_message", "no_answer")]
    result = plan(make("market_fr", facts=card, contacts=seller_only), TODAY)
    assert result.step("atoz_claim").status == "now"
    assert result.step("chargeback").status == "later"
    assert "Seulement après la Garantie A à Z" in result.step("chargeback").why

    charged_back = [*seller_only, contact(2, at(5), "other", "pending", summary="chargeback")]
    result = plan(make("market_fr", facts=card, contacts=charged_back), TODAY)
    assert result.step("chargeback").status == "done"
    assert result.step("atoz_claim").status == "not_applicable"
    assert "exclut" in result.step("atoz_claim").why


def test_atoz_window_closed_after_90_days() -> None:
    result = plan(make("market_fr", delivery_date=date(2026, 8, 1)), TODAY)
    step = result.step("atoz_claim")
    assert step.status == "not_applicable"
    assert "30/10/2026" in step.why


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
    result = plan(make("amazon", "billing", facts=facts), TODAY)
    found = statuses(result)
    payment = {"sepa_refund", "unauthorised_payment", "chargeback"}
    assert {s for s in payment if found[s] != "not_applicable"} == applies
    if "sepa_refund" in applies:
        assert "28/12/2026" in result.step("sepa_refund").why
    if facts.get("payment_method") == "debit_card":
        assert "CEC Belgique" in result.step("chargeback").why


def test_luxembourg_mediator_within_one_year_of_the_first_complaint() -> None:
    log = [contact(1, at(3), "chat", "refused")]
    why = plan(make("amazon", contacts=log), TODAY).step("lu_consumer_mediator").why
    assert "03/11/2026" in why and "03/11/2027" in why


def test_courts_are_limited_to_5000_euros() -> None:
    result = plan(make("amazon", amount=Decimal("6200.00")), TODAY)
    assert result.step("justice_of_the_peace").status == "not_applicable"
    assert result.step("european_small_claims").status == "not_applicable"
    result = plan(make("amazon"), TODAY)
    assert result.step("justice_of_the_peace").status == "later"
    assert result.step("european_small_claims").status == "later"


def test_a_closed_complaint_has_no_step_now() -> None:
    result = plan(make("amazon", status="resolved"), TODAY)
    assert result.now is None
    assert statuses(result)["contact_customer_service"] == "later"


def test_plan_json_shape() -> None:
    result = plan(make("market_fr"), TODAY)
    data = json.loads(json.dumps(result.to_json()))
    assert data["complaint_id"] == "k7m2pq"
    assert [s["id"] for s in data["steps"]] == list(STEP_IDS)
    for step in data["steps"]:
        assert set(step) == {"id", "status", "title", "why", "how"}
        assert step["status"] in ("done", "now", "later", "not_applicable")
    assert data["deadlines"]
    for deadline in data["deadlines"]:
        assert {"id", "date", "days_left", "kind", "source", "title"} <= set(deadline)
        assert deadline["kind"] in ("law", "amazon_policy")
        assert date.fromisoformat(deadline["date"])
    assert data["missing_facts"] == [
        "La date de découverte du défaut permettrait de calculer le délai pour prévenir le "
        "vendeur du défaut."
    ]


def test_what_must_not_wait_is_said_with_the_step_to_take_now() -> None:
    within = plan(make("amazon", delivery_date=date(2026, 11, 10)), TODAY).now
    assert within is not None
    assert "délai de rétractation, jusqu'au 24/11/2026" in within.why
    passed = plan(make("amazon"), TODAY).now
    assert passed is not None and "rétractation" not in passed.why
    unknown_charge = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    now = plan(make("amazon", "billing", facts=unknown_charge), TODAY).now
    assert now is not None and now.id == "contact_customer_service"
    assert "Sans attendre : signalez ce débit non reconnu à votre banque" in now.why


# -- the step to take now never contradicts the facts or the log ----------------------


def assert_waiting(result: Plan) -> None:
    """No step is "now", every step is still listed with a status, and the reason says why."""
    assert result.now is None
    assert [s.id for s in result.steps] == list(STEP_IDS)
    assert all(s.status in ("done", "later", "not_applicable") for s in result.steps)
    assert result.waiting_reason


@pytest.mark.parametrize(
    ("category", "fields", "until", "said"),
    [
        # announced date still to come (today is 20/11/2026)
        ("late", {"expected_delivery_date": date(2026, 11, 25)}, date(2026, 11, 25), "annoncée"),
        # announced date is today: not late before tomorrow
        ("late", {"expected_delivery_date": TODAY}, TODAY, "annoncée"),
        # no announced date: the legal 30 days from the order still run
        ("not_received", {"order_date": date(2026, 11, 1)}, date(2026, 12, 1), "30 jours"),
        ("late", {"order_date": date(2026, 10, 21)}, TODAY, "30 jours"),
    ],
)
def test_a_parcel_not_late_yet_means_waiting_not_acting(
    category: str, fields: dict[str, Any], until: date, said: str
) -> None:
    result = plan(make("amazon", category, delivery_date=None, **fields), TODAY)
    assert_waiting(result)
    assert result.waiting_until == until
    assert said in result.waiting_reason
    assert "rien à faire" in result.waiting_reason.lower()
    assert "prématurée" in result.step("formal_notice").why
    data = json.loads(json.dumps(result.to_json()))
    assert data["waiting_until"] == until.isoformat()
    assert data["waiting_reason"] == result.waiting_reason
    assert {s["status"] for s in data["steps"]} <= {"done", "later", "not_applicable"}


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
    result = plan(make("amazon", category, **fields), TODAY)
    assert result.now is not None
    assert result.waiting_until is None and result.waiting_reason == ""


def test_a_delivery_without_an_announced_date_is_unknown_not_agreed() -> None:
    result = plan(make("amazon", "late", delivery_date=None), TODAY)
    texts = " ".join(all_texts(result))
    assert "convenue :" not in texts and "Aucune date de livraison convenue" not in texts
    note = next(deadline_note(d) for d in result.deadlines if d.id == "delivery")
    assert "non indiquée" in note and "art. VI.43 CDE" in note


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
    result = plan(make("amazon", contacts=log), TODAY)
    assert result.waiting_until == waits_until
    if waits_until is None:
        assert result.now is not None
        return
    assert_waiting(result)
    assert f"jusqu'au {waits_until:%d/%m/%Y} : attendez cette date" in result.waiting_reason
    assert result.step("ask_supervisor").status == "later"


def test_a_deadline_falling_during_the_wait_is_flagged() -> None:
    log = [contact(1, at(10), "seller_message", "promise", follow_up=date(2026, 11, 30))]
    result = plan(make("market_fr", delivery_date=date(2026, 8, 25), contacts=log), TODAY)
    assert result.waiting_until == date(2026, 11, 30)
    assert "Garantie A à Z d'Amazon » le 23/11/2026, pendant cette attente" in (
        result.waiting_reason
    )
    # A deadline on the last day of the wait is flagged too.
    log = [contact(1, at(10), "seller_message", "promise", follow_up=date(2026, 11, 23))]
    result = plan(make("market_fr", delivery_date=date(2026, 8, 25), contacts=log), TODAY)
    assert "le 23/11/2026, pendant cette attente" in result.waiting_reason


def test_what_must_not_wait_is_said_while_waiting() -> None:
    facts = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    log = [contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))]
    result = plan(make("amazon", "billing", facts=facts, contacts=log), TODAY)
    assert_waiting(result)
    assert "Sans attendre : signalez ce débit non reconnu à votre banque" in result.waiting_reason


@pytest.mark.parametrize(
    "log",
    [
        [contact(1, at(18), "phone", "resolved")],
        [contact(1, at(3), "phone", "refused"), contact(2, at(18), "chat", "resolved")],
        # the correction of the last entry is what counts
        [
            contact(1, at(3), "phone", "refused"),
            contact(2, at(3), "phone", "resolved", corrects=1),
        ],
    ],
)
def test_a_problem_reported_resolved_is_not_escalated(log: list[Contact]) -> None:
    result = plan(make("amazon", contacts=log), TODAY)
    assert_waiting(result)
    assert result.waiting_until is None
    assert "résolu" in result.waiting_reason
    assert "reclam close k7m2pq --outcome resolved" in result.waiting_reason


def test_resolved_then_a_new_problem_is_escalated_again() -> None:
    log = [contact(1, at(3), "phone", "resolved"), contact(2, at(18), "chat", "refused")]
    result = plan(make("amazon", contacts=log), TODAY)
    assert result.now is not None and result.waiting_reason == ""


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
    result = plan(make("market_fr", contacts=log), TODAY)
    assert result.now is not None and result.now.id == now
    if now == "atoz_claim" and len(log) > 1:
        assert result.step("ask_supervisor").status == "later"


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
def test_an_expired_legal_guarantee_is_said_first_and_not_relied_on(
    category: str, fields: dict[str, Any], expired: bool
) -> None:
    result = plan(make("amazon", category, order_date=date(2024, 10, 1), **fields), TODAY)
    now = result.now
    assert now is not None
    said = now.why.startswith("La garantie légale a pris fin le ")
    assert said == expired
    found = statuses(result)
    for step_id in ("formal_notice", "justice_of_the_peace", "european_small_claims"):
        assert (found[step_id] == "not_applicable") == expired, step_id
    if expired:
        assert "garantie commerciale" in now.why
        assert result.warnings and result.warnings[0] in now.why
        assert "a pris fin" in result.step("formal_notice").why


def test_a_return_after_the_withdrawal_period_is_not_a_legal_withdrawal() -> None:
    facts = {"return_kind": "returned", "returned_date": date(2026, 10, 25)}
    result = plan(make("market_fr", "refund", delivery_date=date(2026, 10, 6), facts=facts), TODAY)
    assert "refund_after_withdrawal" not in {d.id for d in result.deadlines}
    now = result.now
    assert now is not None
    assert now.why.startswith("Renvoi du 25/10/2026, après la fin du délai de rétractation le")
    assert "politique de retour" in now.why and "Vos commandes" in now.why
    in_time = {"return_kind": "returned", "returned_date": date(2026, 10, 20)}
    result = plan(
        make("market_fr", "refund", delivery_date=date(2026, 10, 6), facts=in_time), TODAY
    )
    assert "refund_after_withdrawal" in {d.id for d in result.deadlines}
    assert result.warnings == ()


def test_a_contract_before_the_reform_never_cites_the_2022_amendment() -> None:
    complaint = make("amazon", order_date=date(2022, 5, 20), delivery_date=date(2026, 1, 5))
    data = json.dumps(plan(complaint, TODAY).to_json(), ensure_ascii=False)
    assert "modifiés par la loi du 20 mars 2022" not in data
    assert "antérieure à la loi du 20 mars 2022" in data
    assert "6 mois" in data


@pytest.mark.parametrize(
    ("method", "card_stop"),
    [("card", True), ("debit_card", True), (None, True), ("sepa_direct_debit", False)],
)
def test_card_stop_is_only_for_cards(method: str | None, card_stop: bool) -> None:
    facts = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    if method:
        facts["payment_method"] = method
    result = plan(make("amazon", "billing", facts=facts), TODAY)
    assert ("Card Stop" in " ".join(all_texts(result))) == card_stop


def test_the_plan_json_says_why_no_step_is_now() -> None:
    result = plan(make("amazon"), TODAY)
    data = result.to_json()
    assert (data["waiting_until"], data["waiting_reason"], data["warnings"]) == (None, "", [])
    now: Step | None = result.now
    assert now is not None and now.id == "contact_customer_service"


def test_a_late_complaint_delivered_by_the_announced_date_gets_no_formal_notice() -> None:
    complaint = make(
        "amazon",
        "late",
        expected_delivery_date=date(2026, 10, 15),
        delivery_date=date(2026, 10, 15),
    )
    step = plan(complaint, TODAY).step("formal_notice")
    assert step.status == "not_applicable"
    assert "sans fondement" in step.why


# -- second review ------------------------------------------------------------------------


def _unknown_debit(charge: date) -> Complaint:
    return make(
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
    result = plan(_unknown_debit(date(2026, 10, 2)), TODAY)
    assert result.now is not None and result.now.id == "sepa_refund"
    assert "prend fin le 27/11/2026" in result.now.why
    assert result.step("contact_customer_service").status == "later"
    assert result.step("ask_supervisor").status == "later"


def test_an_unknown_direct_debit_after_the_8_weeks_follows_the_usual_order() -> None:
    result = plan(_unknown_debit(date(2026, 9, 1)), TODAY)
    assert result.step("sepa_refund").status == "not_applicable"
    assert result.now is not None and result.now.id == "contact_customer_service"


@pytest.mark.parametrize(
    ("delivered", "status"),
    [(date(2026, 10, 31), "not_applicable"), (date(2026, 11, 2), "later")],
)
def test_a_late_parcel_delivered_within_30_days_gets_no_formal_notice(
    delivered: date, status: str
) -> None:
    complaint = make(
        "amazon", "late", delivery_date=delivered, expected_delivery_date=date(2026, 10, 8)
    )
    step = plan(complaint, TODAY).step("formal_notice")
    assert step.status == status
    if status == "later":
        assert "à titre commercial" in step.why


def test_a_late_defect_notice_is_a_warning_and_the_court_limit_is_hedged() -> None:
    complaint = make(
        "amazon",
        "damaged",
        delivery_date=date(2026, 8, 1),
        facts={"damage_timing": "later", "defect_discovered_date": date(2026, 9, 1)},
    )
    result = plan(complaint, TODAY)
    warning = (
        "Le délai de deux mois pour signaler le défaut est dépassé : le vendeur pourrait vous "
        "opposer la perte de la garantie."
    )
    assert warning in result.warnings
    assert result.now is not None and result.now.why.startswith(warning)
    why = result.step("justice_of_the_peace").why
    assert "Selon un avocat" in why and "01/09/2027" in why and "à vérifier" in why
    # Reported in time: no warning.
    reported = complaint.model_copy(
        update={"contacts": [contact(1, at(20, 10), "email", "no_answer")]}
    )
    assert warning not in plan(reported, TODAY).warnings


def test_a_marketplace_seller_of_unknown_country_is_not_said_to_be_amazon() -> None:
    complaint = make("amazon")
    complaint = complaint.model_copy(
        update={"seller": Seller(kind="marketplace", name="Boutique X")}
    )
    result = plan(complaint, TODAY)
    for step_id in ("ecc_belgium", "lu_consumer_mediator"):
        why = result.step(step_id).why
        assert "Amazon" not in why
        assert why.startswith("Seulement si Boutique X est établi")
        assert "vérifiez son adresse sur sa fiche vendeur" in why


def test_a_refusal_as_last_result_is_said_as_such() -> None:
    complaint = make(
        "amazon",
        contacts=[
            contact(1, at(2), "chat", "no_answer"),
            contact(2, at(4), "email", "refused"),
        ],
    )
    why = plan(complaint, TODAY).step("ask_supervisor").why
    assert why.startswith("Amazon a refusé votre demande le 04/11/2026")
    assert "sans résultat" in why  # the chat before it


def test_the_lu_mediator_limit_is_one_year_after_the_first_complaint() -> None:
    complaint = make("amazon", contacts=[contact(1, at(2), "chat", "no_answer")])
    why = plan(complaint, TODAY).step("lu_consumer_mediator").why
    assert (
        "plus d'un an après votre première réclamation au vendeur (le 02/11/2026) : "
        "saisissez-le avant le 02/11/2027." in why
    )
