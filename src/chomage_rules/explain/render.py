"""Renderings of an explanation: plain text for a terminal, Markdown, and JSON.

Every text comes from the message catalogue in the language asked. Each source (a rule's legal
source, the page a figure comes from) is listed **once**, as a numbered reference at the end;
steps and figures point to it by number (``[3]``), instead of repeating addresses under every
step. The JSON rendering has the same references, a ``schema_version`` and the language.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.sources import LegalSource
from ..parameters import ParameterUse, Source
from .catalogue import Catalogue, Language, catalogue
from .step import Notice, Step

__all__ = ["SCHEMA_VERSION", "Explanation", "References", "render"]

SCHEMA_VERSION = "3.2"
"""2.0: texts in the language asked, sources listed once as numbered references. 3.0: the receipt's
``inputs_sha256`` (of the masked inputs) is replaced by ``inputs_hmac_sha256``, keyed by the
caller, of the full inputs (null without a key). 3.1 (additive): each notice has its ``rule`` and
the numbers of its ``references``. 3.2 (additive): each parameter of a step has its
``confidence`` (official, secondary, derived, or caller for a figure the caller supplied) and
``unverified``; a reference's ``date_kind`` may be ``valid_from``."""


@dataclass(frozen=True, slots=True)
class Explanation:
    """What a rendering shows of a result: plain data, already in the result's words."""

    title_values: Mapping[str, Any]
    header: Sequence[tuple[str, str, Any]]
    """Label key, way of writing and value (the worker, the employer, the status)."""
    summary: Sequence[tuple[str, int]]
    """Label key and amount in cents."""
    payments: Sequence[tuple[str, int, int, int]]
    """Payer, gross, withholding and net, in cents."""
    notices: Sequence[Notice]
    steps: Sequence[Step]


class References:
    """The sources of an explanation, each numbered once in order of first use."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str | date | None, ...], dict[str, Any]] = {}
        self._figures: dict[int, str] = {}
        self._pages: dict[tuple[str, str], tuple[str | date | None, ...]] = {}
        """The entry of each page (title, address) already numbered, whether a rule or a figure
        cited it first: a notice citing a figure's page (R9) and the figure share one number."""

    def _page(
        self, key: tuple[str | date | None, ...], title: str, url: str | None
    ) -> tuple[str | date | None, ...]:
        if key in self.entries or url is None:
            return key
        return self._pages.setdefault((title, url), key)

    def figure_line(self, texts: Catalogue, use: ParameterUse) -> str:
        """The line of a figure a step read (several steps read the same one: written once)."""
        line = self._figures.get(id(use))  # the month's figures live as long as the result
        if line is None:
            line = self._figures[id(use)] = _figure(texts, use, self)
        return line

    def number(
        self, key: tuple[str | date | None, ...], title: str, url: str | None, **more: Any
    ) -> int:
        """The number of the source ``key`` names; a later citation of the same page adds the
        date or the quotation the first one lacked."""
        on = more.pop("on", None)
        entry = self.entries.get(key)
        if entry is None:
            entry = {"number": len(self.entries) + 1, "title": title, "url": url, "date": None}
            self.entries[key] = entry
        if entry["date"] is None and on is not None:
            entry["date"] = on.isoformat()
        for name, value in more.items():
            if entry.get(name) is None:
                entry[name] = value
        number: int = entry["number"]
        return number

    def source(self, source: LegalSource) -> int:
        """A rule's source: one per passage (the sections of one FAQ share an address)."""
        key = self._page(("rule", source.title, source.url), source.title, source.url)
        return self.number(key, source.title, source.url)

    def figure_source(self, source: Source) -> int:
        """The page a figure comes from: one per address, whichever figures cite it."""
        key = ("figure", source.url) if source.url else ("figure", source.title, source.date)
        return self.number(
            self._page(key, source.title, source.url),
            source.title,
            source.url,
            on=source.date,
            date_kind=source.date_kind,
            undated=source.undated,
            quote=source.quote,
        )


def figure_label(texts: Catalogue, use: ParameterUse) -> tuple[str, dict[str, Any]]:
    """The label key of a figure's line and its values, without its references (every
    rendering adds them its own way: numbers in text, links in HTML)."""
    version = use.version
    value = (
        texts.label("no_value") if version.value is None else texts.write("decimal", version.value)
    )
    start = (
        texts.label("from_the_beginning")
        if version.valid_from == date.min
        else texts.label("from", {"day": version.valid_from})
    )
    key = "figure.overridden" if version.overridden else "figure"
    return key, {"name": use.name, "value": value, "start": start}


