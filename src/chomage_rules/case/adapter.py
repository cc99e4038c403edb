"""The one adapter from the models to the rules' inputs (``kernel.KernelInputs``).

A worker-month arrives as validated models; the rules compute from exact integers. This module
totals the control card per reason (days at the usual hours, hours given day by day, frost days),
reads the counters as they stand at the start of the month (each rule says when its counter starts
again), and refuses what the models alone could not see: hours above the week's, more days in a
week than the worker works, more construction credit used than the credit in force. The
population engine builds the same inputs from a table (``population/columns.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from ..core.errors import input_error
from ..core.money import decimal_to_cents, hundredths
from ..core.vocabulary import REASONS, DayStatus, Reason
from ..kernel import KernelInputs, MonthFigures, Shown
from ..rules import construction, supplement, units
from .models import DayEntry, Employer, History, Month, Worker

__all__ = ["MonthTotals", "adapt", "month_totals"]


@dataclass(slots=True)
class MonthTotals:
    """The control card of a month, totalled per reason (what R4 and R6 need)."""

    days: dict[Reason, int] = field(default_factory=dict)
    """Days of temporary unemployment per reason."""
    default_days: dict[Reason, int] = field(default_factory=dict)
    """Of those, days at the worker's usual hours (Q / days_per_week)."""
    explicit_h: dict[Reason, int] = field(default_factory=dict)
    """Hours, in hundredths, of the days whose hours were given one by one."""
    frost_days: int = 0
    """Construction-eligible days in a recognised frost period (R6)."""
    frost_default_days: dict[Reason, int] = field(default_factory=dict)
    """Of those, per reason, days at the worker's usual hours."""
    frost_explicit_h: dict[Reason, int] = field(default_factory=dict)
    """Per reason, hours in hundredths of the frost days whose hours were given one by one."""
    others: dict[DayStatus, int] = field(default_factory=dict)
    """Days of the card that are not temporary unemployment, per status."""
    outside_working_week: tuple[date, ...] = ()
    """Days of temporary unemployment on a Saturday or a Sunday of a five-day worker (R4: told in
    a notice, not refused)."""


def month_totals(worker: Worker, month: Month) -> MonthTotals:
    """Total a month's days per reason; ValidationError for a day's hours above the week's, or a
    week with more days of temporary unemployment than the worker's working days."""
    totals = MonthTotals()
    days, default_days, explicit_h = totals.days, totals.default_days, totals.explicit_h
    unemployed = []
    for index, entry in enumerate(month.days):
        if entry.status is not DayStatus.TEMPORARY_UNEMPLOYMENT:
            totals.others[entry.status] = totals.others.get(entry.status, 0) + 1
            continue
        unemployed.append(entry.day)
        reason: Reason = entry.reason  # type: ignore[assignment]  # the model requires it
        days[reason] = days.get(reason, 0) + 1
        hours = None if entry.hours is None else _hours_of_a_day(worker, entry, index)
        _count(default_days, explicit_h, reason, hours)
        if construction.counts_as_frost(reason, entry.frost_period):
            totals.frost_days += 1
            _count(totals.frost_default_days, totals.frost_explicit_h, reason, hours)
    for monday, count in units.overfull_weeks(unemployed, worker.days_per_week):
        raise input_error(
            "Month",
            ("month", "days"),
            f"the week of {monday.isoformat()} has {count} days of temporary unemployment, "
            f"more than the worker's {worker.days_per_week} working days a week",
            count,
        )
    totals.outside_working_week = units.days_outside_the_working_week(
        unemployed, worker.days_per_week
    )
    return totals


def _count(
    default_days: dict[Reason, int],
    explicit_h: dict[Reason, int],
    reason: Reason,
    hours: int | None,
) -> None:
    """One day of ``reason``: a day at the usual hours, or ``hours`` hundredths given for it."""
    if hours is None:
        default_days[reason] = default_days.get(reason, 0) + 1
    else:
        explicit_h[reason] = explicit_h.get(reason, 0) + hours


