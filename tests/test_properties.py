"""Invariants of compute_month over generated valid inputs (hypothesis)."""

import decimal
from datetime import date
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from chomage_rules import (
    DayStatus,
    Month,
    ParameterSet,
    Reason,
    WorkRegime,
    compute_month,
    compute_months,
)
from chomage_rules.core.money import cents_to_decimal
from chomage_rules.testing import Case, cases, months, parameter_sets, workers
from tests.helpers import employer

AMOUNT_FIELDS = (
    "gross_allowance",
    "sector_top_up",
    "employer_supplement",
    "payment_body_withholding",
    "employer_withholding",
    "sector_fund_withholding",
    "withholding",
    "net_total",
)


@given(cases())
def test_never_raises_and_amounts_are_cents_at_least_zero(case: Case) -> None:
    r = compute_month(case.worker, case.employer, case.month, case.history)
    amounts = [getattr(r, name) for name in AMOUNT_FIELDS]
    amounts += [x for p in r.payments for x in (p.gross, p.withholding, p.net)]
    amounts += list(r.daily_amounts.values())
    for amount in amounts:
        assert amount >= 0
        assert amount.as_tuple().exponent == -2  # exactly two decimals
    assert r.steps and r.explain("json")


@given(cases())
def test_totals_add_up(case: Case) -> None:
    r = compute_month(case.worker, case.employer, case.month, case.history)
    assert r.net_total == sum((p.net for p in r.payments), Decimal(0))
    assert r.withholding == sum((p.withholding for p in r.payments), Decimal(0))
    for p in r.payments:
        assert p.net == p.gross - p.withholding
    assert r.payment("payment_body").gross == r.gross_allowance + r.sector_top_up
    assert r.gross_allowance == sum((line.amount for line in r.allowance_lines), Decimal(0))


@given(cases(paid="monthly"), st.integers(1, 300_000))
def test_allowance_never_decreases_with_the_wage_and_stops_at_the_ceiling(
    case: Case, raise_cents: int
) -> None:
    w = case.worker
    assert w.monthly_gross_wage is not None
    richer = w.model_copy(
        update={"monthly_gross_wage": w.monthly_gross_wage + cents_to_decimal(raise_cents)}
    )
    low = compute_month(w, case.employer, case.month, case.history)
    high = compute_month(richer, case.employer, case.month, case.history)
    assert high.gross_allowance >= low.gross_allowance
    for reason, amount in low.daily_amounts.items():
        assert high.daily_amounts[reason] >= amount
    ceiling = ParameterSet.default().value("wage.monthly_ceiling", case.month.first_day)
    if w.monthly_gross_wage >= ceiling:
        assert high.gross_allowance == low.gross_allowance


@given(cases(days_per_week=6))
def test_six_day_week_a_full_day_is_one_unit(case: Case) -> None:
    days = dict.fromkeys(Reason, 0)
    for entry in case.month.days:
        if (
            entry.status is DayStatus.TEMPORARY_UNEMPLOYMENT
            and entry.hours is None
            and entry.reason
        ):
            days[entry.reason] += 1
    assume(all(e.hours is None for e in case.month.days))
    assume(
        case.worker.regime
        not in (WorkRegime.PART_TIME_INCOME_GUARANTEE, WorkRegime.VOLUNTARY_PART_TIME)
    )
    r = compute_month(case.worker, case.employer, case.month, case.history)
    for reason, units in r.units.items():
        assert units == days[reason]


@st.composite
def years_of_months(draw: st.DrawFn) -> tuple[object, list[Month]]:
    year = draw(st.sampled_from((2024, 2025, 2026)))
    worker = draw(workers(on=date(year, 1, 1), regime=WorkRegime.FULL_TIME, construction=False))
    chosen = sorted(draw(st.sets(st.integers(1, 12), min_size=1, max_size=12)))
    the_months = [
        draw(months(year, m, weekly_hours=worker.weekly_hours, days_per_week=worker.days_per_week))
        for m in chosen
    ]
    return worker, the_months


@given(years_of_months())
def test_splitting_a_year_gives_the_day_27_rule_of_the_whole_year(
    data: tuple[object, list[Month]],
) -> None:
    worker, the_months = data
    results = compute_months(worker, employer(), the_months)  # type: ignore[arg-type]
    # the counter after the last month is every eligible unit of the year (it started at zero)
    eligible_in_year = sum(
        (r.history_after.supplement_units - r.history.supplement_units for r in results), Decimal(0)
    )
    assert results[-1].history_after.supplement_units == eligible_in_year
    paid_in_year = sum((r.supplement_units_paid for r in results), Decimal(0))
    # the rule applied to the whole year at once (the threshold is one figure a year)
    above_threshold = not results[0].step("supplement.threshold").applies
    if above_threshold:
        assert paid_in_year == max(Decimal(0), eligible_in_year - 26)
    else:
        assert paid_in_year == eligible_in_year


@given(
    cases(), st.sampled_from([decimal.ROUND_DOWN, decimal.ROUND_HALF_EVEN, decimal.ROUND_CEILING])
)
def test_the_callers_decimal_context_changes_nothing(case: Case, rounding: str) -> None:
    expected = compute_month(case.worker, case.employer, case.month, case.history).explain("json")
    with decimal.localcontext() as context:
        context.prec = 5
        context.rounding = rounding
        got = compute_month(case.worker, case.employer, case.month, case.history).explain("json")
    assert got == expected


@given(cases(joint_committee="124"))
def test_construction_credit_never_exceeded(case: Case) -> None:
    r = compute_month(case.worker, case.employer, case.month, case.history)
    assert r.history_after.cp124_credit_used <= 60
    assert r.construction_units_paid <= sum(r.units.values(), Decimal(0))


@given(cases(paid="hourly"), st.integers(1, 10_000))
def test_hourly_allowance_never_decreases_with_the_wage_and_stops_at_the_ceiling(
    case: Case, raise_cents: int
) -> None:
    w = case.worker
    assert w.hourly_wage is not None
    richer = w.model_copy(update={"hourly_wage": w.hourly_wage + cents_to_decimal(raise_cents)})
    low = compute_month(w, case.employer, case.month, case.history)
    high = compute_month(richer, case.employer, case.month, case.history)
    assert high.gross_allowance >= low.gross_allowance
    # hourly × Q / 6 at or above the ceiling / 26: the daily wage is capped, nothing moves
    ceiling = ParameterSet.default().value("wage.monthly_ceiling", case.month.first_day)
    if w.hourly_wage * w.weekly_hours * 26 >= ceiling * 6:
        assert high.gross_allowance == low.gross_allowance


@given(st.data())
def test_invariants_hold_under_what_if_parameters(data: st.DataObject) -> None:
    parameters = data.draw(parameter_sets())
    case = data.draw(cases(parameters=parameters))
    r = compute_month(case.worker, case.employer, case.month, case.history, parameters=parameters)
    assert r.net_total == sum((p.net for p in r.payments), Decimal(0))
    for p in r.payments:
        assert p.gross >= 0 and p.withholding >= 0 and p.net == p.gross - p.withholding
        assert p.gross.as_tuple().exponent == -2
