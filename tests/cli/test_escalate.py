"""`reclam escalate` (more in tests/test_escalate_cli.py)."""

from __future__ import annotations

import pytest

from helpers import BASE, create, run


def test_escalating_a_closed_complaint_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    cid = create(capsys, "--category", "late", *BASE)
    run(capsys, "close", cid, "--outcome", "resolved")
    code, out, err = run(capsys, "escalate", cid)
    assert (code, out) == (1, "")
    assert f"reclam reopen {cid}" in err
