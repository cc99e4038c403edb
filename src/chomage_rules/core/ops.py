"""The few array operations the rules need, for single values.

A rule takes ``ops`` as its first argument and calls ``ops.minimum``, ``ops.maximum``, ``ops.where``,
``ops.any`` and ``ops.take`` (a table look-up) where a plain ``min``/``max``/``if`` would not work on numpy columns. With
:data:`SCALAR` they are Python's own; the population engine passes numpy's (``numpy.minimum``…).
Everything else in a rule is ``+ - * //`` and comparisons, which mean the same on both.
"""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["SCALAR", "Ops", "ScalarOps"]


class Ops(Protocol):
    def minimum(self, a: Any, b: Any, /) -> Any: ...
    def maximum(self, a: Any, b: Any, /) -> Any: ...
    def where(self, condition: Any, if_true: Any, if_false: Any, /) -> Any: ...
    def any(self, condition: Any, /) -> bool: ...
    def take(self, table: tuple[int, ...], index: Any, /) -> Any: ...


class ScalarOps:
    """Ops on Python ints and bools."""

    @staticmethod
    def minimum(a: Any, b: Any, /) -> Any:
        return a if a <= b else b

    @staticmethod
    def maximum(a: Any, b: Any, /) -> Any:
        return a if a >= b else b

    @staticmethod
    def where(condition: Any, if_true: Any, if_false: Any, /) -> Any:
        return if_true if condition else if_false

    @staticmethod
    def any(condition: Any, /) -> bool:
        return bool(condition)

    @staticmethod
    def take(table: tuple[int, ...], index: Any, /) -> Any:
        return table[index]


SCALAR: Ops = ScalarOps()
