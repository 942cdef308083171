"""`reclam attach`: evidence files copied with their hash, once per content, refused before
anything is written, removed one by one or with their complaint."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

import factories
from amazon_reclamation import fmt
from amazon_reclamation.files import MAX_ATTACHMENT_BYTES
from amazon_reclamation.models import Attachment
from amazon_reclamation.store import Store
from helpers import MARKUP, new, one_error_line, run, stored

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


@pytest.fixture
def cid(capsys: pytest.CaptureFixture[str]) -> str:
    """A saved complaint's id."""
    return str(new(capsys)["id"])


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder of the user's own files (outside the data folder)."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "colis.png").write_bytes(PNG)
    (folder / "facture.pdf").write_bytes(PDF)
    return folder


def folder_of(home: Path, complaint_id: str) -> Path:
    return home / "attachments" / complaint_id


def entries(home: Path, complaint_id: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = stored(home, complaint_id)["attachments"]  # type: ignore[assignment]
    return data


def everything_under(home: Path) -> dict[str, bytes | None]:
    """Every path in the data folder but the lock and the index, with a file's bytes."""
    found: dict[str, bytes | None] = {}
    for root, dirs, names in os.walk(home):
        for name in [*dirs, *names]:
            path = Path(root) / name
            if name in (".lock", "index.sqlite3"):
                continue
            found[str(path.relative_to(home))] = path.read_bytes() if path.is_file() else None
    return found


# -- keeping a copy ---------------------------------------------------------------------


def test_a_file_is_copied_with_its_hash_size_type_and_note(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Act
    code, out, err = run(capsys, "attach", cid, str(files / "colis.png"), "--note", "Carton écrasé")

    # Assert
    assert (code, err) == (0, "")
    assert "Pièce n° 1 gardée : colis.png (" in out
    [entry] = entries(isolated_home, cid)
    digest = hashlib.sha256(PNG).hexdigest()
    assert entry == {
        "id": 1,
        "name": "colis.png",
        "file": f"{digest}.png",
        "sha256": digest,
        "size": len(PNG),
        "media_type": "image/png",
        "added_at": entry["added_at"],
        "note": "Carton écrasé",
    }
    copy = folder_of(isolated_home, cid) / f"{digest}.png"
    assert copy.read_bytes() == PNG
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder_of(isolated_home, cid).stat().st_mode) == 0o700
    assert stat.S_IMODE((isolated_home / "attachments").stat().st_mode) == 0o700


def test_the_original_may_vanish_afterwards_show_still_lists_the_copy(
    capsys: pytest.CaptureFixture[str], cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "facture.pdf"), "--note", "Facture Amazon")
    (files / "facture.pdf").unlink()

    # Act
    code, out, _err = run(capsys, "show", cid)

    # Assert
    assert code == 0
    assert "Pièces jointes (1)" in out
    assert f"1. facture.pdf · {fmt.file_size(len(PDF))} · 20/11/2026" in out
    assert "Facture Amazon" in out
    assert "INTROUVABLE" not in out


