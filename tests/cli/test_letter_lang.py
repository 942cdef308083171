"""`--letter-lang`: the letter and the ready message in the seller's language, the note and
the screens in the user's; stored on the complaint by `new`, the default of `letter` and
`show`, which may override it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import create, one_error_line, run, stored

NEW = [
    "--category", "damaged", "--order", "123-1234567-1234567", "--order-date", "01/11/2026",
    "--delivery-date", "05/11/2026", "--item", "Bouilloire", "--amount", "49,99",
    "--seller", "marketplace", "--seller-name", "Martin", "--seller-country", "FR",
    "--name", "Marie Dupont", "--resolution", "refund", "--damage-timing", "on_arrival",
]  # fmt: skip
NOTE_TITLE = "NOTE POUR VOUS (À NE PAS RECOPIER)"


def parts(out: str) -> tuple[str, str]:
    note, _separator, letter = out.partition("-" * 60)
    return note, letter


def test_letter_lang_writes_the_letter_from_that_language_with_the_note_in_the_user_s(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    complaint_id = create(capsys, *NEW)

    # Act
    code, out, err = run(capsys, "letter", complaint_id, "--letter-lang", "nl")

    # Assert
    assert code == 0, err
    note, letter = parts(out)
    assert NOTE_TITLE in note and "Betreft" not in note
    assert "Betreft: ingebrekestelling" in letter  # the Dutch formal notice
    assert "1 november 2026" in letter  # the order date, written the Dutch way
    assert "1er novembre 2026" not in letter


def test_the_language_chosen_at_creation_is_the_default_and_the_option_overrides_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    complaint_id = create(capsys, *NEW, "--letter-lang", "nl")

    # Act
    by_default = run(capsys, "letter", complaint_id)
    overridden = run(capsys, "letter", complaint_id, "--letter-lang", "fr")

    # Assert
    assert stored(isolated_home, complaint_id)["letter_lang"] == "nl"
    assert "Betreft: ingebrekestelling" in parts(by_default[1])[1]
    assert "Betreft" not in overridden[1]
    assert "1er novembre 2026" in parts(overridden[1])[1]


def test_out_file_holds_the_letter_in_its_language_and_the_note_stays_on_screen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    complaint_id = create(capsys, *NEW)
    target = tmp_path / "brief.txt"

    # Act
    code, _out, err = run(
        capsys, "letter", complaint_id, "--letter-lang", "nl", "--out", str(target)
    )

    # Assert
    assert code == 0, err
    assert "Betreft: ingebrekestelling" in target.read_text(encoding="utf-8")
    assert NOTE_TITLE in err


def test_show_gives_the_ready_message_in_the_complaint_s_language_and_the_card_in_the_user_s(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    complaint_id = create(capsys, *NEW, "--letter-lang", "de")

    # Act
    code, out, _err = run(capsys, "show", complaint_id)
    english = run(capsys, "show", complaint_id, "--letter-lang", "en")[1]

    # Assert: the message's dates and amounts in German, the card's in French
    assert code == 0
    message = out[out.index("Message prêt à copier") :]
    assert "1. November 2026" in message
    assert "Statut : ouverte" in out
    assert "1 November 2026" in english[english.index("Message prêt à copier") :]


def test_new_json_has_the_letter_language_and_none_when_not_chosen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    chosen = run(capsys, "new", *NEW, "--letter-lang", "en", "--yes", "--json")
    other = [*NEW[:3], "123-1234567-7654321", *NEW[4:]]
    left = run(capsys, "new", *other, "--yes", "--json")

    # Assert
    assert json.loads(chosen[1])["letter_lang"] == "en"
    assert json.loads(left[1])["letter_lang"] is None


@pytest.mark.parametrize("command", ["letter", "show"])
def test_an_unknown_letter_language_is_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # Arrange
    complaint_id = create(capsys, *NEW)

    # Act
    code, out, err = run(capsys, command, complaint_id, "--letter-lang", "it")

    # Assert
    assert code == 2
    assert "--letter-lang" in one_error_line(err)
    assert out == ""


def test_new_refuses_an_unknown_letter_language(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, _out, err = run(capsys, "new", *NEW, "--letter-lang", "it", "--yes")
    assert code == 2
    assert "--letter-lang" in one_error_line(err)


def test_the_written_confirmation_after_a_call_is_in_the_complaint_s_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    complaint_id = create(capsys, *NEW, "--letter-lang", "de")

    # Act
    code, out, _err = run(
        capsys, "log", complaint_id, "--channel", "phone", "--outcome", "refused",
        "--at", "10/11/2026",
    )  # fmt: skip

    # Assert: the message's dates in German, the screen's line in French
    assert code == 0
    assert "im Anschluss an unser Telefonat vom 10. November 2026" in out
    assert "Contact n° 1 noté" in out
