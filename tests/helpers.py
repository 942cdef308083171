"""Shared by the command-line tests: run reclam in-process, and the JSON contract."""

from __future__ import annotations

import pytest

from amazon_reclamation import cli

# The complaint fields PRODUCT.md pins for `new --json`, `show --json` and `list --json`.
CONTRACT_FIELDS = frozenset({
    "id", "schema_version", "created_at", "status", "category", "order_number",
    "order_date", "delivery_date", "expected_delivery_date", "item", "amount", "currency",
    "seller", "customer_name", "description", "desired_resolution", "contacts",
})  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`reclam ARGS` in-process: exit code, stdout, stderr."""
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
