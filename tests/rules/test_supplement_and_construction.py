"""R5 supplement (threshold, 27th unit) and R6 construction credit."""

import pytest

from chomage_rules.core.ops import SCALAR
from chomage_rules.rules.allowance import component_cents
from chomage_rules.rules.construction import credit_covered_half_units
from chomage_rules.rules.supplement import paid_half_units, wage_at_or_below_threshold

FREE = 52  # 26 units, in half units


def threshold(
    monthly_cents: int = 0,
    hourly_cents: int = 0,
    hourly: bool = False,
    q_h: int = 3800,
    threshold_cents: int = 400_000,
) -> bool:
    return bool(
        wage_at_or_below_threshold(
            SCALAR,
            monthly_wage_cents=monthly_cents,
            hourly_wage_cents=hourly_cents,
            paid_hourly=hourly,
            weekly_hours_h=q_h,
            threshold_cents=threshold_cents,
            divisor=26,
        )
    )


def test_threshold_is_at_most_not_below() -> None:
    # « ne dépasse pas 4.000 euros »: 4,000.00 gets it from the first unit, 4,000.01 does not
    assert threshold(400_000)
    assert not threshold(400_001)


def test_hourly_wage_is_compared_as_a_monthly_wage() -> None:
    # hourly × Q × 26 / 6: 24.29 × 38 × 26 / 6 = 3,999.75… ≤ 4,000; 24.30 → 4,001.4 > 4,000
    assert threshold(hourly_cents=2429, hourly=True)
    assert not threshold(hourly_cents=2430, hourly=True)


def test_hourly_wage_exactly_at_the_threshold_gets_it() -> None:
    # « ne dépasse pas »: at most, for hourly wages too. No hourly wage lands exactly on 4,000
    # (hourly × Q × 26 / 6 = 4,000 needs 13 | 4,000.00), so with an overridden threshold of 5,200:
    # 30.00 × 40 × 26 / 6 = 5,200.00 exactly → gets it; 30.01 → 5,201.73… > 5,200 → does not
    assert threshold(hourly_cents=3000, hourly=True, q_h=4000, threshold_cents=520_000)
    assert not threshold(hourly_cents=3001, hourly=True, q_h=4000, threshold_cents=520_000)


def test_day_27_above_the_threshold() -> None:
    def paid(prior_units: float, eligible_units: float) -> float:
        half = paid_half_units(
            SCALAR,
            eligible=int(eligible_units * 2),
            prior=int(prior_units * 2),
            free=FREE,
            at_or_below_threshold=False,
        )
        return half / 2

    assert paid(0, 26) == 0  # units 1-26 are free
    assert paid(0, 27) == 1  # the 27th unit gets it
    assert paid(25, 2) == 1  # units 26 and 27: only the 27th
    assert paid(26, 3) == 3  # 27, 28, 29
    assert paid(30, 5) == 5
    assert paid(25.5, 1) == 0.5  # half units: 26 is reached halfway through
    assert paid(10, 0) == 0


def test_at_or_below_the_threshold_every_unit() -> None:
    assert (
        paid_half_units(SCALAR, eligible=10, prior=0, free=FREE, at_or_below_threshold=True) == 10
    )


def test_supplement_amount() -> None:
    # 9.5 units × 5.10 = 48.45; 0.5 × 5.10 = 2.55; 13 × 5.20 = 67.60
    assert component_cents(19, 510) == 4845
    assert component_cents(1, 510) == 255
    assert component_cents(26, 520) == 6760


def test_half_units_times_odd_cents_round_half_up() -> None:
    # 0.5 × 62.45 = 31.225 → 31.23
    assert component_cents(1, 6245) == 3123


def test_component_on_numpy_columns() -> None:
    # the population engine passes a column of daily amounts; the same figures as above, per row:
    # 9.5 × 5.10 = 48.45, 0.5 × 5.10 = 2.55, 13 × 5.20 = 67.60, 0.5 × 62.45 = 31.225 → 31.23
    np = pytest.importorskip("numpy")
    half_units = np.array([19, 1, 26, 1], dtype=np.int64)
    amounts = np.array([510, 510, 520, 6245], dtype=np.int64)
    assert component_cents(half_units, amounts).tolist() == [4845, 255, 6760, 3123]


def test_construction_credit() -> None:
    credit = 120  # 60 units
    assert (
        credit_covered_half_units(SCALAR, units=24, credit=credit, used=100) == 20
    )  # 10 units left
    assert credit_covered_half_units(SCALAR, units=24, credit=credit, used=120) == 0  # exhausted
    assert credit_covered_half_units(SCALAR, units=24, credit=credit, used=0) == 24
    # an overridden, smaller credit than already used: nothing, never negative
    assert credit_covered_half_units(SCALAR, units=24, credit=80, used=100) == 0
