"""Any text in any free-text option of `new` and `log`: control characters, terminal
escapes, Rich markup, NUL, bidi marks, megabytes. Either a clean refusal (exit 2, one
line, nothing written) or the text is stored cleaned as documented
(`parsing.clean_text`), given back exactly by `show --json`, and shown as plain text."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reliability_support import (
    ORDER,
    assert_one_error_line,
    complaint_data,
    snapshot,
    temp_files,
    write_record,
)

from amazon_reclamation.parsing import clean_text
from amazon_reclamation.ui import render
from helpers import run

# Generated inputs per test function; two functions (`new`, `log`): 2 x 150 = 300 inputs
# per run, in about 15 s on 2 cores. Derandomized: every run tries the same inputs.
EXAMPLES_PER_TEST = 150
FUZZ = settings(
    max_examples=EXAMPLES_PER_TEST,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text this short must always be accepted: no option may refuse a name or a reference.
ALWAYS_ACCEPTED = 300

PIECES = [
    "\x1b[31m", "\x1b]0;pwned\x07", "\x1b[2J", "\x1b]8;;https://evil.example\x1b\\", "\x07",
    "\x00", "\x7f", "\x9b", "\x85", "\r", "\r\n", "\n", "\t", " ", "\u202e", "\u202d", "\u200f",
    "\u2066", "\u2069", "\u061c", "\ufeff", "\u200b", "\u2028", "\ud800", "\udfff", "\ue000",
    "[bold red]x[/]", "[link=https://evil.example]clic[/link]", "[/]", "[", "]", ":warning:",
    "\\[b]", "é", "東京", "🎧", "Ω", "--yes", "-", "=", "{", "}", '"', "\\", "%s", "{id}",
]  # fmt: skip
MEGABYTES = [
    "x" * 1_000_000,  # too long: refused
    "\x00" * 1_000_000 + "court",  # only controls around a short text: stored as "court"
    "[bold]" * 170_000,  # markup, too long
    "\x1b" * 500_000 + "é" * 10,
]
TEXTS = st.one_of(
    st.text(),  # any code point: controls, surrogates, unassigned ones included
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=12).map("".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join),
    st.sampled_from(MEGABYTES),
)

# option -> (other options that make it apply, where the value is stored)
NEW_TEXT_OPTIONS: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "--item": (["--category", "late"], ("item",)),
    "--name": (["--category", "late"], ("customer_name",)),
    "--description": (["--category", "late"], ("description",)),
    "--seller-name": (["--category", "late", "--seller", "marketplace"], ("seller", "name")),
    "--tracking-status": (["--category", "late"], ("facts", "tracking_status")),
    "--return-tracking": (
        ["--category", "refund", "--return-kind", "returned"],
        ("facts", "return_tracking"),
    ),
}
LOG_TEXT_OPTIONS: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "--agent": (["--outcome", "pending"], ("agent",)),
    "--reference": (["--outcome", "pending"], ("reference",)),
    "--summary": (["--outcome", "pending"], ("summary",)),
    "--promise": (["--outcome", "promise", "--follow-up", "30/11/2026"], ("promise",)),
}
REQUIRED = {"--promise"}  # an empty answer is refused, not stored as None
CID = "fzzz22"


def dig(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


# Whitespace (`\s` is exactly `str.isspace()` in a str pattern) and box-drawing characters.
UNSHOWN = re.compile(r"[\s\u2500-\u257f]+")


def squash(text: str) -> str:
    """Text without whitespace and box lines: wrapping, indentation and the borders of a
    panel around a multi-line value do not matter."""
    return UNSHOWN.sub("", text)  # `show` in 2000 columns is long: no loop in Python


def assert_plain_terminal_text(text: str) -> None:
    """No control, format (bidi), surrogate or private character reaches the terminal."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return  # no character of category C at all (checked in C; the common case)
    bad = {f"U+{ord(c):04X}" for c in text if c not in "\n\t" and unicodedata.category(c)[0] == "C"}
    assert sorted(bad) == []


