"""``compute_population``: the month of every worker in a table, exact to the cent.

The same kernel as ``compute_month`` (:func:`chomage_rules.kernel.compute_kernel`) runs over numpy
int64 columns: one definition of each rule, so the two cannot drift (docs/decisions.md, D23).
Rows are computed in chunks of :data:`CHUNK_ROWS` so that the kernel's intermediate columns stay
in the processor's cache (about 3× faster than whole columns of a million rows, and far less
memory); a column that holds one value on every row is computed once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..errors import input_error
from ..kernel import KernelOutputs, compute_kernel
from ..models import PaymentStatus
from ..month_parameters import MonthParameters, month_parameters
from ..parameters import ParameterSet
from ..rules import payment_status
from ..rules.daily_wage import SIX_DAY_WEEK
from ..rules.reasons import RateGroup
from .columns import Population, read_population, result_frame
from .ops import NUMPY

__all__ = [
    "CHUNK_ROWS",
    "DETAIL_COLUMNS",
    "OUTPUT_COLUMNS",
    "STATUS_CATEGORIES",
    "compute_population",
]

CHUNK_ROWS = 1 << 15
"""Rows per kernel run: 32,768 int64 values are 256 KiB, which fits a core's L2 cache."""

_GROUP = {RateGroup.STANDARD: "standard", RateGroup.FORCE_MAJEURE: "force_majeure"}
_GROUP[RateGroup.ENERGY_CRISIS] = "energy_crisis"
STATUS_CATEGORIES: tuple[str, ...] = tuple(
    s.value
    for s in (
        PaymentStatus.PAYABLE,
        PaymentStatus.AWAITING_EMPLOYER_DECLARATION,
        PaymentStatus.AWAITING_CONTROL_CARD,
    )
)
assert (
    payment_status.PAYABLE,
    payment_status.AWAITING_EMPLOYER_DECLARATION,
    payment_status.AWAITING_CONTROL_CARD,
) == (0, 1, 2)

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


def _outputs(k: KernelOutputs, detail: bool) -> dict[str, Any]:
    """The result columns of one chunk, in cents or half units (scalars where constant)."""
    out: dict[str, Any] = {}
    for group, label in _GROUP.items():
        out[f"units_{label}"] = k.group_half_units[group]
        out[f"daily_amount_{label}_cents"] = k.daily[group]
    out.update(
        {
            "gross_allowance_cents": k.gross_allowance,
            "sector_top_up_cents": k.sector_top_up,
            "employer_supplement_cents": k.supplement + k.energy_supplement,
            "payment_body_withholding_cents": k.payment_body_withholding,
            "employer_withholding_cents": k.employer_withholding,
            "sector_fund_withholding_cents": k.sector_fund_withholding,
            "withholding_cents": k.withholding,
            "net_total_cents": k.net_total,
            "status": k.status_code,
            "supplement_units_after": k.supplement_half_units_after,
            "cp124_credit_used_after": k.credit_half_units_after,
        }
    )
    if detail:
        out.update(
            {
                "supplement_units_paid": k.supplement_paid_half_units + k.energy_half_units,
                "construction_units_paid": k.credit_covered_half_units,
                "payment_body_gross_cents": k.payment_body_gross,
                "payment_body_net_cents": k.payment_body_net,
                "employer_gross_cents": k.employer_part,
                "employer_net_cents": k.employer_net,
                "sector_fund_gross_cents": k.fund_part,
                "sector_fund_net_cents": k.sector_fund_net,
            }
        )
    return out


