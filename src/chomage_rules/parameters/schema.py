"""The one schema of a parameter file, and the error that names the file, parameter and version.

A file is read with ``tomllib`` (TOML floats kept as the exact ``Decimal`` of their text) and
checked in two passes, every problem of the file collected before one
:class:`ParameterFileError` is raised:

1. the shape, by the pydantic models below (``extra="forbid"``, strict types): an unknown key, a
   missing one, or a value of the wrong type (a boolean or a quoted "0.65" where a figure is
   due, a date-time where a day is due) is refused;
2. what one version cannot tell alone: versions oldest first on distinct days, and each figure
   right for its parameter's kind (:func:`check_value`).

The file's layout: ``family = "rate"`` and one table ``[rate]``, whose tables are parameters (a
table with ``versions`` or any key of its own) or groups of parameters (only tables).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from ..core.vocabulary import Confidence, Language

__all__ = [
    "KINDS",
    "ParameterEntry",
    "ParameterFileError",
    "Problem",
    "SourceEntry",
    "VersionEntry",
    "check_caveat_languages",
    "check_value",
    "in_language",
    "read_entries",
    "read_file",
    "version_ends",
]

KINDS: tuple[str, ...] = ("amount", "rate", "count", "divisor")
_MAX_INTEGER_DIGITS = 18
_MAX_DECIMALS = 18
_NAME_PART = re.compile(r"[A-Za-z0-9_]+")


# --------------------------------------------------------------------------- the error


class Problem(NamedTuple):
    """One thing wrong in a parameter file: where (file, parameter, version) and what."""

    path: str
    parameter: str | None
    """The dotted parameter name; None for a problem of the file as a whole."""
    version: str | None
    """``"version 2 (from 2024-01-01)"``: the version's place (from 1) and start; None for a
    problem of the parameter as a whole."""
    message: str

    def __str__(self) -> str:
        where = self.path if self.parameter is None else f"{self.path}: {self.parameter}"
        if self.version is not None:
            where = f"{where}, {self.version}"
        return f"{where}: {self.message}"


class ParameterFileError(ValueError):
    """A parameter file that does not follow the schema; ``problems`` lists all that is wrong.

    Its message names, for every problem, the file, the parameter and the version.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [str(problem) for problem in self.problems]
        if len(lines) == 1:
            message = lines[0]
        else:
            message = f"{len(lines)} problems in parameter files:\n" + "\n".join(
                f"  - {line}" for line in lines
            )
        super().__init__(message)

    @property
    def path(self) -> str:
        """The file of the first problem."""
        return self.problems[0].path

    def __reduce__(self) -> tuple[Any, ...]:
        # an exception pickles its ``args`` by default, which are not this __init__'s arguments
        # and its ``__dict__`` (the problems, and any notes added while it travelled up)
        return (ParameterFileError, (self.problems,), self.__dict__)


# --------------------------------------------------------------------------- figure checks


def check_value(name: str, kind: str, value: Decimal) -> None:
    """Raise ValueError when a value cannot be right for its kind."""
    if not value.is_finite() or value < 0:
        raise ValueError(f"{name} must be a finite number of at least 0 (got {value})")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal's exponent is a number
    # bound the size first: exact checks below build the value's integer ratio, which for
    # 1E+999999999 would take minutes and gigabytes
    if value and (value.adjusted() >= _MAX_INTEGER_DIGITS or exponent < -_MAX_DECIMALS):
        raise ValueError(
            f"{name} must have at most {_MAX_INTEGER_DIGITS} digits before the decimal point and "
            f"{_MAX_DECIMALS} after it (got {value})"
        )
    numerator, denominator = value.as_integer_ratio()
    if kind == "amount" and (numerator * 100) % denominator:
        raise ValueError(f"{name} is an amount in EUR and must be whole cents (got {value})")
    if kind == "rate" and value > 1:
        raise ValueError(f"{name} is a rate and must be between 0 and 1, e.g. 0.60 (got {value})")
    if kind == "count" and (numerator * 2) % denominator:
        raise ValueError(f"{name} counts units and must be whole or half units (got {value})")
    if kind == "divisor" and (denominator != 1 or numerator == 0):
        raise ValueError(f"{name} is a divisor and must be a whole number above 0 (got {value})")


