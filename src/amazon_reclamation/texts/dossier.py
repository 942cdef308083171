"""The dossier in words: `domain.dossier.Dossier` as short labelled sections.

`document()` words a dossier in the current language (`i18n.in_language` chooses it)
as a `Document`: a title, the line that says when it was made, and sections made of
rows (label and value), paragraphs, entries (a title and its lines), tables and
bullets. The Markdown and PDF renderers (`ui/dossier/`) lay out these blocks and add
nothing but page furniture. The summary rows, rights and deadlines are the ones `show`
and `rights` word, each rule in its neutral words (`stated_words`): the dossier is read
by a mediator or a judge, so it states the rule, in the third person, and advises no one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.domain.contacts import follow_up_kind
from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.texts import labels
from amazon_reclamation.texts.follow_ups import contact_note, state_word
from amazon_reclamation.texts.lists import join_list

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from amazon_reclamation.domain.dossier import Dossier, Email, EmailEntry, TimelineEntry
    from amazon_reclamation.knowledge.rules import Rule
    from amazon_reclamation.models import Attachment, Complaint
    from amazon_reclamation.texts.rules import RuleWords


@dataclass(frozen=True)
class Rows:
    """Label and value pairs."""

    items: list[tuple[str, str]]


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str | None = None  # a short heading above the paragraph


@dataclass(frozen=True)
class Entry:
    """One item with its lines: a deadline, a rule, an attachment."""

    title: str
    lines: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: tuple[int, ...]  # relative widths of the columns


@dataclass(frozen=True)
class Bullets:
    items: list[str]


Block = Rows | Paragraph | Entry | Table | Bullets


@dataclass(frozen=True)
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Document:
    title: str
    made: str  # "Établi le 20/11/2026 avec reclam …"
    sections: list[Section]


def _title(complaint: Complaint) -> str:
    if complaint.order_number:
        return _("Dossier de réclamation — commande {order}").format(order=complaint.order_number)
    return _("Dossier de réclamation {id}").format(id=complaint.id)


def _made(dossier: Dossier) -> str:
    day = fmt.short_date(dossier.today)
    name = dossier.complaint.customer_name
    if name:
        return _("Établi le {date} avec reclam pour {name} (réclamation {id}).").format(
            date=day, name=name, id=dossier.complaint.id
        )
    return _("Établi le {date} avec reclam (réclamation {id}).").format(
        date=day, id=dossier.complaint.id
    )


def seller_establishment(complaint: Complaint) -> str:
    """Where the seller is established, as far as the record says."""
    from amazon_reclamation.texts.escalation_format import country

    seller = complaint.seller
    if seller.kind == "marketplace" and seller.country:
        return country(seller.country)
    if seller.kind == "amazon":
        # Which Amazon company sells on amazon.com.be is not verified (domain.md): the
        # dossier points to the invoice, which names it, rather than assume it.
        return _("celui de la société Amazon qui figure sur la facture")
    return fmt.unknown()


def _summary(dossier: Dossier) -> Section:
    from amazon_reclamation.texts.dossier_problem import stated_problem
    from amazon_reclamation.texts.summary import facts, request_line

    complaint = dossier.complaint
    status = labels.label(labels.STATUS, complaint.status)
    # A fact the user did not give is left out: before a mediator or a judge, a row saying
    # "inconnu" only adds noise (the record still says it is unknown).
    rows = [(label, value) for label, value in facts(complaint) if value != fmt.unknown()]
    kind = complaint.facts.return_kind
    if kind is not None:  # the card's answer is in the first person: stated as a fact here
        said = labels.label(labels.RETURN_KIND, kind)
        stated = labels.label(labels.RETURN_KIND_STATED, kind)
        rows = [(label, stated if value == said else value) for label, value in rows]
    establishment = seller_establishment(complaint)
    if establishment != fmt.unknown():
        rows.append((_("Établissement du vendeur"), establishment))
    if complaint.attachments:
        count = len(complaint.attachments)
        rows.append(
            (
                _("Pièces jointes"),
                ngettext(
                    "{n} pièce, listée avec son empreinte SHA-256 dans ce dossier",
                    "{n} pièces, listées avec leur empreinte SHA-256 dans ce dossier",
                    count,
                ).format(n=count),
            )
        )
    rows.append((_("Statut"), status))
    rows.append((_("Dossier créé dans reclam le"), fmt.short_date(complaint.created_at.date())))
    blocks: list[Block] = [Rows(rows)]
    problem = stated_problem(complaint, dossier.today)
    if problem:
        blocks.append(Paragraph(" ".join(problem), label=_("Le problème")))
    if complaint.description:
        blocks.append(Paragraph(complaint.description, label=_("Description")))
    blocks.append(Paragraph(request_line(complaint)))
    return Section(_("Résumé"), blocks)


def basis(rule: Rule) -> str:
    """What a rule rests on, as the dossier states it: the law and its reference, or Amazon's
    own policy, never called law."""
    from amazon_reclamation.texts.rules import nature

    if rule.kind == "amazon_policy":
        return _("politique d'Amazon (selon ses pages d'aide)")
    return nature(rule)


def stated_words(rule: Rule) -> RuleWords:
    """The rule's words as the dossier states them: its neutral title, statement and start
    (`texts/rules_text.py`) where the words for the user address the user."""

    from amazon_reclamation.texts.rules import rule_text, rule_words
    from amazon_reclamation.texts.rules_text import rule_text_of

    text = rule_text_of(rule.id, rule.variant)
    words = rule_words(rule)
    return words._replace(
        title=_(text.legal_title) if text.legal_title else words.title,
        statement=rule_text(text.legal_statement) if text.legal_statement else words.statement,
        starts=_(text.legal_starts) if text.legal_starts else words.starts,
    )


def _deadlines(dossier: Dossier) -> Section:
    blocks: list[Block] = []
    if not dossier.deadlines:
        blocks.append(Paragraph(_("Aucun délai légal ne ressort des faits de ce dossier.")))
    for item in dossier.deadlines:
        if item.exercised_on is not None:
            state = _("exercé le {date}").format(date=fmt.short_date(item.exercised_on))
        elif item.passed:
            state = _("dépassé depuis {days}").format(days=fmt.days(-item.days_left))
        else:
            state = _("dans {days}").format(days=fmt.days(item.days_left))
        lines = [
            _("Échéance : {date} ({state})").format(date=fmt.short_date(item.date), state=state),
            _("Fondement : {basis}").format(basis=basis(item.rule)),
            _("Source : {url}").format(url=item.source),
        ]
        blocks.append(Entry(stated_words(item.rule).title, lines))
    return Section(_("Délais"), blocks)


def _rights(dossier: Dossier) -> Section:
    blocks: list[Block] = []
    for rule in dossier.rules:
        words = stated_words(rule)
        lines = [
            words.statement,
            _("Fondement : {basis}").format(basis=basis(rule)),
        ]
        if words.period:
            if words.starts:
                lines.append(
                    _("Délai : {period}, à partir de : {start}").format(
                        period=words.period, start=words.starts
                    )
                )
            else:
                lines.append(_("Délai : {period}").format(period=words.period))
        # For a mediator or a judge: the authorities' pages where the rule has one.
        lines += [_("Source : {url}").format(url=url) for url in rule.official_sources]
        blocks.append(Entry(words.title, [line for line in lines if line]))
    return Section(_("Droits et règles qui s'appliquent, avec leurs sources"), blocks)


def _details(entry: TimelineEntry) -> str:
    contact = entry.contact
    parts = []
    if contact.summary:
        summary = contact.summary.strip()
        parts.append(summary if summary[-1:] in ".!?…" else summary + ".")
    note = contact_note(contact)
    if note is not None:
        parts.append(_("{note}.").format(note=note))
    elif contact.promise:
        parts.append(_("Promis : {what}.").format(what=contact.promise))
    if entry.promise_state is not None and entry.corrected_by is None:
        state = state_word(follow_up_kind(contact), entry.promise_state)
        parts.append(_("État : {state}.").format(state=state))
    if contact.corrects is not None:
        parts.append(_("Corrige l'entrée n° {n}.").format(n=contact.corrects))
    if entry.corrected_by is not None:
        parts.append(_("Corrigée par l'entrée n° {n}.").format(n=entry.corrected_by))
    return " ".join(parts)


_EMAIL: dict[tuple[bool, bool], str] = {
    # "expéditeur :" rather than "de {sender}": no elision to make before a name ("d'Amazon").
    (True, True): N_(
        "E-mail du {date}, expéditeur : {sender}, objet « {subject} » — voir pièce {n}."
    ),
    (True, False): N_("E-mail du {date}, expéditeur : {sender}, sans objet — voir pièce {n}."),
    (False, True): N_("E-mail du {date} : objet « {subject} » — voir pièce {n}."),
    (False, False): N_("E-mail du {date}, sans objet — voir pièce {n}."),
}


def email_line(email: Email) -> str:
    """An e-mail piece in the timeline: "E-mail du 10/11/2026 de X : objet … — voir pièce 3"."""
    text = _(_EMAIL[(bool(email.sender), bool(email.subject))])
    return text.format(
        date=fmt.short_date(email.sent_at.date()),
        sender=email.sender,
        subject=email.subject,
        n=email.attachment_id,
    )


def email_time(sent_at: datetime) -> str:
    """An e-mail's date and time as its Date header writes them, in the sender's time, with
    its offset: "26/10/2026 08:30 (UTC+01:00)", whatever the machine's time zone."""
    offset = sent_at.utcoffset() or timedelta()
    minutes = round(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sent_at:%d/%m/%Y %H:%M} (UTC{sign}{hours:02d}:{minutes:02d})"


