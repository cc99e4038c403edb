"""``compute_population``: the month of every worker in a table, exact to the cent.

The same kernel as ``compute_month`` (:func:`chomage_rules.kernel.compute_kernel`) runs over numpy
int64 columns: one definition of each rule, so the two cannot drift (docs/decisions.md, D23).
Rows are computed in chunks of :data:`CHUNK_ROWS` so that the kernel's intermediate columns stay
in the processor's cache (about 3× faster than whole columns of a million rows, and far less
memory); a column that holds one value on every row is computed once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from ..case.engine import not_covered, parameter_set
from ..core.errors import ParameterNotCovered, input_error
from ..kernel import MonthFigures, compute_kernel, month_figures
from ..kernel.inputs import employer_supplement, supplement_units_paid
from ..parameters import ParameterSet
from ..rules.daily_wage import SIX_DAY_WEEK
from ..rules.rate import RateGroup
from .columns import Population, read_population, refuse_rows
from .ops import NUMPY
from .privacy import safe_input
from .tables import STATUS_CATEGORIES, build_result
from .threads import each

__all__ = [
    "CHUNK_ROWS",
    "DETAIL_COLUMNS",
    "OUTPUT_COLUMNS",
    "STATUS_CATEGORIES",
    "compute_population",
]

CHUNK_ROWS = 1 << 16
"""Rows per kernel run: 65,536 int64 values are 512 KiB, about a core's L2 cache; measured
against 2**14 to 2**17 on the peer's million rows (benchmarks/bench_population.py), the fastest
with two threads and as fast as 2**15 with one."""

_GROUP = {group: group.label for group in RateGroup}

OUTPUT_COLUMNS: dict[str, str] = {
    **{f"units_{label}": f"units at the {label} rate (R4)" for label in _GROUP.values()},
    **{
        f"daily_amount_{label}_cents": f"daily amount at the {label} rate, cents (R2, R3)"
        for label in _GROUP.values()
    },
    "gross_allowance_cents": "the allowance, gross, cents (paid by the payment body)",
    "sector_top_up_cents": "construction top-up (CP 124), gross, cents",
    "employer_supplement_cents": "employer supplement (2024 or energy scheme), gross, cents",
    "payment_body_withholding_cents": "payment body: withholding tax, cents",
    "employer_withholding_cents": "employer: withholding tax, cents",
    "sector_fund_withholding_cents": "sector fund: withholding tax, cents",
    "withholding_cents": "withholding tax over all payers, cents",
    "net_total_cents": "net over all payers, cents",
    "status": "payment status (PaymentStatus value)",
    "supplement_units_after": "History.supplement_units after the month",
    "cp124_credit_used_after": "History.cp124_credit_used after the month",
}
"""The result columns; money in int64 cents, units as float64."""

DETAIL_COLUMNS: dict[str, str] = {
    "supplement_units_paid": "units that got the employer supplement",
    "construction_units_paid": "units paid from the construction credit",
    "payment_body_gross_cents": "payment body: gross, cents",
    "payment_body_net_cents": "payment body: net, cents",
    "employer_gross_cents": "employer: gross, cents",
    "employer_net_cents": "employer: net, cents",
    "sector_fund_gross_cents": "sector fund: gross, cents",
    "sector_fund_net_cents": "sector fund: net, cents",
}
"""Added with ``detail=True``: units paid and each payer's gross and net."""

_UNIT_COLUMNS = frozenset(
    name
    for name in (*OUTPUT_COLUMNS, *DETAIL_COLUMNS)
    if name.startswith("units_") or not name.endswith("_cents")
) - {"status"}


Stage = Mapping[str, Any]
"""The kernel's results so far in a chunk, by :class:`~chomage_rules.kernel.KernelOutputs`
field (see :data:`~chomage_rules.kernel.chain.Sink`)."""


Read = Callable[[Stage], Any]


def _of(stage: str, field: str) -> Read:
    """A field of one of the kernel's results."""
    return lambda results: getattr(results[stage], field)


def _of_group(stage: str, group: RateGroup) -> Read:
    """One rate group's value of one of the kernel's results (0 for a group it has not)."""
    return lambda results: results[stage].get(group, 0)


_PAYMENTS = {
    "payment_body_withholding_cents": "payment_body_withholding",
    "employer_withholding_cents": "employer_withholding",
    "sector_fund_withholding_cents": "fund_withholding",
    "withholding_cents": "withholding",
    "net_total_cents": "net_total",
    "payment_body_gross_cents": "payment_body_gross",
    "payment_body_net_cents": "payment_body_net",
    "employer_gross_cents": "employer_gross",
    "employer_net_cents": "employer_net",
    "sector_fund_gross_cents": "fund_gross",
    "sector_fund_net_cents": "fund_net",
}

