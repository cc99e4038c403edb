"""The figures and facts in force on a day, with how sure each is: the list a payment body
reviews each month (rulebook R9).

``report(on=date(2026, 12, 1))`` gives, for every parameter of the set, the figure in force on
that day, the day it applies from, its confidence (official, secondary, derived; unverified;
``caller`` for a figure the caller supplied), its latest source, and whether it is **stale** (an
indexation of the series it follows is known after its latest source and on or before the day:
the indexation is named), **missing** (no version yet, or a version without a value where a
figure applies but no source gives it: the minimum daily amount from 2024), **not in force** (no
such figure applies then: the energy-crisis supplement after March 2023) or **refused** (a strict
set refuses a derived or unverified figure). A second part lists the facts of ``facts/`` (the
dates and lists behind the process rules) with their confidence.

``str(report)`` is a table to read; ``report.as_dict()`` is plain data (JSON-ready: dates as ISO
text, figures as decimal text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..core.errors import ParameterNotCovered
from . import CALLER, FigureConfidence, ParameterSet, ParameterVersion, Source, refuses
from .facts import Facts, FactValue
from .indexations import Indexation

__all__ = ["FactStatus", "FigureStatus", "ParameterReport", "figure_status", "report"]


@dataclass(frozen=True, slots=True)
class FigureStatus:
    """One figure on a day (in a report) or in a month (``MonthResult.figures``)."""

    name: str
    value: Decimal | None
    valid_from: date | None
    """The day the version in force applies from (None: no version yet; ``date.min`` for a
    figure the caller supplied for every date)."""
    confidence: FigureConfidence | None
    """None when no version is in force yet."""
    unverified: bool = False
    overridden: bool = False
    stale: Indexation | None = None
    """The indexation that makes the figure stale, if one does."""
    missing: bool = False
    """No figure where one applies: no version yet, or a version without a value whose note says
    no source gives it."""
    not_in_force: bool = False
    refused: bool = False
    """A strict set refuses this figure (derived or unverified)."""
    latest_source: date | None = None
    note: str | None = None
    caveat: str | None = None
    sources: tuple[Source, ...] = ()

    @property
    def is_stale(self) -> bool:
        return self.stale is not None

    @property
    def derived(self) -> bool:
        return self.confidence == "derived" or self.unverified

    @property
    def status(self) -> str:
        """``missing``, ``not in force``, ``refused``, ``stale`` or ``in force``."""
        if self.missing:
            return "missing"
        if self.not_in_force:
            return "not in force"
        if self.refused:
            return "refused"
        return "stale" if self.stale is not None else "in force"

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": None if self.value is None else str(self.value),
            "from": _day(self.valid_from),
            "confidence": self.confidence,
            "unverified": self.unverified,
            "overridden": self.overridden,
            "status": self.status,
            "stale": None if self.stale is None else _indexation(self.stale),
            "missing": self.missing,
            "not_in_force": self.not_in_force,
            "refused": self.refused,
            "latest_source": _day(self.latest_source),
            "note": self.note,
            "caveat": self.caveat,
            "sources": [_source(source) for source in self.sources],
        }


def figure_status(
    version: ParameterVersion, stale: Indexation | None = None, *, refused: bool = False
) -> FigureStatus:
    """What a report (or a result) says of one version in force."""
    return FigureStatus(
        name=version.name,
        value=version.value,
        valid_from=version.valid_from,
        confidence=version.confidence,
        unverified=version.unverified,
        overridden=version.overridden,
        stale=stale,
        missing=version.missing,
        not_in_force=version.not_in_force,
        refused=refused,
        latest_source=version.source_date,
        note=version.note,
        caveat=version.caveat,
        sources=version.sources,
    )


@dataclass(frozen=True, slots=True)
class FactStatus:
    """One fact of ``facts/`` on a day."""

    name: str
    value: FactValue | None
    valid_from: date | None
    confidence: str | None
    """official, secondary or derived; None when no version is in force yet."""
    caveat: str | None = None
    note: str | None = None
    sources: tuple[Source, ...] = ()

    @property
    def missing(self) -> bool:
        return self.valid_from is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": _plain(self.value),
            "from": _day(self.valid_from),
            "confidence": self.confidence,
            "missing": self.missing,
            "caveat": self.caveat,
            "note": self.note,
            "sources": [_source(source) for source in self.sources],
        }


@dataclass(frozen=True, slots=True)
class ParameterReport:
    """Every figure and fact in force on ``on``, with how sure each is (see the module)."""

    on: date
    strict: bool
    fingerprint: str
    figures: tuple[FigureStatus, ...]
    facts: tuple[FactStatus, ...]

    def figure(self, name: str) -> FigureStatus:
        for status in self.figures:
            if status.name == name:
                return status
        raise KeyError(f"no figure {name!r} in the report")

    def fact(self, name: str) -> FactStatus:
        for status in self.facts:
            if status.name == name:
                return status
        raise KeyError(f"no fact {name!r} in the report")

    @property
    def stale(self) -> tuple[FigureStatus, ...]:
        return tuple(f for f in self.figures if f.stale is not None)

    @property
    def missing(self) -> tuple[FigureStatus, ...]:
        return tuple(f for f in self.figures if f.missing)

    @property
    def derived(self) -> tuple[FigureStatus, ...]:
        return tuple(f for f in self.figures if f.value is not None and f.derived)

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (JSON-ready)."""
        return {
            "on": self.on.isoformat(),
            "strict": self.strict,
            "parameters_fingerprint": self.fingerprint,
            "figures": [f.as_dict() for f in self.figures],
            "facts": [f.as_dict() for f in self.facts],
        }

    def __str__(self) -> str:
        kind = "strict set" if self.strict else "set"
        lines = [f"Figures in force on {self.on.isoformat()} ({kind} {self.fingerprint})", ""]
        lines += _table(
            ("name", "value", "from", "confidence", "latest source", "status"),
            [_figure_row(f) for f in self.figures],
        )
        lines += _figure_notes(self.figures)
        lines += ["", f"Facts in force on {self.on.isoformat()}", ""]
        lines += _table(
            ("name", "value", "from", "confidence"),
            [
                (
                    f.name,
                    _short(_text(f.value)),
                    _day(f.valid_from) or "-",
                    (f.confidence or "-") + (" (caveat)" if f.caveat else ""),
                )
                for f in self.facts
            ],
        )
        return "\n".join(lines) + "\n"


