"""Lists joined the way each language joins them (Babel's `format_list`, imported lazily)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from amazon_reclamation.i18n import babel_locale, current_language

if TYPE_CHECKING:
    from collections.abc import Sequence

ListStyle = Literal["standard", "or", "unit", "standard-short", "or-short"]

# The last joining word of a "standard" list as CLDR (Babel) has it ("a, b et c"): those
# lists then need no locale data; tests/test_fmt.py compares them with Babel.
_AND = {"fr": "et", "nl": "en", "de": "und", "en": "and"}


def join_list(items: Sequence[str], style: ListStyle = "standard") -> str:
    """ "a, b et c" in French, "a, b en c" in Dutch, "a, b and c" in (Irish) English."""
    if len(items) <= 1:
        # What format_list gives too, without loading Babel's locale data (about 20 ms of
        # start-up on the commands that show a single missing fact or body).
        return items[0] if items else ""
    word = _AND.get(current_language()) if style == "standard" else None
    if word is not None:
        return f"{', '.join(items[:-1])} {word} {items[-1]}"
    from babel.lists import format_list

    return str(format_list(list(items), style=style, locale=babel_locale()))
