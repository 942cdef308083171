"""`reclam log`: unattended, interactive and in a real terminal, corrections, and two
processes logging at once."""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from amazon_reclamation import cli
from amazon_reclamation.parsing import Moment
from amazon_reclamation.ui import render
from amazon_reclamation.ui.contact_questions import CONTACT_QUESTIONS, ORDER_DATE_KEY
from amazon_reclamation.ui.questions import QUESTIONS_BY_KEY
from factories import TODAY
from helpers import BASE, asked, create, new_complaint, run, stored


def test_log_with_every_option_prints_the_saved_contact(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    code, out, err = run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--at",
        "18/11/2026 14:30",
        "--agent",
        "Sophie",
        "--reference",
        "CS-123",
        "--summary",
        "Remboursement promis",
        "--outcome",
        "promise",
        "--promise",
        "remboursement sous 5 jours",
        "--follow-up",
        "25/11/2026",
        "--json",
    )
    assert (code, err) == (0, "")
    saved = json.loads(out)
    assert saved["id"] == 1
    assert saved["at"].startswith("2026-11-18T14:30:00")
    assert {
        k: saved[k]
        for k in (
            "channel",
            "agent",
            "reference",
            "summary",
            "outcome",
            "promise",
            "follow_up",
            "corrects",
        )
    } == {
        "channel": "phone",
        "agent": "Sophie",
        "reference": "CS-123",
        "summary": "Remboursement promis",
        "outcome": "promise",
        "promise": "remboursement sous 5 jours",
        "follow_up": "2026-11-25",
        "corrects": None,
    }
    assert stored(isolated_home, cid)["contacts"] == [saved]


def test_log_without_ref_uses_the_single_open_complaint_and_shows_the_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = new_complaint(capsys)
    code, out, _err = run(
        capsys,
        "log",
        "--channel",
        "chat",
        "--outcome",
        "refused",
        "--summary",
        "Refus : délai dépassé",
    )
    assert code == 0
    assert f"Contact n° 1 noté pour la réclamation {cid}." in out
    assert "Refus : délai dépassé" in out
    # A refusal by chat is turned into a written confirmation to send.
    assert "Je vous remercie de me confirmer ce refus par écrit" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "phone", "--outcome", "promise", "--promise", "rappel"], "--follow-up"),
        (
            ["--channel", "phone", "--outcome", "resolved", "--follow-up", "25/11/2026"],
            "--follow-up",
        ),
        (["--outcome", "pending"], "--channel"),
        (["--channel", "phone", "--outcome", "pending", "--at", "21/11/2026"], "21/11/2026 n'est"),
        (["--channel", "fax", "--outcome", "pending"], "--channel"),
        (["--channel", "phone", "--outcome", "maybe"], "--outcome"),
        (
            [
                "--channel",
                "phone",
                "--outcome",
                "promise",
                "--follow-up",
                "01/11/2026",
                "--at",
                "10/11/2026",
            ],
            "avant le contact",
        ),
        (["--channel", "phone", "--outcome", "pending", "--at", "20/10/2026"], "précéder"),
        (["--channel", "phone", "--outcome", "pending", "--corrects", "4"], "--corrects"),
    ],
)
def test_bad_log_input_exits_2_with_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, args: list[str], message: str
) -> None:
    cid = new_complaint(capsys)
    before = (isolated_home / "complaints" / f"{cid}.json").read_bytes()
    code, out, err = run(capsys, "log", cid, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert (isolated_home / "complaints" / f"{cid}.json").read_bytes() == before


def test_log_on_an_unknown_complaint_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    new_complaint(capsys)
    code, _out, err = run(
        capsys, "log", "999-9999999-9999999", "--channel", "phone", "--outcome", "pending"
    )
    assert code == 1
    assert "Aucune réclamation" in err


def test_log_without_ref_and_two_open_complaints_needs_ref(
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_complaint(capsys, "123-1234567-1234567")
    new_complaint(capsys, "123-1234567-7654321")
    code, _out, err = run(capsys, "log", "--channel", "phone", "--outcome", "pending")
    assert code == 2
    assert "2 réclamations ouvertes" in err


def test_a_correction_keeps_the_original_and_marks_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--outcome",
        "promise",
        "--promise",
        "rappel demain",
        "--follow-up",
        "21/11/2026",
        "--agent",
        "Tom",
    )
    code, out, _err = run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--outcome",
        "pending",
        "--agent",
        "Tim",
        "--corrects",
        "1",
    )
    assert code == 0
    entries = stored(isolated_home, cid)["contacts"]
    assert isinstance(entries, list)
    assert [(e["id"], e["agent"], e["corrects"]) for e in entries] == [
        (1, "Tom", None),
        (2, "Tim", 1),
    ]
    assert "(corrigé par le n° 2)" in out and "(corrige le n° 1)" in out


