"""The bodies outside Amazon a consumer in Belgium can turn to: one table.

Each body has its id (also the id of its escalation step), its address, where the
trader must be established for it to act, and its limits as numbers. The escalation
plan decides from this table and the wording layer formats the same numbers, so a limit
is written in one place. No prose here: names and explanations live in `texts/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

BodyId = Literal[
    "ecc_belgium",
    "lu_consumer_mediator",
    "consumerconnect",
    "consumer_mediation_service",
    "justice_of_the_peace",
    "european_small_claims",
]
BODY_IDS: tuple[BodyId, ...] = get_args(BodyId)

EU_COUNTRIES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
# ECC Belgium: traders in another EU country, Iceland, Norway or the UK (eccbelgium.be).
ECC_COUNTRIES = (EU_COUNTRIES - {"BE"}) | {"IS", "NO", "GB"}
# The European Small Claims Procedure applies in every EU country except Denmark.
SMALL_CLAIMS_COUNTRIES = EU_COUNTRIES - {"DK", "BE"}
# Sold by Amazon: normally Amazon EU S.à r.l., established in Luxembourg.
AMAZON_SELLER_COUNTRY = "LU"


@dataclass(frozen=True)
class Body:
    """One outside body: address, the traders it handles and its limits.

    `trader_countries` is where the trader must be established (ISO 3166 alpha-2);
    empty means any country (a Belgian court or the federal information service).
    """

    id: BodyId
    url: str
    trader_countries: frozenset[str] = frozenset()
    amount_limit: int | None = None  # in euros, claims above it are out of scope
    no_appeal_limit: int | None = None  # in euros, judgments up to it cannot be appealed
    reply_business_days: int | None = None  # first answer, in principle
    decision_days: int | None = None  # time to handle a request (may be extended once)
    years_after_complaint: int | None = None  # may refuse a request made later

    def handles(self, country: str | None) -> bool:
        """True when a trader established in `country` is within this body's reach."""
        return not self.trader_countries or (country or "").upper() in self.trader_countries


BODIES: dict[BodyId, Body] = {
    body.id: body
    for body in (
        Body(
            "ecc_belgium",
            "https://www.eccbelgium.be",
            trader_countries=ECC_COUNTRIES,
            reply_business_days=14,
        ),
        Body(
            "lu_consumer_mediator",
            "https://mediateurconsommation.lu",
            trader_countries=frozenset({"LU"}),
            years_after_complaint=1,
        ),
        Body("consumerconnect", "https://consumerconnect.be", trader_countries=frozenset({"BE"})),
        Body(
            "consumer_mediation_service",
            "https://mediationconsommateur.be",
            trader_countries=frozenset({"BE"}),
            decision_days=90,
        ),
        Body(
            "justice_of_the_peace",
            "https://justice.belgium.be/fr/nouvelles/autres_communiques/"
            "brochure_en_ligne_le_juge_de_paix_actualisee",
            amount_limit=5000,
            no_appeal_limit=2000,
        ),
        Body(
            "european_small_claims",
            "https://cecluxembourg.lu/first-steps/legal-proceedings/european-small-claims-procedure/"
            "?lang=en",
            trader_countries=SMALL_CLAIMS_COUNTRIES,
            amount_limit=5000,
        ),
    )
}
assert tuple(BODIES) == BODY_IDS, "one row per body id, in the order of BodyId"


def body(body_id: BodyId) -> Body:
    """The row of this body."""
    return BODIES[body_id]


def limit(body_id: BodyId) -> int:
    """The amount limit of a court or procedure, in euros."""
    value = BODIES[body_id].amount_limit
    assert value is not None, body_id
    return value


# A body's own site in each language, where it has one (domain.md §6.2, §6.3, VERIFIED pages):
# a Dutch speaker is sent to the Dutch site. Keyed by the URL of `BODIES`.
LANGUAGE_SITES: dict[str, dict[str, str]] = {
    "https://www.eccbelgium.be": {"nl": "https://www.eccbelgie.be"},
    "https://mediationconsommateur.be": {
        "nl": "https://consumentenombudsdienst.be",
        "de": "https://ombudsdienstverbraucher.be",
        "en": "https://consumerombudsman.be",
    },
}
