"""What `reclam letter` prints: the formal notice (more in tests/test_letters.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import factories
from amazon_reclamation.texts import summary
from helpers import create, run

# Left unknown here, as in this test's complaint before the factory (which fills them in).
UNKNOWN: dict[str, Any] = {"item": None, "amount": None, "customer_name": None}


def test_a_letter_states_the_announced_delivery_date_once() -> None:
    from amazon_reclamation.texts import letters

    complaint = factories.complaint(
        "abc234",
        created_at=factories.at(20, hour=9),
        category="not_received",
        order_date=date(2026, 10, 1),
        expected_delivery_date=date(2026, 10, 10),
        seller={"kind": "amazon"},
        desired_resolution="refund",
        **UNKNOWN,
    )
    text = letters.formal_notice(complaint, date(2026, 11, 20))
    assert text.count("10 octobre 2026") == 1
    assert "Je n'ai pas reçu le colis." in text
    # The message for customer service keeps it: there it is the only mention.
    assert "annoncée au plus tard le 10 octobre 2026" in summary.ready_message(
        complaint, date(2026, 11, 20)
    )


DAMAGED = ["--category", "damaged", "--order", "123-1234567-1234567", "--order-date"]
DAMAGED += ["01/11/2026", "--delivery-date", "05/11/2026", "--damage-timing", "on_arrival"]


def test_no_letter_for_a_closed_complaint(capsys: Any) -> None:
    # Arrange
    complaint_id = create(capsys, *DAMAGED)
    assert run(capsys, "close", complaint_id, "--outcome", "resolved")[0] == 0

    # Act
    code, out, err = run(capsys, "letter", complaint_id)

    # Assert
    assert code == 1
    assert out == ""
    assert err.strip() == (
        f"Erreur : La réclamation {complaint_id} est clôturée (résolue) : une mise en demeure "
        "contredirait votre dossier. Si le problème est revenu, rouvrez-la d'abord : "
        f"reclam reopen {complaint_id}"
    )


def test_no_letter_after_a_contact_that_says_resolved_unless_forced(capsys: Any) -> None:
    # Arrange
    complaint_id = create(capsys, *DAMAGED)
    logged = ["log", complaint_id, "--channel", "chat", "--at", "10/11/2026"]
    assert run(capsys, *logged, "--outcome", "resolved")[0] == 0

    # Act
    refused = run(capsys, "letter", complaint_id)
    forced = run(capsys, "letter", complaint_id, "--force")

    # Assert
    assert refused[0] == 1
    assert (
        "Votre dernier contact (n° 1, le 10/11/2026) indique que le problème est résolu"
        in (refused[2])
    )
    assert "ajoutez --force" in refused[2]
    assert forced[0] == 0
    assert "Mise en demeure" in forced[1] or "mise en demeure" in forced[1].lower()


def test_a_later_unresolved_contact_allows_the_letter_again(capsys: Any) -> None:
    # Arrange
    complaint_id = create(capsys, *DAMAGED)
    base = ["log", complaint_id, "--channel", "chat"]
    assert run(capsys, *base, "--at", "10/11/2026", "--outcome", "resolved")[0] == 0
    assert run(capsys, *base, "--at", "12/11/2026", "--outcome", "refused")[0] == 0

    # Act
    code, _out, err = run(capsys, "letter", complaint_id)

    # Assert
    assert code == 0, err


@pytest.mark.parametrize(
    ("days", "words"), [("1", "1 jour n'est pas"), ("61", "61 jours n'est pas")]
)
def test_an_unreasonable_time_limit_is_refused_in_good_french(
    capsys: Any, days: str, words: str
) -> None:
    # Arrange
    complaint_id = create(capsys, *DAMAGED)

    # Act
    code, _out, err = run(capsys, "letter", complaint_id, "--days", days)

    # Assert
    assert code == 2
    assert f"--days : {words} un délai raisonnable" in err


# -- `letter --sent`: the formal notice recorded as sent --------------------------------


def _saved(complaint_id: str) -> dict[str, Any]:
    import json

    from amazon_reclamation.store import Store, default_home

    return json.loads(Store(default_home()).path_for(complaint_id).read_text(encoding="utf-8"))


def test_sent_records_a_formal_notice_followed_up_on_the_deadline_the_letter_gives(
    capsys: Any,
) -> None:
    # Arrange
    complaint_id = create(capsys, *DAMAGED)
    code, letter_text, _err = run(capsys, "letter", complaint_id, "--days", "10")
    assert code == 0

    # Act
    code, out, err = run(
        capsys, "letter", complaint_id, "--sent", "--days", "10", "--reference", "RR123456789BE"
    )

    # Assert: one contact, the step and the same last day as the letter asked
    assert (code, err) == (0, "")
    contact = _saved(complaint_id)["contacts"][-1]
    assert contact["step"] == "formal_notice"
    assert (contact["channel"], contact["outcome"]) == ("letter", "pending")
    assert contact["reference"] == "RR123456789BE"
    assert contact["follow_up"] == "2026-11-30"
    assert "au plus tard le 30 novembre 2026" in " ".join(letter_text.split())
    assert "au plus tard le 30/11/2026" in " ".join(out.split())


def test_sent_on_a_past_day_by_email_counts_from_that_day(capsys: Any) -> None:
    complaint_id = create(capsys, *DAMAGED)

    code, _out, err = run(
        capsys, "letter", complaint_id, "--sent", "--sent-on", "10/11/2026", "--sent-by", "email"
    )

    assert (code, err) == (0, "")
    contact = _saved(complaint_id)["contacts"][-1]
    assert contact["channel"] == "email"
    assert contact["at"].startswith("2026-11-10")
    assert contact["at_precision"] == "day"
    assert contact["follow_up"] == "2026-11-25"  # 15 days later, a Wednesday


def test_escalate_counts_the_sent_notice_as_done(capsys: Any) -> None:
    complaint_id = create(capsys, *DAMAGED)
    run(capsys, "letter", complaint_id, "--sent", "--sent-on", "10/11/2026")

    code, out, _err = run(capsys, "escalate", complaint_id, "--json")

    import json

    steps = {step["id"]: step["status"] for step in json.loads(out)["steps"]}
    assert code == 0
    assert steps["formal_notice"] == "done"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--sent-on", "10/11/2026"], "--sent-on, --sent-by et --reference vont avec --sent"),
        (["--sent", "--sent-by", "fax"], "--sent-by : « fax » n'est pas un envoi connu"),
        (["--sent", "--sent-on", "31/12/2026"], "--sent-on : Le 31/12/2026 n'est pas encore"),
        (["--sent", "--sent-on", "demain"], "--sent-on : « demain » n'est pas une date"),
    ],
)
def test_a_bad_sent_option_is_refused_and_nothing_written(
    capsys: Any, args: list[str], expected: str
) -> None:
    complaint_id = create(capsys, *DAMAGED)
    before = _saved(complaint_id)

    code, out, err = run(capsys, "letter", complaint_id, *args)

    assert (code, out) == (2, "")
    assert expected in err
    assert len(err.strip().splitlines()) == 1
    assert _saved(complaint_id) == before


def test_sent_on_a_closed_complaint_is_refused(capsys: Any) -> None:
    complaint_id = create(capsys, *DAMAGED)
    run(capsys, "close", complaint_id, "--outcome", "abandoned")

    code, _out, err = run(capsys, "letter", complaint_id, "--sent")

    assert code == 1
    assert "rouvrez-la d'abord" in err


def test_correcting_the_sent_notice_keeps_it_a_formal_notice(capsys: Any) -> None:
    # Arrange: the notice recorded with a wrong day, then corrected without --step
    complaint_id = create(capsys, *DAMAGED)
    run(capsys, "letter", complaint_id, "--sent", "--sent-on", "10/11/2026")

    # Act
    code, _out, err = run(
        capsys, "log", complaint_id, "--corrects", "1", "--channel", "letter",
        "--outcome", "pending", "--at", "12/11/2026", "--follow-up", "27/11/2026",
    )  # fmt: skip

    # Assert
    assert (code, err) == (0, "")
    assert _saved(complaint_id)["contacts"][-1]["step"] == "formal_notice"
