"""Dated, sourced parameters (rulebook R9).

Every figure the rules use lives in a TOML file of this folder, one family per file (``wage.toml``,
``rate.toml`` …). A parameter is a series of versions; each version has the date it takes effect
(``from``), its value, and one or more sources. A source has a ``title``, a ``url``, the date shown
on the page (``date``, with ``date_kind`` = ``"published"`` or ``"updated"``) and, where the page
could be read, the ``quote`` that gives the figure. A page that shows no date says so with
``undated = true`` and has no ``date``: a date is never invented. Every version needs at least one
dated source; undated sources may come in addition. A version runs until the next one starts, so
the intervals are contiguous and never overlap by construction. A version may have **no value** (and then must say why, in ``note``): "no minimum is
sourced for this period", "the supplement did not exist yet".

- A date before a parameter's first version raises :class:`ParameterNotCovered`, naming the
  parameter and the date; so does asking :meth:`ParameterSet.value` on a version without a value.
- A date after the last version's latest source date still uses that version; the engine adds a
  notice that later indexations may be missing.
- :meth:`ParameterSet.override` returns a new set where the caller's figures replace the files' —
  for every date, or from given dates on — without touching the files.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import json
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union

from ..core.errors import ParameterNotCovered, input_error

__all__ = [
    "OverrideValue",
    "Parameter",
    "ParameterNotCovered",
    "ParameterSet",
    "ParameterUse",
    "ParameterVersion",
    "Source",
]

Kind = Literal["amount", "rate", "count", "divisor"]
_KINDS: tuple[str, ...] = ("amount", "rate", "count", "divisor")
OVERRIDE_SOURCE_TITLE = "override supplied by the caller"

OverrideValue = Union[Decimal, int, str, None]  # noqa: UP007 - a runtime alias, kept readable


@dataclass(frozen=True, slots=True)
class Source:
    """Where a figure comes from: title, address, the date shown on the page and its quote.

    ``date_kind`` says what ``date`` is (``"published"`` or ``"updated"``); ``undated`` is true for a
    page that shows no date (then ``date`` is None).
    """

    title: str
    url: str | None
    date: date | None
    quote: str | None = None
    date_kind: str | None = None
    undated: bool = False


@dataclass(frozen=True, slots=True)
class ParameterVersion:
    """One figure of a parameter and the interval it covers (``valid_until`` inclusive)."""

    name: str
    valid_from: date
    valid_until: date | None
    value: Decimal | None
    sources: tuple[Source, ...]
    note: str | None = None
    overridden: bool = False
    caveat: str | None = None
    """A doubt the sources raise about this figure, told to the reader whenever it is used."""

    @property
    def source_date(self) -> date | None:
        """The latest date among the version's sources."""
        dates = [source.date for source in self.sources if source.date is not None]
        return max(dates) if dates else None

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


@dataclass(frozen=True, slots=True)
class ParameterUse:
    """A parameter a step read: its name and the version used."""

    name: str
    version: ParameterVersion

    @property
    def value(self) -> Decimal | None:
        return self.version.value


@dataclass(frozen=True, slots=True)
class Parameter:
    """A named parameter: what it is and its dated versions, oldest first."""

    name: str
    description: str
    unit: str
    kind: Kind
    versions: tuple[ParameterVersion, ...]
    indexed: bool = False
    """The figure follows the consumer-price index: a month after its latest source may be missing
    an indexation, and the result says so (R9)."""
    _starts: tuple[date, ...] = field(repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.valid_from for v in self.versions))

    def version(self, on: date) -> ParameterVersion:
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            first = self.versions[0].valid_from.isoformat() if self.versions else "never"
            raise ParameterNotCovered(self.name, on, f"its first value starts on {first}")
        return self.versions[index]

    @property
    def last(self) -> ParameterVersion:
        return self.versions[-1]


# --------------------------------------------------------------------------- value checks


def _check_value(name: str, kind: str, value: Decimal) -> None:
    """Raise ValueError when a value cannot be right for its kind."""
    if not value.is_finite() or value < 0:
        raise ValueError(f"{name} must be a finite number of at least 0 (got {value})")
    numerator, denominator = value.as_integer_ratio()
    if kind == "amount" and (numerator * 100) % denominator:
        raise ValueError(f"{name} is an amount in EUR and must be whole cents (got {value})")
    if kind == "rate" and value > 1:
        raise ValueError(f"{name} is a rate and must be between 0 and 1, e.g. 0.60 (got {value})")
    if kind == "count" and (numerator * 2) % denominator:
        raise ValueError(f"{name} counts units and must be whole or half units (got {value})")
    if kind == "divisor" and (denominator != 1 or numerator == 0):
        raise ValueError(f"{name} is a divisor and must be a whole number above 0 (got {value})")


# --------------------------------------------------------------------------- loading the files


_SOURCE_KEYS = frozenset({"title", "url", "date", "date_kind", "quote", "undated"})
_DATE_KINDS = ("published", "updated")


