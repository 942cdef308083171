"""What several commands share: finding the complaint a REF names, and the open ones."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from amazon_reclamation.errors import AmbiguousRef, InvalidInput, MissingAnswer, NotFound
from amazon_reclamation.i18n import LANGUAGES, _

if TYPE_CHECKING:
    from collections.abc import Iterator

    from amazon_reclamation.cli.context import App
    from amazon_reclamation.listing import Agenda, Listed
    from amazon_reclamation.models import Complaint

JsonOption = Annotated[bool, typer.Option("--json", help=_("Sortie JSON sur stdout."))]
LetterLangOption = Annotated[
    str | None,
    typer.Option(
        "--letter-lang",
        help=_(
            "Langue de la lettre et du message pour Amazon ou le vendeur : fr, nl, de ou en "
            "(sinon celle choisie pour la réclamation, puis celle de reclam)."
        ),
    ),
]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help=_("Ne pas demander de confirmation."))]
OptionalRefArgument = Annotated[
    str | None,
    typer.Argument(
        help=_("Identifiant ou numéro de commande (facultatif s'il n'y en a qu'une)."),
        metavar="REF",
    ),
]
RefArgument = Annotated[
    str,
    typer.Argument(help=_("Identifiant de la réclamation ou numéro de commande."), metavar="REF"),
]


def one_of(choices: tuple[str, ...]) -> str:
    """ "a, b ou c": an option's ids, from its `Literal` type in `ids.py`."""
    return _("{items} ou {last}").format(items=", ".join(choices[:-1]), last=choices[-1])


def choices_help(choices: tuple[str, ...]) -> str:
    """The help of an option that takes one of `choices`."""
    return _("{choices}.").format(choices=one_of(choices))


def letter_language(value: str | None) -> str | None:
    """`--letter-lang` checked: a language id, or None when not given."""
    if value is None:
        return None
    lang = value.strip().lower()
    if lang not in LANGUAGES:
        raise InvalidInput(
            _(
                "--letter-lang : « {value} » n'est pas une langue connue ; choisissez fr, nl, de "
                "ou en."
            ).format(value=value[:10])
        )
    return lang


def listed(app: App) -> list[Listed]:
    """Every readable complaint's digest; unreadable files are reported on the way."""
    from amazon_reclamation import listing
    from amazon_reclamation.ui import render

    items, unreadable = listing.catalogue(app.store)
    render.unreadable_files(unreadable)
    return items


def open_listed(app: App) -> list[Listed]:
    """The open complaints' digests, oldest first."""
    return open_items(listed(app))


def open_items(items: list[Listed]) -> list[Listed]:
    """The open complaints among `items`, oldest first."""
    return sorted(
        (item for item in items if item.digest.status == "open"),
        key=lambda item: item.digest.created_at,
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection for the length of the block: a command that makes
    hundreds of thousands of small lists and tuples (none of them in a cycle) would
    otherwise have the collector walk the whole heap again and again for nothing."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def agenda(app: App, window: int | None = None, *, heads: bool = False) -> Agenda:
    """The promises due by today and, with `window`, the deadlines within that many days
    (`listing.agenda`); unreadable files are reported on the way."""
    from amazon_reclamation import listing
    from amazon_reclamation.ui import render

    found = listing.agenda(app.store, app.today, window, heads=heads)
    render.unreadable_files(found.unreadable)
    return found


def load_all(app: App, items: list[Listed]) -> list[Complaint]:
    """The whole complaints behind digests (one deleted meanwhile is left out)."""
    complaints = []
    for item in items:
        try:
            complaints.append(app.store.load(item.path))
        except NotFound:
            continue
    return complaints


def find(app: App, ref: str) -> Complaint:
    """The complaint REF names: its id, or its order number."""
    from amazon_reclamation import listing
    from amazon_reclamation.parsing import looks_like_order_number, parse_order_number

    order = parse_order_number(ref) if looks_like_order_number(ref) else None
    try:
        return listing.find(app.store, ref, order)
    except AmbiguousRef as ambiguous:
        if not app.interactive:
            raise
        # In a terminal, an order number with several complaints offers them to choose.
        store = app.store
        return pick([store.load(store.path_for(i)) for i in ambiguous.ids], app.asker())


def pick(complaints: list[Complaint], asker: Any) -> Complaint:
    """Ask which complaint, in a terminal."""
    from amazon_reclamation.ui.wizard import pick_question

    chosen = asker(pick_question(complaints), {})
    return next(c for c in complaints if c.id == chosen)


def open_complaint(app: App, ref: str | None) -> Complaint:
    """REF if given; else the single open complaint; else a picker in a terminal."""
    if ref:
        return find(app, ref)
    open_ones = load_all(app, open_listed(app))
    if len(open_ones) == 1:
        return open_ones[0]
    if not open_ones:
        raise NotFound(_("Aucune réclamation ouverte ; commencez par reclam new."))
    if app.interactive:
        return pick(open_ones, app.asker())
    raise MissingAnswer(
        _(
            "{n} réclamations ouvertes : donnez REF, l'identifiant ou le numéro de commande "
            "(voir reclam list)."
        ).format(n=len(open_ones))
    )
