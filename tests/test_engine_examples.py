"""compute_month end to end: each expected number is derived in a comment."""

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from chomage_rules import (
    Cp124Category,
    DayEntry,
    DayStatus,
    History,
    LastUnemployment,
    ParameterSet,
    PaymentStatus,
    Reason,
    WorkRegime,
    compute_month,
    compute_months,
)
from tests.helpers import employer, frost_january, month_of, unemployed, worker, working_days

D = Decimal


def test_issue_example_june_2024() -> None:
    w = worker(
        days_per_week=5, weekly_hours=D("38"), cp124_category="II", has_legitimation_card=True
    )
    june = month_of(
        2024,
        6,
        unemployed([date(2024, 6, 3)], Reason.ECONOMIC),
        unemployed([date(2024, 6, 4)], Reason.FORCE_MAJEURE),
    )
    r = compute_month(w, employer("124"), june, History(supplement_units=D("30")))
    # one day of a 5-day week: 7.6 h × 6 / 38 = 1.2 → 1 unit each
    assert r.units == {Reason.ECONOMIC: D("1"), Reason.FORCE_MAJEURE: D("1")}
    # 0.60 × 3,365.16 / 26 = 77.6575… → 77.66 ; 0.65 × 3,365.16 / 26 = 84.129 → 84.13
    assert r.daily_amounts == {Reason.ECONOMIC: D("77.66"), Reason.FORCE_MAJEURE: D("84.13")}
    assert r.gross_allowance == D("161.79")  # 77.66 + 84.13
    assert r.sector_top_up == D("15.26")  # CP 124 category II: 2 units × 7.63
    assert r.employer_supplement == D("5.10")  # 3,500 ≤ 4,000: 1 economic unit × 5.10 (not FM)
    # 0.2675 × (161.79 + 15.26) = 47.3609 → 47.36 ; 0.2675 × 5.10 = 1.36425 → 1.36
    assert (r.payment_body_withholding, r.employer_withholding) == (D("47.36"), D("1.36"))
    assert r.withholding == D("48.72")
    assert r.net_total == D("133.43")  # (177.05 − 47.36) + (5.10 − 1.36)
    assert [(p.payer, p.net) for p in r.payments] == [
        ("payment_body", D("129.69")),
        ("employer", D("3.74")),
        ("sector_fund", D("0.00")),
    ]
    assert r.status is PaymentStatus.PAYABLE
    # R14: the week of 3 June has 1 economic day and 4 days of work (a week of reduced work);
    # the last day of temporary unemployment is 4 June
    assert r.history_after == History(
        through=date(2024, 6, 30),
        supplement_units=D("31"),
        cp124_credit_used=D("2"),
        reason_limits={"reduced_weeks": 1, "last_unemployed": date(2024, 6, 4)},
        # R12: the two weeks of work from 10 June ended the spell of 3-4 June on 23 June, so no
        # spell runs at the end of June; R13: the last day of temporary unemployment is kept
        last_unemployment=LastUnemployment(
            day=date(2024, 6, 4), regime=WorkRegime.FULL_TIME, weekly_hours=D("38")
        ),
    )


def test_csc_statement_13_units_at_62_44() -> None:
    # 0.60 × 2,705.73 / 26 = 62.4399… → 62.44 ; 13 × 62.44 = 811.72 (the CSC statement line)
    r = compute_month(
        worker(monthly_gross_wage=D("2705.73")),
        employer("111.01"),
        month_of(2024, 6, unemployed(working_days(2024, 6, 13), Reason.ECONOMIC)),
    )
    assert r.daily_amounts[Reason.ECONOMIC] == D("62.44")
    assert r.gross_allowance == D("811.72")
    assert r.payment_body_withholding == D("217.14")  # 0.2675 × 811.72 = 217.1351 → 217.14
    assert r.employer_supplement == D("66.30")  # 13 × 5.10, wage ≤ 4,000
    assert r.employer_withholding == D("17.74")  # 0.2675 × 66.30 = 17.735 25 → 17.74
    assert r.net_total == D("643.14")  # 594.58 + 48.56


def test_supplement_from_the_27th_unit_above_the_threshold() -> None:
    # 4,500 > 4,000; 24 units counted before + 5 this month: units 25-29, only 27, 28, 29 get it
    r = compute_month(
        worker(monthly_gross_wage=D("4500.00")),
        employer(),
        month_of(2024, 6, unemployed(working_days(2024, 6, 5), Reason.ECONOMIC)),
        History(supplement_units=D("24")),
    )
    assert r.employer_supplement == D("15.30")  # 3 × 5.10
    assert r.history_after.supplement_units == D("29")
    assert not r.step("supplement.threshold").applies
    assert r.step("supplement.day_27").applies


