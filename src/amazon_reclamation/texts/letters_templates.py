"""The letter templates of one language, and how values fill them.

A template is a plain-text file `templates/letters/<lang>/<id>.txt` with `{named}`
placeholders (`str.format` syntax), read with `importlib.resources`. A language without
its own templates uses the French ones. Values are formatted before they fill a
template: a date is written long ("12 novembre 2026"), or short with `{date:short}`; a
`Decimal` is an amount in euros; a `Period` is worded from `period.<unit>.<form>`
(`{period:words}` spells a small count from `number.<n>`: "deux ans"). A
value of `None` is a fact the user did not give: the template `missing.<name>` takes
its place (for instance "[montant payé]").

Plurals: when `<id>.txt` does not exist, the template is `<id>.<form>.txt`, the CLDR
plural form ("one", "other", ...) of the value `n` in the template's language. Lists:
`join()` uses the patterns `list.<style>.2|start|middle|end` when the language defines
them, else Babel's `format_list` in that style.
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from amazon_reclamation import fmt
from amazon_reclamation.i18n import BABEL_LOCALES as _BABEL_LOCALES
from amazon_reclamation.i18n import french_spacing
from amazon_reclamation.i18n import in_language as in_language
from amazon_reclamation.knowledge.periods import Period

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

_PACKAGE = "amazon_reclamation.texts"
# A letter says "14 jours" for calendar days too: the templates of each unit.
_PERIOD_TEMPLATE = {
    "days": "day",
    "calendar_days": "day",
    "business_days": "business_day",
    "weeks": "week",
    "months": "month",
    "years": "year",
}


def template_language(lang: str) -> str:
    """The language whose templates word a letter in `lang`: its own, else French."""
    folder = resources.files(_PACKAGE).joinpath("templates", "letters", lang)
    return lang if folder.is_dir() else "fr"


@cache
def _read(lang: str, template_id: str) -> str | None:
    path = resources.files(_PACKAGE).joinpath("templates", "letters", lang, f"{template_id}.txt")
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8").rstrip("\n")
    return french_spacing(text) if lang == "fr" else text


class _Formatter(string.Formatter):
    def __init__(self, templates: Templates) -> None:
        super().__init__()
        self._templates = templates

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        value = super().get_value(key, args, kwargs)
        if value is None and isinstance(key, str):
            return self._templates.raw(f"missing.{key}")
        return value

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, dt.date):
            return fmt.short_date(value) if format_spec == "short" else fmt.long_date(value)
        if isinstance(value, Decimal):
            return fmt.money(value)
        if isinstance(value, Period):
            return self._templates.period(value, words=format_spec == "words")
        if isinstance(value, str) and format_spec in ("short", "words"):
            return value  # a missing value's placeholder ("[date]") takes no date format
        return str(super().format_field(value, format_spec))


class Templates:
    """The templates of one language (French when the language has none)."""

    def __init__(self, lang: str) -> None:
        self.lang = template_language(lang)
        self._formatter = _Formatter(self)

    def plural_form(self, n: int) -> str:
        """The CLDR plural form of `n` in the templates' language: "one", "other"..."""
        from babel import Locale

        return str(Locale.parse(_BABEL_LOCALES[self.lang]).plural_form(n))

    def raw(self, template_id: str, n: int | None = None) -> str:
        """The template text, or its plural variant for `n`."""
        text = _read(self.lang, template_id)
        if text is None and n is not None:
            text = _read(self.lang, f"{template_id}.{self.plural_form(n)}")
            text = text if text is not None else _read(self.lang, f"{template_id}.other")
        if text is None:
            raise LookupError(f"no letter template {template_id!r} for {self.lang!r}")
        return text

    def has(self, template_id: str) -> bool:
        """True when the language has this template."""
        return _read(self.lang, template_id) is not None

    def text(self, template_id: str, **params: object) -> str:
        """The template filled with the values, each formatted (None: a placeholder)."""
        count = params.get("n")
        raw = self.raw(template_id, count if isinstance(count, int) else None)
        return self._formatter.format(raw, **params)

    def period(self, value: Period, *, words: bool = False) -> str:
        """ "30 jours", "8 semaines"; with `words`, "deux ans" when `number.<n>` exists."""
        n = value.count
        raw = self.raw(f"period.{_PERIOD_TEMPLATE[value.unit]}", n)
        count = self.raw(f"number.{n}") if words and self.has(f"number.{n}") else str(n)
        return raw.format(n=count)

    def join(self, items: Sequence[str], style: str) -> str:
        """The items as one list: the language's `list.<style>` patterns, else Babel's."""
        if not items:
            return ""
        if not self.has(f"list.{style}.2"):
            from babel.lists import format_list

            babel_style = cast("Any", style)  # one of Babel's list styles, such as "or"
            return str(
                format_list(list(items), style=babel_style, locale=_BABEL_LOCALES[self.lang])
            )
        if len(items) == 1:
            return items[0]
        if len(items) == 2:
            return self.raw(f"list.{style}.2").format(items[0], items[1])
        text = self.raw(f"list.{style}.end").format(items[-2], items[-1])
        for item in reversed(items[1:-2]):
            text = self.raw(f"list.{style}.middle").format(item, text)
        return self.raw(f"list.{style}.start").format(items[0], text)
