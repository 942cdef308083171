"""What the dossier takes from the evidence files: the words of a text or an e-mail, and
what an e-mail says of itself (its date, sender, subject and the files it carried)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from amazon_reclamation.safe_text import clean_for_file

if TYPE_CHECKING:
    from amazon_reclamation.domain.dossier import Email

MAX_TEXT_CHARS = 200_000  # a text piece longer than this is cut (the file itself is kept)
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n{3,}")


def text_of(data: bytes, extension: str) -> str | None:
    """The readable text of a .txt or .eml file, cleaned; None if it has none."""
    if extension == "eml":
        text = _email_text(data)
    else:
        text = _decode(data)
    if text is None:
        return None
    text = _BLANK_LINES.sub("\n\n", clean_for_file(text).replace("\r", "\n")).strip()
    return text[:MAX_TEXT_CHARS] or None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _email_text(data: bytes) -> str | None:
    """The e-mail's main headers and its text (its HTML made plain when it has no text)."""
    import email
    import email.policy
    import html
    from email.message import EmailMessage

    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not isinstance(message, EmailMessage):
            return None
        headers = [
            f"{name}: {message[name]}"
            for name in ("From", "To", "Date", "Subject")
            if message[name]
        ]
        body = message.get_body(preferencelist=("plain", "html"))
        content = ""
        if body is not None and isinstance(body, EmailMessage):
            content = str(body.get_content())
            if body.get_content_subtype() == "html":
                content = html.unescape(_TAG.sub("", content))
    except (ValueError, LookupError, TypeError, AttributeError):
        return _decode(data)
    return "\n".join(headers) + "\n\n" + content


_HEADER_TEXT = 200  # a sender or a subject longer than this is cut


def _header(value: object) -> str | None:
    text = " ".join(clean_for_file(str(value)).split()) if value is not None else ""
    return text[:_HEADER_TEXT] or None


def email_of(attachment_id: int, data: bytes) -> Email | None:
    """What an e-mail piece (a .eml, or a .txt saved with its headers) says of itself: its
    Date header, sender, subject and the names of its attachments; None without a date."""
    import datetime as dt
    import email
    import email.policy
    import email.utils
    from email.message import EmailMessage

    from amazon_reclamation.domain.dossier import Email

    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or not message["Date"]:
            return None
        sent = email.utils.parsedate_to_datetime(str(message["Date"]))
        files = tuple(
            name
            for part in message.iter_attachments()
            if (name := _header(part.get_filename())) is not None
        )
        sender = _header(message["From"])
        subject = _header(message["Subject"])
    except (ValueError, LookupError, TypeError, AttributeError, IndexError):
        return None
    if sent.tzinfo is None:  # "-0000": a time in UTC whose zone is not known
        sent = sent.replace(tzinfo=dt.UTC)
    return Email(attachment_id, sent, sender, subject, files)
