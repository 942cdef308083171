"""`reclam calendar`: the open complaints' deadlines and follow-ups as an .ics file, on
stdout or in a new file; and `export_ics`, the same for one complaint (`reclam export REF
--format ics`). The events themselves: tests/test_calendar_events.py."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from helpers import ESCAPE, MARKUP, create, one_error_line, run

# A damaged kettle delivered on 10 November: the withdrawal period ends on the 24th.
DAMAGED = [
    "--category", "damaged", "--order", "123-1234567-1234567", "--order-date", "01/11/2026",
    "--delivery-date", "10/11/2026", "--damage-timing", "on_arrival", "--seller", "amazon",
]  # fmt: skip
PROMISE = ["--channel", "phone", "--outcome", "promise", "--promise", "remboursement"]


def uids(text: str) -> list[str]:
    calendar = icalendar.Calendar.from_ical(text)
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_no_complaint_gives_an_empty_calendar_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code, out, err = run(capsys, "calendar")

    # Assert
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR\r\n") and out.endswith("END:VCALENDAR\r\n")
    assert uids(out) == []
    assert one_error_line(err) == "Aucune réclamation ouverte : le calendrier est vide."


def test_the_deadlines_and_the_awaited_promise_of_open_complaints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    cid = create(capsys, *DAMAGED)
    assert run(capsys, "log", cid, *PROMISE, "--follow-up", "27/11/2026")[0] == 0

    # Act
    code, out, err = run(capsys, "calendar")

    # Assert
    assert (code, err) == (0, "")
    found = events(out)
    assert found[f"{cid}-withdrawal@reclam"].decoded("DTSTART").isoformat() == "2026-11-24"
    assert found[f"{cid}-follow-up@reclam"].decoded("DTSTART").isoformat() == "2026-11-27"
    assert f"{cid}-defect_notice@reclam" in found
    promised = found[f"{cid}-follow-up@reclam"]
    assert "« remboursement »" in str(promised["DESCRIPTION"])
    assert str(promised.walk("VALARM")[0]["TRIGGER"].to_ical(), "ascii") == "-P1D"


def test_the_same_day_gives_the_same_bytes_and_a_moved_promise_keeps_its_uid(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    cid = create(capsys, *DAMAGED)
    assert run(capsys, "log", cid, *PROMISE, "--follow-up", "25/11/2026")[0] == 0
    first = run(capsys, "calendar")[1]

    # Act: the same day again; then, the promise broken, a new one on the 27th
    again = run(capsys, "calendar")[1]
    monkeypatch.setenv("RECLAM_TODAY", "2026-11-27")
    assert run(capsys, "log", cid, *PROMISE, "--follow-up", "04/12/2026")[0] == 0
    later = run(capsys, "calendar")[1]

    # Assert
    assert first == again
    uid = f"{cid}-follow-up@reclam"
    assert events(first)[uid].decoded("DTSTART").isoformat() == "2026-11-25"
    assert events(later)[uid].decoded("DTSTART").isoformat() == "2026-12-04"
    assert uids(later).count(uid) == 1


def test_a_closed_complaint_withdraws_its_reminders_still_to_come(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: both in the calendar as imported, then one closed
    kept = create(capsys, *DAMAGED)
    closed = create(capsys, *DAMAGED[:3], "999-1234567-1234567", *DAMAGED[4:])
    before = events(run(capsys, "calendar")[1])
    assert run(capsys, "close", closed, "--outcome", "resolved")[0] == 0

    # Act
    code, out, err = run(capsys, "calendar")

    # Assert: the open one's reminders as before; the closed one's, the same UIDs cancelled
    # at a later revision, without an alarm, so that importing the file removes them
    after = events(out)
    assert code == 0
    mine = {uid for uid in before if uid.startswith(f"{closed}-")}
    assert mine and mine <= set(after)
    for uid, event in after.items():
        if uid.startswith(f"{kept}-"):
            assert "STATUS" not in event or str(event["STATUS"]) != "CANCELLED"
        else:
            assert uid in mine
            assert str(event["STATUS"]) == "CANCELLED"
            assert not event.walk("VALARM")
            assert int(event["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
    assert " ".join(err.split()) == (
        f"Le calendrier retire aussi {len(mine)} rappels de réclamations clôturées ; "
        "importez-le pour les effacer de votre agenda."
    )


def test_a_closed_complaint_whose_dates_have_passed_is_left_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: closed, then every date it had passes: no reminder of it can ring any more
    closed = create(capsys, *DAMAGED)
    assert run(capsys, "close", closed, "--outcome", "resolved")[0] == 0
    monkeypatch.setenv("RECLAM_TODAY", "2031-01-01")

    # Act
    code, out, err = run(capsys, "calendar")

    # Assert
    assert code == 0 and uids(out) == []
    assert one_error_line(err) == "Aucune réclamation ouverte : le calendrier est vide."


def test_open_complaints_without_a_date_to_come_give_an_empty_calendar(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    create(capsys, *DAMAGED)
    monkeypatch.setenv("RECLAM_TODAY", "2031-01-01")  # every deadline has passed

    code, out, err = run(capsys, "calendar")

    assert code == 0 and uids(out) == []
    assert one_error_line(err) == (
        "Aucun délai ni suivi à venir dans les réclamations ouvertes : le calendrier est vide."
    )


def test_out_writes_a_new_file_and_says_how_many_reminders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    cid = create(capsys, *DAMAGED)
    target = tmp_path / "reclam.ics"
    shown = run(capsys, "calendar")[1]

    # Act
    code, out, err = run(capsys, "calendar", "--out", str(target))

    # Assert
    assert (code, out) == (0, "")
    count = len(uids(shown))
    assert one_error_line(err) == f"{count} rappels écrits dans {target}."
    assert target.read_bytes() == shown.encode("utf-8")
    assert b"\r\n" in target.read_bytes()
    assert target.stat().st_mode & 0o777 == 0o600
    assert f"{cid}-withdrawal@reclam" in uids(target.read_text(encoding="utf-8"))


def test_out_refuses_an_existing_file_unless_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    create(capsys, *DAMAGED)
    target = tmp_path / "reclam.ics"
    target.write_text("mine", encoding="utf-8")

    # Act
    refused = run(capsys, "calendar", "--out", str(target))
    forced = run(capsys, "calendar", "--out", str(target), "--force")

    # Assert
    assert refused[0] == 2
    assert "ajoutez --force" in one_error_line(refused[2])
    assert forced[0] == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_out_refuses_a_link_a_folder_and_the_data_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path
) -> None:
    # Arrange
    create(capsys, *DAMAGED)
    victim = tmp_path / "victim.txt"
    victim.write_text("intact", encoding="utf-8")
    link = tmp_path / "link.ics"
    link.symlink_to(victim)

    # Act
    results = [
        run(capsys, "calendar", "--out", str(path), "--force")
        for path in (link, tmp_path, isolated_home / "reclam.ics")
    ]

    # Assert
    for code, out, err in results:
        assert (code, out) == (2, "")
        assert one_error_line(err).startswith("Erreur : --out : ")
    assert victim.read_text(encoding="utf-8") == "intact"
    assert not (isolated_home / "reclam.ics").exists()


def test_markup_and_escapes_in_user_text_are_neutralised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    cid = create(capsys, *DAMAGED, "--item", f"{MARKUP} {ESCAPE}")
    target = tmp_path / "reclam.ics"

    # Act
    out = run(capsys, "calendar")[1]
    assert run(capsys, "calendar", "--out", str(target))[0] == 0

    # Assert
    for text in (out, target.read_text(encoding="utf-8")):
        assert "\x1b" not in text and "\x07" not in text
        description = str(events(text)[f"{cid}-withdrawal@reclam"]["DESCRIPTION"])
        assert f"Article : {MARKUP} [31mrouge[0m." in description


def test_the_calendar_follows_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    create(capsys, *DAMAGED)

    out = run(capsys, "calendar", "--lang", "nl")[1]

    assert str(icalendar.Calendar.from_ical(out)["PRODID"]).endswith("//NL")


# -- export_ics: `reclam export REF --format ics` ------------------------------------------


def test_export_ics_gives_one_complaints_events(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    cid = create(capsys, *DAMAGED)
    other = create(capsys, *DAMAGED[:3], "999-1234567-1234567", *DAMAGED[4:])
    target = tmp_path / "one.ics"

    # Act
    code, out, err = run(capsys, "export", cid, "--format", "ics")
    written = run(capsys, "export", "999-1234567-1234567", "--format", "ics", "--out", str(target))

    # Assert
    assert (code, err) == (0, "")
    assert uids(out) and all(u.startswith(f"{cid}-") for u in uids(out))
    on_file = uids(target.read_text(encoding="utf-8"))
    assert on_file and all(u.startswith(f"{other}-") for u in on_file)
    assert written[0] == 0 and written[1] == ""
    assert written[2].strip().endswith(f"écrits dans {target}.")


def test_export_ics_of_a_closed_complaint_withdraws_the_reminders_it_had(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: the calendar as imported while open, then the complaint closed
    cid = create(capsys, *DAMAGED)
    code, before, _err = run(capsys, "export", cid, "--format", "ics")
    assert code == 0 and uids(before)
    assert run(capsys, "close", cid, "--outcome", "abandoned")[0] == 0

    # Act
    code, out, err = run(capsys, "export", cid, "--format", "ics")

    # Assert: the same UIDs, cancelled, at a later revision, with no reminder left
    assert code == 0
    calendar = icalendar.Calendar.from_ical(out)
    cancelled = list(calendar.walk("VEVENT"))
    assert sorted(str(e["UID"]) for e in cancelled) == sorted(uids(before))
    assert all(str(e["STATUS"]) == "CANCELLED" for e in cancelled)
    assert list(calendar.walk("VALARM")) == []
    earlier = {
        str(e["UID"]): int(e["SEQUENCE"])
        for e in icalendar.Calendar.from_ical(before).walk("VEVENT")
    }
    assert all(int(e["SEQUENCE"]) > earlier[str(e["UID"])] for e in cancelled)
    assert f"La réclamation {cid} est clôturée : le calendrier retire ses" in " ".join(err.split())


def test_a_calendar_that_only_withdraws_says_so_and_not_that_it_is_empty(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: the only complaint closed, its reminders still to come
    closed = create(capsys, *DAMAGED)
    assert run(capsys, "close", closed, "--outcome", "resolved")[0] == 0

    # Act
    code, out, err = run(capsys, "calendar")

    # Assert
    cancelled = events(out)
    assert code == 0 and cancelled
    assert all(str(event["STATUS"]) == "CANCELLED" for event in cancelled.values())
    assert one_error_line(err) == (
        f"Aucun rappel à venir ; le calendrier retire {len(cancelled)} rappels de "
        "réclamations clôturées : importez-le pour les effacer de votre agenda."
    )
