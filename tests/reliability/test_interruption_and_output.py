"""What reclam says when it is stopped or cannot print: never "nothing was saved" after
saving, the saved id named when the output fails; terminals that are not UTF-8; absurd
references; and owner-only files and folders whatever the umask."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reliability_support import (
    BASE_NEW,
    assert_one_error_line,
    complaint_data,
    contact,
    env_for,
    read_record,
    reclam_process,
    temp_files,
    write_record,
)

from amazon_reclamation.ui import questions, render
from helpers import run

NOTHING_SAVED = "rien n'a été enregistré"
NEW = ["new", *BASE_NEW, "--item", "Casque", "--yes"]
CID = "sss222"


def saved_ids(home: Path) -> list[str]:
    folder = home / "complaints"
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json"))


def interrupt(*_args: Any, **_kwargs: Any) -> None:
    raise KeyboardInterrupt


def interrupt_on_directory_fsync(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Ctrl-C at the very end of a save: after the rename, while syncing the folder."""
    real = os.fsync

    def fsync(fd: int) -> None:
        if str(Path(f"/proc/self/fd/{fd}").readlink()) == str(home / "complaints"):
            raise KeyboardInterrupt
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


# -- Ctrl-C ------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["summary_card", "deadlines"])
def test_ctrl_c_after_new_saved_names_the_saved_complaint(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    where: str,
) -> None:
    # Arrange
    monkeypatch.setattr(render, where, interrupt)

    # Act
    code, _out, err = run(capsys, *NEW)

    # Assert
    assert code == 130
    ids = saved_ids(isolated_home)
    assert len(ids) == 1
    assert NOTHING_SAVED not in err
    assert ids[0] in err
    assert read_record(isolated_home, ids[0])["item"] == "Casque"


