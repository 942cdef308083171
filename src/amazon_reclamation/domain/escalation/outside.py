"""The steps outside Amazon: the bodies of `knowledge.bodies`, the bank, the courts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from amazon_reclamation.domain.deadlines import asks, unknown_debit
from amazon_reclamation.domain.escalation.reading import route, sepa_day_off
from amazon_reclamation.domain.escalation.reasons import (
    Draft,
    Part,
    Reason,
    done,
    reason,
    skip,
    step,
    todo,
)
from amazon_reclamation.knowledge.bodies import AMAZON_SELLER_COUNTRY, BODIES, BodyId, limit
from amazon_reclamation.knowledge.categories import CATEGORY_TABLE
from amazon_reclamation.knowledge.periods import add_years
from amazon_reclamation.knowledge.rules import (
    BANK_REFUND_REPLY,
    COURT_ACTION_AFTER_DISCOVERY,
    period_of,
)

if TYPE_CHECKING:
    from amazon_reclamation.domain.escalation.reading import Reading
    from amazon_reclamation.models import Complaint

# A body the user must still identify (the seller's country is not known).
BodyRef = BodyId | Literal["competent_mediator"]


def outside_bodies(complaint: Complaint) -> list[BodyRef]:
    """The out-of-court bodies open to this complaint (for the letters' last paragraph)."""
    kind = route(complaint)
    if kind == "amazon":
        return ["ecc_belgium", "lu_consumer_mediator"]
    if kind == "belgium":
        return ["consumer_mediation_service"]
    if kind == "eu":
        bodies: list[BodyRef] = ["ecc_belgium"]
        if BODIES["lu_consumer_mediator"].handles(complaint.seller.country):
            bodies.append("lu_consumer_mediator")
        return bodies
    if kind == "unknown":
        return ["competent_mediator"]
    return []


def _url(body_id: BodyId) -> str:
    return BODIES[body_id].url


def _amazon_seller() -> Reason:
    return reason("sold_by_amazon_check_invoice")


@step("ecc_belgium")
def ecc_belgium(r: Reading) -> Draft:
    ecc = BODIES["ecc_belgium"]
    how = [reason("ecc_how", id=r.ref, url=ecc.url, days=ecc.reply_business_days)]
    competence = reason("ecc_competence")
    extra = r.needs_prior_complaint()
    if r.route == "amazon":
        return todo([_amazon_seller(), competence, *extra], how)
    if r.route == "eu":
        return todo([reason("seller_abroad", country=r.country), competence, *extra], how)
    if r.route == "belgium":
        return skip([reason("ecc_not_belgian_traders")])
    if r.route == "outside_eu":
        outside = "ecc_outside_reach_no_atoz" if r.no_atoz() else "ecc_outside_reach"
        return skip([reason(outside, country=r.country)])
    if r.c.seller.kind == "marketplace":
        # A marketplace seller: what Amazon usually is says nothing about it.
        return todo([reason("ecc_if_named_seller_abroad", seller=r.seller), *extra], how)
    return todo([reason("ecc_if_seller_abroad"), *extra], how)


@step("lu_consumer_mediator")
def lu_consumer_mediator(r: Reading) -> Draft:
    mediator = BODIES["lu_consumer_mediator"]
    how = [reason("lu_mediator_how", url=mediator.url)]
    if r.route == "unknown":
        if r.c.seller.kind == "marketplace":
            why = reason("lu_mediator_if_named_seller_in_lu", seller=r.seller)
        else:
            why = reason("lu_mediator_if_seller_in_lu")
        return todo([why, *r.needs_prior_complaint()], how)
    seller_country = AMAZON_SELLER_COUNTRY if r.route == "amazon" else r.country
    is_lu = r.route in ("amazon", "eu") and mediator.handles(seller_country)
    if not is_lu:
        return skip([reason("lu_mediator_only_lu")])
    reasons: list[Part] = [_amazon_seller()] if r.route == "amazon" else []
    reasons.append(reason("lu_mediator_competence"))
    complaints = r.cs + r.seller_msgs
    first = min(complaints, key=lambda e: e.at) if complaints else None
    years = mediator.years_after_complaint
    if first is not None and years is not None:
        limit_day = add_years(first.at.date(), years)
        # Past that day the mediator may refuse (not must): said as passed, never "before".
        late = limit_day < r.today
        reasons.append(
            reason(
                "lu_mediator_years_passed" if late else "lu_mediator_within_years",
                n=years,
                date=first.at.date(),
                limit=limit_day,
            )
        )
    else:
        reasons += r.needs_prior_complaint()
    return todo(reasons, how)


@step("consumerconnect")
def consumerconnect(r: Reading) -> Draft:
    how = [reason("consumerconnect_how", url=_url("consumerconnect"))]
    if r.route == "belgium":
        return todo([reason("seller_in_belgium"), reason("consumerconnect_role")], how)
    if r.route == "unknown":
        return todo([reason("consumerconnect_if_country_unknown")], how)
    if r.route == "outside_eu":
        outside = "no_mediation_outside_eu_no_atoz" if r.no_atoz() else "no_mediation_outside_eu"
        return skip([reason(outside)])
    return skip([reason("ecc_is_competent")])


@step("consumer_mediation_service")
def consumer_mediation_service(r: Reading) -> Draft:
    service = BODIES["consumer_mediation_service"]
    how = [reason("mediation_how", days=service.decision_days, url=service.url)]
    competence = reason("mediation_competence")
    if r.route == "belgium":
        return todo([competence, *r.needs_prior_complaint()], how)
    if r.route == "unknown":
        return todo([reason("mediation_if_seller_in_belgium"), competence], how)
    if r.route == "amazon":
        return skip([_amazon_seller(), reason("mediation_belgian_traders_invoice")])
    return skip([reason("mediation_belgian_traders_only")])


# -- the bank ---------------------------------------------------------------------


@step("sepa_refund")
def sepa_refund(r: Reading) -> Draft:
    how = [reason("sepa_refund_how", reply=BANK_REFUND_REPLY)]
    period = period_of("sepa_refund")
    method = r.c.facts.payment_method
    if method != "sepa_direct_debit":
        why = [reason("sepa_refund_only_direct_debit")]
        if method is None and asks(r.c, "payment_method"):
            why.append(reason("payment_method_unknown"))
        return skip(list(why))
    deadline = r.by_id.get("sepa_refund")
    if deadline is None:
        return todo([reason("sepa_refund_without_date", period=period)], how)
    if deadline.passed:
        contest = period_of("unauthorised_payment")
        return skip(
            [reason("sepa_refund_expired", date=deadline.date, period=period, contest=contest)]
        )
    if r.sepa_first():
        kind = "unknown_debit" if unknown_debit(r.c) else "contested_debit"
        first = reason(f"sepa_refund_{kind}_first", date=deadline.date, period=period)
        return todo([first, *sepa_day_off(deadline.date)], how)
    until = reason("sepa_refund_until", date=deadline.date, period=period)
    return todo([until, *sepa_day_off(deadline.date)], how)


@step("unauthorised_payment")
def unauthorised_payment(r: Reading) -> Draft:
    how = [reason("unauthorised_payment_how")]
    if r.c.facts.payment_method not in ("sepa_direct_debit", "other"):
        # Card Stop blocks cards: not a word of it for a direct debit.
        how.append(reason("card_stop_first"))
    if r.c.facts.billing_problem != "unknown_charge":
        return skip([reason("unauthorised_payment_only_unknown_debit")])
    deadline = r.by_id.get("unauthorised_payment")
    period = period_of("unauthorised_payment")
    if deadline is None:
        return todo([reason("unauthorised_payment_without_date", period=period)], how)
    if deadline.passed:
        return skip([reason("unauthorised_payment_expired", date=deadline.date, period=period)])
    return todo([reason("unauthorised_payment_until", date=deadline.date, period=period)], how)


@step("chargeback")
def chargeback(r: Reading) -> Draft:
    how = [reason("chargeback_how")]
    if r.chargeback_logged:
        return done([reason("chargeback_done", date=r.chargeback_logged[0].at.date())], how)
    method = r.c.facts.payment_method
    if method == "debit_card":
        return skip([reason("chargeback_not_debit_card")])
    if method != "card":
        why = [reason("chargeback_only_credit_card")]
        if method is None:
            why.append(reason("payment_method_unknown"))
        return skip(list(why))
    reasons: list[Part] = [reason("chargeback_credit_card")]
    if r.c.seller.kind == "marketplace" and not r.atoz_logged and not r.no_atoz():
        reasons.append(reason("chargeback_after_atoz_only"))
    return todo(reasons, how)


# -- courts -------------------------------------------------------------------------


def _over(r: Reading, body_id: BodyId) -> bool:
    return r.c.amount is not None and r.c.amount > limit(body_id)


@step("justice_of_the_peace")
def justice_of_the_peace(r: Reading) -> Draft:
    court = BODIES["justice_of_the_peace"]
    how = [reason("justice_how", id=r.ref, url=court.url)]
    if r.guarantee_over:
        return skip([r.guarantee_over_reason()])
    if _over(r, court.id):
        return skip([reason("justice_over_limit", limit=court.amount_limit, amount=r.c.amount)])
    reasons: list[Part] = [
        reason("justice_last_resort", limit=court.amount_limit, no_appeal=court.no_appeal_limit)
    ]
    discovered = r.c.facts.defect_discovered_date
    if CATEGORY_TABLE[r.c.category].defect and discovered is not None:
        # A lawyer's column only (verified_2nd): the sentence says "à vérifier".
        limit_day = COURT_ACTION_AFTER_DISCOVERY.after(discovered)
        late = limit_day < r.today
        lawyer = "justice_one_year_lawyer_passed" if late else "justice_one_year_lawyer"
        reasons.append(reason(lawyer, date=discovered, limit=limit_day))
    if r.route == "amazon":
        reasons.append(reason("court_check_jurisdiction_lu"))
    elif r.route in ("eu", "outside_eu"):
        reasons.append(reason("court_check_jurisdiction_abroad"))
    return todo(reasons, how)


@step("european_small_claims")
def european_small_claims(r: Reading) -> Draft:
    procedure = BODIES["european_small_claims"]
    how = [reason("small_claims_how", url=procedure.url)]
    scope = reason("small_claims_scope", limit=procedure.amount_limit)
    if r.guarantee_over:
        return skip([r.guarantee_over_reason()])
    if r.route == "belgium":
        return skip([reason("small_claims_not_cross_border")])
    if r.route in ("eu", "outside_eu") and not procedure.handles(r.country):
        return skip([reason("small_claims_country_excluded", country=r.country)])
    if _over(r, procedure.id):
        return skip([reason("small_claims_over_limit", limit=procedure.amount_limit)])
    if r.route == "unknown":
        return todo([reason("small_claims_if_seller_in_eu"), scope], how)
    seller = (
        reason("seller_normally_in_lu")
        if r.route == "amazon"
        else reason("seller_abroad", country=r.country)
    )
    return todo([seller, scope], how)
