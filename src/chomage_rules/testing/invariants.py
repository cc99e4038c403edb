"""Invariants an actuary can check on any result, or pair of results, of ``compute_month``.

Each invariant is a function that raises :class:`InvariantViolation` (an ``AssertionError``, so
pytest and hypothesis report it as a failure) naming the invariant and saying what went wrong with
the figures. They restate the rulebook independently of the library's kernel: exact
``fractions.Fraction`` arithmetic and a unit-by-unit count instead of the kernel's integer
formulas, so that a fault in a rule cannot agree with itself.

- single result: :func:`amounts_are_cents`, :func:`payments_add_up`,
  :func:`units_are_the_quarter_rounded_hours`, :func:`status_follows_the_paperwork`,
  :func:`withholding_is_the_rounded_rate_times_the_gross`,
  :func:`daily_amount_is_the_rounded_rate_times_the_capped_daily_wage`,
  :func:`no_supplement_on_force_majeure`, :func:`supplement_from_the_27th_unit`,
  :func:`construction_credit_is_never_exceeded`, and each amount paid per unit against the
  figure in force: :func:`supplement_is_paid_at_the_amount_in_force` (the 2024 supplement and
  the energy supplement), :func:`construction_top_up_is_paid_at_the_category_amount_in_force`
  (CP 124 per category, frost);
- pairs: :func:`allowance_rises_with_the_wage_up_to_the_ceiling` (the wage raised),
  :func:`an_override_moves_only_what_depends_on_it` (one parameter changed),
  :func:`the_paperwork_never_changes_the_amounts` (the declaration and the card in),
  :func:`the_process_rules_never_change_the_amounts` (the process rules' inputs at their
  defaults: :func:`without_process_inputs`).

:func:`check_case` runs them all on a case; ``compute=`` lets you check your own implementation
(any callable with ``compute_month``'s signature)::

    from hypothesis import given
    from chomage_rules.testing import cases
    from chomage_rules.testing.invariants import check_case

    @given(cases())
    def test_the_rulebook_holds(case):
        check_case(case)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..case.engine import compute_month
from ..case.models import Employer, History, Month, ReasonLimitCounters, Worker
from ..case.result import MonthResult
from ..core.identifiers import BELGIUM
from ..core.money import cents_to_decimal, format_fraction
from ..core.vocabulary import PAYERS, ControlCard, DayStatus, PaymentStatus, Reason, WorkRegime
from ..parameters import ParameterSet
from .strategies import Case

__all__ = [
    "INVARIANTS",
    "Compute",
    "Invariant",
    "InvariantViolation",
    "allowance_rises_with_the_wage_up_to_the_ceiling",
    "amounts_are_cents",
    "an_override_moves_only_what_depends_on_it",
    "check_case",
    "construction_credit_is_never_exceeded",
    "construction_top_up_is_paid_at_the_category_amount_in_force",
    "daily_amount_is_the_rounded_rate_times_the_capped_daily_wage",
    "no_supplement_on_force_majeure",
    "payments_add_up",
    "status_follows_the_paperwork",
    "supplement_from_the_27th_unit",
    "supplement_is_paid_at_the_amount_in_force",
    "the_paperwork_never_changes_the_amounts",
    "the_process_rules_never_change_the_amounts",
    "units_are_the_quarter_rounded_hours",
    "withholding_is_the_rounded_rate_times_the_gross",
    "without_process_inputs",
]

Compute = Callable[..., MonthResult]
"""``compute_month`` or anything with its signature: ``(worker, employer, month, history,
*, parameters=...) -> MonthResult``."""


class InvariantViolation(AssertionError):
    """An invariant does not hold; the message names it and gives the figures."""

    def __init__(self, invariant: str, message: str) -> None:
        self.invariant = invariant
        self.details = message
        super().__init__(f"[{invariant}] {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its own arguments (hypothesis and pytest-xdist send failures across
        processes pickled; the default would call the constructor with the message alone)."""
        return (type(self), (self.invariant, self.details), self.__dict__)


def _fail(invariant: str, message: str) -> None:
    raise InvariantViolation(invariant, message)


# --------------------------------------------------------------------------- exact figures


def _half_up_cents(euros: Fraction) -> Decimal:
    """An exact amount in EUR to the cent, halves up (R0); independent of the library's money."""
    cents = euros * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return cents_to_decimal(whole)


def _show(value: Fraction) -> str:
    """An exact figure for a message: its decimals, with … where they are not all of it."""
    return format_fraction(value.numerator, value.denominator, 4)