def test_a_contact_can_be_corrected_only_once(capsys: pytest.CaptureFixture[str]) -> None:
    cid = create(capsys, "--category", "late", *BASE)
    run(capsys, "log", cid, "--channel", "phone", "--outcome", "pending")
    assert (
        run(capsys, "log", cid, "--channel", "chat", "--outcome", "pending", "--corrects", "1")[0]
        == 0
    )
    code, _out, err = run(
        capsys, "log", cid, "--channel", "chat", "--outcome", "pending", "--corrects", "1"
    )
    assert code == 2
    assert "déjà corrigé par le n° 2 ; corrigez le n° 2" in err


def test_a_contact_given_by_day_only_gets_no_invented_hour(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    code, out, _err = run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--at",
        "15/11/2026",
        "--outcome",
        "no_answer",
        "--json",
    )
    assert code == 0
    saved = json.loads(out)
    assert saved["at_precision"] == "day"
    assert saved["at"].startswith("2026-11-15T00:00:00")
    code, out, _err = run(capsys, "show", cid)
    assert " 1. 15/11/2026 · téléphone" in out
    code, out, _err = run(
        capsys,
        "log",
        cid,
        "--channel",
        "chat",
        "--at",
        "16/11/2026 09:05",
        "--outcome",
        "no_answer",
        "--json",
    )
    assert json.loads(out)["at_precision"] == "minute"


def _log_twenty(home: str, complaint_id: str, name: str, results: str, start: Any) -> None:
    """One process: `reclam log` twenty times in a row, in-process (see the test below)."""
    render.out.cache_clear()
    render.err.cache_clear()
    start.wait(timeout=30)  # both processes begin together
    failures: list[str] = []
    for index in range(20):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main([
                "log", complaint_id, "--home", home, "--channel", "phone", "--outcome", "pending",
                "--summary", f"{name}-{index}", "--json",
            ])  # fmt: skip
        if code != 0:
            failures.append(err.getvalue())
    Path(results).write_text(json.dumps(failures), encoding="utf-8")


