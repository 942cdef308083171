"""The escalation plan in French: representative sentences and whole plans pinned, every
reason id worded, the log's clauses joined into one sentence, the JSON of `escalate --json`.

Regenerate the plan snapshots after a deliberate change of wording:
RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_escalation_texts.py
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation.domain.escalation import STEP_IDS, Clauses, Part, decide
from amazon_reclamation.models import CATEGORIES, Complaint, Facts
from amazon_reclamation.texts.deadlines import deadline_note, missing_fact_texts
from amazon_reclamation.texts.escalation import TITLES, Plan, Step, Words, external_bodies, plan
from factories import TODAY, at, complaint, contact
from helpers import check_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots" / "escalation"
DELIVERED = date(2026, 10, 5)
AMAZON = {"kind": "amazon"}
MARKET_FR = {"kind": "marketplace", "name": "Boutique Lille", "country": "FR"}


# `letter --sent` on 12 November, with 15 days.
FORMAL_NOTICE = contact(
    1, at(12), "letter", "pending", step="formal_notice", follow_up=date(2026, 11, 27)
)


def case(seller: dict[str, Any] | None = None, **fields: Any) -> Complaint:
    """Delivered on 5 October, sold by Amazon unless said otherwise."""
    fields.setdefault("delivery_date", DELIVERED)
    return complaint(seller=AMAZON if seller is None else seller, **fields)


def all_texts(result: Plan) -> list[str]:
    texts = [t for s in result.steps for t in (s.title, s.why, s.how)]
    texts += [deadline_note(d) for d in result.deadlines]
    texts += missing_fact_texts(result.missing_facts)
    return texts + [result.waiting_reason, *result.warnings]


# -- every reason has its sentence ---------------------------------------------------------


def test_every_step_has_a_title() -> None:
    assert tuple(TITLES) == STEP_IDS


def _random_case(rng: random.Random) -> tuple[Complaint, date]:
    """A complaint drawn at random over the facts the plan reads, and its today."""
    today = rng.choice([TODAY, date(2026, 12, 30), date(2027, 3, 1)])
    order = min(date(2024, 9, 1) + timedelta(days=rng.randrange(820)), today - timedelta(1))
    delivery = order + timedelta(days=rng.randrange(50)) if rng.random() < 0.7 else None
    facts: dict[str, Any] = {
        "payment_method": rng.choice([None, "card", "debit_card", "sepa_direct_debit", "other"]),
        "billing_problem": rng.choice([None, "wrong_amount", "unannounced_fee", "unknown_charge"]),
    }
    if rng.random() < 0.5:
        facts["charge_date"] = order + timedelta(days=rng.randrange(60))
    if rng.random() < 0.3:
        facts["damage_timing"] = "later"
        facts["defect_discovered_date"] = order + timedelta(days=rng.randrange(400))
    if rng.random() < 0.3:
        facts["return_kind"] = "returned"
        facts["returned_date"] = order + timedelta(days=rng.randrange(40))
    start = datetime.combine(order, datetime.min.time(), tzinfo=UTC) + timedelta(hours=10)
    hours = max(1, (today - order).days * 24 - 1)
    moments = sorted(start + timedelta(hours=rng.randrange(hours)) for _ in range(rng.randrange(5)))
    log = []
    for number, moment in enumerate(moments, start=1):
        outcome = rng.choice(["resolved", "promise", "refused", "no_answer", "pending"])
        extra: dict[str, Any] = {}
        if outcome == "promise" and rng.random() < 0.8:
            extra["follow_up"] = moment.date() + timedelta(days=rng.randrange(-5, 20))
        step = rng.choice(
            [None, "ask_supervisor", "atoz_claim", "formal_notice", "review", "ecc_belgium"]
        )
        log.append(
            contact(
                number,
                moment,
                rng.choice(["phone", "chat", "email", "letter", "seller_message", "other"]),
                outcome,
                step=rng.choice([step, "chargeback"]) if rng.random() < 0.6 else None,
                **extra,
            )
        )
    seller = rng.choice(
        [
            AMAZON,
            MARKET_FR,
            {"kind": "marketplace", "country": rng.choice(["BE", "LU", "DK", "CN"])},
        ]
        + [{"kind": "marketplace", "name": "X"}, {}]
    )
    expected = order + timedelta(days=rng.randrange(1, 40)) if rng.random() < 0.4 else None
    return (
        complaint(
            category=rng.choice(CATEGORIES),
            order_date=order,
            delivery_date=delivery if delivery and delivery <= today else None,
            expected_delivery_date=expected,
            amount=rng.choice([None, Decimal("49.99"), Decimal("6200.00")]),
            seller=seller,
            facts=facts,
            contacts=log,
        ),
        today,
    )


def _ids(parts: tuple[Part, ...]) -> set[str]:
    found: set[str] = set()
    for part in parts:
        found |= {r.id for r in part.reasons} if isinstance(part, Clauses) else {part.id}
    return found


def test_every_reason_id_is_worded_and_every_wording_is_used() -> None:
    rng = random.Random(8)
    produced: set[str] = set()
    cases = [_random_case(rng) for _ in range(2500)]
    cases += [(item, TODAY) for item in [*PLANS.values(), *RARE]]
    for item, today in cases:
        decision = decide(item, today)
        for step in decision.steps:
            produced |= _ids(step.why) | _ids(step.how)
        produced |= _ids(decision.warnings + decision.pause + decision.meanwhile)
        plan(item, today)  # raises KeyError on a reason without wording
    helpers = {"reason", "clauses", "part", "paragraph", "deadline_title"}
    worded = {name for name in dir(Words) if not name.startswith("_")} - helpers
    assert produced == worded


def test_the_log_is_one_sentence_of_clauses() -> None:
    log = [
        contact(1, at(1), "phone", "no_answer"),
        contact(2, at(3), "phone", "promise", follow_up=date(2026, 11, 10), promise="rappel"),
        contact(3, at(5), "chat", "refused", agent="Sophie"),
    ]
    why = plan(case(contacts=log), TODAY).step("ask_supervisor").why
    assert why == (
        "Amazon a refusé votre demande le 05/11/2026, après 2 autres contacts sans résultat ; "
        "promesse du 03/11/2026 non tenue (échéance du 10/11/2026 dépassée)."
    )
    log[2] = contact(3, at(5), "chat", "no_answer")
    why = plan(case(contacts=log), TODAY).step("ask_supervisor").why
    assert why.startswith("3 contacts sans résultat, dont 2 tentatives sans réponse ; promesse")


def test_a_refusal_by_the_seller_names_it() -> None:
    log = [contact(1, at(12), "seller_message", "refused")]
    why = plan(case(MARKET_FR, contacts=log), TODAY).step("formal_notice").why
    assert why.startswith("Boutique Lille a refusé votre demande le 12/11/2026. Elle prouve")
    unnamed = {"kind": "marketplace", "country": "FR"}
    why = plan(case(unnamed, contacts=log), TODAY).step("formal_notice").why
    assert why.startswith("Le vendeur a refusé votre demande le 12/11/2026.")


# -- representative sentences ---------------------------------------------------------------


def test_no_contact_yet() -> None:
    now = plan(case(), TODAY).now
    assert now is not None and now.title == "Contacter le service client d'Amazon"
    assert now.why.startswith("Pas encore de contact : c'est la première démarche")
    assert "reclam show k7m2pq" in now.how and "reclam log k7m2pq" in now.how


def test_done_steps_say_when() -> None:
    log = [
        contact(1, at(1), "phone", "no_answer"),
        contact(2, at(5), "letter", "refused", step="formal_notice"),
    ]
    result = plan(case(contacts=log), TODAY)
    assert result.step("contact_customer_service").why == (
        "2 contacts avec le service client, le dernier le 05/11/2026 (lettre)."
    )
    assert result.step("formal_notice").why == "Mise en demeure envoyée le 05/11/2026."


def test_atoz_says_when_it_opens_and_until_when() -> None:
    log = [contact(1, at(19), "seller_message", "no_answer")]
    assert plan(case(MARKET_FR, contacts=log), TODAY).step("atoz_claim").why == (
        "Vous avez écrit au vendeur le 19/11/2026 : réclamation possible à partir du "
        "23/11/2026, jusqu'au 03/01/2027 (90 jours après la livraison). Règle d'Amazon, "
        "vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be."
    )


def test_the_courts_limits_come_from_the_bodies_table() -> None:
    # Grouped as Babel groups thousands in French: a narrow no-break space.
    result = plan(case(amount=Decimal("6200.00")), TODAY)
    assert result.step("justice_of_the_peace").why == (
        "Le juge de paix connaît des demandes jusqu'à 5\u202f000 € ; pour 6\u202f200,00\xa0€, "
        "consultez un avocat ou un service d'aide juridique."
    )
    assert result.step("european_small_claims").why == (
        "La procédure est limitée aux demandes jusqu'à 5\u202f000 €."
    )
    why = plan(case(), TODAY).step("justice_of_the_peace").why
    assert why.startswith(
        "En dernier recours : le juge de paix connaît des demandes jusqu'à 5\u202f000 € ; "
        "jusqu'à 2\u202f000 €, son jugement n'est pas susceptible d'appel. Le vendeur étant "
        "normalement établi au Luxembourg"
    )


def test_the_bodies_periods_come_from_the_bodies_table() -> None:
    result = plan(case(), TODAY)
    assert "Première réponse en principe sous 14 jours ouvrables. https://www.eccbelgium.be" in (
        result.step("ecc_belgium").how
    )
    belgian = {"kind": "marketplace", "name": "Boutique Liège", "country": "BE"}
    how = plan(case(belgian), TODAY).step("consumer_mediation_service").how
    assert "Il dispose de 90 jours, prolongeables une fois" in how


def test_a_country_is_named_with_its_code() -> None:
    result = plan(case({"kind": "marketplace", "name": "Shenzhen Store", "country": "CN"}), TODAY)
    assert result.step("ecc_belgium").why.startswith("Vendeur établi hors de l'UE (Chine (CN))")
    assert (
        plan(case(MARKET_FR), TODAY)
        .step("european_small_claims")
        .why.startswith("Vendeur établi hors de Belgique : France (FR).")
    )


def test_the_lu_mediator_limit_is_one_year_after_the_first_complaint() -> None:
    result = plan(case(contacts=[contact(1, at(2), "chat", "no_answer")]), TODAY)
    assert result.step("lu_consumer_mediator").why.endswith(
        "Il peut refuser une demande introduite plus d'un an après votre première réclamation "
        "au vendeur (le 02/11/2026) : saisissez-le avant le 02/11/2027."
    )


def test_the_step_to_take_now_carries_the_warnings_and_what_must_not_wait() -> None:
    expired = plan(case(order_date=date(2024, 10, 1), delivery_date=date(2024, 10, 5)), TODAY)
    now = expired.now
    assert now is not None
    assert expired.warnings == (
        "La garantie légale a pris fin le 05/10/2026 (2 ans après la livraison) : ni la mise "
        "en demeure ni le juge ne peuvent plus s'appuyer sur elle. Seule une garantie "
        "commerciale, si l'article en a une et qu'elle court encore, peut encore jouer, selon "
        "ses propres conditions : vérifiez-les.",
    )
    assert now.why.startswith(expired.warnings[0] + " Pas encore de contact")
    within = plan(case(delivery_date=date(2026, 11, 10)), TODAY).now
    assert within is not None
    assert within.why.endswith(
        "Vous êtes encore dans le délai de rétractation, jusqu'au 24/11/2026 : vous pouvez "
        "aussi vous rétracter sans donner de motif."
    )


def test_a_return_after_the_withdrawal_period_is_said_first() -> None:
    facts = {"return_kind": "returned", "returned_date": date(2026, 10, 25)}
    result = plan(
        case(MARKET_FR, category="refund", delivery_date=date(2026, 10, 6), facts=facts), TODAY
    )
    now = result.now
    assert now is not None
    assert now.why.startswith("Renvoi du 25/10/2026, après la fin du délai de rétractation le")
    assert "politique de retour" in now.why and "Vos commandes" in now.why


def test_waiting_for_a_date_says_why_and_what_must_not_wait() -> None:
    facts = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    log = [contact(1, at(18), "phone", "promise", follow_up=date(2026, 11, 25))]
    result = plan(case(category="billing", facts=facts, contacts=log), TODAY)
    assert result.now is None
    assert result.waiting_reason == (
        "Promesse du 18/11/2026 en cours jusqu'au 25/11/2026 : attendez cette date avant "
        "d'aller plus loin. Si rien n'est fait à cette date, revenez à ce plan (reclam "
        "escalate k7m2pq). Sans attendre : signalez ce débit non reconnu à votre banque "
        "(étape « Signaler à la banque un paiement non autorisé »)."
    )


def test_a_deadline_falling_during_the_wait_is_named() -> None:
    log = [contact(1, at(10), "seller_message", "promise", follow_up=date(2026, 11, 30))]
    result = plan(case(MARKET_FR, delivery_date=date(2026, 8, 25), contacts=log), TODAY)
    assert (
        "Attention : échéance « Garantie A à Z d'Amazon » le "
        "23/11/2026, pendant cette attente ; agissez avant cette date."
    ) in result.waiting_reason


def test_a_problem_reported_resolved_suggests_closing() -> None:
    result = plan(case(contacts=[contact(1, at(18), "phone", "resolved")]), TODAY)
    assert result.waiting_until is None
    assert result.waiting_reason == (
        "Le dernier contact, le 18/11/2026, indique que le problème est résolu : rien à "
        "escalader. Si c'est bien le cas, clôturez la réclamation (reclam close k7m2pq "
        "--outcome resolved) ; sinon, notez ce qui ne va pas avec reclam log k7m2pq."
    )


def test_a_parcel_not_late_yet_says_until_when() -> None:
    result = plan(case(category="late", delivery_date=None, order_date=date(2026, 11, 1)), TODAY)
    assert result.waiting_reason.startswith(
        "Aucune date de livraison annoncée n'est indiquée : le délai légal de 30 jours après "
        "la commande (art. VI.43 CDE) court jusqu'au 01/12/2026. Rien à faire pour l'instant"
    )
    assert "prématurée" in result.step("formal_notice").why


@pytest.mark.parametrize(
    ("method", "card_stop"),
    [("card", True), ("debit_card", True), (None, True), ("sepa_direct_debit", False)],
)
def test_card_stop_is_only_for_cards(method: str | None, card_stop: bool) -> None:
    facts: dict[str, Any] = {"billing_problem": "unknown_charge", "charge_date": date(2026, 11, 2)}
    if method:
        facts["payment_method"] = method
    result = plan(case(category="billing", facts=facts), TODAY)
    assert ("Card Stop" in " ".join(all_texts(result))) == card_stop


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize(
    "seller", [AMAZON, MARKET_FR, {"kind": "marketplace", "country": "CN"}, {}]
)
def test_closed_or_unknown_bodies_are_never_named(category: str, seller: dict[str, Any]) -> None:
    for text in all_texts(plan(case(seller, category=category), TODAY)):
        assert "ODR" not in text
        assert "Point de contact" not in text


def test_external_bodies_are_named_for_the_letters() -> None:
    assert external_bodies(case()) == [
        "le Centre Européen des Consommateurs Belgique",
        "le Médiateur de la consommation du Luxembourg",
    ]
    assert external_bodies(case({})) == ["l'organisme de médiation compétent"]


def test_a_delivery_without_an_announced_date_is_unknown_not_agreed() -> None:
    result = plan(case(category="late", delivery_date=None), TODAY)
    texts = " ".join(all_texts(result))
    assert "convenue :" not in texts and "Aucune date de livraison convenue" not in texts
    note = next(deadline_note(d) for d in result.deadlines if d.id == "delivery")
    assert "non indiquée" in note and "art. VI.43 CDE" in note


def test_a_contract_before_the_reform_never_cites_the_2022_amendment() -> None:
    item = case(order_date=date(2022, 5, 20), delivery_date=date(2026, 1, 5))
    data = json.dumps(plan(item, TODAY).to_json(), ensure_ascii=False)
    assert "modifiés par la loi du 20 mars 2022" not in data
    assert "antérieure à la loi du 20 mars 2022" in data
    assert "6 mois" in data


# -- the JSON of `escalate --json` ----------------------------------------------------------


def test_plan_json_shape() -> None:
    result = plan(case(MARKET_FR), TODAY)
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


def test_the_plan_json_says_why_no_step_is_now() -> None:
    result = plan(case(), TODAY)
    data = result.to_json()
    assert (data["waiting_until"], data["waiting_reason"], data["warnings"]) == (None, "", [])
    now: Step | None = result.now
    assert now is not None and now.id == "contact_customer_service"
    waiting = plan(case(category="late", delivery_date=None, order_date=date(2026, 11, 1)), TODAY)
    data = json.loads(json.dumps(waiting.to_json()))
    assert data["waiting_until"] == "2026-12-01"
    assert data["waiting_reason"] == waiting.waiting_reason
    assert {s["status"] for s in data["steps"]} <= {"done", "later", "not_applicable"}


# -- whole plans pinned -------------------------------------------------------------------


PLANS: dict[str, Complaint] = {
    "amazon_fresh": case(),
    "amazon_log": case(
        contacts=[
            contact(1, at(1), "phone", "no_answer"),
            contact(2, at(3), "chat", "refused", agent="Sophie"),
            contact(3, at(5), "phone", "promise", follow_up=date(2026, 11, 10)),
        ]
    ),
    "marketplace_fr_atoz": case(
        MARKET_FR,
        facts={"payment_method": "card"},
        contacts=[contact(1, at(12), "seller_message", "no_answer")],
    ),
    "marketplace_be": case({"kind": "marketplace", "name": "Boutique Liège", "country": "BE"}),
    "unknown_seller_billing": case(
        {},
        category="billing",
        facts={
            "billing_problem": "unknown_charge",
            "payment_method": "sepa_direct_debit",
            "charge_date": date(2026, 10, 2),
        },
    ),
    "late_waiting": case(category="late", delivery_date=None, order_date=date(2026, 11, 1)),
    "guarantee_over_outside_eu": case(
        {"kind": "marketplace", "name": "Shenzhen Store", "country": "CN"},
        order_date=date(2024, 10, 1),
        delivery_date=date(2024, 10, 5),
        amount=Decimal("6200.00"),
    ),
}


# Reasons the random cases above rarely reach.
RARE = [
    case(
        MARKET_FR,
        delivery_date=date(2026, 8, 25),
        contacts=[contact(1, at(10), "seller_message", "promise", follow_up=date(2026, 11, 30))],
    ),
    case(MARKET_FR, contacts=[contact(1, at(19), "seller_message", "no_answer")]),
    # Written to the seller two days before the A-to-z window ends: too late for it.
    case(
        MARKET_FR,
        delivery_date=date(2026, 8, 23),
        contacts=[contact(1, at(19), "seller_message", "no_answer")],
    ),
    # A wrong direct debit while its 8-week refund runs.
    case(
        category="billing",
        facts=Facts(
            billing_problem="wrong_amount",
            payment_method="sepa_direct_debit",
            charge_date=date(2026, 11, 2),
        ),
    ),
    # A debit that matches no order.
    case(
        category="billing",
        order_number=None,
        order_date=None,
        facts=Facts(billing_problem="unknown_charge"),
    ),
    # The same, the payee unknown.
    case(
        {},
        category="billing",
        order_number=None,
        order_date=None,
        facts=Facts(billing_problem="unknown_charge"),
    ),
    # A formal notice sent (`letter --sent`): the time it gave still running, then passed.
    case(contacts=[FORMAL_NOTICE]),
    case(contacts=[FORMAL_NOTICE.model_copy(update={"follow_up": date(2026, 11, 17)})]),
]


def test_a_formal_notice_sent_is_waited_for_as_its_deadline_not_as_a_promise() -> None:
    # Arrange
    running = case(contacts=[FORMAL_NOTICE])
    passed = case(contacts=[FORMAL_NOTICE.model_copy(update={"follow_up": date(2026, 11, 17)})])

    # Act
    waiting, after = plan(running, TODAY), plan(passed, TODAY)

    # Assert: its own words; one contact counted once, though its date has passed
    assert waiting.waiting_reason.startswith(
        "Mise en demeure du 12/11/2026 : le délai laissé court jusqu'au 27/11/2026 ; "
    )
    assert after.now is not None
    assert after.now.why.startswith(
        "1 contact sans résultat ; mise en demeure du 12/11/2026 restée sans solution "
        "(délai du 17/11/2026 dépassé)"
    )
    assert not [t for p in (waiting, after) for t in all_texts(p) if "romesse du" in t]


@pytest.mark.typography  # the exact bytes: non-breaking spaces on
@pytest.mark.parametrize("name", list(PLANS))
def test_plan_snapshot(name: str) -> None:
    result = plan(PLANS[name], TODAY)
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    check_snapshot(SNAPSHOTS / f"{name}.json", text, "tests/test_escalation_texts.py")


def test_an_unnamed_marketplace_seller_is_a_third_party_seller() -> None:
    from amazon_reclamation.texts.escalation import Words

    assert Words().seller_first(seller=None).startswith("Article vendu par un vendeur tiers : ")
    assert Words().seller_first(seller="TechShop").startswith("Article vendu par TechShop : ")


def test_a_step_logged_says_when_and_how() -> None:
    log = [contact(1, at(9), "email", "pending", step="ecc_belgium")]
    assert plan(case(contacts=log), TODAY).step("ecc_belgium").why == (
        "Démarche notée dans le journal le 09/11/2026 (e-mail)."
    )


def test_the_chargeback_step_warns_that_its_window_is_short_and_not_law() -> None:
    from amazon_reclamation.texts.escalation import Words

    how = Words().chargeback_how()
    assert "n'est pas fixé par la loi" in how
    assert "quelques mois" in how


def test_once_atoz_has_closed_the_plan_never_offers_it_as_a_route() -> None:
    # Arrange: a seller in China, not written to, delivered on 1 August: A-to-z ended on
    # 30 October.
    seller = {"kind": "marketplace", "name": "Shenzhen Store", "country": "CN"}
    closed = case(seller, delivery_date=date(2026, 8, 1))

    # Act
    result = plan(closed, TODAY)

    # Assert: said once, as expired, on the A-to-z step; nowhere as a way forward.
    others = [t for s in result.steps if s.id != "atoz_claim" for t in (s.why, s.how)]
    assert not [t for t in others if "A à Z" in t]
    atoz = next(s for s in result.steps if s.id == "atoz_claim")
    assert atoz.status == "not_applicable"
    assert atoz.why.startswith("Le délai de 90 jours d'Amazon a expiré le 30/10/2026.")


@pytest.mark.parametrize(
    ("language", "ecc", "mediation"),
    [
        ("fr", "https://www.eccbelgium.be", "https://mediationconsommateur.be"),
        ("nl", "https://www.eccbelgie.be", "https://consumentenombudsdienst.be"),
        ("de", "https://www.eccbelgium.be", "https://ombudsdienstverbraucher.be"),
        ("en", "https://www.eccbelgium.be", "https://consumerombudsman.be"),
    ],
)
def test_a_body_s_site_is_given_in_the_reader_s_language(
    language: str, ecc: str, mediation: str
) -> None:
    from amazon_reclamation import i18n
    from amazon_reclamation.texts.escalation_format import link

    with i18n.in_language(language):
        assert (link("https://www.eccbelgium.be"), link("https://mediationconsommateur.be")) == (
            ecc,
            mediation,
        )