@pytest.fixture
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide terminal, so that a 300-character value is shown on one line."""
    monkeypatch.setenv("COLUMNS", "2000")
    render.out.cache_clear()
    render.err.cache_clear()


MARKER = "Zqxw" * 75  # a plain 300-character value, to count where a field is shown


def run_new(
    capsys: pytest.CaptureFixture[str], home: Path, option: str, value: str
) -> tuple[int, str, str]:
    context, _find = NEW_TEXT_OPTIONS[option]
    return run(
        capsys, "new", "--home", str(home), *context, "--order", ORDER,
        "--order-date", "01/11/2026", f"{option}={value}", "--yes", "--json",
    )  # fmt: skip


def run_log(
    capsys: pytest.CaptureFixture[str], home: Path, option: str, value: str
) -> tuple[int, str, str]:
    context, _find = LOG_TEXT_OPTIONS[option]
    return run(
        capsys, "log", CID, "--home", str(home), "--channel", "phone", *context,
        f"{option}={value}", "--json",
    )  # fmt: skip


def shown_text(capsys: pytest.CaptureFixture[str], home: Path, complaint_id: str) -> str:
    code, out, err = run(capsys, "show", complaint_id, "--home", str(home))
    assert code == 0, err
    assert_plain_terminal_text(out + err)
    return squash(out)


def check_outcome(
    capsys: pytest.CaptureFixture[str],
    home: Path,
    option: str,
    value: str,
    result: tuple[int, str, str],
    before: dict[str, Any],
    complaint_id: str | None,
    displays: int,
) -> None:
    """The property, once the command ran: a clean refusal or the cleaned text stored."""
    code, out, err = result
    cleaned = clean_text(value)
    expected = cleaned or None
    event(f"exit {code}")  # --hypothesis-show-statistics shows the mix
    if len(value) > ALWAYS_ACCEPTED:
        event("long input")
    if len(value) >= 1_000_000:
        event("megabyte input")
    if cleaned != value.strip():
        event("cleaned")
    if "[" in cleaned and "]" in cleaned:
        event("markup-like")
    if code == 2:
        assert_one_error_line(err)
        assert snapshot(home) == before  # nothing written
        assert temp_files(home) == []
        assert len(cleaned) > ALWAYS_ACCEPTED or (option in REQUIRED and not cleaned), (
            option,
            err,
        )
        return
    assert code == 0, (option, err)
    saved = json.loads(out)
    complaint_id = complaint_id or saved["id"]
    on_disk = json.loads((home / "complaints" / f"{complaint_id}.json").read_text("utf-8"))
    shown_code, shown_json, _err = run(capsys, "show", complaint_id, "--home", str(home), "--json")
    assert shown_code == 0
    given_back = json.loads(shown_json)
    if option in LOG_TEXT_OPTIONS:  # a contact: `log --json` prints it
        key = LOG_TEXT_OPTIONS[option][1][0]
        stored = on_disk["contacts"][-1][key]
        assert saved[key] == expected
        assert given_back["contacts"][-1][key] == stored
    else:
        find = NEW_TEXT_OPTIONS[option][1]
        stored = dig(on_disk, find)
        assert dig(saved, find) == expected
        assert dig(given_back, find) == stored
    assert stored == expected

    shown = shown_text(capsys, home, complaint_id)
    if expected is not None and len(cleaned) <= ALWAYS_ACCEPTED:
        # Shown as typed (markup included, literally) wherever a plain value is shown,
        # whatever the wrapping.
        assert shown.count(squash(cleaned)) >= displays


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """A data folder with one open complaint, copied for each input."""
    folder = tmp_path / "template"
    write_record(folder, CID, complaint_data(CID))
    return folder


def fresh_home(tmp_path: Path, template: Path | None = None) -> Path:
    home = Path(tempfile.mkdtemp(dir=tmp_path)) / "home"
    if template is None:
        home.mkdir()
    else:
        shutil.copytree(template, home)
    return home


@pytest.fixture
def new_displays(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, wide_terminal: None
) -> dict[str, int]:
    """How many times `show` prints a plain value given to each option of `new`."""
    counts = {}
    for option in NEW_TEXT_OPTIONS:
        home = fresh_home(tmp_path)
        code, out, err = run_new(capsys, home, option, MARKER)
        assert code == 0, err
        counts[option] = shown_text(capsys, home, json.loads(out)["id"]).count(MARKER)
        assert counts[option] >= 1, option
    return counts


@pytest.fixture
def log_displays(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, template: Path, wide_terminal: None
) -> dict[str, int]:
    """How many times `show` prints a plain value given to each option of `log`."""
    counts = {}
    for option in LOG_TEXT_OPTIONS:
        home = fresh_home(tmp_path, template)
        code, _out, err = run_log(capsys, home, option, MARKER)
        assert code == 0, err
        counts[option] = shown_text(capsys, home, CID).count(MARKER)
        assert counts[option] >= 1, option
    return counts


@FUZZ
@given(option=st.sampled_from(sorted(NEW_TEXT_OPTIONS)), value=TEXTS)
def test_any_text_in_a_new_option_is_refused_cleanly_or_stored_cleaned(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    new_displays: dict[str, int],
    option: str,
    value: str,
) -> None:
    # Arrange: a fresh data folder for each input
    home = fresh_home(tmp_path)
    before = snapshot(home)

    # Act
    result = run_new(capsys, home, option, value)

    # Assert
    check_outcome(capsys, home, option, value, result, before, None, new_displays[option])
    shutil.rmtree(home.parent)


@FUZZ
@given(option=st.sampled_from(sorted(LOG_TEXT_OPTIONS)), value=TEXTS)
def test_any_text_in_a_log_option_is_refused_cleanly_or_stored_cleaned(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    template: Path,
    log_displays: dict[str, int],
    option: str,
    value: str,
) -> None:
    # Arrange: a fresh copy of the data folder for each input
    home = fresh_home(tmp_path, template)
    before = snapshot(home)

    # Act
    result = run_log(capsys, home, option, value)

    # Assert
    check_outcome(capsys, home, option, value, result, before, CID, log_displays[option])
    shutil.rmtree(home.parent)
