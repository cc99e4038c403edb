"""``compute_month`` and ``compute_months``: one worker, one month (or several in a row).

The engine turns the models into exact integers (:class:`~chomage_rules.kernel.KernelInputs`),
runs the kernel — the same code the population engine runs over columns — and builds the result and
its explanation from the kernel's intermediate values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version

from .core.errors import input_error
from .core.money import cents_to_decimal, decimal_to_cents, hundredths
from .core.ops import SCALAR
from .derivation import Context
from .kernel import (
    REASONS,
    KernelInputs,
    KernelOutputs,
    compute_kernel,
    unit_numerator,
    unit_scale,
)
from .models import (
    REGIMES_USING_FULL_TIME_HOURS,
    DayStatus,
    Employer,
    History,
    Month,
    PaymentStatus,
    Reason,
    Worker,
)
from .month_parameters import CATEGORY_ORDER, MonthParameters, month_parameters
from .parameters import ParameterSet
from .result import AllowanceLine, MonthResult, Payment
from .rules import payment_status
from .rules.reasons import RateGroup, rules_for

__all__ = [
    "CONSTRUCTION_JOINT_COMMITTEE",
    "CONSTRUCTION_REASONS",
    "STATUS_BY_CODE",
    "MonthTotals",
    "PriorCounters",
    "compute_month",
    "compute_months",
    "month_totals",
    "prior_counters",
    "service_year_start",
]

CONSTRUCTION_JOINT_COMMITTEE = "124"
_EMPTY_HISTORY = History()
STATUS_BY_CODE = {  # the kernel's status codes (rules.payment_status) as PaymentStatus
    payment_status.PAYABLE: PaymentStatus.PAYABLE,
    payment_status.AWAITING_EMPLOYER_DECLARATION: PaymentStatus.AWAITING_EMPLOYER_DECLARATION,
    payment_status.AWAITING_CONTROL_CARD: PaymentStatus.AWAITING_CONTROL_CARD,
}
CONSTRUCTION_REASONS = frozenset(r for r in REASONS if rules_for(r).construction)

try:
    LIBRARY_VERSION = package_version("chomage-rules")
except PackageNotFoundError:  # running from a source tree
    LIBRARY_VERSION = "0+unknown"


def service_year_start(on: date) -> date:
    """The 1 October that opens the construction service year containing ``on`` (R6)."""
    return date(on.year if on.month >= 10 else on.year - 1, 10, 1)


@dataclass(frozen=True, slots=True)
class PriorCounters:
    """The History counters that apply to a month, in half units, after any reset."""

    supplement_half_units: int
    credit_half_units: int
    service_year_start: date
    supplement_reset: bool
    """A non-zero supplement counter was dropped: the month is in a later calendar year."""
    credit_reset: bool
    """A non-zero credit counter was dropped: the month is in a later service year."""


def prior_counters(history: History, first_day: date) -> PriorCounters:
    """The counters of ``history`` as they stand at the start of the month beginning ``first_day``.

    The supplement counter runs per calendar year (R5), the construction credit per service year
    from 1 October (R6); a counter recorded in an earlier year starts again from zero.
    """
    same_year = history.through is None or history.through.year == first_day.year
    sy_start = service_year_start(first_day)
    same_service_year = history.through is None or history.through >= sy_start
    return PriorCounters(
        supplement_half_units=decimal_to_cents(history.supplement_units) // 50 if same_year else 0,
        credit_half_units=(
            decimal_to_cents(history.cp124_credit_used) // 50 if same_service_year else 0
        ),
        service_year_start=sy_start,
        supplement_reset=not same_year and history.supplement_units > 0,
        credit_reset=not same_service_year and history.cp124_credit_used > 0,
    )


def compute_month(
    worker: Worker,
    employer: Employer,
    month: Month,
    history: History | None = None,
    *,
    parameters: ParameterSet | None = None,
) -> MonthResult:
    """Compute and explain one month of temporary-unemployment benefits for one worker.

    ``history`` holds the worker's counters with this employer before the month (see
    :class:`~chomage_rules.models.History`); ``parameters`` defaults to the shipped figures.
    Raises ``pydantic.ValidationError`` for inconsistent inputs and
    :class:`~chomage_rules.errors.ParameterNotCovered` for a month no figure covers.
    """
    parameters = ParameterSet.default() if parameters is None else parameters
    history = _EMPTY_HISTORY if history is None else history
    first_day = month.first_day
    if history.through is not None and history.through >= first_day:
        raise input_error(
            "History",
            ("history", "through"),
            f"the counters run through {history.through.isoformat()}, which is not before the month "
            f"{first_day:%Y-%m} they are applied to",
            history.through.isoformat(),
        )
    p = month_parameters(parameters, first_day)
    counters = prior_counters(history, first_day)
    _check_credit_used(history, counters, first_day, p)
    context, inputs = _prepare(worker, employer, month, counters)
    k = compute_kernel(SCALAR, inputs, p)
    return _result(worker, employer, month, history, parameters, context, p, k)


def _check_credit_used(
    history: History, counters: PriorCounters, first_day: date, p: MonthParameters
) -> None:
    """The construction credit used cannot exceed the credit in force (R6): a ValidationError."""
    used = counters.credit_half_units
    if p.credit_half_units is not None and used > p.credit_half_units:
        raise input_error(
            "History",
            ("history", "cp124_credit_used"),
            f"{history.cp124_credit_used} construction units used is more than the credit of "
            f"{p.credit_half_units / 2:g} units a service year in force on {first_day.isoformat()}",
            str(history.cp124_credit_used),
        )


def compute_months(
    worker: Worker,
    employer: Employer,
    months: Iterable[Month],
    history: History | None = None,
    *,
    parameters: ParameterSet | None = None,
) -> list[MonthResult]:
    """Compute several months in order, each starting from the counters the previous one left."""
    results = []
    for month in months:
        result = compute_month(worker, employer, month, history, parameters=parameters)
        history = result.history_after
        results.append(result)
    return results


@dataclass(frozen=True, slots=True)
class MonthTotals:
    """The control card of a month, totalled per reason (what R4 needs)."""

    days: dict[Reason, int]
    """Days of temporary unemployment per reason, in the order of the enum."""
    default_days: dict[Reason, int]
    """Of those, days at the worker's usual hours (Q / days_per_week)."""
    explicit_h: dict[Reason, int]
    """Hours, in hundredths, of the days whose hours were given one by one."""
    frost_days: int
    """Construction-eligible days in a recognised frost period (R6)."""
    frost_default_days: int
    frost_explicit_h: int
    others: dict[DayStatus, int]
    """Days of the card that are not temporary unemployment, per status."""


