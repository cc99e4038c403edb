"""``compute_month`` and ``compute_months``: one worker, one month (or several in a row).

The engine turns the models into exact integers (:class:`~chomage_rules.kernel.KernelInputs`),
runs the kernel — the same code the population engine runs over columns — and builds the result and
its explanation from the kernel's intermediate values.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version

from .derivation import Context
from .errors import input_error
from .kernel import REASONS, KernelInputs, KernelOutputs, compute_kernel
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
from .money import cents_to_decimal, decimal_to_cents, hundredths
from .month_parameters import CATEGORY_ORDER, MonthParameters, month_parameters
from .parameters import ParameterSet
from .result import AllowanceLine, MonthResult, Payment
from .rules import payment_status
from .rules.daily_wage import SIX_DAY_WEEK
from .rules.ops import SCALAR
from .rules.reasons import RateGroup, rules_for

__all__ = ["compute_month", "compute_months", "service_year_start"]

CONSTRUCTION_JOINT_COMMITTEE = "124"
_EMPTY_HISTORY = History()
_STATUS = {
    payment_status.PAYABLE: PaymentStatus.PAYABLE,
    payment_status.AWAITING_EMPLOYER_DECLARATION: PaymentStatus.AWAITING_EMPLOYER_DECLARATION,
    payment_status.AWAITING_CONTROL_CARD: PaymentStatus.AWAITING_CONTROL_CARD,
}
_CONSTRUCTION_REASONS = frozenset(r for r in REASONS if rules_for(r).construction)

try:
    LIBRARY_VERSION = package_version("chomage-rules")
except PackageNotFoundError:  # running from a source tree
    LIBRARY_VERSION = "0+unknown"


def service_year_start(on: date) -> date:
    """The 1 October that opens the construction service year containing ``on`` (R6)."""
    return date(on.year if on.month >= 10 else on.year - 1, 10, 1)


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
    context, inputs = _prepare(worker, employer, month, history)
    k = compute_kernel(SCALAR, inputs, p)
    return _result(worker, employer, month, history, parameters, context, p, k)


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


# --------------------------------------------------------------------------- preparation


def _prepare(
    worker: Worker, employer: Employer, month: Month, history: History
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

    # hours per reason, scaled by days_per_week so that the default Q / days_per_week stays exact
    scaled: dict[Reason, int] = {}
    days: dict[Reason, int] = {}
    others: dict[DayStatus, int] = {}
    frost_scaled = 0
    frost_days = 0
    unemployed = DayStatus.TEMPORARY_UNEMPLOYMENT
    for index, entry in enumerate(month.days):
        if entry.status is not unemployed:
            others[entry.status] = others.get(entry.status, 0) + 1
            continue
        reason: Reason = entry.reason  # type: ignore[assignment]  # the model requires it
        hours = entry.hours
        if hours is None:
            day_scaled = q_h
        elif hours > worker.weekly_hours:
            raise input_error(
                "Month",
                ("month", "days", index, "hours"),
                f"{hours} hours on {entry.day.isoformat()} is more than the worker's whole "
                f"week ({worker.weekly_hours} hours)",
                str(hours),
            )
        else:
            day_scaled = hundredths(hours) * dpw
        scaled[reason] = scaled.get(reason, 0) + day_scaled
        days[reason] = days.get(reason, 0) + 1
        if entry.frost_period and reason in _CONSTRUCTION_REASONS:
            frost_scaled += day_scaled
            frost_days += 1
    # reasons in the order of the enum, so that results and steps list them alike
    days = {r: days[r] for r in REASONS if r in days}

    same_year = history.through is None or history.through.year == first_day.year
    sy_start = service_year_start(first_day)
    same_service_year = history.through is None or history.through >= sy_start
    prior_supplement = decimal_to_cents(history.supplement_units) // 50 if same_year else 0
    prior_credit = decimal_to_cents(history.cp124_credit_used) // 50 if same_service_year else 0

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
        unit_numerators={r: s * SIX_DAY_WEEK for r, s in scaled.items()},
        unit_denominator=dpw * b_h,
        frost_numerator=frost_scaled * SIX_DAY_WEEK,
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
        hours_scaled_by_reason=scaled,
        other_days=others,
        frost_days=frost_days,
        prior_supplement_half_units=prior_supplement,
        supplement_counter_reset=not same_year and history.supplement_units > 0,
        prior_credit_half_units=prior_credit,
        credit_counter_reset=not same_service_year and history.cp124_credit_used > 0,
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
        status=_STATUS[k.status_code],
        history_after=history_after,
        parameters_fingerprint=parameters.fingerprint(),
        library_version=LIBRARY_VERSION,
        _context=context,
        _month_parameters=p,
        _kernel=k,
    )
