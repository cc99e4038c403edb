"""The input columns of a population, their validation as a whole, and their exact conversion.

One row is one worker-month with one employer. Every column but the wage is optional and has the
default of the matching model field (``Worker``, ``Employer``, ``Month``, ``History``); the table
:data:`COLUMNS` is the reference (``docs/population.md`` renders it).

Exactness: money is integer **cents** and hours integer **hundredths of an hour**, so that a column
never holds a binary fraction. A float column is accepted only where its values are exactly what
they say (whole cents, whole days; halves for unit counters, which binary floats hold exactly); any
other float value is refused with the row that holds it. Object columns of ``int``, ``Decimal`` or
``str`` are converted exactly, value by value (slower).

Bounds: every numeric column has the bounds of its model field, counters included (at most 318
units a year, :data:`MAX_YEAR_UNITS`). An integer column is compared as it is given, before it is
scaled to half units, so no value can wrap around in int64; the smallest int64 (what a missing
value becomes in an integer column) is refused as missing, like ``NaN``, ``None`` and ``pd.NA``.

Validation runs over whole columns before anything is computed. Each problem is reported once, at
the first row that has it, with the number of other rows that have it too, in one
``pydantic.ValidationError`` whose ``loc`` is ``(column, row)``: the row is the frame's index label
(or the position, for a mapping of arrays). Every column's problems are reported together; the
checks across columns (a wage and only one, the days of the month …) follow, on the rows with no
problem of their own. The message names the row by its label and its position; a label, value or
column name that could be a national number is masked (:mod:`.privacy`).
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..case.models import (
    MAX_DAY_HOURS,
    MAX_HOURLY_WAGE,
    MAX_MONTHLY_WAGE,
    MAX_UNITS_IN_A_YEAR,
    MAX_WEEKLY_HOURS,
)
from ..core.identifiers import is_joint_committee
from ..core.money import decimal_to_cents
from ..core.vocabulary import (
    ENERGY_CRISIS_FIRST_DAY,
    ENERGY_CRISIS_LAST_DAY,
    Cp124Category,
    Reason,
    WorkRegime,
)
from ..kernel import KernelInputs, MonthFigures
from ..rules import construction, units
from ..rules.units import working_days_capacity
from . import tables
from .privacy import mask_digits, number_text, safe_input, safe_label
from .threads import each

__all__ = ["COLUMNS", "Column", "Population", "read_population", "refuse_rows"]

Kind = Literal["cents", "hundredths", "count", "half_units", "flag", "category"]


@dataclass(frozen=True, slots=True)
class Column:
    """One input column: its name, what it holds, its default and its bounds."""

    name: str
    kind: Kind
    description: str
    default: int | bool | str | None
    """The value of a missing column (``None``: no default, see the description)."""
    high: int | None = None
    """The largest value allowed, in the column's unit (cents, hundredths, days, units)."""
    choices: tuple[str, ...] = ()
    positive: bool = False
    """0 is refused (the week's hours and days)."""
    too_high: str = "which cannot be right"
    """Why a value above ``high`` is refused, for the message."""


MAX_YEAR_UNITS = int(MAX_UNITS_IN_A_YEAR)
"""The most units a counter of a year can hold: six days a week, 53 weeks (``History``'s own
bound on ``supplement_units`` and ``cp124_credit_used``)."""

_YEAR_UNITS = "the most units a year holds (6 days a week, 53 weeks)"


def _cents(amount: Decimal) -> int:
    return decimal_to_cents(amount)


def _reason_columns() -> tuple[Column, ...]:
    columns = []
    for reason in Reason:
        columns.append(
            Column(
                f"days_{reason.value}",
                "count",
                f"Days of temporary unemployment for reason {reason.value} at the worker's usual "
                "hours (Q / days_per_week each).",
                0,
                31,
            )
        )
        columns.append(
            Column(
                f"hours_{reason.value}_hundredths",
                "hundredths",
                f"Hours (in hundredths) of temporary unemployment for reason {reason.value} on "
                "days whose hours the employer declared one by one (DayEntry.hours).",
                0,
                31 * _cents(MAX_DAY_HOURS),
            )
        )
    return tuple(columns)


def _frost_columns() -> tuple[Column, ...]:
    """Per construction-eligible reason, its days and hours in a recognised frost period: R6
    counts frost units per reason, as R4 counts every reason's units."""
    columns = []
    for reason in construction.ELIGIBLE_IN_ORDER:
        columns.append(
            Column(
                f"frost_days_{reason.value}",
                "count",
                f"Of days_{reason.value}, the days in a frost period recognised by Constructiv "
                "(DayEntry.frost_period).",
                0,
                31,
            )
        )
        columns.append(
            Column(
                f"frost_hours_{reason.value}_hundredths",
                "hundredths",
                f"Of hours_{reason.value}_hundredths, the hours of days in a recognised frost "
                "period, in hundredths.",
                0,
                31 * _cents(MAX_DAY_HOURS),
            )
        )
    return tuple(columns)


POOLED_FROST_COLUMNS = ("frost_days", "frost_hours_hundredths")
"""The pooled frost columns of earlier versions, refused by name: read as unknown columns they
would be ignored, and the frost units with them."""

