"""R4 Units: ``units_r = quarter_round(P_r × 6 / B)``, B = Q or S, carried as half units; and the
week's limit (no more days of temporary unemployment in a calendar week than working days)."""

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest

from chomage_rules import DayEntry, Month, compute_month
from chomage_rules.core.ops import SCALAR
from chomage_rules.core.vocabulary import DayStatus, Reason, WorkRegime
from chomage_rules.explain.step import Step
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import units
from chomage_rules.rules.units import UnitScale
from tests.helpers import employer, month_of, unemployed, worker


def count(
    default_days: int = 0,
    explicit_h: int = 0,
    *,
    q_h: int = 3800,
    days_per_week: int = 5,
    uses_s: bool = False,
    s_h: int = 3800,
) -> int:
    """The half units of one economic reason."""
    result = units.compute(
        SCALAR,
        default_days={Reason.ECONOMIC: default_days},
        explicit_hours_h={Reason.ECONOMIC: explicit_h},
        weekly_hours_h=q_h,
        days_per_week=days_per_week,
        uses_full_time_hours=uses_s,
        full_time_weekly_hours_h=s_h,
    )
    return int(result.half_units[Reason.ECONOMIC])


@pytest.mark.parametrize(
    ("numerator", "denominator", "half_units"),
    [
        (12, 10, 2),  # 1.2 → fraction .2 < .25 → 1 unit
        (125, 100, 3),  # 1.25 → .25 ≤ f < .75 → 1.5 units
        (174, 100, 3),  # 1.74 → 1.5
        (175, 100, 4),  # 1.75 → up → 2 units
        (124, 100, 2),  # 1.24 → down → 1 unit
        (0, 7, 0),
        (24, 10, 5),  # 2.4 → 2.5
        (36, 10, 7),  # 3.6 → 3.5
        (48, 10, 10),  # 4.8 → 5
        (60, 10, 12),  # 6.0 → 6
    ],
)
def test_quarter_round(numerator: int, denominator: int, half_units: int) -> None:
    assert units.quarter_round(numerator, denominator) == half_units


def test_five_day_week_full_days() -> None:
    # 5-day week, Q = 38: a day is 7.6 h; n days → 7.6n × 6 / 38 = 1.2n units
    # 1 → 1.2 → 1; 2 → 2.4 → 2.5; 3 → 3.6 → 3.5; 4 → 4.8 → 5; 5 → 6.0 → 6
    assert [count(n) for n in range(1, 6)] == [2, 5, 7, 10, 12]


def test_six_day_week_one_unit_per_day() -> None:
    # Q / 6 hours a day × 6 / Q = 1 unit a day, whatever Q: 0 to 26 days → 0 to 26 units
    assert [count(n, days_per_week=6) for n in range(27)] == [2 * n for n in range(27)]
    assert [count(n, q_h=3650, days_per_week=6) for n in range(27)] == [2 * n for n in range(27)]


def test_part_time_with_income_guarantee_divides_by_s() -> None:
    # 19 h a week over 5 days (3.8 h a day), S = 38: 4 days = 15.2 h → 15.2 × 6 / 38 = 2.4 → 2.5
    assert count(4, q_h=1900, uses_s=True, s_h=3800) == 5
    # the same days counted against Q = 19 would be 15.2 × 6 / 19 = 4.8 → 5 units
    assert count(4, q_h=1900, uses_s=False, s_h=3800) == 10


def test_the_regimes_that_divide_by_s() -> None:
    # D10: with income guarantee and voluntary part-time count against S; the others against Q
    expected = {WorkRegime.PART_TIME_INCOME_GUARANTEE, WorkRegime.VOLUNTARY_PART_TIME}
    assert expected == units.REGIMES_USING_FULL_TIME_HOURS
    assert units.divisor_hours(SCALAR, 1900, True, 3800) == 3800
    assert units.divisor_hours(SCALAR, 1900, False, 3800) == 1900


