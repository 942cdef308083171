"""Which language a run speaks: `--lang` > RECLAM_LANG > the saved preference > the locale
> French, and the catalogues that make each language available."""

from __future__ import annotations

import pytest

from amazon_reclamation import i18n, ids
from amazon_reclamation.i18n import Choice, choose_language


@pytest.mark.parametrize(
    ("option", "env", "saved", "lang_var", "expected"),
    [
        ("en", "de", "nl", "fr_BE.UTF-8", Choice("en", "option")),
        (None, "de", "nl", "fr_BE.UTF-8", Choice("de", "env", "RECLAM_LANG=de")),
        (None, "", "nl", "de_BE.UTF-8", Choice("nl", "saved")),
        (None, "", None, "de_DE.UTF-8", Choice("de", "locale", "LANG=de_DE.UTF-8")),
        (None, "", None, "nl_BE.UTF-8", Choice("nl", "locale", "LANG=nl_BE.UTF-8")),
        (None, "", None, "en_GB.UTF-8", Choice("en", "locale", "LANG=en_GB.UTF-8")),
        (None, "", None, "fr_BE.UTF-8", Choice("fr", "locale", "LANG=fr_BE.UTF-8")),
        (None, "", None, "it_IT.UTF-8", Choice("fr", "default")),
        (None, "", None, "C.UTF-8", Choice("fr", "default")),
        (None, "xx", "yy", "", Choice("fr", "default")),  # unknown values are skipped
    ],
    ids=[
        "option beats all",
        "env beats saved",
        "saved beats locale",
        "locale de",
        "locale nl",
        "locale en",
        "locale fr",
        "locale unknown",
        "C locale",
        "nothing usable",
    ],
)
def test_the_language_choice_table(
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    env: str,
    saved: str | None,
    lang_var: str,
    expected: Choice,
) -> None:
    # Arrange
    monkeypatch.setenv("RECLAM_LANG", env)
    monkeypatch.setenv("LANG", lang_var)

    # Act / Assert
    assert choose_language(option, saved) == expected


def test_lc_all_comes_before_lc_messages_and_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    monkeypatch.setenv("LC_ALL", "de_BE.UTF-8")
    monkeypatch.setenv("LC_MESSAGES", "nl_BE.UTF-8")
    monkeypatch.setenv("LANG", "en_IE.UTF-8")

    # Act / Assert
    assert choose_language() == Choice("de", "locale", "LC_ALL=de_BE.UTF-8")


def test_lc_all_c_means_no_language_even_with_lang_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert choose_language() == Choice("fr", "default")


def test_the_four_languages_are_the_ids_and_each_has_its_catalogue() -> None:
    assert i18n.LANGUAGES == ids.LANGUAGES == ("fr", "nl", "de", "en")
    assert all(i18n.has_catalogue(language) for language in i18n.LANGUAGES)
    assert i18n.babel_locale("de") == "de_BE"


def test_a_missing_catalogue_is_an_error_not_a_silent_french(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    # Arrange: a package without its compiled catalogues
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)

    # Act / Assert
    with pytest.raises(FileNotFoundError, match="reclam.mo"):
        i18n.set_language("nl")
    assert i18n.current_language() == "fr"


def test_lang_is_read_whatever_its_case(capsys: pytest.CaptureFixture[str]) -> None:
    from helpers import run

    code, _out, err = run(capsys, "list", "--lang", "DE")
    assert (code, i18n.current_language()) == (0, "de"), err