COLUMNS: tuple[Column, ...] = (
    Column(
        "monthly_wage_cents",
        "cents",
        "Gross monthly wage in cents (Worker.monthly_gross_wage). Give it or hourly_wage_cents, "
        "exactly one of them above 0 on each row.",
        0,
        _cents(MAX_MONTHLY_WAGE),
    ),
    Column(
        "hourly_wage_cents",
        "cents",
        "Gross hourly wage in cents (Worker.hourly_wage), for hourly-paid workers.",
        0,
        _cents(MAX_HOURLY_WAGE),
    ),
    Column(
        "weekly_hours_hundredths",
        "hundredths",
        "Q, the worker's normal weekly hours, in hundredths (3800 = 38 h).",
        3800,
        _cents(MAX_WEEKLY_HOURS),
        positive=True,
    ),
    Column(
        "days_per_week", "count", "Working days in the worker's week, 1 to 6.", 5, 6, positive=True
    ),
    Column(
        "regime",
        "category",
        "Work regime (WorkRegime value).",
        WorkRegime.FULL_TIME.value,
        choices=tuple(r.value for r in WorkRegime),
    ),
    Column(
        "full_time_weekly_hours_hundredths",
        "hundredths",
        "S, the weekly hours of a comparable full-timer, in hundredths; above 0 exactly on rows "
        "whose regime is part_time_income_guarantee or voluntary_part_time.",
        0,
        _cents(MAX_WEEKLY_HOURS),
    ),
    *_reason_columns(),
    *_frost_columns(),
    Column(
        "prior_supplement_units",
        "half_units",
        "Eligible units already counted towards the 27th unit this calendar year with this "
        "employer (History.supplement_units), in units; halves allowed.",
        0,
        MAX_YEAR_UNITS,
        too_high=_YEAR_UNITS,
    ),
    Column(
        "cp124_credit_used",
        "half_units",
        "Construction credit units used this service year (History.cp124_credit_used), in "
        "units; halves allowed; at most the credit.",
        0,
        MAX_YEAR_UNITS,
        too_high=_YEAR_UNITS,
    ),
    Column(
        "joint_committee",
        "category",
        "The employer's joint committee, e.g. '124' (Employer.joint_committee). Missing column: "
        "no row is in construction.",
        None,
    ),
    Column(
        "has_legitimation_card",
        "flag",
        "Holds a construction legitimation card (Worker.has_legitimation_card).",
        False,
    ),
    Column(
        "cp124_category",
        "category",
        "Construction category (Cp124Category value), or empty / None for none.",
        None,
        choices=tuple(c.value for c in Cp124Category),
    ),
    Column(
        "agreement_guarantees_supplement",
        "flag",
        "A company agreement already guarantees the supplement (Employer).",
        False,
    ),
    Column(
        "supplement_paid_by_fund",
        "flag",
        "A sector fund pays the supplement (Employer.supplement_paid_by_fund).",
        False,
    ),
    Column(
        "employer_declared",
        "flag",
        "The employer's monthly declaration of hours is in (Month.employer_declared).",
        True,
    ),
    Column(
        "card_submitted",
        "flag",
        "The worker's control card is submitted (Month.card_submitted).",
        True,
    ),
)
COLUMN_BY_NAME = {column.name: column for column in COLUMNS}

_UNIT = {
    "cents": "cents",
    "hundredths": "hundredths of an hour",
    "count": "days",
    "half_units": "units",
}

# --------------------------------------------------------------------------- the source


class _Source:
    """A table of any kind the engine reads (:mod:`.tables`), read column by column.

    ``first_row`` is the position of the table's first row in a larger whole (a batch of a
    file): rows without an index label are named by ``first_row`` + their position.
    """

    def __init__(self, frame: Any, first_row: int = 0) -> None:
        kind = tables.table_kind(frame)
        self.kind: tables.TableKind = kind or "mapping"
        self.first_row = first_row
        self.problems: list[InitErrorDetails] = []
        """What is wrong with the table's shape (columns of different lengths, not 1-D)."""
        self.columns: dict[Any, Any] = {}
        """A mapping's columns as one-dimensional arrays, by the caller's key."""
        self.index = frame.index if kind == "pandas" else None
        if kind is None:
            raise _error(
                [
                    _detail(
                        ("frame",),
                        "give a pandas or polars DataFrame, a pyarrow Table or RecordBatch, or a "
                        f"mapping of column name to numpy array, not {type(frame).__name__}"
                        + tables.refusal_hint(frame),
                        None,
                    )
                ]
            )
        keys = tables.column_names(frame, kind)
        self.n = self._arrays(frame) if kind == "mapping" else tables.row_count(frame, kind)
        self.keys: dict[str, Any] = {}
        """The caller's key of each column, by its name as text."""
        self.duplicates: list[str] = []
        for key in keys:
            name = tables.name_of(frame, kind, key)
            if name in self.keys:
                self.duplicates.append(name)
            self.keys[name] = key
        self.names = list(self.keys)
        self.frame = frame

    @property
    def is_frame(self) -> bool:
        return self.kind == "pandas"

    def _arrays(self, columns: Mapping[Any, Any]) -> int:
        """A mapping's columns as arrays, and its rows: every column one-dimensional and of one
        length."""
        lengths: set[int] = set()
        for key, column in columns.items():
            array = _one_dimensional(column)
            if array is None:
                self.problems.append(
                    _detail(
                        (str(key),),
                        "give one value per row (a one-dimensional array), not "
                        f"{_shape_of(column)}",
                        None,
                    )
                )
            else:
                self.columns[key] = array
                lengths.add(len(array))
        if len(lengths) > 1:
            self.problems.append(
                _detail(
                    ("frame",),
                    "the columns have different lengths "
                    f"({', '.join(str(n) for n in sorted(lengths))}): one row per worker-month",
                    None,
                )
            )
        return max(lengths) if lengths else 0

    def label(self, position: int) -> Any:
        if self.index is None:
            return self.first_row + position
        label = self.index[position]
        return label.item() if isinstance(label, np.generic) else label

    def row(self, position: int) -> tuple[str | int, str]:
        """A row as an error names it: its ``loc`` entry (the label, masked where it holds a
        national number, see :mod:`.privacy`) and its words (the label and the position)."""
        label = safe_label(self.label(position))
        if self.index is None or label == position:
            return label, f"row {label}" if self.index is None else f"row {position}"
        return label, f"row {label!r} (position {position})"

    def raw(self, name: str) -> Any:
        key = self.keys[name]
        if self.kind == "pandas":
            return self.frame[key]
        if self.kind == "mapping":
            return self.columns[key]
        return tables.column(self.frame, self.kind, key)

    def numbers(self, name: str) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_] | None]:
        """A numeric column's values and its missing rows (see :func:`_values_and_missing`)."""
        if self.kind in ("pandas", "mapping"):
            return _values_and_missing(self.raw(name))
        return tables.numbers(self.raw(name), self.kind)

    def plain(self, name: str) -> npt.NDArray[Any]:
        """A column as one numpy array (of objects where it holds what numpy has no type for)."""
        raw = self.raw(name)
        if self.kind in ("pandas", "mapping"):
            return np.asarray(raw.to_numpy() if hasattr(raw, "to_numpy") else raw)
        return tables.plain(raw, self.kind)

    def categories(self, name: str) -> tuple[Any, list[str]]:
        """A category column as ``(codes, texts)``, codes -1 for a missing value."""
        raw = self.raw(name)
        if self.kind not in ("pandas", "mapping"):
            found = tables.categories(raw, self.kind)
            if found is not None:
                return found
            raw = tables.plain(raw, self.kind)
        if isinstance(getattr(raw, "dtype", None), pd.CategoricalDtype):
            return raw.cat.codes.to_numpy(), [str(c) for c in raw.cat.categories]
        codes, uniques = _factorize(np.asarray(raw, dtype=object))
        return codes, [str(u) for u in uniques]


