"""Four languages, end to end: every message translated, the same complaint shown in each
language (snapshots), `--help` free of the other languages' words, and the wizard and the
log typed in a real terminal in Dutch and German.

The words a person types and sees are taken from the shipped catalogues, so a reworded
translation does not break these tests; a missing one does.
"""

from __future__ import annotations

import gettext
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

import helpers
from amazon_reclamation import i18n
from helpers import asked, create, run

LANGUAGES = ("fr", "nl", "de", "en")
TRANSLATED = ("nl", "de", "en")
SNAPSHOTS = Path(__file__).parent / "snapshots" / "languages"
ORDER = "171-2345678-9012345"
COMPLAINT = [
    "--category", "damaged", "--order", ORDER, "--order-date", "01/10/2026",
    "--delivery-date", "05/10/2026", "--item", "Bouilloire inox", "--amount", "1249,99",
    "--payment-method", "card", "--seller", "marketplace", "--seller-name", "Martin",
    "--seller-country", "FR", "--name", "Marie Dupont", "--resolution", "refund",
    "--damage-timing", "on_arrival", "--photos",
]  # fmt: skip
COMMANDS = [
    "", "close", "config", "delete", "due", "escalate", "letter", "list", "log", "new",
    "reopen", "rights", "show",
]  # fmt: skip


def catalogue(language: str) -> gettext.GNUTranslations:
    return gettext.translation(i18n.DOMAIN, localedir=i18n.LOCALE_DIR, languages=[language])


