"""Steps of a derivation and their renderings: plain text, Markdown and JSON (design §4).

A :class:`Step` has a stable ``id`` (``wage.ceiling``, ``supplement.day_27`` …), a title, whether the
rule applied, the formula with the actual values put in, the result, the parameters it read (name,
value, from-date, source) and its legal sources. A rule that did not apply says why not in
``formula``/``result``, with the value and the threshold or condition it was compared with.

The JSON rendering carries ``schema_version``; fields are only ever added within a major version.
Personal identifiers are masked in every rendering.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from .parameters import ParameterVersion

__all__ = ["SCHEMA_VERSION", "LegalSource", "Notice", "ParameterUse", "Step", "render"]

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class LegalSource:
    """A passage a rule rests on: short title and address."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class ParameterUse:
    """A parameter a step read: its name and the version used."""

    name: str
    version: ParameterVersion

    @property
    def value(self) -> Decimal | None:
        return self.version.value

    def describe(self) -> str:
        v = self.version
        value = "no value" if v.value is None else str(v.value)
        if v.overridden:
            return (
                f"{self.name} = {value} from {_day(v.valid_from)} (override supplied by the caller)"
            )
        # the first dated source: every shipped version has one; undated ones come in addition
        source = next((s for s in v.sources if s.date is not None), v.sources[0])
        if source.date is not None:
            dated = f", {source.date_kind or 'dated'} {source.date.isoformat()}"
        else:
            dated = ", undated" if source.undated else ""
        return (
            f"{self.name} = {value} from {_day(v.valid_from)} ({source.title}{dated}, {source.url})"
        )

    def as_json(self) -> dict[str, Any]:
        v = self.version
        return {
            "name": self.name,
            "value": None if v.value is None else str(v.value),
            "from": _day(v.valid_from),
            "until": None if v.valid_until is None else v.valid_until.isoformat(),
            "overridden": v.overridden,
            "note": v.note,
            "sources": [
                {
                    "title": s.title,
                    "url": s.url,
                    "date": None if s.date is None else s.date.isoformat(),
                    "date_kind": s.date_kind,
                    "undated": s.undated,
                    "quote": s.quote,
                }
                for s in v.sources
            ],
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the derivation."""

    id: str
    title: str
    applies: bool
    formula: str
    result: str
    parameters: tuple[ParameterUse, ...] = ()
    sources: tuple[LegalSource, ...] = ()
    rule: str = ""
    """The rulebook entry (R0-R9) the step implements."""

    def as_json(self) -> dict[str, Any]:
        return self._json(
            [p.as_json() for p in self.parameters],
            [{"title": s.title, "url": s.url} for s in self.sources],
        )

    def _json(self, parameters: object, sources: object) -> dict[str, Any]:
        """The JSON of the step, its parameters and sources given as data or already rendered."""
        return {
            "id": self.id,
            "rule": self.rule,
            "title": self.title,
            "applies": self.applies,
            "formula": self.formula,
            "result": self.result,
            "parameters": parameters,
            "sources": sources,
        }


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the reader must know about the result (stale parameters, payment on hold …)."""

    code: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def _day(on: date) -> str:
    return "the beginning" if on == date.min else on.isoformat()


# --------------------------------------------------------------------------- what results repeat

# Every result of a month quotes the same tuples of ParameterUse (derivation keeps one per month
# and set of parameters) and the same tuples of legal sources (constants of the rules). Their
# rendered text is kept here, by identity: the tuples and what they hold are immutable, and the
# cache holds them, so an id is not reused while its entry lives. Bounded: cleared when full.
_K = TypeVar("_K")
_T = TypeVar("_T")
_CACHE_MAX = 4096


def _by_identity(make: Callable[[_K], _T]) -> Callable[[_K], _T]:
    """``make``, computed once per object (see above)."""
    entries: dict[int, tuple[_K, _T]] = {}

    def once(obj: _K) -> _T:
        entry = entries.get(id(obj))
        if entry is not None and entry[0] is obj:
            return entry[1]
        value = make(obj)
        if len(entries) >= _CACHE_MAX:
            entries.clear()
        entries[id(obj)] = (obj, value)
        return value

    return once


@_by_identity
def _text_parameter_lines(uses: tuple[ParameterUse, ...]) -> tuple[str, ...]:
    return tuple(f"       parameter {use.describe()}" for use in uses)


@_by_identity
def _markdown_parameter_lines(uses: tuple[ParameterUse, ...]) -> tuple[str, ...]:
    return tuple(f"   - parameter {use.describe()}" for use in uses)


@_by_identity
def _text_source_lines(sources: tuple[LegalSource, ...]) -> tuple[str, ...]:
    return tuple(f"       source: {source.title} <{source.url}>" for source in sources)


@_by_identity
def _markdown_source_lines(sources: tuple[LegalSource, ...]) -> tuple[str, ...]:
    return tuple(f"   - source: [{source.title}]({source.url})" for source in sources)


@_by_identity
def _json_parameters(uses: tuple[ParameterUse, ...]) -> _Rendered:
    return _Rendered([use.as_json() for use in uses])


@_by_identity
def _json_sources(sources: tuple[LegalSource, ...]) -> _Rendered:
    return _Rendered([{"title": s.title, "url": s.url} for s in sources])


def rendered_steps_json(steps: Iterable[Step]) -> object:
    """The steps, for the ``document`` of :func:`render` (``format="json"``).

    Rendered, the same text as ``[step.as_json() for step in steps]``, written faster (see
    :func:`_write_steps`).
    """
    return _Steps(tuple(steps))


# --------------------------------------------------------------------------- JSON


class _Rendered:
    """A JSON value written once by :func:`_dumps`, copied as is into the documents it is put in."""

    __slots__ = ("_at_depth", "text", "value")

    def __init__(self, value: object) -> None:
        self.value = value
        self.text = _dumps(value)
        self._at_depth: dict[int, str] = {0: self.text}

    def at(self, depth: int) -> str:
        """The text nested ``depth`` levels deep (its lines indented accordingly)."""
        text = self._at_depth.get(depth)
        if text is None:
            text = self._at_depth[depth] = self.text.replace("\n", _newline(depth))
        return text


class _Steps:
    """Steps in a document for :func:`_dumps`, written as the list of their ``as_json()``."""

    __slots__ = ("steps",)

    def __init__(self, steps: tuple[Step, ...]) -> None:
        self.steps = steps


def _write_steps(steps: tuple[Step, ...], depth: int, out: list[str]) -> None:
    """Append the JSON of the steps' ``as_json()`` list, nested ``depth`` levels deep.

    The steps are most of the document. Their parameter and source lists, the same for every
    result of a month, are written once (see above); the rest of each step is written with one
    f-string, checked at import against :meth:`Step._json` (if they ever differ, the steps are
    written from ``_json``'s dicts instead, as any other value).
    """
    if not _STEPS_WRITTEN_DIRECTLY:
        _write(_step_dicts(steps), depth, out)
        return
    if not steps:
        out.append("[]")
        return
    append, encode = out.append, _encode
    i1, i2 = _newline(depth + 1), _newline(depth + 2)
    lead, separator = "[" + i1, "," + i1
    sources_key, closing = f',{i2}"sources": ', i1 + "}"
    for step in steps:
        parameters = _json_parameters(step.parameters).at(depth + 2)
        sources = _json_sources(step.sources).at(depth + 2)
        # the lists are appended apart: copied once, by the final join
        append(
            f'{lead}{{{i2}"id": {encode(step.id)},{i2}"rule": {encode(step.rule)},'
            f'{i2}"title": {encode(step.title)},{i2}"applies": {"true" if step.applies else "false"},'
            f'{i2}"formula": {encode(step.formula)},{i2}"result": {encode(step.result)},'
            f'{i2}"parameters": '
        )
        append(parameters)
        append(sources_key)
        append(sources)
        append(closing)
        lead = separator
    out.append(_newline(depth) + "]")


def _step_dicts(steps: tuple[Step, ...]) -> list[dict[str, Any]]:
    return [s._json(_json_parameters(s.parameters), _json_sources(s.sources)) for s in steps]


_NEWLINES = tuple("\n" + "  " * depth for depth in range(32))


def _newline(depth: int) -> str:
    return _NEWLINES[depth] if depth < len(_NEWLINES) else "\n" + "  " * depth


class _NotPlain(Exception):
    """A value _dumps leaves to json.dumps (a float, a subclass, a key that is not a str …)."""


def _dumps(document: object) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)``, the same text, faster.

    json.dumps writes an indented document with its pure-Python encoder (its C encoder does not
    indent), which cost most of an explanation's JSON. This writes the plain values (dict, list,
    tuple, str, int, bool, None) directly, :class:`_Rendered` values as they are and
    :class:`_Steps` with :func:`_write_steps`; anything else it hands to json.dumps, which then
    also raises what json.dumps raises.
    """
    out: list[str] = []
    try:
        _write(document, 0, out)
    except (_NotPlain, TypeError, RecursionError):
        return json.dumps(document, ensure_ascii=False, indent=2, default=_as_plain)
    # one join: the document is long, and every intermediate copy of it would cost
    return "".join(out)


def _as_plain(value: object) -> object:
    """For json.dumps: the plain value of what only _dumps writes (else json.dumps's error)."""
    if isinstance(value, _Rendered):
        return value.value
    if isinstance(value, _Steps):
        return _step_dicts(value.steps)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_encode = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False


def _write(value: Any, depth: int, out: list[str]) -> None:
    """Append the JSON of ``value``, nested ``depth`` levels deep, to ``out``.

    A key that is not a str makes ``_encode`` raise TypeError: :func:`_dumps` then leaves the
    document to json.dumps (which converts such keys).
    """
    kind = type(value)
    if kind is str:
        out.append(_encode(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        append, encode = out.append, _encode
        inner = _newline(depth + 1)
        lead, separator = "{" + inner, "," + inner
        for key, item in value.items():
            item_kind = type(item)  # most values are written here, without a call
            if item_kind is str:
                append(f"{lead}{encode(key)}: {encode(item)}")
            elif item_kind is _Rendered:
                append(f"{lead}{encode(key)}: {item.at(depth + 1)}")
            elif item_kind is bool:
                append(f"{lead}{encode(key)}: {'true' if item else 'false'}")
            else:
                append(f"{lead}{encode(key)}: ")
                _write(item, depth + 1, out)
            lead = separator
        append(_newline(depth) + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = _newline(depth + 1)
        lead, separator = "[" + inner, "," + inner
        for item in value:
            out.append(lead)
            _write(item, depth + 1, out)
            lead = separator
        out.append(_newline(depth) + "]")
    elif kind is bool:
        out.append("true" if value else "false")
    elif value is None:
        out.append("null")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is _Rendered:
        out.append(value.at(depth))
    elif kind is _Steps:
        _write_steps(value.steps, depth, out)
    else:
        raise _NotPlain


def _steps_written_directly() -> bool:
    """Whether :func:`_write_steps`'s f-string writes what ``Step._json``'s dicts would."""
    probes = (
        Step('i"d', "t\\", True, "f\n«»", "r", (), (LegalSource("s", "u"),), "R"),
        Step("j", "u", False, "g", "s", (), (), ""),
    )
    for depth in (0, 3):
        direct: list[str] = []
        _write_steps(probes, depth, direct)
        generic: list[str] = []
        _write(_step_dicts(probes), depth, generic)
        if "".join(direct) != "".join(generic):
            return False
    return True


_STEPS_WRITTEN_DIRECTLY = True  # for the check, which runs _write_steps
_STEPS_WRITTEN_DIRECTLY = _steps_written_directly()


# --------------------------------------------------------------------------- renderers


def render(
    format: str,
    *,
    header: Mapping[str, str],
    summary: Iterable[tuple[str, str]],
    payments: Iterable[tuple[str, str, str, str]],
    notices: Iterable[Notice],
    steps: Iterable[Step],
    document: Mapping[str, Any],
) -> str:
    """Render an explanation. ``document`` is the full JSON document (used for ``json``)."""
    if format == "json":
        return _dumps(document)
    if format == "text":
        return _text(header, list(summary), list(payments), list(notices), list(steps))
    if format == "markdown":
        return _markdown(header, list(summary), list(payments), list(notices), list(steps))
    raise ValueError(f"unknown format {format!r}: use 'text', 'markdown' or 'json'")


def _text(
    header: Mapping[str, str],
    summary: list[tuple[str, str]],
    payments: list[tuple[str, str, str, str]],
    notices: list[Notice],
    steps: list[Step],
) -> str:
    lines = [header["title"], "=" * len(header["title"])]
    lines += [f"{key}: {value}" for key, value in header.items() if key != "title"]
    lines.append("")
    width = max(len(label) for label, _ in summary)
    lines += [f"  {label:<{width}}  {value:>12}" for label, value in summary]
    lines += ["", "Payments", "  payer           gross   withholding           net"]
    lines += [
        f"  {payer:<13} {gross:>8} {tax:>13} {net:>13}" for payer, gross, tax, net in payments
    ]
    if notices:
        lines += ["", "Notices"]
        lines += [f"  ! {notice.message}" for notice in notices]
    lines += ["", "How it was computed"]
    for number, step in enumerate(steps, start=1):
        mark = "" if step.applies else "  [did not apply]"
        lines.append(f"{number:>3}. {step.title} ({step.rule}, {step.id}){mark}")
        lines.append(f"       {step.formula}")
        lines.append(f"       => {step.result}")
        lines += _text_parameter_lines(step.parameters)
        lines += _text_source_lines(step.sources)
    return "\n".join(lines) + "\n"


def _markdown(
    header: Mapping[str, str],
    summary: list[tuple[str, str]],
    payments: list[tuple[str, str, str, str]],
    notices: list[Notice],
    steps: list[Step],
) -> str:
    lines = [f"# {header['title']}", ""]
    lines += [f"- **{key}**: {value}" for key, value in header.items() if key != "title"]
    lines += ["", "| | EUR |", "|---|---:|"]
    lines += [f"| {label} | {value} |" for label, value in summary]
    lines += [
        "",
        "## Payments",
        "",
        "| payer | gross | withholding | net |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {payer} | {gross} | {tax} | {net} |" for payer, gross, tax, net in payments]
    if notices:
        lines += ["", "## Notices", ""]
        lines += [f"- {notice.message}" for notice in notices]
    lines += ["", "## How it was computed", ""]
    for number, step in enumerate(steps, start=1):
        mark = "" if step.applies else " *(did not apply)*"
        lines.append(f"{number}. **{step.title}** (`{step.id}`, {step.rule}){mark}  ")
        lines.append(f"   `{step.formula}`  ")
        lines.append(f"   → {step.result}")
        lines += _markdown_parameter_lines(step.parameters)
        lines += _markdown_source_lines(step.sources)
    return "\n".join(lines) + "\n"