def _source(raw: Mapping[str, Any], where: str) -> Source:
    unknown = sorted(set(raw) - _SOURCE_KEYS)
    if unknown:
        raise ValueError(
            f"{where}: unknown source field(s) {unknown}; a source has {sorted(_SOURCE_KEYS)}"
        )
    missing = [key for key in ("title", "url") if key not in raw]
    if missing:
        raise ValueError(f"{where}: a source needs a title and a url; {missing} missing")
    undated = raw.get("undated", False)
    if not isinstance(undated, bool):
        raise ValueError(f"{where}: 'undated' must be true or false (got {undated!r})")
    when = raw.get("date")
    kind = raw.get("date_kind")
    if undated:
        if when is not None or kind is not None:
            raise ValueError(
                f"{where}: source {raw['title']!r} says undated = true but also gives a date; "
                "give either the date shown on the page or undated = true, not both"
            )
    else:
        if when is None:
            raise ValueError(
                f"{where}: source {raw['title']!r} has no date; give the date shown on the page "
                "(with date_kind) or, for a page that shows none, undated = true"
            )
        if type(when) is not date:
            raise ValueError(f"{where}: source {raw['title']!r} has date {when!r}; give a day")
        if kind is not None and kind not in _DATE_KINDS:
            raise ValueError(
                f"{where}: source {raw['title']!r} has date_kind {kind!r}; "
                f"expected one of {_DATE_KINDS}"
            )
    return Source(
        title=str(raw["title"]),
        url=str(raw["url"]),
        date=when,
        quote=str(raw["quote"]) if "quote" in raw else None,
        date_kind=None if kind is None else str(kind),
        undated=undated,
    )


def _versions(
    name: str, kind: str, raw_versions: list[Mapping[str, Any]], where: str
) -> tuple[ParameterVersion, ...]:
    starts: list[date] = [raw["from"] for raw in raw_versions]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        raise ValueError(f"{where}: versions of {name} must be in strictly increasing 'from' order")
    versions = []
    for index, raw in enumerate(raw_versions):
        value = raw.get("value")
        if value is not None:
            value = Decimal(value)  # parse_float=Decimal already; ints become Decimal here
            _check_value(name, kind, value)
        elif not raw.get("note"):
            raise ValueError(f"{where}: a version of {name} without a value must say why in 'note'")
        raw_sources = raw.get("sources") or []
        if not raw_sources:
            raise ValueError(f"{where}: version {raw['from']} of {name} has no source")
        sources = tuple(_source(s, f"{where}: {name} {raw['from']}") for s in raw_sources)
        if not any(source.date is not None for source in sources):
            raise ValueError(
                f"{where}: version {raw['from']} of {name} has no dated source; at least one "
                "source must give the date shown on its page (undated sources may only come "
                "in addition)"
            )
        until = None
        if index + 1 < len(starts):
            until = date.fromordinal(starts[index + 1].toordinal() - 1)
        versions.append(
            ParameterVersion(
                name=name,
                valid_from=raw["from"],
                valid_until=until,
                value=value,
                sources=sources,
                note=raw.get("note"),
                caveat=raw.get("caveat"),
            )
        )
    return tuple(versions)


def _flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{where}: {key} must be true or false, not {value!r}")
    return value


