"""The contact log: promise states, timeline, `reclam log` unattended, interactive and
in a real terminal, `reclam due`, and two processes logging at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from amazon_reclamation.domain import contacts
from amazon_reclamation.errors import StorageError
from amazon_reclamation.models import Complaint, Contact
from amazon_reclamation.parsing import Moment
from amazon_reclamation.store import Store
from amazon_reclamation.texts import summary
from helpers import run

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 20)


def at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


def contact(cid: int, when: datetime, outcome: str, **extra: object) -> Contact:
    return Contact(id=cid, at=when, recorded_at=when, channel="phone", outcome=outcome, **extra)


def complaint_with(*entries: Contact) -> Complaint:
    return Complaint(
        id="abc234",
        created_at=at(2),
        category="refund",
        order_number="123-1234567-1234567",
        order_date=date(2026, 11, 1),
        customer_name="Jan Peeters",
        contacts=list(entries),
    )


def new_complaint(capsys: pytest.CaptureFixture[str], order: str = "123-1234567-1234567") -> str:
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


def stored(home: Path, complaint_id: str) -> dict[str, object]:
    return json.loads((home / "complaints" / f"{complaint_id}.json").read_text(encoding="utf-8"))


# -- pure: promise states and the timeline -----------------------------------------


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        (date(2026, 11, 21), "due"),  # tomorrow
        (date(2026, 11, 20), "due"),  # the follow-up day itself is still due
        (date(2026, 11, 19), "broken"),  # from the next day on, broken
        (date(2026, 10, 31), "broken"),
    ],
)
def test_promise_state_around_the_follow_up_date(follow_up: date, expected: str) -> None:
    promise = contact(1, at(10), "promise", promise="remboursement", follow_up=follow_up)
    assert contacts.promise_state(promise, [promise], TODAY) == expected


def test_a_later_resolution_keeps_the_promise_even_after_its_date() -> None:
    promise = contact(1, at(10), "promise", follow_up=date(2026, 11, 12))
    resolved = contact(2, at(18), "resolved")
    assert contacts.promise_state(promise, [promise, resolved], TODAY) == "kept"


def test_a_resolution_before_the_promise_does_not_keep_it() -> None:
    resolved = contact(1, at(5), "resolved")
    promise = contact(2, at(10), "promise", follow_up=date(2026, 11, 12))
    assert contacts.promise_state(promise, [resolved, promise], TODAY) == "broken"


def test_timeline_orders_contacts_entered_out_of_order() -> None:
    late_entry = contact(1, at(15), "pending")
    earlier_call = contact(2, at(10), "no_answer")
    same_time = contact(3, at(15), "refused")
    ordered = contacts.timeline([late_entry, earlier_call, same_time])
    assert [c.id for c in ordered] == [2, 1, 3]


def test_a_correction_replaces_the_entry_in_computations_but_keeps_it() -> None:
    wrong = contact(1, at(10), "promise", follow_up=date(2026, 11, 12))
    fixed = contact(2, at(10, 11), "no_answer", corrects=1)
    complaint = complaint_with(wrong, fixed)
    assert [c.id for c in contacts.timeline(complaint.contacts)] == [1, 2]
    assert [c.id for c in contacts.effective(complaint.contacts)] == [2]
    assert contacts.broken_promises(complaint, TODAY) == []
    assert contacts.failed_attempts(complaint) == 1


def test_due_follow_ups_and_next_follow_up() -> None:
    overdue = contact(1, at(3), "promise", follow_up=date(2026, 11, 10))
    today_one = contact(2, at(4), "promise", follow_up=TODAY)
    future = contact(3, at(5), "promise", follow_up=date(2026, 11, 30))
    complaint = complaint_with(overdue, today_one, future)
    assert [p.contact.id for p in contacts.due_follow_ups(complaint, TODAY)] == [1, 2]
    upcoming = contacts.next_follow_up(complaint, TODAY)
    assert upcoming is not None and upcoming.contact.id == 1 and upcoming.state == "broken"


def test_written_confirmation_of_a_phone_promise() -> None:
    call = contact(
        1,
        at(18, 14),
        "promise",
        agent="Sophie",
        reference="CS-123",
        promise="remboursement sous 5 jours",
        follow_up=date(2026, 11, 25),
    )
    complaint = complaint_with(call)
    assert summary.needs_written_confirmation(call)
    text = summary.confirmation_message(complaint, call)
    assert (
        "À la suite de notre appel téléphonique du 18 novembre 2026 avec Sophie (référence CS-123)"
        in text
    )
    assert "commande n° 123-1234567-1234567 du 1er novembre 2026" in text
    assert "remboursement sous 5 jours, au plus tard le 25 novembre 2026." in text
    assert text.endswith("Cordialement,\nJan Peeters")


def test_written_confirmation_of_a_chat_refusal_repeats_the_request() -> None:
    chat = Contact(
        id=1,
        at=at(18),
        recorded_at=at(18),
        channel="chat",
        outcome="refused",
        summary="hors délai selon l'agent",
    )
    complaint = complaint_with(chat).model_copy(update={"desired_resolution": "refund"})
    text = summary.confirmation_message(complaint, chat)
    assert "échange par chat du 18 novembre 2026" in text
    assert "refusé ma demande (hors délai selon l'agent)" in text
    assert "Je vous demande le remboursement." in text
    email = chat.model_copy(update={"channel": "email"})
    assert not summary.needs_written_confirmation(email)


# -- unattended `reclam log` ---------------------------------------------------------


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
        (["--channel", "phone", "--outcome", "promise", "--follow-up", "25/11/2026"], "--promise"),
        (
            ["--channel", "phone", "--outcome", "pending", "--follow-up", "25/11/2026"],
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


def test_show_lists_promises_with_their_state(capsys: pytest.CaptureFixture[str]) -> None:
    cid = new_complaint(capsys)
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--at",
        "10/11/2026",
        "--outcome",
        "promise",
        "--promise",
        "remboursement sous 5 jours",
        "--follow-up",
        "15/11/2026",
    )
    run(capsys, "log", cid, "--channel", "email", "--at", "12/11/2026", "--outcome", "no_answer")
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "chat",
        "--at",
        "19/11/2026",
        "--outcome",
        "promise",
        "--promise",
        "rappel",
        "--follow-up",
        "22/11/2026",
    )
    code, out, _err = run(capsys, "show", cid)
    assert code == 0
    assert "Contacts (3) · 1 tentative sans réponse" in out
    assert "NON TENUE — remboursement sous 5 jours, pour le 15/11/2026 (contact n° 1)" in out
    assert "à venir — rappel, pour le 22/11/2026 (contact n° 3)" in out
    code, out, _err = run(capsys, "list")
    assert "15/11 dépassé" in out


# -- `reclam due` --------------------------------------------------------------------


def test_due_prints_nothing_and_exits_0_when_nothing_is_due(
    capsys: pytest.CaptureFixture[str],
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
        "rappel",
        "--follow-up",
        "25/11/2026",
    )
    assert run(capsys, "due") == (0, "", "")
    assert run(capsys, "due", "--json") == (0, "[]\n", "")


def test_due_lists_overdue_and_today_follow_ups(capsys: pytest.CaptureFixture[str]) -> None:
    cid = new_complaint(capsys)
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "phone",
        "--at",
        "10/11/2026",
        "--outcome",
        "promise",
        "--promise",
        "remboursement",
        "--follow-up",
        "15/11/2026",
        "--reference",
        "R1",
    )
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "chat",
        "--at",
        "18/11/2026",
        "--outcome",
        "promise",
        "--promise",
        "rappel",
        "--follow-up",
        "20/11/2026",
    )
    code, out, _err = run(capsys, "due", "--json")
    assert code == 0
    follow_ups = [d for d in json.loads(out) if d["type"] == "follow_up"]
    assert [(d["contact_id"], d["days_overdue"], d["state"]) for d in follow_ups] == [
        (1, 5, "broken"),
        (2, 0, "due"),
    ]
    code, out, _err = run(capsys, "due")
    assert "remboursement" in out and "5 jours" in out and "aujourd'hui" in out
    run(capsys, "close", cid, "--outcome", "abandoned")
    assert run(capsys, "due") == (0, "", "")


# -- never lose a contact ------------------------------------------------------------


def test_two_processes_logging_at_once_keep_all_40_contacts(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    cid = new_complaint(capsys)
    env = {**os.environ, "RECLAM_HOME": str(isolated_home)}
    failures: list[str] = []

    def writer(name: str) -> None:
        for index in range(20):
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "amazon_reclamation",
                    "log",
                    cid,
                    "--channel",
                    "phone",
                    "--outcome",
                    "pending",
                    "--summary",
                    f"{name}-{index}",
                    "--json",
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            if result.returncode != 0:
                failures.append(result.stderr)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    entries = stored(isolated_home, cid)["contacts"]
    assert isinstance(entries, list)
    assert len(entries) == 40
    assert sorted(e["id"] for e in entries) == list(range(1, 41))
    assert {e["summary"] for e in entries} == {f"{n}-{i}" for n in "ab" for i in range(20)}


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


# -- interactive ---------------------------------------------------------------------


def test_log_questions_through_keystrokes() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from amazon_reclamation.ui.contact_questions import CONTACT_QUESTIONS
    from amazon_reclamation.ui.wizard import QuestionaryAsker, ask_missing

    answers: dict[str, object] = {}
    keys = [
        "\r",  # channel: phone (first choice)
        "18/11/2026 14:30\r",
        "Sophie\r",
        "CS-123\r",
        "Elle promet un remboursement\x1b\r",  # multi-line: Escape then Enter
        "\x1b[B\r",  # outcome: promise (second choice)
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
    env = {**os.environ, "RECLAM_HOME": str(isolated_home), "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "amazon_reclamation", "log"],
        env=env,
        dimensions=(40, 120),
        encoding="utf-8",
        timeout=15,
    )
    child.expect_exact("Par quel moyen ?")
    child.send("\x1b[B\r")  # chat
    child.expect_exact("Quand ?")
    child.send("\r")  # now
    child.expect_exact("Nom de l'interlocuteur")
    child.send("Karim\r")
    child.expect_exact("Référence du dossier")
    child.send("\r")
    child.expect_exact("Ce qui a été dit")
    child.send("Chat coupé après 20 minutes\x1b\r")
    child.expect_exact("Résultat")
    child.send("\x1b[B\x1b[B\x1b[B\r")  # no_answer
    child.expect_exact("Contact n° 1 noté")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    entries = stored(isolated_home, cid)["contacts"]
    assert isinstance(entries, list)
    assert [(e["channel"], e["agent"], e["outcome"], e["summary"]) for e in entries] == [
        ("chat", "Karim", "no_answer", "Chat coupé après 20 minutes")
    ]


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
