"""The formal notice, worded: a letter plan from `domain/letters.py` in plain text or Markdown.

The letter is written from the templates of its language (`letters_templates.py`,
`templates/letters/<lang>/`), with dates and amounts formatted in that language;
`render_letter(plan, lang)` defaults to the interface language. The note for the user
(how to send the letter, what to check and fill in) is in the interface language
(`letters_notes.py`). `formal_notice_parts()` returns the note and the letter apart,
`formal_notice()` the note, a separator line and the letter in one text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from amazon_reclamation.domain.letter_plan import LetterRefused
from amazon_reclamation.domain.letters import plan_letter
from amazon_reclamation.errors import ReclamError
from amazon_reclamation.i18n import current_language
from amazon_reclamation.texts import labels, letters_notes, summary
from amazon_reclamation.texts.letters_templates import Templates, in_language

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from amazon_reclamation.domain.letter_plan import (
        ContactLine,
        LetterPlan,
        Paragraph,
        Part,
    )
    from amazon_reclamation.models import Complaint

__all__ = ["formal_notice", "formal_notice_parts", "render_letter", "render_note"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _same(text: str) -> str:
    return text


def _contact_head(t: Templates, line: ContactLine) -> str:
    """ "le 3 novembre 2026, par téléphone (Sophie, dossier CS-4471)": when, how, with whom."""
    text = t.text("contact.head", date=line.date, channel=t.text(f"channel.{line.channel}"))
    known = (("agent", line.agent), ("reference", line.reference))
    who = "_".join(name for name, value in known if value)
    if who:
        text = t.text(f"contact.who.{who}", text=text, agent=line.agent, reference=line.reference)
    return text


def _contact_line(t: Templates, line: ContactLine) -> str:
    """ "le 3 novembre 2026, par téléphone (Sophie, dossier CS-4471) : vous vous êtes engagé
    à : « … »". Only the structured facts: the user's own notes (the summary) are never
    quoted to the trader as if they were its words."""
    text = _contact_head(t, line)
    if line.outcome == "promise":
        if line.promise:
            text = t.text("contact.promised", text=text, promise=line.promise)
        else:
            text = t.text("contact.follow_up_promised", text=text)
        if line.follow_up is not None:
            text = t.text("contact.promised_for", text=text, date=line.follow_up)
        if line.promise_state is not None:
            text = t.text(f"contact.promise_{line.promise_state}", text=text)
        return t.text("contact.end", text=text)
    if line.outcome == "no_answer":
        return t.text("contact.no_answer", text=text)
    return t.text(f"contact.{line.outcome}", text=text)


def _other_contact_line(t: Templates, line: ContactLine) -> str:
    """A contact made with someone else than the addressee, said as what it was:
    "le 5 novembre 2026, par chat (Karim) : ma demande a été refusée."."""
    text = _contact_head(t, line)
    if line.outcome == "promise" and line.follow_up is not None:
        return t.text("other_contact.promise_for", text=text, date=line.follow_up)
    return t.text(f"other_contact.{line.outcome}", text=text)


def _part(t: Templates, item: Part) -> str:
    """One part of a paragraph, worded; "" when it says nothing."""
    p = dict(item.params)
    if item.id == "problem.summary":
        # The summary's own sentences: what the user takes to customer service too.
        complaint = cast("Complaint", p["complaint"])
        today = cast("dt.date", p["today"])
        return " ".join(summary.problem_sentences(complaint, today, announced_date=False))
    if item.id == "problem.paid_by":
        method = p["method"]
        return t.text(item.id, method=labels.label(labels.PAYMENT_METHOD, str(method)))
    if item.id == "action.bodies":
        bodies = p["bodies"]
        assert isinstance(bodies, tuple)
        names = [t.text(f"body.{body}") for body in bodies]
        return t.text(item.id, bodies=t.join(names, "or"))
    if item.id == "otherwise.actions_then_court":
        actions = p["actions"]
        assert isinstance(actions, tuple)
        listed = t.join([_part(t, action) for action in actions], "actions")
        return t.text(item.id, actions=listed)
    return t.text(item.id, **p)


def _paragraph(t: Templates, paragraph: Paragraph) -> str:
    return " ".join(text for text in (_part(t, item) for item in paragraph.parts) if text)


def _body(t: Templates, plan: LetterPlan, esc: Callable[[str], str]) -> list[str]:
    body: list[str] = []
    for paragraph in plan.paragraphs:
        text = esc(_paragraph(t, paragraph))
        if paragraph.kind == "contacts":
            lines = [f"- {esc(_contact_line(t, line))}" for line in plan.contacts]
            text += "\n\n" + "\n".join(lines)
        if paragraph.kind == "other_contacts":
            lines = [f"- {esc(_other_contact_line(t, line))}" for line in plan.other_contacts]
            text += "\n\n" + "\n".join(lines)
        if text:
            body.append(text)
    return body


def _addressee(t: Templates, plan: LetterPlan) -> list[str]:
    addressee = plan.addressee
    if addressee.id == "amazon_eu":
        return list(addressee.lines)
    if addressee.id == "marketplace":
        name = addressee.lines[0] if addressee.lines else t.text("addressee.seller_name")
        return [name, t.text("addressee.seller_address")]
    if not plan.order_number:  # a debit without an order: the statement names the payee
        return [t.text("addressee.payee_name"), t.text("addressee.payee_address")]
    return [t.text("addressee.invoice_seller_name"), t.text("addressee.seller_address")]


def render_letter(plan: LetterPlan, lang: str | None = None, *, markdown: bool = False) -> str:
    """The letter of the plan in `lang` (the interface language by default), ending in "\\n"."""
    lang = lang or current_language()
    with in_language(lang):
        t = Templates(lang)
        esc = _md_escape if markdown else _same
        signature = plan.customer_name or t.text("missing.name")
        sender = [signature, t.text("sender.address"), t.text("sender.email")]
        addressee = _addressee(t, plan)
        place = t.text("place", date=plan.date)
        subject = (
            t.text(f"subject.{plan.kind}", order=plan.order_number, date=plan.order_date)
            if plan.order_number
            else t.text(f"subject.{plan.kind}.no_order")
        )
        salutation = t.text("salutation")
        body = [*_body(t, plan, esc), esc(t.text("closing")), esc(signature)]
        items = [t.text(f"enclosure.{item}") for item in plan.enclosures]
        enclosures = t.text("enclosures", items=t.join(items, "enclosures"))
    if markdown:
        letter = [
            "\\\n".join(esc(line) for line in sender),
            "\\\n".join(esc(line) for line in addressee),
            esc(place),
            f"**{esc(subject)}**",
            esc(salutation),
            *body,
            f"*{esc(enclosures)}*",
        ]
    else:
        letter = ["\n".join(sender), "\n".join(addressee), place, subject, salutation]
        letter += [*body, enclosures]
    return "\n\n".join(letter) + "\n"


def render_note(plan: LetterPlan, *, markdown: bool = False) -> str:
    """The note for the user, in the interface language, ending in "\\n"."""
    notes = [letters_notes.note(item) for item in plan.notes]
    title = letters_notes.note_title()
    if markdown:
        lines = [f"> **{_md_escape(title)}**", ">", *[f"> - {_md_escape(n)}" for n in notes]]
    else:
        lines = [title.upper(), *[f"- {n}" for n in notes]]
    return "\n".join(lines) + "\n"


def formal_notice_parts(
    complaint: Complaint,
    today: dt.date,
    *,
    markdown: bool = False,
    days: int = 15,
    lang: str | None = None,
    despite_resolved: bool = False,
) -> tuple[str, str]:
    """The note for the user and the letter, apart: (note, letter), each ending in a newline.

    Raises `ReclamError` when a letter would be premature (the delivery date has not
    passed) or groundless (the legal guarantee has ended).
    """
    try:
        plan = plan_letter(complaint, today, days=days, despite_resolved=despite_resolved)
    except LetterRefused as refused:
        raise ReclamError(letters_notes.refusal_message(refused)) from None
    return render_note(plan, markdown=markdown), render_letter(plan, lang, markdown=markdown)


def formal_notice(
    complaint: Complaint,
    today: dt.date,
    *,
    markdown: bool = False,
    days: int = 15,
    lang: str | None = None,
    despite_resolved: bool = False,
) -> str:
    """The note for the user, a separator line and the letter, in one text."""
    note, letter = formal_notice_parts(
        complaint,
        today,
        markdown=markdown,
        days=days,
        lang=lang,
        despite_resolved=despite_resolved,
    )
    separator = "---" if markdown else "-" * 60
    return f"{note}\n{separator}\n\n{letter}"