def _value(parameters: ParameterSet, name: str, on: date) -> Fraction | None:
    version = parameters.version(name, on)
    return None if version.value is None else Fraction(version.value)


_FORCE_MAJEURE = (Reason.FORCE_MAJEURE, Reason.FORCE_MAJEURE_MEDICAL)
_NO_2024_SUPPLEMENT = (*_FORCE_MAJEURE, Reason.ENERGY_CRISIS)
_CONSTRUCTION = (
    Reason.ECONOMIC,
    Reason.BAD_WEATHER,
    Reason.TECHNICAL_ACCIDENT,
    Reason.FORCE_MAJEURE,
    Reason.ENERGY_CRISIS,
)


def _rate_name(reason: Reason) -> str:
    """R2: which rate a reason takes."""
    if reason in _FORCE_MAJEURE:
        return "rate.force_majeure"
    if reason is Reason.ENERGY_CRISIS:
        return "rate.energy_crisis"
    return "rate.standard"


def _monthly_wage(worker: Worker, divisor: int) -> Fraction:
    """The gross monthly wage, uncapped: hourly-paid workers' is ``hourly × Q × 26 / 6`` (R5)."""
    if worker.monthly_gross_wage is not None:
        return Fraction(worker.monthly_gross_wage)
    assert worker.hourly_wage is not None
    return Fraction(worker.hourly_wage) * Fraction(worker.weekly_hours) * divisor / 6


# --------------------------------------------------------------------------- single result


def amounts_are_cents(result: MonthResult) -> None:
    """Every amount of the result is at least 0 and has exactly two decimals (R0)."""
    amounts = {
        "gross_allowance": result.gross_allowance,
        "sector_top_up": result.sector_top_up,
        "employer_supplement": result.employer_supplement,
        "withholding": result.withholding,
        "net_total": result.net_total,
        **{f"daily_amounts[{r.value}]": a for r, a in result.daily_amounts.items()},
        **{f"{p.payer}.{k}": getattr(p, k) for p in result.payments for k in ("gross", "net")},
    }
    for name, amount in amounts.items():
        if amount < 0 or amount.as_tuple().exponent != -2:
            _fail("amounts_are_cents", f"{name} = {amount!r} is not a non-negative amount in cents")


def payments_add_up(result: MonthResult) -> None:
    """Per payer, net = gross − withholding; the totals are the payers' sums; the payment body pays
    the allowance and the CP 124 top-up, the employer and a sector fund the supplement (R7)."""
    name = "payments_add_up"
    if [p.payer for p in result.payments] != list(PAYERS):
        _fail(name, f"payers {[p.payer for p in result.payments]}, expected {list(PAYERS)}")
    for p in result.payments:
        if p.net != p.gross - p.withholding:
            _fail(name, f"{p.payer}: net {p.net} ≠ gross {p.gross} − withholding {p.withholding}")
    pairs = {
        "net_total": (result.net_total, sum((p.net for p in result.payments), Decimal(0))),
        "withholding": (
            result.withholding,
            sum((p.withholding for p in result.payments), Decimal(0)),
        ),
        "payment body gross": (
            result.payment("payment_body").gross,
            result.gross_allowance + result.sector_top_up,
        ),
        "employer and fund gross": (
            result.payment("employer").gross + result.payment("sector_fund").gross,
            result.employer_supplement,
        ),
    }
    for what, (got, expected) in pairs.items():
        if got != expected:
            _fail(name, f"{what} is {got}, the parts add up to {expected}")


def withholding_is_the_rounded_rate_times_the_gross(
    result: MonthResult, parameters: ParameterSet | None = None
) -> None:
    """Each payer withholds its rate times its gross, rounded once to the cent, half up (R7): the
    payment body the legal rate on the allowance plus the complement rate on the CP 124 top-up; the
    employer and a sector fund the complement rate on what they pay."""
    parameters = parameters or ParameterSet.default()
    on = date(result.month.year, result.month.month, 1)
    legal = _value(parameters, "withholding.legal", on)
    complement = _value(parameters, "withholding.complement", on)
    assert legal is not None and complement is not None
    expected = {
        "payment_body": _half_up_cents(
            legal * Fraction(result.gross_allowance) + complement * Fraction(result.sector_top_up)
        ),
        "employer": _half_up_cents(complement * Fraction(result.payment("employer").gross)),
        "sector_fund": _half_up_cents(complement * Fraction(result.payment("sector_fund").gross)),
    }
    for payment in result.payments:
        if payment.withholding != expected[payment.payer]:
            _fail(
                "withholding_is_the_rounded_rate_times_the_gross",
                f"{payment.payer} withholds {payment.withholding}, its rate on its gross "
                f"rounded half up gives {expected[payment.payer]}",
            )


