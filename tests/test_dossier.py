"""The dossier as data (`domain/dossier.py`), its Markdown escaping and its text pieces."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import factories
from amazon_reclamation.domain.dossier import (
    ECC_FILE,
    ECC_MAX_FILES,
    build_dossier,
    ecc_plan,
    slug,
)
from amazon_reclamation.models import Attachment
from amazon_reclamation.ui.dossier.markdown import escape
from amazon_reclamation.ui.dossier.pieces import text_of

TODAY = factories.TODAY


def piece(n: int, name: str, *, kept: bool = True) -> Attachment:
    digest = f"{n:064x}"
    extension = name.rsplit(".", 1)[-1].lower()
    return Attachment(
        id=n,
        name=name,
        file=f"{digest}.{extension}" if kept else None,
        sha256=digest,
        size=10 if kept else None,
        added_at=datetime(2026, 11, 2, tzinfo=UTC),
    )


def test_the_timeline_is_chronological_with_promise_states_and_corrections() -> None:
    # Arrange: a promise logged after the call before it, then corrected
    complaint = factories.complaint(
        contacts=[
            factories.contact(
                1, factories.at(12, 10), "chat", "promise", follow_up=date(2026, 10, 20)
            ),
            factories.contact(2, factories.at(8, 10), "phone", "no_answer"),
            factories.contact(
                3,
                factories.at(12, 10, 11),
                "chat",
                "promise",
                corrects=1,
                follow_up=date(2026, 12, 1),
            ),
        ]
    )

    # Act
    dossier = build_dossier(complaint, TODAY)

    # Assert
    assert [e.contact.id for e in dossier.timeline] == [2, 1, 3]
    first, promise, correction = dossier.timeline
    assert promise.corrected_by == 3 and correction.corrected_by is None
    assert correction.promise_state == "due"
    assert first.promise_state is None
    assert first.step == "contact_customer_service"
    assert dossier.formal_notices == []


def test_a_formal_notice_is_a_contact_whose_step_is_the_formal_notice() -> None:
    notice = factories.contact(4, factories.at(2), "letter", "pending", step="formal_notice")
    complaint = factories.complaint(contacts=[notice, factories.contact(1)])

    dossier = build_dossier(complaint, TODAY)

    assert dossier.formal_notices == [notice]
    assert [e.is_formal_notice for e in dossier.timeline] == [True, False]  # 2, then 10 Nov


def test_the_deadlines_and_rules_are_those_of_show_and_rights() -> None:
    from amazon_reclamation.domain.deadlines import compute_deadlines
    from amazon_reclamation.knowledge.applicable import rules_for

    complaint = factories.complaint(delivery_date=date(2026, 10, 5))

    dossier = build_dossier(complaint, TODAY)

    assert dossier.deadlines == compute_deadlines(complaint, TODAY)
    assert dossier.rules == rules_for(complaint)


def test_ecc_keeps_7_files_office_documents_first_then_pdfs_then_images() -> None:
    names = ["a.jpg", "b.pdf", "c.png", "d.docx", "e.txt", "f.webp", "g.pdf", "h.pdf", "i.doc"]
    names += ["j.pdf", "k.pdf", "l.jpg", "m.heic"]
    pieces = [piece(n, name) for n, name in enumerate(names, start=1)]
    pieces.append(piece(14, "old.pdf", kept=False))

    plan = ecc_plan(pieces)

    where = {item.attachment.name: item.disposition for item in plan}
    files = [item.file_name for item in plan if item.disposition == "file"]
    assert len(files) == ECC_MAX_FILES - 1
    assert where["d.docx"] == where["i.doc"] == "file"
    assert [where[n] for n in ("b.pdf", "g.pdf", "h.pdf", "j.pdf", "k.pdf")] == ["file"] * 5
    assert where["a.jpg"] == where["c.png"] == where["l.jpg"] == "pages"
    assert where["e.txt"] == "pages"
    assert where["f.webp"] == where["m.heic"] == "not_sendable"
    assert where["old.pdf"] == "no_copy"
    assert files == [
        "02-b.pdf", "03-d.docx", "04-g.pdf", "05-h.pdf", "06-i.doc", "07-j.pdf", "08-k.pdf"
    ]  # fmt: skip
    assert all(ECC_FILE.fullmatch(name) for name in files)


def test_ecc_merges_the_pdfs_beyond_7_files() -> None:
    pieces = [piece(n, f"p{n}.pdf") for n in range(1, 10)]

    plan = ecc_plan(pieces)

    assert [item.disposition for item in plan] == ["file"] * 7 + ["merged"] * 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Facture d'été (Amazon).PDF", "facture-d-ete-amazon"),
        ("../../etc/passwd.jpg", "etc-passwd"),
        ("写真.png", "piece"),
        ("x" * 80 + ".pdf", "x" * 40),
    ],
)
def test_a_copy_is_named_plainly(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("*gras* _it_ `code`", r"\*gras\* \_it\_ \`code\`"),
        ("[lien](x) <b>", r"\[lien\](x) \<b\>"),
        ("# titre\n- liste\n1. un", "\\# titre\n\\- liste\n1\\. un"),
        ("voir https://ex.com/a_b?c=1&d=2.", "voir <https://ex.com/a_b?c=1&d=2>."),
        ("a\x1b[31mb\u202ec", "a\\[31mbc"),
    ],
)
def test_markdown_shows_user_text_as_written(text: str, shown: str) -> None:
    assert escape(text) == shown


def test_an_email_piece_gives_its_headers_and_its_text() -> None:
    message = (
        b"From: Service <cs@example.com>\r\nSubject: =?utf-8?q?R=C3=A9ponse?=\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Rembours&eacute; <b>demain</b></p>"
    )

    text = text_of(message, "eml")

    assert text is not None
    assert "Subject: Réponse" in text
    assert "Remboursé demain" in text


def test_a_text_piece_is_cleaned_of_controls() -> None:
    assert text_of(b"ligne\x07 un\r\n\x1b[2Jdeux", "txt") == "ligne un\n[2Jdeux"
    assert text_of(b"", "txt") is None


@pytest.mark.parametrize(
    ("follow_up", "state"),
    [(date(2026, 12, 4), "en cours"), (date(2026, 11, 12), "DÉPASSÉ SANS SOLUTION")],
)
def test_a_formal_notice_awaiting_its_deadline_is_not_called_a_promise(
    follow_up: date, state: str
) -> None:
    from amazon_reclamation.ui.dossier.export import markdown

    complaint = factories.complaint(
        contacts=[
            factories.contact(
                1, factories.at(5), "letter", "pending", step="formal_notice", follow_up=follow_up
            )
        ]
    )

    text = " ".join(markdown(complaint, TODAY).split())

    assert f"État : {state}." in text
    assert f"Délai de la mise en demeure : jusqu'au {follow_up:%d/%m/%Y}." in text
    assert "promesse" not in text.lower()


def test_markdown_rows_put_the_colon_as_the_language_does() -> None:
    from amazon_reclamation.i18n import in_language
    from amazon_reclamation.ui.dossier.export import markdown

    complaint = factories.complaint()
    with in_language("en"):
        text = markdown(complaint, TODAY)

    assert "**Order number**: 123-" in text
    assert "** :" not in text


def test_an_office_document_beyond_7_files_is_to_convert_not_refused() -> None:
    from amazon_reclamation.texts.dossier_ecc import disposition_text

    pieces = [piece(n, f"lettre-{n}.docx") for n in range(1, 10)]

    plan = ecc_plan(pieces)

    assert [item.disposition for item in plan] == ["file"] * 7 + ["over_limit"] * 2
    text = disposition_text(plan[7])
    assert text.startswith("Pièce 8 (lettre-8.docx) : ")
    assert "8 fichiers" in text and "convertissez-la en PDF" in text
    assert "format non accepté" not in text


def test_the_dossier_gives_sizes_as_show_does() -> None:
    from amazon_reclamation import fmt
    from amazon_reclamation.ui.dossier.export import markdown

    small = piece(1, "ticket.pdf").model_copy(update={"size": 992})
    large = piece(2, "photo.jpg").model_copy(update={"size": 2_500_000})
    complaint = factories.complaint(attachments=[small, large])

    text = markdown(complaint, TODAY)

    assert "992 octets" in text and fmt.file_size(992) == "992 octets"
    assert fmt.file_size(2_500_000) in text
    assert "1 Ko" not in text


def test_the_dossier_is_made_for_its_customer_without_a_broken_elision() -> None:
    from amazon_reclamation.ui.dossier.export import markdown

    complaint = factories.complaint(customer_name="Éloïse Martin")

    text = markdown(complaint, TODAY)

    assert "avec reclam pour Éloïse Martin (réclamation k7m2pq)." in text
    assert "de Éloïse" not in text
    assert "Dossier créé dans reclam le" in text
    assert "Réclamation ouverte le" not in text


def test_markdown_headings_do_not_skip_a_level() -> None:
    from amazon_reclamation.ui.dossier.export import markdown

    complaint = factories.complaint(
        delivery_date=date(2026, 10, 5), attachments=[piece(1, "a.pdf")]
    )

    levels = [
        len(line) - len(line.lstrip("#"))
        for line in markdown(complaint, TODAY).splitlines()
        if line.startswith("#")
    ]

    assert levels[0] == 1
    assert 3 in levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
