"""Start-up, command and memory benchmark for `reclam` (issue 2: a benchmark, not a test).

For each N (default 100, 1,000 and 10,000) this script fills a temporary RECLAM_HOME
with N complaints of `--contacts` contacts each (default 10), then times whole
processes, as a user would feel them:

    reclam --help (and with --lang nl|de|en, and with a saved language read from
    config.json) | reclam list | reclam list --json | reclam due
    reclam show <id> | reclam show <order number> | reclam escalate <id>
    reclam log <id> --channel phone --outcome pending --summary "..."   (writes)
    reclam new --category late --order ... --order-date ... --yes       (writes)

together with two floors, run by the same interpreter in the same rounds:

* the import floor, `python -c "import typer"`;
* the Typer-command floor, `python typer_app.py a --name x --flag`: the smallest
  two-command Typer app (written by this script into the temporary folder, with
  reclam's Typer settings) running one command with a `str | None` option and a bool
  flag. Typer 0.29 coerces every option through pydantic, so running *any* Typer
  command costs about 2.4x the import floor; this is the floor of a reclam command.

Each command gets one warm-up run, then `--runs` timed runs, interleaved round by round
so that a slow moment of the machine hits every command alike. At N >= 10,000 the
commands that read every file (list, list --json, due, show <order number>, and new,
which looks for another complaint about the same order) get `--large-runs` runs and no
warm-up. The table gives the median and minimum wall time, the ratios of the median to
both floors' medians measured alongside it, and the peak RSS of the child process (the
maximum over its runs, from `os.wait4`).

The writing commands are undone after each run, outside the timed part: the complaint
that `log` extends gets its file back and the complaint that `new` creates is removed,
so every run sees the same N complaints of exactly `--contacts` contacts.

Usage (from the repository root):

    .venv/bin/python benchmarks/bench.py [--runs 7] [--sizes 100,1000,10000]
                                         [--large-runs 3] [--contacts 10] [--markdown]
                                         [--only "reclam list" --only due ...]

The complaints are built in-process with `amazon_reclamation.models.Complaint` and
written as the exact text `Store.write` produces (same JSON, same indent, 0600 files
in a 0700 folder) but without its per-file fsync, so that making 10,000 of them takes
seconds, not minutes. One of them is read back through `Store.read` as a check.

A command that fails (for instance while the code is being edited) does not stop the
benchmark: its exit code and standard error are printed, it leaves the remaining
rounds, its row says FAILED, and the script exits with status 1.
Figures and analysis: docs/performance.md.
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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

try:
    from amazon_reclamation.models import CATEGORIES, Complaint, Contact, Facts, Seller
    from amazon_reclamation.store import Store
except Exception as error:  # the package may be mid-edit: say so instead of a traceback
    raise SystemExit(f"bench: cannot import amazon_reclamation: {error!r}") from None

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)  # no contact is later than this
ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # the store's id alphabet
NEW_ORDER = "123-1234567-1234567"  # the order of `reclam new`: no generated complaint has it
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
SUMMARIES = (
    "Le service client a pris note de la réclamation.",
    "Appel transféré au service des retours ; pas de solution pour l'instant.",
    "Chat : l'agent demande d'attendre encore quelques jours.",
    "E-mail reçu avec un numéro de dossier.",
)

# The Typer-command floor: reclam's Typer settings, two commands, one str option, one flag.
TYPER_APP = '''\
"""The Typer-command floor of benchmarks/bench.py (generated; safe to delete)."""

from typing import Annotated

import typer

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)


@app.command()
def a(
    name: Annotated[str | None, typer.Option(help="A name.")] = None,
    flag: Annotated[bool, typer.Option("--flag", help="A flag.")] = False,
) -> None:
    """Command a."""
    typer.echo(f"a: name={name} flag={flag}")


@app.command()
def b() -> None:
    """Command b."""
    typer.echo("b")


if __name__ == "__main__":
    app()
'''

# The process that starts, times and reaps every measured process (see `Runner`).
RUNNER = """\
import json, os, sys, time
while True:
    line = sys.stdin.readline()
    if not line:
        break
    argv, env, stderr_path = json.loads(line)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    started = time.perf_counter()
    try:
        pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    except OSError as error:
        print(json.dumps([0.0, 0, 127, repr(error)]), flush=True)
        continue
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps([elapsed, usage.ru_maxrss, code, None]), flush=True)
"""


# -- making the data --------------------------------------------------------------


def _unique_ids(count: int, rng: random.Random) -> list[str]:
    ids: set[str] = set()
    while len(ids) < count:
        ids.add("".join(rng.choice(ID_ALPHABET) for _ in range(6)))
    return sorted(ids, key=lambda _id: rng.random())


def _order_number(rng: random.Random, used: set[str]) -> str:
    """A random order number not used yet (so `show <order number>` finds exactly one)."""
    while True:
        number = (
            f"{rng.randint(100, 999)}-{rng.randint(0, 9_999_999):07d}"
            f"-{rng.randint(0, 9_999_999):07d}"
        )
        if number not in used:
            used.add(number)
            return number


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


def _contacts(created: datetime, count: int, rng: random.Random) -> list[Contact]:
    """`count` contacts after `created` (within 60 days, none after NOW).

    About a third promise a follow-up: past ones that no later contact chased show up in
    `due`.
    """
    end = min(created + timedelta(days=60), NOW)
    span = max(int((end - created).total_seconds()), 1)
    moments = sorted(created + timedelta(seconds=rng.randrange(span)) for _ in range(count))
    contacts: list[Contact] = []
    for number, at in enumerate(moments, start=1):
        promise = rng.random() < 0.35
        contacts.append(
            Contact(
                id=number,
                at=at,
                recorded_at=at + timedelta(minutes=5),
                channel=rng.choice(["phone", "chat", "email"]),
                agent=rng.choice([None, "Sophie", "Karim"]),
                reference=f"CS-{rng.randint(100000, 999999)}",
                summary=rng.choice(SUMMARIES),
                outcome="promise" if promise else rng.choice(["pending", "no_answer", "refused"]),
                promise="Remboursement sous 5 jours ouvrables." if promise else None,
                follow_up=(at + timedelta(days=rng.randint(3, 15))).date() if promise else None,
            )
        )
    return contacts


def make_complaints(count: int, contacts: int = 10, seed: int = 2) -> list[Complaint]:
    """`count` varied complaints of `contacts` contacts each.

    Every category, dates over two years, about a fifth closed.
    """
    rng = random.Random(seed)
    start = datetime(2024, 12, 1, 9, 0, tzinfo=UTC)
    span_minutes = int((datetime(2026, 11, 19, 18, 0, tzinfo=UTC) - start).total_seconds() // 60)
    used_orders = {NEW_ORDER}
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
                updated_at=created + timedelta(days=20),  # as reclam stamps every write
                category=category,
                order_number=_order_number(rng, used_orders),
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
                contacts=_contacts(created, contacts, rng),
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
    _check_against_store(sample, (folder / f"{sample.id}.json").read_text(encoding="utf-8"))


def _check_against_store(complaint: Complaint, text: str) -> None:
    """Stop if `Store.write` itself would write another text for `complaint`."""
    with tempfile.TemporaryDirectory(prefix="reclam-bench-check-") as scratch:
        store = Store(Path(scratch) / "data")
        try:
            with store.locked():
                stamped = store.write(complaint)
            written = store.path_for(complaint.id).read_text(encoding="utf-8")
            # The store stamps `updated_at` with the time of the write: compare the rest.
            written = written.replace(
                json.dumps(stamped.to_json_dict()["updated_at"]),
                json.dumps(complaint.to_json_dict()["updated_at"]),
            )
        except Exception as error:  # the store may be mid-edit: the read-back check remains
            print(f"bench: warning: cannot compare with Store.write: {error!r}", file=sys.stderr)
            return
    if written != text:
        raise SystemExit("bench: Store.write now writes another text; update fill_home")


# -- timing -------------------------------------------------------------------------


class CommandFailed(Exception):
    """A timed process exited with a non-zero status."""

    def __init__(self, argv: list[str], code: int, stderr: str) -> None:
        super().__init__(f"exit {code}")
        self.argv = argv
        self.code = code
        self.stderr = stderr


@dataclass
class Timing:
    """The wall times and peak memory of one command at one N."""

    label: str
    argv: list[str]
    scans: bool = False  # reads every complaint file: the slow kind at large N
    undo: Callable[[], None] | None = None  # run after each run, outside the timing
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    failure: CommandFailed | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def reclam_argv() -> list[str]:
    """The installed console script next to this interpreter, else `python -m`."""
    script = Path(sys.executable).parent / "reclam"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "amazon_reclamation"]


def saved_de(home: Path) -> Path:
    """A data folder whose saved language is German (`reclam config lang de`)."""
    folder = home / "saved-de"
    folder.mkdir(mode=0o700, exist_ok=True)
    (folder / "config.json").write_text('{"lang": "de"}\n', encoding="utf-8")
    return folder


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


class Runner:
    """Starts each measured process, times it and reads its peak RSS.

    `os.wait4` gives the rusage of one child, but on Linux a child's `ru_maxrss` starts
    at its parent's peak RSS (exec keeps the high-water mark of the memory it replaces),
    and this script's own process holds pydantic, the models and the N complaints. So
    the children are started by a separate small process (`python -I -S`, about 10 MiB;
    its own figure is printed as the measurement floor) which spawns, times and reaps
    them and reports back one JSON line per run. Standard error goes to a file, not a
    pipe, so that a chatty child cannot block.
    """

    def __init__(self, work: Path) -> None:
        self.stderr_path = work / "stderr.txt"
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", RUNNER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, argv: list[str], env: dict[str, str]) -> tuple[float, int]:
        """Wall time and peak RSS (KiB) of one whole process; `CommandFailed` if it fails."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps([argv, env, str(self.stderr_path)]) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("bench: the runner process stopped unexpectedly")
        elapsed, maxrss, code, error = json.loads(line)
        if code != 0:
            if error is None:
                error = self.stderr_path.read_text(encoding="utf-8", errors="replace").strip()
            raise CommandFailed(argv, code, error)
        # ru_maxrss is in KiB on Linux, in bytes on macOS.
        return elapsed, maxrss // 1024 if sys.platform == "darwin" else maxrss

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def _report_failure(timing: Timing, count: int, failure: CommandFailed) -> None:
    timing.failure = failure
    print(
        f"bench: FAILED at N={count:,}: {timing.label} exited {failure.code}\n"
        f"  command: {' '.join(failure.argv)}\n"
        + "\n".join(f"  | {line}" for line in (failure.stderr or "(no stderr)").splitlines()),
        file=sys.stderr,
        flush=True,
    )


