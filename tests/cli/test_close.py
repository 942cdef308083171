"""`reclam close`: an outcome is required, a closed complaint is not closed twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import new, one_error_line, run


def test_close_twice_or_reopen_an_open_complaint_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    saved = new(capsys)

    # Act
    reopen_open, _out, reopen_err = run(capsys, "reopen", saved["id"])
    run(capsys, "close", saved["id"], "--outcome", "resolved")
    close_again, _out, close_err = run(capsys, "close", saved["id"], "--outcome", "abandoned")

    # Assert
    assert reopen_open == 1
    assert "déjà ouverte" in one_error_line(reopen_err)
    assert close_again == 1
    assert "déjà clôturée" in one_error_line(close_err)


@pytest.mark.parametrize("args", [["--outcome", "done"], []])
def test_close_needs_a_valid_outcome(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, args: list[str]
) -> None:
    # Arrange
    saved = new(capsys)
    before = (isolated_home / "complaints" / f"{saved['id']}.json").read_bytes()

    # Act
    code, _out, err = run(capsys, "close", saved["id"], *args)

    # Assert
    assert code == 2
    assert "--outcome" in one_error_line(err)
    assert (isolated_home / "complaints" / f"{saved['id']}.json").read_bytes() == before


def test_close_of_a_corrupt_file_never_overwrites_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    new(capsys)
    corrupt = isolated_home / "complaints" / "zzzzzz.json"
    corrupt.write_bytes(b"not json")

    # Act
    code, _out, _err = run(capsys, "close", "zzzzzz", "--outcome", "resolved")

    # Assert
    assert code == 1
    assert corrupt.read_bytes() == b"not json"
