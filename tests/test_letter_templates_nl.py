"""The Dutch letter templates: one per French template, with the same placeholders."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from amazon_reclamation.texts.letters_templates import Templates, template_language

_LETTERS = resources.files("amazon_reclamation.texts").joinpath("templates", "letters")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_FRENCH = sorted(p.name for p in _LETTERS.joinpath("fr").iterdir() if p.name.endswith(".txt"))


def test_dutch_letters_use_the_dutch_templates() -> None:
    assert template_language("nl") == "nl"
    assert Templates("nl").text("salutation") == "Geachte mevrouw, geachte heer,"


@pytest.mark.parametrize("name", _FRENCH)
def test_each_french_template_has_a_dutch_one_with_the_same_placeholders(name: str) -> None:
    french = _LETTERS.joinpath("fr", name).read_text(encoding="utf-8")
    dutch = _LETTERS.joinpath("nl", name).read_text(encoding="utf-8")
    assert sorted(_PLACEHOLDER.findall(dutch)) == sorted(_PLACEHOLDER.findall(french))
    assert dutch.count("\n") == french.count("\n")
    assert dutch.strip()
