"""`reclam new` unattended: the saved record, normalised options, refused values."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import (
    BASE,
    CONTRACT_FIELDS,
    ESCAPE,
    ORDER,
    REQUIRED,
    complaint_files,
    create,
    new,
    nothing_written,
    one_error_line,
    run,
)


def test_new_unattended_json_prints_exactly_the_saved_record(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Act
    code, out, err = run(
        capsys,
        "new",
        *REQUIRED,
        "--expected-date",
        "10/11/2026",
        "--tracking-status",
        "En transit depuis le 8/11",
        "--item",
        "Casque audio",
        "--amount",
        "49,99 €",
        "--seller",
        "marketplace",
        "--seller-name",
        "TechDeals",
        "--seller-country",
        "de",
        "--name",
        "Marie Dupont",
        "--description",
        "Toujours rien reçu.",
        "--resolution",
        "delivery",
        "--yes",
        "--json",
    )

    # Assert
    assert code == 0
    data = json.loads(out)  # stdout is one JSON object and nothing else
    assert isinstance(data, dict)
    assert CONTRACT_FIELDS <= set(data)
    assert data["contacts"] == []
    assert data["schema_version"] == 4
    assert data["status"] == "open"
    assert data["category"] == "late"
    assert data["order_number"] == ORDER
    assert data["order_date"] == "2026-11-01"
    assert data["expected_delivery_date"] == "2026-11-10"
    assert data["delivery_date"] is None
    assert data["amount"] == 49.99
    assert data["currency"] == "EUR"
    assert data["seller"] == {"kind": "marketplace", "name": "TechDeals", "country": "DE"}
    assert data["customer_name"] == "Marie Dupont"
    assert data["desired_resolution"] == "delivery"
    assert data["facts"]["tracking_status"] == "En transit depuis le 8/11"
    [path] = complaint_files(isolated_home)
    assert path.name == f"{data['id']}.json"
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert "Traceback" not in err


def test_new_unattended_with_only_the_required_options_records_unknowns_as_null(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    data = new(capsys)

    # Assert
    for name in ("item", "amount", "customer_name", "description", "desired_resolution"):
        assert data[name] is None, name
    assert data["seller"] == {"kind": None, "name": None, "country": None}


def test_new_unattended_without_json_prints_the_summary_and_next_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, out, err = run(capsys, "new", *REQUIRED, "--item", "Casque", "--yes")

    # Assert
    assert code == 0
    match = re.search(r"Réclamation (\w+) enregistrée\.", out)
    assert match is not None
    assert f"reclam log {match[1]}" in out
    assert f"reclam escalate {match[1]}" in out
    assert f"ma commande n° {ORDER} du 1er novembre 2026" in out


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


@pytest.mark.parametrize(
    ("extra", "field", "value"),
    [
        (["--order", "12312345671234567"], "order_number", ORDER),
        (["--order", " 123-1234567-1234567 "], "order_number", ORDER),
        (["--order", "d01-1234567-1234567"], "order_number", "D01-1234567-1234567"),
        (["--order-date", "2026-11-01"], "order_date", "2026-11-01"),
        (["--order-date", "hier"], "order_date", "2026-11-19"),
        (["--amount", "1.234,56"], "amount", 1234.56),
        (["--amount", "12.99"], "amount", 12.99),
        (["--seller-country", "Belgique"], "seller", {"kind": None, "name": None, "country": "BE"}),
        (
            ["--seller-country", "Duitsland"],
            "seller",
            {"kind": None, "name": None, "country": "DE"},
        ),
        (["--seller-country", "chine"], "seller", {"kind": None, "name": None, "country": "CN"}),
    ],
)
def test_new_options_are_normalised(
    capsys: pytest.CaptureFixture[str], extra: list[str], field: str, value: Any
) -> None:
    # Act: an option given twice takes its last value, so `extra` overrides REQUIRED.
    code, out, _err = run(capsys, "new", *REQUIRED, *extra, "--yes", "--json")

    # Assert
    assert code == 0
    assert json.loads(out)[field] == value


@pytest.mark.parametrize(
    ("missing", "option"),
    [("--category", "--category"), ("--order", "--order"), ("--order-date", "--order-date")],
)
def test_missing_required_option_without_terminal_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, missing: str, option: str
) -> None:
    # Arrange
    index = REQUIRED.index(missing)
    args = REQUIRED[:index] + REQUIRED[index + 2 :]

    # Act
    code, out, err = run(capsys, "new", *args, "--yes")

    # Assert
    assert code == 2
    line = one_error_line(err)
    assert re.search(rf"{re.escape(option)}\b(?!-)", line)
    assert out == ""
    assert nothing_written(isolated_home)


def test_new_without_yes_and_without_terminal_asks_for_yes(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Act
    code, out, err = run(capsys, "new", *REQUIRED)

    # Assert
    assert code == 2
    assert "--yes" in one_error_line(err)
    assert nothing_written(isolated_home)


BAD_VALUES = {
    "bad order number": (["--order", "123-456"], "--order"),
    "tracking number as order": (["--order", "TBA301234567890"], "--order"),
    "future order date": (["--order-date", "21/11/2026"], "--order-date"),
    "impossible date": (["--order-date", "31/04/2026"], "--order-date"),
    "negative amount": (["--amount=-5"], "--amount"),
    "negative amount, separate": (["--amount", "-12,99"], "--amount"),
    "zero amount": (["--amount", "0"], "--amount"),
    "text amount": (["--amount", "douze"], "--amount"),
    "unknown category": (["--category", "broken"], "--category"),
    "unknown resolution": (["--resolution", "money"], "--resolution"),
    "unknown seller kind": (["--seller", "ebay"], "--seller"),
    "bad country": (["--seller-country", "Belgiqu"], "--seller-country"),
    "ambiguous amount with a dot": (["--amount", "49.999"], "49\u202f999 € ou 49,999 €"),
    "ambiguous amount with a comma": (["--amount", "1,234"], "1\u202f234 € ou 1,234 €"),
    "expected amount equal to the debit": (
        [
            "--category",
            "billing",
            "--billing-problem",
            "wrong_amount",
            "--charged",
            "20",
            "--expected-amount",
            "20",
        ],
        "il n'y a pas d'écart",
    ),  # fmt: skip
    "delivery before order": (
        ["--category", "damaged", "--delivery-date", "31/10/2026"],
        "--delivery-date",
    ),
    "expected before order": (["--expected-date", "15/10/2026"], "--expected-date"),
    "future delivery": (
        ["--category", "damaged", "--delivery-date", "25/11/2026"],
        "--delivery-date",
    ),
    "unknown option": (["--colour", "red"], "--colour"),
    "unknown language": (["--lang", "it"], "--lang"),
}


@pytest.mark.parametrize("case", BAD_VALUES.values(), ids=list(BAD_VALUES))
def test_bad_value_exits_2_with_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, case: tuple[list[str], str]
) -> None:
    # Arrange: an option given twice takes its last value, so `extra` overrides REQUIRED.
    extra, option = case

    # Act
    code, out, err = run(capsys, "new", *REQUIRED, *extra, "--yes", "--json")

    # Assert
    assert code == 2
    line = one_error_line(err)
    assert option in line
    assert out == ""
    assert nothing_written(isolated_home)


@pytest.mark.parametrize(
    "extra",
    [
        ["--order", "123\n456"],
        ["--amount", "12\n5"],
        ["--category", "late\nx"],
        ["--order-date", "01/11\n/2026"],
        ["--seller-country", "B\nE"],
    ],
    ids=["order", "amount", "category", "order-date", "seller-country"],
)
def test_a_bad_value_with_a_newline_still_gives_one_error_line(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, extra: list[str]
) -> None:
    # Act
    code, _out, err = run(capsys, "new", *REQUIRED, *extra, "--yes")

    # Assert
    assert code == 2
    assert extra[0] in one_error_line(err)
    assert nothing_written(isolated_home)


def test_error_line_shows_the_expected_form(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, _out, err = run(capsys, "new", *REQUIRED, "--order", "42", "--yes")

    # Assert
    assert code == 2
    assert "123-1234567-1234567" in one_error_line(err)


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


def test_a_json_request_never_mixes_text_into_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys, "new", *REQUIRED, "--yes", "--json", "--item", "x")

    # Assert
    assert code == 0
    assert out.lstrip().startswith("{")
    assert out.rstrip().endswith("}")
    json.loads(out)


def test_escape_sequences_are_stripped_before_saving(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    data = new(capsys, "--item", f"Casque {ESCAPE}", "--name", "Marie\x1b]0;titre\x07")

    # Assert
    assert "\x1b" not in json.dumps(data, ensure_ascii=False)
    assert data["item"].startswith("Casque ")
    assert data["customer_name"].startswith("Marie")


def test_an_invalid_value_with_escapes_is_echoed_without_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, _out, err = run(capsys, "new", *REQUIRED, "--order", "\x1b[2J123", "--yes")

    # Assert
    assert code == 2
    assert "\x1b" not in one_error_line(err)


UNKNOWN_CHARGE = [
    "--category",
    "billing",
    "--billing-problem",
    "unknown_charge",
    "--charged",
    "12,99",
    "--charge-date",
    "02/11/2026",
]


def test_an_unknown_charge_needs_no_order_and_is_referred_to_by_its_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, out, err = run(capsys, "new", *UNKNOWN_CHARGE, "--yes", "--json")

    # Assert: saved with a null order, and every command that shows it copes
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["order_number"], data["order_date"]) == (None, None)
    cid = data["id"]
    for command in (["show", cid], ["list"], ["escalate", cid], ["letter", cid]):
        code, out, err = run(capsys, *command)
        assert code == 0, (command, err)
        assert "None" not in out, command
    code, out, _err = run(capsys, "show", cid)
    assert "aucun (débit sans commande)" in out
    assert "au sujet d'un débit qui ne correspond à aucune de mes commandes" in out
    code, out, _err = run(capsys, "letter", cid)
    assert "débit non autorisé, sans commande de ma part" in out
    assert "j'ai passé" not in out
    assert "confirmation de commande" not in out
    assert json.loads(run(capsys, "list", "--json")[1])[0]["order_number"] is None


def test_two_unknown_charges_are_not_called_the_same_order_and_take_contacts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    first = create(capsys, *UNKNOWN_CHARGE)

    # Act
    code, _out, err = run(capsys, "new", *UNKNOWN_CHARGE, "--yes")
    logged = run(capsys, "log", first, "--channel", "chat", "--at", "01/10/2026", "--outcome",
                 "pending")  # fmt: skip

    # Assert: no duplicate warning, and no order date to compare a contact with
    assert code == 0
    assert "a déjà une réclamation" not in err
    assert logged[0] == 0, logged[2]


@pytest.mark.parametrize("problem", ["wrong_amount", "unannounced_fee"])
def test_other_billing_problems_still_need_the_order(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, problem: str
) -> None:
    # Act
    code, out, err = run(
        capsys, "new", "--category", "billing", "--billing-problem", problem, "--yes"
    )

    # Assert
    assert code == 2
    assert "--order" in one_error_line(err)
    assert nothing_written(isolated_home)


def test_an_unknown_charge_with_an_order_number_but_no_date_has_a_letter_to_complete(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    create(capsys, *UNKNOWN_CHARGE, "--order", ORDER)

    # Act: REF by order number finds it
    code, out, err = run(capsys, "letter", ORDER)

    # Assert
    assert code == 0, err
    assert f"commande n° {ORDER} du [date]" in out
    assert "None" not in out
