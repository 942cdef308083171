"""Bare `reclam`: in a terminal, the dashboard of open complaints and a menu; else the help."""

import typer

from amazon_reclamation.cli.app import group_callback
from amazon_reclamation.cli.common import agenda, load_all, open_items, pick
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _


@group_callback
def main_callback(app: App, ctx: typer.Context) -> None:
    """Préparez, suivez et faites aboutir une réclamation sur amazon.com.be."""
    if ctx.invoked_subcommand is not None:
        return
    if not app.interactive:
        typer.echo(ctx.get_help())
        return
    dashboard(app)


def dashboard(app: App) -> None:
    """Overdue promises, open complaints with their next action, then a menu."""
    from amazon_reclamation.cli.commands.log import log
    from amazon_reclamation.cli.commands.new import new_interactive
    from amazon_reclamation.cli.commands.show import show_one
    from amazon_reclamation.ui import render
    from amazon_reclamation.ui.wizard import dashboard_menu

    today = app.today
    found = agenda(app, heads=True)  # the promises due, and every complaint's digest
    items = open_items(found.listed)
    open_ones = load_all(app, items)
    if found.follow_ups:
        render.due_table(found.follow_ups, today)
    if open_ones:
        from amazon_reclamation.texts.escalation import plan

        digests = [item.digest for item in items]
        render.complaints_table(digests, today, title=_("Réclamations ouvertes"))
        render.next_actions([(c, plan(c, today)) for c in open_ones])
    else:
        render.info(_("Aucune réclamation ouverte."))
    asker = app.asker()
    # Showing a file returns to the menu (the user usually wants another look or an
    # action next); creating or logging ends the session with its own summary.
    while True:
        choice = asker(dashboard_menu(bool(open_ones)), {})
        if choice == "show":
            show_one(app, pick(open_ones, asker), as_json=False)
            continue
        if choice == "new":
            new_interactive(app, {}, yes=False, as_json=False)
        elif choice == "log":
            target = pick(open_ones, asker) if len(open_ones) > 1 else open_ones[0]
            log(app, ref=target.id)
        return