def _email_row(entry: EmailEntry) -> list[str]:
    email = entry.email
    return [
        _("pièce {n}").format(n=email.attachment_id),
        email_time(email.sent_at),
        _("E-mail"),
        email.sender or "—",
        "—",
        email_line(email),
    ]


def _contact_row(entry: TimelineEntry) -> list[str]:
    contact = entry.contact
    # As recorded (the user's own time then), so that the dossier's bytes do not depend on
    # the time zone of the machine that makes it.
    when = fmt.date_time(contact.at, with_time=contact.at_precision == "minute", local=False)
    who = " · ".join(
        part
        for part in (
            contact.agent,
            _("réf. {reference}").format(reference=contact.reference)
            if contact.reference
            else None,
        )
        if part
    )
    return [
        str(contact.id),
        when,
        _("{channel} — {step}").format(
            channel=labels.label(labels.CHANNEL, contact.channel),
            step=_(labels.STEP[entry.step]),
        ),
        who or "—",
        labels.label(labels.OUTCOME, contact.outcome),
        _details(entry) or "—",
    ]


def _timeline(dossier: Dossier) -> Section:
    if not dossier.timeline:
        return Section(_("Chronologie des contacts"), [Paragraph(_("Aucun contact n'est noté."))])
    rows = [
        _email_row(entry) if entry.kind == "email" else _contact_row(entry)
        for entry in dossier.timeline
    ]
    headers = [
        _("Contact"),
        _("Date"),
        _("Canal et démarche"),
        _("Interlocuteur et référence"),
        _("Résultat"),
        _("Ce qui a été dit ou promis"),
    ]
    note = _(
        "Dans l'ordre où les échanges ont eu lieu. Une entrée corrigée reste dans le dossier, "
        "marquée comme corrigée."
    )
    return Section(
        _("Chronologie des contacts"),
        [Paragraph(note), Table(headers, rows, (10, 15, 21, 18, 12, 38))],
    )


