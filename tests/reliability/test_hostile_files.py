"""Files in the data folder that reclam did not write: sync-tool copies, ids that point
elsewhere, hostile contents, links, pipes, a data folder that is not a folder. Each is
reported once and left as it is; the other complaints still work."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_support import (
    ORDER,
    assert_one_error_line,
    complaint_data,
    read_record,
    reclam_process,
    snapshot,
    temp_files,
    write_raw,
    write_record,
)

from amazon_reclamation import store as store_module
from amazon_reclamation.files import MAX_FILE_BYTES
from amazon_reclamation.i18n import french_spacing as typeset
from amazon_reclamation.records import ID_ALPHABET
from helpers import run

GENUINE = "abc234"
GENUINE_ORDER = "111-1111111-1111111"
COPY_NAMES = ("abc234 (conflicted copy)", "zzzzzz")
UNREADABLE = "Fichier illisible, laissé tel quel : "
SYNC_HINT = "copie ou conflit de synchronisation ?"


def warning_lines(err: str, path: Path) -> list[str]:
    return [line for line in err.splitlines() if str(path) in line]


@pytest.fixture
def genuine_and_copies(isolated_home: Path) -> dict[str, Path]:
    """abc234.json, plus two copies of it that a sync tool or a backup could leave."""
    data = complaint_data(GENUINE, order_number=GENUINE_ORDER)
    paths = {GENUINE: write_record(isolated_home, GENUINE, data)}
    for name in COPY_NAMES:
        paths[name] = write_record(isolated_home, name, data)
    return paths


# -- copies: reported, never written, never used -------------------------------------


def test_list_reports_each_copy_once_and_lists_only_the_genuine_record(
    capsys: pytest.CaptureFixture[str], genuine_and_copies: dict[str, Path]
) -> None:
    # Act
    code, out, err = run(capsys, "list", "--json")

    # Assert
    assert code == 0
    assert [c["id"] for c in json.loads(out)] == [GENUINE]
    for name in COPY_NAMES:
        lines = warning_lines(err, genuine_and_copies[name])
        assert len(lines) == 1, err
        assert UNREADABLE + str(genuine_and_copies[name]) in lines[0]
        assert SYNC_HINT in lines[0]


@pytest.mark.parametrize(
    ("argv", "check"),
    [
        (
            ["close", GENUINE_ORDER, "--outcome", "resolved"],
            lambda data: data["status"] == "resolved",
        ),
        (
            ["log", GENUINE_ORDER, "--channel", "phone", "--outcome", "pending"],
            lambda data: len(data["contacts"]) == 1,
        ),
    ],
    ids=["close", "log"],
)
def test_a_command_by_order_number_changes_only_the_genuine_file(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    genuine_and_copies: dict[str, Path],
    argv: list[str],
    check: Callable[[dict[str, object]], bool],
) -> None:
    # Arrange
    copies_before = {name: genuine_and_copies[name].read_bytes() for name in COPY_NAMES}

    # Act
    code, _out, err = run(capsys, *argv)

    # Assert
    assert code == 0, err
    assert check(read_record(isolated_home, GENUINE))
    assert {name: genuine_and_copies[name].read_bytes() for name in COPY_NAMES} == copies_before


def test_delete_by_order_number_removes_only_the_genuine_file(
    capsys: pytest.CaptureFixture[str], genuine_and_copies: dict[str, Path]
) -> None:
    # Arrange
    copies_before = {name: genuine_and_copies[name].read_bytes() for name in COPY_NAMES}

    # Act
    code, _out, err = run(capsys, "delete", GENUINE_ORDER, "--yes")

    # Assert
    assert code == 0, err
    assert not genuine_and_copies[GENUINE].exists()
    assert {name: genuine_and_copies[name].read_bytes() for name in COPY_NAMES} == copies_before


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "zzzzzz"],
        ["close", "zzzzzz", "--outcome", "resolved"],
        ["log", "zzzzzz", "--channel", "phone", "--outcome", "pending"],
        ["delete", "zzzzzz", "--yes"],
        ["escalate", "zzzzzz"],
        ["letter", "zzzzzz"],
    ],
    ids=lambda argv: argv[0],
)
def test_a_command_aimed_at_the_copy_is_refused_and_touches_neither_file(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    genuine_and_copies: dict[str, Path],
    argv: list[str],
) -> None:
    # Arrange
    before = snapshot(isolated_home)

    # Act
    code, out, err = run(capsys, *argv)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert SYNC_HINT in err
    assert "Casque" not in out  # the copy's content was not used
    assert snapshot(isolated_home) == before


def test_a_letter_of_the_copy_writes_no_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    isolated_home: Path,
    genuine_and_copies: dict[str, Path],
) -> None:
    # Arrange
    out_file = tmp_path / "lettre.txt"

    # Act
    code, _out, err = run(capsys, "letter", "zzzzzz", "--out", str(out_file))

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert not out_file.exists()


# -- ids that name another file ------------------------------------------------------


@pytest.fixture
def victims(tmp_path: Path, isolated_home: Path) -> dict[str, Path]:
    """Two records whose inner id would lead outside the data folder, and their targets."""
    outside = tmp_path / "x.json"  # complaints/../../x.json
    outside.write_text('{"victim": true}\n', encoding="utf-8")
    absolute = tmp_path / "victim.json"
    absolute.write_text('{"victim": true}\n', encoding="utf-8")
    write_record(
        isolated_home, "qqqqqq", complaint_data("../../x", order_number="444-4444444-4444444")
    )
    write_record(
        isolated_home,
        "rrrrrr",
        complaint_data(str(tmp_path / "victim"), order_number="555-5555555-5555555"),
    )
    return {"relative": outside, "absolute": absolute}


@pytest.mark.parametrize(
    "argv",
    [
        ["close", "qqqqqq", "--outcome", "resolved"],
        ["log", "qqqqqq", "--channel", "phone", "--outcome", "pending"],
        ["delete", "qqqqqq", "--yes"],
        ["close", "444-4444444-4444444", "--outcome", "resolved"],
        ["delete", "444-4444444-4444444", "--yes"],
        ["close", "rrrrrr", "--outcome", "resolved"],
        ["log", "rrrrrr", "--channel", "phone", "--outcome", "pending"],
        ["delete", "rrrrrr", "--yes"],
        ["close", "555-5555555-5555555", "--outcome", "resolved"],
        ["delete", "555-5555555-5555555", "--yes"],
    ],
)
def test_an_inner_id_that_is_a_path_never_reaches_another_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    victims: dict[str, Path],
    argv: list[str],
) -> None:
    # Arrange
    before = snapshot(tmp_path)

    # Act
    code, _out, err = run(capsys, *argv)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert snapshot(tmp_path) == before
    for victim in victims.values():
        assert victim.read_text(encoding="utf-8") == '{"victim": true}\n'


def test_list_reports_records_whose_inner_id_is_a_path(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, victims: dict[str, Path]
) -> None:
    # Act
    code, out, err = run(capsys, "list", "--json")

    # Assert
    assert code == 0
    assert json.loads(out) == []
    for name in ("qqqqqq", "rrrrrr"):
        lines = warning_lines(err, isolated_home / "complaints" / f"{name}.json")
        assert len(lines) == 1, err
        assert SYNC_HINT in lines[0]


# -- hostile contents ------------------------------------------------------------------


def _good_json(complaint_id: str, **overrides: object) -> bytes:
    return json.dumps(complaint_data(complaint_id) | overrides).encode()


def _big(complaint_id: str) -> bytes:
    data = complaint_data(complaint_id)
    data["description"] = "x" * (MAX_FILE_BYTES + 10)
    return json.dumps(data).encode()


HOSTILE: dict[str, Callable[[str], bytes]] = {
    "deep nesting, unclosed": lambda cid: b"[" * 100_000,
    "deep nesting, closed": lambda cid: (
        _good_json(cid)[:-1] + b', "extra": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    ),
    "deep nesting of objects": lambda cid: b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "lone surrogate escape": lambda cid: _good_json(cid).replace(b'"Casque"', b'"\\ud800"'),
    "surrogate bytes": lambda cid: _good_json(cid).replace(b'"Casque"', b'"\xed\xa0\x80"'),
    "not UTF-8": lambda cid: _good_json(cid).replace(b'"Casque"', b'"\xff\xfe caf\xe9"'),
    "contacts not a list": lambda cid: _good_json(cid, contacts="many"),
    "order date a number": lambda cid: _good_json(cid, order_date=12),
    "item a list": lambda cid: _good_json(cid, item=["x"]),
    "huge integer": lambda cid: _good_json(cid)[:-1] + b', "amount": ' + b"9" * 5000 + b"}",
    "newer schema": lambda cid: _good_json(cid, schema_version=99),
    "JSON null": lambda cid: b"null",
    # Sorting it among the others' aware times would raise TypeError in list and calendar.
    "time without offset": lambda cid: _good_json(cid, created_at="2026-11-02T10:00:00"),
    "contact time without offset": lambda cid: _good_json(
        cid,
        contacts=[
            {
                "id": 1,
                "at": "2026-11-03T10:00:00",
                "recorded_at": "2026-11-03T10:05:00+01:00",
                "channel": "phone",
                "outcome": "pending",
            }
        ],
    ),  # fmt: skip
    "over the size limit": _big,
}


@pytest.fixture
def good(isolated_home: Path) -> str:
    write_record(isolated_home, "gddd22", complaint_data("gddd22"))
    return "gddd22"


@pytest.mark.parametrize("content", HOSTILE.values(), ids=list(HOSTILE))
def test_a_hostile_file_is_skipped_with_one_warning_and_left_as_is(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    good: str,
    content: Callable[[str], bytes],
) -> None:
    # Arrange
    raw = content("bad222")
    path = write_raw(isolated_home, "bad222.json", raw)

    # Act
    code, out, err = run(capsys, "list", "--json")

    # Assert
    assert code == 0, err
    assert [c["id"] for c in json.loads(out)] == [good]
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert UNREADABLE + str(path) in err
    assert path.read_bytes() == raw


def test_many_hostile_files_at_once_leave_the_good_complaint_usable(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, good: str, tmp_path: Path
) -> None:
    # Arrange
    names = [f"bad{ID_ALPHABET[i]}22" for i in range(len(HOSTILE))]
    bad = {
        write_raw(isolated_home, f"{name}.json", make(name)): make(name)
        for name, make in zip(names, HOSTILE.values(), strict=True)
    }
    elsewhere = write_record(tmp_path, "linked", complaint_data("kmkd22"))
    link = isolated_home / "complaints" / "kmkd22.json"
    link.symlink_to(elsewhere)
    folder = isolated_home / "complaints" / "drrr22.json"
    folder.mkdir()
    expected = [*bad, link, folder]

    # Act
    listed = run(capsys, "list", "--json")
    shown = run(capsys, "show", good, "--json")
    logged = run(capsys, "log", "--channel", "phone", "--outcome", "pending")  # the single one
    by_order = run(capsys, "close", ORDER, "--outcome", "resolved")

    # Assert
    code, out, err = listed
    assert code == 0
    assert [c["id"] for c in json.loads(out)] == [good]
    assert err.count(UNREADABLE) == len(expected), err
    for path in expected:
        assert len(warning_lines(err, path)) == 1, path
    assert shown[0] == 0 and json.loads(shown[1])["id"] == good
    assert logged[0] == 0, logged[2]
    assert by_order[0] == 0, by_order[2]
    record = read_record(isolated_home, good)
    assert len(record["contacts"]) == 1
    assert record["status"] == "resolved"
    for path, raw in bad.items():
        assert path.read_bytes() == raw
    assert link.is_symlink() and link.readlink() == elsewhere


def test_a_symlink_named_like_a_complaint_is_not_followed(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, good: str, tmp_path: Path
) -> None:
    # Arrange
    elsewhere = write_record(tmp_path, "target", complaint_data("kmkd22"))
    before = elsewhere.read_bytes()
    link = isolated_home / "complaints" / "kmkd22.json"
    link.symlink_to(elsewhere)

    # Act
    listed = run(capsys, "list", "--json")
    closed = run(capsys, "close", "kmkd22", "--outcome", "resolved")
    deleted = run(capsys, "delete", "kmkd22", "--yes")

    # Assert
    assert [c["id"] for c in json.loads(listed[1])] == [good]
    assert len(warning_lines(listed[2], link)) == 1
    assert closed[0] == 1
    assert_one_error_line(closed[2])
    assert deleted[0] == 1
    assert_one_error_line(deleted[2])
    assert link.is_symlink()
    assert elsewhere.read_bytes() == before


def test_a_fifo_named_like_a_complaint_does_not_hang_a_real_process(
    isolated_home: Path, good: str
) -> None:
    # Arrange
    fifo = isolated_home / "complaints" / "fffq22.json"
    os.mkfifo(fifo)

    # Act
    listed = reclam_process(isolated_home, "list", "--json", timeout=20)
    shown = reclam_process(isolated_home, "show", "fffq22", timeout=20)

    # Assert
    assert listed.returncode == 0, listed.stderr
    assert [c["id"] for c in json.loads(listed.stdout)] == [good]
    assert listed.stderr.count(typeset(UNREADABLE)) == 1  # a real process: real typography
    assert str(fifo) in listed.stderr
    assert shown.returncode == 1
    assert_one_error_line(shown.stderr)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# -- a data folder that is not one -------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["show", "abc234"],
        ["due"],
        [
            "new",
            "--category",
            "late",
            "--order",
            GENUINE_ORDER,
            "--order-date",
            "01/11/2026",
            "--yes",
        ],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_reclam_home_that_is_a_regular_file_is_one_error_line(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, argv: list[str]
) -> None:
    # Arrange
    isolated_home.write_text("not a folder\n", encoding="utf-8")

    # Act
    code, out, err = run(capsys, *argv)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert str(isolated_home) in err
    assert "Aucune réclamation" not in out + err
    assert isolated_home.read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder whatever its mode")
def test_an_unreadable_complaints_folder_is_one_error_line(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, good: str
) -> None:
    # Arrange
    folder = isolated_home / "complaints"
    folder.chmod(0)

    # Act
    try:
        code, out, err = run(capsys, "list")
    finally:
        folder.chmod(0o700)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert "permission refusée" in err
    assert "Aucune réclamation" not in out + err


@pytest.mark.parametrize(
    "argv", [["list"], ["list", "--json"], ["due"], ["close", "x", "--outcome", "resolved"]]
)
def test_a_complaints_folder_that_cannot_be_listed_is_one_error_line(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    good: str,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    # Arrange: what chmod 000 does for a user other than root
    folder = isolated_home / "complaints"
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if isinstance(path, str | bytes | os.PathLike) and Path(os.fsdecode(path)) == folder:
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module.os, "scandir", scandir)

    # Act
    code, out, err = run(capsys, *argv)

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert "permission refusée" in err
    assert str(folder) in err
    assert "Aucune réclamation" not in out + err


# -- leftovers of a killed run -----------------------------------------------------------


def test_leftover_temp_files_go_at_the_next_locked_write(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, good: str
) -> None:
    # Arrange
    complaints = isolated_home / "complaints"
    leftovers = [complaints / ".abc234.json.xyz.tmp", complaints / f".{good}.json.k2j4h.tmp"]
    for leftover in leftovers:
        leftover.write_text('{"half": ', encoding="utf-8")
    notes = complaints / "notes.txt"
    notes.write_text("mes notes\n", encoding="utf-8")

    # Act
    listed = run(capsys, "list")  # a read: leftovers may stay until a write holds the lock
    logged = run(capsys, "log", good, "--channel", "phone", "--outcome", "pending")

    # Assert
    assert listed[0] == 0
    assert logged[0] == 0, logged[2]
    assert temp_files(isolated_home) == []
    assert notes.read_text(encoding="utf-8") == "mes notes\n"
    assert len(read_record(isolated_home, good)["contacts"]) == 1
