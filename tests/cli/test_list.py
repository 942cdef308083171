"""`reclam list`: open complaints by default, --all, --json, an empty or corrupt folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import CONTRACT_FIELDS, ORDER, new, run


@pytest.fixture
def two(capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """One open complaint, one resolved."""
    first = new(capsys, "--item", "Casque ouvert")
    second = new(capsys, "--item", "Livre clos", order="222-2222222-2222222")
    code, _out, err = run(capsys, "close", second["id"], "--outcome", "resolved")
    assert code == 0, err
    return first, second


def test_list_shows_open_complaints_only(
    capsys: pytest.CaptureFixture[str], two: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    # Arrange
    first, second = two

    # Act
    code, out, err = run(capsys, "list")

    # Assert
    assert code == 0
    assert first["id"] in out
    assert ORDER in out
    assert "Casque ouvert" in out
    assert second["id"] not in out
    assert "reclam list --all" in err  # says that closed ones are hidden


def test_list_all_includes_closed_complaints(
    capsys: pytest.CaptureFixture[str], two: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    # Arrange
    first, second = two

    # Act
    code, out, _err = run(capsys, "list", "--all")

    # Assert
    assert code == 0
    assert first["id"] in out
    assert second["id"] in out
    assert "résolue" in out


@pytest.mark.parametrize(
    ("args", "count"), [(["list", "--json"], 1), (["list", "--all", "--json"], 2)]
)
def test_list_json_is_an_array_of_complaint_objects(
    capsys: pytest.CaptureFixture[str],
    two: tuple[dict[str, Any], dict[str, Any]],
    args: list[str],
    count: int,
) -> None:
    # Act
    code, out, _err = run(capsys, *args)

    # Assert
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list)
    assert len(data) == count
    assert all(CONTRACT_FIELDS <= set(item) for item in data)
    assert data[0]["id"] == two[0]["id"]


def test_list_of_an_empty_folder_says_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, err = run(capsys, "list")
    code_json, out_json, _ = run(capsys, "list", "--json")

    # Assert
    assert (code, code_json) == (0, 0)
    assert "reclam new" in err
    assert json.loads(out_json) == []


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["list", "--all"]])
def test_list_warns_about_a_corrupt_file_by_name_and_lists_the_others(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, args: list[str]
) -> None:
    # Arrange
    good = new(capsys, "--item", "Casque")
    corrupt = isolated_home / "complaints" / "zzzzzz.json"
    corrupt.write_bytes(b'{"id": "zzzzzz", "category": ')

    # Act
    code, out, err = run(capsys, *args)

    # Assert
    assert code == 0
    assert good["id"] in out
    warnings = [line for line in err.splitlines() if "zzzzzz.json" in line]
    assert len(warnings) == 1
    assert corrupt.read_bytes() == b'{"id": "zzzzzz", "category": '
    if "--json" in args:
        assert [c["id"] for c in json.loads(out)] == [good["id"]]


@pytest.mark.parametrize("count", [0, 1, 199, 200, 201, 450])
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_json_members_are_written_whole_in_order_as_one_array(
    monkeypatch: pytest.MonkeyPatch, count: int, encoding: str
) -> None:
    # Arrange: members as the index keeps them (UTF-8, indented), written in batches
    import io
    import sys

    from amazon_reclamation.ui import render

    members = [
        json.dumps({"n": n, "item": "Écouteurs « sans fil »"}, ensure_ascii=False, indent=2)
        .replace("\n", "\n  ")
        .encode("utf-8")
        for n in range(count)
    ]
    stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="replace")
    monkeypatch.setattr(sys, "stdout", stdout)

    # Act
    render.json_members(members)

    # Assert: the same array, every member once, in order; escaped where stdout is not UTF-8
    stdout.flush()
    written = stdout.buffer.getvalue().decode(encoding)  # type: ignore[attr-defined]
    expected = "[\n  " + ",\n  ".join(m.decode() for m in members) + "\n]\n" if count else "[]\n"
    if encoding == "utf-8":
        assert written == expected
    else:
        assert written.isascii()
        assert json.loads(written) == json.loads(expected)
