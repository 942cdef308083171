"""The data a step decision is made of: reason ids with typed values, and the step table.

A `Reason` is an id and its parameters (dates as `date`, amounts as `Decimal`, counts
as `int`, periods of the knowledge as `Period`, codes and names as `str`);
`texts.escalation` turns each id into one whole sentence. `Clauses` groups reasons the
wording layer says as one sentence of clauses (the contact log's "what happened so
far"). Steps register their decider with `@step`; their ids and order come from the
`StepId` literal of `ids.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from amazon_reclamation.ids import STEP_IDS as STEP_IDS
from amazon_reclamation.ids import StepId as StepId
from amazon_reclamation.knowledge.periods import Period

if TYPE_CHECKING:
    from collections.abc import Callable

    from amazon_reclamation.domain.escalation.reading import Reading

StepStatus = Literal["done", "now", "later", "not_applicable"]

Value = dt.date | Decimal | Period | int | str | None


@dataclass(frozen=True)
class Reason:
    """One thing to say: an id (the wording layer's key) and its typed values."""

    id: str
    params: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Clauses:
    """Reasons said together as one sentence (the state of the contact log)."""

    reasons: tuple[Reason, ...]


Part = Reason | Clauses


def reason(reason_id: str, **params: Value) -> Reason:
    """A reason with its values."""
    return Reason(reason_id, params)


@dataclass(frozen=True)
class Draft:
    """What a step decider found: does it apply, is it done, and why and how."""

    applicable: bool
    done: bool
    why: tuple[Part, ...]
    how: tuple[Reason, ...]


def done(why: list[Part], how: list[Reason] | None = None) -> Draft:
    """A step the log shows as taken."""
    return Draft(True, True, tuple(why), tuple(how or ()))


def todo(why: list[Part], how: list[Reason]) -> Draft:
    """A step that applies and is still to take."""
    return Draft(True, False, tuple(why), tuple(how))


def skip(why: list[Part], how: list[Reason] | None = None) -> Draft:
    """A step that does not apply to this complaint."""
    return Draft(False, False, tuple(why), tuple(how or ()))


_DECIDERS: dict[StepId, Callable[[Reading], Draft]] = {}


def step(step_id: StepId) -> Callable[[Callable[[Reading], Draft]], Callable[[Reading], Draft]]:
    """Register the decider of one step (its place in the plan is its place in `StepId`)."""

    def register(decider: Callable[[Reading], Draft]) -> Callable[[Reading], Draft]:
        assert step_id not in _DECIDERS, step_id
        _DECIDERS[step_id] = decider
        return decider

    return register


def deciders() -> list[tuple[StepId, Callable[[Reading], Draft]]]:
    """Every step's decider, in the plan's order."""
    missing = [i for i in STEP_IDS if i not in _DECIDERS]
    assert not missing, f"steps without a decider: {missing}"
    return [(step_id, _DECIDERS[step_id]) for step_id in STEP_IDS]
