"""Exact money: the only place that rounds (rulebook R0).

The rules compute in **integer cents** and exact integer fractions, so that no intermediate quotient
is ever rounded and the caller's ``decimal`` context (its precision, its rounding) plays no part.
``Decimal`` appears only at the edges: it is turned into integers on the way in and built back from
integers on the way out, without arithmetic that would read the context.

Every function that takes amounts also works, unchanged, on numpy ``int64`` arrays: the population
engine runs the same rules over whole columns (see ``docs/decisions.md``, "one definition per rule").

Rulebook R0: round **once**, half up (ROUND_HALF_UP), at (1) a daily amount, (2) a component amount
(units × a daily amount) and (3) a withholding per payer.
"""

from __future__ import annotations

from decimal import Decimal

from .memo import shared
from .ops import Num

__all__ = [
    "DECIMAL_DIGITS_LIMIT",
    "cents_to_decimal",
    "check_decimal_size",
    "decimal_to_cents",
    "decimal_to_ratio",
    "digits_written_out",
    "format_cents",
    "format_fraction",
    "half_units_to_decimal",
    "half_up_div",
    "hundredths",
]


def half_up_div(numerator: Num, denominator: Num) -> Num:
    """``numerator / denominator`` rounded to the nearest integer, halves up.

    For ``numerator >= 0`` and ``denominator > 0`` (all amounts are non-negative). Pure integer
    arithmetic, so it is exact at a tie: ``half_up_div(5, 2) == 3``, ``half_up_div(7, 2) == 4``.

    With ``n = q·d + r``, half up gives ``q + 1`` when ``2r ≥ d``. ``(n + d // 2) // d`` does
    exactly that: for an even ``d`` it adds 1 when ``r ≥ d/2``; for an odd ``d`` when
    ``r ≥ (d+1)/2``, i.e. ``2r > d``, which is ``2r ≥ d`` since ``2r = d`` cannot happen.
    """
    if type(denominator) is int and denominator == 1:
        return numerator  # a whole number already (e.g. a six-day full-timer's days)
    return (numerator + denominator // 2) // denominator


DECIMAL_DIGITS_LIMIT = 100
"""The most digits a figure may have written out in full (``3500.00`` has 6). Far above any amount,
hours or count the rules take, and small enough that turning it into integers costs nothing."""


_SHORT = 30
"""Below it, a Decimal's top digit and its text bound its length well within the limit."""


def digits_written_out(value: Decimal) -> int:
    """How many digits a finite Decimal has written out without an exponent.

    ``3500.00`` has 6, ``0.001`` has 4 (``0`` and ``001``), ``1E+5000`` has 5,001. Read from the
    Decimal's digits and exponent only, so it is instant for any size.
    """
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # 'n', 'N' or 'F': NaN or an infinity
        raise ValueError(f"{value} is not a finite number")
    whole = max(len(digits) + exponent, 1)
    fraction = max(-exponent, 0)
    return whole + fraction


def check_decimal_size(value: Decimal, what: str) -> None:
    """Raise ValueError, in plain words, when a Decimal is too long to be a figure of this library.

    Call it before anything turns a caller's Decimal into integers: ``1E+999999999`` is a short
    text, but as an exact integer it has a billion digits, and building it takes minutes and
    gigabytes. ``what`` names the figure for the message ("the monthly gross wage"). NaN and
    infinities pass: they are refused where finiteness is checked.
    """
    if not value.is_finite():
        return
    if -_SHORT < value.adjusted() < _SHORT and len(str(value)) < _SHORT:
        # the usual case, without building the digits' tuple (3 times slower): at most 30 digits
        # before the point and 28 + 29 after it (the coefficient has no more digits than its
        # text has characters), 87 in all
        return
    digits = digits_written_out(value)
    if digits > DECIMAL_DIGITS_LIMIT:
        raise ValueError(
            f"{what} has {digits:,} digits when written out in full; no figure here has more "
            f"than {DECIMAL_DIGITS_LIMIT}"
        )


def decimal_to_ratio(value: Decimal) -> tuple[int, int]:
    """A finite Decimal as an exact, reduced ``(numerator, denominator)``; no context involved.

    ValueError for a Decimal too long to be a figure (see :func:`check_decimal_size`).
    """
    check_decimal_size(value, "the number")
    return value.as_integer_ratio()


def decimal_to_cents(value: Decimal) -> int:
    """A Decimal amount with at most two decimals as integer cents; ValueError otherwise."""
    return _scaled(value, 100, "cent")


def hundredths(value: Decimal) -> int:
    """A Decimal quantity with at most two decimals (hours, units) as integer hundredths."""
    return _scaled(value, 100, "hundredth")


def _scaled(value: Decimal, scale: int, what: str) -> int:
    numerator, denominator = decimal_to_ratio(value)
    numerator *= scale
    if numerator % denominator:
        raise ValueError(f"{value} is not a whole number of {what}s")
    return numerator // denominator


def _decimal(cents: int) -> Decimal:
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return Decimal(f"{sign}{whole}.{part:02d}")


cents_to_decimal = shared(_decimal)
"""Integer cents as a Decimal with exactly two decimals (built from text: context-free; shared,
see :mod:`chomage_rules.core.memo`): ``cents_to_decimal(-5)`` is ``Decimal("-0.05")``."""


def _units(half_units: int) -> Decimal:
    whole, half = divmod(half_units, 2)
    return Decimal(f"{whole}.{5 if half else 0}")


half_units_to_decimal = shared(_units)
"""Half units as a number of units with one decimal: 19 is ``Decimal("9.5")``, 20 is
``Decimal("10.0")`` (shared, like amounts)."""


def format_cents(cents: int) -> str:
    """Integer cents for a reader: ``329911`` -> ``3,299.11``."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}"


def format_fraction(numerator: int, denominator: int, places: int = 4) -> str:
    """An exact fraction for a reader, with ``…`` when the decimals shown are not all of it.

    ``format_fraction(329911, 2600)`` -> ``126.8888…`` (the daily wage 3,299.11 / 26, in euros).
    """
    sign = "-" if (numerator < 0) != (denominator < 0) and numerator != 0 else ""
    numerator, denominator = abs(numerator), abs(denominator)
    scaled, remainder = divmod(numerator * 10**places, denominator)
    whole, part = divmod(scaled, 10**places)
    text = f"{sign}{whole:,}.{part:0{places}d}" if places else f"{sign}{whole:,}"
    if remainder:
        return text + "…"
    # exact: drop trailing zeros beyond two decimals
    if places > 2:
        text = text.rstrip("0")
        head, _, tail = text.partition(".")
        text = f"{head}.{tail:0<2}"
    return text
