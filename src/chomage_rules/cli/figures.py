"""``chomage-rules parameters``: the figures in force on a day, one parameter's dated history, or
the review list of :func:`~chomage_rules.report`; as a table or as JSON."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..parameters import Parameter, ParameterSet, ParameterVersion, Source, report
from ..parameters.report import FigureStatus
from .errors import CommandError

__all__ = ["figures_in_force", "history", "review"]

_WIDTH = 100


class _Sources:
    """The pages cited, each numbered once in order of first use, as in an explanation."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str | None, date | None], int] = {}
        self.pages: list[Source] = []

    def cite(self, sources: Sequence[Source]) -> str:
        cited = []
        for source in sources:
            key = (source.title, source.url, source.date)
            if key not in self.numbers:
                self.pages.append(source)
                self.numbers[key] = len(self.pages)
            cited.append(f"[{self.numbers[key]}]")
        return " ".join(cited) or "-"

    def lines(self) -> list[str]:
        if not self.pages:
            return []
        lines = ["", "Sources"]
        for number, page in enumerate(self.pages, start=1):
            when = page.date.isoformat() if page.date else "undated"
            kind = f" ({page.date_kind})" if page.date and page.date_kind else ""
            where = f" <{page.url}>" if page.url else ""
            lines.append(f"  [{number}] {page.title}, {when}{kind}{where}")
        return lines


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns as wide as their widest cell; the last one is left ragged."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    return [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in [header, *rows]
    ]


def _value(value: object) -> str:
    return "-" if value is None else str(value)


def _grade(confidence: str | None, unverified: bool, has_value: bool = True) -> str:
    """The confidence as the review list writes it; ``-`` for no figure."""
    if confidence is None or not has_value:
        return "-"
    grade = "supplied by the caller" if confidence == "caller" else confidence
    return f"{grade}, unverified" if unverified else grade


def _day(day: date | None) -> str:
    if day is None:
        return "-"
    return "always" if day == date.min else day.isoformat()


def _print_json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def figures_in_force(parameters: ParameterSet, on: date, as_json: bool) -> str:
    """Every figure in force on ``on``: value, unit, start, confidence, status and sources."""
    figures = report(on, parameters).figures
    if as_json:
        return _print_json(
            {
                "on": on.isoformat(),
                "parameters_fingerprint": parameters.fingerprint(),
                "figures": [
                    {**f.as_dict(), "unit": parameters.parameter(f.name).unit} for f in figures
                ],
            }
        )
    sources = _Sources()
    rows = [_figure_row(parameters, f, sources) for f in figures]
    lines = [f"Figures in force on {on.isoformat()} (set {parameters.fingerprint()})", ""]
    lines += _table(("name", "value", "unit", "from", "confidence", "status", "sources"), rows)
    lines += sources.lines()
    return "\n".join(lines) + "\n"


def _figure_row(parameters: ParameterSet, f: FigureStatus, sources: _Sources) -> tuple[str, ...]:
    return (
        f.name,
        _value(f.value),
        parameters.parameter(f.name).unit,
        _day(f.valid_from),
        _grade(f.confidence, f.unverified, f.value is not None),
        f.status,
        sources.cite(f.sources),
    )


def _parameter(parameters: ParameterSet, name: str) -> Parameter:
    try:
        return parameters.parameter(name)
    except KeyError as error:
        raise CommandError(f"--name: {error.args[0]}") from None


def history(parameters: ParameterSet, name: str, on: date, as_json: bool) -> str:
    """Every version of one parameter, oldest first, the one in force on ``on`` marked."""
    parameter = _parameter(parameters, name)
    if as_json:
        return _print_json(
            {
                "name": parameter.name,
                "description": parameter.description,
                "unit": parameter.unit,
                "kind": parameter.kind,
                "indexed": parameter.indexed,
                "series": parameter.series,
                "versions": [_version_data(v) for v in parameter.versions],
            }
        )
    follows = f"; follows the indexations of {parameter.series}" if parameter.series else ""
    lines = [f"{parameter.name}: {parameter.description}"]
    lines += [f"unit {parameter.unit}, kind {parameter.kind}{follows}", ""]
    sources = _Sources()
    rows = [_version_row(v, on, sources) for v in parameter.versions]
    lines += _table(("", "from", "until", "value", "confidence", "sources"), rows)
    lines += [f"(* in force on {on.isoformat()})", "", "Notes"]
    for version in parameter.versions:
        for label, text in (("", version.note), ("caveat: ", version.caveat)):
            if text:
                lines += textwrap.wrap(
                    f"{_day(version.valid_from)}: {label}{text}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
    lines += sources.lines()
    return "\n".join(lines) + "\n"


def _version_row(version: ParameterVersion, on: date, sources: _Sources) -> tuple[str, ...]:
    value = _value(version.value)
    if version.value is None:
        value = "- (not in force)" if version.not_in_force else "- (missing)"
    return (
        "*" if version.covers(on) else "",
        _day(version.valid_from),
        _day(version.valid_until),
        value,
        _grade(version.confidence, version.unverified),
        "-" if version.overridden else sources.cite(version.sources),
    )


def _version_data(version: ParameterVersion) -> dict[str, Any]:
    return {
        "from": _day(version.valid_from),
        "until": None if version.valid_until is None else version.valid_until.isoformat(),
        "value": None if version.value is None else str(version.value),
        "confidence": version.confidence,
        "unverified": version.unverified,
        "overridden": version.overridden,
        "missing": version.missing,
        "not_in_force": version.not_in_force,
        "note": version.note,
        "caveat": version.caveat,
        "sources": [
            {
                "title": s.title,
                "url": s.url,
                "date": None if s.date is None else s.date.isoformat(),
                "date_kind": s.date_kind,
                "quote": s.quote,
            }
            for s in version.sources
        ],
    }


def review(parameters: ParameterSet, on: date, as_json: bool) -> str:
    """The monthly review list (:func:`~chomage_rules.report`)."""
    result = report(on, parameters)
    return _print_json(result.as_dict()) if as_json else str(result)
