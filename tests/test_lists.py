"""Lists joined per language: Babel's format_list, and the one-item case without it."""

from __future__ import annotations

import pytest

from amazon_reclamation import i18n
from amazon_reclamation.texts.lists import join_list


@pytest.mark.parametrize(
    ("language", "items", "expected"),
    [
        ("fr", [], ""),
        ("fr", ["le délai"], "le délai"),
        ("fr", ["a", "b"], "a et b"),
        ("fr", ["a", "b", "c"], "a, b et c"),
        ("nl", ["a", "b", "c"], "a, b en c"),
        ("en", ["a", "b", "c"], "a, b and c"),  # European English: no serial comma
    ],
)
def test_join_list(language: str, items: list[str], expected: str) -> None:
    # Arrange
    i18n.set_language(language)

    # Act / Assert
    assert join_list(items) == expected


def test_join_list_or() -> None:
    assert join_list(["CEC Belgique", "le médiateur"], "or") == "CEC Belgique ou le médiateur"
