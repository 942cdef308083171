"""A complaint record from its file's text: the id format, schema migrations, validation.

What makes a file a usable record, apart from where it lives: `store.py` reads and
writes the files and calls `parse_complaint` on their text. A record whose schema is
older is migrated here, one version at a time (`MIGRATIONS`), and rewritten in the
current schema only when it is next changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from amazon_reclamation.i18n import _
from amazon_reclamation.ids import StepId, default_step

if TYPE_CHECKING:
    from amazon_reclamation.models import Complaint

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are read aloud
ID_LENGTH = 6


def is_valid_id(text: str) -> bool:
    """True for a complaint id: six characters of the id alphabet."""
    return len(text) == ID_LENGTH and all(char in ID_ALPHABET for char in text)


class Unreadable(NamedTuple):
    """A complaint file that could not be read, and why."""

    path: Path
    reason: str


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older record up to the current schema, one version at a time.

    Version 1 is the first; each later version adds a step `MIGRATIONS[n]` that turns
    version n into n + 1.
    """
    from amazon_reclamation.models import SCHEMA_VERSION

    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(_("schema_version absent ou invalide"))
    if version > SCHEMA_VERSION:
        raise ValueError(
            _("créé par une version plus récente de reclam (schéma {version})").format(
                version=version
            )
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


# Version 1 had no `step`: reclam recognised the steps in the summary's words (without
# case or accents). The migration applies those patterns once; decisions never read the
# words again. The first that matches wins, in this order: the furthest step first.
_V1_STEP_WORDS: tuple[tuple[StepId, tuple[str, ...]], ...] = (
    ("chargeback", (r"charge-?back", r"retrofacturation", r"terugboeking")),
    (
        "review",
        (
            r"\bavis (?:publie|laisse|poste|depose|client)",
            r"\bevaluation du vendeur",
            r"\breview",
            r"\bfeedback",
            r"\brecensie",
            r"\bbeoordeling",
        ),
    ),
    ("formal_notice", (r"mise en demeure", r"ingebrekestelling", r"in gebreke", r"formal notice")),
    ("atoz_claim", (r"\ba[\s-]*(?:to|a|tot)[\s-]*z\b",)),
    ("ask_supervisor", (r"\bresponsable", r"\bsuperviseu?r", r"\bmanager", r"\bleidinggevende")),
)
_V1_WRITTEN_ONLY = ("formal_notice",)  # version 1 counted a formal notice by e-mail or letter


def _plain(text: str) -> str:
    """Lower case without accents, so "A à Z" and "a a z" match alike."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def v1_contact_step(channel: str, summary: str | None) -> StepId:
    """The step of a version-1 contact: what version 1 recognised in it, as one id.

    A message to the seller stays `contact_seller` whatever its words; otherwise the
    first pattern that matches the summary, else `default_step(channel)`.
    """
    if channel != "seller_message" and summary:
        plain = _plain(summary)
        written = channel in ("email", "letter")
        for step_id, words in _V1_STEP_WORDS:
            if step_id in _V1_WRITTEN_ONLY and not written:
                continue
            if re.search("|".join(words), plain):
                return step_id
    return default_step(channel)


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 gives each contact the step it performed (`step`)."""
    contacts = data.get("contacts")
    if isinstance(contacts, list):
        data["contacts"] = [
            {**c, "step": v1_contact_step(str(c.get("channel")), c.get("summary"))}
            if isinstance(c, dict) and "step" not in c
            else c
            for c in contacts
        ]
    return {**data, "schema_version": 2}


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 may name the language of the messages and letters (`letter_lang`); a
    version-2 record has none: it follows the interface language, as it did."""
    return {**data, "schema_version": 3}


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 keeps a copy of each evidence file (`reclam attach`): an attachment has
    an `id`, and its copy's `file`, `size` and `media_type`. Version 3 only listed evidence
    (no command wrote it): each entry is numbered in order and keeps no copy (null)."""
    attachments = data.get("attachments")
    if isinstance(attachments, list):
        data["attachments"] = [
            {"id": number, **entry} if isinstance(entry, dict) and "id" not in entry else entry
            for number, entry in enumerate(attachments, start=1)
        ]
    return {**data, "schema_version": 4}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def _describe_validation_error(error: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "?"
        if first["type"] == "missing":
            return _("champ {field} manquant").format(field=where)
        return _("champ {field} non conforme").format(field=where)
    if isinstance(error, json.JSONDecodeError):
        return _("JSON non valable, ligne {line}, colonne {column}").format(
            line=error.lineno, column=error.colno
        )
    if isinstance(error, RecursionError):
        return _("JSON imbriqué trop profondément")
    return str(error)


def _invalid_json_reason(error: Exception) -> str | None:
    """The reason when pydantic could not even parse the text as JSON, else None."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        first = error.errors()[0]
        if first["type"] == "json_invalid":
            detail = str(first.get("ctx", {}).get("error", "")) or first["msg"]
            return _("JSON non valable ({detail})").format(detail=detail)
    return None


def parse_complaint(text: str, file_id: str) -> Complaint:
    """Validate a complaint file's text; ValueError with the reason if it cannot be used."""
    from amazon_reclamation.models import STORED, Complaint

    try:
        # Fast path: a current file validates straight from its text (about twice as
        # fast as json.loads then model_validate, which matters for `list`).
        complaint = Complaint.model_validate_json(text, context=STORED)
    except ValueError as error:
        # Broken JSON (deep nesting, lone surrogates ...) stops here; an older schema
        # takes the slow path, which says what is wrong.
        invalid = _invalid_json_reason(error)
        if invalid is not None:
            raise ValueError(invalid) from None
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError(_("le contenu n'est pas un objet JSON"))
            complaint = Complaint.model_validate(_migrate(data), context=STORED)
        except (ValueError, TypeError, KeyError, RecursionError) as slow_error:
            raise ValueError(_describe_validation_error(slow_error)) from None
    if complaint.id != file_id:
        raise ValueError(
            _(
                "son identifiant interne {inner} ne correspond pas au nom du fichier : copie ou "
                "conflit de synchronisation ?"
            ).format(inner=shown_id(complaint.id))
        )
    return complaint


def shown_id(text: str) -> str:
    """An id as it is shown in a message: quoted, shortened, control characters visible."""
    from amazon_reclamation.parsing import shown

    return _("« {id} »").format(id=shown(text, 20))


def unreadable_message(path: Path, reason: str) -> str:
    """The one line that reports an unusable complaint file."""
    return _("Fichier illisible, laissé tel quel : {path} ({reason}).").format(
        path=path, reason=reason.splitlines()[0][:200] if reason else "?"
    )


# -- a record already validated --------------------------------------------------------

# The fields whose JSON text becomes a date, a datetime or a Decimal, per model; a test
# checks them against the models' annotations.
_DATES = {
    "Complaint": ("order_date", "delivery_date", "expected_delivery_date"),
    "Facts": (
        "defect_discovered_date",
        "marked_delivered_date",
        "charge_date",
        "returned_date",
    ),
    "Contact": ("follow_up",),
}
_DATETIMES = {
    "Complaint": ("created_at", "closed_at", "updated_at"),
    "Contact": ("at", "recorded_at"),
    "Attachment": ("added_at",),
}


def _typed(data: dict[str, Any], model: str, zones: dict[Any, Any]) -> dict[str, Any]:
    from datetime import date, datetime

    from pydantic_core import TzInfo

    for name in _DATES.get(model, ()):
        if data.get(name) is not None:
            data[name] = date.fromisoformat(data[name])
    for name in _DATETIMES.get(model, ()):
        if data.get(name) is not None:
            moment = datetime.fromisoformat(data[name])
            offset = moment.utcoffset()
            if offset is not None:  # the time zone pydantic gives: equal and alike
                zone = zones.get(offset)
                if zone is None:
                    zone = zones[offset] = TzInfo(int(offset.total_seconds()))
                moment = moment.replace(tzinfo=zone)
            data[name] = moment
    return data


def construct_complaint(text: str, file_id: str) -> Complaint | None:
    """The record of a text that this version of reclam has validated and written itself.

    Only for a text known to be exactly what `Store.write` wrote for a valid record of
    `file_id` (the index holds it: `Index.holds`): it is built without running the
    validators, with the same values (dates, datetimes with pydantic's time zone, exact
    decimals) as `parse_complaint` gives. What could reach another file is checked again
    (the id, the kept copies' names); None when anything is off: then validate the text.
    """
    from decimal import Decimal

    from amazon_reclamation.models import (
        Attachment,
        Complaint,
        Contact,
        Facts,
        Seller,
        kept_name_is_safe,
    )

    zones: dict[Any, Any] = {}
    try:
        data = _typed(json.loads(text, parse_float=Decimal), "Complaint", zones)
        data["seller"] = Seller.model_construct(**data["seller"])
        data["facts"] = Facts.model_construct(**_typed(data["facts"], "Facts", zones))
        data["contacts"] = [
            Contact.model_construct(**_typed(item, "Contact", zones)) for item in data["contacts"]
        ]
        data["attachments"] = [
            Attachment.model_construct(**_typed(item, "Attachment", zones))
            for item in data["attachments"]
        ]
        complaint = Complaint.model_construct(**data)
        safe = complaint.id == file_id and all(
            kept_name_is_safe(a.sha256, a.file) for a in complaint.attachments
        )
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    return complaint if safe else None
