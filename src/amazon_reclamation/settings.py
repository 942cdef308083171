"""The user's saved settings: a small JSON file in the data folder (`config.json`).

Only the preferred language for now (`{"lang": "nl"}`, see `docs/data-format.md`). It
is read at every start, before the command modules load, so reading stays cheap: plain
`json`, no pydantic, one bounded read that refuses links and devices. A file that
cannot be used is reported by name and ignored; it is never overwritten silently:
saving over it is refused until the user mends or removes it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from amazon_reclamation.errors import ReclamError
from amazon_reclamation.i18n import LANGUAGES, _

CONFIG_NAME = "config.json"
MAX_CONFIG_BYTES = 64 * 1024


class Settings(NamedTuple):
    """What the settings file says: the saved language, or why the file is not usable (a
    named tuple, like `i18n.Choice`: read on every run)."""

    path: Path
    lang: str | None = None
    problem: str | None = None  # the reason, when the file exists but cannot be used


def config_path(home: Path) -> Path:
    """The settings file of the data folder `home`."""
    return home / CONFIG_NAME


def home_from(argv: list[str]) -> Path:
    """The data folder a command line names: `--home`, else RECLAM_HOME, else the platform's."""
    value = option_value(argv, "--home")
    if value:
        return Path(value).expanduser()
    return default_home()


def default_home() -> Path:
    """RECLAM_HOME, else the platform's user data folder for reclam."""
    env = os.environ.get("RECLAM_HOME", "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("reclam", appauthor=False)


def option_value(argv: list[str], name: str) -> str | None:
    """The value of `name` in `argv` (`--lang nl` or `--lang=nl`; the last one wins),
    read cheaply before Click parses the line; None when absent."""
    found: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith(name + "="):
            found = arg[len(name) + 1 :]
    return found


def read(home: Path) -> Settings:
    """The settings of `home`: an absent file is no settings, a broken one a problem."""
    path = config_path(home)
    try:
        text = _read_small(path)
    except (FileNotFoundError, NotADirectoryError):
        return Settings(path)  # no data folder yet, or not a folder: the store says so
    except (ValueError, OSError) as error:
        return Settings(path, problem=_reason(error))
    import json  # only when there is a file: most runs have none

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        line = getattr(error, "lineno", "?")
        return Settings(path, problem=_("JSON non valable, ligne {line}").format(line=line))
    if not isinstance(data, dict):
        return Settings(path, problem=_("le contenu n'est pas un objet JSON"))
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        return Settings(
            path,
            problem=_("« lang » vaut « {value} » ; attendu fr, nl, de ou en").format(
                value=str(lang)[:10]
            ),
        )
    return Settings(path, lang=lang)


def _read_small(path: Path) -> str:
    """The text of a small regular file; refuses links, devices and pipes without blocking.

    Plain `os` calls: `files.read_limited` would load `tempfile` at every start.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError(_("ce n'est pas un fichier ordinaire"))
        data = os.read(fd, MAX_CONFIG_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_CONFIG_BYTES:
        raise ValueError(_("fichier trop volumineux"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(_("le fichier n'est pas en UTF-8")) from None


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        if error.errno == errno.ELOOP:
            return _("lien symbolique, pas un fichier")
        from amazon_reclamation.files import os_error_reason

        return os_error_reason(error)
    return str(error)


def problem_message(settings: Settings) -> str:
    """The one line that reports an unusable settings file."""
    return _("réglages illisibles, ignorés : {path} ({reason}).").format(
        path=settings.path, reason=settings.problem
    )


def save_lang(home: Path, lang: str | None) -> Path:
    """Save the preferred language (None removes it); the file written, owner-only.

    Refuses to replace a file it cannot read: the user's own edits are not lost.
    """
    from amazon_reclamation.files import (
        atomic_write_text,
        make_private_dirs,
        storage_error,
    )

    current = read(home)
    if current.problem is not None:
        raise ReclamError(
            _(
                "réglages illisibles : {path} ({reason}) ; corrigez ce fichier ou supprimez-le, "
                "puis recommencez."
            ).format(path=current.path, reason=current.problem)
        )
    import json

    data: dict[str, Any] = _kept(current.path)
    if lang is None:
        data.pop("lang", None)
    else:
        data["lang"] = lang
    try:
        make_private_dirs(home)
        if not data and not os.path.lexists(current.path):
            return current.path
        atomic_write_text(current.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise storage_error(
            _("Impossible d'enregistrer les réglages {path} : {reason}."), current.path, error
        ) from None
    return current.path


def _kept(path: Path) -> dict[str, Any]:
    """The other settings of a readable file, kept as they are when one changes."""
    import json

    try:
        data = json.loads(_read_small(path))
    except (ValueError, OSError):
        return {}
    return dict(data) if isinstance(data, dict) else {}
