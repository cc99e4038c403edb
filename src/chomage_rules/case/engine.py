"""``compute_month`` and ``compute_months``: one worker, one month (or several in a row).

The models are adapted once into the rules' inputs (``adapter.py``), the kernel chains the rules
over them (the same code the population engine runs over columns), and the result keeps what the
rules computed, to write the explanation when it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version

from ..core.errors import input_error
from ..core.money import cents_to_decimal
from ..core.ops import SCALAR, Num
from ..core.vocabulary import Reason
from ..kernel import KernelOutputs, compute_kernel, month_figures
from ..parameters import ParameterSet
from ..rules.payment_status import STATUS_OF_CODE
from ..rules.rate import GROUP_OF, REASONS_OF
from ..rules.withholding import Payments
from .adapter import adapt
from .models import Employer, History, Month, Worker
from .result import AllowanceLine, Computation, MonthResult, Payment

__all__ = ["compute_month", "compute_months"]

_EMPTY_HISTORY = History()

try:
    LIBRARY_VERSION = package_version("chomage-rules")
except PackageNotFoundError:  # running from a source tree
    LIBRARY_VERSION = "0+unknown"


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
    computation = Computation(inputs, shown, figures, k)
    return _result(worker, employer, month, history, parameters, computation)


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


def _result(
    worker: Worker,
    employer: Employer,
    month: Month,
    history: History,
    parameters: ParameterSet,
    computation: Computation,
) -> MonthResult:
    """The result's amounts, from the cents and half units the rules computed."""
    k, days = computation.outputs, computation.shown.days_by_reason
    p = k.payments
    return MonthResult(
        worker=worker,
        employer=employer,
        month=month,
        history=history,
        units={r: _units(k.units.half_units[r]) for r in days},
        daily_amounts={r: _money(k.daily.get(GROUP_OF[r], 0)) for r in days},
        allowance_lines=_lines(k, days),
        gross_allowance=_money(k.allowance.gross),
        sector_top_up=_money(k.construction.sector_top_up),
        employer_supplement=_money(k.supplement.amount + k.energy.amount),
        supplement_units_paid=_units(k.supplement.paid + k.energy.units),
        construction_units_paid=_units(k.construction.covered),
        payment_body_withholding=_money(p.payment_body_withholding),
        employer_withholding=_money(p.employer_withholding),
        sector_fund_withholding=_money(p.fund_withholding),
        withholding=_money(p.withholding),
        net_total=_money(p.net_total),
        payments=_payments(p),
        status=STATUS_OF_CODE[int(k.status)],
        history_after=History(
            through=computation.figures.month.last_day,
            supplement_units=_counter(k.supplement.counted_after),
            cp124_credit_used=_counter(k.construction.credit_used_after),
        ),
        parameters_fingerprint=parameters.fingerprint(),
        library_version=LIBRARY_VERSION,
        computation=computation,
    )


def _money(cents: Num) -> Decimal:
    return cents_to_decimal(int(cents))


def _units(half_units: Num) -> Decimal:
    """Half units as a number of units with one decimal: 19 -> 9.5, 20 -> 10.0."""
    whole, half = divmod(int(half_units), 2)
    return Decimal(f"{whole}.{5 if half else 0}")


def _counter(half_units: Num) -> Decimal:
    """Half units as a History counter (two decimals): 19 -> 9.50."""
    return cents_to_decimal(int(half_units) * 50)


def _lines(k: KernelOutputs, days: Mapping[Reason, int]) -> tuple[AllowanceLine, ...]:
    """One line per daily amount with units (« 13JX62,44: 811,72 »)."""
    return tuple(
        AllowanceLine(
            group.value,
            tuple(r for r in REASONS_OF[group] if r in days),
            _units(units),
            _money(k.daily[group]),
            _money(k.allowance.components[group]),
        )
        for group, units in k.group_units.items()
        if units > 0
    )


def _payments(p: Payments) -> tuple[Payment, ...]:
    return (
        Payment(
            "payment_body",
            _money(p.payment_body_gross),
            _money(p.payment_body_withholding),
            _money(p.payment_body_net),
        ),
        Payment(
            "employer",
            _money(p.employer_gross),
            _money(p.employer_withholding),
            _money(p.employer_net),
        ),
        Payment(
            "sector_fund", _money(p.fund_gross), _money(p.fund_withholding), _money(p.fund_net)
        ),
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
