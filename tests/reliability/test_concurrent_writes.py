"""Four reclam processes writing at once (new, log, close and reopen mixed): every change
is kept and every file stays valid."""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import subprocess
import sys
from pathlib import Path
from typing import Any

from reliability_support import BASE_NEW, complaint_data, env_for, read_record, write_record

from amazon_reclamation import cli
from amazon_reclamation.store import Store
from amazon_reclamation.ui import render

WORKERS = 4
SHARED = "shrd22"
# What each worker does, in order: the first write creates its own complaint; then new
# complaints, contacts on the complaint every worker shares, close/reopen of its own
# complaint (alternating) and contacts on its own complaint while it is open (a closed
# complaint takes no contact).
SCHEDULE = ["new"] + ["new", "toggle own", "log shared", "toggle own", "log own"] * 6  # 31
REAL_ROUNDS = 3  # and WORKERS real `python -m amazon_reclamation log` at once, 3 times


def _reclam(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _worker(home: str, worker: int, results: str, start: Any) -> None:
    render.out.cache_clear()
    render.err.cache_clear()
    start.wait(timeout=30)  # all begin together
    done: list[dict[str, Any]] = []
    own = ""
    status = "open"
    for step, action in enumerate(SCHEDULE):
        tag = f"w{worker}-s{step}"
        if action == "new":
            argv = ["new", "--home", home, *BASE_NEW, f"--item={tag}", "--yes", "--json"]
        elif action == "log shared":
            argv = ["log", SHARED, "--home", home, "--channel", "chat", "--outcome", "pending",
                    f"--summary={tag}"]  # fmt: skip
        elif action == "log own":
            argv = ["log", own, "--home", home, "--channel", "phone", "--outcome", "pending",
                    f"--summary={tag}"]  # fmt: skip
        elif status == "open":
            argv, status = ["close", own, "--home", home, "--outcome", "abandoned"], "abandoned"
        else:
            argv, status = ["reopen", own, "--home", home], "open"
        code, out, err = _reclam(*argv)
        if action == "new" and code == 0 and not own:
            own = json.loads(out)["id"]
        done.append({"action": action, "tag": tag, "code": code, "err": err})
    Path(results).write_text(json.dumps({"own": own, "done": done}), encoding="utf-8")


def test_four_processes_writing_at_once_keep_every_change(
    tmp_path: Path, isolated_home: Path
) -> None:
    # Arrange
    write_record(isolated_home, SHARED, complaint_data(SHARED, order_number="999-9999999-9999999"))
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WORKERS)
    outputs = [tmp_path / f"worker-{n}.json" for n in range(WORKERS)]
    workers = [
        context.Process(target=_worker, args=(str(isolated_home), n, str(outputs[n]), start))
        for n in range(WORKERS)
    ]

    # Act
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)

    # Assert: every command succeeded ...
    assert [worker.exitcode for worker in workers] == [0] * WORKERS
    reports = [json.loads(output.read_text(encoding="utf-8")) for output in outputs]
    failures = [d for report in reports for d in report["done"] if d["code"] != 0]
    assert failures == []
    # ... every file is valid ...
    complaints, unreadable = Store(isolated_home).scan()
    assert unreadable == []
    # ... and every change is there.
    news = SCHEDULE.count("new") * WORKERS
    assert len(complaints) == 1 + news
    items = sorted(c.item for c in complaints if c.id != SHARED)
    expected_items = sorted(
        d["tag"] for report in reports for d in report["done"] if d["action"] == "new"
    )
    assert items == expected_items
    shared = read_record(isolated_home, SHARED)
    expected_shared = sorted(
        d["tag"] for report in reports for d in report["done"] if d["action"] == "log shared"
    )
    assert sorted(c["summary"] for c in shared["contacts"]) == expected_shared
    assert sorted(c["id"] for c in shared["contacts"]) == list(range(1, len(expected_shared) + 1))
    toggles = SCHEDULE.count("toggle own")
    for report in reports:
        own = read_record(isolated_home, report["own"])
        expected_own = [d["tag"] for d in report["done"] if d["action"] == "log own"]
        assert [c["summary"] for c in own["contacts"]] == expected_own
        assert own["status"] == ("open" if toggles % 2 == 0 else "abandoned")
    assert not [p for p in (isolated_home / "complaints").iterdir() if p.name.startswith(".")]


def test_real_processes_logging_at_once_keep_every_contact(isolated_home: Path) -> None:
    # Arrange
    write_record(isolated_home, SHARED, complaint_data(SHARED))
    env = env_for(isolated_home)
    results: list[tuple[int, bytes]] = []

    # Act: WORKERS real processes at a time, REAL_ROUNDS times
    for round_ in range(REAL_ROUNDS):
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "amazon_reclamation",
                    "log",
                    SHARED,
                    "--channel",
                    "phone",
                    "--outcome",
                    "pending",
                    f"--summary=r{round_}-p{n}",
                ],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for n in range(WORKERS)
        ]
        for process in processes:
            _out, err = process.communicate(timeout=60)
            results.append((process.returncode, err))

    # Assert
    assert [code for code, _err in results] == [0] * (WORKERS * REAL_ROUNDS), results
    assert not [err for _code, err in results if b"Traceback" in err]
    summaries = sorted(c["summary"] for c in read_record(isolated_home, SHARED)["contacts"])
    assert summaries == sorted(f"r{r}-p{n}" for r in range(REAL_ROUNDS) for n in range(WORKERS))
