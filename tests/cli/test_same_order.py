"""Two open complaints on one order: marked in `list`, picked in a terminal, confirmed."""

from __future__ import annotations

from typing import Any

import pytest

from amazon_reclamation.cli import context
from amazon_reclamation.ui import wizard
from helpers import ORDER, create, run

LATE = ["--category", "late", "--order", ORDER, "--order-date", "01/11/2026"]


class Scripted:
    """Answers the questions of a terminal session from a dict (by question key)."""

    answers: dict[str, Any] = {}
    asked: list[str] = []

    def __init__(self, today: Any, **_: Any) -> None:
        pass

    def __call__(self, question: Any, answers: dict[str, Any]) -> Any:
        Scripted.asked.append(question.key)
        return Scripted.answers[question.key]


def terminal(monkeypatch: pytest.MonkeyPatch, answers: dict[str, Any]) -> type[Scripted]:
    """From now on, a person at a terminal answers `answers`."""
    Scripted.answers, Scripted.asked = answers, []
    monkeypatch.setattr(context, "is_interactive", lambda: True)
    monkeypatch.setattr(wizard, "QuestionaryAsker", Scripted)
    return Scripted


def test_list_marks_an_order_with_two_open_complaints(capsys: pytest.CaptureFixture[str]) -> None:
    # Arrange
    create(capsys, *LATE)
    create(capsys, *LATE)

    # Act
    code, out, err = run(capsys, "list")

    # Assert
    assert code == 0
    assert out.count(f"{ORDER} *") == 2
    assert "plusieurs réclamations ouvertes pour cette commande" in err


def test_an_order_number_with_two_complaints_is_refused_unattended(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    first, second = create(capsys, *LATE), create(capsys, *LATE)

    # Act
    code, _out, err = run(capsys, "show", ORDER)

    # Assert
    assert code == 1
    assert first in err and second in err


def test_an_order_number_with_two_complaints_offers_a_picker_in_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    create(capsys, *LATE)
    second = create(capsys, *LATE)
    person = terminal(monkeypatch, {"_pick": second})

    # Act
    code, out, _err = run(capsys, "show", ORDER, "--json")

    # Assert
    assert code == 0
    assert person.asked == ["_pick"]
    assert f'"id": "{second}"' in out


@pytest.mark.parametrize("accepted", [True, False])
def test_a_second_complaint_on_one_order_is_confirmed_in_the_wizard(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, accepted: bool
) -> None:
    from amazon_reclamation.cli.commands.new import _second_one_confirmed
    from amazon_reclamation.cli.context import App

    # Arrange
    existing = create(capsys, *LATE)
    person = terminal(monkeypatch, {"_confirm": accepted})

    # Act
    confirmed = _second_one_confirmed(App(), {"order_number": ORDER})
    unrelated = _second_one_confirmed(App(), {"order_number": "999-1234567-1234567"})

    # Assert
    assert confirmed is accepted
    assert unrelated is True
    assert person.asked == ["_confirm"]  # asked once: only for the order already open
    assert existing
