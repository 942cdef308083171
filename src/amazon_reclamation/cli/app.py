"""The Typer application: the group, the global options declared once, the command decorator.

The global options (`--lang`, `--home`, `--debug`, `--version`) are plain Click options
added to the group and to every command by the two classes below: they are parsed once
into the run's `App` and cost nothing per command (Typer would coerce each copy through
pydantic). `@command` registers a function whose first parameter is that `App`, and
routes whatever it raises to the one exit point, `cli.exits`.
"""

import functools
import inspect
import types
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

# Click's error classes, as Typer (>= 0.22) carries them: reclam tells usage errors apart
# by type, never by their English text.
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from amazon_reclamation import ids
from amazon_reclamation.cli import help as help_words
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _

# No `from __future__ import annotations` in the command modules: Typer would have to
# evaluate every string annotation at start-up, which costs more than building the help.
# Help texts are read when the modules load, before Click parses `--lang`: `main` picks
# the language first (`App.start`: `--lang` read ahead, RECLAM_LANG, the saved
# preference, the locale). Click's own words are ours, translated when shown (`help.py`).

F = TypeVar("F", bound=Callable[..., Any])


class UnknownCommand(click_errors.UsageError):
    """`reclam frobnicate`: carries the name, so that the message is ours and translated."""

    def __init__(self, name: str, ctx: Any) -> None:
        super().__init__(name, ctx)
        self.name = name


class ExtraArguments(click_errors.UsageError):
    """`reclam show abc def`: what is left over, so that the message is ours."""

    def __init__(self, extra: list[str], ctx: Any) -> None:
        super().__init__(" ".join(extra), ctx)
        self.extra = extra


def app_of(ctx: Any) -> App:
    """The run's application object (given by `main`, or made for a bare Click call)."""
    root = ctx.find_root()
    if not isinstance(root.obj, App):
        root.obj = App()
    return root.obj


def _on_lang(ctx: typer.Context, value: str | None) -> None:
    if value is not None:
        app_of(ctx).set_lang(value)


def _on_home(ctx: typer.Context, value: str | Path | None) -> None:
    if value is not None:
        app_of(ctx).home = Path(value).expanduser()


def _on_debug(ctx: typer.Context, value: bool) -> None:
    if value:
        app_of(ctx).debug = True


def _on_version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from amazon_reclamation import __version__

        typer.echo(f"reclam {__version__}")
        raise typer.Exit()


def _global_options() -> list[Any]:
    """The global options as Click parameters, made once by Typer from one signature."""
    donor = typer.Typer(add_completion=False)

    @donor.command()
    def options(
        lang: Annotated[
            str | None,
            typer.Option(
                "--lang",
                metavar="fr|nl|de|en",
                help=_(
                    "Langue : fr, nl, de ou en (sinon RECLAM_LANG, puis la langue enregistrée "
                    "avec reclam config, puis la locale)."
                ),
                is_eager=True,  # before the other options, so that their errors are in it
                callback=_on_lang,
            ),
        ] = None,
        home: Annotated[
            Path | None,
            typer.Option(
                "--home",
                metavar="PATH",
                help=_("Dossier des données (sinon RECLAM_HOME)."),
                callback=_on_home,
            ),
        ] = None,
        debug: Annotated[
            bool,
            typer.Option(
                "--debug",
                help=_(
                    "En cas d'erreur, afficher aussi la trace technique (pour signaler un bogue)."
                ),
                is_eager=True,
                callback=_on_debug,
            ),
        ] = False,
        version: Annotated[
            bool,
            typer.Option(
                "--version",
                help=_("Afficher la version et quitter."),
                is_eager=True,
                callback=_on_version,
            ),
        ] = False,
    ) -> None:
        """Never run: its options are lent to every command."""

    params = list(typer.main.get_command(donor).params)
    for param in params:
        param.expose_value = False  # their callbacks fill the App; commands never see them
        # Typer 0.29 coerces every value that is not a bool through a pydantic adapter,
        # even an option left out: that would load pydantic on every run (about 60 ms)
        # for two strings the callbacks check themselves.
        _without_coercion(param)
    return params


def _without_coercion(param: Any) -> None:
    param.process_value = types.MethodType(_callback_only, param)


def _callback_only(param: Any, ctx: Any, value: Any) -> Any:
    """Typer's processing without the coercion: the value as parsed, to its callback."""
    if param.required and param.value_is_missing(value):
        raise click_errors.MissingParameter(ctx=ctx, param=param)
    return param.callback(ctx, param, value) if param.callback is not None else value


