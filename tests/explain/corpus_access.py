"""Cases the generated corpus does not reach, for the catalogue's and the declarations' tests:
the eC3.2 access of cross-border workers (R11) and the limits by reason of a worker whose
occupation is given (R14), with every notice they raise."""

from datetime import date

from chomage_rules import History, MonthResult, Reason, compute_month
from tests.helpers import employer, month_of, unemployed, worker, working_days


def _economic_june(**fields: object) -> list[MonthResult]:
    """June 2026 (Monday 1 June): the first two weeks all economic, for a six-day worker."""
    return [
        compute_month(
            worker(**fields),
            employer(),
            month_of(2026, 6, unemployed(working_days(2026, 6, 12), Reason.ECONOMIC)),
            history,
        )
        for history in _histories()
    ]


def _histories() -> list[History]:
    """Counters at each limit, carried through May 2026 with a day of temporary unemployment
    on Friday 29 May (no full week of work before June)."""
    through = date(2026, 5, 31)
    last = date(2026, 5, 29)
    return [
        History(
            through=through,
            reason_limits={"full_weeks": 16, "reduced_weeks": 26, "last_unemployed": last},
        ),
        History(
            through=through,
            reason_limits={
                "run_full_weeks": 4,
                "reduced_since": date(2026, 3, 2),
                "last_unemployed": last,
            },
        ),
    ]


def access_cases() -> list[MonthResult]:
    """A German, a French and a US resident in 2026; a white-collar and a blue-collar worker at
    their limits, and a reduced week of each (four economic days, two days of work)."""
    results = [
        compute_month(
            worker(residence_country=country),
            employer(),
            month_of(2026, 3, unemployed(working_days(2026, 3, 4), Reason.ECONOMIC)),
        )
        for country in ("DE", "FR", "US")
    ]
    results += _economic_june(occupation="white_collar")
    results += _economic_june(occupation="blue_collar")
    reduced = month_of(2026, 6, unemployed(working_days(2026, 6, 4), Reason.ECONOMIC))
    results += [
        compute_month(worker(occupation=occupation), employer(), reduced, history)
        for occupation in ("white_collar", "blue_collar")
        for history in _histories()
    ]
    return results