_WRITTEN_AT: dict[str, list[tuple[str, Read]]] = {
    "group_units": [
        (f"units_{label}", _of_group("group_units", group)) for group, label in _GROUP.items()
    ],
    "daily": [
        (f"daily_amount_{label}_cents", _of_group("daily", group))
        for group, label in _GROUP.items()
    ],
    "allowance": [("gross_allowance_cents", _of("allowance", "gross"))],
    "energy": [
        ("employer_supplement_cents", lambda r: employer_supplement(r["supplement"], r["energy"])),
        ("supplement_units_after", _of("supplement", "counted_after")),
        ("supplement_units_paid", lambda r: supplement_units_paid(r["supplement"], r["energy"])),
    ],
    "construction": [
        ("sector_top_up_cents", _of("construction", "sector_top_up")),
        ("cp124_credit_used_after", _of("construction", "credit_used_after")),
        ("construction_units_paid", _of("construction", "covered")),
    ],
    "payments": [(name, _of("payments", field)) for name, field in _PAYMENTS.items()],
    "status": [("status", lambda results: results["status"])],
}
"""Each result column (in cents or half units, a scalar where constant), by the kernel's result
it is read from: written into the result as soon as the kernel has it, while it is still in the
processor's cache."""


def compute_population(
    frame: Any,
    year: int,
    month: int,
    *,
    parameters: ParameterSet | None = None,
    detail: bool = False,
    workers: int | None = None,
) -> Any:
    """Compute one month for every row of ``frame``; identical to ``compute_month`` row by row.

    ``frame`` is a pandas or polars DataFrame, a pyarrow Table or RecordBatch, or a mapping of
    column name to numpy array, with the columns of :data:`chomage_rules.population.COLUMNS`.
    The whole table is validated before anything is computed; bad input raises one
    ``pydantic.ValidationError`` with every problem, each naming the column and the row (by
    label and position for a pandas index; by position otherwise; a label that could be a
    national number is masked). A table of no rows gives a result of no rows.

    Returns the same kind of table (a mapping for a mapping), with :data:`OUTPUT_COLUMNS`: money
    as int64 **cents** (exact; divide by 100 only to display), units as float64 (halves are
    exact in binary), ``status`` as a category (pandas), Enum (polars) or dictionary (Arrow) of
    :class:`~chomage_rules.PaymentStatus` values. ``detail=True`` adds :data:`DETAIL_COLUMNS`
    (units paid, each payer's gross and net). A pandas result is on the input's index and
    carries ``attrs["parameters_fingerprint"]``, an Arrow one the same key in its schema's
    metadata. Integer columns of polars and Arrow tables are read without a copy where their
    layout allows (one chunk, no missing value); the results are handed to them without one.

    The rows are computed in chunks spread over ``workers`` threads (numpy releases the
    interpreter's lock in the rules' column operations): every core by default, ``workers=1``
    for one. Each chunk writes its own rows, so the result is the same for any number.
    """
    check_call(year, month, workers)
    parameters = parameter_set(parameters)
    population, (figures,) = prepare(frame, year, month, [parameters], workers=workers)
    columns = run(population, figures, parameters, detail, workers)
    source = population.source
    return build_result(source.kind, columns, parameters.fingerprint(), source.index)


def check_call(year: int, month: int, workers: int | None) -> None:
    """The month and the number of threads, as ``compute_population`` takes them."""
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise input_error(
            "population", ("year",), "the year must be a whole number, 2000-2100", safe_input(year)
        )
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise input_error(
            "population", ("month",), "the month must be a whole number, 1-12", safe_input(month)
        )
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise input_error(
            "population", ("workers",), "workers must be a whole number from 1", safe_input(workers)
        )


def prepare(
    frame: Any,
    year: int,
    month: int,
    parameter_sets: list[ParameterSet],
    first_row: int = 0,
    workers: int | None = None,
) -> tuple[Population, list[MonthFigures]]:
    """Validate and adapt ``frame`` once for computing it under each of ``parameter_sets``: the
    population, and the month's figures under each set (``first_row``: see ``_Source``; the
    columns are read over ``workers`` threads, every core for None)."""
    first_day = date(year, month, 1)
    all_figures = []
    for parameters in parameter_sets:
        try:
            all_figures.append(month_figures(parameters, first_day))
        except ParameterNotCovered as error:  # a month before the figures is bad input
            raise not_covered(error, year, month, parameters, "population") from None
    population = read_population(frame, first_day, all_figures, first_row, threads(workers))
    if population.n:
        for figures in all_figures:
            _check_int64_headroom(population, figures)
    return population, all_figures