def _is_plain(param: Any) -> bool:
    """A text option or argument, or a flag: what Click parsed is already the value (a
    str, a bool or None), so Typer's coercion would only load pydantic to check it."""
    descriptor = getattr(param, "type_descriptor", None)
    return descriptor is not None and descriptor.annotation in (str, bool) and param.nargs == 1


GLOBAL_OPTIONS = _global_options()


# Options that take a stable id: their choices shown in --help and offered by the shell.
_ID_CHOICES: dict[str, tuple[str, ...]] = {
    "category": ids.CATEGORIES,
    "seller": ids.SELLER_KINDS,
    "resolution": ids.RESOLUTIONS,
    "damage_timing": ids.DAMAGE_TIMINGS,
    "difference": ids.DIFFERENCES,
    "billing_problem": ids.BILLING_PROBLEMS,
    "payment_method": ids.PAYMENT_METHODS,
    "return_kind": ids.RETURN_KINDS,
    "channel": ids.CHANNELS,
    "outcome": ids.OUTCOMES,
    "letter_lang": ids.LANGUAGES,
}
_ID_CHOICES_BY_COMMAND: dict[str, dict[str, tuple[str, ...]]] = {
    "close": {"outcome": ids.CLOSINGS},
}


def _offer_choices(command: str | None, param: Any) -> None:
    """`--category [damaged|late|…]` in the help, and the ids to the shell's completion."""
    choices = _ID_CHOICES_BY_COMMAND.get(command or "", {}).get(param.name) or _ID_CHOICES.get(
        param.name
    )
    if choices is None or getattr(param, "param_type_name", "") != "option":
        return
    param.metavar = "[" + "|".join(choices) + "]"
    param._custom_shell_complete = lambda _ctx, _param, incomplete: [
        choice for choice in choices if choice.startswith(incomplete)
    ]


def _complete_ref(ctx: Any, _param: Any, incomplete: str) -> list[str]:
    """REF in the shell: the ids and order numbers of the complaints, open ones first."""
    from amazon_reclamation import listing
    from amazon_reclamation.errors import ReclamError

    try:
        listed, _unreadable = listing.catalogue(app_of(ctx).store)
    except (ReclamError, OSError):
        return []
    digests = sorted((item.digest for item in listed), key=lambda d: d.status != "open")
    found: list[str] = []
    for digest in digests:
        for value in (digest.id, digest.order_number):
            if value and value.startswith(incomplete) and value not in found:
                found.append(value)
    return found


def _with_globals(params: list[Any], command: str | None = None) -> list[Any]:
    """The command's own options, the global ones, then --help last, as Click lists it.

    Text options skip Typer's pydantic coercion, which would build an adapter for each
    of them, given or not (30 for `new`): reclam parses and checks their text itself.
    """
    *own, help_option = params
    for param in own:
        if _is_plain(param):
            _without_coercion(param)
        _offer_choices(command, param)
        if param.name == "ref" and param._custom_shell_complete is None:
            param._custom_shell_complete = _complete_ref
        help_words.name_the_value(param)
        help_words.word_builtin_options(param)
    _without_coercion(help_option)  # a flag too, whose unset value Typer would coerce
    help_words.word_builtin_options(help_option)
    for param in GLOBAL_OPTIONS:
        help_words.name_the_value(param)
    return [*own, *GLOBAL_OPTIONS, help_option]


class _OurWords:
    """The help screens in the user's language (`help.py`), not Click's English."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        help_words.format_usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        help_words.format_options(self, ctx, formatter)

    def get_help_option_names(self, ctx: Any) -> list[str]:
        """The help option's names in the order given (Click makes them a set, so that
        shell completion offered them in an order that changed from run to run)."""
        taken = {name for param in self.params for name in (*param.opts, *param.secondary_opts)}  # type: ignore[attr-defined]
        return [name for name in ctx.help_option_names if name not in taken]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing; its usage errors carry the command, to name it and its options."""
        try:
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except click_errors.UsageError as error:
            if error.ctx is None:
                error.ctx = ctx
            raise
        return rest