def daily_amount_is_the_rounded_rate_times_the_capped_daily_wage(
    result: MonthResult, parameters: ParameterSet | None = None
) -> None:
    """The daily amount of each reason is its rate times the capped daily wage, computed as one
    exact fraction and rounded once, half up, then raised to the minimum where one is sourced
    (R0-R3): monthly ``min(wage, ceiling) / 26``, hourly ``min(hourly × Q / 6, ceiling / 26)``."""
    parameters = parameters or ParameterSet.default()
    on = date(result.month.year, result.month.month, 1)
    ceiling = _value(parameters, "wage.monthly_ceiling", on)
    divisor = _value(parameters, "wage.daily_divisor", on)
    assert ceiling is not None and divisor is not None
    worker = result.worker
    if worker.monthly_gross_wage is not None:
        daily_wage = min(Fraction(worker.monthly_gross_wage), ceiling) / divisor
    else:
        assert worker.hourly_wage is not None
        hourly_daily = Fraction(worker.hourly_wage) * Fraction(worker.weekly_hours) / 6
        daily_wage = min(hourly_daily, ceiling / divisor)
    minimum = _value(parameters, "allowance.minimum_daily", on)
    for reason, got in result.daily_amounts.items():
        rate = _value(parameters, _rate_name(reason), on)
        assert rate is not None
        expected = _half_up_cents(rate * daily_wage)
        if minimum is not None:
            expected = max(expected, _half_up_cents(minimum))
        if got != expected:
            _fail(
                "daily_amount_is_the_rounded_rate_times_the_capped_daily_wage",
                f"{reason.value}: {got} a day; {rate} × capped daily wage {_show(daily_wage)} "
                f"rounded half up is {expected}",
            )


def _supplement_counted_before(history: History, on: date) -> Decimal:
    """The units counted towards the free units before the month starting ``on``: the
    History's count, unless it was recorded in an earlier calendar year (R5)."""
    if history.through is not None and history.through.year != on.year:
        return Decimal(0)
    return history.supplement_units


def _credit_used_before(history: History, on: date) -> Decimal:
    """The construction credit used before the month starting ``on``: the History's count,
    unless it was recorded before the 1 October that opens the month's service year (R6)."""
    opens = date(on.year if on.month >= 10 else on.year - 1, 10, 1)
    if history.through is not None and history.through < opens:
        return Decimal(0)
    return history.cp124_credit_used


_COUNTED_AGAINST_S = (WorkRegime.PART_TIME_INCOME_GUARANTEE, WorkRegime.VOLUNTARY_PART_TIME)


def _quarter_rounded(units: Fraction) -> Fraction:
    """R4's rounding, written as the SPF Emploi says it: a fractional part below 0.25 goes down,
    from 0.25 to below 0.75 gives .5, from 0.75 goes up."""
    whole = units.numerator // units.denominator
    part = units - whole
    if part < Fraction(1, 4):
        return Fraction(whole)
    if part < Fraction(3, 4):
        return whole + Fraction(1, 2)
    return Fraction(whole + 1)


def _card_hours(result: MonthResult, *, frost_only: bool = False) -> dict[Reason, Fraction]:
    """Each reason's hours on the control card (the hours given for a day, or Q / days per
    week), counted day by day with exact fractions; of the days in a frost period only, if asked."""
    worker = result.worker
    q = Fraction(worker.weekly_hours)
    hours: dict[Reason, Fraction] = {}
    for entry in result.month.days:
        if entry.status is not DayStatus.TEMPORARY_UNEMPLOYMENT or entry.reason is None:
            continue
        if frost_only and not entry.frost_period:
            continue
        day = q / worker.days_per_week if entry.hours is None else Fraction(entry.hours)
        hours[entry.reason] = hours.get(entry.reason, Fraction(0)) + day
    return hours


def _divisor(worker: Worker) -> Fraction:
    """B: Q, or S for the income-guarantee and voluntary part-time regimes (R4)."""
    if worker.regime in _COUNTED_AGAINST_S and worker.full_time_weekly_hours is not None:
        return Fraction(worker.full_time_weekly_hours)
    return Fraction(worker.weekly_hours)


