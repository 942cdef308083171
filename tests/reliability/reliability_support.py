"""Shared by the reliability tests: complaint files written by hand, real processes,
snapshots of a folder, and the checks every error must pass (one line, no traceback)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import factories
from amazon_reclamation.models import Contact

TODAY = "2026-11-20"
CREATED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
ORDER = "123-1234567-1234567"
BASE_NEW = ["--category", "late", "--order", ORDER, "--order-date", "01/11/2026"]
# Files that reclam may create in its data folder on any run (the lock, the derived index):
# "nothing was written" means nothing else changed.
BOOKKEEPING = frozenset({
    ".lock", "index.sqlite3", "index.sqlite3-wal", "index.sqlite3-shm", "index.sqlite3-journal",
})  # fmt: skip


# The complaint written by hand here: Jan Peeters's late headset, created 2 November (not
# the factory's damaged kettle, without its amount).
HEADSET: dict[str, Any] = {
    "created_at": CREATED,
    "category": "late",
    "order_date": date(2026, 11, 1),
    "item": "Casque",
    "amount": None,
    "customer_name": "Jan Peeters",
}


def complaint_data(complaint_id: str, **overrides: Any) -> dict[str, Any]:
    """A valid complaint record as the JSON dict stored in its file."""
    return factories.complaint(complaint_id, **(HEADSET | overrides)).to_json_dict()


def contact(contact_id: int) -> Contact:
    """A pending phone contact, logged when the complaint was created."""
    return factories.contact(contact_id, CREATED, "phone", "pending")


def write_record(home: Path, name: str, data: Any) -> Path:
    """Write `data` as JSON to `complaints/<name>.json`, by hand (not through the store)."""
    folder = home / "complaints"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_raw(home: Path, name: str, raw: bytes) -> Path:
    folder = home / "complaints"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(raw)
    return path


def read_record(home: Path, complaint_id: str) -> dict[str, Any]:
    path = home / "complaints" / f"{complaint_id}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def temp_files(home: Path) -> list[str]:
    """The temporary files of atomic writes left in the complaints folder."""
    folder = home / "complaints"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name)


def snapshot(folder: Path) -> dict[str, Any]:
    """Every entry under `folder` (not following links): bytes, link target or kind."""
    result: dict[str, Any] = {}
    if not os.path.lexists(folder):
        return result
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            if name in BOOKKEEPING:
                continue
            info = path.lstat()
            key = str(path.relative_to(folder))
            if stat.S_ISLNK(info.st_mode):
                result[key] = ("link", str(path.readlink()))
            elif stat.S_ISREG(info.st_mode):
                result[key] = ("file", path.read_bytes())
            elif stat.S_ISDIR(info.st_mode):
                result[key] = ("dir",)
            else:
                result[key] = ("special", stat.S_IFMT(info.st_mode))
    return result


def assert_one_error_line(err: str) -> None:
    """An error is one line on stderr, never a traceback."""
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "RECLAM_HOME": str(home),
        "RECLAM_TODAY": TODAY,
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
        "TERM": "dumb",
    })  # fmt: skip
    for name in ("PYTHONIOENCODING", "RECLAM_LANG", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env.update(extra)
    return env


def reclam_process(
    home: Path, *args: str, timeout: float = 30, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """`python -m amazon_reclamation ARGS` in a real process; stdout and stderr captured
    unless given (`stdout=` a file), text decoded as UTF-8."""
    kwargs.setdefault("env", env_for(home))
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    kwargs.setdefault("encoding", "utf-8")
    kwargs.setdefault("errors", "replace")
    return subprocess.run(
        [sys.executable, "-m", "amazon_reclamation", *args],
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
        **kwargs,
    )
