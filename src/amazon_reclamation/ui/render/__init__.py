"""All terminal output (Rich is imported here only). Data goes to stdout, messages to stderr.

`console` writes lines, JSON and plain tables; `record` shows a complaint; `advice`
shows deadlines, rights and escalation steps. Callers use `render.<function>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from amazon_reclamation.ui.render.advice import (
    deadlines as deadlines,
)
from amazon_reclamation.ui.render.advice import (
    escalation as escalation,
)
from amazon_reclamation.ui.render.advice import (
    next_actions as next_actions,
)
from amazon_reclamation.ui.render.advice import (
    rights as rights,
)
from amazon_reclamation.ui.render.advice import (
    soon_table as soon_table,
)
from amazon_reclamation.ui.render.console import (
    binary_out as binary_out,
)
from amazon_reclamation.ui.render.console import (
    columns as columns,
)
from amazon_reclamation.ui.render.console import (
    err as err,
)
from amazon_reclamation.ui.render.console import (
    error as error,
)
from amazon_reclamation.ui.render.console import (
    info as info,
)
from amazon_reclamation.ui.render.console import (
    json_array_out as json_array_out,
)
from amazon_reclamation.ui.render.console import (
    json_members as json_members,
)
from amazon_reclamation.ui.render.console import (
    json_out as json_out,
)
from amazon_reclamation.ui.render.console import (
    json_rows as json_rows,
)
from amazon_reclamation.ui.render.console import (
    message_block as message_block,
)
from amazon_reclamation.ui.render.console import (
    out as out,
)
from amazon_reclamation.ui.render.console import (
    plain as plain,
)
from amazon_reclamation.ui.render.console import (
    safe as safe,
)
from amazon_reclamation.ui.render.console import (
    text_out as text_out,
)
from amazon_reclamation.ui.render.console import (
    unreadable_files as unreadable_files,
)
from amazon_reclamation.ui.render.console import (
    warning as warning,
)
from amazon_reclamation.ui.render.record import (
    attach_report as attach_report,
)
from amazon_reclamation.ui.render.record import (
    attachments as attachments,
)
from amazon_reclamation.ui.render.record import (
    complaint_file as complaint_file,
)
from amazon_reclamation.ui.render.record import (
    complaints_table as complaints_table,
)
from amazon_reclamation.ui.render.record import (
    due_table as due_table,
)
from amazon_reclamation.ui.render.record import (
    summary_card as summary_card,
)
from amazon_reclamation.ui.render.record import (
    timeline as timeline,
)

if TYPE_CHECKING:
    from amazon_reclamation.ui.render.dossier import ecc_folder as ecc_folder


def __getattr__(name: str) -> Any:
    # `ecc_folder` is imported when used: the dossier's wording is not loaded by the
    # commands that show a complaint.
    if name == "ecc_folder":
        from amazon_reclamation.ui.render.dossier import ecc_folder

        return ecc_folder
    raise AttributeError(name)
