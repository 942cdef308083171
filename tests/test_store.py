"""The data folder: atomic writes, owner-only permissions, corrupt files left untouched."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation import files as files_module
from amazon_reclamation import listing
from amazon_reclamation.errors import CorruptRecord, NotFound, StorageError
from amazon_reclamation.files import atomic_write_text
from amazon_reclamation.models import Complaint
from amazon_reclamation.store import Store, default_home
from factories import complaint, contact
from helpers import new_complaint

CREATED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


# The complaint these tests store: a late headset, created 20 November, without the
# amount and name the factory adds (none of these tests is about them).
HEADSET: dict[str, Any] = {
    "created_at": CREATED,
    "category": "late",
    "order_date": date(2026, 11, 1),
    "item": "Casque",
    "amount": None,
    "customer_name": None,
}


def add(store: Store, **overrides: Any) -> Complaint:
    return store.create(lambda new_id: complaint(new_id, **(HEADSET | overrides)))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(isolated_home: Path) -> Store:
    return Store(isolated_home)


def test_default_home_follows_reclam_home(isolated_home: Path) -> None:
    # Act
    home = default_home()

    # Assert
    assert home == isolated_home


# -- atomic writes --------------------------------------------------------------------


def _fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files_module.os, "fsync", broken)


def _fail_half_way_through_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

        def __getattr__(self, name: str) -> Any:
            return getattr(self.handle, name)

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> HalfWriter:
        return HalfWriter(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr(files_module.os, "fdopen", fdopen)


def _fail_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Path, target: Any) -> Path:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(Path, "replace", broken)


def _interrupt_during_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files_module.os, "fsync", interrupted)


FAILURES: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], type[BaseException]]] = {
    "fsync fails": (_fail_fsync, OSError),
    "disk full half-way": (_fail_half_way_through_write, OSError),
    "rename fails": (_fail_rename, OSError),
    "Ctrl-C during fsync": (_interrupt_during_fsync, KeyboardInterrupt),
}


@pytest.mark.parametrize("failure", FAILURES.values(), ids=list(FAILURES))
def test_atomic_write_interrupted_keeps_the_old_file_and_no_temp_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: tuple[Callable[[pytest.MonkeyPatch], None], type[BaseException]],
) -> None:
    # Arrange
    inject, raised = failure
    target = tmp_path / "abc234.json"
    atomic_write_text(target, '{"old": true}\n')
    inject(monkeypatch)

    # Act
    with pytest.raises(raised):
        atomic_write_text(target, '{"new": true, "padding": "' + "x" * 10_000 + '"}\n')

    # Assert
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["abc234.json"]


def test_atomic_write_replaces_the_content_and_is_owner_only(tmp_path: Path) -> None:
    # Arrange
    target = tmp_path / "file.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)

    # Act
    atomic_write_text(target, "nouveau é €\n")

    # Assert
    assert target.read_text(encoding="utf-8") == "nouveau é €\n"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


def test_update_that_fails_mid_write_leaves_the_record_readable(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    saved = add(store)
    before = store.path_for(saved.id).read_bytes()
    _fail_fsync(monkeypatch)

    # Act
    with pytest.raises(StorageError, match=f"{saved.id}.json : erreur d'entrée-sortie du disque"):
        store.update(saved.id, lambda c: c.model_copy(update={"item": "Autre"}))

    # Assert
    monkeypatch.undo()
    assert store.path_for(saved.id).read_bytes() == before
    assert store.read(store.path_for(saved.id)).item == "Casque"
    assert [p.name for p in store.complaints_dir.iterdir()] == [f"{saved.id}.json"]


# -- permissions ----------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_files_are_0600_and_folders_0700_whatever_the_umask(store: Store, umask: int) -> None:
    # Arrange
    previous = os.umask(umask)

    # Act
    try:
        saved = add(store)
        store.save_draft({"answers": {"order_number": "123-1234567-1234567"}})
    finally:
        os.umask(previous)

    # Assert
    assert mode(store.path_for(saved.id)) == 0o600
    assert mode(store.draft_path) == 0o600
    assert mode(store.root / ".lock") == 0o600
    assert mode(store.root) == 0o700
    assert mode(store.complaints_dir) == 0o700
    assert mode(store.drafts_dir) == 0o700


def test_an_existing_open_data_folder_is_closed_to_others(store: Store) -> None:
    # Arrange
    store.root.mkdir(mode=0o755)
    store.root.chmod(0o755)

    # Act
    add(store)

    # Assert
    assert mode(store.root) == 0o700


def test_a_saved_file_is_human_readable_utf8_json_with_schema_version(store: Store) -> None:
    # Arrange
    saved = add(store, item="Théière « bleue »")

    # Act
    text = store.path_for(saved.id).read_text(encoding="utf-8")

    # Assert
    assert "Théière « bleue »" in text  # not \u escapes
    assert text.count("\n") > 10  # indented
    data = json.loads(text)
    assert data["schema_version"] == 4
    assert data["id"] == saved.id


# -- corrupt files --------------------------------------------------------------------


def _valid_json(complaint_id: str) -> dict[str, Any]:
    return complaint(complaint_id, **HEADSET).to_json_dict()


CORRUPT: dict[str, Callable[[str], bytes]] = {
    "not JSON": lambda cid: b'{"id": "' + cid.encode() + b'", "category": ',
    "empty": lambda cid: b"",
    "a JSON array": lambda cid: b"[1, 2, 3]\n",
    "not UTF-8": lambda cid: b'{"item": "\xff\xfe"}',
    "wrong category": lambda cid: json.dumps({**_valid_json(cid), "category": "broken"}).encode(),
    "missing order number": lambda cid: json.dumps(
        {k: v for k, v in _valid_json(cid).items() if k != "order_number"}
    ).encode(),
    "unknown field": lambda cid: json.dumps({**_valid_json(cid), "surprise": 1}).encode(),
    "no schema_version": lambda cid: json.dumps(
        {k: v for k, v in _valid_json(cid).items() if k != "schema_version"}
    ).encode(),
    "newer schema_version": lambda cid: json.dumps(
        {**_valid_json(cid), "schema_version": 99}
    ).encode(),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=list(CORRUPT))
def test_scan_reports_a_corrupt_file_by_name_and_leaves_it_byte_for_byte(
    store: Store, content: Callable[[str], bytes]
) -> None:
    # Arrange
    good = add(store)
    bad = store.path_for("zzzzzz")
    raw = content("zzzzzz")
    bad.write_bytes(raw)
    mtime = bad.stat().st_mtime_ns

    # Act
    complaints, unreadable = store.scan()

    # Assert
    assert [c.id for c in complaints] == [good.id]
    assert [u.path for u in unreadable] == [bad]
    assert "zzzzzz.json" in unreadable[0].reason
    assert bad.read_bytes() == raw
    assert bad.stat().st_mtime_ns == mtime


def test_a_newer_schema_version_is_explained(store: Store) -> None:
    # Arrange
    path = store.path_for("zzzzzz")
    store.complaints_dir.mkdir(parents=True)
    path.write_text(json.dumps({**_valid_json("zzzzzz"), "schema_version": 5}), encoding="utf-8")

    # Act
    with pytest.raises(CorruptRecord) as caught:
        store.read(path)

    # Assert
    assert "plus récente" in caught.value.message
    assert str(path) in caught.value.message


@pytest.mark.parametrize("content", CORRUPT.values(), ids=list(CORRUPT))
def test_update_on_a_corrupt_file_raises_and_never_overwrites_it(
    store: Store, content: Callable[[str], bytes]
) -> None:
    # Arrange
    store.complaints_dir.mkdir(parents=True)
    bad = store.path_for("zzzzzz")
    raw = content("zzzzzz")
    bad.write_bytes(raw)
    changed: list[str] = []

    def change(complaint: Complaint) -> Complaint:
        changed.append(complaint.id)
        return complaint

    # Act
    with pytest.raises(CorruptRecord):
        store.update("zzzzzz", change)

    # Assert
    assert bad.read_bytes() == raw
    assert changed == []
    assert sorted(p.name for p in store.complaints_dir.iterdir()) == ["zzzzzz.json"]


def test_find_by_id_of_a_corrupt_file_raises_corrupt_record(store: Store) -> None:
    # Arrange
    store.complaints_dir.mkdir(parents=True)
    store.path_for("zzzzzz").write_text("{", encoding="utf-8")

    # Act / Assert
    with pytest.raises(CorruptRecord):
        listing.find(store, "zzzzzz", None)


def test_not_found_mentions_unreadable_files(store: Store) -> None:
    # Arrange
    add(store)
    store.path_for("zzzzzz").write_text("{", encoding="utf-8")

    # Act
    with pytest.raises(NotFound) as caught:
        listing.find(store, "999-9999999-9999999", "999-9999999-9999999")

    # Assert
    assert "illisible" in caught.value.message


def test_files_that_are_not_json_are_ignored(store: Store) -> None:
    # Arrange
    saved = add(store)
    (store.complaints_dir / "notes.txt").write_text("mes notes", encoding="utf-8")

    # Act
    complaints, unreadable = store.scan()

    # Assert
    assert [c.id for c in complaints] == [saved.id]
    assert unreadable == []


def test_scan_of_a_fresh_folder_is_empty_and_creates_nothing(store: Store) -> None:
    # Act
    complaints, unreadable = store.scan()

    # Assert
    assert (complaints, unreadable) == ([], [])
    assert not store.root.exists()


# -- create, find, update, delete -----------------------------------------------------


def test_create_gives_a_short_readable_id_and_writes_the_file(store: Store) -> None:
    # Act
    saved = add(store)

    # Assert
    assert len(saved.id) == 6
    assert set(saved.id) <= set("abcdefghjkmnpqrstuvwxyz23456789")
    assert store.read(store.path_for(saved.id)) == saved


def test_create_never_reuses_an_id(store: Store) -> None:
    # Act
    ids = {add(store).id for _ in range(30)}

    # Assert
    assert len(ids) == 30
    assert len(list(store.complaints_dir.glob("*.json"))) == 30


@pytest.fixture
def three(store: Store) -> dict[str, Complaint]:
    for complaint_id, order in (
        ("abc234", "111-1111111-1111111"),
        ("abd567", "222-2222222-2222222"),
        ("xyz789", "333-3333333-3333333"),
    ):
        with store.locked():
            store.write(complaint(complaint_id, **HEADSET, order_number=order))
    return {c.id: c for c in store.scan()[0]}


@pytest.mark.parametrize(
    ("ref", "order", "expected"),
    [
        ("abc234", None, "abc234"),
        ("ABC234", None, "abc234"),
        (" abc234 ", None, "abc234"),
        ("xyz", None, "xyz789"),  # unique prefix
        ("abd", None, "abd567"),
        ("222-2222222-2222222", "222-2222222-2222222", "abd567"),
        ("33333333333333333", "333-3333333-3333333", "xyz789"),
    ],
)
def test_find_by_id_prefix_or_order_number(
    store: Store, three: dict[str, Complaint], ref: str, order: str | None, expected: str
) -> None:
    # Act
    found = listing.find(store, ref, order)

    # Assert
    assert found.id == expected


@pytest.mark.parametrize(("ref", "order"), [("ab", None), ("qqq", None), ("", None)])
def test_find_ambiguous_or_unknown_raises_not_found(
    store: Store, three: dict[str, Complaint], ref: str, order: str | None
) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        listing.find(store, ref, order)


def test_find_by_order_number_prefers_the_single_open_complaint(store: Store) -> None:
    # Arrange
    with store.locked():
        store.write(complaint("aaa222", **HEADSET, status="resolved"))
        store.write(complaint("bbb333", **HEADSET))

    # Act
    found = listing.find(store, "123-1234567-1234567", "123-1234567-1234567")

    # Assert
    assert found.id == "bbb333"


def test_find_by_order_number_with_two_open_complaints_asks_for_the_id(store: Store) -> None:
    # Arrange
    with store.locked():
        store.write(complaint("aaa222", **HEADSET))
        store.write(complaint("bbb333", **HEADSET))

    # Act
    with pytest.raises(NotFound) as caught:
        listing.find(store, "123-1234567-1234567", "123-1234567-1234567")

    # Assert
    assert "aaa222" in caught.value.message
    assert "bbb333" in caught.value.message


def test_update_changes_only_what_was_changed(store: Store) -> None:
    # Arrange
    saved = add(store)

    # Act
    updated = store.update(saved.id, lambda c: c.model_copy(update={"status": "resolved"}))

    # Assert
    assert updated.status == "resolved"
    reread = store.read(store.path_for(saved.id))
    assert reread == updated
    assert reread == saved.model_copy(
        update={"status": "resolved", "updated_at": reread.updated_at}
    )
    assert saved.updated_at is not None and reread.updated_at is not None
    assert reread.updated_at >= saved.updated_at  # every write says when it was made


def test_update_of_a_deleted_complaint_raises_not_found(store: Store) -> None:
    # Arrange
    saved = add(store)
    store.delete(saved.id)

    # Act / Assert
    with pytest.raises(NotFound):
        store.update(saved.id, lambda c: c)


def test_delete_removes_only_that_file(store: Store) -> None:
    # Arrange
    first, second = add(store), add(store)

    # Act
    store.delete(first.id)

    # Assert
    assert not store.path_for(first.id).exists()
    assert [c.id for c in store.scan()[0]] == [second.id]
    with pytest.raises(NotFound):
        store.delete(first.id)


# -- drafts ---------------------------------------------------------------------------


def test_draft_save_load_clear(store: Store) -> None:
    # Arrange
    draft = {"answers": {"category": "late", "order_number": "123-1234567-1234567"}}

    # Act
    store.save_draft(draft)
    loaded = store.load_draft()
    store.clear_draft()

    # Assert
    assert loaded == draft
    assert store.load_draft() is None
    assert not store.draft_path.exists()


def test_no_draft_loads_as_none_and_clearing_twice_is_fine(store: Store) -> None:
    # Act
    store.clear_draft()

    # Assert
    assert store.load_draft() is None


def test_saving_a_draft_replaces_the_previous_one(store: Store) -> None:
    # Arrange
    store.save_draft({"answers": {"order_number": "111-1111111-1111111"}})

    # Act
    store.save_draft({"answers": {"order_number": "222-2222222-2222222"}})

    # Assert
    assert store.load_draft() == {"answers": {"order_number": "222-2222222-2222222"}}
    assert [p.name for p in store.drafts_dir.iterdir()] == ["new.json"]


@pytest.mark.parametrize("raw", [b"{", b"[1]", b"\xff"])
def test_an_unreadable_draft_is_ignored_not_deleted(store: Store, raw: bytes) -> None:
    # Arrange
    store.drafts_dir.mkdir(parents=True)
    store.draft_path.write_bytes(raw)

    # Act
    loaded = store.load_draft()

    # Assert
    assert loaded is None
    assert store.draft_path.read_bytes() == raw


def test_a_crash_while_writing_a_contact_leaves_the_previous_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = new_complaint(capsys)
    path = isolated_home / "complaints" / f"{cid}.json"
    before = path.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(5, "disk on fire")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(StorageError, match="entrée-sortie"):
        Store(isolated_home).update(cid, lambda c: c.model_copy(update={"item": "x"}))
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


# -- two processes at once --------------------------------------------------------------


def _log_contacts(root: str, complaint_id: str, first: int, count: int, start: Any) -> None:
    store = Store(Path(root))
    start.wait(timeout=30)  # both processes begin together
    for number in range(first, first + count):

        def change(current: Complaint, number: int = number) -> Complaint:
            entry = contact(number, CREATED, "phone", "pending")
            return current.model_copy(update={"contacts": [*current.contacts, entry]})

        store.update(complaint_id, change)


def test_two_processes_updating_at_once_both_keep_their_changes(store: Store) -> None:
    # Arrange
    saved = add(store)
    # fork, not spawn: the same two processes racing for the lock, without a second of
    # start-up each re-importing everything (test_concurrent_writes.py forks too).
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    workers = [
        context.Process(target=_log_contacts, args=(str(store.root), saved.id, first, 40, start))
        for first in (1, 101)
    ]

    # Act
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    # Assert
    assert [worker.exitcode for worker in workers] == [0, 0]
    ids = sorted(c.id for c in store.read(store.path_for(saved.id)).contacts)
    assert ids == [*range(1, 41), *range(101, 141)]
