"""``hypothesis_jsonschema.from_schema`` made to work with the pinned hypothesis.

hypothesis-jsonschema 0.23.1 (its last release) draws an object's properties with hypothesis's
private ``cu.many(...)`` and calls ``elements.more()`` / ``elements.reject()`` on it. Hypothesis
6.170 turned ``many`` into a context manager iterated with ``for _ in elements``, without
``more()``: every object schema failed with ``AttributeError: 'many' object has no attribute
'more'``. :class:`_Many` gives the old two methods on top of the new class, and is handed to
hypothesis-jsonschema alone (its module's ``cu``), so hypothesis itself is untouched. Remove it
when hypothesis-jsonschema follows hypothesis.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from hypothesis.internal.conjecture import utils
from hypothesis_jsonschema import _from_schema, from_schema

__all__ = ["from_schema"]


class _Many:
    """``many`` with the ``more()`` and ``reject()`` hypothesis-jsonschema calls."""

    def __init__(self, data: Any, **sizes: Any) -> None:
        self._many = utils.many(data, **sizes)
        self._elements: Iterator[None] | None = None

    def more(self) -> bool:
        """Whether to draw one more element (entering the new ``many`` on the first call and
        leaving it on the last, as a ``with`` block would)."""
        if self._elements is None:
            self._elements = iter(self._many.__enter__())
        if next(self._elements, False) is None:
            return True
        self._many.__exit__(None, None, None)
        return False

    def reject(self) -> None:
        self._many.reject()


if not hasattr(utils.many, "more"):
    _from_schema.cu = SimpleNamespace(many=_Many)  # type: ignore[attr-defined]
