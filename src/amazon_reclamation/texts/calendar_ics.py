"""Complaints' events as an iCalendar file (RFC 5545), written with the icalendar library.

One VEVENT per event of `domain/calendar.py`: all day (DTSTART;VALUE=DATE, DTEND the
next day), shown as free time, with its UID (stable across exports), a summary and a
description (`texts/calendar.py`) and a reminder: the day before, or, for an event
today (the day before is past), at 9:00 on the day. A calendar that imports the file
again updates its events by UID, and takes a moved event for a newer version: SEQUENCE
is the complaint's revision (the entries of its contact log, which only grow) and
DTSTAMP and LAST-MODIFIED its last recorded change in UTC (`domain/calendar.py`). The
same data, day (`RECLAM_TODAY` when set) and language give the same bytes.

The file is bytes: UTF-8 with the CRLF line ends RFC 5545 asks, which a text write
(`files.write_output_file` given a str) would turn into LF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from amazon_reclamation.domain.calendar import Event
    from amazon_reclamation.models import Complaint

DAY_BEFORE = dt.timedelta(days=-1)
MORNING_OF_THE_DAY = dt.timedelta(hours=9)  # when the day before is already past


@dataclass(frozen=True)
class Ics:
    """An iCalendar file, how many events it holds, and how many it withdraws."""

    data: bytes
    events: int
    cancelled: int = 0


def prodid(lang: str) -> str:
    """The calendar's PRODID: reclam, its version and the language of the texts."""
    from amazon_reclamation import __version__

    return f"-//reclam//reclam {__version__}//{lang.upper()}"


def alarm_trigger(event: Event, today: dt.date) -> dt.timedelta:
    """When to remind, from the start of the event's day."""
    return DAY_BEFORE if event.day > today else MORNING_OF_THE_DAY


def ics_for(
    complaints: Iterable[Complaint],
    today: dt.date,
    lang: str,
    *,
    cancel_closed: bool = False,
    cancel_from: dt.date | None = None,
) -> Ics:
    """The calendar of these complaints' events (none for a closed one), worded in `lang`.

    With `cancel_closed`, a closed complaint's events as they stood when it was closed come
    marked cancelled, so that a calendar that imported them removes them; with
    `cancel_from`, only those on that day or later (the reminders still to come).
    """
    from amazon_reclamation.domain.calendar import cancelled_events, events
    from amazon_reclamation.i18n import in_language

    complaints = list(complaints)
    found = [(event, c) for c in complaints for event in events(c, today)]
    found.sort(key=lambda pair: (pair[0].day, pair[0].uid))
    cancelled = (
        [
            (event, c)
            for c in complaints
            for event in cancelled_events(c, today)
            if cancel_from is None or event.day >= cancel_from
        ]
        if cancel_closed
        else []
    )
    cancelled.sort(key=lambda pair: (pair[0].day, pair[0].uid))
    with in_language(lang):
        data = _calendar(found, today, lang, cancelled)
    return Ics(data, len(found), len(cancelled))


def _calendar(
    found: list[tuple[Event, Complaint]],
    today: dt.date,
    lang: str,
    cancelled: list[tuple[Event, Complaint]] | None = None,
) -> bytes:
    import icalendar

    from amazon_reclamation.domain.calendar import last_change, revision
    from amazon_reclamation.safe_text import clean_for_file
    from amazon_reclamation.texts.calendar import description, summary

    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid(lang))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for event, complaint in found:
        stamp = last_change(complaint)
        # User text (item, seller, promise) may hold controls or escapes: never in the file.
        title = clean_for_file(summary(event))
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("last-modified", stamp)
        item.add("sequence", revision(complaint))
        item.add("dtstart", event.day)
        item.add("dtend", event.day + dt.timedelta(days=1))
        item.add("summary", title)
        item.add("description", clean_for_file(description(event, complaint)))
        item.add("transp", "TRANSPARENT")
        reminder = icalendar.Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("trigger", alarm_trigger(event, today))
        reminder.add("description", title)
        item.add_component(reminder)
        calendar.add_component(item)
    for event, complaint in cancelled or []:
        # The same UID, a later revision and no reminder: the event is withdrawn.
        stamp = last_change(complaint)
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("last-modified", stamp)
        item.add("sequence", revision(complaint) + 1)
        item.add("status", "CANCELLED")
        item.add("dtstart", event.day)
        item.add("dtend", event.day + dt.timedelta(days=1))
        item.add("summary", clean_for_file(summary(event)))
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    data: bytes = calendar.to_ical()
    return data
