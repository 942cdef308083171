"""All terminal output (Rich). Data goes to stdout, messages to stderr.

Consoles never interpret markup or emoji, and every user-supplied string passes
through `safe()`, so typed text is always shown as text.
"""

from __future__ import annotations

import errno
import sys
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.parsing import clean_text
from amazon_reclamation.texts import labels

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from rich.console import Console, RenderableType
    from rich.style import Style

    from amazon_reclamation.domain.deadlines import Deadline, MissingFact
    from amazon_reclamation.domain.escalation import Plan
    from amazon_reclamation.knowledge.rules import Rule
    from amazon_reclamation.listing import Digest, FollowUp
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.store import Unreadable
    from amazon_reclamation.texts.summary import Summary


def safe(text: str | None) -> str:
    """User text with control characters (terminal escapes) removed."""
    return clean_text(text) if text else ""


@cache
def out() -> Console:
    """The stdout console (data, summaries, tables)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit(1) silently; the CLI says what was saved before the pipe broke.
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    return _Console(markup=False, emoji=False, highlight=False)


@cache
def err() -> Console:
    """The stderr console (errors, warnings, hints)."""
    from rich.console import Console

    return Console(stderr=True, markup=False, emoji=False, highlight=False)


def _one_line(text: str) -> str:
    return " ".join(safe(text).split())


# The few styles of lines and table cells, as SGR codes: printing them needs no Rich.
_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "bold red": "1;31"}


def _colour_mode(stream: Any) -> bool | None:
    """False: plain text; True: our own SGR codes; None: leave it to Rich.

    Plain on a pipe, a file, a dumb terminal or with NO_COLOR; SGR codes on an ordinary
    terminal; Rich where it knows better (Windows consoles, FORCE_COLOR, TTY_COMPATIBLE).
    """
    import os

    if os.name == "nt" or os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"):
        return None
    if os.environ.get("NO_COLOR") or os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _sgr(text: str, style: str) -> str:
    code = _SGR.get(style)
    return f"\x1b[{code}m{text}\x1b[0m" if code and text else text


def _line(stream_name: str, text: str, style: str = "") -> None:
    """One line of text, styled when the stream shows colour, without loading Rich."""
    stream = getattr(sys, stream_name)
    mode = _colour_mode(stream)
    if mode is None or (mode and style not in _SGR and style):
        console = err() if stream_name == "stderr" else out()
        console.print(text, style=style or None, soft_wrap=True)
        return
    stream.write((_sgr(text, style) if mode else text) + "\n")
    stream.flush()


def error(message: str) -> None:
    """One error line on stderr (a typed value with a newline stays on it)."""
    _line("stderr", _("Erreur : {message}").format(message=_one_line(message)), "bold red")


def warning(message: str) -> None:
    """One warning line on stderr."""
    _line("stderr", _("Attention : {message}").format(message=_one_line(message)), "yellow")


def info(message: str) -> None:
    """A short note on stderr (so that stdout stays clean for data)."""
    _line("stderr", safe(message))


def plain(text: str) -> None:
    """Print text as is on stdout (no wrapping, for copying)."""
    out().print(safe(text), soft_wrap=True)


def json_out(data: Any) -> None:
    """Machine-readable JSON on stdout, nothing else."""
    from amazon_reclamation.safe_text import json_text

    sys.stdout.write(_for_stdout(json_text(data)) + "\n")
    sys.stdout.flush()


def _for_stdout(json_text: str) -> str:
    """JSON text as stdout can carry it: escaped to ASCII when stdout is not UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    if encoding in ("utf8", "utf8sig"):
        return json_text
    from amazon_reclamation.safe_text import ascii_json_text

    return ascii_json_text(json_text)


def json_documents(documents: Iterable[str]) -> None:
    """A JSON array of documents already written as JSON text (indent 2), on stdout."""
    write = sys.stdout.write
    first = True
    for document in documents:
        write("[\n  " if first else ",\n  ")
        write(_for_stdout(document).replace("\n", "\n  "))
        first = False
    write("[]\n" if first else "\n]\n")
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
        Text(_("Où vous adresser"), style="bold"),
        _bullets(summary.where),
    ]
    console = out()
    console.print(
        Panel(Group(*parts), title=safe(summary.title), title_align="left", border_style="cyan")
    )
    console.print(Rule(_("Message prêt à copier (chat ou e-mail)"), style="cyan"))
    console.print(Text(safe(summary.message)), soft_wrap=True)
    console.print(Rule(style="cyan"))


