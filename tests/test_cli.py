"""The command line in-process (`cli.main`): unattended `new`, list, show, status, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer

from amazon_reclamation import __version__
from amazon_reclamation.cli import commands
from helpers import CONTRACT_FIELDS, run

ORDER = "123-1234567-1234567"
REQUIRED = ["--category", "late", "--order", ORDER, "--order-date", "01/11/2026"]


def new(capsys: pytest.CaptureFixture[str], *extra: str, order: str = ORDER) -> dict[str, Any]:
    """Save a complaint unattended and return its JSON."""
    args = ["new", "--category", "late", "--order", order, "--order-date", "01/11/2026"]
    code, out, err = run(capsys, *args, *extra, "--yes", "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def complaint_files(home: Path) -> list[Path]:
    folder = home / "complaints"
    return sorted(folder.glob("*.json")) if folder.exists() else []


def nothing_written(home: Path) -> bool:
    return complaint_files(home) == [] and not (home / "drafts").exists()


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- new, unattended --------------------------------------------------------------------


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
    assert data["schema_version"] == 1
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
    "bad country": (["--seller-country", "Belgique"], "--seller-country"),
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
    "unknown language": (["--lang", "de"], "--lang"),
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


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["list", "--lang", "d\ne"], 2),
        (["show", "ab\ncd"], 1),
        (["close", ORDER, "--outcome", "x\ny"], 2),
        (["delete", "ab\ncd", "--yes"], 1),
    ],
    ids=["lang", "show ref", "close outcome", "delete ref"],
)
def test_any_error_is_one_line_even_when_the_typed_value_has_a_newline(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: int
) -> None:
    # Arrange
    new(capsys)

    # Act
    code, _out, err = run(capsys, *argv)

    # Assert
    assert code == expected
    one_error_line(err)


def test_a_data_folder_that_is_a_file_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("RECLAM_HOME", str(not_a_folder))

    # Act
    code, out, err = run(capsys, "new", *REQUIRED, "--yes")

    # Assert
    assert code == 1
    assert str(not_a_folder) in one_error_line(err)
    assert out == ""


def test_a_bad_reclam_today_is_one_error_line(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("RECLAM_TODAY", "20/11/2026")

    # Act
    code, _out, err = run(capsys, "new", *REQUIRED, "--yes")

    # Assert
    assert code == 2
    assert "RECLAM_TODAY" in one_error_line(err)
    assert nothing_written(isolated_home)


def test_error_line_shows_the_expected_form(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, _out, err = run(capsys, "new", *REQUIRED, "--order", "42", "--yes")

    # Assert
    assert code == 2
    assert "123-1234567-1234567" in one_error_line(err)


def test_a_json_request_never_mixes_text_into_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys, "new", *REQUIRED, "--yes", "--json", "--item", "x")

    # Assert
    assert code == 0
    assert out.lstrip().startswith("{")
    assert out.rstrip().endswith("}")
    json.loads(out)


# -- list and show ----------------------------------------------------------------------


@pytest.fixture
def two(capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """One open complaint, one resolved."""
    first = new(capsys, "--item", "Casque ouvert")
    second = new(capsys, "--item", "Livre clos", order="222-2222222-2222222")
    code, _out, err = run(capsys, "close", second["id"], "--outcome", "resolved")
    assert code == 0, err
    return first, second


def test_list_shows_open_complaints_only(
    capsys: pytest.CaptureFixture[str], two: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    # Arrange
    first, second = two

    # Act
    code, out, err = run(capsys, "list")

    # Assert
    assert code == 0
    assert first["id"] in out
    assert ORDER in out
    assert "Casque ouvert" in out
    assert second["id"] not in out
    assert "reclam list --all" in err  # says that closed ones are hidden


def test_list_all_includes_closed_complaints(
    capsys: pytest.CaptureFixture[str], two: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    # Arrange
    first, second = two

    # Act
    code, out, _err = run(capsys, "list", "--all")

    # Assert
    assert code == 0
    assert first["id"] in out
    assert second["id"] in out
    assert "résolue" in out


@pytest.mark.parametrize(
    ("args", "count"), [(["list", "--json"], 1), (["list", "--all", "--json"], 2)]
)
def test_list_json_is_an_array_of_complaint_objects(
    capsys: pytest.CaptureFixture[str],
    two: tuple[dict[str, Any], dict[str, Any]],
    args: list[str],
    count: int,
) -> None:
    # Act
    code, out, _err = run(capsys, *args)

    # Assert
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list)
    assert len(data) == count
    assert all(CONTRACT_FIELDS <= set(item) for item in data)
    assert data[0]["id"] == two[0]["id"]


def test_list_of_an_empty_folder_says_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, err = run(capsys, "list")
    code_json, out_json, _ = run(capsys, "list", "--json")

    # Assert
    assert (code, code_json) == (0, 0)
    assert "reclam new" in err
    assert json.loads(out_json) == []


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


@pytest.mark.parametrize(
    "args",
    [
        ["show", "nothere"],
        ["show", "999-9999999-9999999"],
        ["close", "nothere", "--outcome", "resolved"],
        ["reopen", "nothere"],
        ["delete", "nothere", "--yes"],
    ],
)
def test_unknown_ref_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    # Arrange
    new(capsys)

    # Act
    code, out, err = run(capsys, *args)

    # Assert
    assert code == 1
    assert "reclam list" in one_error_line(err)
    assert out == ""


# -- close, reopen, delete ----------------------------------------------------------------


@pytest.mark.parametrize("outcome", ["resolved", "abandoned"])
def test_close_then_reopen(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, outcome: str
) -> None:
    # Arrange
    saved = new(capsys)
    path = isolated_home / "complaints" / f"{saved['id']}.json"

    # Act
    closed_code, _out, _err = run(capsys, "close", ORDER, "--outcome", outcome)
    closed = json.loads(path.read_text("utf-8"))
    reopened_code, _out, _err = run(capsys, "reopen", saved["id"])
    reopened = json.loads(path.read_text("utf-8"))

    # Assert
    assert closed_code == 0
    assert closed["status"] == outcome
    assert closed["closed_at"] is not None
    assert reopened_code == 0
    assert reopened["status"] == "open"
    assert reopened["closed_at"] is None


def test_close_twice_or_reopen_an_open_complaint_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    saved = new(capsys)

    # Act
    reopen_open, _out, reopen_err = run(capsys, "reopen", saved["id"])
    run(capsys, "close", saved["id"], "--outcome", "resolved")
    close_again, _out, close_err = run(capsys, "close", saved["id"], "--outcome", "abandoned")

    # Assert
    assert reopen_open == 1
    assert "déjà ouverte" in one_error_line(reopen_err)
    assert close_again == 1
    assert "déjà clôturée" in one_error_line(close_err)


@pytest.mark.parametrize("args", [["--outcome", "done"], []])
def test_close_needs_a_valid_outcome(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, args: list[str]
) -> None:
    # Arrange
    saved = new(capsys)
    before = (isolated_home / "complaints" / f"{saved['id']}.json").read_bytes()

    # Act
    code, _out, err = run(capsys, "close", saved["id"], *args)

    # Assert
    assert code == 2
    assert "--outcome" in one_error_line(err)
    assert (isolated_home / "complaints" / f"{saved['id']}.json").read_bytes() == before


def test_delete_yes_removes_the_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    keep = new(capsys, order="222-2222222-2222222")
    gone = new(capsys)

    # Act
    code, out, _err = run(capsys, "delete", gone["id"], "--yes")

    # Assert
    assert code == 0
    assert gone["id"] in out
    assert [p.stem for p in complaint_files(isolated_home)] == [keep["id"]]


def test_delete_without_yes_and_without_terminal_deletes_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    saved = new(capsys)

    # Act
    code, _out, err = run(capsys, "delete", saved["id"])

    # Assert
    assert code == 2
    assert "--yes" in one_error_line(err)
    assert [p.stem for p in complaint_files(isolated_home)] == [saved["id"]]


# -- global options, help, version --------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys, "--version")

    # Assert
    assert code == 0
    assert out.strip() == f"reclam {__version__}"


COMMANDS = sorted(typer.main.get_command(commands.app).commands)  # every command, as registered


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_of_every_command_exits_0(capsys: pytest.CaptureFixture[str], command: str) -> None:
    # Act
    code, out, err = run(capsys, *([command] if command else []), "--help")

    # Assert
    assert code == 0
    assert out.startswith("Usage: reclam")
    for option in ("--lang", "--home", "--version"):
        assert option in out
    assert err == ""


def test_every_command_has_a_one_line_description(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys, "--help")

    # Assert
    assert code == 0
    for command in COMMANDS:
        line = next(line for line in out.splitlines() if line.strip().startswith(command + " "))
        assert len(line.split(maxsplit=1)) == 2, f"{command} has no description"


def test_bare_reclam_without_terminal_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    code, out, _err = run(capsys)

    # Assert
    assert code == 0
    assert "Usage: reclam" in out


def test_home_option_chooses_the_data_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path
) -> None:
    # Arrange
    elsewhere = tmp_path / "ailleurs"

    # Act
    code, out, _err = run(capsys, "new", *REQUIRED, "--yes", "--json", "--home", str(elsewhere))

    # Assert
    assert code == 0
    assert (elsewhere / "complaints" / f"{json.loads(out)['id']}.json").exists()
    assert complaint_files(isolated_home) == []


# -- user text is text ---------------------------------------------------------------------

MARKUP = "[red]x[/red] [bold]gras[/bold]"
ESCAPE = "\x1b[31mrouge\x1b[0m\x07"


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


# -- a corrupt file -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["list", "--all"]])
def test_list_warns_about_a_corrupt_file_by_name_and_lists_the_others(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, args: list[str]
) -> None:
    # Arrange
    good = new(capsys, "--item", "Casque")
    corrupt = isolated_home / "complaints" / "zzzzzz.json"
    corrupt.write_bytes(b'{"id": "zzzzzz", "category": ')

    # Act
    code, out, err = run(capsys, *args)

    # Assert
    assert code == 0
    assert good["id"] in out
    warnings = [line for line in err.splitlines() if "zzzzzz.json" in line]
    assert len(warnings) == 1
    assert corrupt.read_bytes() == b'{"id": "zzzzzz", "category": '
    if "--json" in args:
        assert [c["id"] for c in json.loads(out)] == [good["id"]]


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


def test_close_of_a_corrupt_file_never_overwrites_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    new(capsys)
    corrupt = isolated_home / "complaints" / "zzzzzz.json"
    corrupt.write_bytes(b"not json")

    # Act
    code, _out, _err = run(capsys, "close", "zzzzzz", "--outcome", "resolved")

    # Assert
    assert code == 1
    assert corrupt.read_bytes() == b"not json"