def test_force_majeure_units_neither_get_nor_count_towards_the_supplement() -> None:
    r = compute_month(
        worker(monthly_gross_wage=D("4500.00")),
        employer(),
        month_of(2024, 6, unemployed(working_days(2024, 6, 5), Reason.FORCE_MAJEURE)),
        History(supplement_units=D("30")),
    )
    assert r.employer_supplement == D("0.00")
    assert r.history_after.supplement_units == D("30")
    # 0.65 × 3,365.16 / 26 = 84.129 → 84.13 × 5 = 420.65
    assert r.gross_allowance == D("420.65")


def test_agreement_or_fund_changes_who_pays() -> None:
    june = month_of(2024, 6, unemployed(working_days(2024, 6, 10), Reason.ECONOMIC))
    none = compute_month(worker(), employer(agreement_guarantees_supplement=True), june)
    assert none.employer_supplement == D("0.00")
    fund = compute_month(worker(), employer(supplement_paid_by_fund=True), june)
    # 10 × 5.10 = 51.00 paid by the fund, which withholds 0.2675 × 51 = 13.6425 → 13.64
    assert fund.payment("sector_fund").gross == D("51.00")
    assert fund.payment("sector_fund").withholding == D("13.64")
    assert fund.payment("employer").gross == D("0.00")
    assert fund.withholding == fund.payment_body_withholding + D("13.64")


def test_construction_credit_runs_out_and_frost_units_stay_outside() -> None:
    w = worker(cp124_category=Cp124Category.III, has_legitimation_card=True)
    days = working_days(2024, 2, 5)
    february = month_of(
        2024,
        2,
        unemployed(days[:3], Reason.BAD_WEATHER, frost_period=True),
        unemployed(days[3:], Reason.ECONOMIC),
    )
    r = compute_month(w, employer("124"), february, History(cp124_credit_used=D("59")))
    # 5 units: 3 in a frost period (outside the credit, no frost amount sourced → 0),
    # 2 on the credit but only 1 left: 1 × 10.08 = 10.08
    assert r.sector_top_up == D("10.08")
    assert r.history_after.cp124_credit_used == D("60")
    assert any(n.code == "construction.frost_amount_missing" for n in r.notices)
    # a caller who has the frost amount supplies it: 3 × 5.00 = 15.00 more
    frost = ParameterSet.default().override({"construction.frost_amount.III": D("5.00")})
    r2 = compute_month(
        w, employer("124"), february, History(cp124_credit_used=D("59")), parameters=frost
    )
    assert r2.sector_top_up == D("25.08")


def frost_worker() -> dict[str, object]:
    """The issue's CP 124 worker: 2,500.00 a month, 38 h over 5 days, category II, card held."""
    return {
        "monthly_gross_wage": D("2500.00"),
        "weekly_hours": D("38"),
        "days_per_week": 5,
        "cp124_category": "II",
        "has_legitimation_card": True,
    }


def test_a_month_of_frost_days_only_draws_nothing_on_the_credit() -> None:
    january = frost_january()
    r = compute_month(worker(**frost_worker()), employer("124"), january)
    # each reason: 2 days × 7.6 h × 6 / 38 = 2.4 → 2.5 units, all in a frost period: 7.5 frost
    # units (counted together, 45.6 h × 6 / 38 = 7.2 → 7 would leave 0.5 on the credit)
    assert r.units == dict.fromkeys(
        (Reason.ECONOMIC, Reason.BAD_WEATHER, Reason.TECHNICAL_ACCIDENT), D("2.5")
    )
    assert r.step("construction.frost").values["units"] == 15  # half units: 7.5 units
    # nothing on the credit, so no credit top-up; no frost amount is sourced, so none is paid
    assert r.construction_units_paid == D("0")
    assert r.sector_top_up == D("0.00")
    assert r.history_after.cp124_credit_used == D("0")


