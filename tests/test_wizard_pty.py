"""The wizard's prompts as a real terminal shows them (pexpect): what reaches the screen.

The fixtures and helpers are those of `test_e2e_pty.py` (a 40x120 pseudo-terminal).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest

from helpers import asked
from test_e2e_pty import CTRL_C, DOWN, ENTER, answer, env, finish, reclam  # noqa: F401

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

CPR_QUESTION = "\x1b[6n"  # prompt_toolkit asks where the cursor is


def test_a_choice_s_explanation_reaches_the_terminal_without_an_english_label(
    reclam: Any,  # noqa: F811
) -> None:
    # Arrange
    child = reclam("new")
    child.expect_exact(asked("Quel est le problème ?"))

    # Act: the first choice's explanation, then the second's after one arrow key.
    child.expect_exact("arrivé abîmé, ou une panne apparue après la livraison")
    first = child.before
    child.send(DOWN)
    child.expect_exact("Livraison en retard")
    child.send(CTRL_C)
    finish(child)

    # Assert
    assert "Description" not in first
    assert "Description" not in child.before


def rows_down(text: str) -> int:
    """How many rows the cursor moves down in this terminal output (new lines, CSI n B)."""
    moves = [int(n or 1) for n in re.findall(r"\x1b\[(\d*)B", text)]
    return text.count("\n") + sum(moves)


def test_a_refused_answer_s_message_follows_the_answer_in_a_terminal(
    env: dict[str, str],  # noqa: F811
) -> None:
    # Arrange: a terminal that answers prompt_toolkit's cursor-position question (row 1 of
    # 40), as a real one does: prompt_toolkit then knows the room left below the prompt.
    variables = {k: v for k, v in env.items() if k != "PROMPT_TOOLKIT_NO_CPR"}
    try:
        child = pexpect.spawn(
            sys.executable,
            ["-m", "amazon_reclamation", "new"],
            env=variables,
            dimensions=(40, 120),
            encoding="utf-8",
            timeout=10,
        )
    except (OSError, pexpect.ExceptionPexpect) as error:
        pytest.skip(f"pexpect cannot spawn a pseudo-terminal here: {error}")

    def cpr_then(text: str) -> None:
        child.expect_exact(CPR_QUESTION)
        child.send("\x1b[1;1R")
        child.expect_exact(text)

    cpr_then(asked("Quel est le problème ?"))
    child.send(DOWN + ENTER)
    cpr_then("Numéro de commande")

    # Act
    child.send("123-45" + ENTER)
    child.expect_exact("«")  # the message's first character: « 123-45 » n'est pas …
    between = child.before
    child.expect_exact("n'est pas un numéro de commande Amazon")
    child.send(CTRL_C)
    finish(child)

    # Assert: after the answer's last key (its echo, "5"), the message is drawn on the next
    # row, not 37 rows lower on the terminal's bottom row.
    after_answer = between[between.rindex("5") :]
    assert rows_down(after_answer) <= 2
