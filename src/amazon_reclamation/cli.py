"""The `reclam` command line: thin commands over the domain, the store and the renderers.

Heavy modules (pydantic models, questionary, Rich, Babel) are imported inside the
commands that need them, so that `reclam --help` answers at once.
"""

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from amazon_reclamation import __version__
from amazon_reclamation.errors import (
    ExitCode,
    Interrupted,
    InvalidInput,
    MissingAnswer,
    NotFound,
    ReclamError,
)
from amazon_reclamation.i18n import (
    LANGUAGES,
    _,
    has_catalogue,
    ngettext,
    resolve_language,
    set_language,
)

if TYPE_CHECKING:
    from amazon_reclamation.listing import Digest, FollowUp, Listed
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.store import Change, Store

# No `from __future__ import annotations` here: Typer would have to evaluate every
# string annotation at start-up, which costs more than the rest of building the help.
# Help texts are read when this module loads, before `--lang` is parsed: they follow
# RECLAM_LANG or the locale. Everything printed later follows `--lang`.
set_language(resolve_language())

app = typer.Typer(
    name="reclam",
    help=_("reclam : préparez, suivez et faites aboutir une réclamation sur amazon.com.be."),
    rich_markup_mode=None,  # Click's plain help: Rich help panels double the start-up time
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["--help", "-h"]},
)

F = TypeVar("F", bound=Callable[..., Any])
_home_override: Path | None = None
# The store of this run: an interruption or a failing output is reported from what it
# committed, so that reclam never says "nothing was saved" after saving.
_current_store: "Store | None" = None


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reclam {__version__}")
        raise typer.Exit()


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=_("Langue : fr, nl ou en (sinon RECLAM_LANG, puis la locale)."),
        metavar="fr|nl|en",
    ),
]
HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help=_("Dossier des données (sinon RECLAM_HOME)."), metavar="PATH"),
]
VersionOption = Annotated[
    bool,
    typer.Option(
        "--version",
        callback=_version_callback,
        is_eager=True,
        help=_("Afficher la version et quitter."),
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=_("Sortie JSON sur stdout."))]
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


def _setup(lang: str | None, home: Path | None) -> None:
    """Apply the global options (they may be given on the group or on the command)."""
    global _home_override
    if lang is not None:
        if lang not in LANGUAGES:
            raise InvalidInput(
                _(
                    "--lang : « {value} » n'est pas une langue connue ; choisissez fr, nl ou en."
                ).format(value=lang[:10])
            )
        set_language(lang)
        if not has_catalogue(lang):
            from amazon_reclamation.ui import render

            # Honest rather than silent: the Dutch and English catalogues come later.
            render.info(
                {
                    "nl": "De Nederlandse vertaling is nog niet beschikbaar; reclam toont Frans.",
                    "en": "The English translation is not available yet; reclam shows French.",
                }[lang]
            )
    if home is not None:
        _home_override = home.expanduser()


def _store() -> "Store":
    global _current_store
    from amazon_reclamation.store import Store, default_home

    root = _home_override or default_home()
    if _current_store is None or _current_store.root != root:
        _current_store = Store(root)
    return _current_store


def _interrupted_message() -> str:
    """What Ctrl-C leaves behind: nothing, or the change already committed."""
    changes = _committed_changes()
    if not changes:
        return _("Interrompu ; rien n'a été enregistré.")
    return "\n".join(_committed(change.action, change.complaint_id) for change in changes)


def _committed(action: str, complaint_id: str) -> str:
    if action == "created":
        return _(
            "Interrompu après l'enregistrement : la réclamation {id} est enregistrée "
            "(reclam show {id})."
        ).format(id=complaint_id)
    if action == "deleted":
        return _("Interrompu après la suppression : la réclamation {id} est supprimée.").format(
            id=complaint_id
        )
    return _(
        "Interrompu après l'enregistrement : la modification de la réclamation {id} est "
        "enregistrée (reclam show {id})."
    ).format(id=complaint_id)