def _one_dimensional(column: Any) -> Any:
    """A mapping's column as a one-dimensional array (of objects where numpy cannot make one of
    a list: values of different shapes), or None if it is not one value per row."""
    if isinstance(column, (str, bytes)) or not hasattr(column, "__len__"):
        return None
    try:
        array = np.asarray(column)
    except (ValueError, TypeError):  # a list of values of different shapes
        array = np.empty(len(column), dtype=object)
        array[:] = list(column)
    return array if array.ndim == 1 else None


def _shape_of(column: Any) -> str:
    if isinstance(column, (str, bytes)) or not hasattr(column, "__len__"):
        return f"a single {type(column).__name__}"
    return (
        f"an array of {np.ndim(column)} dimensions" if hasattr(column, "ndim") else "a nested list"
    )


# --------------------------------------------------------------------------- errors


def _detail(loc: tuple[Any, ...], message: str, value: Any) -> InitErrorDetails:
    """One problem; its words, ``loc`` and ``input`` carry no national number (see .privacy)."""
    return {
        "type": PydanticCustomError(
            "invalid_population", "{message}", {"message": mask_digits(message)}
        ),
        "loc": tuple(part if isinstance(part, int) else mask_digits(str(part)) for part in loc),
        "input": safe_input(value),
    }


def _error(details: list[InitErrorDetails]) -> ValidationError:
    return ValidationError.from_exception_data("population", details)


class _Problems:
    """Problems found so far: one entry per (column, problem), at its first row.

    While the columns are read on their own, the rows found wrong are remembered: the checks
    across columns that follow leave them out (their values were not read, or are out of
    bounds), so that each problem is reported once and every column's problems at once.
    """

    def __init__(self, source: _Source, *, of_shape: bool = True) -> None:
        self.source = source
        self.details: list[InitErrorDetails] = list(source.problems) if of_shape else []
        """Each problem found, in order (the table's shape's first, if ``of_shape``)."""
        self.wrong: Any = False
        """The rows with a problem of their own so far: a boolean array, or ``False`` for none."""
        self.reading = True
        """Reading columns on their own (rows found wrong are remembered), or checking across
        them (rows found wrong before are left out)."""

    def rows(self, column: str, bad: Any, message: str | Callable[[int], str], values: Any) -> bool:
        """Record a problem on the rows where ``bad`` is true; True if there were any.

        ``message`` is the text, or a function of the first bad row's position that writes it.
        """
        if not isinstance(bad, np.ndarray):
            if not bad:
                return False
            bad = np.ones(self.source.n, dtype=bool)
        if not self.reading and self.wrong is not False:
            bad = bad & ~self.wrong
        if not bad.any():
            return False
        if self.reading:
            self.wrong = bad if self.wrong is False else (self.wrong | bad)
        positions = np.flatnonzero(bad)
        first = int(positions[0])
        others = len(positions) - 1
        label, row = self.source.row(first)
        value = values[first] if isinstance(values, np.ndarray) else values
        text = f"{row}: {message if isinstance(message, str) else message(first)}"
        if others:
            text += f" (and {others} other row{'s' if others > 1 else ''})"
        self.details.append(_detail((column, label), text, value))
        return True

    def column(self, column: str, message: str, *, unreadable: bool = True) -> None:
        """A problem of a whole column; ``unreadable``: its values cannot be read, so no row
        is checked against the other columns."""
        self.details.append(_detail((column,), message, None))
        if unreadable:
            self.wrong = np.ones(self.source.n, dtype=bool)

    def raise_if_any(self) -> None:
        if self.details:
            raise _error(self.details)

    def add(self, other: _Problems) -> None:
        """The problems another found (one column's, read on a thread of its own), after ours."""
        self.details.extend(other.details)
        if other.wrong is not False:
            self.wrong = other.wrong if self.wrong is False else (self.wrong | other.wrong)


# --------------------------------------------------------------------------- conversions

_INT64_MIN = int(np.iinfo(np.int64).min)
"""What a missing value becomes in an int64 column (``NaN`` cast to int64; pandas' own marker)."""

_CLIP = 1 << 53
"""Every column's bound, in its integers, is far below this. A value beyond it is clipped to it
before it is scaled (× 2 for half units) or compared, so that it is found out of bounds instead
of wrapping around in int64; the messages show the value as given."""

_MISSING = "the value is missing"

_PASS_ROWS = 1 << 16
"""Rows per slice where a check makes more than one pass over a column: the second pass reads
the slice from the processor's cache instead of from memory (a column's smallest and largest
value in 0.4 ms at 1M rows instead of 0.95)."""


def _min_max(values: npt.NDArray[Any]) -> tuple[Any, Any]:
    """The smallest and the largest value of a column that has any (numpy scalars)."""
    if len(values) <= _PASS_ROWS:
        return values.min(), values.max()
    parts = [values[start : start + _PASS_ROWS] for start in range(0, len(values), _PASS_ROWS)]
    return min(part.min() for part in parts), max(part.max() for part in parts)


@dataclass(slots=True)
class _Numbers:
    """A numeric column as read, before its bounds are checked."""

    read: npt.NDArray[np.int64]
    """The values, clipped to ±2**53, in the column's integers once multiplied by ``factor``;
    the rows already found wrong (missing, not a number) hold the column's default."""
    given: npt.NDArray[Any]
    """The values as given, for the messages."""
    extent: tuple[int, int] | None = None
    """``(min, max)`` in the column's integers, where reading found it (saves a pass)."""
    factor: int = 1
    """2 for an integer column of half units, which is doubled only chunk by chunk as the
    kernel reads it (a pass over a whole column and its memory fewer); 1 otherwise."""
    whole: npt.NDArray[np.int64] | None = None

    def integers(self) -> npt.NDArray[np.int64]:
        """The values in the column's integers (× 2 for half units), as a whole column: made
        once, and only where a bound is broken."""
        if self.whole is None:
            self.whole = self.read * self.factor if self.factor != 1 else self.read
        return self.whole


