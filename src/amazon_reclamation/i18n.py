"""One translation function for every user-facing string.

The source strings are French (amazon.com.be's default language), so French needs no
catalogue; Dutch and English are gettext catalogues under `locale/`. Strings defined at
import time are marked with `N_` and translated with `_` when shown, because the
language is only known once the options are parsed.
"""

from __future__ import annotations

import gettext
import os
import re
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "nl", "en")
DOMAIN = "reclam"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "fr"


def resolve_language(explicit: str | None = None) -> str:
    """Pick the language: `--lang`, then RECLAM_LANG, then the locale, then French."""
    if explicit in LANGUAGES:
        return explicit
    env = os.environ.get("RECLAM_LANG", "").strip().lower()
    if env in LANGUAGES:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").lower()
        if value.startswith("nl"):
            return "nl"
        if value.startswith("en"):
            return "en"
        if value.startswith("fr"):
            return "fr"
    return "fr"


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language`."""
    global _translation, _language
    _language = language if language in LANGUAGES else "fr"
    if _language == "fr":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[_language], fallback=True
        )


def has_catalogue(language: str) -> bool:
    """True when `language` is French (the source) or has a compiled catalogue."""
    return language == "fr" or (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()


def current_language() -> str:
    """The language in use ("fr", "nl" or "en")."""
    return _language


def babel_locale() -> str:
    """The Babel locale for dates and amounts: the Belgian variant of each language."""
    return {"fr": "fr_BE", "nl": "nl_BE", "en": "en_IE"}[_language]


# French puts a space before ; : ? ! and inside « »: a non-breaking one, so that a
# wrapped line never starts with a lone ";" or "»" (the source strings keep plain spaces,
# which translators read more easily).
_FRENCH_SPACE = re.compile(r" (?=[;:?!»])|(?<=«) ")


@cache
def french_spacing(text: str) -> str:
    """`text` with the spaces of French punctuation made non-breaking."""
    return _FRENCH_SPACE.sub("\u00a0", text)


def _(message: str) -> str:
    """Translate a French source string into the current language."""
    if _language == "fr":
        return french_spacing(message)
    # gettext("") is the catalogue's header, never a translation.
    return _translation.gettext(message) if message else ""


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with the plural form that fits `n`."""
    if _language == "fr":
        # French takes the singular for 0 and 1 ("0 jour"); the source has no catalogue.
        return french_spacing(singular if n <= 1 else plural)
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet."""
    return message