def test_hours_given_day_by_day() -> None:
    # Q = 38, 5-day week: 4.00 h → 4 × 6 / 38 = 0.6315… → .25 ≤ f < .75 → 0.5 unit
    assert count(explicit_h=400) == 1
    # 2 days at 7.6 h + 4.00 h = 19.2 h → 19.2 × 6 / 38 = 3.0315… → 3 units
    assert count(2, 400) == 6


@pytest.mark.parametrize(
    ("hours_h", "half_units"),
    [
        # Q = 36 over 6 days: h × 6 / 36 = h / 6 units
        (149, 0),  # 1.49 / 6 = 0.2483… < .25 → 0
        (150, 1),  # 1.50 / 6 = 0.25 exactly → a half
        (449, 1),  # 4.49 / 6 = 0.7483… < .75 → a half
        (450, 2),  # 4.50 / 6 = 0.75 exactly → up, 1 unit
    ],
)
def test_quarter_boundaries_on_hours(hours_h: int, half_units: int) -> None:
    assert count(explicit_h=hours_h, q_h=3600, days_per_week=6) == half_units


def test_scale_is_reduced_for_single_values() -> None:
    # six-day full-timer, no explicit hours: 38 × 6 / (6 × 38) → (1, 0, 1): days / 1
    assert units.scale(3800, 6, 3800, False) == UnitScale(1, 0, 1)
    # with explicit hours: (3800 × 6, 6 × 6, 6 × 3800) = (22800, 36, 22800), gcd 12
    assert units.scale(3800, 6, 3800, True) == UnitScale(1900, 3, 1900)
    # five-day, Q 38: (22800, 0, 19000), gcd 3800 → (6, 0, 5)
    assert units.scale(3800, 5, 3800, False) == UnitScale(6, 0, 5)


def test_numerator_adds_default_days_and_hours() -> None:
    # (1900, 3, 1900): 2 days × 1900 + 400 hundredths × 3 = 3800 + 1200 = 5000 over 1900
    assert units.numerator(2, 400, UnitScale(1900, 3, 1900)) == 5000


def test_each_reason_counted_apart() -> None:
    # 5-day week, Q 38: 3 economic days → 3.6 → 3.5; 2 force-majeure days → 2.4 → 2.5
    result = units.compute(
        SCALAR,
        default_days={Reason.ECONOMIC: 3, Reason.FORCE_MAJEURE: 2},
        explicit_hours_h={Reason.ECONOMIC: 0, Reason.FORCE_MAJEURE: 0},
        weekly_hours_h=3800,
        days_per_week=5,
        uses_full_time_hours=False,
        full_time_weekly_hours_h=3800,
    )
    assert result.half_units == {Reason.ECONOMIC: 7, Reason.FORCE_MAJEURE: 5}


def test_columns_give_the_scalar_figures() -> None:
    # rows (days, hours, Q, days a week, S?, S):
    rows = [
        (3, 0, 3800, 5, False, 3800),  # 3.6 → 3.5
        (26, 0, 3800, 6, False, 3800),  # 26 days, six-day week → 26
        (4, 0, 1900, 5, True, 3800),  # 2.4 → 2.5 (against S)
        (0, 450, 3600, 6, False, 3600),  # 0.75 → 1
        (2, 400, 3800, 5, False, 3800),  # 3.0315… → 3
    ]
    days, hours, q, per_week, uses_s, s = (list(column) for column in zip(*rows, strict=True))
    columns = units.compute(
        NUMPY,
        default_days={Reason.ECONOMIC: np.array(days, dtype=np.int64)},
        explicit_hours_h={Reason.ECONOMIC: np.array(hours, dtype=np.int64)},
        weekly_hours_h=np.array(q, dtype=np.int64),
        days_per_week=np.array(per_week, dtype=np.int64),
        uses_full_time_hours=np.array(uses_s),
        full_time_weekly_hours_h=np.array(s, dtype=np.int64),
    )
    scalars = [
        count(d, h, q_h=qq, days_per_week=w, uses_s=u, s_h=ss) for d, h, qq, w, u, ss in rows
    ]
    assert columns.half_units[Reason.ECONOMIC].tolist() == scalars == [7, 52, 5, 2, 6]


