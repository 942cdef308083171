"""The dossier's rights and deadlines in neutral words: the rule stated, nobody advised.

The dossier goes to ECC Belgium, a mediator or a justice of the peace: "vous pouvez vous
rétracter" or "Prévenez le vendeur" read there as advice to oneself. Each rule the dossier
can show is stated in the third person, with its legal reference and its sources.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import product
from typing import TYPE_CHECKING, get_args

import pytest

import factories
from amazon_reclamation.domain.dossier import build_dossier
from amazon_reclamation.i18n import in_language
from amazon_reclamation.ids import CATEGORIES, StepId
from amazon_reclamation.knowledge.applicable import rule_variant
from amazon_reclamation.knowledge.rules import RULES
from amazon_reclamation.texts.dossier import Entry, document, stated_words
from amazon_reclamation.texts.rules import rule_words
from amazon_reclamation.texts.rules_text import RULE_TEXTS, VARIANT_TEXTS

if TYPE_CHECKING:
    from amazon_reclamation.domain.dossier import Dossier
    from amazon_reclamation.knowledge.rules import Rule
    from amazon_reclamation.models import Complaint

TODAY = factories.TODAY
ADDRESSED = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)
# The imperatives the words for the user use ("Prévenez le vendeur", "Signalez à votre
# banque", "demandez-lui"): advice, not a rule.
ADVICE = re.compile(r"\b(Prévenez|Signalez|demandez-lui|gardez|restez)\b", re.IGNORECASE)
SELLERS = ({"kind": "amazon"}, {"kind": "marketplace", "name": "Küchenwelt", "country": "DE"}, None)
# Steps the log records, so that the rules they use (an Amazon policy among them) are shown.
USED_STEPS = ("atoz_claim", "sepa_refund", "unauthorised_payment")


def every_complaint() -> list[Complaint]:
    """Complaints of every category, seller, means of payment, before and after the reform,
    with and without an order number, each with the steps that bring the policies in."""
    contacts = [
        factories.contact(n, factories.at(18), "other", "pending", step=step)
        for n, step in enumerate(USED_STEPS, start=1)
    ]
    complaints = []
    for category, seller, method, reformed, ordered in product(
        CATEGORIES,
        SELLERS,
        (None, "card", "sepa_direct_debit", "other"),
        (True, False),
        (True, False),
    ):
        if not ordered and category != "billing":
            continue  # only a debit the user does not recognise may match no order
        order_date = date(2026, 10, 1) if reformed else date(2022, 3, 1)
        facts: dict[str, object] = {"payment_method": method}
        if reformed:
            facts["defect_discovered_date"] = date(2026, 11, 16)
        if category == "billing" and not ordered:
            facts["billing_problem"] = "unknown_charge"
        fields: dict[str, object] = {
            "category": category,
            "order_date": order_date,
            "delivery_date": date(2026, 11, 15) if reformed else date(2022, 3, 5),
            "facts": facts,
            "contacts": contacts,
        }
        if seller is not None:
            fields["seller"] = seller
        if not ordered:
            fields["order_number"] = None
        complaints.append(factories.complaint(**fields))
    return complaints


def stated_sections(dossier: Dossier, language: str = "fr") -> str:
    """The text of the dossier's deadlines and rights, in `language`, without the sources'
    web addresses (an address may hold "vos-droits")."""
    from amazon_reclamation.i18n import _

    with in_language(language):
        sections = document(dossier).sections
        titles = {_("Délais"), _("Droits et règles qui s'appliquent, avec leurs sources")}
    chosen = [section for section in sections if section.title in titles]
    assert len(chosen) == 2
    text = "\n".join(
        "\n".join([section.title, block.title, *block.lines])
        if isinstance(block, Entry)
        else str(getattr(block, "text", ""))
        for section in chosen
        for block in section.blocks
    )
    for rule in RULES:
        for url in rule.sources:
            text = text.replace(url, "")
    return text


def test_the_rights_and_deadlines_address_no_one_in_any_category() -> None:
    shown: set[tuple[str, str]] = set()
    for complaint in every_complaint():
        # Act
        dossier = build_dossier(complaint, TODAY)
        text = stated_sections(dossier)

        # Assert
        assert ADDRESSED.findall(text) == [], (complaint.category, text)
        assert ADVICE.findall(text) == [], (complaint.category, text)
        shown |= {(rule.id, rule.variant) for rule in dossier.rules}

    # Every rule the dossier can show was shown, in each of its variants
    assert {rule_id for rule_id, _variant in shown} == {r.id for r in showable()}
    assert set(VARIANT_TEXTS) <= shown


def showable() -> list[Rule]:
    """The rules a dossier can state: the law, and an Amazon policy the log can show used
    (a step of that name)."""
    steps = set(get_args(StepId))
    return [rule for rule in RULES if rule.kind == "law" or rule.id in steps]


def showable_variants() -> list[Rule]:
    """Each rule a dossier can state, in its general words and in each of its variants."""
    ids = {rule.id for rule in showable()}
    variants = [rule_variant(rule_id, variant) for rule_id, variant in VARIANT_TEXTS]
    return [rule for rule in [*RULES, *variants] if rule.id in ids]


@pytest.mark.parametrize("rule", showable_variants(), ids=lambda r: f"{r.id}-{r.variant}")
def test_each_rule_the_dossier_can_show_has_neutral_words(rule: Rule) -> None:
    with in_language("fr"):
        words = stated_words(rule)

    stated = "\n".join(part for part in (words.title, words.statement, words.starts) if part)
    assert ADDRESSED.findall(stated) == []
    assert ADVICE.findall(stated) == []


def test_the_words_for_the_user_stay_as_they_were() -> None:
    from amazon_reclamation.knowledge.rules import RULES_BY_ID

    with in_language("fr"):
        withdrawal = rule_words(RULES_BY_ID["withdrawal"])
        remedies = rule_words(RULES_BY_ID["guarantee_remedies"])

    assert withdrawal.statement.startswith("Pour un achat à distance, vous pouvez vous rétracter")
    assert remedies.title == "Ce que la garantie légale vous permet de demander"


def test_a_variant_that_rewords_the_statement_has_its_own_neutral_words() -> None:
    for (rule_id, _variant), text in VARIANT_TEXTS.items():
        general = RULE_TEXTS[rule_id]
        if text.statement != general.statement and general.legal_statement is not None:
            assert text.legal_statement not in (None, general.legal_statement)


def test_the_variants_keep_their_meaning_in_the_dossier() -> None:
    with in_language("fr"):
        if_debit = stated_words(rule_variant("sepa_refund", "if_direct_debit")).statement
        before = stated_words(rule_variant("guarantee_presumption", "pre_reform")).statement
        no_card = stated_words(rule_variant("unauthorised_payment", "not_a_card"))

    assert if_debit.startswith("Si le consommateur a payé par domiciliation : sa banque")
    assert "Contrat conclu avant le 1er juin 2022" in before and "6 mois" in before
    assert "13 mois" in no_card.statement and "Card Stop" not in (no_card.note or "")


def test_each_rule_stated_keeps_its_legal_reference_and_its_sources() -> None:
    for complaint in every_complaint()[::7]:
        dossier = build_dossier(complaint, TODAY)
        with in_language("fr"):
            sections = document(dossier).sections
            entries = {
                block.title: block.lines
                for section in sections
                if section.title.startswith("Droits et règles")
                for block in section.blocks
                if isinstance(block, Entry)
            }
            for rule in dossier.rules:
                lines = entries[stated_words(rule).title]
                reference = rule_words(rule).reference
                if rule.kind == "law":
                    assert reference is not None
                    assert f"Fondement : loi — {reference}" in lines
                else:
                    assert "Fondement : politique d'Amazon (selon ses pages d'aide)" in lines
                # The authorities' sources where the rule has one, else all of them.
                assert [f"Source : {url}" for url in rule.official_sources] == [
                    line for line in lines if line.startswith("Source : ")
                ]


def test_an_amazon_policy_is_stated_as_amazon_s_policy_not_as_law() -> None:
    claim = factories.contact(1, factories.at(18), "other", "pending", step="atoz_claim")
    complaint = factories.complaint(
        delivery_date=date(2026, 11, 15), seller=SELLERS[1], contacts=[claim]
    )

    text = stated_sections(build_dossier(complaint, TODAY))

    policy = text[text.index("Garantie A à Z d'Amazon") :]
    assert "Selon les pages d'aide d'Amazon, Amazon peut intervenir" in policy
    assert "Fondement : politique d'Amazon (selon ses pages d'aide)" in policy
    assert "attendez" not in policy and "Pas en même temps" not in policy


def test_the_guarantee_remedies_are_titled_in_the_third_person() -> None:
    complaint = factories.complaint(category="non_conforming", delivery_date=date(2026, 11, 15))

    text = stated_sections(build_dossier(complaint, TODAY))

    assert "Ce que la garantie légale permet au consommateur de demander" in text
    assert "au choix du consommateur" in text
    assert "Le consommateur n'est pas tenu de garder l'emballage d'origine" in text


# "Sie" is also "she", "it" or "they" in German (die Gefahr: sie geht über): its other forms
# only address the reader.
ADDRESSED_IN = {
    "nl": re.compile(r"\b(u|uw)\b", re.IGNORECASE),
    "de": re.compile(r"\b(Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b"),
    "en": re.compile(r"\b(you|your|yours)\b", re.IGNORECASE),
}


@pytest.mark.parametrize("language", sorted(ADDRESSED_IN))
def test_the_translated_rights_and_deadlines_address_no_one(language: str) -> None:
    for complaint in every_complaint():
        text = stated_sections(build_dossier(complaint, TODAY), language)
        assert ADDRESSED_IN[language].findall(text) == [], (complaint.category, text)
