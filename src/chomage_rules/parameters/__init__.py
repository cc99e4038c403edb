"""Dated, sourced parameters (rulebook R9).

Every figure the rules use lives in a TOML file of this folder, one family per file (``wage.toml``,
``rate.toml`` …). A parameter is a series of versions; each version has the date it takes effect
(``from``), its value, **how sure it is** (``confidence``: ``official`` where ONEM/RVA or a
regulation gives the figure, ``secondary`` for a union, a payroll provider or the press,
``derived`` for a figure computed from sourced facts, the derivation written in ``note``; and
``unverified = true`` for a derived figure that no source confirms) and one or more sources. A
source has a ``title``, a ``url``, the date shown on the page (``date``, with ``date_kind`` =
``"published"``, ``"updated"`` or ``"valid_from"`` for a page whose only date is the day its
figures apply from) and, where the page could be read, the ``quote`` that gives the figure. A page
that shows no date says so with ``undated = true`` and has no ``date``: a date is never invented.
Every version needs at least one dated source; undated sources may come in addition. A version
runs until the next one starts, so the intervals are contiguous and never overlap by
construction. A version may have **no value** (and then must say why, in ``note``): a *missing*
figure ("no minimum is sourced for this period") or, with ``not_in_force = true``, a figure that
does not apply in the period ("the supplement did not exist yet").

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
- An indexed figure names the series of indexations it follows (``indexations.toml``,
  :mod:`chomage_rules.parameters.indexations`). It is **stale** on a day when an indexation of
  that series is known (it happened, or is expected) after its latest source and on or before
  that day (:meth:`ParameterSet.stale`): the engine still uses it and says so (R9).
- ``ParameterSet.default(strict=True)`` refuses derived and unverified figures
  (:class:`DerivedFigureRefused`); a figure the caller supplies is accepted.
- :func:`report` lists, for a day, every figure in force with its confidence, whether it is stale
  or missing, and the facts of ``facts/``: the list a payment body reviews each month.
- A set never changes once made. :meth:`ParameterSet.override` returns a new set where the
  caller's figures replace the files' — for every date, or from given dates on — without touching
  the files or the set it was called on. A caller's figure has the confidence ``caller``.
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
from typing import Any, Literal, NamedTuple, Union

from ..core.errors import ParameterNotCovered, input_error
from ..core.vocabulary import Language
from .indexations import (
    FILE_NAME as INDEXATIONS_FILE,
)
from .indexations import (
    Indexation,
    Series,
    read_indexations_file,
    series_of,
)
from .schema import (
    ParameterEntry,
    ParameterFileError,
    Problem,
    check_value,
    in_language,
    read_file,
    version_ends,
)
from .source import Source
from .source import source_of as _source

__all__ = [
    "CALLER",
    "DerivedFigureRefused",
    "FactStatus",
    "FigureConfidence",
    "FigureStatus",
    "Indexation",
    "OverrideValue",
    "Parameter",
    "ParameterFileError",
    "ParameterNotCovered",
    "ParameterReport",
    "ParameterSet",
    "ParameterUse",
    "ParameterVersion",
    "Series",
    "Source",
    "report",
]

Kind = Literal["amount", "rate", "count", "divisor"]
OVERRIDE_SOURCE_TITLE = "override supplied by the caller"

FigureConfidence = Literal["official", "secondary", "derived", "caller"]
"""How sure a figure is: the three grades of the files (:data:`~chomage_rules.core.vocabulary.
Confidence`: ``official``, ``secondary``, ``derived``) and ``caller`` for a figure the caller
supplied (:meth:`ParameterSet.override`), which the library cannot grade: it is the caller's."""

CALLER: FigureConfidence = "caller"

