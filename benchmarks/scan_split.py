"""Where the time of `reclam list` goes, stage by stage, in one process (issue 2's plan).

For each N this script fills a temporary RECLAM_HOME (as `bench.py` does), then, in a
fresh interpreter, times with `time.perf_counter`:

* the imports, in the order `reclam list` needs them;
* `Store.scan()` split into listing the folder, reading the files, `json.loads`, and
  pydantic validation (`_migrate` + `Complaint.model_validate`), plus the
  alternative `Complaint.model_validate_json` (one pass in pydantic-core);
* rendering the `list` table (Rich, to /dev/null) and the `--json` output;
* the proposed index: one JSON file with the fields `list` shows, how long it takes
  to write (the store would rewrite it on every write) and to read, and a plain-text
  table made from it.

Usage: `.venv/bin/python benchmarks/scan_split.py [--sizes 1000,10000] [--repeat 3]`
(best of `--repeat` for the in-process stages).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

TODAY_ISO = "2026-11-20"


def _best(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _index_entry(complaint: Any, today: Any) -> dict[str, object]:
    """What an index would keep per complaint: the columns of `list` and `due`."""
    from amazon_reclamation.domain import contacts

    entries = contacts.effective(complaint.contacts)
    promises = [
        [c.follow_up.isoformat(), p.state == "kept"]
        for p in contacts.promises(complaint, today)
        for c in (p.contact,)
        if c.follow_up is not None
    ]
    return {
        "id": complaint.id,
        "order_number": complaint.order_number,
        "category": complaint.category,
        "item": complaint.item,
        "status": complaint.status,
        "created_at": complaint.created_at.isoformat(),
        "contacts": len(entries),
        "last_contact_at": entries[-1].at.isoformat() if entries else None,
        "follow_ups": promises,
        "mtime_ns": 0,
    }


def _plain_list(complaints: list[Any], today: Any) -> str:
    """A prototype of a light `list` renderer: the same columns, padded by cell width."""
    from rich.cells import cell_len

    from amazon_reclamation.domain import contacts
    from amazon_reclamation.texts import labels
    from amazon_reclamation.ui.render import safe

    rows = [["Id", "Commande", "Problème", "Article", "Âge", "Contacts", "Suivi"]]
    for complaint in complaints:
        last = contacts.last_contact(complaint)
        follow = contacts.next_follow_up(complaint, today)
        follow_text = "—"
        if follow is not None and follow.contact.follow_up is not None:
            follow_text = follow.contact.follow_up.strftime("%d/%m")
            if follow.state == "broken":
                follow_text += " dépassé"
        count = str(len(contacts.effective(complaint.contacts)))
        if last is not None:
            count += f" · {last.at.strftime('%d/%m')}"
        item = safe(complaint.item) or "—"
        rows.append(
            [
                complaint.id,
                complaint.order_number,
                labels.label(labels.CATEGORY_SHORT, complaint.category),
                item if len(item) <= 40 else item[:39] + "…",
                f"{max(0, (today - complaint.created_at.date()).days)} j",
                count,
                follow_text,
            ]
        )
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=True))
        for row in rows
    )


def _plain_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def measure(home: Path, repeat: int) -> dict[str, float]:
    """Run in a fresh interpreter: every stage of `reclam list`, timed."""
    times: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = now - clock
        clock = now

    import typer

    lap("import typer")
    import amazon_reclamation.cli.commands  # noqa: F401

    lap("import amazon_reclamation.cli (rest)")
    import pydantic  # noqa: F401

    lap("import pydantic")
    import typer._adapters

    lap("import typer._adapters (Typer's option coercion)")
    from amazon_reclamation.models import Complaint

    lap("import amazon_reclamation.models (schema build)")
    import rich.console
    import rich.table  # noqa: F401

    from amazon_reclamation.records import _migrate
    from amazon_reclamation.store import Store
    from amazon_reclamation.ui import render

    lap("import rich.table/console + render + store")

    store = Store(home)
    paths = sorted(store.complaints_dir.glob("*.json"))
    lap("scan: glob + sort (first time)")
    texts = [path.read_text(encoding="utf-8") for path in paths]
    lap("scan: read the files (first time)")
    datas = [json.loads(text) for text in texts]
    lap("scan: json.loads (first time)")
    complaints = [Complaint.model_validate(_migrate(data)) for data in datas]
    lap("scan: _migrate + model_validate (first time)")

    times["scan: glob + sort"] = _best(repeat, lambda: sorted(store.complaints_dir.glob("*.json")))
    times["scan: read the files"] = _best(
        repeat, lambda: [p.read_text(encoding="utf-8") for p in paths]
    )
    times["scan: json.loads"] = _best(repeat, lambda: [json.loads(t) for t in texts])
    times["scan: _migrate + model_validate"] = _best(
        repeat, lambda: [Complaint.model_validate(_migrate(d)) for d in datas]
    )
    times["scan: model_validate_json (alternative)"] = _best(
        repeat, lambda: [Complaint.model_validate_json(t) for t in texts]
    )
    times["Store.scan() whole"] = _best(repeat, store.scan)

    from datetime import date

    today = date.fromisoformat(TODAY_ISO)
    shown = sorted((c for c in complaints if c.status == "open"), key=lambda c: c.created_at)
    times["open complaints (count)"] = float(len(shown))
    with open(os.devnull, "w", encoding="utf-8") as sink:
        render.out.cache_clear()
        saved = sys.stdout
        sys.stdout = sink
        try:
            times["render: Rich table of list"] = _best(
                1, lambda: render.complaints_table(shown, today, title="Réclamations")
            )
            times["render: plain-text list (prototype, same columns)"] = _best(
                repeat, lambda: sink.write(_plain_list(shown, today))
            )
            times["render: --json: to_json_dict"] = _best(
                repeat, lambda: [c.to_json_dict() for c in shown]
            )
            dicts = [c.to_json_dict() for c in shown]
            times["render: --json: json_out (dumps, indent=2)"] = _best(
                repeat, lambda: render.json_out(dicts)
            )
            from amazon_reclamation.domain import contacts

            due_items = [
                (c, item)
                for c in sorted(complaints, key=lambda c: c.created_at)
                if c.status == "open"
                for item in contacts.due_follow_ups(c, today)
            ]
            times["due: follow-ups found (count)"] = float(len(due_items))
            times["due: compute follow-ups"] = _best(
                repeat,
                lambda: [contacts.due_follow_ups(c, today) for c in complaints],
            )
            times["due: Rich table"] = _best(1, lambda: render.due_table(due_items, today))
        finally:
            sys.stdout = saved

    # Typer's own share of a run: the whole `main(["list"])` with an empty scan.
    import amazon_reclamation.cli as cli
    import amazon_reclamation.cli.commands as cli_commands
    from amazon_reclamation import store as store_module

    def empty_scan(self: Store) -> tuple[list[Complaint], list[Any]]:
        return [], []

    real_scan = store_module.Store.scan
    store_module.Store.scan = empty_scan  # type: ignore[method-assign]
    try:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            saved_out, saved_err = sys.stdout, sys.stderr
            sys.stdout = sys.stderr = sink
            render.err.cache_clear()
            try:
                started = time.perf_counter()
                typer.main.get_command(cli_commands.app)
                times["typer: build the click command (get_command)"] = (
                    time.perf_counter() - started
                )
                started = time.perf_counter()
                cli.main(["list"])
                times["typer: main(['list']) with an empty store (first)"] = (
                    time.perf_counter() - started
                )
                times["typer: main(['list']) with an empty store (again)"] = _best(
                    repeat, lambda: cli.main(["list"])
                )
            finally:
                sys.stdout, sys.stderr = saved_out, saved_err
    finally:
        store_module.Store.scan = real_scan  # type: ignore[method-assign]

    # The proposed index: one file with the list columns, rewritten on every write.
    index = {"schema_version": 1, "entries": [_index_entry(c, today) for c in complaints]}
    index_path = home / "index.json"

    def write_index() -> None:
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        with open(index_path, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())

    times["index: write whole file (dumps + fsync)"] = _best(repeat, write_index)
    times["index: size (KiB)"] = index_path.stat().st_size / 1024

    def read_index() -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = json.loads(index_path.read_text(encoding="utf-8"))[
            "entries"
        ]
        return entries

    times["index: read + json.loads"] = _best(repeat, read_index)
    times["index: stat every file (staleness check)"] = _best(
        repeat, lambda: [p.stat().st_mtime_ns for p in paths]
    )

    def plain_from_index() -> str:
        entries = sorted(
            (e for e in read_index() if e["status"] == "open"), key=lambda e: e["created_at"]
        )
        rows = [
            [
                e["id"],
                e["order_number"],
                e["category"],
                (e["item"] or "—")[:40],
                f"{(today - date.fromisoformat(e['created_at'][:10])).days} j",
                str(e["contacts"]),
                min((f for f, kept in e["follow_ups"] if not kept), default="—"),
            ]
            for e in entries
        ]
        return _plain_table(rows)

    times["index: read + plain-text table"] = _best(repeat, plain_from_index)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure is not None:
        json.dump(measure(args.measure, args.repeat), sys.stdout)
        return 0

    import bench

    sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    results: dict[int, dict[str, float]] = {}
    for count in sizes:
        home = Path(tempfile.mkdtemp(prefix=f"reclam-split-{count}-"))
        try:
            bench.fill_home(home / "data", bench.make_complaints(count))
            env = dict(os.environ, RECLAM_TODAY=TODAY_ISO, NO_COLOR="1")
            output = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    str(home / "data"),
                    "--repeat",
                    str(args.repeat),
                ],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[count] = json.loads(output)
        finally:
            shutil.rmtree(home, ignore_errors=True)
    names = list(next(iter(results.values())))
    width = max(len(name) for name in names)
    print(f"{'stage (seconds unless stated)':<{width}}" + "".join(f"  {n:>9,}" for n in sizes))
    for name in names:
        print(f"{name:<{width}}" + "".join(f"  {results[n][name]:>9.3f}" for n in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
