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
from amazon_reclamation.texts.dossier import Document, Entry, Paragraph, Section, Table
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


MARKETPLACE = {"kind": "marketplace", "name": "Küchenwelt GmbH", "country": "DE"}


def test_a_withdrawal_that_lapsed_unused_is_left_out_and_the_rest_is_shows() -> None:
    from amazon_reclamation.domain.deadlines import compute_deadlines
    from amazon_reclamation.knowledge.applicable import rules_for

    # Arrange: delivered on 5 October, nothing sent back: the 14 days ended on 19 October
    complaint = factories.complaint(delivery_date=date(2026, 10, 5))

    # Act
    dossier = build_dossier(complaint, TODAY)

    # Assert
    shown = compute_deadlines(complaint, TODAY)
    assert "withdrawal" in [d.id for d in shown]
    law = [d for d in shown if d.kind == "law"]  # the seller is a marketplace seller
    assert dossier.deadlines == [d for d in law if d.id != "withdrawal"]
    rules = [r for r in rules_for(complaint) if r.kind == "law"]
    assert dossier.rules == [r for r in rules if r.id != "withdrawal"]


def test_a_withdrawal_still_open_or_exercised_stays() -> None:
    open_window = factories.complaint(delivery_date=date(2026, 11, 15))
    exercised = factories.complaint(
        category="refund",
        delivery_date=date(2026, 10, 5),
        facts={"return_kind": "returned", "returned_date": date(2026, 10, 10)},
    )

    assert "withdrawal" in [d.id for d in build_dossier(open_window, TODAY).deadlines]
    kept = {d.id: d for d in build_dossier(exercised, TODAY).deadlines}
    assert kept["withdrawal"].exercised_on == date(2026, 10, 10)


def test_amazon_policies_are_left_out_unless_the_log_shows_them_used() -> None:
    # Arrange: a marketplace seller; then the same with an A-to-z claim made
    quiet = factories.complaint(delivery_date=date(2026, 11, 15), seller=MARKETPLACE)
    claim = factories.contact(1, factories.at(18), "other", "pending", step="atoz_claim")
    claimed = quiet.model_copy(update={"contacts": [claim]})

    # Act
    left_out = build_dossier(quiet, TODAY)
    used = build_dossier(claimed, TODAY)

    # Assert: never a policy among the deadlines; the rule once the claim was made
    for dossier in (left_out, used):
        assert all(d.kind == "law" for d in dossier.deadlines)
    assert all(r.kind == "law" for r in left_out.rules)
    assert [r.id for r in used.rules if r.kind == "amazon_policy"] == ["atoz_claim"]


def test_a_deadline_applied_by_analogy_is_not_stated() -> None:
    complaint = factories.complaint(
        category="refund",
        facts={"return_kind": "cancelled", "returned_date": date(2026, 11, 10)},
    )

    assert "refund_after_withdrawal" not in [
        d.id for d in build_dossier(complaint, TODAY).deadlines
    ]


# What the review of a consumer adviser found in the dossier: advice to the user, doubt
# about the sources, and the message to the trader.
COACHING = (
    "gardez-en la preuve",
    "Restez factuel",
    "à vérifier",
    "Fiabilité",
    "source secondaire",
    "chargeback",
    "peut changer",
    "que je peux vous transmettre",
    "J'ai pris",
    "permettrait de calculer",
    "vérifiez-le",
)


def test_the_dossier_states_facts_and_rules_without_advice_to_the_user() -> None:
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    # Arrange: a damaged article with photos, a marketplace seller, an A-to-z claim made
    contacts = [
        factories.contact(1, factories.at(2), "seller_message", "pending"),
        factories.contact(2, factories.at(6), "other", "pending", step="atoz_claim"),
    ]
    for seller in (MARKETPLACE, {"kind": "amazon"}):
        complaint = factories.complaint(
            delivery_date=date(2026, 10, 5),
            facts={"damage_timing": "on_arrival", "photos_taken": True},
            seller=seller,
            contacts=contacts,
            description="Le couvercle ne ferme plus.",
        )

        # Act
        text = " ".join(markdown(Evidence(complaint, {}, []), TODAY).split())

        # Assert
        assert [phrase for phrase in COACHING if phrase in text] == []
        assert "Des photos de l'article et de l'emballage ont été prises." in text
        assert "Le couvercle ne ferme plus." in text  # the user's words stay
        assert "Fondement : loi — art. 1649bis" in text
        assert "Droit de rétractation" not in text  # lapsed on 19 October, unused
    assert "Garantie A à Z d'Amazon" in text or seller["kind"] == "amazon"


