"""A follow-up date worded as what it is, wherever one is shown.

`domain.contacts.follow_up_kind` decides what a contact's follow-up date stands for: a
promise the other side made, the last day the user's formal notice gave (nobody
announced anything: the user set it), or a reply or call-back announced. `show` (the
line under a contact, the promises and the formal notices awaited), `due` and the
dashboard (what is awaited) and the calendar (`texts/calendar.py`) word it from here.
User text (the promise, the summary) is given as is: the screen cleans what it prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import N_, _

if TYPE_CHECKING:
    from amazon_reclamation.domain.contacts import FollowUpKind, PromiseState
    from amazon_reclamation.models import Contact

# The state of a formal notice's deadline: not "kept" or "broken", nobody promised it.
FORMAL_NOTICE_STATE: dict[PromiseState, str] = {
    "kept": N_("résolu ensuite"),
    "due": N_("en cours"),
    "broken": N_("DÉPASSÉ SANS SOLUTION"),
}


# The same states for a promise, and for a reply or call-back announced: each worded as
# what it is (the dossier's timeline says "État : …").
PROMISE_STATE: dict[PromiseState, str] = {
    "kept": N_("promesse tenue"),
    "due": N_("promesse à venir"),
    "broken": N_("promesse NON TENUE"),
}
ANNOUNCED_STATE: dict[PromiseState, str] = {
    "kept": N_("résolu ensuite"),
    "due": N_("réponse attendue"),
    "broken": N_("délai passé sans solution"),
}


def state_word(kind: FollowUpKind, state: PromiseState) -> str:
    """The state of a follow-up date in words, by what it stands for."""
    states = {
        "promise": PROMISE_STATE,
        "formal_notice": FORMAL_NOTICE_STATE,
        "announced": ANNOUNCED_STATE,
    }[kind]
    return _(states[state])


def contact_note(contact: Contact) -> str | None:
    """The line under a contact on the timeline about its follow-up date, if it has one."""
    from amazon_reclamation.domain.contacts import follow_up_kind

    kind = follow_up_kind(contact)
    if kind == "promise" and contact.promise:
        return _("Promis : {what} (pour le {date})").format(
            what=contact.promise, date=fmt.short_date(contact.follow_up)
        )
    if contact.follow_up is None:
        return None
    date = fmt.short_date(contact.follow_up)
    if kind == "promise":
        # No promise text: the summary says what was promised.
        return _("Promis pour le {date}").format(date=date)
    if kind == "formal_notice":
        return _("Délai de la mise en demeure : jusqu'au {date}").format(date=date)
    return _("Suivi prévu le {date}").format(date=date)


def awaited(kind: FollowUpKind, promise: str | None, summary: str | None) -> str:
    """What is awaited on the follow-up date, in a few words (`due`'s column)."""
    if kind == "formal_notice":
        return _("mise en demeure")  # under "Promesse ou délai": its deadline
    return promise or summary or _("suite annoncée")


def formal_notice_line(contact: Contact) -> str:
    """A formal notice's deadline in the list of what is awaited (`show`)."""
    return _("délai laissé jusqu'au {date} (contact n° {n})").format(
        date=fmt.short_date(contact.follow_up), n=contact.id
    )
