"""`reclam config`: the saved language (save, show, unset), bad values, an unreadable file,
and the saved language taking its place in the choice."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from amazon_reclamation import i18n
from helpers import one_error_line, run


def config_file(home: Path) -> Path:
    return home / "config.json"


def test_config_lang_saves_the_language_owner_only(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Act
    code, _out, err = run(capsys, "config", "lang", "nl")

    # Assert
    assert code == 0, err
    assert json.loads(config_file(isolated_home).read_text(encoding="utf-8")) == {"lang": "nl"}
    assert stat.S_IMODE(config_file(isolated_home).stat().st_mode) == 0o600
    assert stat.S_IMODE(isolated_home.stat().st_mode) == 0o700
    assert str(config_file(isolated_home)) in err


def test_config_shows_the_saved_language_and_why_it_is_used(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    assert run(capsys, "config", "lang", "de")[0] == 0

    # Act
    code, out, _err = run(capsys, "config", "--json")

    # Assert
    assert code == 0
    assert json.loads(out) == {
        "lang": "de",
        "language": "de",
        "source": "saved",
        "file": str(config_file(isolated_home)),
        "file_problem": None,
    }


def test_config_without_a_saved_language_says_none_and_the_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, out, _err = run(capsys, "config")

    # Assert
    assert code == 0
    assert "Langue utilisée : fr (français), par défaut." in out
    assert "Langue enregistrée : aucune." in out


def test_the_locale_is_named_as_the_reason(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("LANG", "de_BE.UTF-8")

    # Act
    code, out, _err = run(capsys, "config", "--json")

    # Assert
    assert code == 0
    assert (json.loads(out)["language"], json.loads(out)["source"]) == ("de", "locale")


def test_unset_forgets_the_language_and_keeps_other_settings(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    isolated_home.mkdir()
    config_file(isolated_home).write_text('{"lang": "en", "later": 1}', encoding="utf-8")

    # Act
    code, _out, err = run(capsys, "config", "lang", "--unset")

    # Assert
    assert code == 0, err
    assert json.loads(config_file(isolated_home).read_text(encoding="utf-8")) == {"later": 1}
    assert run(capsys, "list")[0] == 0
    assert i18n.current_language() == "fr"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["config", "lang", "it"], "« it » n'est pas une langue connue"),
        (["config", "colour", "red"], "réglage inconnu : « colour »"),
        (["config", "lang", "nl", "--unset"], "--unset"),
    ],
    ids=["bad language", "unknown setting", "value and --unset"],
)
def test_a_bad_value_is_exit_2_with_one_line_and_nothing_written(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, argv: list[str], expected: str
) -> None:
    # Act
    code, out, err = run(capsys, *argv)

    # Assert
    assert code == 2
    assert expected in one_error_line(err)
    assert out == ""
    assert not config_file(isolated_home).exists()


def test_an_unreadable_file_is_reported_by_name_ignored_and_never_overwritten(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    isolated_home.mkdir()
    config_file(isolated_home).write_text('{"lang": "nl",', encoding="utf-8")

    # Act
    listed = run(capsys, "list")
    saved = run(capsys, "config", "lang", "de")

    # Assert: reported by name on each run, French used, the file left as it was
    assert listed[0] == 0
    assert str(config_file(isolated_home)) in listed[2]
    assert "JSON non valable" in listed[2]
    assert i18n.current_language() == "fr"
    assert saved[0] == 1
    assert str(config_file(isolated_home)) in saved[2]
    assert config_file(isolated_home).read_text(encoding="utf-8") == '{"lang": "nl",'


def test_a_saved_language_that_is_not_one_is_reported(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    # Arrange
    isolated_home.mkdir()
    config_file(isolated_home).write_text('{"lang": "klingon"}', encoding="utf-8")

    # Act
    code, out, err = run(capsys, "config")

    # Assert
    assert code == 0
    assert "klingon" in err
    assert "illisible" in out


def test_the_saved_language_is_used_and_beaten_by_the_environment_and_the_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("LANG", "en_IE.UTF-8")
    assert run(capsys, "config", "lang", "nl")[0] == 0

    # Act
    languages = []
    for argv, env in ((["list"], ""), (["list"], "de"), (["list", "--lang", "fr"], "de")):
        monkeypatch.setenv("RECLAM_LANG", env)
        assert run(capsys, *argv)[0] == 0
        languages.append(i18n.current_language())

    # Assert
    assert languages == ["nl", "de", "fr"]


def test_home_names_the_folder_whose_saved_language_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    other = tmp_path / "other-home"
    assert run(capsys, "config", "lang", "en", "--home", str(other))[0] == 0

    # Act
    run(capsys, "list", "--home", str(other))
    with_other = i18n.current_language()
    run(capsys, "list")
    without = i18n.current_language()

    # Assert
    assert (with_other, without) == ("en", "fr")


def test_a_settings_file_that_is_a_link_is_neither_followed_nor_replaced(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    # Arrange
    isolated_home.mkdir()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"lang": "nl"}', encoding="utf-8")
    config_file(isolated_home).symlink_to(elsewhere)

    # Act
    listed = run(capsys, "list")
    saved = run(capsys, "config", "lang", "de")

    # Assert
    assert (listed[0], i18n.current_language()) == (0, "fr")
    assert "lien symbolique" in listed[2]
    assert saved[0] == 1
    assert config_file(isolated_home).is_symlink()
    assert elsewhere.read_text(encoding="utf-8") == '{"lang": "nl"}'


@pytest.mark.parametrize("language", ["fr", "nl", "de", "en"])
def test_the_hint_to_save_a_language_gives_the_reader_s_own(
    capsys: pytest.CaptureFixture[str], language: str
) -> None:
    code, out, _err = run(capsys, "--lang", language, "config")
    assert code == 0
    assert f"reclam config lang {language}" in out