def _output_failed(error: OSError) -> int:
    """stdout failed (closed pipe, full disk): say on stderr what was saved anyway."""
    from amazon_reclamation.files import os_error_reason
    from amazon_reclamation.ui import render

    _silence_stdout()
    changes = _committed_changes()
    saved = [c.complaint_id for c in changes if c.action != "deleted"]
    reason = os_error_reason(error)
    if isinstance(error, BrokenPipeError) and not saved:
        return int(ExitCode.REFUSED)  # `reclam list | head`: the reader had enough
    if saved:
        render.error(
            _(
                "la sortie n'a pas pu être écrite ({reason}), mais la réclamation {id} est bien "
                "enregistrée : ne la recréez pas (reclam show {id})."
            ).format(reason=reason, id=saved[-1])
        )
    else:
        render.error(_("la sortie n'a pas pu être écrite ({reason}).").format(reason=reason))
    return int(ExitCode.REFUSED)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _interactive() -> bool:
    """Prompt only when a person is at a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _command(func: F) -> F:
    """Turn reclam's errors and Ctrl-C into one stderr line and the documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from amazon_reclamation.ui import render

        try:
            return func(*args, **kwargs)
        except Interrupted as error:
            # not an error: the user chose to stop
            render.info(_interrupted_message() if _saved_something() else error.message)
            raise typer.Exit(int(error.exit_code)) from None
        except ReclamError as error:
            render.error(error.message)
            raise typer.Exit(int(error.exit_code)) from None
        except (KeyboardInterrupt, EOFError):
            render.info(_interrupted_message())
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except OSError as error:
            # The store turns its own failures into ReclamError: this one is the output.
            raise typer.Exit(_output_failed(error)) from None

    return wrapper  # type: ignore[return-value]


def _committed_changes() -> list["Change"]:
    """What this run's store committed so far (nothing if it made no store)."""
    return _current_store.changes if _current_store is not None else []


def _saved_something() -> bool:
    return bool(_committed_changes())


def _listed(store: "Store") -> list["Listed"]:
    """Every readable complaint's digest; unreadable files are reported on the way."""
    from amazon_reclamation import listing
    from amazon_reclamation.ui import render

    listed, unreadable = listing.catalogue(store)
    render.unreadable_files(unreadable)
    return listed


def _open_listed(store: "Store") -> list["Listed"]:
    """The open complaints' digests, oldest first."""
    open_ones = (item for item in _listed(store) if item.digest.status == "open")
    return sorted(open_ones, key=lambda item: item.digest.created_at)


def _load_all(store: "Store", listed: list["Listed"]) -> list["Complaint"]:
    """The whole complaints behind digests (one deleted meanwhile is left out)."""
    from amazon_reclamation.errors import NotFound

    complaints = []
    for item in listed:
        try:
            complaints.append(store.load(item.path))
        except NotFound:
            continue
    return complaints


def _open_complaints(store: "Store") -> list["Complaint"]:
    """The open complaints, oldest first; unreadable files are reported on the way."""
    return _load_all(store, _open_listed(store))


def _find(store: "Store", ref: str) -> "Complaint":
    from amazon_reclamation import listing
    from amazon_reclamation.parsing import looks_like_order_number, parse_order_number

    order = parse_order_number(ref) if looks_like_order_number(ref) else None
    return listing.find(store, ref, order)


def _today() -> Any:
    from amazon_reclamation import clock

    return clock.today()


