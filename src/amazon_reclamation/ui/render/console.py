"""Lines, JSON and plain tables on stdout and stderr; the two Rich consoles.

Consoles never interpret markup or emoji, and every user-supplied string passes
through `safe()`, so typed text is always shown as text.
"""

from __future__ import annotations

import errno
import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

from amazon_reclamation.i18n import _
from amazon_reclamation.parsing import clean_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from rich.console import Console
    from rich.style import Style

    from amazon_reclamation.records import Unreadable
    from amazon_reclamation.ui.render.layout import Para


def safe(text: str | None) -> str:
    """User text with control characters (terminal escapes) removed."""
    return clean_text(text) if text else ""


def _keep_non_breaking_spaces() -> None:
    """Make Rich wrap lines at ordinary spaces only.

    Rich splits words at any Unicode space, non-breaking ones included, which would put
    the ";" or "»" of a French sentence alone at the start of a line.
    """
    from rich import _wrap

    _wrap.re_word = re.compile(r"[ \t\n\r\f\v]*[^ \t\n\r\f\v]+[ \t\n\r\f\v]*")


@cache
def out() -> Console:
    """The stdout console (data, summaries, tables)."""
    from rich.console import Console

    _keep_non_breaking_spaces()

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit(1) silently; the CLI says what was saved before the pipe broke.
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    return _Console(markup=False, emoji=False, highlight=False)


@cache
def err() -> Console:
    """The stderr console (errors, warnings, hints)."""
    from rich.console import Console

    _keep_non_breaking_spaces()
    return Console(stderr=True, markup=False, emoji=False, highlight=False)


def one_line(text: str) -> str:
    """User text on one line: runs of spaces, tabs and newlines become one space.

    Only ASCII whitespace: the non-breaking spaces of French punctuation stay.
    """
    return " ".join(_SPACES.split(safe(text))).strip()


_SPACES = re.compile(r"[ \t\n\r\f\v]+")


# The few styles of lines and table cells, as SGR codes: printing them needs no Rich.
_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "bold red": "1;31"}


def _colour_mode(stream: Any) -> bool | None:
    """False: plain text; True: our own SGR codes; None: leave it to Rich.

    Plain on a pipe, a file, a dumb terminal or with NO_COLOR; SGR codes on an ordinary
    terminal; Rich where it knows better (Windows consoles, FORCE_COLOR, TTY_COMPATIBLE).
    """
    import os

    if os.name == "nt" or os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"):
        return None
    if os.environ.get("NO_COLOR") or os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _sgr(text: str, style: str) -> str:
    code = _SGR.get(style)
    return f"\x1b[{code}m{text}\x1b[0m" if code and text else text


def _line(stream_name: str, text: str, style: str = "") -> None:
    """One line of text, styled when the stream shows colour, without loading Rich."""
    stream = getattr(sys, stream_name)
    mode = _colour_mode(stream)
    if mode is None or (mode and style not in _SGR and style):
        console = err() if stream_name == "stderr" else out()
        console.print(text, style=style or None, soft_wrap=True)
        return
    stream.write((_sgr(text, style) if mode else text) + "\n")
    stream.flush()


def error(message: str) -> None:
    """One error line on stderr (a typed value with a newline stays on it)."""
    _line("stderr", _("Erreur : {message}").format(message=one_line(message)), "bold red")


def warning(message: str) -> None:
    """One warning line on stderr."""
    _line("stderr", _("Attention : {message}").format(message=one_line(message)), "yellow")


def info(message: str) -> None:
    """A short note on stderr (so that stdout stays clean for data)."""
    _line("stderr", safe(message))


def plain(text: str) -> None:
    """Print text as is on stdout (no wrapping, for copying)."""
    text = safe(text)
    if "\t" not in text and plain_width() is not None:
        write_lines([text])  # what Rich writes, without loading it
        return
    out().print(text, soft_wrap=True)


def plain_width() -> int | None:
    """The width Rich would lay stdout's screens out in, when it would write them without
    any escape code (no colour: a pipe, a file, a dumb terminal; UTF-8); else None, and
    Rich draws them.

    NO_COLOR on a terminal is left to Rich: it still writes bold there.
    """
    import os

    stream = sys.stdout
    if _colour_mode(stream) is not False:
        return None
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None  # Rich would draw boxes and rules in ASCII
    try:
        terminal = bool(stream.isatty())
    except (AttributeError, ValueError):
        terminal = False
    dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")
    if terminal and not dumb:
        return None
    # Console.size: COLUMNS (80 on a dumb terminal unless LINES is set too), else the
    # size of the first of stdin, stdout and stderr that is a terminal, else 80.
    columns = os.environ.get("COLUMNS")
    width = int(columns) if columns is not None and columns.isdigit() else None
    lines = os.environ.get("LINES")
    if terminal and dumb and not (width is not None and lines is not None and lines.isdigit()):
        return 80
    if width is None:
        for descriptor in (0, 1, 2):
            try:
                width = os.get_terminal_size(descriptor).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
        width = width or 80
    return width if 20 <= width <= 1000 else None


