"""Dated, sourced facts behind the process rules: dates, lists of countries, offices, limits.

The money rules read figures (:mod:`chomage_rules.parameters`); the process rules (the control
card, access to the eC3.2, job-seeker registration, applications, payment timing, limits by
reason) read **facts**: a date (``2025-01-01``, the day the electronic card became mandatory), a
count (14 days to activate a digital key), a text, a list of codes (the countries connected to
eIDAS) or a table (the regional employment office of each region). They live in
``parameters/facts/*.toml``, one family per file, in the same shape as the figures' files: a
fact is a series of versions, each with the day it applies from (``from``), its ``value``, how
sure it is (``confidence``: ``official`` for ONEM/RVA or a regulation, ``secondary`` for a
union, payroll provider or the press, ``derived`` for what is inferred from sourced facts, with
the inference in ``note``) and its sources (title, address, the date the page shows or
``undated = true``, the quotation). A version runs until the next one starts.

Every file is checked against :class:`FactEntry` (unknown keys refused, each value checked
against its fact's ``kind``); a fault raises :class:`~chomage_rules.parameters.ParameterFileError`
naming the file, the fact and the version.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, partial
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..core.errors import ParameterNotCovered
from ..core.vocabulary import Confidence, Language
from .schema import (
    ParameterFileError,
    Problem,
    SourceEntry,
    check_caveat_languages,
    in_language,
    read_entries,
    version_ends,
)
from .source import source_of as _source  # a fact's sources are built as a figure's are

__all__ = ["Fact", "FactEntry", "FactValue", "FactVersion", "Facts", "read_facts_file"]

FactKind = Literal["date", "count", "text", "codes", "table"]

FactValue = Union[date, int, str, tuple[str, ...], Mapping[str, Any]]  # noqa: UP007 - runtime alias
"""A fact's value: a date, a whole number, a text, codes (a tuple of texts) or a read-only table."""


class _FactModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FactVersionEntry(_FactModel):
    """One version of a fact as a file writes it."""

    from_: date = Field(alias="from")
    value: Any
    confidence: Confidence
    note: str | None = Field(default=None, min_length=1)
    caveat: str | None = Field(default=None, min_length=1)
    caveat_fr: str | None = Field(default=None, min_length=1)
    caveat_nl: str | None = Field(default=None, min_length=1)
    sources: list[SourceEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _caveat_in_three_languages(self) -> FactVersionEntry:
        check_caveat_languages(self.caveat, self.caveat_fr, self.caveat_nl)
        return self


class FactEntry(_FactModel):
    """A fact: what it is, the kind of its value and its versions, oldest first."""

    description: str = Field(min_length=1)
    # the shipped facts give all three; as for figures, a translation is optional in the schema
    description_fr: str | None = Field(default=None, min_length=1)
    description_nl: str | None = Field(default=None, min_length=1)
    kind: FactKind
    versions: list[FactVersionEntry] = Field(min_length=1)


def _value_problem(kind: str, value: object) -> str | None:
    """What is wrong with ``value`` for a fact of ``kind``; None when it is right."""
    if kind == "date":
        ok = type(value) is date
    elif kind == "count":
        ok = type(value) is int and value >= 0
    elif kind == "text":
        ok = isinstance(value, str) and bool(value)
    elif kind == "codes":
        ok = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    else:
        ok = isinstance(value, dict) and bool(value)
    if ok:
        return None
    wanted = {
        "date": "a TOML date such as 2025-01-01",
        "count": "a whole number of at least 0",
        "text": "a non-empty text",
        "codes": "a list of texts",
        "table": "a non-empty table",
    }[kind]
    return f"value: a fact of kind {kind!r} holds {wanted} (got {type(value).__name__})"


def _series_problems(path: str, name: str, entry: FactEntry) -> Iterator[Problem]:
    for index, version in enumerate(entry.versions):
        label = f"version {index + 1} (from {version.from_.isoformat()})"
        if index and version.from_ <= entry.versions[index - 1].from_:
            yield Problem(path, name, label, "versions go oldest first, each on its own day")
        problem = _value_problem(entry.kind, version.value)
        if problem:
            yield Problem(path, name, label, problem)
        if version.confidence == "derived" and version.note is None:
            yield Problem(path, name, label, "a derived fact says how it was derived in 'note'")


def read_facts_file(path: str, text: str) -> dict[str, FactEntry]:
    """The facts of one file by dotted name; ParameterFileError listing all that is wrong."""
    return read_entries(path, text, FactEntry, _series_problems)


# --------------------------------------------------------------------------- the facts as read


@dataclass(frozen=True, slots=True)
class FactVersion:
    """One version of a fact and the days it covers (``valid_until`` inclusive)."""

    name: str
    valid_from: date
    valid_until: date | None
    value: FactValue
    confidence: Confidence
    sources: tuple[Any, ...]
    """The version's sources (:class:`chomage_rules.parameters.Source`)."""
    note: str | None = None
    caveat: str | None = None
    caveat_fr: str | None = None
    caveat_nl: str | None = None

    def caveat_in(self, lang: Language) -> str | None:
        """The caveat in ``lang`` (None when the version has none)."""
        if self.caveat is None:
            return None
        return in_language(lang, self.caveat, self.caveat_fr, self.caveat_nl)


@dataclass(frozen=True, slots=True)
class Fact:
    """A named fact and its dated versions, oldest first."""

    name: str
    description: str
    kind: FactKind
    versions: tuple[FactVersion, ...]
    description_fr: str | None = None
    description_nl: str | None = None
    _starts: tuple[date, ...] = field(repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.valid_from for v in self.versions))

    def version(self, on: date) -> FactVersion:
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            first = self.versions[0].valid_from.isoformat()
            raise ParameterNotCovered(self.name, on, f"this fact is known from {first}")
        return self.versions[index]

    def description_in(self, lang: Language) -> str:
        """What the fact is, in ``lang``."""
        return in_language(lang, self.description, self.description_fr, self.description_nl)


