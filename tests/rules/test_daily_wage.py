"""R1 Daily wage: ``min(wage, ceiling) / 26`` monthly, ``min(hourly × Q / 6, ceiling / 26)`` hourly,
kept as an exact fraction (R0: never rounded)."""

from datetime import date
from fractions import Fraction

import numpy as np
import pytest

from chomage_rules.core.errors import ParameterNotCovered
from chomage_rules.core.ops import SCALAR
from chomage_rules.explain.step import Step
from chomage_rules.kernel import month_figures
from chomage_rules.parameters import ParameterSet
from chomage_rules.parameters.month import resolve_month
from chomage_rules.population.ops import NUMPY
from chomage_rules.rules import daily_wage
from chomage_rules.rules.daily_wage import DailyWage

DEFAULT = ParameterSet.default()
JUNE_2024 = date(2024, 6, 1)
F = month_figures(DEFAULT, JUNE_2024).daily_wage  # ceiling 3,365.16 (from 2024-05-01), divisor 26


def monthly(wage_cents: int, f: daily_wage.Figures = F) -> DailyWage:
    return daily_wage.compute(
        SCALAR, f, monthly_wage_cents=wage_cents, hourly_wage_cents=0, weekly_hours_h=3800
    )


def hourly(hourly_cents: int, q_h: int = 3800, f: daily_wage.Figures = F) -> DailyWage:
    return daily_wage.compute(
        SCALAR, f, monthly_wage_cents=0, hourly_wage_cents=hourly_cents, weekly_hours_h=q_h
    )


def cents(wage: DailyWage) -> Fraction:
    """The daily wage in cents, as the exact fraction it stands for."""
    return Fraction(int(wage.numerator), wage.denominator)


def test_figures_in_force_in_june_2024() -> None:
    # wage.toml: monthly ceiling 3,365.16 from 2024-05-01 (ONEM T66); divisor 26 (1/26)
    assert F.ceiling_cents == 336516
    assert F.divisor == 26
    assert F.ceiling.name == "wage.monthly_ceiling"
    assert F.divisor_use.name == "wage.daily_divisor"


def test_monthly_wage_below_the_ceiling_is_not_capped() -> None:
    # 2,600.00 ≤ 3,365.16: 2,600.00 / 26 = 100.00 a day
    assert monthly(260_000) == DailyWage(260_000, 26, False)


def test_monthly_wage_above_the_ceiling_is_capped() -> None:
    # min(5,000.00, 3,365.16) / 26 = 3,365.16 / 26 = 129.4292… a day
    assert monthly(500_000) == DailyWage(336_516, 26, True)


def test_monthly_wage_exactly_at_the_ceiling_is_not_capped() -> None:
    # min(3,365.16, 3,365.16) = 3,365.16: the same figure, but the wage is not *above* the ceiling
    assert monthly(336_516) == DailyWage(336_516, 26, False)
    # one cent more is: min(3,365.17, 3,365.16) = 3,365.16, capped
    assert monthly(336_517) == DailyWage(336_516, 26, True)


def test_the_daily_wage_is_kept_exact() -> None:
    # 2,601.00 / 26 = 100.0384615…: not rounded to 100.04 (R0), the fraction stays 260,100 / 26
    wage = monthly(260_100)
    assert (wage.numerator, wage.denominator) == (260_100, 26)
    assert cents(wage) != 10_004


def test_hourly_wage_below_the_daily_ceiling() -> None:
    # 20.00 × Q 38 / 6 = 126.6666… a day (2,000 × 38 / 6 = 38,000 / 3 cents)
    # ≤ 3,365.16 / 26 = 129.4292…: not capped
    wage = hourly(2000)
    assert cents(wage) == Fraction(38_000, 3)
    assert wage.capped is False
    # common denominator: divisor 26 × 6 × 100 (Q in hundredths) = 15,600
    assert wage.denominator == 15_600


def test_hourly_wage_above_the_daily_ceiling_is_capped() -> None:
    # 25.00 × 38 / 6 = 158.3333… > 3,365.16 / 26 = 129.4292…: capped at 336,516 / 26 cents
    wage = hourly(2500)
    assert cents(wage) == Fraction(336_516, 26)
    assert wage.capped is True


