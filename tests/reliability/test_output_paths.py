"""`reclam letter --out PATH` writes only a new regular file the user named (or one they
let it replace with --force), never into the data folder; and no stored text, however
hostile, reaches a letter file or a JSON output as a terminal escape."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from reliability_support import (
    assert_one_error_line,
    complaint_data,
    contact,
    read_record,
    snapshot,
    write_record,
)

from helpers import run

CID = "ktr234"
# A damaged item delivered on 5 November: a formal notice can be written on 20 November.
DAMAGED = {
    "category": "damaged",
    "order_date": date(2026, 11, 1),
    "delivery_date": date(2026, 11, 5),
    "facts": {"damage_timing": "on_arrival"},
    "seller": {"kind": "marketplace", "name": "Vendeur"},
    "desired_resolution": "refund",
}
# Terminal escapes (title change, bell, CSI as one C1 byte, screen clear), bidi overrides
# and marks, invisible characters: none of them may leave reclam raw.
EVIL_ITEM = "Evil \u001b]0;pwned\u0007 \u202e x"
EVIL_NAME = "Jan \u202ePeeters\u202c \u200f\u2066\u2069"
EVIL_DESCRIPTION = "Cassé\u001b[2J\u009b31m rouge\u0085 fin\u200b \ufeff\u0000\u007f"
EVIL_SUMMARY = "promis \u001b[31mrouge\u001b[0m \u2028 \u061c\u202d"
FORBIDDEN = [
    "\u001b", "\u0007", "\u009b", "\u0085", "\u0000", "\u007f", "\u202e", "\u202c",
    "\u202d", "\u200f", "\u200b", "\u2066", "\u2069", "\ufeff", "\u061c", "\u2028",
]  # fmt: skip
# The terminal keeps line separators (U+2028 is not a control character): all the rest goes.
TERMINAL_FORBIDDEN = [char for char in FORBIDDEN if char != "\u2028"]
LETTER = "Madame, Monsieur"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def complaint(isolated_home: Path) -> Path:
    return write_record(isolated_home, CID, complaint_data(CID, **DAMAGED))


@pytest.fixture
def evil(isolated_home: Path) -> dict[str, object]:
    """A complaint file written by hand with escapes and bidi overrides in its texts."""
    data = complaint_data(
        CID,
        **DAMAGED | {"seller": {"kind": "marketplace", "name": "Vend\u001b[5meur\u202e"}},
        item=EVIL_ITEM,
        customer_name=EVIL_NAME,
        description=EVIL_DESCRIPTION,
        contacts=[contact(1).model_copy(update={"summary": EVIL_SUMMARY, "agent": "Ag\u0007ent"})],
    )
    write_record(isolated_home, CID, data)
    return data


# -- what --out refuses ------------------------------------------------------------------


def test_an_existing_file_is_refused_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, complaint: Path
) -> None:
    # Arrange
    target = tmp_path / "lettre.txt"
    target.write_text("mon brouillon\n", encoding="utf-8")

    # Act
    code, _out, err = run(capsys, "letter", CID, "--out", str(target))

    # Assert
    assert code == 2
    assert_one_error_line(err)
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "mon brouillon\n"


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_symlink_is_refused_and_its_target_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, complaint: Path, force: list[str]
) -> None:
    # Arrange
    target = tmp_path / "precious.txt"
    target.write_text("précieux\n", encoding="utf-8")
    link = tmp_path / "lettre.txt"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")

    # Act
    first = run(capsys, "letter", CID, "--out", str(link), *force)
    second = run(capsys, "letter", CID, "--out", str(dangling), *force)

    # Assert
    for code, _out, err in (first, second):
        assert code == 2
        assert_one_error_line(err)
    assert link.is_symlink() and link.readlink() == target
    assert target.read_text(encoding="utf-8") == "précieux\n"
    assert dangling.is_symlink() and not (tmp_path / "nowhere.txt").exists()


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_directory_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, complaint: Path, force: list[str]
) -> None:
    # Arrange
    folder = tmp_path / "dossier"
    folder.mkdir()

    # Act
    code, _out, err = run(capsys, "letter", CID, "--out", str(folder), *force)

    # Assert
    assert code == 2
    assert_one_error_line(err)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_device_is_refused(
    capsys: pytest.CaptureFixture[str], complaint: Path, force: list[str]
) -> None:
    # Act
    code, _out, err = run(capsys, "letter", CID, "--out", "/dev/null", *force)

    # Assert
    assert code == 2
    assert_one_error_line(err)
    assert stat.S_ISCHR(Path("/dev/null").lstat().st_mode)


@pytest.mark.parametrize(
    "where",
    [
        "complaints/ktr234.json",
        "complaints/new222.json",
        "lettre.txt",
        ".lock",
        "drafts/new.json",
    ],
)
def test_a_path_in_the_data_folder_is_refused_even_with_force(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, complaint: Path, where: str
) -> None:
    # Arrange
    (isolated_home / "drafts").mkdir()
    (isolated_home / "drafts" / "new.json").write_text("{}\n", encoding="utf-8")
    (isolated_home / ".lock").touch()
    before = snapshot(isolated_home)
    record = complaint.read_bytes()

    # Act
    code, _out, err = run(capsys, "letter", CID, "--out", str(isolated_home / where), "--force")

    # Assert
    assert code == 2
    assert_one_error_line(err)
    assert snapshot(isolated_home) == before
    assert complaint.read_bytes() == record
    assert read_record(isolated_home, CID)["id"] == CID


def test_a_path_reaching_the_data_folder_through_a_link_or_dots_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path, complaint: Path
) -> None:
    # Arrange
    shortcut = tmp_path / "raccourci"
    shortcut.symlink_to(isolated_home)
    before = snapshot(isolated_home)
    targets = [
        shortcut / "complaints" / "ktr234.json",
        shortcut / "lettre.txt",
        tmp_path / "elsewhere" / ".." / "reclam-home" / "complaints" / "ktr234.json",
    ]
    (tmp_path / "elsewhere").mkdir()

    # Act
    results = [run(capsys, "letter", CID, "--out", str(t), "--force") for t in targets]

    # Assert
    for code, _out, err in results:
        assert code == 2
        assert_one_error_line(err)
    assert snapshot(isolated_home) == before


def test_a_missing_parent_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, complaint: Path
) -> None:
    # Act
    code, _out, err = run(capsys, "letter", CID, "--out", str(tmp_path / "absent" / "l.txt"))

    # Assert
    assert code == 1
    assert_one_error_line(err)
    assert not (tmp_path / "absent").exists()


# -- what --out writes -----------------------------------------------------------------


def test_a_new_file_is_created_owner_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, complaint: Path
) -> None:
    # Arrange
    target = tmp_path / "lettre.txt"
    previous = os.umask(0o022)

    # Act
    try:
        code, _out, err = run(capsys, "letter", CID, "--out", str(target))
    finally:
        os.umask(previous)

    # Assert
    assert code == 0, err
    assert LETTER in target.read_text(encoding="utf-8")
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lettre.txt", "reclam-home"]


def test_force_replaces_a_regular_file_atomically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, complaint: Path
) -> None:
    # Arrange: a hard link keeps the old inode, so an in-place rewrite would show through it
    target = tmp_path / "lettre.txt"
    target.write_text("ancienne version\n", encoding="utf-8")
    target.chmod(0o644)
    witness = tmp_path / "witness.txt"
    os.link(target, witness)
    old_inode = target.stat().st_ino

    # Act
    code, _out, err = run(capsys, "letter", CID, "--out", str(target), "--force")

    # Assert
    assert code == 0, err
    assert LETTER in target.read_text(encoding="utf-8")
    assert target.stat().st_ino != old_inode
    assert witness.read_text(encoding="utf-8") == "ancienne version\n"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "lettre.txt",
        "reclam-home",
        "witness.txt",
    ]


# -- hostile stored text -----------------------------------------------------------------


@pytest.mark.parametrize("markdown", [[], ["--markdown"]], ids=["text", "markdown"])
def test_escapes_in_a_complaint_never_reach_the_letter_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    evil: dict[str, object],
    markdown: list[str],
) -> None:
    # Arrange
    target = tmp_path / "lettre.txt"

    # Act
    code, out, err = run(capsys, "letter", CID, "--out", str(target), *markdown)

    # Assert
    assert code == 0, err
    written = target.read_text(encoding="utf-8")
    assert "Evil" in written and "pwned" in written  # the text is kept, its escapes are not
    for char in FORBIDDEN:
        assert char not in written, repr(char)
    for char in TERMINAL_FORBIDDEN:
        assert char not in out + err, repr(char)


def test_escapes_in_a_complaint_never_reach_the_printed_letter(
    capsys: pytest.CaptureFixture[str], evil: dict[str, object]
) -> None:
    # Act
    code, out, err = run(capsys, "letter", CID)

    # Assert
    assert code == 0, err
    assert "Evil" in out
    for char in TERMINAL_FORBIDDEN:
        assert char not in out + err, repr(char)


@pytest.mark.parametrize(
    "argv", [["show", CID, "--json"], ["list", "--json"]], ids=["show", "list"]
)
def test_escapes_in_json_output_are_written_as_escapes_and_parse_back(
    capsys: pytest.CaptureFixture[str], evil: dict[str, object], argv: list[str]
) -> None:
    # Act
    code, out, err = run(capsys, *argv)

    # Assert
    assert code == 0, err
    for char in FORBIDDEN:
        assert char not in out, repr(char)
    assert "\\u001b" in out and "\\u202e" in out
    parsed = json.loads(out)
    record = parsed if isinstance(parsed, dict) else parsed[0]
    assert record["item"] == EVIL_ITEM
    assert record["customer_name"] == EVIL_NAME
    assert record["description"] == EVIL_DESCRIPTION
    assert record["contacts"][0]["summary"] == EVIL_SUMMARY
    assert record == evil


def test_escapes_typed_as_options_are_dropped_before_saving(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Act
    code, out, err = run(
        capsys, "new", "--category", "late", "--order", "222-2222222-2222222",
        "--order-date", "01/11/2026", f"--item={EVIL_ITEM}", f"--name={EVIL_NAME}",
        "--yes", "--json",
    )  # fmt: skip

    # Assert
    assert code == 0, err
    for char in FORBIDDEN:
        assert char not in out, repr(char)
    saved = json.loads(out)
    assert saved["item"] == "Evil ]0;pwned  x"
    assert saved["customer_name"] == "Jan Peeters"
    assert read_record(isolated_home, saved["id"])["item"] == "Evil ]0;pwned  x"


def test_escapes_never_reach_the_terminal_output_of_show_list_and_escalate(
    capsys: pytest.CaptureFixture[str], evil: dict[str, object]
) -> None:
    # Act
    results = [run(capsys, *argv) for argv in (["show", CID], ["list"], ["escalate", CID])]

    # Assert
    for code, out, err in results:
        assert code == 0, err
        for char in TERMINAL_FORBIDDEN:
            assert char not in out + err, repr(char)
    assert "Evil" in results[0][1]
