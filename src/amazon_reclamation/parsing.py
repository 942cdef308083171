"""Parse what a person types: order numbers, dates, amounts, countries, free text.

Pure functions. Each raises `InvalidInput` with a message that says what is expected,
so the same checks serve the wizard's validators and the command-line options.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from amazon_reclamation import fmt
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import _

ORDER_EXAMPLE = "123-1234567-1234567"
_ORDER_RE = re.compile(r"^(\d{3}|D\d{2})-(\d{7})-(\d{7})$", re.ASCII)
_BARE_ORDER_RE = re.compile(r"^\d{17}$", re.ASCII)
_DMY_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", re.ASCII)
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_TIME_RE = re.compile(r"^(\d{1,2})[:hH.](\d{2})$", re.ASCII)
# Whole part (plain, or in groups of three after a space, dot or comma), then an
# optional decimal part of one or two digits.
_AMOUNT_RE = re.compile(r"(\d{1,3}(?:([ .,])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d{1,2}))?", re.ASCII)
MAX_AMOUNT = Decimal("1000000")
# Codes CLDR lists as territories that are not countries a seller can be based in.
_NOT_COUNTRIES = frozenset({"ZZ", "UN", "EU", "EZ", "QO", "XA", "XB", "AQ"})

# Words for today and yesterday in the four languages, lower-case, apostrophes folded.
_RELATIVE_DAYS = {
    "aujourd'hui": 0,
    "aujourdhui": 0,
    "auj": 0,
    "vandaag": 0,
    "heute": 0,
    "today": 0,
    "hier": 1,
    "gisteren": 1,
    "gestern": 1,
    "yesterday": 1,
    "avant-hier": 2,
    "eergisteren": 2,
    "vorgestern": 2,
}


def clean_text(text: str) -> str:
    """Drop control characters (terminal escapes included) but keep lines and tabs."""
    if text.isprintable():
        return text.strip()  # no character of category C (the common case, checked in C)
    kept = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char in "\n\t" or unicodedata.category(char)[0] != "C":
            kept.append(char)
    return "".join(kept).strip()


def shown(text: str, limit: int = 40) -> str:
    """A typed value as it may appear inside a one-line message: no controls, no newlines."""
    flat = " ".join(clean_text(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parse_order_number(text: str) -> str:
    """Normalise an Amazon order number to the 3-7-7 form, or refuse it."""
    # NFKC turns full-width digits (some keyboards) into ASCII; other scripts' digits
    # are refused (re.ASCII), so a stored order number is always plain ASCII.
    value = unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "")
    if _BARE_ORDER_RE.match(value):
        value = f"{value[:3]}-{value[3:10]}-{value[10:]}"
    if not _ORDER_RE.match(value):
        raise InvalidInput(
            _("« {value} » n'est pas un numéro de commande Amazon (attendu : {example}).").format(
                value=shown(text, 20), example=ORDER_EXAMPLE
            )
        )
    return value


def looks_like_order_number(text: str) -> bool:
    """True when `text` parses as an order number."""
    try:
        parse_order_number(text)
    except InvalidInput:
        return False
    return True


def parse_date(text: str, today: date) -> date:
    """Parse DD/MM/YYYY, YYYY-MM-DD or today/yesterday in FR, NL, DE or EN."""
    value = unicodedata.normalize("NFKC", text).strip().lower().replace("’", "'")
    if value in _RELATIVE_DAYS:
        return today - timedelta(days=_RELATIVE_DAYS[value])
    match = _DMY_RE.match(value)
    parts: tuple[int, int, int] | None = None
    if match:
        parts = (int(match[3]), int(match[2]), int(match[1]))
    elif match := _ISO_RE.match(value):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    if parts is not None:
        try:
            return date(*parts)
        except ValueError:
            pass
    raise InvalidInput(
        _(
            "« {value} » n'est pas une date ; attendu JJ/MM/AAAA, « aujourd'hui » ou « hier »."
        ).format(value=shown(text, 20))
    )


def parse_past_date(text: str, today: date) -> date:
    """A date that is not in the future."""
    parsed = parse_date(text, today)
    if parsed > today:
        raise InvalidInput(
            _(
                "Le {date} n'est pas encore passé ; indiquez une date passée ou celle "
                "d'aujourd'hui."
            ).format(date=parsed.strftime("%d/%m/%Y"))
        )
    return parsed


class Moment(NamedTuple):
    """When a contact took place; `has_time` is False when only the day is known."""

    at: datetime
    has_time: bool

    def __str__(self) -> str:
        return self.at.strftime("%d/%m/%Y %H:%M" if self.has_time else "%d/%m/%Y")


def parse_moment(text: str, now: datetime) -> Moment:
    """A date, or a date and a time (HH:MM), not in the future; local time.

    A past day without a time keeps no invented hour: the log is evidence. "Today"
    without a time means now.
    """
    value = text.strip()
    day_part, _sep, time_part = value.replace("T", " ").partition(" ")
    day = parse_date(day_part, now.date())
    if time_part.strip():
        match = _TIME_RE.match(time_part.strip())
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise InvalidInput(
                _(
                    "« {value} » n'est pas une heure valable ; attendu HH:MM, par exemple 14:30."
                ).format(value=shown(time_part, 20))
            )
        moment = datetime(day.year, day.month, day.day, int(match[1]), int(match[2]))
        result = Moment(moment.replace(tzinfo=now.tzinfo), has_time=True)
    elif day == now.date():
        result = Moment(now, has_time=True)
    else:
        result = Moment(datetime(day.year, day.month, day.day, tzinfo=now.tzinfo), has_time=False)
    if result.at > now:
        raise InvalidInput(
            _(
                "Le {moment} n'est pas encore passé ; un contact ne peut pas être daté plus tard "
                "que maintenant."
            ).format(moment=result)
        )
    return result


def _ambiguous_amount(text: str, whole: str, separator: str) -> InvalidInput:
    """ "49.999" or "1,234": thousands, or a decimal part of three digits? Both are shown."""
    head, tail = whole.split(separator)
    return InvalidInput(
        _(
            "« {value} » est ambigu : {thousands} € ou {head},{tail} € ? Écrivez {plain} "
            "pour {thousands} €, ou un montant à deux décimales au plus, comme 12,99."
        ).format(
            value=shown(text),
            thousands=fmt.grouped(int(head + tail)),
            head=head,
            tail=tail,
            plain=head + tail,
        )
    )


def parse_amount(text: str) -> Decimal:
    """Parse a positive amount in euros: 12,99 or 12.99, with or without €, EUR.

    Thousands may be grouped ("1 234,56", "1.234,56"), but "1,234", "49.999" or "0,001"
    is refused rather than guessed: a wrong amount in a complaint is worse than a retry.
    """
    value = unicodedata.normalize("NFKC", text).replace("\u00a0", " ").replace("€", " ")
    value = re.sub(r"(?i)\beur(os?)?\b", " ", value).strip()
    match = _AMOUNT_RE.fullmatch(value)
    amount: Decimal | None = None
    if match:
        whole, thousands, decimal_sep, decimals = match.group(1, 2, 3, 4)
        misgrouped = bool(thousands) and (thousands == decimal_sep or whole.startswith("0"))
        # One dot or comma then three digits, and nothing after: "1,234" may be 1,23
        # typed badly (the Belgian decimal comma), "49.999" 49,999 € or 49 999 €.
        if thousands in (",", ".") and whole.count(thousands) == 1 and not decimal_sep:
            if not misgrouped:
                raise _ambiguous_amount(text, whole, thousands)
        elif not misgrouped:
            digits = whole.replace(thousands, "") if thousands else whole
            amount = Decimal(f"{digits}.{decimals or '0'}")
    if amount is None:
        raise InvalidInput(
            _(
                "« {value} » n'est pas un montant clair ; attendu un montant en euros "
                "comme 12,99 ou 1 234,56 €."
            ).format(value=shown(text))
        )
    if amount <= 0:
        raise InvalidInput(
            _("Le montant doit être positif (plus de 0 €) ; « {value} » ne l'est pas.").format(
                value=shown(text)
            )
        )
    if amount > MAX_AMOUNT:
        raise InvalidInput(
            _("« {value} » dépasse {maximum} € : vérifiez le montant.").format(
                value=shown(text), maximum="1 000 000"
            )
        )
    return amount.quantize(Decimal("0.01"))


def _folded(name: str) -> str:
    """A country name compared without case, accents, hyphens or dots: "Pays-Bas" = "pays bas"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-'’.,()]", " ", letters).split())