def test_hourly_wage_exactly_at_the_daily_ceiling_is_not_capped() -> None:
    # with the ceiling overridden to 2,600.00, the daily ceiling is 2,600.00 / 26 = 100.00;
    # 15.00 × Q 40 / 6 = 100.00 exactly: at the ceiling, not above it
    f = month_figures(DEFAULT.override({"wage.monthly_ceiling": "2600.00"}), JUNE_2024)
    at = hourly(1500, q_h=4000, f=f.daily_wage)
    assert cents(at) == 10_000 and at.capped is False
    # 15.01 × 40 / 6 = 100.0666… > 100.00: capped at 100.00
    above = hourly(1501, q_h=4000, f=f.daily_wage)
    assert cents(above) == 10_000 and above.capped is True


def test_paid_hourly_is_having_an_hourly_wage() -> None:
    assert daily_wage.paid_hourly(0) is False
    assert daily_wage.paid_hourly(1) is True


def test_the_ceiling_in_force_on_the_first_day_of_the_month() -> None:
    # wage.toml: 3,299.11 from 2023-11-01, 3,234.45 from 2023-07-01, 2,754.76 from 2020-03-01
    assert month_figures(DEFAULT, date(2023, 11, 1)).daily_wage.ceiling_cents == 329_911
    assert month_figures(DEFAULT, date(2023, 10, 1)).daily_wage.ceiling_cents == 323_445
    assert month_figures(DEFAULT, date(2020, 3, 1)).daily_wage.ceiling_cents == 275_476


def test_a_month_before_the_first_ceiling_is_not_covered() -> None:
    # the first ceiling starts on 2020-03-01: February 2020 cannot be computed
    with pytest.raises(ParameterNotCovered) as raised:
        daily_wage.figures(resolve_month(DEFAULT, date(2020, 2, 1)))
    assert raised.value.name == "wage.monthly_ceiling"


def test_columns_give_the_scalar_figures() -> None:
    # rows: 2,600.00 a month (not capped), 5,000.00 a month (capped), 20.00 an hour at Q 38
    # (126.6666…, not capped), 25.00 an hour at Q 38 (158.33…, capped)
    monthly_wages = [260_000, 500_000, 0, 0]
    hourly_wages = [0, 0, 2000, 2500]
    hours = [3800, 3800, 3800, 3800]
    columns = daily_wage.compute(
        NUMPY,
        F,
        monthly_wage_cents=np.array(monthly_wages, dtype=np.int64),
        hourly_wage_cents=np.array(hourly_wages, dtype=np.int64),
        weekly_hours_h=np.array(hours, dtype=np.int64),
    )
    scalars = [
        daily_wage.compute(SCALAR, F, monthly_wage_cents=m, hourly_wage_cents=h, weekly_hours_h=q)
        for m, h, q in zip(monthly_wages, hourly_wages, hours, strict=True)
    ]
    assert [Fraction(int(n), columns.denominator) for n in columns.numerator] == [
        cents(s) for s in scalars
    ]
    assert columns.capped.tolist() == [s.capped for s in scalars] == [False, True, False, True]


def steps_of(
    wage_cents: int = 0, hourly_cents: int = 0, f: daily_wage.Figures = F
) -> tuple[Step, ...]:
    wage = daily_wage.compute(
        SCALAR,
        f,
        monthly_wage_cents=wage_cents,
        hourly_wage_cents=hourly_cents,
        weekly_hours_h=3800,
    )
    return daily_wage.steps(
        f, wage, monthly_wage_cents=wage_cents, hourly_wage_cents=hourly_cents, weekly_hours_h=3800
    )


