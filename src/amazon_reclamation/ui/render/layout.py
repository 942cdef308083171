"""Rich's layout of reclam's screens as plain strings, without importing Rich.

For a stream that shows no colour (a pipe, a file, a dumb terminal) Rich writes no escape
code, only the text it laid out; this module lays out the same text, byte for byte, for
the few renderables the screens of `new` and `log` use: a wrapped `Text`, a `Padding` on
the left, a `Rule`, a `Panel` holding a group of texts and two-column grids. Importing
Rich and rendering with it cost more than the rest of those commands' work.

Every function returns None where it is not sure to match Rich (a character whose width
is not one cell, a tab, a title too long for the width ...): the caller then lets Rich
draw. `tests/test_layout.py` compares both on generated texts and widths.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

# Characters one cell wide for Rich: its own fast-path ranges (rich.cells), then general
# punctuation, spaces, currency signs and a few symbols reclam prints, whose width Rich's
# table gives as 1 (a test checks each against rich.cells).
_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2500, 0x25FC),
    (0x2800, 0x28FF),
    (0x2000, 0x200A),
    (0x2010, 0x2027),
    (0x202F, 0x205F),
    (0x20A0, 0x20C0),
)
_EXTRA = "ⓘ✓✗№−"


@cache
def single_cells() -> frozenset[str]:
    """The characters laid out here, made on first use (list and due never need them)."""
    return frozenset(
        [chr(code) for start, end in _RANGES for code in range(start, end + 1)] + list(_EXTRA)
    )


@cache
def _lines() -> frozenset[str]:
    return single_cells() | {"\n"}


# Rich's words, as console.py makes it split them: at ASCII whitespace only.
_WORD = re.compile(r"[ \t\n\r\f\v]*[^ \t\n\r\f\v]+[ \t\n\r\f\v]*")
_TRAILING_SPACE = re.compile(r"\s+$")

RULE = "─"


class Para(NamedTuple):
    """A `Text` made of styled spans, printed alone or after `indent` spaces (a Padding).

    A paragraph with a `bullet` has its first `bullet` spans as a column of their own
    ("  • ", or a deadline's bar, date and days left): the text after them wraps under
    itself, not under the bullet (a `Table.grid` of two columns, for Rich).
    """

    spans: tuple[tuple[str, str], ...]
    style: str = ""
    indent: int = 0
    bullet: int = 0  # how many of the first spans make the bullet column (True: one)

    @property
    def text(self) -> str:
        return "".join(text for text, _style in self.spans)


def para(text: str, style: str = "", indent: int = 0) -> Para:
    """A paragraph of one span."""
    return Para(((text, ""),), style, indent)


def _divide_line(text: str, width: int, fold: bool) -> list[int]:
    """rich._wrap.divide_line for text whose characters are each one cell wide."""
    breaks: list[int] = []
    offset = 0
    match = _WORD.match(text, 0)
    while match is not None:
        start, end = match.span()
        word = match.group(0)
        match = _WORD.match(text, end)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                pieces = [word[index : index + width] for index in range(0, len(word), width)]
                for number, piece in enumerate(pieces, start=1):
                    if start:
                        breaks.append(start)
                    if number == len(pieces):
                        offset = len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def wrap(text: str, width: int, overflow: str = "fold") -> list[str] | None:
    """The lines of `Text(text).wrap(width)` (not padded), or None when unsure."""
    if width < 2 or not _lines().issuperset(text):
        return None
    lines: list[str] = []
    for line in text.split("\n"):
        bounds = [0, *_divide_line(line, width, overflow == "fold"), len(line)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            piece = line[start:end]
            if len(piece) > width:
                spaces = _TRAILING_SPACE.search(piece)
                if spaces is not None:
                    piece = piece[: len(piece) - min(len(spaces.group(0)), len(piece) - width)]
            if len(piece) > width:
                piece = piece[: width - 1] + "…" if overflow == "ellipsis" else piece[:width]
            lines.append(piece)
    return lines


def paragraphs(items: list[Para], width: int) -> list[str] | None:
    """`console.print` of each paragraph: a Text, or a Padding of `indent` spaces whose
    lines are padded to the width."""
    out: list[str] = []
    for item in items:
        if item.bullet:
            bulleted = None if item.indent else bullet(item, width)
            if bulleted is None:
                return None
            out.extend(bulleted)
            continue
        room = width - item.indent
        lines = wrap(item.text, room)
        if lines is None:
            return None
        if item.indent:
            margin = " " * item.indent
            out.extend(margin + line.ljust(room) for line in lines)
        else:
            out.extend(lines)
    return out


def bullet(item: Para, width: int) -> list[str] | None:
    """A bullet paragraph as Rich prints its grid: the bullet as written, then the text
    wrapped in the room left, every line padded to the grid's width. None when a word
    would have to be cut (Rich's grid measures those otherwise)."""
    count = int(item.bullet)
    mark = "".join(span for span, _style in item.spans[:count])
    text = "".join(span for span, _style in item.spans[count:])
    first = len(mark)
    room = width - first
    if room < 2 or "\n" in mark or not single_cells().issuperset(mark):
        return None
    if any(len(word) > room for word in text.split()):
        return None
    second = min(max((len(line) for line in text.split("\n")), default=0), room) or 1
    lines = wrap(text, second)
    if lines is None:
        return None
    return [
        (mark if number == 0 else " " * first) + line.ljust(second)
        for number, line in enumerate(lines)
    ]


def rule(title: str, width: int) -> str | None:
    """`Rule(title)` (centred, or a plain line without a title), or None when unsure."""
    if not title:
        return RULE * width
    if width < 8 or not single_cells().issuperset(title):
        return None
    room = width - 4
    if len(title) > room:
        title = title[: room - 1] + "…"
    side = (width - len(title)) // 2
    left = (RULE * (side + 1))[: side - 1]
    right = (RULE * (side + 1))[: width - len(left) - len(title)]
    return f"{left} {title} {right}"[:width].ljust(width)


def message(title: str, text: str, width: int) -> list[str] | None:
    """A text to copy between two rules (`console.message_block`): the text as it is,
    never wrapped (Rich prints it with soft wrap), or None when unsure."""
    top = rule(title, width)
    if top is None or "\t" in text:
        return None
    return [top, text, RULE * width]


def grid(rows: list[tuple[str, str]], width: int, gap: int) -> list[str] | None:
    """A `Table.grid(padding=(0, gap))` of a `no_wrap` column and a wrapping one."""
    if not rows:
        return []
    names = [name for name, _value in rows]
    if not single_cells().issuperset("".join(names)):
        return None
    first = max(map(len, names)) + gap
    second = max(max(map(len, value.splitlines()), default=0) for _name, value in rows) or 1
    if first + second > width:
        second = width - first
    if second < 2:
        return None
    lines: list[str] = []
    for name, value in rows:
        wrapped = wrap(value, second, "ellipsis")
        if wrapped is None:
            return None
        lines.append(name.ljust(first) + wrapped[0])
        lines.extend(" " * first + line for line in wrapped[1:])
    return lines


def panel(title: str, body: list[str], width: int) -> list[str] | None:
    """`Panel(..., title=title, title_align="left")` around lines already laid out at
    `width - 4` (rounded corners, one space inside each border)."""
    if not single_cells().issuperset(title):
        return None
    room = width - 4
    heading = f" {title} "[:room] if title else RULE * 2  # no title: a plain border
    top = "╭" + RULE + heading + RULE * (room - len(heading)) + RULE + "╮"
    lines = [top]
    lines.extend(f"│ {line.ljust(room)} │" for line in body)
    lines.append("╰" + RULE * (width - 2) + "╯")
    return lines
