"""Exact money helpers: half-up rounding on integers, conversions that ignore the decimal context."""

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chomage_rules.money import (
    cents_to_decimal,
    decimal_to_cents,
    format_cents,
    format_fraction,
    half_up_div,
    hundredths,
)


def test_half_up_rounds_ties_up() -> None:
    assert half_up_div(5, 2) == 3  # 2.5 -> 3
    assert half_up_div(7, 2) == 4  # 3.5 -> 4 (not to even)
    assert half_up_div(4, 2) == 2
    assert half_up_div(249, 100) == 2  # 2.49 -> 2
    assert half_up_div(250, 100) == 3  # 2.50 -> 3


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=1, max_value=10**9))
def test_half_up_matches_decimal_round_half_up(numerator: int, denominator: int) -> None:
    context = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)
    expected = context.divide(Decimal(numerator), Decimal(denominator)).quantize(
        Decimal(1), context=context
    )
    assert half_up_div(numerator, denominator) == int(expected)


def test_conversions_do_not_read_the_decimal_context() -> None:
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_DOWN
        # 349999 has six digits: arithmetic under prec=3 would give 3.49E+5
        assert decimal_to_cents(Decimal("3499.99")) == 349999
        assert cents_to_decimal(349999) == Decimal("3499.99")
        assert str(cents_to_decimal(349999)) == "3499.99"


def test_cents_round_trip_and_sign() -> None:
    assert cents_to_decimal(-5) == Decimal("-0.05")
    assert decimal_to_cents(Decimal("3500")) == 350000
    assert decimal_to_cents(Decimal("3500.000")) == 350000
    with pytest.raises(ValueError, match="whole number of cents"):
        decimal_to_cents(Decimal("0.001"))
    assert hundredths(Decimal("37.5")) == 3750


def test_formatting() -> None:
    assert format_cents(329911) == "3,299.11"
    assert format_cents(-5) == "-0.05"
    # 3,299.11 / 26 = 126.888846… (not exact)
    assert format_fraction(329911, 2600) == "126.8888…"
    assert format_fraction(6000, 100) == "60.00"
    assert format_fraction(12345, 10000) == "1.2345"