# -- the group: bare `reclam` -----------------------------------------------------


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Préparez, suivez et faites aboutir une réclamation sur amazon.com.be."""
    try:
        _setup(lang, home)
    except ReclamError as error:
        from amazon_reclamation.ui import render

        render.error(error.message)
        raise typer.Exit(int(error.exit_code)) from None
    if ctx.invoked_subcommand is not None:
        return
    if not _interactive():
        typer.echo(ctx.get_help())
        return
    _command(_dashboard)()


def _dashboard() -> None:
    from amazon_reclamation.ui import render
    from amazon_reclamation.ui.wizard import QuestionaryAsker, dashboard_menu

    store = _store()
    today = _today()
    open_listed = _open_listed(store)
    open_ones = _load_all(store, open_listed)
    overdue = [
        (listed.digest, item)
        for listed in open_listed
        for item in listed.digest.due_follow_ups(today)
    ]
    if overdue:
        render.due_table(overdue, today)
    if open_ones:
        from amazon_reclamation.domain.escalation import plan

        digests = [item.digest for item in open_listed]
        render.complaints_table(digests, today, title=_("Réclamations ouvertes"))
        render.next_actions([(c, plan(c, today)) for c in open_ones])
    else:
        render.info(_("Aucune réclamation ouverte."))
    asker = QuestionaryAsker(today=today)
    # Showing a file returns to the menu (the user usually wants another look or an
    # action next); creating or logging ends the session with its own summary.
    while True:
        choice = asker(dashboard_menu(bool(open_ones)), {})
        if choice == "show":
            _show_one(_pick(open_ones, asker), as_json=False)
            continue
        if choice == "new":
            _new_interactive(store, {}, yes=False, as_json=False)
        elif choice == "log":
            target = _pick(open_ones, asker) if len(open_ones) > 1 else open_ones[0]
            log(ref=target.id)
        return


def _pick(complaints: list["Complaint"], asker: Any) -> "Complaint":
    from amazon_reclamation.ui.wizard import pick_question

    chosen = asker(pick_question(complaints), {})
    return next(c for c in complaints if c.id == chosen)


# -- new --------------------------------------------------------------------------


@app.command()
@_command
def new(
    category: Annotated[
        str | None,
        typer.Option(
            help=_("damaged, late, not_received, non_conforming, billing, refund ou other.")
        ),
    ] = None,
    order: Annotated[
        str | None, typer.Option(help=_("Numéro de commande, 123-1234567-1234567."))
    ] = None,
    order_date: Annotated[
        str | None, typer.Option(help=_("Date de commande (JJ/MM/AAAA ou AAAA-MM-JJ)."))
    ] = None,
    delivery_date: Annotated[str | None, typer.Option(help=_("Date de livraison."))] = None,
    expected_date: Annotated[
        str | None, typer.Option(help=_("Dernière date de livraison estimée par Amazon."))
    ] = None,
    item: Annotated[str | None, typer.Option(help=_("Article concerné."))] = None,
    amount: Annotated[str | None, typer.Option(help=_("Montant payé en euros (12,99)."))] = None,
    seller: Annotated[str | None, typer.Option(help=_("amazon ou marketplace."))] = None,
    seller_name: Annotated[str | None, typer.Option(help=_("Nom du vendeur tiers."))] = None,
    seller_country: Annotated[
        str | None, typer.Option(help=_("Pays du vendeur tiers (code ISO : BE, FR, DE…)."))
    ] = None,
    name: Annotated[str | None, typer.Option(help=_("Votre nom."))] = None,
    description: Annotated[str | None, typer.Option(help=_("Le problème en vos mots."))] = None,
    resolution: Annotated[
        str | None,
        typer.Option(help=_("refund, replacement, repair, delivery, partial_refund ou other.")),
    ] = None,
    damage_timing: Annotated[
        str | None, typer.Option(help=_("Article endommagé : on_arrival ou later."))
    ] = None,
    discovered_date: Annotated[
        str | None, typer.Option(help=_("Défaut apparu plus tard : date de la découverte."))
    ] = None,
    photos: Annotated[
        bool | None,
        typer.Option(
            "--photos/--no-photos", help=_("Photos de l'article et de l'emballage prises ?")
        ),
    ] = None,
    tracking_status: Annotated[
        str | None, typer.Option(help=_("Retard : ce que dit le suivi."))
    ] = None,
    marked_delivered: Annotated[
        bool | None,
        typer.Option(
            "--marked-delivered/--not-marked-delivered",
            help=_("Colis non reçu : le suivi le dit-il livré ?"),
        ),
    ] = None,
    marked_delivered_date: Annotated[
        str | None, typer.Option(help=_("Date de livraison indiquée par le suivi."))
    ] = None,
    neighbours_checked: Annotated[
        bool | None,
        typer.Option(
            "--neighbours-checked/--neighbours-not-checked",
            help=_("Voisins, boîte aux lettres et point relais vérifiés ?"),
        ),
    ] = None,
    difference: Annotated[
        str | None,
        typer.Option(help=_("Non conforme : size, model, colour, description ou other.")),
    ] = None,
    billing_problem: Annotated[
        str | None,
        typer.Option(help=_("Facturation : wrong_amount, unannounced_fee ou unknown_charge.")),
    ] = None,
    charged: Annotated[str | None, typer.Option(help=_("Montant débité (€)."))] = None,
    expected_amount: Annotated[str | None, typer.Option(help=_("Montant attendu (€)."))] = None,
    payment_method: Annotated[
        str | None, typer.Option(help=_("card, debit_card, sepa_direct_debit ou other."))
    ] = None,
    charge_date: Annotated[str | None, typer.Option(help=_("Date du débit."))] = None,
    return_kind: Annotated[
        str | None, typer.Option(help=_("Remboursement : returned ou cancelled."))
    ] = None,
    returned_date: Annotated[
        str | None, typer.Option(help=_("Date du renvoi ou de l'annulation."))
    ] = None,
    return_tracking: Annotated[
        str | None, typer.Option(help=_("Numéro de suivi du retour."))
    ] = None,
    refund_amount: Annotated[
        str | None, typer.Option(help=_("Montant du remboursement attendu (€)."))
    ] = None,
    yes: YesOption = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Décrire un nouveau problème de commande (assistant, ou tout en options)."""
    from amazon_reclamation.ui import questions

    _setup(lang, home)
    raw = {
        "category": category,
        "order_number": order,
        "order_date": order_date,
        "delivery_date": delivery_date,
        "expected_delivery_date": expected_date,
        "item": item,
        "amount": amount,
        "seller_kind": seller,
        "seller_name": seller_name,
        "seller_country": seller_country,
        "customer_name": name,
        "description": description,
        "desired_resolution": resolution,
        "damage_timing": damage_timing,
        "defect_discovered_date": discovered_date,
        "photos_taken": photos,
        "tracking_status": tracking_status,
        "marked_delivered": marked_delivered,
        "marked_delivered_date": marked_delivered_date,
        "neighbours_checked": neighbours_checked,
        "difference": difference,
        "billing_problem": billing_problem,
        "amount_charged": charged,
        "amount_expected": expected_amount,
        "payment_method": payment_method,
        "charge_date": charge_date,
        "return_kind": return_kind,
        "returned_date": returned_date,
        "return_tracking": return_tracking,
        "refund_expected": refund_amount,
    }
    answers = questions.parse_options(raw, _today())
    store = _store()
    if _interactive():
        _new_interactive(store, answers, yes=yes, as_json=as_json)
        return
    questions.require_all(answers)
    if not yes:
        raise MissingAnswer(_("sans terminal, ajoutez --yes pour enregistrer sans confirmation."))
    _save_new(store, answers, as_json=as_json, card_shown=False)