def write_lines(lines: Sequence[str]) -> None:
    """Lines on stdout as they are."""
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()


def paragraphs(items: Sequence[Para]) -> None:
    """Paragraphs on stdout: laid out without Rich when stdout shows no colour."""
    width = plain_width()
    if width is not None:
        from amazon_reclamation.ui.render import layout

        lines = layout.paragraphs(list(items), width)
        if lines is not None:
            write_lines(lines)
            return
    console = out()
    for item in items:
        console.print(rich_text(item))


def rich_text(item: Para) -> Any:
    """A paragraph as Rich draws it: a Text, in a Padding when it is indented; a bullet
    paragraph as a grid of the bullet and its text."""
    from rich.padding import Padding
    from rich.text import Text

    count = int(item.bullet)
    text = Text(style=item.style)
    for span, style in item.spans[count:]:
        text.append(span, style=style or None)
    shown: Any = text
    if count:
        from rich.table import Table

        mark = Text()
        for span, style in item.spans[:count]:
            mark.append(span, style=style or None)
        shown = Table.grid()
        shown.add_column(no_wrap=True)
        shown.add_column(overflow="fold")  # a long reference or address is folded, not cut
        shown.add_row(mark, text)
    return Padding(shown, (0, 0, 0, item.indent)) if item.indent else shown


def text_out(text: str) -> None:
    """A document's text (Markdown) on stdout as it is, already cleaned of controls."""
    sys.stdout.write(text)
    sys.stdout.flush()


def json_out(data: Any) -> None:
    """Machine-readable JSON on stdout, nothing else."""
    from amazon_reclamation.safe_text import json_text

    sys.stdout.write(_for_stdout(json_text(data)) + "\n")
    sys.stdout.flush()


