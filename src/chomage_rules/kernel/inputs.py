"""What the kernel reads and returns: a month's figures, the inputs of one worker-month (or of
columns), what the explanation shows besides, and what each rule computed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from ..core import memo
from ..core.ops import Flag, Num, add
from ..core.vocabulary import Cp124Category, DayStatus, Reason
from ..parameters import ParameterSet
from ..parameters.month import MonthParameters, resolve_month
from ..rules import (
    allowance,
    construction,
    daily_wage,
    energy_supplement,
    minimum,
    rate,
    supplement,
    units,
    withholding,
)

__all__ = ["KernelInputs", "KernelOutputs", "MonthFigures", "Shown", "month_figures"]


class MonthFigures(NamedTuple):
    """Each rule's figures for one month, read once from a ParameterSet."""

    month: MonthParameters
    daily_wage: daily_wage.Figures
    rate: rate.Figures
    minimum: minimum.Figures
    supplement: supplement.Figures
    energy: energy_supplement.Figures
    construction: construction.Figures
    withholding: withholding.Figures


def month_figures(parameters: ParameterSet, first_day: date) -> MonthFigures:
    """The figures of the month starting ``first_day``; ParameterNotCovered where a figure every
    worker needs is not in force. Kept for the set's life (:mod:`chomage_rules.core.memo`)."""

    def read() -> MonthFigures:
        p = resolve_month(parameters, first_day)
        return MonthFigures(
            p,
            daily_wage.figures(p),
            rate.figures(p),
            minimum.figures(p),
            supplement.figures(p),
            energy_supplement.figures(p),
            construction.figures(p),
            withholding.figures(p),
        )

    return memo.derived(parameters, ("month", first_day), read)


@dataclass(slots=True)
class KernelInputs:
    """One worker-month (Python ints and bools) or a column of them (numpy arrays).

    Built from the models by ``case/adapter.py`` and from a table by ``population/columns.py``.
    """

    monthly_wage_cents: Num
    """0 for a worker paid by the hour."""
    hourly_wage_cents: Num
    """0 for a worker paid by the month."""
    weekly_hours_h: Num
    days_per_week: Num
    uses_full_time_hours: Flag
    full_time_weekly_hours_h: Num
    default_days: dict[Reason, Num]
    """Per reason in the month (or the population): days at the worker's usual hours."""
    explicit_hours_h: dict[Reason, Num]
    """Per reason, hours given day by day (the same reasons as ``default_days``; a literal 0
    where none are)."""
    frost_default_days: Mapping[Reason, Num]
    """Per construction-eligible reason, its days at usual hours in a recognised frost period
    (a reason without any may be left out)."""
    frost_explicit_hours_h: Mapping[Reason, Num]
    """Per construction-eligible reason, its hours given day by day in a frost period."""
    prior_supplement_half_units: Num
    prior_credit_half_units: Num
    in_construction_committee: Flag
    has_legitimation_card: Flag
    has_category: Flag
    category_code: Num
    agreement_guarantees_supplement: Flag
    supplement_paid_by_fund: Flag
    employer_declared: Flag
    card_submitted: Flag


class Shown(NamedTuple):
    """What the explanation of one worker-month shows besides what the rules computed from."""

    days_by_reason: Mapping[Reason, int]
    other_days: Mapping[DayStatus, int]
    frost_days: int
    joint_committee: str
    category: Cp124Category | None
    supplement_reset: bool
    credit_reset: bool
    service_year: date
    outside_working_week: tuple[date, ...] = ()
    """Days of temporary unemployment on a Saturday or a Sunday of a five-day worker (R4's
    notice; a population row has no dates)."""


class KernelOutputs(NamedTuple):
    """What each rule computed (amounts in cents, units in half units)."""

    wage: daily_wage.DailyWage
    units: units.Units
    group_units: dict[rate.RateGroup, Num]
    daily_before_minimum: dict[rate.RateGroup, Num]
    daily: dict[rate.RateGroup, Num]
    allowance: allowance.Allowance
    supplement: supplement.Supplement
    energy: energy_supplement.EnergySupplement
    construction: construction.Construction
    payments: withholding.Payments
    status: Num

    @property
    def employer_supplement(self) -> Num:
        """The 2024 supplement and the energy scheme's, whoever pays them."""
        return employer_supplement(self.supplement, self.energy)

    @property
    def supplement_units_paid(self) -> Num:
        """Units that got the 2024 supplement or the energy scheme's."""
        return supplement_units_paid(self.supplement, self.energy)


def employer_supplement(
    extra: supplement.Supplement, energy: energy_supplement.EnergySupplement
) -> Num:
    """The 2024 supplement and the energy scheme's, whoever pays them."""
    return add(extra.amount, energy.amount)


def supplement_units_paid(
    extra: supplement.Supplement, energy: energy_supplement.EnergySupplement
) -> Num:
    """Units that got the 2024 supplement or the energy scheme's."""
    return add(extra.paid, energy.units)
