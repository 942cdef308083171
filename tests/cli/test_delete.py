"""`reclam delete`: --yes or a confirmation that defaults to no."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import factories
from amazon_reclamation.ui.wizard import delete_question
from helpers import complaint_files, new, one_error_line, run

# Left unknown here, as in this test's complaint before the factory (which fills them in).
UNKNOWN: dict[str, Any] = {"item": None, "amount": None, "customer_name": None}


def test_delete_yes_removes_the_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    keep = new(capsys, order="222-2222222-2222222")
    gone = new(capsys)

    # Act
    code, out, _err = run(capsys, "delete", gone["id"], "--yes")

    # Assert
    assert code == 0
    assert gone["id"] in out
    assert [p.stem for p in complaint_files(isolated_home)] == [keep["id"]]


def test_delete_without_yes_and_without_terminal_deletes_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    saved = new(capsys)

    # Act
    code, _out, err = run(capsys, "delete", saved["id"])

    # Assert
    assert code == 2
    assert "--yes" in one_error_line(err)
    assert [p.stem for p in complaint_files(isolated_home)] == [saved["id"]]


def test_deleting_preselects_no() -> None:
    complaint = factories.complaint(
        "abc234",
        created_at=factories.at(20, hour=9),
        category="late",
        order_date=date(2026, 11, 1),
        **UNKNOWN,
    )
    assert delete_question(complaint).default is False