def test_an_amazon_policy_used_is_stated_as_amazon_policy_with_its_source() -> None:
    from amazon_reclamation.knowledge.rules import RULES_BY_ID
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    claim = factories.contact(1, factories.at(6), "other", "pending", step="atoz_claim")
    complaint = factories.complaint(
        delivery_date=date(2026, 11, 15), seller=MARKETPLACE, contacts=[claim]
    )

    text = " ".join(markdown(Evidence(complaint, {}, []), TODAY).split())

    policy = text[text.index("### Garantie A à Z d'Amazon") :]
    assert "Selon les pages d'aide d'Amazon" in policy
    assert "Fondement : politique d'Amazon (selon ses pages d'aide)" in policy
    assert f"Source : <{RULES_BY_ID['atoz_claim'].source}>" in policy


@pytest.mark.parametrize(
    ("fields", "stated"),
    [
        (
            {"category": "not_received", "facts": {"neighbours_checked": True}},
            "Le colis n'a pas été reçu. Les voisins, la boîte aux lettres et le point relais "
            "ont été vérifiés, sans résultat.",
        ),
        (
            {
                "category": "refund",
                "facts": {"return_kind": "returned", "returned_date": date(2026, 11, 2)},
            },
            "L'article a été renvoyé le 2 novembre 2026. Au 20 novembre 2026, le "
            "remboursement de 49,99\xa0€ n'a pas été reçu.",
        ),
        (
            {"category": "billing", "facts": {"billing_problem": "unknown_charge"}},
            "Le relevé du consommateur fait apparaître un débit qu'il ne reconnaît pas.",
        ),
    ],
)
def test_the_problem_is_stated_in_the_neutral_form(fields: dict[str, object], stated: str) -> None:
    from amazon_reclamation.texts.dossier_problem import stated_problem

    complaint = factories.complaint(**fields)

    assert " ".join(stated_problem(complaint, TODAY)) == stated


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
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint(
        contacts=[
            factories.contact(
                1, factories.at(5), "letter", "pending", step="formal_notice", follow_up=follow_up
            )
        ]
    )

    text = " ".join(markdown(Evidence(complaint, {}, []), TODAY).split())

    assert f"État : {state}." in text
    assert f"Délai de la mise en demeure : jusqu'au {follow_up:%d/%m/%Y}." in text
    assert "promesse" not in text.lower()


def test_markdown_rows_put_the_colon_as_the_language_does() -> None:
    from amazon_reclamation.i18n import in_language
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint()
    with in_language("en"):
        text = markdown(Evidence(complaint, {}, []), TODAY)

    assert "**Order number**: 123-" in text
    assert "** :" not in text


def test_an_office_document_beyond_7_files_is_to_convert_not_refused() -> None:
    from amazon_reclamation.texts.dossier_ecc import disposition_advice, disposition_text

    pieces = [piece(n, f"lettre-{n}.docx") for n in range(1, 10)]

    plan = ecc_plan(pieces)

    assert [item.disposition for item in plan] == ["file"] * 7 + ["over_limit"] * 2
    text = disposition_text(plan[7])
    assert text.startswith("Pièce 8 (lettre-8.docx) : ")
    assert "non jointe" in text and "8 fichiers" in text
    assert "convertissez" not in text  # the dossier states facts: the advice is the screen's
    assert "convertissez-la en PDF" in (disposition_advice(plan[7]) or "")
    assert "format" not in text


def test_the_dossier_gives_sizes_as_show_does() -> None:
    from amazon_reclamation import fmt
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    small = piece(1, "ticket.pdf").model_copy(update={"size": 992})
    large = piece(2, "photo.jpg").model_copy(update={"size": 2_500_000})
    complaint = factories.complaint(attachments=[small, large])

    text = markdown(Evidence(complaint, {}, []), TODAY)

    assert "992 octets" in text and fmt.file_size(992) == "992 octets"
    assert fmt.file_size(2_500_000) in text
    assert "1 Ko" not in text