def month_totals(worker: Worker, month: Month) -> MonthTotals:
    """Total a month's days per reason; ValidationError for a day's hours above the week's."""
    default_days: dict[Reason, int] = {}
    explicit_h: dict[Reason, int] = {}
    days: dict[Reason, int] = {}
    others: dict[DayStatus, int] = {}
    frost_days = frost_default_days = frost_explicit_h = 0
    per_week: dict[int, int] = {}  # by week number: day ordinal // 7 (0001-01-01 was a Monday)
    unemployed = DayStatus.TEMPORARY_UNEMPLOYMENT
    for index, entry in enumerate(month.days):
        status = entry.status
        if status is not unemployed:
            others[status] = others.get(status, 0) + 1
            continue
        week = (entry.day.toordinal() - 1) // 7
        per_week[week] = per_week.get(week, 0) + 1
        reason: Reason = entry.reason  # type: ignore[assignment]  # the model requires it
        hours = entry.hours
        frost = entry.frost_period and reason in CONSTRUCTION_REASONS
        days[reason] = days.get(reason, 0) + 1
        frost_days += frost
        if hours is None:
            default_days[reason] = default_days.get(reason, 0) + 1
            frost_default_days += frost
            continue
        if hours > worker.weekly_hours:
            raise input_error(
                "Month",
                ("month", "days", index, "hours"),
                f"{hours} hours on {entry.day.isoformat()} is more than the worker's whole "
                f"week ({worker.weekly_hours} hours)",
                str(hours),
            )
        explicit_h[reason] = explicit_h.get(reason, 0) + hundredths(hours)
        if frost:
            frost_explicit_h += hundredths(hours)
    for week, count in per_week.items():
        # a worker cannot lose more working days in a week than the week has (the eC3.2 card
        # starts with every day marked as temporary unemployment: a raw import can overpay)
        if count > worker.days_per_week:
            monday = date.fromordinal(week * 7 + 1)
            raise input_error(
                "Month",
                ("month", "days"),
                f"the week of {monday.isoformat()} has {count} days of temporary unemployment, "
                f"more than the worker's {worker.days_per_week} working days a week",
                count,
            )
    return MonthTotals(
        days={r: days[r] for r in REASONS if r in days},
        default_days=default_days,
        explicit_h=explicit_h,
        frost_days=frost_days,
        frost_default_days=frost_default_days,
        frost_explicit_h=frost_explicit_h,
        others=others,
    )


