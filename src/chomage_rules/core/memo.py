"""The library's caches of what it computes, in one place (a cache only where it earns its keep).

(Files are read once: the shipped parameters and the message catalogue. Nothing else is kept
between calls.) Two things computed are worth keeping, each measured in
``benchmarks/bench_month.py``:

- what is derived from a ParameterSet alone: a month's figures as the rules read them
  (``kernel.month_figures``). A back end computes a month for many workers; reading some thirty
  dated parameters anew for each costs more than the worker's whole computation. The set is
  immutable, so what is derived from it holds for its whole life, and goes with it (weakly
  referenced: a what-if set that is dropped takes its entries along);
- the ``Decimal`` of an amount in cents, or of a number of units: a result's amounts repeat
  across workers (0.00, the month's daily amounts …), and building a ``Decimal`` from text costs
  several times a look-up. Decimals are immutable, so sharing them changes nothing.

:func:`clear` empties both: ``tests/test_memo.py`` checks that results and explanations are the
same, byte for byte, with the caches warm and cold.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import Any, TypeVar

__all__ = ["clear", "clear_shared", "derived", "shared"]

_T = TypeVar("_T")

_DERIVED: weakref.WeakKeyDictionary[Any, dict[Hashable, Any]] = weakref.WeakKeyDictionary()
_SHARED: list[dict[int, Decimal]] = []
_SHARED_MAX = 1 << 16


def derived(owner: Any, key: Hashable, make: Callable[[], _T]) -> _T:
    """What ``make()`` derives from the immutable ``owner`` alone, made once per owner and key."""
    entries = _DERIVED.get(owner)
    if entries is None:
        entries = _DERIVED[owner] = {}
    if key not in entries:
        entries[key] = make()
    value: _T = entries[key]
    return value


def shared(make: Callable[[int], Decimal]) -> Callable[[int], Decimal]:
    """``make``, with the Decimals it builds kept and shared (bounded: emptied when full)."""
    kept: dict[int, Decimal] = {}
    _SHARED.append(kept)

    def get(number: int) -> Decimal:
        value = kept.get(number)
        if value is None:
            if len(kept) >= _SHARED_MAX:
                kept.clear()
            value = kept[number] = make(number)
        return value

    return get


def clear_shared() -> None:
    """Forget the shared Decimals only (to time what building them costs)."""
    for kept in _SHARED:
        kept.clear()


def clear() -> None:
    """Forget everything kept (for tests and benchmarks: results do not depend on it)."""
    _DERIVED.clear()
    for kept in _SHARED:
        kept.clear()
