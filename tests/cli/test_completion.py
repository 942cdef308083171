"""Shell completion (`reclam --install-completion`): commands, options, ids and REF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from amazon_reclamation import cli
from helpers import ORDER, create, run

LATE = ["--category", "late", "--order", ORDER, "--order-date", "01/11/2026"]


def complete(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, words: str
) -> list[str]:
    """What bash would be offered for the last word of `words`."""
    monkeypatch.setenv("_RECLAM_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split(" ")) - 1))
    with pytest.raises(SystemExit) as finished:  # Click answers the shell, then exits
        cli.main([])
    assert finished.value.code == 0
    return capsys.readouterr().out.split()


def test_ref_completes_to_ids_and_order_numbers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    complaint_id = create(capsys, *LATE)

    # Act
    offered = complete(capsys, monkeypatch, "reclam show ")

    # Assert
    assert offered == [complaint_id, ORDER]


def test_an_id_option_completes_to_its_ids(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(capsys, monkeypatch, "reclam new --category no") == [
        "not_received",
        "non_conforming",
    ]
    assert complete(capsys, monkeypatch, "reclam close abc --outcome ") == [
        "resolved",
        "abandoned",
    ]


def test_commands_complete(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(capsys, monkeypatch, "reclam esc") == ["escalate"]


def test_id_options_show_their_choices_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run(capsys, "log", "--help")
    assert "--channel [phone|chat|email|letter|seller_message|other]" in out
    assert "--outcome [resolved|promise|refused|no_answer|pending]" in out


def test_options_complete_in_the_same_order_in_every_run(tmp_path: Path) -> None:
    # Click makes the help option's names a set: their order followed the run's string
    # hashes, so two runs offered "-h --help" and "--help -h" (seed 2 against seed 0).
    def offered(seed: int) -> str:
        env = {
            **os.environ,
            "PYTHONHASHSEED": str(seed),
            "PYTHONPATH": str(Path(cli.__file__).parents[2]),
            "RECLAM_HOME": str(tmp_path),
            "_RECLAM_COMPLETE": "complete_bash",
            "COMP_WORDS": "reclam list -",
            "COMP_CWORD": "2",
        }
        done = subprocess.run(
            [sys.executable, "-m", "amazon_reclamation"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    answers = {offered(seed) for seed in (0, 2)}
    assert len(answers) == 1
    assert answers.pop().split()[-2:] == ["--help", "-h"]
