"""The deadlines of one complaint, computed from its facts only. Pure functions.

A deadline is computed when the facts it needs are known; a fact left out gives no
deadline (never a guess), and `missing_facts()` tells the user which fact would
allow which deadline. Periods in months and years end on the same day number, or on
the last day of the month when that day does not exist (31 December + 2 months =
28 or 29 February; 29 February + 2 years = 28 February), which is never later than
the true end: the user is told the earlier, safer date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.domain import contacts
from amazon_reclamation.i18n import N_, _

# GUARANTEE_REFORM is re-exported: it lived here before moving to rules.py.
from amazon_reclamation.knowledge.rules import GUARANTEE_REFORM as GUARANTEE_REFORM
from amazon_reclamation.knowledge.rules import RULES, RULES_BY_ID, rule_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from amazon_reclamation.knowledge.rules import Kind, Rule
    from amazon_reclamation.models import Complaint, Contact

# Without another agreed date, delivery is due 30 days after the order (art. VI.43 CDE).
DELIVERY_DAYS = 30
WITHDRAWAL_DAYS = 14
ATOZ_WAIT_BUSINESS_DAYS = 2
# Amazon.de: an item not received can be claimed 3 days after the latest estimated date.
ATOZ_NOT_RECEIVED_WAIT_DAYS = 3


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day number `months` later, or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """`years` later; 29 February gives 28 February in a common year."""
    return add_months(day, 12 * years)


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The `count`-th Belgian business day after `day` (weekends and public holidays skipped)."""
    import holidays

    closed = holidays.country_holidays("BE", years=range(day.year, day.year + 2))
    current = day
    left = count
    while left > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5 and current not in closed:
            left -= 1
    return current


def is_business_day(day: dt.date) -> bool:
    """True for a Belgian working day (not a Saturday, a Sunday or a public holiday)."""
    import holidays

    return day.weekday() < 5 and day not in holidays.country_holidays("BE", years=day.year)


def next_business_day(day: dt.date) -> dt.date:
    """`day` itself when it is a Belgian working day, else the next one."""
    return day if is_business_day(day) else add_business_days(day, 1)


@dataclass(frozen=True)
class Deadline:
    """One deadline of a complaint: its rule, its date and what to know about it."""

    id: str
    rule: Rule
    date: dt.date
    days_left: int  # negative once the date has passed
    note: str

    @property
    def kind(self) -> Kind:
        """ "law" or "amazon_policy"."""
        return self.rule.kind

    @property
    def source(self) -> str:
        """The main source address of the rule."""
        return self.rule.source

    @property
    def title(self) -> str:
        """The rule's title, translated."""
        return _(self.rule.title)

    @property
    def passed(self) -> bool:
        """True once the date is behind us (the day itself still counts)."""
        return self.days_left < 0

    def to_json(self) -> dict[str, object]:
        """The JSON form used by `escalate --json`."""
        rule = self.rule
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat(),
            "days_left": self.days_left,
            "kind": self.kind,
            "source": self.source,
            "sources": list(rule.sources),
            "reference": _(rule.reference) if rule.reference else None,
            "period": _(rule.period) if rule.period else None,
            "marker": rule.marker,
            "note": self.note,
        }


@dataclass(frozen=True)
class _Missing:
    fact: str  # N_ text, capitalised: it starts the sentence
    rule_id: str


_Result = Deadline | _Missing | None

FACT_DELIVERY = N_("La date de livraison")
FACT_RETURNED = N_("La date du renvoi de l'article ou de l'annulation")
FACT_DISCOVERED = N_("La date de découverte du défaut")
FACT_LATEST_DELIVERY = N_("La date de livraison estimée la plus tardive (ou la date de livraison)")
FACT_SELLER = N_("Le type de vendeur (Amazon ou vendeur tiers)")
FACT_PAYMENT = N_("Le moyen de paiement")
FACT_CHARGE = N_("La date du débit")
FACT_BILLING = N_("Le type de problème de facturation")


