"""Months that reach every step and notice of job-seeker registration (R12) and applications
(R13), for the catalogue's and the declarations' corpus (tests/explain/test_catalogue.py)."""

from datetime import date, timedelta
from decimal import Decimal

from chomage_rules import (
    DayEntry,
    DayStatus,
    History,
    LastUnemployment,
    MonthResult,
    Reason,
    WorkRegime,
    compute_month,
    compute_months,
)
from tests.helpers import employer, month_of, unemployed, worker, working_days


def mondays(year: int, month: int) -> list[date]:
    day = date(year, month, 1)
    days = []
    while day.month == month:
        if day.weekday() == 0:
            days.append(day)
        day += timedelta(days=1)
    return days


def first_quarter(**worker_fields: object) -> list[MonthResult]:
    """January to April 2025, economic temporary unemployment every Monday (partial weeks): the
    spell from 6 January passes three months on 7 April (R12)."""
    months = [month_of(2025, m, unemployed(mondays(2025, m), Reason.ECONOMIC)) for m in range(1, 5)]
    return compute_months(worker(**worker_fields), employer(), months)


def corpus() -> list[MonthResult]:
    results = first_quarter(residence_region="brussels")  # none known, covered, running, passed
    results.append(first_quarter()[-1])  # the region not given
    results.append(first_quarter(residence_country="FR")[-1])  # a worker living abroad
    may = month_of(2025, 5, unemployed(mondays(2025, 5), Reason.ECONOMIC))
    results.append(compute_month(worker(), employer(), may, results[3].history_after))
    # no day of temporary unemployment in June: two weeks of work end the spell (reset), none runs
    june = month_of(2025, 6)
    results.append(compute_month(worker(), employer(), june, results[-1].history_after))
    # a new wage declaration without a new application: the weekly hours changed (R13)
    last = LastUnemployment(
        day=date(2025, 5, 26), regime=WorkRegime.FULL_TIME, weekly_hours=Decimal("36")
    )
    july = month_of(2025, 7, unemployed(working_days(2025, 7, 3), Reason.ECONOMIC))
    history = History(through=date(2025, 6, 30), last_unemployment=last)
    results.append(compute_month(worker(), employer(), july, history))
    # a worked day on the card, and a day of holiday, do not change the spell's steps
    august = month_of(
        2025,
        8,
        [DayEntry(day=date(2025, 8, 1), status=DayStatus.WORKED)],
        [DayEntry(day=date(2025, 8, 4), status=DayStatus.HOLIDAY)],
    )
    results.append(compute_month(worker(), employer(), august, results[-1].history_after))
    return results
