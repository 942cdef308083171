"""The letter decided as data: paragraph and part ids, values, remedy, deadline, refusals.

The wording of these plans is pinned by `test_letters.py` and its snapshots.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation.domain.letter_plan import AMAZON_EU_ADDRESS, Part
from amazon_reclamation.domain.letters import LetterRefused, plan_letter
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.knowledge.rules import period_of
from amazon_reclamation.texts.letters_templates import Templates, template_language
from factories import TODAY, at, complaint, contact

PROMISE = contact(
    1,
    at(3),
    "phone",
    "promise",
    agent="Sophie",
    reference="CS-4471",
    promise="l'envoi d'un nouvel article",
    follow_up=date(2026, 11, 10),
)
SILENCE = contact(2, at(12), "chat", "no_answer")
REFUSAL = contact(3, at(4), "email", "refused")


def _damaged(**fields: Any) -> Any:
    values: dict[str, Any] = {
        "seller": {"kind": "amazon"},
        "delivery_date": date(2026, 10, 5),
        "desired_resolution": "replacement",
        "facts": {
            "damage_timing": "later",
            "defect_discovered_date": date(2026, 11, 1),
            "photos_taken": True,
        },
        "contacts": [PROMISE, SILENCE],
    }
    values.update(fields)
    return complaint(**values)


def _params(plan: Any, part_id: str) -> dict[str, object]:
    found = [p for paragraph in plan.paragraphs for p in paragraph.parts if p.id == part_id]
    assert len(found) == 1, (part_id, plan.part_ids())
    return dict(found[0].params)


def test_a_damaged_item_plan() -> None:
    plan = plan_letter(_damaged(), TODAY)
    assert plan.kind == "formal_notice"
    assert plan.addressee.id == "amazon_eu" and plan.addressee.lines == AMAZON_EU_ADDRESS
    assert [p.kind for p in plan.paragraphs] == [
        "facts",
        "problem",
        "contacts",
        "contacts_conclusion",
        "right",
        "demand",
        "otherwise",
    ]
    assert plan.part_ids() == [
        "facts.order_item_amount",
        "problem.summary",
        "contacts.intro",
        "contacts.unresolved",
        "right.guarantee",
        "right.remedies",
        "right.defect_notified",
        "demand.resolution.replacement",
        "otherwise.actions_then_court",
    ]
    assert _params(plan, "facts.order_item_amount") == {
        "date": date(2026, 10, 1),
        "order": "123-1234567-1234567",
        "item": "Bouilloire inox 1,7 L",
        "amount": Decimal("49.99"),
    }
    assert _params(plan, "right.defect_notified") == {
        "date": date(2026, 11, 3),
        "period": Period(2, "months"),
    }
    assert _params(plan, "right.guarantee") == {"period": Period(2, "years")}
    # 20/11 + 15 days is Saturday 5/12: moved to Monday 7/12.
    assert (plan.asked, plan.deadline) == (date(2026, 12, 5), date(2026, 12, 7))
    assert plan.remedy == "replacement"
    assert _params(plan, "demand.resolution.replacement") == {"date": date(2026, 12, 7)}
    actions = _params(plan, "otherwise.actions_then_court")["actions"]
    assert actions == (Part("action.bodies", {"bodies": ("ecc_belgium", "lu_consumer_mediator")}),)
    assert plan.enclosures == ("order_confirmation", "photos", "exchanges")
    assert [n.id for n in plan.notes] == [
        "send_registered",
        "fill_brackets",
        "check_amazon_address",
        "deadline_moved",
        "deadline_left",
    ]
    assert dict(plan.notes[-1].params) == {"n": 17, "date": date(2026, 12, 7)}


def test_contact_lines_are_records_with_the_state_of_promises() -> None:
    plan = plan_letter(_damaged(), TODAY)
    promise, silence = plan.contacts
    assert (promise.date, promise.channel, promise.agent, promise.reference) == (
        date(2026, 11, 3),
        "phone",
        "Sophie",
        "CS-4471",
    )
    assert (promise.outcome, promise.follow_up, promise.promise_state) == (
        "promise",
        date(2026, 11, 10),
        "broken",
    )
    assert (silence.outcome, silence.promise_state, silence.agent) == ("no_answer", None, None)
    assert plan_letter(_damaged(contacts=[]), TODAY).paragraph("contacts") is None


@pytest.mark.parametrize(
    ("seller", "addressee", "lines", "note"),
    [
        (
            {"kind": "marketplace", "name": "Boutique Lille"},
            "marketplace",
            ("Boutique Lille",),
            "complete_seller_address",
        ),
        ({"kind": "marketplace"}, "marketplace", (), "complete_seller_address"),
        ({}, "invoice_seller", (), "check_invoice_seller"),
    ],
)
def test_the_addressee_is_an_id_with_the_lines_known(
    seller: dict[str, str], addressee: str, lines: tuple[str, ...], note: str
) -> None:
    plan = plan_letter(_damaged(seller=seller), TODAY)
    assert (plan.addressee.id, plan.addressee.lines) == (addressee, lines)
    assert note in [n.id for n in plan.notes]


def test_a_parcel_delivered_late_is_a_commercial_request() -> None:
    late = complaint(
        category="late",
        delivery_date=date(2026, 11, 10),
        desired_resolution="partial_refund",
        seller={"kind": "amazon"},
    )
    plan = plan_letter(late, TODAY)
    assert plan.kind == "commercial_request"
    assert plan.remedy == "partial_refund"
    assert [p.kind for p in plan.paragraphs] == ["facts", "problem", "demand"]
    assert _params(plan, "problem.late_delivered") == {
        "due": date(2026, 10, 31),
        "date": date(2026, 11, 10),
        "n": 10,
    }
    assert plan.part_ids()[-2:] == [
        "demand.commercial.partial_refund",
        "demand.commercial.reply_by",
    ]
    assert plan.notes[0].id == "late_delivered_commercial"


def test_periods_come_from_the_rules_numbers() -> None:
    late = complaint(category="late", expected_delivery_date=None, seller={"kind": "amazon"})
    plan = plan_letter(late, TODAY)
    assert period_of("delivery") == Period(30, "days")
    assert _params(plan, "right.delivery") == {"period": period_of("delivery")}
    assert _params(plan, "right.legal_expired") == {"date": date(2026, 10, 31)}
    notes = {n.id: dict(n.params) for n in plan.notes}
    assert notes["no_announced_date"] == {"period": period_of("delivery")}
    # The additional period runs from the due date: 31/10 + 15 days, but not before today + 15.
    assert plan.remedy == "delivery" and plan.deadline == date(2026, 12, 7)


def test_a_cancelled_order_counts_the_refund_from_the_cancellation() -> None:
    cancelled = complaint(
        category="refund",
        delivery_date=None,
        seller={"kind": "amazon"},
        desired_resolution="refund",
        facts={"return_kind": "cancelled", "returned_date": date(2026, 10, 3)},
    )
    plan = plan_letter(cancelled, TODAY)
    assert _params(plan, "problem.cancelled_on") == {
        "date": date(2026, 10, 3),
        "amount": Decimal("49.99"),
    }
    assert _params(plan, "right.refund_cancelled") == {"period": Period(14, "days")}
    assert _params(plan, "right.cancel_counted.expired") == {"date": date(2026, 10, 17)}
    assert "return_proof" not in plan.enclosures
    assert "cancelled_by_analogy" in [n.id for n in plan.notes]


def test_an_unknown_debit_over_the_order_disputes_the_excess() -> None:
    debit = complaint(
        category="billing",
        seller={"kind": "amazon"},
        facts={
            "billing_problem": "unknown_charge",
            "amount_charged": Decimal("59.99"),
            "amount_expected": Decimal("49.99"),
            "payment_method": "sepa_direct_debit",
            "charge_date": date(2026, 10, 20),
        },
    )
    plan = plan_letter(debit, TODAY)
    assert _params(plan, "problem.unknown_debit_on") == {
        "date": date(2026, 10, 20),
        "charged": Decimal("59.99"),
        "expected": Decimal("49.99"),
    }
    assert _params(plan, "problem.paid_by") == {"method": "sepa_direct_debit"}
    assert _params(plan, "right.unknown_debit_excess") == {"amount": Decimal("49.99")}
    assert _params(plan, "demand.resolution.refund")["amount"] == Decimal("10.00")
    notes = {n.id: dict(n.params) for n in plan.notes}
    assert notes["sepa_refund_now"] == {
        "date": date(2026, 12, 15),
        "period": Period(8, "weeks"),
        "order_amount": Decimal("49.99"),
    }
    assert "report_to_bank" in notes


@pytest.mark.parametrize(
    ("log", "ids", "remedy"),
    [
        ([], ["demand.repair_first.refund"], "repair_or_replacement"),
        ([PROMISE], ["demand.failed.refund"], "refund"),
        (
            [REFUSAL],
            ["demand.defect_refused", "demand.after_refusal.repair_or_replacement.refund"],
            "repair_or_replacement",
        ),
    ],
)
def test_a_defect_demand_follows_the_legal_order_of_remedies(
    log: list[Any], ids: list[str], remedy: str
) -> None:
    plan = plan_letter(_damaged(desired_resolution="refund", contacts=log), TODAY)
    demand = plan.paragraph("demand")
    assert demand is not None and [p.id for p in demand.parts] == ids
    assert plan.remedy == remedy


@pytest.mark.parametrize(
    ("fields", "reason", "params"),
    [
        (
            {"category": "late", "expected_delivery_date": date(2026, 11, 25)},
            "announced_date_not_passed",
            {"date": date(2026, 11, 25)},
        ),
        (
            {"category": "not_received", "order_date": date(2026, 11, 1)},
            "legal_delivery_not_passed",
            {"date": date(2026, 12, 1), "period": period_of("delivery")},
        ),
        (
            {"category": "late", "delivery_date": date(2026, 10, 20)},
            "delivered_in_legal_period",
            {"date": date(2026, 10, 20), "period": period_of("delivery")},
        ),
        (
            {
                "category": "late",
                "expected_delivery_date": date(2026, 11, 15),
                "delivery_date": date(2026, 11, 12),
            },
            "delivered_on_time",
            {"date": date(2026, 11, 12), "due": date(2026, 11, 15)},
        ),
        (
            {"order_date": date(2024, 10, 1), "delivery_date": date(2024, 10, 5)},
            "guarantee_ended",
            {"date": date(2026, 10, 5), "period": Period(2, "years")},
        ),
    ],
)
def test_a_refusal_is_a_reason_id_with_values(
    fields: dict[str, Any], reason: str, params: dict[str, object]
) -> None:
    with pytest.raises(LetterRefused) as raised:
        plan_letter(complaint(**fields), TODAY)
    assert (raised.value.reason, raised.value.params) == (reason, params)


def test_the_deciding_modules_word_nothing() -> None:
    domain = Path(__file__).parents[1] / "src" / "amazon_reclamation" / "domain"
    for name in ("letters.py", "letter_plan.py", "letter_paragraphs.py"):
        source = (domain / name).read_text(encoding="utf-8")
        assert not re.search(r"\b(N_|_|ngettext)\(", source), name
        imports = [
            line for line in source.splitlines() if line.lstrip().startswith(("from", "import"))
        ]
        assert not [line for line in imports if "i18n" in line or ".texts" in line], name


# -- templates ------------------------------------------------------------------------------


def test_a_language_without_templates_uses_the_french_ones() -> None:
    assert template_language("fr") == "fr"
    assert template_language("xx") == "fr"
    assert Templates("xx").lang == "fr"


def test_templates_format_values_and_choose_plural_forms() -> None:
    t = Templates("fr")
    assert t.text("period.day", n=1) == "1 jour"
    assert t.text("period.day", n=30) == "30 jours"
    assert t.period(Period(14, "calendar_days")) == "14 jours"
    assert t.period(Period(2, "years"), words=True) == "deux ans"
    assert t.period(Period(13, "months"), words=True) == "13 mois"
    assert t.period(Period(10, "business_days")) == "10 jours ouvrables"
    assert t.text("right.legal_expired", date=date(2026, 10, 1)).endswith("le 1er octobre 2026.")
    assert t.text("demand.resolution.refund", amount=None, date=TODAY).startswith(
        "Je vous mets dès lors en demeure de me rembourser [montant payé] au plus tard"
    )
    assert "du 01/10/2026" in t.text("subject.formal_notice", order="1", date=date(2026, 10, 1))


@pytest.mark.parametrize(
    ("style", "items", "joined"),
    [
        ("or", ["A"], "A"),
        ("or", ["A", "B"], "A ou B"),
        ("or", ["A", "B", "C"], "A, B ou C"),
        ("actions", ["de A", "de B"], "de A, ou de B"),
        ("actions", ["de A", "de B", "de C", "de D"], "de A, de B, de C, ou de D"),
        ("enclosures", ["a", "b", "c"], "a ; b ; c"),
    ],
)
def test_lists_are_joined_by_the_language(style: str, items: list[str], joined: str) -> None:
    assert Templates("fr").join(items, style) == joined


def test_every_language_words_every_part_with_the_same_placeholders() -> None:
    root = Path(__file__).parents[1] / "src/amazon_reclamation/texts/templates/letters"
    french = {p.name: p.read_text(encoding="utf-8") for p in (root / "fr").glob("*.txt")}
    names = re.compile(r"\{(\w*)")
    for folder in (path for path in root.iterdir() if path.is_dir()):
        found = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
        assert set(found) == set(french), folder.name
        for name, text in found.items():
            assert set(names.findall(text)) == set(names.findall(french[name])), (folder, name)
            assert text.endswith("\n") and "\n" not in text[:-1], (folder, name)


def test_a_letter_can_be_worded_in_another_language_than_the_interface() -> None:
    from amazon_reclamation import i18n
    from amazon_reclamation.texts.letters import render_letter, render_note

    plan = plan_letter(_damaged(), TODAY)
    letter = render_letter(plan, "nl")
    # The Dutch templates, with the dates of the letter's language.
    assert "uiterlijk op 7 december 2026" in letter
    assert i18n.current_language() == "fr"
    assert "jusqu'au 7 décembre 2026" in render_note(plan)
    assert "au plus tard le 7 décembre 2026" in render_letter(plan)


@pytest.mark.parametrize(
    ("charged", "closed", "sentence"),
    [
        (date(2026, 10, 30), "holiday", "Le 25 décembre 2026 est un jour férié"),
        (date(2026, 10, 3), "saturday", "Le 28 novembre 2026 est un samedi"),
        (date(2026, 10, 20), None, None),
    ],
)
def test_the_letter_note_says_when_the_sepa_refund_ends_on_a_day_off(
    charged: date, closed: str | None, sentence: str | None
) -> None:
    # Arrange
    from amazon_reclamation.texts.letters import formal_notice_parts

    debit = complaint(
        category="billing",
        seller={"kind": "amazon"},
        facts={
            "billing_problem": "unknown_charge",
            "payment_method": "sepa_direct_debit",
            "charge_date": charged,
        },
    )

    # Act
    plan = plan_letter(debit, TODAY)
    note, _letter = formal_notice_parts(debit, TODAY)

    # Assert: said right after the refund to ask now; the date itself is not moved.
    assert not isinstance(plan, LetterRefused)
    ids = [n.id for n in plan.notes]
    end = period_of("sepa_refund").after(charged)
    if closed is None:
        assert "sepa_refund_day_off" not in ids
        return
    assert ids[ids.index("sepa_refund_now") + 1] == "sepa_refund_day_off"
    assert dict(plan.notes[ids.index("sepa_refund_day_off")].params) == {
        "date": end,
        "why": closed,
    }
    assert f"{sentence} : faites votre demande à la banque avant ce jour." in note


def test_a_wrong_direct_debit_letter_says_to_ask_the_bank_first_while_it_can() -> None:
    # Arrange: 60 € debited by direct debit on 4 October for an order of 49,99 €.
    wrong = complaint(
        category="billing",
        seller={"kind": "amazon"},
        delivery_date=None,
        facts={
            "billing_problem": "wrong_amount",
            "amount_charged": Decimal("60.00"),
            "amount_expected": Decimal("49.99"),
            "payment_method": "sepa_direct_debit",
            "charge_date": date(2026, 10, 4),
        },
    )

    # Act
    running = plan_letter(wrong, TODAY)
    over = plan_letter(wrong, date(2026, 12, 1))

    # Assert: with its last day (a Sunday), then nothing once the 8 weeks are over.
    assert not isinstance(running, LetterRefused) and not isinstance(over, LetterRefused)
    notes = {n.id: dict(n.params) for n in running.notes}
    assert notes["sepa_refund_now"] == {
        "date": date(2026, 11, 29),
        "period": Period(8, "weeks"),
        "order_amount": Decimal("49.99"),
    }
    assert notes["sepa_refund_day_off"] == {"date": date(2026, 11, 29), "why": "sunday"}
    assert not {"sepa_refund_now", "sepa_refund_day_off"} & {n.id for n in over.notes}
