"""``compute_month`` and ``compute_months``: one worker, one month (or several in a row).

The models are adapted once into the rules' inputs (``adapter.py``), the kernel chains the rules
over them (the same code the population engine runs over columns), and the result keeps what the
rules computed, to write the explanation when it is read.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.errors import input_error
from ..core.ops import SCALAR
from ..kernel import compute_kernel, month_figures
from ..parameters import ParameterSet
from .adapter import adapt
from .models import Employer, History, Month, Worker
from .result import Computation, MonthResult

__all__ = ["compute_month", "compute_months"]

_EMPTY_HISTORY = History()


def compute_month(
    worker: Worker,
    employer: Employer,
    month: Month,
    history: History | None = None,
    *,
    parameters: ParameterSet | None = None,
) -> MonthResult:
    """Compute and explain one month of temporary-unemployment benefits for one worker.

    ``history`` holds the worker's counters with this employer before the month (see
    :class:`~chomage_rules.History`); ``parameters`` defaults to the shipped figures.
    Raises ``pydantic.ValidationError`` for inconsistent inputs and
    :class:`~chomage_rules.ParameterNotCovered` for a month no figure covers.
    """
    parameters = ParameterSet.default() if parameters is None else parameters
    history = _EMPTY_HISTORY if history is None else history
    _check_through(history, month)
    figures = month_figures(parameters, month.first_day)
    inputs, shown = adapt(worker, employer, month, history, figures)
    k = compute_kernel(SCALAR, inputs, figures)
    return MonthResult(
        worker, employer, month, history, Computation(inputs, shown, figures, k, parameters)
    )


def _check_through(history: History, month: Month) -> None:
    """Counters recorded through the month or later cannot be applied to it."""
    if history.through is not None and history.through >= month.first_day:
        raise input_error(
            "History",
            ("history", "through"),
            f"the counters run through {history.through.isoformat()}, which is not before the month "
            f"{month.first_day:%Y-%m} they are applied to",
            history.through.isoformat(),
        )


def compute_months(
    worker: Worker,
    employer: Employer,
    months: Iterable[Month],
    history: History | None = None,
    *,
    parameters: ParameterSet | None = None,
) -> list[MonthResult]:
    """Compute several months in order, each starting from the counters the previous one left."""
    results = []
    for month in months:
        result = compute_month(worker, employer, month, history, parameters=parameters)
        history = result.history_after
        results.append(result)
    return results