def test_frost_units_of_each_reason_stay_within_that_reason() -> None:
    june = month_of(
        2024,
        6,
        unemployed([date(2024, 6, 3)], Reason.ECONOMIC, frost_period=True),
        unemployed([date(2024, 6, 4)], Reason.BAD_WEATHER, frost_period=True),
        unemployed([date(2024, 6, 5)], Reason.TECHNICAL_ACCIDENT),
    )
    r = compute_month(worker(**frost_worker()), employer("124"), june)
    # each day: 7.6 h × 6 / 38 = 1.2 → 1 unit; frost: 1 economic + 1 bad weather = 2 units
    # (pooled, 15.2 h × 6 / 38 = 2.4 → 2.5); the technical accident's unit is on the credit
    assert r.step("construction.frost").values["units"] == 4
    assert r.construction_units_paid == D("1")
    assert r.sector_top_up == D("7.63")  # category II: 1 × 7.63
    assert r.history_after.cp124_credit_used == D("1")


def test_construction_needs_committee_124_card_and_category() -> None:
    june = month_of(2024, 6, unemployed(working_days(2024, 6, 2), Reason.ECONOMIC))
    for w, e in (
        (worker(cp124_category="I", has_legitimation_card=True), employer("200")),
        (worker(cp124_category="I", has_legitimation_card=False), employer("124")),
        (worker(has_legitimation_card=True), employer("124")),
    ):
        r = compute_month(w, e, june)
        assert r.sector_top_up == D("0.00")
        step = r.step("construction.eligibility")
        assert not step.applies and "joint committee" in step.formula


def test_counters_restart_with_the_calendar_and_service_year() -> None:
    w = worker(monthly_gross_wage=D("4500.00"), cp124_category="I", has_legitimation_card=True)
    history = History(
        through=date(2024, 9, 30), supplement_units=D("40"), cp124_credit_used=D("60")
    )
    october = month_of(2024, 10, unemployed(working_days(2024, 10, 2), Reason.ECONOMIC))
    r = compute_month(w, employer("124"), october, history)
    # same calendar year: 40 counted, above 4,000 → both units get 5.10 ; new service year: credit 0 → 2 × 6.34
    assert (r.employer_supplement, r.sector_top_up) == (D("10.20"), D("12.68"))
    january = month_of(2025, 1, unemployed(working_days(2025, 1, 2), Reason.ECONOMIC))
    r = compute_month(
        w, employer("124"), january, History(through=date(2024, 12, 31), supplement_units=D("40"))
    )
    # new calendar year: counter 0 → units 1-2 are free above the 2025 threshold 4,155
    assert r.employer_supplement == D("0.00")
    assert r.history_after.supplement_units == D("2")


def test_covid_period_70_percent_and_15_percent_withholding() -> None:
    r = compute_month(
        worker(monthly_gross_wage=D("2000.00")),
        employer(),
        month_of(2021, 6, unemployed(working_days(2021, 6, 10), Reason.FORCE_MAJEURE)),
    )
    # 0.70 × 2,000 / 26 = 53.846… → 53.85 ; × 10 = 538.50 ; 0.15 × 538.50 = 80.775 → 80.78
    assert r.gross_allowance == D("538.50")
    assert r.payment_body_withholding == D("80.78")
    assert r.employer_supplement == D("0.00")  # the 2024 supplement did not exist
    assert not r.step("supplement.in_force").applies


def test_minimum_daily_amount_december_2022() -> None:
    r = compute_month(
        worker(monthly_gross_wage=D("1500.00")),
        employer(),
        month_of(2022, 12, unemployed(working_days(2022, 12, 2), Reason.ECONOMIC)),
    )
    # 0.65 × 1,500 / 26 = 37.50, raised to the minimum 61.37 ; 2 × 61.37 = 122.74
    assert r.daily_amounts[Reason.ECONOMIC] == D("61.37")
    assert r.gross_allowance == D("122.74")
    assert r.step("allowance.minimum").applies


def test_energy_crisis_scheme() -> None:
    r = compute_month(
        worker(monthly_gross_wage=D("3000.00")),
        employer(),
        month_of(2022, 11, unemployed(working_days(2022, 11, 4), Reason.ENERGY_CRISIS)),
    )
    # 0.70 × 3,000 / 26 = 80.769… → 80.77 ; 4 × 80.77 = 323.08 ; energy supplement 4 × 6.34 = 25.36
    assert r.gross_allowance == D("323.08")
    assert r.employer_supplement == D("25.36")
    assert r.payment_body_withholding == D("86.42")  # 0.2675 × 323.08 = 86.4239
    assert r.employer_withholding == D("6.78")  # 0.2675 × 25.36 = 6.7838


