"""All terminal output (Rich). Data goes to stdout, messages to stderr.

Consoles never interpret markup or emoji, and every user-supplied string passes
through `safe()`, so typed text is always shown as text.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from amazon_reclamation import fmt, labels
from amazon_reclamation.i18n import _, ngettext
from amazon_reclamation.parsing import clean_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console, RenderableType

    from amazon_reclamation.models import Complaint
    from amazon_reclamation.store import Unreadable
    from amazon_reclamation.summary import Summary


def safe(text: str | None) -> str:
    """User text with control characters (terminal escapes) removed."""
    return clean_text(text) if text else ""


@cache
def out() -> Console:
    """The stdout console (data, summaries, tables)."""
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False)


@cache
def err() -> Console:
    """The stderr console (errors, warnings, hints)."""
    from rich.console import Console

    return Console(stderr=True, markup=False, emoji=False, highlight=False)


def error(message: str) -> None:
    """One error line on stderr."""
    err().print(
        _("Erreur : {message}").format(message=safe(message)), style="bold red", soft_wrap=True
    )


def warning(message: str) -> None:
    """One warning line on stderr."""
    err().print(
        _("Attention : {message}").format(message=safe(message)), style="yellow", soft_wrap=True
    )


def info(message: str) -> None:
    """A short note on stderr (so that stdout stays clean for data)."""
    err().print(safe(message), soft_wrap=True)


def plain(text: str) -> None:
    """Print text as is on stdout (no wrapping, for copying)."""
    out().print(safe(text), soft_wrap=True)


def json_out(data: Any) -> None:
    """Machine-readable JSON on stdout, nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def unreadable_files(files: Sequence[Unreadable]) -> None:
    """One warning line per file that could not be read."""
    for item in files:
        warning(item.reason)


def _facts_table(rows: list[tuple[str, str]]) -> RenderableType:
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for name, value in rows:
        table.add_row(safe(name), safe(value))
    return table


def _bullets(items: list[str]) -> RenderableType:
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column()
    for item in items:
        table.add_row("  •", safe(item))
    return table


def summary_card(summary: Summary) -> None:
    """The summary panel, then the ready message between two rules (easy to copy)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.text import Text

    parts: list[RenderableType] = [_facts_table(summary.facts)]
    if summary.description:
        parts += [Text(""), Text(_("Description"), style="bold"), Text(safe(summary.description))]
    parts += [
        Text(""),
        Text(_("Demande : ") + safe(summary.request), style="bold"),
        Text(""),
        Text(_("À avoir sous la main"), style="bold"),
        _bullets(summary.checklist),
        Text(""),
        Text(_("Où contacter Amazon"), style="bold"),
        _bullets(summary.where),
    ]
    console = out()
    console.print(
        Panel(Group(*parts), title=safe(summary.title), title_align="left", border_style="cyan")
    )
    console.print(Rule(_("Message prêt à copier (chat ou e-mail)"), style="cyan"))
    console.print(Text(safe(summary.message)), soft_wrap=True)
    console.print(Rule(style="cyan"))


def _age(complaint: Complaint, today: date) -> str:
    return fmt.days(max(0, (today - complaint.created_at.date()).days))


def complaints_table(complaints: Sequence[Complaint], today: date, *, title: str) -> None:
    """The table of `reclam list`."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column(_("Id"), no_wrap=True, style="bold")
    table.add_column(_("Commande"), no_wrap=True)
    table.add_column(_("Problème"))
    table.add_column(_("Article"), overflow="ellipsis", max_width=30, no_wrap=True)
    table.add_column(_("Âge"), justify="right", no_wrap=True)
    table.add_column(_("Statut"), no_wrap=True)
    for complaint in complaints:
        table.add_row(
            complaint.id,
            complaint.order_number,
            labels.label(labels.CATEGORY_SHORT, complaint.category),
            safe(complaint.item) or "—",
            _age(complaint, today),
            labels.label(labels.STATUS, complaint.status),
        )
    out().print(table)


def complaint_file(complaint: Complaint, summary: Summary) -> None:
    """Everything `reclam show` prints: the card, status and the contacts section."""
    from rich.text import Text

    status = labels.label(labels.STATUS, complaint.status)
    line = _("Statut : {status} · ouverte le {date}").format(
        status=status, date=fmt.short_date(complaint.created_at.date())
    )
    if complaint.closed_at:
        line += _(" · clôturée le {date}").format(date=fmt.short_date(complaint.closed_at.date()))
    out().print(Text(line, style="bold"))
    summary_card(summary)
    contacts_section(complaint)


def contacts_section(complaint: Complaint) -> None:
    """The contacts with customer service, oldest first."""
    from rich.table import Table
    from rich.text import Text

    console = out()
    count = len(complaint.contacts)
    console.print(
        Text(ngettext("Contacts ({n})", "Contacts ({n})", count).format(n=count), style="bold")
    )
    if not count:
        console.print(
            Text(
                _(
                    "  Aucun contact noté. Après chaque échange avec le service client, "
                    "notez-le avec : reclam log {id}"
                ).format(id=complaint.id)
            )
        )
        return
    table = Table(show_header=True, box=None, padding=(0, 1))
    for column in (
        _("Date"),
        _("Canal"),
        _("Interlocuteur"),
        _("Référence"),
        _("Résultat"),
        _("Résumé"),
    ):
        table.add_column(column)
    for contact in sorted(complaint.contacts, key=lambda c: c.at):
        table.add_row(
            fmt.date_time(contact.at),
            labels.label(labels.CHANNEL, contact.channel),
            safe(contact.agent) or "—",
            safe(contact.reference) or "—",
            labels.label(labels.OUTCOME, contact.outcome),
            safe(contact.summary) or "—",
        )
    console.print(table)
