"""Every command of `reclam`, one module each; importing this package registers them all."""

from amazon_reclamation.cli.app import app
from amazon_reclamation.cli.commands import (  # noqa: F401 - each module registers its command
    attach,
    backup,
    calendar,
    close,
    config,
    dashboard,
    delete,
    due,
    escalate,
    export,
    letter,
    list_,
    log,
    new,
    reopen,
    rights,
    show,
)

__all__ = ["app"]
