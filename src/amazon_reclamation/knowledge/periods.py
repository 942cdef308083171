"""Periods as data: a count and a unit, and the calendar arithmetic that applies them.

A rule's period is a `Period`; its date is `period.after(start)` and its prose is
formatted from the same count by the wording layer (`texts.rules.period_words`).
Periods in months and years end on the same day number, or on the last day of the
month when that day does not exist (31 December + 2 months = 28 or 29 February;
29 February + 2 years = 28 February), which is never later than the true end: the
user is told the earlier, safer date. Business days are Belgian working days
(weekends and public holidays skipped).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

# "calendar_days" and "days" count alike; the first is worded "jours calendrier" where the
# rule stresses that weekends and holidays count.
Unit = Literal["days", "calendar_days", "business_days", "weeks", "months", "years"]

# The facts a period starts from (and the facts a deadline may be missing).
Fact = Literal[
    "order",
    "delivery",
    "latest_delivery",
    "discovery",
    "return",
    "charge",
    "seller",
    "payment",
    "billing",
]


@dataclass(frozen=True)
class Period:
    """`count` units, e.g. Period(14, "calendar_days") or Period(2, "years")."""

    count: int
    unit: Unit

    def after(self, day: dt.date) -> dt.date:
        """The last day of the period that starts the day after `day`."""
        if self.unit in ("days", "calendar_days"):
            return day + dt.timedelta(days=self.count)
        if self.unit == "weeks":
            return day + dt.timedelta(weeks=self.count)
        if self.unit == "months":
            return add_months(day, self.count)
        if self.unit == "years":
            return add_years(day, self.count)
        return add_business_days(day, self.count)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day number `months` later, or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """`years` later; 29 February gives 28 February in a common year."""
    return add_months(day, 12 * years)


def _public_holiday(day: dt.date) -> bool:
    """A Belgian public holiday: from the checked table, else from the `holidays` library."""
    from amazon_reclamation.knowledge.holiday_table import FIRST_YEAR, HOLIDAYS, LAST_YEAR

    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return day in HOLIDAYS
    import holidays

    return day in holidays.country_holidays("BE", years=day.year)


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The `count`-th Belgian business day after `day` (weekends and public holidays skipped)."""
    current = day
    left = count
    while left > 0:
        current += dt.timedelta(days=1)
        if is_business_day(current):
            left -= 1
    return current


def is_business_day(day: dt.date) -> bool:
    """True for a Belgian working day (not a Saturday, a Sunday or a public holiday)."""
    return day.weekday() < 5 and not _public_holiday(day)


def day_off(day: dt.date) -> str | None:
    """Why `day` is not a Belgian working day ("saturday", "sunday", "holiday"), or None."""
    if day.weekday() == 5:
        return "saturday"
    if day.weekday() == 6:
        return "sunday"
    return None if is_business_day(day) else "holiday"


def next_business_day(day: dt.date) -> dt.date:
    """`day` itself when it is a Belgian working day, else the next one."""
    return day if is_business_day(day) else add_business_days(day, 1)
