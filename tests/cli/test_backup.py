"""`reclam backup`, `reclam restore FILE` and `reclam purge`, end to end in-process."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import factories
from amazon_reclamation.models import Attachment, Complaint
from amazon_reclamation.store import Store
from helpers import one_error_line, run

PHOTO = b"\xff\xd8\xff\xe0 photo of the dent"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()
IGNORED = {".lock", "index.sqlite3"}  # the lock and the derived cache are not backed up


def populate(home: Path) -> None:
    """Two complaints (one with an evidence copy), the settings, a draft."""
    store = Store(home)
    photo = Attachment(
        id=1,
        name="deuk.jpg",
        file=f"{PHOTO_SHA}.jpg",
        sha256=PHOTO_SHA,
        size=len(PHOTO),
        media_type="image/jpeg",
        added_at=factories.at(5),
    )
    with store.locked():
        store.write(factories.complaint("k7m2pq", attachments=[photo]))
        store.write(factories.complaint("abc234", category="late"))
    folder = home / "attachments" / "k7m2pq"
    folder.mkdir(parents=True, mode=0o700)
    (folder / photo.file).write_bytes(PHOTO)  # type: ignore[operator]
    (home / "config.json").write_text('{"lang": "fr"}\n')
    store.save_draft({"answers": {"order": "123-1234567-1234567"}})


def tree(home: Path) -> dict[str, bytes | None]:
    """Every file and folder under `home` (files with their bytes), to compare."""
    if not home.exists():
        return {}
    found: dict[str, bytes | None] = {}
    for path in sorted(home.rglob("*")):
        name = str(path.relative_to(home))
        found[name] = None if path.is_dir() else path.read_bytes()
    return found


def backup_of(capsys: pytest.CaptureFixture[str], target: Path) -> Path:
    code, _out, err = run(capsys, "backup", "--out", str(target))
    assert code == 0, err
    return target


# -- backup --------------------------------------------------------------------------------


def test_backup_then_restore_into_an_empty_folder_gives_the_same_files(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    populate(isolated_home)
    saved = backup_of(capsys, tmp_path / "b.zip")
    fresh = tmp_path / "fresh"

    # Act
    code, _out, err = run(capsys, "restore", str(saved), "--home", str(fresh))

    # Assert
    assert code == 0, err
    assert "2 réclamations restaurées" in err
    original = {k: v for k, v in tree(isolated_home).items() if k not in IGNORED}
    restored = {k: v for k, v in tree(fresh).items() if k not in IGNORED}
    assert restored == original
    assert f"attachments/k7m2pq/{PHOTO_SHA}.jpg" in restored
    for path in fresh.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600)
    assert run(capsys, "show", "k7m2pq", "--home", str(fresh))[0] == 0


def test_two_backups_of_the_same_data_are_identical(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    populate(isolated_home)
    first = backup_of(capsys, tmp_path / "1.zip").read_bytes()
    second = backup_of(capsys, tmp_path / "2.zip").read_bytes()
    assert first == second


def test_backup_writes_a_dated_private_file_here_and_never_overwrites_it_unasked(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    populate(isolated_home)
    monkeypatch.chdir(tmp_path)

    # Act
    first = run(capsys, "backup")
    again = run(capsys, "backup")
    forced = run(capsys, "backup", "--force")

    # Assert
    target = tmp_path / "reclam-backup-2026-11-20.zip"
    assert first[0] == 0
    assert "Sauvegarde de 2 réclamations écrite dans reclam-backup-2026-11-20.zip." in first[2]
    assert "Elle contient aussi 1 pièce jointe." in first[2]
    assert target.stat().st_mode & 0o777 == 0o600
    assert again[0] == 2
    assert "--force" in one_error_line(again[2])
    assert forced[0] == 0


def test_backup_refuses_a_file_in_the_data_folder_and_an_empty_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Act
    missing = run(capsys, "backup", "--out", str(tmp_path / "x.zip"))
    populate(isolated_home)
    inside = run(capsys, "backup", "--out", str(isolated_home / "x.zip"))

    # Assert
    assert missing[0] == 1
    assert "Rien à sauvegarder" in one_error_line(missing[2])
    assert inside[0] == 2
    assert "dossier de données" in one_error_line(inside[2])
    assert not (isolated_home / "x.zip").exists()


def test_an_unreadable_complaint_is_backed_up_and_restored_as_it_is(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    populate(isolated_home)
    (isolated_home / "complaints" / "abc234.json").write_bytes(b'{"schema_version": 4, "id"')
    fresh = tmp_path / "fresh"

    # Act
    code, _out, err = run(capsys, "backup", "--out", str(tmp_path / "b.zip"))
    restored = run(capsys, "restore", str(tmp_path / "b.zip"), "--home", str(fresh))

    # Assert
    assert code == 0
    assert "complaints/abc234.json est illisible pour reclam : il est sauvegardé tel quel" in err
    assert restored[0] == 0, restored[2]
    assert (fresh / "complaints" / "abc234.json").read_bytes() == b'{"schema_version": 4, "id"'


def test_a_damaged_evidence_copy_is_left_out_and_said(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    populate(isolated_home)
    (isolated_home / "attachments" / "k7m2pq" / f"{PHOTO_SHA}.jpg").write_bytes(b"changed")
    code, _out, err = run(capsys, "backup", "--out", str(tmp_path / "b.zip"))
    assert code == 0
    assert f"{PHOTO_SHA}.jpg n'est pas sauvegardé (son contenu ne correspond plus" in err
    assert not any("attachments" in n for n in zipfile.ZipFile(tmp_path / "b.zip").namelist())


# -- restore: refused whole ------------------------------------------------------------------


def _rezip(data: bytes, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> bytes:
    """The archive with its entries changed, and a manifest that matches them again."""
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {n: source.read(n) for n in source.namelist() if n != "manifest.json"}
    manifest: dict[str, Any] = json.loads(source.read("manifest.json"))
    files = change(files)
    manifest["entries"] = [
        {"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
        for p, d in files.items()
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("manifest.json", json.dumps(manifest))
        for path, content in files.items():
            out.writestr(path, content)
    return buffer.getvalue()


def _flip_a_byte(data: bytes) -> bytes:
    changed = bytearray(data)
    changed[data.index(b"complaints/k7m2pq.json") + 60] ^= 0x20
    return bytes(changed)


def _invalid_record(data: bytes) -> bytes:
    def change(files: dict[str, bytes]) -> dict[str, bytes]:
        record = json.loads(files["complaints/abc234.json"])
        record["status"] = "lost"
        return {**files, "complaints/abc234.json": json.dumps(record).encode()}

    return _rezip(data, change)


def _escaping(name: str) -> Callable[[bytes], bytes]:
    return lambda data: _rezip(data, lambda files: {**files, name: b"{}"})


def _link(data: bytes) -> bytes:
    buffer = io.BytesIO(_rezip(data, lambda files: files))
    with zipfile.ZipFile(buffer, "a") as out:
        info = zipfile.ZipInfo("complaints/zzz222.json")
        info.external_attr = 0o120777 << 16
        out.writestr(info, "/etc/passwd")
    return buffer.getvalue()


TAMPERING: dict[str, Callable[[bytes], bytes]] = {
    "a changed byte": _flip_a_byte,
    "a record that fails validation": _invalid_record,
    "a ../ entry": _escaping("../outside.json"),
    "an absolute path": _escaping("/tmp/outside.json"),
    "a symbolic link": _link,
    "a truncated file": lambda data: data[: len(data) - 200],
}


@pytest.mark.parametrize("tampering", sorted(TAMPERING))
@pytest.mark.parametrize("target", ["empty", "existing"])
def test_a_tampered_archive_is_refused_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    tmp_path: Path,
    tampering: str,
    target: str,
) -> None:
    # Arrange
    populate(isolated_home)
    saved = backup_of(capsys, tmp_path / "b.zip")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(TAMPERING[tampering](saved.read_bytes()))
    home = tmp_path / "fresh" if target == "empty" else isolated_home
    before = tree(home)

    # Act
    code, out, err = run(capsys, "restore", str(bad), "--merge", "--home", str(home))

    # Assert
    assert code == 2
    assert "rien n'a été restauré" in one_error_line(err)
    assert out == ""
    assert tree(home) == before
    assert not (tmp_path / "outside.json").exists()


def test_a_missing_archive_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "restore", str(tmp_path / "none.zip"))
    assert code == 2
    assert "fichier introuvable" in one_error_line(err)


# -- restore into a folder that has data -------------------------------------------------------


def _logged_later(complaint: Complaint) -> Complaint:
    later = factories.contact(1, factories.at(18), "phone", "pending")
    return complaint.model_copy(update={"contacts": [later]})


def test_an_existing_complaint_in_another_version_is_refused_without_merge(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    populate(isolated_home)
    saved = backup_of(capsys, tmp_path / "b.zip")
    Store(isolated_home).update("abc234", _logged_later)
    (isolated_home / "attachments" / "k7m2pq" / f"{PHOTO_SHA}.jpg").unlink()
    before = tree(isolated_home)

    # Act
    code, _out, err = run(capsys, "restore", str(saved))

    # Assert
    assert code == 1
    line = one_error_line(err)
    assert "La réclamation abc234 existe déjà" in line
    assert "--merge" in line
    assert tree(isolated_home) == before


def test_merge_keeps_the_newer_version_of_each_complaint_and_says_which(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: the backup has k7m2pq written last; the folder has abc234 written last
    home = tmp_path / "other"
    populate(home)
    populate(isolated_home)
    Store(isolated_home).update("k7m2pq", _logged_later)
    saved = backup_of(capsys, tmp_path / "b.zip")
    newer_k7 = (isolated_home / "complaints" / "k7m2pq.json").read_bytes()
    Store(home).update("abc234", _logged_later)
    newer_abc = (home / "complaints" / "abc234.json").read_bytes()
    (home / "config.json").write_text('{"lang": "nl"}\n')

    # Act
    code, _out, err = run(
        capsys, "restore", str(saved), "--merge", "--home", str(home), "--lang", "fr"
    )

    # Assert
    assert code == 0, err
    assert (home / "complaints" / "k7m2pq.json").read_bytes() == newer_k7
    assert (home / "complaints" / "abc234.json").read_bytes() == newer_abc
    assert (
        "Réclamation k7m2pq : la version de la sauvegarde, modifiée le 20/11/2026" in err
        and "elle remplace celle du dossier" in err
    )
    assert "Réclamation abc234 : la version du dossier, modifiée le 20/11/2026" in err
    assert "Vos réglages actuels sont gardés" in err
    assert (home / "config.json").read_text() == '{"lang": "nl"}\n'


def test_merge_keeps_a_reopening_and_a_removal_made_after_the_backup(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: closed and backed up, then reopened and its photo removed (neither change
    # leaves a dated entry in the record: only the time it was written says it is newer)
    populate(isolated_home)
    assert run(capsys, "close", "k7m2pq", "--outcome", "resolved")[0] == 0
    saved = backup_of(capsys, tmp_path / "b.zip")
    assert run(capsys, "reopen", "k7m2pq")[0] == 0
    assert run(capsys, "attach", "k7m2pq", "--remove", "1")[0] == 0
    after = (isolated_home / "complaints" / "k7m2pq.json").read_bytes()

    # Act
    code, _out, err = run(capsys, "restore", str(saved), "--merge")

    # Assert
    assert code == 0, err
    assert (isolated_home / "complaints" / "k7m2pq.json").read_bytes() == after
    assert "Réclamation k7m2pq : la version du dossier" in err
    assert not (isolated_home / "attachments" / "k7m2pq").exists()


def test_identical_complaints_are_skipped_silently_and_missing_copies_come_back(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    populate(isolated_home)
    saved = backup_of(capsys, tmp_path / "b.zip")
    copy = isolated_home / "attachments" / "k7m2pq" / f"{PHOTO_SHA}.jpg"
    copy.unlink()

    # Act
    code, _out, err = run(capsys, "restore", str(saved))

    # Assert
    assert code == 0, err
    assert "Réclamation" not in err
    assert "Aucune réclamation à restaurer ; 1 copie de pièce jointe remise en place" in " ".join(
        err.split()
    )
    assert copy.read_bytes() == PHOTO


def test_a_restore_with_nothing_new_says_so(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    populate(isolated_home)
    saved = backup_of(capsys, tmp_path / "b.zip")

    code, _out, err = run(capsys, "restore", str(saved))

    assert code == 0, err
    assert "Rien à restaurer : le dossier" in " ".join(err.split())


def test_restore_never_writes_through_a_link_in_the_data_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    populate(isolated_home)
    saved = backup_of(capsys, tmp_path / "b.zip")
    home = tmp_path / "fresh"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    home.mkdir()
    # The evidence folder itself is a link (a link to one complaint's folder would be a
    # leftover that the lock's clean-up removes before anything is written).
    (home / "attachments").symlink_to(elsewhere)

    # Act
    code, _out, err = run(capsys, "restore", str(saved), "--home", str(home))

    # Assert
    assert code == 1
    assert "n'est pas un dossier" in one_error_line(err)
    assert list(elsewhere.iterdir()) == []


# -- purge ----------------------------------------------------------------------------------


def test_purge_yes_removes_every_file_and_the_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    populate(isolated_home)
    assert run(capsys, "list")[0] == 0  # builds the index, which goes too
    code, _out, err = run(capsys, "purge", "--yes")
    assert code == 0, err
    assert not isolated_home.exists()
    assert "Le dossier de données" in err


def test_purge_leaves_and_names_files_it_does_not_know(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    populate(isolated_home)
    mine = isolated_home / "notes.txt"
    mine.write_text("mes notes")
    (isolated_home / "complaints" / "README").write_text("x")

    # Act
    code, _out, err = run(capsys, "purge", "--yes")

    # Assert
    assert code == 0
    assert f"{mine} n'est pas un fichier de reclam : il est laissé en place." in err
    assert sorted(str(p.relative_to(isolated_home)) for p in isolated_home.rglob("*")) == [
        "complaints",
        "complaints/README",
        "notes.txt",
    ]


def test_purge_without_a_terminal_and_without_yes_refuses(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    populate(isolated_home)
    before = tree(isolated_home)
    code, _out, err = run(capsys, "purge")
    assert code == 2
    assert "--yes" in one_error_line(err)
    assert tree(isolated_home) == before


@pytest.mark.parametrize(("typed", "purged"), [("supprimer", True), ("oui", False), (None, False)])
def test_purge_in_a_terminal_asks_for_the_word_and_suggests_a_backup(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str | None,
    purged: bool,
) -> None:
    # Arrange
    from amazon_reclamation.cli import context
    from amazon_reclamation.ui import wizard

    populate(isolated_home)
    asked: list[str] = []

    def scripted(question: Any, answers: Any) -> Any:
        asked.append(question.message)
        return typed

    monkeypatch.setattr(wizard, "QuestionaryAsker", lambda **_: scripted)
    monkeypatch.setattr(context, "is_interactive", lambda: True)

    # Act
    code, _out, err = run(capsys, "purge")

    # Assert
    assert code == 0
    assert "reclam backup" in err
    assert "2 réclamations" in asked[0] and "Tapez « supprimer »" in asked[0]
    assert isolated_home.exists() is not purged
    assert ("Rien n'a été supprimé." in err) is not purged


def test_purge_of_a_folder_that_does_not_exist_does_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, _out, err = run(capsys, "purge", "--yes")
    assert code == 0
    assert "rien à supprimer" in err
    assert not os.path.lexists(isolated_home)


def test_purge_never_follows_a_linked_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: the drafts folder is a link to the user's own folder
    populate(isolated_home)
    elsewhere = tmp_path / "mine"
    elsewhere.mkdir()
    (elsewhere / "new.json").write_text("{}")
    (isolated_home / "drafts" / "new.json").unlink()
    (isolated_home / "drafts").rmdir()
    (isolated_home / "drafts").symlink_to(elsewhere)

    # Act
    code, _out, err = run(capsys, "purge", "--yes")

    # Assert
    assert code == 0
    assert (elsewhere / "new.json").read_text() == "{}"
    assert f"{isolated_home / 'drafts'} n'est pas un fichier de reclam" in err
    assert not (isolated_home / "complaints").exists()


def test_the_lock_clean_up_never_removes_anything_through_a_linked_evidence_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: the evidence folder is a link to a folder holding an id-named folder
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "mnpqrs").mkdir(parents=True)
    (elsewhere / "mnpqrs" / "keep.txt").write_text("not reclam's", encoding="utf-8")
    isolated_home.mkdir(exist_ok=True)
    (isolated_home / "attachments").symlink_to(elsewhere)

    # Act: any locked write runs the clean-up
    populate(isolated_home)

    # Assert
    assert (elsewhere / "mnpqrs" / "keep.txt").read_text(encoding="utf-8") == "not reclam's"


def test_merge_removes_the_copies_only_the_replaced_version_named(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange: b1 holds the photo; the photo was removed before b2; a folder restored from b1
    populate(isolated_home)
    first = backup_of(capsys, tmp_path / "b1.zip")
    assert run(capsys, "attach", "k7m2pq", "--remove", "1")[0] == 0
    second = backup_of(capsys, tmp_path / "b2.zip")
    home = tmp_path / "other"
    assert run(capsys, "restore", str(first), "--home", str(home))[0] == 0
    photo = home / "attachments" / "k7m2pq" / f"{PHOTO_SHA}.jpg"
    assert photo.exists()

    # Act
    code, _out, err = run(capsys, "restore", str(second), "--merge", "--home", str(home))

    # Assert: the newer record, and no copy it does not name left behind
    assert code == 0, err
    assert json.loads((home / "complaints" / "k7m2pq.json").read_text())["attachments"] == []
    assert not photo.exists()
