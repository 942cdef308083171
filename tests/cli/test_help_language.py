"""`--help` in the user's language: it follows `--lang` (read before Click parses the line)
and the saved preference, and every word of it, Click's own included, comes from the
catalogue (a pseudo catalogue leaves no English or French word outside its messages)."""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import pytest

from amazon_reclamation import i18n
from helpers import run

COMMANDS = [
    "", "attach", "backup", "calendar", "close", "config", "delete", "due", "escalate", "export",
    "letter", "list", "log", "new", "purge", "reopen", "restore", "rights", "show",
]  # fmt: skip


class Tagged(gettext.NullTranslations):
    """A pseudo catalogue: every message wrapped and tagged with its language."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def gettext(self, message: str) -> str:
        return f"⟦{self.language}:{message}⟧"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pseudo catalogues for nl, de and en, and command modules loaded afresh by the next
    run, as a new process would (their help texts are read when they load)."""
    # Loaded (every command, as the tests need), to be put back afterwards: importing the
    # package alone no longer imports the app or the commands (the console script loads
    # only the command it runs).
    import amazon_reclamation.cli.app
    import amazon_reclamation.cli.commands
    import amazon_reclamation.cli.common

    amazon_reclamation.cli.commands.load()

    monkeypatch.setattr(i18n, "_load", Tagged)
    package = sys.modules["amazon_reclamation.cli"]
    for attribute in ("app", "commands", "common"):  # a fresh import rebinds them
        monkeypatch.setattr(package, attribute, getattr(package, attribute))
    for name in list(sys.modules):
        if (
            name.startswith(("amazon_reclamation.cli.commands", "amazon_reclamation.cli.app"))
            or name == "amazon_reclamation.cli.common"
        ):
            monkeypatch.delitem(sys.modules, name)


def leftover_words(text: str) -> list[str]:
    """The words of a help screen outside the catalogue's messages, options, ids, REF."""
    while (shorter := re.sub(r"⟦[^⟦⟧]*⟧", " ", text)) != text:
        text = shorter
    # the group's list of commands cuts a long help short ("…"), its end with it
    text = re.sub(r"⟦[^⟦⟧\n]*\.\.\.$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", text)  # options
    text = re.sub(r"\[[a-z_|]+\]|[a-z]+(?:\|[a-z]+)+", " ", text)  # the ids of a choice
    words = re.findall(r"[^\W\d_]{2,}", text)
    return [w for w in words if w not in ("reclam", "REF", *COMMANDS)]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_word_outside_the_catalogue(
    capsys: pytest.CaptureFixture[str], pseudo: None, command: str
) -> None:
    # Act
    code, out, err = run(capsys, *([command] if command else []), "--help", "--lang", "de")

    # Assert
    assert (code, err) == (0, "")
    assert "⟦de:Utilisation :⟧" in out
    assert leftover_words(out) == [], out


def test_the_english_words_of_click_are_gone_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    screens = "".join(run(capsys, *([c] if c else []), "--help")[1] for c in COMMANDS)

    # Assert
    english = ("Usage", "Options:", "Commands", "Show this", "default:", "required", "<str>",
               "<int>", "TEXT", "Install completion", "Show completion", "PATH",
               "FILE")  # fmt: skip
    found = [w for w in english if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", screens)]
    assert found == []
    assert "[par défaut : 15]" in screens
    assert "[obligatoire]" in screens


def test_help_follows_lang_even_after_the_command(
    capsys: pytest.CaptureFixture[str], pseudo: None
) -> None:
    # Act
    code, out, _err = run(capsys, "letter", "--help", "--lang=nl")

    # Assert
    assert code == 0
    shown = " ".join(out.split())
    assert "⟦nl:La mise en demeure de cette réclamation (texte ou Markdown).⟧" in shown
    assert "⟦nl:Afficher cette aide et quitter.⟧" in shown


def test_help_follows_the_saved_language(
    capsys: pytest.CaptureFixture[str], pseudo: None, isolated_home: Path
) -> None:
    # Arrange
    isolated_home.mkdir()
    (isolated_home / "config.json").write_text('{"lang": "en"}', encoding="utf-8")

    # Act
    code, out, _err = run(capsys, "new", "--help")

    # Assert
    assert code == 0
    shown = " ".join(out.split())
    assert "⟦en:Décrire un nouveau problème de commande" in shown
    assert "⟦en:Numéro de commande, 123-1234567-1234567.⟧" in shown
    assert "⟦en:JJ/MM/AAAA⟧" in shown
