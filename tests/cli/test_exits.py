"""The one exit point, seen from several commands: an error is one line and a code
(more in tests/test_cli_exits.py)."""

from __future__ import annotations

import pytest

from helpers import ORDER, new, one_error_line, run


@pytest.mark.parametrize(
    "args",
    [
        ["show", "nothere"],
        ["show", "999-9999999-9999999"],
        ["close", "nothere", "--outcome", "resolved"],
        ["reopen", "nothere"],
        ["delete", "nothere", "--yes"],
    ],
)
def test_unknown_ref_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    # Arrange
    new(capsys)

    # Act
    code, out, err = run(capsys, *args)

    # Assert
    assert code == 1
    assert "reclam list" in one_error_line(err)
    assert out == ""


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["list", "--lang", "d\ne"], 2),
        (["show", "ab\ncd"], 1),
        (["close", ORDER, "--outcome", "x\ny"], 2),
        (["delete", "ab\ncd", "--yes"], 1),
    ],
    ids=["lang", "show ref", "close outcome", "delete ref"],
)
def test_any_error_is_one_line_even_when_the_typed_value_has_a_newline(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: int
) -> None:
    # Arrange
    new(capsys)

    # Act
    code, _out, err = run(capsys, *argv)

    # Assert
    assert code == expected
    one_error_line(err)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", "abc234", "extra"], "argument en trop : extra (voir reclam show --help)"),
        (
            ["letter", "abc234", "--days"],
            "--days : il manque la valeur (voir reclam letter --help)",
        ),
        (["list", "--json=yes"], "--json ne prend pas de valeur (voir reclam list --help)"),
        (["close"], "il manque REF"),
        (["list", "--nope"], "option inconnue : --nope"),
        (
            ["log", "--corrects", "x"],
            "--corrects : valeur non valable (un nombre entier est attendu)",
        ),
    ],
    ids=[
        "extra argument",
        "option without its value",
        "flag with a value",
        "missing argument",
        "unknown option",
        "bad value",
    ],  # fmt: skip
)
def test_every_click_usage_error_is_worded_by_reclam(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    # Act
    code, _out, err = run(capsys, *argv)

    # Assert
    assert code == 2
    assert expected in one_error_line(err)
    for english in ("Got unexpected", "requires an argument", "does not take", "Missing"):
        assert english not in err
