"""How a typed answer is parsed and checked: the same checks for the wizard and for options.

Each parser takes the text, the answers given so far (a date may not precede the order)
and today's date, and returns the value or raises `InvalidInput` with what is expected.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from amazon_reclamation import fmt, parsing
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import N_, _
from amazon_reclamation.ui.question import Answers, Parser


def past_date_after(*earlier: str) -> Parser:
    """A past date, not before the answers named in `earlier` (in that order of trust)."""

    def parse(text: str, answers: Answers, today: date) -> date:
        value = parsing.parse_past_date(text, today)
        for key in earlier:
            bound = answers.get(key)
            if isinstance(bound, date) and value < bound:
                raise InvalidInput(
                    _("Le {date} est avant {what} ({bound}) ; vérifiez la date.").format(
                        date=value.strftime("%d/%m/%Y"),
                        what=_(DATE_NAMES[key]),
                        bound=bound.strftime("%d/%m/%Y"),
                    )
                )
        return value

    return parse


def date_after_order(text: str, answers: Answers, today: date) -> date:
    """A date (past or future) not before the order date."""
    value = parsing.parse_date(text, today)
    bound = answers.get("order_date")
    if isinstance(bound, date) and value < bound:
        raise InvalidInput(
            _("Le {date} est avant la date de commande ({bound}) ; vérifiez la date.").format(
                date=value.strftime("%d/%m/%Y"), bound=bound.strftime("%d/%m/%Y")
            )
        )
    return value


def order(text: str, answers: Answers, today: date) -> str:
    """An Amazon order number, normalised."""
    return parsing.parse_order_number(text)


def amount(text: str, answers: Answers, today: date) -> Decimal:
    """An amount in euros (12,99 or 12.99)."""
    return parsing.parse_amount(text)


def expected_amount(text: str, answers: Answers, today: date) -> Decimal:
    """The amount that should have been debited: not the amount that was (no error then)."""
    value = parsing.parse_amount(text)
    if answers.get("amount_charged") == value:
        raise InvalidInput(
            _(
                "Le montant attendu est celui qui a été débité ({amount}) : il n'y a pas "
                "d'écart ; indiquez le montant que vous deviez payer."
            ).format(amount=fmt.money(value))
        )
    return value


def country(text: str, answers: Answers, today: date) -> str:
    """An ISO country code, from a code or a country's name."""
    return parsing.parse_country(text)


DATE_NAMES = {
    "order_date": N_("la date de commande"),
    "delivery_date": N_("la date de livraison"),
}
