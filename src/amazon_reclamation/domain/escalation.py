"""The escalation plan of one complaint: every step in a fixed order, with why and how.

Pure functions from a `Complaint` and today's date to a `Plan`; rendering is done
elsewhere. Each step is `done`, `now`, `later` or `not_applicable`, and every step is
always listed. While the complaint is open, the first step that is neither done nor
inapplicable is `now` (at most one), with one exception: for a marketplace order
whose A-to-z claim is open (the seller was written to and the wait is over), the
A-to-z claim is `now` even if a customer-service step comes before it; and for a
direct debit the user does not recognise (category `billing`, `unknown_charge`, paid
by SEPA direct debit), the bank refund is `now` while its 8 weeks run.

No step is `now` (`Plan.now` is None) when the complaint is closed, and also when
acting now would contradict the facts or the log; `Plan.waiting_reason` then says
why, and `Plan.waiting_until` gives the date to wait for, if any:

- a parcel not late yet (category `late` or `not_received`, not delivered nor
  marked delivered, its announced date, or without one the order date + 30 days
  (art. VI.43 CDE), still today or later): wait until that date;
- a promise still running (its follow-up date is today or later), no broken
  promise and no refusal since it: wait until its follow-up date;
- the last effective contact says "resolved": nothing to escalate; the reason
  suggests closing the complaint (`waiting_until` is None).

So an open complaint has either a `now` step or a `waiting_reason` (unless every
step is done or inapplicable). `Plan.warnings` holds what the user must know before
acting (the legal guarantee has ended; a return made after the withdrawal period is
not a legal withdrawal); they open the `now` step's why, or the reason for waiting
until a date. An expired legal guarantee also makes the formal notice and the courts
inapplicable, and so does a "late" parcel that arrived by its announced date for the
formal notice (`letters.formal_notice` refuses the same cases).

Routing outside Amazon follows who sold the item (`route()`): sold by Amazon
(normally Amazon EU S.à r.l., Luxembourg: the user is asked to check the invoice)
goes to ECC Belgium and the Luxembourg consumer mediator, never to the Belgian
Consumer Mediation Service; a marketplace seller in Belgium goes to ConsumerConnect
then the Consumer Mediation Service; one elsewhere in the EU, Iceland, Norway or the
UK goes to ECC Belgium; outside those, ECC cannot help; an unknown seller keeps the
routes open and says what to check. The closed EU ODR platform and the old
"Point de contact" are never mentioned.

A step is recognised as done from the effective entries of the contact log (the
summary is matched without case or accents). These are heuristics, kept simple on
purpose so a user can make them match by wording the summary:

- `contact_customer_service`: any contact by phone, chat, e-mail or letter;
- `ask_supervisor`: a summary mentioning "responsable", "superviseur",
  "supervisor", "manager" or "leidinggevende";
- `contact_seller`: any contact with the channel `seller_message`;
- `atoz_claim`: a summary mentioning "A-to-z", "A à Z" or "A-tot-Z" (also
  "de A à Z" in another sense: a known false positive);
- `written_complaint`: any contact by e-mail or letter;
- `formal_notice`: a letter or e-mail whose summary mentions "mise en demeure",
  "ingebrekestelling", "in gebreke" or "formal notice";
- `review`: a summary mentioning "avis publié/laissé/posté/déposé", "avis client",
  "évaluation du vendeur", "review", "feedback", "recensie" or "beoordeling";
- `chargeback`: a summary mentioning "chargeback", "rétrofacturation" or
  "terugboeking" (which also closes the A-to-z route).

The other steps (external bodies, bank routes, courts) are never marked done: the
log records contacts with Amazon and the seller only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from amazon_reclamation import fmt
from amazon_reclamation.domain import contacts
from amazon_reclamation.domain.deadlines import (
    Deadline,
    MissingFact,
    atoz_opens,
    awaiting_delivery,
    compute_deadlines,
    delivered_in_legal_period,
    delivered_on_time,
    guarantee_end,
    guarantee_expired,
    missing_facts,
    returned_after_withdrawal,
    seller_messages,
    withdrawal_end,
)
from amazon_reclamation.i18n import N_, _, babel_locale, ngettext
from amazon_reclamation.knowledge.periods import add_years
from amazon_reclamation.texts import labels
from amazon_reclamation.texts.deadlines import deadline_json, deadline_title, missing_fact_texts

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from amazon_reclamation.models import Complaint, Contact

StepId = Literal[
    "contact_customer_service",
    "ask_supervisor",
    "contact_seller",
    "atoz_claim",
    "written_complaint",
    "formal_notice",
    "review",
    "ecc_belgium",
    "lu_consumer_mediator",
    "consumerconnect",
    "consumer_mediation_service",
    "sepa_refund",
    "unauthorised_payment",
    "chargeback",
    "justice_of_the_peace",
    "european_small_claims",
]
STEP_IDS: tuple[StepId, ...] = get_args(StepId)
StepStatus = Literal["done", "now", "later", "not_applicable"]
Route = Literal["amazon", "belgium", "eu", "outside_eu", "unknown"]

TITLES: dict[StepId, str] = {
    "contact_customer_service": N_("Contacter le service client d'Amazon"),
    "ask_supervisor": N_("Demander un responsable et une confirmation écrite"),
    "contact_seller": N_("Écrire au vendeur"),
    "atoz_claim": N_("Demander la Garantie A à Z d'Amazon"),
    "written_complaint": N_("Envoyer une réclamation écrite à Amazon"),
    "formal_notice": N_("Envoyer une mise en demeure"),
    "review": N_("Laisser un avis factuel"),
    "ecc_belgium": N_("Saisir le Centre Européen des Consommateurs (CEC Belgique)"),
    "lu_consumer_mediator": N_("Saisir le Médiateur de la consommation (Luxembourg)"),
    "consumerconnect": N_("S'adresser à ConsumerConnect (SPF Economie)"),
    "consumer_mediation_service": N_("Saisir le Service de Médiation pour le Consommateur"),
    "sepa_refund": N_("Demander à la banque le remboursement de la domiciliation"),
    "unauthorised_payment": N_("Signaler à la banque un paiement non autorisé"),
    "chargeback": N_("Demander un chargeback à l'émetteur de la carte"),
    "justice_of_the_peace": N_("Saisir le juge de paix"),
    "european_small_claims": N_("Procédure européenne de règlement des petits litiges"),
}

# ECC Belgium: traders in another EU country, Iceland, Norway or the UK (eccbelgium.be).
EU_COUNTRIES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
ECC_COUNTRIES = (EU_COUNTRIES - {"BE"}) | {"IS", "NO", "GB"}
# The European Small Claims Procedure applies in every EU country except Denmark.
SMALL_CLAIMS_COUNTRIES = EU_COUNTRIES - {"DK", "BE"}
COURT_LIMIT = 5000
# A bank deadline this close is mentioned with the step to take now, whatever its rank.
URGENT_DAYS = 14

ECC_URL = "https://www.eccbelgium.be"
LU_MEDIATOR_URL = "https://mediateurconsommation.lu"
CONSUMERCONNECT_URL = "https://consumerconnect.be"
MEDIATION_URL = "https://mediationconsommateur.be"
JUSTICE_URL = (
    "https://justice.belgium.be/fr/nouvelles/autres_communiques/"
    "brochure_en_ligne_le_juge_de_paix_actualisee"
)
SMALL_CLAIMS_URL = (
    "https://cecluxembourg.lu/first-steps/legal-proceedings/european-small-claims-procedure/"
    "?lang=en"
)

_CUSTOMER_SERVICE_CHANNELS = ("phone", "chat", "email", "letter")
_WRITTEN_CHANNELS = ("email", "letter")


def _pattern(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(words))


_SUPERVISOR = _pattern(r"\bresponsable", r"\bsuperviseu?r", r"\bmanager", r"\bleidinggevende")
_ATOZ = _pattern(r"\ba[\s-]*(?:to|a|tot)[\s-]*z\b")
_FORMAL = _pattern(r"mise en demeure", r"ingebrekestelling", r"in gebreke", r"formal notice")
_REVIEW = _pattern(
    r"\bavis (?:publie|laisse|poste|depose|client)",
    r"\bevaluation du vendeur",
    r"\breview",
    r"\bfeedback",
    r"\brecensie",
    r"\bbeoordeling",
)
_CHARGEBACK = _pattern(r"charge-?back", r"retrofacturation", r"terugboeking")


def _plain(text: str | None) -> str:
    """Lower case without accents, so "A à Z" and "a a z" match alike."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


