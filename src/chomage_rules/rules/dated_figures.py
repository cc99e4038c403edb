"""R9 Dated figures: what the reader must know about the figures a month was computed with.

Every figure has a start date and a source with the date the page shows (``parameters/*.toml``).
Rulebook R9: a month after a figure's latest source still uses that figure, with a notice that
later indexations may be missing; a doubt the sources raise about a figure (its ``caveat``) is
told wherever that figure changed the result; figures supplied by the caller are named; a figure
that changes during the month is named too, since the whole month uses the one in force on its
first day (D8).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import NamedTuple

from ..core import memo
from ..explain.step import Notice, Step
from ..parameters import ParameterVersion
from ..parameters.month import MonthParameters

__all__ = ["NOTICES", "PARAMETERS", "RULE", "STEPS", "notices"]

RULE = "R9"

STEPS: tuple[str, ...] = ()
NOTICES: tuple[str, ...] = (
    "parameters.stale",
    "parameters.caveat",
    "parameters.overridden",
    "parameters.change_within_month",
)

PARAMETERS: tuple[str, ...] = ()


class _Figure(NamedTuple):
    """What R9 says of one figure in force in a month (the same for every worker of it)."""

    stale: bool
    caveat: str | None
    overridden: bool
    changes_within: bool


def _changes_within(p: MonthParameters, version: ParameterVersion) -> bool:
    """The version ends during the month and the next one starts inside it."""
    until = version.valid_until
    if until is None or (until.year, until.month) != (p.first_day.year, p.first_day.month):
        return False
    return (until + timedelta(days=1)).month == p.first_day.month


def _figures(p: MonthParameters) -> dict[str, _Figure]:
    stale = {v.name for v in p.stale if v.value is not None}
    return {
        name: _Figure(
            name in stale,
            None if use.version.overridden else use.version.caveat,
            use.version.overridden,
            _changes_within(p, use.version),
        )
        for name, use in p.uses.items()
    }


def notices(p: MonthParameters, steps: Iterable[Step]) -> tuple[Notice, ...]:
    """``parameters.stale``, ``parameters.caveat`` (one per figure), ``parameters.overridden``
    and ``parameters.change_within_month``, for the figures the steps read."""
    read = [(step.applies, step.parameters) for step in steps if step.parameters]
    used = {use.name for _, uses in read for use in uses}
    # a caveat matters where its figure changed the result: in a step that applied
    applied = {use.name for applies, uses in read if applies for use in uses}
    month = memo.derived(p, RULE, lambda: _figures(p))
    found: list[Notice] = []
    # a version without a value is not stale: its step already says no figure is sourced
    stale = [v for v in p.stale if v.name in used and month[v.name].stale]
    if stale:
        listed = tuple(
            ("figure.dated", {"name": v.name, "value": v.value, "date": v.source_date})
            for v in stale
        )
        found.append(Notice("parameters.stale", {"day": p.first_day, "figures": listed}))
    for name in sorted(applied):
        caveat = month[name].caveat
        if caveat:
            values = {"name": name, "value": p.uses[name].value, "caveat": caveat}
            found.append(Notice("parameters.caveat", values))
    overridden = sorted(n for n in used if month[n].overridden)
    if overridden:
        names = tuple(("figure", {"name": name}) for name in overridden)
        found.append(Notice("parameters.overridden", {"figures": names}))
    changing = sorted(n for n in used if month[n].changes_within)
    if changing:
        names = tuple(("figure", {"name": name}) for name in changing)
        found.append(
            Notice("parameters.change_within_month", {"day": p.first_day, "figures": names})
        )
    return tuple(found)