def run(
    population: Population,
    figures: MonthFigures,
    parameters: ParameterSet,
    detail: bool,
    workers: int | None,
) -> dict[str, Any]:
    """The result columns of a validated population under one set's figures, as numpy arrays
    (``status``: the kernel's codes)."""
    try:
        return _run(population, figures, detail, threads(workers))
    except ParameterNotCovered as error:  # a figure only some rows need, not in force
        first_day = population.first_day
        raise not_covered(
            error, first_day.year, first_day.month, parameters, "population"
        ) from None


def threads(workers: int | None) -> int:
    """The threads to work on: ``workers``, or every core for None."""
    return workers or os.cpu_count() or 1


def _run(
    population: Population, figures: MonthFigures, detail: bool, workers: int
) -> dict[str, Any]:
    n = population.n
    wanted = [*OUTPUT_COLUMNS, *(DETAIL_COLUMNS if detail else ())]
    columns, zeroed = _result_columns(wanted, n)
    plan = {
        stage: [(name, read) for name, read in written if name in columns]
        for stage, written in _WRITTEN_AT.items()
    }

    def chunk(start: int) -> None:
        """Rows ``start`` to the chunk's end, written into the result's own rows."""
        stop = min(start + CHUNK_ROWS, n)
        results: dict[str, Any] = {}

        def write(stage: str, result: object) -> None:
            results[stage] = result
            for name, read in plan.get(stage, ()):
                value = read(results)
                if zeroed and type(value) is int and value == 0:
                    continue  # the rows are zeros already (a literal 0: nobody has any)
                if name in _UNIT_COLUMNS:
                    np.multiply(value, 0.5, out=columns[name][start:stop])  # halves: exact
                else:
                    columns[name][start:stop] = value

        compute_kernel(NUMPY, population.kernel_inputs(start, stop), figures, write)

    each(chunk, range(0, n, CHUNK_ROWS), workers)
    return {name: columns[name] for name in wanted}


_MAPPED_BYTES = 1 << 25
"""32 MiB: the C library maps an allocation larger than this afresh from the system (glibc's
largest threshold on 64 bits), whose pages are zero until touched; a smaller one may reuse
memory, which ``np.zeros`` must then clear itself."""


def _result_columns(wanted: list[str], n: int) -> tuple[dict[str, Any], bool]:
    """The result columns, views of one block, and whether they are zeros already.

    Writing a million-row result is bound by memory: its pages are zeroed by the system when
    first touched, then written. One large allocation is backed by huge pages (measured: first
    touch 24 vs 55 ms with a column each). A block larger than :data:`_MAPPED_BYTES` is made
    with ``np.zeros``, which costs nothing until a page is touched, and a chunk's literal 0 is
    then not written: a column nobody has anything in (energy-crisis units, a sector fund's
    withholding) is never touched (about 5 ms at 1M rows for three). A smaller block is made
    with ``np.empty`` and written whole.
    """
    names = [name for name in wanted if name != "status"]
    size = len(names) * 8 * n + n
    zeroed = size > _MAPPED_BYTES
    block = (np.zeros if zeroed else np.empty)(size, dtype=np.uint8)
    columns: dict[str, Any] = {
        name: block[8 * n * i : 8 * n * (i + 1)].view(
            np.float64 if name in _UNIT_COLUMNS else np.int64
        )
        for i, name in enumerate(names)
    }
    columns["status"] = block[8 * n * len(names) :].view(np.int8)
    return columns, zeroed


# --------------------------------------------------------------------------- int64 headroom

_INT64_SAFE = float(1 << 62)