def test_steps_of_a_capped_monthly_wage() -> None:
    ceiling, daily = steps_of(500_000)
    assert (ceiling.id, ceiling.rule, ceiling.applies) == ("wage.ceiling", "R1", True)
    assert ceiling.formula == "min(monthly gross wage 5,000.00, ceiling 3,365.16)"
    assert ceiling.result == "3,365.16: the wage is above the ceiling"
    assert [u.name for u in ceiling.parameters] == ["wage.monthly_ceiling"]
    # 3,365.16 / 26 = 129.42923…, shown with four decimals and … (not rounded)
    assert (daily.id, daily.applies) == ("wage.daily", True)
    assert daily.formula == "3,365.16 / 26"
    assert daily.result.startswith("129.4292…")
    assert [u.name for u in daily.parameters] == ["wage.daily_divisor"]


def test_steps_of_a_monthly_wage_below_the_ceiling() -> None:
    ceiling, daily = steps_of(260_000)
    assert ceiling.applies is False  # did not apply: the texts say why, with both figures
    assert "2,600.00" in ceiling.result and "3,365.16" in ceiling.result
    assert "not capped" in ceiling.result
    # 2,600.00 / 26 = 100.00 exactly
    assert daily.formula == "2,600.00 / 26"
    assert daily.result.startswith("100.00 ")


def test_steps_of_an_hourly_wage_are_one_step() -> None:
    (ceiling,) = steps_of(hourly_cents=2000)
    assert (ceiling.id, ceiling.applies) == ("wage.ceiling", False)
    # 20.00 × 38 / 6 = 126.6666…; 3,365.16 / 26 = 129.4292…
    assert "hourly wage 20.00 × Q 38.00 / 6 = 126.6666…" in ceiling.formula
    assert "ceiling 3,365.16 / 26 = 129.4292…" in ceiling.formula
    assert ceiling.result == "daily wage 126.6666…: not above the daily ceiling, not capped"
    assert [u.name for u in ceiling.parameters] == ["wage.monthly_ceiling", "wage.daily_divisor"]


def test_steps_of_a_capped_hourly_wage() -> None:
    # 25.00 × 38 / 6 = 158.3333… > 3,365.16 / 26 = 129.4292…: capped
    (ceiling,) = steps_of(hourly_cents=2500)
    assert ceiling.applies is True
    assert ceiling.result == "daily wage 129.4292… (capped at the ceiling)"


def test_steps_show_the_divisor_used() -> None:
    # with the divisor overridden to 30: 2,600.00 / 30 = 86.6666…, and the text says 30, not 26
    f = month_figures(DEFAULT.override({"wage.daily_divisor": "30"}), JUNE_2024).daily_wage
    _, daily = steps_of(260_000, f=f)
    assert daily.formula == "2,600.00 / 30"
    assert daily.result.startswith("86.6666…")
    assert "26" not in daily.formula


def test_a_monthly_wage_at_the_ceiling_beside_hourly_wages() -> None:
    # a column with an hourly wage takes the common-denominator path: the monthly row at exactly
    # 3,365.16 is still not *above* the ceiling, one cent more is (as in the scalar case)
    columns = daily_wage.compute(
        NUMPY,
        F,
        monthly_wage_cents=np.array([336_516, 336_517, 0], dtype=np.int64),
        hourly_wage_cents=np.array([0, 0, 2000], dtype=np.int64),
        weekly_hours_h=np.full(3, 3800, dtype=np.int64),
    )
    assert columns.capped.tolist() == [False, True, False]


def test_a_ceiling_supplied_as_zero_is_zero() -> None:
    # wage.monthly_ceiling overridden to 0.00 (read afresh): 0 cents, every wage capped at 0.00
    f = daily_wage.figures(
        resolve_month(DEFAULT.override({"wage.monthly_ceiling": "0.00"}), JUNE_2024)
    )
    assert f.ceiling_cents == 0
    assert monthly(260_000, f) == DailyWage(0, 26, True)


def test_every_step_names_its_rule_and_sources() -> None:
    # a monthly wage (the ceiling and the division) and an hourly one: R1 and its sources
    for step in (*steps_of(500_000), *steps_of(hourly_cents=2500), *steps_of(hourly_cents=2000)):
        assert (step.rule, step.sources) == ("R1", daily_wage.SOURCES), step.message
