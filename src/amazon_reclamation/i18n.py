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
from functools import cache
from pathlib import Path
from typing import NamedTuple

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


class Choice(NamedTuple):
    """The language of a run and why: "option", "env", "saved", "locale" or "default".

    `detail` names what decided: the variable and its value for the locale. (A named
    tuple: every run makes one, and a frozen dataclass costs half a millisecond to define.)
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
        _loaded[key] = MoCatalogue(catalogue_path(language).read_bytes())
    return _loaded[key]


class MoCatalogue(gettext.NullTranslations):
    """A compiled catalogue whose messages are looked up on demand.

    `gettext.GNUTranslations` decodes all thousand messages when it opens a catalogue
    (4 ms, a twentieth of `reclam --help`); a `.mo` file keeps its message ids sorted, so
    each one asked for is found by binary search instead. UTF-8 catalogues only, as Babel
    writes them.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        import struct

        order = {0x950412DE: "<", 0xDE120495: ">"}.get(struct.unpack("<I", data[:4])[0])
        if order is None:
            raise ValueError("not a compiled gettext catalogue")
        count, originals, translations = struct.unpack(order + "2x2x3I", data[4:20])[:3]
        self._data, self._count = data, count
        self._entry = struct.Struct(order + "2I")
        self._originals, self._translations = originals, translations
        header = self._translated(b"") or ""
        expression = next(
            (
                line.split("plural=", 1)[1].rstrip(";")
                for line in header.splitlines()
                if line.startswith("Plural-Forms:") and "plural=" in line
            ),
            "n != 1",
        )
        self._plural = gettext.c2py(expression)

    def _text(self, table: int, index: int) -> bytes:
        length, offset = self._entry.unpack_from(self._data, table + 8 * index)
        return self._data[offset : offset + length]

    def _translated(self, key: bytes) -> str | None:
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            found = self._text(self._originals, middle)
            if found == key:
                return self._text(self._translations, middle).decode("utf-8")
            if found < key:
                low = middle + 1
            else:
                high = middle
        return None

    def gettext(self, message: str) -> str:
        found = self._translated(message.encode("utf-8"))
        return message if found is None else found

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._translated(f"{msgid1}\x00{msgid2}".encode())
        if found is None:
            return msgid1 if n == 1 else msgid2
        forms = found.split("\x00")
        return forms[min(self._plural(n), len(forms) - 1)]


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