def test_ctrl_c_while_syncing_the_folder_after_the_rename_names_the_saved_complaint(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    # Arrange
    interrupt_on_directory_fsync(monkeypatch, isolated_home)

    # Act
    code, _out, err = run(capsys, *NEW)

    # Assert
    assert code == 130
    ids = saved_ids(isolated_home)
    assert len(ids) == 1
    assert NOTHING_SAVED not in err
    assert ids[0] in err


def test_ctrl_c_before_new_saved_says_nothing_was_saved(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    # Arrange
    monkeypatch.setattr(questions, "build_complaint", interrupt)

    # Act
    code, _out, err = run(capsys, *NEW)

    # Assert
    assert code == 130
    assert NOTHING_SAVED in err
    assert saved_ids(isolated_home) == []
    assert "Traceback" not in err


def test_ctrl_c_while_writing_the_temp_file_says_nothing_was_saved_and_leaves_no_temp(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    # Arrange
    real = os.fsync

    def fsync(fd: int) -> None:
        if str(Path(f"/proc/self/fd/{fd}").readlink()).endswith(".tmp"):
            raise KeyboardInterrupt
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    # Act
    code, _out, err = run(capsys, *NEW)

    # Assert
    assert code == 130
    assert NOTHING_SAVED in err
    assert saved_ids(isolated_home) == []
    assert temp_files(isolated_home) == []


def test_ctrl_c_after_a_contact_was_logged_names_the_changed_complaint(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    # Arrange
    write_record(isolated_home, CID, complaint_data(CID, contacts=[contact(1)]))
    monkeypatch.setattr(render, "timeline", interrupt)

    # Act
    code, _out, err = run(capsys, "log", CID, "--channel", "phone", "--outcome", "pending")

    # Assert
    assert code == 130
    assert NOTHING_SAVED not in err
    assert CID in err
    assert len(read_record(isolated_home, CID)["contacts"]) == 2


# -- an output that fails ----------------------------------------------------------------


def test_new_json_to_a_full_stdout_names_the_saved_id(isolated_home: Path) -> None:
    # Act
    with open("/dev/full", "w") as full:
        result = reclam_process(isolated_home, *NEW, "--json", stdout=full)

    # Assert
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    ids = saved_ids(isolated_home)
    assert len(ids) == 1
    assert ids[0] in result.stderr
    assert NOTHING_SAVED not in result.stderr
    assert "disque plein" in result.stderr


def test_log_to_a_full_stdout_names_the_changed_complaint(isolated_home: Path) -> None:
    # Arrange
    write_record(isolated_home, CID, complaint_data(CID))

    # Act
    with open("/dev/full", "w") as full:
        result = reclam_process(
            isolated_home, "log", CID, "--channel", "phone", "--outcome", "pending", stdout=full
        )

    # Assert
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert CID in result.stderr
    assert len(read_record(isolated_home, CID)["contacts"]) == 1
    # The contact was saved, not a complaint: "don't create it again" would mislead.
    assert "la modification de la réclamation" in result.stderr.replace("\u00a0", " ")
    assert "ne la recréez pas" not in result.stderr


def test_list_to_a_full_stdout_is_one_error_line(isolated_home: Path) -> None:
    # Arrange
    write_record(isolated_home, CID, complaint_data(CID))

    # Act
    with open("/dev/full", "w") as full:
        result = reclam_process(isolated_home, "list", stdout=full)

    # Assert
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert "disque plein" in result.stderr


# -- terminals that are not UTF-8 --------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_non_utf8_terminal_gets_every_command_without_a_traceback(
    isolated_home: Path, encoding: str
) -> None:
    # Arrange: texts no 8-bit terminal can show
    data = complaint_data(
        CID,
        category="damaged",
        delivery_date="2026-11-05",
        facts={"damage_timing": "on_arrival"},
        item="Casque 🎧 « Ωmega » — 東京",
        customer_name="Zoë Ŀuxembourg",
        description="Cassé ✗ à l'arrivée",
        contacts=[contact(1).model_copy(update={"summary": "Promis ✓ sous 5 jours"})],
    )
    write_record(isolated_home, CID, data)
    env = env_for(isolated_home, PYTHONIOENCODING=encoding)
    commands = [
        ["show", CID], ["list"], ["escalate", CID], ["letter", CID], ["show", CID, "--json"],
        ["due"],
    ]  # fmt: skip

    # Act
    processes = [
        (
            argv,
            subprocess.Popen(
                [sys.executable, "-m", "amazon_reclamation", *argv],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            ),
        )
        for argv in commands
    ]
    results = []
    for argv, process in processes:
        out, err = process.communicate(timeout=60)
        results.append((argv, out, err, process.returncode))

    # Assert
    for argv, out, err, code in results:
        assert code == 0, (argv, err)
        assert b"Traceback" not in err, (argv, err)
        out.decode(encoding)  # what was written can be read in the terminal's encoding
        assert out.strip() or argv == ["due"], argv  # `due` may have nothing to say
    show_json = next(out for argv, out, _err, _code in results if "--json" in argv)
    assert json.loads(show_json.decode(encoding))["id"] == CID  # still valid JSON


# -- absurd references -------------------------------------------------------------------


@pytest.mark.parametrize(
    "ref",
    ["a" * 300, "2" * 300, "é" * 300, "../" * 100, "/" * 300, "123-" * 75, "\u202e" * 300],
    ids=["letters", "digits", "accents", "dots", "slashes", "order-ish", "bidi"],
)
@pytest.mark.parametrize("command", ["show", "log", "close", "letter", "delete"])
def test_a_300_character_reference_is_one_error_line(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, ref: str, command: str
) -> None:
    # Arrange
    write_record(isolated_home, CID, complaint_data(CID))
    extra = {
        "log": ["--channel", "phone", "--outcome", "pending"],
        "close": ["--outcome", "resolved"],
        "delete": ["--yes"],
    }.get(command, [])

    # Act
    code, _out, err = run(capsys, command, ref, *extra)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert len(err) < 400
    assert "\u202e" not in err
    assert read_record(isolated_home, CID)["status"] == "open"


# -- owner-only whatever the umask -------------------------------------------------------


def test_every_file_and_folder_reclam_creates_is_owner_only_under_umask_000(
    tmp_path: Path,
) -> None:
    # Arrange: a data folder two missing levels deep
    top = tmp_path / "a"
    home = top / "b" / "home"
    out_file = tmp_path / "lettre.txt"
    env = env_for(home)

    def reclam(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "amazon_reclamation", *argv],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=lambda: os.umask(0),
            check=False,
        )

    # Act
    created = reclam(
        "new", "--category", "damaged", "--order", "123-1234567-1234567", "--order-date",
        "01/11/2026", "--delivery-date", "05/11/2026", "--damage-timing", "on_arrival",
        "--yes", "--json",
    )  # fmt: skip
    cid = json.loads(created.stdout)["id"]
    logged = reclam("log", cid, "--channel", "phone", "--outcome", "pending")
    listed = reclam("list")
    lettered = reclam("letter", cid, "--out", str(out_file))

    # Assert
    for result in (created, logged, listed, lettered):
        assert result.returncode == 0, result.stderr
    modes: dict[str, int] = {}
    for root, dirs, files in os.walk(top):
        for name in [*dirs, *files]:
            path = Path(root) / name
            modes[str(path.relative_to(tmp_path))] = stat.S_IMODE(path.lstat().st_mode)
    modes["a"] = stat.S_IMODE(top.lstat().st_mode)
    modes["lettre.txt"] = stat.S_IMODE(out_file.lstat().st_mode)
    expected_dirs = {"a", "a/b", "a/b/home", "a/b/home/complaints"}
    assert expected_dirs <= set(modes)
    assert f"a/b/home/complaints/{cid}.json" in modes
    wrong = {
        name: oct(bits)
        for name, bits in modes.items()
        if bits != (0o700 if (tmp_path / name).is_dir() else 0o600)
    }
    assert wrong == {}
    sqlite = [name for name in modes if re.search(r"index\.sqlite3", name)]
    assert all(modes[name] == 0o600 for name in sqlite)