# --------------------------------------------------------------------------- preparation


def _prepare(
    worker: Worker, employer: Employer, month: Month, counters: PriorCounters
) -> tuple[Context, KernelInputs]:
    first_day = month.first_day
    q_h = hundredths(worker.weekly_hours)
    dpw = worker.days_per_week
    uses_full_time = worker.regime in REGIMES_USING_FULL_TIME_HOURS
    b_h = (
        hundredths(worker.full_time_weekly_hours)
        if uses_full_time and worker.full_time_weekly_hours
        else q_h
    )

    totals = month_totals(worker, month)
    days = totals.days
    scale = unit_scale(q_h, dpw, b_h, explicit_hours=bool(totals.explicit_h))
    numerators = {
        r: unit_numerator(totals.default_days.get(r, 0), totals.explicit_h.get(r, 0), scale)
        for r in days
    }

    prior_supplement, prior_credit = counters.supplement_half_units, counters.credit_half_units
    sy_start = counters.service_year_start

    category = worker.cp124_category
    construction_applies = (
        employer.joint_committee == CONSTRUCTION_JOINT_COMMITTEE
        and worker.has_legitimation_card
        and category is not None
    )
    category_code = CATEGORY_ORDER.index(category) if category is not None else None
    monthly = (
        decimal_to_cents(worker.monthly_gross_wage) if worker.monthly_gross_wage is not None else 0
    )
    hourly = decimal_to_cents(worker.hourly_wage) if worker.hourly_wage is not None else 0
    paid_hourly = worker.hourly_wage is not None

    inputs = KernelInputs(
        monthly_wage_cents=monthly,
        hourly_wage_cents=hourly,
        paid_hourly=paid_hourly,
        weekly_hours_h=q_h,
        unit_numerators=numerators,
        unit_denominator=scale.denominator,
        frost_numerator=unit_numerator(totals.frost_default_days, totals.frost_explicit_h, scale),
        prior_supplement_half_units=prior_supplement,
        prior_credit_half_units=prior_credit,
        construction_applies=construction_applies,
        category_code=category_code or 0,
        agreement_guarantees_supplement=employer.agreement_guarantees_supplement,
        supplement_paid_by_fund=employer.supplement_paid_by_fund,
        employer_declared=month.employer_declared,
        card_submitted=month.card_submitted,
    )
    context = Context(
        first_day=first_day,
        paid_hourly=paid_hourly,
        monthly_wage_cents=monthly,
        hourly_wage_cents=hourly,
        weekly_hours_h=q_h,
        days_per_week=dpw,
        divisor_name="S" if uses_full_time else "Q",
        divisor_hours_h=b_h,
        days_by_reason=days,
        hours_scaled_by_reason={
            r: totals.default_days.get(r, 0) * q_h + totals.explicit_h.get(r, 0) * dpw for r in days
        },
        other_days=totals.others,
        frost_days=totals.frost_days,
        prior_supplement_half_units=prior_supplement,
        supplement_counter_reset=counters.supplement_reset,
        prior_credit_half_units=prior_credit,
        credit_counter_reset=counters.credit_reset,
        service_year_start=sy_start,
        joint_committee=employer.joint_committee,
        has_legitimation_card=worker.has_legitimation_card,
        category_code=category_code,
        construction_applies=construction_applies,
        agreement_guarantees_supplement=employer.agreement_guarantees_supplement,
        supplement_paid_by_fund=employer.supplement_paid_by_fund,
        employer_declared=month.employer_declared,
        card_submitted=month.card_submitted,
    )
    return context, inputs