def _neutral(column: Column) -> int:
    """What stands in for a wrong value while the other checks run (the row is left out of
    them): the column's default, within its bounds."""
    return column.default if isinstance(column.default, int) else 0


def _what(column: Column) -> str:
    return "half units" if column.kind == "half_units" else f"whole {_UNIT[column.kind]}"


def _number_array(source: _Source, problems: _Problems, column: Column) -> _Numbers | None:
    """A numeric column as exact int64, or None after recording that it cannot be read."""
    scale = 2 if column.kind == "half_units" else 1
    values, missing = source.numbers(column.name)
    kind = values.dtype.kind
    if kind == "b":
        problems.column(column.name, f"holds yes/no values; expected {_what(column)}")
        return None
    if kind in "iu":
        if missing is not None and problems.rows(column.name, missing, _MISSING, None):
            values = np.where(missing, _neutral(column), values)  # a nullable column's NA
        return _integers(problems, column, values, scale)
    if kind == "f":
        return _floats(problems, column, values, scale, missing)
    if kind == "O":
        return _objects(problems, column, values, scale, missing)
    problems.column(column.name, f"has values of type {values.dtype}; expected {_what(column)}")
    return None


def _values_and_missing(raw: Any) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_] | None]:
    """The column as a numpy array, and its missing values where pandas marks them (a nullable
    ``Int64`` or ``Float64`` column: the values as plain numbers, 0 where missing)."""
    dtype = getattr(raw, "dtype", None)
    plain = getattr(dtype, "numpy_dtype", None)  # nullable and Arrow-backed numbers have one
    if (
        isinstance(dtype, pd.api.extensions.ExtensionDtype)
        and plain is not None
        and dtype.kind in "iuf"
        and hasattr(raw, "isna")
    ):
        missing = np.asarray(raw.isna(), dtype=bool)
        return raw.to_numpy(dtype=plain, na_value=0), missing
    return np.asarray(raw.to_numpy() if hasattr(raw, "to_numpy") else raw), None


def _integers(
    problems: _Problems, column: Column, values: npt.NDArray[Any], scale: int
) -> _Numbers:
    """An integer column: exact as it is; pandas' missing marker refused, the far out of range
    clipped (one min and one max decide whether either is needed)."""
    given = values
    if values.size == 0:
        return _Numbers(values.astype(np.int64), given)
    low, high = (int(bound) for bound in _min_max(values))
    if low == _INT64_MIN:
        missing = values == _INT64_MIN
        problems.rows(
            column.name,
            missing,
            f"{_MISSING} (the smallest int64, which a missing value becomes in an integer column)",
            None,
        )
        values = np.where(missing, _neutral(column), values)
        low, high = (int(bound) for bound in _min_max(values))
    if low < -_CLIP or high > _CLIP:
        values = (
            np.minimum(values, _CLIP) if values.dtype.kind == "u" else values.clip(-_CLIP, _CLIP)
        )
        low, high = (min(max(bound, -_CLIP), _CLIP) for bound in (low, high))
    read = values.astype(np.int64, copy=False)
    return _Numbers(read, given, (low * scale, high * scale), scale)


def _floats(
    problems: _Problems,
    column: Column,
    values: npt.NDArray[Any],
    scale: int,
    missing: npt.NDArray[np.bool_] | None,
) -> _Numbers:
    """A float column: exact where every value is a whole number of its integers."""
    if missing is None:
        missing = np.isnan(values)
    problems.rows(column.name, missing, _MISSING, None)
    with np.errstate(over="ignore"):  # 1e308 × 2 is inf: out of bounds either way
        scaled = values * scale if scale != 1 else values  # exact: scale is 1 or 2
    broken = (scaled != np.floor(scaled)) & ~missing  # inf is whole here: out of bounds below
    problems.rows(
        column.name,
        broken,
        lambda i: (
            f"{number_text(values[i], '')} is not "
            + ("a whole or half unit" if scale == 2 else f"a whole number of {_UNIT[column.kind]}")
            + ("" if scale == 2 else f" ({_hint(column)})")
        ),
        values,
    )
    wrong = missing | broken
    if wrong.any():
        scaled = np.where(wrong, _neutral(column), scaled)
    low, high = (float(bound) for bound in _min_max(scaled)) if scaled.size else (0.0, 0.0)
    if low < -_CLIP or high > _CLIP:
        scaled = scaled.clip(-_CLIP, _CLIP)
        low, high = (min(max(bound, -_CLIP), _CLIP) for bound in (low, high))  # ±inf too
    return _Numbers(scaled.astype(np.int64), values, (int(low), int(high)))


def _hint(column: Column) -> str:
    if column.kind == "cents":
        return "money columns are integer cents: 3500.10 EUR is 350010"
    if column.kind == "hundredths":
        return "hours columns are integer hundredths of an hour: 37.5 h is 3750"
    return "counts are whole numbers"


def _objects(
    problems: _Problems,
    column: Column,
    values: npt.NDArray[Any],
    scale: int,
    missing: npt.NDArray[np.bool_] | None,
) -> _Numbers:
    """An object column (int, Decimal, str …): converted exactly, value by value (slower)."""
    if missing is None:
        missing = np.zeros(len(values), dtype=bool)
    out = np.full(len(values), _neutral(column), dtype=np.int64)
    broken = np.zeros(len(values), dtype=bool)
    for position, value in enumerate(values):
        if missing[position] or _is_missing(value):
            missing[position] = True
            continue
        converted = _exact(value, scale)
        if converted is None:
            broken[position] = True
        else:
            out[position] = min(max(converted, -_CLIP), _CLIP)
    problems.rows(column.name, missing, _MISSING, None)
    problems.rows(
        column.name,
        broken,
        lambda i: f"{number_text(values[i], '')} is not {_what(column)}",
        values,
    )
    return _Numbers(out, values)


