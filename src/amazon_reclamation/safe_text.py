"""Text that leaves reclam clean: no terminal escapes, no bidi overrides, no lone surrogates.

Stored data may have been edited by hand or copied from anywhere; whatever it holds, a
letter file, a Markdown file or a JSON document written by reclam must not change a
terminal's title, clear a screen, hide a link or reverse the order of the words shown.
The terminal itself is protected by `render.safe`, which drops every control character.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls but line feed and tab, DEL and the C1 controls, the bidi marks, embeddings,
# overrides and isolates, the invisible separators and the byte-order mark, the
# interlinear annotations, and the surrogates (which no UTF-8 output can carry).
_INVISIBLE = "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff"
_UNSAFE_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
# json.dumps already escapes C0 controls; what it leaves raw is escaped here.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")


def clean_for_file(text: str) -> str:
    """`text` without the characters above (lines and tabs kept, \\r\\n made \\n)."""
    text = text.replace("\r\n", "\n")
    return _UNSAFE_IN_TEXT.sub("", text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_json_text(text: str) -> str:
    """JSON text with the characters above written as \\uXXXX escapes (still valid JSON)."""
    # They can only occur inside JSON strings, where an escape means the same character.
    if _UNSAFE_IN_JSON.search(text) is None:
        return text
    return _UNSAFE_IN_JSON.sub(_escape, text)


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """`data` as readable UTF-8 JSON in which nothing can act on a terminal."""
    return escape_json_text(json.dumps(data, ensure_ascii=False, indent=indent))


_NON_ASCII = re.compile("[^\x00-\x7f]")


def _ascii_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the BMP: a surrogate pair, as JSON writes it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def ascii_json_text(text: str) -> str:
    """JSON text with every non-ASCII character escaped: for an output that is not UTF-8."""
    return _NON_ASCII.sub(_ascii_escape, text)