def _walk(table: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for key, value in table.items():
        if isinstance(value, dict):
            name = f"{prefix}.{key}" if prefix else key
            if "versions" in value:
                yield name, value
            else:
                yield from _walk(value, name)


def _load_text(text: str, where: str) -> dict[str, Parameter]:
    data = tomllib.loads(text, parse_float=Decimal)
    parameters = {}
    for name, raw in _walk({k: v for k, v in data.items() if k != "family"}, ""):
        kind = raw.get("kind")
        if kind not in _KINDS:
            raise ValueError(f"{where}: {name} has kind {kind!r}; expected one of {_KINDS}")
        parameters[name] = Parameter(
            name=name,
            description=str(raw["description"]),
            unit=str(raw["unit"]),
            kind=kind,
            versions=_versions(name, kind, raw["versions"], where),
            indexed=_flag(raw, "indexed", f"{where}: {name}"),
        )
    return parameters


@cache
def _default_parameters() -> dict[str, Parameter]:
    parameters: dict[str, Parameter] = {}
    folder = resources.files(__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            loaded = _load_text(entry.read_text(encoding="utf-8"), entry.name)
            clash = parameters.keys() & loaded.keys()
            if clash:
                raise ValueError(f"{entry.name}: parameters defined twice: {sorted(clash)}")
            parameters.update(loaded)
    return parameters


# --------------------------------------------------------------------------- ParameterSet


class ParameterSet:
    """An immutable set of dated parameters; :meth:`override` returns a new one."""

    __slots__ = ("__weakref__", "_fingerprint", "_parameters")

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        self._parameters = dict(parameters)
        self._fingerprint: str | None = None

    @classmethod
    def default(cls) -> ParameterSet:
        """The parameters shipped with the library (the TOML files of this folder)."""
        return _default_set()

    @classmethod
    def from_directory(cls, folder: str | Path) -> ParameterSet:
        """Load every ``*.toml`` of a folder laid out like the shipped one."""
        parameters: dict[str, Parameter] = {}
        for path in sorted(Path(folder).glob("*.toml")):
            parameters.update(_load_text(path.read_text(encoding="utf-8"), path.name))
        return cls(parameters)

    # ------------------------------------------------------------------ reading

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._parameters))

    def parameter(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            raise KeyError(self._unknown(name)) from None

    def version(self, name: str, on: date) -> ParameterVersion:
        """The version of ``name`` in force on ``on`` (it may have no value: see ``note``)."""
        return self.parameter(name).version(on)

    def value(self, name: str, on: date) -> Decimal:
        """The figure of ``name`` in force on ``on``; ParameterNotCovered when there is none."""
        version = self.version(name, on)
        if version.value is None:
            raise ParameterNotCovered(name, on, version.note or "")
        return version.value

    def fingerprint(self) -> str:
        """A short hash of every figure and date in the set, for decision receipts."""
        if self._fingerprint is None:
            canonical = [
                [
                    v.name,
                    v.valid_from.isoformat(),
                    None if v.value is None else str(v.value),
                    v.overridden,
                ]
                for name in sorted(self._parameters)
                for v in self._parameters[name].versions
            ]
            digest = hashlib.sha256(json.dumps(canonical).encode()).hexdigest()
            self._fingerprint = digest[:16]
        return self._fingerprint

    # ------------------------------------------------------------------ what-if

    def override(
        self, changes: Mapping[str, OverrideValue | Mapping[date, OverrideValue]]
    ) -> ParameterSet:
        """A new set where the caller's figures replace the files'.

        - ``{name: value}``: that value on every date (the whole series is replaced);
        - ``{name: {date: value, …}}``: from each date on, that value; versions before the earliest
          date are kept. ``None`` as a value means "no figure from this date".

        Values are Decimals, integers or strings (never floats). A bad name, date or value raises a
        ``ValidationError`` naming the parameter.
        """
        parameters = dict(self._parameters)
        for name, change in changes.items():
            if name not in parameters:
                raise input_error("override", (name,), self._unknown(name), change)
            parameter = parameters[name]
            if isinstance(change, Mapping):
                dated = {
                    self._override_date(name, on): self._override_value(parameter, on, v)
                    for on, v in change.items()
                }
                if not dated:
                    raise input_error("override", (name,), f"no dates given for {name}", change)
                versions = _override_from_dates(parameter, dated)
            else:
                versions = (
                    ParameterVersion(
                        name=name,
                        valid_from=date.min,
                        valid_until=None,
                        value=self._override_value(parameter, "all dates", change),
                        sources=(Source(OVERRIDE_SOURCE_TITLE, None, None),),
                        note="replaces the whole series",
                        overridden=True,
                    ),
                )
            parameters[name] = replace(parameter, versions=versions)
        return ParameterSet(parameters)

    @staticmethod
    def _override_date(name: str, on: Any) -> date:
        if isinstance(on, str):
            try:
                return date.fromisoformat(on)
            except ValueError:
                pass
        elif isinstance(on, date) and type(on) is date:
            return on
        raise input_error(
            "override",
            (name, str(on)),
            f"{on!r} is not a date (use datetime.date or 'YYYY-MM-DD')",
            on,
        )

    @staticmethod
    def _override_value(parameter: Parameter, on: Any, value: Any) -> Decimal | None:
        loc = (parameter.name, str(on))
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
            raise input_error(
                "override",
                loc,
                f"give {parameter.name} as a Decimal, an integer or a string, not {type(value).__name__} "
                "(a binary float cannot hold an exact figure)",
                value,
            )
        try:
            number = Decimal(value)
            _check_value(parameter.name, parameter.kind, number)
        except InvalidOperation:
            raise input_error("override", loc, f"{value!r} is not a number", value) from None
        except ValueError as error:
            raise input_error("override", loc, str(error), value) from None
        return number

    def _unknown(self, name: str) -> str:
        close = difflib.get_close_matches(name, self._parameters, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown parameter {name!r}{hint}"

    def __repr__(self) -> str:
        overridden = sorted(
            n for n, p in self._parameters.items() if any(v.overridden for v in p.versions)
        )
        return f"ParameterSet({len(self._parameters)} parameters, overridden={overridden})"


def _override_from_dates(
    parameter: Parameter, dated: Mapping[date, Decimal | None]
) -> tuple[ParameterVersion, ...]:
    first_change = min(dated)
    kept = [v for v in parameter.versions if v.valid_from < first_change]
    new = [
        ParameterVersion(
            name=parameter.name,
            valid_from=on,
            valid_until=None,
            value=value,
            sources=(Source(OVERRIDE_SOURCE_TITLE, None, None),),
            note=None if value is not None else "no figure from this date (override)",
            overridden=True,
        )
        for on, value in sorted(dated.items())
    ]
    merged = kept + new
    result = []
    for index, version in enumerate(merged):
        until = None
        if index + 1 < len(merged):
            until = date.fromordinal(merged[index + 1].valid_from.toordinal() - 1)
        result.append(replace(version, valid_until=until))
    return tuple(result)


@cache
def _default_set() -> ParameterSet:
    return ParameterSet(_default_parameters())