OverrideValue = Union[Decimal, int, str, None]  # noqa: UP007 - a runtime alias, kept readable


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
    caveat_fr: str | None = None
    caveat_nl: str | None = None
    """The caveat in French and Dutch (the files give both beside every caveat):
    :meth:`caveat_in`."""
    confidence: FigureConfidence = CALLER
    """How sure the figure is: ``official``, ``secondary``, ``derived`` (the derivation is in
    ``note``) as its file says, or ``caller`` for a figure supplied by the caller (the default
    for a version built by hand)."""
    unverified: bool = False
    """A derived figure that no source confirms."""
    not_in_force: bool = False
    """No value because no such figure applies in the period (a scheme that had ended or did not
    exist yet); a version without a value and without this flag is a *missing* figure."""

    @property
    def source_date(self) -> date | None:
        """The latest date among the version's sources."""
        dates = [source.date for source in self.sources if source.date is not None]
        return max(dates) if dates else None

    @property
    def derived(self) -> bool:
        """Computed from sourced figures rather than given by a source (or unverified)."""
        return self.confidence == "derived" or self.unverified

    @property
    def missing(self) -> bool:
        """No value, where a figure applies but no source gives it."""
        return self.value is None and not self.not_in_force

    def __post_init__(self) -> None:
        # a list handed in stays the caller's: the version keeps its own tuple
        object.__setattr__(self, "sources", tuple(self.sources))

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def caveat_in(self, lang: Language) -> str | None:
        """The caveat in ``lang`` (None when the figure has none)."""
        if self.caveat is None:
            return None
        return in_language(lang, self.caveat, self.caveat_fr, self.caveat_nl)


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
    """The figure follows an index: it changes when the series :attr:`series` is indexed."""
    series: str | None = None
    """The series of indexations the figure follows (``indexations.toml``): a version is stale
    on a day when an indexation of it is known after the version's latest source (R9)."""
    description_fr: str | None = None
    description_nl: str | None = None
    """The description in French and Dutch (the files give both): :meth:`description_in`."""
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

    def description_in(self, lang: Language) -> str:
        """What the figure is, in ``lang``."""
        return in_language(lang, self.description, self.description_fr, self.description_nl)


# --------------------------------------------------------------------------- loading the files


def _parameter(name: str, entry: ParameterEntry) -> Parameter:
    """A checked file entry as the library reads it: each version runs until the next starts."""
    ends = version_ends([version.from_ for version in entry.versions])
    versions = tuple(
        ParameterVersion(
            name=name,
            valid_from=version.from_,
            valid_until=ends[index],
            value=version.value,
            sources=tuple(_source(source) for source in version.sources),
            note=version.note,
            caveat=version.caveat,
            caveat_fr=version.caveat_fr,
            caveat_nl=version.caveat_nl,
            confidence=version.confidence,
            unverified=version.unverified,
            not_in_force=version.not_in_force,
        )
        for index, version in enumerate(entry.versions)
    )
    return Parameter(
        name=name,
        description=entry.description,
        description_fr=entry.description_fr,
        description_nl=entry.description_nl,
        unit=entry.unit,
        kind=entry.kind,
        versions=versions,
        indexed=entry.indexed,
        series=entry.series,
    )


Files = Iterable[tuple[str, Callable[[], str]]]
"""Parameter files as (path, reader of their text)."""


def _read(path: str, read: Callable[[], str], problems: list[Problem]) -> str | None:
    try:
        return read()
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(path, None, None, f"cannot be read as UTF-8 text: {error}"))
        return None


def _load_series(path: str, read: Callable[[], str], problems: list[Problem]) -> dict[str, Series]:
    """The series of indexations of one file; its faults go to ``problems``."""
    text = _read(path, read, problems)
    if text is None:
        return {}
    try:
        entries = read_indexations_file(path, text)
    except ParameterFileError as error:
        problems.extend(error.problems)
        return {}
    return {name: series_of(name, entry) for name, entry in entries.items()}


def _load_files(
    files: Files, series: Mapping[str, Series], problems: list[Problem]
) -> dict[str, Parameter]:
    """Every parameter of the files; their faults (and a series not in ``series``, when ``series``
    could be read) go to ``problems``."""
    parameters: dict[str, Parameter] = {}
    defined_in: dict[str, str] = {}
    for path, read in files:
        text = _read(path, read, problems)
        try:
            entries = {} if text is None else read_file(path, text)
        except ParameterFileError as error:
            problems.extend(error.problems)
            continue
        for name, entry in entries.items():
            if name in defined_in:
                problems.append(Problem(path, name, None, f"also defined in {defined_in[name]}"))
                continue
            defined_in[name] = path
            parameters[name] = _parameter(name, entry)
            if series and entry.series is not None and entry.series not in series:
                known = ", ".join(sorted(series))
                message = f"series {entry.series!r} is not in {INDEXATIONS_FILE} ({known})"
                problems.append(Problem(path, name, None, message))
    return parameters


class _Parts(NamedTuple):
    parameters: Mapping[str, Parameter]
    series: Mapping[str, Series]


def _load(files: Files, indexations: tuple[str, Callable[[], str]] | None) -> _Parts:
    """Parameters and series, checked together; one ParameterFileError for all their faults.
    Without a file of indexations, the shipped one is used."""
    problems: list[Problem] = []
    series = _default_indexations() if indexations is None else _load_series(*indexations, problems)
    parameters = _load_files(files, series, problems)
    if problems:
        raise ParameterFileError(problems)
    return _Parts(parameters, series)


