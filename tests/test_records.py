"""Schema migrations: a version-1 file (tests/fixtures/) loads, keeps the statuses that
version 1 showed, and is rewritten as version 2 only when it is next changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from amazon_reclamation.records import parse_complaint, v1_contact_step
from helpers import run

FIXTURES = Path(__file__).parent / "fixtures"

# What `reclam escalate --json` showed for the fixtures with version 1 (summaries read
# by patterns), on 20 November 2026: the migration must not change a status.
V1_STATUSES = {
    "v2amzn": {
        "contact_customer_service": "done",
        "ask_supervisor": "done",
        "contact_seller": "not_applicable",
        "atoz_claim": "not_applicable",
        "written_complaint": "done",
        "formal_notice": "done",
        "review": "done",
        "ecc_belgium": "now",
        "lu_consumer_mediator": "later",
        "consumerconnect": "not_applicable",
        "consumer_mediation_service": "not_applicable",
        "sepa_refund": "not_applicable",
        "unauthorised_payment": "not_applicable",
        "chargeback": "not_applicable",
        "justice_of_the_peace": "later",
        "european_small_claims": "later",
    },
    "v2mkpq": {
        "contact_customer_service": "not_applicable",
        "ask_supervisor": "not_applicable",
        "contact_seller": "done",
        "atoz_claim": "done",
        "written_complaint": "not_applicable",
        "formal_notice": "now",
        "review": "later",
        "ecc_belgium": "later",
        "lu_consumer_mediator": "not_applicable",
        "consumerconnect": "not_applicable",
        "consumer_mediation_service": "not_applicable",
        "sepa_refund": "not_applicable",
        "unauthorised_payment": "not_applicable",
        "chargeback": "later",
        "justice_of_the_peace": "later",
        "european_small_claims": "later",
    },
}
FILES = {"v2amzn": "complaint_v1.json", "v2mkpq": "complaint_v1_marketplace.json"}


def _install(home: Path, complaint_id: str) -> Path:
    folder = home / "complaints"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{complaint_id}.json"
    shutil.copyfile(FIXTURES / FILES[complaint_id], path)
    return path


def test_a_v1_file_gets_each_contact_s_step_from_what_version_1_recognised() -> None:
    text = (FIXTURES / "complaint_v1.json").read_text(encoding="utf-8")
    complaint = parse_complaint(text, "v2amzn")
    assert complaint.schema_version == 4
    assert [c.step for c in complaint.contacts] == [
        "contact_customer_service",  # chat, nothing recognised
        "ask_supervisor",  # "Responsable"
        "formal_notice",  # "Mise en demeure" in a letter
        "review",  # "Avis publié"
        "ask_supervisor",  # "manager"; a formal notice by phone was never one
    ]
    text = (FIXTURES / "complaint_v1_marketplace.json").read_text(encoding="utf-8")
    complaint = parse_complaint(text, "v2mkpq")
    # A message to the seller stays one, whatever its words ("sinon A-to-z").
    assert [c.step for c in complaint.contacts] == ["contact_seller", "atoz_claim"]


@pytest.mark.parametrize("complaint_id", list(FILES))
def test_a_v1_file_shows_the_statuses_version_1_showed_and_is_not_rewritten_by_reading(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, complaint_id: str
) -> None:
    path = _install(isolated_home, complaint_id)
    before = path.read_bytes()
    for command in (("escalate", complaint_id, "--json"), ("show", complaint_id), ("list",)):
        code, out, err = run(capsys, *command)
        assert (code, err) == (0, "")
        if command[0] == "escalate":
            steps = json.loads(out)["steps"]
            assert {s["id"]: s["status"] for s in steps} == V1_STATUSES[complaint_id]
    assert path.read_bytes() == before


def test_a_v1_file_is_rewritten_as_v2_when_it_is_next_changed(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    path = _install(isolated_home, "v2amzn")
    code, _, err = run(
        capsys,
        "log",
        "v2amzn",
        "--channel",
        "phone",
        "--outcome",
        "no_answer",
        "--at",
        "19/11/2026",
    )
    assert (code, err) == (0, "")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 4
    assert [c["step"] for c in saved["contacts"]] == [
        "contact_customer_service",
        "ask_supervisor",
        "formal_notice",
        "review",
        "ask_supervisor",
        "contact_customer_service",
    ]
    # Everything else of the version-1 contacts is kept as it was.
    original = json.loads((FIXTURES / "complaint_v1.json").read_text(encoding="utf-8"))
    for old, new in zip(original["contacts"], saved["contacts"], strict=False):
        assert {k: v for k, v in new.items() if k != "step"} == old


@pytest.mark.parametrize(
    ("channel", "summary", "step"),
    [
        ("phone", "Demandé un superviseur", "ask_supervisor"),
        ("chat", "leidinggevende gevraagd", "ask_supervisor"),
        ("other", "Réclamation A-to-z ouverte", "atoz_claim"),
        ("other", "garantie A à Z demandée", "atoz_claim"),
        ("other", "A-tot-Z-garantie aangevraagd", "atoz_claim"),
        ("email", "Ingebrekestelling verstuurd", "formal_notice"),
        ("letter", "Formal notice sent", "formal_notice"),
        ("phone", "parlé de mise en demeure", "contact_customer_service"),
        ("other", "Recensie geplaatst", "review"),
        ("other", "rétrofacturation demandée", "chargeback"),
        # Several steps recognised: the furthest one.
        ("letter", "Mise en demeure après le refus du responsable", "formal_notice"),
        ("other", "A-to-z refusé, chargeback demandé", "chargeback"),
        ("seller_message", "je laisserai un feedback", "contact_seller"),
        ("email", None, "contact_customer_service"),
        ("other", "rien", "contact_customer_service"),
    ],
)
def test_the_v1_mapping_of_a_contact(channel: str, summary: str | None, step: str) -> None:
    assert v1_contact_step(channel, summary) == step


def test_a_v2_file_loads_without_a_letter_language_and_reads_as_the_current_version() -> None:
    # Arrange: a version-2 record (no letter_lang), as reclam wrote it before version 3
    import factories

    data = factories.complaint("v2ffff").to_json_dict()
    del data["letter_lang"]
    data["schema_version"] = 2

    # Act
    complaint = parse_complaint(json.dumps(data), "v2ffff")

    # Assert
    assert (complaint.schema_version, complaint.letter_lang) == (4, None)


def test_a_v3_files_listed_evidence_is_numbered_and_keeps_no_copy() -> None:
    # Arrange: a version-3 record listing evidence (the field existed, no command wrote it)
    import factories

    data = factories.complaint("v3ffff").to_json_dict()
    data["schema_version"] = 3
    listed = {"name": "photo.jpg", "sha256": "ab" * 32, "added_at": "2026-11-02T10:00:00+01:00"}
    data["attachments"] = [listed, {**listed, "name": "facture.pdf", "sha256": "cd" * 32}]

    # Act
    complaint = parse_complaint(json.dumps(data), "v3ffff")

    # Assert
    assert [(a.id, a.name, a.file, a.size) for a in complaint.attachments] == [
        (1, "photo.jpg", None, None),
        (2, "facture.pdf", None, None),
    ]


@pytest.mark.parametrize("file", ["../../x.json", "/etc/passwd", "ab.jpg", f"{'ab' * 32}.j/g"])
def test_an_attachment_copy_name_that_could_reach_another_file_is_refused(file: str) -> None:
    import factories

    data = factories.complaint("v4ffff").to_json_dict()
    data["attachments"] = [
        {
            "id": 1,
            "name": "photo.jpg",
            "file": file,
            "sha256": "ab" * 32,
            "size": 10,
            "media_type": "image/jpeg",
            "added_at": "2026-11-02T10:00:00+01:00",
        }
    ]
    with pytest.raises(ValueError, match="attachments"):
        parse_complaint(json.dumps(data), "v4ffff")


def test_a_v3_file_keeps_its_letter_language() -> None:
    import factories

    data = {**factories.complaint("v3ffff").to_json_dict(), "letter_lang": "nl"}
    assert parse_complaint(json.dumps(data), "v3ffff").letter_lang == "nl"


def test_an_unknown_letter_language_in_a_file_is_named() -> None:
    import factories

    data = {**factories.complaint("v3ffff").to_json_dict(), "letter_lang": "it"}
    with pytest.raises(ValueError, match="letter_lang"):
        parse_complaint(json.dumps(data), "v3ffff")


def _contact_dict(contact_id: int, **fields: object) -> dict[str, object]:
    moment = "2026-11-05T10:00:00+01:00"
    return {
        "id": contact_id,
        "at": moment,
        "recorded_at": moment,
        "channel": "chat",
        "outcome": "no_answer",
        **fields,
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": 1e300}, "amount"),
        ({"amount": -5}, "amount"),
        ({"amount": 0}, "amount"),
        ({"amount": 12.345}, "amount"),
        ({"order_number": "not-an-order"}, "order_number"),
        ({"contacts": [_contact_dict(1), _contact_dict(1)]}, "contacts"),
        ({"contacts": [_contact_dict(1, corrects=7)]}, "contacts"),
        ({"contacts": [_contact_dict(1), _contact_dict(2, corrects=2)]}, "contacts"),
        ({"contacts": [_contact_dict(1, corrects=2), _contact_dict(2)]}, "contacts"),
        (
            {
                "contacts": [
                    _contact_dict(1),
                    _contact_dict(2, corrects=1),
                    _contact_dict(3, corrects=1),
                ]
            },
            "contacts",
        ),
        ({"contacts": [_contact_dict(0)]}, "contacts.0.id"),
    ],
)
def test_a_record_reclam_would_never_write_is_refused(
    change: dict[str, object], field: str
) -> None:
    # What the wizard and `log` refuse cannot come in through a hand-edited or restored file
    # either: such a file is reported, not shown with an amount that breaks the arithmetic.
    import factories

    data = {**factories.complaint("v4ffff").to_json_dict(), **change}

    with pytest.raises(ValueError, match=f"^champ {field} non conforme$"):
        parse_complaint(json.dumps(data), "v4ffff")
