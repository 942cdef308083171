"""The escalation plan in words: `plan()` turns `domain.escalation.decide()` into text.

Each reason id of the decision is one method of `Words` (the Amazon-side reasons in
`escalation_amazon`, the outside ones in `escalation_outside`), returning one whole
sentence; the contact log's reasons are clauses of one sentence. `Plan` and `Step` are
what `reclam escalate`, `escalate --json`, `show` and the dashboard print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from amazon_reclamation.domain.deadlines import missing_facts
from amazon_reclamation.domain.escalation import (
    Clauses,
    Decision,
    Part,
    Reason,
    StepDecision,
    StepId,
    StepStatus,
    decide,
    outside_bodies,
)
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.texts import labels
from amazon_reclamation.texts.deadlines import deadline_json, missing_fact_texts
from amazon_reclamation.texts.escalation_amazon import AmazonWords
from amazon_reclamation.texts.escalation_format import sentences
from amazon_reclamation.texts.escalation_later import LaterStepWords
from amazon_reclamation.texts.escalation_outside import OutsideWords

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from amazon_reclamation.domain.deadlines import Deadline, MissingFact
    from amazon_reclamation.domain.escalation import BodyRef
    from amazon_reclamation.models import Complaint

# The step titles are labels (`labels.STEP`): the log's "Quelle démarche ?" lists them too.
TITLES: dict[StepId, str] = labels.STEP

BODY_NAMES: dict[BodyRef, str] = {
    "ecc_belgium": N_("le Centre Européen des Consommateurs Belgique"),
    "lu_consumer_mediator": N_("le Médiateur de la consommation du Luxembourg"),
    "consumer_mediation_service": N_("le Service de Médiation pour le Consommateur"),
    "competent_mediator": N_("l'organisme de médiation compétent"),
}


def title(step_id: StepId) -> str:
    """The translated title of a step."""
    return _(TITLES[step_id])


def body_name(body: BodyRef) -> str:
    """A body's name as it goes in a sentence ("le Centre Européen des Consommateurs…")."""
    return _(BODY_NAMES[body])


def external_bodies(complaint: Complaint) -> list[str]:
    """The out-of-court bodies open to this complaint, as names to put in a sentence."""
    return [body_name(body) for body in outside_bodies(complaint)]


class Words(AmazonWords, LaterStepWords, OutsideWords):
    """Words the reasons of one decision (its deadlines give the titles some reasons cite)."""

    def __init__(self, deadlines: Iterable[Deadline] = ()) -> None:
        self._deadlines = {d.id: d for d in deadlines}

    def deadline_title(self, deadline_id: str) -> str:
        from amazon_reclamation.texts.deadlines import deadline_title

        return deadline_title(self._deadlines[deadline_id])

    def reason(self, item: Reason) -> str:
        """The sentence of one reason."""
        method = getattr(self, item.id, None)
        if method is None or item.id.startswith("_"):
            raise KeyError(f"no wording for the reason {item.id!r}")
        return str(method(**item.params))

    def clauses(self, group: Clauses) -> str:
        """The log's reasons as one sentence: "X ; y ; z."."""
        texts = [self.reason(item) for item in group.reasons]
        text = texts[0]
        for clause in texts[1:]:
            text = _("{clauses} ; {clause}").format(clauses=text, clause=clause)
        text = _("{clauses}.").format(clauses=text)
        return text[:1].upper() + text[1:]

    def part(self, item: Part) -> str:
        """A reason, or a group of clauses, in words."""
        return self.clauses(item) if isinstance(item, Clauses) else self.reason(item)

    def paragraph(self, items: Iterable[Part]) -> str:
        """Several reasons, each a sentence, as one paragraph."""
        return sentences([self.part(item) for item in items])


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
    complaint is open; `warnings` come before any action.
    """

    complaint_id: str
    steps: tuple[Step, ...]
    deadlines: tuple[Deadline, ...]
    missing_facts: tuple[MissingFact, ...] = ()
    waiting_until: dt.date | None = None
    waiting_reason: str = ""
    warnings: tuple[str, ...] = ()
    # While waiting, something must still be done at once (the bank, the withdrawal).
    acts_meanwhile: bool = False
    later_order: tuple[StepId, ...] = ()  # the later steps in the order to take them

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


def _step(words: Words, decided: StepDecision, decision: Decision) -> Step:
    why: list[Part] = list(decided.why)
    if decided.status == "now":
        # The step to take now carries the warnings first and what must not wait last.
        why = [*decision.warnings, *why, *decision.meanwhile]
    return Step(
        decided.id,
        decided.status,
        title(decided.id),
        words.paragraph(why),
        words.paragraph(decided.how),
    )


def word(decision: Decision, complaint: Complaint) -> Plan:
    """The decision in words."""
    words = Words(decision.deadlines)
    pause: list[Reason] = list(decision.pause)
    if decision.waiting_until is not None:
        # Waiting for a date: what must not wait (warnings, bank, withdrawal) is said too.
        pause = [*decision.warnings, *pause, *decision.meanwhile]
    return Plan(
        complaint_id=decision.complaint_id,
        steps=tuple(_step(words, s, decision) for s in decision.steps),
        deadlines=decision.deadlines,
        missing_facts=tuple(missing_facts(complaint)),
        waiting_until=decision.waiting_until,
        waiting_reason=words.paragraph(pause),
        warnings=tuple(words.reason(w) for w in decision.warnings),
        acts_meanwhile=decision.waiting_until is not None and bool(decision.meanwhile),
        later_order=decision.later_order,
    )


def plan(complaint: Complaint, today: dt.date) -> Plan:
    """Every step for this complaint in the stable order, with its status, why and how."""
    return word(decide(complaint, today), complaint)