def test_the_dossier_is_made_for_its_customer_without_a_broken_elision() -> None:
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint(customer_name="Éloïse Martin")

    text = markdown(Evidence(complaint, {}, []), TODAY)

    assert "avec reclam pour Éloïse Martin (réclamation k7m2pq)." in text
    assert "de Éloïse" not in text
    assert "Dossier créé dans reclam le" in text
    assert "Réclamation ouverte le" not in text


def test_markdown_headings_do_not_skip_a_level() -> None:
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint(
        delivery_date=date(2026, 10, 5), attachments=[piece(1, "a.pdf")]
    )

    levels = [
        len(line) - len(line.lstrip("#"))
        for line in markdown(Evidence(complaint, {}, []), TODAY).splitlines()
        if line.startswith("#")
    ]

    assert levels[0] == 1
    assert 3 in levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def an_email(date_header: str = "Tue, 10 Nov 2026 09:12:00 +0100", *, files: int = 1) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Küchenwelt Support <support@kuechenwelt.example>"
    message["Subject"] = "Votre retour"
    message["Date"] = date_header
    message.set_content("Nous refusons le remboursement.")
    for n in range(files):
        name = "etiquette.pdf" if n == 0 else f"facture-{n}.pdf"
        message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename=name)
    return bytes(message)


def test_an_email_piece_says_when_it_was_sent_by_whom_and_what_it_carried() -> None:
    from amazon_reclamation.ui.dossier.pieces import email_of

    email = email_of(3, an_email())

    assert email is not None
    assert email.attachment_id == 3
    assert email.sent_at == datetime(2026, 11, 10, 8, 12, tzinfo=UTC)
    assert email.sender == "Küchenwelt Support <support@kuechenwelt.example>"
    assert email.subject == "Votre retour"
    assert email.files == ("etiquette.pdf",)


def test_a_text_saved_with_its_headers_is_an_email_and_a_plain_text_is_not() -> None:
    from amazon_reclamation.ui.dossier.pieces import email_of

    saved = b"From: LuxLamp <a@b.example>\nDate: 12 Nov 2026 16:05 +0100\nSubject: Re\n\nNon."
    plain = b"Bonjour,\nDate: demain.\n"

    email = email_of(1, saved)
    assert email is not None and email.sent_at.date() == date(2026, 11, 12)
    assert email_of(2, plain) is None
    assert email_of(3, an_email("pas une date")) is None


def test_an_email_takes_its_place_in_the_timeline_at_the_date_it_was_sent() -> None:
    from amazon_reclamation.domain.dossier import EmailEntry
    from amazon_reclamation.ui.dossier.pieces import email_of

    # Arrange: contacts on 2 and 15 November, an e-mail of 10 November
    complaint = factories.complaint(
        contacts=[
            factories.contact(1, factories.at(15)),
            factories.contact(2, factories.at(2)),
        ]
    )
    email = email_of(3, an_email())
    assert email is not None

    # Act
    dossier = build_dossier(complaint, TODAY, [email])

    # Assert
    order = [
        ("email", e.email.attachment_id) if isinstance(e, EmailEntry) else ("contact", e.contact.id)
        for e in dossier.timeline
    ]
    assert order == [("contact", 2), ("email", 3), ("contact", 1)]


def test_the_dossier_words_an_email_in_the_timeline_and_names_what_it_carried() -> None:
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    # Arrange: the e-mail is piece 1, a contact comes after it
    data = an_email(files=2)
    entry = piece(1, "reponse.eml")
    complaint = factories.complaint(
        contacts=[factories.contact(1, factories.at(15), summary="Appel au service client")],
        attachments=[entry],
    )

    # Act
    text = " ".join(markdown(Evidence(complaint, {1: data}, []), TODAY).split())

    # Assert
    line = "E-mail du 10/11/2026, expéditeur : Küchenwelt Support "
    line += "\\<support@kuechenwelt.example\\>, objet « Votre retour » — voir pièce 1."
    assert line in text
    assert text.index(line) < text.index("Appel au service client")
    assert "Pièces jointes de l'e-mail : etiquette.pdf et facture-1.pdf, non reprises ici." in (
        text
    )


