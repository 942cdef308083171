"""The application object: what one run of `reclam` knows, made once from the global options.

`--lang`, `--home` and `--debug` are parsed once (on the group or on any command) into
an `App`, which every command receives as its first argument. The store, today's date
and the asker are made on first use, so that `reclam --help` builds none of them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import LANGUAGES, Choice, _, choose_language, set_language

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.settings import Settings
    from amazon_reclamation.store import Change, Store


def is_interactive() -> bool:
    """Prompt only when a person is at a terminal (the one seam tests replace)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@dataclass
class App:
    """One run of reclam: language, data folder, debug mode, and the store made from them."""

    home: Path | None = None
    debug: bool = False
    # The language of the run and why (`reclam config` shows it), and the settings read.
    choice: Choice = field(default_factory=lambda: Choice("fr", "default"))
    settings: Settings | None = None
    _store: Store | None = field(default=None, repr=False)
    _today: dt.date | None = field(default=None, repr=False)

    def set_lang(self, lang: str) -> None:
        """Apply `--lang` (checked: a typo is an error, not a silent French)."""
        lang = lang.strip().lower()
        if lang not in LANGUAGES:
            raise InvalidInput(
                _(
                    "--lang : « {value} » n'est pas une langue connue ; choisissez fr, nl, de "
                    "ou en."
                ).format(value=lang[:10])
            )
        set_language(lang)
        self.choice = Choice(lang, "option")

    def start(self, argv: list[str]) -> None:
        """Pick the language before the command modules load, so that their help texts
        are in it: `--lang` read ahead in `argv`, RECLAM_LANG, the saved preference (the
        settings of `--home`, RECLAM_HOME or the platform's folder), the locale, French."""
        from amazon_reclamation import settings

        option = (settings.option_value(argv, "--lang") or "").strip().lower() or None
        choice = choose_language(option)
        if choice.source not in ("option", "env"):  # only then is the file worth reading
            self.settings = settings.read(settings.home_from(argv))
            choice = choose_language(option, self.settings.lang)
        set_language(choice.language)
        self.choice = choice
        if self.settings is not None and self.settings.problem is not None:
            from amazon_reclamation.ui import render

            render.warning(settings.problem_message(self.settings))

    @property
    def store(self) -> Store:
        """The data folder of this run (`--home`, else RECLAM_HOME, else the platform's)."""
        if self._store is None:
            from amazon_reclamation.store import Store, default_home

            self._store = Store(self.home or default_home())
        return self._store

    @property
    def today(self) -> dt.date:
        """The date that stands for today in this run (RECLAM_TODAY if set)."""
        if self._today is None:
            from amazon_reclamation import clock

            self._today = clock.today()
        return self._today

    @property
    def interactive(self) -> bool:
        """A person is at a terminal: missing answers are asked, not refused."""
        return is_interactive()

    def asker(self) -> Any:
        """The questionary asker (looked up at each call, so that tests can replace it)."""
        from amazon_reclamation.ui import wizard

        return wizard.QuestionaryAsker(today=self.today)

    @property
    def changes(self) -> list[Change]:
        """What this run committed so far (nothing if it never opened the store)."""
        return self._store.changes if self._store is not None else []