def json_rows(fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    """Objects with these `fields`, one per row of values, as members of the JSON array
    `json_array_out` writes: the very text `json_out` writes for a list of such objects,
    made with a template per row instead of Python's indenting encoder (four times
    slower on 27,000 follow-ups)."""
    import json
    from json.encoder import encode_basestring

    from amazon_reclamation.safe_text import escape_json_text

    def value(item: Any) -> str:
        # As `json_out` writes a value of an object in an array (`json.dumps(...,
        # indent=2)`, escaped: the characters escaped can only be inside a string).
        if item is None:
            return "null"
        if type(item) is str:
            return escape_json_text(encode_basestring(item))
        if type(item) is int:
            return int.__repr__(item)
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        return escape_json_text(text)

    rows = list(rows)
    if not fields:
        return ["{}" for _row in rows]
    template = (
        "{\n"
        + ",\n".join(f"    {value(field).replace('%', '%%')}: %s" for field in fields)
        + "\n  }"
    )
    # Column by column, each distinct value encoded once, where equal values are written
    # alike (no True beside 1, no 1.0 beside 1, nothing unhashable).
    encoded = []
    for column in zip(*rows, strict=True):
        if set(map(type, column)) <= {str, int, type(None)}:
            words = {item: value(item) for item in set(column)}
            encoded.append(map(words.__getitem__, column))
        else:
            encoded.append(map(value, column))
    return [template % values for values in zip(*encoded, strict=True)]


def json_array_out(members: Sequence[str]) -> None:
    """A JSON array on stdout from its members made by `json_rows` (escaped already), as
    `json_out` writes it."""
    text = "[\n  " + ",\n  ".join(members) + "\n]" if members else "[]"
    sys.stdout.write(_for_stdout(text) + "\n")
    sys.stdout.flush()


def _for_stdout(json_text: str) -> str:
    """JSON text as stdout can carry it: escaped to ASCII when stdout is not UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    if encoding in ("utf8", "utf8sig"):
        return json_text
    from amazon_reclamation.safe_text import ascii_json_text

    return ascii_json_text(json_text)


def binary_out(data: bytes) -> None:
    """A file's bytes on stdout as they are (a PDF, an .ics file with its CRLF line ends);
    the caller made them clean, and checked that a PDF does not go to a terminal."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (a test's capture): the same text
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    buffer.write(data)
    buffer.flush()


def json_members(members: Sequence[bytes]) -> None:
    """A JSON array on stdout, from its members already written as UTF-8 JSON text
    (indented by two spaces), written as they are when stdout takes UTF-8 bytes: a few
    hundred members per write, never one copy of them all (45 MB at 10,000)."""
    import os

    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    buffer = getattr(sys.stdout, "buffer", None)
    # Past the text layer only where it would change nothing (no BOM, no "\r\n").
    if buffer is None or encoding != "utf8" or os.linesep != "\n":
        text = b",\n  ".join(members).decode("utf-8")
        sys.stdout.write(f"[\n  {_for_stdout(text)}\n]\n" if members else "[]\n")
        sys.stdout.flush()
        return
    sys.stdout.flush()
    if not members:
        buffer.write(b"[]\n")
    step = 200
    for start in range(0, len(members), step):
        buffer.write(b"[\n  " if start == 0 else b",\n  ")
        buffer.write(b",\n  ".join(members[start : start + step]))
    if members:
        buffer.write(b"\n]\n")
    buffer.flush()


def unreadable_files(files: Sequence[Unreadable]) -> None:
    """One warning line per file that could not be read."""
    for item in files:
        warning(item.reason)


Cell = tuple[str, str]  # text and Rich style


def columns(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, flexible: int
) -> None:
    """An aligned table as plain lines; the `flexible` column gives way when space is short."""
    by_column = [list(column) for column in zip(*rows, strict=True)] or [[] for _h in headers]
    table(title, headers, by_column, [_same] * len(headers), flexible=flexible)


def _same(cell: Cell) -> Cell:
    return cell


def table(
    title: str,
    headers: Sequence[str],
    keys: Sequence[Sequence[Any]],
    cells: Sequence[str | Callable[[Any], Cell]],
    *,
    flexible: int,
) -> None:
    """An aligned table as plain lines, given column by column: the keys of each column's
    cells, one per row, and how a key becomes its cell (text and style), or the style of
    a column whose keys are its texts. The `flexible` column gives way when space is short.

    Each distinct key is made a cell, measured, fitted and painted once: thousands of rows
    that repeat a few promises, days and delays are laid out in milliseconds. Written
    straight to stdout, with ANSI codes only for the styled cells: Rich's Table took 11 s
    for 10,000 complaints and even one big Rich Text 0.1 s for 1,000.
    """
    from rich.cells import cell_len as rich_cell_len
    from rich.cells import set_cell_size

    # Rich's console is loaded only where it knows better than plain SGR codes (see
    # _colour_mode): it would cost more than the rows of a thousand complaints.
    mode = _colour_mode(sys.stdout)
    if mode is None:
        from rich.console import COLOR_SYSTEMS

        console = out()
        width, color_system = console.width, COLOR_SYSTEMS.get(console.color_system or "")
    else:
        width, color_system = _stdout_width(), None

    def cell_len(text: str) -> int:
        return len(text) if text.isascii() else rich_cell_len(text)

    gap = "  "
    made: list[dict[Any, Cell]] = []
    for column_keys, how in zip(keys, cells, strict=True):
        distinct = set(column_keys)
        if isinstance(how, str):  # the keys are the texts, all in this style
            made.append({key: (key, how) for key in distinct})
        else:
            made.append({key: how(key) for key in distinct})
    widths = [cell_len(h) for h in headers]
    for index, made_cells in enumerate(made):
        texts = [text for text, _style in made_cells.values()]
        if texts:
            ascii_only = "".join(texts).isascii()
            longest = max(map(len if ascii_only else cell_len, texts))
            widths[index] = max(widths[index], longest)
    excess = sum(widths) + len(gap) * (len(widths) - 1) - width
    if excess > 0:
        widths[flexible] = max(cell_len(headers[flexible]), widths[flexible] - excess)
    styles: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        if mode:
            return _sgr(text, style)
        if not style or color_system is None:
            return text
        from rich.style import Style

        parsed = styles.setdefault(style, Style.parse(style))
        return parsed.render(text, color_system=color_system)

    def fit(text: str, width: int) -> str:
        length = len(text) if text.isascii() else rich_cell_len(text)
        if length <= width:
            return text + " " * (width - length)
        return set_cell_size(text, width - 1) + "…"

    last = len(headers) - 1
    shown = []
    for index, (made_cells, column_keys) in enumerate(zip(made, keys, strict=True)):
        room = widths[index]
        if mode is False:  # no style: the cells padded, the line's end stripped
            fitted_cells = {
                key: text.ljust(room) if text.isascii() and len(text) <= room else fit(text, room)
                for key, (text, _style) in made_cells.items()
            }
        else:
            fitted_cells = {
                key: paint(fitted.rstrip() if index == last else fitted, style)
                for key, (text, style) in made_cells.items()
                for fitted in (fit(text, room),)
            }
        shown.append(list(map(fitted_cells.__getitem__, column_keys)))
    header = gap.join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()
    lines = [paint(title, "bold"), paint(header, "bold")]
    lines.extend(map(str.rstrip, map(gap.join, zip(*shown, strict=True))))
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _stdout_width() -> int:
    """The width Rich would give stdout: COLUMNS, else the terminal's, else 80."""
    import os

    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if sys.stdout.isatty():
            import shutil

            return shutil.get_terminal_size((80, 25)).columns
    except (AttributeError, ValueError):
        pass
    return 80


def message_block(title: str, text: str) -> None:
    """A text to copy, between two rules (no borders inside, so copying is clean)."""
    text = safe(text)
    width = plain_width()
    if width is not None:
        from amazon_reclamation.ui.render import layout

        lines = layout.message(title, text, width)
        if lines is not None:
            write_lines(lines)
            return
    from rich.rule import Rule
    from rich.text import Text

    console = out()
    console.print(Rule(title, style="cyan"))
    console.print(Text(text), soft_wrap=True)
    console.print(Rule(style="cyan"))