def test_hourly_paid_worker() -> None:
    w = worker(
        monthly_gross_wage=None, hourly_wage=D("20.00"), weekly_hours=D("38"), days_per_week=5
    )
    r = compute_month(
        w,
        employer(),
        month_of(2024, 6, unemployed(working_days(2024, 6, 5, six_day=False), Reason.ECONOMIC)),
    )
    # 5 days × 7.6 h = 38 h → 38 × 6 / 38 = 6 units ; 20.00 × 38 / 6 = 126.666… ; × 0.60 = 76.00
    assert r.units[Reason.ECONOMIC] == D("6")
    assert r.gross_allowance == D("456.00")
    # 20 × 38 × 26 / 6 = 3,293.33 ≤ 4,000 → 6 × 5.10 = 30.60
    assert r.employer_supplement == D("30.60")


def test_part_time_with_income_guarantee() -> None:
    w = worker(
        monthly_gross_wage=D("1750.00"),
        weekly_hours=D("19"),
        days_per_week=5,
        regime=WorkRegime.PART_TIME_INCOME_GUARANTEE,
        full_time_weekly_hours=D("38"),
    )
    r = compute_month(
        w,
        employer(),
        month_of(2024, 6, unemployed(working_days(2024, 6, 4, six_day=False), Reason.ECONOMIC)),
    )
    # 4 days × 3.8 h = 15.2 h ; 15.2 × 6 / S 38 = 2.4 → 2.5 units ; 0.6 × 1,750 / 26 = 40.3846 → 40.38
    assert r.units[Reason.ECONOMIC] == D("2.5")
    assert r.gross_allowance == D("100.95")  # 2.5 × 40.38
    assert r.employer_supplement == D("12.75")  # 2.5 × 5.10


def test_explicit_hours_give_half_units() -> None:
    w = worker(days_per_week=5, weekly_hours=D("38"))
    day = [
        DayEntry(
            day=date(2024, 6, 3),
            status=DayStatus.TEMPORARY_UNEMPLOYMENT,
            reason=Reason.ECONOMIC,
            hours=D("3.8"),
        )
    ]
    r = compute_month(w, employer(), month_of(2024, 6, day))
    # 3.8 × 6 / 38 = 0.6 → 0.5 unit ; 0.5 × 77.66 = 38.83
    assert r.units[Reason.ECONOMIC] == D("0.5")
    assert r.gross_allowance == D("38.83")


def test_payment_status_does_not_change_the_amounts() -> None:
    days = unemployed(working_days(2024, 6, 3), Reason.ECONOMIC)
    paid = compute_month(worker(), employer(), month_of(2024, 6, days))
    held = compute_month(
        worker(), employer(), month_of(2024, 6, days, employer_declared=False, card_submitted=False)
    )
    assert held.status is PaymentStatus.AWAITING_EMPLOYER_DECLARATION
    assert held.net_total == paid.net_total
    codes = {n.code for n in held.notices}
    assert {"payment.awaiting_employer_declaration", "payment.awaiting_control_card"} <= codes


def test_month_before_the_parameters_is_bad_input_at_the_month() -> None:
    # the figures start on 2020-03-01: January 2020 is out of range, a ValidationError naming
    # the month (it was a ParameterNotCovered, which the README did not list for bad input)
    with pytest.raises(ValidationError) as caught:
        compute_month(worker(), employer(), month_of(2020, 1))
    (error,) = caught.value.errors()
    assert error["loc"] == ("month",) and "the month 2020-01" in error["msg"]


def test_compute_months_threads_the_counters() -> None:
    w = worker(monthly_gross_wage=D("4500.00"))
    months = [
        month_of(2024, m, unemployed(working_days(2024, m, 10), Reason.ECONOMIC)) for m in (1, 2, 3)
    ]
    results = compute_months(w, employer(), months)
    # 10 + 10 + 10 units: the first 26 are free → 0, 0, then 4 units × 5.00 in March
    assert [r.employer_supplement for r in results] == [D("0.00"), D("0.00"), D("20.00")]
    assert results[-1].history_after.supplement_units == D("30")