def test_two_processes_logging_at_once_keep_all_40_contacts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path
) -> None:
    # Two processes, each running `reclam log` 20 times in-process, all at once. What races
    # is the lock around log's read-number-write of the file, and that is the same whether
    # each run is its own process or not; this used to start 40 `python -m` processes (18 s)
    # for the same proof. Real `python -m amazon_reclamation log` processes at once are in
    # tests/reliability/test_concurrent_writes.py (and 4x25 mixed writes), the store's side
    # in tests/test_store.py.
    cid = new_complaint(capsys)
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    outputs = {name: tmp_path / f"writer-{name}.json" for name in ("a", "b")}
    writers = [
        context.Process(
            target=_log_twenty, args=(str(isolated_home), cid, name, str(output), start)
        )
        for name, output in outputs.items()
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert [writer.exitcode for writer in writers] == [0, 0]
    failures = [json.loads(output.read_text(encoding="utf-8")) for output in outputs.values()]
    assert failures == [[], []]
    entries = stored(isolated_home, cid)["contacts"]
    assert isinstance(entries, list)
    assert len(entries) == 40
    assert sorted(e["id"] for e in entries) == list(range(1, 41))
    assert {e["summary"] for e in entries} == {f"{n}-{i}" for n in "ab" for i in range(20)}


def test_the_contact_date_is_checked_against_the_order_at_the_prompt() -> None:
    moment = next(q for q in CONTACT_QUESTIONS if q.key == "at")
    with pytest.raises(Exception, match="avant la commande du 01/11/2026"):
        moment.parse_text("15/10/2026", {ORDER_DATE_KEY: date(2026, 11, 1)}, date(2026, 11, 20))


def test_the_promise_text_is_optional_and_the_follow_up_required_only_for_a_promise() -> None:
    assert QUESTIONS_BY_KEY["category"].required
    promise = next(q for q in CONTACT_QUESTIONS if q.key == "promise")
    follow_up = next(q for q in CONTACT_QUESTIONS if q.key == "follow_up")
    assert not promise.is_required({"outcome": "promise"})
    assert promise.applies({"outcome": "promise"})
    assert not promise.applies({"outcome": "pending"})
    assert follow_up.is_required({"outcome": "promise"})
    assert not follow_up.is_required({"outcome": "pending"})
    assert follow_up.applies({"outcome": "pending"})
    assert follow_up.applies({"outcome": "refused"})
    assert not follow_up.applies({"outcome": "resolved"})


def test_a_script_written_to_the_contract_logs_a_promise_without_promise_text(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    code, out, err = run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--at",
        "18/11/2026 14:30",
        "--agent",
        "Sophie",
        "--reference",
        "CS-123",
        "--summary",
        "Remboursement sous 5 jours",
        "--outcome",
        "promise",
        "--follow-up",
        "25/11/2026",
    )
    assert (code, err) == (0, "")
    # Without --promise, the summary stands for what was promised.
    assert "Promis pour le 25/11/2026" in out
    assert "Promis : ?" not in out
    assert "à venir — Remboursement sous 5 jours, pour le 25/11/2026" in out
    saved = stored(isolated_home, cid)["contacts"][0]
    assert (saved["promise"], saved["follow_up"]) == (None, "2026-11-25")


def test_a_pending_call_back_is_followed_up_and_shows_in_due(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    code, _out, err = run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--at",
        "10/11/2026",
        "--summary",
        "Le service client doit me rappeler",
        "--outcome",
        "pending",
        "--follow-up",
        "15/11/2026",
    )
    assert (code, err) == (0, "")
    assert stored(isolated_home, cid)["contacts"][0]["follow_up"] == "2026-11-15"
    code, out, _err = run(capsys, "due", "--json")
    assert code == 0
    follow_ups = [item for item in json.loads(out) if item["type"] == "follow_up"]
    assert [(f["complaint_id"], f["contact_id"], f["state"]) for f in follow_ups] == [
        (cid, 1, "broken")
    ]
    code, out, _err = run(capsys, "due")
    assert "Le service client doit me rappeler" in out
    code, out, _err = run(capsys, "show", cid)
    assert "Suivi prévu le 15/11/2026" in out


def test_log_questions_through_keystrokes() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from amazon_reclamation.ui.contact_questions import CONTACT_QUESTIONS
    from amazon_reclamation.ui.wizard import QuestionaryAsker, ask_missing

    answers: dict[str, object] = {}
    keys = [
        "\r",  # channel: phone (first choice)
        "\r",  # step: preselected from the channel, customer service
        "18/11/2026 14:30\r",
        "Sophie\r",
        "CS-123\r",
        "Elle promet un remboursement\x1b\r",  # multi-line: Escape then Enter
        "\r",  # outcome: promise (the first choice: "résolu" is last)
        "remboursement sous 5 jours\r",
        "demain\r",  # refused: not a date
    ]
    with create_pipe_input() as pipe:
        asker = QuestionaryAsker(today=TODAY, input=pipe, output=DummyOutput())

        def scripted(question: object, current: dict[str, object]) -> object:
            pipe.send_text(keys.pop(0))
            if getattr(question, "key", "") == "follow_up":
                pipe.send_text("\x15" + "25/11/2026\r")  # Ctrl-U clears, then a real date
            return asker(question, current)  # type: ignore[arg-type]

        ask_missing(answers, scripted, questions=CONTACT_QUESTIONS)
    assert answers["channel"] == "phone"
    assert answers["step"] == "contact_customer_service"
    moment = answers["at"]
    assert isinstance(moment, Moment)
    assert moment.has_time
    assert moment.at == datetime(2026, 11, 18, 14, 30).replace(tzinfo=moment.at.tzinfo)
    assert answers["agent"] == "Sophie"
    assert answers["summary"] == "Elle promet un remboursement"
    assert answers["outcome"] == "promise"
    assert answers["follow_up"] == date(2026, 11, 25)


@pytest.mark.pty
def test_log_in_a_real_terminal(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    cid = new_complaint(capsys)
    # PROMPT_TOOLKIT_NO_CPR: no cursor-position question that pexpect would leave unanswered
    # for a second at each prompt (as in tests/test_e2e_pty.py).
    env = {
        **os.environ,
        "RECLAM_HOME": str(isolated_home),
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "amazon_reclamation", "log"],
        env=env,
        dimensions=(40, 120),
        encoding="utf-8",
        timeout=15,
    )
    child.expect_exact(asked("Par quel moyen ?"))
    child.send("\x1b[B\r")  # chat
    child.expect_exact(asked("Quelle démarche ?"))
    child.send("\r")  # the step to take now: customer service
    child.expect_exact(asked("Quand ?"))
    child.send("\r")  # now
    child.expect_exact("Nom de l'interlocuteur")
    child.send("Karim\r")
    child.expect_exact("Référence du dossier")
    child.send("\r")
    child.expect_exact("Ce qui a été dit")
    child.send("Chat coupé après 20 minutes\x1b\r")
    child.expect_exact("Résultat")
    child.send("\x1b[B\x1b[B\r")  # no_answer (promise, refused, no_answer …)
    child.expect_exact(asked("Pour quand ? (date de suivi)"))
    child.send("\r")  # optional but for a promise: none
    child.expect_exact("Contact n° 1 noté")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    entries = stored(isolated_home, cid)["contacts"]
    assert isinstance(entries, list)
    assert [(e["channel"], e["step"], e["agent"], e["outcome"], e["summary"]) for e in entries] == [
        ("chat", "contact_customer_service", "Karim", "no_answer", "Chat coupé après 20 minutes")
    ]


def test_log_on_a_closed_complaint_exits_1_saying_how_to_reopen(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    assert run(capsys, "close", cid, "--outcome", "resolved")[0] == 0
    before = (isolated_home / "complaints" / f"{cid}.json").read_bytes()
    code, out, err = run(capsys, "log", cid, "--channel", "phone", "--outcome", "pending")
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1
    assert f"reclam reopen {cid}" in err
    assert (isolated_home / "complaints" / f"{cid}.json").read_bytes() == before


@pytest.mark.parametrize(("reopen", "code"), [(True, 0), (False, 1)])
def test_log_on_a_closed_complaint_in_a_terminal_asks_to_reopen_first(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    reopen: bool,
    code: int,
) -> None:
    from amazon_reclamation.cli import context
    from amazon_reclamation.ui import wizard

    cid = new_complaint(capsys)
    run(capsys, "close", cid, "--outcome", "abandoned")
    asked: list[str] = []

    def scripted(question: Any, answers: Any) -> Any:
        asked.append(question.message)
        return reopen if question.key == "_confirm" else None

    monkeypatch.setattr(wizard, "QuestionaryAsker", lambda **_: scripted)
    monkeypatch.setattr(context, "is_interactive", lambda: True)
    result, _out, err = run(
        capsys, "log", cid, "--channel", "phone", "--outcome", "pending", "--summary", "Rappel"
    )
    assert result == code, err
    assert f"La réclamation {cid} est clôturée (abandonnée) : la rouvrir" in asked[0]
    data = stored(isolated_home, cid)
    assert data["status"] == ("open" if reopen else "abandoned")
    assert len(data["contacts"]) == (1 if reopen else 0)


def test_a_promise_with_neither_text_nor_summary_is_worded_neutrally(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = new_complaint(capsys)
    code, _out, err = run(
        capsys, "log", cid, "--channel", "phone", "--at", "10/11/2026", "--outcome", "promise",
        "--follow-up", "15/11/2026",
    )  # fmt: skip
    assert (code, err) == (0, "")
    show = run(capsys, "show", cid)[1]
    due = run(capsys, "due")[1]
    assert "suite annoncée, pour le 15/11/2026 (contact n° 1)" in show
    assert "suite annoncée" in due
    assert "?" not in show.split("Promesses")[1].splitlines()[1]


# -- the step a contact performed ------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "step"),
    [
        (("--channel", "phone"), "contact_customer_service"),
        (("--channel", "seller_message"), "contact_seller"),
        (("--channel", "other"), "contact_customer_service"),
        (("--channel", "phone", "--step", "ask_supervisor"), "ask_supervisor"),
        (("--channel", "other", "--step", "atoz_claim"), "atoz_claim"),
    ],
)
def test_log_records_the_step_given_or_the_channel_s_default(
    capsys: pytest.CaptureFixture[str], options: tuple[str, ...], step: str
) -> None:
    cid = new_complaint(capsys)
    code, out, err = run(capsys, "log", cid, *options, "--outcome", "refused", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["step"] == step
    assert stored_contacts(cid)[-1]["step"] == step


def stored_contacts(cid: str) -> list[dict[str, Any]]:
    home = Path(os.environ["RECLAM_HOME"])
    entries = stored(home, cid)["contacts"]
    assert isinstance(entries, list)
    return entries


def test_a_logged_step_completes_it_in_escalate(capsys: pytest.CaptureFixture[str]) -> None:
    cid = new_complaint(capsys)
    for step in ("contact_customer_service", "ask_supervisor"):
        code, _, err = run(
            capsys, "log", cid, "--channel", "phone", "--outcome", "refused", "--step", step
        )
        assert (code, err) == (0, "")
    code, out, _ = run(capsys, "escalate", cid, "--json")
    statuses = {s["id"]: s["status"] for s in json.loads(out)["steps"]}
    assert statuses["ask_supervisor"] == "done"


def test_an_unknown_step_is_refused_with_the_choices(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    before = stored(isolated_home, cid)
    code, _, err = run(
        capsys, "log", cid, "--channel", "phone", "--outcome", "refused", "--step", "boss"
    )
    assert code == 2
    assert "--step" in err and "ask_supervisor" in err
    assert stored(isolated_home, cid) == before


def test_log_help_lists_the_step_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "log", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "--step" in flat
    for step in ("contact_customer_service", "ask_supervisor", "atoz_claim", "formal_notice"):
        assert step in flat


def test_the_step_question_preselects_the_step_escalate_shows_as_now(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from amazon_reclamation.cli import context
    from amazon_reclamation.ui import wizard

    cid = new_complaint(capsys)
    code, _, _ = run(capsys, "log", cid, "--channel", "phone", "--outcome", "refused")
    assert code == 0
    code, out, _ = run(capsys, "escalate", cid, "--json")
    now = next(s["id"] for s in json.loads(out)["steps"] if s["status"] == "now")
    assert now == "ask_supervisor"  # customer service refused: ask for a supervisor
    offered: dict[str, object] = {}
    script = {"channel": "phone", "outcome": "refused", "at": None}

    class Scripted:
        def __init__(self, today: date) -> None:
            pass

        def __call__(self, question: Any, answers: dict[str, Any]) -> Any:
            if question.key == "step":
                offered["message"] = question.message
                offered["choices"] = [c.value for c in question.choices]
                offered["default"] = question.default_for(answers)
                return offered["default"]
            return script.get(question.key)

    monkeypatch.setattr(context, "is_interactive", lambda: True)
    monkeypatch.setattr(wizard, "QuestionaryAsker", Scripted)
    code, _, err = run(capsys, "log", cid, "--channel", "phone", "--outcome", "no_answer")
    assert code == 0, err
    assert offered["message"] == "Quelle démarche ?"
    assert offered["default"] == "ask_supervisor"
    assert "formal_notice" in offered["choices"]  # type: ignore[operator]
    assert stored_contacts(cid)[-1]["step"] == "ask_supervisor"


def test_the_timeline_names_a_step_the_channel_does_not_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = new_complaint(capsys)
    run(capsys, "log", cid, "--channel", "phone", "--outcome", "refused")
    code, out, _ = run(
        capsys, "log", cid, "--channel", "phone", "--outcome", "refused", "--step", "ask_supervisor"
    )
    assert code == 0
    flat = " ".join(out.split())
    assert flat.count("Démarche :") == 1  # the first call was customer service, as by phone
    assert "Démarche : Demander un responsable et une confirmation écrite" in flat


def test_the_outcome_question_offers_resolved_last_so_enter_cannot_close_the_matter() -> None:
    from amazon_reclamation import ids
    from amazon_reclamation.ui.contact_questions import CONTACT_QUESTIONS

    outcome = next(q for q in CONTACT_QUESTIONS if q.key == "outcome")
    values = [choice.value for choice in outcome.choices]
    assert sorted(values) == sorted(ids.OUTCOMES)
    assert values[0] != "resolved"
    assert values[-1] == "resolved"
