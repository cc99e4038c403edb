"""What-if: the same population under two parameter sets, row by row and in total.

``compare(frame, year, month, baseline, reform)`` computes the month twice and returns a
:class:`Comparison`: per-row differences (cents) and a summary an analyst reads first: the cost
by payer under each set and the difference, how many workers gain, lose or are unchanged (on their
net total over all payers), and the distribution of the change. Totals are exact Decimals (sums of
integer cents); nothing is rounded, and the caller's decimal context plays no part: every Decimal
is built from integer cents without arithmetic (``cents_to_decimal``), and no Decimal is ever
added or subtracted here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ..case.engine import parameter_set
from ..core.money import cents_to_decimal, decimal_to_cents
from ..core.vocabulary import PAYERS
from ..parameters import ParameterSet
from .compute import check_call, prepare, run
from .tables import build_result

__all__ = ["Comparison", "compare"]

Columns = Mapping[str, Any]
"""Result columns as numpy arrays, by name."""

_QUANTILES = (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)
_COMPONENTS = (
    "gross_allowance",
    "sector_top_up",
    "employer_supplement",
    "withholding",
    "net_total",
)


@dataclass(frozen=True)
class Comparison:
    """A baseline and a reform over the same rows.

    - ``baseline`` / ``reform``: the two results of :func:`compute_population` (``detail=True``),
      tables of the input's kind (pandas for a mapping of arrays);
    - ``rows``: per row, the net total under each and the change, and the change of each payer's
      gross (all cents), of the same kind;
    - ``cost`` (also ``cost_by_payer``, the summary's "Cost by payer"): per payer (who hands the
      money over: the payment body pays the allowance and the CP 124 top-up, the employer its
      supplement, a sector fund the supplement where it pays it), gross and tax withheld under
      each set, and the difference (exact Decimals, EUR);
    - ``cost_by_component``: the same money by what it is (allowance, construction top-up, employer
      supplement), which says who bears it: ONEM, the sector fund, the employer;
    - ``gainers`` / ``losers`` / ``unchanged``: rows whose net total rises, falls, stays;
    - ``change_quantiles``: the change of the net total at the 0, 10, 25, 50, 75, 90, 100 %
      quantiles (EUR, to the cent: each is a row's change, the lower of two at a boundary);
    - ``gross_cost_change`` (also ``net_cost``, its first name): the change of the gross paid by
      all payers together.
    """

    baseline: Any
    reform: Any
    rows: Any
    cost: pd.DataFrame
    cost_by_component: pd.DataFrame
    gainers: int
    losers: int
    unchanged: int
    change_quantiles: dict[float, Decimal]

    @property
    def cost_by_payer(self) -> pd.DataFrame:
        """:attr:`cost`, under the name the summary gives it ("Cost by payer")."""
        return self.cost

    @property
    def gross_cost_change(self) -> Decimal:
        """The reform's extra gross cost to all payers together (EUR); negative is a saving.

        Gross: before the tax withheld, which the payers hand over to the tax office. Summed as
        integer cents: adding Decimals would round to the caller's context (a precision of 6
        turns 816,431.55 into 816432)."""
        return _eur(sum(decimal_to_cents(change) for change in self.cost["gross_change"]))

    @property
    def net_cost(self) -> Decimal:
        """:attr:`gross_cost_change` under its first name ("net" as in net of the baseline: it is
        the change of the gross, not of the net paid to the workers)."""
        return self.gross_cost_change

    def summary(self) -> str:
        """A few lines for a notebook or a log."""
        lines = ["Cost by payer (EUR, gross):"]
        for payer, row in self.cost.iterrows():
            lines.append(
                f"  {payer:<13} {row['gross_baseline']:>16,} -> {row['gross_reform']:>16,}"
                f"  ({row['gross_change']:+,})"
            )
        lines.append("By component (EUR):")
        for component, row in self.cost_by_component.iterrows():
            lines.append(
                f"  {component:<19} {row['baseline']:>16,} -> {row['reform']:>16,}"
                f"  ({row['change']:+,})"
            )
        total = self.gainers + self.losers + self.unchanged
        lines.append(
            f"Workers: {self.gainers:,} gain, {self.losers:,} lose, {self.unchanged:,} unchanged "
            f"(of {total:,})"
        )
        quantiles = ", ".join(f"{q:.0%} {v:+}" for q, v in self.change_quantiles.items())
        lines.append(f"Change of net total per worker (EUR): {quantiles}")
        return "\n".join(lines)


def compare(
    frame: Any,
    year: int,
    month: int,
    baseline: ParameterSet,
    reform: ParameterSet,
    *,
    workers: int | None = None,
) -> Comparison:
    """Compute ``frame`` for ``year``-``month`` under ``baseline`` and ``reform`` and compare.

    One pass over the input: the table is validated and adapted once (a counter of the CP 124
    credit against the stricter credit of the two sets), then the kernel runs twice. ``frame``
    is any table :func:`compute_population` reads; ``baseline``, ``reform`` and ``rows`` are of
    its kind (pandas for pandas and for a mapping of arrays, on the frame's index; polars; an
    Arrow table for a Table or a RecordBatch), the summaries are small pandas frames.
    """
    check_call(year, month, workers)
    baseline, reform = parameter_set(baseline), parameter_set(reform)
    population, (figures_before, figures_after) = prepare(frame, year, month, [baseline, reform])
    before = run(population, figures_before, baseline, True, workers)
    after = run(population, figures_after, reform, True, workers)
    change = after["net_total_cents"] - before["net_total_cents"]
    source = population.source
    kind = "pandas" if source.kind == "mapping" else source.kind
    kind = "arrow" if kind == "arrow_batch" else kind
    index = source.index if source.index is not None else pd.RangeIndex(population.n)
    return Comparison(
        baseline=build_result(kind, dict(before), baseline.fingerprint(), index),
        reform=build_result(kind, dict(after), reform.fingerprint(), index),
        rows=build_result(kind, _rows(before, after, change), None, index),
        cost=_cost(before, after),
        cost_by_component=_components(before, after),
        gainers=int((change > 0).sum()),
        losers=int((change < 0).sum()),
        unchanged=int((change == 0).sum()),
        change_quantiles=_quantiles(change),
    )


def _rows(before: Columns, after: Columns, change: Any) -> dict[str, Any]:
    """Per row: the net before and after, and each payer's change."""
    return {
        "net_total_baseline_cents": before["net_total_cents"],
        "net_total_reform_cents": after["net_total_cents"],
        "net_total_change_cents": change,
        **{
            f"{payer}_gross_change_cents": after[f"{payer}_gross_cents"]
            - before[f"{payer}_gross_cents"]
            for payer in PAYERS
        },
    }


