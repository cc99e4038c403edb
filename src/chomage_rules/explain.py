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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

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
        source = v.sources[0]
        dated = f", {source.date.isoformat()}" if source.date else ""
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
        return {
            "id": self.id,
            "rule": self.rule,
            "title": self.title,
            "applies": self.applies,
            "formula": self.formula,
            "result": self.result,
            "parameters": [p.as_json() for p in self.parameters],
            "sources": [{"title": s.title, "url": s.url} for s in self.sources],
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
        return json.dumps(document, ensure_ascii=False, indent=2)
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
        lines += [f"       parameter {use.describe()}" for use in step.parameters]
        lines += [f"       source: {source.title} <{source.url}>" for source in step.sources]
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
        for use in step.parameters:
            lines.append(f"   - parameter {use.describe()}")
        for source in step.sources:
            lines.append(f"   - source: [{source.title}]({source.url})")
    return "\n".join(lines) + "\n"
