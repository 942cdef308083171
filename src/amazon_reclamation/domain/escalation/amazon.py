"""The steps with Amazon and the seller: customer service, supervisor, seller, A-to-z,
written complaint, formal notice and review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation.domain.deadlines import (
    atoz_opens,
    delivered_in_legal_period,
    delivered_on_time,
    late_delivered,
)
from amazon_reclamation.domain.escalation.reasons import (
    Clauses,
    Draft,
    Part,
    done,
    reason,
    skip,
    step,
    todo,
)
from amazon_reclamation.knowledge.categories import in_scope
from amazon_reclamation.knowledge.rules import ATOZ_WAIT, period_of

if TYPE_CHECKING:
    from amazon_reclamation.domain.escalation.reading import Reading

_THIRD_PARTY_ONLY = "only_for_third_party_seller"


@step("contact_customer_service")
def contact_customer_service(r: Reading) -> Draft:
    # A debit that matches no order has no order page to start from.
    how_id = "customer_service_how" if r.c.order_number else "customer_service_how_no_order"
    how = [reason(how_id, id=r.ref)]
    if r.cs:
        last = r.cs[-1]
        return done(
            [
                reason(
                    "customer_service_done", n=len(r.cs), date=last.at.date(), channel=last.channel
                )
            ],
            how,
        )
    if r.c.seller.kind == "marketplace":
        return skip([reason("customer_service_third_party")], how)
    if not r.entries:
        return todo([reason("no_contact_yet")], how)
    return todo([reason("no_customer_service_contact_yet")], how)


@step("ask_supervisor")
def ask_supervisor(r: Reading) -> Draft:
    how = [reason("supervisor_how", id=r.ref)]
    if r.supervisor_logged:
        last = r.supervisor_logged[-1]
        return done([reason("supervisor_done", date=last.at.date(), channel=last.channel)], how)
    if r.c.seller.kind == "marketplace" and not r.cs:
        closed = r.no_atoz()  # then nothing "passes through A-to-z"
        return skip(
            [reason("supervisor_third_party_no_atoz" if closed else "supervisor_third_party")], how
        )
    clauses = r.log_clauses()
    if not r.cs or not clauses:
        return todo([reason("supervisor_if_no_result")], how)
    return todo([Clauses(tuple(clauses))], how)


@step("contact_seller")
def contact_seller(r: Reading) -> Draft:
    how = [reason("seller_how", id=r.ref)]
    if r.seller_msgs:
        first = r.seller_msgs[0]
        return done([reason("seller_done", n=len(r.seller_msgs), date=first.at.date())], how)
    if r.c.seller.kind == "amazon":
        return skip([reason("seller_sold_by_amazon")])
    if r.c.seller.kind is None:
        return skip([reason(_THIRD_PARTY_ONLY if r.c.order_number else "no_order_no_seller")])
    first_id = "seller_first_no_atoz" if r.no_atoz() else "seller_first"
    return todo([reason(first_id, seller=r.seller)], how)


@step("atoz_claim")
def atoz_claim(r: Reading) -> Draft:
    policy = reason("amazon_policy_unverified")
    how = [reason("atoz_how", id=r.ref)]
    if r.atoz_logged:
        return done([reason("atoz_done", date=r.atoz_logged[0].at.date())], how)
    if r.c.seller.kind == "amazon":
        return skip([reason("atoz_sold_by_amazon")])
    if r.c.seller.kind is None:
        return skip([reason(_THIRD_PARTY_ONLY if r.c.order_number else "no_order_no_seller")])
    if not in_scope(r.c.category, "atoz_claim"):
        # Only billing: A-to-z covers delivery, condition and returns.
        return skip([reason("atoz_not_billing"), policy])
    if r.chargeback_logged:
        return skip([reason("atoz_excluded_by_chargeback", date=r.chargeback_logged[0].at.date())])
    deadline = r.by_id.get("atoz_claim")
    period = period_of("atoz_claim")
    if deadline is not None and deadline.passed:
        return skip([reason("atoz_expired", date=deadline.date, period=period), policy])
    until = deadline.date if deadline is not None else None
    opens = atoz_opens(r.c)
    if deadline is not None and deadline.closed:
        # Too late: the wait after the message to the seller (or after one written today)
        # ends after the window.
        if opens is not None:
            late = reason(
                "atoz_wait_outlasts_window",
                date=r.seller_msgs[0].at.date(),
                opens=opens,
                until=deadline.date,
                period=period,
            )
        else:
            late = reason(
                "atoz_no_time_to_wait", wait=ATOZ_WAIT, until=deadline.date, period=period
            )
        return skip([late, policy])
    # The 90 days run from the estimated delivery date when one was announced.
    estimated = deadline is not None and r.c.expected_delivery_date is not None
    window: Part
    if opens is None:
        window = reason(
            "atoz_after_seller_message",
            wait=ATOZ_WAIT,
            period=period,
            until=until,
            estimated=estimated,
        )
    elif opens > r.today:
        window = reason(
            "atoz_opens_on",
            date=r.seller_msgs[0].at.date(),
            opens=opens,
            period=period,
            until=until,
            estimated=estimated,
        )
    else:
        window = reason(
            "atoz_open",
            date=r.seller_msgs[0].at.date(),
            period=period,
            until=until,
            estimated=estimated,
        )
    return todo([window, policy], how)


@step("written_complaint")
def written_complaint(r: Reading) -> Draft:
    how = [reason("written_how" if r.c.order_number else "written_how_no_order", id=r.ref)]
    if r.written:
        first = r.written[0]
        return done([reason("written_done", date=first.at.date(), channel=first.channel)], how)
    if r.c.seller.kind == "marketplace":
        return skip([reason("written_third_party")])
    why: list[Part] = [reason("written_keeps_a_trace")]
    if r.cs:
        why.append(reason("written_confirm_oral_contacts"))
    return todo(why, how)


@step("formal_notice")
def formal_notice(r: Reading) -> Draft:
    how = [reason("formal_notice_how", id=r.ref)]
    if r.formal_logged:
        return done([reason("formal_notice_done", date=r.formal_logged[-1].at.date())], how)
    if r.guarantee_over:
        return skip([r.guarantee_over_reason()])
    if delivered_on_time(r.c):
        return skip([reason("formal_notice_delivered_on_time", date=r.c.delivery_date)])
    if delivered_in_legal_period(r.c):
        return skip(
            [
                reason(
                    "formal_notice_delivered_in_legal_period",
                    date=r.c.delivery_date,
                    period=period_of("delivery"),
                )
            ]
        )
    if late_delivered(r.c):
        return todo(
            [
                reason(
                    "formal_notice_delivered_late",
                    date=r.c.delivery_date,
                    id=r.ref,
                    period=period_of("delivery"),
                )
            ],
            how,
        )
    if r.awaiting is not None:
        return todo([reason("formal_notice_premature", date=r.awaiting)], how)
    clauses = r.log_clauses(close_hint=False)
    why: list[Part] = (
        [Clauses(tuple(clauses))] if clauses else [reason("formal_notice_if_no_result")]
    )
    why.append(reason("formal_notice_purpose"))
    return todo(why, how)


@step("review")
def review(r: Reading) -> Draft:
    how = [reason("review_how", id=r.ref)]
    if r.review_logged:
        return done([reason("review_done", date=r.review_logged[0].at.date())], how)
    if r.c.order_number is None:  # a debit that matches no order: nothing to review
        return skip([reason("review_no_order")])
    why: list[Part] = [reason("review_informs_buyers")]
    feedback = r.by_id.get("seller_feedback")
    period = period_of("seller_feedback")
    if feedback is not None and feedback.passed:
        why.append(reason("seller_feedback_expired", date=feedback.date, period=period))
    elif feedback is not None:
        why.append(reason("seller_feedback_until", date=feedback.date, period=period))
    return todo(why, how)
