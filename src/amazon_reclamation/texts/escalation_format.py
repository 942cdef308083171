"""Small formatters shared by the escalation wording modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import _, babel_locale, current_language
from amazon_reclamation.knowledge.bodies import LANGUAGE_SITES
from amazon_reclamation.knowledge.periods import Period
from amazon_reclamation.texts import labels
from amazon_reclamation.texts.rules import format_period

if TYPE_CHECKING:
    import datetime as dt


def day(value: dt.date | None) -> str:
    """A date as the plan writes it (DD/MM/YYYY)."""
    return fmt.short_date(value)


def channel(code: str | None) -> str:
    """The translated name of a contact channel."""
    return labels.label(labels.CHANNEL, code)


def seller(name: str | None) -> str:
    """The seller's name, or "le vendeur"."""
    return name or _("le vendeur")


def country(code: str | None) -> str:
    """ "France (FR)": the country's name in the interface language, and its code."""
    from amazon_reclamation.texts.country_names import COUNTRY_NAMES

    code = (code or "").upper()
    name = COUNTRY_NAMES.get(current_language(), {}).get(code)
    if name is None:
        from babel import Locale

        name = Locale.parse(babel_locale()).territories.get(code)
    return _("{country} ({code})").format(country=name, code=code) if name else code


def euros(amount: int | None) -> str:
    """A round limit in euros as the advice writes it: "5 000 €"."""
    return fmt.whole_euros(amount or 0)


def period(value: Period, *, words: bool = False) -> str:
    """A period of the knowledge as the advice writes it: "90 jours", "deux mois"."""
    return format_period(value, words=words)


def days(count: int | None) -> str:
    """ "90 jours": a count of days of the bodies' table."""
    return format_period(Period(count or 0, "days"))


def business_days(count: int | None) -> str:
    """ "14 jours ouvrables": a count of business days of the bodies' table."""
    return format_period(Period(count or 0, "business_days"))


def link(url: str) -> str:
    """A body's site in the reader's language, where it has one of its own."""
    return LANGUAGE_SITES.get(url, {}).get(current_language(), url)


def sentences(texts: list[str]) -> str:
    """Whole sentences one after the other, as one paragraph."""
    return " ".join(t for t in texts if t)
