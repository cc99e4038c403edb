"""The month's computation: the rules chained once, for one worker or for whole columns.

``compute_kernel`` calls the rules of ``rules/`` in the rulebook's order (R4 before R2, whose
rates are checked against the units) and holds no rule of its own. ``compute_month`` runs it on
Python ints (:data:`~chomage_rules.core.ops.SCALAR`); ``compute_population`` on numpy int64
columns: one definition of each rule, so the two cannot drift (docs/decisions.md, D23).
``explain_kernel`` asks each rule for its steps and notices, in the same order.

Units are carried in **half units**, amounts in **cents**, hours in hundredths of an hour.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from .core import memo
from .core.ops import SCALAR, Flag, Num, Ops, add
from .core.vocabulary import Cp124Category, DayStatus, Reason
from .explain.step import Notice, Step
from .parameters import ParameterSet
from .parameters.month import MonthParameters, resolve_month
from .rules import (
    allowance,
    construction,
    counters,
    daily_wage,
    energy_supplement,
    figures,
    minimum,
    payment_status,
    rate,
    supplement,
    units,
    withholding,
)

__all__ = [
    "KernelInputs",
    "KernelOutputs",
    "MonthFigures",
    "Shown",
    "compute_kernel",
    "explain_kernel",
    "month_figures",
]


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
    frost_default_days: Num
    frost_explicit_hours_h: Num
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


def compute_kernel(ops: Ops, x: KernelInputs, f: MonthFigures) -> KernelOutputs:
    """Rulebook R1-R8 for one month, on exact integers (one value or columns)."""
    wage = daily_wage.compute(  # R1
        ops,
        f.daily_wage,
        monthly_wage_cents=x.monthly_wage_cents,
        hourly_wage_cents=x.hourly_wage_cents,
        weekly_hours_h=x.weekly_hours_h,
    )
    month_units = units.compute(  # R4
        ops,
        default_days=x.default_days,
        explicit_hours_h=x.explicit_hours_h,
        weekly_hours_h=x.weekly_hours_h,
        days_per_week=x.days_per_week,
        uses_full_time_hours=x.uses_full_time_hours,
        full_time_weekly_hours_h=x.full_time_weekly_hours_h,
    )
    by_reason = month_units.half_units
    group_units = rate.units_by_group(ops, f.rate, by_reason)  # R2
    before = rate.daily_amounts(f.rate, wage)
    daily = minimum.apply(ops, f.minimum, before)  # R3
    paid = allowance.compute(group_units, daily)  # R0 (2)
    extra = supplement.compute(  # R5
        ops,
        f.supplement,
        by_reason,
        monthly_wage_cents=x.monthly_wage_cents,
        hourly_wage_cents=x.hourly_wage_cents,
        weekly_hours_h=x.weekly_hours_h,
        divisor=f.daily_wage.divisor,
        prior_half_units=x.prior_supplement_half_units,
        agreement_guarantees_supplement=x.agreement_guarantees_supplement,
        paid_by_fund=x.supplement_paid_by_fund,
    )
    energy = energy_supplement.compute(ops, f.energy, by_reason)
    build = construction.compute(  # R6
        ops,
        f.construction,
        by_reason,
        month_units.scale,
        in_joint_committee=x.in_construction_committee,
        has_legitimation_card=x.has_legitimation_card,
        has_category=x.has_category,
        category_code=x.category_code,
        frost_default_days=x.frost_default_days,
        frost_explicit_hours_h=x.frost_explicit_hours_h,
        prior_credit_half_units=x.prior_credit_half_units,
    )
    payments = withholding.compute(  # R7
        f.withholding,
        allowance=paid.gross,
        sector_top_up=build.sector_top_up,
        employer_part=add(extra.by_employer, energy.amount),
        fund_part=extra.by_fund,
    )
    status = payment_status.compute(ops, x.employer_declared, x.card_submitted)  # R8
    return KernelOutputs(
        wage, month_units, group_units, before, daily, paid, extra, energy, build, payments, status
    )


def explain_kernel(
    x: KernelInputs, shown: Shown, f: MonthFigures, k: KernelOutputs
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """The steps of one worker-month, each from the rule that computed it, and its notices."""
    building, building_notices = _construction_steps(x, shown, f, k)
    steps = (*_allowance_steps(x, shown, f, k), *_supplement_steps(x, shown, f, k), *building)
    steps += withholding.steps(
        f.withholding,
        k.payments,
        allowance=int(k.allowance.gross),
        sector_top_up=int(k.construction.sector_top_up),
    )
    declared, submitted = bool(x.employer_declared), bool(x.card_submitted)
    steps += payment_status.steps(k.status, employer_declared=declared, card_submitted=submitted)
    steps += counters.steps(
        supplement_prior=int(x.prior_supplement_half_units),
        supplement_reset=shown.supplement_reset,
        supplement_counted=k.supplement.eligible,
        supplement_after=k.supplement.counted_after,
        service_year=shown.service_year,
        credit_prior=int(x.prior_credit_half_units),
        credit_reset=shown.credit_reset,
        credit_covered=k.construction.covered,
        credit_after=k.construction.credit_used_after,
    )
    notices = (
        *building_notices,
        *payment_status.notices(employer_declared=declared, card_submitted=submitted),
        *figures.notices(f.month, steps),
    )
    return steps, notices


def _allowance_steps(
    x: KernelInputs, shown: Shown, f: MonthFigures, k: KernelOutputs
) -> tuple[Step, ...]:
    """The days, R1, R2, R3, R4 and the allowance's lines (R0)."""
    reasons = tuple(shown.days_by_reason)
    groups = tuple(g for g in rate.RATE_GROUPS if any(rate.GROUP_OF[r] is g for r in reasons))
    divisor_hours = units.divisor_hours(
        SCALAR, x.weekly_hours_h, x.uses_full_time_hours, x.full_time_weekly_hours_h
    )
    return (
        units.days_step(shown.days_by_reason, shown.other_days),
        *daily_wage.steps(
            f.daily_wage,
            k.wage,
            monthly_wage_cents=int(x.monthly_wage_cents),
            hourly_wage_cents=int(x.hourly_wage_cents),
            weekly_hours_h=int(x.weekly_hours_h),
        ),
        *rate.steps(f.rate, k.wage, k.daily_before_minimum, reasons=reasons, groups=groups),
        *minimum.steps(f.minimum, k.daily_before_minimum, k.daily, groups),
        *units.steps(
            k.units,
            days_by_reason=shown.days_by_reason,
            default_days=x.default_days,
            explicit_hours_h=x.explicit_hours_h,
            weekly_hours_h=int(x.weekly_hours_h),
            days_per_week=int(x.days_per_week),
            divisor_hours_h=int(divisor_hours),
            divisor_is_full_time=bool(x.uses_full_time_hours),
        ),
        *allowance.steps(k.allowance, k.group_units, k.daily, groups),
    )


