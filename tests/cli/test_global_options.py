"""Options of every command (--lang, --home, --version, --help), the environment, and
usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from amazon_reclamation import __version__, i18n
from amazon_reclamation.cli import commands
from helpers import REQUIRED, complaint_files, nothing_written, one_error_line, run


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys, "--version")

    # Assert
    assert code == 0
    assert out.strip() == f"reclam {__version__}"


COMMANDS = sorted(typer.main.get_command(commands.app).commands)  # every command, as registered


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_of_every_command_exits_0(capsys: pytest.CaptureFixture[str], command: str) -> None:
    # Act
    code, out, err = run(capsys, *([command] if command else []), "--help")

    # Assert
    assert code == 0
    assert out.startswith("Utilisation : reclam")
    for option in ("--lang", "--home", "--version"):
        assert option in out
    assert err == ""


def test_every_command_has_a_one_line_description(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys, "--help")

    # Assert
    assert code == 0
    for command in COMMANDS:
        line = next(line for line in out.splitlines() if line.strip().startswith(command + " "))
        assert len(line.split(maxsplit=1)) == 2, f"{command} has no description"


def test_bare_reclam_without_terminal_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys)

    # Assert
    assert code == 0
    assert "Utilisation : reclam" in out


def test_home_option_chooses_the_data_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path
) -> None:
    # Arrange
    elsewhere = tmp_path / "ailleurs"

    # Act
    code, out, _err = run(capsys, "new", *REQUIRED, "--yes", "--json", "--home", str(elsewhere))

    # Assert
    assert code == 0
    assert (elsewhere / "complaints" / f"{json.loads(out)['id']}.json").exists()
    assert complaint_files(isolated_home) == []


def test_a_data_folder_that_is_a_file_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("RECLAM_HOME", str(not_a_folder))

    # Act
    code, out, err = run(capsys, "new", *REQUIRED, "--yes")

    # Assert
    assert code == 1
    assert str(not_a_folder) in one_error_line(err)
    assert out == ""


def test_a_bad_reclam_today_is_one_error_line(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("RECLAM_TODAY", "20/11/2026")

    # Act
    code, _out, err = run(capsys, "new", *REQUIRED, "--yes")

    # Assert
    assert code == 2
    assert "RECLAM_TODAY" in one_error_line(err)
    assert nothing_written(isolated_home)


@pytest.mark.parametrize("lang", ["nl", "de", "en"])
def test_each_language_is_spoken_without_a_notice(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    # Act
    code, out, err = run(capsys, "list", "--lang", lang)

    # Assert: the catalogue is shipped; no "not available yet", no fallback notice
    assert code == 0
    assert err.count("\n") <= 1
    assert "reclam new" in out + err
    assert i18n.current_language() == lang


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["frobnicate"], "commande inconnue : frobnicate"),
        (["log", "--corrects", "abc"], "--corrects : valeur non valable"),
        (["show"], "il manque REF (l'identifiant de la réclamation ou le numéro de commande)"),
        (["list", "--bogus"], "option inconnue : --bogus"),
    ],
)
def test_usage_errors_are_one_french_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert expected in err


def test_each_command_name_leads_to_the_module_that_registers_it() -> None:
    # Arrange
    group = typer.main.get_command(commands.app)

    # Act
    registered = {
        name: command.callback.__module__.rsplit(".", 1)[-1]
        for name, command in group.commands.items()  # type: ignore[attr-defined]
    }

    # Assert: every command, and the root help's order (the modules' order) kept
    assert registered == commands.COMMAND_MODULES
    assert list(group.commands) == list(commands.COMMAND_MODULES)  # type: ignore[attr-defined]


LOADED = """
import sys
from amazon_reclamation.cli.exits import main
code = main()
loaded = sorted(m.rsplit(".", 1)[-1] for m in sys.modules
                if m.startswith("amazon_reclamation.cli.commands."))
print(code, " ".join(loaded), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["show", "--help"], "dashboard show"),
        (["restore", "--help"], "backup dashboard"),
        (["--lang", "en", "show", "--help"], None),  # a global option first: every command
        (["lst"], None),  # an unknown name: every command, to say so
        (["--help"], None),
    ],
)
def test_the_console_script_loads_only_the_command_it_runs(
    argv: list[str], modules: str | None, isolated_home: Path
) -> None:
    # Arrange
    import os
    import subprocess
    import sys

    every = " ".join(sorted({"dashboard", *commands.COMMAND_MODULES.values()}))
    env = {**os.environ, "RECLAM_HOME": str(isolated_home)}

    # Act: a real process, as the console script runs (`main()` reads sys.argv)
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *argv], capture_output=True, text=True, env=env, check=False
    )

    # Assert
    code, loaded = done.stderr.splitlines()[-1].split(" ", 1)
    assert code == ("2" if argv == ["lst"] else "0")
    assert loaded == (modules or every)
    if argv[-1] == "--help" and argv != ["--help"]:
        usage = done.stdout.splitlines()[0]
        assert usage.endswith(("reclam show [OPTIONS] {REF}", "reclam restore [OPTIONS] {FICHIER}"))
    if argv == ["--help"]:  # the root help still lists every command
        listed = [line.split()[0] for line in done.stdout.splitlines() if line.startswith("  ")]
        assert [name for name in listed if name in commands.COMMAND_MODULES] == list(
            commands.COMMAND_MODULES
        )


@pytest.mark.parametrize(
    ("argv", "built"),
    [
        (["--help"], []),  # the root help lists every command and builds none
        (["--lang", "nl", "--help"], []),
        (["show", "--help"], ["show"]),
        (["list"], ["list"]),
        (["lst"], []),  # an unknown name: nothing to build
    ],
)
def test_a_run_builds_only_the_command_it_runs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list, built: list
) -> None:
    # Arrange: count what Typer builds (a command's options are read from its signature)
    made: list[str] = []
    build = typer.main.get_command_from_info

    def counting(command_info: typer.models.CommandInfo, **kwargs: object) -> object:
        made.append(str(command_info.name or command_info.callback.__name__))  # type: ignore[union-attr]
        return build(command_info, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)

    # Act
    code, out, _err = run(capsys, *argv)

    # Assert
    assert code == (2 if argv == ["lst"] else 0)
    assert made == built
    if argv[-1] == "--help" and argv[0] != "show":
        assert all(f"  {name} " in out for name in commands.COMMAND_MODULES)