# Names people use that CLDR does not list as a territory's name.
_COUNTRY_ALIASES = {
    "uk": "GB",
    "angleterre": "GB",
    "england": "GB",
    "engeland": "GB",
    "hollande": "NL",
    "holland": "NL",
    "usa": "US",
}


@functools.cache
def _country_names() -> dict[str, str]:
    """Country names in French, Dutch, German and English (Babel's), folded, to codes."""
    from babel import Locale

    names = dict(_COUNTRY_ALIASES)
    for lang in ("en", "de", "nl", "fr"):
        for code, name in Locale(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                names.setdefault(_folded(name), code)
    return names


def parse_country(text: str) -> str:
    """An ISO 3166 two-letter code, upper-case, from a code or a country's name.

    Names are read in French, Dutch, German and English: "Belgique", "België",
    "Deutschland", "Chine" ...
    """
    value = text.strip().upper()
    if value == "UK":
        value = "GB"
    from babel import Locale

    if len(value) == 2 and value in Locale("en").territories and value not in _NOT_COUNTRIES:
        return value
    code = _country_names().get(_folded(text)) if len(value) > 2 else None
    if code is None:
        raise InvalidInput(
            _(
                "« {value} » n'est pas un pays reconnu ; attendu son nom (Belgique, Chine …) "
                "ou un code à deux lettres comme BE, LU, FR, DE ou CN."
            ).format(value=shown(text, 30))
        )
    return code


def parse_text(text: str, *, max_length: int = 5000) -> str | None:
    """Free text, cleaned of control characters; empty gives None."""
    value = clean_text(text)
    if len(value) > max_length:
        raise InvalidInput(
            _("Le texte est trop long ({length} caractères) ; maximum {maximum}.").format(
                length=len(value), maximum=max_length
            )
        )
    return value or None