def _new_interactive(store: "Store", answers: dict[str, Any], *, yes: bool, as_json: bool) -> None:
    from amazon_reclamation.errors import Interrupted
    from amazon_reclamation.ui import questions, render
    from amazon_reclamation.ui.wizard import RESUME, QuestionaryAsker, resume_label, run_wizard

    today = _today()
    asker = QuestionaryAsker(today=today)
    draft = store.load_draft()
    if draft and not answers:
        kept = questions.answers_from_json(draft.get("answers", {}), today)
        if kept.get("order_number"):
            render.info(resume_label(kept))
            if asker(RESUME, {}):
                answers.update(kept)
            else:
                store.clear_draft()
                render.info(_("Brouillon supprimé ; nouvelle réclamation."))

    draft_failed: list[str] = []

    def keep_draft(current: dict[str, Any]) -> None:
        # A draft is worth keeping once the order is known (see docs/data-format.md).
        # It is a convenience: when it cannot be written, the wizard goes on, says so once
        # and does not promise to resume.
        if not current.get("order_number") or draft_failed:
            return
        try:
            store.save_draft({"answers": questions.answers_to_json(current)})
        except ReclamError as error:
            draft_failed.append(error.message)
            render.warning(error.message)

    def show_summary(current: dict[str, Any]) -> None:
        from amazon_reclamation import clock
        from amazon_reclamation.texts import summary

        preview = questions.build_complaint(current, summary.PREVIEW_ID, clock.now())
        render.summary_card(summary.build_summary(preview, today))

    try:
        result = run_wizard(
            answers,
            asker,
            today=today,
            confirm=not yes,
            on_answer=keep_draft,
            show_summary=show_summary,
        )
    except (KeyboardInterrupt, EOFError):
        if answers.get("order_number") and not draft_failed:
            raise Interrupted(
                _(
                    "Interrompu. Vos réponses sont gardées : la prochaine commande reclam new "
                    "proposera de les reprendre."
                )
            ) from None
        raise Interrupted(_("Interrompu ; rien n'a été enregistré.")) from None
    if result is None:
        store.clear_draft()
        render.info(_("Abandonné ; rien n'a été enregistré."))
        return
    _save_new(store, result, as_json=as_json, card_shown=not yes)


def _save_new(store: "Store", answers: dict[str, Any], *, as_json: bool, card_shown: bool) -> None:
    from amazon_reclamation import clock
    from amazon_reclamation.texts import summary
    from amazon_reclamation.ui import questions, render

    created_at = clock.now()
    complaint = store.create(lambda new_id: questions.build_complaint(answers, new_id, created_at))
    store.clear_draft()
    if as_json:
        render.json_out(complaint.to_json_dict())
        return
    today = _today()
    if not card_shown:
        render.summary_card(summary.build_summary(complaint, today))
    from amazon_reclamation.domain.deadlines import compute_deadlines, missing_facts

    render.deadlines(compute_deadlines(complaint, today), missing_facts(complaint))
    from amazon_reclamation import listing

    others = [
        item.digest.id
        for item in listing.catalogue(store)[0]
        if item.digest.order_number == complaint.order_number and item.digest.id != complaint.id
    ]
    if others:
        render.warning(
            _(
                "la commande {order} a déjà une réclamation ({ids}) ; donnez l'identifiant "
                "plutôt que le numéro de commande pour les distinguer."
            ).format(order=complaint.order_number, ids=", ".join(others))
        )
    render.plain(
        _("Réclamation {id} enregistrée.").format(id=complaint.id)
        + "\n"
        + _("Ensuite :")
        + "\n"
        + _("  reclam log {id}        notez chaque contact avec le service client").format(
            id=complaint.id
        )
        + "\n"
        + _("  reclam escalate {id}   les étapes suivantes si rien n'avance").format(
            id=complaint.id
        )
        + "\n"
        + _("  reclam show {id}       revoir ce résumé").format(id=complaint.id)
    )