def units_are_the_quarter_rounded_hours(result: MonthResult) -> None:
    """Each reason's units are its hours P × 6 / B, quarter-rounded (R4): a day's hours are those
    the employer gave, or Q / days per week; B is Q, or S for the income-guarantee and voluntary
    part-time regimes. Counted here day by day, with exact fractions."""
    b = _divisor(result.worker)
    expected = {r: _quarter_rounded(p * 6 / b) for r, p in _card_hours(result).items()}
    got = {r: Fraction(u) for r, u in result.units.items()}
    if got != expected:
        shown = {r.value: _show(u) for r, u in expected.items()}
        _fail(
            "units_are_the_quarter_rounded_hours",
            f"units {result.units}, but the hours of the card give {shown} "
            f"(P × 6 / {_show(b)}, quarter-rounded)",
        )


def frost_units_are_counted_per_reason(result: MonthResult) -> None:
    """Where the CP 124 top-up applies, the frost units kept off the credit are, for each
    construction-eligible reason, its hours in a recognised frost period counted as R4 counts
    units (P × 6 / B, quarter-rounded), at most that reason's units; summed (R6, D53)."""
    worker = result.worker
    if (
        result.employer.joint_committee != "124"
        or not worker.has_legitimation_card
        or worker.cp124_category is None
    ):
        return  # construction_top_up_is_paid_at_the_category_amount_in_force: none then
    b = _divisor(worker)
    expected = sum(
        (
            min(_quarter_rounded(p * 6 / b), Fraction(result.units.get(r, 0)))
            for r, p in _card_hours(result, frost_only=True).items()
            if r in _CONSTRUCTION
        ),
        Fraction(0),
    )
    counted = _frost_units_counted(result)
    if counted != expected:
        _fail(
            "frost_units_are_counted_per_reason",
            f"{_show(counted)} frost unit(s), but the frost days of the card give "
            f"{_show(expected)} counted reason by reason (P × 6 / {_show(b)}, quarter-rounded)",
        )


def status_follows_the_paperwork(result: MonthResult) -> None:
    """The status says what holds the payment (R8): the employer's declaration of hours first,
    then the control card; payable when both are in."""
    month = result.month
    if not month.employer_declared:
        expected = PaymentStatus.AWAITING_EMPLOYER_DECLARATION
    elif not month.card_submitted:
        expected = PaymentStatus.AWAITING_CONTROL_CARD
    else:
        expected = PaymentStatus.PAYABLE
    if result.status is not expected:
        _fail(
            "status_follows_the_paperwork",
            f"status {result.status.value} with the declaration "
            f"{'in' if month.employer_declared else 'not in'} and the card "
            f"{'submitted' if month.card_submitted else 'not submitted'}; expected {expected.value}",
        )


def _eligible_units(result: MonthResult) -> Decimal:
    return sum((u for r, u in result.units.items() if r not in _NO_2024_SUPPLEMENT), Decimal(0))


def no_supplement_on_force_majeure(result: MonthResult) -> None:
    """Force-majeure (and medical force-majeure) units neither get the 2024 supplement nor count
    towards its 26 free units; energy-crisis units have their own supplement and do not count
    either (R5). So the counter moves by exactly the eligible units, and no more units than those
    (plus the energy-crisis ones) are paid a supplement."""
    name = "no_supplement_on_force_majeure"
    before = _supplement_counted_before(
        result.history, date(result.month.year, result.month.month, 1)
    )
    eligible = _eligible_units(result)
    moved = result.history_after.supplement_units - before
    if moved != eligible:
        _fail(
            name,
            f"the counter towards the 27th unit moved by {moved}, but the month has {eligible} "
            f"unit(s) of reasons other than force majeure and the energy scheme ({result.units})",
        )
    energy = result.units.get(Reason.ENERGY_CRISIS, Decimal(0))
    if result.supplement_units_paid > eligible + energy:
        _fail(
            name,
            f"{result.supplement_units_paid} unit(s) got a supplement, more than the {eligible} "
            f"eligible and {energy} energy-crisis unit(s)",
        )


def supplement_from_the_27th_unit(
    result: MonthResult, parameters: ParameterSet | None = None
) -> None:
    """At or below the wage threshold every eligible unit gets the supplement; above it, only the
    units ranked from the 27th in the calendar year with the employer (R5). Counted here unit by
    unit, in half units, from the counter before the month; nothing is paid where a company
    agreement guarantees as much."""
    parameters = parameters or ParameterSet.default()
    on = date(result.month.year, result.month.month, 1)
    amount = _value(parameters, "supplement.amount", on)
    if amount is None:  # no supplement before 2024
        return
    threshold = _value(parameters, "supplement.wage_threshold", on)
    free = _value(parameters, "supplement.free_units", on)
    divisor = _value(parameters, "wage.daily_divisor", on)
    assert threshold is not None and free is not None and divisor is not None
    eligible = _eligible_units(result)
    if result.employer.agreement_guarantees_supplement:
        expected = Decimal(0)
    elif _monthly_wage(result.worker, int(divisor)) <= threshold:
        expected = eligible
    else:
        rank = int(_supplement_counted_before(result.history, on) * 2)  # half units before
        paid_halves = 0
        for _ in range(int(eligible * 2)):
            rank += 1  # this half unit's rank; it is paid from rank 2 × free + 1 on
            if rank > free * 2:
                paid_halves += 1
        expected = Decimal(paid_halves) / 2
    paid = result.supplement_units_paid - result.units.get(Reason.ENERGY_CRISIS, Decimal(0))
    if paid != expected:
        _fail(
            "supplement_from_the_27th_unit",
            f"{paid} unit(s) got the 2024 supplement; with "
            f"{_supplement_counted_before(result.history, on)} "
            f"counted before the month, {eligible} eligible this month and the wage compared "
            f"with {_show(threshold)}, it should be {expected}",
        )