def _formal_notice(dossier: Dossier) -> Section:
    if not dossier.formal_notices:
        return Section(
            _("Mise en demeure"),
            [Paragraph(_("Aucune mise en demeure n'est notée dans ce dossier."))],
        )
    blocks: list[Block] = []
    for contact in dossier.formal_notices:
        lines = [
            _("Envoyée le {date} ({channel}).").format(
                date=fmt.short_date(contact.at.date()),
                channel=labels.label(labels.CHANNEL, contact.channel),
            )
        ]
        if contact.reference:
            lines.append(_("Référence : {reference}").format(reference=contact.reference))
        if contact.summary:
            lines.append(contact.summary)
        if contact.follow_up:
            lines.append(
                _("Délai laissé jusqu'au {date}.").format(date=fmt.short_date(contact.follow_up))
            )
        blocks.append(Entry(_("Contact n° {n}").format(n=contact.id), lines))
    return Section(_("Mise en demeure"), blocks)


def attachment_title(attachment: Attachment) -> str:
    return _("Pièce {n} : {name}").format(n=attachment.id, name=attachment.name)


def email_files_line(email: Email) -> str:
    """The files an e-mail piece carried, named: they are not pieces of the dossier."""
    return ngettext(
        "Pièce jointe de l'e-mail : {names}, non reprise ici.",
        "Pièces jointes de l'e-mail : {names}, non reprises ici.",
        len(email.files),
    ).format(names=join_list(list(email.files)))