def _is_missing(value: Any) -> bool:
    """None, pandas' NA and NaT, a float or Decimal NaN (``pd.isna`` raises on a signalling
    ``Decimal('sNaN')``, so the test is made here, value by value)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    return isinstance(value, Decimal) and value.is_nan()


_FAR = 30
"""A Decimal whose exponent puts it beyond 10**30 is out of every bound: it is not written out
(``1E+999999999`` would take minutes), only known to be far out."""


def _exact(value: Any, scale: int) -> int | None:
    """``value × scale`` as an exact integer; None if it is not one (or not a number)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, np.integer)):
        return int(value) * scale
    if isinstance(value, (float, np.floating)):
        scaled = float(value) * scale
        return int(scaled) if np.isfinite(scaled) and scaled == int(scaled) else None
    try:
        number = Decimal(value) if isinstance(value, str) else value
        if not isinstance(number, Decimal) or not number.is_finite():
            return None
        if number.is_zero():
            return 0
        if number.adjusted() > _FAR:
            return -2 * _CLIP if number.is_signed() else 2 * _CLIP
        if number.adjusted() < -_FAR:
            return None  # not zero, and far below a unit: not whole
        numerator, denominator = number.as_integer_ratio()
    except (InvalidOperation, TypeError, ValueError):
        return None
    numerator *= scale
    return numerator // denominator if numerator % denominator == 0 else None


def _flag_array(source: _Source, problems: _Problems, column: Column) -> Any:
    values = source.plain(column.name)
    if values.dtype.kind == "b":
        return values
    if values.dtype.kind in "iu":
        if problems.rows(
            column.name,
            (values != 0) & (values != 1),
            lambda i: f"{number_text(values[i], '')} is not a yes/no value (True/False or 1/0)",
            values,
        ):
            return None
        return values.astype(bool)
    if values.dtype.kind == "O":
        known = np.array([isinstance(v, (bool, np.bool_)) for v in values], dtype=bool)
        if problems.rows(
            column.name,
            ~known,
            lambda i: f"{number_text(values[i], '')} is not True or False",
            values,
        ):
            return None
        return values.astype(bool)
    problems.column(column.name, f"has values of type {values.dtype}; expected True/False")
    return None


_MISSING_TEXT = ("", "none", "nan")


def _category_codes(
    source: _Source, problems: _Problems, column: Column, valid: Callable[[str], bool]
) -> tuple[Any, list[str]]:
    """``(codes, categories)``: codes index categories, -1 for a missing value (and for a value
    refused here, whose rows are then left out of the checks across columns)."""
    codes, categories = source.categories(column.name)
    codes = codes.copy() if codes.dtype.kind == "i" and codes.dtype.itemsize < 8 else codes
    refused = []
    for code, text in enumerate(categories):
        if text.strip().lower() in _MISSING_TEXT:
            codes[codes == code] = -1
        elif not valid(text):
            refused.append(code)
            problems.rows(
                column.name,
                codes == code,
                f"{text!r} is not {_describe_choice(column)}",
                text,
            )
    if column.name in _REQUIRED_CATEGORIES:
        what = _REQUIRED_CATEGORIES[column.name]
        problems.rows(column.name, codes < 0, f"the {what} is missing", None)
    for code in refused:
        codes[codes == code] = -1
    return codes, categories


def _factorize(values: npt.NDArray[Any]) -> tuple[Any, Any]:
    """``pd.factorize``; for values it cannot hash (a list, a signalling NaN), their text: then
    each is a category of its own, refused with its text."""
    try:
        return pd.factorize(values, use_na_sentinel=True)
    except (TypeError, InvalidOperation):
        texts = [None if _is_missing(v) else v if isinstance(v, str) else repr(v) for v in values]
        return pd.factorize(np.asarray(texts, dtype=object), use_na_sentinel=True)


_REQUIRED_CATEGORIES = {"regime": "regime", "joint_committee": "joint committee"}
"""The category columns where a missing value is an error (a missing CP 124 category is none)."""


def _describe_choice(column: Column) -> str:
    if column.choices:
        return "one of " + ", ".join(repr(c) for c in column.choices)
    return "a joint committee number such as '124', '200' or '111.01'"


# --------------------------------------------------------------------------- the population


@dataclass(slots=True)
class Population:
    """A validated population as exact integer columns (or one Python value for a constant one).

    A column that holds the same value on every row is kept as that one Python value, so the
    rules compute it once rather than a million times.
    """

    n: int
    source: _Source
    first_day: date
    values: dict[str, Any]
    reasons: tuple[Reason, ...]
    """The reasons with any days or hours in the population (the others are left out)."""
    extent: dict[str, tuple[int, int]]
    """``(smallest, largest)`` of each numeric input column, as read when it was checked."""
    factors: dict[str, int] = field(default_factory=dict)
    """Columns whose values are held as given and multiplied by this chunk by chunk as the
    kernel reads them (integer counters of half units: their values are units)."""

    def largest(self, name: str) -> int:
        """The largest value of an input column (its one value for a constant or absent one)."""
        return self.extent[name][1] if name in self.extent else int(self.values[name])

    def smallest(self, name: str) -> int:
        """The smallest value of an input column (its one value for a constant or absent one)."""
        return self.extent[name][0] if name in self.extent else int(self.values[name])

    def kernel_inputs(self, start: int, stop: int) -> KernelInputs:
        """The kernel's inputs for rows ``start`` to ``stop``."""

        def get(name: str) -> Any:
            value = self.values[name]
            if not isinstance(value, np.ndarray):
                return value
            factor = self.factors.get(name, 1)
            return value[start:stop] * factor if factor != 1 else value[start:stop]

        return KernelInputs(
            monthly_wage_cents=get("monthly_wage_cents"),
            hourly_wage_cents=get("hourly_wage_cents"),
            weekly_hours_h=get("weekly_hours_hundredths"),
            days_per_week=get("days_per_week"),
            uses_full_time_hours=get("uses_full_time_hours"),
            full_time_weekly_hours_h=get("full_time_weekly_hours_hundredths"),
            default_days={r: get(f"days_{r.value}") for r in self.reasons},
            explicit_hours_h={r: get(f"hours_{r.value}_hundredths") for r in self.reasons},
            frost_default_days={
                r: get(f"frost_days_{r.value}") for r in construction.ELIGIBLE_IN_ORDER
            },
            frost_explicit_hours_h={
                r: get(f"frost_hours_{r.value}_hundredths") for r in construction.ELIGIBLE_IN_ORDER
            },
            prior_supplement_half_units=get("prior_supplement_units"),
            prior_credit_half_units=get("cp124_credit_used"),
            in_construction_committee=get("in_construction"),
            has_legitimation_card=get("has_legitimation_card"),
            has_category=get("has_category"),
            category_code=get("category_code"),
            agreement_guarantees_supplement=get("agreement_guarantees_supplement"),
            supplement_paid_by_fund=get("supplement_paid_by_fund"),
            employer_declared=get("employer_declared"),
            card_submitted=get("card_submitted"),
        )


