"""`reclam due`: follow-ups due or overdue, and deadlines within a week, across complaints."""

from typing import TYPE_CHECKING, Any

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, agenda
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.listing import FollowUp

DUE_SOON_DAYS = 7  # the window of `due` around today, in days, for deadlines


@command(
    help=_(
        "Suivis à faire aujourd'hui ou en retard, délais des 7 prochains jours (rien si aucun)."
    ),
)
def due(app: App, as_json: JsonOption = False) -> None:
    """Suivis à faire aujourd'hui ou en retard, délais des 7 prochains jours (rien si aucun)."""
    from amazon_reclamation.texts.deadlines import deadline_json
    from amazon_reclamation.ui import render

    today = app.today
    # The index finds the promises due and the deadlines near by their day, each with its
    # rule and notes: no complaint is read, no other promise decoded.
    found = agenda(app, DUE_SOON_DAYS)
    follow_ups = found.follow_ups
    # A right already used in time (a withdrawal sent back) is no alarm.
    soon = [item for item in found.deadlines if item.deadline.alarm]
    if as_json:
        render.json_out(
            [_follow_up_json(item, today) for item in follow_ups]
            + [
                {
                    "type": "deadline",
                    "complaint_id": item.complaint_id,
                    "order_number": item.order_number,
                    **deadline_json(item.deadline),
                }
                for item in soon
            ]
        )
        return
    if follow_ups:
        render.due_table(follow_ups, today)
    if soon:
        render.soon_table(soon)


def _follow_up_json(item: "FollowUp", today: "dt.date") -> dict[str, Any]:
    from datetime import date

    day = date.fromisoformat(item.day)
    return {
        "type": "follow_up",
        "complaint_id": item.complaint_id,
        "order_number": item.order_number,
        "contact_id": item.contact_id,
        "follow_up": item.day,
        "days_overdue": (today - day).days,
        "state": "broken" if day < today else "due",
        "promise": item.promise,
        "agent": item.agent,
        "reference": item.reference,
        "channel": item.channel,
        "kind": item.kind,
    }