def _run(runner: Runner, timing: Timing, env: dict[str, str], count: int, *, record: bool) -> None:
    try:
        elapsed, rss_kib = runner.run(timing.argv, env)
    except CommandFailed as failure:
        _report_failure(timing, count, failure)
    else:
        if record:
            timing.times.append(elapsed)
            timing.rss_kib.append(rss_kib)
    finally:
        if timing.undo is not None:
            timing.undo()


def time_commands(
    runner: Runner,
    timings: list[Timing],
    env: dict[str, str],
    runs: int,
    scan_runs: int,
    count: int,
) -> None:
    """One warm-up each, then `runs` interleaved rounds.

    Commands that scan every file get `scan_runs` rounds only; when that is fewer than
    `runs` (large N) they also skip the warm-up: the files were just written (page
    cache) and the bytecode cache is filled by the other commands' warm-ups. A command
    that fails is reported and left out of the remaining rounds.
    """
    reduced = scan_runs < runs
    for timing in timings:
        if not (timing.scans and reduced):
            _run(runner, timing, env, count, record=False)
    for round_number in range(runs):
        for timing in timings:
            if timing.failure or (timing.scans and round_number >= scan_runs):
                continue
            _run(runner, timing, env, count, record=True)


def _restore_file(path: Path) -> Callable[[], None]:
    """Undo for `log`: put the complaint's original text back (0600)."""
    original = path.read_bytes()

    def undo() -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(original)

    return undo


