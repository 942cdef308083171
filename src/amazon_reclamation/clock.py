"""Today and now, overridable with RECLAM_TODAY for what-if questions and tests."""

from __future__ import annotations

import os
from datetime import date, datetime

from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import _


def today() -> date:
    """The date that stands for today: RECLAM_TODAY if set, else the system date."""
    pinned = os.environ.get("RECLAM_TODAY", "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise InvalidInput(
            _("RECLAM_TODAY={value} n'est pas une date ; attendu AAAA-MM-JJ.").format(value=pinned)
        ) from None


def now() -> datetime:
    """The current local time, on the day `today()` gives (timezone-aware)."""
    current = datetime.now().astimezone()
    return current.replace(year=(d := today()).year, month=d.month, day=d.day)