def test_the_summary_leaves_out_unknown_facts_and_counts_the_pieces() -> None:
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint(
        facts={"photos_taken": None, "payment_method": None},
        attachments=[
            piece(1, "photo.jpg").model_copy(update={"media_type": "image/jpeg"}),
            piece(2, "facture.pdf").model_copy(update={"media_type": "application/pdf"}),
        ],
    )

    text = " ".join(markdown(Evidence(complaint, {}, []), TODAY).split())

    assert "inconnu" not in text
    assert "**Pièces jointes** : 2 pièces, listées avec leur empreinte SHA-256" in text


def test_the_summary_states_a_return_not_in_the_first_person() -> None:
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint(category="refund", facts={"return_kind": "returned"})

    text = " ".join(markdown(Evidence(complaint, {}, []), TODAY).split())

    assert "**Démarche** : article renvoyé" in text
    assert "J'ai renvoyé" not in text


def rendered_pages(sections: list[Section]) -> list[str]:
    import io

    from pypdf import PdfReader

    from amazon_reclamation.ui.dossier.pdf import Pieces, render

    cover = Section("Résumé", [Paragraph("Le résumé.")])
    data, _count = render(Document("Dossier", "Établi", [cover, *sections]), Pieces(), TODAY)
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("lines", range(30, 52))
def test_a_heading_stays_with_the_start_of_its_section(lines: int) -> None:
    # Arrange: a page filled to a varying height, then a section whose table's first row
    # is tall (a long statement), which a page break sends to the next page
    filler = Section("Remplissage", [Paragraph("\n".join(f"ligne {n}" for n in range(lines)))])
    said = " ".join(["Le vendeur a promis un remboursement complet."] * 40)
    table = Table(["Date", "Ce qui a été dit"], [["01/10/2026", "DEBUT " + said]], (20, 80))
    timeline = Section("Chronologie des contacts", [Paragraph("Dans l'ordre."), table])

    # Act
    pages = rendered_pages([filler, timeline])

    # Assert: the heading, its note and the table's first row are on one page
    page = next(text for text in pages if "Chronologie des contacts" in text)
    assert "Dans l'ordre." in page and "DEBUT" in page


@pytest.mark.parametrize("lines", range(8))
def test_an_entry_title_stays_with_its_first_line(lines: int) -> None:
    # Arrange: entries enough to reach the foot of a page, after a varying filler
    filler = Section("Remplissage", [Paragraph("\n".join(f"ligne {n}" for n in range(lines)))])
    entries = [Entry(f"TITRE{n} Délai", [f"LIGNE{n} Échéance : 01/12/2026."]) for n in range(40)]

    # Act
    pages = rendered_pages([filler, Section("Délais", list(entries))])

    # Assert: no title at the foot of a page without its line
    for page in pages:
        for n in range(40):
            assert (f"TITRE{n} " in page) == (f"LIGNE{n} " in page)


def test_the_dossier_cites_the_authorities_sources_where_a_rule_has_one() -> None:
    from amazon_reclamation.knowledge.rules import RULES_BY_ID
    from amazon_reclamation.ui.dossier.export import Evidence, markdown

    complaint = factories.complaint(category="late", delivery_date=None)

    text = " ".join(markdown(Evidence(complaint, {}, []), TODAY).split())

    delivery = RULES_BY_ID["delivery"]
    assert len(delivery.sources) == 2 and delivery.official_sources == delivery.sources[:1]
    assert f"Source : <{delivery.sources[0]}>" in text  # the SPF Economie's page
    assert "ecommercekit" not in text  # a commercial site's copy of the directive


@pytest.mark.parametrize(
    ("url", "official"),
    [
        ("https://economie.fgov.be/fr/themes", True),
        ("https://e-justice.europa.eu/x", True),
        ("https://www.eccbelgie.be/themas", True),
        ("https://www.lexel.be/garantie", False),
        ("https://fgov.be.example.com/x", False),  # a look-alike host
        ("https://www.amazon.com.be/gp/help", False),
    ],
)
def test_an_official_source_is_a_public_authoritys_host(url: str, official: bool) -> None:
    from amazon_reclamation.knowledge.rules import _is_official

    assert _is_official(url) is official
