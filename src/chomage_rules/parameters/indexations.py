"""The known indexations of each series a figure follows: when a figure in force may be stale.

An indexed figure (``indexed = true`` in its file) names the **series** of indexations it follows
(``series = "social_benefits"``). The series and their indexations live in ``indexations.toml``
beside the parameter files, dated and sourced like the figures: each indexation has the day it
applies (``on``), whether it ``happened`` or is only ``expected`` (a forecast), how sure it is
(``confidence``: official, secondary, or derived with the inference in ``note``) and its sources.

A version of a figure is **stale** on a day when an indexation of its series is known after the
version's latest source (or after its start, when it starts later: an indexation on the day a
version starts is the one that version follows from) and on or before that day: a newer figure
should be in force, and no source found gives it. A figure of a series with no known indexation
is never stale; a figure supplied by the caller is never stale either.

The file is checked against :class:`SeriesEntry` (unknown keys refused, indexations oldest
first; a source gives the date its page shows or says ``undated = true``; unlike a figure, an
indexation may rest on undated sources alone, as what is recorded is the day it applies, which
its sources state); a fault raises
:class:`~chomage_rules.parameters.ParameterFileError` naming the file, the series and the
indexation.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..core.vocabulary import Confidence
from .schema import (
    Problem,
    SourceEntry,
    read_entries,
)
from .source import Source, source_of

__all__ = [
    "FILE_NAME",
    "Indexation",
    "IndexationEntry",
    "Series",
    "SeriesEntry",
    "read_indexations_file",
    "series_of",
]

FILE_NAME = "indexations.toml"
"""The file of the series, beside the parameter files (it is not a parameter file)."""

FAMILY = "indexation"

Status = Literal["happened", "expected"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class IndexationEntry(_Entry):
    """One indexation as the file writes it."""

    on: date
    status: Status
    confidence: Confidence
    note: str | None = Field(default=None, min_length=1)
    sources: list[SourceEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _reasoned(self) -> IndexationEntry:
        # unlike a figure's, an indexation's sources may all be undated: what the file records
        # is the day it applies (``on``), which its sources state; each source still says
        # whether its page shows a date
        if self.confidence == "derived" and self.note is None:
            raise PydanticCustomError(
                "version_note", "a derived indexation says how it was derived in 'note'"
            )
        return self


class SeriesEntry(_Entry):
    """A series: what it is and its known indexations, oldest first (there may be none)."""

    description: str = Field(min_length=1)
    indexations: list[IndexationEntry] = Field(default_factory=list)


def _series_problems(path: str, name: str, entry: SeriesEntry) -> Iterator[Problem]:
    for index, indexation in enumerate(entry.indexations):
        if index and indexation.on <= entry.indexations[index - 1].on:
            label = f"indexation {index + 1} (on {indexation.on.isoformat()})"
            yield Problem(path, name, label, "indexations go oldest first, each on its own day")


def read_indexations_file(path: str, text: str) -> dict[str, SeriesEntry]:
    """The series of the file by name (without the family: ``social_benefits``);
    ParameterFileError listing all that is wrong."""
    entries = read_entries(path, text, SeriesEntry, _series_problems, family=FAMILY)
    return {name.removeprefix(f"{FAMILY}."): entry for name, entry in entries.items()}


# --------------------------------------------------------------------------- as the library reads


@dataclass(frozen=True, slots=True)
class Indexation:
    """One known indexation of a series: the day it applies, whether it happened or is only
    expected, how sure it is, and its sources."""

    series: str
    on: date
    status: Status
    confidence: Confidence
    sources: tuple[Source, ...]
    note: str | None = None

    @property
    def expected(self) -> bool:
        """Only forecast: no source found says it happened."""
        return self.status == "expected"


@dataclass(frozen=True, slots=True)
class Series:
    """A series of indexations a figure follows, oldest first."""

    name: str
    description: str
    indexations: tuple[Indexation, ...]
    _days: tuple[date, ...] = field(repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "indexations", tuple(self.indexations))
        object.__setattr__(self, "_days", tuple(i.on for i in self.indexations))

    def first_after(self, since: date, through: date) -> Indexation | None:
        """The first indexation after ``since`` and on or before ``through``, if any."""
        index = bisect.bisect_right(self._days, since)
        if index < len(self.indexations) and self.indexations[index].on <= through:
            return self.indexations[index]
        return None


def series_of(name: str, entry: SeriesEntry) -> Series:
    """A checked series as the library reads it."""
    return Series(
        name=name,
        description=entry.description,
        indexations=tuple(
            Indexation(
                series=name,
                on=item.on,
                status=item.status,
                confidence=item.confidence,
                sources=tuple(source_of(source) for source in item.sources),
                note=item.note,
            )
            for item in entry.indexations
        ),
    )
