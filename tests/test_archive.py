"""The backup archive (`archive.py`): made the same way twice, refused whole when tampered."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import zipfile
from datetime import date
from typing import Any

import pytest

import factories
from amazon_reclamation import archive
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.models import Attachment, Complaint
from amazon_reclamation.safe_text import json_text

TODAY = date(2026, 11, 20)
PHOTO = b"\xff\xd8\xff\xe0 a photo of the damaged kettle"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def record_bytes(complaint: Complaint) -> bytes:
    return (json_text(complaint.to_json_dict()) + "\n").encode()


def with_photo(complaint_id: str = "k7m2pq", **fields: Any) -> Complaint:
    photo = Attachment(
        id=1,
        name="photo.jpg",
        file=f"{PHOTO_SHA}.jpg",
        sha256=PHOTO_SHA,
        size=len(PHOTO),
        media_type="image/jpeg",
        added_at=factories.at(5),
    )
    return factories.complaint(complaint_id, attachments=[photo], **fields)


def entries() -> list[archive.Entry]:
    return [
        archive.Entry("complaints/k7m2pq.json", record_bytes(with_photo())),
        archive.Entry(f"attachments/k7m2pq/{PHOTO_SHA}.jpg", PHOTO),
        archive.Entry("complaints/abc234.json", record_bytes(factories.complaint("abc234"))),
        archive.Entry("config.json", b'{"lang": "nl"}\n'),
        archive.Entry("drafts/new.json", b'{"answers": {}}\n'),
    ]


def craft(
    files: dict[str, bytes],
    *,
    listed: dict[str, bytes] | None = None,
    links: tuple[str, ...] = (),
    manifest: dict[str, Any] | None = None,
) -> bytes:
    """An archive holding `files`, its manifest listing `listed` (by default the same)."""
    items = [
        {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for path, data in (files if listed is None else listed).items()
    ]
    head = {"format": "reclam-backup", "format_version": 1, "schema_version": 4, "date": "x"}
    document = manifest if manifest is not None else {**head, "entries": items}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("manifest.json", json.dumps(document))
        for path, data in files.items():
            info = zipfile.ZipInfo(path)
            mode = stat.S_IFLNK | 0o777 if path in links else stat.S_IFREG | 0o600
            info.external_attr = mode << 16
            zipped.writestr(info, data)
    return buffer.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(InvalidInput) as caught:
        archive.check(data)
    return caught.value.message


GOOD = {e.path: e.data for e in entries()}


# -- making ------------------------------------------------------------------------------


def test_the_same_files_on_the_same_day_give_the_same_bytes() -> None:
    first = archive.build(entries(), today=TODAY, version="0.1.0")
    second = archive.build(list(reversed(entries())), today=TODAY, version="0.1.0")
    assert first == second


def test_the_manifest_comes_first_and_lists_every_entry_with_its_size_and_hash() -> None:
    # Act
    data = archive.build(entries(), today=TODAY, version="0.1.0")

    # Assert
    zipped = zipfile.ZipFile(io.BytesIO(data))
    names = zipped.namelist()
    assert names[0] == "manifest.json"
    assert names[1:] == sorted(GOOD)
    manifest = json.loads(zipped.read("manifest.json"))
    assert manifest["reclam_version"] == "0.1.0"
    assert (manifest["schema_version"], manifest["date"]) == (4, "2026-11-20")
    assert manifest["entries"][0] == {
        "path": f"attachments/k7m2pq/{PHOTO_SHA}.jpg",
        "size": len(PHOTO),
        "sha256": PHOTO_SHA,
    }
    for info in zipped.infolist():
        assert info.date_time == (2026, 11, 20, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100600


def test_an_archive_made_by_build_is_accepted_whole() -> None:
    # Act
    checked = archive.check(archive.build(entries(), today=TODAY, version="0.1.0"))

    # Assert
    assert [(r.name, r.complaint is not None) for r in checked.records] == [
        ("abc234.json", True),
        ("k7m2pq.json", True),
    ]
    assert checked.copies == {"k7m2pq": [(f"{PHOTO_SHA}.jpg", PHOTO)]}
    assert checked.config == b'{"lang": "nl"}\n'
    assert checked.draft == b'{"answers": {}}\n'


# -- refusing ----------------------------------------------------------------------------


def test_a_changed_byte_anywhere_in_an_entry_is_refused() -> None:
    data = bytearray(archive.build(entries(), today=TODAY, version="0.1.0"))
    start = bytes(data).index(b"complaints/abc234.json", 100) + len("complaints/abc234.json")
    data[start + 40] ^= 0x01
    assert "rien n'a été restauré" in refusal(bytes(data))


def test_content_that_differs_from_the_manifest_is_refused() -> None:
    changed = {**GOOD, "config.json": b'{"lang": "de"}\n'}
    message = refusal(craft(changed, listed=GOOD))
    assert "config.json ne correspond pas au manifeste" in message


def test_a_record_that_fails_validation_is_refused_and_named() -> None:
    bad = json.loads(GOOD["complaints/abc234.json"])
    bad["category"] = "stolen"
    message = refusal(craft({**GOOD, "complaints/abc234.json": json.dumps(bad).encode()}))
    assert "complaints/abc234.json n'est pas valable (champ category non conforme)" in message


def test_a_record_under_another_id_is_refused() -> None:
    files = {**GOOD, "complaints/zzz222.json": GOOD["complaints/abc234.json"]}
    assert "complaints/zzz222.json n'est pas valable" in refusal(craft(files))


@pytest.mark.parametrize(
    "name",
    [
        "../escaped.json",
        "complaints/../../escaped.json",
        "/etc/reclam.json",
        "C:/Users/reclam.json",
        "complaints\\..\\..\\x.json",
        "complaints//k7m2pq.json",
        "complaints/./k7m2pq.json",
    ],
)
def test_a_path_that_could_leave_the_folder_is_refused(name: str) -> None:
    message = refusal(craft({**GOOD, name: b"{}"}))
    assert "sortirait du dossier de données" in message


def test_a_symbolic_link_entry_is_refused() -> None:
    files = {**GOOD, "complaints/zzz222.json": b"/etc/passwd"}
    message = refusal(craft(files, links=("complaints/zzz222.json",)))
    assert "complaints/zzz222.json » est un lien" in message


def test_a_truncated_archive_is_refused() -> None:
    data = archive.build(entries(), today=TODAY, version="0.1.0")
    assert "pas une archive zip lisible" in refusal(data[: len(data) // 2])


def test_a_file_that_is_not_a_zip_is_refused() -> None:
    assert "pas une archive zip lisible" in refusal(b"just some text\n")


def test_a_duplicate_entry_is_refused() -> None:
    data = craft(GOOD)
    buffer = io.BytesIO(data)
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(buffer, "a") as zipped,
    ):
        zipped.writestr("config.json", b"{}")
    assert "est en double" in refusal(buffer.getvalue())


@pytest.mark.parametrize(
    "name", ["evil.sh", "complaints/k7m2pq.txt", "index.sqlite3", "attachments/k7m2pq/x.jpg"]
)
def test_a_file_reclam_does_not_write_is_refused(name: str) -> None:
    assert "n'est pas un fichier de reclam" in refusal(craft({**GOOD, name: b"x"}))


def test_an_entry_missing_from_the_manifest_or_the_archive_is_refused() -> None:
    fewer = {k: v for k, v in GOOD.items() if k != "config.json"}
    assert "config.json n'est pas dans le manifeste" in refusal(craft(GOOD, listed=fewer))
    assert "config.json manque dans l'archive" in refusal(craft(fewer, listed=GOOD))


def test_a_copy_that_is_not_its_hash_or_belongs_to_no_record_is_refused() -> None:
    other = hashlib.sha256(b"other").hexdigest()
    wrong = {**GOOD, f"attachments/k7m2pq/{PHOTO_SHA}.jpg": b"other"}
    stray = {**GOOD, f"attachments/abc234/{other}.jpg": b"other"}
    assert "ne correspond pas à son empreinte" in refusal(craft(wrong))
    assert "n'appartient à aucune réclamation" in refusal(craft(stray))


def test_an_entry_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_ENTRY_BYTES", 10)
    assert "est trop grande" in refusal(craft(GOOD))


def test_an_archive_of_a_newer_reclam_is_named_as_such() -> None:
    newer = {"format": "reclam-backup", "format_version": 2, "schema_version": 4}
    message = refusal(craft(GOOD, manifest={**newer, "reclam_version": "9.0", "entries": []}))
    assert "version plus récente de reclam (9.0)" in message


def test_a_zip_that_is_not_a_reclam_backup_is_refused() -> None:
    assert "manifeste inconnu" in refusal(craft(GOOD, manifest={"entries": []}))


def test_an_unreadable_record_passes_only_when_the_manifest_says_it_was_kept_as_is() -> None:
    # Arrange: what a backup does with a file reclam could not read (a sync conflict copy)
    kept = [*entries(), archive.Entry("complaints/k7m2pq (copy).json", b"{oops", unreadable=True)]
    unflagged = {**GOOD, "complaints/k7m2pq (copy).json": b"{oops"}

    # Act
    checked = archive.check(archive.build(kept, today=TODAY, version="0.1.0"))

    # Assert
    assert ("k7m2pq (copy).json", b"{oops", None) in [
        (r.name, r.data, r.complaint) for r in checked.records
    ]
    assert "n'est pas un nom de réclamation" in refusal(craft(unflagged))


# -- merging -----------------------------------------------------------------------------


def test_the_version_with_the_latest_change_is_the_newer() -> None:
    # Arrange
    base = factories.complaint("abc234")
    logged = factories.complaint("abc234", contacts=[factories.contact(1, factories.at(12))])
    closed = base.model_copy(update={"status": "resolved", "closed_at": factories.at(15)})

    # Act / Assert
    assert archive.newer(base, base) == "same"
    assert archive.newer(base, logged) == "archive"
    assert archive.newer(logged, base) == "existing"
    assert archive.newer(logged, closed) == "archive"
    assert archive.last_change(with_photo()) == factories.at(5)
