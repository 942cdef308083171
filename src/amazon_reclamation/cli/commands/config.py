"""`reclam config`: the saved settings (the preferred language) and the language in use.

`reclam config` shows them, `reclam config lang nl` saves a language in the data folder,
`reclam config lang --unset` forgets it (`settings.py` reads and writes the file).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption
from amazon_reclamation.cli.context import App
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import AUTONYMS, LANGUAGES, _, current_language, set_language

if TYPE_CHECKING:
    from amazon_reclamation.settings import Settings

KEYS = ("lang",)


@command(help=_("Les réglages : la langue enregistrée, et celle qui est utilisée (et pourquoi)."))
def config(
    app: App,
    key: Annotated[
        str | None,
        typer.Argument(help=_("Le réglage : lang (la langue de reclam)."), metavar=_("RÉGLAGE")),
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(help=_("La valeur à enregistrer : fr, nl, de ou en."), metavar=_("VALEUR")),
    ] = None,
    unset: Annotated[
        bool, typer.Option("--unset", help=_("Oublier la valeur enregistrée de ce réglage."))
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Les réglages : la langue enregistrée, et celle qui est utilisée (et pourquoi)."""
    from amazon_reclamation import settings
    from amazon_reclamation.settings import default_home

    home = app.home or default_home()
    if key is not None and key not in KEYS:
        raise InvalidInput(
            _("réglage inconnu : « {key} » ; le seul réglage est lang.").format(key=key[:20])
        )
    if unset and (key is None or value is not None):
        raise InvalidInput(
            _("--unset : nommez le réglage seul, par exemple reclam config lang --unset.")
        )
    if key is not None and (value is not None or unset):
        _change(app, home, value)
        return
    _show(app, settings.read(home), as_json=as_json)


def _change(app: App, home: Path, value: str | None) -> None:
    from amazon_reclamation import settings
    from amazon_reclamation.ui import render

    lang = value.strip().lower() if value is not None else None
    if lang is not None and lang not in LANGUAGES:
        raise InvalidInput(
            _("« {value} » n'est pas une langue connue ; choisissez fr, nl, de ou en.").format(
                value=(value or "")[:10]
            )
        )
    path = settings.save_lang(home, lang)
    if lang is None:
        render.info(_("Langue enregistrée oubliée ({path}).").format(path=path))
        return
    if app.choice.source not in ("option", "env"):
        set_language(lang)  # the confirmation is already in the new language
    render.info(
        _("Langue enregistrée : {lang} ({name}), dans {path}.").format(
            lang=lang, name=AUTONYMS[lang], path=path
        )
    )
    if app.choice.source == "env":
        render.info(
            _("RECLAM_LANG ({lang}) reste prioritaire tant que cette variable est définie.").format(
                lang=app.choice.language
            )
        )


def _show(app: App, saved: "Settings", *, as_json: bool) -> None:
    from amazon_reclamation.ui import render

    choice = app.choice
    if as_json:
        render.json_out(
            {
                "lang": saved.lang,
                "language": choice.language,
                "source": choice.source,
                "file": str(saved.path),
                "file_problem": saved.problem,
            }
        )
        return
    lang = f"{choice.language} ({AUTONYMS[choice.language]})"
    why = {
        "option": _("Langue utilisée : {lang}, choisie avec --lang."),
        "env": _("Langue utilisée : {lang}, choisie par la variable {setting}."),
        "saved": _("Langue utilisée : {lang}, enregistrée avec reclam config lang."),
        "locale": _("Langue utilisée : {lang}, celle du système ({setting})."),
        "default": _("Langue utilisée : {lang}, par défaut."),
    }[choice.source]
    lines = [why.format(lang=lang, setting=choice.detail)]
    if saved.problem is not None:
        lines.append(
            _("Langue enregistrée : illisible ({reason}), ignorée.").format(reason=saved.problem)
        )
    elif saved.lang is not None:
        lines.append(
            _("Langue enregistrée : {lang}.").format(lang=f"{saved.lang} ({AUTONYMS[saved.lang]})")
        )
    else:
        lines.append(_("Langue enregistrée : aucune."))
    lines.append(_("Fichier des réglages : {path}").format(path=saved.path))
    lines.append(
        _(
            "Pour enregistrer une langue : reclam config lang {lang} ; pour l'oublier : "
            "reclam config lang --unset."
        ).format(lang=current_language())  # the example is the reader's own language
    )
    render.plain("\n".join(lines))
