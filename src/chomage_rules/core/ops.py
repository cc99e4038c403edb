"""The arithmetic the rules are written in: exact integers, one value or a whole column.

A rule computes with ``+ - * //`` and comparisons, which mean the same on a Python ``int`` and on a
numpy ``int64`` column, and with the few operations of :class:`Ops` where a plain
``min``/``max``/``if`` would not work on a column. ``compute_month`` passes :data:`SCALAR`
(Python's own); the population engine passes numpy's (``population/ops.py``). There is one
definition of each rule, and it runs on both.

:data:`Num` and :data:`Flag` are the two kinds of value a rule handles, so that ``mypy --strict``
checks the rules' arithmetic on both. :func:`add`, :func:`subtract` and :func:`multiply` skip the
pass over a column when one side is a literal 0 or 1 (a reason nobody in a population has is the
literal 0, not a column of zeros).
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "SCALAR",
    "Flag",
    "Num",
    "Ops",
    "ScalarOps",
    "add",
    "is_zero",
    "multiply",
    "subtract",
    "total",
]

_K = TypeVar("_K")

Num: TypeAlias = "int | NDArray[np.int64]"
"""An exact integer (cents, hundredths of an hour, half units), or a column of them."""

Flag: TypeAlias = "bool | NDArray[np.bool_]"
"""A yes/no, or a column of them."""


class Ops(Protocol):
    """What a rule needs beyond ``+ - * //`` and comparisons."""

    def minimum(self, a: Num, b: Num, /) -> Num: ...
    def maximum(self, a: Num, b: Num, /) -> Num: ...
    def where(self, condition: Flag, if_true: Num, if_false: Num, /) -> Num: ...
    def choose(self, condition: Flag, if_true: Flag, if_false: Flag, /) -> Flag: ...
    def any(self, condition: Num | Flag, /) -> bool: ...
    def take(self, table: tuple[int, ...], index: Num, /) -> Num: ...


class ScalarOps:
    """:class:`Ops` on Python ints and bools."""

    @staticmethod
    def minimum(a: Num, b: Num, /) -> Num:
        return a if a <= b else b

    @staticmethod
    def maximum(a: Num, b: Num, /) -> Num:
        return a if a >= b else b

    @staticmethod
    def where(condition: Flag, if_true: Num, if_false: Num, /) -> Num:
        return if_true if condition else if_false

    @staticmethod
    def choose(condition: Flag, if_true: Flag, if_false: Flag, /) -> Flag:
        return if_true if condition else if_false

    @staticmethod
    def any(condition: Num | Flag, /) -> bool:
        return bool(condition)

    @staticmethod
    def take(table: tuple[int, ...], index: Num, /) -> Num:
        return table[int(index)]


SCALAR: Ops = ScalarOps()


def is_zero(value: Num) -> bool:
    """A literal 0 (not a column that happens to hold zeros)."""
    return type(value) is int and value == 0


def add(a: Num, b: Num) -> Num:
    """``a + b``, without a pass over a column when one side is a literal 0."""
    if type(b) is int:
        if b == 0:
            return a
    elif type(a) is int and a == 0:
        return b
    return a + b


def subtract(a: Num, b: Num) -> Num:
    """``a - b``, without a pass over a column when ``b`` is a literal 0."""
    return a if is_zero(b) else a - b


def multiply(a: Num, factor: Num) -> Num:
    """``a × factor``, without a pass over a column when the factor is a literal 0 or 1."""
    if type(factor) is int and (factor == 0 or factor == 1):  # noqa: PLR1714 - not a column
        return a if factor == 1 else 0
    return a * factor


def total(values: Mapping[_K, Num], keys: Container[_K]) -> Num:
    """The sum of the values whose key is among ``keys`` (a literal 0 if none is)."""
    result: Num = 0
    for key, value in values.items():
        if key in keys:
            result = add(result, value)
    return result
