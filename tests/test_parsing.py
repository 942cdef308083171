"""What a person types: order numbers, dates, amounts, countries and free text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.parsing import (
    clean_text,
    looks_like_order_number,
    parse_amount,
    parse_country,
    parse_date,
    parse_order_number,
    parse_past_date,
    parse_text,
)

TODAY = date(2026, 11, 20)
ASCII_ORDER = re.compile(r"^([0-9]{3}|D[0-9]{2})-[0-9]{7}-[0-9]{7}$")


# -- order numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("123-1234567-1234567", "123-1234567-1234567"),
        ("405-9876543-2109876", "405-9876543-2109876"),
        ("12312345671234567", "123-1234567-1234567"),
        ("  123-1234567-1234567  ", "123-1234567-1234567"),
        ("\t12312345671234567\n", "123-1234567-1234567"),
        ("123 1234567 1234567", "123-1234567-1234567"),
        ("D01-1234567-1234567", "D01-1234567-1234567"),
        ("d01-1234567-1234567", "D01-1234567-1234567"),
    ],
)
def test_order_number_accepted_and_normalised(typed: str, expected: str) -> None:
    # Act
    result = parse_order_number(typed)

    # Assert
    assert result == expected
    assert looks_like_order_number(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "123",
        "123-123456-1234567",  # 3-6-7
        "123-1234567-123456",  # 3-7-6
        "1234-1234567-1234567",  # 4-7-7
        "1231234567123456",  # 16 bare digits
        "123123456712345678",  # 18 bare digits
        "12a-1234567-1234567",
        "ABC-1234567-1234567",
        "123_1234567_1234567",
        "123-1234567-1234567-1",
        "TBA123456789012",  # an Amazon Logistics tracking number
        "TBA301234567890",
        "1Z999AA10123456784",  # a UPS tracking number
        "D0112345671234567",  # the digital form has no bare variant
        "D1-1234567-1234567",
        "#123-1234567-1234567",
    ],
)
def test_order_number_refused_with_the_expected_form(typed: str) -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_order_number(typed)

    # Assert
    assert "123-1234567-1234567" in caught.value.message
    assert "\n" not in caught.value.message
    assert not looks_like_order_number(typed)


def test_order_number_error_shows_the_typed_text_without_escapes() -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_order_number("\x1b[31mTBA123")

    # Assert
    assert "\x1b" not in caught.value.message
    assert "TBA123" in caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "１２３-１２３４５６７-１２３４５６７",  # full-width digits (Japanese keyboards)
        "١٢٣-١٢٣٤٥٦٧-١٢٣٤٥٦٧",  # Arabic-Indic digits
        "１２３１２３４５６７１２３４５６７",
    ],
)
def test_order_number_with_non_ascii_digits_is_normalised_or_refused(typed: str) -> None:
    """A stored order number is always ASCII, or `show 123-...` could never find it."""
    # Act
    try:
        result = parse_order_number(typed)
    except InvalidInput:
        return

    # Assert
    assert result == "123-1234567-1234567"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_any_17_digits_normalise_to_a_3_7_7_form_that_parses_to_itself(digits: str) -> None:
    # Act
    normalised = parse_order_number(digits)

    # Assert
    assert ASCII_ORDER.match(normalised)
    assert normalised.replace("-", "") == digits
    assert parse_order_number(normalised) == normalised


@given(st.text(max_size=40))
def test_parse_order_number_on_arbitrary_text_returns_ascii_3_7_7_or_refuses(text: str) -> None:
    # Act
    try:
        result = parse_order_number(text)
    except InvalidInput:
        return

    # Assert
    assert ASCII_ORDER.match(result)


# -- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("05/11/2026", date(2026, 11, 5)),
        ("5/11/2026", date(2026, 11, 5)),
        ("5/1/2026", date(2026, 1, 5)),
        ("05.11.2026", date(2026, 11, 5)),
        ("05-11-2026", date(2026, 11, 5)),
        ("  05/11/2026 ", date(2026, 11, 5)),
        ("2026-11-05", date(2026, 11, 5)),
        ("2026-1-5", date(2026, 1, 5)),
        ("20/11/2026", TODAY),  # today itself is not the future
        ("aujourd'hui", TODAY),
        ("Aujourd’hui", TODAY),  # typographic apostrophe
        ("AUJOURD'HUI", TODAY),
        ("hier", TODAY - timedelta(days=1)),
        ("vandaag", TODAY),
        ("gisteren", TODAY - timedelta(days=1)),
        ("today", TODAY),
        ("Yesterday", TODAY - timedelta(days=1)),
        ("heute", TODAY),
        ("Gestern", TODAY - timedelta(days=1)),
        ("vorgestern", TODAY - timedelta(days=2)),
        ("29/02/2024", date(2024, 2, 29)),  # leap year
        ("2024-02-29", date(2024, 2, 29)),
        ("31/12/2025", date(2025, 12, 31)),
    ],
)
def test_past_date_accepted(typed: str, expected: date) -> None:
    # Act
    result = parse_past_date(typed, TODAY)

    # Assert
    assert result == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "abc",
        "demain",
        "29/02/2026",  # 2026 is not a leap year
        "29/02/2100",  # neither is 2100
        "31/04/2026",  # April has 30 days
        "2026-02-30",
        "32/01/2026",
        "00/01/2026",
        "13/13/2026",
        "05/11/26",  # two-digit year
        "2026/11/05",
        "5 novembre 2026",
        "05/11/2026 14:30",
    ],
)
def test_invalid_date_refused_with_the_expected_forms(typed: str) -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_date(typed, TODAY)

    # Assert
    assert "JJ/MM/AAAA" in caught.value.message


@pytest.mark.parametrize("typed", ["21/11/2026", "2026-11-21", "01/01/2027", "31/12/9999"])
def test_future_date_refused_by_parse_past_date(typed: str) -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_past_date(typed, TODAY)

    # Assert
    assert "pas encore passé" in caught.value.message


def test_parse_date_itself_accepts_a_future_date() -> None:
    """An estimated delivery date may lie ahead; only parse_past_date refuses it."""
    # Act
    result = parse_date("25/11/2026", TODAY)

    # Assert
    assert result == date(2026, 11, 25)


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_any_past_date_written_both_ways_parses_back(day: date) -> None:
    # Act
    from_dmy = parse_past_date(day.strftime("%d/%m/%Y"), TODAY)
    from_iso = parse_past_date(day.isoformat(), TODAY)

    # Assert
    assert from_dmy == day
    assert from_iso == day


# -- amounts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12,99", "12.99"),
        ("12.99", "12.99"),
        ("12,99 €", "12.99"),
        ("12,99€", "12.99"),
        ("€ 12,99", "12.99"),
        ("€12.99", "12.99"),
        ("12,99 EUR", "12.99"),
        ("EUR 12,99", "12.99"),
        ("12,99 euros", "12.99"),
        ("  12,99  ", "12.99"),
        ("12", "12.00"),
        ("12,5", "12.50"),
        ("0,01", "0.01"),
        ("1.234,56", "1234.56"),  # Belgian: dot for thousands, comma for decimals
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56 €", "1234.56"),  # no-break space, as copied from a web page
        ("1,234.56", "1234.56"),  # English habit
        ("1.234,00", "1234.00"),  # Belgian thousands, with the decimals
        ("1 234", "1234.00"),
        ("999.999,99", "999999.99"),
        ("1000000", "1000000.00"),
    ],
)
def test_amount_accepted(typed: str, expected: str) -> None:
    # Act
    result = parse_amount(typed)

    # Assert
    assert result == Decimal(expected)
    assert result.as_tuple().exponent == -2  # always stored with cents


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "€",
        "abc",
        "douze",
        "0",
        "0,00",
        "-5",
        "-12,99",
        "+12,99",
        "12.",
        ",99",
        "12,99,99",
        "1.2.3",
        "1e5",
        "NaN",
        "Infinity",
        "12,99 $",
        "1000000,01",  # above the sanity ceiling
    ],
)
def test_amount_refused(typed: str) -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_amount(typed)

    # Assert
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "12,999",  # three decimals after the Belgian decimal comma, not 12 999 €
        "1,234",  # ambiguous: 1,234 € or 1 234 €? ask again rather than guess
        "0,001",  # a fraction of a cent, not 1 €
        "0.001",  # "0" is not a group of thousands
        "12 99",  # a typo for 12,99, not 1 299 €
        "49.999",  # 49 999 € or 49,999 €?
        "1.234",
    ],
)
def test_ambiguous_or_over_precise_amount_is_refused_not_guessed(typed: str) -> None:
    """Amounts have at most 2 decimals; the comma is the Belgian decimal separator."""
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_amount(typed)

    # Assert
    assert "12,99" in caught.value.message  # shows the expected form


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("49.999", ("49\u202f999 €", "49,999 €", "Écrivez 49999")),
        ("1.234", ("1\u202f234 €", "1,234 €", "Écrivez 1234")),
        ("12,999", ("12\u202f999 €", "12,999 €", "Écrivez 12999")),
        ("1,234 €", ("1\u202f234 €", "1,234 €", "Écrivez 1234")),
    ],
)
def test_one_separator_then_three_digits_shows_both_readings(  # grouped as Babel groups
    typed: str, readings: tuple[str, ...]
) -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_amount(typed)

    # Assert
    assert "ambigu" in caught.value.message
    for reading in readings:
        assert reading in caught.value.message


@pytest.mark.parametrize("typed", ["0", "0,00"])
def test_zero_amount_message_says_it_must_be_positive(typed: str) -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_amount(typed)

    # Assert
    assert "positif" in caught.value.message


@pytest.mark.parametrize("typed", ["2000000", "1.234.567,89"])
def test_too_large_amount_is_not_called_negative(typed: str) -> None:
    """A huge amount is refused, but telling the user it is not positive is wrong."""
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_amount(typed)

    # Assert
    assert "positif" not in caught.value.message


@given(st.one_of(st.text(), st.text(alphabet="0123456789,. €-eEuro\u00a0")))
@example("1" * 30)  # 30 digits: beyond decimal's default 28-digit precision
@example("9" * 40 + ",5")
@example("1" * 27 + ".000")
def test_parse_amount_never_raises_anything_but_invalid_input(text: str) -> None:
    # Act
    try:
        result = parse_amount(text)
    except InvalidInput:
        return

    # Assert
    assert Decimal("0") < result <= Decimal("1000000")
    assert result == result.quantize(Decimal("0.01"))


@given(st.integers(min_value=1, max_value=100_000_000))
def test_any_amount_in_cents_written_the_belgian_or_english_way_parses_back(cents: int) -> None:
    # Arrange
    value = Decimal(cents) / 100
    whole, decimals = f"{value:.2f}".split(".")
    grouped = f"{int(whole):,}"

    # Act
    written = {
        "plain comma": parse_amount(f"{whole},{decimals}"),
        "plain dot": parse_amount(f"{whole}.{decimals}"),
        "belgian": parse_amount(grouped.replace(",", ".") + f",{decimals} €"),
        "spaces": parse_amount(grouped.replace(",", " ") + f",{decimals}"),
        "english": parse_amount(f"€{grouped}.{decimals}"),
    }

    # Assert
    assert set(written.values()) == {value}


# -- countries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("BE", "BE"),
        ("be", "BE"),
        (" fr ", "FR"),
        ("DE", "DE"),
        ("NL", "NL"),
        ("LU", "LU"),
        ("CN", "CN"),
        ("uk", "GB"),
        ("GB", "GB"),
        ("Belgique", "BE"),
        ("België", "BE"),
        ("belgie", "BE"),
        ("Belgium", "BE"),
        ("Belgien", "BE"),
        ("France", "FR"),
        ("Frankrijk", "FR"),
        ("Chine", "CN"),
        ("china", "CN"),
        ("Duitsland", "DE"),
        ("Deutschland", "DE"),
        ("Germany", "DE"),
        ("ALLEMAGNE", "DE"),
        ("Luxembourg", "LU"),
        ("Nederland", "NL"),
        ("Pays-Bas", "NL"),
        ("pays bas", "NL"),
        ("Netherlands", "NL"),
        ("Royaume-Uni", "GB"),
        ("Verenigd Koninkrijk", "GB"),
        ("Etats-Unis", "US"),
    ],
)
def test_country_accepted(typed: str, expected: str) -> None:
    # Act
    result = parse_country(typed)

    # Assert
    assert result == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "B",
        "XX",
        "BEL",
        "Belgiqu",
        "Europe",
        "Union européenne",
        "12",
        "150",
        "B1",
        "ZZ",
        "UN",
        "EZ",
    ],
)
def test_country_refused(typed: str) -> None:
    """ZZ (unknown region), UN and EZ (eurozone) are CLDR regions, not countries."""
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_country(typed)

    # Assert
    assert "BE" in caught.value.message


# -- free text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("\x1b[31mrouge\x1b[0m", "[31mrouge[0m"),  # ESC gone: nothing can be interpreted
        ("ligne 1\nligne 2", "ligne 1\nligne 2"),
        ("ligne 1\r\nligne 2\rligne 3", "ligne 1\nligne 2\nligne 3"),
        ("a\tb", "a\tb"),
        ("  bip\x07  ", "bip"),
        ("abc\u202edef", "abcdef"),  # right-to-left override
        ("nul\x00l", "null"),
        ("\x9b31mcsi", "31mcsi"),  # 8-bit CSI
        ("Élodie — 12,99 € 日本", "Élodie — 12,99 € 日本"),
        ("[red]x[/red]", "[red]x[/red]"),  # markup is text, left as typed
    ],
)
def test_clean_text(typed: str, expected: str) -> None:
    # Act
    result = clean_text(typed)

    # Assert
    assert result == expected


@given(st.text())
def test_clean_text_leaves_no_control_character_but_newline_and_tab(text: str) -> None:
    # Act
    result = clean_text(text)

    # Assert
    assert all(char in "\n\t" or unicodedata.category(char)[0] != "C" for char in result)
    assert clean_text(result) == result


@pytest.mark.parametrize(("typed", "expected"), [("", None), ("  \n ", None), (" x ", "x")])
def test_parse_text_empty_gives_none(typed: str, expected: str | None) -> None:
    # Act
    result = parse_text(typed)

    # Assert
    assert result == expected


def test_parse_text_too_long_is_refused() -> None:
    # Act
    with pytest.raises(InvalidInput) as caught:
        parse_text("x" * 301, max_length=300)

    # Assert
    assert "300" in caught.value.message


@pytest.mark.parametrize(
    ("lang", "text"), [("fr", "49\u202f999"), ("nl", "49.999"), ("en", "49,999")]
)
def test_thousands_are_grouped_as_each_language_groups_them(lang: str, text: str) -> None:
    from amazon_reclamation import fmt, i18n

    i18n.set_language(lang)
    assert fmt.grouped(49999) == text
