"""Shared by the command-line tests: run reclam in-process, save a complaint through it,
read what it stored, and the JSON contract."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation import cli

# The complaint fields PRODUCT.md pins for `new --json`, `show --json` and `list --json`.
CONTRACT_FIELDS = frozenset({
    "id", "schema_version", "created_at", "status", "category", "order_number",
    "order_date", "delivery_date", "expected_delivery_date", "item", "amount", "currency",
    "seller", "customer_name", "description", "desired_resolution", "contacts",
})  # fmt: skip

ORDER = "123-1234567-1234567"
BASE = ["--order", ORDER, "--order-date", "01/11/2026"]  # `new` without its category
REQUIRED = ["--category", "late", *BASE]  # the options `new` needs unattended
MARKUP = "[red]x[/red] [bold]gras[/bold]"
ESCAPE = "\x1b[31mrouge\x1b[0m\x07"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`reclam ARGS` in-process: exit code, stdout, stderr."""
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def new(capsys: pytest.CaptureFixture[str], *extra: str, order: str = ORDER) -> dict[str, Any]:
    """Save a late-delivery complaint unattended and return its JSON."""
    args = ["new", "--category", "late", "--order", order, "--order-date", "01/11/2026"]
    code, out, err = run(capsys, *args, *extra, "--yes", "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def create(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    """Save a complaint unattended from `options` (category included): its id."""
    code, out, err = run(capsys, "new", *options, "--yes", "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


def new_complaint(capsys: pytest.CaptureFixture[str], order: str = ORDER) -> str:
    """Save Jan Peeters's refund complaint unattended: its id."""
    code, out, _err = run(
        capsys,
        "new",
        "--category",
        "refund",
        "--order",
        order,
        "--order-date",
        "01/11/2026",
        "--name",
        "Jan Peeters",
        "--yes",
        "--json",
    )
    assert code == 0
    return str(json.loads(out)["id"])


def complaint_files(home: Path) -> list[Path]:
    folder = home / "complaints"
    return sorted(folder.glob("*.json")) if folder.exists() else []


def nothing_written(home: Path) -> bool:
    return complaint_files(home) == [] and not (home / "drafts").exists()


def stored(home: Path, complaint_id: str) -> dict[str, object]:
    """The JSON of a complaint file as stored."""
    return json.loads((home / "complaints" / f"{complaint_id}.json").read_text(encoding="utf-8"))


def one_error_line(err: str) -> str:
    """The one line an error prints on stderr (never a traceback)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def asked(question: str) -> str:
    """The words of a wizard question as a terminal shows them, up to its punctuation.

    prompt_toolkit paints the non-breaking space before "?" or ":" with its own escape
    codes, so the question is matched without it.
    """
    return re.split(r" [?:;!]", question)[0]


def check_snapshot(path: Path, text: str, test_file: str) -> None:
    """`text` equals the snapshot file at `path` (written instead with RECLAM_UPDATE_SNAPSHOTS=1).

    `test_file` is the test module to run again to regenerate it, named in the failure.
    """
    if os.environ.get("RECLAM_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {path}; create it with RECLAM_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs from its snapshot; if the change is deliberate, regenerate with "
        f"RECLAM_UPDATE_SNAPSHOTS=1 .venv/bin/pytest {test_file}"
    )