def _describe(value: object) -> str:
    """A value as the file wrote it, in words, for an error message."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, (dict, list)):
        return "a table" if isinstance(value, dict) else "a list"
    if isinstance(value, (date, time)):  # a datetime is a date: named as one
        kinds = {datetime: "date-time", date: "date", time: "time"}
        return f"the {kinds.get(type(value), 'date')} {value.isoformat()}"
    if isinstance(value, int):
        return f"the integer {value}"
    return f"the number {value}"


def _figure(value: object) -> Decimal:
    """A figure is a TOML number (integer or float, kept exactly); nothing else stands for one."""
    if isinstance(value, Decimal):
        return value
    if type(value) is int:
        return Decimal(value)
    raise PydanticCustomError(
        "figure_type",
        "a figure is a TOML number written without quotes, such as 0.65 or 26, not {given}",
        {"given": _describe(value)},
    )


Figure = Annotated[Decimal, PlainValidator(_figure)]
Day = date  # the type, under a name a source's ``date`` field does not hide
Text = Annotated[str, Field(min_length=1)]


# --------------------------------------------------------------------------- the three languages


def in_language(lang: Language, english: str, french: str | None, dutch: str | None) -> str:
    """A description or caveat in ``lang``; the English where no translation is held (a figure or
    fact built by hand: the files always give all three)."""
    translated = {"en": english, "fr": french, "nl": dutch}[lang]
    return english if translated is None else translated


def check_caveat_languages(caveat: str | None, french: str | None, dutch: str | None) -> None:
    """A translated caveat translates an English one: a translation without it is refused. A
    caveat without its translations is read (a caller's own files need not translate theirs:
    French and Dutch readers are then told the English); the shipped files give all three, which
    their tests check."""
    if caveat is None and (french is not None or dutch is not None):
        given = [key for key, text in (("caveat_fr", french), ("caveat_nl", dutch)) if text]
        raise PydanticCustomError(
            "version_caveat",
            "{given} translates 'caveat', which this version does not have",
            {"given": " and ".join(repr(key) for key in given)},
        )


# --------------------------------------------------------------------------- the models


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SourceEntry(_Entry):
    """A source as a file writes it: a dated page (``date`` and ``date_kind``) or an undated one."""

    title: Text
    url: Text
    date: Day | None = None
    date_kind: Literal["published", "updated", "valid_from"] | None = None
    quote: Text | None = None
    undated: bool = False

    @model_validator(mode="after")
    def _dated_or_undated(self) -> SourceEntry:
        if self.undated and (self.date is not None or self.date_kind is not None):
            raise PydanticCustomError(
                "source_date",
                "undated = true but the source also gives a date; give either the date shown "
                "on the page (with date_kind) or undated = true, not both",
            )
        if not self.undated and self.date is None:
            raise PydanticCustomError(
                "source_date",
                "the source has no date; give the date shown on the page (with date_kind) or, "
                "for a page that shows none, undated = true",
            )
        if self.date is not None and self.date_kind is None:
            raise PydanticCustomError(
                "source_date",
                "missing key 'date_kind': say whether the date is published or updated, or "
                "valid_from for a page whose only date is the day its figures apply from",
            )
        return self


class VersionEntry(_Entry):
    """One dated figure: where it starts, its value (or why none), how sure it is, its sources.

    ``confidence``: ``official`` (ONEM/RVA or a regulation gives the figure), ``secondary`` (a
    union, a payroll provider, the press), ``derived`` (computed from sourced facts: ``note``
    writes the derivation). ``unverified``: a derived figure that no source confirms.
    ``not_in_force``: a version without a value because no such figure applies in the period
    (the scheme had ended, or did not exist yet); a version without a value and without this flag
    is a *missing* figure: one applies, but no source gives it.
    """

    from_: date = Field(alias="from")
    value: Figure | None = None
    confidence: Confidence
    unverified: bool = False
    not_in_force: bool = False
    note: Text | None = None
    caveat: Text | None = None
    caveat_fr: Text | None = None
    caveat_nl: Text | None = None
    sources: list[SourceEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _caveat_in_three_languages(self) -> VersionEntry:
        check_caveat_languages(self.caveat, self.caveat_fr, self.caveat_nl)
        return self

    @model_validator(mode="after")
    def _reasoned_and_dated(self) -> VersionEntry:
        if self.value is None and self.note is None:
            raise PydanticCustomError(
                "version_note", "a version without a value must say why in 'note'"
            )
        if not any(source.date is not None for source in self.sources):
            raise PydanticCustomError(
                "version_source",
                "no dated source; at least one source must give the date shown on its page "
                "(undated sources may only come in addition)",
            )
        return self

    @model_validator(mode="after")
    def _confidence_consistent(self) -> VersionEntry:
        if self.confidence == "derived" and self.note is None:
            raise PydanticCustomError(
                "version_confidence",
                "a derived figure writes its derivation in 'note' (from which sourced figures, "
                "by what computation)",
            )
        if self.unverified and (self.confidence != "derived" or self.value is None):
            raise PydanticCustomError(
                "version_confidence",
                "unverified = true marks a derived figure that no source confirms: it needs a "
                'value and confidence = "derived"',
            )
        if self.not_in_force and self.value is not None:
            raise PydanticCustomError(
                "version_confidence",
                "not_in_force = true marks a version without a value (no such figure applies "
                "in the period); remove the value or the flag",
            )
        return self


class ParameterEntry(_Entry):
    """A parameter: what it is, the indexations it follows and its versions, oldest first.

    ``indexed = true`` says the figure follows an index; ``series`` then names the series of
    indexations it follows (a table of ``indexations.toml``): a version is *stale* on a day when
    an indexation of that series is known after its latest source and on or before that day.
    """

    description: Text
    # optional for a caller's own files (told in English then); the shipped files give all three
    description_fr: Text | None = None
    description_nl: Text | None = None
    unit: Text
    kind: Literal["amount", "rate", "count", "divisor"]
    indexed: bool = False
    series: Annotated[str, Field(pattern=r"^[A-Za-z0-9_]+$")] | None = None
    versions: list[VersionEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _indexed_with_series(self) -> ParameterEntry:
        if self.indexed and self.series is None:
            raise PydanticCustomError(
                "parameter_series",
                "indexed = true but no series: name the series of indexations this figure "
                'follows (series = "social_benefits", a table of indexations.toml)',
            )
        if self.series is not None and not self.indexed:
            raise PydanticCustomError(
                "parameter_series",
                "a series is given but indexed is not true: a figure that follows a series of "
                "indexations is indexed",
            )
        return self


def _keys(model: type[BaseModel]) -> str:
    return ", ".join(field.alias or name for name, field in model.model_fields.items())


_KEYS_OF = {
    "parameter": _keys(ParameterEntry),
    "version": _keys(VersionEntry),
    "source": _keys(SourceEntry),
}


# --------------------------------------------------------------------------- reading a file


def version_ends(starts: Sequence[date]) -> list[date | None]:
    """The last day of each version of a series starting on ``starts`` (oldest first): the day
    before the next one starts, None for the last (it runs on). One rule for figures and facts."""
    ends: list[date | None] = [date.fromordinal(start.toordinal() - 1) for start in starts[1:]]
    return [*ends, None]


EntryT = TypeVar("EntryT", bound=BaseModel)


def read_entries(
    path: str,
    text: str,
    model: type[EntryT],
    series_problems: Callable[[str, str, EntryT], Iterable[Problem]],
    family: str | None = None,
) -> dict[str, EntryT]:
    """The tables of one file (figures, facts or indexations) by dotted name, each validated by
    ``model`` and checked by ``series_problems``; ``family``, when given, is the only family the
    file may declare. One ParameterFileError listing all that is wrong."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ParameterFileError([_syntax_problem(path, text, error)]) from None
    except (ValueError, RecursionError) as error:  # an integer of 5,000 digits, arrays 1,000 deep
        message = f"the file cannot be read as TOML: {str(error)[:120] or type(error).__name__}"
        raise ParameterFileError([Problem(path, None, None, message)]) from None
    if family is not None and data.get("family") not in (None, family):
        message = f"this file has family = {family!r}"
        raise ParameterFileError([Problem(path, None, None, message)])
    problems: list[Problem] = []
    entries: dict[str, EntryT] = {}
    for name, raw in _parameter_tables(path, data, problems):
        try:
            entry = model.model_validate(raw)
        except ValidationError as error:
            problems.extend(_shape_problems(path, name, raw, error))
            continue
        problems.extend(series_problems(path, name, entry))
        entries[name] = entry
    if problems:
        raise ParameterFileError(problems)
    return entries