def _shipped_files() -> tuple[Files, tuple[str, Callable[[], str]]]:
    folder = resources.files(__name__)
    files = sorted(
        (
            entry
            for entry in folder.iterdir()
            if entry.name.endswith(".toml") and entry.name != INDEXATIONS_FILE
        ),
        key=lambda entry: entry.name,
    )
    series = folder.joinpath(INDEXATIONS_FILE)
    return (
        [(str(entry), partial(entry.read_text, encoding="utf-8")) for entry in files],
        (str(series), partial(series.read_text, encoding="utf-8")),
    )


@cache
def _default_indexations() -> Mapping[str, Series]:
    _, (path, read) = _shipped_files()
    problems: list[Problem] = []
    series = _load_series(path, read, problems)
    if problems:
        raise ParameterFileError(problems)
    return MappingProxyType(series)


@cache
def _default_parameters() -> Mapping[str, Parameter]:
    files, _ = _shipped_files()
    return MappingProxyType(dict(_load(files, None).parameters))


# --------------------------------------------------------------------------- strict sets


class DerivedFigureRefused(ParameterNotCovered):
    """A strict set (``ParameterSet.default(strict=True)``) refuses the figure in force: it is
    derived, or unverified, rather than given by a source. Supply the figure with
    :meth:`ParameterSet.override`; a caller's figure is accepted.

    ``name``, ``on`` (the day asked), ``value`` and ``valid_from`` of the refused figure,
    ``confidence`` and ``unverified``.
    """

    value: Decimal | None = None
    valid_from: date | None = None
    confidence: FigureConfidence = "derived"
    unverified: bool = False

    def __init__(self, name: str, on: date, detail: str = "") -> None:
        self.name, self.on, self.detail = name, on, detail
        message = f"parameter {name!r} is refused on {on.isoformat()} by a strict set"
        LookupError.__init__(self, f"{message}: {detail}" if detail else message)

    def in_month(self, year: int, month: int) -> DerivedFigureRefused:
        """The same refusal, naming the month asked (``compute_month``'s words)."""
        period = f"{year}-{month:02d}"
        more = f"asked for the month {period} (month.year {year}, month.month {month})"
        again = DerivedFigureRefused(self.name, self.on, f"{self.detail}; {more}")
        again.value, again.valid_from = self.value, self.valid_from
        again.confidence, again.unverified = self.confidence, self.unverified
        return again


def _refusal(version: ParameterVersion, on: date) -> DerivedFigureRefused:
    """Why a strict set refuses ``version`` (derived or unverified) on ``on``."""
    grade = "derived and unverified" if version.unverified else version.confidence
    start = version.valid_from.isoformat()
    detail = (
        f"the figure in force, {version.value} from {start}, is {grade} (not given by a "
        "source), and a strict set uses no derived or unverified figure. Supply the figure you "
        f"hold with override, e.g. parameters.override({{{version.name!r}: {{'{start}': "
        "'<figure>'}}): a figure supplied by the caller is accepted"
    )
    error = DerivedFigureRefused(version.name, on, detail)
    error.value, error.valid_from = version.value, version.valid_from
    error.confidence, error.unverified = version.confidence, version.unverified
    return error


def refuses(version: ParameterVersion) -> bool:
    """A strict set refuses this version: a figure derived or unverified, not the caller's."""
    return version.value is not None and not version.overridden and version.derived


# --------------------------------------------------------------------------- ParameterSet


