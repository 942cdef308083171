"""Shared fixtures: every test gets its own data folder, a pinned today and plain output.

Layout: tests/cli/ has one file per command module of `amazon_reclamation.cli.commands`
(plus global options and exits); the other files test a module each. There is no
`__init__.py`: pytest puts this folder on sys.path (for `helpers`, `factories`) and imports
each test file by its name, so a file name must not repeat across tests/, tests/cli/ and
tests/reliability/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from amazon_reclamation import i18n

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test touches a real home: RECLAM_HOME, today and the terminal are pinned."""
    home = tmp_path / "reclam-home"
    monkeypatch.setenv("RECLAM_HOME", str(home))
    monkeypatch.setenv("RECLAM_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("RECLAM_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    i18n.set_language("fr")
    from amazon_reclamation.ui import render

    render.out.cache_clear()
    render.err.cache_clear()
    yield home
    render.out.cache_clear()
    render.err.cache_clear()
    i18n.set_language("fr")


@pytest.fixture(autouse=True)
def plain_french_spaces(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """In-process tests read French with ordinary spaces before ; : ? ! and inside « ».

    The non-breaking spaces are typography, tested on their own (`test_typography.py`) and
    in the snapshots (marked `typography`, so that they hold the exact bytes a user gets);
    elsewhere they would make every expected sentence unreadable. Subprocess tests (pty,
    reliability) see the real output.
    """
    from amazon_reclamation.texts import letters_templates

    letters_templates._read.cache_clear()  # cached per language: typography on or off
    if not request.node.get_closest_marker("typography"):
        monkeypatch.setattr(i18n, "french_spacing", _same)
        monkeypatch.setattr(letters_templates, "french_spacing", _same)
    yield
    if hasattr(letters_templates._read, "cache_clear"):  # a test may have replaced it
        letters_templates._read.cache_clear()


def _same(text: str) -> str:
    return text
