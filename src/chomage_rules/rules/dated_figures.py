"""R9 Dated figures: how sure each figure a month used is, and what the reader must know of it.

Every figure has a start date, a confidence and sources with the date each page shows
(``parameters/*.toml``): ``official`` where ONEM/RVA or a regulation gives it, ``secondary`` for
a union, a payroll provider or the press, ``derived`` where it is computed from sourced figures
(the derivation is in the figure's note; ``unverified`` where no source confirms it), ``caller``
for a figure the caller supplied. Rulebook R9, as this module reads it:

- the step ``parameters.confidence`` lists every figure the month's steps read, with its value,
  the day it applies from and its confidence, and says which are unverified or may be stale
  (``MonthResult.figures`` gives the same as data);
- a figure is **stale** when an indexation of the series it follows (``indexations.toml``) is
  known, happened or expected, after its latest source and on or before the month's first day:
  the month still uses it (no figure is guessed) and a notice names it, the indexation, and that
  no source found gives the figure after it, which the caller can supply with ``override``;
- a derived figure that changed the result (read by a step that applied) gets a notice, with its
  sources;
- a doubt the sources raise about a figure (its ``caveat``) is told wherever that figure changed
  the result; figures supplied by the caller are named; a figure that changes during the month is
  named too, since the whole month uses the one in force on its first day (D8).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..core import memo
from ..core.sources import LegalSource, pages
from ..core.translated import Translated
from ..explain.step import Notice, Phrase, Step
from ..parameters import CALLER, ParameterUse, ParameterVersion
from ..parameters.indexations import Indexation
from ..parameters.month import MonthParameters
from ..parameters.report import FigureStatus, figure_status

__all__ = [
    "NOTICES",
    "PARAMETERS",
    "RULE",
    "SOURCES",
    "STEPS",
    "figures",
    "notices",
    "steps",
]

RULE = "R9"

SOURCES: tuple[LegalSource, ...] = ()
"""R9 rests on the sources of each figure and of each indexation, cited by its step and notices."""

STEP = "parameters.confidence"
STEPS: tuple[str, ...] = (STEP,)
NOTICES: tuple[str, ...] = (
    "parameters.stale",
    "parameters.derived",
    "parameters.caveat",
    "parameters.overridden",
    "parameters.change_within_month",
)

PARAMETERS: tuple[str, ...] = ()

GRADES = ("official", "secondary", "derived", CALLER)


@dataclass(frozen=True, slots=True)
class _Month:
    """What R9 says of the figures in force in a month (the same for every worker of it)."""

    stale: Mapping[str, Indexation]
    changes_within: frozenset[str]


def _changes_within(p: MonthParameters, version: ParameterVersion) -> bool:
    """The version ends during the month and the next one starts inside it."""
    until = version.valid_until
    if until is None or (until.year, until.month) != (p.first_day.year, p.first_day.month):
        return False
    return (until + timedelta(days=1)).month == p.first_day.month


def _month(p: MonthParameters) -> _Month:
    return _Month(
        stale={figure.name: figure.indexation for figure in p.stale},
        changes_within=frozenset(
            name for name, use in p.uses.items() if _changes_within(p, use.version)
        ),
    )


def _read(steps: Iterable[Step]) -> tuple[dict[str, ParameterUse], set[str]]:
    """The figures the steps read, once each in the order first read, and those read by a step
    that applied (they changed the result). R9's own step is left out."""
    used: dict[str, ParameterUse] = {}
    applied: set[str] = set()
    for step in steps:
        if step.id == STEP:
            continue
        for use in step.parameters:
            used.setdefault(use.name, use)
            if step.applies:
                applied.add(use.name)
    return used, applied


def figures(p: MonthParameters, steps: Iterable[Step]) -> tuple[FigureStatus, ...]:
    """Each figure the steps read, in the order first read: value, start, confidence, whether it
    is unverified, stale (the indexation), supplied by the caller."""
    month = memo.derived(p, RULE, lambda: _month(p))
    used, _ = _read(steps)
    return tuple(figure_status(use.version, month.stale.get(name)) for name, use in used.items())


def _start(day: date) -> Phrase:
    return ("start.always", {}) if day == date.min else ("start.from", {"day": day})


def _indexation(indexation: Indexation) -> Phrase:
    key = "indexation.expected" if indexation.expected else "indexation.happened"
    return (key, {"series": indexation.series, "day": indexation.on})


