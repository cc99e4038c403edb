"""Exact money helpers: half-up rounding on integers, conversions that ignore the decimal context."""

import decimal
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chomage_rules.core import memo
from chomage_rules.core.money import (
    DECIMAL_DIGITS_LIMIT,
    cents_to_decimal,
    check_decimal_size,
    decimal_to_cents,
    decimal_to_ratio,
    digits_written_out,
    format_cents,
    format_fraction,
    half_units_to_decimal,
    half_up_div,
    hundredths,
)


def test_half_up_rounds_ties_up() -> None:
    assert half_up_div(5, 2) == 3  # 2.5 -> 3
    assert half_up_div(7, 2) == 4  # 3.5 -> 4 (not to even)
    assert half_up_div(4, 2) == 2
    assert half_up_div(249, 100) == 2  # 2.49 -> 2
    assert half_up_div(250, 100) == 3  # 2.50 -> 3


def test_half_up_on_numpy_columns() -> None:
    # the population engine passes int64 columns, denominators included (units: P × 6 / B per row);
    # element by element as above: 5/2 = 2.5 -> 3, 7/2 = 3.5 -> 4, 249/100 -> 2, 250/100 -> 3,
    # 5/3 = 1.67 -> 2, 9/1 = 9
    numerators = np.array([5, 7, 249, 250, 5, 9], dtype=np.int64)
    denominators = np.array([2, 2, 100, 100, 3, 1], dtype=np.int64)
    assert half_up_div(numerators, denominators).tolist() == [3, 4, 2, 3, 2, 9]


def test_half_up_stays_an_exact_integer() -> None:
    # integer arithmetic only: (10**18 + 1) / 2 = 500,000,000,000,000,000.5 → half up
    # 500,000,000,000,000,001. A float on the way (10**18 + 1 + 1.0) has no unit digit left at 1e18
    # (its step there is 128) and would give …000.
    result = half_up_div(10**18 + 1, 2)
    assert result == 5 * 10**17 + 1
    assert type(result) is int


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
    # the message names the unit the value is counted in
    with pytest.raises(ValueError, match=r"37\.555 is not a whole number of hundredths"):
        hundredths(Decimal("37.555"))


def test_cents_to_decimal_builds_each_value_with_its_sign() -> None:
    # an empty cache, so that every value below is built here, not answered from earlier tests
    memo.clear()
    assert str(cents_to_decimal(0)) == "0.00"  # zero has no sign (not "-0.00")
    assert str(cents_to_decimal(7)) == "0.07"
    assert str(cents_to_decimal(-5)) == "-0.05"
    assert str(cents_to_decimal(-329911)) == "-3299.11"


def test_half_units_to_decimal_builds_each_value() -> None:
    # an empty cache, so that the values are built here: 19 half units = 9.5 units, 20 = 10.0,
    # 1 = 0.5, 0 = 0.0
    memo.clear()
    assert [str(half_units_to_decimal(n)) for n in (19, 20, 1, 0)] == ["9.5", "10.0", "0.5", "0.0"]


def test_formatting() -> None:
    assert format_cents(329911) == "3,299.11"
    assert format_cents(-5) == "-0.05"
    assert format_cents(0) == "0.00"  # zero has no sign
    # 3,299.11 / 26 = 126.888846… (not exact)
    assert format_fraction(329911, 2600) == "126.8888…"
    assert format_fraction(6000, 100) == "60.00"
    assert format_fraction(12345, 10000) == "1.2345"


def test_format_fraction_signs_and_places() -> None:
    # the sign is that of the quotient, whichever term carries it; zero has none
    assert format_fraction(-329911, 2600) == "-126.8888…"
    assert format_fraction(1, -4) == "-0.25"  # -1/4 exactly
    assert format_fraction(0, -5) == "0.00"
    # places=0: no decimal point; 6/2 = 3 exactly, 7/2 = 3.5 shown as 3 and "…"
    assert format_fraction(6, 2, places=0) == "3"
    assert format_fraction(7, 2, places=0) == "3…"
    # three places, exact: 1.500 -> trailing zeros dropped down to two decimals -> 1.50
    assert format_fraction(1500, 1000, places=3) == "1.50"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("3500.00", 6),  # 3500 and 00
        ("0.001", 4),  # 0 and 001
        ("1E+5000", 5001),  # a 1 and 5,000 zeros
        ("1E-999999999", 1_000_000_000),  # 0 and 999,999,999 decimals
        ("-12.5", 3),
        ("0", 1),
        ("0E+3", 4),  # zero written with an exponent: 0000
    ],
)
def test_digits_written_out(text: str, digits: int) -> None:
    assert digits_written_out(Decimal(text)) == digits


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(bool))
def test_digits_written_out_counts_the_plain_text(value: Decimal) -> None:
    # the digits of format(value, "f") (plain notation), a leading "0." counted as one digit
    # (zero aside: format writes 0E+3 as "0", where the count keeps its exponent's zeros)
    assert digits_written_out(value) == sum(c.isdigit() for c in format(value, "f"))


def test_check_decimal_size_refuses_what_would_take_minutes_to_convert() -> None:
    # the limit, and one digit more; written with an exponent, a billion digits
    check_decimal_size(Decimal("9" * DECIMAL_DIGITS_LIMIT), "the wage")
    with pytest.raises(ValueError, match=r"the wage has 101 digits when written out in full"):
        check_decimal_size(Decimal("9" * (DECIMAL_DIGITS_LIMIT + 1)), "the wage")
    with pytest.raises(ValueError, match=r"the rate has 1,000,000,000 digits"):
        check_decimal_size(Decimal("1E+999999999"), "the rate")
    # NaN and infinities are left to the checks of finiteness
    check_decimal_size(Decimal("NaN"), "x")
    check_decimal_size(Decimal("-Infinity"), "x")


def test_the_conversions_refuse_an_overlong_decimal_at_once() -> None:
    # before: as_integer_ratio() built a billion-digit integer, for minutes
    for convert in (decimal_to_cents, hundredths, decimal_to_ratio):
        with pytest.raises(ValueError, match="digits when written out in full"):
            convert(Decimal("1E+999999999"))