def compute_population(
    frame: pd.DataFrame | dict[str, Any],
    year: int,
    month: int,
    *,
    parameters: ParameterSet | None = None,
    detail: bool = False,
) -> pd.DataFrame | dict[str, Any]:
    """Compute one month for every row of ``frame``; identical to ``compute_month`` row by row.

    ``frame`` is a pandas DataFrame, or a mapping of column name to numpy array, with the columns
    of :data:`chomage_rules.population.COLUMNS`. The whole table is validated before anything is
    computed; a bad row raises ``pydantic.ValidationError`` naming the column and the row.

    Returns the same kind of table, on the same index, with :data:`OUTPUT_COLUMNS`: money as
    int64 **cents** (exact; divide by 100 only to display), units as float64 (halves are exact in
    binary), ``status`` as a category of :class:`~chomage_rules.PaymentStatus` values.
    ``detail=True`` adds :data:`DETAIL_COLUMNS` (units paid, each payer's gross and net).
    A DataFrame result carries ``attrs["parameters_fingerprint"]``.
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise input_error(
            "population", ("year",), "the year must be a whole number, 2000-2100", year
        )
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise input_error("population", ("month",), "the month must be a whole number, 1-12", month)
    parameters = ParameterSet.default() if parameters is None else parameters
    first_day = date(year, month, 1)
    p = month_parameters(parameters, first_day)
    population = read_population(frame, first_day, parameters)
    _check_int64_headroom(population, p)
    columns = _run(population, p, detail)
    table = result_frame(frame, columns)
    if not isinstance(table, dict):
        table.attrs["parameters_fingerprint"] = parameters.fingerprint()
    return table


def _run(population: Population, p: MonthParameters, detail: bool) -> dict[str, Any]:
    n = population.n
    # one block per dtype, each column a row of it: a single large allocation is backed by huge
    # pages, which halves the cost of first touching a million-row result (measured: 24 vs 55 ms)
    wanted = [*OUTPUT_COLUMNS, *(DETAIL_COLUMNS if detail else ())]
    names = [name for name in wanted if name != "status"]
    units = [name for name in names if name in _UNIT_COLUMNS]
    cents = [name for name in names if name not in _UNIT_COLUMNS]
    unit_block = np.empty((len(units), n), dtype=np.float64)
    cent_block = np.empty((len(cents), n), dtype=np.int64)
    columns: dict[str, Any] = {name: unit_block[i] for i, name in enumerate(units)}
    columns.update({name: cent_block[i] for i, name in enumerate(cents)})
    status = np.empty(n, dtype=np.int8)
    for start in range(0, n, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, n)
        k = compute_kernel(NUMPY, population.kernel_inputs(start, stop), p)
        for name, value in _outputs(k, detail).items():
            if name == "status":
                status[start:stop] = value
            elif name in _UNIT_COLUMNS:
                np.multiply(value, 0.5, out=columns[name][start:stop])  # halves: exact
            else:
                columns[name][start:stop] = value
    columns["status"] = _status(population, status)
    return {name: columns[name] for name in wanted}


def _status(population: Population, codes: npt.NDArray[np.int8]) -> Any:
    if population.source.is_frame:
        return pd.Categorical.from_codes(codes, categories=pd.Index(STATUS_CATEGORIES))
    return np.asarray(STATUS_CATEGORIES, dtype=object)[codes]


# --------------------------------------------------------------------------- int64 headroom

_INT64_SAFE = 1 << 62


def _largest(value: Any) -> int:
    return int(value.max()) if isinstance(value, np.ndarray) and value.size else int(value or 0)


def _check_int64_headroom(population: Population, p: MonthParameters) -> None:
    """Refuse a table whose largest figures could overflow int64 in the kernel.

    The bound is computed exactly (Python integers) from the largest value of each column and
    the month's figures: the largest products the rules form are the daily amount's numerator,
    the withholding's sum over a payer's parts and the units' numerators. With the shipped
    figures and the columns' own bounds it is below 2**62 by far; an override with many decimals
    (a rate of 0.123456789 …) could break it, and then this says so instead of wrapping around.
    """
    v = population.values
    q = _largest(v["weekly_hours_hundredths"])
    divisor = p.divisor
    daily_num = max(
        min(_largest(v["monthly_wage_cents"]), p.ceiling_cents) * SIX_DAY_WEEK * 100,
        _largest(v["hourly_wage_cents"]) * q * divisor,
    )
    daily_den = divisor * SIX_DAY_WEEK * 100
    candidates = [2 * daily_num * max((r[0] for r in p.rates.values() if r), default=1)]
    candidates += [2 * daily_den * max((r[1] for r in p.rates.values() if r), default=1)]
    largest_daily = max(
        [daily_num // daily_den + 1, p.minimum_cents or 0]
        + [daily_num * r[0] // (r[1] * daily_den) + 1 for r in p.rates.values() if r is not None]
    )
    days = 31 * q * 6 + 31 * 2400 * 6
    half_units = 2 * (days // max(1, _smallest_divisor(v)) + 1)
    gross = half_units * largest_daily
    top_up = half_units * max(p.construction_cents or (0,))
    den = p.legal_withholding[1] * p.complement_withholding[1]
    candidates.append(
        2 * (gross * p.legal_withholding[0] + top_up * p.complement_withholding[0]) * den + den
    )
    candidates.append(days * 4 * 6 * 100)
    worst = max(candidates)
    if worst >= _INT64_SAFE:
        raise input_error(
            "population",
            ("parameters",),
            "the figures of this month (rates with many decimals, or a very large ceiling) "
            "would overflow the population engine's 64-bit integers; use compute_month for "
            "these figures, or give the rates with fewer decimals",
            str(worst),
        )


def _smallest_divisor(v: dict[str, Any]) -> int:
    divisor = v["divisor_hours_hundredths"]
    dpw = v["days_per_week"]
    low_divisor = (
        int(divisor.min()) if isinstance(divisor, np.ndarray) and divisor.size else int(divisor)
    )
    low_dpw = int(dpw.min()) if isinstance(dpw, np.ndarray) and dpw.size else int(dpw)
    return max(1, low_divisor * low_dpw)