def _deadline(c: Complaint, rule_id: str, day: dt.date, today: dt.date, note: str) -> Deadline:
    return Deadline(rule_id, rule_for(rule_id, c), day, (day - today).days, note)


def _in_scope(complaint: Complaint, rule_id: str) -> bool:
    return complaint.category in RULES_BY_ID[rule_id].categories


def _first_contact(complaint: Complaint) -> Contact | None:
    entries = [c for c in contacts.effective(complaint.contacts) if c.channel != "other"]
    return entries[0] if entries else None


def withdrawal_end(complaint: Complaint) -> dt.date | None:
    """The last day of the 14-day withdrawal period, or None without a delivery date."""
    if complaint.delivery_date is None:
        return None
    return complaint.delivery_date + dt.timedelta(days=WITHDRAWAL_DAYS)


def returned_after_withdrawal(complaint: Complaint) -> bool:
    """True when the article was sent back after the withdrawal period had ended.

    Such a return is not a legal withdrawal (unless the withdrawal was announced in
    time, which the facts do not say): it rests on Amazon's or the seller's own policy.
    """
    end = withdrawal_end(complaint)
    returned = complaint.facts.returned_date
    return (
        complaint.facts.return_kind == "returned"
        and end is not None
        and returned is not None
        and returned > end
    )


def delivery_due(complaint: Complaint) -> dt.date:
    """When delivery is due: the announced (latest) date, else 30 days after the order."""
    if complaint.expected_delivery_date is not None:
        return complaint.expected_delivery_date
    return complaint.order_date + dt.timedelta(days=DELIVERY_DAYS)


def legal_delivery_date(complaint: Complaint) -> dt.date:
    """The legal limit: 30 days after the order, whatever Amazon estimated (art. VI.43 CDE)."""
    return complaint.order_date + dt.timedelta(days=DELIVERY_DAYS)


def delivered_in_legal_period(complaint: Complaint) -> bool:
    """True for a "late" complaint whose parcel arrived within 30 days of the order."""
    return (
        complaint.category == "late"
        and complaint.delivery_date is not None
        and complaint.delivery_date <= legal_delivery_date(complaint)
    )


def awaiting_delivery(complaint: Complaint, today: dt.date) -> dt.date | None:
    """The due date of a parcel that is not late yet, or None.

    Only for a late or lost parcel (category `late` or `not_received`) that has not
    arrived and is not marked delivered: until its due date has passed, the trader is
    not late and a formal notice would be premature.
    """
    if complaint.category not in ("late", "not_received"):
        return None
    if complaint.delivery_date is not None or complaint.facts.marked_delivered:
        return None
    due = delivery_due(complaint)
    return due if due >= today else None


def delivered_on_time(complaint: Complaint) -> bool:
    """True for a "late" complaint whose parcel arrived by its announced date."""
    return (
        complaint.category == "late"
        and complaint.delivery_date is not None
        and complaint.expected_delivery_date is not None
        and complaint.delivery_date <= complaint.expected_delivery_date
    )


def guarantee_end(complaint: Complaint) -> dt.date | None:
    """The last day of the 2-year legal guarantee, or None without a delivery date."""
    if complaint.delivery_date is None:
        return None
    return add_years(complaint.delivery_date, 2)


def guarantee_expired(complaint: Complaint, today: dt.date) -> bool:
    """True when a defect complaint can no longer rest on the legal guarantee.

    The guarantee covers a defect that appears within 2 years of delivery: it has
    expired once that period is over, unless the defect is known to have been
    discovered before its end.
    """
    if complaint.category not in ("damaged", "non_conforming"):
        return False
    end = guarantee_end(complaint)
    if end is None or end >= today:
        return False
    discovered = complaint.facts.defect_discovered_date
    return discovered is None or discovered > end


