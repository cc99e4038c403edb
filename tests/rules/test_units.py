"""R4: units = quarter_round(P × 6 / B), in half units."""

import pytest

from chomage_rules.rules.units import quarter_round_half_units


@pytest.mark.parametrize(
    ("numerator", "denominator", "half_units"),
    [
        (12, 10, 2),  # 1.2 → fraction .2 < .25 → 1 unit
        (125, 100, 3),  # 1.25 → .25 ≤ f < .75 → 1.5 units
        (174, 100, 3),  # 1.74 → 1.5
        (175, 100, 4),  # 1.75 → up → 2 units
        (0, 7, 0),
        (24, 10, 5),  # 2.4 → 2.5
        (36, 10, 7),  # 3.6 → 3.5
        (48, 10, 10),  # 4.8 → 5
        (60, 10, 12),  # 6.0 → 6
    ],
)
def test_quarter_round(numerator: int, denominator: int, half_units: int) -> None:
    assert quarter_round_half_units(numerator, denominator) == half_units


def test_five_day_week_full_days() -> None:
    # 5-day week, Q = 38: a day is 7.6 h; n days → 7.6n × 6 / 38 = 1.2n units
    # 1 → 1.2 → 1; 2 → 2.4 → 2.5; 3 → 3.6 → 3.5; 4 → 4.8 → 5; 5 → 6.0 → 6
    expected = {1: 2, 2: 5, 3: 7, 4: 10, 5: 12}
    for days, half_units in expected.items():
        # numerator = days × Q_h × 6 (default hours), denominator = days_per_week × Q_h
        assert quarter_round_half_units(days * 3800 * 6, 5 * 3800) == half_units


def test_six_day_week_one_unit_per_day() -> None:
    for days in range(27):
        assert quarter_round_half_units(days * 3800 * 6, 6 * 3800) == 2 * days


def test_part_time_with_income_guarantee_divides_by_s() -> None:
    # 19 h a week over 5 days (3.8 h a day), S = 38: 4 days = 15.2 h → 15.2 × 6 / 38 = 2.4 → 2.5 units
    # numerator = hours scaled by days_per_week: 4 days × Q_h(1900) × 6; denominator = 5 × S_h(3800)
    assert quarter_round_half_units(4 * 1900 * 6, 5 * 3800) == 5