def test_several_files_are_numbered_in_order(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Act
    code, out, _err = run(
        capsys, "attach", cid, str(files / "colis.png"), str(files / "facture.pdf")
    )

    # Assert
    assert code == 0
    assert [(e["id"], e["name"], e["media_type"]) for e in entries(isolated_home, cid)] == [
        (1, "colis.png", "image/png"),
        (2, "facture.pdf", "application/pdf"),
    ]
    assert "La réclamation" in out and "a 2 pièces jointes" in out


def test_a_link_to_a_regular_file_is_followed_and_its_name_kept(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    (files / "lien.pdf").symlink_to(files / "facture.pdf")

    # Act
    code, _out, _err = run(capsys, "attach", cid, str(files / "lien.pdf"))

    # Assert
    assert code == 0
    [entry] = entries(isolated_home, cid)
    assert entry["name"] == "lien.pdf"
    assert (folder_of(isolated_home, cid) / entry["file"]).read_bytes() == PDF


def test_a_closed_complaint_still_takes_evidence(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange: the dossier for a mediator is often made after Amazon closed the case
    run(capsys, "close", cid, "--outcome", "abandoned")

    # Act
    code, _out, err = run(capsys, "attach", cid, str(files / "facture.pdf"))

    # Assert
    assert (code, err) == (0, "")
    assert stored(isolated_home, cid)["status"] == "abandoned"
    assert len(entries(isolated_home, cid)) == 1


def test_the_json_output_lists_what_was_added_and_what_was_already_kept(
    capsys: pytest.CaptureFixture[str], cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"))
    (files / "encore.png").write_bytes(PNG)

    # Act
    code, out, _err = run(
        capsys, "attach", cid, str(files / "encore.png"), str(files / "facture.pdf"), "--json"
    )

    # Assert
    assert code == 0
    data = json.loads(out)
    assert data["complaint"] == cid
    assert [a["id"] for a in data["added"]] == [2]
    assert data["added"][0]["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert data["already_kept"] == [{"name": "encore.png", "attachment": 1}]


# -- the same content twice -------------------------------------------------------------


def test_the_same_content_under_another_name_is_not_stored_twice(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"))
    (files / "copie.png").write_bytes(PNG)

    # Act: only a duplicate given
    code, out, err = run(capsys, "attach", cid, str(files / "copie.png"))

    # Assert: exit 0 with the line (nothing to add is not an error)
    assert (code, err) == (0, "")
    assert "copie.png a le même contenu que la pièce n° 1 (colis.png)" in out
    assert len(entries(isolated_home, cid)) == 1
    assert len(list(folder_of(isolated_home, cid).iterdir())) == 1


def test_the_same_file_twice_in_one_call_is_kept_once(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Act
    path = str(files / "colis.png")
    code, out, _err = run(capsys, "attach", cid, path, path)

    # Assert
    assert code == 0
    assert "colis.png est déjà gardé : pièce n° 1" in out
    assert len(entries(isolated_home, cid)) == 1


def test_the_same_content_may_be_kept_by_two_complaints(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    other = str(new(capsys, order="222-2222222-2222222")["id"])

    # Act
    run(capsys, "attach", cid, str(files / "colis.png"))
    code, _out, _err = run(capsys, "attach", other, str(files / "colis.png"))

    # Assert
    assert code == 0
    assert len(entries(isolated_home, other)) == 1


# -- refused, nothing written -----------------------------------------------------------


def refused(capsys: pytest.CaptureFixture[str], home: Path, cid: str, *paths: Path) -> str:
    """Run `attach` expecting a refusal with exit 2 and nothing written: the error line."""
    before = everything_under(home)
    code, out, err = run(capsys, "attach", cid, *map(str, paths))
    assert (code, out) == (2, "")
    assert everything_under(home) == before
    return one_error_line(err)


def test_a_missing_file_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    line = refused(capsys, isolated_home, cid, files / "colis.png", files / "absente.jpg")
    assert "absente.jpg : fichier introuvable" in line


def test_a_folder_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    (files / "photos").mkdir()
    line = refused(capsys, isolated_home, cid, files / "colis.png", files / "photos")
    assert "photos est un dossier" in line


def test_a_link_to_a_folder_or_a_pipe_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    (files / "lien.pdf").symlink_to(files)
    os.mkfifo(files / "tube.pdf")

    # Act / Assert
    assert "est un dossier" in refused(capsys, isolated_home, cid, files / "lien.pdf")
    line = refused(capsys, isolated_home, cid, files / "tube.pdf")
    assert "n'est pas un fichier ordinaire" in line


def test_an_empty_file_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    (files / "vide.pdf").write_bytes(b"")
    assert "vide.pdf est vide" in refused(capsys, isolated_home, cid, files / "vide.pdf")


def test_a_file_over_the_limit_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange: a sparse file, one byte over the limit (no disk space used)
    big = files / "scan.pdf"
    with big.open("wb") as handle:
        handle.write(PDF)
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)

    # Act
    line = refused(capsys, isolated_home, cid, files / "colis.png", big)

    # Assert
    assert "scan.pdf est trop volumineux" in line
    assert f"maximum {fmt.file_size(MAX_ATTACHMENT_BYTES)}" in line


def test_the_limit_is_the_one_the_help_states(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run(capsys, "attach", "--help")
    assert fmt.file_size(MAX_ATTACHMENT_BYTES) in " ".join(out.split())


def test_a_type_outside_the_list_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    (files / "setup.exe").write_bytes(EXE)

    # Act
    line = refused(capsys, isolated_home, cid, files / "setup.exe")

    # Assert
    assert "les fichiers .exe ne sont pas acceptés" in line
    assert "jpg" in line and "PDF" in line and "docx" in line


def test_a_program_renamed_pdf_is_refused_saying_what_it_looks_like(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    (files / "facture2.pdf").write_bytes(EXE)

    # Act
    line = refused(capsys, isolated_home, cid, files / "colis.png", files / "facture2.pdf")

    # Assert
    assert "porte l'extension .pdf, mais son contenu ressemble à un programme" in line


def test_a_text_that_is_not_utf8_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    (files / "notes.txt").write_bytes("Appel du 12/11 : remboursé".encode("latin-1"))
    line = refused(capsys, isolated_home, cid, files / "notes.txt")
    assert "n'est pas un texte en UTF-8" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_an_unreadable_file_is_refused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    (files / "facture.pdf").chmod(0)
    assert "fichier illisible" in refused(capsys, isolated_home, cid, files / "facture.pdf")


def test_an_unknown_ref_is_refused_with_exit_1(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, files: Path
) -> None:
    # Act
    code, _out, err = run(capsys, "attach", "zzzz22", str(files / "colis.png"))

    # Assert
    assert code == 1
    one_error_line(err)
    assert not (isolated_home / "attachments").exists()


@pytest.mark.parametrize(
    "extra",
    [[], ["FILE", "--remove", "1"], ["FILE", "--check"], ["--remove", "1", "--check"],
     ["--remove", "1", "--note", "x"]],
)  # fmt: skip
def test_options_that_do_not_go_together_are_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], cid: str, files: Path, extra: list[str]
) -> None:
    # Act
    args = [str(files / "colis.png") if a == "FILE" else a for a in extra]
    code, _out, err = run(capsys, "attach", cid, *args)

    # Assert
    assert code == 2
    one_error_line(err)


# -- removing, checking -----------------------------------------------------------------


def test_remove_takes_the_entry_and_its_copy_and_the_number_is_not_reused(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"), str(files / "facture.pdf"))
    (files / "notes.txt").write_text("Appel du 12/11", encoding="utf-8")
    png_copy = folder_of(isolated_home, cid) / f"{hashlib.sha256(PNG).hexdigest()}.png"

    # Act
    code, out, _err = run(capsys, "attach", cid, "--remove", "1")
    run(capsys, "attach", cid, str(files / "notes.txt"))

    # Assert
    assert code == 0
    assert f"Pièce n° 1 retirée de la réclamation {cid} : colis.png." in out
    assert not png_copy.exists()
    assert [(e["id"], e["name"]) for e in entries(isolated_home, cid)] == [
        (2, "facture.pdf"),
        (3, "notes.txt"),
    ]


def test_removing_the_last_one_removes_the_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"))

    # Act
    code, _out, _err = run(capsys, "attach", cid, "--remove", "1")

    # Assert
    assert code == 0
    assert entries(isolated_home, cid) == []
    assert not folder_of(isolated_home, cid).exists()


def test_removing_an_unknown_number_is_refused_with_the_numbers_that_exist(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"), str(files / "facture.pdf"))
    before = everything_under(isolated_home)

    # Act
    code, _out, err = run(capsys, "attach", cid, "--remove", "5")

    # Assert
    assert code == 1
    assert "n'a pas de pièce n° 5 ; ses pièces : 1, 2." in one_error_line(err)
    assert everything_under(isolated_home) == before


def test_a_missing_or_changed_copy_is_shown_and_check_fails(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange: one copy gone, one changed (same size: only the hash can tell)
    run(capsys, "attach", cid, str(files / "colis.png"), str(files / "facture.pdf"))
    [png, pdf] = entries(isolated_home, cid)
    (folder_of(isolated_home, cid) / png["file"]).unlink()
    (folder_of(isolated_home, cid) / pdf["file"]).write_bytes(PDF.replace(b"obj", b"OBJ"))

    # Act
    _code, shown, _err = run(capsys, "show", cid)
    code, out, err = run(capsys, "attach", cid, "--check")

    # Assert
    assert "1. colis.png" in shown and "COPIE INTROUVABLE" in shown
    assert "COPIE MODIFIÉE" not in shown  # the cheap check compares sizes only
    assert code == 1
    assert "COPIE INTROUVABLE" in out and "COPIE MODIFIÉE" in out
    assert "pièces n° 1, 2" in one_error_line(err)


def test_check_says_every_intact_copy_and_exits_0(
    capsys: pytest.CaptureFixture[str], cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"))

    # Act
    code, out, err = run(capsys, "attach", cid, "--check", "--json")

    # Assert
    assert (code, err) == (0, "")
    assert json.loads(out) == {"complaint": cid, "attachments": [{"id": 1, "state": "ok"}]}


def test_show_says_when_an_entry_kept_no_copy(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange: an entry carried over from schema 3 (no copy), its name with markup
    store = Store(isolated_home)
    old = Attachment(
        id=1, name=MARKUP, sha256="a" * 64, added_at=factories.at(2), note="[bold]note[/bold]"
    )
    with store.locked():
        store.write(factories.complaint("k7m2pq", attachments=[old]))

    # Act
    code, out, _err = run(capsys, "show", "k7m2pq")

    # Assert
    assert code == 0
    assert f"1. {MARKUP} · 02/11/2026 · aucune copie gardée" in out
    assert "[bold]note[/bold]" in out


def test_show_suggests_attach_when_there_is_no_attachment(
    capsys: pytest.CaptureFixture[str], cid: str
) -> None:
    _code, out, _err = run(capsys, "show", cid)
    assert f"reclam attach {cid} photo.jpg facture.pdf" in " ".join(out.split())


# -- deleted with the complaint, leftovers, failures --------------------------------------


def test_delete_removes_the_attachment_folder(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "colis.png"))

    # Act
    code, _out, _err = run(capsys, "delete", cid, "--yes")

    # Assert
    assert code == 0
    assert list((isolated_home / "attachments").iterdir()) == []


def test_an_orphan_folder_and_a_killed_copy_are_removed_by_the_next_write(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange: a delete killed before the folder went; a copy killed before its rename
    orphan = folder_of(isolated_home, "abc234")
    orphan.mkdir(parents=True)
    (orphan / f"{'b' * 64}.png").write_bytes(PNG)
    run(capsys, "attach", cid, str(files / "colis.png"))
    temp = folder_of(isolated_home, cid) / f".{'c' * 64}.pdf.x1y2.tmp"
    temp.write_bytes(PDF[:5])
    foreign = isolated_home / "attachments" / "not-an-id"
    foreign.mkdir()

    # Act: any locked write
    code, _out, _err = run(capsys, "close", cid, "--outcome", "resolved")

    # Assert
    assert code == 0
    assert not orphan.exists()
    assert not temp.exists()
    assert len(list(folder_of(isolated_home, cid).iterdir())) == 1
    assert foreign.exists()  # not a folder reclam made: left alone


def test_a_disk_failing_during_the_copy_gives_one_line_exit_1_and_no_partial_copy(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    cid: str,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: the first copy goes through, the second meets a full disk
    before = stored(isolated_home, cid)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        name = Path(f"/proc/self/fd/{fd}").readlink().name
        if name.endswith(".tmp") and ".pdf." in name:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    # Act
    code, out, err = run(
        capsys, "attach", cid, str(files / "colis.png"), str(files / "facture.pdf")
    )

    # Assert
    assert (code, out) == (1, "")
    line = one_error_line(err)
    assert "Impossible de copier facture.pdf" in line and "disque plein" in line
    assert stored(isolated_home, cid) == before
    assert list(folder_of(isolated_home, cid).iterdir()) == []  # no copy, no temporary file


def test_a_record_that_cannot_be_written_takes_its_copies_back(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    cid: str,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    from amazon_reclamation import store as store_module

    def refuse(path: Path, text: str | bytes, **_kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store_module, "atomic_write_text", refuse)

    # Act
    code, _out, err = run(capsys, "attach", cid, str(files / "colis.png"))

    # Assert
    assert code == 1
    assert "lecture seule" in one_error_line(err)
    assert entries(isolated_home, cid) == []
    assert list(folder_of(isolated_home, cid).iterdir()) == []


def test_a_file_changed_between_the_check_and_the_copy_is_not_kept(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    cid: str,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: the file is rewritten right after it was checked
    from amazon_reclamation import evidence_files

    check = evidence_files._fingerprint

    def then_change(path: Path, fd: int, size: int) -> evidence_files.Source:
        source = check(path, fd, size)
        path.write_bytes(PNG[::-1][: len(PNG)])
        return source

    monkeypatch.setattr(evidence_files, "_fingerprint", then_change)

    # Act
    code, _out, err = run(capsys, "attach", cid, str(files / "colis.png"))

    # Assert
    assert code == 1
    assert "a changé pendant la copie" in one_error_line(err)
    assert entries(isolated_home, cid) == []
    assert list(folder_of(isolated_home, cid).iterdir()) == []


def test_a_link_in_place_of_the_complaint_folder_is_refused_and_its_target_untouched(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    cid: str,
    files: Path,
    tmp_path: Path,
) -> None:
    # Arrange: attachments/<id> points elsewhere
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir(mode=0o755)
    (isolated_home / "attachments").mkdir(mode=0o700)
    folder_of(isolated_home, cid).symlink_to(elsewhere)

    # Act
    code, _out, err = run(capsys, "attach", cid, str(files / "colis.png"))

    # Assert
    assert code == 1
    assert "n'est pas un dossier" in one_error_line(err)
    assert list(elsewhere.iterdir()) == []
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755
    assert entries(isolated_home, cid) == []


def test_a_name_with_control_characters_is_kept_clean(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    odd = files / "colis\x1b[31m\nrouge.png"
    odd.write_bytes(PNG)

    # Act
    code, _out, _err = run(capsys, "attach", cid, str(odd))

    # Assert
    assert code == 0
    [entry] = entries(isolated_home, cid)
    assert entry["name"] == "colis[31m rouge.png"


def test_ctrl_c_during_the_copies_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
    cid: str,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: Ctrl-C once the first copy is in place
    from amazon_reclamation import evidence_files

    copy = evidence_files.copy_into

    def then_interrupt(source: evidence_files.Source, target: Path) -> None:
        copy(source, target)
        raise KeyboardInterrupt

    monkeypatch.setattr(evidence_files, "copy_into", then_interrupt)

    # Act
    code, _out, err = run(
        capsys, "attach", cid, str(files / "colis.png"), str(files / "facture.pdf")
    )

    # Assert
    assert code == 130
    assert "rien n'a été enregistré" in err
    assert entries(isolated_home, cid) == []
    assert list(folder_of(isolated_home, cid).iterdir()) == []


def test_remove_json_prints_the_removed_entry(
    capsys: pytest.CaptureFixture[str], cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "facture.pdf"), "--note", "Facture")

    # Act
    code, out, _err = run(capsys, "attach", cid, "--remove", "1", "--json")

    # Assert
    assert code == 0
    data = json.loads(out)
    assert data["complaint"] == cid
    assert (data["removed"]["id"], data["removed"]["name"], data["removed"]["note"]) == (
        1,
        "facture.pdf",
        "Facture",
    )


def test_show_says_a_copy_changed_when_its_size_differs(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, cid: str, files: Path
) -> None:
    # Arrange
    run(capsys, "attach", cid, str(files / "facture.pdf"))
    [entry] = entries(isolated_home, cid)
    (folder_of(isolated_home, cid) / entry["file"]).write_bytes(PDF + b"%% ajout\n")

    # Act
    _code, out, _err = run(capsys, "show", cid)

    # Assert
    assert "1. facture.pdf" in out and "COPIE MODIFIÉE" in out