def days_from(first: date, count: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(count)]


def test_a_week_holds_at_most_the_working_days() -> None:
    # Monday 2024-06-03 to Saturday 06-08: 6 days, a six-day worker's whole week: allowed
    assert units.overfull_weeks(days_from(date(2024, 6, 3), 6), 6) == []
    # to Sunday 06-09: 7 days in that week, more than 6
    assert units.overfull_weeks(days_from(date(2024, 6, 3), 7), 6) == [(date(2024, 6, 3), 7)]
    # a five-day worker: 6 days in the week are one too many
    assert units.overfull_weeks(days_from(date(2024, 6, 3), 6), 5) == [(date(2024, 6, 3), 6)]


def test_weeks_are_calendar_weeks() -> None:
    # Thursday 2024-06-06 to Wednesday 06-12: 4 days (Thu-Sun) and 3 days (Mon-Wed), none overfull
    assert units.overfull_weeks(days_from(date(2024, 6, 6), 7), 5) == []


def test_working_days_capacity() -> None:
    # June 2024 starts on a Saturday: Sat 1 - Sun 2 (2 days), then four whole weeks (3-30)
    # six-day week: min(6, 2) + 4 × 6 = 26; five-day week: min(5, 2) + 4 × 5 = 22
    assert units.working_days_capacity(date(2024, 6, 1), 6) == 26
    assert units.working_days_capacity(date(2024, 6, 1), 5) == 22
    # February 2021 is four whole weeks from Monday the 1st: 4 × 5 = 20
    assert units.working_days_capacity(date(2021, 2, 1), 5) == 20


def test_days_step() -> None:
    step = units.days_step(
        {Reason.ECONOMIC: 3, Reason.FORCE_MAJEURE: 2}, {DayStatus.WORKED: 10, DayStatus.HOLIDAY: 0}
    )
    assert (step.id, step.rule, step.applies) == ("input.days", "R4", True)
    # a status with no day is left out; 3 + 2 = 5 days
    assert step.formula == (
        "temporary unemployment: economic 3, force majeure 2; other days: worked 10"
    )
    assert step.result == "5 day(s) of temporary unemployment"


def test_days_step_without_a_day() -> None:
    step = units.days_step({}, {})
    assert (step.applies, step.message) == (False, "input.days.none")
    assert step.formula == "temporary unemployment: none; other days: none"


def test_steps_without_a_day() -> None:
    empty = units.Units({}, UnitScale(1, 0, 1), 3800)
    (step,) = units.steps(
        empty,
        days_by_reason={},
        default_days={},
        explicit_hours_h={},
        weekly_hours_h=3800,
        days_per_week=5,
        divisor_hours_h=3800,
        divisor_is_full_time=False,
    )
    assert (step.id, step.applies, step.message) == ("units.quarter_round", False, "units.none")
    assert (step.formula, step.result) == ("P = 0 hours of temporary unemployment", "no unit")


def steps_of(days: int, q_h: int, s_h: int, uses_s: bool) -> tuple[Step, ...]:
    result = units.compute(
        SCALAR,
        default_days={Reason.ECONOMIC: days},
        explicit_hours_h={Reason.ECONOMIC: 0},
        weekly_hours_h=q_h,
        days_per_week=5,
        uses_full_time_hours=uses_s,
        full_time_weekly_hours_h=s_h,
    )
    return units.steps(
        result,
        days_by_reason={Reason.ECONOMIC: days},
        default_days={Reason.ECONOMIC: days},
        explicit_hours_h={Reason.ECONOMIC: 0},
        weekly_hours_h=q_h,
        days_per_week=5,
        divisor_hours_h=int(units.divisor_hours(SCALAR, q_h, uses_s, s_h)),
        divisor_is_full_time=uses_s,
    )