def _figure(texts: Catalogue, use: ParameterUse, refs: References) -> str:
    key, values = figure_label(texts, use)
    if use.version.overridden:
        return texts.label(key, values)
    numbers = " ".join(f"[{refs.figure_source(s)}]" for s in use.version.sources)
    return texts.label(key, {**values, "references": numbers})


def _step_lines(
    texts: Catalogue, step: Step, refs: References
) -> tuple[str, str, str, list[str], str]:
    title = texts.step(step.message, "title", step.values)
    formula = texts.step(step.message, "formula", step.values)
    result = texts.step(step.message, "result", step.values)
    sources = " ".join(f"[{refs.source(s)}]" for s in step.sources)  # the rule's first
    figures = [refs.figure_line(texts, use) for use in step.parameters]
    return title, formula, result, figures, sources


def _notice_line(texts: Catalogue, notice: Notice, refs: References) -> str:
    """A notice's text and the numbers of its sources."""
    cited = " ".join(f"[{refs.source(s)}]" for s in notice.sources)
    text = texts.notice(notice.code, notice.values)
    return f"{text} {cited}" if cited else text


def notices_json(
    texts: Catalogue, notices: Iterable[Notice], refs: References
) -> list[dict[str, Any]]:
    """The notices as JSON data: code, rule, text in the catalogue's language, sources by number."""
    return [
        {
            "code": n.code,
            "rule": n.rule or None,
            "message": texts.notice(n.code, n.values),
            "references": [refs.source(s) for s in n.sources],
        }
        for n in notices
    ]


def date_suffix(texts: Catalogue, entry: Mapping[str, Any]) -> str:
    """ ", updated 2024-07-12" (in the language), or nothing for a source without a date."""
    if not entry["date"]:
        return ""
    kind = entry.get("date_kind") or "shown"
    return ", " + texts.label(f"date.{kind}", {"day": date.fromisoformat(entry["date"])})


def _reference_line(texts: Catalogue, entry: Mapping[str, Any]) -> str:
    where = f" <{entry['url']}>" if entry["url"] else ""
    return f"{entry['title']}{date_suffix(texts, entry)}{where}"


def _money(texts: Catalogue, cents: int) -> str:
    return texts.write("money", cents)


def _payment_table(texts: Catalogue, payments: Sequence[tuple[str, int, int, int]]) -> list[str]:
    """The payers' gross, withholding and net, in columns as wide as their widest cell."""
    rows = [[texts.label(k) for k in ("payer", "gross", "withholding", "net")]]
    rows += [
        [texts.term(payer), *(_money(texts, cents) for cents in amounts)]
        for payer, *amounts in payments
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return [
        "  "
        + "  ".join(
            [
                row[0].ljust(widths[0]),
                *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)),
            ]
        )
        for row in rows
    ]


def _text(texts: Catalogue, e: Explanation) -> str:
    title = texts.label("title", e.title_values)
    lines = [title, "=" * len(title)]
    lines += [
        texts.label("field", {"name": texts.label(key), "value": texts.write(spec, value)})
        for key, spec, value in e.header
    ]
    lines.append("")
    summary = [(texts.label(key), _money(texts, cents)) for key, cents in e.summary]
    width = max(len(label) for label, _ in summary)
    lines += [f"  {label:<{width}}  {value:>12}" for label, value in summary]
    lines += ["", texts.label("payments"), *_payment_table(texts, e.payments)]
    refs = References()
    if e.notices:
        lines += ["", texts.label("notices")]
        lines += [f"  ! {_notice_line(texts, n, refs)}" for n in e.notices]
    lines += ["", texts.label("steps")]
    for number, step in enumerate(e.steps, start=1):
        title, formula, result, figures, sources = _step_lines(texts, step, refs)
        mark = "" if step.applies else f"  [{texts.label('did_not_apply')}]"
        cited = f" {sources}" if sources else ""
        lines.append(f"{number:>3}. {title} ({step.rule}, {step.id}){cited}{mark}")
        lines += [f"       {formula}", f"       => {result}"]
        lines += [f"       {figure}" for figure in figures]
    lines += ["", texts.label("references")]
    lines += [f"  [{r['number']}] {_reference_line(texts, r)}" for r in refs.entries.values()]
    return "\n".join(lines) + "\n"


