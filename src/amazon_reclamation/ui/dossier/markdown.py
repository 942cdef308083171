"""The dossier as plain Markdown: every text escaped, so that nothing in it is markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from amazon_reclamation.i18n import _
from amazon_reclamation.safe_text import clean_for_file
from amazon_reclamation.texts.dossier import Bullets, Entry, Paragraph, Rows, Table

if TYPE_CHECKING:
    from amazon_reclamation.texts.dossier import Block, Document

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that can
# start markup inside a line (emphasis, links, code, HTML, tables, entities).
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
# What makes a line a list item, a heading, a quote or a rule when it starts it.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


# A web address is written as an autolink, `<https://…>`, in which nothing is markup.
_URL = re.compile(r"(https?://[^\s<>]*[^\s<>.,;:!?)\]])")


def _inline(text: str) -> str:
    parts = _URL.split(text)  # odd indexes are the addresses
    return "".join(
        f"<{part}>" if index % 2 else _INLINE.sub(r"\\\1", part) for index, part in enumerate(parts)
    )


def escape(text: str) -> str:
    """`text` shown as written: no controls, every Markdown sign escaped."""
    text = _inline(clean_for_file(text))
    return "\n".join(_LINE_START.sub(_escape_start, line) for line in text.split("\n"))


def _escape_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker.isdigit():  # "1." starts an ordered list: escape its dot, kept after it
        return match.group(1) + marker + "\\"
    return match.group(1) + "\\" + marker


def _cell(text: str) -> str:
    return " ".join(escape(text).split())  # a table cell holds one line


def _hard_breaks(text: str) -> str:
    return "  \n".join(escape(text).split("\n"))


def _block(block: Block) -> list[str]:
    if isinstance(block, Rows):
        # "label : value" is a message: each language has its own spacing before the colon.
        return [
            "- " + _("{label} : {value}").format(label=f"**{escape(label)}**", value=_cell(value))
            for label, value in block.items
        ]
    if isinstance(block, Paragraph):
        lines = [f"**{escape(block.label)}**", ""] if block.label else []
        return [*lines, _hard_breaks(block.text)]
    if isinstance(block, Entry):
        return [f"### {_cell(block.title)}", "", *[f"- {_cell(line)}" for line in block.lines]]
    if isinstance(block, Bullets):
        return [f"- {_cell(item)}" for item in block.items]
    if isinstance(block, Table):
        lines = ["| " + " | ".join(_cell(h) for h in block.headers) + " |"]
        lines.append("|" + "|".join("---" for _ in block.headers) + "|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        return lines
    raise TypeError(block)


def markdown(document: Document) -> str:
    """The whole dossier as one Markdown text."""
    lines = [f"# {_cell(document.title)}", "", _hard_breaks(document.made)]
    for section in document.sections:
        lines += ["", f"## {_cell(section.title)}"]
        for block in section.blocks:
            lines += ["", *_block(block)]
    return "\n".join(lines) + "\n"
