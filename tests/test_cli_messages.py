"""What the command line says in the cases a first reviewer tripped over."""

from __future__ import annotations

import json
from datetime import date

import pytest

from amazon_reclamation.models import Complaint
from amazon_reclamation.texts import summary
from amazon_reclamation.ui.contact_questions import CONTACT_QUESTIONS, ORDER_DATE_KEY
from amazon_reclamation.ui.questions import QUESTIONS_BY_KEY
from amazon_reclamation.ui.wizard import delete_question
from helpers import run

BASE = ["--order", "123-1234567-1234567", "--order-date", "01/11/2026"]


def create(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    code, out, err = run(capsys, "new", *options, "--yes", "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["frobnicate"], "commande inconnue : frobnicate"),
        (["log", "--corrects", "abc"], "--corrects : valeur non valable"),
        (["show"], "il manque REF (l'identifiant de la réclamation ou le numéro de commande)"),
        (["list", "--bogus"], "option inconnue : --bogus"),
    ],
)
def test_usage_errors_are_one_french_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert expected in err


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


def test_the_contact_date_is_checked_against_the_order_at_the_prompt() -> None:
    moment = next(q for q in CONTACT_QUESTIONS if q.key == "at")
    with pytest.raises(Exception, match="avant la commande du 01/11/2026"):
        moment.parse_text("15/10/2026", {ORDER_DATE_KEY: date(2026, 11, 1)}, date(2026, 11, 20))


def test_a_return_date_before_the_delivery_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys,
        "new",
        "--category",
        "refund",
        *BASE,
        "--delivery-date",
        "10/11/2026",
        "--returned-date",
        "05/11/2026",
        "--yes",
    )
    assert code == 2
    assert "--returned-date" in err
    assert "avant la date de livraison" in err


def test_deleting_preselects_no() -> None:
    complaint = Complaint(
        id="abc234",
        created_at="2026-11-20T10:00:00+01:00",
        category="late",
        order_number="123-1234567-1234567",
        order_date=date(2026, 11, 1),
    )
    assert delete_question(complaint).default is False


def test_escalating_a_closed_complaint_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    cid = create(capsys, "--category", "late", *BASE)
    run(capsys, "close", cid, "--outcome", "resolved")
    code, out, err = run(capsys, "escalate", cid)
    assert (code, out) == (1, "")
    assert f"reclam reopen {cid}" in err


def test_new_shows_the_deadlines_and_warns_about_a_second_complaint_for_one_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "new", "--category", "damaged", *BASE, "--delivery-date", "05/11/2026", "--yes"
    )
    assert code == 0
    assert "Délais" in out
    assert "Garantie légale de conformité" in out
    assert err == ""
    code, out, err = run(capsys, "new", "--category", "late", *BASE, "--yes")
    assert code == 0
    assert "a déjà une réclamation" in err


def test_due_recalls_a_deadline_passed_this_week_but_not_older_ones(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    create(capsys, "--category", "damaged", *BASE, "--delivery-date", "05/11/2026")
    # Withdrawal: delivery 05/11 + 14 days = 19/11, one day before the pinned today.
    code, out, _err = run(capsys, "due", "--json")
    assert [(d["id"], d["days_left"]) for d in json.loads(out)] == [("withdrawal", -1)]
    monkeypatch.setenv("RECLAM_TODAY", "2026-12-01")
    assert run(capsys, "due") == (0, "", "")


def test_a_parcel_that_arrived_late_is_not_called_missing() -> None:
    complaint = Complaint(
        id="abc234",
        created_at="2026-11-20T10:00:00+01:00",
        category="late",
        order_number="123-1234567-1234567",
        order_date=date(2026, 11, 1),
        expected_delivery_date=date(2026, 11, 5),
        delivery_date=date(2026, 11, 12),
    )
    text = summary.ready_message(complaint, date(2026, 11, 20))
    assert "livrée en retard, le 12 novembre 2026" in text
    assert "annoncée au plus tard le 5 novembre 2026" in text
    assert "pas reçu" not in text


def test_choosing_a_language_without_catalogue_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "list", "--lang", "nl")
    assert code == 0
    assert "Nederlandse vertaling is nog niet beschikbaar" in err
    assert "reclam new" in out + err


def test_a_promise_question_is_required_once_promised() -> None:
    assert QUESTIONS_BY_KEY["category"].required
    promise = next(q for q in CONTACT_QUESTIONS if q.key == "promise")
    assert promise.required
    assert promise.applies({"outcome": "promise"})
    assert not promise.applies({"outcome": "pending"})


def test_a_letter_states_the_announced_delivery_date_once() -> None:
    from amazon_reclamation.texts import letters

    complaint = Complaint(
        id="abc234",
        created_at="2026-11-20T10:00:00+01:00",
        category="not_received",
        order_number="123-1234567-1234567",
        order_date=date(2026, 10, 1),
        expected_delivery_date=date(2026, 10, 10),
        seller={"kind": "amazon"},
        desired_resolution="refund",
    )
    text = letters.formal_notice(complaint, date(2026, 11, 20))
    assert text.count("10 octobre 2026") == 1
    assert "Je n'ai pas reçu le colis." in text
    # The message for customer service keeps it: there it is the only mention.
    assert "annoncée au plus tard le 10 octobre 2026" in summary.ready_message(
        complaint, date(2026, 11, 20)
    )
