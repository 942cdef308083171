"""The knowledge data: rule ids, sources, markers, and docs/rules.md generated from it.

Regenerate docs/rules.md after changing a rule:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rules.py
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from amazon_reclamation.i18n import _
from amazon_reclamation.knowledge.rules import (
    DEADLINE_IDS,
    KIND_LABEL,
    RULES,
    RULES_BY_ID,
    Rule,
    rule_for,
    rules_for,
    rules_markdown,
)
from amazon_reclamation.models import Complaint, Facts, Seller

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

EXPECTED_DEADLINE_IDS = {
    "withdrawal",
    "refund_after_withdrawal",
    "legal_guarantee",
    "defect_notice",
    "delivery",
    "atoz_claim",
    "sepa_refund",
    "unauthorised_payment",
    "seller_feedback",
}


def _texts(rule: Rule) -> list[str]:
    values = [rule.title, rule.short, rule.statement, rule.period, rule.starts, rule.reference]
    values.append(rule.note)
    return [_(v) for v in values if v]


def test_docs_rules_md_is_generated_from_the_data() -> None:
    expected = rules_markdown()
    if os.environ.get("RECLAM_UPDATE_SNAPSHOTS") == "1":
        DOCS.write_text(expected, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md differs from rules_markdown(); regenerate it with "
        "RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rules.py"
    )


def test_deadline_ids_are_the_stable_ones() -> None:
    assert set(DEADLINE_IDS) == EXPECTED_DEADLINE_IDS


def test_ids_are_unique_and_indexed() -> None:
    assert len(RULES_BY_ID) == len(RULES)
    assert all(RULES_BY_ID[rule.id] is rule for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_sources_and_a_consistent_kind(rule: Rule) -> None:
    assert rule.sources
    assert all(url.startswith(("https://", "http://")) for url in rule.sources)
    assert rule.source == rule.sources[0]
    if rule.kind == "amazon_policy":
        # Amazon's rules were read on other Amazon sites only: never "verified" for .com.be.
        assert rule.marker == "verified_2nd"
        assert rule.reference is None
        assert "amazon.com.be" in _(rule.note or "")
    if rule.deadline:
        assert rule.period and rule.starts


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_no_rule_cites_closed_or_unverified_things(rule: Rule) -> None:
    for text in _texts(rule):
        assert "ODR" not in text
        assert "Point de contact" not in text
        assert "VI.44" not in text  # the Belgian number for passing of risk is unverified


def test_markdown_lists_every_rule_with_all_its_sources() -> None:
    text = rules_markdown()
    for rule in RULES:
        assert f"(`{rule.id}`)" in text
        for url in rule.sources:
            assert f"<{url}>" in text
    assert "politique d'Amazon (peut changer)" in text


def _complaint(
    category: str,
    kind: str | None,
    order_date: date = date(2026, 10, 1),
    payment_method: str | None = None,
) -> Complaint:
    return Complaint(
        id="r1",
        created_at=datetime(2026, 11, 1, tzinfo=UTC),
        category=category,
        order_number="123-1234567-1234567",
        order_date=order_date,
        seller=Seller(kind=kind),
        facts=Facts(payment_method=payment_method),
    )


@pytest.mark.parametrize(
    ("category", "kind", "present", "absent"),
    [
        ("damaged", "amazon", {"legal_guarantee", "defect_notice"}, {"atoz_claim", "delivery"}),
        ("damaged", "marketplace", {"legal_guarantee", "atoz_claim", "seller_feedback"}, set()),
        ("late", "amazon", {"delivery", "risk_in_transit"}, {"withdrawal", "legal_guarantee"}),
        ("billing", "marketplace", {"sepa_refund", "pre_ticked_boxes"}, {"atoz_claim"}),
        ("refund", None, {"refund_after_withdrawal", "atoz_claim"}, {"delivery"}),
    ],
)
def test_rules_for_a_complaint(
    category: str, kind: str | None, present: set[str], absent: set[str]
) -> None:
    ids = {rule.id for rule in rules_for(_complaint(category, kind))}
    assert present <= ids
    assert not absent & ids


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "law"], ids=lambda r: r.id)
def test_every_law_says_where_it_comes_from(rule: Rule) -> None:
    # A bare "loi" tells the user nothing: an article, or who states the rule.
    assert rule.reference


def test_undisclosed_charges_cite_the_spf_economie_without_inventing_an_article() -> None:
    rule = RULES_BY_ID["undisclosed_charges"]
    reference = _(rule.reference or "")
    assert "SPF Economie" in reference
    assert "art." not in reference
    assert rule.source.startswith("https://economie.fgov.be/")
    assert f"{_(KIND_LABEL['law'])} — {reference}" in rules_markdown()


@pytest.mark.parametrize(
    ("ordered", "amended"),
    [(date(2022, 5, 31), False), (date(2022, 6, 1), True), (date(2026, 10, 1), True)],
)
def test_rules_for_a_contract_before_the_reform_cite_the_older_version(
    ordered: date, amended: bool
) -> None:
    rules = {r.id: r for r in rules_for(_complaint("damaged", "amazon", ordered))}
    texts = " ".join(_texts(rules["legal_guarantee"]) + _texts(rules["guarantee_presumption"]))
    assert ("modifiés par la loi du 20 mars 2022" in texts) == amended
    assert ("antérieure à la loi du 20 mars 2022" in texts) == (not amended)
    presumption = _(rules["guarantee_presumption"].statement)
    assert ("6 mois de la livraison" in presumption) == (not amended)
    # The data itself, and so docs/rules.md, keep the current rule.
    assert rule_for("legal_guarantee") is RULES_BY_ID["legal_guarantee"]


@pytest.mark.parametrize(
    ("method", "card_stop"),
    [(None, True), ("card", True), ("debit_card", True), ("sepa_direct_debit", False)],
)
def test_card_stop_is_not_shown_for_a_direct_debit(method: str | None, card_stop: bool) -> None:
    rules = {r.id: r for r in rules_for(_complaint("billing", "amazon", payment_method=method))}
    assert ("Card Stop" in " ".join(_texts(rules["unauthorised_payment"]))) == card_stop


@pytest.mark.parametrize(
    ("problem", "fee_rules"),
    [(None, True), ("unannounced_fee", True), ("wrong_amount", True), ("unknown_charge", False)],
)
def test_an_unknown_debit_lists_no_fee_rules(problem: str | None, fee_rules: bool) -> None:
    complaint = _complaint("billing", "amazon")
    complaint.facts.billing_problem = problem  # type: ignore[assignment]
    ids = {rule.id for rule in rules_for(complaint)}
    assert ({"undisclosed_charges", "pre_ticked_boxes"} <= ids) == fee_rules
    assert "unauthorised_payment" in ids


def test_risk_in_transit_cites_the_directive_as_the_origin_of_the_rule() -> None:
    assert _(RULES_BY_ID["risk_in_transit"].reference or "").startswith("règle de l'art. 20")
