"""The sqlite index is only a cache: a broken, hostile or stale index never changes what
reclam lists, never hides an unreadable file and never writes outside the data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_support import complaint_data, read_record, write_raw, write_record

from helpers import run

FIRST, SECOND = "aaaa22", "bbbb22"


@pytest.fixture
def two(isolated_home: Path) -> list[str]:
    write_record(isolated_home, FIRST, complaint_data(FIRST, item="Casque"))
    write_record(isolated_home, SECOND, complaint_data(SECOND, item="Lampe"))
    return [FIRST, SECOND]


def listed(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, str], str]:
    code, out, err = run(capsys, "list", "--json")
    items = {c["id"]: c["item"] for c in json.loads(out)} if code == 0 else {}
    return code, items, err


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "directory", "symlink"],
)
def test_a_broken_index_changes_nothing_that_is_listed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    isolated_home: Path,
    two: list[str],
    damage: str,
) -> None:
    # Arrange
    index = isolated_home / "index.sqlite3"
    outside = tmp_path / "outside.db"
    outside.write_bytes(b"SQLite format 3\x00 not really")
    listed(capsys)  # builds the index
    if damage == "garbage":
        index.write_bytes(b"\x00\xff garbage " * 1000)
    elif damage == "truncated":
        index.write_bytes(index.read_bytes()[:200])
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{index}{suffix}").unlink(missing_ok=True)
        if damage == "directory":
            index.mkdir()
        else:
            index.symlink_to(outside)

    # Act
    code, items, err = listed(capsys)
    due = run(capsys, "due", "--json")
    by_order = run(capsys, "show", "123-1234567-1234567")  # two complaints: asks for the id

    # Assert
    assert code == 0, err
    assert items == {FIRST: "Casque", SECOND: "Lampe"}
    assert err == ""
    assert due[0] == 0, due[2]
    assert by_order[0] == 1 and FIRST in by_order[2] and SECOND in by_order[2]
    assert outside.read_bytes() == b"SQLite format 3\x00 not really"


def test_a_file_edited_by_hand_after_indexing_is_read_again(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, two: list[str]
) -> None:
    # Arrange: the same size, so only the file's times and inode tell the change
    listed(capsys)
    write_record(isolated_home, FIRST, complaint_data(FIRST, item="Chaise"))
    write_record(isolated_home, SECOND, complaint_data(SECOND, item="Table"))

    # Act
    code, items, err = listed(capsys)

    # Assert
    assert code == 0, err
    assert items == {FIRST: "Chaise", SECOND: "Table"}


def test_a_file_made_unreadable_after_indexing_is_reported_not_listed_from_the_cache(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, two: list[str]
) -> None:
    # Arrange
    listed(capsys)
    broken = write_raw(isolated_home, f"{SECOND}.json", b'{"id": "bbbb22", "item": ')

    # Act
    code, items, err = listed(capsys)
    logged = run(capsys, "log", "--channel", "phone", "--outcome", "pending")  # the one left

    # Assert
    assert code == 0
    assert items == {FIRST: "Casque"}
    assert "Fichier illisible, laissé tel quel : " + str(broken) in err
    assert logged[0] == 0, logged[2]
    assert len(read_record(isolated_home, FIRST)["contacts"]) == 1
    assert broken.read_bytes() == b'{"id": "bbbb22", "item": '


def test_a_copy_or_a_removal_after_indexing_is_seen(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, two: list[str]
) -> None:
    # Arrange
    listed(capsys)
    complaints = isolated_home / "complaints"
    copy = complaints / "zzzz22.json"
    copy.write_bytes((complaints / f"{FIRST}.json").read_bytes())
    (complaints / f"{SECOND}.json").unlink()

    # Act
    code, items, err = listed(capsys)
    closed = run(capsys, "close", "123-1234567-1234567", "--outcome", "resolved")

    # Assert
    assert code == 0
    assert items == {FIRST: "Casque"}
    assert str(copy) in err
    assert closed[0] == 0, closed[2]
    assert read_record(isolated_home, FIRST)["status"] == "resolved"
    assert json.loads(copy.read_text(encoding="utf-8"))["status"] == "open"


def test_a_file_the_index_holds_as_written_is_shown_without_validating_it_again(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    two: list[str],
) -> None:
    # Arrange: the index is built; validating a text again would now fail the test
    listed(capsys)
    expected = run(capsys, "show", FIRST)

    def no_validation(text: str, file_id: str) -> object:
        raise AssertionError(f"{file_id} validated again")

    monkeypatch.setattr("amazon_reclamation.store.parse_complaint", no_validation)

    # Act
    by_id = run(capsys, "show", FIRST)
    escalated = run(capsys, "escalate", FIRST)

    # Assert: the same screen as from a validated record
    assert by_id == expected
    assert escalated[0] == 0, escalated[2]


def test_a_file_changed_since_indexing_is_validated_not_taken_from_the_index(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, two: list[str]
) -> None:
    # Arrange: same name, another text (a sync tool brought another version, a bad one)
    listed(capsys)
    data = complaint_data(FIRST, item="Casque")
    data["attachments"] = [
        {
            "id": 1,
            "name": "x.jpg",
            "file": "../../outside.jpg",
            "sha256": "ab" * 32,
            "added_at": "2026-11-02T10:00:00Z",
        }
    ]
    path = write_record(isolated_home, FIRST, data)
    edited = write_record(isolated_home, SECOND, complaint_data(SECOND, item="Chaise"))

    # Act
    bad = run(capsys, "show", FIRST)
    good = run(capsys, "show", SECOND)

    # Assert
    assert bad[0] == 1 and str(path) in bad[2]
    assert good[0] == 0 and "Chaise" in good[1], good[2]
    assert edited.exists()


@pytest.mark.parametrize("head", ["not JSON [", '{"id": "aaaa22"}', "[1, 2]", "null"])
def test_an_index_row_that_is_not_a_digest_is_replaced_by_the_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, two: list[str], head: str
) -> None:
    # Arrange: the row's key still matches the file, its head is damaged
    import sqlite3

    run(capsys, "list")
    with sqlite3.connect(isolated_home / "index.sqlite3") as db:
        db.execute("UPDATE files SET summary = ? WHERE name = ?", (head, f"{FIRST}.json"))
    db.close()

    # Act
    code, out, err = run(capsys, "list")
    json_code, items, json_err = listed(capsys)

    # Assert: both listed, from the file where the row is not a digest
    assert code == 0, err
    assert "Casque" in out and "Lampe" in out
    assert json_code == 0, json_err
    assert items == {FIRST: "Casque", SECOND: "Lampe"}
