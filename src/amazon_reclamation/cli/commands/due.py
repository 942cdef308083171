"""`reclam due`: follow-ups due or overdue, and deadlines within a week, across complaints."""

from typing import TYPE_CHECKING, Any

from amazon_reclamation.cli.app import command
from amazon_reclamation.cli.common import JsonOption, agenda, gc_paused
from amazon_reclamation.cli.context import App
from amazon_reclamation.i18n import _

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.listing import FollowUp, Near

DUE_SOON_DAYS = 7  # the window of `due` around today, in days, for deadlines


@command(
    help=_(
        "Suivis à faire aujourd'hui ou en retard, délais des 7 prochains jours (rien si aucun)."
    ),
)
def due(app: App, as_json: JsonOption = False) -> None:
    """Suivis à faire aujourd'hui ou en retard, délais des 7 prochains jours (rien si aucun)."""
    with gc_paused():  # tens of thousands of promises decoded, worded and laid out
        _due(app, as_json=as_json)


def _due(app: App, *, as_json: bool) -> None:
    from amazon_reclamation.texts.rules import each_rule_worded_once
    from amazon_reclamation.ui import render

    today = app.today
    # The index finds the promises due and the deadlines near by their day, each with its
    # rule and notes: no complaint is read, no other promise decoded.
    found = agenda(app, DUE_SOON_DAYS)
    follow_ups = found.follow_ups
    # A right already used in time (a withdrawal sent back) is no alarm.
    soon = [item for item in found.deadlines if item.deadline.alarm]
    with each_rule_worded_once():  # hundreds of deadlines, a dozen rules
        if as_json:
            deadlines = [_deadline_json(item) for item in soon]
            render.json_array_out(
                render.json_rows(FOLLOW_UP_FIELDS, _follow_up_rows(follow_ups, today))
                + [
                    member
                    for d in deadlines
                    for member in render.json_rows(list(d), [[*d.values()]])
                ]
            )
            return
        if follow_ups:
            render.due_table(follow_ups, today)
        if soon:
            render.soon_table(soon)


def _deadline_json(item: "Near") -> dict[str, Any]:
    from amazon_reclamation.texts.deadlines import deadline_json

    return {
        "type": "deadline",
        "complaint_id": item.complaint_id,
        "order_number": item.order_number,
        **deadline_json(item.deadline),
    }


# A follow-up in `due --json` (PRODUCT.md), field by field.
FOLLOW_UP_FIELDS = (
    "type",
    "complaint_id",
    "order_number",
    "contact_id",
    "follow_up",
    "days_overdue",
    "state",
    "promise",
    "agent",
    "reference",
    "channel",
    "kind",
)


def _follow_up_rows(items: "list[FollowUp]", today: "dt.date") -> "list[tuple[Any, ...]]":
    """The values of each follow-up's JSON object, in the order of FOLLOW_UP_FIELDS."""
    from datetime import date

    late: dict[str, tuple[int, str]] = {}  # per day: days overdue, state
    for day in {item.day for item in items}:
        overdue = (today - date.fromisoformat(day)).days
        late[day] = (overdue, "broken" if overdue > 0 else "due")
    return [
        (
            "follow_up",
            item.complaint_id,
            item.order_number,
            item.contact_id,
            item.day,
            *late[item.day],
            item.promise,
            item.agent,
            item.reference,
            item.channel,
            item.kind,
        )
        for item in items
    ]