def _constant(value: Any) -> Any:
    """One Python value for a column that holds it on every row; the array otherwise."""
    if not isinstance(value, np.ndarray) or value.size == 0:
        return value
    if value.dtype.kind == "b":
        if value.all():
            return True
        return False if not value.any() else value
    low, high = _min_max(value)
    return int(low) if low == high else value


def read_population(
    frame: Any,
    first_day: date,
    figures: Sequence[MonthFigures],
    first_row: int = 0,
    workers: int = 1,
) -> Population:
    """Validate a whole population and convert it to exact integer columns.

    Raises ``pydantic.ValidationError`` listing every problem found, each at its first row. A
    table of no rows is an empty population (its columns are not read: there is nothing in
    them), though an unknown column name is still refused. ``figures``: the month's figures
    under each parameter set the population will be computed with (a counter is checked
    against the strictest credit); ``first_row``: the position of the first row in a file;
    ``workers``: the threads the columns are read over (the result is the same for any).
    """
    source = _Source(frame, first_row)
    problems = _Problems(source)
    _check_names(source, problems)
    if source.problems or source.n == 0:
        problems.raise_if_any()  # a column that is not one value per row cannot be read
        return _empty(source, first_day)
    values, codes, extent, factors = _read_columns(source, problems, figures, workers)
    _categories(values, codes)
    # the checks across columns leave out the rows already found wrong, and run on single
    # values wherever a column holds only one
    problems.reading = False
    _check_relations(values, extent, problems, first_day)
    problems.raise_if_any()
    bounds = _Extent(values, extent)
    reasons = tuple(
        reason
        for reason in Reason
        if bounds.high(f"days_{reason.value}") > 0
        or bounds.high(f"hours_{reason.value}_hundredths") > 0
    )
    for name in _DERIVED:
        values[name] = _constant(values[name])
    return Population(source.n, source, first_day, values, reasons, extent, factors)


def refuse_rows(population: Population, found: list[tuple[str, Any, str]]) -> None:
    """Raise a ``ValidationError`` for rows found wrong after reading: ``(column, rows, message)``
    each, named as every population error names a row; nothing if no row is."""
    problems = _Problems(population.source)
    for column, bad, message in found:
        problems.rows(column, bad, message, population.values[column])
    problems.raise_if_any()


def _empty(source: _Source, first_day: date) -> Population:
    """The population of a table of no rows: every input its default, no reason."""
    values: dict[str, Any] = {column.name: column.default for column in COLUMNS}
    values.update(
        uses_full_time_hours=False, category_code=0, has_category=False, in_construction=False
    )
    return Population(0, source, first_day, values, (), {})