def construction_credit_is_never_exceeded(
    result: MonthResult, parameters: ParameterSet | None = None
) -> None:
    """No more CP 124 units are paid from the credit in a service year than the credit (R6): the
    units paid this month are at most what the credit has left, and the counter stays within it."""
    parameters = parameters or ParameterSet.default()
    on = date(result.month.year, result.month.month, 1)
    name = "construction_credit_is_never_exceeded"
    try:
        credit = _value(parameters, "construction.credit_units", on)
    except LookupError:
        credit = None
    if credit is None:
        if result.construction_units_paid:
            _fail(name, f"{result.construction_units_paid} unit(s) paid with no credit in force")
        return
    used = Fraction(_credit_used_before(result.history, on))
    left = max(credit - used, Fraction(0))
    if Fraction(result.construction_units_paid) > left:
        _fail(
            name,
            f"{result.construction_units_paid} unit(s) paid from a credit of {_show(credit)} "
            f"with {_show(used)} already used",
        )
    if Fraction(result.history_after.cp124_credit_used) > max(credit, used):
        _fail(name, f"credit used {result.history_after.cp124_credit_used} exceeds {credit}")
    construction_units = sum((u for r, u in result.units.items() if r in _CONSTRUCTION), Decimal(0))
    if result.construction_units_paid > construction_units:
        _fail(
            name,
            f"{result.construction_units_paid} unit(s) paid, but the month has only "
            f"{construction_units} construction-eligible unit(s)",
        )


def _figure_or_zero(parameters: ParameterSet, name: str, on: date) -> Fraction:
    """A figure in force on ``on``; 0 where its version has none (no supplement before 2024, no
    frost amount sourced) or where the parameter has no version yet."""
    try:
        value = _value(parameters, name, on)
    except LookupError:
        return Fraction(0)
    return Fraction(0) if value is None else value


def supplement_is_paid_at_the_amount_in_force(
    result: MonthResult, parameters: ParameterSet | None = None
) -> None:
    """The employer supplement is the units paid times the amount in force on the month's first
    day, each supplement rounded once, half up (R0, R5): the 2024 supplement's units ×
    ``supplement.amount`` (none before it exists) plus the energy-crisis units ×
    ``supplement.energy_amount``; a sector fund pays the 2024 supplement where the employer
    says so, the employer everything else."""
    parameters = parameters or ParameterSet.default()
    name = "supplement_is_paid_at_the_amount_in_force"
    on = date(result.month.year, result.month.month, 1)
    energy_units = Fraction(result.units.get(Reason.ENERGY_CRISIS, Decimal(0)))
    units_2024 = Fraction(result.supplement_units_paid) - energy_units
    in_force = _value(parameters, "supplement.amount", on)
    amount = Fraction(0) if in_force is None else in_force
    energy_amount = _figure_or_zero(parameters, "supplement.energy_amount", on)
    if units_2024 < 0 or (units_2024 and in_force is None):
        _fail(
            name,
            f"{_show(units_2024)} unit(s) of the 2024 supplement paid on {on.isoformat()}, "
            "when it has no amount in force",
        )
    part_2024 = _half_up_cents(units_2024 * amount)
    part_energy = _half_up_cents(energy_units * energy_amount)
    if result.employer_supplement != part_2024 + part_energy:
        _fail(
            name,
            f"employer supplement {result.employer_supplement}; {_show(units_2024)} unit(s) × "
            f"{_show(amount)} = {part_2024} and {_show(energy_units)} energy-crisis unit(s) × "
            f"{_show(energy_amount)} = {part_energy}, the amounts in force on {on.isoformat()}",
        )
    by_fund = part_2024 if result.employer.supplement_paid_by_fund else Decimal("0.00")
    if result.payment("sector_fund").gross != by_fund:
        _fail(
            name,
            f"a sector fund pays {result.payment('sector_fund').gross}, expected {by_fund}",
        )


