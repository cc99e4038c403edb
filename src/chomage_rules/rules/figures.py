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

from ..explain.step import Notice, Step
from ..parameters.month import MonthParameters

__all__ = ["PARAMETERS", "notices"]

PARAMETERS: tuple[str, ...] = ()


def _changes_within(p: MonthParameters, name: str) -> bool:
    """The version of ``name`` ends during the month and the next one starts inside it."""
    until = p.uses[name].version.valid_until
    if until is None or (until.year, until.month) != (p.first_day.year, p.first_day.month):
        return False
    return (until + timedelta(days=1)).month == p.first_day.month


def notices(p: MonthParameters, steps: Iterable[Step]) -> tuple[Notice, ...]:
    """``parameters.stale``, ``parameters.caveat`` (one per figure), ``parameters.overridden``
    and ``parameters.change_within_month``, for the figures the steps read."""
    steps = tuple(steps)
    used = {use.name for step in steps for use in step.parameters}
    # a caveat matters where its figure changed the result: in a step that applied
    applied = {use.name for step in steps if step.applies for use in step.parameters}
    found: list[Notice] = []
    # a version without a value is not stale: its step already says no figure is sourced
    stale = [v for v in p.stale if v.name in used and v.value is not None]
    if stale:
        listed = tuple(
            ("figure.dated", {"name": v.name, "value": v.value, "date": v.source_date})
            for v in stale
        )
        found.append(Notice("parameters.stale", {"day": p.first_day, "figures": listed}))
    for name in sorted(applied):
        version = p.uses[name].version
        if version.caveat and not version.overridden:
            values = {"name": name, "value": version.value, "caveat": version.caveat}
            found.append(Notice("parameters.caveat", values))
    overridden = sorted(n for n in used if p.uses[n].version.overridden)
    if overridden:
        names = tuple(("figure", {"name": name}) for name in overridden)
        found.append(Notice("parameters.overridden", {"figures": names}))
    changing = sorted(n for n in used if _changes_within(p, n))
    if changing:
        names = tuple(("figure", {"name": name}) for name in changing)
        found.append(
            Notice("parameters.change_within_month", {"day": p.first_day, "figures": names})
        )
    return tuple(found)