def _withdrawal(c: Complaint, today: dt.date) -> _Result:
    if not _in_scope(c, "withdrawal"):
        return None
    if c.delivery_date is None:
        return _Missing(FACT_DELIVERY, "withdrawal")
    end = c.delivery_date + dt.timedelta(days=WITHDRAWAL_DAYS)
    note = _(
        "14 jours comptés à partir du lendemain de la livraison du {date}, selon plusieurs "
        "sources ; agir avant le dernier jour est plus sûr. Il suffit d'envoyer votre "
        "rétractation avant la fin du délai : gardez-en la preuve."
    ).format(date=fmt.short_date(c.delivery_date))
    return _deadline(c, "withdrawal", end, today, note)


def _refund_after_withdrawal(c: Complaint, today: dt.date) -> _Result:
    facts = c.facts
    if facts.returned_date is None:
        return (
            _Missing(FACT_RETURNED, "refund_after_withdrawal") if c.category == "refund" else None
        )
    if returned_after_withdrawal(c):
        # Not a legal withdrawal: the refund rests on the return policy (see escalation).
        return None
    end = facts.returned_date + dt.timedelta(days=14)
    if facts.return_kind == "cancelled":
        # Domain research gives the 14 days for a withdrawal only (CRD art. 13, VI.50 CDE):
        # applied to a cancellation by analogy, and said so.
        note = _(
            "14 jours après l'annulation du {date} : délai du remboursement après "
            "rétractation (art. VI.50 CDE), appliqué ici par analogie ; les sources consultées "
            "ne le confirment pas pour une annulation avant livraison."
        ).format(date=fmt.short_date(facts.returned_date))
    else:
        note = _(
            "Compté ici à partir du renvoi du {date} ; si vous aviez annoncé votre "
            "rétractation plus tôt, le délai court depuis cette annonce. Le vendeur peut "
            "attendre d'avoir récupéré l'article ou d'avoir reçu la preuve de son renvoi : "
            "envoyez-lui le reçu de dépôt."
        ).format(date=fmt.short_date(facts.returned_date))
        if c.delivery_date is None:
            note = (
                _(
                    "Seulement si vous avez renvoyé l'article dans le délai de rétractation "
                    "(14 jours après la livraison) ; sinon, le remboursement suit la politique "
                    "de retour d'Amazon ou du vendeur."
                )
                + " "
                + note
            )
    return _deadline(c, "refund_after_withdrawal", end, today, note)


def presumption_note(complaint: Complaint) -> str:
    """Which presumption applies, from the date the contract was concluded."""
    if complaint.order_date >= GUARANTEE_REFORM:
        return _(
            "Contrat conclu depuis le 1er juin 2022 : un défaut qui apparaît dans les 2 ans "
            "de la livraison est présumé exister dès la livraison, sauf preuve contraire du "
            "vendeur."
        )
    return _(
        "Contrat conclu avant le 1er juin 2022 : il relève de la loi du 1er septembre 2004, "
        "et le défaut n'était présumé exister à la livraison que s'il apparaissait dans les "
        "6 mois."
    )


def _legal_guarantee(c: Complaint, today: dt.date) -> _Result:
    if not _in_scope(c, "legal_guarantee"):
        return None
    if c.delivery_date is None:
        return _Missing(FACT_DELIVERY, "legal_guarantee")
    note = (
        presumption_note(c)
        + " "
        + _("Prévenez le vendeur dans les 2 mois de la découverte du défaut.")
    )
    return _deadline(c, "legal_guarantee", add_years(c.delivery_date, 2), today, note)