# --------------------------------------------------------------------------- result


_UNITS: dict[int, Decimal] = {}


def _units(half_units: int) -> Decimal:
    """Half units as a Decimal number of units with one decimal: 19 -> 9.5 (shared, immutable)."""
    units = _UNITS.get(half_units)
    if units is None:
        whole, half = divmod(half_units, 2)
        units = Decimal(f"{whole}.{5 if half else 0}")
        if len(_UNITS) < 4096:
            _UNITS[half_units] = units
    return units


_REASONS_OF_GROUP = {
    g: tuple(r for r in REASONS if rules_for(r).rate_group is g) for g in RateGroup
}
_GROUP_OF_REASON = {r: rules_for(r).rate_group for r in REASONS}


def _counter(half_units: int) -> Decimal:
    """A History counter (two decimals) from half units."""
    return cents_to_decimal(half_units * 50)


def _result(
    worker: Worker,
    employer: Employer,
    month: Month,
    history: History,
    parameters: ParameterSet,
    context: Context,
    p: MonthParameters,
    k: KernelOutputs,
) -> MonthResult:
    money = cents_to_decimal
    present = context.days_by_reason
    lines = []
    for group, half_units in k.group_half_units.items():
        if half_units > 0:
            reasons = tuple(r for r in _REASONS_OF_GROUP[group] if r in present)
            lines.append(
                AllowanceLine(
                    group.value,
                    reasons,
                    _units(half_units),
                    money(k.daily[group]),
                    money(k.components[group]),
                )
            )
    payments = (
        Payment(
            "payment_body",
            money(k.payment_body_gross),
            money(k.payment_body_withholding),
            money(k.payment_body_net),
        ),
        Payment(
            "employer", money(k.employer_part), money(k.employer_withholding), money(k.employer_net)
        ),
        Payment(
            "sector_fund",
            money(k.fund_part),
            money(k.sector_fund_withholding),
            money(k.sector_fund_net),
        ),
    )
    # built from values the engine computed (no validation to redo)
    history_after = History.model_construct(
        through=p.last_day,
        supplement_units=_counter(k.supplement_half_units_after),
        cp124_credit_used=_counter(k.credit_half_units_after),
    )
    return MonthResult._build(
        worker=worker,
        employer=employer,
        month=month,
        history=history,
        units={r: _units(k.half_units[r]) for r in present},
        daily_amounts={r: money(k.daily[_GROUP_OF_REASON[r]]) for r in present},
        allowance_lines=tuple(lines),
        gross_allowance=money(k.gross_allowance),
        sector_top_up=money(k.sector_top_up),
        employer_supplement=money(k.supplement + k.energy_supplement),
        supplement_units_paid=_units(k.supplement_paid_half_units + k.energy_half_units),
        construction_units_paid=_units(k.credit_covered_half_units),
        payment_body_withholding=money(k.payment_body_withholding),
        employer_withholding=money(k.employer_withholding),
        sector_fund_withholding=money(k.sector_fund_withholding),
        withholding=money(k.withholding),
        net_total=money(k.net_total),
        payments=payments,
        status=STATUS_BY_CODE[k.status_code],
        history_after=history_after,
        parameters_fingerprint=parameters.fingerprint(),
        library_version=LIBRARY_VERSION,
        _context=context,
        _month_parameters=p,
        _kernel=k,
    )
