"""The dashboard's line per complaint: the nearest deadline that still calls for action."""

from __future__ import annotations

from datetime import date

import pytest

from amazon_reclamation.texts.escalation import plan
from amazon_reclamation.ui import render
from factories import TODAY, complaint


def test_the_dashboard_line_skips_a_withdrawal_already_exercised(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: delivered on 10 November and sent back on the 12th: the withdrawal (until
    # the 24th) is used; the refund it calls for is due by 26 November.
    refund = complaint(
        category="refund",
        delivery_date=date(2026, 11, 10),
        facts={"return_kind": "returned", "returned_date": date(2026, 11, 12)},
    )

    # Act
    render.next_actions([(refund, plan(refund, TODAY))])

    # Assert
    line = " ".join(capsys.readouterr().out.split())  # as one line, whatever the width
    assert "Remboursement après rétractation : 26/11/2026" in line
    assert "Droit de rétractation" not in line
