"""The knowledge data: rule ids, sources, markers, and docs/rules.md generated from it.

Regenerate docs/rules.md after changing a rule:

    RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rules.py
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from amazon_reclamation.i18n import _
from amazon_reclamation.knowledge.applicable import rule_for, rules_for
from amazon_reclamation.knowledge.categories import CATEGORY_TABLE
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.knowledge.rules import (
    DEADLINE_IDS,
    RULES,
    RULES_BY_ID,
    Rule,
    named_periods,
)
from amazon_reclamation.models import CATEGORIES, Complaint
from amazon_reclamation.texts.rules import (
    KIND_LABEL,
    format_period,
    period_text,
    rule_words,
    rules_markdown,
)
from amazon_reclamation.texts.rules_text import RULE_TEXTS, VARIANT_TEXTS
from factories import complaint

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
    w = rule_words(rule)
    values = [w.title, w.short, w.statement, w.period, w.starts, w.reference, w.note]
    return [v for v in values if v]


@pytest.mark.typography  # the exact bytes: non-breaking spaces on
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
        assert rule_words(rule).reference is None
        assert "amazon.com.be" in (rule_words(rule).note or "")
    if rule.deadline:
        assert rule.period and rule.start and rule_words(rule).starts


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
    return complaint(
        category=category,
        order_date=order_date,
        seller={"kind": kind},
        facts={"payment_method": payment_method},
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
    assert rule_words(rule).reference


def test_undisclosed_charges_cite_the_spf_economie_without_inventing_an_article() -> None:
    rule = RULES_BY_ID["undisclosed_charges"]
    reference = rule_words(rule).reference or ""
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
    presumption = rule_words(rules["guarantee_presumption"]).statement
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


@pytest.mark.parametrize("order", ["123-1234567-1234567", None])
def test_a_debit_without_an_order_lists_no_withdrawal_and_no_seller_feedback(
    order: str | None,
) -> None:
    complaint = _complaint("billing", None)  # an unknown seller keeps the rules of both
    complaint.facts.billing_problem = "unknown_charge"
    complaint.order_number = order
    ids = {rule.id for rule in rules_for(complaint)}
    assert ("withdrawal" in ids) == (order is not None)
    assert ("seller_feedback" in ids) == (order is not None)
    assert "unauthorised_payment" in ids


def test_risk_in_transit_cites_the_directive_as_the_origin_of_the_rule() -> None:
    reference = rule_words(RULES_BY_ID["risk_in_transit"]).reference or ""
    assert reference.startswith("règle de l'art. 20")


# -- periods: one number, the date and the prose -------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "period", "start", "worded"),
    [
        ("withdrawal", Period(14, "calendar_days"), "delivery", "14 jours calendrier"),
        ("refund_after_withdrawal", Period(14, "days"), "return", "14 jours"),
        ("legal_guarantee", Period(2, "years"), "delivery", "2 ans"),
        ("defect_notice", Period(2, "months"), "discovery", "2 mois"),
        ("delivery", Period(30, "days"), "order", "30 jours, sauf autre date convenue"),
        ("atoz_claim", Period(90, "days"), "latest_delivery", "jusqu'à 90 jours"),
        ("sepa_refund", Period(8, "weeks"), "charge", "8 semaines"),
        (
            "unauthorised_payment",
            Period(13, "months"),
            "charge",
            "sans délai, au plus tard 13 mois",
        ),
        ("seller_feedback", Period(90, "days"), "order", "90 jours (vu sur amazon.com)"),
    ],
)
def test_each_deadline_rule_carries_its_period_and_its_start(
    rule_id: str, period: Period, start: str, worded: str
) -> None:
    rule = RULES_BY_ID[rule_id]
    assert (rule.period, rule.start) == (period, start)
    assert period_text(rule) == worded


@pytest.mark.parametrize(
    ("period", "worded"),
    [
        (Period(1, "days"), "1 jour"),
        (Period(14, "calendar_days"), "14 jours calendrier"),
        (Period(2, "business_days"), "2 jours ouvrables"),
        (Period(1, "weeks"), "1 semaine"),
        (Period(1, "months"), "1 mois"),
        (Period(1, "years"), "1 an"),
        (Period(2, "years"), "2 ans"),
    ],
)
def test_periods_are_worded_from_their_number(period: Period, worded: str) -> None:
    assert format_period(period) == worded


def test_every_placeholder_of_a_rule_text_is_a_named_period() -> None:
    names = set(named_periods())
    for words in [*RULE_TEXTS.values(), *VARIANT_TEXTS.values()]:
        for text in (words.statement, words.note, words.period_text, words.legal_statement):
            if text:
                # format_map raises KeyError on a placeholder that names no period.
                _(text).format_map({**dict.fromkeys(names, "x"), "period": "x"})
    assert "{" not in rules_markdown()


def test_every_category_has_a_table_and_every_rule_a_category() -> None:
    assert set(CATEGORY_TABLE) == set(CATEGORIES)
    covered = {rule_id for spec in CATEGORY_TABLE.values() for rule_id in spec.rules}
    assert covered == set(RULES_BY_ID)
    assert all(spec.id == category for category, spec in CATEGORY_TABLE.items())


# -- guards: deciding modules hold no wording, wording modules no fragments --------------

SRC = Path(__file__).resolve().parent.parent / "src" / "amazon_reclamation"
_WORDING = {"_", "N_", "ngettext"}


def _messages(path: Path) -> list[tuple[str, str]]:
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in _WORDING:
                first = node.args[0] if node.args else None
                text = first.value if isinstance(first, ast.Constant) else ""
                found.append((node.func.id, str(text)))
    return found


@pytest.mark.parametrize(
    "module",
    [
        "domain/deadlines.py",
        "knowledge/periods.py",
        "knowledge/categories.py",
        "knowledge/rules.py",
        "knowledge/applicable.py",
    ],
)
def test_deciding_modules_word_nothing(module: str) -> None:
    assert _messages(SRC / module) == []


@pytest.mark.parametrize(
    "module",
    [
        "texts/deadlines.py",
        "texts/rules.py",
        "texts/summary.py",
        "texts/problem.py",
        "texts/labels.py",
        "texts/rules_text.py",
    ],
)
def test_no_message_is_a_fragment(module: str) -> None:
    fragments = [
        text for _kind, text in _messages(SRC / module) if text[:1] in (" ", ",", ":", ";")
    ]
    assert fragments == []


def test_every_rule_has_its_words_and_every_variant_a_rule() -> None:
    assert set(RULE_TEXTS) == set(RULES_BY_ID)
    assert {rule_id for rule_id, _variant in VARIANT_TEXTS} <= set(RULES_BY_ID)


@pytest.mark.parametrize(
    ("method", "variant"),
    [("sepa_direct_debit", "general"), (None, "if_direct_debit"), ("card", None), ("other", None)],
)
def test_the_direct_debit_refund_follows_the_means_of_payment(
    method: str | None, variant: str | None
) -> None:
    # Arrange
    item = _complaint("billing", "amazon", payment_method=method)

    # Act
    found = {rule.id: rule.variant for rule in rules_for(item)}

    # Assert
    assert found.get("sepa_refund") == variant


def test_an_unknown_means_of_payment_words_the_direct_debit_refund_conditionally() -> None:
    from amazon_reclamation.texts.rules import rule_words

    rule = rule_for("sepa_refund", _complaint("billing", "amazon"))
    assert rule_words(rule).statement.startswith("Si vous avez payé par domiciliation : ")


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize(
    ("method", "listed"),
    [("sepa_direct_debit", True), ("card", False), ("debit_card", False), ("other", False)],
)
def test_the_sepa_refund_is_listed_for_a_direct_debit_in_every_category(
    category: str, method: str, listed: bool
) -> None:
    # A lost parcel paid by direct debit has the bank's 8 weeks as much as a wrong debit.
    ids = {r.id for r in rules_for(_complaint(category, "amazon", payment_method=method))}
    assert ("sepa_refund" in ids) == listed


@pytest.mark.parametrize("category", CATEGORIES)
def test_an_unknown_payment_method_words_the_sepa_refund_as_a_condition_only_for_a_debit(
    category: str,
) -> None:
    rules = {r.id: r for r in rules_for(_complaint(category, "amazon"))}
    if category == "billing":  # the debit is the problem: "si vous avez payé par domiciliation"
        assert "Si vous avez payé par domiciliation" in " ".join(_texts(rules["sepa_refund"]))
    else:  # a parcel or a refund: said once the method is known to be a direct debit
        assert "sepa_refund" not in rules
