"""The explanation of one worker-month: each rule's steps and notices, in the rulebook's order."""

from __future__ import annotations

from ..explain.step import Notice, Step
from ..rules import (
    allowance,
    construction,
    counters,
    daily_wage,
    dated_figures,
    energy_supplement,
    minimum,
    payment_status,
    rate,
    supplement,
    units,
    withholding,
)
from .inputs import KernelInputs, KernelOutputs, MonthFigures, Shown

__all__ = ["explain_kernel"]


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
    steps += dated_figures.steps(f.month, steps)  # R9: every figure read, with its confidence
    # R8's notices (what holds the payment, and what to do) need the month's dates and facts:
    # case/process.py raises them with the payment's timing
    notices = (
        *units.notices(shown.outside_working_week),
        *building_notices,
        *dated_figures.notices(f.month, steps),
    )
    return steps, notices


def _allowance_steps(
    x: KernelInputs, shown: Shown, f: MonthFigures, k: KernelOutputs
) -> tuple[Step, ...]:
    """The days, R1, R2, R3, R4 and the allowance's lines (R0)."""
    reasons = tuple(shown.days_by_reason)
    groups = rate.groups_shown(f.rate, reasons)
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
            divisor_hours_h=int(k.units.divisor_hours),
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