def _hours_of_a_day(worker: Worker, entry: DayEntry, index: int) -> int:
    """A day's hours, in hundredths; ValidationError for more than the worker's whole week."""
    hours: Decimal = entry.hours  # type: ignore[assignment]  # the caller checked
    if hours > worker.weekly_hours:
        raise input_error(
            "Month",
            ("month", "days", index, "hours"),
            f"{hours} hours on {entry.day.isoformat()} is more than the worker's whole "
            f"week ({worker.weekly_hours} hours)",
            str(hours),
        )
    return hundredths(hours)


def _half_units(counter: Decimal) -> int:
    return decimal_to_cents(counter) // 50  # a History counter holds whole or half units


def _cents(amount: Decimal | None) -> int:
    return 0 if amount is None else decimal_to_cents(amount)


class _Counters(NamedTuple):
    supplement: int
    supplement_reset: bool
    credit: int
    credit_reset: bool


def _counters(history: History, first_day: date, f: MonthFigures) -> _Counters:
    """The History counters as they stand at the start of the month, after any restart; a
    ValidationError for more construction credit used than the credit in force."""
    supplement_prior, supplement_reset = supplement.prior_units(
        _half_units(history.supplement_units), history.through, first_day
    )
    credit_prior, credit_reset = construction.prior_credit(
        _half_units(history.cp124_credit_used), history.through, first_day
    )
    if construction.credit_exceeded(credit_prior, f.construction):
        credit = f.construction.credit_half_units or 0
        raise input_error(
            "History",
            ("history", "cp124_credit_used"),
            f"{history.cp124_credit_used} construction units used is more than the credit of "
            f"{credit / 2:g} units a service year in force on {first_day.isoformat()}",
            str(history.cp124_credit_used),
        )
    return _Counters(supplement_prior, supplement_reset, credit_prior, credit_reset)


def adapt(
    worker: Worker, employer: Employer, month: Month, history: History, f: MonthFigures
) -> tuple[KernelInputs, Shown]:
    """The rules' inputs for one worker-month, and what its explanation shows besides."""
    first_day = month.first_day
    counters = _counters(history, first_day, f)
    totals = month_totals(worker, month)
    reasons = [r for r in REASONS if r in totals.days]  # in the order of the enum
    category = worker.cp124_category
    inputs = KernelInputs(
        monthly_wage_cents=_cents(worker.monthly_gross_wage),
        hourly_wage_cents=_cents(worker.hourly_wage),
        weekly_hours_h=hundredths(worker.weekly_hours),
        days_per_week=worker.days_per_week,
        uses_full_time_hours=units.counts_against_full_time(worker.regime),
        full_time_weekly_hours_h=_cents(worker.full_time_weekly_hours),
        default_days={r: totals.default_days.get(r, 0) for r in reasons},
        explicit_hours_h={r: totals.explicit_h.get(r, 0) for r in reasons},
        frost_default_days=totals.frost_default_days,
        frost_explicit_hours_h=totals.frost_explicit_h,
        prior_supplement_half_units=counters.supplement,
        prior_credit_half_units=counters.credit,
        in_construction_committee=construction.in_joint_committee(employer.joint_committee),
        has_legitimation_card=worker.has_legitimation_card,
        has_category=category is not None,
        category_code=0 if category is None else construction.CATEGORIES.index(category),
        agreement_guarantees_supplement=employer.agreement_guarantees_supplement,
        supplement_paid_by_fund=employer.supplement_paid_by_fund,
        employer_declared=month.employer_declared,
        card_submitted=month.card_submitted,
    )
    shown = Shown(
        days_by_reason={r: totals.days[r] for r in reasons},
        other_days=totals.others,
        frost_days=totals.frost_days,
        joint_committee=employer.joint_committee,
        category=category,
        supplement_reset=counters.supplement_reset,
        credit_reset=counters.credit_reset,
        service_year=construction.service_year_start(first_day),
        outside_working_week=totals.outside_working_week,
    )
    return inputs, shown