def test_steps_show_p_the_division_and_the_rounding() -> None:
    # 3 days × 38 / 5 = 22.80 h; 22.80 × 6 / 38 = 3.60 → 3.5 units
    (step,) = steps_of(3, 3800, 3800, False)
    assert (step.id, step.rule, step.applies) == ("units.quarter_round.economic", "R4", True)
    assert step.formula == "P = 22.80 h over 3 day(s); 22.80 × 6 / Q 38.00 = 3.60"
    assert step.result.startswith("3.5 unit(s)")


def test_steps_show_s_for_the_income_guarantee() -> None:
    # 4 days × 19 / 5 = 15.20 h; 15.20 × 6 / S 38.00 = 2.40 → 2.5 units (not Q 19.00)
    (step,) = steps_of(4, 1900, 3800, True)
    assert step.formula == "P = 15.20 h over 4 day(s); 15.20 × 6 / S 38.00 = 2.40"
    assert step.result.startswith("2.5 unit(s)")


def test_scale_of_a_column_beside_single_values() -> None:
    # the population passes a column that holds one value everywhere as a single value, so a
    # column of Q can meet a single days-a-week and B: nothing is reduced then (gcd takes single
    # values only); per default day Q × 6 = (22800, 11400), explicit 0, over 5 × 3800 = 19000
    q_column = units.scale(np.array([3800, 1900], dtype=np.int64), 5, 3800, False)
    assert q_column.per_default_day.tolist() == [22800, 11400]
    assert (q_column.per_explicit_hundredth, q_column.denominator) == (0, 19000)
    # a single Q beside a column of days a week: 3800 × 6 = 22800 over (5, 6) × 3800
    days_column = units.scale(3800, np.array([5, 6], dtype=np.int64), 3800, False)
    assert (days_column.per_default_day, days_column.per_explicit_hundredth) == (22800, 0)
    assert days_column.denominator.tolist() == [19000, 22800]


def test_a_reduced_scale_is_exact_integers() -> None:
    # five-day week, Q 38, explicit hours: (3800 × 6, 5 × 6, 5 × 3800) = (22800, 30, 19000),
    # gcd 10 → (2280, 3, 1900), each an int (integer division, no float)
    reduced = units.scale(3800, 5, 3800, True)
    assert reduced == UnitScale(2280, 3, 1900)
    assert [type(factor) for factor in reduced] == [int, int, int]


def test_days_step_of_one_day() -> None:
    # one day is a day of temporary unemployment: the step applies
    step = units.days_step({Reason.ECONOMIC: 1}, {})
    assert (step.applies, step.message) == (True, "input.days")
    assert step.result == "1 day(s) of temporary unemployment"


def test_steps_add_the_days_and_the_hours_given() -> None:
    # five-day week, Q 38: 2 days at 38 / 5 = 7.60 h and one day of 4.00 h given:
    # P = 15.20 + 4.00 = 19.20 h over 3 days; 19.20 × 6 / 38 = 3.0315… → 3 units
    result = units.compute(
        SCALAR,
        default_days={Reason.ECONOMIC: 2},
        explicit_hours_h={Reason.ECONOMIC: 400},
        weekly_hours_h=3800,
        days_per_week=5,
        uses_full_time_hours=False,
        full_time_weekly_hours_h=3800,
    )
    (step,) = units.steps(
        result,
        days_by_reason={Reason.ECONOMIC: 3},
        default_days={Reason.ECONOMIC: 2},
        explicit_hours_h={Reason.ECONOMIC: 400},
        weekly_hours_h=3800,
        days_per_week=5,
        divisor_hours_h=3800,
        divisor_is_full_time=False,
    )
    assert step.formula == "P = 19.20 h over 3 day(s); 19.20 × 6 / Q 38.00 = 3.0315…"
    assert step.result.startswith("3 unit(s)")
    assert (step.rule, step.sources) == ("R4", units.SOURCES)


