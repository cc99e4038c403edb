"""The JSON Schema the models publish for their amounts, hours, units, dates and whole numbers.

Pydantic's own schema for a ``Decimal`` says "a JSON number or a string", but the models refuse a
number with a fraction (``3200.5``, ``1e3``: a binary float cannot hold a cent exactly); a client
generated from that schema would send what the library refuses. The schemas here say what the
models take from a JSON document instead: an amount is a **string** whose ``pattern`` holds only
values the model accepts (at most two decimals, within its bounds), or a JSON integer within the
same bounds. Validation also reads a few other spellings (``"1E+3"``, ``" 3200"``), which the
schema leaves out: the schema is the form to write, and every document it accepts passes the
field's checks. What no schema can say (a check digit, a date against another date) is listed in
``chomage_rules.RULES_OUTSIDE_THE_SCHEMA`` (``case/schemas.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import JsonValue

__all__ = ["DATE", "decimal_schema", "schema_rules", "whole_number"]

DATE: dict[str, Any] = {
    "type": "string",
    "format": "date",
    # [0-9], not \d: a JSON Schema validator in Python reads \d as any Unicode digit
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
}
"""A calendar day as the models read it from JSON: ``2024-06-03`` (a number is not a day)."""


def whole_number(minimum: int, maximum: int) -> dict[str, Any]:
    """A JSON integer from ``minimum`` to ``maximum``."""
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


def _below(limit: int) -> str:
    """A regular expression of the whole numbers from 1 to ``limit - 1``, written without
    leading zeros (``limit`` >= 2): the shorter numbers, then for each digit of ``limit`` the
    numbers of its length that share its digits before it and have a smaller one there."""
    text = str(limit)
    parts = [f"[1-9][0-9]{{0,{len(text) - 2}}}"] if len(text) > 1 else []
    for position, digit in enumerate(text):
        lowest = 1 if position == 0 else 0
        if int(digit) > lowest:
            rest = len(text) - position - 1
            tail = f"[0-9]{{{rest}}}" if rest else ""
            parts.append(f"{text[:position]}[{lowest}-{int(digit) - 1}]{tail}")
    return "|".join(parts)


def _decimal_pattern(maximum: int, *, positive: bool, halves: bool) -> str:
    """The strings of the values from 0 (excluded when ``positive``) to ``maximum``, at most two
    decimals (or, with ``halves``, whole or half: ``.5``, ``.50``)."""
    fraction = r"(\.(0|00|5|50))?" if halves else r"(\.[0-9]{1,2})?"
    whole = f"({_below(maximum)}){fraction}" if maximum > 1 else None
    top = rf"{maximum}(\.00?)?"
    above_zero = r"0\.(5|50)" if halves else r"0\.(0[1-9]|[1-9][0-9]?)"
    small = above_zero if positive else f"0{fraction}"
    return "^(" + "|".join(p for p in (small, whole, top) if p) + ")$"


def decimal_schema(
    maximum: Decimal, *, positive: bool, halves: bool = False, what: str
) -> dict[str, Any]:
    """An amount, hours or units in a JSON document: text of at most two decimals from 0 (or
    above 0, when ``positive``) to ``maximum`` (a whole number), or a JSON integer in the same
    range. ``halves``: whole or half units only."""
    top = int(maximum)
    if top != maximum:
        raise ValueError(f"the largest value must be whole, not {maximum}")
    return {
        "anyOf": [
            {"type": "string", "pattern": _decimal_pattern(top, positive=positive, halves=halves)},
            whole_number(1 if positive else 0, top),
        ],
        "description": what,
    }


def schema_rules(rules: dict[str, Any]) -> dict[str, JsonValue]:
    """The rules between a model's fields that its schema states (its ``json_schema_extra``)."""
    return rules
