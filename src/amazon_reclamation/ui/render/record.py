"""One complaint on screen: the summary card, the whole file, the timeline, the lists."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.ids import default_step
from amazon_reclamation.texts import follow_ups, labels
from amazon_reclamation.ui.render.console import (
    Cell,
    columns,
    info,
    message_block,
    out,
    paragraphs,
    plain,
    plain_width,
    safe,
    write_lines,
)
from amazon_reclamation.ui.render.layout import Para, para

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import RenderableType

    from amazon_reclamation.domain.contacts import FollowUpKind
    from amazon_reclamation.evidence_files import CopyState
    from amazon_reclamation.listing import Digest, FollowUp
    from amazon_reclamation.models import Attachment, Complaint
    from amazon_reclamation.texts.summary import Summary


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
    width = plain_width()
    lines = _plain_card(summary, width) if width is not None else None
    if lines is not None:
        write_lines(lines)
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[RenderableType] = [_facts_table(summary.facts)]
    if summary.description:
        parts += [Text(""), Text(_("Description"), style="bold"), Text(safe(summary.description))]
    parts += [
        Text(""),
        Text(safe(summary.request_line), style="bold"),
        Text(""),
        Text(_("À avoir sous la main"), style="bold"),
        _bullets(summary.checklist),
        Text(""),
        Text(_("Où vous adresser"), style="bold"),
        _bullets(summary.where),
    ]
    console = out()
    # A title given as Text: Rich would read a str title as markup and emoji codes. Rich
    # cuts a title too long for the border without a mark: "… nicht erhalten" would go.
    title = Text(safe(summary.title))
    title.truncate(console.width - 6, overflow="ellipsis")
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style="cyan"))
    message_block(_("Message prêt à copier (chat ou e-mail)"), summary.message)


def _plain_card(summary: Summary, width: int) -> list[str] | None:
    """The lines `summary_card` prints, laid out as Rich does, or None when unsure."""
    from amazon_reclamation.ui.render import layout

    inner = width - 4
    body = layout.grid([(safe(name), safe(value)) for name, value in summary.facts], inner, 2)
    texts = [""]
    if summary.description:
        texts = ["", _("Description"), safe(summary.description), ""]
    checklist = layout.grid([("  •", safe(item)) for item in summary.checklist], inner, 1)
    where = layout.grid([("  •", safe(item)) for item in summary.where], inner, 1)
    if body is None or checklist is None or where is None:
        return None
    for text in [*texts, safe(summary.request_line), "", _("À avoir sous la main")]:
        lines = layout.wrap(text, inner)
        if lines is None:
            return None
        body += lines
    body += checklist
    for text in ("", _("Où vous adresser")):
        lines = layout.wrap(text, inner)
        if lines is None:
            return None
        body += lines
    body += where
    title = safe(summary.title)
    if len(title) > width - 6:  # as `summary_card` cuts it for Rich: with an ellipsis
        title = title[: width - 7] + "…"
    card = layout.panel(title, body, width)
    message = layout.message(
        _("Message prêt à copier (chat ou e-mail)"), safe(summary.message), width
    )
    if card is None or message is None:
        return None
    return [*card, *message]


def _days_since(day: date, today: date) -> str:
    return _("{n} j").format(n=max(0, (today - day).days))


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
    # Two complaints open for one order are marked: REF by order number is then ambiguous.
    open_orders = Counter(d.order_number for d in digests if d.status == "open" and d.order_number)
    shared = {order for order, n in open_orders.items() if n > 1}
    # Thousands of rows share a few categories, statuses and ages: each is worded once.
    categories: dict[str, str] = {}
    statuses: dict[str, str] = {}
    ages: dict[date, str] = {}
    limit = today.isoformat()
    for digest in digests:
        day = digest.next_follow_up_day
        follow_cell: Cell = ("—", "")
        if day is not None:
            when = f"{day[8:10]}/{day[5:7]}"
            follow_cell = (when + " " + overdue, "bold red") if day < limit else (when, "")
        count = str(digest.contacts)
        if (last := digest.last_contact) is not None:
            count += f" · {last.day:02d}/{last.month:02d}"
        category = categories.get(digest.category)
        if category is None:
            category = categories[digest.category] = labels.label(
                labels.CATEGORY_SHORT, digest.category
            )
        created = digest.created_at.date()
        age = ages.get(created)
        if age is None:
            age = ages[created] = _days_since(created, today)
        row: list[Cell] = [
            (digest.id, "bold"),
            (
                (digest.order_number or "—") + (" *" if digest.order_number in shared else ""),
                "",
            ),
            (category, ""),
            (" ".join(safe(digest.item).split()) or "—", ""),
            (age, ""),
            (count, ""),
            follow_cell,
        ]
        if with_status:
            status = statuses.get(digest.status)
            if status is None:
                status = statuses[digest.status] = labels.label(labels.STATUS, digest.status)
            row.append((status, ""))
        rows.append(row)
    columns(title, headers, rows, flexible=3)
    if shared:
        info(
            _(
                "* plusieurs réclamations ouvertes pour cette commande : désignez-les par "
                "leur identifiant."
            )
        )


def complaint_file(
    complaint: Complaint,
    summary: Summary,
    today: date,
    copies: Mapping[int, CopyState] | None = None,
) -> None:
    """Everything `reclam show` prints: the card, status, the contacts and attachments.

    `copies` says, per attachment number, whether its copy is there and unchanged.
    """
    from rich.text import Text

    status = labels.label(labels.STATUS, complaint.status)
    opened = fmt.short_date(complaint.created_at.date())
    if complaint.closed_at:
        line = _("Statut : {status} · ouverte le {date} · clôturée le {closed}").format(
            status=status, date=opened, closed=fmt.short_date(complaint.closed_at.date())
        )
    else:
        line = _("Statut : {status} · ouverte le {date}").format(status=status, date=opened)
    out().print(Text(line, style="bold"))
    summary_card(summary)
    timeline(complaint, today)
    out().print()
    attachments(complaint, copies or {})
    from amazon_reclamation.domain.deadlines import compute_deadlines, missing_facts
    from amazon_reclamation.ui.render.advice import deadlines

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
    paragraphs(timeline_paragraphs(complaint, today))


def timeline_paragraphs(complaint: Complaint, today: date) -> list[Para]:
    """What `timeline` prints, paragraph by paragraph."""
    from amazon_reclamation.domain import contacts

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
    items = [para(header, "bold")]
    if not entries:
        items.append(
            para(
                "  "  # indented under the heading, as the entries are
                + _(
                    "Aucun contact noté. Après chaque échange avec le service client, "
                    "notez-le avec : reclam log {id}"
                ).format(id=complaint.id)
            )
        )
        return items
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
        outcome_style = style or ("red" if contact.outcome in ("refused", "no_answer") else "bold")
        spans = (
            (f"  {contact.id:>2}. ", ""),
            (" · ".join(head), style),
            (" · ", style),
            (labels.label(labels.OUTCOME, contact.outcome), outcome_style),
        )
        items.append(Para(spans, style or "bold"))
        details = []
        if contact.step is not None and contact.step != default_step(contact.channel):
            # The channel says the usual step; another one is named.
            details.append(_("Démarche : {step}").format(step=_(labels.STEP[contact.step])))
        if contact.summary:
            details.append(safe(contact.summary))
        if note := follow_ups.contact_note(contact):
            details.append(safe(note))
        if contact.corrects is not None:
            details.append(_("(corrige le n° {n})").format(n=contact.corrects))
        if contact.id in replaced_by:
            details.append(_("(corrigé par le n° {n})").format(n=replaced_by[contact.id]))
        items.extend(para(detail, style, indent=6) for detail in details)
    awaited = contacts.promises(complaint, today)
    # A formal notice's deadline is no promise: it has its own list and states.
    notices = [p for p in awaited if contacts.follow_up_kind(p.contact) == "formal_notice"]
    promises = [p for p in awaited if contacts.follow_up_kind(p.contact) != "formal_notice"]
    if promises:
        items.append(para(_("Promesses"), "bold"))
        for item in promises:
            name, state_style = _PROMISE_STATE[item.state]
            what = _("{what}, pour le {date} (contact n° {n})").format(
                what=safe(item.contact.promise)
                or safe(item.contact.summary)
                or _("suite annoncée"),
                date=fmt.short_date(item.contact.follow_up),
                n=item.contact.id,
            )
            items.append(Para((("  • ", ""), (_(name), state_style), (" — " + what, "")), bullet=1))
    if notices:
        items.append(para(_("Mise en demeure"), "bold"))
        for item in notices:
            state = _(follow_ups.FORMAL_NOTICE_STATE[item.state])
            line = " — " + follow_ups.formal_notice_line(item.contact)
            state_style = _PROMISE_STATE[item.state][1]
            items.append(Para((("  • ", ""), (state, state_style), (line, "")), bullet=1))
    return items


_COPY_STATE = {
    "ok": (N_("copie intacte"), "green"),
    "missing": (N_("COPIE INTROUVABLE"), "bold red"),
    "changed": (N_("COPIE MODIFIÉE"), "bold red"),
    "no_copy": (N_("aucune copie gardée (ancienne version de reclam)"), "dim"),
}


def attachments(
    complaint: Complaint, copies: Mapping[int, CopyState], *, checked: bool = False
) -> None:
    """The evidence files kept with the complaint: number, name, size, date, note, and
    whether the copy is missing or changed (`checked`: also say when it is intact)."""
    from rich.padding import Padding
    from rich.text import Text

    console = out()
    kept = complaint.attachments
    console.print(Text(_("Pièces jointes ({n})").format(n=len(kept)), style="bold"))
    if not kept:
        console.print(
            Text(
                "  "  # indented under the heading, as the entries are
                + _(
                    "Aucune pièce jointe. Gardez les photos et la facture avec la "
                    "réclamation : reclam attach {id} photo.jpg facture.pdf"
                ).format(id=complaint.id)
            )
        )
        return
    for attachment in kept:
        line = Text(f"  {attachment.id:>2}. ", style="bold")
        head = [safe(attachment.name)]
        if attachment.size is not None:
            head.append(fmt.file_size(attachment.size))
        head.append(fmt.short_date(attachment.added_at.astimezone().date()))
        line.append(" · ".join(head))
        state = copies.get(attachment.id, "ok")
        if state != "ok" or checked:
            name, style = _COPY_STATE[state]
            line.append(" · ")
            line.append(_(name), style=style)
        console.print(line)
        if attachment.note:
            console.print(Padding(Text(safe(attachment.note)), (0, 0, 0, 6)))


def attach_report(
    complaint: Complaint, added: Sequence[Attachment], already: Sequence[tuple[str, Attachment]]
) -> None:
    """What `reclam attach` kept, and the files whose content it already had."""
    for attachment in added:
        plain(
            _("Pièce n° {n} gardée : {name} ({size}).").format(
                n=attachment.id,
                name=attachment.name,
                size=fmt.file_size(attachment.size or 0),
            )
        )
    for name, kept in already:
        if name == kept.name:
            line = _("{name} est déjà gardé : pièce n° {n} ; il n'est pas copié une seconde fois.")
        else:
            line = _(
                "{name} a le même contenu que la pièce n° {n} ({kept}) ; il n'est pas copié "
                "une seconde fois."
            )
        plain(line.format(name=name, n=kept.id, kept=kept.name))
    count = len(complaint.attachments)
    plain(
        ngettext(
            "La réclamation {id} a {n} pièce jointe : reclam show {id}",
            "La réclamation {id} a {n} pièces jointes : reclam show {id}",
            count,
        ).format(id=complaint.id, n=count)
    )


def due_table(items: Sequence[FollowUp], today: date) -> None:
    """The follow-ups of `reclam due`."""
    from amazon_reclamation.listing import FollowUp
    from amazon_reclamation.ui.render.console import table

    # Thousands of rows repeat a few promises, days and delays: each is worded once.
    def late(day: str) -> int:
        return (today - date.fromisoformat(day)).days

    def promise(key: tuple[FollowUpKind, str | None, str | None]) -> Cell:
        return (" ".join(safe(follow_ups.awaited(*key)).split()), "")

    def when(day: str) -> Cell:
        return (fmt.short_date(date.fromisoformat(day)), "red" if late(day) > 0 else "")

    def delay(day: str) -> Cell:
        days = late(day)
        if days == 0:
            return (_("aujourd'hui"), "")
        # Under the column headed "Retard": the number of days says it.
        return (fmt.days(days), "red" if days > 0 else "")

    def order(number: str | None) -> Cell:
        return (number or "—", "")

    # The rows' fields column by column (a follow-up is a tuple): no loop over the rows.
    fields = FollowUp._fields
    columns = list(zip(*items, strict=True)) or [()] * len(fields)
    ids, orders, days = (
        columns[fields.index(name)] for name in ("complaint_id", "order_number", "day")
    )
    awaited = zip(
        *(columns[fields.index(name)] for name in ("kind", "promise", "summary")), strict=True
    )
    table(
        _("Suivis à faire"),
        [_("Id"), _("Commande"), _("Promesse ou délai"), _("Échéance"), _("Retard")],
        [ids, orders, list(awaited), days, days],
        ["bold", order, promise, when, delay],
        flexible=2,
    )