# --------------------------------------------------------------------------- days outside the week
# A five-day regime works Monday to Friday as a rule; a Saturday or a Sunday of temporary
# unemployment is paid as given (a week may include Saturdays) but named in a notice (issue 9,
# item 14). 2025-03-08 is a Saturday, 2025-03-09 a Sunday.


def _march_2025(*days: int) -> Month:
    return month_of(2025, 3, unemployed([date(2025, 3, d) for d in days], Reason.ECONOMIC))


def test_a_saturday_of_a_five_day_worker_is_paid_and_named_in_every_language() -> None:
    result = compute_month(worker(days_per_week=5), employer(), _march_2025(7, 8))
    # paid: 2 days × (38 / 5) h × 6 / 38 = 2.4 units, quarter-rounded to 2.5
    assert result.units == {Reason.ECONOMIC: Decimal("2.5")}
    (notice,) = [n for n in result.notices if n.code == "units.outside_working_week"]
    assert notice.values["days"] == (("day.saturday", {"day": date(2025, 3, 8)}),)
    texts = {lang: result.explain("text", lang) for lang in ("en", "fr", "nl")}
    assert "Saturday 2025-03-08" in texts["en"] and "five-day working regime" in texts["en"]
    assert "samedi 08/03/2025" in texts["fr"] and "régime de travail de cinq jours" in texts["fr"]
    assert "zaterdag 08/03/2025" in texts["nl"] and "vijfdagenstelsel" in texts["nl"]
    # the Friday is a working day of the regime: not named (other notices, R13's, give the
    # month's first day of temporary unemployment, 7 March)
    assert "2025-03-07" not in notice.text("en")
    document = result.as_json("en")
    assert any("Saturday 2025-03-08" in n["message"] for n in document["notices"])


def test_a_saturday_and_a_sunday_are_named_in_date_order() -> None:
    result = compute_month(worker(days_per_week=5), employer(), _march_2025(9, 3, 8))
    (notice,) = [n for n in result.notices if n.code == "units.outside_working_week"]
    assert notice.values["days"] == (
        ("day.saturday", {"day": date(2025, 3, 8)}),
        ("day.sunday", {"day": date(2025, 3, 9)}),
    )
    assert "(Saturday 2025-03-08, Sunday 2025-03-09)" in result.explain()
    assert "(zaterdag 08/03/2025, zondag 09/03/2025)" in result.explain(lang="nl")


def test_a_saturday_of_a_six_day_worker_is_no_notice() -> None:
    result = compute_month(worker(days_per_week=6), employer(), _march_2025(7, 8))
    assert "units.outside_working_week" not in {n.code for n in result.notices}


def test_a_five_day_month_of_weekdays_only_is_no_notice() -> None:
    result = compute_month(worker(days_per_week=5), employer(), _march_2025(3, 4, 5, 6, 7))
    assert "units.outside_working_week" not in {n.code for n in result.notices}


def test_a_saturday_worked_is_no_notice() -> None:
    # only days of temporary unemployment are paid, so only those are named
    month = Month(
        year=2025,
        month=3,
        days=[
            *unemployed([date(2025, 3, 7)], Reason.ECONOMIC),
            DayEntry(day=date(2025, 3, 8), status=DayStatus.WORKED),
        ],
    )
    result = compute_month(worker(days_per_week=5), employer(), month)
    assert "units.outside_working_week" not in {n.code for n in result.notices}


@pytest.mark.parametrize("days_per_week", [1, 2, 3, 4, 5, 6])
def test_days_outside_the_working_week_only_for_the_five_day_regime(days_per_week: int) -> None:
    days = [date(2025, 3, 9), date(2025, 3, 3), date(2025, 3, 8)]
    expected = (date(2025, 3, 8), date(2025, 3, 9)) if days_per_week == 5 else ()
    assert units.days_outside_the_working_week(days, days_per_week) == expected