def read_file(path: str, text: str) -> dict[str, ParameterEntry]:
    """The parameters of one file by dotted name; ParameterFileError listing all that is wrong."""
    return read_entries(path, text, ParameterEntry, _series_problems)


def _syntax_problem(path: str, text: str, error: tomllib.TOMLDecodeError) -> Problem:
    """A TOML syntax error, placed in the parameter and version whose lines hold it."""
    found = re.search(r"line (\d+)", str(error))
    line = int(found.group(1)) if found else len(text.splitlines())
    parameter, version = None, None
    for header in re.finditer(r"(?m)^[ \t]*(\[\[?)[ \t]*([^\]\n]+?)[ \t]*\]", text):
        if text.count("\n", 0, header.start()) + 1 > line:
            break
        name = header.group(2).replace('"', "").replace(" ", "")
        if name.endswith(".versions.sources"):
            continue  # a source belongs to the version above it
        if name.endswith(".versions") and header.group(1) == "[[":
            same = parameter == name.removesuffix(".versions")
            parameter = name.removesuffix(".versions")
            version = (version or 0) + 1 if same else 1
        else:
            parameter, version = name, None
    label = None if version is None else f"version {version}"
    return Problem(path, parameter, label, f"TOML syntax error: {error}")


def _parameter_tables(
    path: str, data: Mapping[str, Any], problems: list[Problem]
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The file's parameter tables by dotted name; problems of its layout go to ``problems``."""
    family = data.get("family")
    if not isinstance(family, str) or not _NAME_PART.fullmatch(family):
        given = "missing key 'family'" if family is None else f"'family' is {_describe(family)}"
        problems.append(
            Problem(
                path,
                None,
                None,
                f'{given}; a file starts with family = "name" (e.g. '
                '"rate") and holds the table [name] of that family\'s parameters',
            )
        )
        return
    unknown = sorted(set(data) - {"family", family})
    if unknown:
        problems.append(
            Problem(
                path,
                None,
                None,
                f"unknown top-level key(s) {unknown}; a file holds "
                f"family = {family!r} and the table [{family}] only",
            )
        )
    table = data.get(family)
    if not isinstance(table, dict) or not table:
        problems.append(Problem(path, family, None, f"no parameter in the table [{family}]"))
        return
    yield from _walk(path, table, family, problems)


def _walk(
    path: str, table: Mapping[str, Any], prefix: str, problems: list[Problem]
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if not _NAME_PART.fullmatch(key):
            problems.append(
                Problem(path, name, None, f"{key!r} is not a name: use letters, digits and _")
            )
        elif not isinstance(value, dict):
            problems.append(
                Problem(
                    path,
                    prefix,
                    None,
                    f"unknown key {key!r}: a table holds a parameter "
                    f"({_KEYS_OF['parameter']}) or tables of parameters",
                )
            )
        elif "versions" in value or any(not isinstance(v, dict) for v in value.values()):
            yield name, value
        elif not value:
            problems.append(Problem(path, name, None, "an empty table: no parameter in it"))
        else:
            yield from _walk(path, value, name, problems)


def _version_label(raw_versions: object, index: int) -> str:
    """``"version 2 (from 2024-01-01)"``, or ``"version 2"`` when its start cannot be read."""
    start = None
    if isinstance(raw_versions, list) and index < len(raw_versions):
        raw = raw_versions[index]
        start = raw.get("from") if isinstance(raw, dict) else None
    if type(start) is date:
        return f"version {index + 1} (from {start.isoformat()})"
    return f"version {index + 1}"


def _shape_problems(
    path: str, name: str, raw: Mapping[str, Any], error: ValidationError
) -> Iterator[Problem]:
    for detail in error.errors():
        loc, version, level = detail["loc"], None, "parameter"
        if len(loc) >= 2 and loc[0] == "versions" and isinstance(loc[1], int):
            version, level = _version_label(raw.get("versions"), loc[1]), "version"
            loc = loc[2:]
        yield Problem(path, name, version, _shape_message(loc, level, detail))


def _loc_text(loc: tuple[int | str, ...]) -> str:
    """``("sources", 0, "date")`` as ``"source 1, date"`` (places counted from 1)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] = f"{parts[-1].removesuffix('s')} {part + 1}"
        else:
            parts.append(str(part))
    return ", ".join(parts)


_OWN_MESSAGES = frozenset(
    {
        "figure_type",
        "source_date",
        "version_note",
        "version_source",
        "version_confidence",
        "version_caveat",
        "parameter_series",
    }
)


def _shape_message(loc: tuple[int | str, ...], level: str, detail: ErrorDetails) -> str:
    """What pydantic found, in the file's words: which key, and what it holds instead."""
    kind = detail["type"]
    if kind in {"extra_forbidden", "missing"} and loc:
        if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
            level = "source"
        context, key = _loc_text(loc[:-1]), loc[-1]
        if kind == "missing":
            text = f"missing key {key!r}"
        else:
            text = f"unknown key {key!r}; a {level} has {_KEYS_OF[level]}"
        return f"{context}: {text}" if context else text
    message = detail["msg"]
    if kind not in _OWN_MESSAGES:
        message = f"{message} (got {_describe(detail['input'])})"
    where = _loc_text(loc)
    return f"{where}: {message}" if where else message


def _series_problems(path: str, name: str, entry: ParameterEntry) -> Iterator[Problem]:
    """What a version cannot tell alone: the order of the starts, and each figure for its kind."""
    for index, version in enumerate(entry.versions):
        label = f"version {index + 1} (from {version.from_.isoformat()})"
        if index:
            before = entry.versions[index - 1].from_
            if version.from_ <= before:
                yield Problem(
                    path,
                    name,
                    label,
                    f"starts on or before version {index} (from {before.isoformat()}); versions "
                    "go oldest first, each on its own day",
                )
        if version.value is not None:
            try:
                check_value(name, entry.kind, version.value)
            except ValueError as error:
                yield Problem(path, name, label, f"value: {error}")
