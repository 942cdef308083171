"""The one exit point: every error of a run becomes one line on stderr and an exit code.

The code follows the error's type (`errors.ExitCode`, `../README.md`): reclam's own
errors carry theirs, Click's usage errors are 2, Ctrl-C is 130, a failing output is 1.
Messages come from the error's attributes, never from parsing Click's English text.
With `--debug` the traceback is printed first, for a bug report.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from amazon_reclamation.errors import ExitCode, Interrupted, ReclamError
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    from amazon_reclamation.cli.context import App


def exit_code_for(error: BaseException, app: App) -> int:
    """Report `error` (one line, or a traceback first with --debug) and return its code."""
    import typer
    from typer._click import exceptions as click_errors

    from amazon_reclamation.ui import render

    if app.debug and not isinstance(error, KeyboardInterrupt | typer.Abort):
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    if isinstance(error, Interrupted):
        # not an error: the user chose to stop
        render.info(interrupted_message(app) if app.changes else error.message)
        return int(error.exit_code)
    if isinstance(error, ReclamError):
        render.error(error.message)
        return int(error.exit_code)
    if isinstance(error, KeyboardInterrupt | EOFError | typer.Abort):
        render.info(interrupted_message(app))
        return int(ExitCode.INTERRUPTED)
    if isinstance(error, OSError):
        # The store turns its own failures into ReclamError: this one is the output.
        return output_failed(error, app)
    if isinstance(error, click_errors.ClickException):
        render.error(usage_line(error))
        return int(error.exit_code)
    render.error(
        _(
            "erreur inattendue ({kind}) : rien n'a été perdu ; relancez avec --debug et "
            "signalez la trace affichée."
        ).format(kind=type(error).__name__)
        if not app.changes
        else _(
            "erreur inattendue ({kind}) après l'enregistrement de la réclamation {id} "
            "(reclam show {id}) ; relancez avec --debug et signalez la trace affichée."
        ).format(kind=type(error).__name__, id=app.changes[-1].complaint_id)
    )
    return int(ExitCode.REFUSED)


def interrupted_message(app: App) -> str:
    """What Ctrl-C leaves behind: nothing, or the changes already committed."""
    if not app.changes:
        return _("Interrompu ; rien n'a été enregistré.")
    return "\n".join(_committed(change.action, change.complaint_id) for change in app.changes)


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


def output_failed(error: OSError, app: App) -> int:
    """stdout failed (closed pipe, full disk): say on stderr what was saved anyway."""
    from amazon_reclamation.files import os_error_reason
    from amazon_reclamation.ui import render

    _silence_stdout()
    saved = [c for c in app.changes if c.action != "deleted"]
    reason = os_error_reason(error)
    if isinstance(error, BrokenPipeError) and not saved:
        return int(ExitCode.REFUSED)  # `reclam list | head`: the reader had enough
    if saved and saved[-1].action == "created":
        render.error(
            _(
                "la sortie n'a pas pu être écrite ({reason}), mais la réclamation {id} est bien "
                "enregistrée : ne la recréez pas (reclam show {id})."
            ).format(reason=reason, id=saved[-1].complaint_id)
        )
    elif saved:  # a contact logged, a status changed: "don't create it again" would mislead
        render.error(
            _(
                "la sortie n'a pas pu être écrite ({reason}), mais la modification de la "
                "réclamation {id} est bien enregistrée : ne la refaites pas (reclam show {id})."
            ).format(reason=reason, id=saved[-1].complaint_id)
        )
    else:
        render.error(_("la sortie n'a pas pu être écrite ({reason}).").format(reason=reason))
    return int(ExitCode.REFUSED)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _option_hint(param: Any) -> str:
    return "/".join(getattr(param, "opts", None) or []) or str(getattr(param, "name", "?"))


def usage_line(error: Any) -> str:
    """Click's usage errors, as one translated line with a pointer to the help."""
    from typer._click import exceptions as click_errors

    from amazon_reclamation.cli.app import ExtraArguments, UnknownCommand

    if isinstance(error, UnknownCommand):
        text = _("commande inconnue : {name}").format(name=error.name)
    elif isinstance(error, ExtraArguments):
        text = _("argument en trop : {extra}").format(extra=_shown(" ".join(error.extra)))
    elif isinstance(error, click_errors.BadOptionUsage):
        text = (
            _("{option} ne prend pas de valeur").format(option=error.option_name)
            if _is_flag(getattr(error, "ctx", None), error.option_name)
            else _("{option} : il manque la valeur").format(option=error.option_name)
        )
    elif isinstance(error, click_errors.NoSuchOption):
        text = _("option inconnue : {name}").format(name=error.option_name)
    elif isinstance(error, click_errors.MissingParameter):
        hint = _option_hint(error.param)
        if hint.lower() == "ref":
            hint = _("REF (l'identifiant de la réclamation ou le numéro de commande)")
        text = _("il manque {what}").format(what=hint)
    elif isinstance(error, click_errors.BadParameter):
        hint = _option_hint(error.param)
        text = (
            _("{option} : valeur non valable (un nombre entier est attendu)").format(option=hint)
            if _expects_integer(error.param)
            else _("{option} : valeur non valable").format(option=hint)
        )
    else:  # no other usage error reaches here; said in our words all the same
        text = _("ligne de commande non valable")
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "reclam"
    return _("{text} (voir {command} --help)").format(text=text, command=command)


def _shown(text: str) -> str:
    from amazon_reclamation.parsing import shown

    return shown(text, 40)


def _is_flag(ctx: Any, option_name: str) -> bool:
    """Whether the option named in a usage error is a flag (it takes no value)."""
    command = getattr(ctx, "command", None)
    params = command.get_params(ctx) if command is not None else []
    return any(
        option_name in (*p.opts, *p.secondary_opts) and getattr(p, "is_flag", False)
        for p in params
        if hasattr(p, "opts")
    )


def _expects_integer(param: Any) -> bool:
    """Whether an option takes a whole number (Typer's descriptor, or Click's INT type)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and getattr(descriptor, "annotation", None) is int:
        return True
    return type(getattr(param, "type", None)).__name__ == "IntParamType"


def tolerant_streams() -> None:
    """Write what a non-UTF-8 terminal cannot show as "?" instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


# A listing at 10,000 complaints makes and keeps some 100,000 small objects (digests,
# follow-ups, the index's rows): Python's cyclic collector, run every 700 allocations,
# walked them again and again (a third of `due`'s time). During a run it is run every
# GC_THRESHOLD allocations instead (still run: a cycle is collected all the same).
GC_THRESHOLD = 10_000


def main(argv: list[str] | None = None) -> int:
    """Run reclam with `argv` and return the exit code; usage errors become one line."""
    import gc

    # No pydantic plugin sees a record: one installed in the same environment (a tracing
    # tool) would be handed every complaint validated, and the data stays on this machine.
    # It also spares reading every installed package's entry points (a few ms per run).
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*threshold)


def _main(argv: list[str] | None) -> int:
    from amazon_reclamation.cli.context import App

    tolerant_streams()
    state = App()
    try:
        args = sys.argv[1:] if argv is None else list(argv)
        state.start(args)
        from amazon_reclamation.cli import commands

        # The console script builds only the command it runs; a caller in-process (the
        # tests) always gets every command, registered in the same order.
        app = commands.load(args if argv is None else None)

        result = app(args=argv, prog_name="reclam", standalone_mode=False, obj=state)
    except BaseException as error:  # the one exit point decides
        if isinstance(error, SystemExit | GeneratorExit):
            raise
        return exit_code_for(error, state)
    return result if isinstance(result, int) else 0
