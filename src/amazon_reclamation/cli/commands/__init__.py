"""Every command of `reclam`, one module each; importing a module registers its commands.

`load()` imports them all, in this order (the order of the root help). The console
script asks only for the module of the command it runs (`load(argv)`: Typer then builds
one command instead of nineteen); anything else (a global option first, an unknown
name, shell completion) loads them all. `commands.app` is the app with every command.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# Each command's name and the module that registers it, in the root help's order: the
# order a complaint goes through them (as in the README), then the data folder's commands.
COMMAND_MODULES = {
    "new": "new",
    "list": "list_",
    "show": "show",
    "log": "log",
    "due": "due",
    "escalate": "escalate",
    "rights": "rights",
    "letter": "letter",
    "attach": "attach",
    "export": "export",
    "calendar": "calendar",
    "close": "close",
    "reopen": "reopen",
    "delete": "delete",
    "backup": "backup",
    "restore": "backup",
    "purge": "backup",
    "config": "config",
}
_GROUP = "dashboard"  # bare `reclam`: the group's own callback, always registered


def load(argv: list[str] | None = None) -> typer.Typer:
    """The app with every command, or with only the one `argv` runs when it names one."""
    name = argv[0] if argv else None
    completing = any(key.startswith("_RECLAM_COMPLETE") for key in os.environ)
    if name in COMMAND_MODULES and not completing:
        modules = [_GROUP, COMMAND_MODULES[name]]
    else:
        modules = [_GROUP, *dict.fromkeys(COMMAND_MODULES.values())]
    for module in modules:
        importlib.import_module(f"{__name__}.{module}")
    from amazon_reclamation.cli.app import app, registry

    # A module imported on its own earlier (a test, a lazy run) registered out of turn.
    order = {command: index for index, command in enumerate(COMMAND_MODULES)}
    registry.registered_commands.sort(
        key=lambda info: order.get(
            str(info.name or getattr(info.callback, "__name__", "")), len(order)
        )
    )
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return load()
    raise AttributeError(name)


__all__ = ["COMMAND_MODULES", "app", "load"]