def _frost_units_counted(result: MonthResult) -> Fraction:
    """The units the result counted in a recognised frost period (its ``construction.frost``
    step). Which units are frost units is R6's count, checked by the rule's own tests; this pack
    checks what they are paid."""
    for step in result.steps:
        if step.id == "construction.frost" and step.applies:
            return Fraction(int(step.values["units"]), 2)
    return Fraction(0)


def construction_top_up_is_paid_at_the_category_amount_in_force(
    result: MonthResult, parameters: ParameterSet | None = None
) -> None:
    """The CP 124 top-up is the units paid from the credit times the amount of the worker's
    category in force (``construction.amount.<category>``), plus the frost units times the
    category's frost amount (``construction.frost_amount.<category>``; none is paid where none
    is sourced), each rounded once, half up (R0, R6); nothing outside joint committee 124 or
    without a legitimation card and a category."""
    parameters = parameters or ParameterSet.default()
    name = "construction_top_up_is_paid_at_the_category_amount_in_force"
    on = date(result.month.year, result.month.month, 1)
    worker, category = result.worker, result.worker.cp124_category
    covered = Fraction(result.construction_units_paid)
    frost = _frost_units_counted(result)
    if (
        result.employer.joint_committee != "124"
        or not worker.has_legitimation_card
        or category is None
    ):
        if result.sector_top_up or covered or frost:
            _fail(name, f"a top-up of {result.sector_top_up} to a worker it does not apply to")
        return
    amount = _figure_or_zero(parameters, f"construction.amount.{category.value}", on)
    frost_amount = _figure_or_zero(parameters, f"construction.frost_amount.{category.value}", on)
    construction_units = sum(
        (Fraction(u) for r, u in result.units.items() if r in _CONSTRUCTION), Fraction(0)
    )
    if covered + frost > construction_units:
        _fail(
            name,
            f"{_show(covered)} credit unit(s) and {_show(frost)} frost unit(s) paid, but the "
            f"month has {_show(construction_units)} construction-eligible unit(s)",
        )
    on_credit = _half_up_cents(covered * amount)
    in_frost = _half_up_cents(frost * frost_amount)
    if result.sector_top_up != on_credit + in_frost:
        _fail(
            name,
            f"top-up {result.sector_top_up}; category {category.value} in force on "
            f"{on.isoformat()}: {_show(covered)} credit unit(s) × {_show(amount)} = {on_credit} "
            f"and {_show(frost)} frost unit(s) × {_show(frost_amount)} = {in_frost}",
        )


# --------------------------------------------------------------------------- pairs

_RAISES = (Decimal("0.01"), Decimal("1.00"), Decimal("250.00"), Decimal("2000.00"))


def allowance_rises_with_the_wage_up_to_the_ceiling(
    case: Case,
    *,
    parameters: ParameterSet | None = None,
    compute: Compute = compute_month,
    raises: Iterable[Decimal] = _RAISES,
) -> None:
    """A higher wage never gives a lower allowance or daily amount, and once the daily wage is at
    the ceiling a higher wage changes neither (R1, R2). Checked for the given raises (EUR a month,
    or EUR an hour for hourly-paid workers: a cent, a euro, 250, 2,000)."""
    parameters = parameters or ParameterSet.default()
    name = "allowance_rises_with_the_wage_up_to_the_ceiling"
    on = date(case.month.year, case.month.month, 1)
    ceiling = _value(parameters, "wage.monthly_ceiling", on)
    divisor = _value(parameters, "wage.daily_divisor", on)
    assert ceiling is not None and divisor is not None
    base = compute(case.worker, case.employer, case.month, case.history, parameters=parameters)
    field = "monthly_gross_wage" if case.worker.monthly_gross_wage is not None else "hourly_wage"
    wage = getattr(case.worker, field)
    for asked in raises:
        raise_by = min(asked, Decimal("10.00")) if field == "hourly_wage" else asked
        richer = case.worker.model_copy(update={field: wage + raise_by})
        high = compute(richer, case.employer, case.month, case.history, parameters=parameters)
        if high.gross_allowance < base.gross_allowance:
            _fail(
                name,
                f"a wage higher by {raise_by} gives an allowance of {high.gross_allowance}, "
                f"less than {base.gross_allowance}",
            )
        for reason, amount in base.daily_amounts.items():
            if high.daily_amounts[reason] < amount:
                _fail(name, f"{reason.value}: {high.daily_amounts[reason]} < {amount} a day")
        at_ceiling = _monthly_wage(case.worker, int(divisor)) >= ceiling
        if at_ceiling and high.gross_allowance != base.gross_allowance:
            _fail(
                name,
                f"the wage is already at or above the ceiling {_show(ceiling)}, yet "
                f"raising it by {raise_by} moves the allowance from {base.gross_allowance} to "
                f"{high.gross_allowance}",
            )