def report(
    on: date, parameters: ParameterSet | None = None, *, facts: Facts | None = None
) -> ParameterReport:
    """The figures of ``parameters`` (the shipped ones by default) and the facts (the shipped
    ones by default) in force on ``on``, with their confidence, stale and missing ones named."""
    if type(on) is not date:
        raise TypeError(f"on must be a datetime.date, not a {type(on).__name__}")
    parameters = ParameterSet.default() if parameters is None else parameters
    facts = Facts.default() if facts is None else facts
    return ParameterReport(
        on=on,
        strict=parameters.strict,
        fingerprint=parameters.fingerprint(),
        figures=tuple(_figure_on(parameters, name, on) for name in parameters.names()),
        facts=tuple(_fact_on(facts, name, on) for name in facts.names()),
    )


def _figure_on(parameters: ParameterSet, name: str, on: date) -> FigureStatus:
    try:
        version = parameters.version(name, on)
    except ParameterNotCovered as error:
        return FigureStatus(name, None, None, None, missing=True, note=error.detail or None)
    refused = parameters.strict and refuses(version)
    return figure_status(version, parameters.stale(name, on), refused=refused)


def _fact_on(facts: Facts, name: str, on: date) -> FactStatus:
    try:
        version = facts.version(name, on)
    except ParameterNotCovered as error:
        return FactStatus(name, None, None, None, note=error.detail or None)
    return FactStatus(
        name,
        version.value,
        version.valid_from,
        version.confidence,
        caveat=version.caveat,
        note=version.note,
        sources=version.sources,
    )


# --------------------------------------------------------------------------- writing


def _day(day: date | None) -> str | None:
    if day is None:
        return None
    return "always" if day == date.min else day.isoformat()


def _indexation(indexation: Indexation) -> dict[str, Any]:
    return {
        "series": indexation.series,
        "on": indexation.on.isoformat(),
        "status": indexation.status,
        "confidence": indexation.confidence,
        "note": indexation.note,
        "sources": [_source(source) for source in indexation.sources],
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "url": source.url,
        "date": _day(source.date),
        "date_kind": source.date_kind,
        "quote": source.quote,
    }


def _plain(value: object) -> Any:
    """A fact's value as JSON data."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _text(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {_text(item)}" for key, item in value.items())
    return str(value)


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _grade(f: FigureStatus) -> str:
    if f.confidence is None or f.value is None:
        return "-"
    grade = "supplied by the caller" if f.confidence == CALLER else f.confidence
    return f"{grade}, unverified" if f.unverified else grade


def _figure_row(f: FigureStatus) -> tuple[str, ...]:
    status = f.status
    if f.stale is not None:
        status = f"{status} ({_indexation_words(f.stale)})"
    return (
        f.name,
        "-" if f.value is None else str(f.value),
        _day(f.valid_from) or "-",
        _grade(f),
        _day(f.latest_source) or "-",
        status,
    )


def _indexation_words(indexation: Indexation) -> str:
    verb = "indexation expected on" if indexation.expected else "indexed on"
    return f"{indexation.series} {verb} {indexation.on.isoformat()}"


def _gist(note: str | None) -> str:
    """A note's first clause: up to its first ';' or parenthesis."""
    text = " ".join((note or "no version yet").split())
    for mark in ("; ", " ("):
        text = text.split(mark, 1)[0]
    return _short(text, 120)


def _figure_notes(figures: tuple[FigureStatus, ...]) -> list[str]:
    """What to do about each stale, missing or refused figure."""
    lines: list[str] = []
    for f in figures:
        if f.stale is not None:
            lines.append(
                f"- {f.name}: may be stale: {_indexation_words(f.stale)} "
                f"({f.stale.confidence}), after its latest source; no source found gives the "
                "figure after it: supply it with override if you hold it"
            )
        elif f.missing:
            lines.append(f"- {f.name}: missing: {_gist(f.note)}")
        elif f.refused:
            lines.append(f"- {f.name}: refused by the strict set: supply it with override")
    return ["", *lines] if lines else []


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