# -- list, show -------------------------------------------------------------------


@app.command("list")
@_command
def list_complaints(
    all_: Annotated[
        bool, typer.Option("--all", help=_("Inclure les réclamations clôturées."))
    ] = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Lister les réclamations ouvertes (toutes avec --all)."""
    from amazon_reclamation.ui import render

    _setup(lang, home)
    store = _store()
    listed = _listed(store)
    shown = sorted(
        (item for item in listed if all_ or item.digest.status == "open"),
        key=lambda item: item.digest.created_at,
    )
    if as_json:
        render.json_documents(store.documents([item.path for item in shown]))
        return
    if not shown:
        render.info(
            _("Aucune réclamation ouverte. Pour commencer : reclam new")
            if not all_
            else _("Aucune réclamation. Pour commencer : reclam new")
        )
    else:
        title = _("Toutes les réclamations") if all_ else _("Réclamations ouvertes")
        digests = [item.digest for item in shown]
        render.complaints_table(digests, _today(), title=title, with_status=all_)
    closed = sum(1 for item in listed if item.digest.status != "open")
    if closed and not all_:
        render.info(
            ngettext(
                "{n} réclamation clôturée : reclam list --all",
                "{n} réclamations clôturées : reclam list --all",
                closed,
            ).format(n=closed)
        )


@app.command()
@_command
def show(
    ref: RefArgument,
    as_json: JsonOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Afficher tout le dossier d'une réclamation."""
    _setup(lang, home)
    _show_one(_find(_store(), ref), as_json=as_json)


def _show_one(complaint: "Complaint", *, as_json: bool) -> None:
    from amazon_reclamation.texts import summary
    from amazon_reclamation.ui import render

    if as_json:
        render.json_out(complaint.to_json_dict())
        return
    today = _today()
    render.complaint_file(complaint, summary.build_summary(complaint, today), today)


# -- close, reopen, delete --------------------------------------------------------


@app.command()
@_command
def close(
    ref: RefArgument,
    outcome: Annotated[
        str,
        typer.Option(
            help=_("resolved (résolue) ou abandoned (abandonnée)."), metavar="resolved|abandoned"
        ),
    ],
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Clôturer une réclamation (résolue ou abandonnée)."""
    from amazon_reclamation import clock
    from amazon_reclamation.texts import labels
    from amazon_reclamation.ui import render

    _setup(lang, home)
    if outcome not in ("resolved", "abandoned"):
        raise InvalidInput(
            _(
                "--outcome : « {value} » n'est pas accepté ; choisissez resolved ou abandoned."
            ).format(value=outcome[:20])
        )
    store = _store()
    target = _find(store, ref)

    def change(current: "Complaint") -> "Complaint":
        if current.status != "open":
            raise ReclamError(
                _("La réclamation {id} est déjà clôturée ({status}).").format(
                    id=current.id, status=labels.label(labels.STATUS, current.status)
                )
            )
        return current.model_copy(update={"status": outcome, "closed_at": clock.now()})

    updated = store.update(target.id, change)
    render.plain(
        _("Réclamation {id} clôturée : {status}.").format(
            id=updated.id, status=labels.label(labels.STATUS, updated.status)
        )
    )


@app.command()
@_command
def reopen(
    ref: RefArgument,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Rouvrir une réclamation clôturée."""
    from amazon_reclamation.ui import render

    _setup(lang, home)
    store = _store()
    target = _find(store, ref)

    def change(current: "Complaint") -> "Complaint":
        if current.status == "open":
            raise ReclamError(_("La réclamation {id} est déjà ouverte.").format(id=current.id))
        return current.model_copy(update={"status": "open", "closed_at": None})

    updated = store.update(target.id, change)
    render.plain(_("Réclamation {id} rouverte.").format(id=updated.id))


@app.command()
@_command
def delete(
    ref: RefArgument,
    yes: YesOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Supprimer définitivement une réclamation (après confirmation)."""
    from amazon_reclamation.ui import render

    _setup(lang, home)
    store = _store()
    target = _find(store, ref)
    if not yes:
        if not _interactive():
            raise MissingAnswer(_("sans terminal, ajoutez --yes pour confirmer la suppression."))
        from amazon_reclamation.ui.wizard import QuestionaryAsker, delete_question

        if not QuestionaryAsker(today=_today())(delete_question(target), {}):
            render.info(_("Rien n'a été supprimé."))
            return
    store.delete(target.id)
    render.plain(_("Réclamation {id} supprimée.").format(id=target.id))


# -- the contact log --------------------------------------------------------------


def _open_complaint(store: "Store", ref: str | None) -> "Complaint":
    """REF if given; else the single open complaint; else a picker in a terminal."""
    if ref:
        return _find(store, ref)
    open_ones = _open_complaints(store)
    if len(open_ones) == 1:
        return open_ones[0]
    if not open_ones:
        raise NotFound(_("Aucune réclamation ouverte ; commencez par reclam new."))
    if _interactive():
        from amazon_reclamation.ui.wizard import QuestionaryAsker

        return _pick(open_ones, QuestionaryAsker(today=_today()))
    raise MissingAnswer(
        _(
            "{n} réclamations ouvertes : donnez REF, l'identifiant ou le numéro de commande "
            "(voir reclam list)."
        ).format(n=len(open_ones))
    )


@app.command()
@_command
def log(
    ref: OptionalRefArgument = None,
    channel: Annotated[
        str | None,
        typer.Option(help=_("phone, chat, email, letter, seller_message ou other.")),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(help=_("Quand : JJ/MM/AAAA ou JJ/MM/AAAA HH:MM (défaut : maintenant).")),
    ] = None,
    agent: Annotated[str | None, typer.Option(help=_("Nom de l'interlocuteur."))] = None,
    reference: Annotated[
        str | None,
        typer.Option(help=_("Référence du dossier donnée par Amazon ou le vendeur.")),
    ] = None,
    summary: Annotated[str | None, typer.Option(help=_("Ce qui a été dit."))] = None,
    outcome: Annotated[
        str | None,
        typer.Option(help=_("resolved, promise, refused, no_answer ou pending.")),
    ] = None,
    promise: Annotated[str | None, typer.Option(help=_("Ce qui a été promis."))] = None,
    follow_up: Annotated[
        str | None, typer.Option(help=_("Date de suivi d'une promesse (obligatoire alors)."))
    ] = None,
    corrects: Annotated[
        int | None,
        typer.Option(
            help=_("Corrige le contact n° N : l'original reste dans le journal, marqué corrigé."),
            metavar="N",
        ),
    ] = None,
    as_json: JsonOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Noter un contact avec le service client ou le vendeur."""
    from amazon_reclamation import clock
    from amazon_reclamation.texts import summary as texts
    from amazon_reclamation.ui import questions, render

    _setup(lang, home)
    today = _today()
    raw = {
        "channel": channel,
        "at": at,
        "agent": agent,
        "reference": reference,
        "summary": summary,
        "outcome": outcome,
        "promise": promise,
        "follow_up": follow_up,
    }
    answers = questions.parse_options(raw, today, questions.CONTACT_QUESTIONS)
    store = _store()
    target = _open_complaint(store, ref)
    if corrects is not None:
        _check_correctable(target, corrects)
    interactive = _interactive()
    answers[questions.ORDER_DATE_KEY] = target.order_date
    if interactive:
        from amazon_reclamation.ui.wizard import QuestionaryAsker, ask_missing

        render.info(
            _("Contact pour la réclamation {id} (commande {order})").format(
                id=target.id, order=target.order_number
            )
        )
        ask_missing(answers, QuestionaryAsker(today=today), questions=questions.CONTACT_QUESTIONS)
    questions.require_all(answers, questions.CONTACT_QUESTIONS, "log")
    if answers.get("follow_up") and answers["outcome"] != "promise":
        raise InvalidInput(
            _(
                "--follow-up : une date de suivi accompagne une promesse ; ajoutez "
                "--outcome promise et --promise, ou retirez --follow-up."
            )
        )
    given = answers.get("at")
    moment = given.at if given is not None else clock.now()
    at_precision = "minute" if given is None or given.has_time else "day"
    if moment.date() < target.order_date:
        raise InvalidInput(
            _("--at : le contact ne peut pas précéder la commande du {date}.").format(
                date=target.order_date.strftime("%d/%m/%Y")
            )
        )

    def append(current: "Complaint") -> "Complaint":
        from amazon_reclamation.models import Contact

        contact = Contact(
            id=max((c.id for c in current.contacts), default=0) + 1,
            at=moment,
            at_precision=at_precision,
            recorded_at=clock.now(),
            channel=answers["channel"],
            agent=answers.get("agent"),
            reference=answers.get("reference"),
            summary=answers.get("summary"),
            outcome=answers["outcome"],
            promise=answers.get("promise"),
            follow_up=answers.get("follow_up"),
            corrects=corrects,
        )
        return current.model_copy(update={"contacts": [*current.contacts, contact]})

    updated = store.update(target.id, append)
    contact = updated.contacts[-1]
    if as_json:
        render.json_out(contact.model_dump(mode="json"))
        return
    render.plain(
        _("Contact n° {n} noté pour la réclamation {id}.").format(n=contact.id, id=updated.id)
    )
    render.timeline(updated, today)
    promise_passed = contact.follow_up is not None and contact.follow_up < today
    if texts.needs_written_confirmation(contact) and not promise_passed:
        from amazon_reclamation.ui.wizard import QuestionaryAsker, confirm_question

        offer = confirm_question(_("Préparer un message de confirmation écrite de cet échange ?"))
        if not interactive or QuestionaryAsker(today=today)(offer, {}):
            render.message_block(
                _("Confirmation écrite à envoyer par e-mail ou dans le chat"),
                texts.confirmation_message(updated, contact),
            )
    if contact.outcome == "resolved" and updated.status == "open":
        _offer_close(store, updated, interactive)


def _check_correctable(complaint: "Complaint", contact_id: int) -> None:
    """A contact can be corrected once; a later fix corrects the correction."""
    if all(c.id != contact_id for c in complaint.contacts):
        raise InvalidInput(
            _("--corrects : la réclamation {id} n'a pas de contact n° {n}.").format(
                id=complaint.id, n=contact_id
            )
        )
    later = next((c.id for c in complaint.contacts if c.corrects == contact_id), None)
    if later is not None:
        raise InvalidInput(
            _(
                "--corrects : le contact n° {n} est déjà corrigé par le n° {later} ; "
                "corrigez le n° {later}."
            ).format(n=contact_id, later=later)
        )


def _offer_close(store: "Store", complaint: "Complaint", interactive: bool) -> None:
    from amazon_reclamation import clock
    from amazon_reclamation.ui import render

    if interactive:
        from amazon_reclamation.ui.wizard import QuestionaryAsker, confirm_question

        question = confirm_question(_("Problème résolu : clôturer la réclamation ?"))
        if QuestionaryAsker(today=_today())(question, {}):
            store.update(
                complaint.id,
                lambda c: c.model_copy(update={"status": "resolved", "closed_at": clock.now()}),
            )
            render.plain(_("Réclamation {id} clôturée : résolue.").format(id=complaint.id))
        return
    render.info(
        _(
            "Problème résolu ? Clôturez la réclamation : reclam close {id} --outcome resolved"
        ).format(id=complaint.id)
    )


@app.command()
@_command
def due(
    as_json: JsonOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Suivis à faire aujourd'hui ou en retard, délais des 7 prochains jours (rien si aucun)."""
    from amazon_reclamation.domain.deadlines import compute_deadlines
    from amazon_reclamation.texts.deadlines import deadline_json
    from amazon_reclamation.ui import render

    _setup(lang, home)
    today = _today()
    store = _store()
    open_listed = _open_listed(store)
    follow_ups = [
        (item.digest, follow_up)
        for item in open_listed
        for follow_up in item.digest.due_follow_ups(today)
    ]
    # Only the complaints with a deadline in the window are read in full: at 10,000
    # complaints, that is the difference between seconds and a fraction of one.
    near = [item for item in open_listed if item.digest.deadline_near(today, DUE_SOON_DAYS)]
    soon = [
        (complaint, deadline)
        for complaint in _load_all(store, near)
        for deadline in compute_deadlines(complaint, today)
        if -DUE_SOON_DAYS <= deadline.days_left <= DUE_SOON_DAYS
    ]
    if as_json:
        render.json_out(
            [_due_json(digest, item, today) for digest, item in follow_ups]
            + [
                {
                    "type": "deadline",
                    "complaint_id": complaint.id,
                    "order_number": complaint.order_number,
                    **deadline_json(deadline),
                }
                for complaint, deadline in soon
            ]
        )
        return
    if follow_ups:
        render.due_table(follow_ups, today)
    if soon:
        render.soon_table(soon)


DUE_SOON_DAYS = 7  # the window of `due` around today, in days, for deadlines


def _due_json(digest: "Digest", item: "FollowUp", today: Any) -> dict[str, Any]:
    return {
        "type": "follow_up",
        "complaint_id": digest.id,
        "order_number": digest.order_number,
        "contact_id": item.contact_id,
        "follow_up": item.day.isoformat(),
        "days_overdue": (today - item.day).days,
        "state": item.state(today),
        "promise": item.promise,
        "agent": item.agent,
        "reference": item.reference,
        "channel": item.channel,
    }


# -- rights, escalation, letters ---------------------------------------------------


@app.command()
@_command
def escalate(
    ref: OptionalRefArgument = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help=_("Détailler chaque étape, même celles qui ne s'appliquent pas.")
        ),
    ] = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Les étapes suivantes, dans l'ordre, avec pourquoi et comment, et les délais."""
    from amazon_reclamation.domain import escalation
    from amazon_reclamation.ui import render

    _setup(lang, home)
    complaint = _open_complaint(_store(), ref)
    if complaint.status != "open":
        from amazon_reclamation.texts import labels

        raise ReclamError(
            _(
                "La réclamation {id} est clôturée ({status}) : rien à faire suivre. Pour la "
                "reprendre : reclam reopen {id}"
            ).format(id=complaint.id, status=labels.label(labels.STATUS, complaint.status))
        )
    plan = escalation.plan(complaint, _today())
    if as_json:
        render.json_out(plan.to_json())
        return
    render.escalation(complaint, plan, show_all=show_all)


@app.command()
@_command
def rights(
    ref: OptionalRefArgument = None,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """Les règles qui s'appliquent à une réclamation, chacune avec sa source."""
    from amazon_reclamation.knowledge.applicable import rules_for
    from amazon_reclamation.ui import render

    _setup(lang, home)
    complaint = _open_complaint(_store(), ref)
    render.rights(complaint, rules_for(complaint))


@app.command()
@_command
def letter(
    ref: RefArgument,
    markdown: Annotated[
        bool, typer.Option("--markdown", help=_("En Markdown plutôt qu'en texte brut."))
    ] = False,
    days: Annotated[int, typer.Option(help=_("Délai laissé au vendeur, en jours (8 à 60)."))] = 15,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help=_("Écrire la lettre dans ce nouveau fichier."), metavar="FILE"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Avec --out : remplacer un fichier existant."))
    ] = False,
    lang: LangOption = None,
    home: HomeOption = None,
    version: VersionOption = False,
) -> None:
    """La mise en demeure de cette réclamation (texte ou Markdown)."""
    from amazon_reclamation.domain import letters
    from amazon_reclamation.ui import render

    _setup(lang, home)
    if not 8 <= days <= 60:
        raise InvalidInput(
            _(
                "--days : {n} jours n'est pas un délai raisonnable ; choisissez entre 8 et 60."
            ).format(n=days)
        )
    store = _store()
    complaint = _find(store, ref)
    if out_file is None:
        render.plain(letters.formal_notice(complaint, _today(), markdown=markdown, days=days))
        return
    from amazon_reclamation.files import write_output_file

    # The note is for the user, not the seller: it stays on the terminal.
    note, text = letters.formal_notice_parts(complaint, _today(), markdown=markdown, days=days)
    target = write_output_file(out_file.expanduser(), text, force=force, data_folder=store.root)
    render.info(note.rstrip())
    render.info(_("Lettre écrite dans {path}.").format(path=target))


# -- entry points -----------------------------------------------------------------


def _usage_line(error: Exception) -> str:
    """Click's usage errors, as one translated line with a pointer to the help."""
    kind = type(error).__name__
    raw = str(getattr(error, "format_message", lambda: str(error))())
    if kind == "NoSuchOption":
        text = _("option inconnue : {name}").format(name=getattr(error, "option_name", "?"))
    elif raw.startswith("No such command"):
        text = _("commande inconnue : {name}").format(name=raw.split("'")[1] if "'" in raw else "?")
    elif kind == "BadParameter":
        param = getattr(error, "param", None)
        hint = "/".join(getattr(param, "opts", []) or []) or getattr(param, "name", "?")
        text = (
            _("{option} : valeur non valable (un nombre entier est attendu)").format(option=hint)
            if "integer" in raw
            else _("{option} : valeur non valable").format(option=hint)
        )
    elif kind == "MissingParameter":
        param = getattr(error, "param", None)
        hint = "/".join(getattr(param, "opts", []) or []) or getattr(param, "name", "?")
        if hint.lower() == "ref":
            hint = _("REF (l'identifiant de la réclamation ou le numéro de commande)")
        text = _("il manque {what}").format(what=hint)
    else:
        text = raw
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "reclam"
    return _("{text} (voir {command} --help)").format(text=text, command=command)


def _tolerant_streams() -> None:
    """Write what a non-UTF-8 terminal cannot show as "?" instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    """Run reclam with `argv`; return the exit code. Usage errors become one line."""
    global _current_store
    _current_store = None
    _tolerant_streams()
    try:
        result = app(args=argv, prog_name="reclam", standalone_mode=False)
    except typer.Abort:
        from amazon_reclamation.ui import render

        render.info(_interrupted_message())
        return int(ExitCode.INTERRUPTED)
    except OSError as error:
        return _output_failed(error)
    except Exception as error:
        # Click's exceptions (vendored by Typer, not all exported) carry these two.
        if not (hasattr(error, "exit_code") and hasattr(error, "format_message")):
            raise
        from amazon_reclamation.ui import render

        render.error(_usage_line(error))
        return int(error.exit_code)
    return result if isinstance(result, int) else 0


def run() -> None:
    """The console script."""
    sys.exit(main())