def _listed(figure: FigureStatus) -> Phrase:
    """One figure of the confidence step: value, start, grade and what else is known of it."""
    assert figure.valid_from is not None and figure.confidence is not None  # read by a step
    flags: list[Phrase] = []
    if figure.unverified:
        flags.append(("flag.unverified", {}))
    if figure.stale is not None:
        flags.append(("flag.stale", {"indexation": _indexation(figure.stale)}))
    values: dict[str, Any] = {
        "name": figure.name,
        "start": _start(figure.valid_from),
        "grade": f"confidence.{figure.confidence}",
        "flags": ("flags.list", {"list": tuple(flags)}) if flags else ("flags.none", {}),
    }
    if figure.value is None:
        return ("figure.confidence.none", values)
    return ("figure.confidence", {**values, "value": figure.value})


def steps(p: MonthParameters, steps: Iterable[Step]) -> tuple[Step, ...]:
    """``parameters.confidence``: every figure the steps read, with its confidence."""
    read = figures(p, steps)
    valued = [f for f in read if f.value is not None]
    counts = {grade: sum(1 for f in valued if f.confidence == grade) for grade in GRADES}
    values = {
        "figures": tuple(_listed(f) for f in read) or (("none", {}),),
        **counts,
        "none": len(read) - len(valued),
        "unverified": sum(1 for f in valued if f.unverified),
        "stale": sum(1 for f in valued if f.stale is not None),
    }
    cited = [s for f in read if f.stale is not None for s in f.stale.sources]
    cited += [s for f in valued if f.derived and f.confidence != CALLER for s in f.sources]
    # the figures are listed in the step's values, not as the parameters it read: each is already
    # shown, with its sources, under the steps that read it
    return (Step(STEP, RULE, bool(read), STEP, values, (), pages(cited)),)


def _caveat_notice(figure: FigureStatus, version: ParameterVersion) -> Notice:
    """``parameters.caveat``: the file's doubt about a figure, told in the reader's language. The
    value ``caveat`` is the English text, as stored in a result's document, carrying the file's
    French and Dutch (``caveat_fr``, ``caveat_nl``) for the catalogue to write."""
    english = figure.caveat or ""
    caveat = Translated(
        english, version.caveat_in("fr") or english, version.caveat_in("nl") or english
    )
    told = {"name": figure.name, "value": figure.value, "caveat": caveat}
    return Notice("parameters.caveat", told, RULE, pages(figure.sources))


def notices(p: MonthParameters, steps: Iterable[Step]) -> tuple[Notice, ...]:
    """``parameters.stale``, ``parameters.derived``, ``parameters.caveat`` (one per figure),
    ``parameters.overridden`` and ``parameters.change_within_month``, for the figures the steps
    read."""
    steps = tuple(steps)
    read = figures(p, steps)
    used, applied = _read(steps)
    month = memo.derived(p, RULE, lambda: _month(p))
    found: list[Notice] = [*_stale_notice(read), *_derived_notice(read, applied)]
    for figure in sorted(read, key=lambda f: f.name):
        if figure.name in applied and figure.caveat and not figure.overridden:
            found.append(_caveat_notice(figure, used[figure.name].version))
    overridden = sorted(f.name for f in read if f.overridden)
    if overridden:
        names = tuple(("figure", {"name": name}) for name in overridden)
        found.append(Notice("parameters.overridden", {"figures": names}, RULE))
    changing = sorted(f.name for f in read if f.name in month.changes_within)
    if changing:
        names = tuple(("figure", {"name": name}) for name in changing)
        values = {"day": p.first_day, "figures": names}
        # the pages of the figures the whole month uses
        cited = pages(s for f in read if f.name in month.changes_within for s in f.sources)
        found.append(Notice("parameters.change_within_month", values, RULE, cited))
    return tuple(found)


def _stale_notice(read: Iterable[FigureStatus]) -> tuple[Notice, ...]:
    stale = [f for f in read if f.stale is not None and f.value is not None]
    if not stale:
        return ()
    listed = tuple(
        (
            "figure.stale",
            {
                "name": f.name,
                "value": f.value,
                "start": f.valid_from,
                "date": f.latest_source or f.valid_from,
                "indexation": _indexation(f.stale),
            },
        )
        for f in stale
        if f.stale is not None  # for the type checker: filtered above
    )
    cited = pages(s for f in stale if f.stale is not None for s in f.stale.sources)
    return (Notice("parameters.stale", {"figures": listed}, RULE, cited),)


def _derived_notice(read: Iterable[FigureStatus], applied: set[str]) -> tuple[Notice, ...]:
    """A derived figure that changed the result (a step that read it applied)."""
    derived = [
        f
        for f in read
        if f.name in applied and f.value is not None and f.derived and not f.overridden
    ]
    if not derived:
        return ()
    listed = tuple(
        (
            "figure.derived.unverified" if f.unverified else "figure.derived",
            {"name": f.name, "value": f.value, "start": f.valid_from},
        )
        for f in derived
    )
    cited = pages(s for f in derived for s in f.sources)
    return (Notice("parameters.derived", {"figures": listed}, RULE, cited),)
