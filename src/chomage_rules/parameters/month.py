"""The parameters of one month: every version in force on its first day, read once.

A month is computed with the versions in force on its **first day** (indexations take effect on
the first of a month; docs/decisions.md D8). A parameter with no version yet on that day is
recorded as missing, with the :class:`ParameterNotCovered` to raise: each rule decides whether it
needs the figure for every worker (then the month cannot be computed) or only for some (then only
a worker who needs it is refused). The helpers below turn a version's ``Decimal`` into the exact
integers the rules compute with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from dateutil.relativedelta import relativedelta

from ..core.errors import ParameterNotCovered
from ..core.money import decimal_to_cents, decimal_to_ratio
from . import ParameterSet, ParameterUse, ParameterVersion

__all__ = ["MonthParameters", "cents", "half_units", "ratio", "resolve_month"]


@dataclass(frozen=True, slots=True, weakref_slot=True, eq=False)
class MonthParameters:
    """Every parameter of a set as it stands on ``first_day``."""

    first_day: date
    last_day: date
    uses: Mapping[str, ParameterUse]
    """The version in force, by parameter name, for every parameter that has one."""
    missing: Mapping[str, ParameterNotCovered]
    """Parameters with no version on ``first_day`` (their first one starts later)."""
    stale: tuple[ParameterVersion, ...]
    """Latest versions of figures that follow the index, whose sources all predate the month:
    later indexations may be missing (R9)."""

    def __post_init__(self) -> None:
        # kept per set for every month computed with it (core/memo.py), and reachable from every
        # result: read-only copies, so that nobody changes the figures of later results
        object.__setattr__(self, "uses", MappingProxyType(dict(self.uses)))
        object.__setattr__(self, "missing", MappingProxyType(dict(self.missing)))
        object.__setattr__(self, "stale", tuple(self.stale))

    def __reduce__(self) -> tuple[Any, ...]:
        # a read-only mapping does not pickle: pickle plain copies, made read-only again above
        fields = (self.first_day, self.last_day, dict(self.uses), dict(self.missing), self.stale)
        return (MonthParameters, fields)

    def use(self, name: str) -> ParameterUse:
        """The version of ``name`` in force; its ParameterNotCovered if it has none yet."""
        use = self.uses.get(name)
        if use is None:
            raise self.missing[name]
        return use

    def version(self, name: str) -> ParameterVersion:
        return self.use(name).version

    def value_required(self, name: str) -> ParameterVersion:
        """The version of ``name``, which must have a value on this day (ParameterNotCovered)."""
        version = self.version(name)
        if version.value is None:
            raise ParameterNotCovered(name, self.first_day, version.note or "")
        return version


def cents(version: ParameterVersion | None) -> int | None:
    """An amount in cents; None for no version or a version without a value."""
    if version is None or version.value is None:
        return None
    return decimal_to_cents(version.value)


def ratio(version: ParameterVersion | None) -> tuple[int, int] | None:
    """A rate as an exact ``(numerator, denominator)``; None without a value."""
    if version is None or version.value is None:
        return None
    return decimal_to_ratio(version.value)


def half_units(version: ParameterVersion | None) -> int | None:
    """A count of units as half units; None without a value."""
    if version is None or version.value is None:
        return None
    numerator, denominator = decimal_to_ratio(version.value)
    return numerator * 2 // denominator


def resolve_month(parameters: ParameterSet, first_day: date) -> MonthParameters:
    """Read every parameter of ``parameters`` on ``first_day``."""
    uses: dict[str, ParameterUse] = {}
    missing: dict[str, ParameterNotCovered] = {}
    for name in parameters.names():
        try:
            uses[name] = ParameterUse(name, parameters.version(name, first_day))
        except ParameterNotCovered as error:
            missing[name] = error
    stale = tuple(
        use.version
        for name, use in uses.items()
        if parameters.parameter(name).indexed  # a rate or a divisor changes by law, not index
        and use.version is parameters.parameter(name).last
        and not use.version.overridden
        and use.version.source_date is not None
        and use.version.source_date < first_day
    )
    return MonthParameters(
        first_day=first_day,
        last_day=first_day + relativedelta(months=1, days=-1),
        uses=uses,
        missing=missing,
        stale=stale,
    )
