"""The rules' few array operations (:class:`chomage_rules.rules.ops.Ops`) on numpy columns.

A rule written for one worker runs unchanged on whole columns with these: ``+ - * //`` and the
comparisons already mean the same on numpy int64 arrays. Where both operands are plain Python
values (a column that holds one value everywhere is passed as a scalar), the scalar operation is
used, so such values stay exact Python integers and cost nothing per row.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["NUMPY", "NumpyOps"]


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray)


class NumpyOps:
    """Ops on numpy int64 / bool arrays, falling back to Python's own for scalars."""

    @staticmethod
    def minimum(a: Any, b: Any, /) -> Any:
        if _is_array(a) or _is_array(b):
            return np.minimum(a, b)
        return a if a <= b else b

    @staticmethod
    def maximum(a: Any, b: Any, /) -> Any:
        if _is_array(a) or _is_array(b):
            return np.maximum(a, b)
        return a if a >= b else b

    @staticmethod
    def where(condition: Any, if_true: Any, if_false: Any, /) -> Any:
        if _is_array(condition):
            return np.where(condition, if_true, if_false)
        return if_true if condition else if_false

    @staticmethod
    def any(condition: Any, /) -> bool:
        return bool(np.any(condition)) if _is_array(condition) else bool(condition)

    @staticmethod
    def take(table: tuple[int, ...], index: Any, /) -> Any:
        if _is_array(index):
            return np.asarray(table, dtype=np.int64)[index]
        return table[int(index)]


NUMPY = NumpyOps()
