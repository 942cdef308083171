"""Dates and amounts per language: Belgian usage in French, Dutch and German, and English
as written in Europe (Ireland)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from amazon_reclamation import fmt, i18n


@pytest.mark.parametrize(
    ("language", "amount", "first", "later"),
    [
        ("fr", "12,99\xa0€", "1er novembre 2026", "25 novembre 2026"),
        ("nl", "12,99\xa0€", "1 november 2026", "25 november 2026"),
        ("de", "12,99\xa0€", "1. November 2026", "25. November 2026"),
        ("en", "€12.99", "1 November 2026", "25 November 2026"),
    ],
)
def test_amounts_and_long_dates_per_language(
    language: str, amount: str, first: str, later: str
) -> None:
    # Act
    with i18n.in_language(language):
        shown = (
            fmt.money(Decimal("12.99")),
            fmt.long_date(date(2026, 11, 1)),
            fmt.long_date(date(2026, 11, 25)),
            fmt.short_date(date(2026, 11, 25)),
        )

    # Assert
    assert shown == (amount, first, later, "25/11/2026")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "1\u202f234,50\xa0€"), ("nl", "1.234,50\xa0€"), ("de", "1.234,50\xa0€")],
)
def test_thousands_as_each_belgian_language_writes_them(language: str, expected: str) -> None:
    with i18n.in_language(language):
        assert fmt.money(Decimal("1234.5")) == expected


def test_in_language_restores_the_interface_language() -> None:
    # Act
    with i18n.in_language("de"):
        inside = i18n.current_language()

    # Assert
    assert (inside, i18n.current_language()) == ("de", "fr")


@pytest.mark.parametrize("language", sorted(i18n.BABEL_LOCALES))
def test_amounts_numbers_and_long_dates_written_without_babel_are_what_babel_writes(
    language: str,
) -> None:
    # Arrange: fmt keeps its own table of month names and number marks; Babel is the reference
    from babel.dates import format_date
    from babel.numbers import format_currency, format_decimal

    locale = i18n.BABEL_LOCALES[language]
    pattern = fmt._AMOUNT_PATTERNS.get(language)
    amounts = [
        Decimal(text)
        for text in (
            "0.01", "0.005", "0.015", "-0.004", "0", "-0.001", "1", "12.5", "49.99", "999.995",
            "1000", "-1234.565", "12345.675", "1234567.125", "-9999999.99", "0.125",
        )
    ]  # fmt: skip
    days = [date(2026, month, day) for month in range(1, 13) for day in (1, 2, 9, 10, 28)]

    whole = [0, 7, 999, 1000, -1000, 5000, 12345, 1234567, -98765432]

    # Act
    with i18n.in_language(language):
        ours = [fmt.money(a) for a in amounts], [fmt.long_date(d) for d in days]
        numbers = [fmt.grouped(n) for n in whole]

    # Assert
    expected_dates = [str(format_date(d, format="long", locale=locale)) for d in days]
    if language == "fr":
        expected_dates = [
            "1er" + t[1:] if d.day == 1 else t for d, t in zip(days, expected_dates, strict=True)
        ]
    assert ours == (
        [str(format_currency(a, "EUR", format=pattern, locale=locale)) for a in amounts],
        expected_dates,
    )
    assert numbers == [str(format_decimal(n, locale=locale)) for n in whole]


@pytest.mark.parametrize("language", sorted(i18n.BABEL_LOCALES))
def test_the_country_names_kept_in_reclam_are_babel_s(language: str) -> None:
    # Arrange
    from babel import Locale

    from amazon_reclamation.texts.country_names import COUNTRY_NAMES
    from amazon_reclamation.texts.escalation_format import country

    territories = Locale.parse(i18n.BABEL_LOCALES[language]).territories

    # Act
    with i18n.in_language(language):
        kept = {code: country(code) for code in COUNTRY_NAMES[language]}
        elsewhere = country("BR")  # not kept: Babel names it

    # Assert
    assert set(COUNTRY_NAMES) == set(i18n.BABEL_LOCALES)
    assert COUNTRY_NAMES[language] == {code: territories[code] for code in COUNTRY_NAMES[language]}
    assert all(kept[code].startswith(COUNTRY_NAMES[language][code] + " (") for code in kept)
    assert elsewhere.startswith(territories["BR"] + " (")


@pytest.mark.parametrize("language", sorted(i18n.BABEL_LOCALES))
def test_lists_joined_without_babel_are_what_babel_joins(language: str) -> None:
    # Arrange
    from babel.lists import format_list

    from amazon_reclamation.texts.lists import join_list

    lists = [["a"], ["a", "b"], ["a", "b", "c"], ["un, deux", "trois", "quatre", "cinq"]]

    # Act
    with i18n.in_language(language):
        ours = [join_list(items) for items in lists]

    # Assert
    locale = i18n.BABEL_LOCALES[language]
    assert ours == [format_list(items, locale=locale) for items in lists]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "1\u202f121 jours"), ("nl", "1.121 dagen"), ("de", "1.121 Tage"), ("en", "1,121 days")],
)
def test_a_count_of_days_groups_its_thousands_as_the_language_does(
    language: str, expected: str
) -> None:
    from amazon_reclamation.i18n import in_language

    with in_language(language):
        assert fmt.days(1121) == expected