def _check_names(source: _Source, problems: _Problems) -> None:
    """Every column known and given once, and a wage column (in a table with rows)."""
    for name in source.names:
        if name in POOLED_FROST_COLUMNS:
            problems.column(
                name,
                f"{name} is no longer read: frost units are counted per reason; give "
                "frost_days_<reason> and frost_hours_<reason>_hundredths for each "
                "construction-eligible reason instead",
                unreadable=False,
            )
        elif name not in COLUMN_BY_NAME:
            close = difflib.get_close_matches(name, COLUMN_BY_NAME, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.column(
                name,
                f"unknown column {name!r}{hint} (keep identifiers in the index; see COLUMNS)",
                unreadable=False,
            )
    for name in dict.fromkeys(source.duplicates):
        problems.column(
            name,
            f"the column {name!r} is given {source.duplicates.count(name) + 1} times; give "
            "each column once",
        )
    if source.n and not {"monthly_wage_cents", "hourly_wage_cents"} & set(source.names):
        problems.column("monthly_wage_cents", "give monthly_wage_cents or hourly_wage_cents")


def _read_columns(
    source: _Source, problems: _Problems, figures: Sequence[MonthFigures], workers: int
) -> tuple[
    dict[str, Any], dict[str, tuple[Any, list[str]]], dict[str, tuple[int, int]], dict[str, int]
]:
    """Each column converted and checked on its own: the values (a default for a missing
    column, or one that cannot be read), the codes of the category columns, each numeric
    column's extent, and the factors of the columns held as given (``Population.factors``).

    The columns are read over ``workers`` threads (their passes over the rows release the
    interpreter's lock), each with its own problems, which are then taken in the columns'
    order: the same error, in the same order, whatever the number of threads.
    """
    values: dict[str, Any] = {column.name: column.default for column in COLUMNS}
    codes: dict[str, tuple[Any, list[str]]] = {}
    extent: dict[str, tuple[int, int]] = {}  # (min, max) of each numeric column
    factors: dict[str, int] = {}
    given = [c for c in COLUMNS if c.name in source.names and c.name not in source.duplicates]
    found: dict[str, tuple[_Problems, Any]] = {}

    def read(column: Column) -> None:
        own = _Problems(source, of_shape=False)
        found[column.name] = own, _read_column(source, own, column, figures)

    each(read, given, workers)
    for column in given:
        own, result = found[column.name]
        problems.add(own)
        if column.kind == "category":
            codes[column.name] = result
        elif result is not None:
            values[column.name], factor, bounds = result
            if bounds is not None:
                extent[column.name] = bounds
            if factor != 1:
                factors[column.name] = factor
    return values, codes, extent, factors


def _read_column(
    source: _Source, problems: _Problems, column: Column, figures: Sequence[MonthFigures]
) -> Any:
    """One column on its own: a category column's codes; a flag column's values (one value
    where it holds one) and 1, without extent; a numeric column's values (or its one value),
    factor and extent; None where it cannot be read."""
    if column.kind == "category":
        valid: Callable[[str], bool] = (
            column.choices.__contains__ if column.choices else is_joint_committee
        )
        return _category_codes(source, problems, column, valid)
    if column.kind == "flag":
        flags = _flag_array(source, problems, column)
        return None if flags is None else (_constant(flags), 1, None)
    numbers = _number_array(source, problems, column)
    if numbers is None:
        return None
    return _check_bounds(problems, column, numbers, figures)


_DERIVED = ("uses_full_time_hours", "category_code", "has_category", "in_construction")


def _check_bounds(
    problems: _Problems,
    column: Column,
    numbers: _Numbers,
    figures: Sequence[MonthFigures],
) -> tuple[Any, int, tuple[int, int]]:
    """Check a numeric column's bounds; return it, its factor (``_Numbers.factor``) and its
    extent, or its one value (in its integers), 1 and its extent if it holds only one.

    One min and one max per column: the rows that break a bound are looked for only when one
    does. Those rows then hold the column's default, so that the checks across columns (which
    leave them out) compute on values in bounds.
    """
    values, factor = numbers.read, numbers.factor
    low, high = numbers.extent or (int(bound) * factor for bound in _min_max(values))
    broken = [
        bad
        for bad in _out_of_bounds(problems, column, numbers, figures, low, high)
        if isinstance(bad, np.ndarray)
    ]
    if broken:
        values, factor = numbers.integers(), 1
        values = np.where(np.logical_or.reduce(broken), _neutral(column) * _scale(column), values)
        low, high = (int(bound) for bound in _min_max(values))
    if low == high:
        return low, 1, (low, high)
    return values, factor, (low, high)


def _scale(column: Column) -> int:
    return 2 if column.kind == "half_units" else 1


def _out_of_bounds(
    problems: _Problems,
    column: Column,
    numbers: _Numbers,
    figures: Sequence[MonthFigures],
    low: int,
    high: int,
) -> list[Any]:
    """Record each bound the column breaks (its extent says which), the rows that break each."""
    given, unit, values, scale = numbers.given, _UNIT[column.kind], numbers.integers, _scale(column)
    found: list[Any] = []
    if low < 0:
        found.append(values() < 0)
        problems.rows(
            column.name, found[-1], lambda i: f"{number_text(given[i], unit)} is negative", given
        )
    if low == 0 and column.positive:
        found.append(values() == 0)
        problems.rows(
            column.name, found[-1], lambda _: f"must be above 0 ({column.description})", given
        )
    # the largest value allowed, in the column's own integers (cents, hundredths, half units)
    limit = None if column.high is None else column.high * scale
    if limit is not None and high > limit:
        found.append(values() > limit)
        problems.rows(
            column.name,
            found[-1],
            lambda i: (
                f"{number_text(given[i], unit)} is above {limit / scale:g}, {column.too_high}"
            ),
            given,
        )
    # the strictest credit of the month's figures (two, when compare() reads for two sets)
    strictest = min(
        figures,
        key=lambda f: (
            _CLIP if f.construction.credit_half_units is None else f.construction.credit_half_units
        ),
    )
    if column.name == "cp124_credit_used" and construction.credit_exceeded(
        high, strictest.construction
    ):
        # as compute_month: at most the credit in force for the month (R6's own bound)
        credit = (strictest.construction.credit_half_units or 0) / 2
        day = strictest.month.first_day.isoformat()
        found.append(
            construction.credit_exceeded(values(), strictest.construction)
            & (values() <= (limit if limit is not None else _CLIP))  # not again above the limit
        )
        problems.rows(
            column.name,
            found[-1],
            lambda i: (
                f"{number_text(given[i], unit)} is above {credit:g}, the credit in force on {day}"
            ),
            given,
        )
    return found


def _lookup(codes: Any, table: list[Any], missing: Any, dtype: Any) -> Any:
    """``table[code]`` for every row (``missing`` for code -1), as one value where it is one."""
    present = set(table)
    if bool((codes < 0).any()):
        present.add(missing)
    if len(present) == 1:
        return present.pop()  # one value everywhere: no pass over the rows
    if table == list(range(len(table))) and missing == 0:
        return np.maximum(codes, 0)  # the codes already are the values
    if set(table) == {True} and missing is False:
        return codes >= 0  # present or not: a comparison, not a gather (100x faster)
    return np.array([*table, missing], dtype=dtype)[codes]


def _categories(values: dict[str, Any], codes: Mapping[str, tuple[Any, list[str]]]) -> None:
    """Turn the category columns into what the kernel reads (codes, flags). A refused or
    missing value has code -1 (its row is already reported, or has no category)."""
    regime = codes.get("regime")
    if regime is None:
        values["uses_full_time_hours"] = False
    else:
        regime_codes, names = regime
        values["uses_full_time_hours"] = _lookup(
            regime_codes,
            [
                name in _REGIMES and units.counts_against_full_time(WorkRegime(name))
                for name in names
            ],
            False,
            bool,
        )
    category = codes.get("cp124_category")
    if category is None:
        values["has_category"] = False
        values["category_code"] = 0
    else:
        category_codes, names = category
        order = {c.value: i for i, c in enumerate(construction.CATEGORIES)}
        values["category_code"] = _lookup(
            category_codes, [order.get(name, 0) for name in names], 0, np.int64
        )
        values["has_category"] = _lookup(category_codes, [True] * len(names), False, bool)
    committee = codes.get("joint_committee")
    if committee is None:
        values["in_construction"] = False
    else:
        committee_codes, names = committee
        values["in_construction"] = _lookup(
            committee_codes, [construction.in_joint_committee(name) for name in names], False, bool
        )


_REGIMES = frozenset(regime.value for regime in WorkRegime)


@dataclass(frozen=True, slots=True)
class _Extent:
    """The smallest and largest value of each column, as read when it was checked (a column
    that holds one value is that value): a check they show cannot fail is not run over rows."""

    values: Mapping[str, Any]
    extent: Mapping[str, tuple[int, int]]

    def low(self, name: str) -> int:
        value = self.values[name]
        return self.extent[name][0] if isinstance(value, np.ndarray) else int(value)

    def high(self, name: str) -> int:
        value = self.values[name]
        return self.extent[name][1] if isinstance(value, np.ndarray) else int(value)


def _check_relations(
    values: dict[str, Any],
    extent: Mapping[str, tuple[int, int]],
    problems: _Problems,
    first_day: date,
) -> None:
    """Checks across columns, as the models and ``compute_month`` make them."""
    bounds = _Extent(values, extent)
    _check_wages(values, bounds, problems)
    _check_full_time_hours(values, problems)
    _check_days(values, bounds, problems, first_day)
    _check_energy_window(values, problems, first_day)
    _check_frost(bounds, problems)


def _check_wages(values: Mapping[str, Any], bounds: _Extent, problems: _Problems) -> None:
    """Exactly one wage above 0 on each row (Worker)."""
    monthly, hourly = values["monthly_wage_cents"], values["hourly_wage_cents"]
    both: Any = False
    if bounds.high("monthly_wage_cents") > 0 and bounds.high("hourly_wage_cents") > 0:
        both = (monthly > 0) & (hourly > 0)
    neither: Any = False
    if bounds.low("monthly_wage_cents") == 0 and bounds.low("hourly_wage_cents") == 0:
        neither = (monthly == 0) & (hourly == 0)
    problems.rows(
        "monthly_wage_cents",
        both,
        lambda _: "both a monthly and an hourly wage: a worker is paid by the month or by the hour",
        monthly,
    )
    problems.rows(
        "monthly_wage_cents",
        neither,
        lambda _: "no wage: give monthly_wage_cents or hourly_wage_cents above 0",
        monthly,
    )


def _check_full_time_hours(values: Mapping[str, Any], problems: _Problems) -> None:
    """S: required exactly for the two regimes that count against it, and at least Q (Worker)."""
    uses_s = values["uses_full_time_hours"]
    s_hours, q_hours = (
        values["full_time_weekly_hours_hundredths"],
        values["weekly_hours_hundredths"],
    )
    column = "full_time_weekly_hours_hundredths"
    problems.rows(
        column,
        uses_s & (s_hours == 0),
        lambda _: (
            "this regime counts units against the weekly hours of a comparable "
            "full-timer (S): give them"
        ),
        s_hours,
    )
    problems.rows(
        column,
        ~np.asarray(uses_s) & (s_hours > 0)
        if isinstance(uses_s, np.ndarray)
        else ((not uses_s) & (s_hours > 0)),
        lambda _: (
            "only the part_time_income_guarantee and voluntary_part_time regimes use S; leave it 0"
        ),
        s_hours,
    )
    problems.rows(
        column,
        uses_s & (s_hours > 0) & (q_hours > s_hours),
        lambda _: "a part-timer's weekly hours cannot exceed those of a comparable full-timer",
        s_hours,
    )


def _check_days(
    values: Mapping[str, Any], bounds: _Extent, problems: _Problems, first_day: date
) -> None:
    """No more days than the weeks of the month hold for the worker (R4), no more hours than
    the days left can hold (a column that is 0 everywhere is the scalar 0: nothing to check)."""
    day_columns = [f"days_{r.value}" for r in Reason]
    capacity = np.array([working_days_capacity(first_day, d) for d in range(7)], dtype=np.int64)
    dpw = values["days_per_week"]

    def over(rows: slice) -> Any:
        most = capacity[dpw[rows]] if isinstance(dpw, np.ndarray) else int(capacity[dpw])
        return _total(bounds, day_columns, rows) > most

    most_days = sum(bounds.high(name) for name in day_columns)
    bad = False
    if most_days > int(capacity[bounds.low("days_per_week")]):
        bad = _rows_where(over, problems.source.n)
    if bad is not False:
        most = capacity[dpw] if isinstance(dpw, np.ndarray) else int(capacity[dpw])
        problems.rows(
            "days_economic",
            bad,
            lambda i: (
                f"more days of temporary unemployment over all reasons than {first_day:%Y-%m} "
                f"has working days at {_at(dpw, i)} a week ({_at(most, i)})"
            ),
            _total(bounds, day_columns),
        )
    all_hours = _total(bounds, [f"hours_{r.value}_hundredths" for r in Reason])
    if isinstance(all_hours, np.ndarray) or all_hours > 0:
        length = calendar.monthrange(first_day.year, first_day.month)[1]
        problems.rows(
            "hours_economic_hundredths",
            all_hours > (length - _total(bounds, day_columns)) * _cents(MAX_DAY_HOURS),
            lambda _: (
                "more hours declared day by day, over all reasons, than the days of the "
                "month left after the days at usual hours can hold (24 h a day)"
            ),
            all_hours,
        )


def _rows_where(test: Callable[[slice], Any], n: int) -> Any:
    """``test`` of every row (a boolean column) if it holds on any, else False: looked for a
    slice at a time, so that a check that holds nowhere makes no column of its intermediate
    values (a sum of a million rows is 8 MB of memory to write)."""
    for start in range(0, n, _PASS_ROWS):
        if np.any(test(slice(start, start + _PASS_ROWS))):
            return test(slice(None))
    return False


def _check_energy_window(values: Mapping[str, Any], problems: _Problems, first_day: date) -> None:
    """Energy-crisis days only within the scheme's dates (DayEntry)."""
    if ENERGY_CRISIS_FIRST_DAY <= first_day <= ENERGY_CRISIS_LAST_DAY:
        return
    for name in ("days_energy_crisis", "hours_energy_crisis_hundredths"):
        problems.rows(
            name,
            values[name] > 0,
            lambda _: (
                f"the energy-crisis scheme ran from {ENERGY_CRISIS_FIRST_DAY} to "
                f"{ENERGY_CRISIS_LAST_DAY}; {first_day:%Y-%m} is outside it"
            ),
            values[name],
        )


def _check_frost(bounds: _Extent, problems: _Problems) -> None:
    """A reason's frost days and hours among its own days and hours (R6)."""
    values = bounds.values
    for reason in construction.ELIGIBLE_IN_ORDER:
        for frost, of in (
            (f"frost_days_{reason.value}", f"days_{reason.value}"),
            (f"frost_hours_{reason.value}_hundredths", f"hours_{reason.value}_hundredths"),
        ):
            if bounds.high(frost) > 0:
                problems.rows(frost, values[frost] > values[of], f"more than {of}", values[frost])


def _at(value: Any, row: int) -> int:
    return int(value[row]) if isinstance(value, np.ndarray) else int(value)


def _total(bounds: _Extent, names: list[str], rows: slice = slice(None)) -> Any:
    """The sum of some columns over ``rows``, leaving out those that are 0 everywhere (0 if all
    are; the extents say which are, without a pass over the rows)."""
    present = [bounds.values[name] for name in names if bounds.high(name) > 0]
    if not present:
        return 0
    parts = [value[rows] if isinstance(value, np.ndarray) else value for value in present]
    total = parts[0]
    for more in parts[1:]:
        total = total + more
    return total