def _markdown(texts: Catalogue, e: Explanation) -> str:
    lines = [f"# {texts.label('title', e.title_values)}", ""]
    lines += [
        "- "
        + texts.label(
            "field", {"name": f"**{texts.label(key)}**", "value": texts.write(spec, value)}
        )
        for key, spec, value in e.header
    ]
    lines += ["", "| | EUR |", "|---|---:|"]
    lines += [f"| {texts.label(key)} | {_money(texts, cents)} |" for key, cents in e.summary]
    columns = " | ".join(texts.label(k) for k in ("payer", "gross", "withholding", "net"))
    lines += ["", f"## {texts.label('payments')}", "", f"| {columns} |", "|---|---:|---:|---:|"]
    for payer, gross, tax, net in e.payments:
        amounts = " | ".join(_money(texts, cents) for cents in (gross, tax, net))
        lines.append(f"| {texts.term(payer)} | {amounts} |")
    refs = References()
    if e.notices:
        lines += ["", f"## {texts.label('notices')}", ""]
        lines += [f"- {_notice_line(texts, n, refs)}" for n in e.notices]
    lines += ["", f"## {texts.label('steps')}", ""]
    for number, step in enumerate(e.steps, start=1):
        title, formula, result, figures, sources = _step_lines(texts, step, refs)
        mark = "" if step.applies else f" *({texts.label('did_not_apply')})*"
        cited = f" {sources}" if sources else ""
        lines.append(f"{number}. **{title}** (`{step.id}`, {step.rule}){cited}{mark}  ")
        lines += [f"    `{formula}`  ", f"    → {result}"]  # four spaces: nested under 10. too
        lines += [f"    - {figure}" for figure in figures]
    lines += ["", f"## {texts.label('references')}", ""]
    for r in refs.entries.values():
        where = f"[{r['title']}]({r['url']})" if r["url"] else r["title"]
        lines.append(f"{r['number']}. {where}{date_suffix(texts, r)}")
    return "\n".join(lines) + "\n"


def steps_json(texts: Catalogue, steps: Iterable[Step], refs: References) -> list[dict[str, Any]]:
    """The steps as JSON data, their texts in the catalogue's language, sources by number."""
    out = []
    for step in steps:
        title, formula, result = (
            texts.step(step.message, part, step.values) for part in ("title", "formula", "result")
        )
        parameters = [
            {
                "name": use.name,
                "value": None if use.value is None else str(use.value),
                "from": None
                if use.version.valid_from == date.min
                else use.version.valid_from.isoformat(),
                "until": None
                if use.version.valid_until is None
                else use.version.valid_until.isoformat(),
                "overridden": use.version.overridden,
                "confidence": use.version.confidence,
                "unverified": use.version.unverified,
                "note": use.version.note,
                "references": [
                    refs.figure_source(s) for s in use.version.sources if not use.version.overridden
                ],
            }
            for use in step.parameters
        ]
        out.append(
            {
                "id": step.id,
                "rule": step.rule,
                "message": step.message,
                "title": title,
                "applies": step.applies,
                "formula": formula,
                "result": result,
                "parameters": parameters,
                "references": [refs.source(s) for s in step.sources],
            }
        )
    return out


def json_document(lang: Language, data: Mapping[str, Any], e: Explanation) -> str:
    """``data`` (the result's inputs and amounts) with the notices, steps and references."""
    texts = catalogue(lang)
    refs = References()
    document = {
        "schema_version": SCHEMA_VERSION,
        "language": lang,
        **data,
        "notices": notices_json(texts, e.notices, refs),
        "steps": steps_json(texts, e.steps, refs),
        "references": list(refs.entries.values()),
    }
    return json.dumps(document, ensure_ascii=False)


def render(format: str, lang: Language, e: Explanation) -> str:
    """The explanation as ``text`` or ``markdown`` in ``lang``."""
    if format == "text":
        return _text(catalogue(lang), e)
    if format == "markdown":
        return _markdown(catalogue(lang), e)
    raise ValueError(f"unknown format {format!r}: use 'text', 'markdown', 'json' or 'html'")