class ParameterSet:
    """An immutable set of dated parameters; :meth:`override` returns a new one.

    Nothing reachable from a set changes it: its attributes cannot be assigned, its table of
    parameters is read-only, and :class:`Parameter`, :class:`ParameterVersion` and
    :class:`Source` are frozen, with tuples for their series. A set is hashed and compared by
    identity (what is derived from it is kept per set: ``core/memo.py``).

    ``indexations``: the series of indexations the indexed figures follow (the shipped
    ``indexations.toml`` when None). ``strict``: a set that refuses derived and unverified
    figures (see :meth:`default`).
    """

    __slots__ = ("__weakref__", "_fingerprint", "_indexations", "_parameters", "_strict")

    _parameters: Mapping[str, Parameter]
    _indexations: Mapping[str, Series]
    _strict: bool
    _fingerprint: str | None

    def __init__(
        self,
        parameters: Mapping[str, Parameter],
        *,
        indexations: Mapping[str, Series] | None = None,
        strict: bool = False,
    ) -> None:
        try:
            self._parameters  # noqa: B018 - set once: __init__ again would change a set in use
        except AttributeError:
            pass
        else:
            raise AttributeError("a ParameterSet cannot be changed; override() makes a new one")
        series = _default_indexations() if indexations is None else indexations
        for name, parameter in parameters.items():
            if not isinstance(parameter, Parameter) or parameter.name != name:
                raise TypeError(f"{name!r} must map to the Parameter of that name")
            if parameter.series is not None and parameter.series not in series:
                raise ValueError(f"{name!r} follows the series {parameter.series!r}, not given")
        object.__setattr__(self, "_parameters", MappingProxyType(dict(parameters)))
        object.__setattr__(self, "_indexations", MappingProxyType(dict(series)))
        object.__setattr__(self, "_strict", bool(strict))
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
        return (
            _rebuilt,
            (dict(self._parameters), dict(self._indexations), self._strict),
        )

    @classmethod
    def default(cls, *, strict: bool = False) -> ParameterSet:
        """The parameters shipped with the library (the TOML files of this folder).

        ``strict=True``: the same figures in a set that refuses derived and unverified ones. A
        month that needs one (the ceiling from February 2025, which every worker's wage is
        compared with) raises :class:`DerivedFigureRefused`, naming the figure, its confidence
        and the month, until the caller supplies the figure with :meth:`override`; a month that
        needs none computes exactly as with the default set.
        """
        return _default_strict_set() if strict else _default_set()

    @classmethod
    def from_directory(cls, folder: str | Path, *, strict: bool = False) -> ParameterSet:
        """Load every ``*.toml`` of a folder laid out like the shipped one.

        Every file is checked against the schema (:mod:`chomage_rules.parameters.schema`); a
        :class:`ParameterFileError` lists every problem of every file, each naming the file, the
        parameter and the version. A folder without any parameter file is refused the same way.
        The folder's ``indexations.toml`` gives the series of indexations; without one, the
        shipped series are used. ``strict``: as for :meth:`default`.
        """
        where = Path(folder)
        paths = sorted(p for p in where.glob("*.toml") if p.name != INDEXATIONS_FILE)
        if not paths:
            problem = Problem(str(folder), None, None, "no parameter file (*.toml) in this folder")
            raise ParameterFileError([problem])
        series_path = where / INDEXATIONS_FILE
        indexations = (
            (str(series_path), partial(series_path.read_text, encoding="utf-8"))
            if series_path.exists()
            else None
        )
        files = [(str(path), partial(path.read_text, encoding="utf-8")) for path in paths]
        parts = _load(files, indexations)
        return cls(parts.parameters, indexations=parts.series, strict=strict)

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
        """The figure of ``name`` in force on ``on``; ParameterNotCovered when there is none
        (:class:`DerivedFigureRefused` when a strict set refuses it)."""
        version = self.version(name, on)
        if version.value is None:
            raise ParameterNotCovered(name, on, version.note or "")
        if self._strict and refuses(version):
            raise _refusal(version, on)
        return version.value

    @property
    def strict(self) -> bool:
        """The set refuses derived and unverified figures (see :meth:`default`)."""
        return self._strict

    @property
    def indexations(self) -> Mapping[str, Series]:
        """The series of indexations the indexed figures follow, by name (read-only)."""
        return self._indexations

    def stale(self, name: str, on: date) -> Indexation | None:
        """The indexation that makes the figure of ``name`` in force on ``on`` stale, if any.

        Stale: an indexation of the series the figure follows is known (it happened, or is
        expected) after the version's latest source, and after the day it starts, and on or
        before ``on``: a newer figure should be in force, and no source found gives it. The first
        such indexation is given. A version without a value, a figure supplied by the caller and
        a figure that follows no series are never stale. ParameterNotCovered before the
        parameter's first version.
        """
        parameter = self.parameter(name)
        version = parameter.version(on)
        if version.value is None or version.overridden or version.confidence == CALLER:
            return None
        series = self._indexations.get(parameter.series or "")
        if series is None:
            return None
        since = max(version.source_date or version.valid_from, version.valid_from)
        return series.first_after(since, on)

    def fingerprint(self) -> str:
        """A short hash of every figure and date in the set, for decision receipts."""
        if self._fingerprint is None:
            canonical = [
                [
                    v.name,
                    v.valid_from.isoformat(),
                    None if v.value is None else str(v.value),
                    v.overridden,
                    v.confidence,
                    v.unverified,
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
                        confidence=CALLER,
                    ),
                )
            parameters[name] = replace(parameter, versions=versions)
        return ParameterSet(parameters, indexations=self._indexations, strict=self._strict)

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
        strict = ", strict" if self._strict else ""
        return f"ParameterSet({len(self._parameters)} parameters, overridden={overridden}{strict})"


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
            confidence=CALLER,
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


@cache
def _default_strict_set() -> ParameterSet:
    return ParameterSet(_default_parameters(), strict=True)


def _rebuilt(
    parameters: Mapping[str, Parameter], indexations: Mapping[str, Series], strict: bool
) -> ParameterSet:
    """A pickled set loaded again."""
    return ParameterSet(parameters, indexations=indexations, strict=strict)


# the report reads sets and facts: imported once both are defined
from .report import FactStatus, FigureStatus, ParameterReport, report  # noqa: E402
