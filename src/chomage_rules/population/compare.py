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
from ..explain.catalogue import Language, check_language
from ..parameters import ParameterSet
from .columns import Population
from .compute import check_call, prepare, run
from .html import summary_html
from .tables import build_result

__all__ = ["CHANGE_COLUMNS", "ChangeSummary", "Comparison", "Tally", "compare", "compare_rows"]

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
class ChangeSummary:
    """What every comparison sums up (:class:`Comparison` of a table, ``FileComparison`` of a
    file): the cost by payer and by component under each set, who gains and who loses (the
    fields are described with :class:`Comparison`)."""

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

    def html(self, lang: Language | str = "en") -> str:
        """The summary as a self-contained HTML fragment in English (``en``), French (``fr``)
        or Dutch (``nl``): cost by payer and by component, gainers and losers, quantiles."""
        return summary_html(self, check_language(lang))

    def _repr_html_(self) -> str:
        """How a notebook shows a comparison: :meth:`html` in English."""
        return self.html()


@dataclass(frozen=True)
class Comparison(ChangeSummary):
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
    tally = Tally()
    population, before, after, change = compare_rows(
        frame, (year, month), (baseline, reform), workers, tally
    )
    source = population.source
    kind = "pandas" if source.kind == "mapping" else source.kind
    kind = "arrow" if kind == "arrow_batch" else kind
    index = source.index if source.index is not None else pd.RangeIndex(population.n)
    return Comparison(
        baseline=build_result(kind, dict(before), baseline.fingerprint(), index),
        reform=build_result(kind, dict(after), reform.fingerprint(), index),
        rows=build_result(kind, change_rows(before, after, change), None, index),
        **tally.summaries(),
    )


def compare_rows(
    frame: Any,
    month: tuple[int, int],
    sets: tuple[ParameterSet, ParameterSet],
    workers: int | None,
    tally: Tally,
    first_row: int = 0,
) -> tuple[Population, dict[str, Any], dict[str, Any], Any]:
    """The one pass of a comparison: ``frame`` validated and adapted once, the kernel run under
    each set, the change of each row's net total, and the rows added to ``tally``: the
    population, the two sets' result columns (``detail=True``) and the change (numpy)."""
    population, (figures_before, figures_after) = prepare(
        frame, *month, list(sets), first_row, workers
    )
    before = run(population, figures_before, sets[0], True, workers)
    after = run(population, figures_after, sets[1], True, workers)
    change = after["net_total_cents"] - before["net_total_cents"]
    tally.add(before, after, change)
    return population, before, after, change


CHANGE_COLUMNS = (
    "net_total_baseline_cents",
    "net_total_reform_cents",
    "net_total_change_cents",
    *(f"{payer}_gross_change_cents" for payer in PAYERS),
)
"""The columns of ``Comparison.rows`` (cents)."""


def change_rows(before: Columns, after: Columns, change: Any) -> dict[str, Any]:
    """Per row: the net before and after, and each payer's change (:data:`CHANGE_COLUMNS`)."""
    gross = [after[f"{p}_gross_cents"] - before[f"{p}_gross_cents"] for p in PAYERS]
    values = [before["net_total_cents"], after["net_total_cents"], change, *gross]
    return dict(zip(CHANGE_COLUMNS, values, strict=True))


class Tally:
    """A comparison's summaries, added up over its rows a batch at a time, in memory that does
    not grow with the rows: exact sums of cents (Python integers) under each set, and how many
    rows have each change of their net total (the quantiles are then exact: a change is a whole
    number of cents, and there are at most as many distinct ones as a month's net has cents)."""

    def __init__(self) -> None:
        self.rows = 0
        self.before: dict[str, int] = dict.fromkeys(_SUMMED, 0)
        self.after: dict[str, int] = dict.fromkeys(_SUMMED, 0)
        self.changes: Any = np.zeros(0, dtype=np.int64)
        """The distinct changes so far, in order (cents)."""
        self.counts: Any = np.zeros(0, dtype=np.int64)
        """How many rows have each."""

    def add(self, before: Columns, after: Columns, change: Any) -> None:
        self.rows += len(change)
        for name in _SUMMED:
            self.before[name] += _sum(before[name])
            self.after[name] += _sum(after[name])
        values, counts = np.unique(change, return_counts=True)
        merged, positions = np.unique(np.concatenate([self.changes, values]), return_inverse=True)
        total = np.zeros(len(merged), dtype=np.int64)
        np.add.at(total, positions, np.concatenate([self.counts, counts]))
        self.changes, self.counts = merged, total

    def summaries(self) -> dict[str, Any]:
        """The fields of :class:`ChangeSummary`."""
        changes, counts = self.changes, self.counts
        return {
            "cost": _cost(self.before, self.after),
            "cost_by_component": _components(self.before, self.after),
            "gainers": int(counts[changes > 0].sum()),
            "losers": int(counts[changes < 0].sum()),
            "unchanged": int(counts[changes == 0].sum()),
            "change_quantiles": _ranked(changes, counts),
        }


def _cost(before: Columns, after: Columns) -> pd.DataFrame:
    """Per payer: the gross paid and withheld, before and after (exact sums, in EUR), from the
    result columns or from their sums."""
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
    """Per component of the month (allowance, top-up, supplement, withholding, net), from the
    result columns or from their sums."""
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


_SUMMED = (
    *(f"{payer}_{what}_cents" for payer in PAYERS for what in ("gross", "withholding")),
    *(f"{component}_cents" for component in _COMPONENTS),
)
"""The result columns a comparison's summaries sum."""


def _quantiles(change: Any) -> dict[float, Decimal]:
    """Quantiles of the change per row (the nearest rank below), in EUR."""
    return _ranked(*np.unique(change, return_counts=True))


def _ranked(changes: Any, counts: Any) -> dict[float, Decimal]:
    """The quantiles of rows of which ``counts[i]`` have the change ``changes[i]`` (in order):
    at each quantile q, the change of the row of rank ``int(q × (rows - 1))`` (from 0)."""
    rows = int(counts.sum())
    if not rows:
        return {}
    last_rank = np.cumsum(counts) - 1  # the rank of the last row of each change
    return {
        q: cents_to_decimal(int(changes[np.searchsorted(last_rank, int(q * (rows - 1)))]))
        for q in _QUANTILES
    }


def _sum(cents: Any) -> int:
    """The exact sum of a column of cents (int64 holds 10**13 rows of 10**5 EUR), or a sum."""
    if isinstance(cents, int):
        return cents
    return int(np.asarray(cents, dtype=np.int64).sum())


def _eur(cents: int) -> Decimal:
    """Cents as EUR, built without arithmetic (the caller's decimal context plays no part)."""
    return cents_to_decimal(cents)
