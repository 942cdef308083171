"""The escalation plan of one complaint, decided as data: every step in a fixed order.

`decide(complaint, today)` returns a `Decision`: each step's status and its why and
how as reason ids with typed values (`reasons.Reason`); `texts.escalation` words them.
Each step is `done`, `now`, `later` or `not_applicable`, and every step is always
listed. While the complaint is open, the first step that is neither done nor
inapplicable is `now` (at most one), with these exceptions: for a marketplace order,
writing to the seller is `now` until a contact with the step `contact_seller` exists,
whatever was logged with Amazon's customer service, and the A-to-z claim is `now` once
its wait is over (2 business days after that message) even if a customer-service step
comes before it; and for a direct debit the user does not recognise (category
`billing`, `unknown_charge`, paid by SEPA direct debit), the bank refund is `now`
while its 8 weeks run (its last day said to fall on a Saturday, a Sunday or a holiday
when it does, never moved).

An expired window is never a step to take: the A-to-z claim is `not_applicable` once
its 90 days have passed, or once the 2 business days to wait after the message to the
seller (or after one written today, when there is none) end after them; no other step
then points to A-to-z, and the deadlines' notes give no advice on using a closed window.

No step is `now` (`Decision.now` is None) when the complaint is closed, and also when
acting now would contradict the facts or the log; `Decision.pause` then says why, and
`Decision.waiting_until` gives the date to wait for, if any:

- a parcel not late yet (category `late` or `not_received`, not delivered nor
  marked delivered, its announced date, or without one the order date + 30 days
  (art. VI.43 CDE), still today or later): wait until that date;
- a promise still running (its follow-up date is today or later), no broken
  promise and no refusal since it: wait until its follow-up date;
- the last effective contact says "resolved": nothing to escalate; the reason
  suggests closing the complaint (`waiting_until` is None).

So an open complaint has either a `now` step or a pause (unless every step is done or
inapplicable). `Decision.warnings` holds what the user must know before acting (the
legal guarantee has ended; a return made after the withdrawal period is not a legal
withdrawal); `Decision.meanwhile` what must not wait for the step to take now. An
expired legal guarantee also makes the formal notice and the courts inapplicable, and
so does a "late" parcel that arrived by its announced date for the formal notice
(`letters.formal_notice` refuses the same cases).

Routing outside Amazon follows who sold the item (`route()`) and the table of
`knowledge.bodies`: sold by Amazon (normally Amazon EU S.à r.l., Luxembourg: the user
is asked to check the invoice) goes to ECC Belgium and the Luxembourg consumer
mediator, never to the Belgian Consumer Mediation Service; a marketplace seller in
Belgium goes to ConsumerConnect then the Consumer Mediation Service; one elsewhere in
the EU, Iceland, Norway or the UK goes to ECC Belgium; outside those, ECC cannot help;
an unknown seller keeps the routes open and says what to check. The closed EU ODR
platform and the old "Point de contact" are never mentioned.

A step is recognised as done from the effective entries of the contact log: their
`step` (`ids.default_step(channel)` for a record built without one) and channel, never
the words of their summary (version-1 files got their steps once, in the migration):

- `contact_customer_service`: a contact by phone, chat, e-mail or letter whose step
  is not `contact_seller`;
- `ask_supervisor`, `atoz_claim`, `formal_notice`, `review`, `chargeback`: a contact
  with that step (a chargeback also closes the A-to-z route);
- `contact_seller`: a contact with the step `contact_seller` (the A-to-z wait runs from
  the first one);
- `written_complaint`: a contact by e-mail or letter whose step is not
  `contact_seller`.

Any other step (external bodies, bank routes, courts) is done once a contact with its
step is logged (`step_logged`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

# The step modules register their deciders on import.
from amazon_reclamation.domain.escalation import amazon as _amazon  # noqa: F401
from amazon_reclamation.domain.escalation import outside as _outside  # noqa: F401
from amazon_reclamation.domain.escalation.outside import BodyRef, outside_bodies
from amazon_reclamation.domain.escalation.reading import Reading, Route, route
from amazon_reclamation.domain.escalation.reasons import (
    STEP_IDS,
    Clauses,
    Draft,
    Part,
    Reason,
    StepId,
    StepStatus,
    deciders,
    done,
    reason,
)

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.domain.deadlines import Deadline
    from amazon_reclamation.models import Complaint

__all__ = [
    "STEP_IDS",
    "BodyRef",
    "Clauses",
    "Decision",
    "Part",
    "Reason",
    "Route",
    "StepDecision",
    "StepId",
    "StepStatus",
    "decide",
    "outside_bodies",
    "route",
]


@dataclass(frozen=True)
class StepDecision:
    """One step: its status, and why and how as reasons."""

    id: StepId
    status: StepStatus
    why: tuple[Part, ...]
    how: tuple[Reason, ...]


@dataclass(frozen=True)
class Decision:
    """Every step in order, the deadlines, and what to know, wait for or not delay.

    `pause` is empty when a step is to be taken now (or the complaint is closed);
    `waiting_until` is the date to wait for, if any.
    """

    complaint_id: str
    steps: tuple[StepDecision, ...]
    deadlines: tuple[Deadline, ...]
    warnings: tuple[Reason, ...] = ()
    pause: tuple[Reason, ...] = ()
    waiting_until: dt.date | None = None
    meanwhile: tuple[Reason, ...] = ()
    # The later steps in the order to take them (the stable order, but a marketplace order
    # goes through the seller and A-to-z before Amazon's supervisor).
    later_order: tuple[StepId, ...] = ()

    @property
    def now(self) -> StepDecision | None:
        """The step to take now (None when closed, waiting, or reported resolved)."""
        return next((s for s in self.steps if s.status == "now"), None)

    def step(self, step_id: StepId) -> StepDecision:
        """The step with this id."""
        return next(s for s in self.steps if s.id == step_id)


# Steps a contact counts as by default (`ids.default_step`): their deciders say when
# they are done (customer service by its channels).
_DEFAULT_STEPS = ("contact_customer_service", "contact_seller")


def _logged(reading: Reading, step_id: StepId, draft: Draft) -> Draft:
    """A step that a contact of the log performed is done, even where its decider cannot tell."""
    if draft.done or step_id in _DEFAULT_STEPS:
        return draft
    performed = reading.performed(step_id)
    if not performed:
        return draft
    first = performed[0]
    return done(
        [reason("step_logged", date=first.at.date(), channel=first.channel)], list(draft.how)
    )


def decide(complaint: Complaint, today: dt.date) -> Decision:
    """Every step for this complaint in the stable order, with its status, why and how."""
    reading = Reading(complaint, today)
    is_open = complaint.status == "open"
    pause = reading.pause() if is_open else None
    drafts = {
        step_id: _logged(reading, step_id, decider(reading)) for step_id, decider in deciders()
    }
    todo = [i for i in STEP_IDS if drafts[i].applicable and not drafts[i].done]
    if pause is not None and reading.sepa_first() and "sepa_refund" in todo:
        # The bank's 8 weeks run whatever Amazon promised: a promise never pauses them.
        pause = None
    now_id: StepId | None = None
    if is_open and pause is None and todo:
        # A marketplace order goes through the seller, then A-to-z, whatever was logged
        # with Amazon's customer service.
        marketplace = complaint.seller.kind == "marketplace"
        if reading.sepa_first() and "sepa_refund" in todo:
            # The 8-week refund of an unknown direct debit needs no reason: ask it first.
            now_id = "sepa_refund"
        elif marketplace and "contact_seller" in todo:
            now_id = "contact_seller"
        elif reading.atoz_ready() and "atoz_claim" in todo:
            now_id = "atoz_claim"
        else:
            now_id = todo[0]
    steps: list[StepDecision] = []
    for step_id in STEP_IDS:
        draft = drafts[step_id]
        status: StepStatus
        if draft.done:
            status = "done"
        elif not draft.applicable:
            status = "not_applicable"
        elif step_id == now_id:
            status = "now"
        else:
            status = "later"
        steps.append(StepDecision(step_id, status, draft.why, draft.how))
    waiting_until, paused = pause if pause is not None else (None, [])
    later = [s.id for s in steps if s.status == "later"]
    if complaint.seller.kind == "marketplace":
        first = [i for i in later if i in _SELLER_FIRST]
        later = first + [i for i in later if i not in _SELLER_FIRST]
    return Decision(
        complaint_id=complaint.id,
        steps=tuple(steps),
        deadlines=tuple(reading.deadlines),
        warnings=tuple(reading.warnings()),
        pause=tuple(paused),
        waiting_until=waiting_until,
        meanwhile=tuple(reading.meanwhile()),
        later_order=tuple(later),
    )


_SELLER_FIRST: tuple[StepId, ...] = ("contact_seller", "atoz_claim")
