"""Build a population table from the models ``compute_month`` takes.

A payment body that holds its workers as ``Worker``/``Employer``/``Month``/``History`` objects
turns them into the input columns here, with the same day totals (``case.adapter.month_totals``)
and the same counter restarts (each counter's rule) as ``compute_month``, so one row computes exactly
what ``compute_month`` computes for its case.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..case.adapter import month_totals
from ..case.models import Employer, History, Month, Worker
from ..core.money import decimal_to_cents, hundredths
from ..core.vocabulary import Reason
from ..rules import construction, supplement
from .columns import COLUMNS

__all__ = ["frame_from_cases"]


def frame_from_cases(
    cases: Iterable[tuple[Worker, Employer, Month, History | None]],
    index: Iterable[Any] | None = None,
) -> pd.DataFrame:
    """One row per ``(worker, employer, month, history)``; all months must be the same month.

    Raises ``ValueError`` if the months differ (a population is computed for one month).
    """
    rows: dict[str, list[Any]] = {column.name: [] for column in COLUMNS}
    period: tuple[int, int] | None = None
    for worker, employer, month, history in cases:
        if period is None:
            period = (month.year, month.month)
        elif period != (month.year, month.month):
            raise ValueError(
                f"every case must be for the same month: {period[0]}-{period[1]:02d} and "
                f"{month.year}-{month.month:02d} are mixed"
            )
        row = _row(worker, employer, month, history or History())
        for name, values in rows.items():
            values.append(row[name])
    frame = pd.DataFrame(rows, index=None if index is None else list(index))
    for column in COLUMNS:
        if column.kind in ("cents", "hundredths", "count"):
            frame[column.name] = frame[column.name].astype(np.int64)
        elif column.kind == "flag":
            frame[column.name] = frame[column.name].astype(bool)
        elif column.kind == "half_units":
            frame[column.name] = frame[column.name].astype(np.float64)  # halves: exact
    return frame


def _row(worker: Worker, employer: Employer, month: Month, history: History) -> dict[str, Any]:
    """One case as a row of the input table, its counters as they stand at the month's start."""
    first_day = date(month.year, month.month, 1)
    totals = month_totals(worker, month)
    supplement_units, _ = supplement.prior_units(
        decimal_to_cents(history.supplement_units) // 50, history.through, first_day
    )
    credit_used, _ = construction.prior_credit(
        decimal_to_cents(history.cp124_credit_used) // 50, history.through, first_day
    )
    row: dict[str, Any] = {
        "monthly_wage_cents": _cents_or_zero(worker.monthly_gross_wage),
        "hourly_wage_cents": _cents_or_zero(worker.hourly_wage),
        "weekly_hours_hundredths": hundredths(worker.weekly_hours),
        "days_per_week": worker.days_per_week,
        "regime": worker.regime.value,
        "full_time_weekly_hours_hundredths": _cents_or_zero(worker.full_time_weekly_hours),
        "prior_supplement_units": supplement_units / 2,
        "cp124_credit_used": credit_used / 2,
        "joint_committee": employer.joint_committee,
        "has_legitimation_card": worker.has_legitimation_card,
        "cp124_category": None if worker.cp124_category is None else worker.cp124_category.value,
        "agreement_guarantees_supplement": employer.agreement_guarantees_supplement,
        "supplement_paid_by_fund": employer.supplement_paid_by_fund,
        "employer_declared": month.employer_declared,
        "card_submitted": month.card_submitted,
    }
    for reason in Reason:
        row[f"days_{reason.value}"] = totals.default_days.get(reason, 0)
        row[f"hours_{reason.value}_hundredths"] = totals.explicit_h.get(reason, 0)
    for reason in construction.ELIGIBLE_IN_ORDER:
        row[f"frost_days_{reason.value}"] = totals.frost_default_days.get(reason, 0)
        row[f"frost_hours_{reason.value}_hundredths"] = totals.frost_explicit_h.get(reason, 0)
    return row


def _cents_or_zero(amount: Any) -> int:
    return 0 if amount is None else decimal_to_cents(amount)
