"""A record whose text the index holds as validated is built without the validators
(`records.construct_complaint`): it must come out exactly as `parse_complaint` gives it."""

from __future__ import annotations

import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pydantic import AwareDatetime

import factories
from amazon_reclamation import models, records
from amazon_reclamation.models import Attachment, Complaint
from amazon_reclamation.records import construct_complaint, parse_complaint
from amazon_reclamation.safe_text import json_text

SHA = "ab" * 32


def _text(complaint: Complaint) -> str:
    return json_text(complaint.to_json_dict()) + "\n"


def _varied() -> list[Complaint]:
    brussels = timezone(timedelta(hours=1))
    return [
        factories.complaint(),
        factories.complaint(
            "q2w3e4",
            status="resolved",
            closed_at=datetime(2026, 11, 15, 9, 30, tzinfo=brussels),
            amount=Decimal("12"),
            delivery_date=date(2026, 10, 3),
            letter_lang="nl",
            desired_resolution="refund",
            seller={"kind": "marketplace", "name": "TechShop BV", "country": "NL"},
            facts={
                "damage_timing": "on_arrival",
                "defect_discovered_date": date(2026, 10, 4),
                "amount_charged": Decimal("49.90"),
                "refund_expected": Decimal("0.5"),
                "photos_taken": True,
            },
            contacts=[
                factories.contact(1, promise="Remboursement", follow_up=date(2026, 11, 25)),
                factories.contact(2, factories.at(12, hour=23, minute=59), "phone", "pending"),
            ],
            attachments=[
                Attachment(
                    id=1,
                    name="photo.jpg",
                    file=SHA + ".jpg",
                    sha256=SHA,
                    size=10,
                    media_type="image/jpeg",
                    added_at=factories.at(3),
                ),
                Attachment(id=2, name="old.pdf", sha256=SHA, added_at=factories.at(4)),
            ],
        ),
    ]


@pytest.mark.parametrize("complaint", _varied(), ids=["plain", "full"])
def test_a_known_text_gives_the_very_record_validation_gives(complaint: Complaint) -> None:
    # Arrange
    text = _text(complaint)

    # Act
    validated = parse_complaint(text, complaint.id)
    known = construct_complaint(text, complaint.id)

    # Assert: equal, alike (types, time zones, exact decimals) and written back the same
    assert known == validated
    assert repr(known) == repr(validated)
    assert known is not None and known.model_fields_set == validated.model_fields_set
    assert _text(known) == text


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.update(id="zzzz22"),  # another file's record
        lambda data: data["attachments"][0].update(file="../../outside.jpg"),
        lambda data: data["attachments"][0].update(sha256="../..", file="../...jpg"),
        lambda data: data.update(created_at=5),
        lambda data: data.update(contacts="none"),
        lambda data: data.pop("facts"),
    ],
    ids=["other id", "file escapes", "hash escapes", "wrong type", "not a list", "missing"],
)
def test_a_known_text_that_could_reach_another_file_or_is_malformed_is_not_used(
    change: typing.Callable[[dict[str, typing.Any]], object],
) -> None:
    # Arrange
    data = _varied()[1].to_json_dict()
    change(data)

    # Act
    known = construct_complaint(json_text(data) + "\n", "q2w3e4")

    # Assert
    assert known is None


def test_every_date_datetime_and_decimal_field_is_converted() -> None:
    # Arrange: every model's fields whose annotation holds a date, a datetime or a Decimal
    converted = {
        name: set(records._DATES.get(name, ())) | set(records._DATETIMES.get(name, ()))
        for name in ("Complaint", "Facts", "Contact", "Attachment", "Seller")
    }

    # Act
    typed: dict[str, set[str]] = {}
    decimals: set[str] = set()
    floats: set[str] = set()
    for model in (models.Complaint, models.Facts, models.Contact, models.Attachment):
        for field, info in model.model_fields.items():
            kinds = {info.annotation, *typing.get_args(info.annotation)}
            if kinds & {date, datetime, AwareDatetime}:
                typed.setdefault(model.__name__, set()).add(field)
            if any(kind is Decimal or Decimal in typing.get_args(kind) for kind in kinds):
                decimals.add(f"{model.__name__}.{field}")
            if float in kinds:
                floats.add(f"{model.__name__}.{field}")

    # Assert: dates and datetimes are named in records.py; every JSON float becomes a
    # Decimal, so the decimals must be the only numbers with a fraction
    assert {name: fields for name, fields in converted.items() if fields} == typed
    assert decimals == {
        "Complaint.amount",
        "Facts.amount_charged",
        "Facts.amount_expected",
        "Facts.refund_expected",
    }
    assert floats == set()