def test_a_result_cannot_be_changed_and_equals_the_same_computation() -> None:
    month = month_of(2024, 6, unemployed(working_days(2024, 6, 2), Reason.ECONOMIC))
    r = compute_month(worker(), employer(), month)
    with pytest.raises(AttributeError, match="cannot be changed"):
        r.net_total = D("1.00")  # type: ignore[misc]
    assert r == compute_month(worker(), employer(), month)
    # the same inputs under other figures are another result
    other = ParameterSet.default().override({"rate.standard": "0.61"})
    assert r != compute_month(worker(), employer(), month, parameters=other)


def test_more_days_in_a_week_than_the_worker_works_is_refused() -> None:
    # eC3.2 starts with every day marked as temporary unemployment: a five-day worker with all
    # thirty days of June 2024 marked would be paid 36 units; the week of 3 June has 7 such days
    w = worker(days_per_week=5, weekly_hours=D("38"))
    june = month_of(2024, 6, unemployed([date(2024, 6, d) for d in range(1, 31)], Reason.ECONOMIC))
    with pytest.raises(ValidationError) as caught:
        compute_month(w, employer(), june)
    error = caught.value.errors()[0]
    assert error["loc"] == ("month", "days")
    assert "week of 2024-06-03 has 7 days" in error["msg"] and "5 working days" in error["msg"]
    # five days in that week are accepted: 5 × 7.6 h × 6 / 38 = 6 units
    five = month_of(2024, 6, unemployed([date(2024, 6, d) for d in range(3, 8)], Reason.ECONOMIC))
    assert compute_month(w, employer(), five).units[Reason.ECONOMIC] == D("6")


def test_csc_statement_line_with_its_sector_top_up_end_to_end() -> None:
    # « 13JX62,44: 811,72 FSE: 60 FIS: 233,19 »: the payment body withholds once on the allowance
    # and the sector top-up together. A 60.00 top-up through compute_month: a CP 124 worker with
    # 10 units of credit left, at a category amount of 6.00 (an override), gets 10 × 6.00 = 60.00
    # of the 13 units; 0.2675 × (811.72 + 60.00) = 233.1851 → 233.19
    six_euros = ParameterSet.default().override({"construction.amount.I": D("6.00")})
    r = compute_month(
        worker(monthly_gross_wage=D("2705.73"), cp124_category="I", has_legitimation_card=True),
        employer("124"),
        month_of(2024, 6, unemployed(working_days(2024, 6, 13), Reason.ECONOMIC)),
        History(cp124_credit_used=D("50")),
        parameters=six_euros,
    )
    assert (r.gross_allowance, r.sector_top_up) == (D("811.72"), D("60.00"))
    assert r.payment_body_withholding == D("233.19")


@pytest.mark.parametrize(
    ("year", "month", "daily"),
    [
        # Securex maxima at 65 %: the month's ceiling / 26 × 0.65, rounded once
        (2023, 3, "79.98"),  # 3,199.26 / 26 × 0.65 = 79.9815 → 79.98
        (2023, 8, "80.86"),  # 3,234.45 / 26 × 0.65 = 80.86125 → 80.86
        (2023, 12, "82.48"),  # 3,299.11 / 26 × 0.65 = 82.47775 → 82.48
        # the source document's figures from January 2024: 60 % of 3,299.11 / 26 = 76.1333… → 76.13
        (2024, 1, "76.13"),
    ],
)
def test_daily_maxima_where_their_ceiling_is_in_force(year: int, month: int, daily: str) -> None:
    reason = Reason.ECONOMIC if year == 2024 else Reason.FORCE_MAJEURE
    r = compute_month(
        worker(monthly_gross_wage=D("6000.00")),
        employer(),
        month_of(year, month, unemployed(working_days(year, month, 1), reason)),
    )
    assert r.daily_amounts[reason] == D(daily)


def test_supplement_figures_of_the_source_documents_where_in_force() -> None:
    # 5.00 until April 2024 with the 4,000 threshold; 5.20 and 4,155 in February 2025
    def supplement(year: int, month: int, wage: str) -> Decimal:
        r = compute_month(
            worker(monthly_gross_wage=D(wage)),
            employer(),
            month_of(year, month, unemployed(working_days(year, month, 2), Reason.ECONOMIC)),
        )
        return r.employer_supplement

    assert supplement(2024, 3, "4000.00") == D("10.00")  # 2 × 5.00, at the threshold: due
    assert supplement(2024, 3, "4000.01") == D("0.00")  # above it, before the 27th unit
    assert supplement(2025, 2, "4155.00") == D("10.40")  # 2 × 5.20
    assert supplement(2025, 2, "4155.01") == D("0.00")