def _defect_notice(c: Complaint, today: dt.date) -> _Result:
    if not _in_scope(c, "defect_notice"):
        return None
    facts = c.facts
    if facts.defect_discovered_date is not None:
        start = facts.defect_discovered_date
        note = _("Dans les deux mois qui suivent la découverte du défaut (le {date}).").format(
            date=fmt.short_date(start)
        )
    elif (c.category == "damaged" and facts.damage_timing == "on_arrival") or (
        c.category == "non_conforming"
    ):
        if c.delivery_date is None:
            return _Missing(FACT_DELIVERY, "defect_notice")
        start = c.delivery_date
        # A wrong or damaged item shows at delivery: counting from then can only be earlier
        # than the true discovery, never later.
        note = _("Deux mois comptés prudemment à partir de la livraison du {date}.").format(
            date=fmt.short_date(start)
        )
    elif c.category == "damaged":
        return _Missing(FACT_DISCOVERED, "defect_notice")
    else:
        return None
    first = _first_contact(c)
    if first is not None:
        note += " " + _(
            "Premier contact enregistré le {date} : s'il décrivait le défaut, gardez-en la "
            "preuve écrite."
        ).format(date=fmt.short_date(first.at.date()))
    else:
        note += " " + _("Prévenez le vendeur par écrit et gardez-en la preuve.")
    return _deadline(c, "defect_notice", add_months(start, 2), today, note)


def _delivery(c: Complaint, today: dt.date) -> _Result:
    # The deadline is the legal one (30 days after the order); Amazon's estimated date is
    # not the legal date (art. VI.43 CDE: "sauf autre date convenue"), only said in the note.
    if not _in_scope(c, "delivery"):
        return None
    legal = legal_delivery_date(c)
    note = _(
        "Délai légal : 30 jours après la commande du {date} (art. VI.43 CDE), sauf autre "
        "date convenue."
    ).format(date=fmt.short_date(c.order_date))
    if c.expected_delivery_date is not None:
        note += " " + _("Date annoncée (estimation d'Amazon) : le {date}.").format(
            date=fmt.short_date(c.expected_delivery_date)
        )
    else:
        note += " " + _("Date annoncée non indiquée.")
    if c.delivery_date is not None:
        note += " " + _("Livrée le {date}.").format(date=fmt.short_date(c.delivery_date))
    else:
        note += " " + _(
            "Une fois ce délai passé, demandez la livraison dans un délai supplémentaire "
            "adapté ; à défaut, vous pouvez mettre fin au contrat et être remboursé."
        )
    return _deadline(c, "delivery", legal, today, note)


def seller_messages(complaint: Complaint) -> list[Contact]:
    """Effective contacts with the marketplace seller, oldest first."""
    return [c for c in contacts.effective(complaint.contacts) if c.channel == "seller_message"]


def atoz_opens(complaint: Complaint) -> dt.date | None:
    """From when an A-to-z claim may be filed, or None while the seller was not contacted.

    Amazon asks to contact the seller and wait 2 business days (Belgian holidays
    skipped); for a parcel not received, also 3 days after the latest estimated date.
    """
    messages = seller_messages(complaint)
    if not messages:
        return None
    opens = add_business_days(messages[0].at.date(), ATOZ_WAIT_BUSINESS_DAYS)
    waits_for_parcel = complaint.category == "late" or (
        complaint.category == "not_received" and not complaint.facts.marked_delivered
    )
    if waits_for_parcel and complaint.expected_delivery_date is not None:
        parcel = complaint.expected_delivery_date + dt.timedelta(days=ATOZ_NOT_RECEIVED_WAIT_DAYS)
        opens = max(opens, parcel)
    return opens


def _atoz_claim(c: Complaint, today: dt.date) -> _Result:
    if not _in_scope(c, "atoz_claim") or c.seller.kind == "amazon":
        return None
    if c.seller.kind is None:
        return _Missing(FACT_SELLER, "atoz_claim")
    base = c.expected_delivery_date or c.delivery_date
    if base is None:
        return _Missing(FACT_LATEST_DELIVERY, "atoz_claim")
    note = _("Règle d'Amazon, vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be.")
    if c.expected_delivery_date is None:
        # The delivery date is the nearest fact we have; a late parcel makes the real limit
        # earlier, which the note says.
        note += " " + _(
            "Compté ici à partir de la livraison, faute de date estimée ; si le colis est "
            "arrivé en retard, la limite tombe plus tôt."
        )
    opens = atoz_opens(c)
    messages = seller_messages(c)
    if opens is not None:
        note += " " + _(
            "Réclamation possible à partir du {opens} (message au vendeur du {date})."
        ).format(opens=fmt.short_date(opens), date=fmt.short_date(messages[0].at.date()))
    else:
        note += " " + _("Écrivez d'abord au vendeur et attendez 2 jours ouvrables.")
    note += " " + _("Pas en même temps qu'un chargeback auprès de votre banque.")
    return _deadline(c, "atoz_claim", base + dt.timedelta(days=90), today, note)


