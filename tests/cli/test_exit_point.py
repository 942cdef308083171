"""The one exit point: errors by type to one line and a code; --debug adds the traceback."""

from __future__ import annotations

from typing import Any

import pytest

from amazon_reclamation.cli.commands import rights
from helpers import run


def _boom(*_args: Any, **_kwargs: Any) -> None:
    raise RuntimeError("boom")


def test_an_unexpected_error_is_one_line_with_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setattr(rights, "open_complaint", _boom)

    # Act
    code, out, err = run(capsys, "rights")

    # Assert
    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == [
        "Erreur : erreur inattendue (RuntimeError) : rien n'a été perdu ; relancez avec --debug "
        "et signalez la trace affichée."
    ]


def test_debug_prints_the_traceback_before_the_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setattr(rights, "open_complaint", _boom)

    # Act
    code, _out, err = run(capsys, "rights", "--debug")

    # Assert
    assert code == 1
    assert err.startswith("Traceback (most recent call last):")
    assert "RuntimeError: boom" in err
    assert err.rstrip().endswith("signalez la trace affichée.")


def test_debug_also_shows_where_a_reclam_error_came_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, _out, err = run(capsys, "--debug", "show", "zzzzzz")

    # Assert
    assert code == 1
    assert "Traceback" in err
    assert "NotFound" in err


def test_without_debug_a_reclam_error_has_no_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, _out, err = run(capsys, "show", "zzzzzz")

    # Assert
    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frobnicate"], "Erreur : commande inconnue : frobnicate (voir reclam --help)"),
        (["list", "--bogus"], "Erreur : option inconnue : --bogus (voir reclam list --help)"),
        (
            ["letter", "abc234", "--days", "soon"],
            "Erreur : --days : valeur non valable (un nombre entier est attendu) "
            "(voir reclam letter --help)",
        ),
    ],
)
def test_usage_errors_are_told_apart_by_type(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    # Act
    code, out, err = run(capsys, *args)

    # Assert
    assert code == 2
    assert out == ""
    assert err.strip() == expected


@pytest.mark.parametrize("where", ["group", "command"])
def test_global_options_work_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Any, where: str
) -> None:
    # Arrange
    home = tmp_path / "elsewhere"
    created = ["new", "--category", "late", "--order", "123-1234567-1234567"]
    created += ["--order-date", "01/11/2026", "--yes", "--json", "--home", str(home)]
    assert run(capsys, *created)[0] == 0
    options = ["--home", str(home)]
    args = [*options, "list", "--json"] if where == "group" else ["list", "--json", *options]

    # Act
    code, out, _err = run(capsys, *args)
    _code, default_home, _ = run(capsys, "list", "--json")

    # Assert
    assert code == 0
    assert '"order_number": "123-1234567-1234567"' in out
    assert default_home.strip() == "[]"


def test_a_run_collects_cycles_less_often_and_gives_the_collector_back(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: a command that notes the collector's thresholds while it runs
    import gc

    from amazon_reclamation.cli.exits import GC_THRESHOLD

    seen: list[tuple[int, ...]] = []

    def note(*_args: Any, **_kwargs: Any) -> None:
        seen.append(gc.get_threshold())
        raise RuntimeError("stop here")

    monkeypatch.setattr(rights, "open_complaint", note)
    before = gc.get_threshold()

    # Act
    code, _out, _err = run(capsys, "rights")

    # Assert: raised during the run (still enabled), the caller's thresholds after it
    assert code == 1
    assert seen and seen[0][0] >= GC_THRESHOLD
    assert seen[0][1:] == before[1:]
    assert gc.isenabled()
    assert gc.get_threshold() == before
