"""The month's computation: the rules chained once, for one worker or for whole columns.

``compute_kernel`` calls the rules of ``rules/`` in the rulebook's order (R4 before R2, whose
rates are checked against the units) and holds no rule of its own. ``compute_month`` runs it on
Python ints (:data:`~chomage_rules.core.ops.SCALAR`); ``compute_population`` on numpy int64
columns: one definition of each rule, so the two cannot drift (docs/decisions.md, D23). Units are
carried in half units, amounts in cents, hours in hundredths of an hour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..core.ops import Num, Ops, add
from ..core.vocabulary import Reason
from ..rules import (
    allowance,
    construction,
    daily_wage,
    energy_supplement,
    minimum,
    payment_status,
    rate,
    supplement,
    units,
    withholding,
)
from .inputs import KernelInputs, KernelOutputs, MonthFigures

__all__ = ["Sink", "compute_kernel"]

Sink = Callable[[str, object], None]
"""Told each rule's result as soon as the rule has computed it, by its field of
:class:`KernelOutputs` (``group_units``, ``daily``, ``allowance``, ``supplement``, ``energy``,
``construction``, ``payments``, ``status``): the population engine copies result columns out of
a chunk while they are still in the processor's cache (about 4 ms of 55 at 1M rows)."""


def _ignore(_: str, __: object) -> None:
    """No sink: ``compute_month`` reads the outputs at the end."""


def compute_kernel(
    ops: Ops, x: KernelInputs, f: MonthFigures, sink: Sink = _ignore
) -> KernelOutputs:
    """Rulebook R1-R8 for one month, on exact integers (one value or columns); ``sink`` is told
    each rule's result as it comes (:data:`Sink`)."""
    wage = daily_wage.compute(  # R1
        ops,
        f.daily_wage,
        monthly_wage_cents=x.monthly_wage_cents,
        hourly_wage_cents=x.hourly_wage_cents,
        weekly_hours_h=x.weekly_hours_h,
    )
    month_units = _units(ops, x)  # R4
    by_reason = month_units.half_units
    group_units = rate.units_by_group(ops, f.rate, by_reason)  # R2
    sink("group_units", group_units)
    before = rate.daily_amounts(f.rate, wage)
    daily = minimum.apply(ops, f.minimum, before)  # R3
    sink("daily", daily)
    paid = allowance.compute(group_units, daily)  # R0 (2)
    sink("allowance", paid)
    extra = _supplement(ops, x, f, by_reason)  # R5
    sink("supplement", extra)
    energy = energy_supplement.compute(ops, f.energy, by_reason)
    sink("energy", energy)
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
    sink("construction", build)
    payments = withholding.compute(  # R7
        f.withholding,
        allowance=paid.gross,
        sector_top_up=build.sector_top_up,
        employer_part=add(extra.by_employer, energy.by_employer),
        fund_part=add(extra.by_fund, energy.by_fund),
    )
    sink("payments", payments)
    status = payment_status.compute(ops, x.employer_declared, x.card_submitted)  # R8
    sink("status", status)
    return KernelOutputs(
        wage, month_units, group_units, before, daily, paid, extra, energy, build, payments, status
    )


def _units(ops: Ops, x: KernelInputs) -> units.Units:
    """R4 on the month's inputs."""
    return units.compute(
        ops,
        default_days=x.default_days,
        explicit_hours_h=x.explicit_hours_h,
        weekly_hours_h=x.weekly_hours_h,
        days_per_week=x.days_per_week,
        uses_full_time_hours=x.uses_full_time_hours,
        full_time_weekly_hours_h=x.full_time_weekly_hours_h,
    )


def _supplement(
    ops: Ops, x: KernelInputs, f: MonthFigures, by_reason: Mapping[Reason, Num]
) -> supplement.Supplement:
    """R5 on the month's inputs and units."""
    return supplement.compute(
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
