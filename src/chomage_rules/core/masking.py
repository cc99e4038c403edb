"""What an error may repeat of a value it was given: never a national number (D56).

One rule for every error the library raises: a value that could hold a national number (a run
of ten digits or more, however written, in a text, a number, a mapping's keys or items) is
replaced by a masked copy or a word; anything else is repeated as given. The models' errors go
through it (``case/masking.py``) and so do the errors the library builds itself
(:func:`~chomage_rules.core.errors.input_error`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .identifiers import mask_digit_runs, mask_niss_input

__all__ = ["masked_key", "masked_value"]

_LONG_INPUT = 100
"""A list or mapping input with more items is not repeated (a month of a million entries)."""


def masked_value(value: Any, personal: frozenset[str] = frozenset()) -> Any:
    """``value`` itself when it cannot hold a national number, else a masked copy or a word."""
    if value is None or isinstance(value, bool | date):
        return value
    if isinstance(value, str):
        masked = mask_digit_runs(value)
        return value if masked == value else masked
    if isinstance(value, int) and value.bit_length() > _LONG_INPUT:
        return mask_niss_input(value)  # its text would be long (and above 4,300 digits, refused)
    if isinstance(value, int | float | Decimal):
        text = str(value)
        return value if mask_digit_runs(text) == text else mask_niss_input(value)
    if isinstance(value, Mapping | list | tuple):
        return _masked_container(value, personal)
    if isinstance(value, BaseModel) or mask_digit_runs(repr(value)) != repr(value):
        return f"(a {type(value).__name__}, not shown)"  # its JSON could hold the number
    return value


def masked_key(key: Any) -> Any:
    """A mapping key or a place in ``loc``, masked as a value is (a key may be the number)."""
    if isinstance(key, str | int) and not isinstance(key, bool):
        masked = masked_value(key)
        return key if masked is key else str(masked)
    return key


def _masked_container(
    value: Mapping[Any, Any] | list[Any] | tuple[Any, ...], personal: frozenset[str]
) -> Any:
    if len(value) > _LONG_INPUT:
        return f"(a {type(value).__name__} of {len(value):,} items, not shown)"
    if isinstance(value, Mapping):
        pairs = [
            (masked_key(key), mask_niss_input(item) if key in personal else masked_value(item))
            for key, item in value.items()
        ]
        changed = any(
            new_key is not key or new is not item
            for (new_key, new), (key, item) in zip(pairs, value.items(), strict=True)
        )
        masked = dict(pairs)
    else:
        items = [masked_value(item) for item in value]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        masked = items if isinstance(value, list) else tuple(items)  # type: ignore[assignment]
    return masked if changed else value
