"""The complaint and its contact log read once: what every step decision relies on.

Besides the facts the steps share (route, effective log entries, the steps the contacts
performed: their `step`, never the words of their summary), this decides the parts of
the plan that are not one step: the warnings, the reasons to wait (`pause`) and what
must not wait (`meanwhile`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from amazon_reclamation.domain import contacts
from amazon_reclamation.domain.deadlines import (
    atoz_opens,
    awaiting_delivery,
    compute_deadlines,
    guarantee_end,
    guarantee_expired,
    returned_after_withdrawal,
    seller_messages,
    unknown_debit,
    withdrawal_end,
)
from amazon_reclamation.domain.escalation.reasons import Reason, StepId, reason
from amazon_reclamation.knowledge.bodies import ECC_COUNTRIES
from amazon_reclamation.knowledge.categories import in_scope
from amazon_reclamation.knowledge.periods import day_off
from amazon_reclamation.knowledge.rules import period_of

if TYPE_CHECKING:
    import datetime as dt

    from amazon_reclamation.models import Complaint, Contact

Route = Literal["amazon", "belgium", "eu", "outside_eu", "unknown"]
# A bank deadline (or the last day to report a defect) this close is mentioned with the
# step to take now, whatever its rank.
URGENT_DAYS = 14

_CUSTOMER_SERVICE_CHANNELS = ("phone", "chat", "email", "letter")
WRITTEN_CHANNELS = ("email", "letter")


def route(complaint: Complaint) -> Route:
    """Who sold the item, as far as the routing outside Amazon is concerned."""
    seller = complaint.seller
    if seller.kind == "amazon":
        return "amazon"
    if seller.kind == "marketplace" and seller.country:
        code = seller.country.upper()
        if code == "BE":
            return "belgium"
        if code in ECC_COUNTRIES:
            return "eu"
        return "outside_eu"
    return "unknown"


def sepa_day_off(last_day: dt.date) -> list[Reason]:
    """The SEPA refund's last day is a Saturday, a Sunday or a holiday: act before it.

    The right is not said to be extended (domain.md does not say so).
    """
    why = day_off(last_day)
    return [reason("sepa_refund_day_off", date=last_day, why=why)] if why else []


class Reading:
    """Reads the complaint and its log once; the step deciders ask it."""

    def __init__(self, complaint: Complaint, today: dt.date) -> None:
        self.c = complaint
        self.today = today
        self.route = route(complaint)
        self.entries = contacts.effective(complaint.contacts)
        self.broken = contacts.broken_promises(complaint, today)
        self.deadlines = compute_deadlines(complaint, today)
        self.by_id = {d.id: d for d in self.deadlines}
        # Amazon's customer service: a contact by its channels that did not write to the seller.
        # A formal notice goes to the seller: for a marketplace order, that is not Amazon.
        to_seller = {"contact_seller"} | (
            {"formal_notice"} if complaint.seller.kind == "marketplace" else set()
        )
        with_amazon = [e for e in self.entries if contacts.step_of(e) not in to_seller]
        self.cs = [e for e in with_amazon if e.channel in _CUSTOMER_SERVICE_CHANNELS]
        self.seller_msgs = seller_messages(complaint)
        self.written = [e for e in with_amazon if e.channel in WRITTEN_CHANNELS]
        self.supervisor_logged = self.performed("ask_supervisor")
        self.atoz_logged = self.performed("atoz_claim")
        self.formal_logged = self.performed("formal_notice")
        self.review_logged = self.performed("review")
        self.chargeback_logged = self.performed("chargeback")
        self.ref = complaint.id
        self.awaiting = awaiting_delivery(complaint, today)
        self.guarantee_over = guarantee_expired(complaint, today)

    def performed(self, step_id: StepId) -> list[Contact]:
        """The effective entries that performed this step (their `step`, never their words)."""
        return [e for e in self.entries if contacts.step_of(e) == step_id]

    @property
    def seller(self) -> str | None:
        """The seller's name, if given."""
        return self.c.seller.name

    @property
    def country(self) -> str:
        """The seller's country code, upper case ("" when not given)."""
        return (self.c.seller.country or "").upper()

    def needs_prior_complaint(self) -> list[Reason]:
        """The condition of the outside bodies, when nothing was asked of the seller yet."""
        return [] if self.cs or self.seller_msgs else [reason("needs_prior_complaint")]

    def log_clauses(self, *, close_hint: bool = True) -> list[Reason]:
        """Why the contacts so far call for more: failures, broken and pending promises."""
        clauses: list[Reason] = []
        # A pending contact whose awaited reply (a formal notice's deadline, an announced
        # call-back) is still to come has no result yet, not a failed one.
        unsuccessful = [
            e
            for e in self.entries
            if e.outcome in ("refused", "no_answer")
            or (e.outcome == "pending" and (e.follow_up is None or e.follow_up < self.today))
        ]
        # A pending contact whose follow-up date passed is one contact, not two.
        count = len({c.id for c in unsuccessful} | {c.id for c in self.broken})
        last = self.entries[-1] if self.entries else None
        if last is not None and last.outcome == "refused":
            # A refusal says more than a count: who refused, and when.
            when, others = last.at.date(), count - 1
            if last.channel == "seller_message":
                refused = reason(
                    "log_refused_by_seller", seller=self.seller, date=when, others=others
                )
            else:
                refused = reason("log_refused_by_amazon", date=when, others=others)
            clauses.append(refused)
        elif count:
            failed = contacts.failed_attempts(self.c)
            clauses.append(reason("log_unsuccessful", n=count, failed=failed))
        # A formal notice's deadline is the user's, not a promise: it passes, it is not broken.
        for promise in self.broken:
            clauses.append(
                reason(
                    _by_kind(promise, "log_promise_broken", "log_formal_notice_passed"),
                    date=promise.at.date(),
                    due=promise.follow_up,
                )
            )
        for status in contacts.promises(self.c, self.today):
            if status.state == "due" and status.contact.follow_up is not None:
                clauses.append(
                    reason(
                        _by_kind(
                            status.contact, "log_promise_running", "log_formal_notice_running"
                        ),
                        date=status.contact.at.date(),
                        due=status.contact.follow_up,
                    )
                )
        if close_hint and last is not None and last.outcome == "resolved":
            clauses.append(reason("log_resolved_close", date=last.at.date(), id=self.ref))
        return clauses

    def guarantee_over_reason(self) -> Reason:
        """The legal guarantee has ended: nothing legal can rest on it."""
        return reason(
            "guarantee_over", end=guarantee_end(self.c), period=period_of("legal_guarantee")
        )

    def warnings(self) -> list[Reason]:
        """What the user must know before acting, whatever the step."""
        notes: list[Reason] = []
        if self.guarantee_over:
            notes.append(
                reason(
                    "guarantee_over_commercial_only",
                    end=guarantee_end(self.c),
                    period=period_of("legal_guarantee"),
                )
            )
        if self._defect_notice_late():
            notes.append(reason("defect_notice_late", period=period_of("defect_notice")))
        soon = self._defect_notice_soon()
        if soon is not None:
            notes.append(reason("defect_notice_soon", date=soon, period=period_of("defect_notice")))
        if returned_after_withdrawal(self.c):
            notes.append(
                reason(
                    "returned_after_withdrawal",
                    returned=self.c.facts.returned_date,
                    end=withdrawal_end(self.c),
                    refund=period_of("refund_after_withdrawal"),
                )
            )
        return notes

    def _defect_notice_late(self) -> bool:
        """The 2 months to report the defect are over and no contact came before their end."""
        notice = self.by_id.get("defect_notice")
        if notice is None or not notice.passed or self.guarantee_over:
            return False
        reported = [e for e in self.entries if e.channel != "other"]
        return not any(e.at.date() <= notice.date for e in reported)

    def _defect_notice_soon(self) -> dt.date | None:
        """The last day to report the defect, when it is near and nothing was reported yet.

        Near: within URGENT_DAYS. Any contact other than a review reports the defect.
        """
        notice = self.by_id.get("defect_notice")
        if notice is None or notice.passed or self.guarantee_over:
            return None
        if notice.days_left > URGENT_DAYS:
            return None
        if any(e.channel != "other" for e in self.entries):
            return None
        return notice.date

    def sepa_first(self) -> bool:
        """A debit contested while its 8-week refund right still runs: the bank comes first.

        An unknown, double or wrong direct debit: the bank refunds it on request, without
        a reason, so that is the step to take now (the trader is written to next).
        """
        deadline = self.by_id.get("sepa_refund")
        contested = unknown_debit(self.c) or self.c.category == "billing"
        return contested and deadline is not None and not deadline.passed

    def _due_before(self, day: dt.date) -> list[Reason]:
        """Deadlines that fall during a wait: they must not be missed while waiting."""
        watched = ("atoz_claim", "defect_notice", "legal_guarantee")
        return [
            reason("deadline_during_wait", deadline=d.id, date=d.date)
            for d in self.deadlines
            if d.id in watched and not d.closed and d.date <= day
        ]

    def pause(self) -> tuple[dt.date | None, list[Reason]] | None:
        """Why no step is to be taken now, and until when; None when one is."""
        last = self.entries[-1] if self.entries else None
        if last is not None and last.outcome == "resolved":
            return None, [reason("pause_resolved", date=last.at.date(), id=self.ref)]
        if self.awaiting is not None:
            first = (
                reason("pause_announced_delivery", date=self.awaiting)
                if self.c.expected_delivery_date is not None
                else reason(
                    "pause_legal_delivery", date=self.awaiting, period=period_of("delivery")
                )
            )
            again = reason("pause_come_back_after_delivery", date=self.awaiting, id=self.ref)
            return self.awaiting, [first, again, *self._due_before(self.awaiting)]
        running = self._running_promise()
        if running is not None and running.follow_up is not None:
            text = reason(
                _by_kind(running, "pause_promise_running", "pause_formal_notice_running"),
                date=running.at.date(),
                due=running.follow_up,
                id=self.ref,
            )
            return running.follow_up, [text, *self._due_before(running.follow_up)]
        return None

    def _running_promise(self) -> Contact | None:
        """The promise to wait for: still due, dated, no broken one, no refusal since."""
        if self.broken:
            return None
        running = contacts.awaited(self.c, self.today)
        return min(running, key=lambda p: p.follow_up or self.today, default=None)

    def no_atoz(self) -> bool:
        """No A-to-z claim can be made: the category is not one it covers (billing), a
        chargeback excluded it, or its window is closed (`Deadline.closed`). No step may
        then point to it."""
        if not in_scope(self.c.category, "atoz_claim") or self.chargeback_logged:
            return True
        deadline = self.by_id.get("atoz_claim")
        return deadline is not None and deadline.closed

    def atoz_ready(self) -> bool:
        """A marketplace order whose seller was written to and whose A-to-z wait is over."""
        if self.c.seller.kind != "marketplace" or not self.seller_msgs:
            return False
        opens = atoz_opens(self.c)
        return opens is not None and opens <= self.today

    def meanwhile(self) -> list[Reason]:
        """What must not wait for the steps before it: said with the step to take now."""
        notes: list[Reason] = []
        withdrawal = self.by_id.get("withdrawal")
        if withdrawal is not None and not withdrawal.passed and self.c.category != "refund":
            notes.append(reason("withdrawal_still_open", date=withdrawal.date))
        unauthorised = self.by_id.get("unauthorised_payment")
        if unauthorised is not None and not unauthorised.passed:
            notes.append(reason("report_unknown_debit_now"))
        sepa = self.by_id.get("sepa_refund")
        if sepa is not None and 0 <= sepa.days_left <= URGENT_DAYS and not self.sepa_first():
            notes.append(reason("sepa_refund_ends_soon", date=sepa.date))
            notes += sepa_day_off(sepa.date)
        return notes


def _by_kind(contact: Contact, promise_id: str, formal_notice_id: str) -> str:
    """The reason id for a follow-up: a formal notice's deadline has its own words."""
    if contacts.follow_up_kind(contact) == "formal_notice":
        return formal_notice_id
    return promise_id