def _supplement_steps(
    x: KernelInputs, shown: Shown, f: MonthFigures, k: KernelOutputs
) -> tuple[Step, ...]:
    """R5: the employer supplement and the energy-crisis supplement."""
    return (
        *supplement.steps(
            f.supplement,
            k.supplement,
            k.units.half_units,
            reasons=tuple(shown.days_by_reason),
            monthly_wage_cents=int(x.monthly_wage_cents),
            hourly_wage_cents=int(x.hourly_wage_cents),
            weekly_hours_h=int(x.weekly_hours_h),
            divisor=f.daily_wage.divisor,
            prior_half_units=int(x.prior_supplement_half_units),
            agreement_guarantees_supplement=bool(x.agreement_guarantees_supplement),
            paid_by_fund=bool(x.supplement_paid_by_fund),
        ),
        *energy_supplement.steps(f.energy, k.energy),
    )


def _construction_steps(
    x: KernelInputs, shown: Shown, f: MonthFigures, k: KernelOutputs
) -> tuple[tuple[Step, ...], tuple[Notice, ...]]:
    """R6: the construction top-up, its frost units and its credit."""
    return construction.steps(
        f.construction,
        k.construction,
        joint_committee=shown.joint_committee,
        has_legitimation_card=bool(x.has_legitimation_card),
        category=shown.category,
        frost_days=shown.frost_days,
        prior_credit_half_units=int(x.prior_credit_half_units),
        credit_reset=shown.credit_reset,
        service_year=shown.service_year,
    )
