"""Dates and amounts written the way each language writes them (Babel, imported lazily)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from amazon_reclamation.i18n import _, babel_locale, current_language

# Belgian usage writes the euro after the amount in Dutch too ("12,99 €", as in French and
# German), where CLDR's nl_BE puts it first; English is Ireland's ("€12.99").
_AMOUNT_PATTERNS = {"nl": "#,##0.00\u00a0¤"}


def short_date(value: date | None) -> str:
    """DD/MM/YYYY, the Belgian habit in all four languages; "?" when unknown."""
    # Not strftime: `due` writes tens of thousands of dates (the same text, 8x faster).
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else "?"


def long_date(value: date) -> str:
    """ "12 novembre 2026" / "12 november 2026" / "12. November 2026" / "12 November 2026"."""
    from babel.dates import format_date

    text = str(format_date(value, format="long", locale=babel_locale()))
    if value.day == 1 and current_language() == "fr":
        text = "1er" + text[1:]  # French writes the first of the month "1er"
    return text


def date_time(value: datetime, *, with_time: bool = True) -> str:
    """DD/MM/YYYY HH:MM in local time (or the day alone when the time is not known)."""
    if not with_time:
        return value.strftime("%d/%m/%Y")
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


def money(value: Decimal | None) -> str:
    """ "49,99 €" in French, Dutch and German, "€49.99" in English; "inconnu" when unknown."""
    if value is None:
        return unknown()
    from babel.numbers import format_currency

    pattern = _AMOUNT_PATTERNS.get(current_language())
    return str(format_currency(value, "EUR", format=pattern, locale=babel_locale()))


def grouped(number: int | Decimal) -> str:
    """A whole number with the language's thousands separator: "5 000", "5.000", "5,000"."""
    from babel.numbers import format_decimal

    return str(format_decimal(number, locale=babel_locale()))


def file_size(size: int) -> str:
    """A file's size as people read it: "830 octets", "12 Ko", "2,4 Mo" (1 Ko = 1024 octets)."""
    from amazon_reclamation.i18n import ngettext

    if size < 1024:
        return ngettext("{n} octet", "{n} octets", size).format(n=size)
    if size < 1024 * 1024:
        return _("{size} Ko").format(size=grouped(round(size / 1024)))
    megabytes = Decimal(size) / (1024 * 1024)
    return _("{size} Mo").format(size=grouped(megabytes.quantize(Decimal("0.1"))))


def whole_euros(amount: int) -> str:
    """A round sum in euros without cents, as a limit is written: "5 000 €", "€5,000"."""
    return _("{amount} €").format(amount=grouped(amount))


def days(count: int) -> str:
    """ "1 jour", "5 jours"."""
    from amazon_reclamation.i18n import ngettext

    return ngettext("{n} jour", "{n} jours", count).format(n=count)


def unknown() -> str:
    """The word shown for a fact that was not given."""
    return _("inconnu")