def _sepa_refund(c: Complaint, today: dt.date) -> _Result:
    facts = c.facts
    if facts.payment_method is None:
        return _Missing(FACT_PAYMENT, "sepa_refund") if c.category == "billing" else None
    if facts.payment_method != "sepa_direct_debit":
        return None
    if facts.charge_date is None:
        return _Missing(FACT_CHARGE, "sepa_refund")
    note = _(
        "Demande à faire à votre banque, sans justification ; le remboursement n'efface pas "
        "une somme réellement due."
    )
    return _deadline(c, "sepa_refund", facts.charge_date + dt.timedelta(weeks=8), today, note)


def _unauthorised_payment(c: Complaint, today: dt.date) -> _Result:
    facts = c.facts
    if facts.billing_problem is None:
        return _Missing(FACT_BILLING, "unauthorised_payment") if c.category == "billing" else None
    if facts.billing_problem != "unknown_charge":
        return None
    if facts.charge_date is None:
        return _Missing(FACT_CHARGE, "unauthorised_payment")
    note = _(
        "Sans délai, au plus tard 13 mois après le débit : c'est une limite, pas un délai "
        "d'attente."
    )
    if facts.payment_method not in ("sepa_direct_debit", "other"):
        # Card Stop blocks cards; it has nothing to do with a direct debit.
        note += " " + _("Carte perdue ou volée : Card Stop, 078 170 170.")
    return _deadline(c, "unauthorised_payment", add_months(facts.charge_date, 13), today, note)


def _seller_feedback(c: Complaint, today: dt.date) -> _Result:
    if c.seller.kind == "amazon":
        return None
    if c.seller.kind is None:
        return _Missing(FACT_SELLER, "seller_feedback")
    note = _(
        "Règle d'Amazon vue sur amazon.com (90 jours après la commande), à vérifier sur "
        "amazon.com.be. Restez factuel et courtois."
    )
    return _deadline(c, "seller_feedback", c.order_date + dt.timedelta(days=90), today, note)


_CALCULATORS: tuple[Callable[[Complaint, dt.date], _Result], ...] = (
    _withdrawal,
    _refund_after_withdrawal,
    _legal_guarantee,
    _defect_notice,
    _delivery,
    _atoz_claim,
    _sepa_refund,
    _unauthorised_payment,
    _seller_feedback,
)

_ORDER = {rule.id: index for index, rule in enumerate(RULES)}


def _results(complaint: Complaint, today: dt.date) -> list[Deadline | _Missing]:
    return [r for calc in _CALCULATORS if (r := calc(complaint, today)) is not None]


def compute_deadlines(complaint: Complaint, today: dt.date) -> list[Deadline]:
    """The deadlines the complaint's facts allow, nearest date first."""
    found = [r for r in _results(complaint, today) if isinstance(r, Deadline)]
    return sorted(found, key=lambda d: (d.date, _ORDER[d.id]))


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return _("{items} et {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


def missing_facts(complaint: Complaint) -> list[str]:
    """One French sentence per missing fact, saying which deadlines it would allow."""
    today = dt.date.min  # the dates are irrelevant here: only what is missing counts
    by_fact: dict[str, list[str]] = {}
    for result in _results(complaint, today):
        if isinstance(result, _Missing):
            shorts = by_fact.setdefault(result.fact, [])
            short = _(RULES_BY_ID[result.rule_id].short)
            if short not in shorts:
                shorts.append(short)
    return [
        _("{fact} permettrait de calculer {deadlines}.").format(
            fact=_(fact), deadlines=_join(rules)
        )
        for fact, rules in by_fact.items()
    ]