@dataclass(frozen=True)
class _Override:
    name: str
    change: Decimal
    moves: frozenset[str]
    """The gross amounts allowed to change."""


_ALLOWANCE = frozenset({"gross_allowance"})
_OVERRIDES = (
    _Override("rate.standard", Decimal("0.01"), _ALLOWANCE),
    _Override("rate.force_majeure", Decimal("0.01"), _ALLOWANCE),
    _Override("wage.monthly_ceiling", Decimal("100.00"), _ALLOWANCE),
    _Override("supplement.amount", Decimal("1.00"), frozenset({"employer_supplement"})),
    _Override("supplement.wage_threshold", Decimal("500.00"), frozenset({"employer_supplement"})),
    _Override("withholding.complement", Decimal("0.01"), frozenset()),
    *(
        _Override(f"construction.amount.{c}", Decimal("1.00"), frozenset({"sector_top_up"}))
        for c in ("I", "IA", "II", "IIA", "III", "IV")
    ),
)
_GROSS = ("gross_allowance", "sector_top_up", "employer_supplement")


def an_override_moves_only_what_depends_on_it(
    case: Case,
    *,
    parameters: ParameterSet | None = None,
    compute: Compute = compute_month,
) -> None:
    """Changing one figure moves only the amounts that depend on it: a rate or the ceiling the
    allowance, the supplement's figures the supplement, a CP 124 amount the top-up, the
    complement withholding rate no gross amount; and never the units (R1-R7)."""
    parameters = parameters or ParameterSet.default()
    on = date(case.month.year, case.month.month, 1)
    base = compute(case.worker, case.employer, case.month, case.history, parameters=parameters)
    for override in _OVERRIDES:
        current = parameters.version(override.name, on).value
        if current is None:
            continue
        changed = parameters.override({override.name: {on: current + override.change}})
        other = compute(case.worker, case.employer, case.month, case.history, parameters=changed)
        for field in _GROSS:
            if field not in override.moves and getattr(other, field) != getattr(base, field):
                _fail(
                    "an_override_moves_only_what_depends_on_it",
                    f"raising {override.name} by {override.change} moved {field} from "
                    f"{getattr(base, field)} to {getattr(other, field)}",
                )
        if other.units != base.units:
            _fail(
                "an_override_moves_only_what_depends_on_it",
                f"raising {override.name} changed the units: {base.units} -> {other.units}",
            )


# --------------------------------------------------------------------------- the pack


@dataclass(frozen=True)
class Invariant:
    """A named invariant: ``check(result, parameters)`` for one result, or
    ``check(case, parameters=…, compute=…)`` for those that compute a second result."""

    name: str
    description: str
    check: Callable[..., None]
    on: str
    """``"result"`` or ``"case"``."""


def the_paperwork_never_changes_the_amounts(
    case: Case,
    *,
    parameters: ParameterSet | None = None,
    compute: Compute = compute_month,
) -> None:
    """The amounts are computed whatever holds the payment (R8: what-if needs them): the same
    month with the declaration and the card in gives the same units and payments, and is payable."""
    parameters = parameters or ParameterSet.default()
    held = compute(case.worker, case.employer, case.month, case.history, parameters=parameters)
    month = case.month.model_copy(update={"employer_declared": True, "card_submitted": True})
    free = compute(case.worker, case.employer, month, case.history, parameters=parameters)
    if (held.units, held.payments) != (free.units, free.payments):
        _fail(
            "the_paperwork_never_changes_the_amounts",
            f"with the paperwork held: {held.payments}; with it in: {free.payments}",
        )
    if free.status is not PaymentStatus.PAYABLE:
        _fail("the_paperwork_never_changes_the_amounts", f"all in, yet {free.status.value}")