def _check_int64_headroom(population: Population, f: MonthFigures) -> None:
    """Refuse rows whose figures could overflow int64 in the kernel, before computing.

    The kernel works row by row: a row's intermediate products depend on its own values and the
    month's figures only, so rows that each fit compute together. :func:`_worst` bounds them.
    It is first evaluated once over the columns' extents (the largest weekly hours with the
    smallest, which no row need hold together: cheap, and with the shipped figures far below
    2**62); only if that bound is too high is it evaluated row by row, and the rows that break
    it are refused, named. If a worker with the default hours (38 h over 5 days) breaks it, the
    month's figures themselves are to blame (an override with many decimals, an absurd amount),
    and the error says so.
    """
    largest, smallest = population.largest, population.smallest
    q_high = max(largest("weekly_hours_hundredths"), largest("full_time_weekly_hours_hundredths"))
    q_days_low = smallest("weekly_hours_hundredths") * smallest("days_per_week")
    if _worst(f, q_high, q_days_low, largest("hourly_wage_cents")) < _INT64_SAFE:
        return
    if _worst(f, 3800.0, 3800.0 * 5, 0.0) >= _INT64_SAFE:
        raise input_error(
            "population",
            ("parameters",),
            "the figures of this month (rates with many decimals, or a very large amount or "
            "ceiling) would overflow the population engine's 64-bit integers; use compute_month "
            "for these figures, or give the rates with fewer decimals",
            None,
        )
    _refuse_rows_that_overflow(population, f)


def _refuse_rows_that_overflow(population: Population, f: MonthFigures) -> None:
    """The bound of each row on its own (float64 over the rows: 2**62 is half of int64's range,
    far beyond float's relative error); the rows that break it, by the column that makes it."""

    def column(name: str) -> npt.NDArray[np.float64]:
        return np.broadcast_to(np.asarray(population.values[name], dtype=np.float64), (n,))

    n = population.n
    q = column("weekly_hours_hundredths")
    q_high = np.maximum(q, column("full_time_weekly_hours_hundredths"))
    hourly = column("hourly_wage_cents")
    hourly_product = hourly * q * f.daily_wage.divisor >= _INT64_SAFE
    units = _worst(f, q_high, q * column("days_per_week"), 0.0) >= _INT64_SAFE
    message = (
        "this row's figures (its {what}), with the month's figures, would overflow the "
        "population engine's 64-bit integers; compute_month computes it (unbounded integers)"
    )
    refuse_rows(
        population,
        [
            (
                "hourly_wage_cents",
                hourly_product,
                message.format(what="hourly wage × weekly hours"),
            ),
            (
                "weekly_hours_hundredths",
                units & ~hourly_product,
                message.format(what="units: hours over the weekly hours × days a week"),
            ),
        ],
    )


def _worst(f: MonthFigures, q_high: Any, q_days_low: Any, hourly_high: Any) -> Any:
    """A bound on the largest intermediate the kernel forms for rows of weekly hours (Q or S)
    at most ``q_high``, Q × days a week at least ``q_days_low`` and an hourly wage at most
    ``hourly_high`` (floats, or float arrays: one bound per row).

    The largest products the rules form are a unit count's numerator (31 days at Q, or 31 × 24 h
    given day by day, scaled by 6 and days a week, over days a week × B, B ≥ Q), the hourly
    wage's monthly numerator, the daily amount's numerator (rate × the capped daily wage), and
    a payer's withholding numerator over its largest amount (the most units times the largest
    amount per unit, which is capped by the ceiling or is one of the month's amounts).
    """
    rates = [rate for rate in f.rate.rates.values() if rate is not None] or [(1, 1)]
    ceiling, divisor = float(f.daily_wage.ceiling_cents), f.daily_wage.divisor
    daily_denominator = float(divisor * SIX_DAY_WEEK * 100)
    capped_daily = ceiling * SIX_DAY_WEEK * 100  # R1's numerator is at most this, either way
    per_unit = max(
        [capped_daily * num / (den * daily_denominator) + 1 for num, den in rates]
        + [
            f.minimum.minimum_cents or 0,
            f.supplement.amount_cents or 0,
            f.energy.amount_cents or 0,
            *f.construction.amounts_cents,
            *f.construction.frost_cents,
        ]
    )
    (legal_num, legal_den), (complement_num, complement_den) = (
        f.withholding.legal,
        f.withholding.complement,
    )
    unit_numerator = 31.0 * (q_high + 2400 * 6) * 6
    half_units = 2 * (unit_numerator / np.maximum(q_days_low, 1.0) + 1)
    withholding = float((legal_num + complement_num) * legal_den * complement_den)
    row = np.maximum.reduce(
        [
            4 * (unit_numerator + SIX_DAY_WEEK * q_high),
            hourly_high * q_high * divisor,
            2 * half_units * per_unit * withholding,
        ]
    )
    figures_only = max(
        2 * capped_daily * max(num for num, _ in rates)
        + max(den for _, den in rates) * daily_denominator,
        float(f.supplement.threshold_cents or 0) * SIX_DAY_WEEK * 100,
    )
    return np.maximum(row, figures_only)
