"""`reclam new` typed by keystrokes in a real pseudo-terminal (pexpect), end to end.

prompt_toolkit asks the terminal where the cursor is (CPR) and waits up to a second
for an answer pexpect never gives; PROMPT_TOOLKIT_NO_CPR=1 skips that question so that
each prompt opens at once.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import asked

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.pty

ORDER = "123-1234567-1234567"
DOWN = "\x1b[B"
ENTER = "\r"
SUBMIT = "\x1b\r"  # Escape then Enter ends a multi-line answer
CTRL_C = "\x03"
BACKSPACE = "\x7f"
TIMEOUT = 10


@pytest.fixture
def env(isolated_home: Path) -> dict[str, str]:
    """The environment of the autouse fixture, in a terminal that pexpect can drive."""
    variables = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    for name in ("COLUMNS", "LINES"):  # the pseudo-terminal's own size applies
        variables.pop(name, None)
    return variables


@pytest.fixture
def reclam(env: dict[str, str]) -> Any:
    """Start `python -m amazon_reclamation ARGS` in a 40x120 pseudo-terminal."""
    children: list[Any] = []

    def spawn(*args: str) -> Any:
        try:
            child = pexpect.spawn(
                sys.executable,
                ["-m", "amazon_reclamation", *args],
                env=env,
                dimensions=(40, 120),
                encoding="utf-8",
                timeout=TIMEOUT,
            )
        except (OSError, pexpect.ExceptionPexpect) as error:
            pytest.skip(f"pexpect cannot spawn a pseudo-terminal here: {error}")
        children.append(child)
        return child

    yield spawn
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def reclam_plain(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run reclam without a terminal (pipes), as a script would."""
    return subprocess.run(
        [sys.executable, "-m", "amazon_reclamation", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def answer(child: Any, question: str, keys: str) -> None:
    child.expect_exact(asked(question))
    child.send(keys)


def finish(child: Any) -> int:
    child.expect(pexpect.EOF)
    child.close()
    status: int = child.exitstatus
    return status


def test_new_typed_in_a_terminal_then_list_and_show_see_it(
    reclam: Any, env: dict[str, str]
) -> None:
    # Arrange
    child = reclam("new")

    # Act: the wizard, key by key.
    answer(child, "Quel est le problème ?", DOWN + ENTER)  # Livraison en retard
    answer(child, "Numéro de commande", "123-45" + ENTER)  # invalid
    child.expect_exact("n'est pas un numéro de commande Amazon")
    child.send(BACKSPACE * 6 + "12312345671234567" + ENTER)  # corrected, bare digits
    answer(child, "Date de la commande", "01/11/2026" + ENTER)
    answer(child, "Date de livraison", ENTER)  # not arrived
    answer(child, "Dernière date de livraison estimée", "10/11/2026" + ENTER)
    answer(child, "Que dit le suivi du colis ?", "En transit depuis le 8/11" + ENTER)
    answer(child, "Article concerné", "Casque audio" + ENTER)
    answer(child, "Montant payé pour la commande", "49,99" + ENTER)
    answer(child, "Moyen de paiement", DOWN * 3 + ENTER)  # domiciliation SEPA (wraps)
    answer(child, "Date du débit", "03/11/2026" + ENTER)  # asked for a direct debit
    answer(child, "Qui a vendu l'article ?", DOWN + DOWN + ENTER)  # marketplace (wraps)
    answer(child, "Nom du vendeur", "TechDeals" + ENTER)
    answer(child, "Pays du vendeur", "de" + ENTER)
    answer(child, "Langue du message pour Amazon", ENTER)  # the interface's: français
    answer(child, "Votre nom", "Marie Dupont" + ENTER)
    answer(child, "Que demandez-vous ?", DOWN * 3 + ENTER)  # la livraison de la commande
    answer(child, "Décrivez le problème", "Toujours rien.\nMerci." + SUBMIT)
    child.expect_exact("Message prêt à copier")  # the summary before confirming
    answer(child, "Que voulez-vous faire ?", ENTER)  # Enregistrer la réclamation
    child.expect(r"Réclamation (\w+) enregistrée")
    complaint_id = child.match.group(1)
    code = finish(child)

    listed = reclam_plain(env, "list")
    shown = reclam_plain(env, "show", complaint_id)
    shown_json = reclam_plain(env, "show", ORDER, "--json")

    # Assert
    assert code == 0
    assert listed.returncode == 0
    assert complaint_id in listed.stdout
    assert ORDER in listed.stdout
    assert shown.returncode == 0
    assert "Casque audio" in shown.stdout
    assert f"ma commande n° {ORDER} du 1er novembre 2026" in shown.stdout
    data = json.loads(shown_json.stdout)
    assert data["id"] == complaint_id
    assert data["category"] == "late"
    assert data["order_number"] == ORDER
    assert data["expected_delivery_date"] == "2026-11-10"
    assert data["seller"] == {"kind": "marketplace", "name": "TechDeals", "country": "DE"}
    assert data["desired_resolution"] == "delivery"
    assert data["description"] == "Toujours rien.\nMerci."
    assert (data["facts"]["payment_method"], data["facts"]["charge_date"]) == (
        "sepa_direct_debit",
        "2026-11-03",
    )


def test_ctrl_c_after_the_order_number_exits_130_and_next_new_resumes(
    reclam: Any, env: dict[str, str], isolated_home: Path
) -> None:
    # Arrange
    first = reclam("new")
    answer(first, "Quel est le problème ?", ENTER)  # Article endommagé
    answer(first, "Numéro de commande", ORDER + ENTER)
    first.expect_exact("Date de la commande")

    # Act: Ctrl-C, then a new `reclam new` that resumes and finishes with the defaults.
    first.send(CTRL_C)
    first.expect_exact("Vos réponses sont gardées")
    interrupted = finish(first)
    nothing_saved = list((isolated_home / "complaints").glob("*.json"))

    second = reclam("new")
    second.expect_exact(f"Un brouillon de réclamation existe (commande {ORDER}")
    answer(second, "Reprendre le brouillon ?", ENTER)  # Oui
    answer(second, "Date de la commande", "01/11/2026" + ENTER)  # not the category again
    answer(second, "Date de livraison", ENTER)
    answer(second, "Quand le problème est-il apparu ?", ENTER)
    answer(second, "Avez-vous pris des photos", ENTER)
    answer(second, "Article concerné", ENTER)
    answer(second, "Montant payé pour la commande", ENTER)
    answer(second, "Moyen de paiement", ENTER)  # Je ne sais pas
    answer(second, "Qui a vendu l'article ?", DOWN + ENTER)  # amazon (wraps)
    answer(second, "Votre nom", ENTER)
    answer(second, "Que demandez-vous ?", ENTER)
    answer(second, "Décrivez le problème", SUBMIT)
    answer(second, "Que voulez-vous faire ?", ENTER)
    second.expect(r"Réclamation (\w+) enregistrée")
    resumed = finish(second)

    # Assert
    assert interrupted == 130
    assert nothing_saved == []
    assert resumed == 0
    saved = json.loads(reclam_plain(env, "list", "--json").stdout)
    assert [(c["category"], c["order_number"]) for c in saved] == [("damaged", ORDER)]
    assert not (isolated_home / "drafts" / "new.json").exists()


def test_ctrl_c_at_the_first_question_exits_130_and_keeps_nothing(
    reclam: Any, isolated_home: Path
) -> None:
    # Arrange
    child = reclam("new")
    child.expect_exact(asked("Quel est le problème ?"))

    # Act
    child.send(CTRL_C)
    child.expect_exact("rien n'a été enregistré")
    code = finish(child)

    # Assert
    assert code == 130
    assert not (isolated_home / "drafts" / "new.json").exists()
    assert not list((isolated_home / "complaints").glob("*.json"))


def colours(output: str) -> list[str]:
    """The SGR sequences in `output` that set a colour (bold and cursor moves are fine)."""
    found = []
    for params in re.findall(r"\x1b\[([\d;]*)m", output):
        numbers = [int(p) for p in params.split(";") if p]
        if any(30 <= n <= 49 or 90 <= n <= 107 for n in numbers):
            found.append(params)
    return found


@pytest.mark.parametrize("no_color", ["1", None])
def test_no_color_means_no_colour_in_a_terminal(
    reclam: Any, env: dict[str, str], no_color: str | None
) -> None:
    """The summary card has a cyan border, unless NO_COLOR is set."""
    # Arrange
    created = reclam_plain(
        env, "new", "--category", "late", "--order", ORDER, "--order-date", "01/11/2026", "--yes"
    )
    assert created.returncode == 0, created.stderr
    if no_color is None:
        env.pop("NO_COLOR")

    # Act
    child = reclam("show", ORDER)
    child.expect(pexpect.EOF)
    output = child.before
    child.close()

    # Assert
    assert child.exitstatus == 0
    assert "Message prêt à copier" in output
    assert (colours(output) == []) is (no_color is not None)


def test_bare_reclam_in_a_terminal_shows_the_dashboard_and_its_menu(
    env: dict[str, str], reclam: Any
) -> None:
    created = reclam_plain(
        env,
        "new",
        "--category",
        "damaged",
        "--order",
        ORDER,
        "--order-date",
        "01/11/2026",
        "--delivery-date",
        "05/11/2026",
        "--item",
        "Casque audio",
        "--yes",
        "--json",
    )
    assert created.returncode == 0, created.stderr
    complaint_id = json.loads(created.stdout)["id"]
    logged = reclam_plain(
        env,
        "log",
        complaint_id,
        "--channel",
        "phone",
        "--at",
        "10/11/2026",
        "--outcome",
        "promise",
        "--promise",
        "rappel",
        "--follow-up",
        "15/11/2026",
    )
    assert logged.returncode == 0, logged.stderr

    child = reclam()
    # Overdue promises come first, then the open complaints and the next action.
    child.expect_exact("Suivis à faire")
    child.expect_exact("rappel")
    child.expect_exact("Réclamations ouvertes")
    child.expect_exact(complaint_id)
    child.expect_exact("à faire\u00a0:")  # Rich prints the non-breaking space
    answer(child, "Que voulez-vous faire ?", DOWN + DOWN + ENTER)  # Voir une réclamation
    answer(child, "Quelle réclamation ?", ENTER)
    child.expect_exact("Message prêt à copier")
    # Showing a file returns to the menu; the last choice quits.
    answer(child, "Que voulez-vous faire ?", DOWN + DOWN + DOWN + ENTER)
    assert finish(child) == 0


def test_bare_reclam_without_a_terminal_prints_the_help(env: dict[str, str]) -> None:
    result = reclam_plain(env)
    assert result.returncode == 0
    assert "Utilisation\u00a0: reclam" in result.stdout  # a real process: real typography
    assert "escalate" in result.stdout


@pytest.mark.parametrize(("typed", "purged"), [("supprimer", True), ("oui", False)])
def test_purge_in_a_terminal_removes_everything_only_after_the_typed_word(
    reclam: Any, env: dict[str, str], isolated_home: Path, typed: str, purged: bool
) -> None:
    # Arrange: one complaint in the data folder
    created = reclam_plain(
        env, "new", "--category", "late", "--order", ORDER, "--order-date", "01/11/2026", "--yes"
    )
    assert created.returncode == 0, created.stderr

    # Act: the word typed at the prompt, then Enter
    child = reclam("purge")
    child.expect_exact("reclam backup")  # a backup is suggested first
    answer(child, "Supprimer définitivement 1 réclamation", typed + "\r")
    status = finish(child)

    # Assert
    assert status == 0
    assert isolated_home.exists() is not purged
