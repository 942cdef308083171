"""`reclam escalate`, `reclam letter` and `reclam rights` through the command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from amazon_reclamation.domain.escalation import STEP_IDS
from amazon_reclamation.knowledge.rules import DEADLINE_IDS
from helpers import check_snapshot, run

MARKETPLACE_BE = [
    "--category",
    "damaged",
    "--order",
    "123-1234567-1234567",
    "--order-date",
    "01/11/2026",
    "--delivery-date",
    "05/11/2026",
    "--item",
    "Casque audio",
    "--amount",
    "49,99",
    "--seller",
    "marketplace",
    "--seller-name",
    "AudioShop",
    "--seller-country",
    "BE",
    "--name",
    "Marie Dupont",
    "--damage-timing",
    "on_arrival",
    "--resolution",
    "replacement",
]


def create(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    code, out, err = run(capsys, "new", *options, "--yes", "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


def test_escalate_json_has_the_contract_shape(capsys: pytest.CaptureFixture[str]) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    code, out, err = run(capsys, "escalate", cid, "--json")
    assert (code, err) == (0, "")
    plan = json.loads(out)
    assert [s["id"] for s in plan["steps"]] == list(STEP_IDS)
    for step in plan["steps"]:
        assert {"id", "status", "title", "why", "how"} <= step.keys()
        assert step["status"] in {"done", "now", "later", "not_applicable"}
    assert [s["id"] for s in plan["steps"] if s["status"] == "now"] == ["contact_seller"]
    statuses = {s["id"]: s["status"] for s in plan["steps"]}
    assert statuses["consumer_mediation_service"] == "later"
    assert statuses["lu_consumer_mediator"] == "not_applicable"
    for deadline in plan["deadlines"]:
        assert {"id", "date", "days_left", "kind", "source"} <= deadline.keys()
        assert deadline["id"] in DEADLINE_IDS
        assert deadline["kind"] in {"law", "amazon_policy"}
        assert deadline["source"].startswith("http")
    withdrawal = next(d for d in plan["deadlines"] if d["id"] == "withdrawal")
    assert (withdrawal["date"], withdrawal["days_left"]) == ("2026-11-19", -1)


def test_escalate_after_contacts_marks_done_steps(capsys: pytest.CaptureFixture[str]) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "seller_message",
        "--at",
        "10/11/2026",
        "--outcome",
        "no_answer",
        "--summary",
        "Message au vendeur",
    )
    code, out, _err = run(capsys, "escalate", cid, "--json")
    assert code == 0
    statuses = {s["id"]: s["status"] for s in json.loads(out)["steps"]}
    assert statuses["contact_seller"] == "done"
    assert statuses["atoz_claim"] == "now"
    code, out, _err = run(capsys, "escalate", cid)
    assert out.index("À faire maintenant") < out.index("Déjà fait") < out.index("Délais")
    assert "✓ Écrire au vendeur" in out


@pytest.mark.parametrize(
    "category", ["damaged", "late", "not_received", "non_conforming", "billing", "refund", "other"]
)
@pytest.mark.parametrize(
    "seller", [["--seller", "amazon"], [], ["--seller", "marketplace", "--seller-country", "DE"]]
)
def test_no_output_points_to_a_closed_body(
    capsys: pytest.CaptureFixture[str], category: str, seller: list[str]
) -> None:
    cid = create(
        capsys,
        "--category",
        category,
        "--order",
        "123-1234567-1234567",
        "--order-date",
        "01/10/2026",
        "--delivery-date",
        "05/10/2026",
        *seller,
    )
    texts = [
        run(capsys, command, cid, *extra)[1]
        for command, *extra in (
            ("escalate", "--all"),
            ("escalate", "--json"),
            ("letter",),
            ("rights",),
            ("show",),
        )
    ]
    for text in texts:
        assert "ODR" not in text
        assert "Point de contact" not in text
        assert "Ombudsman du Commerce" not in text


def test_letter_to_a_file_is_owner_only_and_complete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    target = tmp_path / "mise-en-demeure.md"
    code, out, err = run(capsys, "letter", cid, "--markdown", "--days", "10", "--out", str(target))
    assert (code, out) == (0, "")
    assert str(target) in err
    text = target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "123-1234567-1234567" in text
    assert "AudioShop" in text
    assert "1649bis" in text
    assert "30 novembre 2026" in text  # today (20/11) + 10 days


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--days", "3"], 2, "--days"),
        (["--days", "90"], 2, "--days"),
        (["--out", "/nonexistent-folder/lettre.txt"], 1, "n'existe pas"),
    ],
)
def test_bad_letter_options(
    capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    result, out, err = run(capsys, "letter", cid, *args)
    assert result == code
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_rights_lists_each_rule_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    code, out, _err = run(capsys, "rights", cid)
    assert code == 0
    assert "Garantie légale de conformité" in out
    assert "Garantie A à Z" in out
    assert "politique d'Amazon (peut changer)" in out
    assert out.count("Source :") >= 3


def test_escalate_without_any_complaint_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "escalate")
    assert (code, out) == (1, "")
    assert "reclam new" in err


def test_show_and_due_include_deadlines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    code, out, _err = run(capsys, "show", cid)
    assert code == 0
    assert "Délais" in out
    assert "Garantie légale de conformité" in out
    monkeypatch.setenv("RECLAM_TODAY", "2026-12-30")  # the defect notice falls on 05/01/2027
    code, out, _err = run(capsys, "due", "--json")
    soon = [d for d in json.loads(out) if d["type"] == "deadline"]
    assert [(d["id"], d["date"], d["days_left"]) for d in soon] == [
        ("defect_notice", "2027-01-05", 6)
    ]


def test_letter_file_holds_the_letter_and_the_note_stays_on_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cid = create(capsys, *MARKETPLACE_BE)
    target = tmp_path / "lettre.txt"
    code, _out, err = run(capsys, "letter", cid, "--out", str(target))
    assert code == 0
    assert "NOTE POUR VOUS" in err
    assert "NOTE POUR VOUS" not in target.read_text(encoding="utf-8")


def test_escalate_says_to_wait_before_the_announced_delivery_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = create(
        capsys,
        "--category",
        "late",
        "--order",
        "123-1234567-1234567",
        "--order-date",
        "15/11/2026",
        "--expected-date",
        "25/11/2026",
    )
    code, out, _err = run(capsys, "escalate", cid)
    assert code == 0
    assert "Rien à faire avant le 25/11/2026" in out
    assert "À faire maintenant" not in out
    code, out, err = run(capsys, "letter", cid)
    assert (code, out) == (1, "")
    assert "prématurée" in err


SNAPSHOTS = Path(__file__).parents[1] / "snapshots" / "escalation"


@pytest.mark.typography  # the exact bytes: non-breaking spaces on
def test_escalate_all_snapshot(capsys: pytest.CaptureFixture[str]) -> None:
    """The whole `reclam escalate --all` screen of a Belgian seller's case, pinned."""
    cid = create(capsys, *MARKETPLACE_BE)
    run(
        capsys,
        "log",
        cid,
        "--channel",
        "seller_message",
        "--at",
        "10/11/2026",
        "--outcome",
        "refused",
        "--summary",
        "Refus du vendeur",
    )
    code, out, err = run(capsys, "escalate", cid, "--all")
    assert (code, err) == (0, "")
    text = out.replace(cid, "ID")
    path = SNAPSHOTS / "escalate_all_marketplace_be.txt"
    check_snapshot(path, text, "tests/cli/test_escalate_screens.py")


def test_a_wait_with_something_to_do_at_once_is_not_called_nothing_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: an unknown card debit (report it to the bank at once); Amazon promised to
    # look into it by 25 November.
    cid = create(
        capsys, "--category", "billing", "--billing-problem", "unknown_charge",
        "--charged", "12,99", "--charge-date", "02/11/2026", "--payment-method", "card",
    )  # fmt: skip
    logged = run(
        capsys, "log", cid, "--channel", "phone", "--outcome", "promise", "--promise",
        "vérifier", "--follow-up", "25/11/2026",
    )  # fmt: skip
    assert logged[0] == 0, logged[2]

    # Act
    code, out, err = run(capsys, "escalate", cid)

    # Assert
    assert (code, err) == (0, "")
    assert "En attendant le 25/11/2026" in out
    assert "Rien à faire avant" not in out
