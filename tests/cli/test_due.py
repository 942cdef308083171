"""`reclam due`: follow-ups and deadlines due, nothing printed when nothing is due."""

from __future__ import annotations

import json

import pytest

from helpers import BASE, create, new_complaint, run


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
        "14/11/2026",  # before the first promise's day: that one is still to chase
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
    assert "de retard" not in out  # the column is headed "Retard": the days say it
    run(capsys, "close", cid, "--outcome", "abandoned")
    assert run(capsys, "due") == (0, "", "")


def test_due_recalls_a_deadline_passed_this_week_but_not_older_ones(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    create(capsys, "--category", "damaged", *BASE, "--delivery-date", "05/11/2026")
    # Withdrawal: delivery 05/11 + 14 days = 19/11, one day before the pinned today.
    code, out, _err = run(capsys, "due", "--json")
    assert [(d["id"], d["days_left"]) for d in json.loads(out)] == [("withdrawal", -1)]
    monkeypatch.setenv("RECLAM_TODAY", "2026-12-01")
    assert run(capsys, "due") == (0, "", "")


def test_due_does_not_recall_a_withdrawal_exercised_in_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: delivered on 05/11, sent back on 08/11: the 14 days ended on 19/11, used.
    create(
        capsys,
        "--category",
        "refund",
        *BASE,
        "--delivery-date",
        "05/11/2026",
        "--return-kind",
        "returned",
        "--returned-date",
        "08/11/2026",
    )

    # Act
    code, out, _err = run(capsys, "due", "--json")

    # Assert: the refund owed by 22/11 is listed; the withdrawal, used in time, is not.
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ["refund_after_withdrawal"]
    assert "Droit de rétractation" not in run(capsys, "due")[1]


def test_a_formal_notice_due_is_named_as_its_deadline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: a notice sent on the 20th with 10 days; a promise due the same day
    cid = new_complaint(capsys)
    assert run(capsys, "letter", cid, "--sent", "--days", "10")[0] == 0
    promise = ["--channel", "phone", "--outcome", "promise", "--promise", "remboursement"]
    assert run(capsys, "log", cid, *promise, "--follow-up", "30/11/2026")[0] == 0
    monkeypatch.setenv("RECLAM_TODAY", "2026-11-30")

    # Act
    code, out, _err = run(capsys, "due")
    listed = json.loads(run(capsys, "due", "--json")[1])

    # Assert
    assert code == 0
    assert "Promesse ou délai" in out
    assert "mise en demeure" in out and "suite annoncée" not in out
    kinds = [(d["contact_id"], d["kind"]) for d in listed if d["type"] == "follow_up"]
    assert kinds == [(1, "formal_notice"), (2, "promise")]


def test_a_broken_promise_chased_since_its_day_is_no_longer_due_but_stays_broken(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: a refund promised for the 15th, not kept; on the 17th the consumer calls
    # again (refused), then sends the formal notice
    cid = new_complaint(capsys)
    promised = ["--outcome", "promise", "--promise", "remboursement", "--follow-up", "15/11/2026"]
    assert run(capsys, "log", cid, "--channel", "phone", "--at", "10/11/2026", *promised)[0] == 0
    before = json.loads(run(capsys, "due", "--json")[1])
    assert [d["contact_id"] for d in before if d["type"] == "follow_up"] == [1]
    assert run(capsys, "log", cid, "--channel", "phone", "--at", "17/11/2026",
               "--outcome", "refused", "--summary", "Refus de rembourser")[0] == 0  # fmt: skip

    # Act
    code, out, _err = run(capsys, "due", "--json")
    listed = run(capsys, "list")[1]
    shown = run(capsys, "show", cid)[1]
    plan = json.loads(run(capsys, "escalate", cid, "--json")[1])

    # Assert: nothing left to chase in due and list; the promise is still a promise not kept
    assert code == 0
    assert [d for d in json.loads(out) if d["type"] == "follow_up"] == []
    assert "15/11 dépassé" not in listed
    assert "NON TENUE — remboursement, pour le 15/11/2026 (contact n° 1)" in shown
    now = [step for step in plan["steps"] if step["status"] == "now"]
    assert "promesse du 10/11/2026 non tenue" in now[0]["why"]
