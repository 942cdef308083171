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
    # Not strftime, and each day written once: `due` writes tens of thousands of dates
    # (a few hundred different days).
    if not value:
        return "?"
    text = _SHORT_DATES.get(value)
    if text is None:
        text = _SHORT_DATES[value] = f"{value.day:02d}/{value.month:02d}/{value.year}"
    return text


_SHORT_DATES: dict[date, str] = {}


# What Babel writes for these locales (CLDR), kept here so that showing one complaint does
# not load Babel's locale data (~15 ms); tests/test_fmt.py compares them with Babel.
_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}
_LONG_DATES = {"fr": "{d} {m} {y}", "nl": "{d} {m} {y}", "de": "{d}. {m} {y}", "en": "{d} {m} {y}"}
# Thousands separator, decimal mark, and where the euro goes.
_AMOUNTS = {
    "fr": ("\u202f", ",", "{n}\u00a0€"),
    "nl": (".", ",", "{n}\u00a0€"),
    "de": (".", ",", "{n}\u00a0€"),
    "en": (",", ".", "€{n}"),
}


def long_date(value: date) -> str:
    """ "12 novembre 2026" / "12 november 2026" / "12. November 2026" / "12 November 2026"."""
    language = current_language()
    if language in _LONG_DATES:
        month = _MONTHS[language].split()[value.month - 1]
        text = _LONG_DATES[language].format(d=value.day, m=month, y=value.year)
    else:
        from babel.dates import format_date

        text = str(format_date(value, format="long", locale=babel_locale()))
    if value.day == 1 and current_language() == "fr":
        text = "1er" + text[1:]  # French writes the first of the month "1er"
    return text


def date_time(value: datetime, *, with_time: bool = True, local: bool = True) -> str:
    """DD/MM/YYYY HH:MM in local time (or the day alone when the time is not known).

    `local=False` keeps the time as it was recorded (with the offset stored with it): a
    document then reads the same on any machine.
    """
    if not with_time:
        return value.strftime("%d/%m/%Y")
    return (value.astimezone() if local else value).strftime("%d/%m/%Y %H:%M")


def money(value: Decimal | None) -> str:
    """ "49,99 €" in French, Dutch and German, "€49.99" in English; "inconnu" when unknown."""
    if value is None:
        return unknown()
    written = _AMOUNTS.get(current_language())
    cents = value.quantize(Decimal("0.01"), rounding="ROUND_HALF_EVEN") if value.is_finite() else 0
    if written is not None and cents:  # Babel for the rest (a zero says its sign its way)
        group, mark, where = written
        whole, fraction = f"{abs(cents):f}".split(".")
        number = f"{int(whole):,}".replace(",", group) + mark + fraction
        return ("-" if cents < 0 else "") + where.format(n=number)
    from babel.numbers import format_currency

    pattern = _AMOUNT_PATTERNS.get(current_language())
    return str(format_currency(value, "EUR", format=pattern, locale=babel_locale()))


def grouped(number: int | Decimal) -> str:
    """A whole number with the language's thousands separator: "5 000", "5.000", "5,000"."""
    written = _AMOUNTS.get(current_language())
    if written is not None and isinstance(number, int) and not isinstance(number, bool):
        return f"{number:,}".replace(",", written[0])
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

    return ngettext("{n} jour", "{n} jours", count).format(n=grouped(count))


def unknown() -> str:
    """The word shown for a fact that was not given."""
    return _("inconnu")
