"""R1 daily wage, R2 rate and R3 minimum: the daily amount, against published figures."""

import pytest

from chomage_rules.core.ops import SCALAR
from chomage_rules.rules import daily_wage
from chomage_rules.rules.daily_amount import daily_amount_cents, with_minimum

DIVISOR = 26
DEN = daily_wage.denominator(DIVISOR)  # 26 × 600 = 15,600


def monthly(wage_cents: int, ceiling_cents: int) -> int:
    return daily_wage.numerator(
        SCALAR,
        monthly_wage_cents=wage_cents,
        hourly_wage_cents=0,
        paid_hourly=False,
        weekly_hours_h=3800,
        ceiling_cents=ceiling_cents,
        divisor=DIVISOR,
    )


@pytest.mark.parametrize(
    ("ceiling_cents", "expected_cents"),
    [
        # Securex maxima at 65 % (fact sheet §3):
        (329911, 8248),  # 0.65 × 3,299.11 / 26 = 82.4777… → 82.48 (Nov 2023)
        (323445, 8086),  # 0.65 × 3,234.45 / 26 = 80.8612… → 80.86 (Jul-Oct 2023)
        (319926, 7998),  # 0.65 × 3,199.26 / 26 = 79.9815   → 79.98 (Dec 2022 - Jun 2023)
        (336516, 8413),  # 0.65 × 3,365.16 / 26 = 84.129    → 84.13 (May 2024, derived)
    ],
)
def test_securex_maxima_at_65_percent(ceiling_cents: int, expected_cents: int) -> None:
    numerator = monthly(1_000_000, ceiling_cents)  # a wage far above the ceiling
    assert daily_amount_cents(numerator, DEN, (13, 20)) == expected_cents


def test_ceiling_at_60_percent_2024() -> None:
    # 0.60 × 3,299.11 / 26 = 76.1333… → 76.13 ; 0.60 × 3,365.16 / 26 = 77.6575… → 77.66
    assert daily_amount_cents(monthly(500_000, 329911), DEN, (3, 5)) == 7613
    assert daily_amount_cents(monthly(500_000, 336516), DEN, (3, 5)) == 7766


def test_wage_below_the_ceiling_is_not_capped() -> None:
    # 2,600.00 / 26 = 100.00 a day; 60 % → 60.00 (fact sheet §10.5)
    assert daily_amount_cents(monthly(260_000, 336516), DEN, (3, 5)) == 6000


def test_half_cent_ties_round_up() -> None:
    # 60 %: 0.6 × w / 26 is a tie when w ≡ 0.65 (mod 1.30): 0.6 × 2,600.65 / 26 = 60.015 → 60.02
    assert daily_amount_cents(monthly(260_065, 336516), DEN, (3, 5)) == 6002
    # 65 %: a tie when w ≡ 1.00 (mod 2.00): 0.65 × 2,601.00 / 26 = 65.025 → 65.03
    assert daily_amount_cents(monthly(260_100, 336516), DEN, (13, 20)) == 6503
    # 70 %: a tie when w ≡ 1.30 (mod 2.60): 0.7 × 2,601.30 / 26 = 70.035 → 70.04
    assert daily_amount_cents(monthly(260_130, 336516), DEN, (7, 10)) == 7004


def test_rate_times_wage_is_one_fraction_not_a_rounded_daily_wage() -> None:
    # R0: never round the daily wage first. 2,601.00 / 26 = 100.0384615384615384615384615 at
    # Decimal's 28 digits (a hair below the exact 100.03846153…); × 0.65 = 65.02499999… → 65.02,
    # while the exact 0.65 × 2,601.00 / 26 = 65.025 is a tie → 65.03.
    assert daily_amount_cents(monthly(260_100, 336516), DEN, (13, 20)) == 6503
    # same for 2,600.60: exact 65.015 → 65.02 (the naive order gives 65.01)
    assert daily_amount_cents(monthly(260_060, 336516), DEN, (13, 20)) == 6502


def test_hourly_wage() -> None:
    # hourly 20.00 × Q 38 / 6 = 126.6666… a day (below 3,365.16 / 26 = 129.4292…);
    # 60 % → 76.00 exactly
    numerator = daily_wage.numerator(
        SCALAR,
        monthly_wage_cents=0,
        hourly_wage_cents=2000,
        paid_hourly=True,
        weekly_hours_h=3800,
        ceiling_cents=336516,
        divisor=DIVISOR,
    )
    assert daily_amount_cents(numerator, DEN, (3, 5)) == 7600
    # hourly 25.00 × 38 / 6 = 158.33 is above the daily ceiling 129.4292…: capped → 77.66 at 60 %
    capped = daily_wage.numerator(
        SCALAR,
        monthly_wage_cents=0,
        hourly_wage_cents=2500,
        paid_hourly=True,
        weekly_hours_h=3800,
        ceiling_cents=336516,
        divisor=DIVISOR,
    )
    assert daily_amount_cents(capped, DEN, (3, 5)) == 7766


def test_minimum_daily_amount() -> None:
    # R3: 2,000.00 / 26 × 65 % = 50.00 is raised to the Dec 2022 minimum 61.37; 80.00 stays
    assert with_minimum(SCALAR, 5000, 6137) == 6137
    assert with_minimum(SCALAR, 8000, 6137) == 8000
    # no sourced minimum: unchanged
    assert with_minimum(SCALAR, 5000, None) == 5000