# -- every message translated ---------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_has_a_checked_translation(language: str) -> None:
    path = i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with path.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    missing = [
        m.id
        for m in messages
        if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    assert missing == []
    assert len(messages) > 900  # the whole catalogue, not an empty file


# -- the same complaint in four languages ---------------------------------------------


def check_snapshot(name: str, text: str) -> None:
    helpers.check_snapshot(SNAPSHOTS / name, text, "tests/test_languages.py")


@pytest.mark.typography  # the exact bytes a user gets
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_complaint_reads_in_each_language(
    capsys: pytest.CaptureFixture[str], language: str
) -> None:
    # Arrange: made in French; the record holds ids and ISO dates only.
    complaint_id = create(capsys, *COMPLAINT)
    logged = run(
        capsys, "log", complaint_id, "--channel", "seller_message", "--at", "10/10/2026",
        "--outcome", "refused",
    )  # fmt: skip
    assert logged[0] == 0, logged[2]

    # Act
    screens = {
        screen: run(capsys, "--lang", language, screen, complaint_id)
        for screen in ("show", "escalate", "letter")
    }

    # Assert
    for screen, (code, out, err) in screens.items():
        assert (code, err) == (0, ""), (screen, err)
        check_snapshot(f"{language}_{screen}.txt", out.replace(complaint_id, "ID"))
    if language != "fr":
        french = catalogue(language)  # the card's title, say, is not left in French
        assert french.gettext("Numéro de commande") in screens["show"][1]
        assert "Numéro de commande" not in screens["show"][1]


@pytest.mark.parametrize(
    ("language", "amount", "date"),
    [("fr", "1\u202f249,99\u00a0€", "01/10/2026"), ("nl", "1.249,99\u00a0€", "01/10/2026"),
     ("de", "1.249,99\u00a0€", "01/10/2026"), ("en", "€1,249.99", "01/10/2026")],
)  # fmt: skip
def test_amounts_and_dates_are_written_as_each_language_writes_them(
    capsys: pytest.CaptureFixture[str], language: str, amount: str, date: str
) -> None:
    complaint_id = create(capsys, *COMPLAINT)
    out = run(capsys, "--lang", language, "show", complaint_id)[1]
    assert amount in out
    assert date in out


# -- --help speaks one language ------------------------------------------------------

# Words that can only be French, or only English, in a help screen (ids, option names and
# values in brackets are removed first). "message", "options", "arguments" are French too.
FRENCH_WORDS = {
    "le", "la", "les", "une", "du", "et", "ou", "pour", "avec", "sans", "est", "afficher",
    "réclamation", "quitter", "utilisation", "votre", "vos", "cette", "défaut", "commande",
}  # fmt: skip
ENGLISH_WORDS = {
    "the", "and", "show", "this", "exit", "usage", "commands", "install", "current", "with",
    "default", "required", "customize", "copy",
}  # fmt: skip
NOT_ENGLISH_IN = {"fr": {"message", "options", "arguments"}}


def help_words(text: str) -> set[str]:
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)  # option names
    text = re.sub(r"\[[^\]\n]*\|[^\]\n]*\]", " ", text)  # choices: [phone|chat|…]
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\b[a-z]+_[a-z_]+\b", " ", text)  # ids: seller_message, unknown_charge
    text = re.sub(r"\breclam( [a-z]+)?", " ", text)  # the program and its commands
    text = re.sub(r"^  [a-z]+ ", " ", text, flags=re.MULTILINE)  # the list of commands
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_in_one_language(language: str, command: str, isolated_home: Path) -> None:
    # A process of its own: help texts are read when the command modules load.
    args = [sys.executable, "-m", "amazon_reclamation", "--lang", language]
    result = subprocess.run(
        [*args, *([command] if command else []), "--help"],
        capture_output=True, text=True, timeout=30, check=False,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    words = help_words(result.stdout)
    if language != "fr":
        assert words & FRENCH_WORDS == set()
    if language != "en":
        assert words & ENGLISH_WORDS == set()


# -- typed in a real terminal: the wizard in Dutch, a contact in German ----------------

pexpect = pytest.importorskip("pexpect")
DOWN, ENTER, SUBMIT = "\x1b[B", "\r", "\x1b\r"


def spawn(home: Path, language: str, *args: str) -> Any:
    env = {**os.environ, "RECLAM_HOME": str(home), "RECLAM_LANG": language, "TERM": "xterm"}
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    for name in ("COLUMNS", "LINES"):
        env.pop(name, None)
    try:
        return pexpect.spawn(
            sys.executable, ["-m", "amazon_reclamation", *args], env=env,
            dimensions=(40, 120), encoding="utf-8", timeout=15,
        )  # fmt: skip
    except (OSError, pexpect.ExceptionPexpect) as error:
        pytest.skip(f"pexpect cannot spawn a pseudo-terminal here: {error}")


@pytest.mark.pty
def test_the_whole_wizard_in_dutch(isolated_home: Path) -> None:
    nl = catalogue("nl").gettext
    assert nl("Quel est le problème ?") != "Quel est le problème ?"  # Dutch on the screen
    child = spawn(isolated_home, "nl", "new")

    def answer(question: str, keys: str) -> None:
        child.expect_exact(asked(nl(question)))
        child.send(keys)

    answer("Quel est le problème ?", DOWN + ENTER)  # late delivery
    answer("Numéro de commande (123-1234567-1234567)", ORDER + ENTER)
    answer("Date de la commande", "01/11/2026" + ENTER)
    answer("Date de livraison", ENTER)  # not arrived
    answer("Dernière date de livraison estimée par Amazon", "10/11/2026" + ENTER)
    answer("Que dit le suivi du colis ?", "Onderweg sinds 8/11" + ENTER)
    answer("Article concerné", "Koptelefoon" + ENTER)
    answer("Montant payé pour la commande (€)", "49,99" + ENTER)
    answer("Moyen de paiement", ENTER)  # unknown
    answer("Qui a vendu l'article ?", DOWN + ENTER)  # Amazon (wraps from "unknown")
    answer("Votre nom (tel qu'il figure sur la commande)", "Jan Peeters" + ENTER)
    answer("Que demandez-vous ?", DOWN * 3 + ENTER)  # delivery of the order
    answer("Décrivez le problème avec vos mots", "Nog steeds niets." + SUBMIT)
    answer("Que voulez-vous faire ?", ENTER)  # save
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    [saved] = [json.loads(p.read_text()) for p in (isolated_home / "complaints").glob("*.json")]
    assert (saved["category"], saved["order_number"], saved["item"]) == (
        "late", ORDER, "Koptelefoon",
    )  # fmt: skip
    assert saved["seller"]["kind"] == "amazon"
    assert saved["desired_resolution"] == "delivery"


@pytest.mark.pty
def test_a_contact_logged_in_german(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    complaint_id = create(capsys, *COMPLAINT)
    de = catalogue("de").gettext
    assert de("Par quel moyen ?") != "Par quel moyen ?"  # German on the screen
    child = spawn(isolated_home, "de", "log", complaint_id)

    def answer(question: str, keys: str) -> None:
        child.expect_exact(asked(de(question)))
        child.send(keys)

    answer("Par quel moyen ?", ENTER)  # phone, the first
    answer("Quelle démarche ?", ENTER)  # the step to take now
    answer("Quand ?", ENTER)  # now
    answer("Nom de l'interlocuteur", "Sabine" + ENTER)
    answer("Référence du dossier (donnée par Amazon ou le vendeur)", ENTER)
    answer("Ce qui a été dit, avec vos mots", "Rückruf versprochen" + SUBMIT)
    answer("Résultat", DOWN * 2 + ENTER)  # no_answer (after promise and refused)
    answer("Pour quand ? (date de suivi)", ENTER)
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    saved = json.loads((isolated_home / "complaints" / f"{complaint_id}.json").read_text())
    [entry] = saved["contacts"]
    assert (entry["channel"], entry["agent"], entry["summary"], entry["outcome"]) == (
        "phone", "Sabine", "Rückruf versprochen", "no_answer",
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "de", "en"])
def test_the_heading_of_deadlines_near_today_does_not_call_them_upcoming(lang: str) -> None:
    # `due` lists the deadlines within a week of today, passed ones included: "upcoming",
    # "bald ablaufend" or "naderend" would be wrong for those.
    from amazon_reclamation.i18n import _, in_language

    with in_language(lang):
        heading = _("Délais proches").lower()

    assert not any(word in heading for word in ("upcoming", "bald", "naderend"))


def test_the_german_request_takes_each_resolution_in_the_accusative() -> None:
    # "Ich bitte Sie um {what}": "um" takes the accusative, the same as the nominative
    # for a feminine noun only ("um die Rückerstattung", but "um den Ersatz").
    from amazon_reclamation.i18n import _, in_language
    from amazon_reclamation.texts import labels

    with in_language("de"):
        template = _("Je vous demande {what}.")
        words = [_(label) for label in labels.RESOLUTION.values()]

    assert template == "Ich bitte Sie um {what}."
    assert all(word.startswith(("die ", "eine ")) for word in words), words