def _frozen(value: Any) -> FactValue:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    result: FactValue = value
    return result


def _fact(name: str, entry: FactEntry) -> Fact:
    ends = version_ends([version.from_ for version in entry.versions])
    versions = tuple(
        FactVersion(
            name=name,
            valid_from=version.from_,
            valid_until=ends[index],
            value=_frozen(version.value),
            confidence=version.confidence,
            sources=tuple(_source(source) for source in version.sources),
            note=version.note,
            caveat=version.caveat,
            caveat_fr=version.caveat_fr,
            caveat_nl=version.caveat_nl,
        )
        for index, version in enumerate(entry.versions)
    )
    return Fact(
        name,
        entry.description,
        entry.kind,
        versions,
        description_fr=entry.description_fr,
        description_nl=entry.description_nl,
    )


class Facts:
    """The shipped facts (:meth:`default`), read-only; ``facts.value(name, on)``."""

    __slots__ = ("_facts",)

    def __init__(self, facts: Mapping[str, Fact]) -> None:
        self._facts: Mapping[str, Fact] = MappingProxyType(dict(facts))

    @classmethod
    def default(cls) -> Facts:
        return _default_facts()

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._facts))

    def fact(self, name: str) -> Fact:
        try:
            return self._facts[name]
        except KeyError:
            raise KeyError(f"unknown fact {name!r}") from None

    def version(self, name: str, on: date) -> FactVersion:
        return self.fact(name).version(on)

    def value(self, name: str, on: date) -> FactValue:
        return self.version(name, on).value

    def count(self, name: str, on: date) -> int:
        """The value of a fact of kind ``count`` (TypeError for a fact of another kind)."""
        value = self.value(name, on)
        if type(value) is not int:
            raise TypeError(f"fact {name!r} is not a count")
        return value

    def __repr__(self) -> str:
        return f"Facts({len(self._facts)} facts)"


@cache
def _default_facts() -> Facts:
    folder = resources.files(__package__).joinpath("facts")
    problems: list[Problem] = []
    facts: dict[str, Fact] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        read = partial(entry.read_text, encoding="utf-8")
        try:
            for name, fact in read_facts_file(str(entry), read()).items():
                facts[name] = _fact(name, fact)
        except ParameterFileError as error:
            problems.extend(error.problems)
    if problems:
        raise ParameterFileError(problems)
    return Facts(facts)
