"""Pseudo-locale: every sentence a user reads comes whole from a catalogue message.

Each catalogue message is wrapped in ⟦…⟧ (a pseudo-translation), and each letter
template likewise. After running `new`, `show`, `escalate` and `letter`, removing the
wrapped messages, the values the user typed and the layout (table borders, bullets,
numbers, dates as digits) must leave no word: a word left over was glued in code and
could not be translated.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation import i18n
from helpers import run

ORDER = "171-2345678-9012345"
USER_VALUES = ("Bouilloire inox", "Marie Dupont", "Vendeur Martin", ORDER)
NEW = [
    "new", "--category", "damaged", "--order", ORDER, "--order-date", "01/10/2026",
    "--delivery-date", "05/10/2026", "--item", "Bouilloire inox", "--amount", "49,99",
    "--seller", "marketplace", "--seller-name", "Vendeur Martin", "--seller-country", "FR",
    "--name", "Marie Dupont", "--resolution", "refund", "--damage-timing", "on_arrival",
    "--photos", "--yes",
]  # fmt: skip
LOG = ["--channel", "seller_message", "--outcome", "promise", "--promise", "x"]


class Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"⟦{singular if n == 1 else plural}⟧"


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading the commands picks the language of their help texts: do it before patching.
    import amazon_reclamation.cli.commands  # noqa: F401

    # Every run picks its language (`App.start`): English, whose catalogue is the pseudo one.
    monkeypatch.setattr(i18n, "_load", lambda _language: Pseudo())
    monkeypatch.setenv("RECLAM_LANG", "en")
    i18n.set_language("en")  # for the code that runs outside a command
    from amazon_reclamation.texts import letters_templates

    original = letters_templates.Templates.raw

    def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
        return f"⟦{original(self, *args, **kwargs)}⟧"

    monkeypatch.setattr(letters_templates.Templates, "raw", wrapped)


def leftover_words(text: str, ids: tuple[str, ...]) -> list[str]:
    for value in (*USER_VALUES, *ids):
        text = text.replace(value, " ")
    previous = None
    while previous != text:  # innermost first: a message may hold another in a value
        previous = text
        text = re.sub(r"⟦[^⟦⟧]*⟧", " ", text, flags=re.DOTALL)
    return re.findall(r"[^\W\d_]{2,}", text)


def test_every_visible_sentence_comes_from_a_catalogue_message(
    capsys: pytest.CaptureFixture[str], pseudo: None, isolated_home: Path
) -> None:
    # Arrange
    code, out, err = run(capsys, *NEW, "--json")
    assert code == 0, err
    complaint_id = re.search(r'"id": "([a-z2-9]{6})"', out).group(1)  # type: ignore[union-attr]
    assert run(capsys, "log", complaint_id, *LOG, "--follow-up", "25/11/2026")[0] == 0

    # Act
    screens = {
        "new": run(
            capsys,
            *[a for a in NEW if a != "--order" and a != ORDER] + ["--order", "171-2345678-9012346"],
        ),
        "show": run(capsys, "show", complaint_id),
        "escalate": run(capsys, "escalate", complaint_id, "--all"),
        "letter": run(capsys, "letter", complaint_id),
    }

    # Assert
    assert {name: code for name, (code, _out, _err) in screens.items()} == dict.fromkeys(screens, 0)
    assert all(out.count("⟦") > 10 for _code, out, _err in screens.values())
    left = {
        name: leftover_words(out + err, tuple(re.findall(r"\b[a-z2-9]{6}\b", out + err)))
        for name, (_code, out, err) in screens.items()
    }
    assert left == {name: [] for name in screens}


def test_a_word_glued_in_code_is_found() -> None:
    text = "⟦Statut : ⟦ouverte⟧⟧ et ⟦Réclamation k7m2pq — ⟦Article⟧⟧ Bouilloire inox"
    assert leftover_words(text, ("k7m2pq",)) == ["et"]
