"""No national number in a population error: rows named by position and masked label.

Callers index their tables by whatever identifies a worker-month, often the national number
(11 digits, ``85073003328`` or ``85.07.30-033.28``); a column may hold one by mistake. An error is
logged, shown and kept, so neither its text, nor its ``loc``, nor its ``input`` may carry one, nor
anything one digit from one (a mistyped number is still personal data).

The rule is the models' (:data:`~chomage_rules.core.identifiers.DIGIT_RUN`): any run of **10 or
more digits** (separators ``.``, ``-``, ``/`` or a space between digits allowed, as national
numbers are written) is masked as :func:`~chomage_rules.core.identifiers.mask_niss` masks a
national number: only the last two digits stay, which lets a clerk match an error to a row without
exposing the number. No figure the library itself writes in a population error has that many
digits (limits are written ``1e+08``); the row's **position** always goes with its label, so a
masked label still finds the row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import numpy as np

from ..core.identifiers import DIGIT_RUN, LONG_DIGIT_RUN, mask_niss

__all__ = ["mask_digits", "number_text", "safe_input", "safe_label"]


def _digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit())


def _mask_run(match: re.Match[str]) -> str:
    return mask_niss(_digits(match.group()))  # DIGIT_RUN matches only runs long enough


def mask_digits(text: str) -> str:
    """``text`` with every run of 10 or more digits masked (``**.**.**-***.28``)."""
    return DIGIT_RUN.sub(_mask_run, text)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def safe_label(label: Any) -> str | int:
    """A row's index label as an error's ``loc`` may carry it: an int or a str, masked.

    A label whose text holds 10 or more digits in all (a national number, with or without
    separators, or one embedded in a longer key) is replaced by the mask of its digits: the
    position, shown next to it, still names the row.
    """
    label = _plain(label)
    if isinstance(label, int) and abs(label) >= _LONGEST:
        return number_text(label)
    text = label if isinstance(label, str) else str(label)
    digits = _digits(text)
    if len(digits) >= LONG_DIGIT_RUN:
        return mask_niss(digits)
    if isinstance(label, int) and not isinstance(label, bool):
        return label
    return text


def safe_input(value: Any) -> Any:
    """An error's ``input``: the value itself, unless its text holds a run of 9+ digits, which
    is masked (then the input is that masked text)."""
    value = _plain(value)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value) >= _LONGEST:
        return number_text(value)
    text = value if isinstance(value, str) else str(value)
    masked = mask_digits(text)
    return value if masked == text else masked


def number_text(value: Any, unit: str = "") -> str:
    """A value as given, with its unit, for a message: ``-5 cents``, ``2.5 units``, ``'abc'``; a
    value of 10 or more digits is described by its length only (``a number of units written
    with 19 digits``)."""
    value = _plain(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    of = f" of {unit}" if unit else ""
    if isinstance(value, int) and abs(value) >= _LONGEST:
        return f"a number{of} written with over {_LONGEST_DIGITS} digits"  # str() refuses it
    if isinstance(value, str):
        text = value.strip() if unit else repr(value)
    else:
        text = str(value) if isinstance(value, (int, float, Decimal)) else repr(value)
    digits = _digits(value if isinstance(value, str) else text)  # not repr()'s escapes
    if len(digits) >= LONG_DIGIT_RUN:
        return f"a number{of} written with {len(digits)} digits"
    return f"{text} {unit}" if unit else text


_LONGEST_DIGITS = 4000
_LONGEST = 10**_LONGEST_DIGITS
"""Python refuses to write an int of more than 4,300 digits (``str`` raises)."""
