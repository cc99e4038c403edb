"""The rules' few array operations (:class:`chomage_rules.core.ops.Ops`) on numpy columns.

A rule written for one worker runs unchanged on whole columns with these: ``+ - * //`` and the
comparisons already mean the same on numpy int64 arrays. Where both operands are plain Python
values (a column that holds one value everywhere is passed as a scalar), the scalar operation is
used, so such values stay exact Python integers and cost nothing per row.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..core.ops import Flag, Num

__all__ = ["NUMPY", "NumpyOps"]


def _is_array(value: object) -> bool:
    return isinstance(value, np.ndarray)


def _same_value(a: object, b: object) -> bool:
    """Two plain Python values that are equal (a column is never the same value here)."""
    return type(a) is type(b) and type(a) in (int, bool) and a == b


class NumpyOps:
    """Ops on numpy int64 / bool arrays, falling back to Python's own for scalars."""

    @staticmethod
    def minimum(a: Num, b: Num, /) -> Num:
        if _is_array(a) or _is_array(b):
            return np.minimum(a, b)
        return a if a <= b else b

    @staticmethod
    def maximum(a: Num, b: Num, /) -> Num:
        if _is_array(a) or _is_array(b):
            return np.maximum(a, b)
        return a if a >= b else b

    @staticmethod
    def where(condition: Flag, if_true: Num, if_false: Num, /) -> Num:
        if _is_array(condition):
            if _same_value(if_true, if_false):
                return if_true  # one value either way: no column of it
            result: Any = np.where(condition, if_true, if_false)
            return result  # type: ignore[no-any-return]
        return if_true if condition else if_false

    @staticmethod
    def choose(condition: Flag, if_true: Flag, if_false: Flag, /) -> Flag:
        if _is_array(condition):
            result: Any = np.where(condition, if_true, if_false)
            return result  # type: ignore[no-any-return]
        return if_true if condition else if_false

    @staticmethod
    def any(condition: Num | Flag, /) -> bool:
        return bool(np.any(condition)) if _is_array(condition) else bool(condition)

    @staticmethod
    def take(table: tuple[int, ...], index: Num, /) -> Num:
        if _is_array(index):
            # numpy gathers by int64 positions about 3x faster than by the int8 codes of a
            # category column: the cast costs less than it saves
            return np.asarray(table, dtype=np.int64)[np.asarray(index, dtype=np.intp)]
        return table[int(index)]


NUMPY = NumpyOps()