class ReclamCommand(_OurWords, TyperCommand):
    """A command that also accepts the global options."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _with_globals(super().get_params(ctx), self.name)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing, with extra arguments reported by reclam (`ExtraArguments`)."""
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest: list[str] = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands by name, each built by Typer the first time it is looked up.

    Building a command reads its signature and makes its options (thirty for `new`):
    a run needs one command, and `reclam --help` only their names and help texts, which
    `short_help` gives from the registration without building anything.
    """

    def __init__(self, registry: typer.Typer, built: MutableMapping[str, Any]) -> None:
        self._infos = {_name_of(info): info for info in registry.registered_commands}
        self._registry = registry
        self._built = dict(built)

    def __getitem__(self, name: str) -> Any:
        command = self._built.get(name)
        if command is None:
            command = typer.main.get_command_from_info(
                self._infos[name],  # KeyError: no such command
                pretty_exceptions_short=self._registry.pretty_exceptions_short,
                rich_markup_mode=self._registry.rich_markup_mode,
            )
            self._built[name] = command
        return command

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        found = self._infos.pop(name, None) is not None
        found = self._built.pop(name, None) is not None or found
        if not found:
            raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._infos, *self._built]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._infos, *self._built]))

    def for_help(self, name: str) -> Any:
        """The command `name` as `reclam --help` lists it (its hidden flag, its help line):
        the command if it was built, else a bare command of the same texts, which
        words its help line alike (`get_short_help_str`) without building its options."""
        command = self._built.get(name)
        if command is not None:
            return command
        info = self._infos[name]
        return TyperCommand(
            name,
            help=inspect.cleandoc(info.help) if info.help is not None else None,
            short_help=info.short_help,
            hidden=info.hidden,
            deprecated=info.deprecated,
        )


def _name_of(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


class ReclamGroup(_OurWords, TyperGroup):
    """The `reclam` group: global options, commands built when looked up (`LazyCommands`),
    and an unknown command said in our words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(registry, self.commands)

    def get_params(self, ctx: Any) -> list[Any]:
        return _with_globals(super().get_params(ctx))

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands' names in their order, none built (Typer's own reads every item)."""
        return list(self.commands)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommand(name, ctx)
        return super().resolve_command(ctx, args)


# The commands are registered on `registry`, a Typer that is never run: Typer would build
# every registered command of `app` before running one. `ReclamGroup` builds them from it.
registry = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)

app = typer.Typer(
    name="reclam",
    cls=ReclamGroup,
    help=_("reclam : préparez, suivez et faites aboutir une réclamation sur amazon.com.be."),
    rich_markup_mode=None,  # Click's plain help: Rich help panels double the start-up time
    pretty_exceptions_enable=False,
    add_completion=True,  # reclam --install-completion: commands, options, ids and REF
    no_args_is_help=False,
    context_settings={"help_option_names": ["--help", "-h"]},
)


def _with_app(func: Callable[..., Any]) -> Callable[..., Any]:
    """Call `func(app, **options)`: Typer sees a `ctx` in place of `app`, and errors go to
    the one exit point."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from amazon_reclamation.cli import exits

        ctx = kwargs.pop(_CTX)
        state = app_of(ctx)
        if wants_ctx:
            kwargs["ctx"] = ctx
        try:
            return func(state, *args, **kwargs)
        except typer.Exit:
            raise
        except BaseException as error:  # the one exit point decides
            if isinstance(error, SystemExit | GeneratorExit):
                raise
            raise typer.Exit(exits.exit_code_for(error, state)) from None

    signature = inspect.signature(func)
    wants_ctx = "ctx" in signature.parameters
    options = [p for p in list(signature.parameters.values())[1:] if p.name != "ctx"]
    context = inspect.Parameter(_CTX, inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*options, context]
    )
    annotations = {k: v for k, v in func.__annotations__.items() if k != "ctx"}
    wrapper.__annotations__ = {**annotations, _CTX: typer.Context}
    return wrapper


_CTX = "reclam_context"


def command(name: str | None = None, *, help: str | None = None) -> Callable[[F], F]:
    """Register `func(app: App, ...)` as the command `name` (default: the function's name).

    `help` is the command's help, a translated message (a docstring is not in the catalogue).
    """

    def register(func: F) -> F:
        registry.command(name, cls=ReclamCommand, help=help)(_with_app(func))
        return func

    return register


def group_callback(func: F) -> F:
    """Register `func(app: App, ctx)` as what bare `reclam` does."""
    app.callback(invoke_without_command=True)(_with_app(func))
    return func
