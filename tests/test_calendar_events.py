"""The calendar's events (domain/calendar.py) and their .ics file (texts/calendar_ics.py).

Named apart from tests/cli/test_calendar.py: pytest imports test files by name.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

import icalendar
import pytest

from amazon_reclamation.domain.calendar import events, last_change, revision
from amazon_reclamation.domain.escalation import decide
from amazon_reclamation.knowledge.rules import RULES
from amazon_reclamation.models import Contact
from amazon_reclamation.texts.calendar import SUMMARIES, description, summary
from amazon_reclamation.texts.calendar_ics import ics_for
from factories import TODAY, at, complaint, contact

DELIVERED = date(2026, 11, 10)  # the withdrawal period ends on 24 November


def promise(
    contact_id: int = 1, day: int = 12, follow_up: date = date(2026, 11, 25), **fields: Any
) -> Contact:
    """A promise by phone on `day` November, to be kept by `follow_up`."""
    values: dict[str, Any] = {"promise": "remboursement sous 5 jours"}
    values.update(fields)
    return contact(contact_id, at(day), "phone", "promise", follow_up=follow_up, **values)


def by_key(found: list[Any]) -> dict[str, Any]:
    return {e.key: e for e in found}


def parsed(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


# -- the events ------------------------------------------------------------------------


def test_a_deadline_still_to_come_is_one_event_keyed_by_its_rule() -> None:
    # Arrange
    c = complaint(delivery_date=DELIVERED)

    # Act
    found = by_key(events(c, TODAY))

    # Assert
    withdrawal = found["withdrawal"]
    assert withdrawal.kind == "deadline"
    assert withdrawal.day == date(2026, 11, 24)
    assert withdrawal.uid == "k7m2pq-withdrawal@reclam"
    assert withdrawal.step == decide(c, withdrawal.day).now.id  # type: ignore[union-attr]


def test_passed_deadlines_are_left_out_and_one_due_today_is_kept() -> None:
    c = complaint(delivery_date=DELIVERED)

    assert "withdrawal" in by_key(events(c, date(2026, 11, 24)))
    assert "withdrawal" not in by_key(events(c, date(2026, 11, 25)))


def test_a_right_already_used_is_no_event() -> None:
    # Sent back in time: the withdrawal's end is no alarm (as in `reclam due`).
    c = complaint(
        delivery_date=DELIVERED,
        facts={"return_kind": "returned", "returned_date": date(2026, 11, 15)},
    )

    assert "withdrawal" not in by_key(events(c, TODAY))


def test_the_awaited_promise_is_one_follow_up_event_with_the_step_if_it_is_not_kept() -> None:
    # Arrange
    c = complaint(contacts=[promise()])

    # Act
    event = by_key(events(c, TODAY))["follow-up"]

    # Assert: the step is the one reclam advises the day after, the promise then broken
    assert event.kind == "follow_up"
    assert event.day == date(2026, 11, 25)
    assert event.uid == "k7m2pq-follow-up@reclam"
    assert event.follow_up.id == 1
    assert event.step == decide(c, date(2026, 11, 26)).now.id  # type: ignore[union-attr]
    assert event.step is not None


def test_a_new_promise_after_a_broken_one_keeps_the_uid_and_moves_the_date() -> None:
    # Arrange: promised for the 25th; on the 27th, broken, a new promise for 4 December
    first = complaint(contacts=[promise()])
    second = complaint(
        contacts=[promise(), promise(2, day=27, follow_up=date(2026, 12, 4), promise="rappel")]
    )

    # Act
    before = by_key(events(first, TODAY))["follow-up"]
    after = by_key(events(second, date(2026, 11, 28)))["follow-up"]

    # Assert
    assert before.uid == after.uid == "k7m2pq-follow-up@reclam"
    assert (before.day, after.day) == (date(2026, 11, 25), date(2026, 12, 4))
    assert after.follow_up.id == 2


def test_a_corrected_follow_up_date_moves_the_same_event() -> None:
    corrected = promise(2, day=21, follow_up=date(2026, 12, 1), corrects=1)
    c = complaint(contacts=[promise(), corrected])

    event = by_key(events(c, TODAY))["follow-up"]

    assert (event.uid, event.day) == ("k7m2pq-follow-up@reclam", date(2026, 12, 1))


def test_of_two_awaited_follow_ups_the_event_is_on_the_earliest() -> None:
    later = promise(2, day=15, follow_up=date(2026, 11, 30))
    c = complaint(contacts=[promise(), later])

    found = [e for e in events(c, TODAY) if e.kind == "follow_up"]

    assert [e.day for e in found] == [date(2026, 11, 25)]


def test_a_kept_broken_or_refused_promise_is_no_event() -> None:
    resolved = contact(2, at(18), "chat", "resolved")
    refused = contact(2, at(18), "chat", "refused")

    assert "follow-up" not in by_key(events(complaint(contacts=[promise(), resolved]), TODAY))
    assert "follow-up" not in by_key(events(complaint(contacts=[promise(), refused]), TODAY))
    assert "follow-up" not in by_key(events(complaint(contacts=[promise()]), date(2026, 11, 26)))


def test_a_call_back_announced_with_a_date_is_awaited_too() -> None:
    call_back = contact(1, at(12), "phone", "no_answer", follow_up=date(2026, 11, 23))

    c = complaint(contacts=[call_back])
    event = by_key(events(c, TODAY))["follow-up"]

    assert event.day == date(2026, 11, 23)
    assert summary(event) == "reclam k7m2pq : échéance du suivi annoncé"
    assert "Suivi annoncé le 12 novembre 2026 (téléphone) pour le 23 novembre 2026." in (
        description(event, c)
    )


def test_a_formal_notice_sent_is_the_end_of_the_time_it_gave_not_a_follow_up_announced() -> None:
    # Arrange: `letter --sent` records the notice with the last day the letter gave
    notice = contact(
        1, at(12), "letter", "pending", step="formal_notice", follow_up=date(2026, 11, 27)
    )
    c = complaint(contacts=[notice])

    # Act
    event = by_key(events(c, TODAY))["follow-up"]
    title, text = summary(event), description(event, c)

    # Assert
    assert title == "reclam k7m2pq : fin du délai laissé par la mise en demeure"
    assert (
        "Mise en demeure envoyée le 12 novembre 2026 (lettre) : délai laissé jusqu'au "
        "27 novembre 2026 pour y donner suite."
    ) in text
    assert "annoncé" not in title + text


def test_a_closed_complaint_has_no_event() -> None:
    c = complaint(delivery_date=DELIVERED, contacts=[promise()], status="resolved")

    assert events(c, TODAY) == []


def test_events_are_sorted_by_day() -> None:
    c = complaint(delivery_date=DELIVERED, contacts=[promise()])

    days = [e.day for e in events(c, TODAY)]

    assert days == sorted(days) and len(days) >= 2


# -- the words ---------------------------------------------------------------------------


def test_every_deadline_rule_has_its_own_summary() -> None:
    assert set(SUMMARIES) == {rule.id for rule in RULES if rule.deadline}


def test_the_description_gives_the_order_the_step_and_the_command() -> None:
    # Arrange
    c = complaint(contacts=[promise(agent="Sophie", reference="R-77")])

    # Act
    event = parsed(ics_for([c], TODAY, "fr").data).walk("VEVENT")[0]

    # Assert
    text = str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == "reclam k7m2pq : échéance de la promesse"
    assert "Commande 123-1234567-1234567." in text
    assert "« remboursement sous 5 jours »" in text
    assert "Interlocuteur : Sophie." in text and "R-77" in text
    assert "étape conseillée ensuite : " in text
    assert text.endswith("reclam escalate k7m2pq")


def test_an_amazon_rule_seen_on_another_site_is_said_to_be_checked() -> None:
    c = complaint(seller={"kind": "marketplace", "name": "Vendeur Martin"})

    ics = parsed(ics_for([c], TODAY, "fr").data)

    feedback = next(e for e in ics.walk("VEVENT") if "seller_feedback" in str(e["UID"]))
    assert "à vérifier" in str(feedback["SUMMARY"])
    assert "Fiabilité : source secondaire" in str(feedback["DESCRIPTION"])


# -- the .ics file -----------------------------------------------------------------------


def test_the_file_parses_back_with_all_day_events_uids_and_a_reminder_the_day_before() -> None:
    # Arrange
    c = complaint(delivery_date=DELIVERED, contacts=[promise()])
    expected = [(e.uid, e.day) for e in events(c, TODAY)]

    # Act
    ics = ics_for([c], TODAY, "fr")

    # Assert
    calendar = parsed(ics.data)
    assert str(calendar["PRODID"]).startswith("-//reclam//reclam ")
    assert str(calendar["PRODID"]).endswith("//FR")
    assert (str(calendar["VERSION"]), str(calendar["CALSCALE"])) == ("2.0", "GREGORIAN")
    found = calendar.walk("VEVENT")
    assert ics.events == len(found) == len(expected)
    assert [(str(e["UID"]), e.decoded("DTSTART")) for e in found] == expected
    for event in found:
        start = event.decoded("DTSTART")
        assert type(start) is date
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        # The promise's recording, the complaint's last change; one contact logged.
        assert event.decoded("DTSTAMP") == at(12) == event.decoded("LAST-MODIFIED")
        assert event.decoded("SEQUENCE") == 1
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == dt.timedelta(days=-1)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    assert b"TRIGGER:-P1D\r\n" in ics.data
    assert b"DTSTART;VALUE=DATE:20261124\r\n" in ics.data


def test_an_event_today_is_reminded_that_morning_since_the_day_before_is_past() -> None:
    c = complaint(delivery_date=DELIVERED)
    today = date(2026, 11, 24)

    calendar = parsed(ics_for([c], today, "fr").data)

    withdrawal = next(e for e in calendar.walk("VEVENT") if "withdrawal" in str(e["UID"]))
    (alarm,) = withdrawal.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=9)


def test_the_same_data_and_day_give_the_same_bytes_with_crlf_lines() -> None:
    c = complaint(delivery_date=DELIVERED, contacts=[promise()])
    other = complaint("abc234", delivery_date=date(2026, 11, 12))

    first = ics_for([c, other], TODAY, "fr").data
    again = ics_for([other, c], TODAY, "fr").data

    assert first == again
    assert first.count(b"\r\n") == first.count(b"\n")


def test_a_corrected_promise_is_a_newer_version_of_the_same_event() -> None:
    # Arrange: promised on the 12th for the 25th; on the 18th, corrected to 1 December
    first = complaint(delivery_date=DELIVERED, contacts=[promise()])
    corrected = promise(2, day=18, follow_up=date(2026, 12, 1), corrects=1)
    second = first.model_copy(update={"contacts": [*first.contacts, corrected]})

    # Act
    before = {str(e["UID"]): e for e in parsed(ics_for([first], TODAY, "fr").data).walk("VEVENT")}
    after = {str(e["UID"]): e for e in parsed(ics_for([second], TODAY, "fr").data).walk("VEVENT")}
    again = ics_for([second], TODAY, "fr").data

    # Assert: same UID, moved, a higher SEQUENCE and a later DTSTAMP; the same data, the same bytes
    uid = "k7m2pq-follow-up@reclam"
    assert set(before) == set(after)
    assert (before[uid].decoded("DTSTART"), after[uid].decoded("DTSTART")) == (
        date(2026, 11, 25),
        date(2026, 12, 1),
    )
    assert after[uid].decoded("SEQUENCE") > before[uid].decoded("SEQUENCE")
    assert after[uid].decoded("DTSTAMP") > before[uid].decoded("DTSTAMP")
    assert after[uid].decoded("LAST-MODIFIED") == after[uid].decoded("DTSTAMP")
    assert again == ics_for([second], TODAY, "fr").data


def test_an_export_on_another_day_keeps_the_stamp_and_the_revision_of_the_same_data() -> None:
    c = complaint(delivery_date=DELIVERED, contacts=[promise()])

    def stamps(day: date) -> dict[str, tuple[Any, Any]]:
        found = parsed(ics_for([c], day, "fr").data).walk("VEVENT")
        return {str(e["UID"]): (e.decoded("DTSTAMP"), e.decoded("SEQUENCE")) for e in found}

    today, later = stamps(TODAY), stamps(date(2026, 11, 23))

    assert later == {uid: today[uid] for uid in later} and len(later) >= 2


def test_the_last_change_is_the_latest_moment_recorded_in_utc() -> None:
    brussels = dt.timezone(dt.timedelta(hours=1))
    logged = contact(
        1, at(5), "phone", "no_answer", recorded_at=dt.datetime(2026, 11, 6, 9, 30, tzinfo=brussels)
    )
    c = complaint(contacts=[logged], created_at=at(1))
    closed = c.model_copy(update={"status": "resolved", "closed_at": at(9, hour=14)})

    assert last_change(complaint(contacts=[])) == at(1)
    assert last_change(c) == dt.datetime(2026, 11, 6, 8, 30, tzinfo=dt.UTC)
    assert last_change(c).tzinfo == dt.UTC
    assert last_change(closed) == at(9, hour=14)
    assert (revision(complaint(contacts=[])), revision(c)) == (0, 1)


def test_user_text_with_controls_and_markup_reaches_the_file_as_plain_text() -> None:
    # Arrange
    hostile = "\x1b]0;titre\x07Casque \u202e[red]x[/red]\x1b[31m"
    c = complaint(
        item=hostile,
        seller={"kind": "marketplace", "name": f"Vendeur {hostile}"},
        contacts=[promise(promise=hostile, agent=hostile)],
    )

    # Act
    data = ics_for([c], TODAY, "fr").data

    # Assert
    for unsafe in (b"\x1b", b"\x07", "\u202e".encode()):
        assert unsafe not in data
    description = "".join(str(e["DESCRIPTION"]) for e in parsed(data).walk("VEVENT"))
    assert "Casque [red]x[/red]" in description


def test_no_complaint_gives_a_calendar_without_events() -> None:
    ics = ics_for([], TODAY, "fr")

    assert ics.events == 0
    assert parsed(ics.data).walk("VEVENT") == []


def test_the_prodid_names_the_language_and_the_language_is_restored() -> None:
    from amazon_reclamation.i18n import current_language

    ics = ics_for([complaint(delivery_date=DELIVERED)], TODAY, "nl")

    assert str(parsed(ics.data)["PRODID"]).endswith("//NL")
    assert current_language() == "fr"


def test_every_word_of_an_event_comes_from_a_catalogue_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gettext
    import re

    from amazon_reclamation import i18n

    class Pseudo(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return f"⟦{message}⟧"

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return f"⟦{singular if n == 1 else plural}⟧"

    # Arrange: a deadline and a promise, every user value known
    monkeypatch.setattr(i18n, "_load", lambda _language: Pseudo())
    i18n.set_language("en")
    c = complaint(
        delivery_date=DELIVERED,
        seller={"kind": "marketplace", "name": "Vendeur Martin"},
        contacts=[promise(agent="Sophie", reference="R-77")],
    )
    user_values = ("123-1234567-1234567", "Bouilloire inox 1,7 L", "Vendeur Martin", "Sophie")
    user_values += ("R-77", "remboursement sous 5 jours", "k7m2pq")

    # Act
    texts = [f"{summary(e)}\n{description(e, c)}" for e in events(c, TODAY)]

    # Assert: with the messages and the values taken out, only dates, digits and URLs stay
    for text in texts:
        for value in user_values:
            text = text.replace(value, " ")
        while (shorter := re.sub(r"⟦[^⟦⟧]*⟧", " ", text)) != text:
            text = shorter
        text = re.sub(r"https://\S+", " ", text)
        assert re.findall(r"[^\W\d_]{2,}", text) == [], text
