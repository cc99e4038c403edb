"""The parameters of one month: every version in force on its first day, read once.

A month is computed with the versions in force on its **first day** (indexations take effect on
the first of a month; docs/decisions.md D8). A parameter with no version yet on that day is
recorded as missing, with the :class:`ParameterNotCovered` to raise: each rule decides whether it
needs the figure for every worker (then the month cannot be computed) or only for some (then only
a worker who needs it is refused). The helpers below turn a version's ``Decimal`` into the exact
integers the rules compute with.

A figure in force on the first day is **stale** when an indexation of the series it follows is
known after its latest source and on or before that day (:meth:`ParameterSet.stale`). In a
**strict** set, a derived or unverified figure is recorded as missing too, with the
:class:`~chomage_rules.parameters.DerivedFigureRefused` to raise: a rule that needs it refuses the
worker exactly as for a figure that has no version, and one that does not computes as with the
default set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from ..core.errors import ParameterNotCovered
from ..core.money import decimal_to_cents, decimal_to_ratio
from . import ParameterSet, ParameterUse, ParameterVersion, _refusal, refuses
from .indexations import Indexation

__all__ = ["MonthParameters", "StaleFigure", "cents", "half_units", "ratio", "resolve_month"]


class StaleFigure(NamedTuple):
    """A figure in force on the month's first day that may be stale, and why."""

    name: str
    version: ParameterVersion
    indexation: Indexation
    """The first known indexation of its series after its latest source (it happened, or is
    expected), on or before the month's first day."""


@dataclass(frozen=True, slots=True, weakref_slot=True, eq=False)
class MonthParameters:
    """Every parameter of a set as it stands on ``first_day``."""

    first_day: date
    last_day: date
    uses: Mapping[str, ParameterUse]
    """The version in force, by parameter name, for every parameter that has one."""
    missing: Mapping[str, ParameterNotCovered]
    """Parameters with no version on ``first_day`` (their first one starts later), and in a
    strict set the derived or unverified figures it refuses."""
    stale: tuple[StaleFigure, ...]
    """Figures in force (with a value) that an indexation known after their latest source may
    have made stale (R9)."""

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
    stale: list[StaleFigure] = []
    for name in parameters.names():
        try:
            version = parameters.version(name, first_day)
        except ParameterNotCovered as error:
            missing[name] = error
            continue
        if parameters.strict and refuses(version):
            missing[name] = _refusal(version, first_day)
            continue
        uses[name] = ParameterUse(name, version)
        indexation = parameters.stale(name, first_day)
        if indexation is not None:
            stale.append(StaleFigure(name, version, indexation))
    return MonthParameters(
        first_day=first_day,
        last_day=first_day + relativedelta(months=1, days=-1),
        uses=uses,
        missing=missing,
        stale=tuple(stale),
    )
