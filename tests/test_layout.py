"""ui/render/layout.py lays out the screens of `new` and `log` as Rich does, byte for byte.

Each renderable it reimplements is compared with Rich's own output (no colour, as on a
pipe) on generated texts and widths; where layout answers None, Rich draws, so only its
answers are compared (and the common cases are checked to be answered).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amazon_reclamation.texts.summary import Summary
from amazon_reclamation.ui.render import console as render_console
from amazon_reclamation.ui.render import layout, record
from amazon_reclamation.ui.render.layout import Para

WIDTHS = st.integers(min_value=20, max_value=200)

# Words of random lengths: accents, punctuation, French spaces (U+00A0, U+202F), dashes,
# quotes, the odd long word or URL, the odd wide or zero-width character (Rich then draws).
_LETTERS = "abcdefghijklmnopqrstuvwxyzéèàçôûÉÀ0123456789"
_PUNCT = [".", ",", ";", ":", "!", "?", "«\u00a0", "\u00a0»", "\u202f;", "’", "—", "–", "…", "€"]
_NORMAL = st.text(_LETTERS, min_size=1, max_size=12)
_LONG = st.text(_LETTERS, min_size=15, max_size=90)  # longer than some columns
_URL = st.builds(
    lambda a, b: f"https://{a}.be/{b}",
    st.text(_LETTERS, min_size=1, max_size=20),
    st.text(_LETTERS, max_size=80),
)
_ODD = st.sampled_from(["日本", "e\u0301", "\t", "\u200b"])  # Rich draws these
_SYMBOLS = st.sampled_from(["ⓘ", "•", "✓", "■□", "№", "\u2009"])
_WORD = st.integers(0, 99).flatmap(
    lambda n: (
        _NORMAL
        if n < 70
        else st.sampled_from(_PUNCT)
        if n < 85
        else _SYMBOLS
        if n < 90
        else _LONG
        if n < 95
        else _URL
        if n < 98
        else _ODD
    )
)
_GAP = st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\n", " \n", "   ", "\n\n", "\u202f"])


@st.composite
def texts(draw: st.DrawFn, max_words: int = 30) -> str:
    words = draw(st.lists(_WORD, max_size=max_words))
    out = draw(st.sampled_from(["", " ", "  "]))
    for word in words:
        out += word + draw(_GAP)
    return out if draw(st.booleans()) else out.strip()


def _rich_console(width: int) -> object:
    from rich.console import Console

    render_console._keep_non_breaking_spaces()
    return Console(
        file=io.StringIO(),
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        force_terminal=False,
    )


def _rich(width: int, *renderables: object, soft_wrap: bool = False) -> str:
    console = _rich_console(width)
    for renderable in renderables:
        console.print(renderable, soft_wrap=soft_wrap)  # type: ignore[attr-defined]
    return console.file.getvalue()  # type: ignore[attr-defined]


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


@st.composite
def paragraphs(draw: st.DrawFn) -> list[Para]:
    items = []
    for _ in range(draw(st.integers(1, 4))):
        spans = draw(
            st.lists(
                st.tuples(texts(8), st.sampled_from(["", "bold", "dim"])), min_size=1, max_size=4
            )
        )
        style = draw(st.sampled_from(["", "bold"]))
        if draw(st.integers(0, 3)) == 0:  # a bullet whose text wraps under itself
            # One span ("  • "), or several as a deadline's bar, date and days left.
            marks = draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(
                            ["  • ", "• ", "  - ", "  ", "■■■□□□□□□□", "  20/11/2026  ",
                             "dans 3 jours      ", "dépassé depuis 12 jours  "]
                        ),
                        st.sampled_from(["", "bold", "red"]),
                    ),
                    min_size=1,
                    max_size=4,
                )
            )  # fmt: skip
            items.append(Para((*marks, *spans), style, bullet=len(marks)))
        else:
            items.append(Para(tuple(spans), style, draw(st.sampled_from([0, 2, 6, 14]))))
    return items


@settings(max_examples=400, deadline=None)
@given(paragraphs(), WIDTHS)
def test_paragraphs_are_laid_out_as_rich_does(items: list[Para], width: int) -> None:
    # Arrange
    expected = _rich(width, *(render_console.rich_text(item) for item in items))

    # Act
    lines = layout.paragraphs(items, width)

    # Assert
    if lines is not None:
        assert _lines(lines) == expected


@settings(max_examples=300, deadline=None)
@given(texts(), WIDTHS, st.sampled_from(["fold", "ellipsis", "crop"]))
def test_wrap_is_richs_wrap(text: str, width: int, overflow: str) -> None:
    # Arrange
    from rich.text import Text

    console = _rich_console(width)
    expected = [line.plain for line in Text(text).wrap(console, width, overflow=overflow)]  # type: ignore[arg-type]

    # Act
    lines = layout.wrap(text, width, overflow)

    # Assert
    if lines is not None:
        assert lines == expected


@settings(max_examples=200, deadline=None)
@given(st.text(_LETTERS + " .:()'—«»\u00a0ⓘ日", max_size=120), WIDTHS)
def test_a_rule_is_richs_rule(title: str, width: int) -> None:
    # Arrange
    from rich.rule import Rule

    expected = _rich(width, Rule(title, style="cyan"))

    # Act
    line = layout.rule(title, width)

    # Assert
    if line is not None:
        assert line + "\n" == expected


_SHORT = st.text(_LETTERS + " '", min_size=1, max_size=40)


@st.composite
def summaries(draw: st.DrawFn) -> Summary:
    names = st.text(_LETTERS + " '", min_size=1, max_size=24)
    facts = draw(st.lists(st.tuples(names, texts(12)), max_size=8))
    return Summary(
        title=draw(
            st.integers(0, 9).flatmap(lambda n: st.just("Titre [en] :x:") if n == 0 else _SHORT)
        ),
        facts=facts,
        description=draw(st.one_of(st.none(), st.just(""), texts())),
        request="",
        request_line=draw(texts(10)),
        checklist=draw(st.lists(texts(12), max_size=5)),
        where=draw(st.lists(texts(12), max_size=4)),
        message=draw(texts()),
    )


@settings(max_examples=300, deadline=None)
@given(summaries(), WIDTHS)
def test_the_summary_card_is_richs_card(summary: Summary, width: int) -> None:
    # Arrange
    from rich.console import Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.text import Text

    parts: list[object] = [record._facts_table(summary.facts)]
    if summary.description:
        parts += [Text(""), Text("Description"), Text(record.safe(summary.description))]
    parts += [
        Text(""),
        Text(record.safe(summary.request_line)),
        Text(""),
        Text("À avoir sous la main"),
        record._bullets(summary.checklist),
        Text(""),
        Text("Où vous adresser"),
        record._bullets(summary.where),
    ]
    title = Text(record.safe(summary.title))
    title.truncate(width - 6, overflow="ellipsis")  # as `summary_card` gives it to Rich
    expected = _rich(width, Panel(Group(*parts), title=title, title_align="left"))
    expected += _rich(width, Rule("Message prêt à copier (chat ou e-mail)"))
    expected += _rich(width, Text(record.safe(summary.message)), soft_wrap=True)
    expected += _rich(width, Rule())

    # Act
    lines = record._plain_card(summary, width)

    # Assert
    if lines is not None:
        assert _lines(lines) == expected


def test_common_french_text_is_laid_out_without_rich() -> None:
    # Arrange: what reclam's screens hold: accents, French spaces, dashes, bullets, URLs
    text = (
        "Délai légal\u00a0: 30 jours après la commande — «\u00a0Vos commandes\u00a0» ; "
        "https://economie.fgov.be/fr/themes/protection-des-consommateurs/faire-valoir"
    )

    # Act
    lines = layout.paragraphs([layout.para("ⓘ " + text, indent=2), layout.para("  • " + text)], 80)

    # Assert
    assert lines is not None
    assert layout.rule("Message prêt à copier (chat ou e-mail)", 80) is not None


def test_a_promise_wraps_under_its_text_not_under_its_bullet() -> None:
    # Arrange
    promise = Para(
        (("  • ", ""), ("NON TENUE", "bold red"),
         (" — Remboursement sous 5 jours ouvrables., pour le 30/09/2025 (contact n° 3)", "")),
        bullet=1,
    )  # fmt: skip

    # Act
    lines = layout.paragraphs([promise], 80)

    # Assert: the same bytes as Rich's grid, the second line under the text
    assert lines is not None
    assert _lines(lines) == _rich(80, render_console.rich_text(promise))
    assert lines[1] == "    (contact n° 3)".ljust(80)


def test_the_extra_single_cells_are_one_cell_for_rich() -> None:
    # Arrange
    from rich.cells import cell_len

    # Act
    wider = [hex(ord(char)) for char in layout.single_cells() if cell_len(char) != 1]

    # Assert
    assert wider == []


def test_wide_or_tabbed_content_is_left_to_rich() -> None:
    assert layout.wrap("日本語のテキスト", 40) is None
    assert layout.wrap("a\tb", 40) is None
    assert layout.panel("titre 日本", [], 40) is None


@pytest.mark.parametrize("plain", [True, False])
def test_a_card_title_is_printed_as_text_never_as_markup(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], plain: bool
) -> None:
    # Arrange: Rich reads a str panel title as markup and emoji codes, whatever the console
    title = "Réclamation [bold]abc234[/bold] :smile: [link=https://x.example]ici[/link]"
    summary = Summary(
        title=title, facts=[("Commande", "123")], description=None, request="",
        request_line="Demande", checklist=["un"], where=["deux"], message="Bonjour",
    )  # fmt: skip
    if not plain:  # a terminal: Rich draws the card
        monkeypatch.setenv("FORCE_COLOR", "1")
    record.out.cache_clear()

    # Act
    record.summary_card(summary)

    # Assert
    shown = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert title in shown
    record.out.cache_clear()


@pytest.mark.parametrize("plain", [True, False])
def test_a_card_title_too_long_for_the_border_ends_with_an_ellipsis(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], plain: bool
) -> None:
    # Arrange: cut silently, "… Rücksendung oder Stornierung nicht erhalten" read as
    # "… Rücksendung oder Stornierung", a refund problem that says the opposite
    monkeypatch.setenv("COLUMNS", "80")
    title = (
        "Reklamation amhkkr – Rückerstattung nach einer Rücksendung oder Stornierung nicht erhalten"
    )
    summary = Summary(
        title=title, facts=[("Bestellnummer", "123")], description=None, request="",
        request_line="Anliegen", checklist=["eins"], where=["zwei"], message="Guten Tag",
    )  # fmt: skip
    if not plain:
        monkeypatch.setenv("FORCE_COLOR", "1")
    record.out.cache_clear()

    # Act
    record.summary_card(summary)

    # Assert
    top = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out).splitlines()[0]
    assert top == "╭─ " + title[:73] + "… ─╮"
    record.out.cache_clear()


@pytest.mark.parametrize(
    ("environ", "tty", "expected"),
    [
        ({"COLUMNS": "120"}, False, 120),
        ({}, False, None),  # decided below: 80 or the terminal's width
        ({"NO_COLOR": "1"}, True, None),  # Rich still writes bold on a terminal
        ({"TERM": "xterm"}, True, None),
        ({"TERM": "dumb"}, True, 80),
        ({"FORCE_COLOR": "1"}, False, None),
    ],
)
def test_plain_width_only_where_rich_writes_no_escape_code(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], tty: bool, expected: int | None
) -> None:
    # Arrange
    for name in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)

    class Stream(io.StringIO):
        encoding = "utf-8"

        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdout", Stream())

    # Act
    width = render_console.plain_width()

    # Assert
    if environ or tty:
        assert width == expected
    else:
        assert width is not None


def test_new_and_log_on_a_pipe_do_not_import_rich(tmp_path: Path) -> None:
    # Arrange
    script = (
        "import sys\n"
        "from amazon_reclamation.cli import main\n"
        "code = main(['new', '--category', 'late', '--order', '402-1234567-7654321',"
        " '--order-date', '01/11/2026', '--yes'])\n"
        "assert code == 0, code\n"
        "code = main(['log', '402-1234567-7654321', '--channel', 'phone', '--outcome',"
        " 'promise', '--follow-up', '25/11/2026', '--summary', 'Rappel promis.'])\n"
        "assert code == 0, code\n"
        "print('RICH' if any(name.split('.')[0] == 'rich' for name in sys.modules) else 'NONE')\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    env = {"PYTHONPATH": str(src), "RECLAM_HOME": str(tmp_path), "RECLAM_TODAY": "2026-11-20"}

    # Act
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )

    # Assert
    assert result.returncode == 0, result.stderr
    assert "Confirmation écrite" in result.stdout
    assert result.stdout.rstrip().endswith("NONE")
