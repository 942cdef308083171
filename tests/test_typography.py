"""French typography: a non-breaking space before ; : ? ! and inside « », kept by every
output, so that no wrapped line starts with a lone ";" or "»".

The other in-process tests read French with ordinary spaces (`conftest.plain_french_spaces`);
these tests and the snapshots see the real characters.
"""

from __future__ import annotations

import re

import pytest

from amazon_reclamation import i18n
from amazon_reclamation.i18n import _, french_spacing
from helpers import create, run

pytestmark = pytest.mark.typography

NBSP = "\u00a0"
DAMAGED = [
    "--category", "damaged", "--order", "171-2345678-9012345", "--order-date", "01/10/2026",
    "--delivery-date", "05/10/2026", "--item", "Bouilloire inox", "--amount", "49,99",
    "--seller", "amazon", "--name", "Marie Dupont", "--damage-timing", "on_arrival",
]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "typeset"),
    [
        ("Quand ?", f"Quand{NBSP}?"),
        ("Erreur : {message}", f"Erreur{NBSP}: {{message}}"),
        ("« {item} » ; puis !", f"«{NBSP}{{item}}{NBSP}»{NBSP}; puis{NBSP}!"),
        ("reclam log --at 12:30 https://a.be/?x=1", "reclam log --at 12:30 https://a.be/?x=1"),
    ],
)
def test_french_punctuation_gets_a_non_breaking_space(source: str, typeset: str) -> None:
    assert french_spacing(source) == typeset


def test_only_french_is_typeset_and_values_are_left_as_typed() -> None:
    # A value filled into a message is the user's text: its spaces stay as typed.
    assert _("Article : {item}").format(item="Lampe : LED") == f"Article{NBSP}: Lampe : LED"
    i18n.set_language("en")
    try:
        assert NBSP not in _("Quand ?")  # the English catalogue's own punctuation
    finally:
        i18n.set_language("fr")


def test_no_wrapped_line_starts_with_french_punctuation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: a narrow terminal, where Rich wraps every paragraph many times.
    complaint_id = create(capsys, *DAMAGED)
    monkeypatch.setenv("COLUMNS", "34")
    from amazon_reclamation.ui import render

    render.out.cache_clear()

    # Act
    screens = [run(capsys, command, complaint_id)[1] for command in ("show", "escalate")]

    # Assert
    text = "\n".join(screens)
    assert f"{NBSP}:" in text
    starts = [line for line in text.splitlines() if re.match(r"[│ ]*[;:?!»]", line)]
    assert starts == []


def test_an_error_line_keeps_its_non_breaking_space(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "show", "zzzzzz")
    assert code == 1
    assert err.startswith(f"Erreur{NBSP}: ")


def test_a_french_letter_is_typeset(
    capsys: pytest.CaptureFixture[str],
) -> None:
    complaint_id = create(capsys, *DAMAGED)
    french = run(capsys, "letter", complaint_id)[1]
    assert f"Objet{NBSP}: mise en demeure" in french
    assert f"«{NBSP}Bouilloire inox{NBSP}»" in french


def test_rich_wraps_at_ordinary_spaces_only() -> None:
    # Rich alone would break "passé :" at the non-breaking space; reclam's consoles do not.
    import io

    from amazon_reclamation.ui import render

    render.out()  # the consoles are made: the wrapping rule is in place
    from rich.console import Console

    console = Console(file=io.StringIO(), width=18, color_system=None)
    console.print(f"Le délai est passé{NBSP}: agissez.")
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    assert lines == ["Le délai est", f"passé{NBSP}: agissez."]
