"""``compute_month`` and ``compute_months``: one worker, one month (or several in a row).

The models are adapted once into the rules' inputs (``adapter.py``), the kernel chains the rules
over them (the same code the population engine runs over columns), and the result keeps what the
rules computed, to write the explanation when it is read.

What a caller must catch (the README says the same):

- ``pydantic.ValidationError`` for bad input, naming the field: the models' own checks, inputs
  given as plain mappings (a web service's parsed JSON) validated here with the argument's name in
  front of the field (``("worker", "niss")``), what only the month as a whole shows (hours above
  the week, a history dated after the month), and a month before the first figure the parameters
  hold (at ``("month",)``);
- :class:`~chomage_rules.ParameterNotCovered` (a ``LookupError``) only where a figure the case
  needs has no value in a month the parameters otherwise cover: a parameter set overridden to
  have no figure, or an energy-crisis supplement asked outside its dates; and its subclass
  :class:`~chomage_rules.DerivedFigureRefused` where a strict set
  (``ParameterSet.default(strict=True)``) refuses a derived or unverified figure the case needs.
  Its message names the month as given (``month.year``, ``month.month``) as well as the parameter;
- ``TypeError`` for ``parameters`` that are not a :class:`~chomage_rules.ParameterSet`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..core.errors import ParameterNotCovered, input_error
from ..core.ops import SCALAR
from ..kernel import compute_kernel, month_figures
from ..parameters import DerivedFigureRefused, ParameterSet
from .adapter import adapt
from .models import Employer, History, Month, Worker
from .result import Computation, MonthResult

__all__ = ["compute_month", "compute_months", "not_covered", "parameter_set"]

_EMPTY_HISTORY = History()

Given = Mapping[str, Any]
"""An input given as plain data (a parsed JSON object), validated into its model."""


class _MonthArguments(BaseModel):
    """compute_month's arguments, to validate those given as mappings (models pass as they are)."""

    model_config = ConfigDict(frozen=True, title="compute_month")

    worker: Worker
    employer: Employer
    month: Month
    history: History


class _MonthsArguments(BaseModel):
    """compute_months's arguments, likewise; a month's errors are at ``("months", index, …)``."""

    model_config = ConfigDict(frozen=True, title="compute_months")

    worker: Worker
    employer: Employer
    months: tuple[Month, ...]
    history: History


def compute_month(
    worker: Worker | Given,
    employer: Employer | Given,
    month: Month | Given,
    history: History | Given | None = None,
    *,
    parameters: ParameterSet | None = None,
) -> MonthResult:
    """Compute and explain one month of temporary-unemployment benefits for one worker.

    ``history`` holds the worker's counters with this employer before the month (see
    :class:`~chomage_rules.History`); ``parameters`` defaults to the shipped figures. The inputs
    may be the models or plain mappings (parsed JSON), which are validated into the models.
    Raises ``pydantic.ValidationError`` for bad or inconsistent inputs (including a month before
    the first figure) and :class:`~chomage_rules.ParameterNotCovered` for a figure the parameters
    leave without a value; see the module's documentation.
    """
    parameters = parameter_set(parameters)
    models = _models(worker, employer, month, _EMPTY_HISTORY if history is None else history)
    return _compute(*models, parameters)


def _models(
    worker: Worker | Given,
    employer: Employer | Given,
    month: Month | Given,
    history: History | Given,
) -> tuple[Worker, Employer, Month, History]:
    """The inputs as models: as they are when they already are (the usual case: nothing is
    validated again), else validated together, each error under the argument's name."""
    if (
        isinstance(worker, Worker)
        and isinstance(employer, Employer)
        and isinstance(month, Month)
        and isinstance(history, History)
    ):
        return worker, employer, month, history
    valid = _MonthArguments.model_validate(
        {"worker": worker, "employer": employer, "month": month, "history": history}
    )
    return valid.worker, valid.employer, valid.month, valid.history


def _compute(
    worker: Worker, employer: Employer, month: Month, history: History, parameters: ParameterSet
) -> MonthResult:
    _check_through(history, month)
    try:
        figures = month_figures(parameters, month.first_day)
        inputs, shown = adapt(worker, employer, month, history, figures)
        k = compute_kernel(SCALAR, inputs, figures)
    except ParameterNotCovered as error:
        raise not_covered(error, month.year, month.month, parameters, "compute_month") from None
    return MonthResult(
        worker, employer, month, history, Computation(inputs, shown, figures, k, parameters)
    )


def parameter_set(parameters: object) -> ParameterSet:
    """The set given, the shipped one for None; TypeError for anything else."""
    if parameters is None:
        return ParameterSet.default()
    if not isinstance(parameters, ParameterSet):
        raise TypeError(
            "parameters must be a ParameterSet, such as ParameterSet.default().override({...}), "
            f"not a {type(parameters).__name__}"
        )
    return parameters


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


def not_covered(
    error: ParameterNotCovered, year: int, month: int, parameters: ParameterSet, title: str
) -> Exception:
    """A missing figure, told in terms of the input: a ValidationError at ``month`` when the month
    comes before the parameter's first figure (the month is out of range, whatever the set); the
    same ParameterNotCovered, naming the month given, when the set has a version without a value
    (a choice of whoever built the set, not bad input). For ``compute_month`` and populations."""
    if isinstance(error, DerivedFigureRefused):  # a strict set's refusal, naming the month
        return error.in_month(year, month)
    period = f"{year}-{month:02d}"
    versions = parameters.parameter(error.name).versions
    if versions and error.on < versions[0].valid_from:
        return input_error(
            title,
            ("month",),
            f"the month {period} (month.year {year}, month.month {month}) comes "
            f"before the first figure of parameter {error.name!r}, which starts on "
            f"{versions[0].valid_from.isoformat()}; this case cannot be computed for it",
            period,
        )
    detail = f"{error.detail}; " if error.detail else ""
    return ParameterNotCovered(
        error.name,
        error.on,
        f"{detail}asked for the month {period} (month.year {year}, month.month {month})",
    )


def compute_months(
    worker: Worker | Given,
    employer: Employer | Given,
    months: Iterable[Month | Given],
    history: History | Given | None = None,
    *,
    parameters: ParameterSet | None = None,
) -> list[MonthResult]:
    """Compute several months in order, each starting from the counters the previous one left.

    Every input is checked before the first month is computed; a month given as a mapping that
    is wrong is reported at ``("months", index, …)``.
    """
    parameters = parameter_set(parameters)
    worker, employer, month_list, history = _series(
        worker, employer, list(months), _EMPTY_HISTORY if history is None else history
    )
    results = []
    for month in month_list:
        result = _compute(worker, employer, month, history, parameters)
        history = result.history_after
        results.append(result)
    return results


def _series(
    worker: Worker | Given,
    employer: Employer | Given,
    months: list[Month | Given],
    history: History | Given,
) -> tuple[Worker, Employer, list[Month], History]:
    """compute_months's inputs as models, like :func:`_models`."""
    given_months = [month for month in months if isinstance(month, Month)]
    if (
        isinstance(worker, Worker)
        and isinstance(employer, Employer)
        and isinstance(history, History)
        and len(given_months) == len(months)
    ):
        return worker, employer, given_months, history
    valid = _MonthsArguments.model_validate(
        {"worker": worker, "employer": employer, "months": months, "history": history}
    )
    return valid.worker, valid.employer, list(valid.months), valid.history
