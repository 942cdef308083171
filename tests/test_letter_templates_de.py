"""The German letter templates (Belgian usage): plurals, periods, lists and the formal notice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from amazon_reclamation.domain.letters import plan_letter
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.texts.letters import render_letter
from amazon_reclamation.texts.letters_templates import Templates, template_language
from factories import TODAY
from letter_cases import case


def test_german_has_its_own_templates_with_german_plural_forms() -> None:
    assert template_language("de") == "de"
    t = Templates("de")
    assert t.text("period.day", n=1) == "1 Tag"
    assert t.text("period.day", n=30) == "30 Tage"
    assert t.period(Period(10, "business_days")) == "10 Werktage"
    assert t.period(Period(2, "years"), words=True) == "zwei Jahre"
    assert t.period(Period(13, "months"), words=True) == "13 Monate"


def test_german_lists_join_actions_with_oder_and_enclosures_with_semicolons() -> None:
    t = Templates("de")
    assert t.join(["A", "B"], "actions") == "A oder B"
    assert t.join(["A", "B", "C", "D"], "actions") == "A, B, C oder D"
    assert t.join(["a", "b", "c"], "enclosures") == "a; b; c"
    # No "or" templates: Babel's German list.
    assert t.join(["X", "Y", "Z"], "or") == "X, Y oder Z"


def test_the_german_formal_notice_is_an_inverzugsetzung() -> None:
    t = Templates("de")
    subject = t.text("subject.formal_notice", order="1", date=date(2026, 10, 1))
    assert subject.startswith("Betreff: Inverzugsetzung – Bestellung Nr. 1 vom ")
    demand = t.text("demand.resolution.refund", amount=Decimal("49.99"), date=TODAY)
    assert demand.startswith("Ich setze Sie daher hiermit in Verzug und fordere Sie auf, mir den")
    missing = t.text("demand.resolution.refund", amount=None, date=TODAY)
    assert "den Betrag von [gezahlter Betrag] spätestens bis zum" in missing


def test_a_letter_worded_in_german_uses_the_german_templates() -> None:
    letter = render_letter(plan_letter(case("damaged"), TODAY), "de")
    assert "Sehr geehrte Damen und Herren," in letter
    assert "Betreff: Inverzugsetzung" in letter
    assert "Ich setze Sie daher hiermit in Verzug" in letter
    assert "Mit freundlichen Grüßen" in letter
    assert "Anlagen: " in letter
    # The templates' own French sentences are gone.
    for french in ("Objet :", "Madame, Monsieur", "mise en demeure", "Annexes :"):
        assert french not in letter
