"""`reclam show`: finding a complaint, its JSON, its contacts and the ready message;
user text printed literally (also checked through `list` and `new`)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import factories
from amazon_reclamation.texts import summary
from helpers import ESCAPE, MARKUP, ORDER, REQUIRED, new, new_complaint, one_error_line, run

# Left unknown here, as in this test's complaint before the factory (which fills them in).
UNKNOWN: dict[str, Any] = {"item": None, "amount": None, "customer_name": None}


@pytest.mark.parametrize("how", ["id", "id prefix", "order", "bare digits", "upper-case id"])
def test_show_finds_by_id_or_order_number(capsys: pytest.CaptureFixture[str], how: str) -> None:
    # Arrange
    saved = new(capsys, "--item", "Casque", "--name", "Marie Dupont")
    ref = {
        "id": saved["id"],
        "id prefix": saved["id"][:4],
        "order": ORDER,
        "bare digits": ORDER.replace("-", ""),
        "upper-case id": saved["id"].upper(),
    }[how]

    # Act
    code, out, _err = run(capsys, "show", ref)

    # Assert
    assert code == 0
    assert saved["id"] in out
    assert ORDER in out
    assert "Casque" in out
    assert "Bonjour," in out  # the ready message
    assert "Contacts (0)" in out  # the contacts section, empty for now


def test_show_json_prints_the_stored_record(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    saved = new(capsys, "--item", "Casque")

    # Act
    code, out, _err = run(capsys, "show", saved["id"], "--json")

    # Assert
    assert code == 0
    assert json.loads(out) == saved
    stored = json.loads((isolated_home / "complaints" / f"{saved['id']}.json").read_text("utf-8"))
    assert json.loads(out) == stored


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
        "14/11/2026",  # before the first promise's day: that one is still to chase
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


def test_a_formal_notice_sent_is_shown_as_its_deadline_not_as_a_promise(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: the notice sent on the 20th leaves 10 days, then a call-back announced
    cid = new_complaint(capsys)
    assert run(capsys, "letter", cid, "--sent", "--days", "10")[0] == 0
    call_back = ["--channel", "phone", "--outcome", "pending", "--follow-up", "25/11/2026"]
    assert run(capsys, "log", cid, *call_back)[0] == 0

    # Act: before and after the notice's last day
    code, before, _err = run(capsys, "show", cid)
    monkeypatch.setenv("RECLAM_TODAY", "2026-12-01")
    after = run(capsys, "show", cid)[1]

    # Assert: its own list, its own states; the call-back stays an announced follow-up
    assert code == 0
    assert "Délai de la mise en demeure : jusqu'au 30/11/2026" in before
    assert "Suivi prévu le 25/11/2026" in before
    assert (
        "Mise en demeure\n  • en cours — délai laissé jusqu'au 30/11/2026 (contact n° 1)" in before
    )
    assert "Promesses\n  • à venir — suite annoncée, pour le 25/11/2026 (contact n° 2)" in before
    assert "DÉPASSÉ SANS SOLUTION — délai laissé jusqu'au 30/11/2026 (contact n° 1)" in after
    assert "pour le 30/11/2026" not in before + after  # never worded as a promise


def test_a_parcel_that_arrived_late_is_not_called_missing() -> None:
    complaint = factories.complaint(
        "abc234",
        created_at=factories.at(20, hour=9),
        category="late",
        order_date=date(2026, 11, 1),
        expected_delivery_date=date(2026, 11, 5),
        delivery_date=date(2026, 11, 12),
        **UNKNOWN,
    )
    text = summary.ready_message(complaint, date(2026, 11, 20))
    assert "livrée en retard, le 12 novembre 2026" in text
    assert "annoncée au plus tard le 5 novembre 2026" in text
    assert "pas reçu" not in text


def test_show_of_a_corrupt_file_by_id_is_refused_and_leaves_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    new(capsys)
    corrupt = isolated_home / "complaints" / "zzzzzz.json"
    corrupt.write_text('{"schema_version": 99}', encoding="utf-8")

    # Act
    code, out, err = run(capsys, "show", "zzzzzz")

    # Assert
    assert code == 1
    assert "zzzzzz.json" in one_error_line(err)
    assert out == ""
    assert corrupt.read_text(encoding="utf-8") == '{"schema_version": 99}'


@pytest.mark.parametrize("command", ["show", "list", "new"])
def test_user_text_is_printed_literally_never_interpreted(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # Arrange
    typed = ["--item", f"{MARKUP} {ESCAPE}", "--description", f"{MARKUP}\n{ESCAPE}"]
    ref = new(capsys, *typed)["id"] if command != "new" else ""
    argv = {
        "new": ["new", *REQUIRED, *typed, "--yes"],
        "show": ["show", ref],
        "list": ["list"],
    }[command]

    # Act
    code, out, err = run(capsys, *argv)

    # Assert
    assert code == 0
    assert "[red]x[/red]" in out  # markup shown as typed
    assert "\x1b" not in out + err  # the escape was neutralised, not sent to the terminal
    assert "\x07" not in out + err


def test_a_deadline_name_that_wraps_continues_under_the_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: a refund after a return; in Dutch at 80 columns its name needs two lines
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _err = run(
        capsys, "new", "--category", "refund", "--order", "123-1234567-1234567",
        "--order-date", "01/10/2026", "--return-kind", "returned", "--returned-date",
        "20/10/2026", "--yes", "--json",
    )  # fmt: skip
    cid = json.loads(out)["id"]

    # Act
    code, out, _err = run(capsys, "--lang", "nl", "show", cid)

    # Assert: the second line of the name starts where the name does, not at column 0
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.rstrip().endswith("Terugbetaling na"))
    column = lines[first].index("Terugbetaling na")
    assert code == 0
    assert lines[first + 1][:column].strip() == ""
    assert lines[first + 1][column:].startswith("herroeping")