def _appended_pages(pages: tuple[int, int]) -> str:
    first, last = pages
    if first == last:
        return _("Sa page est ajoutée à la fin de ce dossier : page {first}.").format(first=first)
    return _("Ses pages sont ajoutées à la fin de ce dossier : pages {first} à {last}.").format(
        first=first, last=last
    )


def sha256_line(attachment: Attachment) -> str:
    return _("SHA-256 : {hash}").format(hash=attachment.sha256)


def _attachments(dossier: Dossier, pages: Mapping[int, tuple[int, int]]) -> Section:
    if not dossier.attachments:
        return Section(_("Pièces jointes"), [Paragraph(_("Aucune pièce n'est jointe."))])
    blocks: list[Block] = []
    for attachment in dossier.attachments:
        lines = []
        if attachment.note:
            lines.append(_("Note : {note}").format(note=attachment.note))
        lines.append(
            _("Ajoutée le {date} · {size} · {type}").format(
                date=fmt.short_date(attachment.added_at.date()),
                size=fmt.unknown() if attachment.size is None else fmt.file_size(attachment.size),
                type=attachment.media_type or fmt.unknown(),
            )
        )
        lines.append(sha256_line(attachment))
        email = dossier.emails.get(attachment.id)
        if email is not None and email.files:
            lines.append(email_files_line(email))
        if attachment.id in pages:
            lines.append(_appended_pages(pages[attachment.id]))
        if attachment.file is None:
            lines.append(_("reclam n'en garde pas de copie : elle est à fournir à part."))
        blocks.append(Entry(attachment_title(attachment), lines))
    blocks.append(
        Paragraph(
            _(
                "L'empreinte SHA-256 de chaque pièce permet de vérifier qu'elle n'a pas été "
                "modifiée depuis son ajout au dossier."
            )
        )
    )
    return Section(_("Pièces jointes"), blocks)


def document(dossier: Dossier, pages: Mapping[int, tuple[int, int]] | None = None) -> Document:
    """The dossier worded in the current language; `pages`: where merged PDF pieces are."""
    return Document(
        title=_title(dossier.complaint),
        made=_made(dossier),
        sections=[
            _summary(dossier),
            _deadlines(dossier),
            _rights(dossier),
            _timeline(dossier),
            _formal_notice(dossier),
            _attachments(dossier, pages or {}),
        ],
    )


def page_number(page: int, total: int | str) -> str:
    """The page's footer: "page 2 / 7"."""
    return _("page {page} / {total}").format(page=page, total=total)


def image_caption(attachment: Attachment) -> str:
    """The caption under an embedded image: its number, name and note."""
    if attachment.note:
        return _("Pièce {n} : {name} — {note}").format(
            n=attachment.id, name=attachment.name, note=attachment.note
        )
    return attachment_title(attachment)


def caption_cut() -> str:
    """The line under a caption cut short."""
    return _("La note entière figure dans la liste des pièces.")


def text_pages_title(attachment: Attachment) -> str:
    return _("Texte de la pièce {n} : {name}").format(n=attachment.id, name=attachment.name)


def unreadable_image() -> str:
    return _("Cette image n'a pas pu être affichée ; le fichier reste dans reclam.")


def unreadable_text() -> str:
    return _("Le texte de cette pièce n'a pas pu être lu ; elle reste dans reclam.")