def _remove_new_files(folder: Path) -> Callable[[], None]:
    """Undo for `new`: remove the complaint files that were not there at the start."""
    before = set(folder.iterdir())

    def undo() -> None:
        for path in set(folder.iterdir()) - before:
            path.unlink(missing_ok=True)

    return undo


def bench_size(
    count: int,
    args: argparse.Namespace,
    scan_runs: int,
    reclam: list[str],
    work: Path,
    runner: Runner,
) -> list[Timing]:
    """Fill a temporary home with `count` complaints; time both floors and each command.

    Returns the import floor, the Typer-command floor, then the reclam commands.
    """
    home = Path(tempfile.mkdtemp(prefix=f"reclam-bench-{count}-", dir=work))
    try:
        started = time.perf_counter()
        complaints = make_complaints(count, args.contacts)
        fill_home(home / "data", complaints)
        print(
            f"N={count:,}: {count:,} complaints of {args.contacts} contacts written in "
            f"{time.perf_counter() - started:.1f} s; timing {args.runs} runs + 1 warm-up each"
            + (
                f" ({scan_runs} runs, no warm-up, for the scanning commands)"
                if scan_runs < args.runs
                else ""
            )
            + " ...",
            file=sys.stderr,
            flush=True,
        )
        open_ones = [c for c in complaints if c.status == "open"]
        if not open_ones:
            raise SystemExit(f"bench: no open complaint among {count}; use a larger size")
        sample = open_ones[len(open_ones) // 2]  # shown and escalated, never written
        target = open_ones[(len(open_ones) // 2 + 1) % len(open_ones)]  # gets `log`
        store = Store(home / "data")
        env = bench_env(home / "data", work / "pycache")
        app = work / "typer_app.py"
        timings = [
            Timing('python -c "import typer"', [sys.executable, "-c", "import typer"]),
            Timing(
                "typer_app.py a --name x --flag",
                [sys.executable, str(app), "a", "--name", "x", "--flag"],
            ),
            Timing("reclam --help", [*reclam, "--help"]),
            *(
                Timing(f"reclam --help --lang {lang}", [*reclam, "--help", "--lang", lang])
                for lang in ("nl", "de", "en")
            ),
            Timing(
                "reclam --help (saved de)", [*reclam, "--help", "--home", str(saved_de(home))]
            ),
            Timing("reclam list", [*reclam, "list"], scans=True),
            Timing("reclam list --json", [*reclam, "list", "--json"], scans=True),
            Timing("reclam due", [*reclam, "due"], scans=True),
            Timing("reclam show <id>", [*reclam, "show", sample.id]),
            Timing(
                "reclam show <order number>", [*reclam, "show", sample.order_number], scans=True
            ),
            Timing("reclam escalate <id>", [*reclam, "escalate", sample.id]),
            Timing(
                "reclam log <id> (writes)",
                [
                    *reclam,
                    "log",
                    target.id,
                    "--channel",
                    "phone",
                    "--outcome",
                    "pending",
                    "--summary",
                    "Rappel du service client ; dossier toujours en cours.",
                ],
                undo=_restore_file(store.path_for(target.id)),
            ),
            Timing(
                "reclam new --yes (writes)",
                [
                    *reclam,
                    "new",
                    "--category",
                    "late",
                    "--order",
                    NEW_ORDER,
                    "--order-date",
                    "01/11/2026",
                    "--yes",
                ],
                scans=True,  # it scans for another complaint about the same order
                undo=_remove_new_files(store.complaints_dir),
            ),
        ]
        if args.only:
            # The two floors always run: every ratio is to floors timed in the same rounds.
            timings = timings[:2] + [
                t for t in timings[2:] if any(part in t.label for part in args.only)
            ]
        time_commands(runner, timings, env, args.runs, scan_runs, count)
        return timings
    finally:
        shutil.rmtree(home, ignore_errors=True)


# -- report -------------------------------------------------------------------------


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def _git_head() -> str:
    """The short commit, and whether src/ has uncommitted changes (measured as they are)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout?)"
    return head + (" + uncommitted changes in src/" if dirty else "")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_facts(reclam: list[str]) -> list[str]:
    return [
        f"machine: {os.cpu_count()} CPUs ({_cpu_model()}), {platform.platform()}",
        f"python: {platform.python_version()} ({sys.executable})",
        f"typer {_version('typer')}, pydantic {_version('pydantic')}, rich {_version('rich')}",
        f"reclam: {' '.join(reclam)}; git {_git_head()}",
        f"environment: RECLAM_TODAY={TODAY.isoformat()}, NO_COLOR=1, "
        "a private PYTHONPYCACHEPREFIX filled by the warm-up runs",
    ]


def _rows(results: list[tuple[int, list[Timing]]]) -> list[tuple[str, ...]]:
    """command, N, runs, median, min, ratio to import typer, ratio to Typer floor, MiB."""
    rows = []
    for count, timings in results:
        import_floor, typer_floor = timings[0], timings[1]
        for timing in timings:
            if timing.failure is not None or not timing.times:
                code = timing.failure.code if timing.failure is not None else "?"
                rows.append(
                    (timing.label, f"{count:,}", str(len(timing.times)), f"FAILED (exit {code})")
                    + ("",) * 4
                )
                continue

            def ratio(floor: Timing, timing: Timing = timing) -> str:
                if floor.failure is not None or not floor.times:
                    return "n/a"
                return f"{timing.median / floor.median:.2f}x"

            rows.append(
                (
                    timing.label,
                    f"{count:,}",
                    str(len(timing.times)),
                    f"{timing.median:.3f}",
                    f"{min(timing.times):.3f}",
                    ratio(import_floor),
                    ratio(typer_floor),
                    f"{max(timing.rss_kib) / 1024:.1f}",
                )
            )
        rows.append(())
    return rows


HEADERS = ("command", "N", "runs", "median s", "min s", "/ import", "/ Typer cmd", "peak MiB")
MARKDOWN_HEADERS = (
    "command",
    "N",
    "runs",
    "median s",
    "min s",
    "ratio to `import typer`",
    "ratio to Typer-command floor",
    "peak RSS MiB",
)


def print_table(results: list[tuple[int, list[Timing]]]) -> None:
    rows = _rows(results)
    widths = [max(len(row[i]) for row in (HEADERS, *rows) if row) for i in range(len(HEADERS))]
    # A FAILED row spills its message over the number columns: do not widen them for it.
    widths[3] = max([len(HEADERS[3]), *(len(row[3]) for row in rows if row and row[4])])

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    header = line(HEADERS)
    print(header)
    print("-" * len(header))
    for row in rows:
        print(line(row) if row else "")


def print_markdown(results: list[tuple[int, list[Timing]]]) -> None:
    print("| " + " | ".join(MARKDOWN_HEADERS) + " |")
    print("| --- |" + " ---: |" * (len(MARKDOWN_HEADERS) - 1))
    for row in _rows(results):
        if row:
            print("| " + " | ".join((f"`{row[0]}`", *row[1:])) + " |")


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
    parser.add_argument("--contacts", type=int, default=10, help="contacts per complaint (10)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="time only the commands whose label contains TEXT (repeatable; the floors always)",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the table as a Markdown table (for docs/performance.md)",
    )
    args = parser.parse_args()
    try:
        sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--sizes: numbers separated by commas, not {args.sizes!r}")
    if args.runs < 1 or args.large_runs < 1 or not sizes or min(sizes) < 1:
        parser.error("--runs, --large-runs and every size must be at least 1")
    if args.contacts < 0:
        parser.error("--contacts must be 0 or more")

    reclam = reclam_argv()
    started = time.perf_counter()
    results: list[tuple[int, list[Timing]]] = []
    with tempfile.TemporaryDirectory(prefix="reclam-bench-") as work_name:
        work = Path(work_name)
        (work / "typer_app.py").write_text(TYPER_APP, encoding="utf-8")
        runner = Runner(work)
        try:
            tiny = shutil.which("true") or sys.executable  # `python` alone exits 0 too
            rss_floor = runner.run([tiny], {"PATH": os.defpath})[1]
            print("reclam benchmark")
            for fact in machine_facts(reclam):
                print(f"  {fact}")
            print(
                f"  peak RSS: read by a runner process; {rss_floor / 1024:.1f} MiB for `true`, "
                "the least it can report",
                flush=True,
            )
            for count in sizes:
                scan_runs = min(args.runs, args.large_runs) if count >= 10_000 else args.runs
                results.append((count, bench_size(count, args, scan_runs, reclam, work, runner)))
        finally:
            runner.close()
    print(
        f"data: N complaints of {args.contacts} contacts each; `log` and `new` are undone "
        "after each run."
    )
    print(
        '/ import = median / median of `python -c "import typer"`; / Typer cmd = median / '
        "median of `typer_app.py a --name x --flag` (the smallest two-command Typer app "
        "running a command with a str option and a bool flag), both timed in the same "
        "rounds; each command had 1 warm-up run; peak MiB = max RSS of the process over its "
        "runs."
    )
    if any(count >= 10_000 for count in sizes) and args.large_runs < args.runs:
        print(
            "N >= 10,000: the commands that read every file (list, list --json, due, "
            f"show <order number>, new) get {args.large_runs} timed run(s) and no warm-up "
            f"instead of {args.runs} (--large-runs), to keep the whole run short; see the "
            "runs column."
        )
    print()
    if args.markdown:
        print_markdown(results)
        print()
    else:
        print_table(results)
    print(f"total benchmark time: {time.perf_counter() - started:.0f} s")
    failed = [
        (count, timing.label, timing.failure)
        for count, timings in results
        for timing in timings
        if timing.failure is not None
    ]
    for count, label, failure in failed:
        last = failure.stderr.splitlines()[-1] if failure.stderr else "(no stderr)"
        print(f"FAILED at N={count:,}: {label}: exit {failure.code}: {last}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