def external_bodies(complaint: Complaint) -> list[str]:
    """The out-of-court bodies open to this complaint, as names to put in a sentence."""
    kind = route(complaint)
    if kind == "amazon":
        return [
            _("le Centre Européen des Consommateurs Belgique"),
            _("le Médiateur de la consommation du Luxembourg"),
        ]
    if kind == "belgium":
        return [_("le Service de Médiation pour le Consommateur")]
    if kind == "eu":
        bodies = [_("le Centre Européen des Consommateurs Belgique")]
        if (complaint.seller.country or "").upper() == "LU":
            bodies.append(_("le Médiateur de la consommation du Luxembourg"))
        return bodies
    if kind == "unknown":
        return [_("l'organisme de médiation compétent")]
    return []


@dataclass(frozen=True)
class Step:
    """One step of the plan, its texts already translated."""

    id: StepId
    status: StepStatus
    title: str
    why: str
    how: str

    def to_json(self) -> dict[str, str]:
        """The JSON form used by `escalate --json`."""
        return {
            "id": self.id,
            "status": self.status,
            "title": self.title,
            "why": self.why,
            "how": self.how,
        }


@dataclass(frozen=True)
class Plan:
    """Every step in order, the complaint's deadlines and the facts that would add some.

    `waiting_until` and `waiting_reason` say why no step is to be taken now while the
    complaint is open (see the module docstring); `warnings` come before any action.
    """

    complaint_id: str
    steps: tuple[Step, ...]
    deadlines: tuple[Deadline, ...]
    missing_facts: tuple[MissingFact, ...] = ()
    waiting_until: dt.date | None = None
    waiting_reason: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def now(self) -> Step | None:
        """The step to take now (None when closed, waiting, or reported resolved)."""
        return next((s for s in self.steps if s.status == "now"), None)

    def step(self, step_id: StepId) -> Step:
        """The step with this id."""
        return next(s for s in self.steps if s.id == step_id)

    def to_json(self) -> dict[str, object]:
        """One object: complaint id, steps in order, deadlines nearest first."""
        return {
            "complaint_id": self.complaint_id,
            "steps": [s.to_json() for s in self.steps],
            "deadlines": [deadline_json(d) for d in self.deadlines],
            "missing_facts": missing_fact_texts(self.missing_facts),
            "waiting_until": self.waiting_until.isoformat() if self.waiting_until else None,
            "waiting_reason": self.waiting_reason,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class _Draft:
    applicable: bool
    done: bool
    why: str
    how: str


def _done(why: str, how: str = "") -> _Draft:
    return _Draft(True, True, why, how)


def _todo(why: str, how: str) -> _Draft:
    return _Draft(True, False, why, how)


def _skip(why: str, how: str = "") -> _Draft:
    return _Draft(False, False, why, how)


def _sentence(parts: list[str]) -> str:
    text = " ; ".join(p for p in parts if p)
    return (text[:1].upper() + text[1:] + ".") if text else ""


def _day(contact: Contact) -> str:
    return fmt.short_date(contact.at.date())


def _channel(contact: Contact) -> str:
    return labels.label(labels.CHANNEL, contact.channel)


class _Planner:
    """Reads the complaint and its log once, then drafts each step."""

    def __init__(self, complaint: Complaint, today: dt.date) -> None:
        self.c = complaint
        self.today = today
        self.route = route(complaint)
        self.entries = contacts.effective(complaint.contacts)
        self.broken = contacts.broken_promises(complaint, today)
        self.deadlines = compute_deadlines(complaint, today)
        self.by_id = {d.id: d for d in self.deadlines}
        self.cs = [e for e in self.entries if e.channel in _CUSTOMER_SERVICE_CHANNELS]
        self.seller_msgs = seller_messages(complaint)
        self.written = [e for e in self.entries if e.channel in _WRITTEN_CHANNELS]
        self.supervisor_logged = self._matching(_SUPERVISOR)
        self.atoz_logged = self._matching(_ATOZ)
        self.formal_logged = [e for e in self._matching(_FORMAL) if e.channel in _WRITTEN_CHANNELS]
        self.review_logged = self._matching(_REVIEW)
        self.chargeback_logged = self._matching(_CHARGEBACK)
        self.ref = complaint.id
        self.awaiting = awaiting_delivery(complaint, today)
        self.guarantee_over = guarantee_expired(complaint, today)

    def _matching(self, pattern: re.Pattern[str]) -> list[Contact]:
        return [e for e in self.entries if pattern.search(_plain(e.summary))]

    # -- shared texts ---------------------------------------------------------

    def _amazon_seller(self) -> str:
        return _(
            "Vendu par Amazon : le vendeur est normalement Amazon EU S.à r.l., établie au "
            "Luxembourg ; vérifiez le vendeur indiqué sur votre facture."
        )

    def _seller_name(self) -> str:
        return self.c.seller.name or _("le vendeur")

    def _country(self) -> str:
        code = (self.c.seller.country or "").upper()
        from babel import Locale

        name = Locale.parse(babel_locale()).territories.get(code)
        return f"{name} ({code})" if name else code

    def _needs_prior_complaint(self) -> str:
        if self.cs or self.seller_msgs:
            return ""
        return " " + _(
            "Condition : avoir d'abord réclamé auprès du vendeur, ce qui n'est pas encore fait."
        )

    def _log_reasons(self, *, close_hint: bool = True) -> list[str]:
        """Why the contacts so far call for more: failures, broken and pending promises."""
        reasons: list[str] = []
        unsuccessful = [e for e in self.entries if e.outcome in ("refused", "no_answer", "pending")]
        count = len(unsuccessful) + len(self.broken)
        failed = contacts.failed_attempts(self.c)
        last = self.entries[-1] if self.entries else None
        if last is not None and last.outcome == "refused":
            # A refusal says more than a count: who refused, and when.
            who = self._seller_name() if last.channel == "seller_message" else "Amazon"
            text = _("{who} a refusé votre demande le {date}").format(who=who, date=_day(last))
            others = count - 1
            if others:
                text += ngettext(
                    ", après {n} autre contact sans résultat",
                    ", après {n} autres contacts sans résultat",
                    others,
                ).format(n=others)
            reasons.append(text)
        elif count:
            text = ngettext("{n} contact sans résultat", "{n} contacts sans résultat", count)
            text = text.format(n=count)
            if failed:
                text += ngettext(
                    ", dont {n} tentative sans réponse",
                    ", dont {n} tentatives sans réponse",
                    failed,
                ).format(n=failed)
            reasons.append(text)
        for promise in self.broken:
            reasons.append(
                _("promesse du {date} non tenue (échéance du {due} dépassée)").format(
                    date=_day(promise), due=fmt.short_date(promise.follow_up)
                )
            )
        for status in contacts.promises(self.c, self.today):
            if status.state == "due" and status.contact.follow_up is not None:
                reasons.append(
                    _("promesse du {date} en cours jusqu'au {due} : attendez cette date").format(
                        date=_day(status.contact), due=fmt.short_date(status.contact.follow_up)
                    )
                )
        if close_hint and self.entries and self.entries[-1].outcome == "resolved":
            reasons.append(
                _(
                    "le dernier contact ({date}) indique « résolu » : si le problème est réglé, "
                    "clôturez la réclamation (reclam close {id} --outcome resolved)"
                ).format(date=_day(self.entries[-1]), id=self.ref)
            )
        return reasons

    def _guarantee_over(self) -> str:
        return _(
            "La garantie légale a pris fin le {date} (2 ans après la livraison) : ni la mise "
            "en demeure ni le juge ne peuvent plus s'appuyer sur elle."
        ).format(date=fmt.short_date(guarantee_end(self.c)))

    def warnings(self) -> list[str]:
        """What the user must know before acting, whatever the step."""
        notes: list[str] = []
        if self.guarantee_over:
            notes.append(
                self._guarantee_over()
                + " "
                + _(
                    "Seule une garantie commerciale, si l'article en a une et qu'elle court "
                    "encore, peut encore jouer, selon ses propres conditions : vérifiez-les."
                )
            )
        if self._defect_notice_late():
            notes.append(
                _(
                    "Le délai de deux mois pour signaler le défaut est dépassé : le vendeur "
                    "pourrait vous opposer la perte de la garantie."
                )
            )
        if returned_after_withdrawal(self.c):
            end = fmt.short_date(withdrawal_end(self.c))
            notes.append(
                _(
                    "Renvoi du {returned}, après la fin du délai de rétractation le {end} : ce "
                    "n'est pas une rétractation légale, sauf si vous aviez annoncé votre "
                    "rétractation (par exemple en demandant le retour) au plus tard le {end}. "
                    "Le délai légal de remboursement de 14 jours (art. VI.50 CDE) ne s'applique "
                    "donc pas : le remboursement relève de la politique de retour d'Amazon ou "
                    "du vendeur. Vérifiez dans « Vos commandes » que le retour a été accepté et "
                    "le délai de remboursement annoncé."
                ).format(returned=fmt.short_date(self.c.facts.returned_date), end=end)
            )
        return notes

    def _defect_notice_late(self) -> bool:
        """The 2 months to report the defect are over and no contact came before their end."""
        notice = self.by_id.get("defect_notice")
        if notice is None or not notice.passed or self.guarantee_over:
            return False
        reported = [e for e in self.entries if e.channel != "other"]
        return not any(e.at.date() <= notice.date for e in reported)

    def sepa_first(self) -> bool:
        """An unknown direct debit whose 8-week refund right still runs: the bank comes first."""
        deadline = self.by_id.get("sepa_refund")
        return (
            self.c.category == "billing"
            and self.c.facts.billing_problem == "unknown_charge"
            and deadline is not None
            and not deadline.passed
        )

    def _due_before(self, day: dt.date) -> list[str]:
        """Deadlines that fall during a wait: they must not be missed while waiting."""
        watched = ("atoz_claim", "defect_notice", "legal_guarantee")
        return [
            _(
                "Attention : échéance « {title} » le {date}, pendant cette attente ; agissez "
                "avant cette date."
            ).format(title=deadline_title(d), date=fmt.short_date(d.date))
            for d in self.deadlines
            if d.id in watched and not d.passed and d.date <= day
        ]

    def pause(self) -> tuple[dt.date | None, str] | None:
        """Why no step is to be taken now, and until when; None when one is."""
        last = self.entries[-1] if self.entries else None
        if last is not None and last.outcome == "resolved":
            return None, _(
                "Le dernier contact, le {date}, indique que le problème est résolu : rien à "
                "escalader. Si c'est bien le cas, clôturez la réclamation (reclam close {id} "
                "--outcome resolved) ; sinon, notez ce qui ne va pas avec reclam log {id}."
            ).format(date=_day(last), id=self.ref)
        if self.awaiting is not None:
            due = fmt.short_date(self.awaiting)
            if self.c.expected_delivery_date is not None:
                text = _(
                    "La date de livraison annoncée, le {date}, n'est pas encore passée : rien "
                    "à faire pour l'instant, sinon attendre cette date."
                ).format(date=due)
            else:
                text = _(
                    "Aucune date de livraison annoncée n'est indiquée : le délai légal de 30 "
                    "jours après la commande (art. VI.43 CDE) court jusqu'au {date}. Rien à "
                    "faire pour l'instant, sinon attendre cette date ; si une date de livraison "
                    "vous a été annoncée, c'est elle qui compte."
                ).format(date=due)
            text += " " + _(
                "Si le colis n'est toujours pas là après le {date}, revenez à ce plan (reclam "
                "escalate {id})."
            ).format(date=due, id=self.ref)
            return self.awaiting, " ".join([text, *self._due_before(self.awaiting)])
        running = self._running_promise()
        if running is not None and running.follow_up is not None:
            text = _(
                "Promesse du {date} en cours jusqu'au {due} : attendez cette date avant d'aller "
                "plus loin. Si rien n'est fait à cette date, revenez à ce plan (reclam "
                "escalate {id})."
            ).format(date=_day(running), due=fmt.short_date(running.follow_up), id=self.ref)
            return running.follow_up, " ".join([text, *self._due_before(running.follow_up)])
        return None

    def _running_promise(self) -> Contact | None:
        """The promise to wait for: still due, dated, no broken one, no refusal since."""
        if self.broken:
            return None
        running = [
            p.contact
            for p in contacts.promises(self.c, self.today)
            if p.state == "due" and p.contact.follow_up is not None
        ]
        running = [
            p
            for p in running
            if not any(e.outcome == "refused" and e.at > p.at for e in self.entries)
        ]
        return min(running, key=lambda p: p.follow_up or self.today, default=None)

    def atoz_ready(self) -> bool:
        """A marketplace order whose seller was written to and whose A-to-z wait is over."""
        if self.c.seller.kind != "marketplace" or not self.seller_msgs:
            return False
        opens = atoz_opens(self.c)
        return opens is not None and opens <= self.today

    def meanwhile(self) -> str:
        """What must not wait for the steps before it: said with the step to take now."""
        notes: list[str] = []
        withdrawal = self.by_id.get("withdrawal")
        if withdrawal is not None and not withdrawal.passed and self.c.category != "refund":
            notes.append(
                _(
                    "Vous êtes encore dans le délai de rétractation, jusqu'au {date} : vous "
                    "pouvez aussi vous rétracter sans donner de motif."
                ).format(date=fmt.short_date(withdrawal.date))
            )
        unauthorised = self.by_id.get("unauthorised_payment")
        if unauthorised is not None and not unauthorised.passed:
            notes.append(
                _(
                    "Sans attendre : signalez ce débit non reconnu à votre banque (étape "
                    "« Signaler à la banque un paiement non autorisé »)."
                )
            )
        sepa = self.by_id.get("sepa_refund")
        if sepa is not None and 0 <= sepa.days_left <= URGENT_DAYS and not self.sepa_first():
            notes.append(
                _(
                    "Sans attendre : le remboursement de la domiciliation n'est possible que "
                    "jusqu'au {date}."
                ).format(date=fmt.short_date(sepa.date))
            )
        return " ".join(notes)

    # -- Amazon and the seller ------------------------------------------------

    def contact_customer_service(self) -> _Draft:
        how = _(
            "Dans « Vos commandes », ouvrez cette commande et choisissez l'aide pour un "
            "problème (chat, e-mail ou rappel selon ce qui est proposé). Collez le message "
            "prêt (reclam show {id}), puis notez la date, le nom de l'interlocuteur et la "
            "référence du dossier avec reclam log {id}."
        ).format(id=self.ref)
        if self.cs:
            last = self.cs[-1]
            return _done(
                ngettext(
                    "{n} contact avec le service client, le dernier le {date} ({channel}).",
                    "{n} contacts avec le service client, le dernier le {date} ({channel}).",
                    len(self.cs),
                ).format(n=len(self.cs), date=_day(last), channel=_channel(last)),
                how,
            )
        if self.c.seller.kind == "marketplace":
            return _skip(
                _(
                    "Article d'un vendeur tiers : votre premier interlocuteur est le vendeur "
                    "(étape « Écrire au vendeur »). Le service client d'Amazon reste joignable "
                    "depuis la commande si vous le souhaitez."
                ),
                how,
            )
        if not self.entries:
            why = _(
                "Pas encore de contact : c'est la première démarche, et les organismes "
                "extérieurs demandent d'avoir d'abord réclamé auprès du vendeur."
            )
        else:
            why = _("Pas encore de contact avec le service client d'Amazon.")
        return _todo(why, how)

    def ask_supervisor(self) -> _Draft:
        how = _(
            "Demandez poliment à parler à un responsable ; rappelez la référence du dossier, "
            "vos contacts précédents et les promesses faites. Demandez une confirmation écrite "
            "de ce qui est convenu, et notez l'échange avec reclam log {id} en écrivant "
            "« responsable » dans le résumé."
        ).format(id=self.ref)
        if self.supervisor_logged:
            last = self.supervisor_logged[-1]
            return _done(
                _("Responsable demandé le {date} ({channel}).").format(
                    date=_day(last), channel=_channel(last)
                ),
                how,
            )
        if self.c.seller.kind == "marketplace" and not self.cs:
            return _skip(
                _(
                    "Article d'un vendeur tiers : après le vendeur, la suite passe par la "
                    "Garantie A à Z d'Amazon."
                ),
                how,
            )
        reasons = self._log_reasons()
        if not self.cs or not reasons:
            return _todo(_("À faire si le contact avec le service client n'aboutit pas."), how)
        return _todo(_sentence(reasons), how)

    def contact_seller(self) -> _Draft:
        how = _(
            "Depuis « Vos commandes », ouvrez cette commande et écrivez au vendeur par la "
            "messagerie d'Amazon, où les échanges restent enregistrés ; collez le message "
            "prêt (reclam show {id}). Notez l'envoi avec reclam log {id} --channel "
            "seller_message."
        ).format(id=self.ref)
        if self.seller_msgs:
            return _done(
                ngettext(
                    "{n} message au vendeur, le premier le {date}.",
                    "{n} messages au vendeur, le premier le {date}.",
                    len(self.seller_msgs),
                ).format(n=len(self.seller_msgs), date=_day(self.seller_msgs[0])),
                how,
            )
        if self.c.seller.kind == "amazon":
            return _skip(_("Vendu par Amazon : pas de vendeur tiers à contacter."))
        if self.c.seller.kind is None:
            return _skip(
                _(
                    "Seulement pour un article vendu par un vendeur tiers : vérifiez la mention "
                    "« Vendu par … » sur la page de la commande."
                )
            )
        return _todo(
            _(
                "Article vendu par {seller} : c'est votre premier interlocuteur, et la Garantie "
                "A à Z d'Amazon suppose de lui avoir écrit."
            ).format(seller=self._seller_name()),
            how,
        )

    def atoz_claim(self) -> _Draft:
        policy = _(
            "Règle d'Amazon, vérifiée sur d'autres sites Amazon, à vérifier sur amazon.com.be."
        )
        how = _(
            "Depuis la page de la commande, demandez l'intervention d'Amazon au titre de la "
            "Garantie A à Z et joignez vos échanges avec le vendeur. Ne demandez pas de "
            "chargeback à votre banque en même temps. Notez-le avec reclam log {id} en "
            "écrivant « A à Z » dans le résumé."
        ).format(id=self.ref)
        if self.atoz_logged:
            return _done(
                _("Garantie A à Z demandée le {date}.").format(date=_day(self.atoz_logged[0])), how
            )
        if self.c.seller.kind == "amazon":
            return _skip(_("Vendu par Amazon : la Garantie A à Z ne vise que les vendeurs tiers."))
        if self.c.seller.kind is None:
            return _skip(
                _(
                    "Seulement pour un article vendu par un vendeur tiers : vérifiez la mention "
                    "« Vendu par … » sur la page de la commande."
                )
            )
        if self.c.category == "billing":
            return _skip(
                _(
                    "Les conditions de la Garantie A à Z visent la livraison, l'état de "
                    "l'article et les retours, pas la facturation."
                )
                + " "
                + policy
            )
        if self.chargeback_logged:
            return _skip(
                _(
                    "Chargeback demandé le {date} : sur d'autres sites Amazon, il exclut la "
                    "Garantie A à Z."
                ).format(date=_day(self.chargeback_logged[0]))
            )
        deadline = self.by_id.get("atoz_claim")
        if deadline is not None and deadline.passed:
            return _skip(
                _("Le délai de 90 jours d'Amazon a expiré le {date}.").format(
                    date=fmt.short_date(deadline.date)
                )
                + " "
                + policy
            )
        opens = atoz_opens(self.c)
        if opens is None:
            why = _("Possible après avoir écrit au vendeur et attendu 2 jours ouvrables")
        elif opens > self.today:
            why = _(
                "Vous avez écrit au vendeur le {date} : réclamation possible à partir du {opens}"
            )
            why = why.format(date=_day(self.seller_msgs[0]), opens=fmt.short_date(opens))
        else:
            why = _(
                "Vous avez écrit au vendeur le {date} et le délai d'attente est passé : la "
                "réclamation est possible"
            ).format(date=_day(self.seller_msgs[0]))
        if deadline is not None and self.c.expected_delivery_date is not None:
            why += _(", jusqu'au {date} (90 jours après la date de livraison estimée)").format(
                date=fmt.short_date(deadline.date)
            )
        elif deadline is not None:
            why += _(", jusqu'au {date} (90 jours après la livraison)").format(
                date=fmt.short_date(deadline.date)
            )
        return _todo(why + ". " + policy, how)

    def written_complaint(self) -> _Draft:
        how = _(
            "Écrivez au service client depuis la page de la commande (e-mail ou formulaire) "
            "avec le message prêt (reclam show {id}) ; rappelez les dates, les noms et les "
            "références de vos contacts, et gardez une copie."
        ).format(id=self.ref)
        if self.written:
            first = self.written[0]
            return _done(
                _("Réclamation écrite le {date} ({channel}).").format(
                    date=_day(first), channel=_channel(first)
                ),
                how,
            )
        if self.c.seller.kind == "marketplace":
            return _skip(
                _(
                    "Article d'un vendeur tiers : vos écrits passent par la messagerie du "
                    "vendeur (étape « Écrire au vendeur »)."
                )
            )
        why = _(
            "Un écrit daté garde la trace de votre demande : les organismes extérieurs et le "
            "juge demandent la correspondance."
        )
        if self.cs:
            why += " " + _("Vos contacts jusqu'ici étaient oraux ou par chat : confirmez-les.")
        return _todo(why, how)

    def formal_notice(self) -> _Draft:
        how = _(
            "Générez-la avec reclam letter {id} (texte ou Markdown, --out FICHIER), complétez "
            "et relisez-la, puis envoyez-la par lettre recommandée ou par e-mail ; gardez la "
            "preuve d'envoi. Notez l'envoi avec reclam log {id} --channel letter en écrivant "
            "« mise en demeure » dans le résumé."
        ).format(id=self.ref)
        if self.formal_logged:
            return _done(
                _("Mise en demeure envoyée le {date}.").format(date=_day(self.formal_logged[-1])),
                how,
            )
        if self.guarantee_over:
            return _skip(self._guarantee_over())
        if delivered_on_time(self.c):
            return _skip(
                _(
                    "La commande a été livrée le {date}, au plus tard à la date annoncée : une "
                    "mise en demeure pour retard serait sans fondement."
                ).format(date=fmt.short_date(self.c.delivery_date))
            )
        if delivered_in_legal_period(self.c):
            return _skip(
                _(
                    "La commande a été livrée le {date}, dans les 30 jours de la commande (délai "
                    "légal, art. VI.43 CDE) : une mise en demeure pour retard serait sans "
                    "fondement."
                ).format(date=fmt.short_date(self.c.delivery_date))
            )
        if self.c.category == "late" and self.c.delivery_date is not None:
            return _todo(
                _(
                    "Livrée le {date}, plus de 30 jours après la commande : une fois l'article "
                    "livré, les règles sur le retard ne donnent plus droit à la résolution ni à "
                    "une indemnité. reclam letter {id} écrit donc une demande courtoise, à titre "
                    "commercial, et non une mise en demeure."
                ).format(date=fmt.short_date(self.c.delivery_date), id=self.ref),
                how,
            )
        if self.awaiting is not None:
            return _todo(
                _(
                    "Pas encore : tant que la date de livraison du {date} n'est pas passée, une "
                    "mise en demeure serait prématurée."
                ).format(date=fmt.short_date(self.awaiting)),
                how,
            )
        reasons = self._log_reasons(close_hint=False)
        why = _sentence(reasons) if reasons else _("Si les démarches ci-dessus n'aboutissent pas.")
        why += " " + _(
            "Elle prouve votre demande et fixe un délai ; c'est l'étape habituelle avant "
            "un organisme extérieur ou le juge."
        )
        return _todo(why, how)

    def review(self) -> _Draft:
        how = _(
            "Décrivez les faits et les dates, sans insulte ni donnée personnelle (ni nom, ni "
            "numéro de commande). Notez-le avec reclam log {id} --channel other en écrivant "
            "« avis publié » dans le résumé."
        ).format(id=self.ref)
        if self.review_logged:
            return _done(
                _("Avis mentionné le {date}.").format(date=_day(self.review_logged[0])), how
            )
        why = _("Un avis factuel et courtois informe les autres acheteurs.")
        feedback = self.by_id.get("seller_feedback")
        if feedback is not None and feedback.passed:
            why += " " + _(
                "Le délai de 90 jours pour évaluer le vendeur (vu sur amazon.com) a expiré le "
                "{date}."
            ).format(date=fmt.short_date(feedback.date))
        elif feedback is not None:
            why += " " + _(
                "Évaluation du vendeur possible jusqu'au {date} (90 jours après la commande : "
                "règle vue sur amazon.com, à vérifier sur amazon.com.be)."
            ).format(date=fmt.short_date(feedback.date))
        return _todo(why, how)

    # -- outside Amazon ---------------------------------------------------------

    def ecc_belgium(self) -> _Draft:
        how = _(
            "Gratuit. Préparez un seul dossier : un court résumé, la preuve d'achat et de "
            "paiement, toute la correspondance dans l'ordre chronologique (reclam show {id}), "
            "et votre IBAN et BIC si vous demandez un remboursement. Première réponse en "
            "principe sous 14 jours ouvrables. {url}"
        ).format(id=self.ref, url=ECC_URL)
        competence = _(
            "Le CEC Belgique aide gratuitement les consommateurs en Belgique face à une "
            "entreprise établie dans un autre pays de l'UE, en Islande, en Norvège ou au "
            "Royaume-Uni ; il n'a pas de pouvoir de contrainte."
        )
        extra = self._needs_prior_complaint()
        if self.route == "amazon":
            return _todo(self._amazon_seller() + " " + competence + extra, how)
        if self.route == "eu":
            seller = _("Vendeur établi hors de Belgique : {country}.").format(
                country=self._country()
            )
            return _todo(seller + " " + competence + extra, how)
        if self.route == "belgium":
            return _skip(
                _(
                    "Vendeur établi en Belgique : le CEC ne traite pas les entreprises belges "
                    "(voir ConsumerConnect)."
                )
            )
        if self.route == "outside_eu":
            return _skip(
                _(
                    "Vendeur établi hors de l'UE ({country}) : le CEC Belgique ne peut pas "
                    "intervenir, il ne traite que l'UE, l'Islande, la Norvège et le Royaume-Uni. "
                    "Restent la Garantie A à Z et les recours de paiement."
                ).format(country=self._country())
            )
        if self.c.seller.kind == "marketplace":
            # A marketplace seller: what Amazon usually is says nothing about it.
            why = _(
                "Seulement si {seller} est établi dans un autre pays de l'UE, en Islande, en "
                "Norvège ou au Royaume-Uni : vérifiez son adresse sur sa fiche vendeur."
            ).format(seller=self._seller_name())
        else:
            why = _(
                "Seulement si le vendeur est établi dans un autre pays de l'UE, en Islande, en "
                "Norvège ou au Royaume-Uni (normalement le cas d'un article vendu par Amazon) : "
                "vérifiez le vendeur et son adresse sur la facture."
            )
        return _todo(why + extra, how)

    def lu_consumer_mediator(self) -> _Draft:
        how = _(
            "Gratuit, sans avocat ; demande possible en français, avec un résumé de la "
            "situation et ce que vous attendez. Signalez si le litige est déjà devant un autre "
            "organisme de règlement des litiges ou un juge. {url}"
        ).format(url=LU_MEDIATOR_URL)
        competence = _(
            "Le Médiateur de la consommation luxembourgeois accepte les consommateurs d'autres "
            "pays de l'UE face à une entreprise établie au Luxembourg."
        )
        is_lu = self.route == "amazon" or (
            self.route == "eu" and (self.c.seller.country or "").upper() == "LU"
        )
        if self.route == "unknown":
            if self.c.seller.kind == "marketplace":
                why = _(
                    "Seulement si {seller} est établi au Luxembourg : vérifiez son adresse sur "
                    "sa fiche vendeur."
                ).format(seller=self._seller_name())
            else:
                why = _(
                    "Seulement si le vendeur est établi au Luxembourg, normalement le cas d'un "
                    "article vendu par Amazon : vérifiez le vendeur sur la facture."
                )
            return _todo(why + self._needs_prior_complaint(), how)
        if not is_lu:
            return _skip(_("Seulement pour un vendeur établi au Luxembourg."))
        why = (self._amazon_seller() + " " if self.route == "amazon" else "") + competence
        complaints = self.cs + self.seller_msgs
        first = min(complaints, key=lambda e: e.at) if complaints else None
        if first is not None:
            why += " " + _(
                "Il peut refuser une demande introduite plus d'un an après votre première "
                "réclamation au vendeur (le {date}) : saisissez-le avant le {limit}."
            ).format(date=_day(first), limit=fmt.short_date(add_years(first.at.date(), 1)))
        else:
            why += self._needs_prior_complaint()
        return _todo(why, how)

    def consumerconnect(self) -> _Draft:
        how = _(
            "Sur {url}, décrivez le problème et suivez l'orientation proposée ; un "
            "signalement seul ne vous rembourse pas."
        ).format(url=CONSUMERCONNECT_URL)
        role = _(
            "ConsumerConnect, le service du SPF Economie, explique vos droits, propose des "
            "modèles de lettres, transmet les signalements à l'Inspection économique et vous "
            "oriente vers le service de médiation compétent."
        )
        if self.route == "belgium":
            return _todo(_("Vendeur établi en Belgique.") + " " + role, how)
        if self.route == "unknown":
            return _todo(_("Si vous ne savez pas où le vendeur est établi :") + " " + role, how)
        if self.route == "outside_eu":
            return _skip(
                _(
                    "Vendeur établi hors de l'UE : les services de médiation belges et "
                    "européens ne le couvrent pas ; restent la Garantie A à Z et les recours de "
                    "paiement."
                )
            )
        return _skip(
            _("Entreprise établie dans un autre pays : le CEC Belgique est l'organisme compétent.")
        )

    def consumer_mediation_service(self) -> _Draft:
        how = _(
            "Gratuit ; demande non anonyme, et pas si le litige est déjà devant un juge ou un "
            "autre organisme. Il dispose de 90 jours, prolongeables une fois ; sa "
            "recommandation n'oblige pas l'entreprise. {url}"
        ).format(url=MEDIATION_URL)
        competence = _(
            "Le Service de Médiation pour le Consommateur traite gratuitement les litiges avec "
            "une entreprise établie en Belgique, après une tentative de règlement avec elle."
        )
        if self.route == "belgium":
            return _todo(competence + self._needs_prior_complaint(), how)
        if self.route == "unknown":
            return _todo(
                _("Seulement si le vendeur est établi en Belgique : vérifiez-le sur la facture.")
                + " "
                + competence,
                how,
            )
        if self.route == "amazon":
            return _skip(
                self._amazon_seller()
                + " "
                + _(
                    "Ce service ne traite que les entreprises établies en Belgique ; si votre "
                    "facture indique un vendeur établi en Belgique, cette voie s'ouvre."
                )
            )
        return _skip(_("Ce service ne traite que les entreprises établies en Belgique."))

    # -- the bank ---------------------------------------------------------------

    def sepa_refund(self) -> _Draft:
        how = _(
            "Demandez-le à votre banque ; elle rembourse ou motive son refus dans les 10 jours "
            "ouvrables. Le remboursement n'efface pas une somme réellement due au vendeur."
        )
        method = self.c.facts.payment_method
        if method != "sepa_direct_debit":
            why = _("Seulement pour un paiement par domiciliation SEPA.")
            if method is None and self.c.category == "billing":
                why += " " + _("Le moyen de paiement n'est pas indiqué.")
            return _skip(why)
        deadline = self.by_id.get("sepa_refund")
        if deadline is None:
            return _todo(
                _(
                    "Paiement par domiciliation : votre banque rembourse sur simple demande "
                    "pendant 8 semaines après le débit ; indiquez la date du débit pour "
                    "connaître l'échéance."
                ),
                how,
            )
        if deadline.passed:
            return _skip(
                _(
                    "Le délai de 8 semaines a expiré le {date} ; ensuite, et jusqu'à 13 mois, "
                    "un débit ne se conteste que sans mandat ou avec un mandat invalide."
                ).format(date=fmt.short_date(deadline.date))
            )
        if self.sepa_first():
            return _todo(
                _(
                    "Débit par domiciliation que vous ne reconnaissez pas : demandez dès "
                    "maintenant à votre banque de le rembourser, avant de contacter Amazon ; ce "
                    "droit, sans justification, prend fin le {date} (8 semaines après le débit)."
                ).format(date=fmt.short_date(deadline.date)),
                how,
            )
        return _todo(
            _(
                "Paiement par domiciliation : votre banque rembourse sur simple demande, sans "
                "justification, jusqu'au {date} (8 semaines après le débit)."
            ).format(date=fmt.short_date(deadline.date)),
            how,
        )

    def unauthorised_payment(self) -> _Draft:
        how = _(
            "Prévenez votre banque en précisant que vous n'avez pas autorisé cette opération ; "
            "elle doit vous rembourser sans tarder, sauf négligence grave de votre part."
        )
        if self.c.facts.payment_method not in ("sepa_direct_debit", "other"):
            # Card Stop blocks cards: not a word of it for a direct debit.
            how += " " + _(
                "Carte perdue ou volée : bloquez-la d'abord auprès de Card Stop, au 078 170 170."
            )
        if self.c.facts.billing_problem != "unknown_charge":
            return _skip(_("Seulement pour un débit que vous ne reconnaissez pas."))
        deadline = self.by_id.get("unauthorised_payment")
        if deadline is None:
            return _todo(
                _(
                    "Débit non reconnu : signalez-le à votre banque sans délai, au plus tard "
                    "13 mois après le débit."
                ),
                how,
            )
        if deadline.passed:
            return _skip(
                _("Le délai de 13 mois a expiré le {date}.").format(
                    date=fmt.short_date(deadline.date)
                )
            )
        return _todo(
            _(
                "Débit non reconnu : signalez-le à votre banque sans délai, au plus tard le "
                "{date} (13 mois après le débit)."
            ).format(date=fmt.short_date(deadline.date)),
            how,
        )

    def chargeback(self) -> _Draft:
        how = _(
            "Adressez-vous à votre banque ou à l'émetteur de la carte, avec la preuve d'achat, "
            "votre correspondance et la mise en demeure ; demandez-lui le délai applicable."
        )
        if self.chargeback_logged:
            return _done(
                _("Chargeback demandé le {date}.").format(date=_day(self.chargeback_logged[0])), how
            )
        method = self.c.facts.payment_method
        if method == "debit_card":
            return _skip(
                _(
                    "Carte de débit : selon le CEC Belgique, la banque ne rembourse pas en cas "
                    "de problème avec le vendeur."
                )
            )
        if method != "card":
            why = _("Seulement pour un paiement par carte de crédit.")
            if method is None:
                why += " " + _("Le moyen de paiement n'est pas indiqué.")
            return _skip(why)
        why = _(
            "Paiement par carte de crédit : la banque peut contester l'achat auprès du réseau "
            "de la carte. Ce n'est pas un droit légal mais une procédure des réseaux de cartes, "
            "avec des délais propres à votre contrat."
        )
        if self.c.seller.kind == "marketplace" and not self.atoz_logged:
            why += " " + _(
                "Seulement après la Garantie A à Z, jamais en même temps : sur d'autres sites "
                "Amazon, un chargeback exclut la Garantie A à Z."
            )
        return _todo(why, how)

    # -- courts -------------------------------------------------------------------

    def _over_limit(self) -> bool:
        return self.c.amount is not None and self.c.amount > COURT_LIMIT

    def justice_of_the_peace(self) -> _Draft:
        how = _(
            "Joignez le dossier chronologique (reclam show {id}) et la mise en demeure. "
            "Brochure du SPF Justice : {url}"
        ).format(id=self.ref, url=JUSTICE_URL)
        if self.guarantee_over:
            return _skip(self._guarantee_over())
        if self._over_limit():
            return _skip(
                _(
                    "Le juge de paix connaît des demandes jusqu'à 5 000 € ; pour {amount}, "
                    "consultez un avocat ou un service d'aide juridique."
                ).format(amount=fmt.money(self.c.amount))
            )
        why = _(
            "En dernier recours : le juge de paix connaît des demandes jusqu'à 5 000 € ; "
            "jusqu'à 2 000 €, son jugement n'est pas susceptible d'appel."
        )
        discovered = self.c.facts.defect_discovered_date
        if self.c.category in ("damaged", "non_conforming") and discovered is not None:
            # domain.md §2.2: VERIFIED-2nd, a lawyer's column only.
            why += " " + _(
                "Selon un avocat, l'action en justice doit être introduite dans l'année de la "
                "découverte du défaut (le {date}), soit au plus tard le {limit} : à vérifier."
            ).format(
                date=fmt.short_date(discovered), limit=fmt.short_date(add_years(discovered, 1))
            )
        if self.route == "amazon":
            why += " " + _(
                "Le vendeur étant normalement établi au Luxembourg, renseignez-vous d'abord sur "
                "le tribunal compétent."
            )
        elif self.route in ("eu", "outside_eu"):
            why += " " + _(
                "Le vendeur étant établi hors de Belgique, renseignez-vous d'abord sur le "
                "tribunal compétent."
            )
        return _todo(why, how)

    def european_small_claims(self) -> _Draft:
        how = _(
            "Procédure écrite avec des formulaires types, sans avocat obligatoire ; joignez la "
            "correspondance et la mise en demeure. Explications : {url}"
        ).format(url=SMALL_CLAIMS_URL)
        scope = _(
            "Pour un litige transfrontalier jusqu'à 5 000 € ; le jugement s'exécute dans les "
            "autres pays de l'UE."
        )
        country = (self.c.seller.country or "").upper()
        if self.guarantee_over:
            return _skip(self._guarantee_over())
        if self.route == "belgium":
            return _skip(_("Vendeur établi en Belgique : pas de litige transfrontalier."))
        if self.route in ("eu", "outside_eu") and country not in SMALL_CLAIMS_COUNTRIES:
            return _skip(
                _(
                    "Vendeur établi dans un pays où la procédure ne s'applique pas ({country}) : "
                    "elle vaut entre pays de l'UE, sauf le Danemark."
                ).format(country=self._country())
            )
        if self._over_limit():
            return _skip(_("La procédure est limitée aux demandes jusqu'à 5 000 €."))
        if self.route == "unknown":
            return _todo(
                _(
                    "Seulement si le vendeur est établi dans un autre pays de l'UE, sauf le "
                    "Danemark."
                )
                + " "
                + scope,
                how,
            )
        seller = (
            _("Vendeur normalement établi au Luxembourg (Amazon EU S.à r.l.).")
            if self.route == "amazon"
            else _("Vendeur établi hors de Belgique : {country}.").format(country=self._country())
        )
        return _todo(seller + " " + scope, how)


def plan(complaint: Complaint, today: dt.date) -> Plan:
    """Every step for this complaint in the stable order, with its status, why and how."""
    planner = _Planner(complaint, today)
    is_open = complaint.status == "open"
    pause = planner.pause() if is_open else None
    warnings = planner.warnings()
    builders: dict[StepId, Callable[[], _Draft]] = {
        "contact_customer_service": planner.contact_customer_service,
        "ask_supervisor": planner.ask_supervisor,
        "contact_seller": planner.contact_seller,
        "atoz_claim": planner.atoz_claim,
        "written_complaint": planner.written_complaint,
        "formal_notice": planner.formal_notice,
        "review": planner.review,
        "ecc_belgium": planner.ecc_belgium,
        "lu_consumer_mediator": planner.lu_consumer_mediator,
        "consumerconnect": planner.consumerconnect,
        "consumer_mediation_service": planner.consumer_mediation_service,
        "sepa_refund": planner.sepa_refund,
        "unauthorised_payment": planner.unauthorised_payment,
        "chargeback": planner.chargeback,
        "justice_of_the_peace": planner.justice_of_the_peace,
        "european_small_claims": planner.european_small_claims,
    }
    drafts = {step_id: builders[step_id]() for step_id in STEP_IDS}
    todo = [i for i in STEP_IDS if drafts[i].applicable and not drafts[i].done]
    now_id: StepId | None = None
    if is_open and pause is None and todo:
        # A marketplace order goes through the seller and A-to-z before customer service.
        ready = planner.atoz_ready() and "atoz_claim" in todo
        if planner.sepa_first() and "sepa_refund" in todo:
            # The 8-week refund of an unknown direct debit needs no reason: ask it first.
            now_id = "sepa_refund"
        else:
            now_id = "atoz_claim" if ready else todo[0]
    headline = " ".join(warnings)
    meanwhile = planner.meanwhile()
    steps: list[Step] = []
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
        why = draft.why
        if status == "now":
            why = " ".join(t for t in (headline, why, meanwhile) if t)
        steps.append(Step(step_id, status, _(TITLES[step_id]), why, draft.how))
    waiting_until, waiting_reason = pause if pause is not None else (None, "")
    if waiting_until is not None:
        # Waiting for a date: what must not wait (warnings, bank, withdrawal) is said too.
        waiting_reason = " ".join(t for t in (headline, waiting_reason, meanwhile) if t)
    return Plan(
        complaint_id=complaint.id,
        steps=tuple(steps),
        deadlines=tuple(planner.deadlines),
        missing_facts=tuple(missing_facts(complaint)),
        waiting_until=waiting_until,
        waiting_reason=waiting_reason,
        warnings=tuple(warnings),
    )
