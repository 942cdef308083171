"""`reclam due`: follow-ups due or overdue, and deadlines within a week, across complaints."""

from typing import TYPE_CHECKING, Any

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, due_follow_ups, open_listed
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.listing import Digest, FollowUp

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
    items = open_listed(app, due_within=DUE_SOON_DAYS)
    follow_ups = due_follow_ups(items, today)
    # The digests carry each deadline with its rule and notes: no complaint is read. A
    # right already used in time (a withdrawal sent back) is no alarm.
    soon = [
        (item.digest, deadline)
        for item in items
        for deadline in item.digest.deadlines_near(today, DUE_SOON_DAYS)
        if deadline.alarm
    ]
    if as_json:
        render.json_out(
            [_follow_up_json(digest, item, today) for digest, item in follow_ups]
            + [
                {
                    "type": "deadline",
                    "complaint_id": digest.id,
                    "order_number": digest.order_number,
                    **deadline_json(deadline),
                }
                for digest, deadline in soon
            ]
        )
        return
    if follow_ups:
        render.due_table(follow_ups, today)
    if soon:
        render.soon_table(soon)


def _follow_up_json(digest: "Digest", item: "FollowUp", today: "dt.date") -> dict[str, Any]:
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
        "kind": item.kind,
    }
