"""The wizard's draft: the answers of an interrupted `reclam new`, kept in `drafts/new.json`.

A part of the store (`Store` inherits it): written atomically and owner-only like the
complaints, but without the lock (one wizard at a time writes it), and never trusted: an
unreadable draft is ignored, not deleted.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from amazon_reclamation.files import atomic_write_text, read_limited, storage_error
from amazon_reclamation.i18n import _


class DraftFolder:
    """The draft of one data folder; `Store` gives the folder and creates it."""

    drafts_dir: Path

    def _ensure(self, folder: Path) -> None:
        """Create `folder` owner-only (the store's own way)."""
        raise NotImplementedError

    @property
    def draft_path(self) -> Path:
        """Where the answers of an interrupted wizard are kept."""
        return self.drafts_dir / "new.json"

    def save_draft(self, data: dict[str, Any]) -> None:
        """Keep the wizard's answers so far."""
        from amazon_reclamation.safe_text import json_text

        self._ensure(self.drafts_dir)
        try:
            atomic_write_text(self.draft_path, json_text(data) + "\n")
        except OSError as error:
            raise storage_error(
                _("Impossible d'enregistrer le brouillon {path} : {reason}."),
                self.draft_path,
                error,
            ) from None

    def load_draft(self) -> dict[str, Any] | None:
        """The kept answers, or None (an unreadable draft is ignored, not deleted)."""
        try:
            text, _info = read_limited(self.draft_path)
            data = json.loads(text)
        except (OSError, ValueError, RecursionError):
            return None
        return data if isinstance(data, dict) else None

    def clear_draft(self) -> None:
        """Forget the kept answers."""
        with contextlib.suppress(OSError):
            self.draft_path.unlink()