def without_process_inputs(case: Case) -> Case:
    """The same case with every input only the process rules read at its default: an electronic
    card without an issue date (R10, R8's timing), no workshop (R10), living in Belgium with no
    region (R11, R12), the occupation not given (R14), and a history with no spell, no last
    temporary unemployment, no change of payment body (R12, R13) and no weeks counted (R14). The
    paperwork (the declaration, the card submitted), which decides the status, is kept."""
    month: Month = case.month.model_copy(
        update={"control_card": ControlCard.ELECTRONIC, "paper_card_issued": None}
    )
    employer: Employer = case.employer.model_copy(update={"sheltered_workshop": False})
    worker: Worker = case.worker.model_copy(
        update={"residence_country": BELGIUM, "residence_region": None, "occupation": None}
    )
    history: History = case.history.model_copy(
        update={
            "spell": None,
            "last_unemployment": None,
            "payment_body_changed": False,
            "reason_limits": ReasonLimitCounters(),
        }
    )
    return Case(worker, employer, month, history)


def _money_of(result: MonthResult) -> tuple[Any, ...]:
    """What the process rules must leave alone: units, daily amounts, payments, the status and the
    money counters the month leaves."""
    after = result.history_after
    return (
        result.units,
        result.daily_amounts,
        result.payments,
        result.status,
        after.supplement_units,
        after.cp124_credit_used,
    )


def the_process_rules_never_change_the_amounts(
    case: Case,
    *,
    parameters: ParameterSet | None = None,
    compute: Compute = compute_month,
) -> None:
    """The process rules (R10-R14 and R8's timing) explain and never pay: the same case with
    their inputs at their defaults (an electronic card, no workshop, living in Belgium, no region,
    occupation, spell, last temporary unemployment or weeks counted) gives the same units, daily
    amounts, payments, status and money counters after the month."""
    parameters = parameters or ParameterSet.default()
    plain = without_process_inputs(case)
    given = compute(case.worker, case.employer, case.month, case.history, parameters=parameters)
    bare = compute(plain.worker, plain.employer, plain.month, plain.history, parameters=parameters)
    labels = (
        "units",
        "daily amounts",
        "payments",
        "status",
        "supplement units after",
        "CP 124 credit used after",
    )
    for label, with_them, without in zip(labels, _money_of(given), _money_of(bare), strict=True):
        if with_them != without:
            _fail(
                "the_process_rules_never_change_the_amounts",
                f"{label}: {with_them} with the process rules' inputs of the case, {without} "
                "with them at their defaults",
            )


def _doc(check: Callable[..., Any]) -> str:
    return " ".join((check.__doc__ or "").split())


def _with_parameters(check: Callable[[MonthResult], None]) -> Callable[..., None]:
    def run(result: MonthResult, parameters: ParameterSet) -> None:
        check(result)

    return run


INVARIANTS: tuple[Invariant, ...] = (
    *(
        Invariant(c.__name__, _doc(c), _with_parameters(c), "result")
        for c in (
            amounts_are_cents,
            payments_add_up,
            units_are_the_quarter_rounded_hours,
            frost_units_are_counted_per_reason,
            status_follows_the_paperwork,
            no_supplement_on_force_majeure,
        )
    ),
    *(
        Invariant(c.__name__, _doc(c), c, "result")
        for c in (
            withholding_is_the_rounded_rate_times_the_gross,
            daily_amount_is_the_rounded_rate_times_the_capped_daily_wage,
            supplement_from_the_27th_unit,
            construction_credit_is_never_exceeded,
            supplement_is_paid_at_the_amount_in_force,
            construction_top_up_is_paid_at_the_category_amount_in_force,
        )
    ),
    *(
        Invariant(c.__name__, _doc(c), c, "case")
        for c in (
            allowance_rises_with_the_wage_up_to_the_ceiling,
            an_override_moves_only_what_depends_on_it,
            the_paperwork_never_changes_the_amounts,
            the_process_rules_never_change_the_amounts,
        )
    ),
)
"""Every invariant of the pack, by name, with its description."""


def check_case(
    case: Case,
    *,
    parameters: ParameterSet | None = None,
    compute: Compute = compute_month,
    only: Iterable[str] | None = None,
) -> None:
    """Run every invariant (or those named in ``only``) on ``case``; the first that fails raises
    :class:`InvariantViolation`. The case is computed once for all the single-result ones."""
    parameters = parameters or ParameterSet.default()
    wanted = None if only is None else set(only)
    unknown = (wanted or set()) - {i.name for i in INVARIANTS}
    if unknown:
        raise ValueError(f"unknown invariant(s) {sorted(unknown)}; see INVARIANTS")
    chosen = [i for i in INVARIANTS if wanted is None or i.name in wanted]
    if any(i.on == "result" for i in chosen):
        result = compute(
            case.worker, case.employer, case.month, case.history, parameters=parameters
        )
    for invariant in chosen:
        if invariant.on == "result":
            invariant.check(result, parameters)
        else:
            invariant.check(case, parameters=parameters, compute=compute)
