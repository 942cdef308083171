"""`due --json` writes tens of thousands of objects with a template per row: the very text
`json_out` (Python's indenting encoder, four times slower) writes for the same list."""

from __future__ import annotations

from typing import Any

import pytest

from amazon_reclamation.ui import render

ROWS: list[tuple[Any, ...]] = [
    ("follow_up", "aaaa22", None, 1, True, 0),
    ("fo\u202ellow", "é « ok » \u00a0", "123-1234567-1234567", -3, False, 1.5),
    ('quote " and \\ back', "line\nbreak\ttab \x1b[31m \x85", "%s %(x)s {}", 10**20, None, 2),
    ("", "\U0001f600 \ud800", "", 0, 1, [1, "a\u2066", None]),
    ("x", "y", "z", 2, 0, {"k": ["v", {}], "%": []}),
]
FIELDS = ["type", "complaint_id", 'order "number"', "contact_id", "flag", "value %s"]


def _printed(capsys: pytest.CaptureFixture[str], write: Any) -> str:
    write()
    return capsys.readouterr().out


@pytest.mark.parametrize("count", [0, 1, len(ROWS)])
def test_rows_are_written_as_json_out_writes_them(
    capsys: pytest.CaptureFixture[str], count: int
) -> None:
    # Arrange: strings to escape, controls, bidi marks, a lone surrogate, ints, booleans
    # beside equal ints, a float, nested lists and objects, empty ones, "%" in a field
    rows = ROWS[:count]
    objects = [dict(zip(FIELDS, row, strict=True)) for row in rows]

    # Act
    fast = _printed(capsys, lambda: render.json_array_out(render.json_rows(FIELDS, rows)))
    reference = _printed(capsys, lambda: render.json_out(objects))

    # Assert
    assert fast == reference


def test_objects_without_fields(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    fast = _printed(capsys, lambda: render.json_array_out(render.json_rows([], [(), ()])))
    reference = _printed(capsys, lambda: render.json_out([{}, {}]))

    # Assert
    assert fast == reference