def _cost(before: Columns, after: Columns) -> pd.DataFrame:
    """Per payer: the gross paid and withheld, before and after (exact sums, in EUR)."""
    return pd.DataFrame(
        [
            {
                "payer": payer,
                "gross_baseline": _eur(_sum(before[f"{payer}_gross_cents"])),
                "gross_reform": _eur(_sum(after[f"{payer}_gross_cents"])),
                "gross_change": _eur(
                    _sum(after[f"{payer}_gross_cents"]) - _sum(before[f"{payer}_gross_cents"])
                ),
                "withholding_baseline": _eur(_sum(before[f"{payer}_withholding_cents"])),
                "withholding_reform": _eur(_sum(after[f"{payer}_withholding_cents"])),
            }
            for payer in PAYERS
        ]
    ).set_index("payer")


def _components(before: Columns, after: Columns) -> pd.DataFrame:
    """Per component of the month (allowance, top-up, supplement, withholding, net)."""
    return pd.DataFrame(
        [
            {
                "component": component,
                "baseline": _eur(_sum(before[f"{component}_cents"])),
                "reform": _eur(_sum(after[f"{component}_cents"])),
                "change": _eur(
                    _sum(after[f"{component}_cents"]) - _sum(before[f"{component}_cents"])
                ),
            }
            for component in _COMPONENTS
        ]
    ).set_index("component")


def _quantiles(change: Any) -> dict[float, Decimal]:
    """Quantiles of the change per row (the nearest rank below), in EUR."""
    if not len(change):
        return {}
    ordered = np.sort(change)
    positions = [int(q * (len(ordered) - 1)) for q in _QUANTILES]
    return {
        q: cents_to_decimal(int(ordered[i])) for q, i in zip(_QUANTILES, positions, strict=True)
    }


def _sum(cents: Any) -> int:
    """The exact sum of a column of cents (int64 holds 10**13 rows of 10**5 EUR)."""
    return int(np.asarray(cents, dtype=np.int64).sum())


def _eur(cents: int) -> Decimal:
    """Cents as EUR, built without arithmetic (the caller's decimal context plays no part)."""
    return cents_to_decimal(cents)
