"""One translation function for every user-facing string, and the choice of the language.

The source strings are French (amazon.com.be's default language), so French needs no
catalogue; Dutch, German and English are gettext catalogues compiled under `locale/`.
Strings defined at import time are marked with `N_` and translated with `_` when shown.
The command line picks the language before its modules load (`choose_language`), so
that their help texts are already in it.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "nl", "de", "en")
DOMAIN = "reclam"
LOCALE_DIR = Path(__file__).parent / "locale"
# The Babel locale of each language: Belgian usage, and English as used in Europe.
BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "de": "de_BE", "en": "en_IE"}
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# Each language by its own name, as language menus show them (never translated).
AUTONYMS = {"fr": "français", "nl": "Nederlands", "de": "Deutsch", "en": "English"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "fr"


@dataclass(frozen=True)
class Choice:
    """The language of a run and why: "option", "env", "saved", "locale" or "default".

    `detail` names what decided: the variable and its value for the locale.
    """

    language: str
    source: str
    detail: str = ""


def language_of_locale(value: str) -> str | None:
    """ "nl_BE.UTF-8" → "nl"; None for "C", "POSIX" or a language reclam does not speak."""
    code = value.strip().lower()[:2]
    return code if code in LANGUAGES else None


def choose_language(option: str | None = None, saved: str | None = None) -> Choice:
    """`--lang`, else RECLAM_LANG, else the saved preference, else the locale, else French.

    The locale is the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX reads
    them (LC_ALL=C means no language, even with LANG=nl_BE).
    """
    if option in LANGUAGES:
        return Choice(option, "option")
    env = os.environ.get("RECLAM_LANG", "").strip().lower()
    if env in LANGUAGES:
        return Choice(env, "env", f"RECLAM_LANG={env}")
    if saved in LANGUAGES:
        return Choice(saved, "saved")
    for var in LOCALE_VARIABLES:
        value = os.environ.get(var, "")
        if value:
            found = language_of_locale(value)
            if found is not None:
                return Choice(found, "locale", f"{var}={value}")
            break
    return Choice("fr", "default")


def catalogue_path(language: str) -> Path:
    """Where the compiled catalogue of `language` is."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language`.

    A language other than French without its compiled catalogue is a broken install,
    not a reason to show French: `FileNotFoundError` says which file is missing.
    """
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if language == "fr":
        _translation = gettext.NullTranslations()
    else:
        _translation = _load(language)
    _language = language


_loaded: dict[tuple[Path, str], gettext.NullTranslations] = {}


def _load(language: str) -> gettext.NullTranslations:
    key = (LOCALE_DIR, language)
    if key not in _loaded:
        with catalogue_path(language).open("rb") as handle:
            _loaded[key] = gettext.GNUTranslations(handle)
    return _loaded[key]


def has_catalogue(language: str) -> bool:
    """True when `language` is French (the source) or has a compiled catalogue."""
    return language == "fr" or catalogue_path(language).is_file()


def current_language() -> str:
    """The language in use ("fr", "nl", "de" or "en")."""
    return _language


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Translate (and format dates and amounts) in `language` for the duration of the block."""
    previous = _language
    if language == previous:
        yield
        return
    set_language(language)
    try:
        yield
    finally:
        set_language(previous)


def babel_locale(language: str | None = None) -> str:
    """The Babel locale for dates and amounts: the Belgian variant of each language."""
    return BABEL_LOCALES[language or _language]


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
