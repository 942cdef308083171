"""`reclam reopen`: a closed complaint is open again, its closing date cleared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ORDER, new, run


@pytest.mark.parametrize("outcome", ["resolved", "abandoned"])
def test_close_then_reopen(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, outcome: str
) -> None:
    # Arrange
    saved = new(capsys)
    path = isolated_home / "complaints" / f"{saved['id']}.json"

    # Act
    closed_code, _out, _err = run(capsys, "close", ORDER, "--outcome", outcome)
    closed = json.loads(path.read_text("utf-8"))
    reopened_code, _out, _err = run(capsys, "reopen", saved["id"])
    reopened = json.loads(path.read_text("utf-8"))

    # Assert
    assert closed_code == 0
    assert closed["status"] == outcome
    assert closed["closed_at"] is not None
    assert reopened_code == 0
    assert reopened["status"] == "open"
    assert reopened["closed_at"] is None
