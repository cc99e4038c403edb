"""Periods of calendar months and calendar weeks, as the process rules count them.

A period of ``n`` calendar months runs *de date à date*: from 6 January, three months run to
5 April, and 6 April is the first day beyond them. Where the month reached has no such day
(three months from 30 November end on the last day of February), the period ends on that
month's last day and the first day beyond it is the 1st of the next month.

A calendar week runs from Monday to Sunday.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["ONE_DAY", "SUNDAY", "monday_of", "months_after"]

ONE_DAY = timedelta(days=1)
SUNDAY = 6
"""``date.weekday()`` of a Sunday, the last day of a calendar week (Monday is 0)."""


def months_after(first: date, months: int) -> date:
    """The first day beyond ``months`` calendar months counted from ``first`` (inclusive).

    >>> months_after(date(2025, 1, 6), 3)
    datetime.date(2025, 4, 6)
    >>> months_after(date(2025, 11, 30), 3)  # 30 February does not exist
    datetime.date(2026, 3, 1)
    """
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    try:
        return date(year, month + 1, first.day)
    except ValueError:  # no such day in that month: the period ends on its last day
        year, month = divmod(index + 1, 12)
        return date(year, month + 1, 1)


def monday_of(day: date) -> date:
    """The Monday of the calendar week of ``day``."""
    return day - timedelta(days=day.weekday())
