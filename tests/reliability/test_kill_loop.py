"""SIGKILL at any moment: the complaint file is always the old version or the new one,
never half of either, and the next successful write leaves no temporary file."""

from __future__ import annotations

import json
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from reliability_support import (
    complaint_data,
    contact,
    env_for,
    read_record,
    temp_files,
    write_record,
)

from helpers import run

CID = "kkkk22"
SEED = 20261120
KILL_ITERATIONS = 30  # real processes killed at a random moment (about 0.2 s each)
CALIBRATION_RUNS = 3  # whole runs timed first, to aim the kills
LOG = ["log", CID, "--channel", "phone", "--outcome", "pending", "--summary", "Rappel promis"]


@pytest.fixture
def record(isolated_home: Path) -> Path:
    return write_record(
        isolated_home, CID, complaint_data(CID, contacts=[contact(n) for n in (1, 2, 3)])
    )


def command_for(data: dict[str, Any], turn: int) -> list[str]:
    """Alternate logging a contact with closing, reopening first (a closed one takes none)."""
    if data["status"] != "open":
        return ["reopen", CID]
    if turn % 3:
        return LOG
    return ["close", CID, "--outcome", "resolved"]


def is_old_or_new(before: dict[str, Any], after: dict[str, Any], argv: list[str]) -> bool:
    """True when `after` is `before` or exactly `before` changed as `argv` changes it."""
    if after == before:
        return True
    if argv[0] == "log":
        return (
            after["contacts"][:-1] == before["contacts"]
            and after["contacts"][-1]["summary"] == "Rappel promis"
            and after["contacts"][-1]["id"] == len(before["contacts"]) + 1
            and {k: v for k, v in after.items() if k not in ("contacts", "updated_at")}
            == {k: v for k, v in before.items() if k not in ("contacts", "updated_at")}
        )
    expected_status = "resolved" if argv[0] == "close" else "open"
    unchanged = {"status", "closed_at", "updated_at"}  # the fields a close or reopen writes
    return after["status"] == expected_status and {
        k: v for k, v in after.items() if k not in unchanged
    } == {k: v for k, v in before.items() if k not in unchanged}


def reclam_popen(home: Path, argv: list[str], *prefix: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, *prefix, *argv],
        env=env_for(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def timed_runs(home: Path) -> list[float]:
    """How long whole `reclam log` runs take here: CALIBRATION_RUNS of them, timed."""
    durations = []
    for _ in range(CALIBRATION_RUNS):
        started = time.monotonic()
        calibration = reclam_popen(home, LOG, "-m", "amazon_reclamation")
        assert calibration.wait(timeout=30) == 0
        durations.append(time.monotonic() - started)
    return durations


def test_sigkill_at_a_random_moment_leaves_the_old_or_the_new_record(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, record: Path
) -> None:
    # Arrange: how long one whole run takes here, to aim the kills at its second half. One
    # timed run alone was not enough: when it happened to be slow (a busy machine), most
    # kills came after the run had ended. So the aim is the median of the runs timed so
    # far: CALIBRATION_RUNS first, then every turn whose run finished before its kill.
    rng = random.Random(SEED)
    durations = timed_runs(isolated_home)
    killed = completed = 0

    # Act / Assert, turn by turn
    for turn in range(KILL_ITERATIONS):
        before = read_record(isolated_home, CID)
        argv = command_for(before, turn)
        aim = rng.uniform(0.4, 1.1) * statistics.median(durations)
        started = time.monotonic()
        process = reclam_popen(isolated_home, argv, "-m", "amazon_reclamation")
        try:
            process.wait(timeout=aim)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
        else:  # it finished before its kill: one more whole run timed
            durations.append(time.monotonic() - started)
        _out, err = process.communicate(timeout=30)
        after = read_record(isolated_home, CID)  # parses: never a half-written file
        assert is_old_or_new(before, after, argv), (turn, argv)
        if process.returncode == -signal.SIGKILL:
            killed += 1
        else:  # it finished first: a successful write leaves no temporary file
            completed += 1
            assert process.returncode == 0, err
            assert after != before
            assert temp_files(isolated_home) == []

    # Assert: the next run completes and cleans up after the killed ones
    before = read_record(isolated_home, CID)
    argv = command_for(before, 1)
    code, _out, err = run(capsys, *argv)
    assert code == 0, err
    assert is_old_or_new(before, read_record(isolated_home, CID), argv)
    assert read_record(isolated_home, CID) != before
    assert temp_files(isolated_home) == []
    assert killed >= KILL_ITERATIONS // 3  # the kills did land while reclam ran


# A wrapper that runs reclam in-process and kills itself at a chosen point of the write.
KILL_AT = """
import os, signal, sys

point, argv = sys.argv[1], sys.argv[2:]
real_fsync = os.fsync


def fsync(fd):
    target = os.readlink(f"/proc/self/fd/{fd}")
    in_complaints = os.path.basename(os.path.dirname(target)) == "complaints"
    is_temp = in_complaints and target.endswith(".tmp")
    if point == "before temp fsync" and is_temp:
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(fd)
    if point == "after temp fsync" and is_temp:
        os.kill(os.getpid(), signal.SIGKILL)
    if point == "after rename" and os.path.basename(target) == "complaints":
        os.kill(os.getpid(), signal.SIGKILL)


os.fsync = fsync
from amazon_reclamation import cli

sys.exit(cli.main(argv))
"""

POINTS = ["before temp fsync", "after temp fsync", "after rename"]
COMMANDS = {
    "log": LOG,
    "close": ["close", CID, "--outcome", "resolved"],
    "new": ["new", "--category", "late", "--order", "123-1234567-1234567", "--order-date",
            "01/11/2026", "--yes"],
}  # fmt: skip


@pytest.mark.parametrize("argv", COMMANDS.values(), ids=list(COMMANDS))
@pytest.mark.parametrize("point", POINTS)
def test_sigkill_in_the_middle_of_a_write_leaves_the_old_or_the_new_record(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    isolated_home: Path,
    record: Path,
    point: str,
    argv: list[str],
) -> None:
    # Arrange
    script = tmp_path / "kill_at.py"
    script.write_text(KILL_AT, encoding="utf-8")
    before = read_record(isolated_home, CID)
    files_before = sorted(p.name for p in (isolated_home / "complaints").glob("*.json"))

    # Act
    process = reclam_popen(isolated_home, [point, *argv], str(script))
    _out, err = process.communicate(timeout=30)

    # Assert: killed where aimed, and the record is the old or the new version
    assert process.returncode == -signal.SIGKILL, err
    after = read_record(isolated_home, CID)
    files_after = sorted(p.name for p in (isolated_home / "complaints").glob("*.json"))
    if argv[0] == "new":
        assert after == before
        if point == "after rename":
            assert len(files_after) == len(files_before) + 1
            for name in files_after:
                json.loads((isolated_home / "complaints" / name).read_text(encoding="utf-8"))
        else:
            assert files_after == files_before
    elif point == "after rename":
        assert after != before
        assert is_old_or_new(before, after, argv)
    else:
        assert after == before
        assert files_after == files_before
    if point != "after rename":
        assert len(temp_files(isolated_home)) == 1  # the killed run's leftover

    # Act / Assert: the next write succeeds and removes the leftover (a close that landed
    # is undone first: a closed complaint takes no contact)
    if after["status"] != "open":
        assert run(capsys, "reopen", CID)[0] == 0
    code, _out, err = run(capsys, *LOG)
    assert code == 0, err
    assert temp_files(isolated_home) == []
    assert len(read_record(isolated_home, CID)["contacts"]) == len(after["contacts"]) + 1
