"""The month's computation, written once for a single worker and for whole columns.

``compute_kernel`` chains the rules of the rulebook (R1-R8) over exact integers. ``compute_month``
calls it with Python ints and ``ops.SCALAR``, then builds the explanation from its intermediate
values; ``compute_population`` calls it with numpy int64 columns and numpy's ops. There is no second
implementation that could drift (docs/decisions.md, "one definition per rule").

Units are carried in **half units**, amounts in **cents**, hours in hundredths; unit counts enter as
exact fractions ``numerator / denominator`` (see :class:`UnitScale`).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

from .core.errors import ParameterNotCovered
from .core.money import Num
from .core.ops import Ops
from .models import Reason
from .month_parameters import CATEGORY_ORDER, MonthParameters
from .rules import daily_wage
from .rules.allowance import component_cents
from .rules.construction import credit_covered_half_units
from .rules.daily_amount import daily_amount_cents, with_minimum
from .rules.daily_wage import SIX_DAY_WEEK
from .rules.energy_supplement import energy_supplement_cents
from .rules.payment_status import status_code
from .rules.reasons import RateGroup, rules_for
from .rules.supplement import paid_half_units, wage_at_or_below_threshold
from .rules.units import quarter_round_half_units
from .rules.withholding import withheld_cents

__all__ = [
    "REASONS",
    "KernelInputs",
    "KernelOutputs",
    "UnitScale",
    "compute_kernel",
    "unit_numerator",
    "unit_scale",
]

REASONS: tuple[Reason, ...] = tuple(Reason)
RATE_GROUPS: tuple[RateGroup, ...] = tuple(RateGroup)
_GROUP_OF = {reason: rules_for(reason).rate_group for reason in REASONS}
_SUPPLEMENT = tuple(r for r in REASONS if rules_for(r).supplement)
_ENERGY = tuple(r for r in REASONS if rules_for(r).energy_supplement)
_CONSTRUCTION = tuple(r for r in REASONS if rules_for(r).construction)
_REASONS_OF = {g: tuple(r for r in REASONS if _GROUP_OF[r] is g) for g in RATE_GROUPS}
_CONSTRUCTION_PARAMETERS = (
    "construction.credit_units",
    *(f"construction.amount.{c}" for c in CATEGORY_ORDER),
)
_NO_AMOUNTS = (0,) * len(CATEGORY_ORDER)


def _is_zero(value: Num) -> bool:
    """A literal 0 (not a column that happens to hold zeros): adding it changes nothing."""
    return type(value) is int and value == 0


def _plus(a: Num, b: Num) -> Num:
    """``a + b``, without a pass over a column when one side is a literal 0."""
    if _is_zero(b):
        return a
    if _is_zero(a):
        return b
    return a + b


def _minus(a: Num, b: Num) -> Num:
    """``a - b``, without a pass over a column when ``b`` is a literal 0."""
    return a if _is_zero(b) else a - b


def _times(a: Num, factor: Num) -> Num:
    """``a × factor``, without a pass over a column when the factor is a literal 1 or 0."""
    if type(factor) is int and factor in (0, 1):
        return a if factor == 1 else 0
    return a * factor


@dataclass(frozen=True, slots=True)
class UnitScale:
    """R4's ``P × 6 / B`` as integers: the numerator is ``default days × per_default_day +
    explicit hundredths × per_explicit_hundredth`` over ``denominator``.

    A day's hours default to ``Q / days_per_week``, which is not a decimal in general (38 / 6), so
    hours are scaled by ``days_per_week``: a default day adds ``Q_h × 6``, an explicit hundredth
    of an hour ``days_per_week × 6``, over ``days_per_week × B_h`` (B = Q or S, in hundredths).
    """

    per_default_day: Num
    per_explicit_hundredth: Num
    denominator: Num


def unit_scale(
    weekly_hours_h: Num, days_per_week: Num, divisor_hours_h: Num, explicit_hours: bool = True
) -> UnitScale:
    """The three factors of a unit count, reduced by their common factor when they are single
    values: the same fraction, cheaper on columns (a six-day full-timer's count is days / 1).

    ``explicit_hours=False`` says no hours are given day by day: that factor is then 0 and takes
    no part in the reduction.
    """
    per_day = weekly_hours_h * SIX_DAY_WEEK
    per_hundredth = days_per_week * SIX_DAY_WEEK if explicit_hours else 0
    denominator = days_per_week * divisor_hours_h
    if type(per_day) is int and type(per_hundredth) is int and type(denominator) is int:
        common = gcd(per_day, per_hundredth, denominator)
        per_day, per_hundredth, denominator = (
            per_day // common,
            per_hundredth // common,
            denominator // common,
        )
    return UnitScale(per_day, per_hundredth, denominator)


def unit_numerator(default_days: Num, explicit_hours_h: Num, scale: UnitScale) -> Num:
    """The numerator of a unit count over ``scale.denominator`` (R4: ``P × 6 / B``).

    ``P`` is the hours of temporary unemployment: ``default_days`` days of ``Q / days_per_week``
    hours each, plus ``explicit_hours_h`` hours (in hundredths) given day by day.
    """
    return _plus(
        _times(default_days, scale.per_default_day),
        _times(explicit_hours_h, scale.per_explicit_hundredth),
    )


def _total(half_units: dict[Reason, Num], reasons: tuple[Reason, ...]) -> Num:
    """The half units of the given reasons added up (0 if none of them is in the month)."""
    total: Num = 0
    for reason in reasons:
        if reason in half_units:
            total = _plus(total, half_units[reason])
    return total


@dataclass(slots=True)
class KernelInputs:
    """One worker-month (Python ints and bools) or a column of them (numpy arrays)."""

    monthly_wage_cents: Num
    hourly_wage_cents: Num
    paid_hourly: Num
    weekly_hours_h: Num
    unit_numerators: dict[Reason, Num]
    """Per reason: the hours of temporary unemployment, scaled (see :class:`UnitScale`).

    A reason left out has no hours (a single worker lists only its reasons; columns list all)."""
    unit_denominator: Num
    frost_numerator: Num
    """Hours of construction-eligible unemployment in a recognised frost period, scaled likewise."""
    prior_supplement_half_units: Num
    prior_credit_half_units: Num
    construction_applies: Num
    category_code: Num
    agreement_guarantees_supplement: Num
    supplement_paid_by_fund: Num
    employer_declared: Num
    card_submitted: Num


@dataclass(slots=True)
class KernelOutputs:
    """Every intermediate and final figure; amounts in cents, units in half units."""

    daily_wage_numerator: Num
    daily_wage_denominator: int
    half_units: dict[Reason, Num]
    """Per reason given in the inputs."""
    group_half_units: dict[RateGroup, Num]
    daily_before_minimum: dict[RateGroup, Num]
    daily: dict[RateGroup, Num]
    components: dict[RateGroup, Num]
    gross_allowance: Num
    supplement_eligible_half_units: Num
    supplement_at_or_below_threshold: Num
    supplement_paid_half_units: Num
    supplement: Num
    energy_half_units: Num
    energy_supplement: Num
    construction_half_units: Num
    frost_half_units: Num
    credit_covered_half_units: Num
    construction_amount_cents: Num
    construction_top_up: Num
    frost_amount_cents: Num
    frost_top_up: Num
    sector_top_up: Num
    employer_part: Num
    fund_part: Num
    payment_body_gross: Num
    payment_body_withholding: Num
    employer_withholding: Num
    sector_fund_withholding: Num
    payment_body_net: Num
    employer_net: Num
    sector_fund_net: Num
    withholding: Num
    net_total: Num
    status_code: Num
    supplement_half_units_after: Num
    credit_half_units_after: Num


def compute_kernel(ops: Ops, x: KernelInputs, p: MonthParameters) -> KernelOutputs:
    """Rulebook R1-R8 for one month, on exact integers (scalars or columns)."""
    # R1 daily wage, an exact fraction
    dw_num, dw_den = daily_wage.fraction(
        ops,
        monthly_wage_cents=x.monthly_wage_cents,
        hourly_wage_cents=x.hourly_wage_cents,
        paid_hourly=x.paid_hourly,
        weekly_hours_h=x.weekly_hours_h,
        ceiling_cents=p.ceiling_cents,
        divisor=p.divisor,
    )

    # R4 units per reason, then per rate group
    den = x.unit_denominator
    half_units = {
        reason: quarter_round_half_units(numerator, den)
        for reason, numerator in x.unit_numerators.items()
    }
    group_half_units = {group: _total(half_units, _REASONS_OF[group]) for group in RATE_GROUPS}

    # R2 + R3 daily amount per rate group, R0 (2) one component per daily amount
    daily_before: dict[RateGroup, Num] = {}
    daily: dict[RateGroup, Num] = {}
    components: dict[RateGroup, Num] = {}
    gross: Num = 0
    for group in RATE_GROUPS:
        rate = p.rates[group]
        if rate is None:
            if ops.any(group_half_units[group] > 0):
                raise ParameterNotCovered(
                    group.value, p.first_day, "no rate for these units on this date"
                )
            daily_before[group] = daily[group] = components[group] = 0 * dw_num
            continue
        daily_before[group] = daily_amount_cents(dw_num, dw_den, rate)
        daily[group] = with_minimum(ops, daily_before[group], p.minimum_cents)
        components[group] = component_cents(group_half_units[group], daily[group])
        gross = _plus(gross, components[group])

    # R5 employer supplement (2024) and the energy-scheme supplement
    eligible = _total(half_units, _SUPPLEMENT)
    if p.supplement_cents is None or p.threshold_cents is None or p.free_half_units is None:
        at_or_below: Num = 0 * dw_num > 0
        paid: Num = 0 * dw_num
    else:
        at_or_below = wage_at_or_below_threshold(
            ops,
            monthly_wage_cents=x.monthly_wage_cents,
            hourly_wage_cents=x.hourly_wage_cents,
            paid_hourly=x.paid_hourly,
            weekly_hours_h=x.weekly_hours_h,
            threshold_cents=p.threshold_cents,
            divisor=p.divisor,
        )
        paid = paid_half_units(
            ops,
            eligible=eligible,
            prior=x.prior_supplement_half_units,
            free=p.free_half_units,
            at_or_below_threshold=at_or_below,
        )
        paid = ops.where(x.agreement_guarantees_supplement, 0, paid)
    supplement = component_cents(paid, p.supplement_cents or 0)
    energy_units = _total(half_units, _ENERGY)
    if p.energy_supplement_cents is None and ops.any(energy_units > 0):
        raise ParameterNotCovered(
            "supplement.energy_amount", p.first_day, "no energy supplement on this date"
        )
    energy = energy_supplement_cents(energy_units, p.energy_supplement_cents or 0)

    # R6 construction top-up within the credit; frost units outside it
    construction_units = _total(half_units, _CONSTRUCTION)
    construction_units = ops.where(x.construction_applies, construction_units, 0)
    # the construction figures are needed only where there are construction units to pay
    if p.missing and ops.any(construction_units > 0):
        for name in _CONSTRUCTION_PARAMETERS:
            p.require(name)
    credit = p.credit_half_units or 0
    amounts = p.construction_cents or _NO_AMOUNTS
    frost_amounts = p.frost_cents_or_zero
    frost_units: Num = 0
    if ops.any(x.frost_numerator):  # no frost day anywhere: nothing to take out of the credit
        frost_units = ops.minimum(
            quarter_round_half_units(x.frost_numerator, x.unit_denominator), construction_units
        )
    covered = credit_covered_half_units(
        ops,
        units=_minus(construction_units, frost_units),
        credit=credit,
        used=x.prior_credit_half_units,
    )
    construction_amount = ops.where(x.construction_applies, ops.take(amounts, x.category_code), 0)
    frost_amount: Num = 0
    if any(frost_amounts):  # no frost amount sourced or supplied: none is paid
        frost_amount = ops.where(
            x.construction_applies, ops.take(frost_amounts, x.category_code), 0
        )
    construction_top_up = component_cents(covered, construction_amount)
    frost_top_up = component_cents(frost_units, frost_amount)
    sector_top_up = _plus(construction_top_up, frost_top_up)

    # R7 withholding per payer, one rounding each
    employer_part = _plus(ops.where(x.supplement_paid_by_fund, 0, supplement), energy)
    fund_part = ops.where(x.supplement_paid_by_fund, supplement, 0)
    pb_gross = _plus(gross, sector_top_up)
    pb_withholding = withheld_cents(
        (gross, p.legal_withholding), (sector_top_up, p.complement_withholding)
    )
    employer_withholding = withheld_cents((employer_part, p.complement_withholding))
    fund_withholding = withheld_cents((fund_part, p.complement_withholding))
    pb_net = _minus(pb_gross, pb_withholding)
    employer_net = _minus(employer_part, employer_withholding)
    fund_net = _minus(fund_part, fund_withholding)

    return KernelOutputs(
        daily_wage_numerator=dw_num,
        daily_wage_denominator=dw_den,
        half_units=half_units,
        group_half_units=group_half_units,
        daily_before_minimum=daily_before,
        daily=daily,
        components=components,
        gross_allowance=gross,
        supplement_eligible_half_units=eligible,
        supplement_at_or_below_threshold=at_or_below,
        supplement_paid_half_units=paid,
        supplement=supplement,
        energy_half_units=energy_units,
        energy_supplement=energy,
        construction_half_units=construction_units,
        frost_half_units=frost_units,
        credit_covered_half_units=covered,
        construction_amount_cents=construction_amount,
        construction_top_up=construction_top_up,
        frost_amount_cents=frost_amount,
        frost_top_up=frost_top_up,
        sector_top_up=sector_top_up,
        employer_part=employer_part,
        fund_part=fund_part,
        payment_body_gross=pb_gross,
        payment_body_withholding=pb_withholding,
        employer_withholding=employer_withholding,
        sector_fund_withholding=fund_withholding,
        payment_body_net=pb_net,
        employer_net=employer_net,
        sector_fund_net=fund_net,
        withholding=_plus(_plus(pb_withholding, employer_withholding), fund_withholding),
        net_total=_plus(_plus(pb_net, employer_net), fund_net),
        status_code=status_code(
            ops, employer_declared=x.employer_declared, card_submitted=x.card_submitted
        ),
        supplement_half_units_after=_plus(x.prior_supplement_half_units, eligible),
        credit_half_units_after=_plus(x.prior_credit_half_units, covered),
    )