def _days_since(day: date, today: date) -> str:
    return _("{n} j").format(n=max(0, (today - day).days))


Cell = tuple[str, str]  # text and Rich style


def columns(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, flexible: int
) -> None:
    """An aligned table as plain lines; the `flexible` column gives way when space is short.

    Written straight to stdout, with ANSI codes only for the styled cells: Rich's Table
    took 11 s for 10,000 complaints and even one big Rich Text 0.1 s for 1,000.
    """
    from rich.cells import cell_len as rich_cell_len
    from rich.cells import set_cell_size

    # Rich's console is loaded only where it knows better than plain SGR codes (see
    # _colour_mode): it would cost more than the rows of a thousand complaints.
    mode = _colour_mode(sys.stdout)
    if mode is None:
        from rich.console import COLOR_SYSTEMS

        console = out()
        width, color_system = console.width, COLOR_SYSTEMS.get(console.color_system or "")
    else:
        width, color_system = _stdout_width(), None

    def cell_len(text: str) -> int:
        return len(text) if text.isascii() else rich_cell_len(text)

    gap = "  "
    widths = [cell_len(h) for h in headers]
    for row in rows:
        for index, (text, _style) in enumerate(row):
            widths[index] = max(widths[index], cell_len(text))
    excess = sum(widths) + len(gap) * (len(widths) - 1) - width
    if excess > 0:
        widths[flexible] = max(cell_len(headers[flexible]), widths[flexible] - excess)
    styles: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        if mode:
            return _sgr(text, style)
        if not style or color_system is None:
            return text
        from rich.style import Style

        parsed = styles.setdefault(style, Style.parse(style))
        return parsed.render(text, color_system=color_system)

    def fit(text: str, width: int) -> str:
        length = cell_len(text)
        if length <= width:
            return text + " " * (width - length)
        return set_cell_size(text, width - 1) + "…"

    last = len(headers) - 1
    lines = [
        paint(title, "bold"),
        paint(gap.join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip(), "bold"),
    ]
    for row in rows:
        cells = []
        for index, ((text, style), width) in enumerate(zip(row, widths, strict=True)):
            cell = fit(text, width)
            cells.append(paint(cell.rstrip() if index == last else cell, style))
        lines.append(gap.join(cells).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _stdout_width() -> int:
    """The width Rich would give stdout: COLUMNS, else the terminal's, else 80."""
    import os

    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if sys.stdout.isatty():
            import shutil

            return shutil.get_terminal_size((80, 25)).columns
    except (AttributeError, ValueError):
        pass
    return 80


def complaints_table(
    digests: Sequence[Digest], today: date, *, title: str, with_status: bool = False
) -> None:
    """The table of `reclam list`."""
    headers = [
        _("Id"),
        _("Commande"),
        _("Problème"),
        _("Article"),
        _("Âge"),
        _("Contacts"),
        _("Suivi"),
    ]
    if with_status:
        headers.append(_("Statut"))
    rows: list[list[Cell]] = []
    overdue = _("dépassé")
    for digest in digests:
        follow = digest.next_follow_up()
        follow_cell: Cell = ("—", "")
        if follow is not None:
            when = f"{follow.day:02d}/{follow.month:02d}"
            follow_cell = (when + " " + overdue, "bold red") if follow < today else (when, "")
        count = str(digest.contacts)
        if (last := digest.last_contact) is not None:
            count += f" · {last.day:02d}/{last.month:02d}"
        row: list[Cell] = [
            (digest.id, "bold"),
            (digest.order_number, ""),
            (labels.label(labels.CATEGORY_SHORT, digest.category), ""),
            (" ".join(safe(digest.item).split()) or "—", ""),
            (_days_since(digest.created_at.date(), today), ""),
            (count, ""),
            follow_cell,
        ]
        if with_status:
            row.append((labels.label(labels.STATUS, digest.status), ""))
        rows.append(row)
    columns(title, headers, rows, flexible=3)


def complaint_file(complaint: Complaint, summary: Summary, today: date) -> None:
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
    timeline(complaint, today)
    from amazon_reclamation.domain.deadlines import compute_deadlines, missing_facts

    out().print()
    deadlines(compute_deadlines(complaint, today), missing_facts(complaint))
    out().print(
        Text(
            _(
                "Les étapes suivantes : reclam escalate {id} · vos droits et leurs "
                "sources : reclam rights {id}"
            ).format(id=complaint.id),
            style="dim",
        )
    )


_PROMISE_STATE = {
    "kept": (N_("tenue"), "green"),
    "due": (N_("à venir"), "yellow"),
    "broken": (N_("NON TENUE"), "bold red"),
}


def timeline(complaint: Complaint, today: date) -> None:
    """The contacts, oldest first, with counts and every promise's state."""
    from rich.padding import Padding
    from rich.text import Text

    from amazon_reclamation.domain import contacts

    console = out()
    entries = contacts.timeline(complaint.contacts)
    effective = contacts.effective(complaint.contacts)
    opened = max(0, (today - complaint.created_at.date()).days)
    header = ngettext("Contacts ({n})", "Contacts ({n})", len(effective)).format(n=len(effective))
    failed = contacts.failed_attempts(complaint)
    header += " · " + ngettext(
        "{n} tentative sans réponse", "{n} tentatives sans réponse", failed
    ).format(n=failed)
    header += " · " + (
        _("ouverte depuis {days}").format(days=fmt.days(opened))
        if opened
        else _("ouverte aujourd'hui")
    )
    console.print(Text(header, style="bold"))
    if not entries:
        console.print(
            Text(
                _(
                    "  Aucun contact noté. Après chaque échange avec le service client, "
                    "notez-le avec : reclam log {id}"
                ).format(id=complaint.id)
            )
        )
        return
    replaced_by = {c.corrects: c.id for c in entries if c.corrects is not None}
    for contact in entries:
        # One block per contact rather than a table: summaries stay readable at 80 columns.
        style = "dim" if contact.id in replaced_by else ""
        head = [
            fmt.date_time(contact.at, with_time=contact.at_precision == "minute"),
            labels.label(labels.CHANNEL, contact.channel),
        ]
        if contact.agent:
            head.append(safe(contact.agent))
        if contact.reference:
            head.append(_("réf. {reference}").format(reference=safe(contact.reference)))
        line = Text(f"  {contact.id:>2}. ", style=style or "bold")
        line.append(" · ".join(head), style=style)
        line.append(" · ", style=style)
        outcome_style = style or ("red" if contact.outcome in ("refused", "no_answer") else "bold")
        line.append(labels.label(labels.OUTCOME, contact.outcome), style=outcome_style)
        console.print(line)
        details = []
        if contact.summary:
            details.append(safe(contact.summary))
        if contact.outcome == "promise":
            details.append(
                _("Promis : {what} (pour le {date})").format(
                    what=safe(contact.promise) or "?", date=fmt.short_date(contact.follow_up)
                )
            )
        if contact.corrects is not None:
            details.append(_("(corrige le n° {n})").format(n=contact.corrects))
        if contact.id in replaced_by:
            details.append(_("(corrigé par le n° {n})").format(n=replaced_by[contact.id]))
        for detail in details:
            console.print(Padding(Text(detail, style=style), (0, 0, 0, 6)))
    promises = contacts.promises(complaint, today)
    if promises:
        console.print(Text(_("Promesses"), style="bold"))
        for item in promises:
            name, style = _PROMISE_STATE[item.state]
            line = Text("  • ")
            line.append(_(name), style=style)
            line.append(
                " — "
                + _("{what}, pour le {date} (contact n° {n})").format(
                    what=safe(item.contact.promise) or safe(item.contact.summary) or "?",
                    date=fmt.short_date(item.contact.follow_up),
                    n=item.contact.id,
                )
            )
            console.print(line)


def message_block(title: str, text: str) -> None:
    """A text to copy, between two rules (no borders inside, so copying is clean)."""
    from rich.rule import Rule
    from rich.text import Text

    console = out()
    console.print(Rule(title, style="cyan"))
    console.print(Text(safe(text)), soft_wrap=True)
    console.print(Rule(style="cyan"))


def due_table(items: Sequence[tuple[Digest, FollowUp]], today: date) -> None:
    """The follow-ups of `reclam due`."""
    rows: list[list[Cell]] = []
    for digest, follow_up in items:
        late = (today - follow_up.day).days
        style = "red" if late > 0 else ""
        rows.append(
            [
                (digest.id, "bold"),
                (digest.order_number, ""),
                (" ".join((safe(follow_up.promise) or safe(follow_up.summary) or "—").split()), ""),
                (fmt.short_date(follow_up.day), style),
                (
                    _("aujourd'hui")
                    if late == 0
                    else _("{days} de retard").format(days=fmt.days(late)),
                    style,
                ),
            ]
        )
    columns(
        _("Suivis à faire"),
        [_("Id"), _("Commande"), _("Promesse"), _("Échéance"), _("Retard")],
        rows,
        flexible=2,
    )


def _urgency(days_left: int) -> tuple[str, str]:
    """A 10-cell bar that fills as the date nears, and its colour."""
    import math

    if days_left < 0:
        return "", "dim"
    # Logarithmic: a week and a month look different, a year and two years barely.
    filled = max(1, 10 - round(10 * math.log1p(days_left) / math.log1p(730)))
    style = "bold red" if days_left <= 7 else "yellow" if days_left <= 30 else "green"
    return "■" * filled + "□" * (10 - filled), style


def _left(days_left: int) -> str:
    if days_left < 0:
        return _("dépassé depuis {days}").format(days=fmt.days(-days_left))
    if days_left == 0:
        return _("aujourd'hui")
    return _("dans {days}").format(days=fmt.days(days_left))


def deadlines(items: Sequence[Deadline], missing: Sequence[MissingFact] = ()) -> None:
    """Every deadline: date, days left, a bar, law or Amazon policy, and its source."""
    from rich.padding import Padding
    from rich.text import Text

    from amazon_reclamation.texts.deadlines import (
        deadline_note,
        deadline_title,
        missing_fact_texts,
    )
    from amazon_reclamation.texts.rules import nature

    console = out()
    console.print(Text(_("Délais"), style="bold"))
    if not items:
        console.print(Text("  " + _("Aucun délai calculable avec les faits connus.")))
    left_width = max((len(_left(item.days_left)) for item in items), default=0)
    for item in items:
        bar, style = _urgency(item.days_left)
        line = Text("  ")
        line.append(f"{bar:10}", style=style)
        line.append(f"  {fmt.short_date(item.date)}  ", style="bold" if not item.passed else "dim")
        line.append(f"{_left(item.days_left):<{left_width}}  ", style=style)
        line.append(deadline_title(item), style="bold" if not item.passed else "dim")
        console.print(line)
        details = [nature(item.rule)]
        note = deadline_note(item)
        if note:
            details.append(safe(note))
        details.append(_("Source : {url}").format(url=item.source))
        for detail in details:
            text = Text(detail, style="dim" if item.passed else "", overflow="fold")
            console.print(Padding(text, (0, 0, 0, 14)))
    for fact in missing_fact_texts(missing):
        console.print(Padding(Text("ⓘ " + safe(fact), style="dim"), (0, 0, 0, 2)))


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def escalation(complaint: Complaint, plan: Plan, *, show_all: bool) -> None:
    """`reclam escalate`: the step to take now first, done steps short, later ones brief."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    console = out()
    console.print(
        Text(
            _("Réclamation {id} — commande {order} — {category}").format(
                id=complaint.id,
                order=complaint.order_number,
                category=labels.label(labels.CATEGORY, complaint.category),
            ),
            style="bold",
        )
    )
    for warning_text in plan.warnings:
        console.print(Text("⚠ " + safe(warning_text), style="bold red"))
    now = plan.now
    if now is None and plan.waiting_reason and complaint.status == "open":
        title = (
            _("Rien à faire avant le {date}").format(date=fmt.short_date(plan.waiting_until))
            if plan.waiting_until
            else _("Rien à faire suivre")
        )
        console.print(
            Panel(
                Text(safe(plan.waiting_reason)),
                title=title,
                title_align="left",
                border_style="bold green",
            )
        )
    if now is not None:
        body = Group(
            Text(safe(now.title), style="bold"),
            Text(""),
            Text(_("Pourquoi maintenant"), style="bold"),
            Text(safe(now.why)),
            Text(""),
            Text(_("Comment"), style="bold"),
            Text(safe(now.how)),
        )
        console.print(
            Panel(
                body, title=_("À faire maintenant"), title_align="left", border_style="bold yellow"
            )
        )
    elif complaint.status != "open":
        console.print(
            Text(
                _("Réclamation clôturée : {status}.").format(
                    status=labels.label(labels.STATUS, complaint.status)
                )
            )
        )
    done = [s for s in plan.steps if s.status == "done"]
    if done:
        console.print(Text(_("Déjà fait"), style="bold"))
        for step in done:
            console.print(Text("  ✓ " + safe(step.title), style="green"))
    later = [s for s in plan.steps if s.status == "later"]
    if later:
        console.print(Text(_("Ensuite, si nécessaire"), style="bold"))
        for index, step in enumerate(later, start=1):
            line = Text(f"  {index}. ")
            line.append(safe(step.title), style="bold")
            console.print(line)
            # Later steps stay brief (their first sentence) unless --all asks for detail.
            why = safe(step.why) if show_all else _first_sentence(safe(step.why))
            console.print(Padding(Text(why, style="dim"), (0, 0, 0, 5)))
            if show_all and step.how:
                console.print(Padding(Text(safe(step.how)), (0, 0, 0, 5)))
    skipped = [s for s in plan.steps if s.status == "not_applicable"]
    if skipped and show_all:
        console.print(Text(_("Ne s'applique pas à cette réclamation"), style="bold"))
        for step in skipped:
            console.print(
                Padding(Text(f"– {safe(step.title)} : {safe(step.why)}", style="dim"), (0, 0, 0, 2))
            )
    elif skipped or later:
        console.print(
            Text(
                _(
                    "Détail de chaque étape et de celles qui ne s'appliquent pas : "
                    "reclam escalate {id} --all"
                ).format(id=complaint.id),
                style="dim",
            )
        )
    console.print()
    deadlines(plan.deadlines, plan.missing_facts)


def rights(complaint: Complaint, rules: Sequence[Rule]) -> None:
    """`reclam rights`: the rules that concern this complaint, each with its source."""
    from rich.padding import Padding
    from rich.text import Text

    from amazon_reclamation.texts.rules import MARKER_LABEL, nature, rule_words

    console = out()
    console.print(
        Text(
            _("Vos droits et les règles d'Amazon pour la réclamation {id}").format(id=complaint.id),
            style="bold",
        )
    )
    for rule in rules:
        words = rule_words(rule)
        console.print(Text(f"• {words.title}", style="bold"))
        lines = [words.statement, nature(rule)]
        if words.period:
            period = _("Délai : {period}").format(period=words.period)
            if words.starts:
                period += " — " + _("point de départ : {start}").format(start=words.starts)
            lines.append(period)
        lines.append(_(MARKER_LABEL[rule.marker]))
        if words.note:
            lines.append(words.note)
        lines += [_("Source : {url}").format(url=url) for url in rule.sources]
        for line in lines:
            if line:
                console.print(Padding(Text(line, overflow="fold"), (0, 0, 0, 2)))


def soon_table(items: Sequence[tuple[Complaint, Deadline]]) -> None:
    """Deadlines of `reclam due` that fall within the coming days."""
    from amazon_reclamation.texts.deadlines import deadline_title
    from amazon_reclamation.texts.rules import KIND_LABEL

    rows: list[list[Cell]] = []
    for complaint, deadline in items:
        style = "bold red" if deadline.days_left <= 2 else "yellow"
        rows.append(
            [
                (complaint.id, "bold"),
                (complaint.order_number, ""),
                (deadline_title(deadline), ""),
                (fmt.short_date(deadline.date), style),
                (_left(deadline.days_left), style),
                (_(KIND_LABEL[deadline.kind]), ""),
            ]
        )
    columns(
        _("Délais proches"),
        [_("Id"), _("Commande"), _("Délai"), _("Date"), _("Reste"), _("Nature")],
        rows,
        flexible=2,
    )


def next_actions(plans: Sequence[tuple[Complaint, Plan]]) -> None:
    """The dashboard's line per open complaint: the step to take now, the nearest deadline."""
    from rich.text import Text

    from amazon_reclamation.texts.deadlines import deadline_title

    console = out()
    for complaint, plan in plans:
        line = Text(f"{complaint.id}  ", style="bold")
        now = plan.now
        if now is not None:
            line.append(_("à faire : {step}").format(step=safe(now.title)))
        elif plan.waiting_until is not None:
            line.append(_("attendre le {date}").format(date=fmt.short_date(plan.waiting_until)))
        elif plan.waiting_reason:
            line.append(_("rien à faire suivre"))
        else:
            line.append("—")
        upcoming = next((d for d in plan.deadlines if not d.passed), None)
        if upcoming is not None:
            _bar, style = _urgency(upcoming.days_left)
            line.append(" · ")
            line.append(
                _("{title} : {date} ({left})").format(
                    title=deadline_title(upcoming),
                    date=fmt.short_date(upcoming.date),
                    left=_left(upcoming.days_left),
                ),
                style=style,
            )
        console.print(line)
