"""Start-up and listing benchmark for `reclam` (issue 2: a benchmark, not a test).

For each N (default 100, 1,000 and 10,000) this script fills a temporary RECLAM_HOME
with N complaints, then times whole processes, as a user would feel them:

    reclam --help | reclam list | reclam list --json | reclam due
    reclam show <id> | reclam show <order number>

together with the floor `python -c "import typer"`, run by the same interpreter in
the same rounds. Each command gets one warm-up run, then `--runs` timed runs
(interleaved round by round, so that a slow moment of the machine hits every command
alike). At N >= 10,000 the commands that read every file get `--large-runs` runs and
no warm-up, which keeps the default run near 3 minutes on 2 cores. The table gives
the median and the minimum wall time and the ratio of the median to the floor's
median measured alongside it. Figures and analysis: docs/performance.md.

Usage (from the repository root):

    .venv/bin/python benchmarks/bench.py [--runs 7] [--sizes 100,1000,10000]
                                         [--large-runs 3]

The complaints are built in-process with `amazon_reclamation.models.Complaint` and
written as the exact text `Store.write` produces (same JSON, same indent, 0600 files
in a 0700 folder) but without its per-file fsync, so that making 10,000 of them takes
seconds, not minutes. One of them is read back through `Store.read` as a check.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from amazon_reclamation.models import CATEGORIES, Complaint, Contact, Facts, Seller
from amazon_reclamation.store import Store

TODAY = date(2026, 11, 20)
ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # the store's id alphabet
ITEMS = (
    "Casque audio Bluetooth",
    "Bouilloire électrique 1,7 L",
    "Chaussures de course taille 42",
    "Livre : Le Petit Prince",
    "Câble USB-C 2 m",
    "Aspirateur robot",
    "Lampe de bureau LED",
    "Jeu de société",
)
SELLERS = (
    Seller(kind="amazon"),
    Seller(kind="marketplace", name="TechShop BV", country="NL"),
    Seller(kind="marketplace", name="Maison & Co", country="FR"),
)


# -- making the data --------------------------------------------------------------


def _unique_ids(count: int, rng: random.Random) -> list[str]:
    ids: set[str] = set()
    while len(ids) < count:
        ids.add("".join(rng.choice(ID_ALPHABET) for _ in range(6)))
    return sorted(ids, key=lambda _id: rng.random())


def _facts(category: str, order_date: date, rng: random.Random) -> Facts:
    if category == "damaged":
        return Facts(damage_timing=rng.choice(["on_arrival", "later"]), photos_taken=True)
    if category == "late":
        return Facts(tracking_status="En transit")
    if category == "not_received":
        return Facts(
            marked_delivered=True,
            marked_delivered_date=order_date + timedelta(days=3),
            neighbours_checked=rng.random() < 0.5,
        )
    if category == "non_conforming":
        return Facts(difference=rng.choice(["size", "model", "colour"]))
    if category == "billing":
        return Facts(
            amount_charged=Decimal("59.99"),
            amount_expected=Decimal("49.99"),
            billing_problem="wrong_amount",
            payment_method=rng.choice(["card", "debit_card", "sepa_direct_debit"]),
        )
    if category == "refund":
        return Facts(
            return_kind="returned",
            returned_date=order_date + timedelta(days=10),
            refund_expected=Decimal("24.50"),
        )
    return Facts()


def _contacts(created: datetime, rng: random.Random) -> list[Contact]:
    """One to three contacts; some promise a follow-up (past ones show up in `due`)."""
    contacts: list[Contact] = []
    at = created
    for number in range(1, rng.randint(1, 3) + 1):
        at = at + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8))
        promise = rng.random() < 0.5
        contacts.append(
            Contact(
                id=number,
                at=at,
                recorded_at=at + timedelta(minutes=5),
                channel=rng.choice(["phone", "chat", "email"]),
                agent=rng.choice([None, "Sophie", "Karim"]),
                reference=f"CS-{rng.randint(100000, 999999)}",
                summary="Le service client a pris note de la réclamation.",
                outcome="promise" if promise else rng.choice(["pending", "no_answer"]),
                promise="Remboursement sous 5 jours ouvrables." if promise else None,
                follow_up=(at + timedelta(days=rng.randint(3, 15))).date() if promise else None,
            )
        )
    return contacts


def make_complaints(count: int, seed: int = 2) -> list[Complaint]:
    """`count` varied complaints: every category, dates over two years, some closed."""
    rng = random.Random(seed)
    start = datetime(2024, 12, 1, 9, 0, tzinfo=UTC)
    span_minutes = int((datetime(2026, 11, 19, 18, 0, tzinfo=UTC) - start).total_seconds() // 60)
    complaints = []
    for index, complaint_id in enumerate(_unique_ids(count, rng)):
        category = CATEGORIES[index % len(CATEGORIES)]
        created = start + timedelta(minutes=rng.randrange(span_minutes))
        order_date = created.date() - timedelta(days=rng.randint(2, 40))
        closed = rng.random() < 0.2
        complaints.append(
            Complaint(
                id=complaint_id,
                created_at=created,
                status=rng.choice(["resolved", "abandoned"]) if closed else "open",
                closed_at=created + timedelta(days=20) if closed else None,
                category=category,
                order_number=(
                    f"{rng.randint(100, 999)}-{rng.randint(0, 9_999_999):07d}"
                    f"-{rng.randint(0, 9_999_999):07d}"
                ),
                order_date=order_date,
                delivery_date=order_date + timedelta(days=2) if category != "late" else None,
                expected_delivery_date=(
                    order_date + timedelta(days=4) if category == "late" else None
                ),
                item=rng.choice(ITEMS),
                amount=Decimal(rng.randint(500, 50000)) / 100,
                seller=rng.choice(SELLERS),
                customer_name="Marie Dupont",
                description=(
                    "Commande reçue, mais le problème décrit ci-dessus est apparu. "
                    "Je demande une solution rapide."
                ),
                desired_resolution=rng.choice(["refund", "replacement", "repair", None]),
                facts=_facts(category, order_date, rng),
                contacts=_contacts(created, rng) if index % 4 == 0 else [],
            )
        )
    return complaints


def fill_home(home: Path, complaints: list[Complaint]) -> None:
    """Write the files `Store.write` would write (same text and modes), without fsync."""
    folder = Store(home).complaints_dir
    folder.mkdir(mode=0o700, parents=True)
    home.chmod(0o700)
    for complaint in complaints:
        path = folder / f"{complaint.id}.json"
        text = json.dumps(complaint.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    sample = complaints[len(complaints) // 2]
    if Store(home).read(folder / f"{sample.id}.json") != sample:
        raise SystemExit("bench: a written complaint does not read back equal")


# -- timing -------------------------------------------------------------------------


@dataclass
class Timing:
    """The wall times of one command at one N."""

    label: str
    argv: list[str]
    scans: bool = False  # reads every complaint file: the slow kind at large N
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def reclam_argv() -> list[str]:
    """The installed console script next to this interpreter, else `python -m`."""
    script = Path(sys.executable).parent / "reclam"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "amazon_reclamation"]


def bench_env(home: Path, pycache: Path) -> dict[str, str]:
    """The environment of every timed process.

    Bytecode goes to a private cache (PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE
    removed): every process then runs from compiled bytecode, as an installed reclam
    does, and nothing is written into the source tree. The warm-up run fills it.
    """
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "RECLAM_LANG", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    env.update(
        RECLAM_HOME=str(home),
        RECLAM_TODAY=TODAY.isoformat(),
        NO_COLOR="1",
        PYTHONPYCACHEPREFIX=str(pycache),
    )
    return env


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process; a failing command stops the benchmark."""
    started = time.perf_counter()
    result = subprocess.run(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip()
        raise SystemExit(f"bench: {' '.join(argv)} exited {result.returncode}: {message}")
    return elapsed


def time_commands(timings: list[Timing], env: dict[str, str], runs: int, scan_runs: int) -> None:
    """One warm-up each, then `runs` interleaved rounds.

    Commands that scan every file get `scan_runs` rounds only; when that is fewer than
    `runs` (large N) they also skip the warm-up: the files were just written (page
    cache) and the bytecode cache is filled by the other commands' warm-ups.
    """
    reduced = scan_runs < runs
    for timing in timings:
        if not (timing.scans and reduced):
            run_once(timing.argv, env)
    for round_number in range(runs):
        for timing in timings:
            if timing.scans and round_number >= scan_runs:
                continue
            timing.times.append(run_once(timing.argv, env))


def bench_size(
    count: int, runs: int, scan_runs: int, reclam: list[str], pycache: Path
) -> tuple[Timing, list[Timing]]:
    """Fill a temporary home with `count` complaints; time the floor and each command."""
    home = Path(tempfile.mkdtemp(prefix=f"reclam-bench-{count}-"))
    try:
        started = time.perf_counter()
        complaints = make_complaints(count)
        fill_home(home / "data", complaints)
        print(
            f"N={count:,}: {count:,} complaints written in {time.perf_counter() - started:.1f} s; "
            f"timing {runs} runs + 1 warm-up each"
            + (
                f" ({scan_runs} runs, no warm-up, for the scanning commands)"
                if scan_runs < runs
                else ""
            )
            + " ...",
            file=sys.stderr,
            flush=True,
        )
        sample = complaints[count // 2]
        env = bench_env(home / "data", pycache)
        floor = Timing('python -c "import typer"', [sys.executable, "-c", "import typer"])
        commands = [
            Timing("reclam --help", [*reclam, "--help"]),
            Timing("reclam list", [*reclam, "list"], scans=True),
            Timing("reclam list --json", [*reclam, "list", "--json"], scans=True),
            Timing("reclam due", [*reclam, "due"], scans=True),
            Timing("reclam show <id>", [*reclam, "show", sample.id]),
            Timing(
                "reclam show <order number>", [*reclam, "show", sample.order_number], scans=True
            ),
        ]
        time_commands([floor, *commands], env, runs, scan_runs)
        return floor, commands
    finally:
        shutil.rmtree(home, ignore_errors=True)


# -- report -------------------------------------------------------------------------


def typer_version() -> str:
    from importlib.metadata import version

    return version("typer")


def print_table(results: list[tuple[int, Timing, list[Timing]]]) -> None:
    width = max(len(t.label) for _n, floor, cmds in results for t in (floor, *cmds))
    header = f"{'command':<{width}}  {'N':>6}  {'runs':>4}  {'median s':>8}  {'min s':>7}  ratio"
    print(header)
    print("-" * len(header))
    for count, floor, commands in results:
        for timing in (floor, *commands):
            ratio = timing.median / floor.median
            print(
                f"{timing.label:<{width}}  {count:>6,}  {len(timing.times):>4}  "
                f"{timing.median:>8.3f}  {min(timing.times):>7.3f}  {ratio:5.2f}x"
            )
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (7)")
    parser.add_argument(
        "--sizes", default="100,1000,10000", help="numbers of complaints (100,1000,10000)"
    )
    parser.add_argument(
        "--large-runs",
        type=int,
        default=3,
        help="timed runs of the scanning commands when N >= 10,000 (3)",
    )
    args = parser.parse_args()
    sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    if args.runs < 1 or args.large_runs < 1 or not sizes or min(sizes) < 1:
        parser.error("--runs, --large-runs and every size must be at least 1")

    reclam = reclam_argv()
    print(
        f"reclam benchmark: Python {platform.python_version()} ({sys.executable}), "
        f"typer {typer_version()}, {os.cpu_count()} CPUs, {platform.platform()}"
    )
    print(f"command: {' '.join(reclam)}; RECLAM_TODAY={TODAY.isoformat()}, NO_COLOR=1")
    print("bytecode: a private PYTHONPYCACHEPREFIX, filled by the warm-up runs", flush=True)
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="reclam-bench-pycache-") as pycache:
        for count in sizes:
            scan_runs = min(args.runs, args.large_runs) if count >= 10_000 else args.runs
            floor, commands = bench_size(count, args.runs, scan_runs, reclam, Path(pycache))
            results.append((count, floor, commands))
    print(
        'ratio = median / median of `python -c "import typer"` timed in the same rounds; '
        "each command had 1 warm-up run."
    )
    if any(count >= 10_000 for count in sizes) and args.large_runs < args.runs:
        print(
            f"N >= 10,000: the commands that read every file (list, list --json, due, "
            f"show <order number>) get {args.large_runs} timed runs and no warm-up instead "
            f"of {args.runs} (--large-runs), to keep the whole run short; see the runs column."
        )
    print()
    print_table(results)
    print(f"total benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
