"""No account, no network: a whole session of reclam never opens a socket."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from helpers import run


def test_a_whole_session_never_opens_a_socket(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Arrange: every way to open or use a socket is recorded and refused
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"reclam must not use the network ({name})")

        return refused

    real_socket = socket.socket
    for method in ("connect", "connect_ex", "bind", "sendto", "sendall", "send"):
        monkeypatch.setattr(real_socket, method, refuse(f"socket.{method}"))
    monkeypatch.setattr(socket, "socket", refuse("socket.socket"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "create_server", refuse("socket.create_server"))
    monkeypatch.setattr(socket, "socketpair", refuse("socket.socketpair"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("socket.gethostbyname"))
    out_file = tmp_path / "lettre.md"

    # Act
    created = run(
        capsys, "new", "--category", "damaged", "--order", "123-1234567-1234567",
        "--order-date", "01/11/2026", "--delivery-date", "05/11/2026",
        "--damage-timing", "on_arrival", "--item", "Casque", "--amount", "59,99",
        "--seller", "marketplace", "--seller-name", "Vendeur", "--seller-country", "DE",
        "--name", "Jan Peeters", "--description", "Arrivé cassé", "--resolution", "refund",
        "--photos", "--yes", "--json",
    )  # fmt: skip
    cid = json.loads(created[1])["id"]
    session = [
        run(capsys, "log", cid, "--channel", "phone", "--agent", "Marie", "--reference",
            "CS-1", "--summary", "Remboursement promis", "--outcome", "promise",
            "--promise", "remboursement", "--follow-up", "25/11/2026"),
        run(capsys, "escalate", cid),
        run(capsys, "escalate", cid, "--json"),
        run(capsys, "letter", cid),
        run(capsys, "letter", cid, "--markdown", "--out", str(out_file)),
        run(capsys, "show", cid),
        run(capsys, "show", cid, "--json"),
        run(capsys, "list"),
        run(capsys, "list", "--json"),
        run(capsys, "due"),
        run(capsys, "due", "--json"),
        run(capsys, "rights", cid),
        run(capsys, "close", cid, "--outcome", "resolved"),
        run(capsys, "reopen", cid),
    ]  # fmt: skip

    # Assert
    assert created[0] == 0, created[2]
    assert [code for code, _out, _err in session] == [0] * len(session), [
        err for _code, _out, err in session
    ]
    assert out_file.is_file()
    assert attempts == []
