"""Dated, sourced parameters (rulebook R9).

Every figure the rules use lives in a TOML file of this folder, one family per file (``wage.toml``,
``rate.toml`` …). A parameter is a series of versions; each version has the date it takes effect
(``from``), its value, and one or more sources. A source has a ``title``, a ``url``, the date shown
on the page (``date``, with ``date_kind`` = ``"published"`` or ``"updated"``) and, where the page
could be read, the ``quote`` that gives the figure. A page that shows no date says so with
``undated = true`` and has no ``date``: a date is never invented. Every version needs at least one
dated source; undated sources may come in addition. A version runs until the next one starts, so
the intervals are contiguous and never overlap by construction. A version may have **no value**
(and then must say why, in ``note``): "no minimum is sourced for this period", "the supplement did
not exist yet".

Every file, the shipped ones included, is checked against one schema
(:mod:`chomage_rules.parameters.schema`): an unknown key, a missing one or a value of the wrong
type is refused with a :class:`ParameterFileError` (a ``ValueError``) that names the file, the
parameter and the version (its place, from 1, and its start) of every problem. A figure is
written as a **TOML number without quotes** (``value = 0.65``, ``value = 26``): TOML floats are
read as the exact ``Decimal`` of their text (``0.65`` is 0.65, never the binary float nearest to
it); a quoted ``"0.65"``, a boolean and a date are refused, as is a figure its kind does not allow
(negative, a rate above 1, an amount in fractions of a cent, more than 18 digits before or after
the point).

- A date before a parameter's first version raises :class:`ParameterNotCovered`, naming the
  parameter and the date; so does asking :meth:`ParameterSet.value` on a version without a value.
- A date after the last version's latest source date still uses that version; the engine adds a
  notice that later indexations may be missing.
- A set never changes once made. :meth:`ParameterSet.override` returns a new set where the
  caller's figures replace the files' — for every date, or from given dates on — without touching
  the files or the set it was called on.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache, partial
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, Union

from ..core.errors import ParameterNotCovered, input_error
from .schema import (
    ParameterEntry,
    ParameterFileError,
    Problem,
    SourceEntry,
    check_value,
    read_file,
)

__all__ = [
    "OverrideValue",
    "Parameter",
    "ParameterFileError",
    "ParameterNotCovered",
    "ParameterSet",
    "ParameterUse",
    "ParameterVersion",
    "Source",
]

Kind = Literal["amount", "rate", "count", "divisor"]
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

    def __post_init__(self) -> None:
        # a list handed in stays the caller's: the version keeps its own tuple
        object.__setattr__(self, "sources", tuple(self.sources))

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
        # a list handed in stays the caller's: the parameter keeps its own tuple
        object.__setattr__(self, "versions", tuple(self.versions))
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


# --------------------------------------------------------------------------- loading the files


def _source(entry: SourceEntry) -> Source:
    return Source(
        title=entry.title,
        url=entry.url,
        date=entry.date,
        quote=entry.quote,
        date_kind=entry.date_kind,
        undated=entry.undated,
    )


def _parameter(name: str, entry: ParameterEntry) -> Parameter:
    """A checked file entry as the library reads it: each version runs until the next starts."""
    starts = [version.from_ for version in entry.versions]
    versions = tuple(
        ParameterVersion(
            name=name,
            valid_from=version.from_,
            valid_until=(
                date.fromordinal(starts[index + 1].toordinal() - 1)
                if index + 1 < len(starts)
                else None
            ),
            value=version.value,
            sources=tuple(_source(source) for source in version.sources),
            note=version.note,
            caveat=version.caveat,
        )
        for index, version in enumerate(entry.versions)
    )
    return Parameter(
        name=name,
        description=entry.description,
        unit=entry.unit,
        kind=entry.kind,
        versions=versions,
        indexed=entry.indexed,
    )


def _load_files(files: Iterable[tuple[str, Callable[[], str]]]) -> dict[str, Parameter]:
    """Every parameter of the files (path, reader); one ParameterFileError for all their faults."""
    problems: list[Problem] = []
    parameters: dict[str, Parameter] = {}
    defined_in: dict[str, str] = {}
    for path, read in files:
        try:
            entries = read_file(path, read())
        except ParameterFileError as error:
            problems.extend(error.problems)
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(path, None, None, f"cannot be read as UTF-8 text: {error}"))
            continue
        for name, entry in entries.items():
            if name in defined_in:
                problems.append(Problem(path, name, None, f"also defined in {defined_in[name]}"))
                continue
            defined_in[name] = path
            parameters[name] = _parameter(name, entry)
    if problems:
        raise ParameterFileError(problems)
    return parameters


@cache
def _default_parameters() -> Mapping[str, Parameter]:
    folder = resources.files(__name__)
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".toml")),
        key=lambda entry: entry.name,
    )
    return MappingProxyType(
        _load_files((str(entry), partial(entry.read_text, encoding="utf-8")) for entry in files)
    )


# --------------------------------------------------------------------------- ParameterSet


class ParameterSet:
    """An immutable set of dated parameters; :meth:`override` returns a new one.

    Nothing reachable from a set changes it: its attributes cannot be assigned, its table of
    parameters is read-only, and :class:`Parameter`, :class:`ParameterVersion` and
    :class:`Source` are frozen, with tuples for their series. A set is hashed and compared by
    identity (what is derived from it is kept per set: ``core/memo.py``).
    """

    __slots__ = ("__weakref__", "_fingerprint", "_parameters")

    _parameters: Mapping[str, Parameter]
    _fingerprint: str | None

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        try:
            self._parameters  # noqa: B018 - set once: __init__ again would change a set in use
        except AttributeError:
            pass
        else:
            raise AttributeError("a ParameterSet cannot be changed; override() makes a new one")
        for name, parameter in parameters.items():
            if not isinstance(parameter, Parameter) or parameter.name != name:
                raise TypeError(f"{name!r} must map to the Parameter of that name")
        object.__setattr__(self, "_parameters", MappingProxyType(dict(parameters)))
        object.__setattr__(self, "_fingerprint", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(
            f"a ParameterSet cannot be changed ({name}); override() makes a new one"
        )

    def __delattr__(self, name: str) -> None:
        raise AttributeError(
            f"a ParameterSet cannot be changed ({name}); override() makes a new one"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # the figures themselves, not "the default": a result unpickled by a later version of
        # the library must keep the figures it was computed with
        return (ParameterSet, (dict(self._parameters),))

    @classmethod
    def default(cls) -> ParameterSet:
        """The parameters shipped with the library (the TOML files of this folder)."""
        return _default_set()

    @classmethod
    def from_directory(cls, folder: str | Path) -> ParameterSet:
        """Load every ``*.toml`` of a folder laid out like the shipped one.

        Every file is checked against the schema (:mod:`chomage_rules.parameters.schema`); a
        :class:`ParameterFileError` lists every problem of every file, each naming the file, the
        parameter and the version. A folder without any ``*.toml`` is refused the same way.
        """
        paths = sorted(Path(folder).glob("*.toml"))
        if not paths:
            problem = Problem(str(folder), None, None, "no parameter file (*.toml) in this folder")
            raise ParameterFileError([problem])
        return cls(
            _load_files((str(path), partial(path.read_text, encoding="utf-8")) for path in paths)
        )

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
            # a cache of what the figures already say, not a change: always the same value
            object.__setattr__(self, "_fingerprint", digest[:16])
        assert self._fingerprint is not None
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
        if not isinstance(changes, Mapping):
            raise TypeError(
                "override takes a mapping of parameter name to figure, such as "
                f"{{'wage.monthly_ceiling': '3500.00'}}, not a {type(changes).__name__}"
            )
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
            check_value(parameter.name, parameter.kind, number)
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
