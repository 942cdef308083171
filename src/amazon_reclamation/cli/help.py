"""Click's own words in the user's language: the help screens and the names of values.

Typer 0.29 carries its own copy of Click, whose help words are English literals
("Usage:", "Options:", "[default: 15]", `<str>`). reclam's group and commands (`app.py`)
format their help with the methods below instead, every word a French source string in
`_()`, translated when the help is shown. Nothing of Typer is patched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from amazon_reclamation.i18n import N_, _

# What each option's value is, by the option's name: shown in the help in place of
# Click's `<str>` and `<int>`.
_DATE = N_("JJ/MM/AAAA")
_AMOUNT = N_("MONTANT")
_NAME = N_("NOM")
_VALUE_NAMES: dict[str, str] = {
    "order": N_("NUMÉRO"),
    "order_date": _DATE,
    "delivery_date": _DATE,
    "expected_date": _DATE,
    "discovered_date": _DATE,
    "marked_delivered_date": _DATE,
    "charge_date": _DATE,
    "returned_date": _DATE,
    "follow_up": _DATE,
    "at": N_("JJ/MM/AAAA HH:MM"),
    "amount": _AMOUNT,
    "charged": _AMOUNT,
    "expected_amount": _AMOUNT,
    "refund_amount": _AMOUNT,
    "seller_country": N_("PAYS"),
    "name": _NAME,
    "seller_name": _NAME,
    "agent": _NAME,
    "reference": N_("RÉFÉRENCE"),
    "return_tracking": N_("NUMÉRO"),
    "step": N_("ÉTAPE"),
    "days": N_("JOURS"),
    "corrects": N_("N°"),
    "home": N_("DOSSIER"),
    "out_file": N_("FICHIER"),
    "out": N_("CHEMIN"),  # export: a file, or a folder for ECC Belgium
}
_BY_TYPE = {str: N_("TEXTE"), int: N_("NOMBRE")}
_OWN_METAVAR = "_reclam_metavar"  # marks a metavar set here, to be translated again


def name_the_value(param: Any) -> None:
    """Give an option's value a name in the user's language (`--order NUMÉRO`)."""
    if getattr(param, "param_type_name", "") != "option" or getattr(param, "is_flag", False):
        return
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    source = _VALUE_NAMES.get(param.name)
    if source is None:
        if param.metavar is not None and not getattr(param, _OWN_METAVAR, False):
            return  # declared (fr|nl|de|en) or the ids of a choice
        source = _BY_TYPE.get(annotation)  # type: ignore[arg-type]
    if source is not None:
        param.metavar = _(source)
        setattr(param, _OWN_METAVAR, True)


def word_builtin_options(param: Any) -> None:
    """The help of the options Click and Typer add: --help and shell completion."""
    texts = {
        "help": _("Afficher cette aide et quitter."),
        "install_completion": _("Installer la complétion pour le shell utilisé."),
        "show_completion": _(
            "Afficher la complétion pour le shell utilisé, pour la copier ou adapter "
            "l'installation."
        ),
    }
    if param.name in texts:
        param.help = texts[param.name]


def _extras(help_text: str) -> str:
    """Click's "[default: 15]" and "[required]" (appended to an option's help, after two
    spaces) said in the user's language."""
    start = help_text.rfind("[")
    before = help_text[:start]
    if not help_text.endswith("]") or start < 0 or (before and not before.endswith("  ")):
        return help_text
    words = []
    for extra in help_text[start + 1 : -1].split("; "):
        if extra == "required":
            words.append(_("obligatoire"))
        elif extra.startswith("default: "):
            words.append(_("par défaut : {value}").format(value=extra[len("default: ") :]))
        else:
            return help_text  # not Click's extras: the option's own text
    return before + "[" + "; ".join(words) + "]"


def format_usage(command: Any, ctx: Any, formatter: Any) -> None:
    """ "Utilisation : reclam show [OPTIONS] {REF}"."""
    command.options_metavar = _("[OPTIONS]")
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = _("COMMANDE [ARGUMENTS]...")
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Utilisation :") + " ")


def format_options(command: Any, ctx: Any, formatter: Any) -> None:
    """The arguments, the options and (for the group) the commands, under our headings."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        name, text = record[0], _extras(record[1])
        if param.param_type_name == "argument":
            arguments.append((param.metavar or str(param.name).upper(), text))
        else:
            options.append((name, text))
    if arguments:
        with _section(formatter, _("Arguments :")):
            formatter.write_dl(arguments)
    if options:
        with _section(formatter, _("Options :")):
            formatter.write_dl(options)
    if hasattr(command, "list_commands"):
        _format_commands(command, ctx, formatter)


def _format_commands(group: Any, ctx: Any, formatter: Any) -> None:
    # The help lines come from the registration: no command is built to list them all.
    commands = []
    for name in group.list_commands(ctx):
        sub = group.commands.for_help(name)
        if not sub.hidden:
            commands.append((name, sub))
    if not commands:
        return
    limit = formatter.width - 6 - max(len(name) for name, _sub in commands)
    rows = [(name, sub.get_short_help_str(limit)) for name, sub in commands]
    with _section(formatter, _("Commandes :")):
        formatter.write_dl(rows)


@contextmanager
def _section(formatter: Any, title: str) -> Iterator[None]:
    """A heading and its indented rows; the heading's colon is the language's own."""
    formatter.write_paragraph()
    formatter.write(f"{'':>{formatter.current_indent}}{title}\n")
    formatter.indent()
    try:
        yield
    finally:
        formatter.dedent()
